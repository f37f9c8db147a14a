import { BrokerSimulation, checkSettled, unsettled, type BrokerNodeSettings } from '@kz/broker/testing';
import { NO_LEADER } from '@kz/metadata';

/**
 * A flipped bit in committed records of the last ISR member (the shipped BrokerNode in the broker
 * simulation). Brokers 2 and 3 crash together while the ISR is [leader, one follower]; the leader's
 * disk returns its first flushed batch with a bit flipped, so its recovery cuts the log to nothing.
 * The controller fences both into the ELR (the ISR is below min.insync.replicas 2), the leader last,
 * as the last known leader. The leader restarts first: unless it reports its cut log at its
 * registration (RegisterBrokerRequest.damagedReplicas), it is elected from the ELR with an empty log
 * and the follower, returning, truncates every acknowledged record away. This was the README's
 * "flipped bit" gap (first seen as `broker-sim --runs 30 --seed 869670271`).
 */
async function lastHolderFlipped(broker: Partial<BrokerNodeSettings> = {}) {
  const sim = new BrokerSimulation({ seed: 77, partitions: 1, broker: { fsyncMaxMs: 1, ...broker } });
  await sim.setUp();
  const topicId = sim.topicId!;
  const partition = () => sim.image.partition(topicId, 0)!;
  await sim.runUntil(sim.now + 1000);
  const leader = partition().leader;
  const [first, second] = partition().replicas.filter((id) => id !== leader);
  // One follower goes and leaves the ISR, which is then at min ISR: it is not an eligible leader.
  sim.crash(first!);
  await sim.runUntilOrFail('the ISR without the first follower', () => partition().isr.length === 2 && !partition().isr.includes(first!), 10_000);
  await sim.runUntil(sim.now + 500);
  const acked = sim.records.ackedCount;
  expect(acked).toBeGreaterThan(0);
  // The other follower and the leader crash together; the leader's first flushed batch reads back damaged.
  sim.crash(second!);
  expect(sim.crashFlippingBit(0, 0, 0.5)).toBe(leader);
  expect(sim.disk(leader).log(topicId, 0)!.logEndOffset).toBe(0);
  await sim.runUntilOrFail('both fenced into the ELR', () => partition().isr.length === 0 && partition().eligibleLeaderReplicas.length === 2, 10_000);
  expect(partition()).toMatchObject({ leader: NO_LEADER, lastKnownElr: [leader] });
  sim.restart(leader);
  await sim.runUntil(sim.now + 4000);
  return { sim, topicId, leader, first: first!, second: second!, acked, partition };
}

describe('a flipped bit in committed records of the last ISR member', () => {
  it('the restarted broker reports its cut log, leaves the ELR, and the follower that holds the records leads', async () => {
    const { sim, leader, first, second, partition } = await lastHolderFlipped();
    expect(sim.violations).toEqual([]);
    expect(sim.managerLogs.get('log recovery cut these replicas: the registration takes them out of their ISR and ELR')).toBe(1);
    expect(sim.image.brokers.get(leader)!.fenced).toBe(false);
    expect(partition()).toMatchObject({ leader: NO_LEADER, isr: [], eligibleLeaderReplicas: [second], lastKnownElr: [] });
    sim.restart(second);
    await sim.runUntilOrFail('the follower leads', () => partition().leader === second, 10_000);
    sim.restart(first);
    await sim.runUntil(sim.now + 2000);
    sim.producer.stop();
    await sim.runUntilOrFail('the cluster settles', () => unsettled(sim).length === 0, 30_000);
    expect(checkSettled(sim)).toEqual([]);
    expect(sim.violations).toEqual([]);
    expect(partition().isr).toContain(leader);
  }, 60_000);

  it('a broker that does not report it (an injected bug) leads with the records gone: acknowledgedRecordsSurvive', async () => {
    const { sim, leader, second, partition } = await lastHolderFlipped({ reportDamagedReplicas: false });
    expect(partition()).toMatchObject({ leader, isr: [leader] });
    sim.restart(second);
    await sim.runUntil(sim.now + 10_000);
    expect(sim.violations.map((v) => v.invariant)).toContain('acknowledgedRecordsSurvive');
  }, 60_000);
});
