/**
 * @kz/records: Kafka RecordBatch v2 (magic 2) codec, CRC-32C, and the KRaft
 * control records (LeaderChange, SnapshotHeader, SnapshotFooter, KRaftVersion, Voters).
 *
 * Offsets, epochs and timestamps are JS numbers; int64 fields that are not
 * safe integers are rejected on decode with CorruptRecordError.
 */
export { crc32c } from './crc32c.js';

export {
  KafkaErrorCodes,
  RecordsError,
  TruncatedBatchError,
  InvalidMagicError,
  CrcMismatchError,
  CorruptRecordError,
  UnsupportedCompressionError,
} from './errors.js';

export {
  encodeVarint,
  decodeVarint,
  encodeVarlong,
  decodeVarlong,
  encodeUnsignedVarint,
  decodeUnsignedVarint,
  sizeOfVarint,
  sizeOfVarlong,
  sizeOfUnsignedVarint,
  type DecodedVarint,
} from './varint.js';

export {
  RECORD_BATCH_OVERHEAD,
  CompressionType,
  TimestampType,
  readBatchHeader,
  verifyBatchCrc,
  stampBatch,
  restampProducer,
  type RecordBatchHeader,
} from './batch-header.js';

export type { RecordHeader, KafkaRecord, DecodedRecord } from './record.js';

export { NO_TIMESTAMP, encodeRecordBatch, decodeRecordBatch, type RecordBatchInput, type RecordBatch } from './record-batch.js';

export { iterateBatches, type BatchPosition } from './batch-iterator.js';

export {
  ControlRecordType,
  encodeControlRecordKey,
  decodeControlRecordKey,
  encodeLeaderChangeMessage,
  decodeLeaderChangeMessage,
  encodeSnapshotHeaderRecord,
  decodeSnapshotHeaderRecord,
  encodeSnapshotFooterRecord,
  decodeSnapshotFooterRecord,
  encodeLeaderChangeBatch,
  encodeSnapshotHeaderBatch,
  encodeSnapshotFooterBatch,
  encodeKRaftVotersBatch,
  decodeControlRecord,
  type LeaderChangeMessage,
  type ControlRecord,
  type ControlBatchOptions,
} from './control-records.js';

export {
  UUID_BYTES,
  encodeKRaftVersionRecord,
  decodeKRaftVersionRecord,
  encodeVotersRecord,
  decodeVotersRecord,
  type KRaftVersionRecord,
  type VotersRecord,
  type VotersRecordVoter,
  type VoterEndpoint,
} from './kraft-voter-records.js';
