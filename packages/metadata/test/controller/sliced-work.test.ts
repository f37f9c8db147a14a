/**
 * Large operations pause between chunks (operation.ts), and heartbeats are answered ahead of them:
 * what keeps a cluster up when one request creates tens of thousands of partitions.
 */
import type { ControllerResult } from '../../src/controller/controller-requests';
import type { MetadataRecord } from '../../src/records/metadata-record';
import { ControllerHarness } from './controller-harness';

const SLICE = { recordsPerBatch: 100, recordsPerSlice: 200, sessionTimeoutMs: 9000 };

function manyTopics(count: number, partitions: number): { name: string; numPartitions: number; replicationFactor: number }[] {
  return Array.from({ length: count }, (_, i) => ({ name: `t${i}`, numPartitions: partitions, replicationFactor: 3 }));
}

/** Every batch holds whole topics: a Topic record is followed by all its partitions before the batch ends. */
function halfTopics(batches: readonly MetadataRecord[][]): string[] {
  const halves: string[] = [];
  for (const batch of batches) {
    const expected = new Map<string, number>();
    for (const r of batch) {
      if (r.type === 'topic') expected.set(r.topicId, 0);
      if (r.type === 'partition') {
        if (expected.get(r.topicId) !== r.partitionId) halves.push(`${r.topicId}-${r.partitionId}`);
        expected.set(r.topicId, r.partitionId + 1);
      }
    }
  }
  return halves;
}

describe('QuorumController: large operations in slices', () => {
  it('writes a CreateTopics of many topics over several slices of whole topics, and answers once all of it committed', () => {
    const h = new ControllerHarness(SLICE);
    h.activate();
    h.addBrokers([1, 2, 3]);
    const id = h.submit('createTopics', { topics: manyTopics(20, 49) });
    // The first slice stops after about recordsPerSlice records; the rest waits for the next ticks.
    expect(h.controller.busy).toBe(true);
    expect(h.controller.nextDeadline()).toBe(h.now);
    const firstSlice = h.pendingRecords().length;
    expect(firstSlice).toBeGreaterThanOrEqual(SLICE.recordsPerSlice);
    expect(firstSlice).toBeLessThan(20 * 50);
    const ticks = h.runPendingWork();
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(h.replies.has(id)).toBe(false);
    const batches = decodePending(h);
    expect(halfTopics(batches)).toEqual([]);
    expect(Math.max(...h.pendingBatchSizes())).toBeLessThanOrEqual(SLICE.recordsPerBatch);
    h.commitAll();
    const reply = h.replies.get(id);
    expect(reply?.result.ok).toBe(true);
    expect(h.loader.image.topicIdsByName.size).toBe(20);
    expect(h.loader.image.partitionCount).toBe(20 * 49);
  });

  it('answers a heartbeat as it arrives while a large request is half written, and the request after it waits its turn', () => {
    const h = new ControllerHarness(SLICE);
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    const create = h.submit('createTopics', { topics: manyTopics(20, 49) });
    const beat = h.submit('brokerHeartbeat', { brokerId: 2, brokerEpoch: epochs.get(2)!, currentMetadataOffset: h.loader.image.offset, wantFence: false, wantShutDown: false });
    const after = h.submit('createTopics', { topics: [{ name: 'late', numPartitions: 1, replicationFactor: 3 }] });
    // Nothing the heartbeat answers is uncommitted: it goes out now, ahead of the pending writes.
    expect(h.replies.get(beat)?.result).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: false, shouldShutDown: false } });
    expect(h.replies.has(create)).toBe(false);
    h.runPendingWork();
    h.commitAll();
    expect(h.replies.get(create)?.result.ok).toBe(true);
    expect(h.replies.get(after)?.result.ok).toBe(true);
    // In arrival order: the late topic was created after every topic of the large request.
    const ids = [...h.loader.image.topicIdsByName.keys()];
    expect(ids.indexOf('late')).toBe(ids.length - 1);
  });

  it('fences a broker a chunk of partitions at a time, the registration change last', () => {
    const h = new ControllerHarness(SLICE);
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: manyTopics(10, 50) });
    h.now += 5000;
    for (const id of [2, 3]) h.heartbeat(id, epochs.get(id)!);
    h.now += 5000;
    h.controller.tick(h.now);
    const slicesBefore = h.pendingRecords().length;
    expect(slicesBefore).toBeGreaterThan(0);
    h.runPendingWork();
    const records = h.pendingRecords();
    const last = records[records.length - 1];
    expect(last).toMatchObject({ type: 'brokerRegistrationChange', brokerId: 1, fenced: true });
    expect(records.filter((r) => r.type === 'partitionChange').length).toBeGreaterThan(SLICE.recordsPerSlice);
    h.commitAll();
    const image = h.loader.image;
    expect(image.brokers.get(1)?.fenced).toBe(true);
    for (const topic of image.topicsById.values()) for (const p of topic.partitions) expect(p.leader).not.toBe(1);
  });

  it('does not fence a broker whose heartbeat arrived after its fencing was queued but before it began', () => {
    const h = new ControllerHarness(SLICE);
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    // A large request holds the queue...
    h.submit('createTopics', { topics: manyTopics(20, 49) });
    h.now += 9000;
    // ...when every session expires: the fencings queue behind it.
    h.controller.tick(h.now);
    for (const id of [1, 2, 3]) h.submit('brokerHeartbeat', { brokerId: id, brokerEpoch: epochs.get(id)!, currentMetadataOffset: h.loader.image.offset, wantFence: false, wantShutDown: false });
    h.runPendingWork();
    h.commitAll();
    expect([...h.loader.image.brokers.values()].map((b) => b.fenced)).toEqual([false, false, false]);
    expect(h.events.filter((e) => e.kind === 'fenced')).toEqual([]);
  });

  it('gives every session back the time its own process stalled, and fences once a whole session passes after it', () => {
    const h = new ControllerHarness(SLICE);
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    for (const id of [1, 2, 3]) h.heartbeat(id, epochs.get(id)!);
    // The controller's process did not run for 20 s; its timer fires first on waking.
    h.now += 20_000;
    h.controller.noteStall(h.now, 20_000);
    h.tick(h.now);
    expect(h.events.filter((e) => e.kind === 'fenced')).toEqual([]);
    // Brokers 1 and 2 go on heartbeating; broker 3 never does again.
    h.now += 5000;
    for (const id of [1, 2]) h.heartbeat(id, epochs.get(id)!);
    h.tick(h.now + 4000);
    expect(h.events.filter((e) => e.kind === 'fenced').map((e) => (e.kind === 'fenced' ? e.brokerId : -1))).toEqual([3]);
  });

  it('answers a CreateTopics in time: topics not begun in the first half of its timeout come back REQUEST_TIMED_OUT, none half made', () => {
    const h = new ControllerHarness(SLICE);
    h.activate();
    h.addBrokers([1, 2, 3]);
    const id = h.submit('createTopics', { topics: manyTopics(20, 49), timeoutMs: 1000 });
    const firstSlice = h.pendingRecords().filter((r) => r.type === 'topic').length;
    expect(firstSlice).toBeGreaterThan(0);
    // The controller's loop was slow: by the next slice, more than half the request's time is gone.
    h.now += 600;
    h.runPendingWork();
    h.commitAll();
    const reply = h.replies.get(id)!.result as ControllerResult<'createTopics'>;
    if (!reply.ok) throw new Error(`unexpected ${reply.error.code}`);
    const created = reply.value.topics.filter((t) => t.error === null);
    const timedOut = reply.value.topics.filter((t) => t.error?.code === 'REQUEST_TIMED_OUT');
    expect(created).toHaveLength(firstSlice);
    expect(timedOut).toHaveLength(20 - firstSlice);
    expect(timedOut[0]?.error?.message).toBe(`topic ${timedOut[0]?.name} not created: the request's 1000 ms ran out while earlier topics were written`);
    // Every created topic whole, every refused one absent.
    for (const t of created) expect(h.loader.image.topic(t.name)?.partitions).toHaveLength(49);
    for (const t of timedOut) expect(h.loader.image.topic(t.name)).toBeUndefined();
  });
});

function decodePending(h: ControllerHarness): MetadataRecord[][] {
  const sizes = h.pendingBatchSizes();
  const records = h.pendingRecords();
  const batches: MetadataRecord[][] = [];
  let at = 0;
  for (const size of sizes) {
    batches.push(records.slice(at, at + size));
    at += size;
  }
  return batches;
}
