/** Metadata (Kafka's MetadataRequest v12): brokers and the partitions of the asked topics, from this broker's image. */

export interface MetadataRequest {
  /** null: every topic. */
  readonly topics: readonly string[] | null;
}

export interface MetadataBroker {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
}

export interface MetadataPartition {
  readonly errorCode: number;
  readonly partition: number;
  /** -1 while the partition has no leader (LEADER_NOT_AVAILABLE). */
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  /** Replicas on fenced brokers. */
  readonly offlineReplicas: readonly number[];
}

export interface MetadataTopic {
  readonly errorCode: number;
  readonly name: string;
  readonly topicId: string;
  readonly isInternal: boolean;
  readonly partitions: readonly MetadataPartition[];
}

export interface MetadataResponse {
  readonly clusterId: string;
  /** The active controller as this broker last knew it; -1 when unknown. */
  readonly controllerId: number;
  readonly brokers: readonly MetadataBroker[];
  readonly topics: readonly MetadataTopic[];
}
