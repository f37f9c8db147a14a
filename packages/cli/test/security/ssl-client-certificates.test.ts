/**
 * A real `kz server` whose Kafka listener is SSL with client certificates required
 * (--ssl-client-auth required) and ACLs enforced: kcat (librdkafka) with a certificate for alice,
 * from the cluster's CA, produces and consumes as User:alice; a certificate from another CA, or
 * none, does not get a connection; bob's valid certificate connects but bob may not write.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertKzBuilt, createDevCertificates, LocalCluster, type DevCertificates } from '@kz/cli/testing';
import type { MetadataAdminClient } from '@kz/metadata';
import { waitUntilWhole } from '../failover/heal';
import { assertKcatInstalled, kcat } from '../kafka-clients/kcat';
import { kz } from '../support/in-process-cluster';

jest.setTimeout(120_000);

let cluster: LocalCluster;
let certs: DevCertificates;
let foreign: DevCertificates;
let admin: MetadataAdminClient;
let bootstrap: string;

beforeAll(async () => {
  assertKcatInstalled();
  assertKzBuilt();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-ssl-'));
  certs = createDevCertificates(path.join(root, 'certs'), { nodes: [1], users: ['alice', 'bob'] });
  foreign = createDevCertificates(path.join(root, 'foreign'), { users: ['alice'] });
  cluster = await LocalCluster.create({
    nodeIds: [1],
    clusterId: 'ssl-certs',
    root: path.join(root, 'cluster'),
    flags: [
      '--offsets-topic-partitions=1',
      '--security-protocol=SSL',
      `--ssl-key=${certs.nodes.get(1)!.key}`,
      `--ssl-cert=${certs.nodes.get(1)!.cert}`,
      `--ssl-ca=${certs.ca}`,
      '--ssl-client-auth=required',
      '--authorizer=standard',
    ],
  });
  await cluster.start(1, 30_000);
  admin = cluster.adminClient();
  await waitUntilWhole(cluster, admin, undefined);
  bootstrap = cluster.bootstrapServers[0]!;
  const { topics } = await admin.createTopics({ topics: [{ name: 'secure', numPartitions: 1, replicationFactor: 1 }] });
  expect(topics[0]!.error).toBeNull();
  const { results } = await admin.createAcls({
    creations: (['WRITE', 'READ'] as const).map((operation) => ({ resourceType: 'TOPIC', resourceName: 'secure', patternType: 'LITERAL', principal: 'User:alice', host: '*', operation, permission: 'ALLOW' })),
  });
  expect(results.map((r) => r.error)).toEqual([null, null]);
}, 120_000);

afterAll(async () => {
  admin?.close();
  await cluster?.destroy();
});

function ssl(user: { key: string; cert: string } | null, ca = certs.ca): string[] {
  return [
    '-X',
    'security.protocol=SSL',
    '-X',
    `ssl.ca.location=${ca}`,
    ...(user === null ? [] : ['-X', `ssl.certificate.location=${user.cert}`, '-X', `ssl.key.location=${user.key}`]),
  ];
}

test('kcat over SSL with alice’s certificate produces and consumes as User:alice', async () => {
  const lines = Array.from({ length: 10 }, (_, i) => `k${i}:v${i}`);
  await kcat(['-b', bootstrap, ...ssl(certs.users.get('alice')!), '-P', '-t', 'secure', '-p', '0', '-K', ':'], `${lines.join('\n')}\n`);
  const { stdout } = await kcat(['-b', bootstrap, ...ssl(certs.users.get('alice')!), '-C', '-t', 'secure', '-p', '0', '-o', 'beginning', '-e', '-f', '%k:%s\n']);
  expect(stdout.trim().split('\n')).toEqual(lines);
});

test('no certificate, or one from another CA: no connection', async () => {
  for (const args of [ssl(null), ssl(foreign.users.get('alice')!)]) {
    await expect(kcat(['-b', bootstrap, ...args, '-L', '-m', '3'], undefined, 20_000)).rejects.toThrow(/failed/);
  }
  const log = fs.readFileSync(cluster.logFile(1), 'utf8');
  // Each refusal is logged with its reason: none given, or one that does not chain to the CA.
  expect(log).toMatch(/"reason":"no client certificate \(ssl.client.auth=required\)","msg":"client certificate refused; connection closed"/);
  expect(log).toMatch(/"reason":"UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT[A-Z_]*)","msg":"client certificate refused; connection closed"/);
});

test('bob’s valid certificate connects, but bob may not write: TOPIC_AUTHORIZATION_FAILED', async () => {
  const bob = certs.users.get('bob')!;
  await expect(kcat(['-b', bootstrap, ...ssl(bob), '-P', '-t', 'secure', '-p', '0'], 'forged\n', 20_000)).rejects.toThrow(/[Aa]uthoriz/);
  const { stdout } = await kcat(['-b', bootstrap, ...ssl(certs.users.get('alice')!), '-C', '-t', 'secure', '-p', '0', '-o', 'beginning', '-e', '-f', '%s\n']);
  expect(stdout).not.toContain('forged');
});

test('kz produce and kz consume over SSL with alice’s certificate', async () => {
  const alice = certs.users.get('alice')!;
  const tlsFlags = ['--bootstrap-server', bootstrap, '--ssl-cert', alice.cert, '--ssl-key', alice.key, '--ssl-ca', certs.ca];
  expect(await kz(['produce', '--topic', 'secure', ...tlsFlags], { stdin: 'from-kz-1\nfrom-kz-2\n' })).toMatchObject({ code: 0 });
  const consumed = await kz(['consume', '--topic', 'secure', '--from', 'earliest', '--max-messages', '12', ...tlsFlags]);
  expect(consumed.code).toBe(0);
  expect(consumed.stdout.trim().split('\n').slice(-2)).toEqual(['from-kz-1', 'from-kz-2']);
});
