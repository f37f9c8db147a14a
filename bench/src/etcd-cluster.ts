import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { CleanupScope } from './cleanup-scope';
import { EtcdClient } from './etcd-client';
import { freeLoopbackPorts } from './free-ports';
import { ManagedProcess } from './managed-process';
import { waitUntil } from './wait-until';

const MEMBERS = 3;
const READY_TIMEOUT_MS = 60_000;

interface EtcdMember {
  readonly name: string;
  readonly clientAddress: string;
  readonly process: ManagedProcess;
}

/**
 * A 3-member etcd cluster on loopback, each member with its own fresh data dir and client/peer
 * ports. Durability is etcd's default: it fdatasyncs its WAL before acknowledging; the
 * --unsafe-no-fsync switch is never passed.
 */
export class EtcdCluster {
  private constructor(
    private readonly members: readonly EtcdMember[],
    private readonly scope: CleanupScope,
  ) {}

  static async start(binary: string, root: string, scope: CleanupScope): Promise<EtcdCluster> {
    const ports = await freeLoopbackPorts(2 * MEMBERS);
    const names = Array.from({ length: MEMBERS }, (_, i) => `etcd${i + 1}`);
    const peerUrl = (i: number): string => `http://127.0.0.1:${ports[2 * i + 1]!}`;
    const clientUrl = (i: number): string => `http://127.0.0.1:${ports[2 * i]!}`;
    const initialCluster = names.map((name, i) => `${name}=${peerUrl(i)}`).join(',');
    const token = `kz-bench-${process.pid}-${Date.now()}`;
    const members = names.map((name, i): EtcdMember => {
      const dataDir = join(root, name);
      mkdirSync(dataDir, { recursive: true });
      const args = [
        '--name', name,
        '--data-dir', dataDir,
        '--listen-client-urls', clientUrl(i),
        '--advertise-client-urls', clientUrl(i),
        '--listen-peer-urls', peerUrl(i),
        '--initial-advertise-peer-urls', peerUrl(i),
        '--initial-cluster', initialCluster,
        '--initial-cluster-token', token,
        '--initial-cluster-state', 'new',
        '--logger', 'zap',
        '--log-outputs', 'stderr',
        '--log-level', 'warn',
      ];
      const child = scope.track(ManagedProcess.start(name, binary, args, { logFile: join(root, `${name}.log`) }));
      return { name, clientAddress: `127.0.0.1:${ports[2 * i]!}`, process: child };
    });
    const cluster = new EtcdCluster(members, scope);
    await cluster.waitHealthy();
    return cluster;
  }

  /** Server pids, the one serving `leaderAddress` first. */
  pidsLeaderFirst(leaderAddress: string): number[] {
    const ordered = [...this.members].sort((a, b) => Number(b.clientAddress === leaderAddress) - Number(a.clientAddress === leaderAddress));
    return ordered.flatMap((m) => (m.process.pid === undefined ? [] : [m.process.pid]));
  }

  /** The client address of the member every member names as leader. */
  async leaderAddress(): Promise<string> {
    return waitUntil('etcd leader', READY_TIMEOUT_MS, async () => {
      const statuses = await Promise.all(
        this.members.map(async (m) => {
          const client = new EtcdClient(m.clientAddress);
          try {
            return { member: m, status: await client.status(2000) };
          } finally {
            client.close();
          }
        }),
      );
      const leaderIds = new Set(statuses.map((s) => s.status.leaderId));
      const leader = statuses.find((s) => s.status.memberId === s.status.leaderId);
      if (leaderIds.size !== 1 || leader === undefined) throw new Error('members do not agree on a leader yet');
      return leader.member.clientAddress;
    });
  }

  async stop(): Promise<void> {
    await this.scope.stopProcesses(this.members.map((m) => m.process));
  }

  private deadMember(): string | null {
    const dead = this.members.find((m) => m.process.exited !== null);
    return dead === undefined ? null : `${dead.name} ${dead.process.exited}`;
  }

  /** Healthy = a write through every member succeeds (followers forward to the leader). */
  private async waitHealthy(): Promise<void> {
    for (const member of this.members) {
      const client = new EtcdClient(member.clientAddress);
      try {
        await waitUntil(
          `etcd member ${member.name}`,
          READY_TIMEOUT_MS,
          () => client.putAsync(Buffer.from('kz-bench-health'), Buffer.from(member.name), 2000),
          { fatal: () => this.deadMember() },
        );
      } catch (error) {
        const dead = this.members.find((m) => m.process.exited !== null) ?? member;
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- ${dead.name} log ---\n${dead.process.logTail()}`);
      } finally {
        client.close();
      }
    }
  }
}
