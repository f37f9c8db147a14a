/** Examples for each rule of the leader's replica state: fetch state, HW, acks=all, ISR changes. */
import { initialFollowerState, isFollowerCaughtUp, updateFollowerFetchState } from '../../src/replication/follower-fetch-state';
import { nextHighWatermark, recoveredHighWatermark } from '../../src/replication/high-watermark';
import { isrToExpand, isrToShrink, onAlterPartitionResult } from '../../src/replication/isr-change';
import {
  FetchOffsetOutOfRangeError,
  NotEnoughReplicasAfterAppendError,
  NotEnoughReplicasError,
  NotLeaderOrFollowerError,
} from '../../src/replication/replication-errors';
import { leader } from './helpers';

const LAG = 30_000;
const ps = (isr: number[], partitionEpoch: number, leaderEpoch = 5) => ({
  topicId: 't',
  partitionId: 0,
  leader: 1,
  leaderEpoch,
  partitionEpoch,
  isr,
});

describe('updateFollowerFetchState (Replica.updateFetchStateOrThrow)', () => {
  const fresh = initialFollowerState(2, false, 0);

  it('a fetch at the leader log end is caught up now', () => {
    const s = updateFollowerFetchState(fresh, 100, 10, 10);
    expect(s).toEqual({ brokerId: 2, logEndOffset: 10, lastFetchTimeMs: 100, lastCaughtUpTimeMs: 100, lastFetchLeaderLogEndOffset: 10, logStartOffset: -1 });
  });

  it('keeps the log start the follower reported, and the previous one when a fetch reports none', () => {
    const s = updateFollowerFetchState(fresh, 100, 10, 10, 4);
    expect(s.logStartOffset).toBe(4);
    expect(updateFollowerFetchState(s, 200, 12, 12).logStartOffset).toBe(4);
  });

  it('a fetch at the leader log end of the previous fetch is caught up as of the previous fetch', () => {
    const a = updateFollowerFetchState(fresh, 100, 5, 10); // behind
    expect(a.lastCaughtUpTimeMs).toBe(0);
    const b = updateFollowerFetchState(a, 200, 10, 12); // reached 10 = leader end at t=100, leader moved on
    expect(b.lastCaughtUpTimeMs).toBe(100);
    expect(b.lastFetchLeaderLogEndOffset).toBe(12);
  });

  it('a fetch behind both ends leaves lastCaughtUp alone; it never moves backwards', () => {
    const a = updateFollowerFetchState(fresh, 100, 10, 10);
    const b = updateFollowerFetchState(a, 200, 8, 20);
    expect(b.lastCaughtUpTimeMs).toBe(100);
    const c = updateFollowerFetchState(b, 50, 20, 20); // a clock step back does not undo it
    expect(c.lastCaughtUpTimeMs).toBe(100);
  });

  it('a fetch behind the leader end as of the previous fetch gets no credit for that fetch', () => {
    const a = updateFollowerFetchState(fresh, 100, 10, 10); // caught up at 100
    const b = updateFollowerFetchState(a, 200, 12, 20); // reached 10, the leader end at t=100: caught up as of 100
    expect(b.lastCaughtUpTimeMs).toBe(100);
    const c = updateFollowerFetchState(b, 300, 15, 25); // 15 < 20, the leader end at t=200: not caught up as of 200
    expect(c.lastCaughtUpTimeMs).toBe(100);
  });

  it('initial state: ISR members count as caught up at election, others never', () => {
    expect(initialFollowerState(2, true, 500).lastCaughtUpTimeMs).toBe(500);
    expect(initialFollowerState(2, false, 500).lastCaughtUpTimeMs).toBe(0);
  });

  it('caught up = at the leader end, or caught up within the lag time', () => {
    const s = updateFollowerFetchState(fresh, 100, 10, 10);
    expect(isFollowerCaughtUp(s, 10, 1_000_000, LAG)).toBe(true);
    expect(isFollowerCaughtUp(s, 11, 100 + LAG, LAG)).toBe(true);
    expect(isFollowerCaughtUp(s, 11, 101 + LAG, LAG)).toBe(false);
  });
});

describe('nextHighWatermark', () => {
  it('is the minimum log end over the ISR, never lower than before', () => {
    expect(nextHighWatermark(3, [10, 7, 9], 3, 2)).toBe(7);
    expect(nextHighWatermark(8, [10, 7, 9], 3, 2)).toBe(8);
  });
  it('does not advance under min ISR', () => {
    expect(nextHighWatermark(3, [10], 1, 2)).toBe(3);
  });
});

describe('recoveredHighWatermark', () => {
  it('is the checkpointed HW capped at the log end, 0 without a checkpoint, never negative', () => {
    expect(recoveredHighWatermark(7, 10)).toBe(7);
    expect(recoveredHighWatermark(12, 10)).toBe(10);
    expect(recoveredHighWatermark(undefined, 10)).toBe(0);
    expect(recoveredHighWatermark(-3, 10)).toBe(0);
  });
});

describe('LeaderReplicaState', () => {
  it('starts from the metadata and the log', () => {
    const s = leader();
    expect(s.isr).toEqual([1, 2, 3]);
    expect(s.partitionEpoch).toBe(7);
    expect(s.leaderEpochStartOffset).toBe(10);
    expect(s.logEndOffset).toBe(10);
    expect(s.highWatermark()).toBe(10);
    expect(s.follower(2)).toEqual({ brokerId: 2, logEndOffset: -1, lastFetchTimeMs: 0, lastCaughtUpTimeMs: 1_000, lastFetchLeaderLogEndOffset: -1, logStartOffset: -1 });
    expect(s.isIsrChangeInFlight).toBe(false);
  });

  it('the initial HW is clamped to the log end', () => {
    expect(leader({ highWatermark: 50 }).highWatermark()).toBe(10);
  });

  it('HW = min log end over the ISR, the leader included, and waits for followers that have not fetched', () => {
    const s = leader();
    s.onLeaderAppend(20);
    expect(s.highWatermark()).toBe(10);
    s.onFollowerFetch(1_100, 2, 15, 20);
    expect(s.highWatermark()).toBe(10); // 3 has not fetched yet
    s.onFollowerFetch(1_100, 3, 12, 20);
    expect(s.highWatermark()).toBe(12);
    s.onFollowerFetch(1_200, 3, 20, 20);
    expect(s.highWatermark()).toBe(15);
    s.onFollowerFetch(1_200, 2, 20, 20);
    expect(s.highWatermark()).toBe(20);
  });

  it('refuses a fetch from a non-replica and past the leader end', () => {
    const s = leader();
    expect(s.onFollowerFetch(1_100, 9, 10, 10)).toBeInstanceOf(NotLeaderOrFollowerError);
    const e = s.onFollowerFetch(1_100, 2, 11, 10);
    expect(e).toBeInstanceOf(FetchOffsetOutOfRangeError);
    expect(e?.code).toBe('OFFSET_OUT_OF_RANGE');
    expect(s.follower(2)?.logEndOffset).toBe(-1);
  });

  it('HW does not advance while the ISR is below min.insync.replicas', () => {
    const s = leader({ isr: [1], minInsyncReplicas: 2 });
    s.onLeaderAppend(20);
    expect(s.highWatermark()).toBe(10);
    s.onFollowerFetch(1_100, 2, 20, 20);
    expect(s.highWatermark()).toBe(10); // 2 is caught up but not in the ISR yet
  });

  it('a min.insync.replicas change applies to the HW within the leader epoch (eligible leaders rest on it)', () => {
    const s = leader({ isr: [1, 2], minInsyncReplicas: 2 });
    s.onLeaderAppend(20);
    s.onFollowerFetch(1_100, 2, 15, 20);
    expect(s.highWatermark()).toBe(15);
    s.setMinInsyncReplicas(3); // the ISR of 2 is now below min ISR: the HW stands still
    s.onFollowerFetch(1_200, 2, 20, 20);
    expect(s.highWatermark()).toBe(15);
    s.setMinInsyncReplicas(2); // and moves again as soon as it is not
    expect(s.highWatermark()).toBe(20);
  });

  it('min ISR is capped at the replication factor', () => {
    const s = leader({ replicas: [1], isr: [1], minInsyncReplicas: 2 });
    expect(s.effectiveMinIsr).toBe(1);
    s.onLeaderAppend(20);
    expect(s.highWatermark()).toBe(20);
    expect(s.canAcceptAcksAll()).toBeNull();
  });

  it('acks=all: NOT_ENOUGH_REPLICAS under min ISR; satisfied once the HW passes the batch', () => {
    const small = leader({ isr: [1], minInsyncReplicas: 2 });
    const e = small.canAcceptAcksAll(2);
    expect(e).toBeInstanceOf(NotEnoughReplicasError);
    expect(e?.code).toBe('NOT_ENOUGH_REPLICAS');
    expect(e?.kafkaErrorCode).toBe(19);
    expect(small.canAcceptAcksAll(1)).toBeNull();

    const s = leader();
    expect(s.canAcceptAcksAll()).toBeNull();
    s.onLeaderAppend(15); // batch [10, 14]: required offset 15
    expect(s.acksAllSatisfied(15)).toEqual({ satisfied: false });
    s.onFollowerFetch(1_100, 2, 15, 15);
    s.onFollowerFetch(1_100, 3, 15, 15);
    expect(s.acksAllSatisfied(15)).toEqual({ satisfied: true, error: null });
  });

  it('acks=all: NOT_ENOUGH_REPLICAS_AFTER_APPEND when the ISR shrank under min ISR after the HW passed', () => {
    const s = leader({ replicas: [1, 2, 3], isr: [1, 2], minInsyncReplicas: 2 });
    s.onLeaderAppend(15);
    s.onFollowerFetch(1_100, 2, 15, 15);
    expect(s.highWatermark()).toBe(15);
    s.commitIsr([1], 8);
    const r = s.acksAllSatisfied(15);
    expect(r.satisfied && r.error).toBeInstanceOf(NotEnoughReplicasAfterAppendError);
  });
});

describe('isrToShrink', () => {
  it('removes ISR followers not caught up within replica.lag.time.max.ms, never the leader', () => {
    const s = leader();
    s.onLeaderAppend(20);
    s.onFollowerFetch(1_000 + LAG, 2, 20, 20); // 2 caught up; 3 last caught up at election (1000)
    expect(isrToShrink(s, 1_000 + LAG, LAG)).toBeNull();
    expect(isrToShrink(s, 1_001 + LAG, LAG)).toEqual({ kind: 'shrink', removing: [3], newIsr: [1, 2] });
  });

  it('a follower at the leader log end is never shrunk, however long ago', () => {
    const s = leader();
    s.onFollowerFetch(1_000, 2, 10, 10);
    s.onFollowerFetch(1_000, 3, 10, 10);
    expect(isrToShrink(s, 1_000_000, LAG)).toBeNull();
  });

  it('the shrink is pending until committed: the HW keeps waiting for the removed follower', () => {
    const s = leader();
    s.onLeaderAppend(20);
    s.onFollowerFetch(1_000 + LAG, 2, 20, 20);
    s.onFollowerFetch(1_000, 3, 12, 20);
    expect(s.highWatermark()).toBe(12);
    const p = isrToShrink(s, 1_001 + LAG, LAG)!;
    const req = s.beginIsrChange(p);
    expect(req).toEqual({ topicId: 't', partitionId: 0, leaderEpoch: 5, partitionEpoch: 7, newIsr: [1, 2] });
    expect(s.highWatermark()).toBe(12); // KIP-497: shrink uses the old ISR until the controller agrees
    expect(isrToShrink(s, 10 * LAG, LAG)).toBeNull(); // one change in flight at a time
    expect(s.beginIsrChange(p)).toBeNull();
    expect(onAlterPartitionResult(s, { error: null, state: ps([1, 2], 8) })).toEqual({ kind: 'commit', isr: [1, 2], partitionEpoch: 8 });
    expect(s.isr).toEqual([1, 2]);
    expect(s.partitionEpoch).toBe(8);
    expect(s.highWatermark()).toBe(20);
  });
});

describe('isrToExpand', () => {
  it('adds a follower once its log end reaches the HW and the leader epoch start offset', () => {
    const s = leader({ isr: [1, 2], highWatermark: 4, logEndOffset: 10 });
    s.onFollowerFetch(1_100, 2, 10, 10);
    expect(s.highWatermark()).toBe(10);
    s.onFollowerFetch(1_100, 3, 8, 10);
    expect(isrToExpand(s)).toBeNull();
    s.onFollowerFetch(1_200, 3, 10, 10);
    expect(isrToExpand(s)).toEqual({ kind: 'expand', adding: [3], newIsr: [1, 2, 3] });
  });

  it('requires the leader epoch start offset even when the HW is lower', () => {
    // A new leader whose HW (5) lags its log end (10, the epoch start).
    const s = leader({ isr: [1], highWatermark: 5, logEndOffset: 10, minInsyncReplicas: 1 });
    s.onFollowerFetch(1_100, 2, 7, 10);
    expect(s.highWatermark()).toBe(10); // ISR = {1}: HW = leader's log end
    const t = leader({ isr: [1, 3], highWatermark: 5, logEndOffset: 10, minInsyncReplicas: 1 });
    t.onFollowerFetch(1_100, 2, 7, 10); // 2 ≥ HW 5 but < epoch start 10
    expect(t.highWatermark()).toBe(5);
    expect(isrToExpand(t)).toBeNull();
    t.onFollowerFetch(1_200, 2, 10, 10);
    expect(isrToExpand(t)).toEqual({ kind: 'expand', adding: [2], newIsr: [1, 3, 2] });
  });

  it('a pending expansion counts the new member for the HW at once (maximal ISR)', () => {
    const s = leader({ isr: [1, 2], minInsyncReplicas: 1 });
    s.onLeaderAppend(20);
    s.onFollowerFetch(1_100, 2, 20, 20);
    expect(s.highWatermark()).toBe(20);
    s.onLeaderAppend(30);
    s.onFollowerFetch(1_100, 3, 20, 30);
    const p = isrToExpand(s)!;
    expect(s.beginIsrChange(p)).toEqual({ topicId: 't', partitionId: 0, leaderEpoch: 5, partitionEpoch: 7, newIsr: [1, 2, 3] });
    expect(s.maximalIsr).toEqual([1, 2, 3]);
    s.onFollowerFetch(1_200, 2, 30, 30);
    expect(s.highWatermark()).toBe(20); // 3 already holds it back
    s.onFollowerFetch(1_200, 3, 30, 30);
    expect(s.highWatermark()).toBe(30);
  });
});

describe('onAlterPartitionResult', () => {
  function pendingExpand() {
    const s = leader({ isr: [1, 2], minInsyncReplicas: 1 });
    s.onFollowerFetch(1_100, 2, 10, 10);
    s.onFollowerFetch(1_100, 3, 10, 10);
    s.beginIsrChange(isrToExpand(s)!);
    return s;
  }

  it.each(['FENCED_LEADER_EPOCH', 'INVALID_UPDATE_VERSION', 'NEW_LEADER_ELECTED', 'UNKNOWN_TOPIC_OR_PARTITION', 'UNKNOWN_TOPIC_ID', 'INVALID_REQUEST'])(
    '%s: stay pending and wait for metadata',
    (code) => {
      const s = pendingExpand();
      expect(onAlterPartitionResult(s, { error: { code }, state: null })).toEqual({ kind: 'wait-for-metadata', error: code });
      expect(s.isIsrChangeInFlight).toBe(true);
      expect(s.onPartitionMetadata(ps([1, 2, 3], 8), [1, 2, 3], 1_200)).toBe('updated');
      expect(s.isIsrChangeInFlight).toBe(false);
      expect(s.isr).toEqual([1, 2, 3]);
    },
  );

  it.each(['OPERATION_NOT_ATTEMPTED', 'INELIGIBLE_REPLICA'])('%s: revert to the committed ISR', (code) => {
    const s = pendingExpand();
    expect(onAlterPartitionResult(s, { error: { code }, state: null })).toEqual({ kind: 'revert', error: code });
    expect(s.isIsrChangeInFlight).toBe(false);
    expect(s.isr).toEqual([1, 2]);
    expect(s.maximalIsr).toEqual([1, 2]);
  });

  it('other errors: retry the same request', () => {
    const s = pendingExpand();
    const req = s.pendingAlterPartition();
    expect(onAlterPartitionResult(s, { error: { code: 'REQUEST_TIMED_OUT' }, state: null })).toEqual({ kind: 'retry', error: 'REQUEST_TIMED_OUT' });
    expect(s.pendingAlterPartition()).toEqual(req);
  });

  it('ignores answers for another leader epoch, an older partition epoch, or with nothing in flight', () => {
    const s = pendingExpand();
    expect(onAlterPartitionResult(s, { error: null, state: ps([1, 2, 3], 8, 6) }).kind).toBe('ignore');
    expect(onAlterPartitionResult(s, { error: null, state: ps([1, 2, 3], 6) }).kind).toBe('ignore');
    expect(s.isIsrChangeInFlight).toBe(true);
    expect(onAlterPartitionResult(s, { error: null, state: ps([1, 2, 3], 8) }).kind).toBe('commit');
    expect(onAlterPartitionResult(s, { error: null, state: ps([1, 2], 9) }).kind).toBe('ignore');
    expect(s.isr).toEqual([1, 2, 3]);
  });

  it('metadata for another leader epoch ends this leadership; an older partition epoch changes nothing', () => {
    const s = pendingExpand();
    expect(s.onPartitionMetadata(ps([1, 2], 7), [1, 2, 3], 1_200)).toBe('unchanged');
    expect(s.onPartitionMetadata(ps([2, 3], 9, 6), [1, 2, 3], 1_200)).toBe('leadership-changed');
  });
});

describe('a reassignment within one leader epoch (KIP-455)', () => {
  it('follows a replica being added, so it can catch up and join the ISR, and forgets one removed', () => {
    const s = leader({ replicas: [1, 2], isr: [1, 2], minInsyncReplicas: 1 });
    expect(s.onFollowerFetch(1_100, 3, 0, 10)).toBeInstanceOf(NotLeaderOrFollowerError);

    // The controller adds 3 (replicas 1,2,3; adding 3): same leader epoch, a newer partition epoch.
    expect(s.onPartitionMetadata(ps([1, 2], 8), [1, 2, 3], 1_200)).toBe('updated');
    expect(s.replicas).toEqual([1, 2, 3]);
    expect(s.onFollowerFetch(1_300, 3, 10, 10)).toBeNull();
    expect(isrToExpand(s)).toMatchObject({ kind: 'expand', adding: [3] });

    // 3 joined; the reassignment completes by removing 2.
    expect(s.onPartitionMetadata(ps([1, 3], 10), [1, 3], 1_400)).toBe('updated');
    expect(s.followers.map((f) => f.brokerId)).toEqual([3]);
    expect(s.onFollowerFetch(1_500, 2, 10, 10)).toBeInstanceOf(NotLeaderOrFollowerError);
  });
});

describe('a new leader', () => {
  it('alone in its ISR, commits its whole log at once: a restarted single replica serves without a new append', () => {
    // A restarted leader knows no high watermark (there is no checkpoint): it starts from 0.
    const s = leader({ replicas: [1], isr: [1], minInsyncReplicas: 1, highWatermark: 0 });
    expect(s.highWatermark()).toBe(10);
  });

  it('with followers in its ISR, waits for them to fetch', () => {
    const s = leader({ replicas: [1, 2, 3], isr: [1, 2, 3], minInsyncReplicas: 2, highWatermark: 0 });
    expect(s.highWatermark()).toBe(0);
    s.onFollowerFetch(1_100, 2, 10, 10);
    expect(s.highWatermark()).toBe(0);
    s.onFollowerFetch(1_100, 3, 10, 10);
    expect(s.highWatermark()).toBe(10);
  });
});

describe('edges of the leader state (each pins one rule a mutant broke)', () => {
  it('refuses a fetch at a negative offset', () => {
    const s = leader();
    const e = s.onFollowerFetch(1_100, 2, -1, 10);
    expect(e).toBeInstanceOf(FetchOffsetOutOfRangeError);
    expect(s.follower(2)?.logEndOffset).toBe(-1);
  });

  it('canAcceptAcksAll without an argument checks against the topic min.insync.replicas', () => {
    const s = leader({ isr: [1], minInsyncReplicas: 2 });
    expect(s.minInsyncReplicas).toBe(2);
    expect(s.canAcceptAcksAll()).toBeInstanceOf(NotEnoughReplicasError);
    expect(leader({ isr: [1, 2], minInsyncReplicas: 2 }).canAcceptAcksAll()).toBeNull();
  });

  it('acks=all is answered without error when the ISR is exactly min.insync.replicas', () => {
    const s = leader({ isr: [1, 2], minInsyncReplicas: 2 });
    s.onLeaderAppend(15);
    s.onFollowerFetch(1_100, 2, 15, 15);
    expect(s.acksAllSatisfied(15)).toEqual({ satisfied: true, error: null });
  });

  it('an ISR member that is not an assigned replica holds the HW (it can never fetch), and is shrunk', () => {
    const s = leader({ replicas: [1, 2], isr: [1, 2, 4], highWatermark: 0, minInsyncReplicas: 1 });
    s.onFollowerFetch(1_100, 2, 10, 10);
    expect(s.highWatermark()).toBe(0);
    expect(isrToShrink(s, 1_100, LAG)).toEqual({ kind: 'shrink', removing: [4], newIsr: [1, 2] });
  });

  it('records a pending shrink as such', () => {
    const s = leader();
    s.beginIsrChange({ kind: 'shrink', removing: [3], newIsr: [1, 2] });
    expect(s.isrState).toEqual({ kind: 'pending-shrink', isr: [1, 2, 3], partitionEpoch: 7, removing: [3], proposedIsr: [1, 2] });
  });

  it('refuses a proposal decided on another ISR: adding a member, or removing a non-member or the leader', () => {
    expect(leader({ isr: [1, 2] }).beginIsrChange({ kind: 'expand', adding: [2, 3], newIsr: [1, 2, 2, 3] })).toBeNull();
    expect(leader({ isr: [1, 2] }).beginIsrChange({ kind: 'shrink', removing: [2, 3], newIsr: [1] })).toBeNull();
    expect(leader({ isr: [1, 2] }).beginIsrChange({ kind: 'shrink', removing: [3], newIsr: [1, 2] })).toBeNull();
    expect(leader().beginIsrChange({ kind: 'shrink', removing: [1], newIsr: [2, 3] })).toBeNull();
    const s = leader({ isr: [1, 2] });
    expect(s.isIsrChangeInFlight).toBe(false);
    expect(s.beginIsrChange({ kind: 'shrink', removing: [2], newIsr: [1] })).toMatchObject({ newIsr: [1] });
  });

  it('metadata naming another leader, even at the same leader epoch, ends this leadership', () => {
    const s = leader();
    expect(s.onPartitionMetadata({ ...ps([1, 2, 3], 8), leader: 2 }, [1, 2, 3], 1_200)).toBe('leadership-changed');
    expect(s.partitionEpoch).toBe(7);
  });

  it('a reassignment keeps the fetch state of the followers that stay', () => {
    const s = leader({ replicas: [1, 2], isr: [1, 2] });
    s.onFollowerFetch(1_100, 2, 10, 10);
    expect(s.onPartitionMetadata(ps([1, 2], 8), [1, 2, 3], 1_200)).toBe('updated');
    expect(s.follower(2)).toMatchObject({ logEndOffset: 10, lastFetchTimeMs: 1_100 });
  });

  it('a reverted expansion stops holding the HW back at once', () => {
    // 3 is being added; while the change is pending it counts for the HW (maximal ISR).
    const s = leader({ isr: [1, 2], minInsyncReplicas: 1 });
    s.onFollowerFetch(1_100, 3, 10, 10);
    expect(s.beginIsrChange(isrToExpand(s)!)).not.toBeNull();
    s.onLeaderAppend(30);
    s.onFollowerFetch(1_200, 2, 30, 30);
    expect(s.highWatermark()).toBe(10);
    // The controller refuses 3 (e.g. its broker is shutting down, so it will not fetch again): the
    // HW follows the committed ISR without waiting for another append or fetch.
    expect(onAlterPartitionResult(s, { error: { code: 'INELIGIBLE_REPLICA' }, state: null }).kind).toBe('revert');
    expect(s.highWatermark()).toBe(30);
  });
});

describe('isr-change edges', () => {
  it('does not add a follower that reached the leader epoch start but not the HW', () => {
    const s = leader({ isr: [1, 2], minInsyncReplicas: 1 }); // epoch start 10
    s.onLeaderAppend(20);
    s.onFollowerFetch(1_100, 2, 20, 20);
    expect(s.highWatermark()).toBe(20);
    s.onFollowerFetch(1_100, 3, 15, 20);
    expect(isrToExpand(s)).toBeNull();
  });

  it('NOT_LEADER_OR_FOLLOWER (a deposed leader) waits for metadata', () => {
    const s = leader({ isr: [1, 2] });
    s.beginIsrChange({ kind: 'shrink', removing: [2], newIsr: [1] });
    expect(onAlterPartitionResult(s, { error: { code: 'NOT_LEADER_OR_FOLLOWER' }, state: null })).toEqual({ kind: 'wait-for-metadata', error: 'NOT_LEADER_OR_FOLLOWER' });
    expect(s.isIsrChangeInFlight).toBe(true);
  });

  it('an answer with neither error nor state is retried as UNKNOWN_SERVER_ERROR', () => {
    const s = leader({ isr: [1, 2] });
    s.beginIsrChange({ kind: 'shrink', removing: [2], newIsr: [1] });
    expect(onAlterPartitionResult(s, { error: null, state: null })).toEqual({ kind: 'retry', error: 'UNKNOWN_SERVER_ERROR' });
  });

  it('an answer at the same partition epoch as ours is applied (Kafka ignores only older ones)', () => {
    const s = leader({ isr: [1, 2] });
    s.beginIsrChange({ kind: 'shrink', removing: [2], newIsr: [1] });
    expect(onAlterPartitionResult(s, { error: null, state: ps([1], 7) })).toEqual({ kind: 'commit', isr: [1], partitionEpoch: 7 });
  });

  it('says why an answer is ignored, naming the epochs', () => {
    const s = leader({ isr: [1, 2] });
    expect(onAlterPartitionResult(s, { error: null, state: ps([1], 8) })).toEqual({ kind: 'ignore', reason: expect.stringContaining('no ISR change is in flight') });
    s.beginIsrChange({ kind: 'shrink', removing: [2], newIsr: [1] });
    const otherLeaderEpoch = onAlterPartitionResult(s, { error: null, state: ps([1], 8, 6) });
    expect(otherLeaderEpoch.kind === 'ignore' && otherLeaderEpoch.reason).toMatch(/leader epoch 6.*5/);
    const olderPartitionEpoch = onAlterPartitionResult(s, { error: null, state: ps([1], 6) });
    expect(olderPartitionEpoch.kind === 'ignore' && olderPartitionEpoch.reason).toMatch(/partition epoch 6.*7/);
  });
});
