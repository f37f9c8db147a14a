/**
 * KzConsumer as a member of its consumer group, against fake brokers whose coordinator runs the
 * shipped ClassicGroup: members split a topic's partitions between them and rebalance when one
 * joins, leaves or goes silent; every record is consumed, none twice while commits succeed; a
 * member rebalanced away cannot commit over its successor.
 */
import { KzClient } from '../../src/client/kz-client';
import type { ConsumedRecord, ConsumerOptions, KzConsumer } from '../../src/client/kz-consumer';
import { KzClientError } from '../../src/client/kz-client-error';
import { FakeCluster } from './support/fake-cluster';

const text = (s: string): Uint8Array => Buffer.from(s);
const str = (b: Uint8Array | null): string => Buffer.from(b ?? new Uint8Array()).toString();
const key = (r: { topic: string; partition: number }): string => `${r.topic}-${r.partition}`;

let cluster: FakeCluster;
let client: KzClient;

afterEach(async () => {
  await client?.close();
  await cluster?.stop();
});

async function start(partitions: number): Promise<void> {
  cluster = await FakeCluster.start([0, 1]);
  cluster.createTopic('orders', Array.from({ length: partitions }, (_, p) => p % 2));
  client = new KzClient({ bootstrap: cluster.bootstrap() });
}

async function produce(count: number, prefix: string, partitions: number): Promise<void> {
  const producer = client.producer({ acks: -1, lingerMs: 1 });
  await Promise.all(Array.from({ length: count }, (_, i) => producer.send('orders', { value: text(`${prefix}${i}`), partition: i % partitions })));
  await producer.close();
}

const FAST: ConsumerOptions = { groupId: 'billing', maxWaitMs: 20, sessionTimeoutMs: 1_000, heartbeatIntervalMs: 50, rebalanceTimeoutMs: 2_000 };

function member(options: Partial<ConsumerOptions> = {}): KzConsumer {
  const consumer = client.consumer({ ...FAST, ...options });
  consumer.subscribe(['orders']);
  return consumer;
}

/**
 * Polls every consumer in its own loop, as separate applications would (a rebalance completes only
 * when all rejoin, so one member must not wait for another's poll), committing after each poll,
 * until `done` holds or a bounded number of rounds pass.
 */
async function drive(consumers: readonly KzConsumer[], seen: Map<KzConsumer, ConsumedRecord[]>, done: () => boolean): Promise<void> {
  await Promise.all(
    consumers.map(async (c) => {
      if (!seen.has(c)) seen.set(c, []);
      for (let round = 0; round < 300 && !done(); round++) {
        seen.get(c)!.push(...(await c.poll()));
        await c.commit().catch((error: unknown) => {
          // A commit refused because the group moved on is expected mid-rebalance; anything else is not.
          if (!(error instanceof KzClientError && ['ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID', 'REBALANCE_IN_PROGRESS'].includes(error.code))) throw error;
        });
      }
    }),
  );
}

const partitionsOf = (c: KzConsumer): string[] => c.assignment().map(key).sort();
const values = (records: readonly ConsumedRecord[]): string[] => records.map((r) => str(r.value));

test('two members split the partitions; together they read every record once', async () => {
  await start(4);
  await produce(40, 'v', 4);
  const a = member();
  const b = member();
  const seen = new Map<KzConsumer, ConsumedRecord[]>();
  await drive([a, b], seen, () => [...seen.values()].flat().length >= 40 && a.assignment().length > 0 && b.assignment().length > 0);
  expect(partitionsOf(a)).toHaveLength(2);
  expect(partitionsOf(b)).toHaveLength(2);
  expect([...partitionsOf(a), ...partitionsOf(b)].sort()).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3']);
  const all = [...seen.values()].flat();
  expect(values(all).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `v${i}`).sort());
  // Each member read only its own partitions.
  for (const c of [a, b]) expect(new Set((seen.get(c) ?? []).map(key))).toEqual(new Set(partitionsOf(c)));
  const [described] = await client.describeGroups(['billing']);
  expect(described).toMatchObject({ state: 'Stable', protocol: 'range' });
  expect(described!.members).toHaveLength(2);
  await a.close();
  await b.close();
});

test('a member that leaves hands its partitions over; the other continues from the commits, losing and repeating nothing', async () => {
  await start(4);
  await produce(20, 'first', 4);
  const a = member();
  const b = member();
  const seen = new Map<KzConsumer, ConsumedRecord[]>();
  await drive([a, b], seen, () => [...seen.values()].flat().length >= 20);
  await a.close(); // commits what it read, then LeaveGroup
  await produce(20, 'second', 4);
  await drive([b], seen, () => (seen.get(b) ?? []).filter((r) => str(r.value).startsWith('second')).length >= 20);
  expect(partitionsOf(b)).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3']);
  const all = values([...seen.values()].flat());
  const expected = [...Array.from({ length: 20 }, (_, i) => `first${i}`), ...Array.from({ length: 20 }, (_, i) => `second${i}`)];
  expect(all.sort()).toEqual(expected.sort());
  await b.close();
});

test('a member joining later triggers a rebalance that gives it a share', async () => {
  await start(4);
  const a = member();
  const seen = new Map<KzConsumer, ConsumedRecord[]>();
  await drive([a], seen, () => a.assignment().length === 4);
  const b = member();
  await drive([a, b], seen, () => a.assignment().length === 2 && b.assignment().length === 2);
  expect([...partitionsOf(a), ...partitionsOf(b)].sort()).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3']);
  await a.close();
  await b.close();
});

test('a member whose session expires loses its partitions, cannot commit over its successor, and rejoins', async () => {
  await start(2);
  await produce(10, 'v', 2);
  // A member that never heartbeats within its session: removed by the coordinator after a second.
  const silent = member({ heartbeatIntervalMs: 60_000, sessionTimeoutMs: 300 });
  const seen = new Map<KzConsumer, ConsumedRecord[]>();
  await drive([silent], seen, () => (seen.get(silent) ?? []).length >= 10);
  const group = cluster.groups.groups.get('billing')!;
  const generation = group.generationId;
  for (let i = 0; i < 200 && group.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(group.size).toBe(0);
  await expect(silent.commit()).rejects.toMatchObject({ code: 'UNKNOWN_MEMBER_ID' });
  // The next poll rejoins, as a new member of a new generation, and gets the partitions back.
  await drive([silent], seen, () => silent.assignment().length === 2 && group.generationId > generation);
  expect(silent.assignment()).toHaveLength(2);
  expect(group.generationId).toBeGreaterThan(generation);
  await silent.close();
});

test('subscribe needs a group, assign and subscribe do not mix, and an unknown assignor is refused', async () => {
  await start(1);
  expect(() => client.consumer({}).subscribe(['orders'])).toThrow(expect.objectContaining({ code: 'INVALID_GROUP_ID' }));
  const subscribed = member();
  expect(() => subscribed.assign([{ topic: 'orders', partition: 0, from: 'earliest' }])).toThrow(expect.objectContaining({ code: 'ILLEGAL_STATE' }));
  expect(() => client.consumer({ groupId: 'g', assignors: ['sticky'] })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  await subscribed.close();
});

test('members offering different assignors only: the coordinator refuses the second with INCONSISTENT_GROUP_PROTOCOL', async () => {
  await start(2);
  const a = member({ assignors: ['range'] });
  const seen = new Map<KzConsumer, ConsumedRecord[]>();
  await drive([a], seen, () => a.assignment().length === 2);
  const b = member({ assignors: ['roundrobin'] });
  await expect(b.poll()).rejects.toMatchObject({ code: 'INCONSISTENT_GROUP_PROTOCOL' });
  await a.close();
});
