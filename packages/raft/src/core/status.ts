import type { NodeId } from './config';
import type { OffsetAndEpoch } from './messages';
import type { RoleName } from './quorum-state';
import type { DirectoryId, VoterSet } from './voter-set';

export interface RaftStatus {
  readonly nodeId: NodeId;
  readonly isVoter: boolean;
  readonly role: RoleName;
  readonly epoch: number;
  readonly leaderId: NodeId;
  readonly votedFor: NodeId;
  readonly highWatermark: number;
  readonly logStartOffset: number;
  readonly logEndOffset: number;
  /** Log end offset known durable on this node. */
  readonly flushedEndOffset: number;
  readonly snapshotId: OffsetAndEpoch | null;
  /** Leader only: the offset of this epoch's LeaderChange batch; -1 otherwise. */
  readonly epochStartOffset: number;
  /** This replica's directory id (KIP-853); the zero id with static voters. */
  readonly directoryId: DirectoryId;
  /** The voter set in force (the latest in the log, committed or not); empty while none is known. */
  readonly voters: VoterSet;
  /** Offset of the VotersRecord that put `voters` in force; -1 when they come from below the log. */
  readonly votersOffset: number;
  /** The voter set in force below the high watermark: the latest one known committed here. */
  readonly committedVoters: VoterSet;
}

export interface ReplicaDescription {
  readonly nodeId: NodeId;
  /** The replica's directory id (KIP-853); the zero id with static voters. */
  readonly directoryId: DirectoryId;
  readonly logEndOffset: number;
  readonly lastFetchTimestamp: number;
  readonly lastCaughtUpTimestamp: number;
}

/** The leader's view of the quorum (KRaft DescribeQuorum). */
export interface QuorumDescription {
  readonly leaderId: NodeId;
  readonly epoch: number;
  readonly highWatermark: number;
  readonly voters: readonly ReplicaDescription[];
  readonly observers: readonly ReplicaDescription[];
}
