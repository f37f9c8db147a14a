import { SIM_REPLICA_LAG_TIME_MAX_MS, SIM_SESSION_TIMEOUT_MS } from '@kz/broker/testing';
import { acknowledgedMore, committed, followersOf, healAndSettle, leaderOf, payloadAt, runFor, runUntil, storyCluster } from './story';

describe('with unclean leader election off', () => {
  it('a partition whose whole ISR is dead goes offline rather than elect a stale replica, and comes back with its ISR member', async () => {
    const sim = await storyCluster({ seed: 23 });
    await acknowledgedMore(sim, 20);
    const leader = leaderOf(sim);
    const followers = followersOf(sim);

    // Both followers stop fetching (they keep their controller sessions): the ISR shrinks to the leader alone.
    for (const id of followers) sim.stallFetchers(id, 1_000_000);
    await runUntil(sim, 'the ISR down to the leader', () => committed(sim).isr.length === 1, 4 * SIM_REPLICA_LAG_TIME_MAX_MS);
    expect(committed(sim).isr).toEqual([leader]);
    const lastAcked = sim.records.acked(0).at(-1)!;

    // Below min ISR nothing more is acknowledged.
    await runFor(sim, 2000);
    expect(sim.producer.stats.errors.get('NOT_ENOUGH_REPLICAS')).toBeGreaterThan(0);
    expect(sim.records.acked(0).at(-1)).toEqual(lastAcked);

    // The last in-sync replica dies. Its session expires, and the controller has no clean choice.
    sim.crash(leader);
    await runUntil(sim, 'the partition without a leader', () => leaderOf(sim) === -1, 3 * SIM_SESSION_TIMEOUT_MS);
    // It waits as the one eligible leader (KIP-966); the followers, dropped for falling behind, are not eligible.
    expect(committed(sim)).toMatchObject({ isr: [], eligibleLeaderReplicas: [leader] });

    // The two live, unfenced replicas may lack acknowledged records: neither is made leader, however long we wait.
    await runFor(sim, 4 * SIM_SESSION_TIMEOUT_MS);
    for (const id of followers) expect(sim.unfenced(id)).toBe(true);
    expect(leaderOf(sim)).toBe(-1);

    // The ISR member returns with its flushed log and is elected again; nothing acknowledged is missing.
    sim.restart(leader);
    await runUntil(sim, `broker ${leader} leading again`, () => leaderOf(sim) === leader, 3 * SIM_SESSION_TIMEOUT_MS);
    for (const record of sim.records.acked(0)) expect(payloadAt(sim, leader, record.offset)).toBe(record.payload);

    await healAndSettle(sim);
    expect(committed(sim).isr).toHaveLength(3);
  }, 60_000);
});
