/**
 * Kafka's own clients against real `kz server` processes (a three-node cluster): Debian's kcat
 * (librdkafka 2.0.2) lists the cluster, produces and consumes; kafkajs 2.2.4's admin creates,
 * describes and deletes topics and their configs, its producer (acks=-1, not idempotent) writes
 * what kcat reads back; the admin APIs no client at hand sends (IncrementalAlterConfigs,
 * ElectLeaders, partition reassignments, DescribeLogDirs, DescribeCluster) and ListOffsets by
 * max timestamp, spoken to a broker at the versions it advertises; consumer groups — kafkajs
 * consumers splitting a topic and rebalancing as a third joins and one leaves, kcat's balanced consumer (-G),
 * kafkajs's admin listing and describing groups, and deleting records (DeleteRecords) that readers
 * from the beginning and a group committed below them then skip; and a leader killed with SIGKILL in the middle of
 * an idempotent kafkajs produce neither loses a record the producer was told was written nor
 * stores one twice.
 */
import { KzClient } from '@kz/broker';
import { assertKzBuilt, LocalCluster } from '@kz/cli/testing';
import { ApiKey } from '@kz/kafka-protocol';
import { until } from '@kz/raft/testing';
import type { MetadataAdminClient } from '@kz/metadata';
import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';
import { waitUntilWhole } from '../failover/heal';
import { assertKcatInstalled, kcat } from './kcat';
import { kafkaRequest } from './kafka-request';

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
    // The change is committed when AlterConfigs answers; the broker describing it applies it a moment later.
    const after = await until('the new retention.ms described', async () => {
      const entry = (await described()).get('retention.ms');
      return entry?.value === '7200000' ? entry : undefined;
    }, 10_000, 100);
    expect(after).toEqual({ value: '7200000', source: 1 });
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

describe('admin APIs spoken to one broker, which forwards what changes metadata to the controller', () => {
  const broker = (): string => cluster.addresses.get(1)!.broker;

  test('IncrementalAlterConfigs v1 sets and deletes; DescribeConfigs v4 shows it', async () => {
    await createTopic('raw-configs', 1);
    const alter = (op: number, value: string | null) =>
      kafkaRequest(broker(), ApiKey.IncrementalAlterConfigs, 1, { resources: [{ resourceType: 2, resourceName: 'raw-configs', configs: [{ name: 'retention.ms', configOperation: op, value }] }], validateOnly: false });
    const describe = async () =>
      (await kafkaRequest(broker(), ApiKey.DescribeConfigs, 4, { resources: [{ resourceType: 2, resourceName: 'raw-configs', configurationKeys: ['retention.ms'] }], includeSynonyms: false, includeDocumentation: false })).results[0]!.configs[0];
    // Committed when the answer comes; the broker that describes it applies it a moment later.
    const described = (value: string) => until(`retention.ms ${value} described`, async () => {
      const config = await describe();
      return config?.value === value ? config : undefined;
    }, 10_000, 100);
    expect((await alter(0, '5000')).responses[0]).toMatchObject({ errorCode: 0, resourceName: 'raw-configs' });
    expect(await described('5000')).toMatchObject({ name: 'retention.ms', value: '5000', configSource: 1 });
    expect((await alter(1, null)).responses[0]!.errorCode).toBe(0);
    expect(await described('604800000')).toMatchObject({ name: 'retention.ms', value: '604800000', configSource: 5 });
    // An unknown operation is refused for its resource, and nothing changes.
    expect((await alter(7, '1')).responses[0]!.errorCode).toBe(42);
  });

  test('DescribeCluster v1 and ElectLeaders v2', async () => {
    const described = await kafkaRequest(broker(), ApiKey.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 });
    expect(described.errorCode).toBe(0);
    expect(described.clusterId).toBe(cluster.clusterId);
    expect(described.brokers.map((b) => [b.brokerId, `${b.host}:${b.port}`]).sort()).toEqual(NODE_IDS.map((id) => [id, cluster.addresses.get(id)!.broker]));
    await createTopic('raw-elect', 2);
    const elected = await kafkaRequest(broker(), ApiKey.ElectLeaders, 2, { electionType: 0, topicPartitions: [{ topic: 'raw-elect', partitions: [0, 1] }], timeoutMs: 10_000 });
    expect(elected.errorCode).toBe(0);
    // Leaders are already the preferred replicas: Kafka's answer is ELECTION_NOT_NEEDED.
    expect(elected.replicaElectionResults).toEqual([{ topic: 'raw-elect', partitionResult: [0, 1].map((partitionId) => ({ partitionId, errorCode: 84, errorMessage: expect.any(String) })) }]);
  });

  test('AlterPartitionReassignments v0 moves a replica; ListPartitionReassignments v0 lists what is moving', async () => {
    const { topics } = await admin.createTopics({ topics: [{ name: 'raw-move', numPartitions: 1, replicationFactor: 2 }] });
    expect(topics[0]!.error).toBeNull();
    const before = await until('raw-move led with both replicas in sync', async () => {
      const p = (await admin.describeTopics(['raw-move'])).topics[0]!.partitions[0]!;
      return p.leader >= 0 && p.isr.length === 2 ? p.replicas : undefined;
    }, 30_000, 200);
    const target = [NODE_IDS.find((id) => !before.includes(id))!, before[0]!];
    const altered = await kafkaRequest(broker(), ApiKey.AlterPartitionReassignments, 0, { timeoutMs: 10_000, topics: [{ name: 'raw-move', partitions: [{ partitionIndex: 0, replicas: target }] }] });
    expect(altered.errorCode).toBe(0);
    expect(altered.responses).toEqual([{ name: 'raw-move', partitions: [{ partitionIndex: 0, errorCode: 0, errorMessage: null }] }]);
    await until('the reassignment done', async () => {
      const listed = await kafkaRequest(broker(), ApiKey.ListPartitionReassignments, 0, { timeoutMs: 10_000, topics: [{ name: 'raw-move', partitionIndexes: [0] }] });
      const replicas = (await admin.describeTopics(['raw-move'])).topics[0]!.partitions[0]!.replicas;
      return listed.topics.length === 0 && [...replicas].sort().join() === [...target].sort().join() ? true : undefined;
    }, 60_000, 200);
  });

  test('DescribeLogDirs v4 lists the replicas a broker holds and their sizes; ListOffsets v7 finds the max timestamp', async () => {
    await createTopic('raw-logdirs', 1);
    const client = new KzClient({ bootstrap: cluster.bootstrapServers });
    try {
      const producer = client.producer({ acks: -1, lingerMs: 0 });
      for (const [i, timestamp] of [1_000, 9_000, 5_000].entries()) await producer.send('raw-logdirs', { partition: 0, value: Buffer.from(`r${i}`), timestamp });
    } finally {
      await client.close();
    }
    const dirs = await kafkaRequest(broker(), ApiKey.DescribeLogDirs, 4, { topics: [{ topic: 'raw-logdirs', partitions: [0] }] });
    expect(dirs.errorCode).toBe(0);
    expect(dirs.results[0]!.logDir).toBe(cluster.partitionDir(1, 'raw-logdirs', 0).replace(/\/raw-logdirs-0$/, ''));
    expect(dirs.results[0]!.totalBytes).toBeGreaterThan(0);
    const partition = dirs.results[0]!.topics.find((t) => t.name === 'raw-logdirs')!.partitions[0]!;
    expect(partition.partitionIndex).toBe(0);
    expect(partition.partitionSize).toBeGreaterThan(0);
    const leader = (await admin.describeTopics(['raw-logdirs'])).topics[0]!.partitions[0]!.leader;
    const offsets = await kafkaRequest(cluster.addresses.get(leader)!.broker, ApiKey.ListOffsets, 7, {
      replicaId: -1,
      isolationLevel: 0,
      topics: [{ name: 'raw-logdirs', partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -3 }] }],
    });
    expect(offsets.topics[0]!.partitions[0]).toMatchObject({ errorCode: 0, offset: 1, timestamp: 9_000 });
  });
});

test('OffsetDelete v0 removes a group’s committed offsets; a group with none is GROUP_ID_NOT_FOUND', async () => {
  await createTopic('raw-offsets', 2);
  const client = new KzClient({ bootstrap: cluster.bootstrapServers });
  try {
    const consumer = client.consumer({ groupId: 'to-forget', maxWaitMs: 50 });
    consumer.assign([0, 1].map((partition) => ({ topic: 'raw-offsets', partition, from: 0 })));
    // The positions are resolved by the first poll; the commit then records them.
    await consumer.poll();
    await consumer.commit();
    const committed = async () => (await consumer.committed()).map((c) => c.offset);
    expect(await committed()).toEqual([0, 0]);
    const found = await kafkaRequest(cluster.bootstrapServers[0]!, ApiKey.FindCoordinator, 4, { keyType: 0, coordinatorKeys: ['to-forget', 'never-committed'] });
    const coordinator = (key: string): string => {
      const c = found.coordinators.find((x) => x.key === key)!;
      return `${c.host}:${c.port}`;
    };
    const deleted = await kafkaRequest(coordinator('to-forget'), ApiKey.OffsetDelete, 0, { groupId: 'to-forget', topics: [{ name: 'raw-offsets', partitions: [{ partitionIndex: 1 }] }] });
    expect(deleted).toEqual({ errorCode: 0, throttleTimeMs: 0, topics: [{ name: 'raw-offsets', partitions: [{ partitionIndex: 1, errorCode: 0 }] }] });
    expect(await committed()).toEqual([0, -1]);
    const unknown = await kafkaRequest(coordinator('never-committed'), ApiKey.OffsetDelete, 0, { groupId: 'never-committed', topics: [{ name: 'raw-offsets', partitions: [{ partitionIndex: 0 }] }] });
    expect(unknown.errorCode).toBe(69);
    await consumer.close();
  } finally {
    await client.close();
  }
});

describe('consumer groups', () => {
  /** Runs a kafkajs consumer in group `groupId`, collecting what it reads and its latest assignment. */
  async function groupMember(groupId: string, topic: string): Promise<{ consumer: Consumer; read: string[]; assigned: () => number[] }> {
    const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500, rebalanceTimeout: 20_000, retry: { retries: 10, initialRetryTime: 100 } });
    const read: string[] = [];
    let assigned: number[] = [];
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      assigned = [...(event.payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        read.push(message.value?.toString() ?? '');
      },
    });
    return { consumer, read, assigned: () => assigned };
  }

  async function produceValues(topic: string, values: readonly string[], partitions: number): Promise<void> {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages: values.map((value, i) => ({ value, partition: i % partitions })) });
    } finally {
      await producer.disconnect();
    }
  }

  test('kafkajs deleteTopicRecords moves the low watermark on every replica; readers from the beginning, and a group committed below it, start there', async () => {
    await createTopic('kjs-trim', 2);
    await produceValues('kjs-trim', Array.from({ length: 20 }, (_, i) => `m${i}`), 2);
    const kadmin = kafka.admin();
    await kadmin.connect();
    let member: Awaited<ReturnType<typeof groupMember>> | undefined;
    try {
      // The group's committed offset on partition 0 will be below the new log start.
      await kadmin.setOffsets({ groupId: 'kjs-trimmed', topic: 'kjs-trim', partitions: [{ partition: 0, offset: '2' }] });
      await kadmin.deleteTopicRecords({ topic: 'kjs-trim', partitions: [{ partition: 0, offset: '6' }, { partition: 1, offset: '-1' }] });
      const offsets = await kadmin.fetchTopicOffsets('kjs-trim');
      expect(offsets.map((o) => [o.partition, o.low, o.high]).sort()).toEqual([
        [0, '6', '10'],
        [1, '10', '10'],
      ]);
      // librdkafka from the beginning: the batch holding offset 6 comes whole, and it skips what lies below.
      const { stdout } = await kcat(['-b', bootstrap, '-C', '-t', 'kjs-trim', '-p', '0', '-o', 'beginning', '-e', '-f', '%o %s\n']);
      expect(stdout.trim().split('\n')).toEqual([6, 7, 8, 9].map((i) => `${i} m${2 * i}`));
      // Past the high watermark: OFFSET_OUT_OF_RANGE for that partition, nothing deleted.
      // (kafkajs's retrier wraps the partition errors, not retriable, as their cause.)
      await expect(kadmin.deleteTopicRecords({ topic: 'kjs-trim', partitions: [{ partition: 0, offset: '11' }] })).rejects.toMatchObject({
        cause: { name: 'KafkaJSDeleteTopicRecordsError', partitions: [{ partition: 0, error: expect.objectContaining({ type: 'OFFSET_OUT_OF_RANGE' }) }] },
      });
      expect((await kadmin.fetchTopicOffsets('kjs-trim')).find((o) => o.partition === 0)?.low).toBe('6');
      // A group whose commit (2) was deleted is out of range, and resets to the earliest offset (fromBeginning).
      member = await groupMember('kjs-trimmed', 'kjs-trim');
      const reader = member;
      await until('the group reads what is left', () => (reader.read.length >= 4 ? true : undefined), 60_000);
      expect(reader.read).toEqual([6, 7, 8, 9].map((i) => `m${2 * i}`));
    } finally {
      await member?.consumer.disconnect();
      await kadmin.disconnect();
    }
  });

  test('kafkajs consumers split the partitions, rebalance when a third joins and when one leaves, and resume from the commits', async () => {
    await createTopic('kjs-group', 4);
    const first = Array.from({ length: 40 }, (_, i) => `first-${i}`);
    await produceValues('kjs-group', first, 4);
    const a = await groupMember('kjs-members', 'kjs-group');
    const b = await groupMember('kjs-members', 'kjs-group');
    let c: Awaited<ReturnType<typeof groupMember>> | undefined;
    try {
      await until('both members hold two partitions and everything is read', () =>
        a.assigned().length === 2 && b.assigned().length === 2 && a.read.length + b.read.length >= 40 ? true : undefined, 60_000);
      expect([...a.assigned(), ...b.assigned()].sort()).toEqual([0, 1, 2, 3]);
      expect([...a.read, ...b.read].sort()).toEqual([...first].sort());

      c = await groupMember('kjs-members', 'kjs-group');
      const third = c;
      await until('the third member gets a share', () => {
        const shares = [a, b, third].map((m) => m.assigned());
        return shares.every((s) => s.length >= 1) && shares.flat().sort().join() === '0,1,2,3' ? true : undefined;
      }, 60_000);

      const kadmin = kafka.admin();
      await kadmin.connect();
      try {
        const { groups } = await kadmin.describeGroups(['kjs-members']);
        expect(groups[0]).toMatchObject({ groupId: 'kjs-members', state: 'Stable', protocolType: 'consumer' });
        expect(groups[0]!.members).toHaveLength(3);
        expect((await kadmin.listGroups()).groups).toContainEqual(expect.objectContaining({ groupId: 'kjs-members', protocolType: 'consumer' }));
      } finally {
        await kadmin.disconnect();
      }

      await a.consumer.disconnect(); // commits, then LeaveGroup
      await until('the two remaining members hold two partitions each', () =>
        b.assigned().length === 2 && third.assigned().length === 2 ? true : undefined, 60_000);
      const second = Array.from({ length: 20 }, (_, i) => `second-${i}`);
      await produceValues('kjs-group', second, 4);
      await until('the remaining members read the new records', () => (second.every((v) => b.read.includes(v) || third.read.includes(v)) ? true : undefined), 60_000);
      // Nothing lost; and what the leaver had read and committed was not read again.
      expect(new Set([...a.read, ...b.read, ...third.read])).toEqual(new Set([...first, ...second]));
      expect([...b.read, ...third.read].filter((v) => a.read.includes(v))).toEqual([]);
    } finally {
      await a.consumer.disconnect();
      await b.consumer.disconnect();
      await c?.consumer.disconnect();
    }
  });

  test('kcat -G (librdkafka’s balanced consumer) reads the topic as a group member and commits', async () => {
    await createTopic('kcat-group', 2);
    const values = Array.from({ length: 20 }, (_, i) => `g-${i}`);
    await produceValues('kcat-group', values, 2);
    const { stdout } = await kcat(['-b', bootstrap, '-G', 'kcat-members', '-o', 'beginning', '-e', '-f', '%s\n', 'kcat-group'], undefined, 60_000);
    expect(stdout.trim().split('\n').sort()).toEqual([...values].sort());
    const client = new KzClient({ bootstrap: cluster.bootstrapServers });
    try {
      const committed = await client.groupOffsets('kcat-members');
      expect(committed.filter((c) => c.topic === 'kcat-group').map((c) => c.offset).sort()).toEqual([10, 10]);
    } finally {
      await client.close();
    }
  });
});

test('a leader killed with SIGKILL in the middle of an idempotent kafkajs produce loses no acknowledged record and stores none twice', async () => {
  await createTopic('kjs-failover', 1, { 'min.insync.replicas': '2' });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, retry: { retries: 20, initialRetryTime: 100 } });
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
  const log = stdout.trim().split('\n');
  const inLog = new Set(log);
  expect(acknowledged.filter((value) => !inLog.has(value))).toEqual([]);
  // Retries across the failover were recognised by the new leader: no record is in the log twice.
  expect(log.filter((value, i) => log.indexOf(value) !== i)).toEqual([]);
});
