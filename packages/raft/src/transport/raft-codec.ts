/**
 * RaftMessage ⇄ protobuf bytes (proto/raft.proto), one message type per RPC direction, through the
 * code `pnpm gen-proto` generates from the .proto (its types check the field names used here).
 * Pure. Encoding trusts its input (it comes from our own core);
 * decoding trusts nothing and throws MalformedMessageError for bytes that do not decode, lack a
 * required field or carry an impossible value, so a transport can refuse them before the core
 * sees them.
 *
 * Record batches and snapshot chunks are copied once into the output as bytes fields on encode
 * (bulk-bytes-encoding.ts, by hand: the generated encoder's growing writer copies them over and
 * over) and come back as views of the input buffer on decode (the generated decoder's own way):
 * never parsed, never re-encoded.
 */
import type { NotLeader } from '../core/errors';
import type {
  BeginQuorumEpochRequest,
  BeginQuorumEpochResponse,
  EndQuorumEpochRequest,
  EndQuorumEpochResponse,
  FetchRequest,
  FetchResponse,
  FetchSnapshotRequest,
  FetchSnapshotResponse,
  RaftMessage,
  UpdateVoterRequest,
  UpdateVoterResponse,
  VoteRequest,
  VoteResponse,
} from '../core/messages';
import type { QuorumDescription, ReplicaDescription } from '../core/status';
import { ZERO_DIRECTORY_ID, type Voter, type VoterSet } from '../core/voter-set';
import { decodeMessage, type FieldOf, type MessageClass, type PropertiesOf, type WireInput } from '@kz/runtime';
import type { kz } from '../../generated/raft';
import { KAFKA_ERROR_NUMBERS } from './kafka-error-codes';
import { encodeParts, joinParts, type EncodedParts } from './bulk-bytes-encoding';
import type { RaftRpcName, RaftRpcTypes, VoterChangeRpcName } from './raft-rpc';
import type { VoterChangeAnswer, VoterChangeRequest } from './raft-transport';
import { raftWire } from './raft-schema';
import { MalformedMessageError } from './transport-errors';
import { WireFields } from './wire-fields';

/** Node ids are real nodes (≥ 0) where a node names itself, and may be -1 ("none") where it names a leader. */
const NODE = 0;
const NODE_OR_NONE = -1;

/** The tail bytes fields of raft.proto, written by encodeParts (a test checks them against the generated encoders). */
const FETCH_RESPONSE_BATCHES = 9;
const FETCH_SNAPSHOT_RESPONSE_CHUNK = 8;

function encodeWith<P extends object>(type: MessageClass<P>, fields: NoInfer<WireInput<P>>): Uint8Array {
  // finish(true) hands out the writer's own buffer instead of copying it once more; the writer is
  // garbage after this call, and gRPC copies the bytes into its frame anyway.
  return type.encode(fields as P).finish(true);
}

function decodeWith<P extends object>(type: MessageClass<P>, bytes: Uint8Array, name: string): WireFields<P> {
  return new WireFields(decodeMessage(type, bytes, name, (message, options) => new MalformedMessageError(message, options)), name);
}

/** Encodes any RaftMessage; its `type` picks the protobuf message. */
export function encodeRaftMessage(message: RaftMessage): Uint8Array {
  const parts = encodeRaftMessageParts(message);
  return parts.chunks.length === 0 ? parts.head : joinParts(parts);
}

/**
 * Encodes any RaftMessage with its bulk (record batches, a snapshot chunk) left unjoined, so that a
 * frame around it (stream-frame.ts) copies each batch once, as the unary body does.
 */
export function encodeRaftMessageParts(message: RaftMessage): EncodedParts {
  // Field names match the .proto's camelCase names (the generated types check them); `type` is not encoded.
  switch (message.type) {
    case 'VoteRequest':
      return whole(encodeWith(raftWire.VoteRequest, message));
    case 'BeginQuorumEpochRequest':
      return whole(encodeWith(raftWire.BeginQuorumEpochRequest, message));
    case 'EndQuorumEpochRequest':
      return whole(encodeWith(raftWire.EndQuorumEpochRequest, message));
    case 'FetchRequest':
      return whole(encodeWith(raftWire.FetchRequest, message));
    case 'FetchSnapshotRequest':
      return whole(encodeWith(raftWire.FetchSnapshotRequest, message));
    case 'UpdateVoterRequest':
      return whole(encodeWith(raftWire.UpdateRaftVoterRequest, message));
    case 'VoteResponse':
      return whole(encodeWith(raftWire.VoteResponse, { ...message, error: KAFKA_ERROR_NUMBERS[message.error] }));
    case 'BeginQuorumEpochResponse':
      return whole(encodeWith(raftWire.BeginQuorumEpochResponse, { ...message, error: KAFKA_ERROR_NUMBERS[message.error] }));
    case 'EndQuorumEpochResponse':
      return whole(encodeWith(raftWire.EndQuorumEpochResponse, { ...message, error: KAFKA_ERROR_NUMBERS[message.error] }));
    case 'UpdateVoterResponse':
      return whole(encodeWith(raftWire.UpdateRaftVoterResponse, { ...message, error: KAFKA_ERROR_NUMBERS[message.error] }));
    case 'FetchResponse': {
      const { batches, ...head } = message;
      return encodeParts(raftWire.FetchResponse, { ...head, error: KAFKA_ERROR_NUMBERS[head.error] }, FETCH_RESPONSE_BATCHES, batches);
    }
    case 'FetchSnapshotResponse': {
      const { bytes, ...head } = message;
      // proto3 leaves an empty singular bytes field out.
      const chunks = bytes.length > 0 ? [bytes] : [];
      return encodeParts(raftWire.FetchSnapshotResponse, { ...head, error: KAFKA_ERROR_NUMBERS[head.error] }, FETCH_SNAPSHOT_RESPONSE_CHUNK, chunks);
    }
  }
}

/** True when every field of generated message class `C` is a field of `M` (`renamed` maps a wire name to ours). */
type Covers<M, C, Renamed extends string = never> = Exclude<FieldOf<PropertiesOf<C>>, keyof M | Renamed> extends never ? true : false;
type Holds<T extends true> = T;

/**
 * RaftMessages are encoded as they are, so a field added to raft.proto and not to messages.ts
 * would go unsent without a word: this fails the build instead.
 */
export type RaftWireCoverage = [
  Holds<Covers<VoteRequest, typeof raftWire.VoteRequest>>,
  Holds<Covers<VoteResponse, typeof raftWire.VoteResponse>>,
  Holds<Covers<BeginQuorumEpochRequest, typeof raftWire.BeginQuorumEpochRequest>>,
  Holds<Covers<BeginQuorumEpochResponse, typeof raftWire.BeginQuorumEpochResponse>>,
  Holds<Covers<EndQuorumEpochRequest, typeof raftWire.EndQuorumEpochRequest>>,
  Holds<Covers<EndQuorumEpochResponse, typeof raftWire.EndQuorumEpochResponse>>,
  Holds<Covers<FetchRequest, typeof raftWire.FetchRequest>>,
  Holds<Covers<FetchResponse, typeof raftWire.FetchResponse>>,
  Holds<Covers<FetchSnapshotRequest, typeof raftWire.FetchSnapshotRequest>>,
  Holds<Covers<FetchSnapshotResponse, typeof raftWire.FetchSnapshotResponse, 'chunk'>>,
  Holds<Covers<UpdateVoterRequest, typeof raftWire.UpdateRaftVoterRequest>>,
  Holds<Covers<UpdateVoterResponse, typeof raftWire.UpdateRaftVoterResponse>>,
];

function whole(bytes: Uint8Array): EncodedParts {
  return { head: bytes, tag: 0, chunks: [], size: bytes.length };
}

type Decoders<K extends 'request' | 'response'> = { readonly [R in RaftRpcName]: (bytes: Uint8Array) => RaftRpcTypes[R][K] };

const REQUEST_DECODERS: Decoders<'request'> = {
  Vote: (bytes): VoteRequest => {
    const f = decodeWith(raftWire.VoteRequest, bytes, 'VoteRequest');
    return {
      type: 'VoteRequest',
      requestId: f.int64('requestId', 0),
      epoch: f.int64('epoch', 0),
      candidateId: f.int32('candidateId', NODE),
      lastEpoch: f.int64('lastEpoch', 0),
      lastOffset: f.int64('lastOffset', 0),
      preVote: f.bool('preVote'),
      ...directoryIds(f, 'candidateDirectoryId', 'voterDirectoryId'),
    };
  },
  BeginQuorumEpoch: (bytes): BeginQuorumEpochRequest => {
    const f = decodeWith(raftWire.BeginQuorumEpochRequest, bytes, 'BeginQuorumEpochRequest');
    return {
      type: 'BeginQuorumEpochRequest',
      requestId: f.int64('requestId', 0),
      epoch: f.int64('epoch', 0),
      leaderId: f.int32('leaderId', NODE),
      ...directoryIds(f, 'voterDirectoryId'),
    };
  },
  EndQuorumEpoch: (bytes): EndQuorumEpochRequest => {
    const f = decodeWith(raftWire.EndQuorumEpochRequest, bytes, 'EndQuorumEpochRequest');
    return {
      type: 'EndQuorumEpochRequest',
      requestId: f.int64('requestId', 0),
      epoch: f.int64('epoch', 0),
      leaderId: f.int32('leaderId', NODE),
      preferredSuccessors: f.int32List('preferredSuccessors', NODE),
    };
  },
  Fetch: (bytes): FetchRequest => {
    const f = decodeWith(raftWire.FetchRequest, bytes, 'FetchRequest');
    return {
      type: 'FetchRequest',
      requestId: f.int64('requestId', 0),
      epoch: f.int64('epoch', 0),
      replicaId: f.int32('replicaId', NODE),
      fetchOffset: f.int64('fetchOffset', 0),
      lastFetchedEpoch: f.int64('lastFetchedEpoch', 0),
      maxWaitMs: f.int32('maxWaitMs', 0),
      maxBytes: f.int32('maxBytes', 0),
      ...directoryIds(f, 'replicaDirectoryId'),
    };
  },
  FetchSnapshot: (bytes): FetchSnapshotRequest => {
    const f = decodeWith(raftWire.FetchSnapshotRequest, bytes, 'FetchSnapshotRequest');
    return {
      type: 'FetchSnapshotRequest',
      requestId: f.int64('requestId', 0),
      epoch: f.int64('epoch', 0),
      replicaId: f.int32('replicaId', NODE),
      snapshotId: f.offsetAndEpoch('snapshotId'),
      position: f.int64('position', 0),
      maxBytes: f.int32('maxBytes', 0),
      ...directoryIds(f, 'replicaDirectoryId'),
    };
  },
  UpdateRaftVoter: (bytes): UpdateVoterRequest => {
    const f = decodeWith(raftWire.UpdateRaftVoterRequest, bytes, 'UpdateRaftVoterRequest');
    return {
      type: 'UpdateVoterRequest',
      requestId: f.int64('requestId', 0),
      epoch: f.int64('epoch', 0),
      voterId: f.int32('voterId', NODE),
      voterDirectoryId: f.directoryId('voterDirectoryId'),
      endpoints: f.endpoints('endpoints'),
    };
  },
};

/** Directory id fields that are set, as keys; absent ones stay absent, as the core builds them. */
function directoryIds(f: WireFields, ...fields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = f.optionalDirectoryId(field);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

const RESPONSE_DECODERS: Decoders<'response'> = {
  Vote: (bytes): VoteResponse => {
    const f = decodeWith(raftWire.VoteResponse, bytes, 'VoteResponse');
    return {
      type: 'VoteResponse',
      requestId: f.int64('requestId', 0),
      error: f.errorCode('error'),
      epoch: f.int64('epoch', 0),
      leaderId: f.int32('leaderId', NODE_OR_NONE),
      granted: f.bool('granted'),
      preVote: f.bool('preVote'),
    };
  },
  BeginQuorumEpoch: (bytes): BeginQuorumEpochResponse => {
    const f = decodeWith(raftWire.BeginQuorumEpochResponse, bytes, 'BeginQuorumEpochResponse');
    return {
      type: 'BeginQuorumEpochResponse',
      requestId: f.int64('requestId', 0),
      error: f.errorCode('error'),
      epoch: f.int64('epoch', 0),
      leaderId: f.int32('leaderId', NODE_OR_NONE),
    };
  },
  EndQuorumEpoch: (bytes): EndQuorumEpochResponse => {
    const f = decodeWith(raftWire.EndQuorumEpochResponse, bytes, 'EndQuorumEpochResponse');
    return {
      type: 'EndQuorumEpochResponse',
      requestId: f.int64('requestId', 0),
      error: f.errorCode('error'),
      epoch: f.int64('epoch', 0),
      leaderId: f.int32('leaderId', NODE_OR_NONE),
    };
  },
  Fetch: (bytes): FetchResponse => {
    const f = decodeWith(raftWire.FetchResponse, bytes, 'FetchResponse');
    const divergingEpoch = f.optionalOffsetAndEpoch('divergingEpoch');
    const snapshotId = f.optionalOffsetAndEpoch('snapshotId');
    return {
      type: 'FetchResponse',
      requestId: f.int64('requestId', 0),
      error: f.errorCode('error'),
      epoch: f.int64('epoch', 0),
      leaderId: f.int32('leaderId', NODE_OR_NONE),
      highWatermark: f.int64('highWatermark', 0),
      logStartOffset: f.int64('logStartOffset', 0),
      // Absent stays absent (no key at all), as the core builds it.
      ...(divergingEpoch !== undefined ? { divergingEpoch } : {}),
      ...(snapshotId !== undefined ? { snapshotId } : {}),
      batches: f.bytesList('batches'),
    };
  },
  FetchSnapshot: (bytes): FetchSnapshotResponse => {
    const f = decodeWith(raftWire.FetchSnapshotResponse, bytes, 'FetchSnapshotResponse');
    const response: FetchSnapshotResponse = {
      type: 'FetchSnapshotResponse',
      requestId: f.int64('requestId', 0),
      error: f.errorCode('error'),
      epoch: f.int64('epoch', 0),
      leaderId: f.int32('leaderId', NODE_OR_NONE),
      snapshotId: f.offsetAndEpoch('snapshotId'),
      size: f.int64('size', 0),
      position: f.int64('position', 0),
      bytes: f.bytes('chunk'),
    };
    // An error answer echoes the asked position, which may lie beyond the end; a chunk may not.
    if (response.error === 'NONE' && response.position + response.bytes.length > response.size) {
      throw new MalformedMessageError(
        `FetchSnapshotResponse: chunk [${response.position}, ${response.position + response.bytes.length}) ends beyond the snapshot size ${response.size}`,
      );
    }
    return response;
  },
  UpdateRaftVoter: (bytes): UpdateVoterResponse => {
    const f = decodeWith(raftWire.UpdateRaftVoterResponse, bytes, 'UpdateRaftVoterResponse');
    return {
      type: 'UpdateVoterResponse',
      requestId: f.int64('requestId', 0),
      error: f.errorCode('error'),
      epoch: f.int64('epoch', 0),
      leaderId: f.int32('leaderId', NODE_OR_NONE),
    };
  },
};

/** Decodes the request of `rpc`; throws MalformedMessageError. */
export function decodeRaftRequest<R extends RaftRpcName>(rpc: R, bytes: Uint8Array): RaftRpcTypes[R]['request'] {
  const decode = REQUEST_DECODERS[rpc] as (bytes: Uint8Array) => RaftRpcTypes[R]['request'];
  return decode(bytes);
}

/** Decodes the response of `rpc`; throws MalformedMessageError. */
export function decodeRaftResponse<R extends RaftRpcName>(rpc: R, bytes: Uint8Array): RaftRpcTypes[R]['response'] {
  const decode = RESPONSE_DECODERS[rpc] as (bytes: Uint8Array) => RaftRpcTypes[R]['response'];
  return decode(bytes);
}

// ---- DescribeQuorum -------------------------------------------------------------------------------

/** A non-leader's answer to DescribeQuorum: whom to ask instead, when it knows. */
export interface NotLeaderAnswer extends NotLeader {
  /** The leader's transport address, when the answering node knows it. */
  readonly leaderAddress?: string;
}

export type DescribeQuorumAnswer = QuorumDescription | NotLeaderAnswer;

export function isNotLeaderAnswer(answer: DescribeQuorumAnswer): answer is NotLeaderAnswer {
  return 'code' in answer;
}

export function encodeDescribeQuorumRequest(): Uint8Array {
  return encodeWith(raftWire.DescribeQuorumRequest, {});
}

/** Checks that the bytes are a DescribeQuorumRequest (which has no fields). */
export function decodeDescribeQuorumRequest(bytes: Uint8Array): void {
  decodeWith(raftWire.DescribeQuorumRequest, bytes, 'DescribeQuorumRequest');
}

export function encodeDescribeQuorumResponse(answer: DescribeQuorumAnswer): Uint8Array {
  const type = raftWire.DescribeQuorumResponse;
  if (isNotLeaderAnswer(answer)) {
    return encodeWith(type, {
      error: KAFKA_ERROR_NUMBERS.NOT_LEADER_OR_FOLLOWER,
      leaderId: answer.leaderId,
      epoch: answer.epoch,
      leaderAddress: answer.leaderAddress ?? '',
    });
  }
  return encodeWith(type, { error: KAFKA_ERROR_NUMBERS.NONE, ...answer });
}

function readReplica(f: WireFields<kz.raft.v1.ReplicaState.$Properties>): ReplicaDescription {
  return {
    nodeId: f.int32('nodeId', NODE),
    directoryId: f.optionalDirectoryId('directoryId') ?? ZERO_DIRECTORY_ID,
    // The leader reports -1 for what it has not heard yet.
    logEndOffset: f.int64('logEndOffset', -1),
    lastFetchTimestamp: f.int64('lastFetchTimestamp', -1),
    lastCaughtUpTimestamp: f.int64('lastCaughtUpTimestamp', -1),
  };
}

/** Decodes a DescribeQuorum answer; throws MalformedMessageError. */
export function decodeDescribeQuorumResponse(bytes: Uint8Array): DescribeQuorumAnswer {
  const f = decodeWith(raftWire.DescribeQuorumResponse, bytes, 'DescribeQuorumResponse');
  const error = f.errorCode('error');
  if (error === 'NOT_LEADER_OR_FOLLOWER') {
    const leaderAddress = f.string('leaderAddress');
    return {
      code: 'NOT_LEADER_OR_FOLLOWER',
      leaderId: f.int32('leaderId', NODE_OR_NONE),
      epoch: f.int64('epoch', -1),
      ...(leaderAddress !== '' ? { leaderAddress } : {}),
    };
  }
  if (error !== 'NONE') throw new MalformedMessageError(`DescribeQuorumResponse.error: unexpected ${error}`);
  return {
    leaderId: f.int32('leaderId', NODE),
    epoch: f.int64('epoch', 0),
    highWatermark: f.int64('highWatermark', 0),
    voters: f.messageList('voters', readReplica),
    observers: f.messageList('observers', readReplica),
  };
}

// ---- Voter changes (admin) ------------------------------------------------------------------------

/** The RPC that carries each kind of change. */
export function voterChangeRpcOf(change: VoterChangeRequest): VoterChangeRpcName {
  return change.kind === 'add' ? 'AddRaftVoter' : change.kind === 'remove' ? 'RemoveRaftVoter' : 'SetRaftVoterEndpoints';
}

export function encodeVoterChangeRequest(change: VoterChangeRequest): Uint8Array {
  switch (change.kind) {
    case 'add':
      return encodeWith(raftWire.AddRaftVoterRequest, { voter: change.voter });
    case 'remove':
      return encodeWith(raftWire.RemoveRaftVoterRequest, { voterId: change.id, voterDirectoryId: change.directoryId });
    case 'update':
      return encodeWith(raftWire.SetRaftVoterEndpointsRequest, { voterId: change.id, voterDirectoryId: change.directoryId, endpoints: change.endpoints });
  }
}

function readVoter(f: WireFields): Voter {
  return { id: f.int32('id', NODE), directoryId: f.directoryId('directoryId'), endpoints: f.endpoints('endpoints') };
}

/** Decodes the request of a voter-change RPC; throws MalformedMessageError. */
export function decodeVoterChangeRequest(rpc: VoterChangeRpcName, bytes: Uint8Array): VoterChangeRequest {
  switch (rpc) {
    case 'AddRaftVoter': {
      const f = decodeWith(raftWire.AddRaftVoterRequest, bytes, 'AddRaftVoterRequest');
      const voter = f.optionalMessage('voter', readVoter);
      if (voter === undefined) throw new MalformedMessageError('AddRaftVoterRequest.voter is required');
      return { kind: 'add', voter };
    }
    case 'RemoveRaftVoter': {
      const f = decodeWith(raftWire.RemoveRaftVoterRequest, bytes, 'RemoveRaftVoterRequest');
      return { kind: 'remove', id: f.int32('voterId', NODE), directoryId: f.directoryId('voterDirectoryId') };
    }
    case 'SetRaftVoterEndpoints': {
      const f = decodeWith(raftWire.SetRaftVoterEndpointsRequest, bytes, 'SetRaftVoterEndpointsRequest');
      return { kind: 'update', id: f.int32('voterId', NODE), directoryId: f.directoryId('voterDirectoryId'), endpoints: f.endpoints('endpoints') };
    }
  }
}

export function encodeVoterChangeResponse(answer: VoterChangeAnswer): Uint8Array {
  const type = raftWire.VoterChangeResponse;
  if (answer.ok) return encodeWith(type, { error: KAFKA_ERROR_NUMBERS.NONE, leaderId: -1, offset: answer.offset, epoch: answer.epoch, voters: answer.voters });
  return encodeWith(type, {
    error: KAFKA_ERROR_NUMBERS[answer.code],
    errorMessage: answer.message,
    leaderId: answer.leaderId,
    epoch: answer.epoch,
    leaderAddress: answer.leaderAddress ?? '',
  });
}

/** Decodes a voter-change answer; throws MalformedMessageError. */
export function decodeVoterChangeResponse(bytes: Uint8Array): VoterChangeAnswer {
  const f = decodeWith(raftWire.VoterChangeResponse, bytes, 'VoterChangeResponse');
  const code = f.errorCode('error');
  if (code === 'NONE') {
    const voters: VoterSet = f.messageList('voters', readVoter);
    return { ok: true, offset: f.int64('offset', 0), epoch: f.int64('epoch', 0), voters };
  }
  const leaderAddress = f.string('leaderAddress');
  return {
    ok: false,
    code,
    message: f.string('errorMessage'),
    leaderId: f.int32('leaderId', NODE_OR_NONE),
    epoch: f.int64('epoch', -1),
    ...(leaderAddress !== '' ? { leaderAddress } : {}),
  };
}
