import fc from 'fast-check';
import { encodeRecordBatch, readBatchHeader, type RecordBatchHeader } from '@kz/records';
import { InvalidProducerEpochError, OutOfOrderSequenceError } from '../../src/log/log-errors';
import { BATCHES_RETAINED, CorruptProducerSnapshotError, ProducerStateTable, lastSequenceOf } from '../../src/log/producer-state';

const FC = { numRuns: Number(process.env['FC_RUNS'] ?? 200), ...(process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) }) };

function header(producerId: number, producerEpoch: number, baseSequence: number, count = 1, timestamp = 1000): RecordBatchHeader {
  const records = Array.from({ length: count }, (_, i) => ({ key: null, value: Buffer.from(`v${i}`), timestamp: timestamp + i }));
  return readBatchHeader(encodeRecordBatch({ records, producerId, producerEpoch, baseSequence }), 0);
}

/** Appends like a leader: check, then record at the next offsets. */
function appendTo(table: ProducerStateTable, h: RecordBatchHeader, logEnd: { next: number }): { firstOffset: number; lastOffset: number; duplicate: boolean } {
  const check = table.checkBatch(h);
  if (check.duplicate) return { firstOffset: check.firstOffset, lastOffset: check.lastOffset, duplicate: true };
  const firstOffset = logEnd.next;
  const lastOffset = firstOffset + h.lastOffsetDelta;
  table.record(h, firstOffset, lastOffset);
  logEnd.next = lastOffset + 1;
  return { firstOffset, lastOffset, duplicate: false };
}

describe('ProducerStateTable', () => {
  it('retainFrom keeps the batches ending at or after the new log start and forgets producers left with none', () => {
    const table = new ProducerStateTable();
    const end = { next: 0 };
    appendTo(table, header(1, 0, 0, 2), end); // producer 1: offsets 0-1
    appendTo(table, header(2, 0, 0, 2), end); // producer 2: offsets 2-3
    appendTo(table, header(2, 0, 2, 2), end); // producer 2: offsets 4-5
    table.retainFrom(3);
    expect(table.get(1)).toBeUndefined();
    expect(table.get(2)?.batches.map((b) => [b.firstOffset, b.lastOffset])).toEqual([
      [2, 3],
      [4, 5],
    ]);
    table.retainFrom(4);
    expect(table.get(2)?.batches.map((b) => b.firstOffset)).toEqual([4]);
    // The retained batch still answers its retry as a duplicate.
    expect(table.checkBatch(header(2, 0, 2, 2))).toEqual({ duplicate: true, firstOffset: 4, lastOffset: 5 });
  });

  it('answers a retried batch with its original offsets, for each of the last five batches', () => {
    const table = new ProducerStateTable();
    const end = { next: 0 };
    const sent = Array.from({ length: 7 }, (_, i) => header(7, 0, i * 2, 2));
    const first = sent.map((h) => appendTo(table, h, end));
    expect(first.every((a) => !a.duplicate)).toBe(true);
    for (const [i, h] of sent.entries()) {
      if (i < sent.length - BATCHES_RETAINED) {
        // Too old to be told apart from a gap: Kafka answers these OUT_OF_ORDER_SEQUENCE_NUMBER too.
        expect(() => table.checkBatch(h)).toThrow(OutOfOrderSequenceError);
      } else {
        expect(table.checkBatch(h)).toEqual({ duplicate: true, firstOffset: first[i]!.firstOffset, lastOffset: first[i]!.lastOffset });
      }
    }
  });

  it('refuses a gap, an old epoch, and a new epoch that does not start at 0; takes any start from a producer it does not know', () => {
    const table = new ProducerStateTable();
    const end = { next: 0 };
    appendTo(table, header(7, 3, 0, 3), end);
    expect(() => table.checkBatch(header(7, 3, 4))).toThrow(OutOfOrderSequenceError);
    expect(() => table.checkBatch(header(7, 2, 3))).toThrow(InvalidProducerEpochError);
    expect(() => table.checkBatch(header(7, 4, 5))).toThrow(OutOfOrderSequenceError);
    expect(table.checkBatch(header(7, 3, 3))).toEqual({ duplicate: false });
    expect(table.checkBatch(header(7, 4, 0))).toEqual({ duplicate: false });
    // Its state may have expired while it was idle.
    expect(table.checkBatch(header(8, 0, 4242))).toEqual({ duplicate: false });
  });

  it('starts afresh at a new epoch: the old epoch’s batches are no longer duplicates, its sequence no longer continues', () => {
    const table = new ProducerStateTable();
    const end = { next: 0 };
    const old = header(7, 0, 0, 2);
    appendTo(table, old, end);
    appendTo(table, header(7, 1, 0, 1), end);
    expect(table.get(7)).toMatchObject({ epoch: 1, batches: [{ firstSequence: 0, lastSequence: 0, firstOffset: 2 }] });
    expect(() => table.checkBatch(old)).toThrow(InvalidProducerEpochError);
  });

  it('wraps sequences from 2^31-1 to 0', () => {
    const table = new ProducerStateTable();
    const end = { next: 0 };
    const h = header(7, 0, 0x7fffffff - 1, 3);
    expect(lastSequenceOf(h)).toBe(0);
    appendTo(table, h, end);
    expect(table.checkBatch(header(7, 0, 1))).toEqual({ duplicate: false });
    expect(() => table.checkBatch(header(7, 0, 0))).toThrow(OutOfOrderSequenceError);
  });

  it('forgets producers idle past the expiration', () => {
    const table = new ProducerStateTable();
    const end = { next: 0 };
    appendTo(table, header(1, 0, 0, 1, 1000), end);
    appendTo(table, header(2, 0, 0, 1, 5000), end);
    expect(table.removeExpired(6001, 2000)).toBe(1);
    expect([...table.entries()].map((e) => e.producerId)).toEqual([2]);
  });

  const batches = fc.array(
    fc.record({ producerId: fc.integer({ min: 0, max: 5 }), epochStep: fc.constantFrom(0, 0, 0, 1), count: fc.integer({ min: 1, max: 4 }), timestamp: fc.integer({ min: 0, max: 2 ** 40 }) }),
    { maxLength: 40 },
  );

  function tableOf(spec: readonly { producerId: number; epochStep: number; count: number; timestamp: number }[]): ProducerStateTable {
    const table = new ProducerStateTable();
    const next = new Map<number, { epoch: number; seq: number }>();
    let offset = 0;
    for (const b of spec) {
      const p = next.get(b.producerId) ?? { epoch: 0, seq: 0 };
      if (b.epochStep > 0) {
        p.epoch += 1;
        p.seq = 0;
      }
      const h = header(b.producerId, p.epoch, p.seq, b.count, b.timestamp);
      table.record(h, offset, offset + b.count - 1);
      offset += b.count;
      p.seq += b.count;
      next.set(b.producerId, p);
    }
    return table;
  }

  it('comes back from its snapshot bytes exactly', () => {
    fc.assert(
      fc.property(batches, (spec) => {
        const table = tableOf(spec);
        expect([...ProducerStateTable.decode(table.encode()).entries()]).toEqual([...table.entries()]);
      }),
      FC,
    );
  });

  it('refuses a snapshot with any byte changed or any tail missing', () => {
    fc.assert(
      fc.property(batches, fc.nat(), fc.integer({ min: 1, max: 255 }), (spec, where, flip) => {
        const bytes = Buffer.from(tableOf(spec).encode());
        const damaged = Buffer.from(bytes);
        const at = where % bytes.length;
        damaged[at] = bytes[at]! ^ flip;
        expect(() => ProducerStateTable.decode(damaged)).toThrow(CorruptProducerSnapshotError);
        expect(() => ProducerStateTable.decode(bytes.subarray(0, where % bytes.length))).toThrow(CorruptProducerSnapshotError);
      }),
      FC,
    );
  });
});
