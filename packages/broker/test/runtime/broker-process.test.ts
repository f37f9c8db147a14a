/**
 * Three real kz nodes (controller + broker each) on loopback, killed with SIGKILL while a producer
 * runs with acks=all and min.insync.replicas 2. What is acknowledged must be read back, in order,
 * whatever happened to the leader's process and the tail of its segment file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MetadataAdminClient } from '@kz/metadata';
import { KzClient } from '../../src/client/kz-client';
import type { ConsumedRecord } from '../../src/client/kz-consumer';
import { KafkaBrokerConnection } from '../../src/client/kafka-broker-connection';
import { until as waitUntil } from '@kz/raft/testing';
import { assertBuilt, BrokerProcesses } from './support/broker-processes';

jest.setTimeout(120_000);

const NODE_IDS = [1, 2, 3];
const FLAGS = [
  '--log-level=info',
  // Fail over in seconds, not Kafka's 9 s session and 30 s lag.
  '--session-timeout-ms=3000',
  '--heartbeat-interval-ms=500',
  '--replica-lag-time-max-ms=4000',
  '--election-timeout-ms=500',
  '--fetch-timeout-ms=1000',
  '--offsets-topic-partitions=3',
];

let nodes: BrokerProcesses;
let admin: MetadataAdminClient;
let client: KzClient;

beforeAll(async () => {
  assertBuilt();
  nodes = await BrokerProcesses.create({ nodeIds: NODE_IDS, clusterId: 'broker-process-test', flags: FLAGS });
  await Promise.all(NODE_IDS.map((id) => nodes.start(id)));
  admin = new MetadataAdminClient({ controllers: [...nodes.adminAddresses].map(([id, address]) => ({ id, address })) });
  client = new KzClient({ bootstrap: [...nodes.brokerAddresses.values()], requestTimeoutMs: 10_000 });
  await until('three unfenced brokers', async () => ((await client.metadata()).brokers.length === 3 ? true : undefined));
});

/** Real processes fail over in seconds: every wait here gets half a minute. */
const until = <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => waitUntil(what, probe, timeoutMs, 200);

afterAll(async () => {
  await client?.close();
  admin?.close();
  await nodes?.destroy();
});

async function createTopic(name: string, partitions: number): Promise<void> {
  // A node restarted by an earlier test may still be registering: every topic here wants all three.
  await until('three unfenced brokers', async () => ((await client.metadata()).brokers.length === 3 ? true : undefined));
  const { topics } = await admin.createTopics({ topics: [{ name, numPartitions: partitions, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } }] });
  expect(topics[0]!.error).toBeNull();
  await until(`${name} to have leaders`, async () => {
    const md = await client.metadata([name]);
    return md.topics[0]!.partitions.length === partitions && md.topics[0]!.partitions.every((p) => p.leaderId >= 0 && p.isr.length === 3) ? true : undefined;
  });
}

async function leaderOf(topic: string, partition: number): Promise<number> {
  const md = await client.metadata([topic]);
  return md.topics[0]!.partitions[partition]!.leaderId;
}

/** Everything committed in `topic` now: each partition read from its start up to its high watermark. */
async function readAll(topic: string, partitions: number): Promise<ConsumedRecord[]> {
  const ends = await client.listOffsets(Array.from({ length: partitions }, (_, partition) => ({ topic, partition, timestamp: 'latest' as const })));
  const consumer = client.consumer({ maxWaitMs: 200 });
  consumer.assign(Array.from({ length: partitions }, (_, partition) => ({ topic, partition, from: 'earliest' as const })));
  const out: ConsumedRecord[] = [];
  const deadline = Date.now() + 30_000;
  const done = (): boolean => ends.every((end) => out.some((r) => r.partition === end.partition && r.offset === end.offset - 1) || end.offset === 0);
  while (!done() && Date.now() < deadline) out.push(...(await consumer.poll()));
  await consumer.close();
  return out;
}

describe('three kz nodes under SIGKILL', () => {
  it('loses no acknowledged record when the leader is killed and its segment tail is torn', async () => {
    const topic = 'events';
    await createTopic(topic, 3);
    const producer = client.producer({ acks: -1, lingerMs: 2 });
    const acked = new Map<string, string>(); // "partition:offset" → value
    const send = async (from: number, to: number): Promise<void> => {
      await Promise.all(
        Array.from({ length: to - from }, async (_, i) => {
          const value = `v${from + i}`;
          const ack = await producer.send(topic, { key: Buffer.from(`k${(from + i) % 7}`), value: Buffer.from(value) });
          acked.set(`${ack.partition}:${ack.offset}`, value);
        }),
      );
    };
    await send(0, 300);

    const victim = await leaderOf(topic, 0);
    await nodes.kill(victim);
    // Writes go on while the victim is dead: the producer finds the new leaders itself.
    await send(300, 600);

    // Tear the tail of the victim's active segment, as a crash in the middle of a write would.
    const dir = nodes.partitionDir(victim, topic, 0);
    const segment = fs.readdirSync(dir).filter((f) => f.endsWith('.log')).sort().at(-1)!;
    fs.appendFileSync(path.join(dir, segment), Buffer.from('torn batch: not a record batch at all'));

    await nodes.start(victim);
    await until('the victim back in every ISR', async () => {
      const md = await client.metadata([topic]);
      return md.topics[0]!.partitions.every((p) => p.isr.length === 3) ? true : undefined;
    });
    expect(nodes.tail(victim).some((line) => line.includes('recovered a partition log'))).toBe(true);
    await send(600, 700);
    await producer.close();

    const read = await readAll(topic, 3);
    const seen = new Map(read.map((r) => [`${r.partition}:${r.offset}`, Buffer.from(r.value!).toString()]));
    const missing = [...acked].filter(([at, value]) => seen.get(at) !== value);
    expect(missing).toEqual([]);
    for (let p = 0; p < 3; p++) {
      const offsets = read.filter((r) => r.partition === p).map((r) => r.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    }
  });

  it('keeps committed offsets through the coordinator’s failure', async () => {
    const topic = 'orders';
    await createTopic(topic, 2);
    const producer = client.producer({ acks: -1 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => producer.send(topic, { partition: i % 2, value: Buffer.from(`o${i}`) })));
    await producer.close();

    const consumer = client.consumer({ groupId: 'billing', maxWaitMs: 200 });
    consumer.assign([0, 1].map((partition) => ({ topic, partition, from: 'earliest' as const })));
    let read = 0;
    while (read < 20) read += (await consumer.poll()).length;
    await until('the commit', async () => {
      await consumer.commit();
      return true;
    });
    await consumer.close();

    const coordinator = await until('the coordinator', async () => {
      const connection = new KafkaBrokerConnection({ address: [...nodes.brokerAddresses.values()][0]! });
      try {
        const found = await connection.findCoordinator({ key: 'billing' });
        return found.errorCode === 0 ? found.nodeId : undefined;
      } finally {
        connection.close();
      }
    });
    await nodes.kill(coordinator);

    const again = client.consumer({ groupId: 'billing', maxWaitMs: 200 });
    again.assign([0, 1].map((partition) => ({ topic, partition, from: 'committed' as const })));
    const committed = await until('the committed offsets from the new coordinator', async () => {
      const offsets = await again.committed();
      return offsets.every((o) => o.offset >= 0) ? offsets : undefined;
    });
    expect(committed.map((c) => [c.partition, c.offset]).sort()).toEqual([
      [0, 10],
      [1, 10],
    ]);
    await again.close();
    await nodes.start(coordinator);
  });

  it('drops a paused follower from the ISR and takes it back after it resumes and catches up', async () => {
    const topic = 'paused';
    await createTopic(topic, 1);
    const md = await client.metadata([topic]);
    const leader = md.topics[0]!.partitions[0]!.leaderId;
    const follower = md.topics[0]!.partitions[0]!.replicas.find((id) => id !== leader && id !== 1) ?? md.topics[0]!.partitions[0]!.replicas.find((id) => id !== leader)!;
    const producer = client.producer({ acks: -1 });
    // With the full ISR, an acknowledged send proves all three replicas fetch — including a node an
    // earlier story restarted — so the one left running can carry min ISR alone.
    await producer.send(topic, { value: Buffer.from('before the pause') });
    nodes.pause(follower);
    try {
      // With min ISR 2 of 3, acks=all goes on without the paused follower once it is out of the ISR.
      for (let i = 0; i < 20; i++) await producer.send(topic, { value: Buffer.from(`while paused ${i}`) });
      await until('the paused follower out of the ISR', async () => {
        const p = (await client.metadata([topic])).topics[0]!.partitions[0]!;
        return p.isr.includes(follower) ? undefined : true;
      });
    } finally {
      nodes.resume(follower);
    }
    await until('the follower back in the ISR', async () => {
      const p = (await client.metadata([topic])).topics[0]!.partitions[0]!;
      return p.isr.length === 3 ? true : undefined;
    });
    await producer.close();
    const read = await readAll(topic, 1);
    // A retried send may be stored twice (no idempotent producer yet): each value's first copy counts.
    const firstCopies = [...new Set(read.map((r) => Buffer.from(r.value!).toString()))];
    expect(firstCopies).toEqual(['before the pause', ...Array.from({ length: 20 }, (_, i) => `while paused ${i}`)]);
  });
});
