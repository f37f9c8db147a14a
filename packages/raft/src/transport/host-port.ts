/**
 * `host:port` addresses as the transport options take them: `127.0.0.1:9093`, `node-1:9093`,
 * `[::1]:9093`. Checked up front so a typo fails at construction, not as an endless stream of
 * dropped sends.
 */
import { InvalidTransportConfigError } from './transport-errors';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

const HOST_PORT = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9_.-]+)):(\d{1,5})$/;

export function parseHostPort(address: string, what: string, allowPortZero: boolean): HostPort {
  const match = HOST_PORT.exec(address);
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (host === undefined || !Number.isInteger(port) || port > 65535 || (port === 0 && !allowPortZero)) {
    throw new InvalidTransportConfigError(
      `${what}: expected host:port${allowPortZero ? ' (port 0 picks a free port)' : ''}, got ${JSON.stringify(address)}`,
    );
  }
  return { host, port };
}

export function formatHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
