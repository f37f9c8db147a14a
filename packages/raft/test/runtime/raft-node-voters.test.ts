import { MemoryRaftStorage } from '../../src/storage/memory-storage';
import { InMemoryRaftNetwork } from '../../src/transport/in-memory-transport';
import { RaftNode } from '../../src/runtime/raft-node';
import { InconsistentDirectoryIdError, VoterChangeError } from '../../src/runtime/runtime-errors';
import type { CommittedBatch, StateMachine } from '../../src/runtime/state-machine';
import { newDirectoryId } from '../../src/core/voter-set';
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

const record = (value: string) => ({ key: null, value: Buffer.from(value) });

describe('RaftNode with dynamic voters (KIP-853)', () => {
  test('a one-voter cluster grows: a node started without voters joins as an observer, then addVoter makes it a voter', async () => {
    const network = new InMemoryRaftNetwork();
    const first = { storage: new MemoryRaftStorage(), machine: new Values() };
    const dirOf1 = newDirectoryId(Math.random);
    const node1 = await RaftNode.start({
      nodeId: 1,
      directoryId: dirOf1,
      bootstrapVoters: [{ id: 1, directoryId: dirOf1, endpoints: [] }],
      storage: first.storage,
      transport: network.transport(1),
      stateMachine: first.machine,
      logger: quiet,
      config: fast,
    });
    await until(() => node1.status().role === 'leader');
    await node1.propose([record('a')]);

    const second = new Values();
    const node2 = await RaftNode.start({ nodeId: 2, bootstrapServers: [1], storage: new MemoryRaftStorage(), transport: network.transport(2), stateMachine: second, logger: quiet, config: fast });
    const dirOf2 = node2.status().directoryId;
    await until(() => second.values.includes('a'));
    expect(node2.status().isVoter).toBe(false);
    expect(node1.describeQuorum().observers.map((o) => [o.nodeId, o.directoryId])).toEqual([[2, dirOf2]]);

    // Under another directory id it is not the replica that has been fetching.
    await expect(node1.addVoter({ id: 2, directoryId: newDirectoryId(Math.random), endpoints: [] })).rejects.toMatchObject({ code: 'REQUEST_TIMED_OUT' });
    const change = await node1.addVoter({ id: 2, directoryId: dirOf2, endpoints: [] });
    expect(change.voters.map((v) => v.id)).toEqual([1, 2]);
    await until(() => node2.status().isVoter);
    await expect(node1.addVoter({ id: 2, directoryId: dirOf2, endpoints: [] })).rejects.toBeInstanceOf(VoterChangeError);
    await node1.propose([record('b')]);
    await until(() => second.values.includes('b'));

    // The leader removes itself: it resigns once that commits, and node 2 leads alone.
    await node1.removeVoter(1, dirOf1);
    await until(() => node2.status().role === 'leader');
    await node2.propose([record('c')]);
    await until(() => first.machine.values.includes('c'));
    expect(node1.status().isVoter).toBe(false);
    await Promise.all([node1.stop(), node2.stop()]);
  });

  test('UpdateRaftVoter: a voter listed without the endpoints it listens on asks the leader, who records them', async () => {
    const network = new InMemoryRaftNetwork();
    const dirOf1 = newDirectoryId(Math.random);
    const node1 = await RaftNode.start({
      nodeId: 1,
      directoryId: dirOf1,
      bootstrapVoters: [{ id: 1, directoryId: dirOf1, endpoints: [] }],
      storage: new MemoryRaftStorage(),
      transport: network.transport(1),
      stateMachine: new Values(),
      logger: quiet,
      config: fast,
    });
    await until(() => node1.status().role === 'leader');
    const endpoints = [{ name: 'raft', host: '10.0.0.2', port: 9094 }];
    const node2 = await RaftNode.start({ nodeId: 2, bootstrapServers: [1], endpoints, storage: new MemoryRaftStorage(), transport: network.transport(2), stateMachine: new Values(), logger: quiet, config: fast });
    await until(() => node1.describeQuorum().observers.some((o) => o.nodeId === 2 && o.lastCaughtUpTimestamp > 0));
    await node1.addVoter({ id: 2, directoryId: node2.status().directoryId, endpoints: [] });
    await until(() => node1.status().voters.find((v) => v.id === 2)?.endpoints.length === 1);
    expect(node1.status().voters.find((v) => v.id === 2)!.endpoints).toEqual(endpoints);
    await until(() => node2.status().voters.find((v) => v.id === 2)?.endpoints.length === 1);
    await Promise.all([node1.stop(), node2.stop()]);
  });

  test('a storage formatted for one directory id refuses to start as another', async () => {
    const storage = new MemoryRaftStorage();
    await storage.writeDirectoryId(newDirectoryId(Math.random));
    const network = new InMemoryRaftNetwork();
    await expect(
      RaftNode.start({ nodeId: 1, directoryId: newDirectoryId(Math.random), storage, transport: network.transport(1), stateMachine: new Values(), logger: quiet, config: fast }),
    ).rejects.toBeInstanceOf(InconsistentDirectoryIdError);
  });

  test('static voters: voter changes are UNSUPPORTED_VERSION', async () => {
    const network = new InMemoryRaftNetwork();
    const node = await RaftNode.start({ nodeId: 1, voters: [1], storage: new MemoryRaftStorage(), transport: network.transport(1), stateMachine: new Values(), logger: quiet, config: fast });
    await until(() => node.status().role === 'leader');
    await expect(node.removeVoter(1, node.status().directoryId)).rejects.toMatchObject({ code: 'UNSUPPORTED_VERSION' });
    await node.stop();
  });
});
