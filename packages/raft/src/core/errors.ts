import type { NodeId } from './config';

/** A proposal reached a node that is not the leader; carries whom to ask instead. */
export interface NotLeader {
  readonly code: 'NOT_LEADER_OR_FOLLOWER';
  /** -1 when no leader is known. */
  readonly leaderId: NodeId;
  readonly epoch: number;
}

/**
 * The core was asked to do something that would break a Raft safety property (truncate below the
 * high watermark, for example). It refuses before changing any state: the driver should treat
 * this as fatal for the node, as Kafka does.
 */
export class RaftSafetyError extends Error {
  override readonly name = 'RaftSafetyError';
  readonly code = 'ILLEGAL_STATE';
}

/** A proposal the core refuses whatever the role: it would change the voter set behind the protocol's back. */
export class InvalidProposalError extends Error {
  override readonly name = 'InvalidProposalError';
  readonly code = 'INVALID_REQUEST';
}

/** A snapshot handed to the core does not name a committed batch boundary of its log. */
export class InvalidSnapshotError extends Error {
  override readonly name = 'InvalidSnapshotError';
  readonly code = 'INVALID_SNAPSHOT';
}

/**
 * A leader-only request (propose, readBarrier, DescribeQuorum) reached a node that is not the
 * leader. `leaderId` is -1 when unknown; `leaderAddress` is set when the caller can reach it.
 */
export class NotLeaderError extends Error implements NotLeader {
  override readonly name = 'NotLeaderError';
  readonly code = 'NOT_LEADER_OR_FOLLOWER';
  constructor(
    readonly leaderId: NodeId,
    readonly epoch: number,
    readonly leaderAddress: string | undefined,
  ) {
    super(
      leaderId < 0
        ? 'not the leader, and no leader is known'
        : `not the leader; the leader is node ${leaderId}${leaderAddress === undefined ? '' : ` at ${leaderAddress}`} (epoch ${epoch})`,
    );
  }
}
