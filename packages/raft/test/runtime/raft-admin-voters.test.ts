/**
 * RaftAdminClient changes voters (KIP-853) over gRPC, against real RaftNodes with gRPC transports
 * in this process: what a library user without @kz/metadata has to grow, move and shrink a quorum.
 */
import { MemoryRaftStorage } from '../../src/storage/memory-storage';
import { GrpcRaftTransport } from '../../src/transport/grpc-raft-transport';
import { RaftAdminClient } from '../../src/transport/raft-admin-client';
import { RaftNode } from '../../src/runtime/raft-node';
import { NodeStoppedError, VoterChangeError } from '../../src/runtime/runtime-errors';
import type { CommittedBatch, StateMachine } from '../../src/runtime/state-machine';
import { NotLeaderError } from '../../src/core/errors';
import { InvalidDirectoryIdError, newDirectoryId, type Endpoint } from '../../src/core/voter-set';
import { InconsistentClusterIdError, MalformedMessageError } from '../../src/transport/transport-errors';
import { decodeVoterChangeResponse, encodeVoterChangeResponse } from '../../src/transport/raft-codec';
import { errorOfRefusal } from '../../src/runtime/voter-change-answer';
import { CLUSTER_ID, freePort, rawCall } from '../transport/grpc-harness';
import { fast, quiet, until } from './support/fast-nodes';

class Values implements StateMachine {
  values: string[] = [];
  apply(batch: CommittedBatch): void {
    for (const record of batch.records) this.values.push(Buffer.from(record.value ?? []).toString());
  }
  snapshot(): Uint8Array {
    return Buffer.from(JSON.stringify(this.values));
  }
  restore(snapshot: Uint8Array): void {
    this.values = JSON.parse(Buffer.from(snapshot).toString()) as string[];
  }
}

interface Started {
  readonly id: number;
  readonly node: RaftNode;
  readonly machine: Values;
  readonly address: string;
  readonly endpoints: readonly Endpoint[];
}

const record = (value: string) => ({ key: null, value: Buffer.from(value) });

const running: RaftNode[] = [];
const clients: RaftAdminClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(running.splice(0).map((node) => node.stop()));
});

/** A node on a gRPC transport: the first voter of a new cluster with `bootstrap`, an observer asking `seed` otherwise. */
async function start(id: number, options: { readonly bootstrap: true } | { readonly seed: Started }): Promise<Started> {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const endpoints = [{ name: 'raft', host: '127.0.0.1', port }];
  const directoryId = newDirectoryId(Math.random);
  const machine = new Values();
  const seed = 'seed' in options ? options.seed : undefined;
  const node = await RaftNode.start({
    nodeId: id,
    directoryId,
    endpoints,
    ...(seed === undefined ? { bootstrapVoters: [{ id, directoryId, endpoints }] } : { bootstrapServers: [seed.id] }),
    storage: new MemoryRaftStorage(),
    transport: new GrpcRaftTransport({ nodeId: id, clusterId: CLUSTER_ID, listen: address, peers: seed === undefined ? {} : { [seed.id]: seed.address }, requestTimeoutMs: 2000 }),
    stateMachine: machine,
    logger: quiet,
    config: fast,
  });
  running.push(node);
  return { id, node, machine, address, endpoints };
}

function admin(address: string, clusterId = CLUSTER_ID): RaftAdminClient {
  const client = new RaftAdminClient({ address, clusterId, timeoutMs: 5000 });
  clients.push(client);
  return client;
}

/** An observer has fetched everything the leader committed: it may be added. */
async function caughtUp(leader: Started, observer: Started): Promise<void> {
  await leader.node.propose([record(`before ${observer.id}`)]);
  await until(() => observer.machine.values.includes(`before ${observer.id}`));
}

describe('RaftAdminClient voter changes over gRPC', () => {
  test('grow 1 → 3 through the admin client, move a voter that is down, remove it; followers point at the leader', async () => {
    const one = await start(1, { bootstrap: true });
    await until(() => one.node.status().role === 'leader');
    const two = await start(2, { seed: one });
    const three = await start(3, { seed: one });
    await caughtUp(one, two);
    await caughtUp(one, three);
    const client = admin(one.address);

    // The observers are described with the directory ids they fetch with.
    const before = await client.describeQuorum();
    expect(before.voters.map((v) => [v.nodeId, v.directoryId])).toEqual([[1, one.node.status().directoryId]]);
    expect(before.observers.map((o) => [o.nodeId, o.directoryId]).sort()).toEqual([
      [2, two.node.status().directoryId],
      [3, three.node.status().directoryId],
    ]);

    // Under another directory id it is not the replica that has been fetching.
    await expect(client.addVoter({ id: 2, directoryId: newDirectoryId(Math.random), endpoints: two.endpoints })).rejects.toMatchObject({
      name: 'VoterChangeError',
      code: 'REQUEST_TIMED_OUT',
    });
    const added = await client.addVoter({ id: 2, directoryId: two.node.status().directoryId, endpoints: two.endpoints });
    expect(added.voters.map((v) => v.id)).toEqual([1, 2]);
    expect(added.voters[1]).toEqual({ id: 2, directoryId: two.node.status().directoryId, endpoints: two.endpoints });
    expect(one.node.status().committedVoters.map((v) => v.id)).toEqual([1, 2]);
    await until(() => two.node.status().isVoter);

    await expect(client.addVoter({ id: 2, directoryId: two.node.status().directoryId, endpoints: two.endpoints })).rejects.toMatchObject({
      name: 'VoterChangeError',
      code: 'DUPLICATE_VOTER',
    });

    // A follower names the leader and where it listens: the caller can go there.
    const atFollower = admin(two.address).addVoter({ id: 3, directoryId: three.node.status().directoryId, endpoints: three.endpoints });
    await expect(atFollower).rejects.toBeInstanceOf(NotLeaderError);
    await expect(atFollower).rejects.toMatchObject({ leaderId: 1, leaderAddress: one.address });

    await caughtUp(one, three);
    const grown = await client.addVoter({ id: 3, directoryId: three.node.status().directoryId, endpoints: three.endpoints }, { timeoutMs: 8000 });
    expect(grown.voters.map((v) => v.id)).toEqual([1, 2, 3]);
    expect((await client.describeQuorum()).voters.map((v) => [v.nodeId, v.directoryId])).toEqual([
      [1, one.node.status().directoryId],
      [2, two.node.status().directoryId],
      [3, three.node.status().directoryId],
    ]);

    // Node 3 goes down for good: its listing moves (it would come back there), then it is removed.
    const dirOf3 = three.node.status().directoryId;
    await three.node.stop();
    const moved = [{ name: 'raft', host: '127.0.0.1', port: await freePort() }];
    await expect(client.updateVoter(3, newDirectoryId(Math.random), moved)).rejects.toMatchObject({ code: 'VOTER_NOT_FOUND' });
    await expect(client.updateVoter(3, dirOf3, [])).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    const update = await client.updateVoter(3, dirOf3, moved);
    expect(update.voters.find((v) => v.id === 3)?.endpoints).toEqual(moved);
    expect(update.offset).toBeGreaterThan(grown.offset);
    await until(() => two.node.status().voters.find((v) => v.id === 3)?.endpoints[0]?.port === moved[0]!.port);

    await expect(client.removeVoter(3, newDirectoryId(Math.random))).rejects.toMatchObject({ name: 'VoterChangeError', code: 'VOTER_NOT_FOUND' });
    const shrunk = await client.removeVoter(3, dirOf3);
    expect(shrunk.voters.map((v) => v.id)).toEqual([1, 2]);
    await one.node.propose([record('after')]);
    await until(() => two.machine.values.includes('after'));
  });

  test('the leader removed through the admin client resigns once that commits; the other voter leads', async () => {
    const one = await start(1, { bootstrap: true });
    await until(() => one.node.status().role === 'leader');
    const two = await start(2, { seed: one });
    await caughtUp(one, two);
    await admin(one.address).addVoter({ id: 2, directoryId: two.node.status().directoryId, endpoints: two.endpoints });

    const removed = await admin(one.address).removeVoter(1, one.node.status().directoryId);
    expect(removed.voters.map((v) => v.id)).toEqual([2]);
    await until(() => two.node.status().role === 'leader');
    expect(one.node.status().isVoter).toBe(false);
    expect((await admin(two.address).describeQuorum()).voters.map((v) => v.nodeId)).toEqual([2]);
  });

  test('bad input is refused with typed errors: no call for an invalid key, the cluster id checked, malformed bodies refused, a stopped node', async () => {
    const one = await start(1, { bootstrap: true });
    await until(() => one.node.status().role === 'leader');
    const client = admin(one.address);

    await expect(client.removeVoter(1, 'not-a-directory-id')).rejects.toBeInstanceOf(InvalidDirectoryIdError);
    await expect(client.removeVoter(-1, one.node.status().directoryId)).rejects.toThrow(/voter id/);
    await expect(client.addVoter({ id: 2, directoryId: newDirectoryId(Math.random), endpoints: [] }, { timeoutMs: 0 })).rejects.toThrow(/timeoutMs/);
    await expect(admin(one.address, 'another-cluster').removeVoter(1, one.node.status().directoryId)).rejects.toBeInstanceOf(InconsistentClusterIdError);
    await expect(client.removeVoter(1, one.node.status().directoryId)).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/last voter/) });

    // AddRaftVoter without its voter: refused before the node sees it, as INVALID_ARGUMENT + INVALID_REQUEST.
    const empty = await rawCall(one.address, 'AddRaftVoter', new Uint8Array(0), { 'kz-cluster-id': CLUSTER_ID });
    expect(empty.error?.details).toMatch(/voter is required/);
    expect(empty.error?.metadata.get('kz-error-code')).toEqual(['INVALID_REQUEST']);

    // A node that stopped answers UNAVAILABLE: the call failed, nothing was changed.
    await one.node.stop();
    await expect(client.removeVoter(1, one.node.status().directoryId, { timeoutMs: 2000 })).rejects.toMatchObject({ name: 'RaftTransportError' });
  });
});

describe('VoterChangeResponse codec', () => {
  test('round-trips a committed change and a refusal; an unknown error number is malformed', () => {
    const directoryId = newDirectoryId(Math.random);
    const ok = { ok: true as const, offset: 42, epoch: 3, voters: [{ id: 1, directoryId, endpoints: [{ name: 'raft', host: 'h', port: 9093 }] }] };
    expect(decodeVoterChangeResponse(encodeVoterChangeResponse(ok))).toStrictEqual(ok);
    const refusal = { ok: false as const, code: 'NOT_LEADER_OR_FOLLOWER' as const, message: 'not the leader', leaderId: 2, epoch: 5, leaderAddress: 'h:1' };
    expect(decodeVoterChangeResponse(encodeVoterChangeResponse(refusal))).toStrictEqual(refusal);
    const stopped = { ok: false as const, code: 'BROKER_NOT_AVAILABLE' as const, message: 'stopped', leaderId: -1, epoch: -1 };
    expect(decodeVoterChangeResponse(encodeVoterChangeResponse(stopped))).toStrictEqual(stopped);
    expect(() => decodeVoterChangeResponse(Buffer.from([0x08, 0x63 + 0x80, 0x07]))).toThrow(MalformedMessageError);
  });

  test('a refusal off the wire becomes the error RaftNode rejects with', () => {
    const base = { ok: false as const, message: 'why', leaderId: -1, epoch: -1 };
    expect(errorOfRefusal({ ...base, code: 'NOT_LEADER_OR_FOLLOWER', leaderId: 3, epoch: 7, leaderAddress: 'h:1' })).toMatchObject({ name: 'NotLeaderError', leaderId: 3, epoch: 7, leaderAddress: 'h:1' });
    expect(errorOfRefusal({ ...base, code: 'BROKER_NOT_AVAILABLE' })).toBeInstanceOf(NodeStoppedError);
    for (const code of ['UNSUPPORTED_VERSION', 'REQUEST_TIMED_OUT', 'DUPLICATE_VOTER', 'VOTER_NOT_FOUND', 'INVALID_REQUEST'] as const) {
      const error = errorOfRefusal({ ...base, code });
      expect(error).toBeInstanceOf(VoterChangeError);
      expect(error).toMatchObject({ code, message: 'why' });
    }
  });
});
