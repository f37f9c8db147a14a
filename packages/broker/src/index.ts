/**
 * @kz/broker: the broker. For now only its partition log: segments named by
 * base offset, sparse offset and time indexes, the leader-epoch checkpoint,
 * recovery of a torn tail, roll and retention.
 */
export { PartitionLog, LATEST_TIMESTAMP, EARLIEST_TIMESTAMP, type AppendInfo, type RetentionResult } from './log/partition-log.js';
export { DEFAULT_LOG_CONFIG, resolveLogConfig, type LogConfig } from './log/log-config.js';
export type { RecoveryTruncation, OffsetAndTimestamp } from './log/log-segment.js';
export { UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET, type EpochEntry, type EpochEndOffset } from './log/leader-epoch-cache.js';
export {
  LogError,
  OffsetOutOfRangeError,
  RecordTooLargeError,
  FencedLeaderEpochError,
  UnexpectedAppendOffsetError,
  KafkaStorageError,
} from './log/log-errors.js';
export { segmentFileStem } from './log/segment-files.js';
