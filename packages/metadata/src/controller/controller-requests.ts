/**
 * What the controller is asked, and what it answers: KIP-631's broker RPCs (BrokerRegistration,
 * BrokerHeartbeat, AlterPartition, AllocateProducerIds) and the admin ones (CreateTopics,
 * DeleteTopics, CreatePartitions, ElectLeaders, partition reassignment, IncrementalAlterConfigs,
 * AlterUserScramCredentials, CreateAcls, DeleteAcls).
 * Per-item outcomes carry an ApiError or null; a whole-request failure (NOT_CONTROLLER, say) is the
 * reply's own error.
 */
import type { ApiError } from '../errors/api-error';
import type { BrokerId, ConfigResourceType, Endpoint } from '../records/metadata-record';
import type { AclBinding, AclFilter, AclOperationName, AclPermissionName, PatternTypeName, ResourceTypeName } from '../security/acl';
import type { ScramMechanism } from '../security/scram';

export interface RegisterBrokerRequest {
  readonly brokerId: BrokerId;
  readonly clusterId: string;
  /** A fresh id per process start: tells a restart from a second process claiming the same id. */
  readonly incarnationId: string;
  readonly endpoints: readonly Endpoint[];
  readonly rack: string | null;
  /**
   * Replicas whose log recovery cut a damaged batch when this process started: a torn tail, or a
   * flipped bit in records that may have been committed (the broker cannot tell which: its HW
   * checkpoint may be stale). KIP-966 takes a broker that shut down uncleanly out of every ELR; kz
   * fsyncs before every acknowledgement, so a crash alone loses nothing committed, and only these
   * replicas leave the ISR, ELR and last known ELR — lest one lead with committed records missing.
   * Absent: none.
   */
  readonly damagedReplicas?: readonly ReplicaRef[];
}
export interface RegisterBrokerResponse {
  readonly brokerEpoch: number;
}

export interface BrokerHeartbeatRequest {
  readonly brokerId: BrokerId;
  readonly brokerEpoch: number;
  /** The offset of the last metadata record this broker has applied. */
  readonly currentMetadataOffset: number;
  readonly wantFence: boolean;
  readonly wantShutDown: boolean;
  /**
   * Replicas this broker is assigned but cannot serve: their log would not open or be created (out
   * of descriptors, no space, a failed disk). The controller moves their leadership and ISR place
   * away, as Kafka does for replicas on an offline log dir (KIP-858). Absent: none.
   */
  readonly offlineReplicas?: readonly ReplicaRef[];
}

/** One replica of a partition, by topic id. */
export interface ReplicaRef {
  readonly topicId: string;
  readonly partitionId: number;
}
export interface BrokerHeartbeatResponse {
  readonly isCaughtUp: boolean;
  readonly isFenced: boolean;
  readonly shouldShutDown: boolean;
}

export interface UnregisterBrokerRequest {
  readonly brokerId: BrokerId;
}

export interface CreatableTopic {
  readonly name: string;
  /** -1 (or absent): the cluster default. */
  readonly numPartitions?: number;
  /** -1 (or absent): the cluster default. */
  readonly replicationFactor?: number;
  /** Explicit replicas per partition; excludes numPartitions and replicationFactor. */
  readonly assignments?: readonly (readonly BrokerId[])[];
  readonly configs?: Readonly<Record<string, string>>;
}
export interface CreateTopicsRequest {
  readonly topics: readonly CreatableTopic[];
  readonly validateOnly?: boolean;
  /**
   * How long the caller waits for the answer (Kafka's CreateTopics timeoutMs). Topics the controller
   * has not begun once half of it has passed are not created: they come back REQUEST_TIMED_OUT, so
   * the answer — whole topics created, the rest refused — arrives in time. Absent: no limit.
   */
  readonly timeoutMs?: number;
}
export interface CreateTopicResult {
  readonly name: string;
  readonly error: ApiError | null;
  readonly topicId: string | null;
  readonly numPartitions: number;
  readonly replicationFactor: number;
}
export interface CreateTopicsResponse {
  readonly topics: readonly CreateTopicResult[];
}

export interface DeleteTopicsRequest {
  readonly names: readonly string[];
}
export interface TopicOutcome {
  readonly name: string;
  readonly error: ApiError | null;
}
export interface DeleteTopicsResponse {
  readonly topics: readonly TopicOutcome[];
}

export interface CreatePartitionsRequest {
  readonly topics: readonly {
    readonly name: string;
    /** The new total number of partitions. */
    readonly count: number;
    /** Replicas of each new partition, or absent for balanced placement. */
    readonly assignments?: readonly (readonly BrokerId[])[];
  }[];
  readonly validateOnly?: boolean;
}
export interface CreatePartitionsResponse {
  readonly topics: readonly TopicOutcome[];
}

export interface PartitionState {
  readonly topicId: string;
  readonly partitionId: number;
  readonly leader: BrokerId;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  readonly isr: readonly BrokerId[];
}
export interface AlterPartitionRequest {
  readonly brokerId: BrokerId;
  readonly brokerEpoch: number;
  readonly partitions: readonly {
    readonly topicId: string;
    readonly partitionId: number;
    /** The leader epoch and partition epoch the leader last saw: a stale one is refused. */
    readonly leaderEpoch: number;
    readonly partitionEpoch: number;
    readonly newIsr: readonly BrokerId[];
  }[];
}
export interface AlterPartitionResponse {
  readonly partitions: readonly {
    readonly topicId: string;
    readonly partitionId: number;
    readonly error: ApiError | null;
    /** The partition as it now stands (null when the partition is unknown). */
    readonly state: PartitionState | null;
  }[];
}

export interface TopicPartitionRef {
  readonly topic: string;
  readonly partitionId: number;
}
export interface ElectLeadersRequest {
  readonly type: 'preferred' | 'unclean';
  /** null: every partition. */
  readonly partitions: readonly TopicPartitionRef[] | null;
}
export interface PartitionOutcome extends TopicPartitionRef {
  readonly error: ApiError | null;
}
export interface ElectLeadersResponse {
  readonly partitions: readonly PartitionOutcome[];
}

export interface AlterPartitionReassignmentsRequest {
  readonly reassignments: readonly (TopicPartitionRef & {
    /** The target replicas, or null to cancel the reassignment in progress. */
    readonly replicas: readonly BrokerId[] | null;
  })[];
}
export interface AlterPartitionReassignmentsResponse {
  readonly partitions: readonly PartitionOutcome[];
}

export interface OngoingReassignment extends TopicPartitionRef {
  readonly replicas: readonly BrokerId[];
  readonly addingReplicas: readonly BrokerId[];
  readonly removingReplicas: readonly BrokerId[];
}
export interface ListPartitionReassignmentsResponse {
  readonly reassignments: readonly OngoingReassignment[];
}

export type ConfigOperation = 'set' | 'delete' | 'append' | 'subtract';
export interface ConfigResourceRef {
  readonly type: ConfigResourceType;
  /** Topic name, broker id, or "" for the cluster-wide broker default. */
  readonly name: string;
}
export interface IncrementalAlterConfigsRequest {
  readonly resources: readonly (ConfigResourceRef & {
    readonly changes: readonly { readonly name: string; readonly op: ConfigOperation; readonly value: string | null }[];
  })[];
  readonly validateOnly?: boolean;
}
export interface IncrementalAlterConfigsResponse {
  readonly resources: readonly (ConfigResourceRef & { readonly error: ApiError | null })[];
}

export interface AllocateProducerIdsRequest {
  readonly brokerId: BrokerId;
  readonly brokerEpoch: number;
}
export interface AllocateProducerIdsResponse {
  readonly firstProducerId: number;
  readonly count: number;
}

/** KIP-554: credentials set from a salted password the client made, or deleted, per user and mechanism. */
export interface AlterUserScramCredentialsRequest {
  readonly deletions: readonly { readonly name: string; readonly mechanism: ScramMechanism | 'UNKNOWN' }[];
  readonly upsertions: readonly {
    readonly name: string;
    readonly mechanism: ScramMechanism | 'UNKNOWN';
    readonly iterations: number;
    readonly salt: Uint8Array;
    readonly saltedPassword: Uint8Array;
  }[];
}
export interface AlterUserScramCredentialsResponse {
  /** One per user named, in first-mention order: a user's changes apply all together or not at all. */
  readonly results: readonly { readonly user: string; readonly error: ApiError | null }[];
}

/** A binding as asked for: any of Kafka's codes, validated by the controller. */
export interface AclCreation {
  readonly resourceType: ResourceTypeName;
  readonly resourceName: string;
  readonly patternType: PatternTypeName;
  readonly principal: string;
  readonly host: string;
  readonly operation: AclOperationName;
  readonly permission: AclPermissionName;
}
export interface CreateAclsRequest {
  readonly creations: readonly AclCreation[];
}
export interface CreateAclsResponse {
  /** One per creation, in order. */
  readonly results: readonly { readonly error: ApiError | null }[];
}

export interface DeleteAclsRequest {
  readonly filters: readonly AclFilter[];
}
export interface DeleteAclsResponse {
  /** One per filter, in order, with the bindings it removed. */
  readonly results: readonly { readonly error: ApiError | null; readonly deleted: readonly AclBinding[] }[];
}

/** Every request the controller takes, tagged, with its response type alongside. */
export interface ControllerApi {
  registerBroker: [RegisterBrokerRequest, RegisterBrokerResponse];
  brokerHeartbeat: [BrokerHeartbeatRequest, BrokerHeartbeatResponse];
  unregisterBroker: [UnregisterBrokerRequest, Record<string, never>];
  createTopics: [CreateTopicsRequest, CreateTopicsResponse];
  deleteTopics: [DeleteTopicsRequest, DeleteTopicsResponse];
  createPartitions: [CreatePartitionsRequest, CreatePartitionsResponse];
  alterPartition: [AlterPartitionRequest, AlterPartitionResponse];
  electLeaders: [ElectLeadersRequest, ElectLeadersResponse];
  alterPartitionReassignments: [AlterPartitionReassignmentsRequest, AlterPartitionReassignmentsResponse];
  listPartitionReassignments: [Record<string, never>, ListPartitionReassignmentsResponse];
  incrementalAlterConfigs: [IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse];
  allocateProducerIds: [AllocateProducerIdsRequest, AllocateProducerIdsResponse];
  alterUserScramCredentials: [AlterUserScramCredentialsRequest, AlterUserScramCredentialsResponse];
  createAcls: [CreateAclsRequest, CreateAclsResponse];
  deleteAcls: [DeleteAclsRequest, DeleteAclsResponse];
}

export type ControllerRequestKind = keyof ControllerApi;

export type ControllerRequest = {
  [K in ControllerRequestKind]: { readonly kind: K; readonly body: ControllerApi[K][0] };
}[ControllerRequestKind];

export type ControllerResult<K extends ControllerRequestKind> =
  | { readonly ok: true; readonly value: ControllerApi[K][1] }
  | { readonly ok: false; readonly error: ApiError };

export interface ControllerReply {
  readonly requestId: number;
  readonly kind: ControllerRequestKind;
  readonly result: ControllerResult<ControllerRequestKind>;
}
