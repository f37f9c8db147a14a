import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CleanupScope } from './cleanup-scope';
import type { NatsInstall } from './ensure-nats';
import { freeLoopbackPorts } from './free-ports';
import { ManagedProcess } from './managed-process';
import { waitUntil } from './wait-until';

const SERVERS = 3;
const READY_TIMEOUT_MS = 60_000;
const CLUSTER_NAME = 'kz-bench';

export interface NatsServer {
  /** Its server_name, n1..n3: JetStream tells peers apart by it, so it must be unique. */
  readonly name: string;
  /** host:port for clients. */
  readonly clientAddress: string;
  /** host:port of its HTTP monitoring endpoint (/jsz, /varz). */
  readonly monitorAddress: string;
  readonly process: ManagedProcess;
}

export class NatsClusterError extends Error {
  override readonly name = 'NatsClusterError';
}

/** What /jsz says about the JetStream meta group (the Raft group that owns streams and consumers). */
interface MetaClusterInfo {
  readonly leader?: string;
  readonly cluster_size?: number;
  readonly replicas?: readonly { readonly name: string; readonly current: boolean }[];
}

/**
 * The config of one server. Everything the bench depends on is written out, so the file says
 * what was measured. JetStream file storage keeps nats-server's default sync policy: writes go
 * to the OS at once and are fsynced in the background, not per message.
 */
function serverConf(name: string, storeDir: string, clientPort: number, monitorPort: number, clusterPort: number, routePorts: readonly number[]): string {
  return [
    '# written by the kz bench (nats-cluster.ts)',
    `server_name: ${name}`,
    `listen: 127.0.0.1:${clientPort}`,
    `http: 127.0.0.1:${monitorPort}`,
    'jetstream {',
    `  store_dir: "${storeDir}"`,
    // Explicit limits: without them the server reserves a share of the machine's memory and disk,
    // which varies from one machine to the next.
    '  max_memory_store: 256MB',
    '  max_file_store: 8GB',
    '}',
    'cluster {',
    `  name: ${CLUSTER_NAME}`,
    `  listen: 127.0.0.1:${clusterPort}`,
    // Every server names every route, its own included (a server ignores a route to itself), so
    // the three configs differ only in names, ports and dirs.
    '  routes: [',
    ...routePorts.map((p) => `    nats-route://127.0.0.1:${p}`),
    '  ]',
    '}',
    '',
  ].join('\n');
}

/**
 * A 3-server NATS cluster with JetStream on loopback: each server its own process (started by us
 * — not Debian's systemd unit or /etc/nats-server.conf), its own config file, store dir and
 * client, monitoring and route ports.
 */
export class NatsCluster {
  private constructor(
    readonly servers: readonly NatsServer[],
    private readonly scope: CleanupScope,
  ) {}

  static async start(install: NatsInstall, root: string, scope: CleanupScope): Promise<NatsCluster> {
    const ports = await freeLoopbackPorts(3 * SERVERS);
    const routePorts = Array.from({ length: SERVERS }, (_, i) => ports[3 * i + 2]!);
    const servers = routePorts.map((clusterPort, i): NatsServer => {
      const name = `n${i + 1}`;
      const dir = join(root, name);
      const storeDir = join(dir, 'jetstream');
      mkdirSync(storeDir, { recursive: true });
      const clientPort = ports[3 * i]!;
      const monitorPort = ports[3 * i + 1]!;
      const conf = join(dir, 'nats-server.conf');
      writeFileSync(conf, serverConf(name, storeDir, clientPort, monitorPort, clusterPort, routePorts));
      const child = scope.track(ManagedProcess.start(`nats-${name}`, install.binary, ['-c', conf], { logFile: join(root, `${name}.log`) }));
      return { name, clientAddress: `127.0.0.1:${clientPort}`, monitorAddress: `127.0.0.1:${monitorPort}`, process: child };
    });
    const cluster = new NatsCluster(servers, scope);
    try {
      await waitUntil('nats JetStream meta leader', READY_TIMEOUT_MS, () => cluster.metaLeader(), { fatal: () => cluster.deadServer(), pauseMs: 250 });
    } catch (error) {
      const dead = servers.find((s) => s.process.exited !== null) ?? servers[0]!;
      throw new NatsClusterError(`${error instanceof Error ? error.message : String(error)}\n--- ${dead.name} log ---\n${dead.process.logTail()}`);
    }
    return cluster;
  }

  /** Every server's client address, for a client to pick from and fail over between. */
  get clientAddresses(): string[] {
    return this.servers.map((s) => s.clientAddress);
  }

  /** Server pids, n1 first. */
  get pids(): number[] {
    return this.servers.flatMap((s) => (s.process.pid === undefined ? [] : [s.process.pid]));
  }

  /**
   * The name of the JetStream meta leader, once every server names the same one and it counts both
   * others as current peers: before that, a replicas=3 stream cannot be placed.
   */
  async metaLeader(): Promise<string> {
    const metas = await Promise.all(this.servers.map(async (s) => ({ server: s, meta: await this.metaCluster(s) })));
    const leaders = new Set(metas.map((m) => m.meta.leader ?? ''));
    const leader = [...leaders][0] ?? '';
    if (leaders.size !== 1 || leader === '') throw new NatsClusterError(`servers name leaders ${[...leaders].map((l) => l || '(none)').join(', ')}`);
    const fromLeader = metas.find((m) => m.server.name === leader)?.meta;
    const current = (fromLeader?.replicas ?? []).filter((r) => r.current).length;
    if (current !== SERVERS - 1) throw new NatsClusterError(`meta leader ${leader} has ${current} current peers of ${SERVERS - 1}`);
    return leader;
  }

  /** Stops every server (SIGTERM, then SIGKILL after 5 s); the scope removes the store dirs. */
  async stop(): Promise<void> {
    await this.scope.stopProcesses(this.servers.map((s) => s.process));
  }

  private async metaCluster(server: NatsServer): Promise<MetaClusterInfo> {
    const response = await fetch(`http://${server.monitorAddress}/jsz`, { signal: AbortSignal.timeout(2000) });
    if (!response.ok) throw new NatsClusterError(`${server.name} /jsz: HTTP ${response.status}`);
    const body = (await response.json()) as { meta_cluster?: MetaClusterInfo };
    if (body.meta_cluster === undefined) throw new NatsClusterError(`${server.name} /jsz: no meta_cluster yet`);
    return body.meta_cluster;
  }

  private deadServer(): string | null {
    const dead = this.servers.find((s) => s.process.exited !== null);
    return dead === undefined ? null : `${dead.name} ${dead.process.exited}`;
  }
}
