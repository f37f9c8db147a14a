/**
 * One pino JSON line made readable for a terminal (`12:00:01.234 INFO  quorum state changed
 * role=leader epoch=2`), for the cluster launcher, which interleaves three nodes' output. The
 * nodes themselves keep writing JSON: that is what a log pipeline wants.
 */

const LEVEL_NAMES: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** Fields every line has, or that the prefix already says. */
const OMITTED = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'nodeId']);

export function formatLogLine(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return line;
  }
  if (parsed === null || typeof parsed !== 'object' || !('msg' in parsed)) return line;
  const fields = parsed as Record<string, unknown>;
  const time = typeof fields.time === 'number' ? new Date(fields.time).toISOString().slice(11, 23) : '';
  const level = (typeof fields.level === 'number' ? LEVEL_NAMES[fields.level] : undefined) ?? String(fields.level);
  const rest = Object.entries(fields)
    .filter(([key]) => !OMITTED.has(key))
    .map(([key, value]) => `${key}=${show(value)}`)
    .join(' ');
  return `${time} ${level.padEnd(5)} ${String(fields.msg)}${rest === '' ? '' : ` ${rest}`}`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  // pino serializes errors as { type, message, stack }: the message is what a reader needs.
  if (value !== null && typeof value === 'object' && 'message' in value && 'stack' in value) return JSON.stringify(String(value.message));
  return JSON.stringify(value);
}
