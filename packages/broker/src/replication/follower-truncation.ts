/**
 * The follower's reaction to the leader's answer for one partition of its fetch (Kafka's
 * AbstractFetcherThread: truncateOnFetchResponse → getOffsetTruncationState, handleOutOfRangeError →
 * fetchOffsetAndTruncate, onPartitionFenced). Pure: the follower's log is seen through a view and
 * the decision is a value the caller applies (PartitionLog.truncateTo / truncateFullyAndStartAt /
 * appendAsFollower), after which it fetches again from its log end with its latest epoch as the
 * last fetched epoch.
 */
import { UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET, type EpochEndOffset } from '../log/leader-epoch-cache';
import type { FetchValidation } from './fetch-validation';

/** What the follower needs of its own partition to react. */
export interface FollowerLogView {
  readonly logEndOffset: number;
  readonly highWatermark: number;
  /** The follower's own KIP-279 epoch lookup (PartitionLog.endOffsetForEpoch): -1/-1 when undefined. */
  endOffsetForEpoch(epoch: number): EpochEndOffset;
}

export type FollowerFetchDecision =
  /** The answer carries records that continue the log: append them (appendAsFollower). */
  | { readonly kind: 'append' }
  /**
   * Truncate to `to` (PartitionLog.truncateTo), then fetch again from the new log end. The follower's
   * high watermark becomes min(HW, to); `belowHighWatermark` says the cut reaches committed offsets,
   * which Kafka only warns about (see truncationForDivergingEpoch).
   */
  | { readonly kind: 'truncate'; readonly to: number; readonly belowHighWatermark: boolean }
  /** Empty the log and restart it at `offset` (PartitionLog.truncateFullyAndStartAt), then fetch from there. */
  | { readonly kind: 'restartAt'; readonly offset: number }
  /** Keep the log as it is and fetch again from its end (the out-of-range answer was stale). */
  | { readonly kind: 'refetch' }
  /**
   * Stop fetching this partition until new partition metadata arrives. The log is left alone: a fenced
   * or unknown epoch says nothing about its contents.
   */
  | { readonly kind: 'awaitMetadata'; readonly reason: 'FENCED_LEADER_EPOCH' | 'UNKNOWN_LEADER_EPOCH' };

/**
 * KIP-279's truncation point for a diverging epoch {E, leaderEnd} (getOffsetTruncationState):
 *
 * - leaderEnd undefined: the leader could not place the epoch; fall back to the pre-KIP-101 rule,
 *   truncate to the follower's high watermark.
 * - E undefined (a leader without epochs): min(leaderEnd, follower LEO).
 * - The follower knows E (its own largest epoch ≤ E is E): both logs agree up to the earlier of the
 *   two ends of E, so truncate to min(leaderEnd, follower's end of E, follower LEO).
 * - The follower's largest epoch ≤ E is older than E: it never saw E, so everything from its end of
 *   that older epoch on is suspect; truncate there (min with LEO). The next fetch carries the older
 *   epoch as lastFetchedEpoch, and the leader either accepts it or answers a further diverging epoch:
 *   the iterative part of KIP-279.
 * - The follower cannot place E at all (no epochs tracked): trust the leader, min(leaderEnd, LEO).
 *
 * The high watermark is no floor. Truncating below it undoes offsets this follower believed
 * committed, but Kafka truncates regardless (ReplicaFetcherThread.truncate only warns, "Truncating
 * to offset below high watermark"): after an unclean leader election the new leader really lacks
 * those offsets, and keeping them would leave the logs divergent for good. kz follows Kafka and
 * reports the fact in `belowHighWatermark`.
 */
export function truncationForDivergingEpoch(
  follower: FollowerLogView,
  diverging: EpochEndOffset,
): Extract<FollowerFetchDecision, { kind: 'truncate' }> {
  const leo = follower.logEndOffset;
  let to: number;
  if (diverging.endOffset === UNDEFINED_EPOCH_OFFSET) {
    to = Math.min(follower.highWatermark, leo);
  } else if (diverging.epoch === UNDEFINED_EPOCH) {
    to = Math.min(diverging.endOffset, leo);
  } else {
    const own = follower.endOffsetForEpoch(diverging.epoch);
    if (own.epoch === UNDEFINED_EPOCH || own.endOffset === UNDEFINED_EPOCH_OFFSET) to = Math.min(diverging.endOffset, leo);
    else if (own.epoch === diverging.epoch) to = Math.min(diverging.endOffset, own.endOffset, leo);
    else to = Math.min(own.endOffset, leo);
  }
  return { kind: 'truncate', to, belowHighWatermark: to < follower.highWatermark };
}

/**
 * OFFSET_OUT_OF_RANGE from the leader, whose log spans [leaderStart, leaderEnd]
 * (AbstractFetcherThread.fetchOffsetAndTruncate):
 *
 * - leaderEnd < follower LEO: the leader is shorter, as after an unclean election; truncate to the
 *   leader's end (regardless of the high watermark, as above) and fetch from there.
 * - leaderStart > follower LEO: retention on the leader deleted what the follower still needs; the
 *   follower's log cannot be continued, so empty it and restart at the leader's log start.
 * - Otherwise the follower's end is within the leader's range (the answer was stale): fetch again.
 */
export function recoveryFromOffsetOutOfRange(
  follower: FollowerLogView,
  leader: { readonly logStartOffset: number; readonly logEndOffset: number },
): FollowerFetchDecision {
  const leo = follower.logEndOffset;
  if (leader.logEndOffset < leo) {
    return { kind: 'truncate', to: leader.logEndOffset, belowHighWatermark: leader.logEndOffset < follower.highWatermark };
  }
  if (leader.logStartOffset > leo) return { kind: 'restartAt', offset: leader.logStartOffset };
  return { kind: 'refetch' };
}

/**
 * The follower's decision for one partition of a fetch answer:
 *
 * - records: append;
 * - a diverging epoch: truncate (truncationForDivergingEpoch), then fetch again;
 * - OFFSET_OUT_OF_RANGE: recoveryFromOffsetOutOfRange;
 * - FENCED_LEADER_EPOCH: this follower's epoch is stale, a newer leader exists; only metadata can
 *   say which (Kafka's onPartitionFenced removes the partition from the fetcher);
 * - UNKNOWN_LEADER_EPOCH: the leader has not yet caught up with the metadata that made our epoch;
 *   Kafka retries after a back-off; either way the answer is to wait for metadata.
 */
export function followerFetchDecision(follower: FollowerLogView, answer: FetchValidation): FollowerFetchDecision {
  switch (answer.kind) {
    case 'read':
      return { kind: 'append' };
    case 'diverging':
      return truncationForDivergingEpoch(follower, answer.divergingEpoch);
    case 'error':
      if (answer.error === 'OFFSET_OUT_OF_RANGE') return recoveryFromOffsetOutOfRange(follower, answer);
      return { kind: 'awaitMetadata', reason: answer.error };
  }
}
