/** ListOffsets (Kafka's ListOffsetsRequest v7): an offset by timestamp, or the log's earliest or latest. */

/** Kafka's special timestamps. */
export const LATEST_OFFSET_SPEC = -1;
export const EARLIEST_OFFSET_SPEC = -2;
/** KIP-734: the committed record with the largest timestamp. */
export const MAX_TIMESTAMP_OFFSET_SPEC = -3;

export interface ListOffsetsPartition {
  readonly partition: number;
  readonly currentLeaderEpoch: number;
  /** A timestamp in ms, or LATEST_OFFSET_SPEC / EARLIEST_OFFSET_SPEC / MAX_TIMESTAMP_OFFSET_SPEC. */
  readonly timestamp: number;
}

export interface ListOffsetsTopic {
  readonly name: string;
  readonly partitions: readonly ListOffsetsPartition[];
}

export interface ListOffsetsRequest {
  readonly topics: readonly ListOffsetsTopic[];
}

export interface ListOffsetsPartitionResponse {
  readonly partition: number;
  readonly errorCode: number;
  readonly errorMessage: string;
  /** -1 unless the lookup was by timestamp. */
  readonly timestamp: number;
  /** -1 when no record has a timestamp at or after the one asked. */
  readonly offset: number;
  readonly leaderEpoch: number;
}

export interface ListOffsetsTopicResponse {
  readonly name: string;
  readonly partitions: readonly ListOffsetsPartitionResponse[];
}

export interface ListOffsetsResponse {
  readonly topics: readonly ListOffsetsTopicResponse[];
}
