import { SIM_REPLICA_LAG_TIME_MAX_MS } from '@kz/broker/testing';
import { acknowledgedMore, committed, followersOf, healAndSettle, leaderOf, runFor, runUntil, storyCluster } from './story';

describe('a follower whose fetcher stalls', () => {
  it('leaves the ISR after replica.lag.time.max.ms, and rejoins once it has caught up', async () => {
    const sim = await storyCluster({ seed: 22 });
    await acknowledgedMore(sim, 20);
    const leader = leaderOf(sim);
    const [stalled, healthy] = followersOf(sim) as [number, number];

    const stalledAt = sim.now;
    sim.stallFetchers(stalled, 4 * SIM_REPLICA_LAG_TIME_MAX_MS);

    // Within the lag it stays: a follower is not pushed out for a short pause.
    await runFor(sim, SIM_REPLICA_LAG_TIME_MAX_MS / 2);
    expect(committed(sim).isr).toContain(stalled);

    // Past the lag the leader shrinks it out (its check runs every lag/2), and the controller commits that.
    await runUntil(sim, `broker ${stalled} out of the ISR`, () => !committed(sim).isr.includes(stalled), 3 * SIM_REPLICA_LAG_TIME_MAX_MS);
    expect(sim.now - stalledAt).toBeGreaterThan(SIM_REPLICA_LAG_TIME_MAX_MS);
    expect([...committed(sim).isr].sort()).toEqual([leader, healthy].sort());
    expect(leaderOf(sim)).toBe(leader);

    // With the leader and the healthy follower still at min ISR 2, writes go on without it.
    const whileOut = await acknowledgedMore(sim, 20);
    const topicId = sim.topicId!;
    expect(sim.disk(stalled).log(topicId, 0)!.logEndOffset).toBeLessThanOrEqual(whileOut.offset);

    // The stall ends: it fetches what it missed and is added back once it reaches the high watermark.
    await runUntil(sim, `broker ${stalled} back in the ISR`, () => committed(sim).isr.includes(stalled), 6 * SIM_REPLICA_LAG_TIME_MAX_MS);
    const hw = sim.node(leader)!.manager.partition(topicId, 0)!.highWatermark;
    expect(sim.disk(stalled).log(topicId, 0)!.logEndOffset).toBeGreaterThanOrEqual(whileOut.offset + 1);
    expect(sim.disk(stalled).log(topicId, 0)!.recoveryPoint).toBeGreaterThanOrEqual(hw);
    expect(sim.managerLogs.get('shrinking ISR')).toBeGreaterThanOrEqual(1);
    expect(sim.managerLogs.get('expanding ISR')).toBeGreaterThanOrEqual(1);

    await healAndSettle(sim);
  }, 60_000);
});
