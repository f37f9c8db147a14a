/**
 * Model test: a LazyPartitionLog (a new replica with nothing on disk until its first record) answers
 * exactly as a PartitionLog created at once would, before and after its first record: the same
 * values and errors, the same offsets and epochs. Replay a failure with FC_SEED=<seed printed in the
 * failure>; FC_RUNS=<n> runs longer.
 */
import * as path from 'node:path';
import fc from 'fast-check';
import { DiskLogDirectory, PartitionLog, type ReplicaLog } from '@kz/broker';
import { encodeRecordBatch } from '@kz/records';
import { cleanupTempDirs, tempDir } from './helpers';

afterEach(cleanupTempDirs);

type Op =
  | { readonly kind: 'assignEpoch'; readonly epoch: number }
  | { readonly kind: 'read'; readonly offset: number }
  | { readonly kind: 'truncate'; readonly offset: number }
  | { readonly kind: 'endOffsetForEpoch'; readonly epoch: number }
  | { readonly kind: 'offsetForTimestamp'; readonly timestamp: number }
  | { readonly kind: 'flush' }
  | { readonly kind: 'append'; readonly count: number; readonly epoch: number }
  | { readonly kind: 'restartAt'; readonly offset: number }
  | { readonly kind: 'advanceStart'; readonly offset: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('assignEpoch' as const), epoch: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('read' as const), offset: fc.integer({ min: -1, max: 4 }) }),
  fc.record({ kind: fc.constant('truncate' as const), offset: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('endOffsetForEpoch' as const), epoch: fc.integer({ min: -1, max: 6 }) }),
  fc.record({ kind: fc.constant('offsetForTimestamp' as const), timestamp: fc.constantFrom(-2, -1, 0, 5000) }),
  fc.constant({ kind: 'flush' as const }),
  fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 3 }), epoch: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('restartAt' as const), offset: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('advanceStart' as const), offset: fc.integer({ min: -1, max: 4 }) }),
);

function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    return value instanceof Uint8Array ? { bytes: Buffer.from(value).toString('hex') } : { value };
  } catch (error) {
    return { error: error instanceof Error ? error.constructor.name : String(error) };
  }
}

function state(log: ReplicaLog): unknown {
  return {
    start: log.logStartOffset,
    end: log.logEndOffset,
    recoveryPoint: log.recoveryPoint,
    latestEpoch: log.latestEpoch,
    ends: [0, 1, 2, 3, 4, 5].map((e) => log.endOffsetForEpoch(e)),
  };
}

function apply(log: ReplicaLog, op: Op): unknown {
  switch (op.kind) {
    case 'assignEpoch':
      return log.assignEpochStartOffset(op.epoch, log.logEndOffset);
    case 'read':
      return log.read(op.offset, 1 << 20);
    case 'truncate':
      return log.truncateTo(op.offset);
    case 'endOffsetForEpoch':
      return log.endOffsetForEpoch(op.epoch);
    case 'offsetForTimestamp':
      return log.offsetForTimestamp(op.timestamp);
    case 'flush':
      return log.flush();
    case 'append':
      return log.append(encodeRecordBatch({ records: Array.from({ length: op.count }, (_, i) => ({ key: null, value: Buffer.from(`v${i}`), timestamp: 1000 + i })) }), op.epoch);
    case 'restartAt':
      return log.truncateFullyAndStartAt(op.offset);
    case 'advanceStart':
      return log.advanceLogStartOffset(op.offset);
  }
}

test('a lazily created log answers as one created at once', () => {
  fc.assert(
    fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
      const root = tempDir();
      const eager = PartitionLog.open(path.join(root, 'eager'));
      const logs = new DiskLogDirectory(path.join(root, 'lazy'));
      const lazy = logs.open('AAAAAAAAAAAAAAAAAAAAAA', 'lazy', 0);
      try {
        for (const [i, op] of ops.entries()) {
          const expected = { i, op, answer: outcome(() => apply(eager, op)), state: state(eager) };
          expect({ i, op, answer: outcome(() => apply(lazy, op)), state: state(lazy) }).toEqual(expected);
        }
      } finally {
        eager.close();
        lazy.close();
      }
    }),
    { numRuns: Number(process.env['FC_RUNS'] ?? 100), ...(process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) }) },
  );
});
