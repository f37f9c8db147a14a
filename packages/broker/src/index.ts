/**
 * @kz/broker: the broker and its client. Partition logs on disk (segments, indexes, the
 * leader-epoch checkpoint, recovery, retention); the ReplicaManager that leads and follows
 * partitions as the metadata image says (produce with acks, fetch long polls, ISR and high
 * watermark, KIP-101/279/320 truncation and fencing); consumer-group offsets in
 * __consumer_offsets; the Kafka listener (Kafka's protocol, for every Kafka client) and the
 * Replication gRPC service followers fetch from; BrokerNode, the broker as a process runs it; and
 * KzClient, the producer and consumer library, which speaks Kafka's protocol.
 */
export { BrokerError } from './broker-error';
export { PartitionLog, LATEST_TIMESTAMP, EARLIEST_TIMESTAMP, MAX_TIMESTAMP, type AppendInfo, type RetentionResult } from './log/partition-log';
export { DEFAULT_LOG_CONFIG, resolveLogConfig, type LogConfig } from './log/log-config';
export type { RecoveryTruncation, OffsetAndTimestamp } from './log/log-segment';
export { UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET, type EpochEntry, type EpochEndOffset } from './log/leader-epoch-cache';
export {
  LogError,
  OffsetOutOfRangeError,
  RecordTooLargeError,
  FencedLeaderEpochError,
  UnexpectedAppendOffsetError,
  KafkaStorageError,
  LogFileOpenError,
  TooManyOpenFilesError,
  CorruptCheckpointError,
} from './log/log-errors';
export { HIGH_WATERMARK_CHECKPOINT, type HighWatermarkEntry } from './log/high-watermark-checkpoint';
export { DAMAGED_REPLICAS_CHECKPOINT, formatDamagedReplicas, parseDamagedReplicas } from './log/damaged-replicas-checkpoint';
export {
  FileHandlePool,
  PooledFile,
  defaultMaxOpenFiles,
  maxOpenFilesFor,
  parseOpenFilesSoftLimit,
  MIN_MAX_OPEN_FILES,
  type FileHandlePoolOptions,
  type FileHandlePoolStats,
  type FileOpener,
} from './log/file-handle-pool';
export { segmentFileStem } from './log/segment-files';

// Leader-side replication: follower fetch state, the high watermark, ISR shrink/expand via AlterPartition.
export {
  LeaderReplicaState,
  type AcksAllStatus,
  type AlterPartitionItem,
  type BecomeLeaderParams,
} from './replication/partition-replicas';
export {
  DEFAULT_REPLICA_LAG_TIME_MAX_MS,
  isrToShrink,
  isrToExpand,
  alterPartitionOutcome,
  onAlterPartitionResult,
  type AlterPartitionOutcome,
  type AlterPartitionResult,
} from './replication/isr-change';
export { maximalIsr, isIsrChangeInFlight, type IsrState, type IsrChangeProposal, type IsrExpandProposal, type IsrShrinkProposal } from './replication/isr-state';
export {
  initialFollowerState,
  updateFollowerFetchState,
  isFollowerCaughtUp,
  type FollowerFetchState,
} from './replication/follower-fetch-state';
export { nextHighWatermark } from './replication/high-watermark';
export {
  ReplicationError,
  NotEnoughReplicasError,
  NotEnoughReplicasAfterAppendError,
  NotLeaderOrFollowerError,
  FetchOffsetOutOfRangeError,
} from './replication/replication-errors';

// Follower fetching: the leader's per-partition fetch check, the follower's reaction, its fetch request.
export {
  validateFollowerFetch,
  FETCH_PARTITION_ERROR_CODES,
  type LeaderFetchView,
  type FetchPartitionPosition,
  type FetchPartitionErrorName,
  type FetchValidation,
} from './replication/fetch-validation';
export {
  followerFetchDecision,
  truncationForDivergingEpoch,
  recoveryFromOffsetOutOfRange,
  type FollowerLogView,
  type FollowerFetchDecision,
} from './replication/follower-truncation';
export {
  buildReplicaFetchRequest,
  DEFAULT_REPLICA_FETCH_CONFIG,
  type FollowedPartition,
  type FollowedPartitionStatus,
  type ReplicaFetchConfig,
  type ReplicaFetchPartition,
  type ReplicaFetchRequest,
} from './replication/fetch-request-builder';

// The broker's API: requests and responses as values, whatever carries them.
export type { BrokerApi, BrokerRpcName } from './protocol/broker-api';
export type { Acks, CurrentLeader, ProduceRequest, ProduceResponse, ProduceTopicData, ProducePartitionData, ProduceTopicResponse, ProducePartitionResponse } from './protocol/produce';
export type { FetchRequest, FetchResponse, FetchTopic, FetchPartition, FetchTopicResponse, FetchPartitionResponse, DivergingEpoch } from './protocol/fetch';
export { LATEST_OFFSET_SPEC, EARLIEST_OFFSET_SPEC, MAX_TIMESTAMP_OFFSET_SPEC, type ListOffsetsRequest, type ListOffsetsResponse, type ListOffsetsTopic, type ListOffsetsPartition, type ListOffsetsTopicResponse, type ListOffsetsPartitionResponse } from './protocol/list-offsets';
export { DELETE_UP_TO_HIGH_WATERMARK, type DeleteRecordsRequest, type DeleteRecordsResponse, type DeleteRecordsTopic, type DeleteRecordsPartition, type DeleteRecordsTopicResponse, type DeleteRecordsPartitionResponse } from './protocol/delete-records';
export type { MetadataRequest, MetadataResponse, MetadataBroker, MetadataTopic, MetadataPartition } from './protocol/cluster-metadata';
export type {
  FindCoordinatorRequest,
  FindCoordinatorResponse,
  OffsetCommitRequest,
  OffsetCommitResponse,
  OffsetCommitTopic,
  OffsetCommitPartition,
  OffsetCommitPartitionResponse,
  OffsetFetchRequest,
  OffsetFetchResponse,
  OffsetFetchPartitionResponse,
  OffsetDeleteRequest,
  OffsetDeleteResponse,
} from './protocol/group-offsets';
export type {
  GroupMembershipApi,
  JoinGroupRequest,
  JoinGroupResponse,
  JoinGroupProtocol,
  JoinGroupMember,
  SyncGroupRequest,
  SyncGroupResponse,
  HeartbeatRequest,
  HeartbeatResponse,
  LeaveGroupRequest,
  LeaveGroupResponse,
  DescribeGroupsRequest,
  DescribedGroup,
  DescribedGroupMember,
  GroupStateName,
  ListGroupsRequest,
  ListGroupsResponse,
  ListedGroup,
  DeleteGroupsRequest,
  DeleteGroupsResponse,
} from './protocol/group-membership';
export type { ProducerIdApi, InitProducerIdRequest, InitProducerIdResponse, DescribeProducersRequest, DescribeProducersResponse, DescribedProducer } from './protocol/producer-ids';

// The broker's core: partitions led and followed from the metadata image, with no I/O of its own but the logs'.
export type { ReplicaLog } from './log/replica-log';
export type { ProducerEntry, ProducerBatch } from './log/producer-state';
export { ReplicaManager, DEFAULT_REPLICA_MANAGER_CONFIG, type AlterPartitionAnswer, type DamagedReplica, type LogDirectory, type ReplicaManagerConfig, type ReplicaManagerOptions, type FetchApplied } from './server/replica-manager';
export { Partition, partitionKey, type PartitionRole, type LeaderRole, type FollowerRole } from './server/partition';
export { kafkaErrorOf, type KafkaErrorValue } from './server/error-code';

// Consumer groups: membership and committed offsets.
export { GroupCoordinator, type GroupCoordinatorOptions, type OffsetsTopicCreator } from './coordinator/group-coordinator';
export { DEFAULT_GROUP_CONFIG, type GroupConfig } from './coordinator/classic-group';
export {
  OFFSETS_TOPIC,
  DEFAULT_OFFSETS_TOPIC_PARTITIONS,
  DEFAULT_OFFSETS_TOPIC_REPLICATION_FACTOR,
  OFFSET_METADATA_MAX_BYTES,
  offsetsPartitionFor,
  javaStringHashCode,
} from './coordinator/offsets-topic';

// The broker as a process runs it.
export { BrokerNode, type AuthorizationSettings, type BrokerNodeOptions, type HostedPartitionState } from './runtime/broker-node';
export type { BrokerInstrumentation } from './runtime/broker-instrumentation';
export { BrokerLifecycle, DEFAULT_HEARTBEAT_INTERVAL_MS, type BrokerLifecycleOptions, type BrokerState } from './runtime/broker-lifecycle';
export type { ControllerChannel } from './runtime/controller-channel';
export { DiskLogDirectory, type DiskLogDirectoryOptions } from './runtime/disk-log-directory';
export { BROKER_V8_FLAGS } from './runtime/broker-v8-flags';
export { ReplicaFetchers, type FetchChannel } from './runtime/replica-fetchers';
export { AlterPartitionSender } from './runtime/alter-partition-sender';
export {
  parseBrokerServerFlags,
  startBrokerServer,
  BROKER_FLAGS_USAGE,
  type RunningBroker,
  type BrokerServerSettings,
  type BrokerServerCommand,
} from './runtime/broker-server-main';

// The Kafka listener: Kafka's protocol on the broker's client port, one handler per API.
export { KafkaListener, type KafkaListenerOptions } from './kafka/kafka-listener';

// Security: listener protocols, TLS identities, SASL sessions, the authorizer.
export {
  SECURITY_PROTOCOLS,
  SASL_MECHANISMS,
  SSL_CLIENT_AUTH,
  PLAINTEXT_LISTENER,
  usesSasl,
  usesTls,
  type ListenerSecurity,
  type SaslMechanism,
  type SecurityProtocol,
  type SslClientAuth,
} from './security/listener-security';
/** The node's TLS identity (shared with every gRPC service) from @kz/runtime, for the Kafka listener's users. */
export { TlsIdentity, TlsConfigError, readTlsFiles, type TlsFiles, type TlsMaterial } from '@kz/runtime';
export { StandardAuthorizer, ALLOW_ALL, type Authorizer, type StandardAuthorizerOptions } from './security/authorizer';
export { ClientSession, ANONYMOUS, type ClientSessionOptions, type CredentialLookup } from './security/client-session';
export { ScramServer } from './security/scram-server';
export { PlainServer } from './security/plain-server';
export { certificatePrincipal, commonName } from './security/certificate-principal';
export type { SaslServer, SaslStep } from './security/sasl-step';
export { kafkaHandlers } from './kafka/kafka-handlers';
export { advertisedVersions } from './kafka/api-versions-handler';
export { CLOSE_CONNECTION, handlerTable, kafkaHandler, type HandlerResult, type KafkaApiHandler, type KafkaHandlers, type RequestContext } from './kafka/kafka-handler';
export type { AdminForwarding, HostedReplica, KafkaBackend, LogDirUsage } from './kafka/kafka-backend';
export { CLIENT_LISTENER, REPLICATION_LISTENER, clientEndpoint, replicationEndpoint } from './runtime/listener-endpoints';

// The Replication gRPC service (what followers fetch from) and a follower's connection to it.
export { ReplicationServer, type ReplicationServerOptions } from './service/replication-server';
export { ReplicationConnection, REPLICATION_CONNECTION_DEFAULTS, type ReplicationConnectionOptions } from './service/replication-connection';
export { BrokerUnreachableError } from './service/broker-unreachable-error';
export { MalformedBrokerMessageError } from './service/malformed-broker-message-error';
export { encodeReplicationRequest, decodeReplicationRequest, encodeReplicationResponse, decodeReplicationResponse } from './service/replication-codec';
export { REPLICATION_PROTO_PATH, REPLICATION_SERVICE_NAME } from './service/replication-schema';
export { REPLICATION_METHOD_NAMES, type ReplicationApi, type ReplicationMethodName, type ReplicationRequest, type ReplicationResponse } from './service/replication-rpc';

// The client library.
export { KafkaBrokerConnection, KAFKA_CONNECTION_DEFAULTS, type KafkaBrokerConnectionOptions, type CallOptions, type ClientTls } from './client/kafka-broker-connection';
export { type ClientSasl } from './client/sasl-login';
export { KzClient, KZ_CLIENT_DEFAULTS, type KzClientOptions } from './client/kz-client';
export { KzProducer, PRODUCER_DEFAULTS, type ProducerOptions, type ProducerRecord, type RecordMetadata } from './client/kz-producer';
export { KzConsumer, CONSUMER_DEFAULTS, type ConsumerOptions, type ConsumedRecord, type PartitionAssignment, type StartFrom } from './client/kz-consumer';
export type { CommittedOffset } from './client/group-client';
export type { GroupDescription, GroupMemberDescription } from './client/group-admin';
export type { TopicPartitions } from './client/consumer-protocol';
export type { OffsetQuery, PartitionOffset } from './client/offset-lookup';
export type { RecordDeletion, DeletedRecords } from './client/record-deletion';
export { KzClientError } from './client/kz-client-error';
export { murmur2, toPositive, partitionForKey } from './client/murmur2';
export type { RecordHeader } from '@kz/records';
