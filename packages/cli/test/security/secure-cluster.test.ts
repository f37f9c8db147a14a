/**
 * A secured three-node cluster of real `kz server` processes (LocalCluster's `secure`: mutual TLS
 * between nodes, each node with a certificate naming it, the Kafka listener on SSL with client
 * certificates, ACLs enforced, User:admin a super user): the quorum forms and replicates over TLS,
 * KzClient produces and consumes over SSL with the admin certificate, `kz` admin commands
 * authenticate with a certificate and are authorized with the same ACLs, and a node given another
 * node's certificate does not start.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertKzBuilt, createDevCertificates, KZ_MAIN_JS, LocalCluster } from '@kz/cli/testing';
import type { MetadataAdminClient } from '@kz/metadata';
import { waitUntilWhole } from '../failover/heal';
import { kz } from '../support/in-process-cluster';

jest.setTimeout(180_000);

const NODE_IDS = [1, 2, 3];
let cluster: LocalCluster;
let admin: MetadataAdminClient;

beforeAll(async () => {
  assertKzBuilt();
  cluster = await LocalCluster.create({ nodeIds: NODE_IDS, clusterId: 'secure-three', secure: true });
  await Promise.all(NODE_IDS.map((id) => cluster.start(id, 60_000)));
  admin = cluster.adminClient();
  await waitUntilWhole(cluster, admin, undefined);
}, 180_000);

afterAll(async () => {
  admin?.close();
  await cluster?.destroy();
});

test('a replication-factor-3 topic is written and read back over TLS, every replica in the ISR', async () => {
  const { topics } = await admin.createTopics({ topics: [{ name: 'ledger', numPartitions: 2, replicationFactor: 3 }] });
  expect(topics[0]!.error).toBeNull();
  await waitUntilWhole(cluster, admin, 'ledger');
  const client = cluster.brokerClient();
  try {
    const producer = client.producer({ acks: -1, lingerMs: 0 });
    const values = Array.from({ length: 30 }, (_, i) => `entry-${i}`);
    for (const value of values) await producer.send('ledger', { partition: 0, value: Buffer.from(value) });
    const consumer = client.consumer({ maxWaitMs: 50 });
    consumer.assign([{ topic: 'ledger', partition: 0, from: 0 }]);
    const read: string[] = [];
    for (let i = 0; i < 50 && read.length < values.length; i++) for (const r of await consumer.poll()) read.push(Buffer.from(r.value!).toString());
    expect(read).toEqual(values);
  } finally {
    await client.close();
  }
  await waitUntilWhole(cluster, admin, 'ledger');
});

test('kz admin commands: no certificate, no answer; a user certificate is authorized by the ACLs', async () => {
  const certs = path.join(cluster.root, 'certs');
  const carol = createDevCertificates(certs, { users: ['carol'] }).users.get('carol')!;
  const asCarol = ['--bootstrap-controller', cluster.bootstrapController, '--ssl-cert', carol.cert, '--ssl-key', carol.key, '--ssl-ca', path.join(certs, 'ca.crt'), '--timeout-ms', '5000'];

  expect(await kz(['topics', 'list', ...cluster.adminFlags()])).toMatchObject({ code: 0, stdout: expect.stringContaining('ledger') });
  const plain = await kz(['topics', 'list', '--bootstrap-controller', cluster.bootstrapController, '--timeout-ms', '3000']);
  expect(plain.code).toBe(1);
  const refused = await kz(['topics', 'list', ...asCarol]);
  expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('cluster authorization failed: User:carol may not DESCRIBE the cluster') });

  expect(await kz(['acls', 'add', '--principal', 'User:carol', '--operation', 'DESCRIBE', '--cluster', ...cluster.adminFlags()])).toMatchObject({ code: 0 });
  expect(await kz(['topics', 'list', ...asCarol])).toMatchObject({ code: 0, stdout: expect.stringContaining('ledger') });
  // DESCRIBE is not ALTER: carol still may not create.
  expect(await kz(['topics', 'create', 'carols', ...asCarol])).toMatchObject({ code: 1, stderr: expect.stringContaining('User:carol may not CREATE the cluster') });
});

test('a node given another node’s certificate refuses to start, naming both', async () => {
  await cluster.signal(3, 'SIGTERM');
  const certs = path.join(cluster.root, 'certs');
  const args = [
    KZ_MAIN_JS,
    'server',
    `--data-dir=${path.join(cluster.root, 'node-3')}`,
    `--voters=${[...cluster.addresses].map(([id, a]) => `${id}@${a.raft}`).join(',')}`,
    `--controller-admin=${cluster.bootstrapController}`,
    '--inter-node-tls',
    `--ssl-key=${path.join(certs, 'node-2.key')}`,
    `--ssl-cert=${path.join(certs, 'node-2.crt')}`,
    `--ssl-ca=${path.join(certs, 'ca.crt')}`,
  ];
  const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, args, { timeout: 30_000 }, (error, _stdout, stderr) => resolve({ code: error === null ? 0 : ((error as { code?: number }).code ?? null), stderr }));
    child.stdin?.end();
  });
  expect(outcome.code).toBe(1);
  expect(outcome.stderr).toContain('CN=kz-node-2');
  expect(outcome.stderr).toContain('CN=kz-node-3');
  expect(fs.existsSync(path.join(cluster.root, 'node-3'))).toBe(true);
});
