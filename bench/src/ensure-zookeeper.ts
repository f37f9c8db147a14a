import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Debian's `zookeeper` package puts its launcher scripts under /usr/share/zookeeper, but the server
 * itself is libzookeeper-java's jar in /usr/share/java; that jar's manifest Class-Path names every
 * library it needs (netty, jute, slf4j-api, ...), so it alone is the classpath.
 */
const ZOOKEEPER_JAR = '/usr/share/java/zookeeper.jar';
const LAUNCHER = '/usr/share/zookeeper/bin/zkServer.sh';
/**
 * ZooKeeper logs through slf4j, and with no binding on the classpath it logs nothing at all — not
 * even why it died. slf4j-simple (libslf4j-java, a dependency of the package) writes to stderr,
 * which ManagedProcess sends to each server's log file.
 */
const SLF4J_SIMPLE_JAR = '/usr/share/java/slf4j-simple.jar';
const JAVA = '/usr/bin/java';

/** What it takes to start ZooKeeper servers ourselves, without Debian's init scripts or /etc/zookeeper. */
export interface ZookeeperInstall {
  readonly java: string;
  /** For `java -cp`. */
  readonly classpath: string;
  /** As the server reports it, e.g. "3.8.0". */
  readonly version: string;
}

export class ZookeeperInstallError extends Error {
  override readonly name = 'ZookeeperInstallError';
}

function run(command: string, args: readonly string[]): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, [...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error !== undefined) console.log(`  (${result.error.message})`);
  return result.status === 0;
}

function installed(): boolean {
  return existsSync(ZOOKEEPER_JAR) && existsSync(LAUNCHER);
}

/**
 * The java binary and classpath of a ZooKeeper server, installing Debian's `zookeeper` package
 * (3.8.x) when it is missing. apt needs root; a stale package list is refreshed once and the
 * install retried.
 */
export function ensureZookeeperInstalled(): ZookeeperInstall {
  if (!existsSync(JAVA)) throw new ZookeeperInstallError(`${JAVA} not found: ZooKeeper needs a Java runtime (Debian: openjdk-17-jre-headless)`);
  if (!installed()) {
    console.log(`ZooKeeper not found (${ZOOKEEPER_JAR}): installing Debian package zookeeper`);
    if (!run('apt-get', ['install', '-y', 'zookeeper'])) {
      run('apt-get', ['update']);
      if (!run('apt-get', ['install', '-y', 'zookeeper'])) throw new ZookeeperInstallError('could not install zookeeper with apt-get (root needed)');
    }
    if (!installed()) throw new ZookeeperInstallError(`zookeeper was installed but ${ZOOKEEPER_JAR} is missing`);
  }
  const classpath = existsSync(SLF4J_SIMPLE_JAR) ? `${ZOOKEEPER_JAR}:${SLF4J_SIMPLE_JAR}` : ZOOKEEPER_JAR;
  const info = spawnSync(JAVA, ['-cp', ZOOKEEPER_JAR, 'org.apache.zookeeper.version.VersionInfoMain'], { encoding: 'utf8' });
  // "Apache ZooKeeper, version 3.8.0 2024-12-29 17:54 UTC"
  const version = /version (\S+)/.exec(info.stdout ?? '')?.[1];
  if (version === undefined) throw new ZookeeperInstallError(`could not read the ZooKeeper version: ${(info.stderr ?? '').trim() || 'no output'}`);
  console.log(`zookeeper: ${version} (${ZOOKEEPER_JAR}, ${JAVA})`);
  return { java: JAVA, classpath, version };
}
