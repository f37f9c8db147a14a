/**
 * What the Kafka handlers serve from: the broker's own API (produce, fetch, offsets — Kafka-shaped
 * values over topic names or ids), its metadata image (names ↔ topic ids, brokers, configs), and
 * the channel to the active controller that admin requests changing metadata are forwarded to.
 * BrokerNode is the one in production; tests give their own.
 */
import type { ControllerApi, MetadataImage } from '@kz/metadata';
import type { BrokerApi } from '../protocol/broker-api';
import type { GroupMembershipApi } from '../protocol/group-membership';
import type { ProducerIdApi } from '../protocol/producer-ids';

/** The controller requests a broker forwards for Kafka admin clients. MetadataAdminClient is one. */
export interface AdminForwarding {
  createTopics(request: ControllerApi['createTopics'][0]): Promise<ControllerApi['createTopics'][1]>;
  deleteTopics(request: ControllerApi['deleteTopics'][0]): Promise<ControllerApi['deleteTopics'][1]>;
  createPartitions(request: ControllerApi['createPartitions'][0]): Promise<ControllerApi['createPartitions'][1]>;
  electLeaders(request: ControllerApi['electLeaders'][0]): Promise<ControllerApi['electLeaders'][1]>;
  alterPartitionReassignments(request: ControllerApi['alterPartitionReassignments'][0]): Promise<ControllerApi['alterPartitionReassignments'][1]>;
  listPartitionReassignments(): Promise<ControllerApi['listPartitionReassignments'][1]>;
  incrementalAlterConfigs(request: ControllerApi['incrementalAlterConfigs'][0]): Promise<ControllerApi['incrementalAlterConfigs'][1]>;
  alterUserScramCredentials(request: ControllerApi['alterUserScramCredentials'][0]): Promise<ControllerApi['alterUserScramCredentials'][1]>;
  createAcls(request: ControllerApi['createAcls'][0]): Promise<ControllerApi['createAcls'][1]>;
  deleteAcls(request: ControllerApi['deleteAcls'][0]): Promise<ControllerApi['deleteAcls'][1]>;
}

/** One partition replica in the broker's log directory (DescribeLogDirs). */
export interface HostedReplica {
  readonly topic: string;
  readonly partition: number;
  readonly sizeBytes: number;
  /** How far the replica's log end is behind the high watermark (0 on a leader). */
  readonly offsetLag: number;
}

export interface LogDirUsage {
  readonly path: string;
  readonly replicas: readonly HostedReplica[];
  /** The file system's size and free space; -1 when unknown. */
  readonly totalBytes: number;
  readonly usableBytes: number;
}

export interface KafkaBackend {
  readonly nodeId: number;
  readonly clusterId: string;
  readonly broker: BrokerApi;
  /** The group coordinator's membership calls. */
  readonly groups: GroupMembershipApi;
  /** Producer ids and what partitions know of their producers. */
  readonly producerIds: ProducerIdApi;
  /** The image the broker serves from (MetadataImage.EMPTY until it caught up with its registration). */
  image(): MetadataImage;
  readonly admin: AdminForwarding;
  /** Kafka's auto.create.topics.enable: whether Metadata for an unknown topic creates it. */
  readonly autoCreateTopics: boolean;
  logDir(): LogDirUsage;
}
