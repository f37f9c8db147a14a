import { SIM_SESSION_TIMEOUT_MS } from '@kz/metadata/testing';
import { createTopic, expectNoViolations, leaderships, partition, runUntil, settle, storyCluster, unfenced } from './story';

describe("a broker's session expires", () => {
  it('when it crashes: it is fenced, its leaderships move to other ISR members, and after a restart it registers again and is unfenced once caught up', async () => {
    const ms = await storyCluster({ seed: 11 });
    await settle(ms);
    await createTopic(ms, 'events', [
      [4, 5, 6],
      [4, 6, 5],
      [5, 4, 6],
    ]);
    const before = ms.committed.image.brokers.get(4)!;
    const p2Before = partition(ms, 'events', 2);
    expect(leaderships(ms, 4)).toEqual(['events-0', 'events-1']);

    ms.crash(4);
    await runUntil(ms, 'broker 4 fenced', () => ms.committed.image.brokers.get(4)?.fenced === true, 3 * SIM_SESSION_TIMEOUT_MS);
    expect(leaderships(ms, 4)).toEqual([]);
    // Each leadership went to the next in-sync replica in assignment order; 4 left every ISR.
    expect(partition(ms, 'events', 0)).toMatchObject({ leader: 5, isr: [5, 6] });
    expect(partition(ms, 'events', 1)).toMatchObject({ leader: 6, isr: [6, 5] });
    // A partition 4 only followed keeps its leader and its leader epoch; only its ISR (and partition epoch) changed.
    expect(partition(ms, 'events', 2)).toMatchObject({ leader: 5, isr: [5, 6], leaderEpoch: p2Before.leaderEpoch, partitionEpoch: p2Before.partitionEpoch + 1 });

    ms.restart(4);
    await runUntil(ms, 'broker 4 unfenced again', () => unfenced(ms, 4), 30_000);
    const after = ms.committed.image.brokers.get(4)!;
    expect(after.incarnationId).not.toBe(before.incarnationId);
    expect(after.epoch).toBeGreaterThan(before.epoch);
    // The heartbeat that unfenced it reported a metadata offset at or past its own registration.
    const unfencing = ms.replies.find(
      (r) => r.request.kind === 'brokerHeartbeat' && r.request.body.brokerId === 4 && r.request.body.brokerEpoch === after.epoch && r.reply.result.ok && !(r.reply.result.value as { isFenced: boolean }).isFenced,
    );
    expect(unfencing).toBeDefined();
    expect(unfencing!.request.kind === 'brokerHeartbeat' && unfencing!.request.body.currentMetadataOffset).toBeGreaterThanOrEqual(after.epoch);
    // Until then every heartbeat of the new registration was answered "fenced".
    const earlier = ms.replies.filter((r) => r.request.kind === 'brokerHeartbeat' && r.request.body.brokerEpoch === after.epoch && r.repliedAt < unfencing!.repliedAt && r.reply.result.ok);
    for (const r of earlier) expect((r.reply.result as { ok: true; value: { isFenced: boolean } }).value.isFenced).toBe(true);
    await ms.runUntil(ms.now + 2000);
    expectNoViolations(ms);
  });

  it('when it is cut off from the controllers: it is fenced, and unfenced again under the same registration once it is back and caught up', async () => {
    const ms = await storyCluster({ seed: 12 });
    await settle(ms);
    await createTopic(ms, 'events', [[5, 4, 6]]);
    const registration = ms.committed.image.brokers.get(5)!;

    ms.isolate(5, 'both');
    await runUntil(ms, 'broker 5 fenced', () => ms.committed.image.brokers.get(5)?.fenced === true, 3 * SIM_SESSION_TIMEOUT_MS);
    expect(partition(ms, 'events')).toMatchObject({ leader: 4, isr: [4, 6] });
    // The isolated broker still believes what it last heard: its image is stale, not wrong.
    expect(ms.image(5)!.topic('events')!.partitions[0]!.leader).toBe(5);

    ms.healNetwork();
    await runUntil(ms, 'broker 5 unfenced again', () => unfenced(ms, 5), 30_000);
    const back = ms.committed.image.brokers.get(5)!;
    expect(back.epoch).toBe(registration.epoch);
    expect(back.incarnationId).toBe(registration.incarnationId);
    await runUntil(ms, 'broker 5 to catch up', () => ms.image(5)!.topic('events')!.partitions[0]!.leader === 4, 10_000);
    expectNoViolations(ms);
  });
});
