import { expectNoViolations, resultOf, runUntil, settle, storyCluster, unfenced } from './story';

/**
 * KAFKA-13955 / KAFKA-13959: the active controller writes a NoOp every 500 ms
 * (metadata.max.idle.interval.ms) and a broker heartbeats every 2 s. A broker unfenced only once
 * "caught up to the log end" never was: by the time its heartbeat arrived, more NoOps had been
 * written. It must be unfenced once it has caught up to its own registration record.
 */
describe('with NoOps every 500 ms and heartbeats every 2 s', () => {
  it('a broker still gets unfenced by a heartbeat that reports less than the log end (KAFKA-13955)', async () => {
    const ms = await storyCluster({ seed: 51, controller: { noOpIntervalMs: 500 }, broker: { heartbeatIntervalMs: 2000, requestTimeoutMs: 1500 } });
    await settle(ms);
    // A slow network (a few hundred ms a hop): a broker's applied offset always trails the log end.
    ms.setLinkRule({ dropRate: 0, duplicateRate: 0, minDelayMs: 150, maxDelayMs: 400 });
    ms.crash(6);
    await runUntil(ms, 'broker 6 fenced', () => ms.committed.image.brokers.get(6)?.fenced === true, 30_000);
    ms.restart(6);
    await runUntil(ms, 'broker 6 unfenced', () => unfenced(ms, 6), 30_000);

    const epoch = ms.committed.image.brokers.get(6)!.epoch;
    const unfencedAt = ms.committed.records.find((r) => r.record.type === 'brokerRegistrationChange' && r.record.brokerId === 6 && r.record.brokerEpoch === epoch && r.record.fenced === false)!.offset;
    const heartbeats = ms.replies.filter((r) => r.request.kind === 'brokerHeartbeat' && r.request.body.brokerEpoch === epoch && r.reply.result.ok);
    const unfencing = heartbeats.find((r) => !resultOf(r.reply, 'brokerHeartbeat').isFenced)!;
    const reported = unfencing.request.kind === 'brokerHeartbeat' ? unfencing.request.body.currentMetadataOffset : -1;
    // It had applied its own registration...
    expect(reported).toBeGreaterThanOrEqual(epoch);
    // ...but not the log end: NoOps had been written after what it reported, before the controller unfenced it.
    const noOpsAhead = ms.committed.records.filter((r) => r.offset > reported && r.offset < unfencedAt && r.record.type === 'noOp');
    expect(noOpsAhead.length).toBeGreaterThan(0);
    // Every heartbeat of this registration that reported at least its registration offset unfenced it; none before was refused for lagging.
    for (const hb of heartbeats) {
      const offset = hb.request.kind === 'brokerHeartbeat' ? hb.request.body.currentMetadataOffset : -1;
      if (hb.repliedAt <= unfencing.repliedAt && offset < epoch) expect(resultOf(hb.reply, 'brokerHeartbeat').isFenced).toBe(true);
    }
    expectNoViolations(ms);
  });
});
