/**
 * Kafka's own clients against real `kz server` processes (a three-node cluster): Debian's kcat
 * (librdkafka 2.0.2) lists the cluster, produces and consumes; kafkajs 2.2.4's admin creates,
 * describes and deletes topics and their configs, its producer (acks=-1, not idempotent) writes
 * what kcat reads back; and a leader killed with SIGKILL in the middle of a kafkajs produce loses
 * no record the producer was told was written.
 */
import { assertKzBuilt, LocalCluster } from '@kz/cli/testing';
import type { MetadataAdminClient } from '@kz/metadata';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { waitUntilWhole } from '../failover/heal';
import { assertKcatInstalled, kcat } from './kcat';

const NODE_IDS = [1, 2, 3];
// kafkajs 2 warns about its default partitioner on every producer; the tests know.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
jest.setTimeout(120_000);

let cluster: LocalCluster;
let admin: MetadataAdminClient;
let bootstrap: string;
let kafka: Kafka;

beforeAll(async () => {
  assertKcatInstalled();
  assertKzBuilt();
  cluster = await LocalCluster.create({ nodeIds: NODE_IDS, clusterId: 'kafka-clients' });
  await Promise.all(NODE_IDS.map((id) => cluster.start(id, 30_000)));
  admin = cluster.adminClient();
  await waitUntilWhole(cluster, admin, undefined);
  bootstrap = cluster.bootstrapServers.join(',');
  kafka = new Kafka({ clientId: 'kz-test', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 100 } });
}, 120_000);

afterAll(async () => {
  admin?.close();
  await cluster?.destroy();
});

async function createTopic(name: string, partitions: number, configs: Record<string, string> = {}): Promise<void> {
  const { topics } = await admin.createTopics({ topics: [{ name, numPartitions: partitions, replicationFactor: 3, configs }] });
  if (topics[0]?.error) throw topics[0].error;
  await waitUntilWhole(cluster, admin, name);
}

interface KcatMetadata {
  readonly brokers: { id: number; name: string }[];
  readonly topics: { topic: string; partitions: { partition: number; leader: number; replicas: { id: number }[]; isrs: { id: number }[] }[] }[];
}

test('kcat -L names every broker at its Kafka listener and every topic with its partitions', async () => {
  await createTopic('listed', 3);
  const { stdout } = await kcat(['-b', bootstrap, '-L', '-J']);
  const metadata = JSON.parse(stdout) as KcatMetadata;
  expect(metadata.brokers.map((b) => [b.id, b.name]).sort()).toEqual(NODE_IDS.map((id) => [id, cluster.addresses.get(id)!.broker]));
  const topic = metadata.topics.find((t) => t.topic === 'listed');
  expect(topic?.partitions.map((p) => p.partition).sort()).toEqual([0, 1, 2]);
  for (const p of topic!.partitions) {
    expect(NODE_IDS).toContain(p.leader);
    expect(p.replicas.map((r) => r.id).sort()).toEqual(NODE_IDS);
    expect(p.isrs.map((r) => r.id).sort()).toEqual(NODE_IDS);
  }
});

test('kcat -P then kcat -C: keys and values come back in order', async () => {
  await createTopic('kcat-roundtrip', 2);
  const lines = Array.from({ length: 50 }, (_, i) => `key-${i}:value-${i}`);
  await kcat(['-b', bootstrap, '-P', '-t', 'kcat-roundtrip', '-p', '1', '-K', ':'], `${lines.join('\n')}\n`);
  const { stdout } = await kcat(['-b', bootstrap, '-C', '-t', 'kcat-roundtrip', '-p', '1', '-o', 'beginning', '-e', '-f', '%o %k:%s\n']);
  expect(stdout.trim().split('\n')).toEqual(lines.map((line, i) => `${i} ${line}`));
});

describe('kafkajs admin', () => {
  let kadmin: Admin;
  beforeAll(async () => {
    kadmin = kafka.admin();
    await kadmin.connect();
  });
  afterAll(async () => kadmin?.disconnect());

  test('creates, describes and deletes topics', async () => {
    await expect(kadmin.createTopics({ topics: [{ topic: 'kjs-topic', numPartitions: 4, replicationFactor: 3 }], waitForLeaders: true })).resolves.toBe(true);
    // Creating it again is refused as Kafka refuses it.
    await expect(kadmin.createTopics({ topics: [{ topic: 'kjs-topic', numPartitions: 4, replicationFactor: 3 }] })).resolves.toBe(false);
    const { topics } = await kadmin.fetchTopicMetadata({ topics: ['kjs-topic'] });
    expect(topics[0]!.partitions).toHaveLength(4);
    for (const p of topics[0]!.partitions) expect([...p.replicas].sort()).toEqual(NODE_IDS);
    await kadmin.createPartitions({ topicPartitions: [{ topic: 'kjs-topic', count: 6 }] });
    expect((await kadmin.fetchTopicMetadata({ topics: ['kjs-topic'] })).topics[0]!.partitions).toHaveLength(6);
    expect(await kadmin.listTopics()).toContain('kjs-topic');
    const cluster = await kadmin.describeCluster();
    expect(cluster.brokers.map((b) => b.nodeId).sort()).toEqual(NODE_IDS);
    await kadmin.deleteTopics({ topics: ['kjs-topic'] });
    expect(await kadmin.listTopics()).not.toContain('kjs-topic');
  });

  test('describes and alters topic configs', async () => {
    await kadmin.createTopics({ topics: [{ topic: 'kjs-configs', numPartitions: 1, replicationFactor: 3, configEntries: [{ name: 'retention.ms', value: '3600000' }] }], waitForLeaders: true });
    const described = async (): Promise<Map<string, { value: string; source: number }>> => {
      const { resources } = await kadmin.describeConfigs({ resources: [{ type: 2, name: 'kjs-configs', configNames: ['retention.ms', 'cleanup.policy'] }], includeSynonyms: false });
      return new Map(resources[0]!.configEntries.map((c) => [c.configName, { value: c.configValue, source: (c as unknown as { configSource: number }).configSource }]));
    };
    const before = await described();
    // 1: a topic's own config; 5: Kafka's default.
    expect(before.get('retention.ms')).toEqual({ value: '3600000', source: 1 });
    expect(before.get('cleanup.policy')).toEqual({ value: 'delete', source: 5 });
    await kadmin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'kjs-configs', configEntries: [{ name: 'retention.ms', value: '7200000' }] }] });
    expect((await described()).get('retention.ms')).toEqual({ value: '7200000', source: 1 });
  });
});

test('a kafkajs producer (acks -1, not idempotent) writes what kcat reads back', async () => {
  await createTopic('kjs-produce', 3);
  const producer = kafka.producer({ idempotent: false, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const sent = Array.from({ length: 30 }, (_, i) => ({ key: `k${i % 3}`, value: `kafkajs-${i}`, partition: i % 3 }));
    const acks = await producer.send({ topic: 'kjs-produce', acks: -1, messages: sent });
    expect(acks.map((a) => a.errorCode)).toEqual([0, 0, 0]);
  } finally {
    await producer.disconnect();
  }
  const { stdout } = await kcat(['-b', bootstrap, '-C', '-t', 'kjs-produce', '-o', 'beginning', '-e', '-f', '%p %k %s\n']);
  const read = stdout.trim().split('\n').sort();
  expect(read).toEqual(Array.from({ length: 30 }, (_, i) => `${i % 3} k${i % 3} kafkajs-${i}`).sort());
});

test('a leader killed with SIGKILL in the middle of a kafkajs produce loses no acknowledged record', async () => {
  await createTopic('kjs-failover', 1, { 'min.insync.replicas': '2' });
  const producer = kafka.producer({ idempotent: false, allowAutoTopicCreation: false, retry: { retries: 20, initialRetryTime: 100 } });
  await producer.connect();
  const acknowledged: string[] = [];
  const leaderOf = async (): Promise<number> => (await admin.describeTopics(['kjs-failover'])).topics[0]!.partitions[0]!.leader;
  const leader = await leaderOf();
  try {
    for (let batch = 0; batch < 40; batch++) {
      if (batch === 15) await cluster.kill(leader);
      const values = Array.from({ length: 5 }, (_, i) => `b${batch}-${i}`);
      try {
        await producer.send({ topic: 'kjs-failover', acks: -1, timeout: 10_000, messages: values.map((value) => ({ value, partition: 0 })) });
        acknowledged.push(...values);
      } catch {
        // Not acknowledged: it may or may not be in the log, and either is allowed.
      }
    }
  } finally {
    await producer.disconnect();
  }
  expect(acknowledged.length).toBeGreaterThan(100);
  expect(await leaderOf()).not.toBe(leader);
  const survivors = NODE_IDS.filter((id) => id !== leader).map((id) => cluster.addresses.get(id)!.broker);
  const { stdout } = await kcat(['-b', survivors.join(','), '-C', '-t', 'kjs-failover', '-p', '0', '-o', 'beginning', '-e', '-f', '%s\n']);
  const inLog = new Set(stdout.trim().split('\n'));
  expect(acknowledged.filter((value) => !inLog.has(value))).toEqual([]);
});
