/**
 * kz-metadata-server with dynamic voters, in process: started from its command line with
 * `--standalone`, restarted with the same one (the data dir keeps its directory id), and grown by a
 * node started with `--quorum-bootstrap` that an admin adds as a voter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import { RaftAdminClient } from '@kz/raft';
import { freePorts } from '@kz/raft/testing';
import { parseMetadataServerFlags, startMetadataServer, type MetadataServer } from '../../src/runtime/metadata-server-main';

const CLUSTER_ID = 'kz-dynamic-test';
const quiet = pino({ level: 'silent' });
const FAST = ['--election-timeout-ms=300', '--fetch-timeout-ms=600'];

let root: string;
const running: MetadataServer[] = [];

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'kz-md-dyn-'));
});

afterEach(async () => {
  for (const server of running.splice(0).reverse()) await stop(server);
  rmSync(root, { recursive: true, force: true });
});

async function stop(server: MetadataServer): Promise<void> {
  await server.server.stop();
  await server.node.stop();
}

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function serve(argv: readonly string[]): Promise<MetadataServer> {
  const command = parseMetadataServerFlags(argv);
  if (command.kind !== 'run') throw new Error('expected a run command');
  const server = await startMetadataServer(command.settings, quiet);
  running.push(server);
  return server;
}

test('--standalone grows to two voters: the joiner fetches as an observer, an admin adds it; a restart keeps the directory id', async () => {
  const [port1, port2] = (await freePorts(2)) as [number, number];
  const raft1 = `127.0.0.1:${port1}`;
  const first = ['--node-id=1', `--data-dir=${path.join(root, '1')}`, `--cluster-id=${CLUSTER_ID}`, '--admin-listen=127.0.0.1:0', '--standalone', `--raft-listen=${raft1}`, ...FAST];
  let one = await serve(first);
  await until(() => one.node.raft.status().role === 'leader');
  const dirOf1 = one.node.raft.status().directoryId;
  expect(one.node.raft.status().voters).toEqual([{ id: 1, directoryId: dirOf1, endpoints: [{ name: 'CONTROLLER', host: '127.0.0.1', port: port1 }] }]);

  // The same command line again: the same replica (its data dir holds the id), still the one voter.
  await stop(running.pop()!);
  one = await serve(first);
  expect(one.node.raft.status().directoryId).toBe(dirOf1);
  await until(() => one.node.raft.status().role === 'leader');

  const raft2 = `127.0.0.1:${port2}`;
  const two = await serve(['--node-id=2', `--data-dir=${path.join(root, '2')}`, `--cluster-id=${CLUSTER_ID}`, '--admin-listen=127.0.0.1:0', `--quorum-bootstrap=1@${raft1}`, `--raft-listen=${raft2}`, ...FAST]);
  const dirOf2 = two.node.raft.status().directoryId;
  const admin = new RaftAdminClient({ address: raft1, clusterId: CLUSTER_ID });
  try {
    await until(() => one.node.raft.describeQuorum().observers.some((o) => o.nodeId === 2 && o.directoryId === dirOf2 && o.logEndOffset === one.node.raft.status().logEndOffset));
    expect(two.node.raft.status().isVoter).toBe(false);
    const change = await admin.addVoter({ id: 2, directoryId: dirOf2, endpoints: [{ name: 'CONTROLLER', host: '127.0.0.1', port: port2 }] }, { timeoutMs: 10_000 });
    expect(change.voters.map((v) => [v.id, v.directoryId])).toEqual([
      [1, dirOf1],
      [2, dirOf2],
    ]);
    await until(() => two.node.raft.status().isVoter);
  } finally {
    admin.close();
  }
});
