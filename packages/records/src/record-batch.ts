/**
 * Whole-batch encode and decode for uncompressed RecordBatch v2.
 */
import { ByteReader, checkIntRange, setInt64, viewOf } from './bytes.js';
import {
  ATTRIBUTES_OFFSET,
  BASE_OFFSET_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  CompressionType,
  CONTROL_MASK,
  CRC_OFFSET,
  LAST_OFFSET_DELTA_OFFSET,
  LENGTH_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAGIC_V2,
  MAX_TIMESTAMP_OFFSET,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_BATCH_OVERHEAD,
  RECORDS_COUNT_OFFSET,
  TimestampType,
  TRANSACTIONAL_MASK,
  computeBatchCrc,
  readBatchHeader,
  verifyBatchCrc,
  type RecordBatchHeader,
} from './batch-header.js';
import { CorruptRecordError, UnsupportedCompressionError } from './errors.js';
import { prepareRecord, readRecord, writeRecordAt, type DecodedRecord, type KafkaRecord } from './record.js';

/** Kafka's NO_TIMESTAMP; the only negative timestamp a batch may carry. */
export const NO_TIMESTAMP = -1;

export interface RecordBatchInput {
  /** At least one. */
  records: KafkaRecord[];
  /** Default 0: the leader assigns the real offset on append (see stampBatch). */
  baseOffset?: number;
  /** Default 0; also stamped by the leader. */
  partitionLeaderEpoch?: number;
  /** Default: the first record's timestamp, else 0. Record timestamps are stored as deltas from it. */
  baseTimestamp?: number;
  isControl?: boolean;
  isTransactional?: boolean;
  /** Default -1 (no producer id: not idempotent). */
  producerId?: number;
  /** Default -1. */
  producerEpoch?: number;
  /** Default -1. */
  baseSequence?: number;
}

export interface RecordBatch {
  header: RecordBatchHeader;
  records: DecodedRecord[];
}

const INT32_MAX = 0x7fff_ffff;

/** Encodes one uncompressed, CreateTime batch with offset deltas 0..n-1. */
export function encodeRecordBatch(input: RecordBatchInput): Uint8Array {
  const { records } = input;
  if (records.length === 0) throw new RangeError('a record batch needs at least one record');

  const baseOffset = input.baseOffset ?? 0;
  checkSafe(baseOffset, 'baseOffset');
  checkSafe(baseOffset + records.length - 1, 'last offset');
  const partitionLeaderEpoch = input.partitionLeaderEpoch ?? 0;
  checkIntRange(partitionLeaderEpoch, -0x8000_0000, INT32_MAX, 'partitionLeaderEpoch');
  const producerId = input.producerId ?? -1;
  checkSafe(producerId, 'producerId');
  const producerEpoch = input.producerEpoch ?? -1;
  checkIntRange(producerEpoch, -0x8000, 0x7fff, 'producerEpoch');
  const baseSequence = input.baseSequence ?? -1;
  checkIntRange(baseSequence, -0x8000_0000, INT32_MAX, 'baseSequence');

  const baseTimestamp = input.baseTimestamp ?? records[0]?.timestamp ?? 0;
  checkTimestamp(baseTimestamp);

  let maxTimestamp = Number.NEGATIVE_INFINITY;
  let size = RECORD_BATCH_OVERHEAD;
  const prepared = records.map((record, i) => {
    const timestamp = record.timestamp ?? baseTimestamp;
    checkTimestamp(timestamp);
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    const p = prepareRecord(record, i, timestamp - baseTimestamp);
    size += p.totalSize;
    return p;
  });
  if (size - LOG_OVERHEAD > INT32_MAX) throw new RangeError(`batch of ${size} bytes does not fit an int32 length`);

  const out = new Uint8Array(size);
  const view = viewOf(out);
  setInt64(view, BASE_OFFSET_OFFSET, baseOffset);
  view.setInt32(LENGTH_OFFSET, size - LOG_OVERHEAD);
  view.setInt32(PARTITION_LEADER_EPOCH_OFFSET, partitionLeaderEpoch);
  view.setInt8(MAGIC_OFFSET, MAGIC_V2);
  let attributes = 0; // compression none, CreateTime: both encode as zero bits
  if (input.isTransactional === true) attributes |= TRANSACTIONAL_MASK;
  if (input.isControl === true) attributes |= CONTROL_MASK;
  view.setInt16(ATTRIBUTES_OFFSET, attributes);
  view.setInt32(LAST_OFFSET_DELTA_OFFSET, records.length - 1);
  setInt64(view, BASE_TIMESTAMP_OFFSET, baseTimestamp);
  setInt64(view, MAX_TIMESTAMP_OFFSET, maxTimestamp);
  setInt64(view, PRODUCER_ID_OFFSET, producerId);
  view.setInt16(PRODUCER_EPOCH_OFFSET, producerEpoch);
  view.setInt32(BASE_SEQUENCE_OFFSET, baseSequence);
  view.setInt32(RECORDS_COUNT_OFFSET, records.length);

  let pos = RECORD_BATCH_OVERHEAD;
  for (const p of prepared) pos = writeRecordAt(out, pos, p);
  // The CRC goes last because it covers everything from the attributes on.
  view.setUint32(CRC_OFFSET, computeBatchCrc(out, 0, size));
  return out;
}

/**
 * Decodes the batch at `at`: framing, then CRC, then header fields and
 * records. The CRC comes before any field is interpreted so that corruption
 * is reported as such and not as whatever structural nonsense the flipped
 * bytes happen to produce.
 */
export function decodeRecordBatch(bytes: Uint8Array, at = 0): RecordBatch {
  verifyBatchCrc(bytes, at);
  const header = readBatchHeader(bytes, at);
  if (header.compression !== CompressionType.None) {
    if (header.compression <= CompressionType.Zstd) throw new UnsupportedCompressionError(at, header.compression);
    // Ids 5-7 are not codecs at all; Kafka's CompressionType.forId rejects them as unknown.
    throw new CorruptRecordError(`unknown compression id ${header.compression}`, at);
  }

  const end = at + header.sizeInBytes;
  const r = new ByteReader(bytes, at + RECORD_BATCH_OVERHEAD, end, 'record batch');
  // The smallest record is 7 bytes (length, attributes, two deltas, null key,
  // null value, zero headers); a count the bytes cannot hold is corruption,
  // caught before it drives a long loop.
  if (header.recordsCount * 7 > r.remaining) {
    throw new CorruptRecordError(`recordsCount ${header.recordsCount} cannot fit in ${r.remaining} bytes`, at);
  }
  const logAppendTime = header.timestampType === TimestampType.LogAppendTime ? header.maxTimestamp : null;
  const records: DecodedRecord[] = [];
  try {
    for (let i = 0; i < header.recordsCount; i++) {
      records.push(readRecord(r, header.baseOffset, header.baseTimestamp, logAppendTime));
    }
  } catch (e) {
    if (e instanceof CorruptRecordError && e.at === undefined) throw new CorruptRecordError(e.message, at);
    throw e;
  }
  if (r.remaining !== 0) {
    throw new CorruptRecordError(`${r.remaining} byte(s) remain after the batch's ${header.recordsCount} records`, at);
  }
  return { header, records };
}

function checkSafe(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} ${n} is not a safe integer`);
}

/** Mirrors Kafka's MemoryRecordsBuilder, which refuses negative timestamps other than NO_TIMESTAMP. */
function checkTimestamp(t: number): void {
  if (!Number.isSafeInteger(t) || t < NO_TIMESTAMP) throw new RangeError(`timestamp ${t} must be a safe integer >= -1`);
}
