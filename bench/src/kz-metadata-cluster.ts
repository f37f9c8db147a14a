import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MetadataAdminClient, type ControllerAddress } from '@kz/metadata';
import type { CleanupScope } from './cleanup-scope';
import { freeLoopbackPorts } from './free-ports';
import { ManagedProcess } from './managed-process';
import { waitUntil } from './wait-until';

const NODES = 3;
const READY_TIMEOUT_MS = 60_000;
export const KZ_BENCH_CLUSTER_ID = 'kz-bench-metadata';

interface ControllerProcess {
  readonly id: number;
  readonly adminAddress: string;
  readonly process: ManagedProcess;
}

/** @kz/metadata's server entry point, found through the workspace package. */
export function kzMetadataEntry(): string {
  return join(dirname(require.resolve('@kz/metadata/package.json')), 'dist', 'runtime', 'metadata-server-main.js');
}

/**
 * A 3-node kz controller quorum on loopback: three `metadata-server-main` processes, Raft over gRPC,
 * LevelDB with synced writes (every commit is durable on a majority), each with a fresh data dir.
 */
export class KzMetadataCluster {
  private constructor(
    private readonly nodes: readonly ControllerProcess[],
    private readonly scope: CleanupScope,
  ) {}

  static async start(root: string, scope: CleanupScope, sessionTimeoutMs: number, cpuProfileDir?: string): Promise<KzMetadataCluster> {
    const ports = await freeLoopbackPorts(2 * NODES);
    const ids = Array.from({ length: NODES }, (_, i) => i + 1);
    const voters = ids.map((id, i) => `${id}@127.0.0.1:${ports[2 * i + 1]!}`).join(',');
    const nodes = ids.map((id, i): ControllerProcess => {
      const name = `kz-controller-${id}`;
      const dataDir = join(root, name);
      mkdirSync(dataDir, { recursive: true });
      const adminAddress = `127.0.0.1:${ports[2 * i]!}`;
      const args = [
        ...(cpuProfileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir]),
        kzMetadataEntry(),
        '--node-id', String(id),
        '--data-dir', dataDir,
        '--cluster-id', KZ_BENCH_CLUSTER_ID,
        '--voters', voters,
        '--admin-listen', adminAddress,
        '--session-timeout-ms', String(sessionTimeoutMs),
        '--log-level', 'info',
      ];
      const child = scope.track(ManagedProcess.start(name, process.execPath, args, { logFile: join(root, `${name}.log`) }));
      return { id, adminAddress, process: child };
    });
    const cluster = new KzMetadataCluster(nodes, scope);
    const client = cluster.client();
    try {
      await waitUntil('kz controller quorum', READY_TIMEOUT_MS, () => client.listPartitionReassignments(), { fatal: () => cluster.deadNode() });
    } finally {
      client.close();
    }
    return cluster;
  }

  get controllers(): readonly ControllerAddress[] {
    return this.nodes.map((n) => ({ id: n.id, address: n.adminAddress }));
  }

  /** A client of the whole quorum: it finds the active controller and follows it. */
  client(timeoutMs = 120_000): MetadataAdminClient {
    return new MetadataAdminClient({ controllers: this.controllers, timeoutMs, attemptTimeoutMs: 60_000, retryBackoffMs: 5 });
  }

  /** SIGKILL, as a crash: no flush, no goodbye. */
  kill(id: number): void {
    this.nodes.find((n) => n.id === id)?.process.killNow();
  }

  logTail(id: number): string {
    return this.nodes.find((n) => n.id === id)?.process.logTail(30) ?? '';
  }

  async stop(): Promise<void> {
    await this.scope.stopProcesses(this.nodes.map((n) => n.process));
  }

  private deadNode(): string | null {
    const dead = this.nodes.find((n) => n.process.exited !== null);
    return dead === undefined ? null : `controller ${dead.id} ${dead.process.exited}`;
  }
}
