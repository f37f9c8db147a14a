import { encodeRecordBatch, type KafkaRecord } from '@kz/records';
import type { LogBatch } from '@kz/raft';
import type { BenchArgs } from './bench-args';
import { CoreCluster } from './core-cluster';
import { LatencyRecorder } from './latency-recorder';
import { formatMs, formatRate } from './format';

const VOTERS = [1, 2, 3] as const;
const KEY_BYTES = 8;
const VALUE_BYTES = 256;
/** RaftNode's default snapshot interval (20 MiB of committed batches). */
const SNAPSHOT_EVERY_BYTES = 20 * 1024 * 1024;
/** How many loop turns pass between clock reads and timer checks; both cost more than a delivery. */
const TURNS_PER_CHECK = 64;

export interface RaftCoreResult {
  readonly recordsPerBatch: number;
  readonly inflight: number;
  readonly seconds: number;
  readonly batches: number;
  readonly entries: number;
  readonly commitLatency: LatencyRecorder;
}

/**
 * `raft-core`: three pure RaftCores in one process (CoreCluster), with a closed-loop proposer that
 * keeps `inflight` batches proposed and not yet committed. Prints committed entries/s and
 * batches/s, and the propose-to-commit latency the protocol alone adds.
 */
export function runRaftCoreBench(args: BenchArgs): RaftCoreResult[] {
  const durationS = args.durationS ?? 10;
  const warmupS = args.warmupS ?? 2;
  const results: RaftCoreResult[] = [];
  console.log(`raft-core: 3 RaftCores in one process, in-memory messages, persistence acknowledged at once`);
  console.log(`  ${args.inflight} batches in flight, ${KEY_BYTES}-byte keys, ${VALUE_BYTES}-byte values, ${warmupS} s warm-up + ${durationS} s`);
  for (const recordsPerBatch of args.recordsPerBatch) {
    const result = runOnce(recordsPerBatch, args.inflight, warmupS, durationS);
    results.push(result);
    const { seconds, batches, entries, commitLatency } = result;
    console.log(
      `raft-core records/batch=${recordsPerBatch} inflight=${args.inflight}: ` +
        `${formatRate(entries / seconds)} entries/s, ${formatRate(batches / seconds)} batches/s, ` +
        `commit latency p50 ${formatMs(commitLatency.quantile(0.5))} p99 ${formatMs(commitLatency.quantile(0.99))} ms ` +
        `(${batches} batches in ${seconds.toFixed(2)} s)`,
    );
  }
  return results;
}

function runOnce(recordsPerBatch: number, inflight: number, warmupS: number, durationS: number): RaftCoreResult {
  const template = encodeRecordBatch({ records: benchRecords(recordsPerBatch), baseTimestamp: Date.now() });
  const started = new Map<number, number>();
  const latency = new LatencyRecorder();
  let measuring = false;
  let committedBatches = 0;

  const cluster = new CoreCluster({
    voters: VOTERS,
    snapshotEveryBytes: SNAPSHOT_EVERY_BYTES,
    onLeaderCommitted: (batch: LogBatch) => {
      const at = started.get(batch.lastOffset);
      if (at === undefined) return; // the LeaderChange control batch, or a batch from before
      started.delete(batch.lastOffset);
      if (!measuring) return;
      committedBatches++;
      latency.record(cluster.now() - at);
    },
  });

  // Elect a leader: deliver what is queued, and let the clock jump over idle election timeouts.
  while (cluster.leaderId === -1) {
    if (!cluster.deliverOne()) {
      cluster.tickDue();
      cluster.skipIdleTime();
    }
  }

  const warmupEnd = performance.now() + warmupS * 1000;
  const end = warmupEnd + durationS * 1000;
  let measureStart = warmupEnd;
  let turns = 0;
  for (;;) {
    // Closed loop: every committed batch frees a slot that is refilled at once.
    while (started.size < inflight) {
      // The core stamps offsets into the bytes it is given, so each proposal needs its own copy.
      const lastOffset = cluster.propose(template.slice());
      if (lastOffset === null) break;
      started.set(lastOffset, cluster.now());
    }
    if (!cluster.deliverOne() || ++turns % TURNS_PER_CHECK === 0) {
      cluster.tickDue();
      const now = performance.now();
      if (!measuring && now >= warmupEnd) {
        measuring = true;
        measureStart = now;
      }
      if (now >= end) break;
    }
  }
  const seconds = (performance.now() - measureStart) / 1000;
  return {
    recordsPerBatch,
    inflight,
    seconds,
    batches: committedBatches,
    entries: committedBatches * recordsPerBatch,
    commitLatency: latency,
  };
}

function benchRecords(count: number): KafkaRecord[] {
  const records: KafkaRecord[] = [];
  for (let i = 0; i < count; i++) {
    const key = new Uint8Array(KEY_BYTES);
    new DataView(key.buffer).setBigUint64(0, BigInt(i));
    records.push({ key, value: new Uint8Array(VALUE_BYTES).fill(0x61 + (i % 26)) });
  }
  return records;
}
