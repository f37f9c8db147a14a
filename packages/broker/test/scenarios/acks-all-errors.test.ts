import { KAFKA_ERROR_CODES } from '@kz/metadata';
import { SIM_REPLICA_LAG_TIME_MAX_MS } from '@kz/broker/testing';
import { committed, followersOf, healAndSettle, isrKnownToLeader, leaderOf, payloadAt, produceTo, runUntil, storyCluster } from './story';

describe('acks=all when the ISR cannot take the write', () => {
  it('is refused with NOT_ENOUGH_REPLICAS while the ISR is below min.insync.replicas, and nothing is appended', async () => {
    const sim = await storyCluster({ seed: 25 });
    sim.producer.stop();
    const leader = leaderOf(sim);
    for (const id of followersOf(sim)) sim.stallFetchers(id, 1_000_000);
    await runUntil(sim, 'the leader to know its ISR is down to itself', () => isrKnownToLeader(sim).length === 1, 4 * SIM_REPLICA_LAG_TIME_MAX_MS);
    expect(committed(sim).isr).toEqual([leader]);

    const logEnd = sim.disk(leader).log(sim.topicId!, 0)!.logEndOffset;
    const refused = await produceTo(sim, leader, ['refused-1', 'refused-2']);
    expect(refused.errorCode).toBe(KAFKA_ERROR_CODES.NOT_ENOUGH_REPLICAS);
    expect(refused.baseOffset).toBe(-1);
    expect(sim.disk(leader).log(sim.topicId!, 0)!.logEndOffset).toBe(logEnd);

    // Once a follower is back in the ISR, the same write is acknowledged.
    sim.healAll();
    await runUntil(sim, 'the leader to know its ISR is back to min ISR', () => isrKnownToLeader(sim).length >= 2);
    const accepted = await produceTo(sim, leader, ['accepted-1']);
    expect(accepted.errorCode).toBe(0);
    expect(payloadAt(sim, leader, accepted.baseOffset)).toBe('accepted-1');
    await healAndSettle(sim);
  }, 60_000);

  it('times out with REQUEST_TIMED_OUT when an ISR follower cannot catch up within the produce timeout; the record stays and commits later', async () => {
    const sim = await storyCluster({ seed: 26 });
    sim.producer.stop();
    const leader = leaderOf(sim);
    const [cutOff] = followersOf(sim) as [number, number];

    // The follower stays in the ISR for replica.lag.time.max.ms, but cannot fetch: the HW cannot pass the write.
    sim.cutBetween(leader, cutOff);
    const timedOut = await produceTo(sim, leader, ['slow-1'], SIM_REPLICA_LAG_TIME_MAX_MS / 4);
    expect(timedOut.errorCode).toBe(KAFKA_ERROR_CODES.REQUEST_TIMED_OUT);
    expect(committed(sim).isr).toContain(cutOff);

    // The appended record is not lost: once the ISR drops the follower it commits, and a later write is acknowledged.
    await runUntil(sim, `broker ${cutOff} out of the ISR`, () => !committed(sim).isr.includes(cutOff), 4 * SIM_REPLICA_LAG_TIME_MAX_MS);
    const after = await produceTo(sim, leader, ['after-1']);
    expect(after.errorCode).toBe(0);
    const log = sim.disk(leader).log(sim.topicId!, 0)!;
    const offsets = [...Array(log.logEndOffset).keys()].filter((o) => payloadAt(sim, leader, o) === 'slow-1');
    expect(offsets).toHaveLength(1);
    expect(offsets[0]!).toBeLessThan(after.baseOffset);
    await healAndSettle(sim);
  }, 60_000);
});
