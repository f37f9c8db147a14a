import { newDirectoryId, type Voter } from '../../src/core/voter-set';
import { SeededRandom } from '../../src/testing/seeded-random';
import { LeaderState } from '../../src/core/leader-state';

const dir = (seed: number): string => newDirectoryId(new SeededRandom(seed).asFunction());
const voter = (id: number, seed = id): Voter => ({ id, directoryId: dir(seed), endpoints: [] });
const [v1, v2, v3, v4, v5] = [voter(1), voter(2), voter(3), voter(4), voter(5)] as [Voter, Voter, Voter, Voter, Voter];

/** Node 1 leading `voters` from offset 10, check-quorum timeout 900 ms, at time 1000. */
function leading(voters: readonly Voter[] = [v1, v2, v3]): LeaderState {
  return new LeaderState(1, v1.directoryId, voters, 10, 900, 1000);
}

describe('LeaderState', () => {
  test('voters other than the leader owe a BeginQuorumEpoch acknowledgement; any fetch of theirs pays it', () => {
    const leader = leading();
    expect([...leader.beginQuorumPending].sort()).toEqual([2, 3]);
    leader.recordVoterContact(1100, 2, v2.directoryId);
    expect([...leader.beginQuorumPending]).toEqual([3]);
    // The same node id on another disk is not the voter.
    leader.recordVoterContact(1100, 3, dir(99));
    expect([...leader.beginQuorumPending]).toEqual([3]);
  });

  test('check-quorum: a majority of voters fetching within the timeout keeps the leader, else it expires', () => {
    const leader = leading([v1, v2, v3, v4, v5]);
    expect(leader.checkQuorumDeadlineMs).toBe(1900);
    expect(leader.checkQuorumExpired(1899)).toBe(false);
    expect(leader.checkQuorumExpired(1900)).toBe(true);
    // Two other voters make a majority of five with the leader; one alone does not, nor twice.
    leader.recordVoterContact(1500, 2, v2.directoryId);
    leader.recordVoterContact(1600, 2, v2.directoryId);
    expect(leader.checkQuorumDeadlineMs).toBe(1900);
    leader.recordVoterContact(1700, 3, v3.directoryId);
    expect(leader.checkQuorumDeadlineMs).toBe(2600);
    // The count starts again for the next window.
    leader.recordVoterContact(1800, 4, v4.directoryId);
    expect(leader.checkQuorumDeadlineMs).toBe(2600);
    leader.recordVoterContact(1900, 5, v5.directoryId);
    expect(leader.checkQuorumDeadlineMs).toBe(2800);
    // The leader's own fetch (it has none, but a forged one) never counts.
    leader.recordVoterContact(2000, 1, v1.directoryId);
    leader.recordVoterContact(2000, 2, v2.directoryId);
    expect(leader.checkQuorumDeadlineMs).toBe(2800);
  });

  test('a sole voter never expires, but a leader removing itself from a one-voter set does', () => {
    const sole = leading([v1]);
    expect(sole.checkQuorumExpired(1e12)).toBe(false);
    expect(sole.checkQuorumDeadlineMs).toBe(Number.POSITIVE_INFINITY);
    const leaving = leading([v2]);
    expect(leaving.leaderIsVoter).toBe(false);
    expect(leaving.checkQuorumDeadlineMs).toBe(1900);
    expect(leaving.checkQuorumExpired(1900)).toBe(true);
  });

  test('voter end offsets count the leader’s flushed end and only fetches made under the voter’s key', () => {
    const leader = leading();
    expect(leader.voterEndOffsets(12)).toEqual([12, -1, -1]);
    leader.recordFetch(1100, 2, v2.directoryId, 11, 12);
    leader.recordFetch(1100, 3, dir(99), 12, 12);
    expect(leader.voterEndOffsets(12)).toEqual([12, 11, -1]);
    // A leader whose own disk was replaced is not the voter it was.
    const replaced = new LeaderState(1, dir(98), [v1, v2, v3], 10, 900, 1000);
    expect(replaced.voterEndOffsets(12)).toEqual([-1, -1, -1]);
    expect(replaced.leaderIsVoter).toBe(false);
  });

  test('a new voter set takes effect at once and forgets what removed voters owed or did', () => {
    const [v6, v7, v8, v9] = [voter(6), voter(7), voter(8), voter(9)];
    const leader = leading([v1, v2, v3, v4, v5, v6, v7]);
    // Three voters besides the leader make a majority of seven.
    leader.recordVoterContact(1050, 2, v2.directoryId);
    leader.recordVoterContact(1100, 5, v5.directoryId);
    expect(leader.checkQuorumDeadlineMs).toBe(1900);
    // 5 and 7 leave, 8 and 9 join: still seven voters.
    leader.setVoters([v1, v2, v3, v4, v6, v8, v9]);
    expect(leader.voters.map((v) => v.id)).toEqual([1, 2, 3, 4, 6, 8, 9]);
    expect(leader.isVoter(5, v5.directoryId)).toBe(false);
    // Voter 7 never acknowledged, but is gone; 8 and 9 joined after the epoch began and owe nothing.
    expect([...leader.beginQuorumPending].sort()).toEqual([3, 4, 6]);
    // 5's fetch no longer counts, 2's still does.
    leader.recordVoterContact(1200, 3, v3.directoryId);
    expect(leader.checkQuorumDeadlineMs).toBe(1900);
    leader.recordVoterContact(1300, 8, v8.directoryId);
    expect(leader.checkQuorumDeadlineMs).toBe(2200);
    // Voters that never fetched have no end offset and are described as unknown; 7 is not an observer.
    expect(leader.voterEndOffsets(20)).toEqual([20, -1, -1, -1, -1, -1, -1]);
    const view = leader.describe(1300, 20);
    expect(view.voters.map((v) => v.logEndOffset)).toEqual([20, -1, -1, -1, -1, -1, -1]);
    expect(view.observers).toEqual([]);
    expect(leader.isCaughtUp(1300, 9, v9.directoryId, 10_000)).toBe(false);
  });

  test('after a voter set change, the fetches of voters that stayed still count toward check-quorum', () => {
    const voters = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((id) => voter(id));
    // Four voters besides the leader make a majority of nine.
    const leader = new LeaderState(1, v1.directoryId, voters, 10, 900, 1000);
    for (const id of [2, 3, 5]) leader.recordVoterContact(1100, id, voters[id - 1]!.directoryId);
    const v10 = voter(10);
    leader.setVoters([...voters.filter((v) => v.id !== 5), v10]);
    leader.recordVoterContact(1200, 4, voters[3]!.directoryId);
    expect(leader.checkQuorumDeadlineMs).toBe(1900);
    leader.recordVoterContact(1300, 6, voters[5]!.directoryId);
    expect(leader.checkQuorumDeadlineMs).toBe(2200);
  });

  test('caught up: fetched at the leader’s end, or reached the end the leader had at its previous fetch', () => {
    const leader = leading();
    expect(leader.isCaughtUp(1000, 2, v2.directoryId, 500)).toBe(false);
    leader.recordFetch(1050, 2, v2.directoryId, 3, 20);
    leader.recordFetch(1100, 2, v2.directoryId, 5, 20);
    // Twice behind the end the leader had: never caught up yet.
    expect(leader.isCaughtUp(1100, 2, v2.directoryId, 500)).toBe(false);
    expect(leader.describe(1100, 20).voters[1]!.lastCaughtUpTimestamp).toBe(-1);
    // At 1300 it reached 20, the leader's end when it fetched at 1100: caught up as of 1100.
    leader.recordFetch(1300, 2, v2.directoryId, 20, 25);
    expect(leader.describe(1300, 25).voters[1]!.lastCaughtUpTimestamp).toBe(1100);
    expect(leader.isCaughtUp(1600, 2, v2.directoryId, 500)).toBe(true);
    expect(leader.isCaughtUp(1601, 2, v2.directoryId, 500)).toBe(false);
    expect(leader.isCaughtUp(1300, 2, dir(99), 500)).toBe(false);
    leader.recordFetch(1400, 2, v2.directoryId, 25, 25);
    expect(leader.describe(1400, 25).voters[1]!.lastCaughtUpTimestamp).toBe(1400);
    // Short of the previous end: no progress on being caught up.
    leader.recordFetch(1500, 2, v2.directoryId, 24, 30);
    expect(leader.describe(1500, 30).voters[1]!.lastCaughtUpTimestamp).toBe(1400);
  });

  test('a replica fetching with a new directory id starts from nothing', () => {
    const leader = leading();
    leader.recordFetch(1100, 2, v2.directoryId, 12, 12);
    expect(leader.directoryIdOf(2)).toBe(v2.directoryId);
    const wiped = dir(77);
    leader.recordFetch(1200, 2, wiped, 0, 12);
    expect(leader.directoryIdOf(2)).toBe(wiped);
    expect(leader.voterEndOffsets(12)).toEqual([12, -1, -1]);
    expect(leader.isCaughtUp(1200, 2, wiped, 500)).toBe(false);
    expect(leader.directoryIdOf(3)).toBeUndefined();
    expect(leader.directoryIdOf(9)).toBeUndefined();
  });

  test('a clock that starts at 0: a fetch at time 0 is a fetch, and no fetch is never caught up', () => {
    const leader = new LeaderState(1, v1.directoryId, [v1, v2, v3], 0, 900, 0);
    expect(leader.isCaughtUp(0, 2, v2.directoryId, 10_000)).toBe(false);
    leader.recordFetch(0, 2, v2.directoryId, 0, 0);
    leader.recordFetch(0, 7, dir(7), 0, 0);
    expect(leader.isCaughtUp(0, 2, v2.directoryId, 10_000)).toBe(true);
    expect(leader.directoryIdOf(2)).toBe(v2.directoryId);
    expect(leader.describe(0, 0).observers.map((o) => o.nodeId)).toEqual([7]);
  });

  test('a fetch is parked only when the replica already has the high watermark it would be sent', () => {
    const leader = leading();
    expect(leader.hasNewsFor(2, 10)).toBe(true);
    expect(leader.hasNewsFor(3, 1)).toBe(true);
    expect(leader.hasNewsFor(3, 0)).toBe(true);
    leader.markSent(2, 10);
    expect(leader.hasNewsFor(2, 10)).toBe(false);
    expect(leader.hasNewsFor(2, 11)).toBe(true);
    expect(leader.hasNewsFor(9, -1)).toBe(false);
    leader.markSent(9, 10);
    expect(leader.hasNewsFor(9, 10)).toBe(true);
  });

  test('preferred successors: furthest log first, ties by node id, never the leader', () => {
    const leader = leading([v1, v2, v3, v4]);
    leader.recordFetch(1100, 3, v3.directoryId, 15, 15);
    leader.recordFetch(1100, 4, v4.directoryId, 15, 15);
    leader.recordFetch(1100, 2, v2.directoryId, 12, 15);
    expect(leader.preferredSuccessors()).toEqual([3, 4, 2]);
  });

  test('describe: voters in set order with the leader current, observers that fetched sorted by id', () => {
    const leader = leading();
    leader.recordFetch(1100, 7, dir(7), 3, 12);
    leader.recordFetch(1150, 6, dir(6), 4, 12);
    leader.recordFetch(1200, 2, v2.directoryId, 12, 12);
    const view = leader.describe(1300, 12);
    expect(view.voters).toEqual([
      { nodeId: 1, directoryId: v1.directoryId, logEndOffset: 12, lastFetchTimestamp: 1300, lastCaughtUpTimestamp: 1300 },
      { nodeId: 2, directoryId: v2.directoryId, logEndOffset: 12, lastFetchTimestamp: 1200, lastCaughtUpTimestamp: 1200 },
      { nodeId: 3, directoryId: v3.directoryId, logEndOffset: -1, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1 },
    ]);
    expect(view.observers).toEqual([
      { nodeId: 6, directoryId: dir(6), logEndOffset: 4, lastFetchTimestamp: 1150, lastCaughtUpTimestamp: -1 },
      { nodeId: 7, directoryId: dir(7), logEndOffset: 3, lastFetchTimestamp: 1100, lastCaughtUpTimestamp: -1 },
    ]);
    // A voter fetching under another directory id shows as an observer, and the voter as unknown.
    leader.recordFetch(1400, 3, dir(33), 5, 12);
    const after = leader.describe(1400, 12);
    expect(after.voters[2]).toEqual({ nodeId: 3, directoryId: v3.directoryId, logEndOffset: -1, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1 });
    expect(after.observers.map((o) => o.nodeId)).toEqual([3, 6, 7]);
  });

  test('reads need acknowledgements from a majority of the voter set in force, the leader counting itself', () => {
    const leader = leading([v1, v2, v3, v4, v5]);
    expect(leader.reads.add(1)).toBe(true);
    leader.reads.startRound(1000, 1);
    expect(leader.reads.acknowledge(2, 1)).toBe(false);
    expect(leader.reads.takeConfirmed()).toEqual([]);
    expect(leader.reads.acknowledge(3, 1)).toBe(false);
    expect(leader.reads.takeConfirmed()).toEqual([1]);
    expect(leader.reads.roundDeadline).toBe(Number.POSITIVE_INFINITY);
    // The round times out after a third of the check-quorum timeout.
    leader.reads.add(2);
    leader.reads.startRound(2000, 2);
    expect(leader.reads.roundDeadline).toBe(2300);
    // A sole voter confirms at once.
    const sole = leading([v1]);
    expect(sole.reads.add(5)).toBe(false);
    expect(sole.reads.takeConfirmed()).toEqual([5]);
  });
});
