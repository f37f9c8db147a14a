/**
 * Controllers and brokers apart, as Kafka's process.roles allows: one node that only runs the
 * metadata quorum, one that only stores partitions and follows the metadata log as an observer.
 * A client sees an ordinary cluster.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePorts, until } from '@kz/raft/testing';
import pino from 'pino';
import { formatDataDir, readMetaProperties } from '../../src/server/meta-properties';
import { startKzNode, type KzNode } from '../../src/server/kz-node';
import { nodeSettings, type ServerFlags } from '../../src/server/server-settings';
import { kz } from '../support/in-process-cluster';

jest.setTimeout(60_000);

let root: string;
const nodes: KzNode[] = [];

afterAll(async () => {
  for (const node of nodes.reverse()) await node.stop().catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

it('a controller-only node and a broker-only node serve topics together', async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kz-roles-'));
  const [raft, admin, broker] = (await freePorts(3)).map((port) => `127.0.0.1:${port}`);
  const start = async (nodeId: number, flags: Omit<ServerFlags, 'dataDir' | 'logLevel'>): Promise<KzNode> => {
    const dataDir = path.join(root, `node-${nodeId}`);
    formatDataDir(dataDir, { clusterId: 'split', nodeId });
    const node = await startKzNode(nodeSettings({ ...flags, dataDir, logLevel: 'silent', heartbeatIntervalMs: 300 }, readMetaProperties(dataDir)), pino({ level: 'silent' }));
    nodes.push(node);
    return node;
  };
  const controller = await start(1, { roles: 'controller', voters: `1@${raft}`, adminListen: admin });
  expect(controller.broker).toBeNull();
  const brokerNode = await start(2, { roles: 'broker', voters: `1@${raft}`, controllerAdmin: `1@${admin}`, adminListen: '127.0.0.1:0', listen: broker });
  expect(brokerNode.metadata.node.controller).toBeNull();

  const adminFlags = ['--bootstrap-controller', admin!];
  await until('broker 2 active', async () => {
    const described = JSON.parse((await kz(['cluster', 'describe', '--json', ...adminFlags])).stdout) as { brokers: { id: number; state: string }[] };
    return described.brokers.some((b) => b.id === 2 && b.state === 'active') ? true : undefined;
  });
  const quorum = JSON.parse((await kz(['quorum', 'describe', '--json', ...adminFlags])).stdout) as { leaderId: number; replicas: { nodeId: number; role: string }[] };
  expect(quorum.leaderId).toBe(1);
  expect(quorum.replicas).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 2, role: 'observer' })]));

  expect((await kz(['topics', 'create', 'split', '--partitions', '2', '--replication-factor', '1', ...adminFlags])).code).toBe(0);
  expect((await kz(['produce', '--topic', 'split', '--bootstrap-server', broker!], { stdin: 'one\ntwo\n' })).code).toBe(0);
  const read = await kz(['consume', '--topic', 'split', '--from', 'earliest', '--max-messages', '2', '--bootstrap-server', broker!]);
  expect(read.stdout.split('\n').filter((l) => l !== '').sort()).toEqual(['one', 'two']);
});
