import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { CleanupScope } from './cleanup-scope';
import type { ZookeeperInstall } from './ensure-zookeeper';
import { freeLoopbackPorts } from './free-ports';
import { ManagedProcess } from './managed-process';
import { ZookeeperError, ZookeeperSession } from './zookeeper-client';
import { waitUntil } from './wait-until';

const SERVERS = 3;
const READY_TIMEOUT_MS = 60_000;
/** Enough for the bench's 100k+ partitions (~200k znodes of ~100 bytes take a few hundred MB). */
const DEFAULT_HEAP = '1g';

export interface ZookeeperServer {
  /** Its myid, 1..3. */
  readonly id: number;
  /** host:port of its client port. */
  readonly clientAddress: string;
  readonly process: ManagedProcess;
}

export interface ZookeeperEnsembleOptions {
  /** The JVM's -Xmx, e.g. "1g". */
  readonly heap?: string;
  /** More JVM flags, e.g. a -Dzookeeper.* system property to try a server setting. */
  readonly jvmArgs?: readonly string[];
}

/** A server's role as `srvr` reports it; "standalone" never happens here. */
export type ZookeeperMode = 'leader' | 'follower' | 'observer' | 'standalone' | 'not serving';

export class ZookeeperEnsembleError extends Error {
  override readonly name = 'ZookeeperEnsembleError';
}

/**
 * The zoo.cfg of one server. Every value the bench depends on is written out, even where it is
 * ZooKeeper's default, so the file says what was measured.
 */
function zooCfg(dataDir: string, clientPort: number, quorum: readonly { quorumPort: number; electionPort: number }[]): string {
  return [
    '# written by the kz bench (zookeeper-ensemble.ts)',
    'tickTime=2000',
    'initLimit=10',
    'syncLimit=5',
    `dataDir=${dataDir}`,
    `clientPort=${clientPort}`,
    'clientPortAddress=127.0.0.1',
    // Durable, as ZooKeeper is by default: the transaction log is fsynced before a write is
    // acknowledged (group commit: one fsync covers every request waiting for it).
    'forceSync=yes',
    // srvr tells the leader from the followers; ZooKeeper 3.5+ answers no four-letter word unless listed.
    '4lw.commands.whitelist=srvr,ruok',
    // The admin HTTP server would bind port 8080 on every server; three cannot share it.
    'admin.enableServer=false',
    // Kafka's controller keeps one session; the bench may open a few from one address.
    'maxClientCnxns=0',
    ...quorum.map((q, i) => `server.${i + 1}=127.0.0.1:${q.quorumPort}:${q.electionPort}`),
    '',
  ].join('\n');
}

/** Sends a four-letter word (e.g. "srvr") to a server and returns its whole answer. */
function fourLetterWord(address: string, word: string, timeoutMs: number): Promise<string> {
  const [host, port] = address.split(':');
  return new Promise((resolve, reject) => {
    const socket = connect({ host: host!, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`${word} to ${address}: no answer within ${timeoutMs} ms`)));
    socket.once('connect', () => socket.end(word));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/**
 * A 3-server ZooKeeper ensemble on loopback: each server its own JVM (QuorumPeerMain, started by
 * us — not Debian's init scripts or /etc/zookeeper), its own data dir and client, quorum and
 * election ports, and a zoo.cfg we write. Durability is ZooKeeper's default (forceSync=yes).
 */
export class ZookeeperEnsemble {
  private constructor(
    readonly servers: readonly ZookeeperServer[],
    private readonly scope: CleanupScope,
  ) {}

  static async start(install: ZookeeperInstall, root: string, scope: CleanupScope, options: ZookeeperEnsembleOptions = {}): Promise<ZookeeperEnsemble> {
    const ports = await freeLoopbackPorts(3 * SERVERS);
    const quorum = Array.from({ length: SERVERS }, (_, i) => ({ quorumPort: ports[3 * i + 1]!, electionPort: ports[3 * i + 2]! }));
    const heap = options.heap ?? DEFAULT_HEAP;
    const servers = quorum.map((_, i): ZookeeperServer => {
      const id = i + 1;
      const name = `zk${id}`;
      const dir = join(root, name);
      const dataDir = join(dir, 'data');
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(join(dataDir, 'myid'), `${id}\n`);
      const clientPort = ports[3 * i]!;
      const cfg = join(dir, 'zoo.cfg');
      writeFileSync(cfg, zooCfg(dataDir, clientPort, quorum));
      const args = [
        `-Xmx${heap}`,
        // A JVM crash report goes beside the server's config, not into the bench's working directory.
        `-XX:ErrorFile=${join(dir, 'hs_err_%p.log')}`,
        '-Dorg.slf4j.simpleLogger.defaultLogLevel=info',
        '-Dorg.slf4j.simpleLogger.showDateTime=true',
        ...(options.jvmArgs ?? []),
        '-cp',
        install.classpath,
        'org.apache.zookeeper.server.quorum.QuorumPeerMain',
        cfg,
      ];
      const child = scope.track(ManagedProcess.start(name, install.java, args, { logFile: join(root, `${name}.log`) }));
      return { id, clientAddress: `127.0.0.1:${clientPort}`, process: child };
    });
    const ensemble = new ZookeeperEnsemble(servers, scope);
    try {
      await ensemble.waitServing();
    } catch (error) {
      const dead = servers.find((s) => s.process.exited !== null) ?? servers[0]!;
      throw new ZookeeperEnsembleError(
        `${error instanceof Error ? error.message : String(error)}\n--- zk${dead.id} log ---\n${dead.process.logTail()}`,
      );
    }
    return ensemble;
  }

  /** "127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3": a client picks any server of these. */
  get connectString(): string {
    return this.servers.map((s) => s.clientAddress).join(',');
  }

  server(id: number): ZookeeperServer {
    const server = this.servers.find((s) => s.id === id);
    if (server === undefined) throw new ZookeeperEnsembleError(`no ZooKeeper server ${id}`);
    return server;
  }

  /** What one running server says it is. */
  async mode(server: ZookeeperServer, timeoutMs = 2000): Promise<ZookeeperMode> {
    const answer = await fourLetterWord(server.clientAddress, 'srvr', timeoutMs);
    const mode = /^Mode: (\w+)/m.exec(answer)?.[1];
    return mode === 'leader' || mode === 'follower' || mode === 'observer' || mode === 'standalone' ? mode : 'not serving';
  }

  /** The server that is leader, once every live server serves and exactly one of them leads. */
  async leader(timeoutMs = READY_TIMEOUT_MS): Promise<ZookeeperServer> {
    return waitUntil('zookeeper leader', timeoutMs, async () => {
      const live = this.servers.filter((s) => s.process.exited === null);
      const modes = await Promise.all(live.map(async (s) => ({ server: s, mode: await this.mode(s) })));
      const notServing = modes.filter((m) => m.mode !== 'leader' && m.mode !== 'follower');
      if (notServing.length > 0) throw new ZookeeperEnsembleError(`zk${notServing[0]!.server.id} is ${notServing[0]!.mode}`);
      const leaders = modes.filter((m) => m.mode === 'leader');
      if (leaders.length !== 1) throw new ZookeeperEnsembleError(`${leaders.length} servers say they lead`);
      return leaders[0]!.server;
    });
  }

  /** Server pids, the leader's first (for CPU sampling, as the etcd cluster orders them). */
  pidsLeaderFirst(leader: ZookeeperServer): number[] {
    const ordered = [leader, ...this.servers.filter((s) => s !== leader)];
    return ordered.flatMap((s) => (s.process.pid === undefined ? [] : [s.process.pid]));
  }

  /** SIGKILL one server (no shutdown hook runs, as in a crash) and wait until it is gone. */
  async kill9(id: number): Promise<void> {
    const server = this.server(id);
    server.process.killNow();
    await waitUntil(`zk${id} to exit`, 10_000, async () => {
      if (server.process.exited === null) throw new ZookeeperEnsembleError(`zk${id} still running`);
    }, { pauseMs: 20 });
  }

  /** Stops every server (SIGTERM, then SIGKILL after 5 s); the scope removes the data dirs. */
  async stop(): Promise<void> {
    await this.scope.stopProcesses(this.servers.map((s) => s.process));
  }

  private deadServer(): string | null {
    const dead = this.servers.find((s) => s.process.exited !== null);
    return dead === undefined ? null : `zk${dead.id} ${dead.process.exited}`;
  }

  /** Serving = one leader elected, and a write through every server is acknowledged. */
  private async waitServing(): Promise<void> {
    await waitUntil(
      'zookeeper ensemble',
      READY_TIMEOUT_MS,
      async () => {
        await this.leader(0);
      },
      { fatal: () => this.deadServer(), pauseMs: 250 },
    );
    for (const server of this.servers) {
      await waitUntil(
        `zookeeper server zk${server.id}`,
        READY_TIMEOUT_MS,
        async () => {
          const session = await ZookeeperSession.connect(server.clientAddress, { connectTimeoutMs: 2000 });
          try {
            await session.create(`/kz-bench-health-zk${server.id}`, Buffer.from(`zk${server.id}`)).catch((error: unknown) => {
              // An earlier attempt's create went through before its session failed.
              if (!(error instanceof ZookeeperError && error.codeName === 'NODEEXISTS')) throw error;
            });
          } finally {
            await session.close();
          }
        },
        { fatal: () => this.deadServer() },
      );
    }
  }
}
