/**
 * RecordBatch v2 header: the fixed 61-byte prefix, its attribute bits, and
 * the operations that only need the header (reading it, checking the CRC,
 * stamping offset and leader epoch). Layout per DefaultRecordBatch.java:
 *
 *   0 baseOffset int64 | 8 batchLength int32 | 12 partitionLeaderEpoch int32 |
 *  16 magic int8 | 17 crc uint32 | 21 attributes int16 | 23 lastOffsetDelta int32 |
 *  27 baseTimestamp int64 | 35 maxTimestamp int64 | 43 producerId int64 |
 *  51 producerEpoch int16 | 53 baseSequence int32 | 57 recordsCount int32 | 61 records
 */
import { checkIntRange, getInt64, setInt64, viewOf } from './bytes.js';
import { crc32c } from './crc32c.js';
import { CorruptRecordError, CrcMismatchError, InvalidMagicError, TruncatedBatchError } from './errors.js';

export const BASE_OFFSET_OFFSET = 0;
export const LENGTH_OFFSET = 8;
export const PARTITION_LEADER_EPOCH_OFFSET = 12;
export const MAGIC_OFFSET = 16;
export const CRC_OFFSET = 17;
export const ATTRIBUTES_OFFSET = 21;
export const LAST_OFFSET_DELTA_OFFSET = 23;
export const BASE_TIMESTAMP_OFFSET = 27;
export const MAX_TIMESTAMP_OFFSET = 35;
export const PRODUCER_ID_OFFSET = 43;
export const PRODUCER_EPOCH_OFFSET = 51;
export const BASE_SEQUENCE_OFFSET = 53;
export const RECORDS_COUNT_OFFSET = 57;
export const RECORDS_OFFSET = 61;

export const RECORD_BATCH_OVERHEAD = RECORDS_OFFSET;
/** baseOffset + batchLength: the bytes not counted by batchLength. */
export const LOG_OVERHEAD = 12;
export const MAGIC_V2 = 2;

export const COMPRESSION_MASK = 0x07;
export const TIMESTAMP_TYPE_MASK = 0x08;
export const TRANSACTIONAL_MASK = 0x10;
export const CONTROL_MASK = 0x20;

export enum CompressionType {
  None = 0,
  Gzip = 1,
  Snappy = 2,
  Lz4 = 3,
  Zstd = 4,
}

export enum TimestampType {
  CreateTime = 0,
  /** maxTimestamp is the broker's append time and stands in for every record's timestamp. */
  LogAppendTime = 1,
}

export interface RecordBatchHeader {
  baseOffset: number;
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  /** As stored (uint32); not checked by readBatchHeader. */
  crc: number;
  attributes: number;
  lastOffsetDelta: number;
  baseTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordsCount: number;
  isControl: boolean;
  isTransactional: boolean;
  /** Attribute bits 0-2; see CompressionType. */
  compression: number;
  timestampType: TimestampType;
  /** batchLength + 12. */
  sizeInBytes: number;
  /** baseOffset + lastOffsetDelta. */
  lastOffset: number;
}

/**
 * Framing checks only: position, magic, batchLength, and whether the whole
 * batch is present. These fields all sit before the CRC-covered region, so
 * they must be judged before the CRC can even be computed; everything after
 * byte 21 is left alone so that callers which check the CRC first report a
 * flipped bit as a CRC mismatch rather than as whatever nonsense it produced.
 *
 * Check order follows Kafka's ByteBufferLogInputStream: length sanity and
 * magic are judged as soon as their bytes are present, so a garbage stream is
 * reported as corrupt instead of waiting forever for "more bytes"; only a
 * plausible batch that is short yields TruncatedBatchError.
 *
 * Returns the batch's sizeInBytes.
 */
export function frameBatch(bytes: Uint8Array, at: number): number {
  if (!Number.isInteger(at) || at < 0 || at > bytes.length) {
    throw new RangeError(`batch position ${at} is outside a buffer of ${bytes.length} bytes`);
  }
  const available = bytes.length - at;
  const view = viewOf(bytes);

  if (available > MAGIC_OFFSET) {
    const magic = view.getInt8(at + MAGIC_OFFSET);
    if (magic !== MAGIC_V2) throw new InvalidMagicError(at, magic);
  }
  let sizeInBytes = RECORD_BATCH_OVERHEAD;
  if (available >= LOG_OVERHEAD) {
    const batchLength = view.getInt32(at + LENGTH_OFFSET);
    if (batchLength < RECORD_BATCH_OVERHEAD - LOG_OVERHEAD) {
      throw new CorruptRecordError(
        `batchLength ${batchLength} is smaller than the minimum ${RECORD_BATCH_OVERHEAD - LOG_OVERHEAD}`,
        at,
      );
    }
    sizeInBytes = batchLength + LOG_OVERHEAD;
  }
  if (available < sizeInBytes) throw new TruncatedBatchError(at, sizeInBytes, available);
  return sizeInBytes;
}

/**
 * Parses the header of the batch starting at `at` without checking its CRC,
 * so log scans and fetch paths can skip batches cheaply. Besides the framing
 * errors of frameBatch it throws CorruptRecordError for field values no
 * writer produces (negative counts, int64s beyond the safe range).
 */
export function readBatchHeader(bytes: Uint8Array, at = 0): RecordBatchHeader {
  const sizeInBytes = frameBatch(bytes, at);
  const view = viewOf(bytes);

  const int64 = (offset: number, field: string): number => {
    const n = getInt64(view, at + offset);
    if (n === undefined) throw new CorruptRecordError(`${field} is not a safe integer`, at);
    return n;
  };

  const baseOffset = int64(BASE_OFFSET_OFFSET, 'baseOffset');
  const lastOffsetDelta = view.getInt32(at + LAST_OFFSET_DELTA_OFFSET);
  if (lastOffsetDelta < 0) throw new CorruptRecordError(`lastOffsetDelta ${lastOffsetDelta} is negative`, at);
  const lastOffset = baseOffset + lastOffsetDelta;
  if (!Number.isSafeInteger(lastOffset)) throw new CorruptRecordError('lastOffset is not a safe integer', at);
  const recordsCount = view.getInt32(at + RECORDS_COUNT_OFFSET);
  if (recordsCount < 0) throw new CorruptRecordError(`recordsCount ${recordsCount} is negative`, at);

  // Kafka reads attributes as int16 but defines bits only in the low byte.
  const attributes = view.getInt16(at + ATTRIBUTES_OFFSET);
  return {
    baseOffset,
    batchLength: sizeInBytes - LOG_OVERHEAD,
    partitionLeaderEpoch: view.getInt32(at + PARTITION_LEADER_EPOCH_OFFSET),
    magic: MAGIC_V2,
    crc: view.getUint32(at + CRC_OFFSET),
    attributes,
    lastOffsetDelta,
    baseTimestamp: int64(BASE_TIMESTAMP_OFFSET, 'baseTimestamp'),
    maxTimestamp: int64(MAX_TIMESTAMP_OFFSET, 'maxTimestamp'),
    producerId: int64(PRODUCER_ID_OFFSET, 'producerId'),
    producerEpoch: view.getInt16(at + PRODUCER_EPOCH_OFFSET),
    baseSequence: view.getInt32(at + BASE_SEQUENCE_OFFSET),
    recordsCount,
    isControl: (attributes & CONTROL_MASK) !== 0,
    isTransactional: (attributes & TRANSACTIONAL_MASK) !== 0,
    compression: attributes & COMPRESSION_MASK,
    timestampType: (attributes & TIMESTAMP_TYPE_MASK) !== 0 ? TimestampType.LogAppendTime : TimestampType.CreateTime,
    sizeInBytes,
    lastOffset,
  };
}

/** CRC-32C of the region the header's crc covers: attributes to the end of the batch. */
export function computeBatchCrc(bytes: Uint8Array, at: number, sizeInBytes: number): number {
  return crc32c(bytes.subarray(at + ATTRIBUTES_OFFSET, at + sizeInBytes));
}

/**
 * Throws CrcMismatchError unless the batch at `at` is intact, or a framing
 * error (TruncatedBatchError, InvalidMagicError, CorruptRecordError for a bad
 * batchLength). No field inside the CRC-covered region is interpreted.
 */
export function verifyBatchCrc(bytes: Uint8Array, at = 0): void {
  const sizeInBytes = frameBatch(bytes, at);
  const stored = viewOf(bytes).getUint32(at + CRC_OFFSET);
  const actual = computeBatchCrc(bytes, at, sizeInBytes);
  if (actual !== stored) throw new CrcMismatchError(at, stored, actual);
}

/**
 * Assigns the batch's base offset and leader epoch in place, as a leader does
 * on append. Both fields precede the CRC-covered region, which is the reason
 * Kafka put them there: the stored CRC stays valid and the producer's bytes
 * can be kept verbatim.
 */
export function stampBatch(bytes: Uint8Array, baseOffset: number, partitionLeaderEpoch: number, at = 0): void {
  const header = readBatchHeader(bytes, at);
  if (!Number.isSafeInteger(baseOffset) || !Number.isSafeInteger(baseOffset + header.lastOffsetDelta)) {
    throw new RangeError(`baseOffset ${baseOffset} (+ lastOffsetDelta ${header.lastOffsetDelta}) is not a safe integer`);
  }
  checkIntRange(partitionLeaderEpoch, -0x8000_0000, 0x7fff_ffff, 'partitionLeaderEpoch');
  const view = viewOf(bytes);
  setInt64(view, at + BASE_OFFSET_OFFSET, baseOffset);
  view.setInt32(at + PARTITION_LEADER_EPOCH_OFFSET, partitionLeaderEpoch);
}

/**
 * Rewrites an idempotent producer's fields (producer id, epoch, base sequence) of a batch in place
 * and recomputes its CRC, which covers them. A producer that takes a new producer id renumbers the
 * batches it has not had acknowledged yet this way, rather than encoding their records again.
 */
export function restampProducer(bytes: Uint8Array, producerId: number, producerEpoch: number, baseSequence: number, at = 0): void {
  const sizeInBytes = frameBatch(bytes, at);
  checkIntRange(producerEpoch, -0x8000, 0x7fff, 'producerEpoch');
  checkIntRange(baseSequence, -0x8000_0000, 0x7fff_ffff, 'baseSequence');
  const view = viewOf(bytes);
  setInt64(view, at + PRODUCER_ID_OFFSET, producerId);
  view.setInt16(at + PRODUCER_EPOCH_OFFSET, producerEpoch);
  view.setInt32(at + BASE_SEQUENCE_OFFSET, baseSequence);
  view.setUint32(at + CRC_OFFSET, computeBatchCrc(bytes, at, sizeInBytes));
}
