/**
 * Broker service messages ⇄ protobuf bytes (proto/broker.proto). Pure: no I/O beyond loading the
 * schema once.
 *
 * Decoding trusts nothing: bytes that do not decode, or that hold a value the schema cannot mean,
 * throw MalformedBrokerMessageError, so the server refuses them before the BrokerApi sees them.
 * Encoding a request checks it the same way first — protobufjs would silently truncate a 1.5 or an
 * id beyond int32 — so a client learns of its mistake instead of sending something else.
 *
 * Record bytes are never copied on decode (they stay views into the received message) and are
 * copied exactly once on encode, into the message being built.
 */
import type { Type } from 'protobufjs';
import type { MetadataBroker, MetadataPartition, MetadataTopic } from '../protocol/cluster-metadata';
import type { DivergingEpoch, FetchPartition, FetchPartitionResponse } from '../protocol/fetch';
import type { OffsetCommitPartition, OffsetFetchPartitionResponse } from '../protocol/group-offsets';
import type { ListOffsetsPartition, ListOffsetsPartitionResponse } from '../protocol/list-offsets';
import type { Acks, CurrentLeader, ProducePartitionResponse } from '../protocol/produce';
import type { BrokerMethodName, BrokerRequest, BrokerResponse } from './broker-rpc';
import { brokerSchema } from './broker-schema';
import { BrokerWireReader, INT32_MAX } from './broker-wire-reader';
import { MalformedBrokerMessageError } from './malformed-broker-message-error';

type Wire = Record<string, unknown>;

/** One message's two directions. `fromWire` validates; `toWire` trusts its (typed) input. */
interface MessageCodec<T> {
  toWire(value: T): Wire;
  fromWire(fields: BrokerWireReader): T;
}

interface RpcCodec<M extends BrokerMethodName> {
  readonly request: MessageCodec<BrokerRequest<M>>;
  readonly response: MessageCodec<BrokerResponse<M>>;
}

// ---------------------------------------------------------------------------- public API

/** The request's bytes; MalformedBrokerMessageError when it holds a value the wire cannot carry. */
export function encodeBrokerRequest<M extends BrokerMethodName>(method: M, request: BrokerRequest<M>): Uint8Array {
  const codec = codecOf(method).request;
  const wire = codec.toWire(request);
  // Checked as the server will check it: a fraction or an out-of-range id must not be truncated.
  codec.fromWire(new BrokerWireReader(wire, `${method}Request`));
  return encodeWith(brokerSchema().requestType(method), wire);
}

/** The request in `bytes`; MalformedBrokerMessageError when they are not a valid one. */
export function decodeBrokerRequest<M extends BrokerMethodName>(method: M, bytes: Uint8Array): BrokerRequest<M> {
  const name = `${method}Request`;
  return codecOf(method).request.fromWire(decodeWith(brokerSchema().requestType(method), bytes, name));
}

export function encodeBrokerResponse<M extends BrokerMethodName>(method: M, response: BrokerResponse<M>): Uint8Array {
  return encodeWith(brokerSchema().responseType(method), codecOf(method).response.toWire(response));
}

/** The response in `bytes`; MalformedBrokerMessageError when they are not a valid one. */
export function decodeBrokerResponse<M extends BrokerMethodName>(method: M, bytes: Uint8Array): BrokerResponse<M> {
  const name = `${method}Response`;
  return codecOf(method).response.fromWire(decodeWith(brokerSchema().responseType(method), bytes, name));
}

function encodeWith(type: Type, wire: Wire): Uint8Array {
  return type.encode(wire).finish();
}

function decodeWith(type: Type, bytes: Uint8Array, name: string): BrokerWireReader {
  let raw: unknown;
  try {
    raw = type.decode(bytes);
  } catch (error) {
    throw new MalformedBrokerMessageError(`${name} does not decode: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return BrokerWireReader.of(raw, name);
}

// ---------------------------------------------------------------------------- value ranges

const NON_NEGATIVE = 0;
/** Node ids, leader ids and epochs: -1 means none or unknown. */
const OR_NONE = -1;

function acksFromWire(fields: BrokerWireReader): Acks {
  const acks = fields.int32('acks', -1, 1);
  return acks as Acks;
}

// ---------------------------------------------------------------------------- shared messages

const currentLeader = {
  toWire: (l: CurrentLeader | null): Wire | undefined => (l === null ? undefined : { leaderId: l.leaderId, leaderEpoch: l.leaderEpoch }),
  fromWire: (fields: BrokerWireReader, field: string): CurrentLeader | null => {
    const l = fields.optionalMessage(field);
    return l === null ? null : { leaderId: l.int32('leaderId', OR_NONE), leaderEpoch: l.int32('leaderEpoch', OR_NONE) };
  },
};

const divergingEpoch = {
  toWire: (d: DivergingEpoch | null): Wire | undefined => (d === null ? undefined : { epoch: d.epoch, endOffset: d.endOffset }),
  fromWire: (fields: BrokerWireReader, field: string): DivergingEpoch | null => {
    const d = fields.optionalMessage(field);
    return d === null ? null : { epoch: d.int32('epoch', OR_NONE), endOffset: d.int64('endOffset', OR_NONE) };
  },
};

// ---------------------------------------------------------------------------- produce

const producePartitionResponse: MessageCodec<ProducePartitionResponse> = {
  toWire: (p) => ({
    partition: p.partition,
    errorCode: p.errorCode,
    errorMessage: p.errorMessage,
    baseOffset: p.baseOffset,
    logStartOffset: p.logStartOffset,
    currentLeader: currentLeader.toWire(p.currentLeader),
  }),
  fromWire: (f) => ({
    partition: f.int32('partition', NON_NEGATIVE),
    errorCode: f.int32('errorCode'),
    errorMessage: f.string('errorMessage'),
    baseOffset: f.int64('baseOffset', OR_NONE),
    logStartOffset: f.int64('logStartOffset', OR_NONE),
    currentLeader: currentLeader.fromWire(f, 'currentLeader'),
  }),
};

// ---------------------------------------------------------------------------- fetch

const fetchPartition: MessageCodec<FetchPartition> = {
  toWire: (p) => ({
    partition: p.partition,
    currentLeaderEpoch: p.currentLeaderEpoch,
    fetchOffset: p.fetchOffset,
    lastFetchedEpoch: p.lastFetchedEpoch,
    logStartOffset: p.logStartOffset,
    partitionMaxBytes: p.partitionMaxBytes,
  }),
  fromWire: (f) => ({
    partition: f.int32('partition', NON_NEGATIVE),
    currentLeaderEpoch: f.int32('currentLeaderEpoch', OR_NONE),
    fetchOffset: f.int64('fetchOffset'),
    lastFetchedEpoch: f.int32('lastFetchedEpoch', OR_NONE),
    logStartOffset: f.int64('logStartOffset', OR_NONE),
    partitionMaxBytes: f.int32('partitionMaxBytes', NON_NEGATIVE),
  }),
};

const fetchPartitionResponse: MessageCodec<FetchPartitionResponse> = {
  toWire: (p) => ({
    partition: p.partition,
    errorCode: p.errorCode,
    errorMessage: p.errorMessage,
    highWatermark: p.highWatermark,
    logStartOffset: p.logStartOffset,
    logEndOffset: p.logEndOffset,
    divergingEpoch: divergingEpoch.toWire(p.divergingEpoch),
    currentLeader: currentLeader.toWire(p.currentLeader),
    records: p.records,
  }),
  fromWire: (f) => ({
    partition: f.int32('partition', NON_NEGATIVE),
    errorCode: f.int32('errorCode'),
    errorMessage: f.string('errorMessage'),
    highWatermark: f.int64('highWatermark', OR_NONE),
    logStartOffset: f.int64('logStartOffset', OR_NONE),
    logEndOffset: f.int64('logEndOffset', OR_NONE),
    divergingEpoch: divergingEpoch.fromWire(f, 'divergingEpoch'),
    currentLeader: currentLeader.fromWire(f, 'currentLeader'),
    records: f.bytes('records'),
  }),
};

// ---------------------------------------------------------------------------- list offsets

const listOffsetsPartition: MessageCodec<ListOffsetsPartition> = {
  toWire: (p) => ({ partition: p.partition, currentLeaderEpoch: p.currentLeaderEpoch, timestamp: p.timestamp }),
  fromWire: (f) => ({
    partition: f.int32('partition', NON_NEGATIVE),
    currentLeaderEpoch: f.int32('currentLeaderEpoch', OR_NONE),
    // Kafka's special timestamps are small negatives (-1 latest, -2 earliest, -3 max timestamp, ...).
    timestamp: f.int64('timestamp'),
  }),
};

const listOffsetsPartitionResponse: MessageCodec<ListOffsetsPartitionResponse> = {
  toWire: (p) => ({
    partition: p.partition,
    errorCode: p.errorCode,
    errorMessage: p.errorMessage,
    timestamp: p.timestamp,
    offset: p.offset,
    leaderEpoch: p.leaderEpoch,
  }),
  fromWire: (f) => ({
    partition: f.int32('partition', NON_NEGATIVE),
    errorCode: f.int32('errorCode'),
    errorMessage: f.string('errorMessage'),
    timestamp: f.int64('timestamp', OR_NONE),
    offset: f.int64('offset', OR_NONE),
    leaderEpoch: f.int32('leaderEpoch', OR_NONE),
  }),
};

// ---------------------------------------------------------------------------- metadata

const metadataBroker: MessageCodec<MetadataBroker> = {
  toWire: (b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? undefined }),
  fromWire: (f) => ({
    nodeId: f.int32('nodeId', NON_NEGATIVE),
    host: f.string('host'),
    port: f.int32('port', NON_NEGATIVE, 65535),
    rack: f.optionalString('rack'),
  }),
};

const metadataPartition: MessageCodec<MetadataPartition> = {
  toWire: (p) => ({
    errorCode: p.errorCode,
    partition: p.partition,
    leaderId: p.leaderId,
    leaderEpoch: p.leaderEpoch,
    replicas: p.replicas,
    isr: p.isr,
    offlineReplicas: p.offlineReplicas,
  }),
  fromWire: (f) => ({
    errorCode: f.int32('errorCode'),
    partition: f.int32('partition', NON_NEGATIVE),
    leaderId: f.int32('leaderId', OR_NONE),
    leaderEpoch: f.int32('leaderEpoch', OR_NONE),
    replicas: f.int32List('replicas', NON_NEGATIVE),
    isr: f.int32List('isr', NON_NEGATIVE),
    offlineReplicas: f.int32List('offlineReplicas', NON_NEGATIVE),
  }),
};

const metadataTopic: MessageCodec<MetadataTopic> = {
  toWire: (t) => ({
    errorCode: t.errorCode,
    name: t.name,
    topicId: t.topicId,
    isInternal: t.isInternal,
    partitions: t.partitions.map(metadataPartition.toWire),
  }),
  fromWire: (f) => ({
    errorCode: f.int32('errorCode'),
    name: f.string('name'),
    topicId: f.string('topicId'),
    isInternal: f.bool('isInternal'),
    partitions: f.messageList('partitions', metadataPartition.fromWire),
  }),
};

// ---------------------------------------------------------------------------- group offsets

const offsetCommitPartition: MessageCodec<OffsetCommitPartition> = {
  toWire: (p) => ({
    partition: p.partition,
    committedOffset: p.committedOffset,
    committedLeaderEpoch: p.committedLeaderEpoch,
    metadata: p.metadata,
  }),
  fromWire: (f) => ({
    partition: f.int32('partition', NON_NEGATIVE),
    committedOffset: f.int64('committedOffset', OR_NONE),
    committedLeaderEpoch: f.int32('committedLeaderEpoch', OR_NONE),
    metadata: f.string('metadata'),
  }),
};

const offsetFetchPartitionResponse: MessageCodec<OffsetFetchPartitionResponse> = {
  toWire: (p) => ({
    partition: p.partition,
    committedOffset: p.committedOffset,
    committedLeaderEpoch: p.committedLeaderEpoch,
    metadata: p.metadata,
    errorCode: p.errorCode,
  }),
  fromWire: (f) => ({
    partition: f.int32('partition', NON_NEGATIVE),
    committedOffset: f.int64('committedOffset', OR_NONE),
    committedLeaderEpoch: f.int32('committedLeaderEpoch', OR_NONE),
    metadata: f.string('metadata'),
    errorCode: f.int32('errorCode'),
  }),
};

/** A topic entry: its name (or id) and a list of partition-level items, the shape of most requests. */
type TopicEntry<K extends 'name' | 'topicId', P> = { readonly partitions: readonly P[] } & { readonly [F in K]: string };

function topicOf<K extends 'name' | 'topicId', P>(nameField: K, partition: MessageCodec<P>): MessageCodec<TopicEntry<K, P>> {
  return {
    toWire: (t) => ({ [nameField]: t[nameField], partitions: t.partitions.map(partition.toWire) }),
    fromWire: (f) => ({ [nameField]: f.string(nameField), partitions: f.messageList('partitions', partition.fromWire) }) as unknown as TopicEntry<K, P>,
  };
}

// ---------------------------------------------------------------------------- the RPCs

const produceTopicData = topicOf('name', {
  toWire: (p: { readonly partition: number; readonly records: Uint8Array }) => ({ partition: p.partition, records: p.records }),
  fromWire: (f) => ({ partition: f.int32('partition', NON_NEGATIVE), records: f.bytes('records') }),
});
const produceTopicResponse = topicOf('name', producePartitionResponse);
const fetchTopic = topicOf('topicId', fetchPartition);
const fetchTopicResponse = topicOf('topicId', fetchPartitionResponse);
const listOffsetsTopic = topicOf('name', listOffsetsPartition);
const listOffsetsTopicResponse = topicOf('name', listOffsetsPartitionResponse);
const offsetCommitTopic = topicOf('name', offsetCommitPartition);
const offsetCommitTopicResponse = topicOf('name', {
  toWire: (p: { readonly partition: number; readonly errorCode: number }) => ({ partition: p.partition, errorCode: p.errorCode }),
  fromWire: (f) => ({ partition: f.int32('partition', NON_NEGATIVE), errorCode: f.int32('errorCode') }),
});
const offsetFetchTopicResponse = topicOf('name', offsetFetchPartitionResponse);

const CODECS: { readonly [M in BrokerMethodName]: RpcCodec<M> } = {
  Produce: {
    request: {
      toWire: (r) => ({ acks: r.acks, timeoutMs: r.timeoutMs, topics: r.topics.map(produceTopicData.toWire) }),
      fromWire: (f) => ({
        acks: acksFromWire(f),
        timeoutMs: f.int32('timeoutMs', NON_NEGATIVE),
        topics: f.messageList('topics', produceTopicData.fromWire),
      }),
    },
    response: {
      toWire: (r) => ({ topics: r.topics.map(produceTopicResponse.toWire) }),
      fromWire: (f) => ({ topics: f.messageList('topics', produceTopicResponse.fromWire) }),
    },
  },
  Fetch: {
    request: {
      toWire: (r) => ({
        replicaId: r.replicaId,
        replicaEpoch: r.replicaEpoch,
        maxWaitMs: r.maxWaitMs,
        minBytes: r.minBytes,
        maxBytes: r.maxBytes,
        topics: r.topics.map(fetchTopic.toWire),
      }),
      fromWire: (f) => ({
        replicaId: f.int32('replicaId', OR_NONE),
        replicaEpoch: f.int64('replicaEpoch', OR_NONE),
        maxWaitMs: f.int32('maxWaitMs', NON_NEGATIVE),
        minBytes: f.int32('minBytes', NON_NEGATIVE),
        maxBytes: f.int32('maxBytes', NON_NEGATIVE, INT32_MAX),
        topics: f.messageList('topics', fetchTopic.fromWire),
      }),
    },
    response: {
      toWire: (r) => ({ errorCode: r.errorCode, topics: r.topics.map(fetchTopicResponse.toWire) }),
      fromWire: (f) => ({ errorCode: f.int32('errorCode'), topics: f.messageList('topics', fetchTopicResponse.fromWire) }),
    },
  },
  ListOffsets: {
    request: {
      toWire: (r) => ({ topics: r.topics.map(listOffsetsTopic.toWire) }),
      fromWire: (f) => ({ topics: f.messageList('topics', listOffsetsTopic.fromWire) }),
    },
    response: {
      toWire: (r) => ({ topics: r.topics.map(listOffsetsTopicResponse.toWire) }),
      fromWire: (f) => ({ topics: f.messageList('topics', listOffsetsTopicResponse.fromWire) }),
    },
  },
  Metadata: {
    request: {
      toWire: (r) => ({ topics: r.topics === null ? undefined : { names: r.topics } }),
      fromWire: (f) => {
        const topics = f.optionalMessage('topics');
        return { topics: topics === null ? null : topics.stringList('names') };
      },
    },
    response: {
      toWire: (r) => ({
        clusterId: r.clusterId,
        controllerId: r.controllerId,
        brokers: r.brokers.map(metadataBroker.toWire),
        topics: r.topics.map(metadataTopic.toWire),
      }),
      fromWire: (f) => ({
        clusterId: f.string('clusterId'),
        controllerId: f.int32('controllerId', OR_NONE),
        brokers: f.messageList('brokers', metadataBroker.fromWire),
        topics: f.messageList('topics', metadataTopic.fromWire),
      }),
    },
  },
  FindCoordinator: {
    request: {
      toWire: (r) => ({ key: r.key }),
      fromWire: (f) => ({ key: f.string('key') }),
    },
    response: {
      toWire: (r) => ({ errorCode: r.errorCode, errorMessage: r.errorMessage, nodeId: r.nodeId, host: r.host, port: r.port }),
      fromWire: (f) => ({
        errorCode: f.int32('errorCode'),
        errorMessage: f.string('errorMessage'),
        nodeId: f.int32('nodeId', OR_NONE),
        host: f.string('host'),
        port: f.int32('port', OR_NONE, 65535),
      }),
    },
  },
  OffsetCommit: {
    request: {
      toWire: (r) => ({ groupId: r.groupId, topics: r.topics.map(offsetCommitTopic.toWire) }),
      fromWire: (f) => ({ groupId: f.string('groupId'), topics: f.messageList('topics', offsetCommitTopic.fromWire) }),
    },
    response: {
      toWire: (r) => ({ topics: r.topics.map(offsetCommitTopicResponse.toWire) }),
      fromWire: (f) => ({ topics: f.messageList('topics', offsetCommitTopicResponse.fromWire) }),
    },
  },
  OffsetFetch: {
    request: {
      toWire: (r) => ({
        groupId: r.groupId,
        topics: r.topics === null ? undefined : { topics: r.topics.map((t) => ({ name: t.name, partitions: t.partitions })) },
      }),
      fromWire: (f) => {
        const topics = f.optionalMessage('topics');
        return {
          groupId: f.string('groupId'),
          topics:
            topics === null
              ? null
              : topics.messageList('topics', (t) => ({ name: t.string('name'), partitions: t.int32List('partitions', NON_NEGATIVE) })),
        };
      },
    },
    response: {
      toWire: (r) => ({ errorCode: r.errorCode, topics: r.topics.map(offsetFetchTopicResponse.toWire) }),
      fromWire: (f) => ({ errorCode: f.int32('errorCode'), topics: f.messageList('topics', offsetFetchTopicResponse.fromWire) }),
    },
  },
};

function codecOf<M extends BrokerMethodName>(method: M): RpcCodec<M> {
  const codec = Object.hasOwn(CODECS, method) ? CODECS[method] : undefined;
  if (codec === undefined) throw new MalformedBrokerMessageError(`no Broker RPC named ${String(method)}`);
  return codec;
}
