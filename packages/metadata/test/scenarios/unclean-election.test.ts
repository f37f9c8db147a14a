import type { MetadataSimulation } from '@kz/metadata/testing';
import { SIM_SESSION_TIMEOUT_MS } from '@kz/metadata/testing';
import { admin, createTopic, expectNoViolations, partition, resultOf, runUntil, settle, storyCluster, unfenced } from './story';

/** Broker 4 leads `topic` on [4, 5] and shrinks its ISR to itself (broker 5 fell behind, say). */
async function shrinkToLeader(ms: MetadataSimulation, topic: string): Promise<void> {
  const image = ms.committed.image;
  const t = image.topic(topic)!;
  const p = t.partitions[0]!;
  const sent = ms.send(4, ms.activeController()!, {
    kind: 'alterPartition',
    body: { brokerId: 4, brokerEpoch: image.brokers.get(4)!.epoch, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [4] }] },
  });
  await runUntil(ms, 'the ISR to shrink to [4]', () => sent.reply !== null && partition(ms, topic).isr.length === 1, 10_000);
}

describe('a partition whose only in-sync replica dies', () => {
  it('goes leaderless rather than elect a stale replica, and is led again when that replica returns', async () => {
    const ms = await storyCluster({ seed: 31 });
    await settle(ms);
    await createTopic(ms, 'strict', [[4, 5]]);
    await shrinkToLeader(ms, 'strict');

    ms.crash(4);
    await runUntil(ms, 'broker 4 fenced', () => ms.committed.image.brokers.get(4)?.fenced === true, 3 * SIM_SESSION_TIMEOUT_MS);
    // Broker 5 is alive and unfenced, but it fell behind: no leader. Broker 4, the ISR's last member,
    // waits as its one eligible leader (KIP-966); 5, dropped for lagging, is not eligible.
    expect(unfenced(ms, 5)).toBe(true);
    expect(partition(ms, 'strict')).toMatchObject({ leader: -1, isr: [], eligibleLeaderReplicas: [4] });
    await ms.runUntil(ms.now + 20_000);
    expect(partition(ms, 'strict').leader).toBe(-1);
    const preferred = resultOf((await admin(ms, { kind: 'electLeaders', body: { type: 'preferred', partitions: [{ topic: 'strict', partitionId: 0 }] } })).reply, 'electLeaders');
    expect(preferred.partitions[0]!.error?.code).toBe('PREFERRED_LEADER_NOT_AVAILABLE');
    expect(partition(ms, 'strict').leader).toBe(-1);

    ms.restart(4);
    await runUntil(ms, 'broker 4 leading again', () => partition(ms, 'strict').leader === 4, 30_000);
    expect(partition(ms, 'strict').isr).toEqual([4]);
    expectNoViolations(ms);
  });

  it('an operator may elect an out-of-sync replica (ElectLeaders unclean); its ISR restarts as just it', async () => {
    const ms = await storyCluster({ seed: 32 });
    await settle(ms);
    await createTopic(ms, 'strict', [[4, 5]]);
    await shrinkToLeader(ms, 'strict');
    ms.crash(4);
    await runUntil(ms, 'the partition leaderless', () => partition(ms, 'strict').leader === -1, 3 * SIM_SESSION_TIMEOUT_MS);

    const result = resultOf((await admin(ms, { kind: 'electLeaders', body: { type: 'unclean', partitions: [{ topic: 'strict', partitionId: 0 }] } })).reply, 'electLeaders');
    expect(result.partitions[0]!.error).toBeNull();
    expect(partition(ms, 'strict')).toMatchObject({ leader: 5, isr: [5] });
    expectNoViolations(ms);
  });

  it('with unclean.leader.election.enable=true the controller elects an out-of-sync replica itself', async () => {
    const ms = await storyCluster({ seed: 33 });
    await settle(ms);
    await createTopic(ms, 'lenient', [[4, 5]], { 'unclean.leader.election.enable': 'true' });
    await shrinkToLeader(ms, 'lenient');
    const leaderEpoch = partition(ms, 'lenient').leaderEpoch;

    ms.crash(4);
    await runUntil(ms, 'broker 4 fenced', () => ms.committed.image.brokers.get(4)?.fenced === true, 3 * SIM_SESSION_TIMEOUT_MS);
    expect(partition(ms, 'lenient')).toMatchObject({ leader: 5, isr: [5], leaderEpoch: leaderEpoch + 1 });

    // When 4 comes back it is a follower, outside the ISR until its leader says it has caught up.
    ms.restart(4);
    await runUntil(ms, 'broker 4 unfenced', () => unfenced(ms, 4), 30_000);
    expect(partition(ms, 'lenient')).toMatchObject({ leader: 5, isr: [5] });
    expectNoViolations(ms);
  });
});
