import fc from 'fast-check';
import {
  CompressionType,
  CorruptRecordError,
  TimestampType,
  UnsupportedCompressionError,
  decodeRecordBatch,
  encodeRecordBatch,
  iterateBatches,
  readBatchHeader,
  verifyBatchCrc,
  type KafkaRecord,
  type RecordBatch,
  type RecordBatchInput,
} from '@kz/records';
import { fixCrc, fromHex, hex, thrown, utf8 } from './helpers';

/** Input that re-creates a decoded batch; byte-identical output is the round-trip claim. */
function inputFrom(batch: RecordBatch): RecordBatchInput {
  const h = batch.header;
  return {
    baseOffset: h.baseOffset,
    partitionLeaderEpoch: h.partitionLeaderEpoch,
    baseTimestamp: h.baseTimestamp,
    isControl: h.isControl,
    isTransactional: h.isTransactional,
    producerId: h.producerId,
    producerEpoch: h.producerEpoch,
    baseSequence: h.baseSequence,
    records: batch.records.map((r) => ({ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp })),
  };
}

describe('real Kafka-produced batches', () => {
  // GOLDEN: the `records` field of partition 0 in the Fetch v4 response captured by kafkajs,
  // tulios/kafkajs src/protocol/requests/fetch/fixtures/v4_from_scala_producer_response.json
  // (commit 7eed8018e8f08a4de17b93a369d01d128158ec4d), bytes [91, 733) of that buffer.
  // Six one-record batches written by Kafka's own (Scala/Java) producer and returned by a
  // real broker; kafkajs's fetch v4 response.spec.js ("response with several RecordBatch
  // (from Scala producer)") decodes the first as offset 0, timestamp 1539644731680,
  // key 'KEY-1', value 'VALUE-Lorem ipsum dolor sit amet-1'.
  const SCALA_PRODUCER_BATCHES = fromHex(`
    00000000000000000000005f000000000222ee4df30000000000000000016679fa31200000016679fa3120ff
    ffffffffffffffffffffffffff000000015a0000000a4b45592d314456414c55452d4c6f72656d2069707375
    6d20646f6c6f722073697420616d65742d310000000000000000010000005f000000000271b60f2500000000
    00000000016679fa33220000016679fa3322ffffffffffffffffffffffffffff000000015a0000000a4b4559
    2d324456414c55452d4c6f72656d20697073756d20646f6c6f722073697420616d65742d3200000000000000
    00020000005f0000000002f82986a70000000000000000016679fa351b0000016679fa351bffffffffffffff
    ffffffffffffff000000015a0000000a4b45592d334456414c55452d4c6f72656d20697073756d20646f6c6f
    722073697420616d65742d330000000000000000030000005f00000000021c80cbd600000000000000000166
    79fa37130000016679fa3713ffffffffffffffffffffffffffff000000015a0000000a4b45592d344456414c
    55452d4c6f72656d20697073756d20646f6c6f722073697420616d65742d340000000000000000040000005f
    0000000002ce86014a0000000000000000016679fa390c0000016679fa390cffffffffffffffffffffffffff
    ff000000015a0000000a4b45592d354456414c55452d4c6f72656d20697073756d20646f6c6f722073697420
    616d65742d350000000000000000050000005f0000000002c27bc6290000000000000000016679fa3b050000
    016679fa3b05ffffffffffffffffffffffffffff000000015a0000000a4b45592d364456414c55452d4c6f72
    656d20697073756d20646f6c6f722073697420616d65742d3600`);

  test('Scala-producer batches: header fields, CRCs, records, and byte-for-byte re-encode', () => {
    const found = [...iterateBatches(SCALA_PRODUCER_BATCHES)];
    expect(found.map((b) => b.at)).toEqual([0, 107, 214, 321, 428, 535]);
    for (const [i, { at, header }] of found.entries()) {
      verifyBatchCrc(SCALA_PRODUCER_BATCHES, at);
      expect(header).toMatchObject({
        baseOffset: i,
        lastOffset: i,
        partitionLeaderEpoch: 0,
        producerId: -1,
        producerEpoch: -1,
        baseSequence: -1,
        recordsCount: 1,
        compression: CompressionType.None,
        timestampType: TimestampType.CreateTime,
        isControl: false,
        isTransactional: false,
        sizeInBytes: 107,
      });
      const batch = decodeRecordBatch(SCALA_PRODUCER_BATCHES, at);
      const [record] = batch.records;
      expect(batch.records).toHaveLength(1);
      expect(record?.offset).toBe(i);
      expect(Buffer.from(record?.key ?? []).toString()).toBe(`KEY-${i + 1}`);
      expect(Buffer.from(record?.value ?? []).toString()).toBe(`VALUE-Lorem ipsum dolor sit amet-${i + 1}`);
      expect(record?.headers).toEqual([]);

      const original = SCALA_PRODUCER_BATCHES.subarray(at, at + header.sizeInBytes);
      expect(hex(encodeRecordBatch(inputFrom(batch)))).toBe(hex(original));
    }
    const first = decodeRecordBatch(SCALA_PRODUCER_BATCHES, 0);
    expect(first.records[0]?.timestamp).toBe(1539644731680);
  });

  // A batch with record headers: the `records` field of the Fetch v4 response in
  // tulios/kafkajs src/protocol/requests/fetch/fixtures/v4_response.json
  // (commit d102f24803347447eb0b4e3f8bfeb7e65ca1e1e2), bytes [75, 292). Written by kafkajs
  // (hence producerEpoch 0 / baseSequence 0) and returned by a real broker; kafkajs's
  // fetch v4 response.spec.js gives the expected records.
  const KAFKAJS_HEADERS_BATCH = fromHex(`
    0000000000000000000000cd0000000002d65455680000000000020000015f88c172a90000015f88c172a9ff
    ffffffffffffff00000000000000000003660000000a6b65792d3018736f6d652d76616c75652d3002186865
    616465722d6b65792d301c6865616465722d76616c75652d30660000020a6b65792d3118736f6d652d76616c
    75652d3102186865616465722d6b65792d311c6865616465722d76616c75652d31660000040a6b65792d3218
    736f6d652d76616c75652d3202186865616465722d6b65792d321c6865616465722d76616c75652d32`);

  test('kafkajs-produced batch with headers: decode and byte-for-byte re-encode', () => {
    const batch = decodeRecordBatch(KAFKAJS_HEADERS_BATCH);
    expect(batch.header).toMatchObject({ producerEpoch: 0, baseSequence: 0, lastOffsetDelta: 2, recordsCount: 3 });
    expect(
      batch.records.map((r) => ({
        offset: r.offset,
        timestamp: r.timestamp,
        key: Buffer.from(r.key ?? []).toString(),
        value: Buffer.from(r.value ?? []).toString(),
        headers: r.headers.map((h) => [h.key, Buffer.from(h.value ?? []).toString()]),
      })),
    ).toEqual(
      [0, 1, 2].map((i) => ({
        offset: i,
        timestamp: 1509827900073,
        key: `key-${i}`,
        value: `some-value-${i}`,
        headers: [[`header-key-${i}`, `header-value-${i}`]],
      })),
    );
    expect(hex(encodeRecordBatch(inputFrom(batch)))).toBe(hex(KAFKAJS_HEADERS_BATCH));
  });

  // A gzip batch whose timestamps the broker rewrote (LogAppendTime, so the broker also
  // recomputed the CRC): tulios/kafkajs src/protocol/recordBatch/fixtures/v0_recordbatch.json
  // (commit 6cb57e1ff88469a35d0e23f0b007de8520a83054), the whole file. kafkajs's
  // recordBatch v0 decoder.spec.js gives firstTimestamp 1597425188775, maxTimestamp 1597425188809.
  const GZIP_LOG_APPEND_TIME_BATCH = fromHex(`
    0000000000000000000000710000000002e4c324a500090000000000000173edf5ffa700000173edf5ffc9ff
    ffffffffffffff000000000000000000011f8b08000000000000130b636060e0ca4eadd43570284bcc294dd5
    35d035323032d035b0d03534093134b73234b632b0d033b3308a620000b5e3f1a72c000000`);

  test('compressed real batch: header and CRC check out, decode refuses with UnsupportedCompressionError', () => {
    const header = readBatchHeader(GZIP_LOG_APPEND_TIME_BATCH);
    expect(header).toMatchObject({
      compression: CompressionType.Gzip,
      timestampType: TimestampType.LogAppendTime,
      baseTimestamp: 1597425188775,
      maxTimestamp: 1597425188809,
      producerEpoch: 0,
      recordsCount: 1,
      sizeInBytes: GZIP_LOG_APPEND_TIME_BATCH.length,
    });
    verifyBatchCrc(GZIP_LOG_APPEND_TIME_BATCH);
    const err = thrown(() => decodeRecordBatch(GZIP_LOG_APPEND_TIME_BATCH));
    expect(err).toBeInstanceOf(UnsupportedCompressionError);
    expect(err).toMatchObject({ code: 'UNSUPPORTED_COMPRESSION_TYPE', kafkaErrorCode: 76, compression: 1, at: 0 });
  });
});

// ---- property round trips --------------------------------------------------

const bytesOrNull = fc.option(fc.uint8Array({ maxLength: 40 }), { nil: null, freq: 4 });
const timestamp = fc.oneof(
  fc.constantFrom(-1, 0, Number.MAX_SAFE_INTEGER),
  fc.integer({ min: 0, max: 2 ** 31 }),
  fc.integer({ min: 1_500_000_000_000, max: 2_000_000_000_000 }),
  fc.maxSafeNat(),
);
const header = fc.record({ key: fc.string({ unit: 'binary', maxLength: 12 }), value: bytesOrNull });
const record: fc.Arbitrary<KafkaRecord> = fc.record(
  { key: bytesOrNull, value: bytesOrNull, headers: fc.array(header, { maxLength: 4 }), timestamp },
  { requiredKeys: ['key', 'value'] },
);
const batchInput: fc.Arbitrary<RecordBatchInput> = fc.record(
  {
    records: fc.array(record, { minLength: 1, maxLength: 12 }),
    baseOffset: fc.oneof(fc.nat(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER - 100 })),
    partitionLeaderEpoch: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
    baseTimestamp: timestamp,
    isControl: fc.boolean(),
    isTransactional: fc.boolean(),
    producerId: fc.oneof(fc.constant(-1), fc.maxSafeNat()),
    producerEpoch: fc.integer({ min: -1, max: 0x7fff }),
    baseSequence: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
  },
  { requiredKeys: ['records'] },
);

describe('encodeRecordBatch / decodeRecordBatch', () => {
  test('property: decode(encode(x)) returns x, and re-encoding is byte-identical', () => {
    fc.assert(
      fc.property(batchInput, (input) => {
        const bytes = encodeRecordBatch(input);
        verifyBatchCrc(bytes);
        const batch = decodeRecordBatch(bytes);
        const baseOffset = input.baseOffset ?? 0;
        const baseTimestamp = input.baseTimestamp ?? input.records[0]?.timestamp ?? 0;
        const timestamps = input.records.map((r) => r.timestamp ?? baseTimestamp);

        expect(batch.header).toMatchObject({
          baseOffset,
          partitionLeaderEpoch: input.partitionLeaderEpoch ?? 0,
          baseTimestamp,
          maxTimestamp: Math.max(...timestamps),
          isControl: input.isControl ?? false,
          isTransactional: input.isTransactional ?? false,
          producerId: input.producerId ?? -1,
          producerEpoch: input.producerEpoch ?? -1,
          baseSequence: input.baseSequence ?? -1,
          recordsCount: input.records.length,
          lastOffsetDelta: input.records.length - 1,
          sizeInBytes: bytes.length,
          compression: 0,
        });
        expect(batch.records).toEqual(
          input.records.map((r, i) => ({
            offset: baseOffset + i,
            timestamp: timestamps[i],
            key: r.key,
            value: r.value,
            headers: r.headers ?? [],
          })),
        );
        expect(encodeRecordBatch(inputFrom(batch))).toEqual(bytes);
      }),
    );
  });

  test('defaults: offset 0, epoch 0, no producer (-1/-1/-1), baseTimestamp from the first record', () => {
    const bytes = encodeRecordBatch({ records: [{ key: null, value: null, timestamp: 500 }, { key: null, value: null, timestamp: 400 }] });
    expect(readBatchHeader(bytes)).toMatchObject({
      baseOffset: 0,
      partitionLeaderEpoch: 0,
      producerId: -1,
      producerEpoch: -1,
      baseSequence: -1,
      baseTimestamp: 500,
      maxTimestamp: 500,
      attributes: 0,
    });
    // A record without a timestamp inherits the batch's; with none anywhere it is 0.
    expect(decodeRecordBatch(encodeRecordBatch({ records: [{ key: null, value: null }] })).records[0]?.timestamp).toBe(0);
  });

  test('extreme timestamp deltas (±2^53, beyond the safe range) still round-trip', () => {
    const cases = [
      { baseTimestamp: Number.MAX_SAFE_INTEGER, timestamp: -1 },
      { baseTimestamp: -1, timestamp: Number.MAX_SAFE_INTEGER },
    ];
    for (const { baseTimestamp, timestamp } of cases) {
      const bytes = encodeRecordBatch({ baseTimestamp, records: [{ key: null, value: null, timestamp }] });
      const batch = decodeRecordBatch(bytes);
      expect(batch.records[0]?.timestamp).toBe(timestamp);
      expect(encodeRecordBatch(inputFrom(batch))).toEqual(bytes);
    }
  });

  test('attribute bits: transactional = 0x10, control = 0x20', () => {
    const rec = [{ key: null, value: null }];
    expect(readBatchHeader(encodeRecordBatch({ records: rec, isTransactional: true })).attributes).toBe(0x10);
    expect(readBatchHeader(encodeRecordBatch({ records: rec, isControl: true })).attributes).toBe(0x20);
  });

  test('exact bytes of a minimal batch (one record, null key and value)', () => {
    const bytes = encodeRecordBatch({ records: [{ key: null, value: null }] });
    // 61-byte header, then record: length 6 (zig-zag 0c), attributes 00, tsDelta 00,
    // offsetDelta 00, key -1 (01), value -1 (01), 0 headers (00).
    expect(hex(bytes.subarray(61))).toBe('0c0000000101' + '00');
    expect(bytes.length).toBe(68);
    expect(readBatchHeader(bytes).batchLength).toBe(56);
  });

  test('rejects invalid input with RangeError', () => {
    expect(() => encodeRecordBatch({ records: [] })).toThrow(RangeError);
    expect(() => encodeRecordBatch({ records: [{ key: null, value: null, timestamp: -2 }] })).toThrow(RangeError);
    expect(() => encodeRecordBatch({ records: [{ key: null, value: null }], baseOffset: 2 ** 53 })).toThrow(RangeError);
    expect(() => encodeRecordBatch({ records: [{ key: null, value: null }], producerEpoch: 0x8000 })).toThrow(RangeError);
    expect(() => encodeRecordBatch({ records: [{ key: null, value: null }], partitionLeaderEpoch: 1.5 })).toThrow(RangeError);
  });

  test('LogAppendTime batches report maxTimestamp as every record timestamp, as Kafka does', () => {
    const bytes = encodeRecordBatch({
      records: [
        { key: null, value: null, timestamp: 10 },
        { key: null, value: null, timestamp: 20 },
      ],
    });
    const view = new DataView(bytes.buffer);
    view.setInt16(21, 0x08);
    view.setBigInt64(35, 99n);
    fixCrc(bytes);
    expect(decodeRecordBatch(bytes).records.map((r) => r.timestamp)).toEqual([99, 99]);
  });

  test('compression ids 1-4 are UnsupportedCompressionError; 5-7 are not codecs and are CorruptRecordError', () => {
    for (const id of [1, 2, 3, 4, 5, 6, 7]) {
      const bytes = encodeRecordBatch({ records: [{ key: null, value: null }] });
      new DataView(bytes.buffer).setInt16(21, id);
      fixCrc(bytes);
      expect(() => decodeRecordBatch(bytes)).toThrow(id <= 4 ? UnsupportedCompressionError : CorruptRecordError);
    }
  });
});

describe('structurally corrupt records (valid CRC, so the structure check is what fires)', () => {
  /** One record 'k' -> 'v' with one header 'h' -> null; record body starts at 62. */
  const base = (): Uint8Array =>
    encodeRecordBatch({ records: [{ key: utf8('k'), value: utf8('v'), headers: [{ key: 'h', value: null }] }] });

  test.each<[string, (b: Uint8Array) => Uint8Array]>([
    ['recordsCount larger than the records present', (b) => (new DataView(b.buffer).setInt32(57, 2), b)],
    ['recordsCount far larger than the bytes could hold', (b) => (new DataView(b.buffer).setInt32(57, 1_000_000), b)],
    ['recordsCount smaller than the records present', (b) => (new DataView(b.buffer).setInt32(57, 0), b)],
    ['record length longer than the batch', (b) => ((b[61] = 0x7e), b)],
    ['record length negative', (b) => ((b[61] = 0x01), b)],
    ['record length shorter than its fields', (b) => ((b[61] = (b[61] as number) - 2), b)],
    ['key length below -1', (b) => ((b[65] = 0x03), b)],
    ['key length past the record end', (b) => ((b[65] = 0x40), b)],
    ['negative header count', (b) => ((b[69] = 0x01), b)],
    ['header count above the remaining bytes', (b) => ((b[69] = 0x40), b)],
    ['negative header key length', (b) => ((b[70] = 0x01), b)],
    ['overlong varint in a record', (b) => (b.set([0xff, 0xff, 0xff, 0xff, 0x7f], 63), b)],
    ['trailing garbage after the last record', (b) => {
      const longer = new Uint8Array(b.length + 3);
      longer.set(b);
      new DataView(longer.buffer).setInt32(8, longer.length - 12);
      return longer;
    }],
  ])('%s -> CorruptRecordError carrying the batch position', (_name, mutate) => {
    const bytes = fixCrc(mutate(base()));
    const err = thrown(() => decodeRecordBatch(bytes));
    expect(err).toBeInstanceOf(CorruptRecordError);
    expect((err as CorruptRecordError).at).toBe(0);
    expect((err as CorruptRecordError).code).toBe('CORRUPT_MESSAGE');
  });

  test('the unmodified base batch decodes (so the cases above fail for the stated reason)', () => {
    const { records } = decodeRecordBatch(base());
    expect(records).toEqual([{ offset: 0, timestamp: 0, key: utf8('k'), value: utf8('v'), headers: [{ key: 'h', value: null }] }]);
    // length 11 (zig-zag 16), attributes, tsDelta 0, offsetDelta 0, key 'k', value 'v', 1 header 'h' -> null
    expect(hex(base().subarray(61))).toBe('16' + '00' + '00' + '00' + '026b' + '0276' + '02' + '0268' + '01');
  });

  test('decoded byte arrays are copies, not views into the input', () => {
    const bytes = base();
    const { records } = decodeRecordBatch(bytes);
    bytes.fill(0);
    expect(records[0]?.key).toEqual(utf8('k'));
  });
});
