import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian installs the server as /usr/sbin/nats-server, which is not on every user's PATH. */
const SYSTEM_DIRS = ['/usr/sbin', '/usr/bin'] as const;

/** A nats-server binary we can start ourselves, without Debian's systemd unit or /etc/nats-server.conf. */
export interface NatsInstall {
  readonly binary: string;
  /** As the server reports it, e.g. "2.9.10". */
  readonly version: string;
}

export class NatsInstallError extends Error {
  override readonly name = 'NatsInstallError';
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** nats-server on PATH, then in the system dirs; null when there is none. */
function findNatsServer(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter((d) => d !== ''), ...SYSTEM_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, 'nats-server');
    if (executable(candidate)) return candidate;
  }
  return null;
}

function run(command: string, args: readonly string[]): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, [...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error !== undefined) console.log(`  (${result.error.message})`);
  return result.status === 0;
}

/**
 * The nats-server binary and its version, installing Debian's `nats-server` package (2.9.x on
 * bookworm) when there is none. apt needs root; a stale package list is refreshed once and the
 * install retried. The package also enables a systemd unit on the default port; the bench never
 * uses it — it starts its own servers with their own configs and ports.
 */
export function ensureNatsInstalled(): NatsInstall {
  let binary = findNatsServer();
  if (binary === null) {
    console.log(`nats-server not found (PATH, ${SYSTEM_DIRS.join(', ')}): installing Debian package nats-server`);
    if (!run('apt-get', ['install', '-y', 'nats-server'])) {
      run('apt-get', ['update']);
      if (!run('apt-get', ['install', '-y', 'nats-server'])) {
        throw new NatsInstallError('could not install nats-server with apt-get (root and a reachable Debian mirror are needed)');
      }
    }
    binary = findNatsServer();
    if (binary === null) throw new NatsInstallError(`nats-server was installed but no nats-server binary is on PATH or in ${SYSTEM_DIRS.join(', ')}`);
  }
  const info = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  // "nats-server: v2.9.10"
  const version = /v(\d+\.\d+\.\d+\S*)/.exec(`${info.stdout ?? ''}${info.stderr ?? ''}`)?.[1];
  if (version === undefined) throw new NatsInstallError(`could not read the nats-server version: ${(info.stderr ?? '').trim() || 'no output'}`);
  console.log(`nats-server: ${version} (${binary})`);
  return { binary, version };
}
