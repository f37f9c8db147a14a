/**
 * The RPCs of `kz.raft.v1.RaftService` and which RaftMessage travels on which: the one table the
 * codec, the gRPC service definition and the transports share, so a message type cannot be
 * carried by the wrong method.
 */
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
  RaftRequest,
  RaftResponse,
  UpdateVoterRequest,
  UpdateVoterResponse,
  VoteRequest,
  VoteResponse,
} from '../core/messages';

export const RAFT_SERVICE_NAME = 'kz.raft.v1.RaftService';

/** The quorum RPCs: each carries one request type and answers with one response type. */
export const RAFT_RPC_NAMES = ['Vote', 'BeginQuorumEpoch', 'EndQuorumEpoch', 'Fetch', 'FetchSnapshot', 'UpdateRaftVoter'] as const;
export type RaftRpcName = (typeof RAFT_RPC_NAMES)[number];

/** The admin RPC, answered by the transport itself from `handlers.describeQuorum()`. */
export const DESCRIBE_QUORUM_RPC = 'DescribeQuorum';

/** The admin RPCs that change voters (KIP-853), answered by the transport from `handlers.changeVoters`. */
export const VOTER_CHANGE_RPC_NAMES = ['AddRaftVoter', 'RemoveRaftVoter', 'SetRaftVoterEndpoints'] as const;
export type VoterChangeRpcName = (typeof VOTER_CHANGE_RPC_NAMES)[number];

/** The bidirectional stream that carries the quorum RPCs between two nodes (stream-frame.ts). */
export const STREAM_RPC = 'Stream';

export interface RaftRpcTypes {
  Vote: { request: VoteRequest; response: VoteResponse };
  BeginQuorumEpoch: { request: BeginQuorumEpochRequest; response: BeginQuorumEpochResponse };
  EndQuorumEpoch: { request: EndQuorumEpochRequest; response: EndQuorumEpochResponse };
  Fetch: { request: FetchRequest; response: FetchResponse };
  FetchSnapshot: { request: FetchSnapshotRequest; response: FetchSnapshotResponse };
  UpdateRaftVoter: { request: UpdateVoterRequest; response: UpdateVoterResponse };
}

const RPC_OF_TYPE: { readonly [T in RaftMessage['type']]: RaftRpcName } = {
  VoteRequest: 'Vote',
  VoteResponse: 'Vote',
  BeginQuorumEpochRequest: 'BeginQuorumEpoch',
  BeginQuorumEpochResponse: 'BeginQuorumEpoch',
  EndQuorumEpochRequest: 'EndQuorumEpoch',
  EndQuorumEpochResponse: 'EndQuorumEpoch',
  FetchRequest: 'Fetch',
  FetchResponse: 'Fetch',
  FetchSnapshotRequest: 'FetchSnapshot',
  FetchSnapshotResponse: 'FetchSnapshot',
  UpdateVoterRequest: 'UpdateRaftVoter',
  UpdateVoterResponse: 'UpdateRaftVoter',
};

const IS_REQUEST: { readonly [T in RaftMessage['type']]: boolean } = {
  VoteRequest: true,
  VoteResponse: false,
  BeginQuorumEpochRequest: true,
  BeginQuorumEpochResponse: false,
  EndQuorumEpochRequest: true,
  EndQuorumEpochResponse: false,
  FetchRequest: true,
  FetchResponse: false,
  FetchSnapshotRequest: true,
  FetchSnapshotResponse: false,
  UpdateVoterRequest: true,
  UpdateVoterResponse: false,
};

export function rpcOf(message: RaftMessage): RaftRpcName {
  return RPC_OF_TYPE[message.type];
}

export function isRaftRequest(message: RaftMessage): message is RaftRequest {
  return IS_REQUEST[message.type];
}

export function isRaftResponse(message: RaftMessage): message is RaftResponse {
  return !IS_REQUEST[message.type];
}

/** The HTTP/2 path gRPC uses for a method: `/kz.raft.v1.RaftService/Vote`. */
export function rpcPath(rpc: RaftRpcName | typeof DESCRIBE_QUORUM_RPC | VoterChangeRpcName | typeof STREAM_RPC): string {
  return `/${RAFT_SERVICE_NAME}/${rpc}`;
}
