import { DEFAULT_BROKER_NODE_SETTINGS, SIM_SESSION_TIMEOUT_MS } from '@kz/broker/testing';
import { acknowledgedMore, committed, expectNoViolations, followersOf, healAndSettle, leaderOf, payloadAt, runUntil, storyCluster } from './story';

/**
 * KIP-966's story, on the brokers that ship (RF 3, min.insync.replicas 2, unclean election off): two
 * replicas crash, the second while the ISR is at min ISR, so it waits as an eligible leader; then
 * the last ISR member crashes too. The eligible leader comes back first and leads — no unclean
 * election, no acknowledged record lost. acknowledgedRecordsSurvive checks after every event that
 * every acknowledged record is in the flushed log of an ISR member — of the new leader, once it leads.
 *
 * Timing as in production (replica.lag.time.max.ms 30 s > broker.session.timeout.ms 9 s): the
 * controller fences a crashed follower before its leader gives up on it. (A follower the leader
 * drops for falling behind is not eligible: partition-change-builder.ts.)
 */
const LAG_LONGER_THAN_SESSION = { replicaManager: { ...DEFAULT_BROKER_NODE_SETTINGS.replicaManager, replicaLagTimeMaxMs: 3 * SIM_SESSION_TIMEOUT_MS } };
describe('Eligible Leader Replicas', () => {
  it('a replica that crashed while the ISR was at min ISR leads again when it returns before the last ISR member', async () => {
    const sim = await storyCluster({ seed: 51, broker: LAG_LONGER_THAN_SESSION });
    await acknowledgedMore(sim, 20);
    const leader = leaderOf(sim);
    const [first, second] = followersOf(sim) as [number, number];

    // The first follower crashes: the ISR drops to min ISR, and writes go on without it.
    sim.crash(first);
    await runUntil(sim, `broker ${first} out of the ISR`, () => !committed(sim).isr.includes(first), 3 * SIM_SESSION_TIMEOUT_MS);
    expect(committed(sim).eligibleLeaderReplicas).toEqual([]);
    await acknowledgedMore(sim, 10);

    // The second crashes: below min ISR the HW stands still, so it holds every committed record.
    sim.crash(second);
    await runUntil(sim, `broker ${second} eligible`, () => committed(sim).eligibleLeaderReplicas.includes(second), 3 * SIM_SESSION_TIMEOUT_MS);
    expect(committed(sim)).toMatchObject({ leader, isr: [leader], eligibleLeaderReplicas: [second] });
    const acknowledged = sim.records.acked(0);

    // The last ISR member crashes: the partition waits for an eligible leader.
    sim.crash(leader);
    await runUntil(sim, 'the partition without a leader', () => leaderOf(sim) === -1, 3 * SIM_SESSION_TIMEOUT_MS);
    expect(committed(sim)).toMatchObject({ isr: [], eligibleLeaderReplicas: [second, leader], lastKnownElr: [leader] });
    const epoch = committed(sim).leaderEpoch;

    // The eligible leader comes back first and leads at once, alone in the ISR: a clean election.
    sim.restart(second);
    await runUntil(sim, `broker ${second} leading`, () => leaderOf(sim) === second, 3 * SIM_SESSION_TIMEOUT_MS);
    expect(committed(sim)).toMatchObject({ isr: [second], eligibleLeaderReplicas: [leader], lastKnownElr: [] });
    expect(committed(sim).leaderEpoch).toBe(epoch + 1);
    for (const record of acknowledged) expect(payloadAt(sim, second, record.offset)).toBe(record.payload);

    // The others return and catch up; the ISR is whole again and the ELR over; nothing acknowledged is missing.
    await healAndSettle(sim);
    expect(committed(sim).isr).toHaveLength(3);
    expect(committed(sim).eligibleLeaderReplicas).toEqual([]);
    for (const id of sim.brokerIds) for (const record of sim.records.acked(0)) expect(payloadAt(sim, id, record.offset)).toBe(record.payload);
    expectNoViolations(sim);
  }, 120_000);
});
