/**
 * @kz/metadata — the metadata quorum that replaces ZooKeeper: the records of the metadata log, the
 * immutable image they build, the loader every node runs, and the quorum controller.
 */
export * from './records/metadata-record';
export { encodeMetadataRecord, decodeMetadataRecord, toKafkaRecords } from './records/record-codec';
export { MalformedMetadataRecordError } from './records/record-errors';
export { METADATA_PROTO_PATH } from './records/metadata-schema';

export type { BrokerRegistration } from './image/broker-registration';
export { isActive } from './image/broker-registration';
export type { PartitionRegistration } from './image/partition-registration';
export { applyPartitionChange, preferredLeader, isReassigning } from './image/partition-registration';
export { ELIGIBLE_LEADER_REPLICAS_VERSION, eligibleLeaderReplicasEnabled } from './image/feature-levels';
export type { TopicImage } from './image/topic-image';
export { configResourceKey, configResourceFromKey, type ConfigResource } from './image/config-resource';
export { MetadataImage, type ImageProvenance, type MetadataImageParts } from './image/metadata-image';
export { MetadataDelta } from './image/metadata-delta';
export type { MetadataChanges } from './image/metadata-changes';
export { MetadataReplayError } from './image/replay-errors';
export { imageRecords } from './image/image-records';
export {
  encodeImageSnapshot,
  decodeImageSnapshot,
  imageSnapshotPieces,
  writeImageSnapshot,
  readImageSnapshot,
  ImageSnapshotDecoder,
  InvalidMetadataSnapshotError,
} from './image/image-snapshot';

export { ApiError, apiError, kafkaErrorName, KAFKA_ERROR_CODES, type KafkaErrorName } from './errors/api-error';
export type * from './controller/controller-requests';

export { MetadataLoader, everything, type LeadershipListener } from './loader/metadata-loader';
export type { MetadataPublisher, MetadataUpdate } from './loader/metadata-publisher';
export { QuorumController, type ControllerEvent, type MetadataLog, type QuorumControllerOptions } from './controller/quorum-controller';
export { CONTROLLER_DEFAULTS, InvalidControllerConfigError, type ControllerConfig } from './controller/controller-config';
export { describeConfigs, effectiveTopicConfig, type ConfigSource, type DescribedConfig } from './controller/config-control';
export { MetadataNode, type MetadataNodeOptions, type DynamicVoterOptions, type VoterChangeResult } from './runtime/metadata-node';

export { ADMIN_PROTO_PATH } from './service/admin-schema';
export { MetadataAdminServer, type MetadataAdminServerOptions } from './service/metadata-admin-server';
export {
  MetadataAdminClient,
  METADATA_ADMIN_CLIENT_DEFAULTS,
  type ControllerAddress,
  type MetadataAdminClientOptions,
  type ReadOptions,
} from './service/metadata-admin-client';
export { configsDescription } from './service/admin-reads';
export type {
  ClusterDescription,
  ConfigsDescription,
  DescribeConfigsRequest,
  DescribeTopicsRequest,
  PartitionDescription,
  ResourceConfigs,
  TopicDescription,
  TopicsDescription,
} from './service/admin-reads';
export {
  ADMIN_RPC_NAMES,
  ADMIN_SERVICE_DEFINITION,
  type AdminRpcName,
  type AdminRpcs,
  type AdminResult,
  type AddRaftVoterRequest,
  type RemoveRaftVoterRequest,
} from './service/admin-rpc';
export { MalformedAdminMessageError } from './service/admin-errors';
export {
  parseMetadataServerFlags,
  parseVoters,
  raftTimeouts,
  raftEndpoints,
  startMetadataServer,
  RAFT_LISTENER_NAME,
  type DynamicVoterSettings,
  METADATA_SERVER_USAGE,
  LOG_LEVELS,
  UsageError,
  type MetadataServer,
  type MetadataServerSettings,
  type MetadataServerCommand,
  type LogLevel,
} from './runtime/metadata-server-main';
export { stopOnSignals } from './runtime/stop-on-signals';
export {
  parseInitialControllers,
  standaloneVoters,
  voterBootstrap,
  type VoterBootstrap,
  type VoterBootstrapFlags,
} from './runtime/dynamic-voter-flags';
export type { ServerInstrumentation } from './runtime/server-instrumentation';

export * from './security/acl';
export * from './security/scram';
export type {
  AclsDescription,
  DescribeAclsRequest,
  DescribeUserScramCredentialsRequest,
  ScramCredentialsDescription,
  UserScramCredentialsDescription,
} from './service/security-reads';
export { StandardAuthorizer, ALLOW_ALL, type Authorizer, type StandardAuthorizerOptions } from './security/standard-authorizer';
