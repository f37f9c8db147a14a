import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The etcd binary on PATH, or null. */
function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
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
 * The path of an `etcd` server binary, installing Debian's etcd-server (3.4.x) when there is none.
 * apt needs root; a stale package list is refreshed once and the install retried.
 */
export function ensureEtcdInstalled(): string {
  let etcd = findOnPath('etcd');
  if (etcd === null) {
    console.log('etcd not found on PATH: installing Debian package etcd-server');
    if (!run('apt-get', ['install', '-y', 'etcd-server'])) {
      run('apt-get', ['update']);
      if (!run('apt-get', ['install', '-y', 'etcd-server'])) throw new Error('could not install etcd-server with apt-get (root needed)');
    }
    etcd = findOnPath('etcd');
    if (etcd === null) throw new Error('etcd-server was installed but no etcd binary is on PATH');
  }
  const version = spawnSync(etcd, ['--version'], { encoding: 'utf8' });
  console.log(`etcd: ${etcd} (${(version.stdout ?? '').split('\n')[0]?.trim() ?? 'unknown version'})`);
  return etcd;
}
