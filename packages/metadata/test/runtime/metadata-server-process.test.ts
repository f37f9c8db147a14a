/**
 * The process-level test: three `metadata-server-main` processes (the build in dist/) form a
 * controller quorum on loopback. A broker registers and a topic is created through their admin
 * services; the active controller is SIGKILLed, and the survivors elect a new one that takes the
 * next CreateTopics. SIGTERM then stops the survivors cleanly.
 *
 * Needs the build: run `pnpm exec tsc -b` first (the test says so if dist/ is missing or stale).
 */
import type { NodeId } from '@kz/raft';
import { MetadataAdminClient } from '../../src/service/metadata-admin-client';
import { FakeBrokers } from '../service/support/fake-brokers';
import { until } from '@kz/raft/testing';
import { assertBuilt, MetadataProcesses } from './support/metadata-processes';

const NODE_IDS: NodeId[] = [1, 2, 3];
const CLUSTER_ID = 'kz-metadata-process-test';
/** Short Raft timeouts keep the failover around a second. */
const FLAGS = ['--election-timeout-ms=300', '--fetch-timeout-ms=600', '--session-timeout-ms=3000', '--request-timeout-ms=5000', '--log-level=info'];

let processes: MetadataProcesses | undefined;
let client: MetadataAdminClient | undefined;
let brokers: FakeBrokers | undefined;

beforeAll(() => assertBuilt());

afterAll(async () => {
  await brokers?.stop();
  client?.close();
  await processes?.destroy();
});

test('three processes serve the admin API, and survive a SIGKILL of the active controller', async () => {
  const p = (processes = await MetadataProcesses.create({ nodeIds: NODE_IDS, clusterId: CLUSTER_ID, flags: FLAGS }));
  try {
    const ready = await Promise.all(NODE_IDS.map((id) => p.start(id)));
    // One line per node says where it listens.
    for (const [i, line] of ready.entries()) {
      const id = NODE_IDS[i]!;
      expect(line).toMatchObject({ nodeId: id, adminListen: p.adminAddresses.get(id), raftListen: p.raftAddresses.get(id), role: 'voter' });
    }

    const admin = (client = new MetadataAdminClient({
      controllers: NODE_IDS.map((id) => ({ id, address: p.adminAddresses.get(id)! })),
      timeoutMs: 15_000,
      attemptTimeoutMs: 3000,
    }));
    const fake = (brokers = new FakeBrokers(admin, CLUSTER_ID));
    await fake.register([100]);
    await until('broker 100 unfenced', async () => ((await fake.heartbeat([100])) ? true : undefined));
    fake.keepAlive([100]);

    const first = await admin.createTopics({ topics: [{ name: 'first', numPartitions: 2, replicationFactor: 1 }] });
    expect(first.topics[0]).toMatchObject({ name: 'first', error: null, numPartitions: 2, replicationFactor: 1 });
    const victim = admin.controllerId;
    expect(NODE_IDS).toContain(victim);
    expect((await admin.describeQuorum()).leaderId).toBe(victim);

    expect(await p.kill(victim)).toBe('SIGKILL');

    const second = await admin.createTopics({ topics: [{ name: 'second', numPartitions: 1, replicationFactor: 1 }] });
    expect(second.topics[0]).toMatchObject({ name: 'second', error: null });
    const successor = admin.controllerId;
    expect(successor).not.toBe(victim);
    expect(NODE_IDS).toContain(successor);

    const survivors = NODE_IDS.filter((id) => id !== victim);
    for (const nodeId of survivors) {
      await until(`both topics on node ${nodeId}`, async () => {
        const { topics } = await admin.describeTopics(['first', 'second'], { nodeId });
        return topics.every((t) => t.error === null) ? true : undefined;
      });
    }
    const view = await admin.describeCluster({ nodeId: successor });
    expect(view).toMatchObject({ clusterId: CLUSTER_ID, controllerId: successor });
    expect(view.brokers.map((b) => b.id)).toEqual([100]);

    await brokers.stop();
    // A graceful stop: exit code 0.
    for (const id of survivors) expect(await p.signal(id, 'SIGTERM')).toBe(0);
  } catch (error) {
    for (const id of NODE_IDS) process.stderr.write(`---- node ${id}, last lines ----\n${p.tail(id, 60).join('\n')}\n`);
    throw error;
  }
}, 60_000);
