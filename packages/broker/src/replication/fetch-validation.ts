/**
 * The leader's check of one partition in a follower's Fetch (Kafka's Partition.fetchRecords →
 * readRecords, with KIP-320 fencing and the KIP-595-style divergence check of Fetch v12+). Pure: the
 * leader's log is seen through a view, nothing is read here.
 */
import { UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET, type EpochEndOffset } from '../log/leader-epoch-cache';

/** What the leader needs of its own partition to answer a fetch. */
export interface LeaderFetchView {
  /** The leader's current leader epoch (from the latest partition metadata). */
  readonly leaderEpoch: number;
  readonly logStartOffset: number;
  readonly logEndOffset: number;
  /** The leader's KIP-279 epoch lookup (PartitionLog.endOffsetForEpoch): -1/-1 when undefined. */
  endOffsetForEpoch(epoch: number): EpochEndOffset;
}

/** One partition of a follower's fetch, as far as validation is concerned. */
export interface FetchPartitionPosition {
  /** KIP-320: the leader epoch the fetcher believes current; -1 (absent) skips the check. */
  readonly currentLeaderEpoch: number;
  readonly fetchOffset: number;
  /** Epoch of the last batch the fetcher holds (Fetch v12+); -1 (absent) skips the divergence check. */
  readonly lastFetchedEpoch: number;
}

/** The per-partition errors this check answers with (Errors.java names). */
export type FetchPartitionErrorName = 'FENCED_LEADER_EPOCH' | 'UNKNOWN_LEADER_EPOCH' | 'OFFSET_OUT_OF_RANGE';

/** Kafka's numeric codes for those errors. */
export const FETCH_PARTITION_ERROR_CODES: Readonly<Record<FetchPartitionErrorName, number>> = {
  OFFSET_OUT_OF_RANGE: 1,
  FENCED_LEADER_EPOCH: 74,
  UNKNOWN_LEADER_EPOCH: 75,
};

export type FetchValidation =
  /** Read records from fetchOffset (and update the follower's fetch state). */
  | { readonly kind: 'read'; readonly fetchOffset: number }
  /**
   * No records: the fetcher's log diverges from the leader's. The tagged DivergingEpoch field of the
   * response: the largest leader epoch ≤ lastFetchedEpoch and where it ends on the leader. The leader
   * does not update the follower's fetch state for such a fetch.
   */
  | { readonly kind: 'diverging'; readonly divergingEpoch: EpochEndOffset }
  | {
      readonly kind: 'error';
      readonly error: 'FENCED_LEADER_EPOCH' | 'UNKNOWN_LEADER_EPOCH';
      readonly kafkaErrorCode: number;
      readonly message: string;
    }
  /**
   * OFFSET_OUT_OF_RANGE. The leader's log range travels with it because the follower needs it to
   * recover; Kafka's follower learns it with ListOffsets EARLIEST/LATEST, which a wire layer that
   * drops these fields has to do too.
   */
  | {
      readonly kind: 'error';
      readonly error: 'OFFSET_OUT_OF_RANGE';
      readonly kafkaErrorCode: number;
      readonly message: string;
      readonly logStartOffset: number;
      readonly logEndOffset: number;
    };

/**
 * Validates one partition of a follower's fetch, in Kafka's order:
 *
 * 1. KIP-320 (Partition.checkCurrentLeaderEpoch): a request epoch older than the leader's is
 *    FENCED_LEADER_EPOCH (the fetcher follows a deposed leader); a newer one is UNKNOWN_LEADER_EPOCH
 *    (this broker has not yet seen the metadata that made that epoch). -1 skips the check.
 * 2. With a lastFetchedEpoch: if the leader cannot place that epoch (endOffsetForEpoch is undefined),
 *    OFFSET_OUT_OF_RANGE, since no safe position can be derived.
 * 3. A fetch offset below the log start is OFFSET_OUT_OF_RANGE, whether or not the epochs diverge.
 * 4. KIP-279/320 divergence: if the leader's answer for lastFetchedEpoch is an older epoch (the
 *    fetcher holds an epoch the leader never wrote) or ends before fetchOffset (the fetcher holds
 *    offsets of that epoch the leader does not have), answer the diverging epoch instead of records.
 *    This comes before the log-end check: a follower with a longer divergent tail must learn where to
 *    truncate, not that it is out of range.
 * 5. A fetch offset past the leader's log end is OFFSET_OUT_OF_RANGE (the read itself fails).
 * 6. Otherwise read from fetchOffset.
 */
export function validateFollowerFetch(leader: LeaderFetchView, request: FetchPartitionPosition): FetchValidation {
  const { currentLeaderEpoch, fetchOffset, lastFetchedEpoch } = request;
  if (currentLeaderEpoch !== UNDEFINED_EPOCH) {
    if (currentLeaderEpoch < leader.leaderEpoch) {
      return epochError('FENCED_LEADER_EPOCH', `fetch leader epoch ${currentLeaderEpoch} is older than the current leader epoch ${leader.leaderEpoch}`);
    }
    if (currentLeaderEpoch > leader.leaderEpoch) {
      return epochError('UNKNOWN_LEADER_EPOCH', `fetch leader epoch ${currentLeaderEpoch} is newer than the current leader epoch ${leader.leaderEpoch}`);
    }
  }
  if (lastFetchedEpoch !== UNDEFINED_EPOCH) {
    const end = leader.endOffsetForEpoch(lastFetchedEpoch);
    if (end.epoch === UNDEFINED_EPOCH || end.endOffset === UNDEFINED_EPOCH_OFFSET) {
      return outOfRange(leader, `could not determine the end offset of the last fetched epoch ${lastFetchedEpoch}`);
    }
    if (fetchOffset < leader.logStartOffset) return outOfRange(leader, rangeMessage(fetchOffset, leader));
    if (end.epoch < lastFetchedEpoch || end.endOffset < fetchOffset) {
      return { kind: 'diverging', divergingEpoch: { epoch: end.epoch, endOffset: end.endOffset } };
    }
  }
  if (!Number.isSafeInteger(fetchOffset) || fetchOffset < leader.logStartOffset || fetchOffset > leader.logEndOffset) {
    return outOfRange(leader, rangeMessage(fetchOffset, leader));
  }
  return { kind: 'read', fetchOffset };
}

function epochError(error: 'FENCED_LEADER_EPOCH' | 'UNKNOWN_LEADER_EPOCH', message: string): FetchValidation {
  return { kind: 'error', error, kafkaErrorCode: FETCH_PARTITION_ERROR_CODES[error], message };
}

function outOfRange(leader: LeaderFetchView, message: string): FetchValidation {
  return {
    kind: 'error',
    error: 'OFFSET_OUT_OF_RANGE',
    kafkaErrorCode: FETCH_PARTITION_ERROR_CODES.OFFSET_OUT_OF_RANGE,
    message,
    logStartOffset: leader.logStartOffset,
    logEndOffset: leader.logEndOffset,
  };
}

function rangeMessage(fetchOffset: number, leader: LeaderFetchView): string {
  return `fetch offset ${fetchOffset} is outside the leader's log range [${leader.logStartOffset}, ${leader.logEndOffset}]`;
}
