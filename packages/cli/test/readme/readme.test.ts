/**
 * README "Use your Kafka client": its kcat script and kafkajs program are these files, shown
 * verbatim, and they run as written against a real `kz server`.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KzClient } from '@kz/broker';
import { assertKzBuilt, LocalCluster } from '@kz/cli/testing';
import { waitUntilWhole } from '../failover/heal';
import { assertKcatInstalled } from '../kafka-clients/kcat';
import { main } from './kafkajs-quickstart';

// kafkajs 2 warns about its default partitioner on every producer; the tests know.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
jest.setTimeout(90_000);

const ROOT = join(__dirname, '../../../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
let cluster: LocalCluster;

beforeAll(async () => {
  assertKcatInstalled();
  assertKzBuilt();
  cluster = await LocalCluster.create({ nodeIds: [1], clusterId: 'readme-kafka' });
  await cluster.start(1, 30_000);
  const admin = cluster.adminClient();
  try {
    await waitUntilWhole(cluster, admin, undefined);
  } finally {
    admin.close();
  }
}, 90_000);

afterAll(async () => cluster?.destroy());

test('the README shows the kcat script and the kafkajs program verbatim', () => {
  const script = readFileSync(join(__dirname, 'kcat-quickstart.sh'), 'utf8');
  const program = readFileSync(join(__dirname, 'kafkajs-quickstart.ts'), 'utf8');
  // The script's first two lines make it a script; the README shows what follows them.
  expect(readme).toContain('```sh\n' + script.split('\n').slice(2).join('\n') + '```');
  expect(readme).toContain('```ts\n' + program + '```');
});

test('the kcat script runs as written: the records come back', async () => {
  const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
    execFile(
      join(__dirname, 'kcat-quickstart.sh'),
      { cwd: ROOT, timeout: 60_000, env: { ...process.env, BROKER: cluster.bootstrapServers[0]!, KZ_BOOTSTRAP_CONTROLLER: cluster.bootstrapController } },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve({ stdout: out })),
    ),
  );
  expect(stdout).toContain('topic "greetings" with 3 partitions');
  expect(stdout.trim().split('\n').slice(-2)).toEqual(['alice:hello', 'bob:world']);
});

test('the kafkajs program runs as written: its record is where the producer was told, and its group consumer read it', async () => {
  const { partition, offset, read } = await main(cluster.bootstrapServers);
  expect(read).toBe('order-42:paid');
  const client = new KzClient({ bootstrap: cluster.bootstrapServers });
  try {
    const consumer = client.consumer({ maxWaitMs: 100 });
    consumer.assign([{ topic: 'payments', partition, from: Number(offset) }]);
    let records = await consumer.poll();
    while (records.length === 0) records = await consumer.poll();
    expect(Buffer.from(records[0]!.key!).toString()).toBe('order-42');
    expect(Buffer.from(records[0]!.value!).toString()).toBe('paid');
    await consumer.close();
  } finally {
    await client.close();
  }
});
