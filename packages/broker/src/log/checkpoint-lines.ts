/**
 * The framing Kafka's checkpoint files share (`replication-offset-checkpoint` and kz's
 * `damaged-replicas-checkpoint`): a version line, the entry count, then one line per entry, each
 * line ending in a newline. Parsing is strict — a file not written whole is refused
 * (CorruptCheckpointError), never half-read: a last line without its newline (a file cut short), an
 * unknown version, a count its lines do not match (lines lost).
 */
import { CorruptCheckpointError } from './log-errors';

export function formatCheckpointLines(version: number, entries: readonly string[]): string {
  let text = `${version}\n${entries.length}\n`;
  for (const entry of entries) text += `${entry}\n`;
  return text;
}

/** The entry lines of a checkpoint file's text; `file` names it in the error. Throws CorruptCheckpointError. */
export function parseCheckpointLines(text: string, file: string, version: number): string[] {
  const fail = (reason: string): never => {
    throw new CorruptCheckpointError(file, reason);
  };
  if (!text.endsWith('\n')) fail(text.length === 0 ? 'the file is empty' : 'the last line is cut short (no newline)');
  const lines = text.slice(0, -1).split('\n');
  if (lines[0] !== String(version)) fail(`unknown version ${JSON.stringify(lines[0])}`);
  if (lines.length < 2 || !/^\d+$/.test(lines[1]!)) fail(`bad entry count ${JSON.stringify(lines[1] ?? '')}`);
  const count = Number(lines[1]);
  if (count !== lines.length - 2) fail(`the entry count ${count} does not match the ${lines.length - 2} entry lines`);
  return lines.slice(2);
}
