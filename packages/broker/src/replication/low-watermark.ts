/**
 * A partition's low watermark (Kafka's Partition.lowWatermarkIfLeader): the smallest log start
 * among the leader's own and those of the followers on live brokers, as each last reported it in a
 * fetch. A DeleteRecords is complete once it reaches the requested offset: every live replica has
 * deleted up to there. A follower that has not fetched since this leader took over reports -1, so
 * the answer waits for it; one on a broker that is down (fenced) is not waited for, as in Kafka —
 * it learns the leader's start when it fetches again.
 */
import type { BrokerId } from '@kz/metadata';
import type { FollowerFetchState } from './follower-fetch-state';

export function lowWatermark(leaderLogStart: number, followers: readonly FollowerFetchState[], isAlive: (brokerId: BrokerId) => boolean): number {
  let low = leaderLogStart;
  for (const f of followers) if (f.logStartOffset < low && isAlive(f.brokerId)) low = f.logStartOffset;
  return low;
}
