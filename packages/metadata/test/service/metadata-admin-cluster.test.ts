/**
 * The admin API end to end: three MetadataNodes over real gRPC Raft on loopback, a
 * MetadataAdminServer on each, and MetadataAdminClient in front. Brokers register and are unfenced
 * by heartbeats, topics appear on every node, NOT_CONTROLLER is followed to the leader, the client
 * survives the loss of the active controller, a silent broker is fenced and loses its leaderships,
 * and Kafka's errors arrive as ApiErrors with their codes.
 */
import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { ApiError } from '../../src/errors/api-error';
import { adminRpcPath } from '../../src/service/admin-rpc';
import { MetadataAdminClient } from '../../src/service/metadata-admin-client';
import { AdminCluster, CLUSTER_ID, VOTERS } from './support/admin-cluster';
import { FakeBrokers } from './support/fake-brokers';
import { until } from '@kz/raft/testing';

const BROKERS = [101, 102, 103];
/** A test's own budget; each one's waits have tighter deadlines of their own. */
const TEST_TIMEOUT_MS = 20_000;

let cluster: AdminCluster;
let brokers: FakeBrokers | undefined;

beforeEach(async () => {
  cluster = await AdminCluster.start();
}, TEST_TIMEOUT_MS);

afterEach(async () => {
  await brokers?.stop();
  brokers = undefined;
  await cluster.close();
}, TEST_TIMEOUT_MS);

/** Registers `ids` and heartbeats them until the controller has unfenced every one; keeps them alive after. */
async function liveBrokers(client: MetadataAdminClient, ids: readonly number[]): Promise<FakeBrokers> {
  const fake = (brokers = new FakeBrokers(client, CLUSTER_ID));
  await fake.register(ids);
  await until('brokers unfenced', async () => ((await fake.heartbeat(ids)) ? true : undefined));
  fake.keepAlive(ids);
  return fake;
}

test('registered brokers are unfenced by heartbeats, and a topic of replication factor 3 is seen from every node', async () => {
  const admin = cluster.client();
  await liveBrokers(admin, BROKERS);

  const { topics } = await admin.createTopics({
    topics: [{ name: 'orders', numPartitions: 3, replicationFactor: 3, configs: { 'retention.ms': '3600000' } }],
  });
  expect(topics).toHaveLength(1);
  const created = topics[0]!;
  expect(created).toMatchObject({ name: 'orders', error: null, numPartitions: 3, replicationFactor: 3 });
  expect(created.topicId).toMatch(/^[A-Za-z0-9_-]{22}$/);

  const active = await cluster.activeController();
  expect(admin.controllerId).toBe(active.id);

  for (const nodeId of VOTERS) {
    // A follower's image trails the controller's until it has applied the topic's batch.
    const described = await until(`orders on node ${nodeId}`, async () => {
      const answer = await admin.describeTopics(['orders'], { nodeId });
      return answer.topics[0]?.error === null ? answer : undefined;
    });
    const topic = described.topics[0]!;
    expect(topic.topicId).toBe(created.topicId);
    expect(topic.partitions.map((p) => p.partitionId)).toEqual([0, 1, 2]);
    for (const p of topic.partitions) {
      expect([...p.replicas].sort((a, b) => a - b)).toEqual(BROKERS);
      expect([...p.isr].sort((a, b) => a - b)).toEqual(BROKERS);
      expect(p.replicas[0]).toBe(p.leader);
      expect(p).toMatchObject({ leaderEpoch: 0, partitionEpoch: 0, addingReplicas: [], removingReplicas: [] });
    }

    const clusterView = await admin.describeCluster({ nodeId });
    expect(clusterView).toMatchObject({ clusterId: CLUSTER_ID, controllerId: active.id, nodeId });
    expect(clusterView.metadataOffset).toBeGreaterThanOrEqual(0);
    expect(clusterView.brokers.map((b) => b.id)).toEqual(BROKERS);
    for (const b of clusterView.brokers) {
      expect(b).toMatchObject({ fenced: false, inControlledShutdown: false, rack: null, endpoints: [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 19_000 + b.id }] });
      expect(b.epoch).toBe(brokers!.epochOf(b.id));
    }
  }

  // Every node can say which brokers lead what; only the leader can describe the quorum.
  const all = await admin.describeTopics(null);
  expect(all.topics.map((t) => t.name)).toEqual(['orders']);
  const missing = await admin.describeTopics(['orders', 'nope']);
  expect(missing.topics[1]!.error).toBeInstanceOf(ApiError);
  expect(missing.topics[1]!.error).toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION', kafkaErrorCode: 3 });

  const { resources } = await admin.describeConfigs([{ type: 'topic', name: 'orders' }]);
  const retention = resources[0]!.configs.find((c) => c.name === 'retention.ms');
  expect(retention).toMatchObject({ value: '3600000', source: 'DYNAMIC_TOPIC_CONFIG' });
  expect(resources[0]!.configs.find((c) => c.name === 'cleanup.policy')).toMatchObject({ value: 'delete', source: 'DEFAULT_CONFIG' });

  const quorum = await admin.describeQuorum();
  expect(quorum.leaderId).toBe(active.id);
  expect(quorum.voters.map((v) => v.nodeId).sort((a, b) => a - b)).toEqual([...VOTERS]);
  expect(quorum.highWatermark).toBeGreaterThan(0);
}, TEST_TIMEOUT_MS);

test('a follower answers NOT_CONTROLLER naming the leader, and the client follows the hint', async () => {
  const active = await cluster.activeController();
  const follower = cluster.members.find((m) => m !== active)!;
  const register = {
    brokerId: 201,
    clusterId: CLUSTER_ID,
    incarnationId: 'incarnation-201',
    endpoints: [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 19_201 }],
    rack: 'r1',
  };

  // The follower refuses, naming the leader.
  const refusal = await follower.node.call('registerBroker', register);
  expect(refusal).toMatchObject({ ok: false, error: { code: 'NOT_CONTROLLER', kafkaErrorCode: 41, leaderId: active.id } });
  expect(refusal.ok ? null : refusal.error).toBeInstanceOf(ApiError);

  // A client given only the follower learns where the leader is from it (DescribeCluster, KIP-919)
  // and follows the hint there.
  const followerOnly = cluster.client({ controllers: [{ id: follower.id, address: follower.server.address }] });
  const described = await followerOnly.describeCluster({ nodeId: follower.id });
  expect(described.controllers.map((c) => c.id).sort()).toEqual([...VOTERS]);
  expect((await followerOnly.describeQuorum()).leaderId).toBe(active.id);
  expect(followerOnly.controllerId).toBe(active.id);

  // Listing the follower first: its NOT_CONTROLLER sends the client to the leader, which registers.
  const followerFirst = cluster.client({
    controllers: [follower, active, ...cluster.members.filter((m) => m !== active && m !== follower)].map((m) => ({ id: m.id, address: m.server.address })),
  });
  const { brokerEpoch } = await followerFirst.registerBroker(register);
  expect(brokerEpoch).toBeGreaterThan(0);
  expect(followerFirst.controllerId).toBe(active.id);
  // The same incarnation registering again gets its epoch back.
  expect(await followerFirst.registerBroker(register)).toEqual({ brokerEpoch });
}, TEST_TIMEOUT_MS);

test('stopping the active controller: the client finds the new one and a fresh CreateTopics succeeds', async () => {
  const admin = cluster.client();
  await liveBrokers(admin, BROKERS);
  const before = await admin.createTopics({ topics: [{ name: 'before', numPartitions: 2, replicationFactor: 3 }] });
  expect(before.topics[0]!.error).toBeNull();
  const old = admin.controllerId;
  expect(old).toBe((await cluster.activeController()).id);

  await cluster.stop(old);

  const after = await admin.createTopics({ topics: [{ name: 'after', numPartitions: 2, replicationFactor: 3 }] });
  expect(after.topics[0]).toMatchObject({ name: 'after', error: null, numPartitions: 2, replicationFactor: 3 });
  expect(admin.controllerId).not.toBe(old);
  expect(admin.controllerId).toBe((await cluster.activeController()).id);

  for (const survivor of cluster.members.filter((m) => m.running)) {
    await until(`both topics on node ${survivor.id}`, async () => {
      const { topics } = await admin.describeTopics(['before', 'after'], { nodeId: survivor.id });
      return topics.every((t) => t.error === null) ? true : undefined;
    });
  }
  const quorum = await admin.describeQuorum();
  expect(quorum.leaderId).toBe(admin.controllerId);
}, TEST_TIMEOUT_MS);

test('a broker that stops heartbeating is fenced, and its leaderships and ISR places move', async () => {
  const admin = cluster.client();
  const fake = await liveBrokers(admin, BROKERS);
  await admin.createTopics({ topics: [{ name: 'events', numPartitions: 6, replicationFactor: 3 }] });
  const { topics } = await admin.describeTopics(['events']);
  const victim = topics[0]!.partitions[0]!.leader;
  expect(BROKERS).toContain(victim);
  const led = topics[0]!.partitions.filter((p) => p.leader === victim);

  fake.silence(victim);

  await until(
    `broker ${victim} fenced`,
    async () => ((await admin.describeCluster()).brokers.find((b) => b.id === victim)?.fenced === true ? true : undefined),
  );
  const moved = await until('leaderships moved', async () => {
    const answer = (await admin.describeTopics(['events'])).topics[0]!;
    return answer.partitions.every((p) => p.leader !== victim && !p.isr.includes(victim)) ? answer : undefined;
  });
  for (const p of moved.partitions) {
    expect(p.leader).not.toBe(-1);
    expect(BROKERS.filter((b) => b !== victim)).toContain(p.leader);
    expect(p.replicas).toContain(victim);
  }
  // A new leader means a new leader epoch; the others stay live and unfenced.
  for (const before of led) expect(moved.partitions[before.partitionId]!.leaderEpoch).toBeGreaterThan(before.leaderEpoch);
  const view = await admin.describeCluster();
  expect(view.brokers.filter((b) => !b.fenced).map((b) => b.id)).toEqual(BROKERS.filter((b) => b !== victim));
}, TEST_TIMEOUT_MS);

test("Kafka's errors arrive as ApiErrors with their codes; a malformed request is refused at the transport", async () => {
  const admin = cluster.client();
  await liveBrokers(admin, [101, 102]);
  expect((await admin.createTopics({ topics: [{ name: 'dup', numPartitions: 1, replicationFactor: 2 }] })).topics[0]!.error).toBeNull();

  const { topics } = await admin.createTopics({
    topics: [
      { name: 'dup', numPartitions: 1, replicationFactor: 2 },
      { name: 'too-wide', numPartitions: 1, replicationFactor: 3 },
      { name: 'fine', numPartitions: 1, replicationFactor: 1 },
    ],
  });
  const [dup, tooWide, fine] = topics;
  expect(dup!.error).toBeInstanceOf(ApiError);
  expect(dup!.error).toMatchObject({ code: 'TOPIC_ALREADY_EXISTS', kafkaErrorCode: 36 });
  expect(tooWide!.error).toBeInstanceOf(ApiError);
  expect(tooWide!.error).toMatchObject({ code: 'INVALID_REPLICATION_FACTOR', kafkaErrorCode: 38 });
  expect(fine!.error).toBeNull();

  // A whole-request error is thrown as an ApiError.
  const stale = await admin.brokerHeartbeat({ brokerId: 101, brokerEpoch: 999_999, currentMetadataOffset: 0, wantFence: false, wantShutDown: false }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(stale).toBeInstanceOf(ApiError);
  expect(stale).toMatchObject({ code: 'STALE_BROKER_EPOCH', kafkaErrorCode: 77 });

  // A value the wire cannot carry never leaves the client.
  await expect(admin.unregisterBroker({ brokerId: 1.5 })).rejects.toMatchObject({ code: 'INVALID_REQUEST', kafkaErrorCode: 42 });

  // Bytes that are no CreateTopicsRequest: gRPC INVALID_ARGUMENT with the Kafka reason in a trailer.
  const raw = new Client(cluster.controllers[0]!.address, credentials.createInsecure());
  try {
    const failure = await new Promise<ServiceError | null>((resolve) =>
      raw.makeUnaryRequest(
        adminRpcPath('CreateTopics'),
        (bytes: Buffer) => bytes,
        (bytes: Buffer) => bytes,
        Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]),
        new Metadata(),
        { deadline: Date.now() + 3000 },
        (error: ServiceError | null) => resolve(error),
      ),
    );
    expect(failure?.code).toBe(status.INVALID_ARGUMENT);
    expect(failure?.metadata.get('kz-error-code')).toEqual(['INVALID_REQUEST']);
  } finally {
    raw.close();
  }
}, TEST_TIMEOUT_MS);
