/**
 * A real `kz server` with its Kafka listener on SASL_SSL and the StandardAuthorizer on, spoken to by
 * kafkajs 2.2.4: users made with `kz users add` log in with SCRAM-SHA-512, SCRAM-SHA-256 and PLAIN,
 * produce and consume as their ACLs (made with `kz acls add`) allow; a wrong password or an unknown
 * user fails with SASL_AUTHENTICATION_FAILED; a principal without WRITE on a topic gets
 * TOPIC_AUTHORIZATION_FAILED and nothing of its batch is stored; Metadata hides the topics a
 * principal may not describe; a plaintext client on the TLS port is cut off. `kz produce` and
 * `kz consume` log in too, with --sasl-mechanism/--sasl-username/--sasl-password.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { assertKzBuilt, createDevCertificates, LocalCluster, type DevCertificates } from '@kz/cli/testing';
import { ApiKey, encodeRequest } from '@kz/kafka-protocol';
import { Kafka, logLevel, type KafkaConfig, type SASLOptions } from 'kafkajs';
import { waitUntilWhole } from '../failover/heal';
import { scrape, samplesOf } from '../metrics/scrape';
import { kz } from '../support/in-process-cluster';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
jest.setTimeout(120_000);

let cluster: LocalCluster;
let certs: DevCertificates;
let bootstrap: string;
let admin: string[];

const PASSWORDS = { admin: 'admin-secret', alice: 'alice-secret', bob: 'bob-secret' } as const;

beforeAll(async () => {
  assertKzBuilt();
  const root = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'kz-sasl-ssl-'));
  certs = createDevCertificates(path.join(root, 'certs'), { nodes: [1] });
  cluster = await LocalCluster.create({
    nodeIds: [1],
    clusterId: 'sasl-ssl',
    root: path.join(root, 'cluster'),
    flags: [
      '--offsets-topic-partitions=1',
      '--security-protocol=SASL_SSL',
      `--ssl-key=${certs.nodes.get(1)!.key}`,
      `--ssl-cert=${certs.nodes.get(1)!.cert}`,
      `--ssl-ca=${certs.ca}`,
      '--authorizer=standard',
      '--super-users=User:admin',
      '--connections-max-reauth-ms=600000',
    ],
  });
  await cluster.start(1, 30_000);
  const metadata = cluster.adminClient();
  await waitUntilWhole(cluster, metadata, undefined);
  metadata.close();
  bootstrap = cluster.bootstrapServers[0]!;
  admin = ['--bootstrap-controller', cluster.bootstrapController, '--timeout-ms', '20000'];
  for (const [user, password] of Object.entries(PASSWORDS)) {
    const run = await kz(['users', 'add', user, '--password', password, ...admin]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  }
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
});

function client(sasl: SASLOptions, extra: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: 'kz-security-test',
    brokers: [bootstrap],
    ssl: { ca: [fs.readFileSync(certs.ca)] },
    sasl,
    logLevel: logLevel.NOTHING,
    retry: { retries: 3, initialRetryTime: 100 },
    ...extra,
  });
}

const scram512 = (username: keyof typeof PASSWORDS, password: string = PASSWORDS[username]): SASLOptions => ({ mechanism: 'scram-sha-512', username, password });

test('kz users list shows the users and their mechanisms, never a secret', async () => {
  const run = await kz(['users', 'list', '--json', ...admin]);
  expect(run.code).toBe(0);
  const listed = JSON.parse(run.stdout) as { user: string; credentials: { mechanism: string; iterations: number }[] }[];
  expect(listed.map((u) => u.user)).toEqual(['admin', 'alice', 'bob']);
  for (const u of listed) expect(u.credentials.map((c) => c.mechanism)).toEqual(['SCRAM-SHA-256', 'SCRAM-SHA-512']);
  expect(run.stdout).not.toContain('secret');
});

test('over SASL_SSL with SCRAM-SHA-512: a user with ACLs produces and consumes through a group', async () => {
  const superUser = client(scram512('admin')).admin();
  await superUser.connect();
  await superUser.createTopics({ topics: [{ topic: 'orders', numPartitions: 2, replicationFactor: 1 }], waitForLeaders: true });
  await superUser.disconnect();
  for (const acl of [
    ['--operation', 'WRITE', '--operation', 'READ', '--topic', 'orders'],
    ['--operation', 'READ', '--group', 'order-readers'],
  ]) {
    expect(await kz(['acls', 'add', '--principal', 'User:alice', ...acl, ...admin])).toMatchObject({ code: 0 });
  }
  const listed = await kz(['acls', 'list', '--principal', 'User:alice', '--json', ...admin]);
  expect((JSON.parse(listed.stdout) as { operation: string }[]).map((a) => a.operation).sort()).toEqual(['READ', 'READ', 'WRITE']);

  const alice = client(scram512('alice'));
  const producer = alice.producer();
  await producer.connect();
  const sent = Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: `order-${i}` }));
  await producer.send({ topic: 'orders', messages: sent });
  await producer.disconnect();

  const consumer = alice.consumer({ groupId: 'order-readers' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders', fromBeginning: true });
  const received: string[] = [];
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ message }) => {
          received.push(message.value!.toString());
          if (received.length === sent.length) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  expect(received.sort()).toEqual(sent.map((m) => m.value).sort());
});

test('SCRAM-SHA-256 and PLAIN accept the same password', async () => {
  for (const sasl of [
    { mechanism: 'scram-sha-256', username: 'alice', password: PASSWORDS.alice },
    { mechanism: 'plain', username: 'alice', password: PASSWORDS.alice },
  ] as SASLOptions[]) {
    const a = client(sasl).admin();
    await a.connect();
    // alice may describe orders (implied by READ/WRITE) and nothing else.
    expect(await a.listTopics()).toEqual(['orders']);
    await a.disconnect();
  }
});

/** kz_failed_authentication_total of node 1's Kafka listener for a mechanism (0 before the first). */
async function failedLogins(mechanism: string): Promise<number> {
  const samples = await scrape(cluster.addresses.get(1)!.metrics, ['kz_failed_authentication_total']);
  return samplesOf(samples, 'kz_failed_authentication_total', { service: 'broker', mechanism }).reduce((sum, s) => sum + s.value, 0);
}

test('a wrong password or an unknown user fails with SASL_AUTHENTICATION_FAILED, counted in the metrics', async () => {
  const before = { scram: await failedLogins('SCRAM-SHA-512'), plain: await failedLogins('PLAIN') };
  for (const sasl of [scram512('alice', 'not-her-password'), { mechanism: 'scram-sha-512', username: 'mallory', password: 'x' }, { mechanism: 'plain', username: 'alice', password: 'wrong' }] as SASLOptions[]) {
    const a = client(sasl, { retry: { retries: 0 } }).admin();
    const failure = await a.connect().then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.name).toBe('KafkaJSSASLAuthenticationError');
    expect(failure?.message).toMatch(/SASL_AUTHENTICATION_FAILED/);
    await a.disconnect();
  }
  // Each refusal was logged once with the peer.
  const log = fs.readFileSync(cluster.logFile(1), 'utf8');
  expect(log).toMatch(/"reason":"wrong password for user alice".*"msg":"authentication failed; closing the connection after the answer"|"msg":"authentication failed; closing the connection after the answer".*"reason":"wrong password for user alice"/);
  expect(log).toContain('unknown user mallory');
  expect({ scram: await failedLogins('SCRAM-SHA-512'), plain: await failedLogins('PLAIN') }).toEqual({ scram: before.scram + 2, plain: before.plain + 1 });
});

test('a principal without WRITE on a topic gets TOPIC_AUTHORIZATION_FAILED and nothing is stored', async () => {
  expect(await kz(['acls', 'add', '--principal', 'User:bob', '--operation', 'DESCRIBE', '--topic', 'orders', ...admin])).toMatchObject({ code: 0 });
  const producer = client(scram512('bob'), { retry: { retries: 0 } }).producer();
  await producer.connect();
  const failure = await producer.send({ topic: 'orders', messages: [{ value: 'forged' }] }).then(
    () => null,
    (error: Error & { type?: string }) => error,
  );
  await producer.disconnect();
  expect(failure).toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
  // alice reads back everything: the forged record is not there.
  const superUser = client(scram512('admin')).admin();
  await superUser.connect();
  const offsets = await superUser.fetchTopicOffsets('orders');
  await superUser.disconnect();
  expect(offsets.reduce((n, p) => n + Number(p.high), 0)).toBe(20);
});

test('Metadata hides topics a principal may not describe; a DENY wins over an ALLOW', async () => {
  const superUser = client(scram512('admin')).admin();
  await superUser.connect();
  await superUser.createTopics({ topics: [{ topic: 'payroll', numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  expect((await superUser.listTopics()).sort()).toEqual(['__consumer_offsets', 'orders', 'payroll']);
  await superUser.disconnect();
  const bob = client(scram512('bob')).admin();
  await bob.connect();
  expect(await bob.listTopics()).toEqual(['orders']);
  await bob.disconnect();
  expect(await kz(['acls', 'add', '--principal', 'User:bob', '--operation', 'DESCRIBE', '--deny', '--topic', 'ord', '--prefixed', ...admin])).toMatchObject({ code: 0 });
  const again = client(scram512('bob')).admin();
  await again.connect();
  expect(await again.listTopics()).toEqual([]);
  await again.disconnect();
});

test('a plaintext client on the TLS port is cut off without an answer', async () => {
  const [host, port] = [bootstrap.slice(0, bootstrap.lastIndexOf(':')), Number(bootstrap.slice(bootstrap.lastIndexOf(':') + 1))];
  const socket = net.connect({ host, port });
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  socket.on('error', () => undefined);
  socket.write(encodeRequest(ApiKey.ApiVersions, 3, 1, 'plaintext', { clientSoftwareName: 'x', clientSoftwareVersion: '1' }));
  await new Promise<void>((resolve) => socket.on('close', () => resolve()));
  // Whatever came back is a TLS alert, not a Kafka frame answering correlation id 1.
  const bytes = Buffer.concat(received);
  expect(bytes.length < 8 || bytes.readInt32BE(4) !== 1).toBe(true);
});

// Last: the topic it makes would show in the topic lists the tests above compare.
test('kz produce and kz consume log in with --sasl-mechanism/--sasl-username/--sasl-password (or KZ_SASL_*); a wrong password is SASL_AUTHENTICATION_FAILED', async () => {
  const superUser = client(scram512('admin')).admin();
  await superUser.connect();
  await superUser.createTopics({ topics: [{ topic: 'cli-orders', numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  await superUser.disconnect();
  expect(await kz(['acls', 'add', '--principal', 'User:alice', '--operation', 'WRITE', '--operation', 'READ', '--topic', 'cli-orders', ...admin])).toMatchObject({ code: 0 });
  // SASL_SSL without a client certificate: the CA alone checks the broker.
  const broker = ['--bootstrap-server', bootstrap, '--ssl-ca', certs.ca, '--timeout-ms', '20000'];
  const produced = await kz(['produce', '--topic', 'cli-orders', ...broker, '--sasl-mechanism', 'SCRAM-SHA-512', '--sasl-username', 'alice', '--sasl-password', PASSWORDS.alice], { stdin: 'one\ntwo\nthree\n' });
  expect(produced).toMatchObject({ code: 0, stderr: 'produced 3 of 3 record(s) to cli-orders\n' });
  process.env.KZ_SASL_MECHANISM = 'SCRAM-SHA-256';
  process.env.KZ_SASL_USERNAME = 'alice';
  process.env.KZ_SASL_PASSWORD = PASSWORDS.alice;
  try {
    const consumed = await kz(['consume', '--topic', 'cli-orders', '--from', 'earliest', '--max-messages', '3', ...broker]);
    expect(consumed).toMatchObject({ code: 0, stdout: 'one\ntwo\nthree\n' });
  } finally {
    delete process.env.KZ_SASL_MECHANISM;
    delete process.env.KZ_SASL_USERNAME;
    delete process.env.KZ_SASL_PASSWORD;
  }
  const refused = await kz(['consume', '--topic', 'cli-orders', '--from', 'earliest', '--max-messages', '1', ...broker, '--sasl-mechanism', 'PLAIN', '--sasl-username', 'alice', '--sasl-password', 'guess']);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toContain('SASL_AUTHENTICATION_FAILED');
  expect(refused.stderr).not.toContain('guess');
});
