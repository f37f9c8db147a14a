/**
 * KzConsumer against fake brokers over real gRPC: it reads from each partition's leader from the
 * position asked (skipping the head of a batch that starts before it), follows a leader move with
 * nothing skipped or repeated, resets an out-of-range position to the earliest offset, and commits
 * and reads back group offsets through the coordinator, retrying NOT_COORDINATOR.
 */
import { KzClient } from '../../src/client/kz-client';
import type { ConsumedRecord, KzConsumer } from '../../src/client/kz-consumer';
import { KzClientError } from '../../src/client/kz-client-error';
import { FakeCluster } from './support/fake-cluster';

const text = (s: string): Uint8Array => Buffer.from(s);
const str = (b: Uint8Array | null): string => Buffer.from(b ?? new Uint8Array()).toString();

let cluster: FakeCluster;
let client: KzClient;

afterEach(async () => {
  await client?.close();
  await cluster?.stop();
});

async function start(nodeIds: number[]): Promise<void> {
  cluster = await FakeCluster.start(nodeIds);
  client = new KzClient({ bootstrap: cluster.bootstrap() });
}

async function produce(topic: string, partition: number, values: readonly string[]): Promise<void> {
  const producer = client.producer({ acks: -1, lingerMs: 1 });
  await Promise.all(values.map((v) => producer.send(topic, { value: text(v), partition })));
  await producer.close();
}

/** Polls until `count` records came back (a bounded number of rounds, not a time). */
async function pollFor(consumer: KzConsumer, count: number): Promise<ConsumedRecord[]> {
  const out: ConsumedRecord[] = [];
  for (let round = 0; round < 200 && out.length < count; round++) out.push(...(await consumer.poll()));
  return out;
}

const range = (from: number, to: number, prefix: string): string[] => Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);

test('reads a partition from the earliest offset, in order, with offsets, epochs and positions', async () => {
  await start([0]);
  cluster.createTopic('t', [0]);
  await produce('t', 0, range(0, 25, 'v'));
  const consumer = client.consumer({ maxWaitMs: 50 });
  consumer.assign([{ topic: 't', partition: 0, from: 'earliest' }]);
  const records = await pollFor(consumer, 25);
  expect(records.map((r) => str(r.value))).toEqual(range(0, 25, 'v'));
  expect(records.map((r) => r.offset)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  expect(records.every((r) => r.topic === 't' && r.partition === 0 && r.leaderEpoch === 0 && r.key === null)).toBe(true);
  expect(consumer.position('t', 0)).toBe(25);
});

test("'latest' starts at the end: only records produced afterwards come back", async () => {
  await start([0]);
  cluster.createTopic('t', [0]);
  await produce('t', 0, ['old']);
  const consumer = client.consumer({ maxWaitMs: 20 });
  consumer.assign([{ topic: 't', partition: 0, from: 'latest' }]);
  expect(await consumer.poll()).toEqual([]);
  expect(consumer.position('t', 0)).toBe(1);
  await produce('t', 0, ['new']);
  expect((await pollFor(consumer, 1)).map((r) => str(r.value))).toEqual(['new']);
});

test('an offset inside a batch: the records of the batch before it are skipped', async () => {
  await start([0]);
  cluster.createTopic('t', [0]);
  await produce('t', 0, range(0, 10, 'v'));
  expect(cluster.partition('t', 0).batches.length).toBe(1);
  const consumer = client.consumer({ maxWaitMs: 20 });
  consumer.assign([{ topic: 't', partition: 0, from: 6 }]);
  const records = await pollFor(consumer, 4);
  expect(records.map((r) => r.offset)).toEqual([6, 7, 8, 9]);
});

test('a position out of range is reset to the earliest offset', async () => {
  await start([0]);
  cluster.createTopic('t', [0]);
  await produce('t', 0, ['a', 'b']);
  const consumer = client.consumer({ maxWaitMs: 20 });
  consumer.assign([{ topic: 't', partition: 0, from: 1000 }]);
  const records = await pollFor(consumer, 2);
  expect(records.map((r) => str(r.value))).toEqual(['a', 'b']);
});

test('partitions led by different brokers are all read; a leader move loses and repeats nothing', async () => {
  await start([0, 1, 2]);
  cluster.createTopic('t', [0, 1, 2]);
  for (const p of [0, 1, 2]) await produce('t', p, range(0, 10, `p${p}-`));
  const consumer = client.consumer({ maxWaitMs: 20 });
  consumer.assign([0, 1, 2].map((partition) => ({ topic: 't', partition, from: 'earliest' as const })));
  const first = await pollFor(consumer, 30);
  for (const p of [0, 1, 2]) cluster.moveLeader('t', p, (p + 1) % 3);
  for (const p of [0, 1, 2]) await produce('t', p, range(10, 20, `p${p}-`));
  const second = await pollFor(consumer, 30);
  const all = [...first, ...second];
  for (const p of [0, 1, 2]) {
    expect(all.filter((r) => r.partition === p).map((r) => str(r.value))).toEqual(range(0, 20, `p${p}-`));
    expect(consumer.position('t', p)).toBe(20);
  }
  // The records written after the move carry the new leader's epoch.
  expect(second.every((r) => r.offset < 10 || r.leaderEpoch === 1)).toBe(true);
});

test('one fetch per leader broker covers all its partitions, as a consumer (replica -1) with the leader epoch', async () => {
  await start([0, 1]);
  cluster.createTopic('t', [0, 1, 0, 1]);
  cluster.moveLeader('t', 2, 0);
  const consumer = client.consumer({ maxWaitMs: 20 });
  consumer.assign([0, 1, 2, 3].map((partition) => ({ topic: 't', partition, from: 'earliest' as const })));
  await consumer.poll();
  expect(cluster.fetchRequests.map((f) => f.nodeId).sort()).toEqual([0, 1]);
  for (const { nodeId, request } of cluster.fetchRequests) {
    expect(request).toMatchObject({ replicaId: -1, maxWaitMs: 20 });
    expect(request.topics.map((t) => t.topicId)).toEqual([cluster.topics.get('t')!.topicId]);
    const partitions = request.topics[0]!.partitions;
    expect(partitions.map((p) => p.partition)).toEqual(nodeId === 0 ? [0, 2] : [1, 3]);
    expect(partitions.map((p) => p.currentLeaderEpoch)).toEqual(nodeId === 0 ? [0, 1] : [0, 0]);
  }
});

test('without a hint, a fenced or moved partition is found again through metadata', async () => {
  await start([0, 1]);
  cluster.hints = false;
  cluster.createTopic('t', [0]);
  await produce('t', 0, ['a']);
  const consumer = client.consumer({ maxWaitMs: 20, retryBackoffMs: 10 });
  consumer.assign([{ topic: 't', partition: 0, from: 'earliest' }]);
  expect((await pollFor(consumer, 1)).map((r) => str(r.value))).toEqual(['a']);
  cluster.moveLeader('t', 0, 1);
  await produce('t', 0, ['b']);
  expect((await pollFor(consumer, 1)).map((r) => str(r.value))).toEqual(['b']);
});

describe('group offsets', () => {
  test('commit stores positions at the coordinator; a new consumer starts from them', async () => {
    await start([0, 1]);
    cluster.coordinatorId = 1;
    cluster.createTopic('t', [0, 0]);
    await produce('t', 0, range(0, 5, 'a'));
    await produce('t', 1, range(0, 3, 'b'));
    const consumer = client.consumer({ groupId: 'g', maxWaitMs: 20 });
    consumer.assign([0, 1].map((partition) => ({ topic: 't', partition, from: 'earliest' as const })));
    await pollFor(consumer, 8);
    await consumer.commit();
    expect(cluster.offsets.get('g/t/0')).toEqual({ offset: 5, epoch: 0 });
    expect(cluster.offsets.get('g/t/1')).toEqual({ offset: 3, epoch: 0 });

    await produce('t', 0, ['a5', 'a6']);
    const next = client.consumer({ groupId: 'g', maxWaitMs: 20 });
    next.assign([0, 1].map((partition) => ({ topic: 't', partition, from: 'committed' as const })));
    const records = await pollFor(next, 2);
    expect(records.map((r) => `${r.partition}:${r.offset}`)).toEqual(['0:5', '0:6']);
    await expect(next.committed()).resolves.toEqual([
      { topic: 't', partition: 0, offset: 5, leaderEpoch: 0, metadata: '' },
      { topic: 't', partition: 1, offset: 3, leaderEpoch: 0, metadata: '' },
    ]);
  });

  test('NOT_COORDINATOR is retried (after finding the coordinator again)', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    await produce('t', 0, ['x']);
    cluster.notCoordinatorAnswers = 2;
    const consumer = client.consumer({ groupId: 'g', maxWaitMs: 20, retryBackoffMs: 5 });
    consumer.assign([{ topic: 't', partition: 0, from: 'earliest' }]);
    await pollFor(consumer, 1);
    await consumer.commit();
    expect(cluster.offsets.get('g/t/0')).toEqual({ offset: 1, epoch: 0 });
    expect(cluster.notCoordinatorAnswers).toBe(0);
  });

  test("'committed' with nothing committed starts from the earliest offset", async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    await produce('t', 0, ['x', 'y']);
    const consumer = client.consumer({ groupId: 'fresh', maxWaitMs: 20 });
    consumer.assign([{ topic: 't', partition: 0, from: 'committed' }]);
    expect((await pollFor(consumer, 2)).map((r) => str(r.value))).toEqual(['x', 'y']);
  });

  test('commit without a groupId is refused with INVALID_GROUP_ID', async () => {
    await start([0]);
    const consumer = client.consumer();
    await expect(consumer.commit()).rejects.toBeInstanceOf(KzClientError);
    await expect(consumer.commit()).rejects.toMatchObject({ code: 'INVALID_GROUP_ID', kafkaErrorCode: 24 });
  });
});

test('a corrupt batch is reported as CORRUPT_MESSAGE and not skipped', async () => {
  await start([0]);
  cluster.createTopic('t', [0]);
  await produce('t', 0, ['a', 'b']);
  const stored = cluster.partition('t', 0).batches[0]!.bytes;
  stored[stored.length - 1] = stored[stored.length - 1]! ^ 0xff;
  const consumer = client.consumer({ maxWaitMs: 20 });
  consumer.assign([{ topic: 't', partition: 0, from: 'earliest' }]);
  expect(await consumer.poll()).toEqual([]);
  await expect(consumer.poll()).rejects.toMatchObject({ code: 'CORRUPT_MESSAGE', kafkaErrorCode: 2 });
  expect(consumer.position('t', 0)).toBe(0);
});

test('client.metadata and client.listOffsets answer from the cluster', async () => {
  await start([0, 1]);
  cluster.createTopic('t', [1, 0]);
  await produce('t', 0, ['a', 'b', 'c']);
  const metadata = await client.metadata(['t']);
  expect(metadata.brokers.map((b) => b.nodeId).sort()).toEqual([0, 1]);
  expect(metadata.topics[0]).toMatchObject({ name: 't', topicId: cluster.topics.get('t')!.topicId, errorCode: 0 });
  expect(metadata.topics[0]!.partitions.map((p) => p.leaderId)).toEqual([1, 0]);
  const offsets = await client.listOffsets([
    { topic: 't', partition: 0, timestamp: 'earliest' },
    { topic: 't', partition: 0, timestamp: 'latest' },
    { topic: 't', partition: 1, timestamp: 'latest' },
  ]);
  expect(offsets.map((o) => o.offset)).toEqual([0, 3, 0]);
});

test("an idle leader's long poll does not hold back another leader's records; its fetch is taken by a later poll", async () => {
  await start([0, 1]);
  cluster.createTopic('t', [0, 1]);
  await produce('t', 0, ['a', 'b']);
  const consumer = client.consumer({ maxWaitMs: 60_000 });
  consumer.assign([0, 1].map((partition) => ({ topic: 't', partition, from: 'earliest' as const })));
  cluster.holdEmptyFetches = true;
  // Broker 1 has nothing for partition 1 and holds its fetch; broker 0 answers at once.
  const first = await pollFor(consumer, 2);
  expect(first.map((r) => str(r.value))).toEqual(['a', 'b']);
  expect(cluster.heldFetches.length).toBeGreaterThan(0);
  await produce('t', 1, ['c']);
  cluster.releaseHeldFetches();
  const later = await pollFor(consumer, 1);
  expect(later.map((r) => [r.partition, str(r.value)])).toEqual([[1, 'c']]);
  expect(consumer.position('t', 1)).toBe(1);
  await consumer.close();
});
