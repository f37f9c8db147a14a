import { acknowledgedMore, committed, expectNoViolations, followersOf, healAndSettle, leaderOf, payloadAt, runUntil, storyCluster } from './story';

describe('acks=all with min.insync.replicas 2', () => {
  it('loses nothing acknowledged when the leader crashes right after an acknowledgement', async () => {
    const sim = await storyCluster({ seed: 21 });
    await acknowledgedMore(sim, 30);
    const leader = leaderOf(sim);
    const epoch = committed(sim).leaderEpoch;

    // The moment the producer hears "acknowledged", the leader loses power, unflushed tail and all.
    const last = await acknowledgedMore(sim, 1);
    sim.crash(leader);

    // Every follower in the ISR had the record durably before the leader could answer.
    for (const follower of committed(sim).isr.filter((id) => id !== leader)) expect(payloadAt(sim, follower, last.offset)).toBe(last.payload);

    await runUntil(sim, 'a new leader from the ISR', () => leaderOf(sim) !== leader && leaderOf(sim) >= 0);
    const successor = leaderOf(sim);
    expect(followersOf(sim)).toContain(leader);
    expect(committed(sim).leaderEpoch).toBeGreaterThan(epoch);
    expect(payloadAt(sim, successor, last.offset)).toBe(last.payload);

    // The new leader takes writes (min ISR 2 is met by the two survivors) after the last acknowledged offset.
    const next = await acknowledgedMore(sim, 10);
    expect(next.offset).toBeGreaterThan(last.offset);

    // The old leader comes back, catches up and rejoins; every acknowledged record is where it was acknowledged.
    sim.restart(leader);
    await healAndSettle(sim);
    expect(committed(sim).isr).toHaveLength(3);
    for (const record of sim.records.acked(0)) expect(payloadAt(sim, leader, record.offset)).toBe(record.payload);
    expectNoViolations(sim);
  }, 60_000);
});
