/**
 * What a command prints: with `--json`, one JSON document on stdout for machines; otherwise the
 * human rendering (tables). Status lines that are not the answer — progress, "waiting for..." —
 * go to stderr either way, so `kz ... --json | jq` sees only the answer.
 */
import type { CliIo } from '../io';

export class Printer {
  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** The command's answer: `value` as JSON, or `human()` as text. */
  result(value: unknown, human: () => string): void {
    this.io.stdout.write(this.json ? `${JSON.stringify(value, jsonReplacer, 2)}\n` : human());
  }

  /** One line of a stream of answers (consume): NDJSON with --json. */
  line(value: unknown, human: () => string): void {
    this.io.stdout.write(this.json ? `${JSON.stringify(value, jsonReplacer)}\n` : `${human()}\n`);
  }

  /** A note for the person at the terminal. */
  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }
}

/** Errors print as {code, message}; bigints as numbers' strings. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { code: (value as { code?: unknown }).code ?? value.name, message: value.message };
  if (typeof value === 'bigint') return value.toString();
  return value;
}
