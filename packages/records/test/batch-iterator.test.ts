import fc from 'fast-check';
import { CorruptRecordError, InvalidMagicError, TruncatedBatchError, encodeRecordBatch, iterateBatches } from '@kz/records';
import { thrown, utf8 } from './helpers';

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function batches(counts: number[]): Uint8Array[] {
  let offset = 0;
  return counts.map((n) => {
    const b = encodeRecordBatch({
      baseOffset: offset,
      records: Array.from({ length: n }, (_, i) => ({ key: null, value: utf8(`v${offset + i}`) })),
    });
    offset += n;
    return b;
  });
}

describe('iterateBatches', () => {
  test('an empty buffer yields nothing', () => {
    expect([...iterateBatches(new Uint8Array(0))]).toEqual([]);
  });

  test('property: walks concatenated batches in order, reporting positions and offsets', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }), (counts) => {
        const parts = batches(counts);
        const all = concat(parts);
        const seen = [...iterateBatches(all)];
        let at = 0;
        let offset = 0;
        expect(seen).toHaveLength(parts.length);
        for (const [i, s] of seen.entries()) {
          expect(s.at).toBe(at);
          expect(s.header.baseOffset).toBe(offset);
          expect(s.header.recordsCount).toBe(counts[i]);
          at += parts[i]?.length ?? 0;
          offset += counts[i] ?? 0;
        }
      }),
    );
  });

  test('a truncated tail throws TruncatedBatchError at the start of the partial batch, after yielding the whole ones', () => {
    const parts = batches([2, 1, 3]);
    const all = concat(parts);
    const lastStart = (parts[0]?.length ?? 0) + (parts[1]?.length ?? 0);
    for (let cut = lastStart + 1; cut < all.length; cut++) {
      const yielded: number[] = [];
      const err = thrown(() => {
        for (const b of iterateBatches(all.subarray(0, cut))) yielded.push(b.at);
      });
      expect(yielded).toEqual([0, parts[0]?.length]);
      expect(err).toBeInstanceOf(TruncatedBatchError);
      expect(err).toMatchObject({ at: lastStart, available: cut - lastStart });
    }
  });

  test('garbage after valid batches is reported with the position where it starts', () => {
    const [first] = batches([1]);
    const withBadMagic = concat([first ?? new Uint8Array(), new Uint8Array(70)]);
    expect(thrown(() => [...iterateBatches(withBadMagic)])).toMatchObject({ name: 'InvalidMagicError', at: first?.length });
    expect(thrown(() => [...iterateBatches(withBadMagic)])).toBeInstanceOf(InvalidMagicError);

    const withBadLength = concat([first ?? new Uint8Array(), new Uint8Array(14)]);
    const err = thrown(() => [...iterateBatches(withBadLength)]);
    expect(err).toBeInstanceOf(CorruptRecordError);
    expect((err as CorruptRecordError).at).toBe(first?.length);
  });
});
