/**
 * How far each voter's copy of the metadata log trails the leader's, in offsets (records and
 * control records alike): the leader's log end less the log end the voter last reported by
 * fetching. Only the leader knows this (DescribeQuorum); the leader's own row is 0.
 */
import type { QuorumDescription } from '@kz/raft';

export interface VoterFetchLag {
  readonly voterId: number;
  readonly lag: number;
}

export function voterFetchLags(quorum: QuorumDescription, leaderLogEndOffset: number): VoterFetchLag[] {
  return quorum.voters.map((voter) => ({
    voterId: voter.nodeId,
    // A voter that never fetched reports -1: it lags by the whole log, not by one more.
    lag: voter.nodeId === quorum.leaderId ? 0 : Math.max(0, leaderLogEndOffset - Math.max(0, voter.logEndOffset)),
  }));
}
