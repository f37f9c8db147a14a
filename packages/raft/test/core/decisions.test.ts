import fc from 'fast-check';
import { electionBackoff, endQuorumEpochBackoff, fetchTimeoutWithJitter, randomElectionTimeout } from '../../src/core/election-timing';
import { majorityEndOffset, nextHighWatermark } from '../../src/core/high-watermark';
import { isLogUpToDate, shouldGrantVote, type VoterView } from '../../src/core/vote-decision';

describe('high watermark', () => {
  test('is the offset a majority of voters reached', () => {
    expect(majorityEndOffset([10, 4, 7])).toBe(7);
    expect(majorityEndOffset([10, 4, 7, 9, 1])).toBe(7);
    expect(majorityEndOffset([5])).toBe(5);
    expect(majorityEndOffset([10, -1, -1])).toBe(-1);
  });

  test('property: at least a majority of voters hold the majority end offset', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 7 }), (ends) => {
        const hw = majorityEndOffset(ends);
        expect(ends.filter((e) => e >= hw).length).toBeGreaterThanOrEqual(Math.floor(ends.length / 2) + 1);
      }),
    );
  });

  test('counts only past the epoch start and never moves back (Figure 8)', () => {
    expect(nextHighWatermark(3, 5, 5)).toBe(3);
    expect(nextHighWatermark(3, 6, 5)).toBe(6);
    expect(nextHighWatermark(6, 4, 2)).toBe(6);
  });
});

describe('votes', () => {
  const unattached: VoterView = { role: 'unattached', votedFor: -1, leaderId: -1, hasRecentLeaderContact: false };

  test('log comparison is epoch first, then offset', () => {
    expect(isLogUpToDate({ lastEpoch: 3, endOffset: 1 }, { lastEpoch: 2, endOffset: 100 })).toBe(true);
    expect(isLogUpToDate({ lastEpoch: 2, endOffset: 100 }, { lastEpoch: 3, endOffset: 1 })).toBe(false);
    expect(isLogUpToDate({ lastEpoch: 2, endOffset: 5 }, { lastEpoch: 2, endOffset: 5 })).toBe(true);
    expect(isLogUpToDate({ lastEpoch: 2, endOffset: 4 }, { lastEpoch: 2, endOffset: 5 })).toBe(false);
  });

  test('one standard vote per epoch, none while a leader is known, none to a stale log', () => {
    expect(shouldGrantVote(unattached, 2, false, true)).toBe(true);
    expect(shouldGrantVote(unattached, 2, false, false)).toBe(false);
    expect(shouldGrantVote({ ...unattached, votedFor: 3 }, 2, false, true)).toBe(false);
    expect(shouldGrantVote({ ...unattached, votedFor: 2 }, 2, false, true)).toBe(true);
    expect(shouldGrantVote({ ...unattached, leaderId: 3 }, 2, false, true)).toBe(false);
    // A prospective voter only asked for pre-votes, which bind nothing: it may still grant a standard vote.
    expect(shouldGrantVote({ ...unattached, role: 'prospective' }, 2, false, true)).toBe(true);
    expect(shouldGrantVote({ ...unattached, role: 'prospective', votedFor: 3 }, 2, false, true)).toBe(false);
    for (const role of ['candidate', 'leader', 'follower', 'resigned'] as const) {
      expect(shouldGrantVote({ ...unattached, role }, 2, false, true)).toBe(false);
    }
  });

  test('pre-votes: refused by a leader and by a follower still hearing from its leader', () => {
    expect(shouldGrantVote({ ...unattached, votedFor: 3 }, 2, true, true)).toBe(true);
    expect(shouldGrantVote({ ...unattached, role: 'leader' }, 2, true, true)).toBe(false);
    expect(shouldGrantVote({ ...unattached, role: 'follower', leaderId: 1, hasRecentLeaderContact: true }, 2, true, true)).toBe(false);
    expect(shouldGrantVote({ ...unattached, role: 'follower', leaderId: 1, hasRecentLeaderContact: false }, 2, true, true)).toBe(true);
    expect(shouldGrantVote({ ...unattached, role: 'prospective' }, 2, true, false)).toBe(false);
  });
});

describe('election timing', () => {
  test('election timeouts fall in [T, 2T)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (r) => {
        const t = randomElectionTimeout(1000, () => r);
        expect(t).toBeGreaterThanOrEqual(1000);
        expect(t).toBeLessThan(2000);
      }),
    );
  });

  test('the election timeout is T plus a uniform share of T', () => {
    expect(randomElectionTimeout(1000, () => 0)).toBe(1000);
    expect(randomElectionTimeout(1000, () => 0.5)).toBe(1500);
  });

  test('backoff grows with retries and is capped', () => {
    expect(electionBackoff(1, 1000, () => 0.99)).toBe(100);
    expect(electionBackoff(3, 1000, () => 0.99)).toBe(700);
    expect(electionBackoff(30, 1000, () => 0.99)).toBe(1000);
    expect(electionBackoff(5, 1000, () => 0)).toBe(0);
  });

  test('preferred successors campaign in order', () => {
    expect(endQuorumEpochBackoff(0, 3, 1000)).toBe(0);
    const waits = [1, 2].map((p) => endQuorumEpochBackoff(p, 3, 1000));
    expect(waits[0]!).toBeLessThan(waits[1]!);
    expect(endQuorumEpochBackoff(-1, 3, 1000)).toBe(1000);
    // Steps double from max / 2^(n-1), so the last successor waits the whole maximum.
    expect([1, 2, 3].map((p) => endQuorumEpochBackoff(p, 3, 1000))).toEqual([250, 500, 1000]);
    expect(endQuorumEpochBackoff(1, 1, 1000)).toBe(1000);
    // The first successor campaigns at once whatever the maximum (an odd one too).
    expect(endQuorumEpochBackoff(0, 1, 1001)).toBe(0);
  });
});

describe('follower fetch timeout', () => {
  test('is jittered within [T, 1.25 T) so followers of a dead leader do not all campaign at once', () => {
    expect(fetchTimeoutWithJitter(2000, () => 0)).toBe(2000);
    expect(fetchTimeoutWithJitter(2000, () => 0.999)).toBe(2499);
  });
});
