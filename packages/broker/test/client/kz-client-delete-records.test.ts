/**
 * KzClient.deleteRecords against fake brokers behind real Kafka listeners: each partition is asked
 * of its leader (one request per leader), a leader move is followed, the answer is each partition's
 * low watermark, the records below it are gone for a consumer, and an offset past the end is the
 * partition's OFFSET_OUT_OF_RANGE.
 */
import { KzClient } from '../../src/client/kz-client';
import { KzClientError } from '../../src/client/kz-client-error';
import { FakeCluster } from './support/fake-cluster';

let cluster: FakeCluster;
let client: KzClient;

afterEach(async () => {
  await client?.close();
  await cluster?.stop();
});

async function start(nodeIds: number[]): Promise<void> {
  cluster = await FakeCluster.start(nodeIds);
  client = new KzClient({ bootstrap: cluster.bootstrap(), requestTimeoutMs: 5000 });
}

async function produce(topic: string, partition: number, count: number): Promise<void> {
  const producer = client.producer({ acks: -1, lingerMs: 1 });
  await Promise.all(Array.from({ length: count }, (_, i) => producer.send(topic, { value: Buffer.from(`v${i}`), partition })));
  await producer.close();
}

test('asks each partition of its leader and answers each low watermark, in the order asked', async () => {
  await start([1, 2]);
  cluster.createTopic('t', [1, 2, 1]);
  for (const p of [0, 1, 2]) await produce('t', p, 5);
  const deleted = await client.deleteRecords([
    { topic: 't', partition: 2, offset: 3 },
    { topic: 't', partition: 1, offset: 'high-watermark' },
    { topic: 't', partition: 0, offset: 1 },
  ]);
  expect(deleted).toEqual([
    { topic: 't', partition: 2, lowWatermark: 3 },
    { topic: 't', partition: 1, lowWatermark: 5 },
    { topic: 't', partition: 0, lowWatermark: 1 },
  ]);
  const asked = cluster.deleteRecordsRequests.map(({ nodeId, request }) => ({ nodeId, partitions: request.topics.flatMap((t) => t.partitions) }));
  expect(asked).toEqual([
    { nodeId: 1, partitions: [{ partition: 2, offset: 3 }, { partition: 0, offset: 1 }] },
    { nodeId: 2, partitions: [{ partition: 1, offset: -1 }] },
  ]);
  const earliest = await client.listOffsets([0, 1, 2].map((partition) => ({ topic: 't', partition, timestamp: 'earliest' as const })));
  expect(earliest.map((o) => o.offset)).toEqual([1, 5, 3]);
});

test('follows a leader move', async () => {
  await start([1, 2]);
  cluster.createTopic('t', [1]);
  await produce('t', 0, 4);
  await client.metadata(['t']);
  cluster.moveLeader('t', 0, 2);
  expect(await client.deleteRecords([{ topic: 't', partition: 0, offset: 2 }])).toEqual([{ topic: 't', partition: 0, lowWatermark: 2 }]);
  expect(cluster.deleteRecordsRequests.map((r) => r.nodeId)).toEqual([1, 2]);
});

test('an offset past the end is OFFSET_OUT_OF_RANGE for that partition; a bad offset is refused before anything is sent', async () => {
  await start([1]);
  cluster.createTopic('t', [1]);
  await produce('t', 0, 2);
  const error = await client.deleteRecords([{ topic: 't', partition: 0, offset: 9 }]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(KzClientError);
  expect(error).toMatchObject({ code: 'OFFSET_OUT_OF_RANGE', topic: 't', partition: 0 });
  await expect(client.deleteRecords([{ topic: 't', partition: 0, offset: -5 }])).rejects.toThrow(RangeError);
  expect(cluster.deleteRecordsRequests).toHaveLength(1);
});
