/**
 * The KRaft RPCs as plain data (KIP-595, KIP-630, KIP-853, KIP-996). The core sees only these; transports
 * turn them into protobuf or keep them in memory. Batches are RecordBatch v2 bytes and are never
 * re-encoded on their way through. Every request carries a `requestId` that its response echoes,
 * so a duplicated, reordered or late response is recognised and dropped.
 */
import type { NodeId } from './config';
import type { DirectoryId, Endpoint } from './voter-set';

/** Kafka's error names for the errors the quorum protocol uses. */
export type RaftErrorCode =
  | 'NONE'
  | 'FENCED_LEADER_EPOCH'
  | 'UNKNOWN_LEADER_EPOCH'
  | 'NOT_LEADER_OR_FOLLOWER'
  | 'INVALID_REQUEST'
  | 'SNAPSHOT_NOT_FOUND'
  | 'POSITION_OUT_OF_RANGE'
  | 'BROKER_NOT_AVAILABLE'
  // KIP-853: membership changes.
  | 'REQUEST_TIMED_OUT'
  | 'UNSUPPORTED_VERSION'
  | 'INVALID_VOTER_KEY'
  | 'DUPLICATE_VOTER'
  | 'VOTER_NOT_FOUND';

/** A point in the log: the exclusive end offset of the records of `epoch`. */
export interface OffsetAndEpoch {
  readonly offset: number;
  readonly epoch: number;
}

export interface VoteRequest {
  readonly type: 'VoteRequest';
  readonly requestId: number;
  /** The candidate's epoch; for a pre-vote, its current epoch (pre-votes do not bump it). */
  readonly epoch: number;
  readonly candidateId: NodeId;
  readonly lastEpoch: number;
  readonly lastOffset: number;
  readonly preVote: boolean;
  /** KIP-853: the candidate's directory id (absent with static voters). */
  readonly candidateDirectoryId?: DirectoryId;
  /** KIP-853: the directory id the candidate believes the receiving voter has; a mismatch is INVALID_VOTER_KEY. */
  readonly voterDirectoryId?: DirectoryId;
}

export interface VoteResponse {
  readonly type: 'VoteResponse';
  readonly requestId: number;
  readonly error: RaftErrorCode;
  readonly epoch: number;
  /** The responder's known leader in `epoch`, or -1. */
  readonly leaderId: NodeId;
  readonly granted: boolean;
  readonly preVote: boolean;
}

export interface BeginQuorumEpochRequest {
  readonly type: 'BeginQuorumEpochRequest';
  readonly requestId: number;
  readonly epoch: number;
  readonly leaderId: NodeId;
  /** KIP-853: the directory id the leader believes the receiving voter has. */
  readonly voterDirectoryId?: DirectoryId;
}

export interface BeginQuorumEpochResponse {
  readonly type: 'BeginQuorumEpochResponse';
  readonly requestId: number;
  readonly error: RaftErrorCode;
  readonly epoch: number;
  readonly leaderId: NodeId;
}

export interface EndQuorumEpochRequest {
  readonly type: 'EndQuorumEpochRequest';
  readonly requestId: number;
  readonly epoch: number;
  readonly leaderId: NodeId;
  /** Voters ordered by how far their logs reach; the first campaigns at once. */
  readonly preferredSuccessors: readonly NodeId[];
}

export interface EndQuorumEpochResponse {
  readonly type: 'EndQuorumEpochResponse';
  readonly requestId: number;
  readonly error: RaftErrorCode;
  readonly epoch: number;
  readonly leaderId: NodeId;
}

export interface FetchRequest {
  readonly type: 'FetchRequest';
  readonly requestId: number;
  /** The fetcher's current epoch (KIP-320 fencing). */
  readonly epoch: number;
  readonly replicaId: NodeId;
  /** The fetcher's log end offset; for a voter also its durable acknowledgement up to here. */
  readonly fetchOffset: number;
  /** Epoch of the batch just below fetchOffset (or of the snapshot, if the log is empty). */
  readonly lastFetchedEpoch: number;
  readonly maxWaitMs: number;
  readonly maxBytes: number;
  /** KIP-853: the fetcher's directory id; a voter's fetch counts only under its own voter key. */
  readonly replicaDirectoryId?: DirectoryId;
}

export interface FetchResponse {
  readonly type: 'FetchResponse';
  readonly requestId: number;
  readonly error: RaftErrorCode;
  readonly epoch: number;
  readonly leaderId: NodeId;
  readonly highWatermark: number;
  readonly logStartOffset: number;
  /** Set when the fetcher's log diverged: truncate to the end of this epoch and fetch again. */
  readonly divergingEpoch?: OffsetAndEpoch;
  /** Set when the fetcher is behind the log start: fetch this snapshot instead. */
  readonly snapshotId?: OffsetAndEpoch;
  /** Contiguous RecordBatch v2 batches starting at the fetch offset. */
  readonly batches: readonly Uint8Array[];
}

export interface FetchSnapshotRequest {
  readonly type: 'FetchSnapshotRequest';
  readonly requestId: number;
  readonly epoch: number;
  readonly replicaId: NodeId;
  readonly snapshotId: OffsetAndEpoch;
  /** Byte position of the chunk wanted: the bytes the fetcher already holds. */
  readonly position: number;
  readonly maxBytes: number;
  readonly replicaDirectoryId?: DirectoryId;
}

export interface FetchSnapshotResponse {
  readonly type: 'FetchSnapshotResponse';
  readonly requestId: number;
  readonly error: RaftErrorCode;
  readonly epoch: number;
  readonly leaderId: NodeId;
  readonly snapshotId: OffsetAndEpoch;
  /** Total size of the snapshot in bytes. */
  readonly size: number;
  readonly position: number;
  readonly bytes: Uint8Array;
}

/**
 * KIP-853 UpdateRaftVoter: a follower voter whose endpoints in the voter set are not the ones it
 * listens on asks the leader to write a VotersRecord with the new ones.
 */
export interface UpdateVoterRequest {
  readonly type: 'UpdateVoterRequest';
  readonly requestId: number;
  /** The sender's current leader epoch. */
  readonly epoch: number;
  readonly voterId: NodeId;
  readonly voterDirectoryId: DirectoryId;
  readonly endpoints: readonly Endpoint[];
}

export interface UpdateVoterResponse {
  readonly type: 'UpdateVoterResponse';
  readonly requestId: number;
  readonly error: RaftErrorCode;
  readonly epoch: number;
  readonly leaderId: NodeId;
}

export type RaftRequest =
  | UpdateVoterRequest
  | VoteRequest
  | BeginQuorumEpochRequest
  | EndQuorumEpochRequest
  | FetchRequest
  | FetchSnapshotRequest;

export type RaftResponse =
  | UpdateVoterResponse
  | VoteResponse
  | BeginQuorumEpochResponse
  | EndQuorumEpochResponse
  | FetchResponse
  | FetchSnapshotResponse;

export type RaftMessage = RaftRequest | RaftResponse;
