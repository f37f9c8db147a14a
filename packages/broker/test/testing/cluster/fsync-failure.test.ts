import { startedCluster, fired } from './calm-cluster';

/**
 * The whole-cluster simulation's fsync fault: a broker's disk fails an fsync with EIO while it
 * leads. The shipped BrokerNode must halt (its process then exits, a crash of the node), acknowledge
 * nothing it did not make durable, and the cluster carries on without it and takes it back after a
 * restart — every invariant after every event.
 */
describe('a broker whose fsync fails, in the whole cluster', () => {
  it('halts, its node exits and restarts, and nothing acknowledged is lost', async () => {
    const sim = await startedCluster({ seed: 44, partitions: 1 });
    await sim.runUntil(sim.now + 1000);
    const leader = sim.leaderOf(0)!;
    const before = sim.records.ackedCount;
    sim.failNextFsync(leader, 1000);
    await sim.runUntilOrFail('the broker halts', () => (sim.faults.get('halt') ?? 0) > 0, 5000);
    expect(sim.disk(leader).fsyncFailures).toBe(1);
    expect(sim.managerLogs.get('broker halted')).toBe(1);
    await sim.runUntilOrFail('another broker leads', () => sim.leaderOf(0) !== null && sim.leaderOf(0) !== leader, 15_000);
    await sim.runUntil(sim.now + 15_000);
    expect([...fired(sim)]).toEqual([]);
    expect(sim.records.ackedCount).toBeGreaterThan(before);
    expect(sim.faults.get('crash-broker')).toBe(1);
    // Restarted 1 s after it exited, it caught up and is back in the ISR.
    expect(sim.image.partition(sim.topicId!, 0)!.isr).toContain(leader);
  }, 120_000);
});
