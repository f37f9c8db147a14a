import { logKey } from '@kz/broker/testing';
import { decodeRecordBatch, iterateBatches } from '@kz/records';
import type { FetchPartitionResponse, FetchRequest } from '../../src/protocol/fetch';
import { committed, expectNoViolations, healAndSettle, acknowledgedMore, leaderOf, runUntil, storyCluster } from './story';

function consumerFetch(topicId: string): FetchRequest {
  return {
    replicaId: -1,
    replicaEpoch: -1,
    maxWaitMs: 0,
    minBytes: 1,
    maxBytes: 1 << 24,
    topics: [{ topicId, partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 0, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 24 }] }],
  };
}

function recordCount(records: Uint8Array): number {
  let count = 0;
  for (const { at } of iterateBatches(records)) count += decodeRecordBatch(records, at).records.length;
  return count;
}

/**
 * The high-watermark checkpoint in the simulation: every broker writes replication-offset-checkpoint
 * every second here, and a restarted one starts each replica's HW from it (capped at its log end).
 * restartedHighWatermarkNotBelowCheckpoint and highWatermarkWithinLogEnd are checked after every event.
 */
describe('the high-watermark checkpoint across crashes', () => {
  it('the whole cluster loses power; the last ISR member comes back alone and serves what was committed at once', async () => {
    const sim = await storyCluster({ seed: 41 });
    await acknowledgedMore(sim, 40);
    const topicId = sim.topicId!;
    // Every broker loses power; the controller fences them one by one, and the partition waits for
    // its eligible leaders (KIP-966), the last ISR member among them.
    for (const id of sim.brokerIds) sim.crash(id);
    await runUntil(sim, 'the partition left without a leader', () => leaderOf(sim) < 0);
    const [last] = committed(sim).lastKnownElr;
    expect(committed(sim).isr).toEqual([]);
    expect(committed(sim).eligibleLeaderReplicas).toContain(last);
    const disk = sim.disk(last!);
    const checkpointed = disk.checkpointedHighWatermarks().get(logKey(topicId, 0)) ?? 0;
    const expected = Math.min(checkpointed, disk.log(topicId, 0)!.logEndOffset);
    expect(expected).toBeGreaterThan(0);

    sim.restart(last!);
    await runUntil(sim, 'the last ISR member leading again', () => sim.node(last!)?.node?.manager.partition(topicId, 0)?.leader != null);
    const leader = sim.node(last!)!.manager.partition(topicId, 0)!;
    // Alone in the ISR, under min.insync.replicas 2: its HW cannot move (KAFKA-15583), so only the
    // checkpoint lets consumers read what was committed before the power went.
    expect(leader.leader!.isr).toEqual([last]);
    expect(leader.highWatermark).toBe(expected);
    // A consumer reading from the start gets every record below it.
    let answer: FetchPartitionResponse | undefined;
    void sim.node(last!)!.node!.fetch(consumerFetch(topicId)).then((response) => (answer = response.topics[0]!.partitions[0]!));
    await runUntil(sim, 'the consumer fetch answered', () => answer !== undefined);
    expect(answer!.highWatermark).toBe(expected);
    expect(recordCount(answer!.records)).toBe(expected);

    for (const id of sim.brokerIds) sim.restart(id);
    await healAndSettle(sim);
    expectNoViolations(sim);
  }, 120_000);

  it('a damaged checkpoint is refused with a log line; the broker falls back to replication and nothing is lost', async () => {
    const sim = await storyCluster({ seed: 42 });
    await acknowledgedMore(sim, 30);
    const follower = committed(sim).replicas.find((id) => id !== leaderOf(sim))!;
    sim.crash(follower);
    const disk = sim.disk(follower);
    disk.checkpointText = disk.checkpointText!.slice(0, -2); // cut short
    const refusedBefore = sim.managerLogs.get('high-watermark checkpoint refused: high watermarks will come from replication') ?? 0;
    sim.restart(follower);
    await runUntil(sim, 'the refusal logged', () => (sim.managerLogs.get('high-watermark checkpoint refused: high watermarks will come from replication') ?? 0) > refusedBefore);
    await acknowledgedMore(sim, 10);
    await healAndSettle(sim);
    expect(committed(sim).isr).toHaveLength(3);
    // Its next checkpoint replaced the damaged one.
    expect(disk.checkpointedHighWatermarks().size).toBe(1);
    expectNoViolations(sim);
  }, 120_000);
});
