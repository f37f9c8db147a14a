import {
  checkSchedules,
  faultScheduleArbitrary,
  LEADER_ELECTED_WITHIN_MS,
  PROPOSAL_COMMITTED_WITHIN_MS,
  runSchedule,
  Simulation,
} from '@kz/raft/testing';
import fc from 'fast-check';
import { expectCoverage, explainFailure, SIM_SEED } from './schedule-report';

/**
 * The deterministic simulation, end to end: random fault schedules run against real RaftNodes, with
 * every safety invariant checked after every simulated step and liveness checked after the final
 * heal (5-node clusters in simulation-5-nodes.test.ts, which jest runs in parallel). The seed is
 * random per run (SIM_SEED pins it); a failure prints the command that replays it.
 */
const RUNS = 500;

describe('random fault schedules', () => {
  it(`3 nodes: ${RUNS} schedules, invariants after every step, liveness after the heal, every fault exercised`, async () => {
    const report = await checkSchedules({ runs: RUNS, seed: SIM_SEED, nodes: 3, shrinkBudgetMs: 30_000 });
    if (report.failure !== null) throw new Error(explainFailure(report));
    expect(report.runs).toBe(RUNS);
    expect(report.events).toBeGreaterThan(RUNS * 50);
    expectCoverage(report);
  }, 300_000);

  it('a vote re-granted to a duplicated request waits until the vote is durable (replays a schedule found by `pnpm sim --runs 20000`)', async () => {
    // A voter granted a vote, the network duplicated the request, and the repeat was answered
    // while the vote was still being written; the fsync failed (EIO), the node restarted without
    // the vote and later voted for itself in the same epoch.
    const report = await checkSchedules({
      runs: 1,
      seed: 1191270690,
      path: '15059:28:29:28:28:29:38:33:32:34:33:33:33:36:34:37:32:32:38:32:35:32:32:32:43:39:32:35:32:32:40:37:32:39:35:32:32:32:43:39:32:36:32:32:38:36:32:32:35:32:32:40:39:32:39:35:32:35:32:40:39:28:28:32:39:36:49:49:61:71:71:80:80:94:96:95:95:97:96:96:96:96:96:97:96:96:107:107:107:107:108:107:107',
    });
    if (report.failure !== null) throw new Error(explainFailure(report));
    expect(report.coverage).toMatchObject({ fsyncErrors: 1, messagesDuplicated: 1, halts: 1 });
  }, 60_000);
});

describe('determinism', () => {
  it('replays a schedule event for event', async () => {
    const [schedule] = fc.sample(faultScheduleArbitrary({ nodes: 5 }), { numRuns: 1, seed: 99 });
    if (schedule === undefined) throw new Error('no schedule');
    const lines = async (): Promise<string[]> => {
      const out: string[] = [];
      await runSchedule(schedule, { traceSink: (line) => out.push(line) });
      return out;
    };
    const first = await runSchedule(schedule);
    const second = await runSchedule(schedule);
    expect(second.events).toBe(first.events);
    expect(second.simulatedMs).toBe(first.simulatedMs);
    expect(second.coverage).toEqual(first.coverage);
    expect(await lines()).toEqual(await lines());
  });

  it('the same seed and path name the same schedule in the test and in `pnpm sim`', async () => {
    const a = await checkSchedules({ runs: 1, seed: 5, nodes: 3, path: '2' });
    const b = await checkSchedules({ runs: 1, seed: 5, nodes: 3, path: '2' });
    expect(a.events).toBe(b.events);
    expect(a.runs).toBe(1);
  });
});

describe('scenarios', () => {
  it('elects a leader, survives its crash, and keeps every acknowledged write', async () => {
    const sim = new Simulation({ nodeCount: 3, seed: 1 });
    await sim.startAll();
    expect(await sim.runUntilTrue(() => sim.establishedLeader() !== null, LEADER_ELECTED_WITHIN_MS)).toBe(true);
    const first = sim.establishedLeader()!;
    const write = sim.propose(1, 3);
    expect(await sim.runUntilTrue(() => sim.client.isAcknowledged(write), sim.now + PROPOSAL_COMMITTED_WITHIN_MS)).toBe(true);

    sim.crash(first);
    const crashedAt = sim.now;
    expect(await sim.runUntilTrue(() => sim.establishedLeader() !== null, crashedAt + LEADER_ELECTED_WITHIN_MS)).toBe(true);
    expect(sim.establishedLeader()).not.toBe(first);
    const second = sim.propose(1, 1);
    expect(await sim.runUntilTrue(() => sim.client.isAcknowledged(second), sim.now + PROPOSAL_COMMITTED_WITHIN_MS)).toBe(true);

    sim.restart(first);
    const ids = sim.client.acknowledged.map((a) => a.id);
    expect(await sim.runUntilTrue(() => sim.nodes.every((n) => ids.every((id) => n.appliedIds.includes(id))), sim.now + 10_000)).toBe(true);
    expect(sim.violations).toEqual([]);
  });

  it('a leader cut off from everyone accepts a write it can never commit; only the retry elsewhere is acknowledged', async () => {
    const sim = new Simulation({ nodeCount: 5, seed: 2 });
    await sim.startAll();
    await sim.runUntilTrue(() => sim.establishedLeader() !== null, LEADER_ELECTED_WITHIN_MS);
    const zombie = sim.establishedLeader()!;
    const zombieEpoch = sim.node(zombie).status()!.epoch;
    sim.isolate(zombie, 'both');
    const doomed = sim.propose(1, 1, zombie);
    await sim.runUntil(sim.now + 8000);
    expect(sim.establishedLeader()).not.toBe(zombie);
    sim.healNetwork();
    await sim.runUntil(sim.now + 8000);
    expect(sim.violations).toEqual([]);
    // The zombie's own attempt never commits; the client retried once the zombie's RaftNode gave up on it.
    const acks = sim.client.acknowledged.filter((a) => a.requestId === doomed.requestId);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack.epoch).toBeGreaterThan(zombieEpoch);
  });

  it('a node that fell behind the log start catches up through a snapshot', async () => {
    const sim = new Simulation({ nodeCount: 3, seed: 3, snapshotEveryBytes: 200 });
    await sim.startAll();
    await sim.runUntilTrue(() => sim.establishedLeader() !== null, LEADER_ELECTED_WITHIN_MS);
    const leader = sim.establishedLeader()!;
    const laggard = sim.voters.find((v) => v !== leader)!;
    sim.crash(laggard);
    for (let i = 0; i < 6; i++) {
      const request = sim.propose(1, 1);
      await sim.runUntilTrue(() => sim.client.isAcknowledged(request), sim.now + 5000);
    }
    sim.restart(laggard);
    const target = sim.memory.oracle.end;
    expect(await sim.runUntilTrue(() => sim.node(laggard).appliedOffset >= target, sim.now + 10_000)).toBe(true);
    expect(sim.coverage().snapshotsInstalled).toBeGreaterThan(0);
    expect(sim.violations).toEqual([]);
  });

  it('answers linearizable reads on the leader, at a read point no lower than what was committed when asked', async () => {
    const sim = new Simulation({ nodeCount: 3, seed: 4 });
    await sim.startAll();
    await sim.runUntilTrue(() => sim.establishedLeader() !== null, LEADER_ELECTED_WITHIN_MS);
    const write = sim.propose(1, 1);
    await sim.runUntilTrue(() => sim.client.isAcknowledged(write), sim.now + 5000);
    const committed = sim.committedEnd();
    sim.read(sim.establishedLeader()!);
    expect(await sim.runUntilTrue(() => sim.client.stats.readsAnswered === 1, sim.now + 5000)).toBe(true);
    expect(committed).toBeGreaterThan(0);
    expect(sim.violations).toEqual([]);
  });
});
