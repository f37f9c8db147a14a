import { admin, createTopic, expectNoViolations, leaderships, partition, resultOf, runUntil, settle, storyCluster, unfenced } from './story';

describe('controlled shutdown (a rolling restart)', () => {
  it('moves every leadership away first, lets the broker stop once every active broker has seen that, and takes it back when it restarts', async () => {
    const ms = await storyCluster({ seed: 61, restartAfterShutDownMs: 3000 });
    await settle(ms);
    await createTopic(ms, 'events', [
      [4, 5, 6],
      [5, 4, 6],
    ]);
    const incarnation = ms.broker(4)!.incarnationId;
    ms.broker(4)!.requestShutDown();
    await runUntil(ms, 'broker 4 told to shut down', () => ms.broker(4) === null, 20_000);
    const stoppedAt = ms.now;

    // By then it led nothing and had left the ISRs; once told to stop it was fenced, so that its
    // next incarnation can register without waiting out this one's session.
    expect(ms.committed.image.brokers.get(4)).toMatchObject({ fenced: true, inControlledShutdown: false, incarnationId: incarnation });
    expect(leaderships(ms, 4)).toEqual([]);
    expect(partition(ms, 'events', 0)).toMatchObject({ leader: 5, isr: [5, 6] });
    expect(partition(ms, 'events', 1)).toMatchObject({ leader: 5, isr: [5, 6] });
    // ...and every other active broker had reported applying the records that moved its leaderships.
    const moved = ms.committed.records.filter((r) => r.record.type === 'partitionChange' && r.record.leader !== undefined).map((r) => r.offset);
    const lastMove = Math.max(...moved);
    const told = ms.replies.find((r) => r.request.kind === 'brokerHeartbeat' && r.request.body.brokerId === 4 && r.reply.result.ok && resultOf(r.reply, 'brokerHeartbeat').shouldShutDown)!;
    expect(told).toBeDefined();
    for (const other of [5, 6]) {
      const seen = ms.replies.some((r) => r.request.kind === 'brokerHeartbeat' && r.request.body.brokerId === other && r.request.body.currentMetadataOffset >= lastMove && r.repliedAt <= told.repliedAt);
      expect(seen).toBe(true);
    }

    await runUntil(ms, 'broker 4 back and unfenced', () => unfenced(ms, 4), 30_000);
    expect(ms.broker(4)!.incarnationId).not.toBe(incarnation);
    expect(ms.now).toBeGreaterThan(stoppedAt);
    // Its partition comes back to it by preferred-leader election, once it is in sync again: not before...
    const electBack = async (): Promise<string | null> => resultOf((await admin(ms, { kind: 'electLeaders', body: { type: 'preferred', partitions: [{ topic: 'events', partitionId: 0 }] } })).reply, 'electLeaders').partitions[0]!.error?.code ?? null;
    expect(await electBack()).toBe('PREFERRED_LEADER_NOT_AVAILABLE');
    // ...but after its leader (5) has taken it back into the ISR.
    const p = partition(ms, 'events', 0);
    const topicId = ms.committed.image.topic('events')!.id;
    const expand = ms.send(5, ms.activeController()!, {
      kind: 'alterPartition',
      body: { brokerId: 5, brokerEpoch: ms.committed.image.brokers.get(5)!.epoch, partitions: [{ topicId, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [5, 6, 4] }] },
    });
    await runUntil(ms, 'the ISR to take broker 4 back', () => expand.reply !== null && partition(ms, 'events', 0).isr.includes(4), 10_000);
    expect(await electBack()).toBeNull();
    expect(partition(ms, 'events', 0).leader).toBe(4);
    expectNoViolations(ms);
  });
});
