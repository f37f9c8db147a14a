/**
 * Produce (Kafka's ProduceRequest v9 / ProduceResponse, by topic name). A partition's `records` are
 * one or more RecordBatch v2 exactly as the client encoded them: the leader checks their CRCs and
 * stamps only the base offset and leader epoch, never re-encoding them.
 */

/** acks: 0 answers nothing, 1 answers after the leader's append, -1 (all) once the HW passes it. */
export type Acks = -1 | 0 | 1;

export interface ProducePartitionData {
  readonly partition: number;
  readonly records: Uint8Array;
}

export interface ProduceTopicData {
  readonly name: string;
  readonly partitions: readonly ProducePartitionData[];
}

export interface ProduceRequest {
  readonly acks: Acks;
  /** How long acks=all may wait for the ISR before REQUEST_TIMED_OUT. */
  readonly timeoutMs: number;
  readonly topics: readonly ProduceTopicData[];
}

/** Where a client should go instead, sent with NOT_LEADER_OR_FOLLOWER (KIP-951). */
export interface CurrentLeader {
  readonly leaderId: number;
  readonly leaderEpoch: number;
}

export interface ProducePartitionResponse {
  readonly partition: number;
  /** 0 or a Kafka error code (KAFKA_ERROR_CODES). */
  readonly errorCode: number;
  readonly errorMessage: string;
  /** The offset given to the first record; -1 on error or with acks=0. */
  readonly baseOffset: number;
  readonly logStartOffset: number;
  readonly currentLeader: CurrentLeader | null;
}

export interface ProduceTopicResponse {
  readonly name: string;
  readonly partitions: readonly ProducePartitionResponse[];
}

export interface ProduceResponse {
  readonly topics: readonly ProduceTopicResponse[];
}
