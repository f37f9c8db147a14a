/**
 * DeleteRecords on the ReplicaManager (KIP-107): the leader moves its log start at once, followers
 * follow it from their fetch answers and report theirs back, and the answer waits for the low
 * watermark; what a consumer then reads, and the refusals (past the high watermark, not the leader,
 * an unknown topic, a compacted one, a leadership lost while waiting, a deadline).
 */
import { decodeRecordBatch, iterateBatches } from '@kz/records';
import { KAFKA_ERROR_CODES } from '@kz/metadata';
import { EARLIEST_OFFSET_SPEC } from '../../src/protocol/list-offsets';
import type { DeleteRecordsPartitionResponse } from '../../src/protocol/delete-records';
import type { FetchRequest } from '../../src/protocol/fetch';
import { ReplicaCluster, settle, TOPIC, TOPIC_ID } from './replica-cluster';

let cluster: ReplicaCluster;
afterEach(() => cluster.close());

/** The cluster with offsets 0..5 committed on every replica: batches [0..2] "a b c" and [3..5] "d e f". */
async function withSixRecords(): Promise<ReplicaCluster> {
  const c = new ReplicaCluster();
  const first = c.produce(1, ['a', 'b', 'c']);
  c.manager(1).flush(c.now);
  await c.pump(2);
  await first;
  const second = c.produce(1, ['d', 'e', 'f']);
  c.manager(1).flush(c.now);
  await c.pump(2);
  await second;
  return c;
}

/** DeleteRecords of partition 0 asked of broker `at`; `done` tells whether it has been answered. */
function deleteRecords(at: number, offset: number, timeoutMs = 30_000, topic = TOPIC): { answer: Promise<DeleteRecordsPartitionResponse>; done: () => boolean } {
  let answered = false;
  const answer = cluster
    .manager(at)
    .deleteRecords({ timeoutMs, topics: [{ name: topic, partitions: [{ partition: 0, offset }] }] }, cluster.now)
    .then((r) => {
      answered = true;
      return r.topics[0]!.partitions[0]!;
    });
  return { answer, done: () => answered };
}

function logOf(id: number) {
  return cluster.manager(id).partition(TOPIC_ID, 0)!.log;
}

function consumerFetch(fetchOffset: number): FetchRequest {
  return {
    replicaId: -1,
    replicaEpoch: -1,
    maxWaitMs: 0,
    minBytes: 1,
    maxBytes: 1 << 20,
    topics: [{ topicId: TOPIC_ID, partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20 }] }],
  };
}

function offsetsIn(records: Uint8Array): number[] {
  return [...iterateBatches(records)].flatMap(({ at }) => decodeRecordBatch(records, at).records.map((r) => r.offset));
}

describe('ReplicaManager: DeleteRecords', () => {
  it('moves the leader’s start at once and answers when every follower has reported the new start in a fetch', async () => {
    cluster = await withSixRecords();
    const request = deleteRecords(1, 4);
    await settle();
    expect(logOf(1).logStartOffset).toBe(4);
    expect(request.done()).toBe(false);
    // The followers learn the leader's start from this round's answers...
    await cluster.pump();
    expect([logOf(2).logStartOffset, logOf(3).logStartOffset]).toEqual([4, 4]);
    await settle();
    expect(request.done()).toBe(false);
    // ...and the leader learns theirs from the next round's fetches.
    await cluster.pump();
    expect(await request.answer).toEqual({ partition: 0, errorCode: 0, errorMessage: '', lowWatermark: 4 });
  });

  it('answers consumers below the new start with OFFSET_OUT_OF_RANGE, and earliest with the start', async () => {
    cluster = await withSixRecords();
    const request = deleteRecords(1, 4);
    await cluster.pump(2);
    await request.answer;
    const leader = cluster.manager(1);
    const below = (await leader.fetch(consumerFetch(2), cluster.now)).topics[0]!.partitions[0]!;
    expect(below).toMatchObject({ errorCode: KAFKA_ERROR_CODES.OFFSET_OUT_OF_RANGE, logStartOffset: 4 });
    // At the start: the batch holding it comes whole, as Kafka serves it; the consumer skips offset 3.
    const at = (await leader.fetch(consumerFetch(4), cluster.now)).topics[0]!.partitions[0]!;
    expect(at.errorCode).toBe(0);
    expect(offsetsIn(at.records)).toEqual([3, 4, 5]);
    const earliest = leader.listOffsets({ topics: [{ name: TOPIC, partitions: [{ partition: 0, currentLeaderEpoch: -1, timestamp: EARLIEST_OFFSET_SPEC }] }] });
    expect(earliest.topics[0]!.partitions[0]).toMatchObject({ errorCode: 0, offset: 4 });
  });

  it('takes -1 as the high watermark', async () => {
    cluster = await withSixRecords();
    const request = deleteRecords(1, -1);
    await cluster.pump(2);
    expect(await request.answer).toMatchObject({ errorCode: 0, lowWatermark: 6 });
    expect([1, 2, 3].map((id) => logOf(id).logStartOffset)).toEqual([6, 6, 6]);
  });

  it('refuses an offset past the high watermark (or negative) with OFFSET_OUT_OF_RANGE and deletes nothing', async () => {
    cluster = await withSixRecords();
    // Appended and flushed on the leader, not yet replicated: the log end is 7, the high watermark 6.
    void cluster.produce(1, ['g']);
    cluster.manager(1).flush(cluster.now);
    expect(logOf(1).logEndOffset).toBe(7);
    for (const offset of [7, -2]) {
      const refused = await deleteRecords(1, offset).answer;
      expect(refused).toMatchObject({ errorCode: KAFKA_ERROR_CODES.OFFSET_OUT_OF_RANGE, lowWatermark: -1 });
    }
    expect(logOf(1).logStartOffset).toBe(0);
  });

  it('answers at once for an offset already deleted', async () => {
    cluster = await withSixRecords();
    const first = deleteRecords(1, 4);
    await cluster.pump(2);
    await first.answer;
    expect(await deleteRecords(1, 2, 0).answer).toMatchObject({ errorCode: 0, lowWatermark: 4 });
  });

  it('refuses a follower with NOT_LEADER_OR_FOLLOWER, an unknown topic with UNKNOWN_TOPIC_OR_PARTITION, and a compacted topic with POLICY_VIOLATION', async () => {
    cluster = await withSixRecords();
    expect(await deleteRecords(2, 3).answer).toMatchObject({ errorCode: KAFKA_ERROR_CODES.NOT_LEADER_OR_FOLLOWER, lowWatermark: -1 });
    expect(await deleteRecords(1, 3, 1000, 'nope').answer).toMatchObject({ errorCode: KAFKA_ERROR_CODES.UNKNOWN_TOPIC_OR_PARTITION });
    cluster.commit([{ type: 'config', resourceType: 'topic', resourceName: TOPIC, name: 'cleanup.policy', value: 'compact' }]);
    expect(await deleteRecords(1, 3).answer).toMatchObject({ errorCode: KAFKA_ERROR_CODES.POLICY_VIOLATION });
    cluster.commit([{ type: 'config', resourceType: 'topic', resourceName: TOPIC, name: 'cleanup.policy', value: 'compact,delete' }]);
    const allowed = deleteRecords(1, 3);
    await cluster.pump(2);
    expect(await allowed.answer).toMatchObject({ errorCode: 0, lowWatermark: 3 });
    expect([1, 2, 3].map((id) => logOf(id).logStartOffset)).toEqual([3, 3, 3]);
  });

  it('answers REQUEST_TIMED_OUT with the low watermark when a live follower does not catch up in time; the deletion stands', async () => {
    cluster = await withSixRecords();
    cluster.stalled.add(3);
    const request = deleteRecords(1, 4, 500);
    await cluster.pump(2);
    await settle();
    expect(request.done()).toBe(false);
    cluster.advance(501);
    expect(await request.answer).toMatchObject({ errorCode: KAFKA_ERROR_CODES.REQUEST_TIMED_OUT, lowWatermark: 0 });
    expect([logOf(1).logStartOffset, logOf(2).logStartOffset, logOf(3).logStartOffset]).toEqual([4, 4, 0]);
    // The stalled follower follows once it fetches again.
    cluster.stalled.delete(3);
    await cluster.pump();
    expect(logOf(3).logStartOffset).toBe(4);
  });

  it('does not wait for a follower on a fenced broker', async () => {
    cluster = await withSixRecords();
    cluster.stalled.add(3);
    cluster.commit([{ type: 'brokerRegistrationChange', brokerId: 3, brokerEpoch: 2, fenced: true }]);
    const request = deleteRecords(1, 4);
    await cluster.pump(2);
    expect(await request.answer).toMatchObject({ errorCode: 0, lowWatermark: 4 });
    expect(logOf(3).logStartOffset).toBe(0);
  });

  it('waits for a follower that has not fetched since this leader took over', async () => {
    cluster = await withSixRecords();
    // Broker 2 leads at a new epoch: until a follower fetches from it, its start is unknown (-1).
    // (Its high watermark is what it had learnt as a follower, 3, until the followers fetch.)
    cluster.change({ leader: 2 });
    const request = deleteRecords(2, 2);
    await settle();
    expect(request.done()).toBe(false);
    await cluster.pump(2);
    expect(await request.answer).toMatchObject({ errorCode: 0, lowWatermark: 2 });
  });

  it('answers NOT_LEADER_OR_FOLLOWER when the leadership moves while it waits', async () => {
    cluster = await withSixRecords();
    cluster.stalled.add(2).add(3);
    const request = deleteRecords(1, 4);
    await settle();
    cluster.change({ leader: 2 });
    expect(await request.answer).toMatchObject({ errorCode: KAFKA_ERROR_CODES.NOT_LEADER_OR_FOLLOWER });
  });

  it('keeps every replica’s start across a restart', async () => {
    cluster = await withSixRecords();
    const request = deleteRecords(1, 4);
    await cluster.pump(2);
    await request.answer;
    for (const id of [1, 2, 3]) {
      cluster.kill(id);
      cluster.start(id);
    }
    expect([1, 2, 3].map((id) => logOf(id).logStartOffset)).toEqual([4, 4, 4]);
    expect([1, 2, 3].map((id) => logOf(id).logEndOffset)).toEqual([6, 6, 6]);
  });

  it('brings a follower that fell behind the new start back inside the leader’s first batch', async () => {
    cluster = new ReplicaCluster();
    // Follower 3 is out of the ISR and has nothing; the others commit six records.
    cluster.stalled.add(3);
    cluster.change({ isr: [1, 2] });
    const first = cluster.produce(1, ['a', 'b', 'c']);
    const second = cluster.produce(1, ['d', 'e', 'f']);
    cluster.manager(1).flush(cluster.now);
    await cluster.pump(2);
    await Promise.all([first, second]);
    const request = deleteRecords(1, 4, 0);
    cluster.advance(1);
    expect(await request.answer).toMatchObject({ errorCode: KAFKA_ERROR_CODES.REQUEST_TIMED_OUT });
    cluster.stalled.delete(3);
    // Its fetch at 0 is out of range: it restarts at the leader's start, 4, inside batch [3..5],
    // which it is sent whole; its log restarts at 3 and starts at 4.
    await cluster.pump(3);
    const log = logOf(3);
    expect([log.logStartOffset, log.logEndOffset]).toEqual([4, 6]);
    expect(offsetsIn(log.read(4, 1 << 20))).toEqual([3, 4, 5]);
  });
});
