/**
 * What the leader knows of one follower, and how a fetch updates it (Kafka's Replica.scala:
 * ReplicaState and updateFetchStateOrThrow). Pure: the time is passed in.
 */
import type { BrokerId } from '@kz/metadata';

export interface FollowerFetchState {
  readonly brokerId: BrokerId;
  /** The follower's log end offset: the offset of its last fetch. -1 until it first fetches. */
  readonly logEndOffset: number;
  /** When the follower last fetched. */
  readonly lastFetchTimeMs: number;
  /** The last time the follower was known to have reached the leader's log end. */
  readonly lastCaughtUpTimeMs: number;
  /** The leader's log end as of the follower's previous fetch. */
  readonly lastFetchLeaderLogEndOffset: number;
  /** The follower's log start as its last fetch reported it (the low watermark's input); -1 until it first fetches. */
  readonly logStartOffset: number;
}

/**
 * The state a new leader starts a follower with (Partition.makeLeader → resetReplicaState): an ISR
 * member counts as caught up now, so it is not shrunk before it had a chance to fetch; anyone else
 * starts never caught up.
 */
export function initialFollowerState(brokerId: BrokerId, inIsr: boolean, now: number): FollowerFetchState {
  return {
    brokerId,
    logEndOffset: -1,
    lastFetchTimeMs: 0,
    lastCaughtUpTimeMs: inIsr ? now : 0,
    lastFetchLeaderLogEndOffset: -1,
    logStartOffset: -1,
  };
}

/**
 * A fetch at `fetchOffset` arrived at `now` while the leader's log ended at `leaderLogEnd`.
 *
 * - Reaching the leader's log end makes the follower caught up now.
 * - Otherwise, reaching the leader's log end *as of the previous fetch* makes it caught up as of
 *   that previous fetch. Without this, under a steady stream of small produces a follower is always
 *   a little behind the leader's current end and would be shrunk out although it keeps up.
 *
 * lastCaughtUpTimeMs never moves backwards.
 */
export function updateFollowerFetchState(
  prev: FollowerFetchState,
  now: number,
  fetchOffset: number,
  leaderLogEnd: number,
  followerLogStart: number = prev.logStartOffset,
): FollowerFetchState {
  let lastCaughtUpTimeMs = prev.lastCaughtUpTimeMs;
  if (fetchOffset >= leaderLogEnd) lastCaughtUpTimeMs = Math.max(lastCaughtUpTimeMs, now);
  else if (fetchOffset >= prev.lastFetchLeaderLogEndOffset) lastCaughtUpTimeMs = Math.max(lastCaughtUpTimeMs, prev.lastFetchTimeMs);
  return {
    brokerId: prev.brokerId,
    logEndOffset: fetchOffset,
    lastFetchTimeMs: now,
    lastCaughtUpTimeMs,
    lastFetchLeaderLogEndOffset: Math.max(leaderLogEnd, prev.lastFetchLeaderLogEndOffset),
    logStartOffset: followerLogStart,
  };
}

/**
 * Replica.isCaughtUp: at the leader's log end, or caught up within replica.lag.time.max.ms. A
 * follower that is neither is out of sync and the leader shrinks it from the ISR.
 */
export function isFollowerCaughtUp(
  state: FollowerFetchState,
  leaderLogEnd: number,
  now: number,
  replicaLagTimeMaxMs: number,
): boolean {
  return state.logEndOffset === leaderLogEnd || now - state.lastCaughtUpTimeMs <= replicaLagTimeMaxMs;
}
