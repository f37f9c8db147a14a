/**
 * @kz/broker: the broker. For now its partition log (segments named by base
 * offset, sparse offset and time indexes, the leader-epoch checkpoint, recovery
 * of a torn tail, roll and retention) and the pure decisions of replication.
 */
export { BrokerError } from './broker-error';
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

// Leader-side replication: follower fetch state, the high watermark, ISR shrink/expand via AlterPartition.
export {
  LeaderReplicaState,
  type AcksAllStatus,
  type AlterPartitionItem,
  type BecomeLeaderParams,
} from './replication/partition-replicas.js';
export {
  DEFAULT_REPLICA_LAG_TIME_MAX_MS,
  isrToShrink,
  isrToExpand,
  alterPartitionOutcome,
  onAlterPartitionResult,
  type AlterPartitionOutcome,
  type AlterPartitionResult,
} from './replication/isr-change.js';
export { maximalIsr, isIsrChangeInFlight, type IsrState, type IsrChangeProposal, type IsrExpandProposal, type IsrShrinkProposal } from './replication/isr-state.js';
export {
  initialFollowerState,
  updateFollowerFetchState,
  isFollowerCaughtUp,
  type FollowerFetchState,
} from './replication/follower-fetch-state.js';
export { nextHighWatermark } from './replication/high-watermark.js';
export {
  ReplicationError,
  NotEnoughReplicasError,
  NotEnoughReplicasAfterAppendError,
  NotLeaderOrFollowerError,
  FetchOffsetOutOfRangeError,
} from './replication/replication-errors.js';

// Follower fetching: the leader's per-partition fetch check, the follower's reaction, its fetch request.
export {
  validateFollowerFetch,
  FETCH_PARTITION_ERROR_CODES,
  type LeaderFetchView,
  type FetchPartitionPosition,
  type FetchPartitionErrorName,
  type FetchValidation,
} from './replication/fetch-validation.js';
export {
  followerFetchDecision,
  truncationForDivergingEpoch,
  recoveryFromOffsetOutOfRange,
  type FollowerLogView,
  type FollowerFetchDecision,
} from './replication/follower-truncation.js';
export {
  buildReplicaFetchRequest,
  DEFAULT_REPLICA_FETCH_CONFIG,
  type FollowedPartition,
  type FollowedPartitionStatus,
  type ReplicaFetchConfig,
  type ReplicaFetchPartition,
  type ReplicaFetchRequest,
} from './replication/fetch-request-builder.js';
