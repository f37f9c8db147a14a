/**
 * DeleteRecords (Kafka's DeleteRecordsRequest v2, KIP-107): each partition's records below an
 * offset are deleted by moving its log start up to it, on its leader; the answer carries the
 * partition's low watermark, the smallest log start over its live replicas.
 */

/** DeleteRecordsRequest.HIGH_WATERMARK: delete everything below the high watermark. */
export const DELETE_UP_TO_HIGH_WATERMARK = -1;

export interface DeleteRecordsPartition {
  readonly partition: number;
  /** The new log start, or DELETE_UP_TO_HIGH_WATERMARK. */
  readonly offset: number;
}

export interface DeleteRecordsTopic {
  readonly name: string;
  readonly partitions: readonly DeleteRecordsPartition[];
}

export interface DeleteRecordsRequest {
  readonly topics: readonly DeleteRecordsTopic[];
  /** How long the leader waits for every live replica to have deleted up to the offset. */
  readonly timeoutMs: number;
}

export interface DeleteRecordsPartitionResponse {
  readonly partition: number;
  readonly errorCode: number;
  readonly errorMessage: string;
  /** The low watermark when answered; -1 with an error that left the partition untouched. */
  readonly lowWatermark: number;
}

export interface DeleteRecordsTopicResponse {
  readonly name: string;
  readonly partitions: readonly DeleteRecordsPartitionResponse[];
}

export interface DeleteRecordsResponse {
  readonly topics: readonly DeleteRecordsTopicResponse[];
}
