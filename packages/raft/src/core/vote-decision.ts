import type { NodeId } from './config';
import type { RoleName } from './quorum-state';

export interface LogPosition {
  readonly lastEpoch: number;
  readonly endOffset: number;
}

/** Raft's up-to-date check: compare (last epoch, end offset) lexicographically, epoch first. */
export function isLogUpToDate(candidate: LogPosition, local: LogPosition): boolean {
  return candidate.lastEpoch !== local.lastEpoch
    ? candidate.lastEpoch > local.lastEpoch
    : candidate.endOffset >= local.endOffset;
}

export interface VoterView {
  readonly role: RoleName;
  readonly votedFor: NodeId;
  readonly leaderId: NodeId;
  /** A follower that fetched from a live leader within the fetch timeout. */
  readonly hasRecentLeaderContact: boolean;
}

/**
 * Whether this voter grants a vote in its current epoch (epochs already reconciled).
 *
 * A standard vote is granted at most once per epoch, never while a leader of the epoch is known,
 * and only to a log at least as up to date (KIP-595 canGrantVote).
 *
 * A pre-vote (KIP-996) binds nothing and is granted to any up-to-date log — except by a leader,
 * or by a follower still hearing from its leader: that is what keeps a flapping or partitioned
 * node from unseating a healthy leader.
 */
export function shouldGrantVote(view: VoterView, candidateId: NodeId, preVote: boolean, upToDate: boolean): boolean {
  if (!upToDate) return false;
  if (preVote) {
    if (view.role === 'leader') return false;
    if (view.role === 'follower') return !view.hasRecentLeaderContact;
    return true;
  }
  if (view.role !== 'unattached' && view.role !== 'prospective') return false;
  if (view.leaderId !== -1) return false;
  return view.votedFor === -1 || view.votedFor === candidateId;
}
