import { startedCluster, fired } from './calm-cluster';

/** The injected-bug stories on the build as shipped: nothing fires, and the path the bugs sit on ran. */
describe('the whole-cluster injected-bug stories, unbroken', () => {
  it('a partition leader dies and another takes over (leader-epoch-not-bumped)', async () => {
    const sim = await startedCluster({ seed: 41, partitions: 1 });
    await sim.runUntil(sim.now + 1000);
    const before = sim.leaderOf(0);
    sim.crashLeaderOf(0, 2000);
    await sim.runUntil(sim.now + 15_000);
    expect([...fired(sim)]).toEqual([]);
    expect(sim.leaderOf(0)).not.toBe(before);
  }, 120_000);

  it('a calm cluster: heartbeats keep every broker unfenced and the quorum keeps its epoch', async () => {
    for (const seed of [42, 43]) {
      const sim = await startedCluster({ seed, partitions: 1 });
      const epoch = sim.quorumEpoch();
      sim.armCalm(true);
      await sim.runUntil(sim.now + 30_000);
      expect([...fired(sim)]).toEqual([]);
      expect(sim.quorumEpoch()).toBe(epoch);
      expect(sim.coverage().brokerFencings).toBe(0);
      expect(sim.records.ackedCount).toBeGreaterThan(100);
    }
  }, 120_000);
});
