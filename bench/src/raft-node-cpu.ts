import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { GrpcRaftTransport, RaftNode, type CommittedBatch, type StateMachine } from '@kz/raft';
import type { BenchArgs } from './bench-args';
import { freeLoopbackPorts } from './free-ports';
import { formatMs, formatRate } from './format';
import { LatencyRecorder } from './latency-recorder';

const VOTERS = [1, 2, 3] as const;
const CLUSTER_ID = 'kz-raft-node-cpu';
const KEY_BYTES = 8;
const VALUE_BYTES = 256;

/** Applies nothing: the cost measured is replication (propose, stream, LevelDB, commit), not a state machine. */
class Discard implements StateMachine {
  apply(_batch: CommittedBatch): void {}
  snapshot(): Uint8Array {
    return new Uint8Array(0);
  }
  restore(): void {}
}

/**
 * `raft-node-cpu`: three RaftNodes in this one process, each on its own gRPC stream transport and
 * LevelDB data dir (synced writes, as in production), and a closed loop keeping `--concurrency`
 * one-record proposals in flight on the leader. Prints committed writes/s, commit latency and the
 * process's CPU per committed write (leader and both followers together, from process.cpuUsage):
 * a number to compare across changes that does not depend on what else the machine runs, unlike
 * writes/s. Run it under `node --cpu-prof` to see where that CPU goes.
 */
export async function runRaftNodeCpu(args: BenchArgs): Promise<number> {
  const concurrency = args.concurrency?.[0] ?? 64;
  const warmupMs = (args.warmupS ?? 2) * 1000;
  const durationMs = (args.durationS ?? 10) * 1000;
  const root = mkdtempSync(join(tmpdir(), 'kz-raft-node-cpu-'));
  const ports = await freeLoopbackPorts(VOTERS.length);
  const addresses = new Map(VOTERS.map((id, i) => [id, `127.0.0.1:${ports[i]!}`] as const));
  const logger = pino({ level: 'warn' });
  const nodes: RaftNode[] = [];
  try {
    for (const id of VOTERS) {
      const peers = new Map([...addresses].filter(([peer]) => peer !== id));
      nodes.push(
        await RaftNode.start({
          nodeId: id,
          voters: [...VOTERS],
          storage: { dataDir: join(root, String(id)) },
          transport: new GrpcRaftTransport({ nodeId: id, clusterId: CLUSTER_ID, listen: addresses.get(id)!, peers }),
          stateMachine: new Discard(),
          logger,
        }),
      );
    }
    let leader: RaftNode | undefined;
    while (leader === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      leader = nodes.find((node) => node.status().role === 'leader');
    }
    const record = { key: Buffer.alloc(KEY_BYTES, 7), value: Buffer.alloc(VALUE_BYTES, 42) };
    const latency = new LatencyRecorder();
    let writes = 0;
    let errors = 0;
    let measuring = false;
    let stop = false;
    const worker = async (): Promise<void> => {
      while (!stop) {
        const start = performance.now();
        try {
          await leader.propose([record]);
          if (measuring) {
            writes++;
            latency.record(performance.now() - start);
          }
        } catch {
          if (measuring) errors++;
        }
      }
    };
    console.log(`raft-node-cpu: 3 RaftNodes in one process (gRPC streams on loopback, LevelDB), ${concurrency} one-record proposals in flight, ${warmupMs / 1000} s warm-up + ${durationMs / 1000} s`);
    const workers = Array.from({ length: concurrency }, () => worker());
    await new Promise((resolve) => setTimeout(resolve, warmupMs));
    measuring = true;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    const cpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - t0) / 1000;
    measuring = false;
    stop = true;
    await Promise.all(workers);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `raft-node-cpu @${concurrency}: ${formatRate(writes / seconds)} writes/s, commit p50 ${formatMs(latency.quantile(0.5))} p99 ${formatMs(latency.quantile(0.99))} ms, ` +
        `CPU per write ${Math.round((cpuMs * 1000) / writes)} µs (user ${Math.round(cpu.user / writes)}, system ${Math.round(cpu.system / writes)}; ` +
        `${(cpuMs / 1000 / seconds).toFixed(2)} cores), errors ${errors}`,
    );
    return writes === 0 ? 1 : 0;
  } finally {
    await Promise.all(nodes.map((node) => node.stop()));
    rmSync(root, { recursive: true, force: true });
  }
}
