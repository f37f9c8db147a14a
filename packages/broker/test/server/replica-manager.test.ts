import { decodeRecordBatch, iterateBatches, KafkaErrorCodes } from '@kz/records';
import { KAFKA_ERROR_CODES } from '@kz/metadata';
import { EARLIEST_OFFSET_SPEC, LATEST_OFFSET_SPEC } from '../../src/protocol/list-offsets';
import type { FetchRequest } from '../../src/protocol/fetch';
import { ReplicaCluster, settle, TOPIC, TOPIC_ID } from './replica-cluster';

function consumerFetch(fetchOffset: number, maxWaitMs = 0, currentLeaderEpoch = -1): FetchRequest {
  return {
    replicaId: -1,
    replicaEpoch: -1,
    maxWaitMs,
    minBytes: 1,
    maxBytes: 1 << 20,
    topics: [{ topicId: TOPIC_ID, partitions: [{ partition: 0, currentLeaderEpoch, fetchOffset, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20 }] }],
  };
}

function values(records: Uint8Array): string[] {
  const out: string[] = [];
  for (const { at } of iterateBatches(records)) for (const r of decodeRecordBatch(records, at).records) out.push(Buffer.from(r.value!).toString());
  return out;
}

function logValues(cluster: ReplicaCluster, id: number): string[] {
  const log = cluster.manager(id).partition(TOPIC_ID, 0)!.log;
  return log.logEndOffset === 0 ? [] : values(log.read(0, 1 << 24));
}

let cluster: ReplicaCluster;
afterEach(() => cluster.close());

describe('ReplicaManager: produce', () => {
  it('answers acks=all only once every ISR member has fetched and flushed the batch', async () => {
    cluster = new ReplicaCluster();
    let answered = false;
    const produced = cluster.produce(1, ['a', 'b']).then((r) => {
      answered = true;
      return r;
    });
    cluster.manager(1).flush(cluster.now);
    await settle();
    expect(answered).toBe(false);
    await cluster.pump(); // followers fetch the batch
    await settle();
    expect(answered).toBe(false); // the leader learns they have it only from their next fetch
    await cluster.pump();
    const response = await produced;
    expect(response.topics[0]!.partitions[0]).toMatchObject({ errorCode: 0, baseOffset: 0 });
    expect(cluster.manager(1).partition(TOPIC_ID, 0)!.highWatermark).toBe(2);
    expect(logValues(cluster, 2)).toEqual(['a', 'b']);
    expect(logValues(cluster, 3)).toEqual(['a', 'b']);
  });

  it('lets consumers read only below the high watermark', async () => {
    cluster = new ReplicaCluster();
    const first = cluster.produce(1, ['committed']);
    cluster.manager(1).flush(cluster.now);
    await cluster.pump(2);
    await first;
    void cluster.produce(1, ['not yet']);
    cluster.manager(1).flush(cluster.now);
    const fetched = await cluster.manager(1).fetch(consumerFetch(0), cluster.now);
    const p = fetched.topics[0]!.partitions[0]!;
    expect(p.highWatermark).toBe(1);
    expect(values(p.records)).toEqual(['committed']);
  });

  it('parks a consumer long poll until the high watermark passes its offset', async () => {
    cluster = new ReplicaCluster();
    let done = false;
    const poll = cluster
      .manager(1)
      .fetch(consumerFetch(0, 5000), cluster.now)
      .then((r) => {
        done = true;
        return r;
      });
    void cluster.produce(1, ['x']);
    cluster.manager(1).flush(cluster.now);
    await settle();
    expect(done).toBe(false);
    await cluster.pump(2);
    expect(values((await poll).topics[0]!.partitions[0]!.records)).toEqual(['x']);
  });

  it('answers acks=1 after the leader flush, and acks=0 at once with no offset', async () => {
    cluster = new ReplicaCluster();
    const one = cluster.produce(1, ['one'], 1);
    cluster.manager(1).flush(cluster.now);
    expect((await one).topics[0]!.partitions[0]).toMatchObject({ errorCode: 0, baseOffset: 0 });
    const zero = await cluster.produce(1, ['zero'], 0);
    expect(zero.topics[0]!.partitions[0]).toMatchObject({ errorCode: 0, baseOffset: -1 });
  });

  it('refuses acks=all with NOT_ENOUGH_REPLICAS while the ISR is below min.insync.replicas, writing nothing', async () => {
    cluster = new ReplicaCluster();
    cluster.change({ isr: [1] });
    const response = await cluster.produce(1, ['refused']);
    expect(response.topics[0]!.partitions[0]!.errorCode).toBe(KAFKA_ERROR_CODES.NOT_ENOUGH_REPLICAS);
    expect(cluster.manager(1).partition(TOPIC_ID, 0)!.log.logEndOffset).toBe(0);
    // acks=1 still works: min ISR guards only acks=all.
    const one = cluster.produce(1, ['ok'], 1);
    cluster.manager(1).flush(cluster.now);
    expect((await one).topics[0]!.partitions[0]!.errorCode).toBe(0);
  });

  it('answers REQUEST_TIMED_OUT when the ISR does not catch up in time, and keeps the records', async () => {
    cluster = new ReplicaCluster();
    cluster.stalled.add(2).add(3);
    const produced = cluster.produce(1, ['slow'], -1, 500);
    cluster.manager(1).flush(cluster.now);
    cluster.advance(501);
    const response = await produced;
    expect(response.topics[0]!.partitions[0]!.errorCode).toBe(KAFKA_ERROR_CODES.REQUEST_TIMED_OUT);
    expect(cluster.manager(1).partition(TOPIC_ID, 0)!.log.logEndOffset).toBe(1);
  });

  it('sends a producer at a follower to the leader with NOT_LEADER_OR_FOLLOWER and the current leader', async () => {
    cluster = new ReplicaCluster();
    const response = await cluster.produce(2, ['wrong broker']);
    expect(response.topics[0]!.partitions[0]).toMatchObject({ errorCode: KAFKA_ERROR_CODES.NOT_LEADER_OR_FOLLOWER, currentLeader: { leaderId: 1, leaderEpoch: 0 } });
  });

  it('refuses a corrupt batch with CORRUPT_MESSAGE, an oversized one with MESSAGE_TOO_LARGE, and bad acks with INVALID_REQUIRED_ACKS', async () => {
    cluster = new ReplicaCluster();
    const m = cluster.manager(1);
    const { encodeRecordBatch } = await import('@kz/records');
    const good = encodeRecordBatch({ records: [{ key: null, value: Buffer.from('v') }] });
    const corrupt = Uint8Array.from(good);
    corrupt[corrupt.length - 1] = corrupt[corrupt.length - 1]! ^ 0xff;
    const big = encodeRecordBatch({ records: [{ key: null, value: new Uint8Array(2 * 1024 * 1024) }] });
    const send = (records: Uint8Array, acks: -1 | 0 | 1 = 1) => m.produce({ acks, timeoutMs: 100, topics: [{ name: TOPIC, partitions: [{ partition: 0, records }] }] }, cluster.now);
    expect((await send(corrupt)).topics[0]!.partitions[0]!.errorCode).toBe(KafkaErrorCodes.CORRUPT_MESSAGE);
    expect((await send(big)).topics[0]!.partitions[0]!.errorCode).toBe(KAFKA_ERROR_CODES.MESSAGE_TOO_LARGE);
    expect((await send(good, 2 as -1)).topics[0]!.partitions[0]!.errorCode).toBe(KAFKA_ERROR_CODES.INVALID_REQUIRED_ACKS);
    const unknown = await m.produce({ acks: 1, timeoutMs: 100, topics: [{ name: 'nope', partitions: [{ partition: 0, records: good }] }] }, cluster.now);
    expect(unknown.topics[0]!.partitions[0]!.errorCode).toBe(KAFKA_ERROR_CODES.UNKNOWN_TOPIC_OR_PARTITION);
    expect(m.partition(TOPIC_ID, 0)!.log.logEndOffset).toBe(0);
  });
});

describe('ReplicaManager: ISR', () => {
  it('removes a stalled follower after replica.lag.time.max.ms and adds it back once it has caught up', async () => {
    cluster = new ReplicaCluster([1, 2, 3], { replicaLagTimeMaxMs: 10_000 });
    cluster.stalled.add(3);
    for (let i = 0; i < 4; i++) {
      void cluster.produce(1, [`r${i}`]);
      cluster.manager(1).flush(cluster.now);
      await cluster.pump(2);
      cluster.advance(4000);
      cluster.answerAlterPartitions();
    }
    expect(cluster.partition.isr).toEqual([1, 2]);
    // With 1 and 2 in the ISR, acks=all goes on without 3.
    const produced = cluster.produce(1, ['without 3']);
    cluster.manager(1).flush(cluster.now);
    await cluster.pump(2);
    expect((await produced).topics[0]!.partitions[0]!.errorCode).toBe(0);

    cluster.stalled.delete(3);
    await cluster.pump(2);
    expect(cluster.answerAlterPartitions().map((i) => i.newIsr)).toEqual([[1, 2, 3]]);
    expect(cluster.partition.isr).toEqual([1, 2, 3]);
    expect(logValues(cluster, 3)).toEqual(logValues(cluster, 1));
  });

  it('does not let the high watermark move while the ISR is below min.insync.replicas', async () => {
    cluster = new ReplicaCluster();
    cluster.change({ isr: [1] });
    const one = cluster.produce(1, ['alone'], 1);
    cluster.manager(1).flush(cluster.now);
    await one;
    expect(cluster.manager(1).partition(TOPIC_ID, 0)!.highWatermark).toBe(0);
  });

  it('follows a min.insync.replicas change within the leader epoch', async () => {
    cluster = new ReplicaCluster();
    cluster.change({ isr: [1, 2] });
    cluster.commit([{ type: 'config', resourceType: 'topic', resourceName: TOPIC, name: 'min.insync.replicas', value: '3' }]);
    void cluster.produce(1, ['below min ISR now'], 1);
    cluster.manager(1).flush(cluster.now);
    await cluster.pump(2);
    expect(cluster.manager(1).partition(TOPIC_ID, 0)!.highWatermark).toBe(0);
    cluster.commit([{ type: 'config', resourceType: 'topic', resourceName: TOPIC, name: 'min.insync.replicas', value: '2' }]);
    expect(cluster.manager(1).partition(TOPIC_ID, 0)!.highWatermark).toBe(1);
  });
});

describe('ReplicaManager: leadership changes', () => {
  it('truncates a deposed leader’s uncommitted tail to the new leader’s epoch boundary (KIP-279)', async () => {
    cluster = new ReplicaCluster();
    const committed = cluster.produce(1, ['c1', 'c2']);
    cluster.manager(1).flush(cluster.now);
    await cluster.pump(2);
    await committed;
    // Broker 1 takes two more batches that nobody replicates, then loses leadership.
    cluster.stalled.add(2).add(3);
    const lost = cluster.produce(1, ['lost1']);
    void cluster.produce(1, ['lost2']);
    cluster.manager(1).flush(cluster.now);
    cluster.change({ leader: 2, isr: [2, 3] });
    expect((await lost).topics[0]!.partitions[0]!.errorCode).toBe(KAFKA_ERROR_CODES.NOT_LEADER_OR_FOLLOWER);
    cluster.stalled.clear();
    const fresh = cluster.produce(2, ['n1']);
    cluster.manager(2).flush(cluster.now);
    await cluster.pump(3);
    expect((await fresh).topics[0]!.partitions[0]).toMatchObject({ errorCode: 0, baseOffset: 2 });
    expect(logValues(cluster, 1)).toEqual(['c1', 'c2', 'n1']);
    expect(logValues(cluster, 3)).toEqual(['c1', 'c2', 'n1']);
  });

  it('fences a consumer fetch carrying an older leader epoch (KIP-320)', async () => {
    cluster = new ReplicaCluster();
    cluster.change({ leader: 1 }); // leader epoch 1
    const fetched = await cluster.manager(1).fetch(consumerFetch(0, 0, 0), cluster.now);
    expect(fetched.topics[0]!.partitions[0]!.errorCode).toBe(KAFKA_ERROR_CODES.FENCED_LEADER_EPOCH);
  });

  it('refuses a follower fetch from an older incarnation with STALE_BROKER_EPOCH (KIP-903)', async () => {
    cluster = new ReplicaCluster();
    const request = cluster.manager(2).fetchRequestFor(1, cluster.now)!;
    cluster.commit([{ type: 'registerBroker', brokerId: 2, incarnationId: 'b2-again', brokerEpoch: 99, endpoints: [], rack: null, fenced: false, inControlledShutdown: false }]);
    const response = await cluster.manager(1).fetch({ ...request, maxWaitMs: 0 }, cluster.now);
    expect(response.errorCode).toBe(KAFKA_ERROR_CODES.STALE_BROKER_EPOCH);
  });
});

describe('ReplicaManager: ListOffsets', () => {
  it('answers earliest, latest (the high watermark) and by timestamp', async () => {
    cluster = new ReplicaCluster();
    const { encodeRecordBatch } = await import('@kz/records');
    const records = encodeRecordBatch({ records: [1000, 2000, 3000].map((timestamp) => ({ key: null, value: Buffer.from(String(timestamp)), timestamp })) });
    const produced = cluster.manager(1).produce({ acks: -1, timeoutMs: 1000, topics: [{ name: TOPIC, partitions: [{ partition: 0, records }] }] }, cluster.now);
    cluster.manager(1).flush(cluster.now);
    await cluster.pump(2);
    await produced;
    const ask = (timestamp: number) => cluster.manager(1).listOffsets({ topics: [{ name: TOPIC, partitions: [{ partition: 0, currentLeaderEpoch: -1, timestamp }] }] }).topics[0]!.partitions[0]!;
    expect(ask(EARLIEST_OFFSET_SPEC).offset).toBe(0);
    expect(ask(LATEST_OFFSET_SPEC).offset).toBe(3);
    expect(ask(1500)).toMatchObject({ offset: 1, timestamp: 2000 });
    expect(ask(9999).offset).toBe(-1);
  });
});

describe('ReplicaManager: topic log configs and retention', () => {
  it('applies the topic’s retention.bytes and segment.bytes and deletes old segments at the retention check', async () => {
    cluster = new ReplicaCluster([1, 2, 3], { retentionCheckIntervalMs: 60_000 });
    cluster.commit([
      { type: 'config', resourceType: 'topic', resourceName: TOPIC, name: 'segment.bytes', value: '1024' },
      { type: 'config', resourceType: 'topic', resourceName: TOPIC, name: 'retention.bytes', value: '2048' },
    ]);
    for (let i = 0; i < 12; i++) {
      const produced = cluster.produce(1, [`record-${i}-`.padEnd(300, '.')]);
      cluster.manager(1).flush(cluster.now);
      await cluster.pump(2);
      await produced;
    }
    const log = cluster.manager(1).partition(TOPIC_ID, 0)!.log;
    expect(log.logStartOffset).toBe(0);
    cluster.advance(60_000);
    expect(log.logStartOffset).toBeGreaterThan(0);
    expect(log.logEndOffset).toBe(12);
    // What is left is what retention.bytes allows, and consumers asking for the start are told where it is.
    const earliest = cluster.manager(1).listOffsets({ topics: [{ name: TOPIC, partitions: [{ partition: 0, currentLeaderEpoch: -1, timestamp: EARLIEST_OFFSET_SPEC }] }] });
    expect(earliest.topics[0]!.partitions[0]!.offset).toBe(log.logStartOffset);
    const gone = await cluster.manager(1).fetch(consumerFetch(0), cluster.now);
    expect(gone.topics[0]!.partitions[0]!.errorCode).toBe(KAFKA_ERROR_CODES.OFFSET_OUT_OF_RANGE);
  });
});

describe('ReplicaManager: AlterPartition answers', () => {
  it('does not let an answer to an earlier request settle the change in flight (found by the broker simulation)', async () => {
    cluster = new ReplicaCluster([1, 2, 3], { replicaLagTimeMaxMs: 10_000 });
    cluster.change({ isr: [1, 2] });
    // Broker 3 is caught up: the leader asks to add it (request A) ...
    await cluster.pump(1);
    const [expand] = cluster.manager(1).takeAlterPartitions();
    expect(expand?.newIsr).toEqual([1, 2, 3]);
    // ... the controller commits it, and the leader learns so from metadata before A's answer comes.
    cluster.change({ isr: [1, 2, 3] });
    // Broker 3 stalls, and the leader asks to remove it (request B).
    cluster.stalled.add(3);
    for (let i = 0; i < 3; i++) {
      void cluster.produce(1, [`r${i}`]);
      cluster.manager(1).flush(cluster.now);
      await cluster.pump(1);
      cluster.advance(6000);
    }
    const leader = cluster.manager(1).partition(TOPIC_ID, 0)!.leader!;
    expect(leader.isIsrChangeInFlight).toBe(true);
    const p = cluster.partition;
    // A's answer arrives now: it says what B started from, and must not end B.
    cluster.manager(1).onAlterPartitionResults([{ item: expand!, result: { error: null, state: { topicId: TOPIC_ID, partitionId: 0, leader: 1, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, isr: [1, 2, 3] } } }], cluster.now);
    expect(leader.isIsrChangeInFlight).toBe(true);
  });
});
