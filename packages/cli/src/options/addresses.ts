/** Address flags: `host:port`, and lists of them (`--bootstrap-server a:9092,b:9092`). */
import { parseVoters } from '@kz/metadata';
import { cliUsage, usageError } from '../cli-error';

const HOST_PORT = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):([0-9]{1,5})$/;

export function hostPort(flag: string, value: string, allowPortZero = false): string {
  const port = Number(HOST_PORT.exec(value)?.[1]);
  if (!(port >= (allowPortZero ? 0 : 1) && port <= 65535)) throw usageError(`--${flag}: expected host:port, got ${JSON.stringify(value)}`);
  return value;
}

export function hostPortList(flag: string, value: string): string[] {
  const list = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (list.length === 0) throw usageError(`--${flag}: no addresses`);
  return list.map((entry) => hostPort(flag, entry));
}

/** `1@host:port,...` as a map, with @kz/metadata's checks; its UsageError becomes ours. */
export function idAddressList(flag: string, value: string): Map<number, string> {
  return cliUsage(() => parseVoters(value, `--${flag}`));
}
