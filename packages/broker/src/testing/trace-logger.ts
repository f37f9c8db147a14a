/**
 * A pino logger for a simulated broker's ReplicaManager that narrates into the simulation's trace:
 * its info and warn lines (leadership, ISR changes, truncations) are what a failing run's lead-up
 * needs, one short line each.
 */
import pino, { type Logger } from 'pino';

const SKIPPED = new Set(['level', 'time', 'pid', 'hostname', 'component', 'msg']);

export function traceLogger(prefix: string, trace: (text: string) => void, onMessage: (message: string) => void = () => {}): Logger {
  return pino(
    // Debug, so that per-partition lines a real broker summarizes at scale stay in the trace.
    { level: 'debug', base: null, timestamp: false },
    {
      write(line: string): void {
        const entry = JSON.parse(line) as Record<string, unknown>;
        const fields = Object.entries(entry)
          .filter(([key]) => !SKIPPED.has(key))
          .map(([key, value]) => `${key}=${key === 'err' ? errorText(value) : typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
          .join(' ');
        onMessage(String(entry['msg']));
        trace(`${prefix}: ${String(entry['msg'])}${fields === '' ? '' : ` (${fields})`}`);
      },
    },
  );
}

/** An error as one short phrase: its code and message, not its stack. */
function errorText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const { code, message } = value as { code?: unknown; message?: unknown };
  return `${code === undefined ? '' : `${String(code)}: `}${String(message)}`;
}
