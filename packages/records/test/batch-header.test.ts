import fc from 'fast-check';
import {
  CorruptRecordError,
  CrcMismatchError,
  InvalidMagicError,
  RECORD_BATCH_OVERHEAD,
  TruncatedBatchError,
  decodeRecordBatch,
  encodeRecordBatch,
  readBatchHeader,
  restampProducer,
  stampBatch,
  verifyBatchCrc,
} from '@kz/records';
import { fixCrc, thrown, utf8 } from './helpers';

function smallBatch(): Uint8Array {
  return encodeRecordBatch({
    baseOffset: 7,
    partitionLeaderEpoch: 3,
    records: [
      { key: utf8('k'), value: utf8('v1'), timestamp: 1_000 },
      { key: null, value: utf8('v2'), headers: [{ key: 'h', value: null }], timestamp: 1_005 },
    ],
  });
}

describe('readBatchHeader', () => {
  test('reads every field of an encoded batch', () => {
    const bytes = smallBatch();
    const h = readBatchHeader(bytes);
    expect(h).toMatchObject({
      baseOffset: 7,
      batchLength: bytes.length - 12,
      partitionLeaderEpoch: 3,
      magic: 2,
      attributes: 0,
      lastOffsetDelta: 1,
      baseTimestamp: 1_000,
      maxTimestamp: 1_005,
      producerId: -1,
      producerEpoch: -1,
      baseSequence: -1,
      recordsCount: 2,
      isControl: false,
      isTransactional: false,
      compression: 0,
      sizeInBytes: bytes.length,
      lastOffset: 8,
    });
    expect(RECORD_BATCH_OVERHEAD).toBe(61);
  });

  test('reads a batch at a non-zero position without touching neighbouring bytes', () => {
    const batch = smallBatch();
    const buf = new Uint8Array(batch.length + 10).fill(0xee);
    buf.set(batch, 5);
    expect(readBatchHeader(buf, 5).sizeInBytes).toBe(batch.length);
    expect(() => verifyBatchCrc(buf, 5)).not.toThrow();
  });

  test('every truncation length throws TruncatedBatchError with at/needed/available', () => {
    const batch = smallBatch();
    for (let len = 0; len < batch.length; len++) {
      const err = thrown(() => readBatchHeader(batch.subarray(0, len)));
      expect(err).toBeInstanceOf(TruncatedBatchError);
      const t = err as TruncatedBatchError;
      expect(t.at).toBe(0);
      expect(t.available).toBe(len);
      expect(t.needed).toBe(len < 12 ? RECORD_BATCH_OVERHEAD : batch.length);
      expect(t.code).toBe('CORRUPT_MESSAGE');
      expect(t.kafkaErrorCode).toBe(2);
      // The same truncation must surface identically through the CRC and decode paths.
      expect(() => verifyBatchCrc(batch.subarray(0, len))).toThrow(TruncatedBatchError);
      expect(() => decodeRecordBatch(batch.subarray(0, len))).toThrow(TruncatedBatchError);
    }
  });

  test('magic other than 2 throws InvalidMagicError as soon as the magic byte is present', () => {
    for (const magic of [0, 1, 3, -1, 127]) {
      const bytes = smallBatch();
      bytes[16] = magic & 0xff;
      for (const len of [17, 40, bytes.length]) {
        const err = thrown(() => readBatchHeader(bytes.subarray(0, len)));
        expect(err).toBeInstanceOf(InvalidMagicError);
        expect((err as InvalidMagicError).magic).toBe(magic);
        expect((err as InvalidMagicError).code).toBe('CORRUPT_MESSAGE');
      }
      expect(() => decodeRecordBatch(bytes)).toThrow(InvalidMagicError);
    }
  });

  test('nonsense batchLength (below the 49-byte minimum, or negative) is CorruptRecordError', () => {
    for (const length of [48, 0, -1, -2147483648]) {
      const bytes = smallBatch();
      new DataView(bytes.buffer).setInt32(8, length);
      expect(() => readBatchHeader(bytes)).toThrow(CorruptRecordError);
      expect(() => readBatchHeader(bytes.subarray(0, 12))).toThrow(CorruptRecordError);
    }
  });

  test('negative recordsCount or lastOffsetDelta is CorruptRecordError', () => {
    const a = smallBatch();
    new DataView(a.buffer).setInt32(57, -1);
    expect(() => readBatchHeader(a)).toThrow(CorruptRecordError);
    const b = smallBatch();
    new DataView(b.buffer).setInt32(23, -1);
    expect(() => readBatchHeader(b)).toThrow(CorruptRecordError);
  });

  test('int64 fields that are not safe integers are CorruptRecordError', () => {
    for (const offset of [0, 27, 35, 43]) {
      const bytes = smallBatch();
      new DataView(bytes.buffer).setBigInt64(offset, 2n ** 60n);
      fixCrc(bytes);
      expect(() => readBatchHeader(bytes)).toThrow(CorruptRecordError);
    }
    // baseOffset itself is safe but baseOffset + lastOffsetDelta is not.
    const edge = smallBatch();
    new DataView(edge.buffer).setBigInt64(0, BigInt(Number.MAX_SAFE_INTEGER));
    expect(() => readBatchHeader(edge)).toThrow(CorruptRecordError);
  });

  test('a position outside the buffer is a RangeError (caller bug, not bad data)', () => {
    expect(() => readBatchHeader(smallBatch(), -1)).toThrow(RangeError);
    expect(() => readBatchHeader(smallBatch(), 10_000)).toThrow(RangeError);
  });
});

describe('verifyBatchCrc', () => {
  test('accepts an intact batch', () => {
    expect(() => verifyBatchCrc(smallBatch())).not.toThrow();
  });

  test('flipping any single byte in the CRC-covered region [21, end) throws CrcMismatchError', () => {
    const clean = smallBatch();
    for (let i = 21; i < clean.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const bytes = clean.slice();
        bytes[i] = (bytes[i] as number) ^ mask;
        const err = thrown(() => verifyBatchCrc(bytes));
        expect(err).toBeInstanceOf(CrcMismatchError);
        const c = err as CrcMismatchError;
        expect(c.expected).toBe(readBatchHeader(clean).crc);
        expect(c.actual).not.toBe(c.expected);
        expect(c.at).toBe(0);
        expect(() => decodeRecordBatch(bytes)).toThrow(CrcMismatchError);
      }
    }
  });

  test('flipping a byte of the stored CRC itself throws CrcMismatchError', () => {
    for (let i = 17; i < 21; i++) {
      const bytes = smallBatch();
      bytes[i] = (bytes[i] as number) ^ 0x10;
      expect(() => verifyBatchCrc(bytes)).toThrow(CrcMismatchError);
    }
  });

  test('property: a random single-byte corruption anywhere in the covered region is caught', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (where, mask) => {
        const bytes = smallBatch();
        const i = 21 + (where % (bytes.length - 21));
        bytes[i] = (bytes[i] as number) ^ mask;
        expect(() => verifyBatchCrc(bytes)).toThrow(CrcMismatchError);
      }),
    );
  });
});

describe('stampBatch', () => {
  test('sets baseOffset and partitionLeaderEpoch in place and leaves the CRC valid', () => {
    const bytes = smallBatch();
    const before = readBatchHeader(bytes);
    stampBatch(bytes, 1_234_567_890_123, 42);
    const after = readBatchHeader(bytes);
    expect(after.baseOffset).toBe(1_234_567_890_123);
    expect(after.lastOffset).toBe(1_234_567_890_124);
    expect(after.partitionLeaderEpoch).toBe(42);
    expect(after.crc).toBe(before.crc);
    expect(() => verifyBatchCrc(bytes)).not.toThrow();
    expect(decodeRecordBatch(bytes).records.map((r) => r.offset)).toEqual([1_234_567_890_123, 1_234_567_890_124]);
  });

  test('property: any stamp keeps the CRC valid and changes only bytes [0, 8) and [12, 16)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER - 1 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (offset, epoch) => {
          const original = smallBatch();
          const bytes = original.slice();
          stampBatch(bytes, offset, epoch);
          verifyBatchCrc(bytes);
          expect(bytes.subarray(8, 12)).toEqual(original.subarray(8, 12));
          expect(bytes.subarray(16)).toEqual(original.subarray(16));
          expect(readBatchHeader(bytes)).toMatchObject({ baseOffset: offset, partitionLeaderEpoch: epoch });
        },
      ),
    );
  });

  test('rejects an offset whose last offset would not be a safe integer, and a non-int32 epoch', () => {
    expect(() => stampBatch(smallBatch(), Number.MAX_SAFE_INTEGER, 0)).toThrow(RangeError);
    expect(() => stampBatch(smallBatch(), 0, 2 ** 31)).toThrow(RangeError);
  });

  test('refuses to stamp something that is not a complete batch', () => {
    expect(() => stampBatch(smallBatch().subarray(0, 30), 0, 0)).toThrow(TruncatedBatchError);
  });
});

describe('restampProducer', () => {
  test('property: any producer id, epoch and sequence are written, the CRC stays valid and the records are untouched', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 0x7fff }),
        fc.integer({ min: 0, max: 0x7fff_ffff }),
        (producerId, producerEpoch, baseSequence) => {
          const original = smallBatch();
          const bytes = original.slice();
          restampProducer(bytes, producerId, producerEpoch, baseSequence);
          verifyBatchCrc(bytes);
          expect(readBatchHeader(bytes)).toMatchObject({ producerId, producerEpoch, baseSequence, baseOffset: 7, partitionLeaderEpoch: 3 });
          expect(decodeRecordBatch(bytes).records.map((r) => r.value)).toEqual(decodeRecordBatch(original).records.map((r) => r.value));
        },
      ),
    );
  });

  test('restamps a batch that sits after another in the same buffer, leaving the first alone', () => {
    const first = smallBatch();
    const bytes = new Uint8Array([...first, ...smallBatch()]);
    restampProducer(bytes, 99, 1, 5, first.length);
    expect(bytes.subarray(0, first.length)).toEqual(first);
    verifyBatchCrc(bytes, first.length);
    expect(readBatchHeader(bytes, first.length)).toMatchObject({ producerId: 99, producerEpoch: 1, baseSequence: 5 });
  });

  test('refuses an epoch or sequence out of range, and something that is not a complete batch', () => {
    expect(() => restampProducer(smallBatch(), 1, 0x8000, 0)).toThrow(RangeError);
    expect(() => restampProducer(smallBatch(), 1, 0, 2 ** 31)).toThrow(RangeError);
    expect(() => restampProducer(smallBatch().subarray(0, 30), 1, 0, 0)).toThrow(TruncatedBatchError);
  });
});
