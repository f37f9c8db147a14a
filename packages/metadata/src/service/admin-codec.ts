/**
 * MetadataAdmin messages ⇄ protobuf bytes (proto/admin.proto). The bytes are written and read by
 * the code `pnpm gen-proto` generates from the .proto; what is written here maps our types to its
 * messages (typed by it: every field of the .proto must be mapped, and only its fields read) and
 * checks what it decoded, which it does not.
 *
 * Decoding trusts nothing: bytes that do not decode, or that hold a value the schema cannot mean,
 * throw MalformedAdminMessageError, so the server refuses them before the controller sees them.
 * Encoding a request checks it the same way first — protobufjs would silently truncate a 1.5 or an
 * id beyond int32 — so a client learns of its mistake instead of sending something else.
 *
 * A response message carries either its fields or, in `error`, the request's own Kafka error
 * (NOT_CONTROLLER, REQUEST_TIMED_OUT, ...). Per-item errors sit in their items.
 */
import { checkDirectoryId, ZERO_DIRECTORY_ID, type DirectoryId } from '@kz/raft';
import { decodeMessage, encodeMessage, type FieldOf, type MessageClass, type PropertiesOf, type WireMessage } from '@kz/runtime';
import type { kz } from '../../generated/admin';
import type { ConfigSource, DescribedConfig } from '../controller/config-control';
import type {
  AlterPartitionRequest,
  AlterPartitionResponse,
  ConfigOperation,
  CreatableTopic,
  CreateTopicResult,
  OngoingReassignment,
  PartitionOutcome,
  PartitionState,
  TopicOutcome,
} from '../controller/controller-requests';
import { ApiError, KAFKA_ERROR_CODES, kafkaErrorName, type KafkaErrorName } from '../errors/api-error';
import type { BrokerRegistration } from '../image/broker-registration';
import type { BrokerId, ConfigResourceType, Endpoint } from '../records/metadata-record';
import { MalformedAdminMessageError } from './admin-errors';
import type { PartitionDescription, ResourceConfigs, TopicDescription } from './admin-reads';
import type { AdminRequest, AdminResponse, AdminResult, AdminRpcName } from './admin-rpc';
import { adminWire } from './admin-schema';
import { AdminWireReader } from './admin-wire-reader';
import { ACL_OPERATIONS, ACL_PERMISSIONS, nameOfCode, PATTERN_TYPES, RESOURCE_TYPES as ACL_RESOURCE_TYPES, type AclBinding, type AclFilter } from '../security/acl';
import { SCRAM_MECHANISM_CODES, scramMechanismOfCode, type ScramMechanism } from '../security/scram';
import type { AclCreation, ReplicaRef } from '../controller/controller-requests';

type Wire = Record<string, unknown>;
type Messages = typeof adminWire;
type RequestWire<R extends AdminRpcName> = PropertiesOf<Messages[`${R}Request`]>;
type ResponseWire<R extends AdminRpcName> = PropertiesOf<Messages[`${R}Response`]>;

/** One message's two directions, `P` its generated properties. `fromWire` validates; `toWire` trusts its (typed) input. */
interface MessageCodec<T, P extends object = Record<string, unknown>> {
  toWire(value: T): WireMessage<P>;
  fromWire(fields: AdminWireReader<P>): T;
}

interface RpcCodec<R extends AdminRpcName> {
  readonly request: MessageCodec<AdminRequest<R>, RequestWire<R>>;
  /** The response message's fields other than `error`. */
  readonly response: MessageCodec<AdminResponse<R>, Omit<ResponseWire<R>, 'error'>>;
}

function requestType<R extends AdminRpcName>(rpc: R): MessageClass<RequestWire<R>> {
  return adminWire[`${rpc}Request`] as unknown as MessageClass<RequestWire<R>>;
}

function responseType<R extends AdminRpcName>(rpc: R): MessageClass<ResponseWire<R>> {
  return adminWire[`${rpc}Response`] as unknown as MessageClass<ResponseWire<R>>;
}

// ---------------------------------------------------------------------------- public API

/** The request's bytes; MalformedAdminMessageError when it holds a value the wire cannot carry. */
export function encodeAdminRequest<R extends AdminRpcName>(rpc: R, request: AdminRequest<R>): Uint8Array {
  const wire = codecOf(rpc).request.toWire(request);
  // Checked as the server will check it: a fraction or an out-of-range id must not be truncated.
  codecOf(rpc).request.fromWire(new AdminWireReader(wire as RequestWire<R>, requestName(rpc)));
  return encodeMessage(requestType(rpc), wire);
}

/** The request in `bytes`; MalformedAdminMessageError when they are not a valid one. */
export function decodeAdminRequest<R extends AdminRpcName>(rpc: R, bytes: Uint8Array): AdminRequest<R> {
  return codecOf(rpc).request.fromWire(decodeWith(requestType(rpc), bytes, requestName(rpc)));
}

export function encodeAdminResponse<R extends AdminRpcName>(rpc: R, result: AdminResult<R>): Uint8Array {
  const wire = result.ok ? codecOf(rpc).response.toWire(result.value) : { error: errorToWire(result.error) };
  return encodeMessage(responseType(rpc) as MessageClass<object>, wire);
}

/** The answer or the request's Kafka error; MalformedAdminMessageError when the bytes are not a valid response. */
export function decodeAdminResponse<R extends AdminRpcName>(rpc: R, bytes: Uint8Array): AdminResult<R> {
  const fields = decodeWith(responseType(rpc) as MessageClass<{ error?: kz.metadata.admin.v1.ApiError.$Properties | null }>, bytes, responseName(rpc));
  const error = errorFromWire(fields.optionalMessage('error'));
  if (error !== null) return { ok: false, error };
  return { ok: true, value: codecOf(rpc).response.fromWire(fields as unknown as AdminWireReader<Omit<ResponseWire<R>, 'error'>>) };
}

function requestName(rpc: AdminRpcName): string {
  return `${rpc}Request`;
}

function responseName(rpc: AdminRpcName): string {
  return `${rpc}Response`;
}

function decodeWith<P extends object>(type: MessageClass<P>, bytes: Uint8Array, name: string): AdminWireReader<P> {
  return new AdminWireReader(decodeMessage(type, bytes, name, (message, options) => new MalformedAdminMessageError(message, options)), name);
}

// ---------------------------------------------------------------------------- errors and enums

/** Kafka's error as its four wire fields; absent for none. */
function errorToWire(error: ApiError | null): Wire | undefined {
  if (error === null) return undefined;
  return { errorCode: error.kafkaErrorCode, errorName: error.code, errorMessage: error.message, leaderId: error.leaderId };
}

/**
 * The error in an `ApiError` sub-message, or null for none (absent, or code 0: NONE). The name wins
 * when it agrees with the code; a code this build does not know becomes UNKNOWN_SERVER_ERROR with
 * the sender's name and code kept in the message.
 */
function errorFromWire(fields: AdminWireReader | null): ApiError | null {
  if (fields === null) return null;
  const code = fields.int32('errorCode');
  if (code === 0) return null;
  const name = fields.string('errorName');
  const message = fields.string('errorMessage');
  const leaderId = fields.int32('leaderId', -1);
  if (Object.hasOwn(KAFKA_ERROR_CODES, name) && KAFKA_ERROR_CODES[name as KafkaErrorName] === code) {
    return new ApiError(name as KafkaErrorName, message, leaderId);
  }
  const known = kafkaErrorName(code);
  const text = known === 'UNKNOWN_SERVER_ERROR' && code !== -1 ? `${name || 'error'} (code ${code}): ${message}` : message;
  return new ApiError(known, text, leaderId);
}

/** A TypeScript string union ⇄ a proto enum's numbers (0, UNSPECIFIED, is never valid). */
class EnumTable<T> {
  private readonly numbers: ReadonlyMap<T, number>;
  readonly values: ReadonlyMap<number, T>;
  constructor(pairs: readonly (readonly [T, number])[]) {
    this.numbers = new Map(pairs);
    this.values = new Map(pairs.map(([value, number]) => [number, value]));
  }
  /** The number of a value; 0 (unspecified, refused when checked) for one the table lacks. */
  toWire(value: T): number {
    return this.numbers.get(value) ?? 0;
  }
}

const RESOURCE_TYPES = new EnumTable<ConfigResourceType>([
  ['topic', 2],
  ['broker', 4],
]);
const CONFIG_OPERATIONS = new EnumTable<ConfigOperation>([
  ['set', 1],
  ['delete', 2],
  ['append', 3],
  ['subtract', 4],
]);
const ELECTION_TYPES = new EnumTable<'preferred' | 'unclean'>([
  ['preferred', 1],
  ['unclean', 2],
]);
const CONFIG_SOURCES = new EnumTable<ConfigSource>([
  ['DYNAMIC_TOPIC_CONFIG', 1],
  ['DYNAMIC_BROKER_CONFIG', 2],
  ['DYNAMIC_DEFAULT_BROKER_CONFIG', 3],
  ['STATIC_BROKER_CONFIG', 4],
  ['DEFAULT_CONFIG', 5],
]);

// ---------------------------------------------------------------------------- shared pieces

const NODE_OR_NONE = -1;
const OFFSET_OR_NONE = -1;
const NON_NEGATIVE = 0;

const endpoint: MessageCodec<Endpoint, kz.metadata.admin.v1.Endpoint.$Properties> = {
  toWire: (e) => ({ name: e.name, host: e.host, port: e.port }),
  fromWire: (f) => ({ name: f.string('name'), host: f.string('host'), port: f.int32('port', 0, 65535) }),
};

const replicaRef: MessageCodec<ReplicaRef, kz.metadata.admin.v1.ReplicaRef.$Properties> = {
  toWire: (r) => ({ topicId: r.topicId, partitionId: r.partitionId }),
  fromWire: (f) => ({ topicId: f.string('topicId'), partitionId: f.int32('partitionId', NON_NEGATIVE) }),
};

function brokerIdLists(assignments: readonly (readonly BrokerId[])[]): Wire {
  return { partitions: assignments.map((ids) => ({ ids: [...ids] })) };
}

function brokerIdListsFrom(fields: AdminWireReader): BrokerId[][] {
  return fields.messageList('partitions', (list) => list.int32List('ids'));
}

const topicOutcome: MessageCodec<TopicOutcome, kz.metadata.admin.v1.TopicOutcome.$Properties> = {
  toWire: (t) => ({ name: t.name, error: errorToWire(t.error) }),
  fromWire: (f) => ({ name: f.string('name'), error: errorFromWire(f.optionalMessage('error')) }),
};

const partitionOutcome: MessageCodec<PartitionOutcome, kz.metadata.admin.v1.PartitionOutcome.$Properties> = {
  toWire: (p) => ({ topic: p.topic, partitionId: p.partitionId, error: errorToWire(p.error) }),
  fromWire: (f) => ({ topic: f.string('topic'), partitionId: f.int32('partitionId'), error: errorFromWire(f.optionalMessage('error')) }),
};

const topicOutcomes: MessageCodec<{ readonly topics: readonly TopicOutcome[] }, Omit<kz.metadata.admin.v1.DeleteTopicsResponse.$Properties, 'error'>> = {
  toWire: (r) => ({ topics: r.topics.map(topicOutcome.toWire) }),
  fromWire: (f) => ({ topics: f.messageList('topics', topicOutcome.fromWire) }),
};

const partitionOutcomes: MessageCodec<{ readonly partitions: readonly PartitionOutcome[] }, Omit<kz.metadata.admin.v1.ElectLeadersResponse.$Properties, 'error'>> = {
  toWire: (r) => ({ partitions: r.partitions.map(partitionOutcome.toWire) }),
  fromWire: (f) => ({ partitions: f.messageList('partitions', partitionOutcome.fromWire) }),
};

/** For the messages with no fields (and the `{}` responses). */
const empty = {
  toWire: (): Record<string, never> => ({}),
  fromWire: (): Record<string, never> => ({}),
};

// ---------------------------------------------------------------------------- topics

const creatableTopic: MessageCodec<CreatableTopic, kz.metadata.admin.v1.CreatableTopic.$Properties> = {
  toWire: (t) => ({
    name: t.name,
    numPartitions: t.numPartitions,
    replicationFactor: t.replicationFactor,
    assignments: t.assignments === undefined ? undefined : brokerIdLists(t.assignments),
    configs: t.configs === undefined ? undefined : { ...t.configs },
  }),
  fromWire: (f) => {
    const numPartitions = f.optionalInt32('numPartitions');
    const replicationFactor = f.optionalInt32('replicationFactor');
    const assignments = f.optionalMessage('assignments');
    const configs = f.stringMap('configs');
    // Only what was sent: the controller tells an absent field from a -1 or an empty list.
    return {
      name: f.string('name'),
      ...(numPartitions === undefined ? {} : { numPartitions }),
      ...(replicationFactor === undefined ? {} : { replicationFactor }),
      ...(assignments === null ? {} : { assignments: brokerIdListsFrom(assignments) }),
      ...(Object.keys(configs).length === 0 ? {} : { configs }),
    };
  },
};

const createTopicResult: MessageCodec<CreateTopicResult, kz.metadata.admin.v1.CreateTopicResult.$Properties> = {
  toWire: (t) => ({
    name: t.name,
    error: errorToWire(t.error),
    topicId: t.topicId ?? undefined,
    numPartitions: t.numPartitions,
    replicationFactor: t.replicationFactor,
  }),
  fromWire: (f) => ({
    name: f.string('name'),
    error: errorFromWire(f.optionalMessage('error')),
    topicId: f.optionalString('topicId'),
    numPartitions: f.int32('numPartitions'),
    replicationFactor: f.int32('replicationFactor'),
  }),
};

// ---------------------------------------------------------------------------- partitions

type AlterPartitionItem = AlterPartitionRequest['partitions'][number];
type AlterPartitionResult = AlterPartitionResponse['partitions'][number];

const alterPartitionItem: MessageCodec<AlterPartitionItem, kz.metadata.admin.v1.AlterPartitionItem.$Properties> = {
  toWire: (p) => ({ topicId: p.topicId, partitionId: p.partitionId, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [...p.newIsr] }),
  fromWire: (f) => ({
    topicId: f.string('topicId'),
    partitionId: f.int32('partitionId'),
    leaderEpoch: f.int64('leaderEpoch'),
    partitionEpoch: f.int64('partitionEpoch'),
    newIsr: f.int32List('newIsr'),
  }),
};

const partitionState: MessageCodec<PartitionState, kz.metadata.admin.v1.PartitionState.$Properties> = {
  toWire: (s) => ({ topicId: s.topicId, partitionId: s.partitionId, leader: s.leader, leaderEpoch: s.leaderEpoch, partitionEpoch: s.partitionEpoch, isr: [...s.isr] }),
  fromWire: (f) => ({
    topicId: f.string('topicId'),
    partitionId: f.int32('partitionId'),
    leader: f.int32('leader', NODE_OR_NONE),
    leaderEpoch: f.int64('leaderEpoch'),
    partitionEpoch: f.int64('partitionEpoch'),
    isr: f.int32List('isr'),
  }),
};

const alterPartitionResult: MessageCodec<AlterPartitionResult, kz.metadata.admin.v1.AlterPartitionResult.$Properties> = {
  toWire: (p) => ({
    topicId: p.topicId,
    partitionId: p.partitionId,
    error: errorToWire(p.error),
    state: p.state === null ? undefined : partitionState.toWire(p.state),
  }),
  fromWire: (f) => {
    const state = f.optionalMessage('state');
    return {
      topicId: f.string('topicId'),
      partitionId: f.int32('partitionId'),
      error: errorFromWire(f.optionalMessage('error')),
      state: state === null ? null : partitionState.fromWire(state),
    };
  },
};

const topicPartition: MessageCodec<{ readonly topic: string; readonly partitionId: number }, kz.metadata.admin.v1.TopicPartition.$Properties> = {
  toWire: (p) => ({ topic: p.topic, partitionId: p.partitionId }),
  fromWire: (f) => ({ topic: f.string('topic'), partitionId: f.int32('partitionId') }),
};

const ongoingReassignment: MessageCodec<OngoingReassignment, kz.metadata.admin.v1.OngoingReassignment.$Properties> = {
  toWire: (r) => ({
    topic: r.topic,
    partitionId: r.partitionId,
    replicas: [...r.replicas],
    addingReplicas: [...r.addingReplicas],
    removingReplicas: [...r.removingReplicas],
  }),
  fromWire: (f) => ({
    topic: f.string('topic'),
    partitionId: f.int32('partitionId'),
    replicas: f.int32List('replicas'),
    addingReplicas: f.int32List('addingReplicas'),
    removingReplicas: f.int32List('removingReplicas'),
  }),
};

// ---------------------------------------------------------------------------- configs

const configResource: MessageCodec<{ readonly type: ConfigResourceType; readonly name: string }, kz.metadata.admin.v1.ConfigResource.$Properties> = {
  toWire: (r) => ({ type: RESOURCE_TYPES.toWire(r.type), name: r.name }),
  fromWire: (f) => ({ type: f.enumValue('type', RESOURCE_TYPES.values), name: f.string('name') }),
};

type AlterableConfig = AdminRequest<'IncrementalAlterConfigs'>['resources'][number]['changes'][number];

const alterableConfig: MessageCodec<AlterableConfig, kz.metadata.admin.v1.AlterableConfig.$Properties> = {
  toWire: (c) => ({ name: c.name, op: CONFIG_OPERATIONS.toWire(c.op), value: c.value ?? undefined }),
  fromWire: (f) => ({ name: f.string('name'), op: f.enumValue('op', CONFIG_OPERATIONS.values), value: f.optionalString('value') }),
};

const describedConfig: MessageCodec<DescribedConfig, kz.metadata.admin.v1.DescribedConfig.$Properties> = {
  toWire: (c) => ({ name: c.name, value: c.value ?? undefined, source: CONFIG_SOURCES.toWire(c.source), readOnly: c.readOnly, sensitive: c.sensitive }),
  fromWire: (f) => ({
    name: f.string('name'),
    value: f.optionalString('value'),
    source: f.enumValue('source', CONFIG_SOURCES.values),
    readOnly: f.bool('readOnly'),
    sensitive: f.bool('sensitive'),
  }),
};

const resourceConfigs: MessageCodec<ResourceConfigs, kz.metadata.admin.v1.DescribeConfigsResult.$Properties> = {
  toWire: (r) => ({ ...configResource.toWire(r), error: errorToWire(r.error), configs: r.configs.map(describedConfig.toWire) }),
  fromWire: (f) => ({
    ...configResource.fromWire(f),
    error: errorFromWire(f.optionalMessage('error')),
    configs: f.messageList('configs', describedConfig.fromWire),
  }),
};

// ---------------------------------------------------------------------------- reads

const broker: MessageCodec<BrokerRegistration, kz.metadata.admin.v1.Broker.$Properties> = {
  toWire: (b) => ({
    brokerId: b.id,
    incarnationId: b.incarnationId,
    brokerEpoch: b.epoch,
    endpoints: b.endpoints.map(endpoint.toWire),
    rack: b.rack ?? undefined,
    fenced: b.fenced,
    inControlledShutdown: b.inControlledShutdown,
  }),
  fromWire: (f) => ({
    id: f.int32('brokerId', NON_NEGATIVE),
    incarnationId: f.string('incarnationId'),
    epoch: f.int64('brokerEpoch', NON_NEGATIVE),
    endpoints: f.messageList('endpoints', endpoint.fromWire),
    rack: f.optionalString('rack'),
    fenced: f.bool('fenced'),
    inControlledShutdown: f.bool('inControlledShutdown'),
  }),
};

const partitionDescription: MessageCodec<PartitionDescription, kz.metadata.admin.v1.PartitionDescription.$Properties> = {
  toWire: (p) => ({
    partitionId: p.partitionId,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    partitionEpoch: p.partitionEpoch,
    replicas: [...p.replicas],
    isr: [...p.isr],
    addingReplicas: [...p.addingReplicas],
    removingReplicas: [...p.removingReplicas],
    eligibleLeaderReplicas: [...p.eligibleLeaderReplicas],
    lastKnownElr: [...p.lastKnownElr],
  }),
  fromWire: (f) => ({
    partitionId: f.int32('partitionId', NON_NEGATIVE),
    leader: f.int32('leader', NODE_OR_NONE),
    leaderEpoch: f.int64('leaderEpoch', NON_NEGATIVE),
    partitionEpoch: f.int64('partitionEpoch', NON_NEGATIVE),
    replicas: f.int32List('replicas', NON_NEGATIVE),
    isr: f.int32List('isr', NON_NEGATIVE),
    addingReplicas: f.int32List('addingReplicas', NON_NEGATIVE),
    removingReplicas: f.int32List('removingReplicas', NON_NEGATIVE),
    eligibleLeaderReplicas: f.int32List('eligibleLeaderReplicas', NON_NEGATIVE),
    lastKnownElr: f.int32List('lastKnownElr', NON_NEGATIVE),
  }),
};

const topicDescription: MessageCodec<TopicDescription, kz.metadata.admin.v1.TopicDescription.$Properties> = {
  toWire: (t) => ({ name: t.name, error: errorToWire(t.error), topicId: t.topicId ?? undefined, partitions: t.partitions.map(partitionDescription.toWire) }),
  fromWire: (f) => ({
    name: f.string('name'),
    error: errorFromWire(f.optionalMessage('error')),
    topicId: f.optionalString('topicId'),
    partitions: f.messageList('partitions', partitionDescription.fromWire),
  }),
};

type ReplicaDescription = AdminResponse<'DescribeQuorum'>['voters'][number];

const replicaState: MessageCodec<ReplicaDescription, kz.metadata.admin.v1.ReplicaState.$Properties> = {
  // The leader's clock has sub-millisecond precision; the wire carries whole milliseconds.
  toWire: (r) => ({
    nodeId: r.nodeId,
    directoryId: r.directoryId,
    logEndOffset: r.logEndOffset,
    lastFetchTimestamp: Math.floor(r.lastFetchTimestamp),
    lastCaughtUpTimestamp: Math.floor(r.lastCaughtUpTimestamp),
  }),
  fromWire: (f) => ({
    nodeId: f.int32('nodeId', NON_NEGATIVE),
    directoryId: f.string('directoryId') === '' ? ZERO_DIRECTORY_ID : f.string('directoryId'),
    logEndOffset: f.int64('logEndOffset', OFFSET_OR_NONE),
    lastFetchTimestamp: f.int64('lastFetchTimestamp', OFFSET_OR_NONE),
    lastCaughtUpTimestamp: f.int64('lastCaughtUpTimestamp', OFFSET_OR_NONE),
  }),
};

// ---------------------------------------------------------------------------- security

const mechanismToWire = (m: ScramMechanism | 'UNKNOWN'): number => (m === 'UNKNOWN' ? 0 : SCRAM_MECHANISM_CODES[m]);
const mechanismFromWire = <P extends object>(f: AdminWireReader<P>, field: FieldOf<P>): ScramMechanism | 'UNKNOWN' => scramMechanismOfCode(f.int32(field)) ?? 'UNKNOWN';

/** A binding both ways; codes a build does not know read as UNKNOWN, for the controller to refuse per item. */
const aclCreation: MessageCodec<AclCreation, kz.metadata.admin.v1.AclBinding.$Properties> = {
  toWire: (b) => ({
    resourceType: ACL_RESOURCE_TYPES[b.resourceType],
    resourceName: b.resourceName,
    patternType: PATTERN_TYPES[b.patternType],
    principal: b.principal,
    host: b.host,
    operation: ACL_OPERATIONS[b.operation],
    permissionType: ACL_PERMISSIONS[b.permission],
  }),
  fromWire: (f) => ({
    resourceType: nameOfCode(ACL_RESOURCE_TYPES, f.int32('resourceType')),
    resourceName: f.string('resourceName'),
    patternType: nameOfCode(PATTERN_TYPES, f.int32('patternType')),
    principal: f.string('principal'),
    host: f.string('host'),
    operation: nameOfCode(ACL_OPERATIONS, f.int32('operation')),
    permission: nameOfCode(ACL_PERMISSIONS, f.int32('permissionType')),
  }),
};

/** A stored binding as the controller answers it: anything but a valid one is a malformed answer. */
const aclBinding: MessageCodec<AclBinding, kz.metadata.admin.v1.AclBinding.$Properties> = {
  toWire: aclCreation.toWire,
  fromWire: (f) => {
    const b = aclCreation.fromWire(f);
    if (b.resourceType === 'UNKNOWN' || b.resourceType === 'ANY' || (b.patternType !== 'LITERAL' && b.patternType !== 'PREFIXED') || b.operation === 'UNKNOWN' || b.operation === 'ANY' || (b.permission !== 'ALLOW' && b.permission !== 'DENY')) {
      throw new MalformedAdminMessageError(`ACL binding ${JSON.stringify(b)} is not a stored binding`);
    }
    return b as AclBinding;
  },
};

const aclFilter: MessageCodec<AclFilter, kz.metadata.admin.v1.AclFilter.$Properties> = {
  toWire: (a) => ({
    resourceType: ACL_RESOURCE_TYPES[a.resourceType],
    resourceName: a.resourceName ?? undefined,
    patternType: PATTERN_TYPES[a.patternType],
    principal: a.principal ?? undefined,
    host: a.host ?? undefined,
    operation: ACL_OPERATIONS[a.operation],
    permissionType: ACL_PERMISSIONS[a.permission],
  }),
  fromWire: (f) => ({
    resourceType: nameOfCode(ACL_RESOURCE_TYPES, f.int32('resourceType')),
    resourceName: f.optionalString('resourceName'),
    patternType: nameOfCode(PATTERN_TYPES, f.int32('patternType')),
    principal: f.optionalString('principal'),
    host: f.optionalString('host'),
    operation: nameOfCode(ACL_OPERATIONS, f.int32('operation')),
    permission: nameOfCode(ACL_PERMISSIONS, f.int32('permissionType')),
  }),
};

// ---------------------------------------------------------------------------- the RPCs

const CODECS: { readonly [R in AdminRpcName]: RpcCodec<R> } = {
  RegisterBroker: {
    request: {
      toWire: (r) => ({
        brokerId: r.brokerId,
        clusterId: r.clusterId,
        incarnationId: r.incarnationId,
        endpoints: r.endpoints.map(endpoint.toWire),
        rack: r.rack ?? undefined,
        damagedReplicas: (r.damagedReplicas ?? []).map(replicaRef.toWire),
      }),
      fromWire: (f) => ({
        brokerId: f.int32('brokerId'),
        clusterId: f.string('clusterId'),
        incarnationId: f.string('incarnationId'),
        endpoints: f.messageList('endpoints', endpoint.fromWire),
        rack: f.optionalString('rack'),
        damagedReplicas: f.messageList('damagedReplicas', replicaRef.fromWire),
      }),
    },
    response: {
      toWire: (r) => ({ brokerEpoch: r.brokerEpoch }),
      fromWire: (f) => ({ brokerEpoch: f.int64('brokerEpoch', NON_NEGATIVE) }),
    },
  },
  BrokerHeartbeat: {
    request: {
      toWire: (r) => ({
        brokerId: r.brokerId,
        brokerEpoch: r.brokerEpoch,
        currentMetadataOffset: r.currentMetadataOffset,
        wantFence: r.wantFence,
        wantShutDown: r.wantShutDown,
        offlineReplicas: (r.offlineReplicas ?? []).map(replicaRef.toWire),
      }),
      fromWire: (f) => ({
        brokerId: f.int32('brokerId'),
        brokerEpoch: f.int64('brokerEpoch'),
        currentMetadataOffset: f.int64('currentMetadataOffset', OFFSET_OR_NONE),
        wantFence: f.bool('wantFence'),
        wantShutDown: f.bool('wantShutDown'),
        offlineReplicas: f.messageList('offlineReplicas', replicaRef.fromWire),
      }),
    },
    response: {
      toWire: (r) => ({ isCaughtUp: r.isCaughtUp, isFenced: r.isFenced, shouldShutDown: r.shouldShutDown }),
      fromWire: (f) => ({ isCaughtUp: f.bool('isCaughtUp'), isFenced: f.bool('isFenced'), shouldShutDown: f.bool('shouldShutDown') }),
    },
  },
  UnregisterBroker: {
    request: {
      toWire: (r) => ({ brokerId: r.brokerId }),
      fromWire: (f) => ({ brokerId: f.int32('brokerId') }),
    },
    response: empty,
  },
  CreateTopics: {
    request: {
      toWire: (r) => ({ topics: r.topics.map(creatableTopic.toWire), validateOnly: r.validateOnly }),
      fromWire: (f) => ({ topics: f.messageList('topics', creatableTopic.fromWire), validateOnly: f.bool('validateOnly') }),
    },
    response: {
      toWire: (r) => ({ topics: r.topics.map(createTopicResult.toWire) }),
      fromWire: (f) => ({ topics: f.messageList('topics', createTopicResult.fromWire) }),
    },
  },
  DeleteTopics: {
    request: {
      toWire: (r) => ({ names: [...r.names] }),
      fromWire: (f) => ({ names: f.stringList('names') }),
    },
    response: topicOutcomes,
  },
  CreatePartitions: {
    request: {
      toWire: (r) => ({
        topics: r.topics.map((t) => ({ name: t.name, count: t.count, assignments: t.assignments === undefined ? undefined : brokerIdLists(t.assignments) })),
        validateOnly: r.validateOnly,
      }),
      fromWire: (f) => ({
        topics: f.messageList('topics', (t) => {
          const assignments = t.optionalMessage('assignments');
          return { name: t.string('name'), count: t.int32('count'), ...(assignments === null ? {} : { assignments: brokerIdListsFrom(assignments) }) };
        }),
        validateOnly: f.bool('validateOnly'),
      }),
    },
    response: topicOutcomes,
  },
  AlterPartition: {
    request: {
      toWire: (r) => ({ brokerId: r.brokerId, brokerEpoch: r.brokerEpoch, partitions: r.partitions.map(alterPartitionItem.toWire) }),
      fromWire: (f) => ({
        brokerId: f.int32('brokerId'),
        brokerEpoch: f.int64('brokerEpoch'),
        partitions: f.messageList('partitions', alterPartitionItem.fromWire),
      }),
    },
    response: {
      toWire: (r) => ({ partitions: r.partitions.map(alterPartitionResult.toWire) }),
      fromWire: (f) => ({ partitions: f.messageList('partitions', alterPartitionResult.fromWire) }),
    },
  },
  ElectLeaders: {
    request: {
      toWire: (r) => ({
        type: ELECTION_TYPES.toWire(r.type),
        partitions: r.partitions === null ? undefined : { partitions: r.partitions.map(topicPartition.toWire) },
      }),
      fromWire: (f) => {
        const partitions = f.optionalMessage('partitions');
        return {
          type: f.enumValue('type', ELECTION_TYPES.values),
          partitions: partitions === null ? null : partitions.messageList('partitions', topicPartition.fromWire),
        };
      },
    },
    response: partitionOutcomes,
  },
  AlterPartitionReassignments: {
    request: {
      toWire: (r) => ({
        reassignments: r.reassignments.map((a) => ({
          topic: a.topic,
          partitionId: a.partitionId,
          replicas: a.replicas === null ? undefined : { ids: [...a.replicas] },
        })),
      }),
      fromWire: (f) => ({
        reassignments: f.messageList('reassignments', (a) => {
          const replicas = a.optionalMessage('replicas');
          return { topic: a.string('topic'), partitionId: a.int32('partitionId'), replicas: replicas === null ? null : replicas.int32List('ids') };
        }),
      }),
    },
    response: partitionOutcomes,
  },
  ListPartitionReassignments: {
    request: empty,
    response: {
      toWire: (r) => ({ reassignments: r.reassignments.map(ongoingReassignment.toWire) }),
      fromWire: (f) => ({ reassignments: f.messageList('reassignments', ongoingReassignment.fromWire) }),
    },
  },
  IncrementalAlterConfigs: {
    request: {
      toWire: (r) => ({
        resources: r.resources.map((resource) => ({ ...configResource.toWire(resource), changes: resource.changes.map(alterableConfig.toWire) })),
        validateOnly: r.validateOnly,
      }),
      fromWire: (f) => ({
        resources: f.messageList('resources', (resource) => ({
          ...configResource.fromWire(resource),
          changes: resource.messageList('changes', alterableConfig.fromWire),
        })),
        validateOnly: f.bool('validateOnly'),
      }),
    },
    response: {
      toWire: (r) => ({ resources: r.resources.map((resource) => ({ ...configResource.toWire(resource), error: errorToWire(resource.error) })) }),
      fromWire: (f) => ({
        resources: f.messageList('resources', (resource) => ({ ...configResource.fromWire(resource), error: errorFromWire(resource.optionalMessage('error')) })),
      }),
    },
  },
  AllocateProducerIds: {
    request: {
      toWire: (r) => ({ brokerId: r.brokerId, brokerEpoch: r.brokerEpoch }),
      fromWire: (f) => ({ brokerId: f.int32('brokerId'), brokerEpoch: f.int64('brokerEpoch') }),
    },
    response: {
      toWire: (r) => ({ firstProducerId: r.firstProducerId, count: r.count }),
      fromWire: (f) => ({ firstProducerId: f.int64('firstProducerId', NON_NEGATIVE), count: f.int32('count', NON_NEGATIVE) }),
    },
  },
  AlterUserScramCredentials: {
    request: {
      toWire: (r) => ({
        deletions: r.deletions.map((d) => ({ name: d.name, mechanism: mechanismToWire(d.mechanism) })),
        upsertions: r.upsertions.map((u) => ({ name: u.name, mechanism: mechanismToWire(u.mechanism), iterations: u.iterations, salt: u.salt, saltedPassword: u.saltedPassword })),
      }),
      fromWire: (f) => ({
        deletions: f.messageList('deletions', (d) => ({ name: d.string('name'), mechanism: mechanismFromWire(d, 'mechanism') })),
        upsertions: f.messageList('upsertions', (u) => ({
          name: u.string('name'),
          mechanism: mechanismFromWire(u, 'mechanism'),
          iterations: u.int32('iterations'),
          salt: Uint8Array.from(u.bytes('salt')),
          saltedPassword: Uint8Array.from(u.bytes('saltedPassword')),
        })),
      }),
    },
    response: {
      toWire: (r) => ({ results: r.results.map((u) => ({ user: u.user, error: errorToWire(u.error) })) }),
      fromWire: (f) => ({ results: f.messageList('results', (u) => ({ user: u.string('user'), error: errorFromWire(u.optionalMessage('error')) })) }),
    },
  },
  CreateAcls: {
    request: {
      toWire: (r) => ({ creations: r.creations.map(aclCreation.toWire) }),
      fromWire: (f) => ({ creations: f.messageList('creations', aclCreation.fromWire) }),
    },
    response: {
      toWire: (r) => ({ results: r.results.map((o) => ({ error: errorToWire(o.error) })) }),
      fromWire: (f) => ({ results: f.messageList('results', (o) => ({ error: errorFromWire(o.optionalMessage('error')) })) }),
    },
  },
  DeleteAcls: {
    request: {
      toWire: (r) => ({ filters: r.filters.map(aclFilter.toWire) }),
      fromWire: (f) => ({ filters: f.messageList('filters', aclFilter.fromWire) }),
    },
    response: {
      toWire: (r) => ({ results: r.results.map((o) => ({ error: errorToWire(o.error), deleted: o.deleted.map(aclBinding.toWire) })) }),
      fromWire: (f) => ({ results: f.messageList('results', (o) => ({ error: errorFromWire(o.optionalMessage('error')), deleted: o.messageList('deleted', aclBinding.fromWire) })) }),
    },
  },
  DescribeUserScramCredentials: {
    request: {
      toWire: (r) => ({ users: r.users === null ? undefined : { names: [...r.users] } }),
      fromWire: (f) => {
        const users = f.optionalMessage('users');
        return { users: users === null ? null : users.stringList('names') };
      },
    },
    response: {
      toWire: (r) => ({
        results: r.results.map((u) => ({
          user: u.user,
          error: errorToWire(u.error),
          credentials: u.credentials.map((c) => ({ mechanism: SCRAM_MECHANISM_CODES[c.mechanism], iterations: c.iterations })),
        })),
      }),
      fromWire: (f) => ({
        results: f.messageList('results', (u) => ({
          user: u.string('user'),
          error: errorFromWire(u.optionalMessage('error')),
          credentials: u.messageList('credentials', (c) => {
            const mechanism = scramMechanismOfCode(c.int32('mechanism'));
            if (mechanism === undefined) throw new MalformedAdminMessageError(`unknown SCRAM mechanism ${c.int32('mechanism')}`);
            return { mechanism, iterations: c.int32('iterations', NON_NEGATIVE) };
          }),
        })),
      }),
    },
  },
  DescribeAcls: {
    request: {
      toWire: (r) => ({ filter: aclFilter.toWire(r.filter) }),
      fromWire: (f) => {
        const filter = f.optionalMessage('filter');
        if (filter === null) throw new MalformedAdminMessageError('DescribeAclsRequest has no filter');
        return { filter: aclFilter.fromWire(filter) };
      },
    },
    response: {
      toWire: (r) => ({ acls: r.acls.map(aclBinding.toWire) }),
      fromWire: (f) => ({ acls: f.messageList('acls', aclBinding.fromWire) }),
    },
  },
  DescribeCluster: {
    request: empty,
    response: {
      toWire: (c) => ({
        clusterId: c.clusterId,
        controllerId: c.controllerId,
        brokers: c.brokers.map(broker.toWire),
        metadataOffset: c.metadataOffset,
        metadataEpoch: c.metadataEpoch,
        nodeId: c.nodeId,
        controllers: c.controllers.map((k) => ({ nodeId: k.id, address: k.address })),
        offlineReplicas: c.offlineReplicas.map((o) => ({ brokerId: o.brokerId, count: o.count })),
        directoryId: c.directoryId,
        raftEndpoints: c.raftEndpoints.map(endpoint.toWire),
      }),
      fromWire: (f) => ({
        clusterId: f.string('clusterId'),
        controllerId: f.int32('controllerId', NODE_OR_NONE),
        nodeId: f.int32('nodeId', NON_NEGATIVE),
        brokers: f.messageList('brokers', broker.fromWire),
        metadataOffset: f.int64('metadataOffset', OFFSET_OR_NONE),
        metadataEpoch: f.int64('metadataEpoch', NON_NEGATIVE),
        controllers: f.messageList('controllers', (k) => ({ id: k.int32('nodeId', NON_NEGATIVE), address: k.string('address') })),
        offlineReplicas: f.messageList('offlineReplicas', (o) => ({ brokerId: o.int32('brokerId', NON_NEGATIVE), count: o.int32('count', NON_NEGATIVE) })),
        // A server from before KIP-853 sends none: the zero id, as static voters have.
        directoryId: f.string('directoryId') === '' ? ZERO_DIRECTORY_ID : f.string('directoryId'),
        raftEndpoints: f.messageList('raftEndpoints', endpoint.fromWire),
      }),
    },
  },
  DescribeTopics: {
    request: {
      toWire: (r) => ({ topics: r.names === null ? undefined : { names: [...r.names] } }),
      fromWire: (f) => {
        const topics = f.optionalMessage('topics');
        return { names: topics === null ? null : topics.stringList('names') };
      },
    },
    response: {
      toWire: (r) => ({ topics: r.topics.map(topicDescription.toWire), metadataOffset: r.metadataOffset }),
      fromWire: (f) => ({ topics: f.messageList('topics', topicDescription.fromWire), metadataOffset: f.int64('metadataOffset', OFFSET_OR_NONE) }),
    },
  },
  DescribeConfigs: {
    request: {
      toWire: (r) => ({ resources: r.resources.map(configResource.toWire) }),
      fromWire: (f) => ({ resources: f.messageList('resources', configResource.fromWire) }),
    },
    response: {
      toWire: (r) => ({ resources: r.resources.map(resourceConfigs.toWire) }),
      fromWire: (f) => ({ resources: f.messageList('resources', resourceConfigs.fromWire) }),
    },
  },
  DescribeQuorum: {
    request: empty,
    response: {
      toWire: (q) => ({
        leaderId: q.leaderId,
        epoch: q.epoch,
        highWatermark: q.highWatermark,
        voters: q.voters.map(replicaState.toWire),
        observers: q.observers.map(replicaState.toWire),
      }),
      fromWire: (f) => ({
        leaderId: f.int32('leaderId', NODE_OR_NONE),
        epoch: f.int64('epoch', NON_NEGATIVE),
        highWatermark: f.int64('highWatermark', OFFSET_OR_NONE),
        voters: f.messageList('voters', replicaState.fromWire),
        observers: f.messageList('observers', replicaState.fromWire),
      }),
    },
  },
  AddRaftVoter: {
    request: {
      toWire: (r) => ({ voterId: r.voterId, voterDirectoryId: r.voterDirectoryId, listeners: r.listeners.map(endpoint.toWire) }),
      fromWire: (f) => ({
        voterId: f.int32('voterId', NON_NEGATIVE),
        voterDirectoryId: voterDirectoryId(f, 'voterDirectoryId'),
        listeners: f.messageList('listeners', endpoint.fromWire),
      }),
    },
    response: empty,
  },
  RemoveRaftVoter: {
    request: {
      toWire: (r) => ({ voterId: r.voterId, voterDirectoryId: r.voterDirectoryId }),
      fromWire: (f) => ({ voterId: f.int32('voterId', NON_NEGATIVE), voterDirectoryId: voterDirectoryId(f, 'voterDirectoryId') }),
    },
    response: empty,
  },
};

/** A replica's directory id: well formed and not the zero id (which names no replica). */
function voterDirectoryId<P extends object>(f: AdminWireReader<P>, field: FieldOf<P>): DirectoryId {
  const id = f.string(field);
  try {
    return checkDirectoryId(id);
  } catch (error) {
    throw new MalformedAdminMessageError(`${field}: ${(error as Error).message}`);
  }
}

function codecOf<R extends AdminRpcName>(rpc: R): RpcCodec<R> {
  const codec = Object.hasOwn(CODECS, rpc) ? CODECS[rpc] : undefined;
  if (codec === undefined) throw new MalformedAdminMessageError(`no MetadataAdmin RPC named ${String(rpc)}`);
  return codec;
}
