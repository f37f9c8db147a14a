import { RaftCore, type VoteRequest } from '@kz/raft';
import { checkSchedules, LEADER_ELECTED_WITHIN_MS, Simulation } from '@kz/raft/testing';
import { LeaderState } from '../../src/core/leader-state';

// Simulated schedules of several thousand steps each: seconds of CPU, more on a busy machine.
jest.setTimeout(120_000);

/**
 * The membership invariants (dynamic voters, KIP-853), each shown to fire on a deliberately broken
 * build, as test/testing/injected-bugs.test.ts does for the others: an invariant that no bug can
 * set off would prove nothing.
 */

afterEach(() => jest.restoreAllMocks());

function invariantsOf(sim: Simulation): string[] {
  return [...new Set(sim.violations.map((v) => v.invariant))];
}

async function dynamicCluster(nodeCount: number, seed: number, observerCount = 0): Promise<Simulation> {
  const sim = new Simulation({ nodeCount, observerCount, seed, dynamicVoters: true });
  await sim.startAll();
  await sim.runUntilTrue(() => sim.establishedLeader() !== null, LEADER_ELECTED_WITHIN_MS);
  for (let i = 0; i < 3 && !sim.violated; i++) {
    const request = sim.propose(1, 1);
    await sim.runUntilTrue(() => sim.client.isAcknowledged(request), sim.now + 5000);
  }
  // Everyone holds everything: a wiped disk then loses no committed write.
  await sim.runUntil(sim.now + 1000);
  return sim;
}

/** Proposals every 50 ms for `ms` of simulated time. */
async function load(sim: Simulation, ms: number, to?: number): Promise<void> {
  const end = sim.now + ms;
  while (sim.now < end && !sim.violated) {
    sim.propose(1, 1, to);
    await sim.runUntil(sim.now + 50);
  }
}

describe('each membership invariant fires on the bug it guards against', () => {
  /** Two removals asked for at once; `broken` makes the leader forget that the first is uncommitted. */
  async function twoRemovalsAtOnce(broken: boolean): Promise<{ sim: Simulation; refused: number }> {
    const sim = await dynamicCluster(5, 3);
    const leader = sim.establishedLeader()!;
    if (broken) {
      type Core = { voterHistory: object };
      const core = (sim.node(leader).raft as unknown as { core: Core }).core;
      Object.defineProperty(core.voterHistory, 'latestRecordOffset', { get: () => -1 });
    }
    const [a, b] = [1, 2, 3, 4, 5].filter((id) => id !== leader);
    let refused = 0;
    for (const id of [a!, b!]) void sim.removeVoter(id).then((change) => (refused += change === null ? 1 : 0));
    // (A violation stops the simulation, and with it the changes still waiting to commit.)
    await sim.runUntil(sim.now + 3000);
    return { sim, refused };
  }

  it('noDisjointMajorities: a leader that starts a second voter change while the first is uncommitted', async () => {
    const { sim } = await twoRemovalsAtOnce(true);
    expect(invariantsOf(sim)).toContain('noDisjointMajorities');
  });

  it('(and the leader that ships refuses the second change, REQUEST_TIMED_OUT, with no violation)', async () => {
    const { sim, refused } = await twoRemovalsAtOnce(false);
    expect(refused).toBe(1);
    expect(sim.violations).toEqual([]);
  });

  /** A follower's disk is wiped and it rejoins as a new replica; the other follower dies; the leader keeps being asked to write. */
  async function wipedFollowerRejoins(): Promise<Simulation> {
    const sim = await dynamicCluster(3, 5);
    const leader = sim.establishedLeader()!;
    const [wiped, other] = [1, 2, 3].filter((id) => id !== leader) as [number, number];
    expect(sim.wipeDisk(wiped, 100)).toBe(true);
    await sim.runUntil(sim.now + 1500);
    // Only the leader and the wiped node's new replica are left: no majority of the voters' keys.
    sim.crash(other);
    await load(sim, 3000, leader);
    return sim;
  }

  it('removedVoterNeverCounts: a leader that counts a fetch by node id alone, so a wiped disk passes for the voter it replaced', async () => {
    const recordFetch = LeaderState.prototype.recordFetch;
    jest.spyOn(LeaderState.prototype, 'recordFetch').mockImplementation(function (this: LeaderState, now, replicaId, directoryId, fetchOffset, end) {
      // The bug: whatever directory id the fetch carries, it is taken for the voter's own.
      const key = this.voters.find((v) => v.id === replicaId)?.directoryId ?? directoryId;
      recordFetch.call(this, now, replicaId, key, fetchOffset, end);
    });
    expect(invariantsOf(await wipedFollowerRejoins())).toContain('removedVoterNeverCounts');
  });

  it('(and the leader that ships commits nothing there, and breaks no invariant)', async () => {
    const sim = await wipedFollowerRejoins();
    expect(sim.violations).toEqual([]);
    expect(sim.client.acknowledged.length).toBe(3);
  });

  /** A follower is removed, then the other dies; the leader keeps being asked to write. */
  async function removedVoterStillFetches(): Promise<Simulation> {
    const sim = await dynamicCluster(3, 9);
    const leader = sim.establishedLeader()!;
    const [removed, kept] = [1, 2, 3].filter((id) => id !== leader) as [number, number];
    let done = false;
    void sim.removeVoter(removed).then((change) => (done = change !== null));
    await sim.runUntilTrue(() => done, sim.now + 5000);
    // The voters are now {leader, kept}; without `kept` nothing may commit — but the removed node still fetches.
    sim.crash(kept);
    await load(sim, 3000, leader);
    return sim;
  }

  it('removedVoterNeverCounts: a leader that keeps counting quorums in the voter set it had before a removal', async () => {
    jest.spyOn(LeaderState.prototype, 'setVoters').mockImplementation(() => undefined);
    expect(invariantsOf(await removedVoterStillFetches())).toContain('removedVoterNeverCounts');
  });

  it('(and the leader that ships does not count the removed voter)', async () => {
    const sim = await removedVoterStillFetches();
    expect(sim.violations).toEqual([]);
    expect(sim.coverage().votersRemoved).toBe(1);
  });

  describe('a replica on a wiped disk that answers votes meant for the voter it replaced (KAFKA-14077)', () => {
    type Core = { onVoteRequest(now: number, from: number, request: VoteRequest): void; directoryId: string };
    const injectBug = (): void => {
      const internals = RaftCore.prototype as unknown as Core;
      const onVoteRequest = internals.onVoteRequest;
      // The bug: no INVALID_VOTER_KEY — a vote request is answered whatever voter it names.
      jest.spyOn(internals, 'onVoteRequest').mockImplementation(function (this: Core, now: number, from: number, request: VoteRequest) {
        onVoteRequest.call(this, now, from, { ...request, voterDirectoryId: this.directoryId });
      });
    };
    // Schedules each seed took to make the bug fire, the failing one included: the shipped replica
    // is run on exactly those (all 300 if this file's bug tests did not run first).
    const schedulesToFire = new Map<number, number>();
    const firedOn = async (seed: number): Promise<string[]> => {
      injectBug();
      const report = await checkSchedules({ runs: 300, seed, membership: true, shrink: false });
      expect(report.failure).not.toBeNull();
      schedulesToFire.set(seed, report.runs + 1);
      return report.failure!.outcome.violations.map((v) => v.invariant);
    };

    // The wiped voter votes a second time in an epoch its predecessor voted in.
    it('votesOncePerEpoch sees the second vote', async () => {
      expect(await firedOn(35)).toContain('votesOncePerEpoch');
    });

    // The second vote elects a leader that lacks what the first majority committed.
    it('leaderHoldsEveryEarlierCommit sees the leader it elects miss a commit', async () => {
      expect(await firedOn(19)).toContain('leaderHoldsEveryEarlierCommit');
    });

    it('(and the replica that ships refuses those votes on the same schedules)', async () => {
      for (const seed of [19, 35]) {
        const runs = schedulesToFire.get(seed) ?? 300;
        const report = await checkSchedules({ runs, seed, membership: true, shrink: false });
        expect(report.failure).toBeNull();
        expect(report.runs).toBe(runs);
      }
    });
  });
});
