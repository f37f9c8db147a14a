/**
 * Partition logs sharing a pool of MIN_MAX_OPEN_FILES descriptors behave exactly like the same logs
 * with descriptors to spare: random appends (leader and follower), reads, rolls, truncations,
 * reopens, torn tails and background fsyncs across several partitions give identical answers,
 * while the small pool never holds more descriptors than its cap.
 * Replay a failure with FC_SEED=<seed printed in the failure>; FC_RUNS=<n> runs longer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { FileHandlePool, MIN_MAX_OPEN_FILES, PartitionLog, segmentFileStem, type LogConfig } from '@kz/broker';
import { CountingOpener, batch, cleanupTempDirs, tempDir } from './helpers';

afterEach(cleanupTempDirs);

const PARTITIONS = 5;
const CONFIG: Partial<LogConfig> = { segmentBytes: 400, indexIntervalBytes: 100, retentionMs: -1 };

type Op =
  | { kind: 'append'; p: number; count: number; bumpEpoch: boolean }
  | { kind: 'follow'; p: number; count: number }
  | { kind: 'read'; p: number; at: number; maxBytes: number }
  | { kind: 'byTime'; p: number; at: number }
  | { kind: 'roll'; p: number }
  | { kind: 'truncate'; p: number; at: number }
  | { kind: 'restart'; p: number; at: number }
  | { kind: 'reopen'; p: number }
  | { kind: 'tear'; p: number; bytes: number }
  | { kind: 'flushAsync'; p: number }
  | { kind: 'settle' };

const p = fc.nat({ max: PARTITIONS - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('append' as const), p, count: fc.integer({ min: 1, max: 4 }), bumpEpoch: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('follow' as const), p, count: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('read' as const), p, at: fc.nat(), maxBytes: fc.integer({ min: 1, max: 600 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('byTime' as const), p, at: fc.integer({ min: 900, max: 1500 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('roll' as const), p }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), p, at: fc.nat({ max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), p, at: fc.nat({ max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), p }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tear' as const), p, bytes: fc.integer({ min: 1, max: 80 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('flushAsync' as const), p }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'settle' as const }) },
);

/** The same partitions twice: one world on a tiny pool, one with descriptors to spare. */
class World {
  readonly opener = new CountingOpener();
  readonly pool: FileHandlePool;
  readonly dirs = Array.from({ length: PARTITIONS }, () => tempDir());
  readonly logs: PartitionLog[];
  readonly flushes: Promise<void>[] = [];

  constructor(maxOpenFiles: number) {
    this.pool = new FileHandlePool({ maxOpenFiles, opener: this.opener });
    this.logs = this.dirs.map((d) => PartitionLog.open(d, CONFIG, this.pool));
  }

  reopen(i: number): PartitionLog {
    this.logs[i]!.close();
    this.logs[i] = PartitionLog.open(this.dirs[i]!, CONFIG, this.pool);
    return this.logs[i]!;
  }

  /** Everything in the log, one read per segment. */
  contents(i: number): Uint8Array[] {
    const log = this.logs[i]!;
    const out: Uint8Array[] = [];
    let next = log.logStartOffset;
    while (next < log.logEndOffset) {
      const bytes = log.read(next, 1 << 20);
      out.push(bytes);
      next = Number(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readBigInt64BE(lastBatchAt(bytes))) + lastBatchRecords(bytes);
    }
    return out;
  }

  observe(i: number): unknown {
    const log = this.logs[i]!;
    return {
      start: log.logStartOffset,
      end: log.logEndOffset,
      segments: log.segmentBaseOffsets,
      size: log.size,
      epochs: log.epochEntries,
      contents: this.contents(i),
    };
  }
}

function lastBatchAt(bytes: Uint8Array): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  for (;;) {
    const next = at + view.readInt32BE(at + 8) + 12;
    if (next >= bytes.length) return at;
    at = next;
  }
}

function lastBatchRecords(bytes: Uint8Array): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.readInt32BE(lastBatchAt(bytes) + 23) + 1;
}

/** Evictions across all runs: the check is vacuous unless the small pool really closed and reopened files. */
let evictions = 0;

async function runOps(ops: Op[]): Promise<void> {
  const small = new World(MIN_MAX_OPEN_FILES);
  const large = new World(10_000);
  const worlds = [small, large];
  let epoch = 0;
  let n = 0;
  const both = <T>(fn: (w: World) => T): T => {
    const [a, b] = worlds.map(fn);
    expect(a).toEqual(b);
    return a!;
  };
  try {
    for (const op of ops) {
      switch (op.kind) {
        case 'append': {
          if (op.bumpEpoch) epoch++;
          const bytes = batch({ count: op.count, label: `b${n}`, timestamp: 1000 + 10 * n++ });
          both((w) => w.logs[op.p]!.append(bytes, epoch));
          break;
        }
        case 'follow': {
          const base = small.logs[op.p]!.logEndOffset;
          const bytes = batch({ count: op.count, label: `f${n}`, timestamp: 1000 + 10 * n++, baseOffset: base, partitionLeaderEpoch: epoch });
          both((w) => w.logs[op.p]!.appendAsFollower(bytes));
          break;
        }
        case 'read': {
          const log = small.logs[op.p]!;
          const offset = log.logStartOffset + (op.at % (log.logEndOffset - log.logStartOffset + 1));
          both((w) => w.logs[op.p]!.read(offset, op.maxBytes));
          break;
        }
        case 'byTime':
          both((w) => w.logs[op.p]!.offsetForTimestamp(op.at));
          break;
        case 'roll':
          both((w) => w.logs[op.p]!.roll());
          break;
        case 'truncate':
          both((w) => w.logs[op.p]!.truncateTo(op.at));
          break;
        case 'restart':
          both((w) => w.logs[op.p]!.truncateFullyAndStartAt(op.at));
          break;
        case 'reopen':
          both((w) => w.reopen(op.p).recovery.length);
          break;
        case 'tear':
          // A crash that lost the end of the active segment (possibly cutting a batch).
          both((w) => {
            const log = w.logs[op.p]!;
            const active = log.segmentBaseOffsets[log.segmentBaseOffsets.length - 1]!;
            log.close();
            const file = path.join(w.dirs[op.p]!, `${segmentFileStem(active)}.log`);
            fs.truncateSync(file, Math.max(0, fs.statSync(file).size - op.bytes));
            return w.reopen(op.p).recovery.map((r) => ({ ...r, segment: path.basename(r.segment) }));
          });
          break;
        case 'flushAsync':
          for (const w of worlds) w.flushes.push(w.logs[op.p]!.flushAsync());
          break;
        case 'settle':
          for (const w of worlds) await Promise.all(w.flushes.splice(0));
          both((w) => w.logs.map((l) => l.recoveryPoint));
          break;
      }
      if ('p' in op) both((w) => w.observe(op.p));
      expect(small.opener.live.size).toBeLessThanOrEqual(MIN_MAX_OPEN_FILES);
      expect(small.pool.stats().openFiles).toBe(small.opener.live.size);
    }
    for (const w of worlds) await Promise.all(w.flushes.splice(0));
    for (let i = 0; i < PARTITIONS; i++) both((w) => w.reopen(i).recovery.length === 0 && w.observe(i));
    expect(small.opener.maxLive).toBeLessThanOrEqual(MIN_MAX_OPEN_FILES);
  } finally {
    evictions += small.pool.stats().evictions;
    for (const w of worlds) {
      await Promise.allSettled(w.flushes);
      for (const log of w.logs) log.close();
    }
  }
  // Closed logs hold nothing, in either world.
  expect(small.opener.live.size).toBe(0);
  expect(large.opener.live.size).toBe(0);
}

describe('PartitionLogs on a pool of MIN_MAX_OPEN_FILES descriptors', () => {
  it('answer every operation as logs with descriptors to spare do', async () => {
    const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { maxLength: 40 }), async (ops) => {
          await runOps(ops);
          cleanupTempDirs();
        }),
        { seed, numRuns: Number(process.env.FC_RUNS ?? 40) },
      );
    } catch (e) {
      throw new Error(`property failed; replay with FC_SEED=${seed}\n${(e as Error).message}`);
    }
    expect(evictions).toBeGreaterThan(0);
  });
});
