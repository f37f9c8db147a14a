/**
 * Model test: MemoryLog against PartitionLog. The same random sequence of leader and follower
 * appends (some out of order, some fenced, some corrupt, some holding a follower's start inside their
 * first batch), idempotent producers' batches (in sequence, retried, with gaps, from old and new
 * producer epochs), new leaders' epoch registrations, reads, truncations, log starts moved up inside
 * batches (DeleteRecords), epoch lookups, timestamp lookups, flushes and reopens (with and without the
 * producer snapshots) runs on both (follower batches
 * never go back in epoch, as no leader sends such a log), and every answer — value or error — and the
 * observable state after each step must be the same. PartitionLog keeps to one segment, as the
 * simulation's logs do. Replay a failure with FC_SEED=<seed printed in the failure>; FC_RUNS=<n>
 * runs longer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { PartitionLog } from '@kz/broker';
import { MemoryLog } from '@kz/broker/testing';
import { encodeRecordBatch } from '@kz/records';
import { cleanupTempDirs, tempDir } from '../log/helpers';

afterEach(cleanupTempDirs);

type Op =
  | { readonly kind: 'append'; readonly count: number; readonly epochStep: -1 | 0 | 1; readonly corrupt: boolean; readonly batches: number }
  | { readonly kind: 'follow'; readonly count: number; readonly epochStep: -1 | 0 | 1; readonly gap: -1 | 0 | 1; readonly batches: number }
  | { readonly kind: 'read'; readonly back: number; readonly maxBytes: number }
  | { readonly kind: 'truncate'; readonly back: number }
  | { readonly kind: 'restartAt'; readonly ahead: number }
  | { readonly kind: 'advanceStart'; readonly back: number }
  | { readonly kind: 'endOffsetForEpoch'; readonly epochBack: number }
  | { readonly kind: 'assignEpoch'; readonly epochStep: -1 | 0 | 1 }
  | { readonly kind: 'offsetForTimestamp'; readonly back: number }
  | { readonly kind: 'produce'; readonly producer: number; readonly sequence: 'next' | 'retry' | 'gap' | 'zero'; readonly producerEpochStep: -1 | 0 | 1; readonly count: number }
  | { readonly kind: 'flush' }
  | { readonly kind: 'reopen'; readonly dropSnapshots: boolean };

const step = fc.constantFrom<-1 | 0 | 1>(-1, 0, 0, 1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 4 }), epochStep: step, corrupt: fc.constantFrom(false, false, false, true), batches: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('follow' as const), count: fc.integer({ min: 1, max: 4 }), epochStep: step, gap: fc.constantFrom<-1 | 0 | 1>(-1, 0, 0, 0, 1), batches: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('read' as const), back: fc.integer({ min: -2, max: 12 }), maxBytes: fc.integer({ min: 1, max: 600 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), back: fc.integer({ min: -2, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restartAt' as const), ahead: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advanceStart' as const), back: fc.integer({ min: -2, max: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('endOffsetForEpoch' as const), epochBack: fc.integer({ min: -2, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('assignEpoch' as const), epochStep: step }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('offsetForTimestamp' as const), back: fc.integer({ min: -3, max: 30 }) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('produce' as const),
      producer: fc.integer({ min: 1, max: 2 }),
      sequence: fc.constantFrom<'next' | 'retry' | 'gap' | 'zero'>('next', 'next', 'next', 'retry', 'retry', 'gap', 'zero'),
      producerEpochStep: fc.constantFrom<-1 | 0 | 1>(-1, 0, 0, 0, 0, 1),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'flush' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), dropSnapshots: fc.boolean() }) },
);

/** An answer or the error it threw, in a form both logs can be compared by. */
function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    return value instanceof Uint8Array ? { bytes: Buffer.from(value).toString('hex') } : { value };
  } catch (error) {
    return { error: error instanceof Error ? `${error.constructor.name}: ${error.message.replace(/partition log \S+ is closed|memory log is closed/, 'closed')}` : String(error) };
  }
}

interface Both {
  disk: PartitionLog;
  memory: MemoryLog;
  readonly dir: string;
}

function state(log: PartitionLog | MemoryLog): unknown {
  const producers = [...log.activeProducers()].sort((a, b) => a.producerId - b.producerId);
  return { start: log.logStartOffset, end: log.logEndOffset, recoveryPoint: log.recoveryPoint, latestEpoch: log.latestEpoch, epochs: [...log.epochEntries], producers };
}

function runOps(ops: readonly Op[]): void {
  const dir = tempDir();
  const logs: Both = { disk: PartitionLog.open(dir), memory: new MemoryLog(), dir };
  let epoch = 0;
  let clock = 1000;
  let label = 0;
  const batchOf = (count: number, baseOffset: number, leaderEpoch: number): Uint8Array => {
    const records = Array.from({ length: count }, () => ({ key: null, value: new TextEncoder().encode(`r${label++}`), timestamp: clock++ }));
    return encodeRecordBatch({ records, baseOffset, partitionLeaderEpoch: leaderEpoch });
  };
  // Each producer's epoch, next sequence and the batches it sent (bytes kept, so a retry is the same batch).
  const producers = new Map<number, { epoch: number; next: number; sent: Uint8Array[] }>();
  const both = (name: string, run: (log: PartitionLog | MemoryLog) => unknown): void => {
    const fromDisk = outcome(() => run(logs.disk));
    const fromMemory = outcome(() => run(logs.memory));
    expect({ op: name, answer: fromMemory, state: state(logs.memory) }).toEqual({ op: name, answer: fromDisk, state: state(logs.disk) });
  };
  for (const [i, op] of ops.entries()) {
    const end = logs.disk.logEndOffset;
    const name = `#${i} ${JSON.stringify(op)}`;
    switch (op.kind) {
      case 'append': {
        epoch = Math.max(0, epoch + op.epochStep);
        const parts = Array.from({ length: op.batches }, () => batchOf(op.count, 0, 0));
        const bytes = Buffer.concat(parts);
        if (op.corrupt) bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
        both(name, (log) => log.append(new Uint8Array(bytes), epoch));
        break;
      }
      case 'follow': {
        // A leader's batches never go back in epoch, so neither does what a follower is sent.
        epoch = Math.max(0, epoch + op.epochStep, logs.disk.latestEpoch ?? 0);
        let base = end + op.gap;
        const parts: Uint8Array[] = [];
        for (let b = 0; b < op.batches; b++) {
          parts.push(batchOf(op.count, Math.max(0, base), epoch));
          base = Math.max(0, base) + op.count;
        }
        const bytes = new Uint8Array(Buffer.concat(parts));
        both(name, (log) => log.appendAsFollower(bytes));
        break;
      }
      case 'read':
        both(name, (log) => log.read(end - op.back, op.maxBytes));
        break;
      case 'truncate':
        both(name, (log) => log.truncateTo(Math.max(0, end - op.back)));
        break;
      case 'restartAt':
        both(name, (log) => log.truncateFullyAndStartAt(end + op.ahead));
        break;
      case 'advanceStart':
        both(name, (log) => log.advanceLogStartOffset(end - op.back));
        break;
      case 'assignEpoch':
        // A new leader registers its epoch at its log end before its first append.
        epoch = Math.max(0, epoch + op.epochStep);
        both(name, (log) => log.assignEpochStartOffset(epoch, log.logEndOffset));
        break;
      case 'endOffsetForEpoch':
        both(name, (log) => log.endOffsetForEpoch(op.epochBack === -2 ? -1 : epoch - op.epochBack));
        break;
      case 'offsetForTimestamp':
        both(name, (log) => log.offsetForTimestamp(op.back === -3 ? -1 : op.back === -2 ? -2 : clock - op.back));
        break;
      case 'produce': {
        const p = producers.get(op.producer) ?? { epoch: 0, next: 0, sent: [] };
        producers.set(op.producer, p);
        const retried = p.sent[p.sent.length - 1 - (op.count % 2)] ?? p.sent[p.sent.length - 1];
        let bytes: Uint8Array;
        if (op.sequence === 'retry' && retried !== undefined) {
          bytes = retried;
        } else {
          const producerEpoch = Math.max(0, p.epoch + op.producerEpochStep);
          const baseSequence = op.sequence === 'zero' ? 0 : op.sequence === 'gap' ? p.next + 2 : p.next;
          const records = Array.from({ length: op.count }, () => ({ key: null, value: new TextEncoder().encode(`r${label++}`), timestamp: clock++ }));
          bytes = encodeRecordBatch({ records, producerId: op.producer, producerEpoch, baseSequence });
          if (producerEpoch >= p.epoch) {
            p.epoch = producerEpoch;
            p.next = baseSequence + op.count;
            p.sent.push(bytes);
          }
        }
        both(name, (log) => log.append(bytes, epoch));
        break;
      }
      case 'flush':
        both(name, (log) => log.flush());
        break;
      case 'reopen':
        // A clean shutdown and start: PartitionLog closes and opens its directory again; the memory
        // log is closed (which flushes) and comes back the way a crash brings it back.
        logs.disk.close();
        if (op.dropSnapshots) {
          // Snapshots lost: the state must come back from the log alone.
          for (const f of fs.readdirSync(logs.dir)) if (f.endsWith('.snapshot')) fs.rmSync(path.join(logs.dir, f));
        }
        logs.disk = PartitionLog.open(logs.dir);
        logs.memory.close();
        logs.memory.crash();
        both(name, () => undefined);
        break;
    }
  }
  logs.disk.close();
}

describe('MemoryLog behaves as PartitionLog', () => {
  it('gives the same answers and reaches the same state for any sequence of operations', () => {
    const seed = process.env['FC_SEED'] !== undefined ? Number(process.env['FC_SEED']) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
    try {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
          runOps(ops);
          cleanupTempDirs();
        }),
        { seed, numRuns: Number(process.env['FC_RUNS'] ?? 150) },
      );
    } catch (error) {
      throw new Error(`MemoryLog and PartitionLog disagree; replay with FC_SEED=${seed}\n${(error as Error).message}`);
    }
  });
});
