import { SIM_SESSION_TIMEOUT_MS } from '@kz/broker/testing';
import { acknowledgedMore, committed, followersOf, healAndSettle, leaderOf, runFor, runUntil, storyCluster } from './story';

const decoder = new TextDecoder();

describe('a follower holding records a deposed leader never committed', () => {
  it('truncates to the new leader epoch boundary (KIP-279) and ends identical to the new leader', async () => {
    const sim = await storyCluster({ seed: 24 });
    await acknowledgedMore(sim, 20);
    const topicId = sim.topicId!;
    const a = leaderOf(sim);
    const [b, c] = followersOf(sim) as [number, number];
    const oldEpoch = committed(sim).leaderEpoch;
    const logOf = (id: number) => sim.disk(id).log(topicId, 0)!;

    // C can no longer fetch from A, so nothing new commits; B still copies what A appends.
    sim.cutBetween(a, c);
    await runUntil(sim, 'B holding records C lacks', () => logOf(b).logEndOffset > logOf(c).logEndOffset, 1500);

    // B loses the controller (it will be fenced first); then A dies (fenced second): C, the last in the ISR, leads.
    sim.isolate(b, 'controller');
    await runFor(sim, 800);
    sim.crash(a);
    await runUntil(sim, 'C leading', () => leaderOf(sim) === c, 3 * SIM_SESSION_TIMEOUT_MS);
    const newEpoch = committed(sim).leaderEpoch;
    expect(newEpoch).toBeGreaterThan(oldEpoch);
    expect(committed(sim).isr).toEqual([c]);

    // Where epoch `oldEpoch` ends on the new leader, and the tail B holds beyond it.
    const boundary = logOf(c).endOffsetForEpoch(oldEpoch).endOffset;
    expect(boundary).toBe(logOf(c).logEndOffset);
    const tail = logOf(b).storedBatches.filter((batch) => batch.lastOffset >= boundary);
    expect(tail.length).toBeGreaterThan(0);
    const divergent = tail.flatMap((batch) => [...Array(batch.lastOffset - batch.baseOffset + 1).keys()].map((i) => decoder.decode(logOf(b).recordAt(batch.baseOffset + i)!.value!)));
    const truncationsBefore = sim.managerLogs.get('truncated divergent tail') ?? 0;

    // B is reachable again: it follows C, learns of the divergence from its fetch, and cuts its log at the boundary.
    sim.healNetwork();
    await runUntil(sim, 'B truncated', () => (sim.managerLogs.get('truncated divergent tail') ?? 0) > truncationsBefore, 10_000);
    expect(logOf(b).logEndOffset).toBeLessThanOrEqual(boundary);

    sim.restart(a);
    await healAndSettle(sim);

    // The records nobody committed are gone everywhere (and were never acknowledged); the rest of epoch
    // `oldEpoch` is intact, and what follows the boundary is the new leader's.
    const acknowledged = new Set(sim.records.acked(0).map((r) => r.payload));
    for (const payload of divergent) expect(acknowledged.has(payload)).toBe(false);
    for (const id of [a, b, c]) {
      const log = logOf(id);
      const everything = log.storedBatches.flatMap((batch) => [...Array(batch.lastOffset - batch.baseOffset + 1).keys()].map((i) => decoder.decode(log.recordAt(batch.baseOffset + i)!.value!)));
      for (const payload of divergent) expect(everything).not.toContain(payload);
      expect(log.endOffsetForEpoch(oldEpoch).endOffset).toBe(boundary);
      expect(log.storedBatches.find((batch) => batch.baseOffset >= boundary)?.epoch ?? newEpoch).toBeGreaterThanOrEqual(newEpoch);
    }
  }, 60_000);
});
