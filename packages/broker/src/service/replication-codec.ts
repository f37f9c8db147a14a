/**
 * Replication service messages ⇄ protobuf bytes (proto/replication.proto). The bytes are written
 * and read by the code `pnpm gen-proto` generates from the .proto; what is written here maps our
 * types to its messages (typed by it: every field of the .proto must be mapped) and checks what it
 * decoded, which it does not.
 *
 * Decoding trusts nothing: bytes that do not decode, or that hold a value the schema cannot mean,
 * throw MalformedBrokerMessageError, so the server refuses them before the BrokerApi sees them.
 * Encoding a request checks it the same way first — protobufjs would silently truncate a 1.5 or an
 * id beyond int32 — so a client learns of its mistake instead of sending something else.
 *
 * Record bytes are never copied on decode (they stay views into the received message) and are
 * copied exactly once on encode, into the message being built.
 */
import { decodeMessage, encodeMessage, type MessageClass, type PropertiesOf, type WireMessage } from '@kz/runtime';
import type { kz } from '../../generated/replication';
import { FETCH_SESSION, type DivergingEpoch, type FetchPartition, type FetchPartitionResponse } from '../protocol/fetch';
import type { CurrentLeader } from '../protocol/produce';
import type { ReplicationMethodName, ReplicationRequest, ReplicationResponse } from './replication-rpc';
import { replicationWire } from './replication-schema';
import { BrokerWireReader, INT32_MAX } from './broker-wire-reader';
import { MalformedBrokerMessageError } from './malformed-broker-message-error';

type Messages = typeof replicationWire;
type RequestWire<M extends ReplicationMethodName> = PropertiesOf<Messages[`${M}Request`]>;
type ResponseWire<M extends ReplicationMethodName> = PropertiesOf<Messages[`${M}Response`]>;

/** One message's two directions, `P` its generated properties. `fromWire` validates; `toWire` trusts its (typed) input. */
interface MessageCodec<T, P extends object> {
  toWire(value: T): WireMessage<P>;
  fromWire(fields: BrokerWireReader<P>): T;
}

interface RpcCodec<M extends ReplicationMethodName> {
  readonly requestType: MessageClass<RequestWire<M>>;
  readonly request: MessageCodec<ReplicationRequest<M>, RequestWire<M>>;
  readonly responseType: MessageClass<ResponseWire<M>>;
  readonly response: MessageCodec<ReplicationResponse<M>, ResponseWire<M>>;
}

// ---------------------------------------------------------------------------- public API

/** The request's bytes; MalformedBrokerMessageError when it holds a value the wire cannot carry. */
export function encodeReplicationRequest<M extends ReplicationMethodName>(method: M, request: ReplicationRequest<M>): Uint8Array {
  const codec = codecOf(method);
  const wire = codec.request.toWire(request);
  // Checked as the server will check it: a fraction or an out-of-range id must not be truncated.
  codec.request.fromWire(new BrokerWireReader(wire as RequestWire<M>, `${method}Request`));
  return encodeMessage(codec.requestType, wire);
}

/** The request in `bytes`; MalformedBrokerMessageError when they are not a valid one. */
export function decodeReplicationRequest<M extends ReplicationMethodName>(method: M, bytes: Uint8Array): ReplicationRequest<M> {
  const codec = codecOf(method);
  return codec.request.fromWire(decodeWith(codec.requestType, bytes, `${method}Request`));
}

export function encodeReplicationResponse<M extends ReplicationMethodName>(method: M, response: ReplicationResponse<M>): Uint8Array {
  const codec = codecOf(method);
  return encodeMessage(codec.responseType, codec.response.toWire(response));
}

/** The response in `bytes`; MalformedBrokerMessageError when they are not a valid one. */
export function decodeReplicationResponse<M extends ReplicationMethodName>(method: M, bytes: Uint8Array): ReplicationResponse<M> {
  const codec = codecOf(method);
  return codec.response.fromWire(decodeWith(codec.responseType, bytes, `${method}Response`));
}

function decodeWith<P extends object>(type: MessageClass<P>, bytes: Uint8Array, name: string): BrokerWireReader<P> {
  return new BrokerWireReader(decodeMessage(type, bytes, name, (message, options) => new MalformedBrokerMessageError(message, options)), name);
}

// ---------------------------------------------------------------------------- value ranges

const NON_NEGATIVE = 0;
/** Node ids, leader ids and epochs: -1 means none or unknown. */
const OR_NONE = -1;

// ---------------------------------------------------------------------------- shared messages

const currentLeader = {
  toWire: (l: CurrentLeader | null): WireMessage<kz.broker.v1.CurrentLeader.$Properties> | undefined => (l === null ? undefined : { leaderId: l.leaderId, leaderEpoch: l.leaderEpoch }),
  fromWire: (fields: BrokerWireReader<kz.broker.v1.FetchPartitionResponse.$Properties>, field: 'currentLeader'): CurrentLeader | null => {
    const l = fields.optionalMessage(field);
    return l === null ? null : { leaderId: l.int32('leaderId', OR_NONE), leaderEpoch: l.int32('leaderEpoch', OR_NONE) };
  },
};

const divergingEpoch = {
  toWire: (d: DivergingEpoch | null): WireMessage<kz.broker.v1.DivergingEpoch.$Properties> | undefined => (d === null ? undefined : { epoch: d.epoch, endOffset: d.endOffset }),
  fromWire: (fields: BrokerWireReader<kz.broker.v1.FetchPartitionResponse.$Properties>, field: 'divergingEpoch'): DivergingEpoch | null => {
    const d = fields.optionalMessage(field);
    return d === null ? null : { epoch: d.int32('epoch', OR_NONE), endOffset: d.int64('endOffset', OR_NONE) };
  },
};

// ---------------------------------------------------------------------------- fetch

const fetchPartition: MessageCodec<FetchPartition, kz.broker.v1.FetchPartition.$Properties> = {
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

const fetchPartitionResponse: MessageCodec<FetchPartitionResponse, kz.broker.v1.FetchPartitionResponse.$Properties> = {
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

// ---------------------------------------------------------------------------- the RPCs

type FetchTopic = ReplicationRequest<'Fetch'>['topics'][number];
type FetchTopicResponse = ReplicationResponse<'Fetch'>['topics'][number];

const fetchTopic: MessageCodec<FetchTopic, kz.broker.v1.FetchTopic.$Properties> = {
  toWire: (t) => ({ topicId: t.topicId, partitions: t.partitions.map(fetchPartition.toWire) }),
  fromWire: (f) => ({ topicId: f.string('topicId'), partitions: f.messageList('partitions', fetchPartition.fromWire) }),
};

const fetchTopicResponse: MessageCodec<FetchTopicResponse, kz.broker.v1.FetchTopicResponse.$Properties> = {
  toWire: (t) => ({ topicId: t.topicId, partitions: t.partitions.map(fetchPartitionResponse.toWire) }),
  fromWire: (f) => ({ topicId: f.string('topicId'), partitions: f.messageList('partitions', fetchPartitionResponse.fromWire) }),
};

const CODECS: { readonly [M in ReplicationMethodName]: RpcCodec<M> } = {
  Fetch: {
    requestType: replicationWire.FetchRequest,
    responseType: replicationWire.FetchResponse,
    request: {
      toWire: (r) => ({
        replicaId: r.replicaId,
        replicaEpoch: r.replicaEpoch,
        maxWaitMs: r.maxWaitMs,
        minBytes: r.minBytes,
        maxBytes: r.maxBytes,
        topics: r.topics.map(fetchTopic.toWire),
        sessionId: r.sessionId ?? FETCH_SESSION.NO_SESSION_ID,
        // Absent means sessionless, which on the wire is -1: a 0 there would open a session.
        sessionEpoch: r.sessionEpoch ?? FETCH_SESSION.NO_SESSION_EPOCH,
        forgottenTopics: (r.forgottenTopics ?? []).map((t) => ({ topicId: t.topicId, partitions: t.partitions })),
      }),
      fromWire: (f) => ({
        replicaId: f.int32('replicaId', OR_NONE),
        replicaEpoch: f.int64('replicaEpoch', OR_NONE),
        maxWaitMs: f.int32('maxWaitMs', NON_NEGATIVE),
        minBytes: f.int32('minBytes', NON_NEGATIVE),
        maxBytes: f.int32('maxBytes', NON_NEGATIVE, INT32_MAX),
        topics: f.messageList('topics', fetchTopic.fromWire),
        sessionId: f.int32('sessionId', NON_NEGATIVE),
        sessionEpoch: f.int32('sessionEpoch', OR_NONE),
        forgottenTopics: f.messageList('forgottenTopics', (t) => ({ topicId: t.string('topicId'), partitions: t.int32List('partitions', NON_NEGATIVE) })),
      }),
    },
    response: {
      toWire: (r) => ({ errorCode: r.errorCode, topics: r.topics.map(fetchTopicResponse.toWire), sessionId: r.sessionId ?? FETCH_SESSION.NO_SESSION_ID }),
      fromWire: (f) => ({ errorCode: f.int32('errorCode'), topics: f.messageList('topics', fetchTopicResponse.fromWire), sessionId: f.int32('sessionId', NON_NEGATIVE) }),
    },
  },
};

function codecOf<M extends ReplicationMethodName>(method: M): RpcCodec<M> {
  const codec = Object.hasOwn(CODECS, method) ? CODECS[method] : undefined;
  if (codec === undefined) throw new MalformedBrokerMessageError(`no Replication RPC named ${String(method)}`);
  return codec;
}
