/**
 * Model check: a random sequence of leader and follower appends, rolls,
 * truncations, reopens and torn tails leaves the log equal to a list of
 * batches. Replay a failure with FC_SEED=<seed printed in the failure>;
 * FC_RUNS=<n> runs longer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { PartitionLog, segmentFileStem, type LogConfig } from '@kz/broker';
import { batch, batchRanges, cleanupTempDirs, recordsOf, tempDir } from './helpers';

afterEach(cleanupTempDirs);

interface ModelBatch {
  base: number;
  last: number;
  epoch: number;
  label: string;
}

type Op =
  | { kind: 'append'; count: number; bumpEpoch: boolean }
  | { kind: 'follow'; count: number; bumpEpoch: boolean }
  | { kind: 'roll' }
  | { kind: 'truncate'; at: number }
  | { kind: 'reopen' }
  | { kind: 'tear'; bytes: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 4 }), bumpEpoch: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('follow' as const), count: fc.integer({ min: 1, max: 4 }), bumpEpoch: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'roll' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat({ max: 40 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tear' as const), bytes: fc.integer({ min: 1, max: 200 }) }) },
);

const CONFIG: Partial<LogConfig> = { segmentBytes: 400, indexIntervalBytes: 150, retentionMs: -1 };

function modelEnd(model: ModelBatch[]): number {
  return model.length === 0 ? 0 : model[model.length - 1]!.last + 1;
}

/** The epoch cache a log of these batches should hold: each epoch's first offset. */
function modelEpochs(model: ModelBatch[]): { epoch: number; startOffset: number }[] {
  const out: { epoch: number; startOffset: number }[] = [];
  for (const b of model) if (out[out.length - 1]?.epoch !== b.epoch) out.push({ epoch: b.epoch, startOffset: b.base });
  return out;
}

function runOps(ops: Op[]): void {
  const dir = tempDir();
  let log = PartitionLog.open(dir, CONFIG);
  const model: ModelBatch[] = [];
  let epoch = 0;
  let n = 0;
  try {
    for (const op of ops) {
      switch (op.kind) {
        case 'append':
        case 'follow': {
          if (op.bumpEpoch) epoch++;
          const label = `b${n++}`;
          const base = modelEnd(model);
          if (op.kind === 'append') {
            expect(log.append(batch({ count: op.count, label }), epoch)).toEqual({ baseOffset: base, lastOffset: base + op.count - 1 });
          } else {
            log.appendAsFollower(batch({ count: op.count, label, baseOffset: base, partitionLeaderEpoch: epoch }));
          }
          model.push({ base, last: base + op.count - 1, epoch, label });
          break;
        }
        case 'roll':
          log.roll();
          break;
        case 'truncate':
          expect(log.truncateTo(op.at)).toBe(Math.min(modelEnd(model), model.find((b) => b.last >= op.at)?.base ?? Infinity));
          while (model.length > 0 && model[model.length - 1]!.last >= op.at) model.pop();
          break;
        case 'reopen':
          log.close();
          log = PartitionLog.open(dir, CONFIG);
          expect(log.recovery).toEqual([]);
          break;
        case 'tear': {
          // A crash that lost the end of the last batch; only the active segment can be torn.
          const activeBase = log.segmentBaseOffsets[log.segmentBaseOffsets.length - 1]!;
          const lastBatch = model[model.length - 1];
          log.close();
          if (lastBatch && lastBatch.base >= activeBase) {
            const file = path.join(dir, `${segmentFileStem(activeBase)}.log`);
            const size = fs.statSync(file).size;
            const lastSize = batch({ count: lastBatch.last - lastBatch.base + 1, label: lastBatch.label }).length;
            const cut = Math.min(op.bytes, lastSize);
            fs.truncateSync(file, size - cut);
            model.pop();
            log = PartitionLog.open(dir, CONFIG);
            expect(log.recovery).toHaveLength(cut === lastSize ? 0 : 1);
            if (cut < lastSize) expect(log.recovery[0]?.position).toBe(size - lastSize);
          } else {
            log = PartitionLog.open(dir, CONFIG);
          }
          break;
        }
      }
      expect(log.logEndOffset).toBe(modelEnd(model));
      expect(log.epochEntries).toEqual(modelEpochs(model));
      const all = log.logEndOffset === 0 ? new Uint8Array(0) : log.read(0, 1 << 20);
      // One read returns one segment's batches; follow the segments to the end.
      const ranges: [number, number, number][] = [];
      const labels: string[] = [];
      let next = 0;
      let chunk = all;
      while (next < log.logEndOffset) {
        const rs = batchRanges(chunk);
        ranges.push(...rs);
        // Each batch's first record value starts `<label>:0:`.
        labels.push(...recordsOf(chunk).map((r) => r.value.split(':')).filter((parts) => parts[1] === '0').map((parts) => parts[0]!));
        next = rs[rs.length - 1]![1] + 1;
        if (next < log.logEndOffset) chunk = log.read(next, 1 << 20);
      }
      expect(ranges).toEqual(model.map((b) => [b.base, b.last, b.epoch]));
      expect(labels).toEqual(model.map((b) => b.label));
    }
  } finally {
    log.close();
  }
}

describe('PartitionLog against an in-memory model', () => {
  it('matches the model for random appends, rolls, truncations, reopens and torn tails', () => {
    const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
    try {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
          runOps(ops);
          cleanupTempDirs();
        }),
        { seed, numRuns: Number(process.env.FC_RUNS ?? 60) },
      );
    } catch (e) {
      throw new Error(`property failed; replay with FC_SEED=${seed}\n${(e as Error).message}`);
    }
  });
});
