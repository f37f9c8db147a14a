/**
 * KIP-853 with real `kz server` processes, as the README's quorum operations section runs it:
 * one controller formatted --standalone grows to three with `kz quorum add-controller`; then a
 * controller loses its disk, comes back re-formatted under its old node id — a new replica with a
 * new directory id, which the leader does not count as the voter it replaces — and is swapped in
 * with `kz quorum remove-controller` + `add-controller`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePorts, makeClusterRoot, NodeProcesses, until } from '@kz/raft/testing';
import { assertKzBuilt, KZ_MAIN_JS } from '../../src/testing/local-cluster';
import { kz } from '../support/in-process-cluster';

jest.setTimeout(120_000);

interface Replica {
  nodeId: number;
  directoryId: string;
  logEndOffset: number;
}

interface Quorum {
  leaderId: number;
  highWatermark: number;
  replicas: (Replica & { role: 'leader' | 'voter' | 'observer' })[];
}

const CLUSTER_ID = 'kz-dynamic-quorum-test';
const IDS = [1, 2, 3];
let root: string;
let nodes: NodeProcesses;
const raft = new Map<number, string>();
const admin = new Map<number, string>();

const dataDir = (id: number) => path.join(root, `node-${id}`);
const bootstrapController = () => IDS.map((id) => `${id}@${admin.get(id)!}`).join(',');

beforeAll(async () => {
  assertKzBuilt();
  root = await makeClusterRoot('kz-dynamic-quorum-');
  const ports = await freePorts(IDS.length * 2);
  IDS.forEach((id, i) => {
    raft.set(id, `127.0.0.1:${ports[2 * i]!}`);
    admin.set(id, `127.0.0.1:${ports[2 * i + 1]!}`);
  });
  nodes = new NodeProcesses({
    mainJs: KZ_MAIN_JS,
    readyMessage: 'kz node ready',
    root,
    logFile: (id) => path.join(root, `node-${id}.log`),
    args: (id) => [
      'server',
      `--data-dir=${dataDir(id)}`,
      '--roles=controller',
      `--raft-listen=${raft.get(id)!}`,
      `--admin-listen=${admin.get(id)!}`,
      // Node 1 starts the cluster from its bootstrap checkpoint; the others find it through these.
      ...(id === 1 ? [] : [`--quorum-bootstrap=${IDS.filter((other) => other !== id).map((other) => `${other}@${raft.get(other)!}`).join(',')}`]),
      '--election-timeout-ms=500',
      '--fetch-timeout-ms=1000',
    ],
  });
});

afterAll(async () => {
  await nodes?.destroy();
});

async function ok(args: string[]): Promise<string> {
  const run = await kz(args);
  if (run.code !== 0) throw new Error(`kz ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}

async function format(id: number, flags: string[]): Promise<string> {
  const out = JSON.parse(await ok(['format', `--data-dir=${dataDir(id)}`, `--node-id=${id}`, `--cluster-id=${CLUSTER_ID}`, '--json', ...flags])) as { directoryId: string };
  return out.directoryId;
}

async function describeQuorum(): Promise<Quorum> {
  return JSON.parse(await ok(['quorum', 'describe', '--json', `--bootstrap-controller=${bootstrapController()}`])) as Quorum;
}

const voterKeys = (q: Quorum) => q.replicas.filter((r) => r.role !== 'observer').map((r) => [r.nodeId, r.directoryId]);

test('grow one standalone controller to three, then replace one whose disk was wiped', async () => {
  const directoryIds = new Map<number, string>();
  directoryIds.set(1, await format(1, ['--standalone', `--raft-listen=${raft.get(1)!}`]));
  expect(fs.readdirSync(dataDir(1)).sort()).toEqual(['bootstrap.checkpoint', 'meta.properties']);
  await nodes.start(1);
  const alone = await describeQuorum();
  expect(alone.leaderId).toBe(1);
  expect(voterKeys(alone)).toEqual([[1, directoryIds.get(1)]]);

  // Two nodes formatted to join start as observers; add-controller makes each a voter.
  for (const id of [2, 3]) {
    directoryIds.set(id, await format(id, ['--no-initial-controllers']));
    await nodes.start(id);
    const added = await ok(['quorum', 'add-controller', `--controller=${admin.get(id)!}`, `--bootstrap-controller=${bootstrapController()}`]);
    expect(added).toBe(`Added controller ${id} (directory id ${directoryIds.get(id)!}, ${raft.get(id)!}) to the quorum.\n`);
  }
  const grown = await describeQuorum();
  expect(voterKeys(grown).sort()).toEqual(IDS.map((id) => [id, directoryIds.get(id)]));
  const human = await ok(['quorum', 'describe', `--bootstrap-controller=${bootstrapController()}`]);
  for (const id of IDS) expect(human).toMatch(new RegExp(`\\n\\s*${id}\\s+${directoryIds.get(id)!}\\s+(leader|voter)\\s`));
  // Adding a voter twice is refused with Kafka's error.
  const twice = await kz(['quorum', 'add-controller', `--controller=${admin.get(2)!}`, `--bootstrap-controller=${bootstrapController()}`]);
  expect(twice.code).toBe(1);
  expect(twice.stderr).toContain('DUPLICATE_VOTER');

  // Node 3 loses its disk and comes back formatted again: same node id, new directory id.
  await nodes.kill(3);
  fs.rmSync(dataDir(3), { recursive: true, force: true });
  const oldDirectoryId = directoryIds.get(3)!;
  const newDirectoryId = await format(3, ['--no-initial-controllers']);
  expect(newDirectoryId).not.toBe(oldDirectoryId);
  await nodes.start(3);
  // It catches up as an observer; the voter (3, old directory id) is not it, and stays behind.
  const split = await until(
    'the wiped node 3 fetches past what voter 3 had acknowledged',
    async () => {
      const q = await describeQuorum();
      const observer = q.replicas.find((r) => r.role === 'observer' && r.nodeId === 3);
      const voter = q.replicas.find((r) => r.role !== 'observer' && r.nodeId === 3);
      return observer !== undefined && voter !== undefined && observer.logEndOffset > voter.logEndOffset ? q : false;
    },
    30_000,
  );
  expect(split.replicas.find((r) => r.role === 'observer' && r.nodeId === 3)!.directoryId).toBe(newDirectoryId);
  expect(split.replicas.find((r) => r.role !== 'observer' && r.nodeId === 3)!.directoryId).toBe(oldDirectoryId);

  // Replace it: remove the old replica, add the new one.
  expect(await ok(['quorum', 'remove-controller', '--controller-id=3', `--controller-directory-id=${oldDirectoryId}`, `--bootstrap-controller=${bootstrapController()}`])).toBe(
    `Removed controller 3 (directory id ${oldDirectoryId}) from the quorum.\n`,
  );
  const again = await kz(['quorum', 'remove-controller', '--controller-id=3', `--controller-directory-id=${oldDirectoryId}`, `--bootstrap-controller=${bootstrapController()}`]);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('VOTER_NOT_FOUND');
  await ok(['quorum', 'add-controller', `--controller=${admin.get(3)!}`, `--bootstrap-controller=${bootstrapController()}`]);
  const replaced = await describeQuorum();
  expect(voterKeys(replaced).sort()).toEqual([
    [1, directoryIds.get(1)],
    [2, directoryIds.get(2)],
    [3, newDirectoryId],
  ]);
  expect(replaced.replicas.filter((r) => r.role === 'observer')).toEqual([]);

  // Removing the leader itself: it leads until the removal commits, then steps down for 2 or 3.
  const leader = replaced.leaderId;
  await ok(['quorum', 'remove-controller', `--controller-id=${leader}`, `--controller-directory-id=${directoryIds.get(leader) ?? newDirectoryId}`, `--bootstrap-controller=${bootstrapController()}`]);
  const shrunk = await until('a remaining voter leads', async () => {
    const q = await describeQuorum();
    return q.leaderId !== leader ? q : false;
  }, 30_000);
  expect(voterKeys(shrunk).map(([id]) => id).sort()).toEqual(IDS.filter((id) => id !== leader));
});
