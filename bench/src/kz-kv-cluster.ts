import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KV_V8_FLAGS } from '@kz/example-kv/dist/kv-v8-flags';
import type { CleanupScope } from './cleanup-scope';
import { freeLoopbackPorts } from './free-ports';
import { KzKvClient } from './kz-kv-client';
import { ManagedProcess } from './managed-process';
import { waitUntil } from './wait-until';

const NODES = 3;
const READY_TIMEOUT_MS = 60_000;

interface KzNode {
  readonly name: string;
  readonly kvAddress: string;
  readonly process: ManagedProcess;
}

export interface KzKvClusterOptions {
  /** Run each node under `node --cpu-prof`, writing its profile here when it stops. */
  readonly cpuProfileDir?: string;
}

/** examples/kv's server entry point, found through the workspace package. */
export function kzKvEntry(): string {
  return join(dirname(require.resolve('@kz/example-kv/package.json')), 'dist', 'main.js');
}

/**
 * Three `examples/kv` server processes on loopback — Raft over gRPC, LevelDB storage with synced
 * writes (kz's durability default), each with a fresh data dir.
 */
export class KzKvCluster {
  private constructor(
    private readonly nodes: readonly KzNode[],
    private readonly scope: CleanupScope,
  ) {}

  static async start(root: string, scope: CleanupScope, options: KzKvClusterOptions = {}): Promise<KzKvCluster> {
    const ports = await freeLoopbackPorts(2 * NODES);
    const ids = Array.from({ length: NODES }, (_, i) => i + 1);
    const raftAddress = (i: number): string => `127.0.0.1:${ports[2 * i + 1]!}`;
    const kvAddress = (i: number): string => `127.0.0.1:${ports[2 * i]!}`;
    const peers = ids.map((id, i) => `${id}=${raftAddress(i)}`).join(',');
    const kvPeers = ids.map((id, i) => `${id}=${kvAddress(i)}`).join(',');
    const entry = kzKvEntry();
    const nodes = ids.map((id, i): KzNode => {
      const name = `kz${id}`;
      const dataDir = join(root, name);
      mkdirSync(dataDir, { recursive: true });
      const nodeFlags = options.cpuProfileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir];
      const args = [
        ...KV_V8_FLAGS,
        ...nodeFlags,
        entry,
        '--node-id', String(id),
        '--data-dir', dataDir,
        '--raft-listen', raftAddress(i),
        '--peers', peers,
        '--listen', kvAddress(i),
        '--kv-peers', kvPeers,
        '--log-level', 'warn',
      ];
      const child = scope.track(ManagedProcess.start(name, process.execPath, args, { logFile: join(root, `${name}.log`) }));
      return { name, kvAddress: kvAddress(i), process: child };
    });
    const cluster = new KzKvCluster(nodes, scope);
    await cluster.waitHealthy();
    return cluster;
  }

  /** Server pids, the one serving `leaderAddress` first. */
  pidsLeaderFirst(leaderAddress: string): number[] {
    const ordered = [...this.nodes].sort((a, b) => Number(b.kvAddress === leaderAddress) - Number(a.kvAddress === leaderAddress));
    return ordered.flatMap((m) => (m.process.pid === undefined ? [] : [m.process.pid]));
  }

  /** The KvService address of the node that accepts writes (found by following NOT_LEADER). */
  async leaderAddress(): Promise<string> {
    const client = new KzKvClient(this.nodes[0]!.kvAddress);
    try {
      return await waitUntil('kz leader', READY_TIMEOUT_MS, () => client.putFollowingLeader(Buffer.from('kz-bench-leader'), Buffer.from('x')), {
        fatal: () => this.deadNode(),
      });
    } finally {
      client.close();
    }
  }

  /** Stops every node with SIGTERM (so profiles are written), SIGKILL after a grace period. */
  async stop(): Promise<void> {
    await this.scope.stopProcesses(this.nodes.map((n) => n.process));
  }

  private deadNode(): string | null {
    const dead = this.nodes.find((n) => n.process.exited !== null);
    return dead === undefined ? null : `${dead.name} ${dead.process.exited}`;
  }

  /** Healthy = a write entered through every node succeeds (followers redirect to the leader). */
  private async waitHealthy(): Promise<void> {
    for (const node of this.nodes) {
      const client = new KzKvClient(node.kvAddress);
      try {
        await waitUntil(
          `kz node ${node.name}`,
          READY_TIMEOUT_MS,
          () => client.putFollowingLeader(Buffer.from('kz-bench-health'), Buffer.from(node.name)),
          { fatal: () => this.deadNode() },
        );
      } catch (error) {
        const dead = this.nodes.find((n) => n.process.exited !== null) ?? node;
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- ${dead.name} log ---\n${dead.process.logTail()}`);
      } finally {
        client.close();
      }
    }
  }
}
