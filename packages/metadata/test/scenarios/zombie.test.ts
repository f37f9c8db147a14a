import type { NodeId } from '@kz/raft';
import { ADMIN_CLIENT, SIM_SESSION_TIMEOUT_MS, type MetadataSimulation, type SentRequest } from '@kz/metadata/testing';
import { createTopic, expectNoViolations, partition, runUntil, settle, storyCluster, unfenced } from './story';

/**
 * A zombie: broker 4's earlier process, still running somewhere and sending with the broker epoch
 * it was once given. It talks from its own host while that is up, else from anywhere (ADMIN_CLIENT's
 * address): what it sends is what matters.
 */
function zombieHost(ms: MetadataSimulation): NodeId {
  return ms.sim.node(4).up ? 4 : ADMIN_CLIENT;
}

function zombieHeartbeat(ms: MetadataSimulation, brokerEpoch: number): SentRequest {
  return ms.send(zombieHost(ms), ms.activeController()!, {
    kind: 'brokerHeartbeat',
    body: { brokerId: 4, brokerEpoch, currentMetadataOffset: ms.committed.image.offset, wantFence: false, wantShutDown: false },
  });
}

function zombieAlterPartition(ms: MetadataSimulation, brokerEpoch: number): SentRequest {
  const topic = ms.committed.image.topic('events')!;
  const p = topic.partitions[0]!;
  return ms.send(zombieHost(ms), ms.activeController()!, {
    kind: 'alterPartition',
    body: { brokerId: 4, brokerEpoch, partitions: [{ topicId: topic.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [4] }] },
  });
}

async function answer(ms: MetadataSimulation, sent: SentRequest): Promise<string> {
  await runUntil(ms, 'the answer', () => sent.reply !== null, 10_000);
  return sent.reply!.result.ok ? 'ok' : sent.reply!.result.error.code;
}

describe('a zombie broker still using its old broker epoch is refused', () => {
  it('after its broker restarted and registered again: heartbeats and AlterPartition get STALE_BROKER_EPOCH', async () => {
    const ms = await storyCluster({ seed: 21 });
    await settle(ms);
    await createTopic(ms, 'events', [[4, 5, 6]]);
    const old = ms.committed.image.brokers.get(4)!.epoch;

    // The process restarts at once; its new incarnation waits out the old session, then registers anew.
    ms.crash(4);
    ms.restart(4);
    await runUntil(ms, 'the new incarnation of broker 4 unfenced', () => unfenced(ms, 4), 4 * SIM_SESSION_TIMEOUT_MS);
    const current = ms.committed.image.brokers.get(4)!.epoch;
    expect(current).toBeGreaterThan(old);
    const before = partition(ms, 'events');

    expect(await answer(ms, zombieHeartbeat(ms, old))).toBe('STALE_BROKER_EPOCH');
    expect(await answer(ms, zombieAlterPartition(ms, old))).toBe('STALE_BROKER_EPOCH');
    // Nothing changed: the partition is as it was, and the live incarnation is unfenced.
    expect(partition(ms, 'events')).toEqual(before);
    expect(unfenced(ms, 4)).toBe(true);
    // The same heartbeat under the current epoch is accepted.
    expect(await answer(ms, zombieHeartbeat(ms, current))).toBe('ok');
    expectNoViolations(ms);
  });

  it('after it was fenced and re-registered; and its heartbeats do not keep the new registration alive', async () => {
    const ms = await storyCluster({ seed: 22 });
    await settle(ms);
    await createTopic(ms, 'events', [[4, 5, 6]]);
    const old = ms.committed.image.brokers.get(4)!.epoch;

    ms.crash(4);
    await runUntil(ms, 'broker 4 fenced', () => ms.committed.image.brokers.get(4)?.fenced === true, 3 * SIM_SESSION_TIMEOUT_MS);
    ms.restart(4);
    await runUntil(ms, 'broker 4 registered and unfenced again', () => unfenced(ms, 4), 30_000);
    const current = ms.committed.image.brokers.get(4)!.epoch;
    expect(current).toBeGreaterThan(old);

    expect(await answer(ms, zombieHeartbeat(ms, old))).toBe('STALE_BROKER_EPOCH');
    expect(await answer(ms, zombieAlterPartition(ms, old))).toBe('STALE_BROKER_EPOCH');

    // The new incarnation dies too, while the zombie keeps heartbeating with the old epoch every second:
    // those heartbeats are refused and refresh nothing, so the current registration is fenced all the same.
    ms.crash(4);
    const refused: string[] = [];
    let beating = true;
    const beat = (): void => {
      if (!beating || ms.activeController() === null) return;
      const sent = zombieHeartbeat(ms, old);
      ms.schedule(ms.now + 1000, 'zombie heartbeat', () => {
        if (sent.reply !== null) refused.push(sent.reply.result.ok ? 'ok' : sent.reply.result.error.code);
        beat();
      });
    };
    beat();
    await runUntil(ms, 'the current registration fenced', () => ms.committed.image.brokers.get(4)?.fenced === true, 3 * SIM_SESSION_TIMEOUT_MS);
    beating = false;
    expect(ms.committed.image.brokers.get(4)!.epoch).toBe(current);
    expect(refused.length).toBeGreaterThan(2);
    expect(new Set(refused)).toEqual(new Set(['STALE_BROKER_EPOCH']));
    expectNoViolations(ms);
  });
});
