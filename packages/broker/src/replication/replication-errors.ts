import { KafkaErrorCode } from '@kz/kafka-protocol';
import { BrokerError } from '../broker-error';

/**
 * Typed errors of leader-side replication. Each carries the Kafka error name and numeric code
 * (clients/.../protocol/Errors.java) the broker answers with, in the style of ../log/log-errors.
 */
export abstract class ReplicationError extends BrokerError {}

/**
 * acks=all asked of a partition whose ISR is below min.insync.replicas. Kafka refuses before the
 * append (Partition.appendRecordsToLeader), so nothing is written.
 */
export class NotEnoughReplicasError extends ReplicationError {
  override readonly name = 'NotEnoughReplicasError';
  readonly code = 'NOT_ENOUGH_REPLICAS';
  readonly kafkaErrorCode = KafkaErrorCode.NOT_ENOUGH_REPLICAS;
  constructor(
    readonly isrSize: number,
    readonly minInsyncReplicas: number,
  ) {
    super(`the ISR has ${isrSize} replicas, fewer than min.insync.replicas ${minInsyncReplicas}`);
  }
}

/**
 * An acks=all batch reached the high watermark but the ISR shrank below min.insync.replicas
 * meanwhile (Partition.checkEnoughReplicasReachOffset). The data is already in the log.
 */
export class NotEnoughReplicasAfterAppendError extends ReplicationError {
  override readonly name = 'NotEnoughReplicasAfterAppendError';
  readonly code = 'NOT_ENOUGH_REPLICAS_AFTER_APPEND';
  readonly kafkaErrorCode = KafkaErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND;
  constructor(
    readonly isrSize: number,
    readonly minInsyncReplicas: number,
  ) {
    super(`the batch is committed but the ISR has ${isrSize} replicas, fewer than min.insync.replicas ${minInsyncReplicas}`);
  }
}

/** A fetch from a broker that is not a replica of this partition (Partition.getReplicaOrException). */
export class NotLeaderOrFollowerError extends ReplicationError {
  override readonly name = 'NotLeaderOrFollowerError';
  readonly code = 'NOT_LEADER_OR_FOLLOWER';
  readonly kafkaErrorCode = KafkaErrorCode.NOT_LEADER_OR_FOLLOWER;
  constructor(readonly replicaId: number) {
    super(`broker ${replicaId} is not a replica of this partition`);
  }
}

/** A follower fetched past the leader's log end (Kafka answers OFFSET_OUT_OF_RANGE). */
export class FetchOffsetOutOfRangeError extends ReplicationError {
  override readonly name = 'FetchOffsetOutOfRangeError';
  readonly code = 'OFFSET_OUT_OF_RANGE';
  readonly kafkaErrorCode = KafkaErrorCode.OFFSET_OUT_OF_RANGE;
  constructor(
    readonly fetchOffset: number,
    readonly leaderLogEnd: number,
  ) {
    super(`fetch offset ${fetchOffset} is past the leader's log end ${leaderLogEnd}`);
  }
}
