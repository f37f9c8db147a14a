import { encodeRecordBatch } from '@kz/records';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LevelRaftStorage } from '../../src/storage/level-storage';
import { MemoryRaftStorage } from '../../src/storage/memory-storage';
import { InMemoryRaftNetwork } from '../../src/transport/in-memory-transport';
import { RaftNode } from '../../src/runtime/raft-node';
import { NotLeaderError } from '../../src/core/errors';
import type { CommittedBatch, StateMachine } from '../../src/runtime/state-machine';
import pino from 'pino';
import { fast, quiet, until } from './support/fast-nodes';

/** A list of the values applied, in order: enough to see that every node agrees. */
class ListStateMachine implements StateMachine {
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

describe('RaftNode', () => {
  test('three nodes elect a leader, replicate proposals and answer reads linearizably', async () => {
    const network = new InMemoryRaftNetwork();
    const voters = [1, 2, 3];
    const machines = voters.map(() => new ListStateMachine());
    const nodes = await Promise.all(
      voters.map((nodeId, i) =>
        RaftNode.start({
          nodeId,
          voters,
          storage: new MemoryRaftStorage(),
          transport: network.transport(nodeId),
          stateMachine: machines[i]!,
          logger: quiet,
          config: fast,
        }),
      ),
    );
    try {
      await until(() => nodes.some((n) => n.status().role === 'leader'));
      const leader = nodes.find((n) => n.status().role === 'leader')!;
      const follower = nodes.find((n) => n !== leader)!;

      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => leader.propose([{ key: null, value: Buffer.from(`v${i}`) }])),
      );
      expect(new Set(results.map((r) => r.baseOffset)).size).toBe(20);
      const leaderMachine = machines[nodes.indexOf(leader)]!;
      expect(leaderMachine.values).toHaveLength(20);

      await expect(follower.propose([{ key: null, value: Buffer.from('x') }])).rejects.toMatchObject({
        name: 'NotLeaderError',
        leaderId: leader.status().nodeId,
      });
      await expect(follower.readBarrier()).rejects.toBeInstanceOf(NotLeaderError);

      const readPoint = await leader.readBarrier();
      expect(readPoint).toBeGreaterThanOrEqual(results[results.length - 1]!.lastOffset + 1);
      await until(() => machines.every((m) => m.values.length === 20));
      expect(machines.map((m) => m.values)).toEqual([leaderMachine.values, leaderMachine.values, leaderMachine.values]);
      expect(leader.describeQuorum().voters).toHaveLength(3);
    } finally {
      await Promise.all(nodes.map((n) => n.stop()));
    }
  });

  test('timeouts: a leader cut off from its quorum fails proposals, reads and batches with RequestTimedOutError, each at its own deadline', async () => {
    const network = new InMemoryRaftNetwork();
    const voters = [1, 2, 3];
    const nodes = await Promise.all(
      voters.map((nodeId) =>
        // A long fetch timeout: the leader must not resign (check quorum) before the deadlines pass.
        RaftNode.start({ nodeId, voters, storage: new MemoryRaftStorage(), transport: network.transport(nodeId), stateMachine: new ListStateMachine(), logger: quiet, config: { ...fast, fetchTimeoutMs: 10_000 } }),
      ),
    );
    try {
      await until(() => nodes.some((n) => n.status().role === 'leader'));
      const leader = nodes.find((n) => n.status().role === 'leader')!;
      await leader.propose([{ key: null, value: Buffer.from('before') }], { timeoutMs: 5_000 });
      network.setHook(() => 'drop');
      const settled: string[] = [];
      const watch = <T>(name: string, promise: Promise<T>): Promise<unknown> =>
        promise.then(
          () => settled.push(`${name} resolved`),
          (error: unknown) => settled.push(`${name} ${(error as Error).name}`),
        );
      const outcomes = [
        watch('propose', leader.propose([{ key: null, value: Buffer.from('cut off') }], { timeoutMs: 40 })),
        watch('read', leader.readBarrier({ timeoutMs: 20 })),
        watch('batch', leader.proposeBatch(encodeRecordBatch({ records: [{ key: null, value: Buffer.from('b') }] }), { timeoutMs: 60 })),
      ];
      // Without a timeout a proposal waits (until the node stops); with one it fails on time.
      const untimed = leader.propose([{ key: null, value: Buffer.from('patient') }]).catch((error: unknown) => error);
      await Promise.all(outcomes);
      expect(settled).toEqual(['read RequestTimedOutError', 'propose RequestTimedOutError', 'batch RequestTimedOutError']);
      await leader.stop();
      await expect(untimed).resolves.toMatchObject({ name: 'NodeStoppedError' });
    } finally {
      await Promise.all(nodes.map((n) => n.stop()));
    }
  });

  test.each([
    [0, ['big', 'small', 'bigger']],
    [1, ['big', 'bigger']],
  ])('snapshotStateRatio %p: which commits start a snapshot', async (ratio, expected) => {
    // snapshotEveryBytes 1: every commit is enough log by the byte count alone. With ratio 1 the
    // log since the last snapshot must also reach that snapshot's size (~4 KB after "big").
    const taken: number[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void (JSON.parse(line).msg === 'snapshot taken' && taken.push(JSON.parse(line).snapshotEndOffset)) });
    const network = new InMemoryRaftNetwork();
    const node = await RaftNode.start({ nodeId: 1, voters: [1], storage: new MemoryRaftStorage(), transport: network.transport(1), stateMachine: new ListStateMachine(), logger, config: fast, snapshotEveryBytes: 1, snapshotStateRatio: ratio });
    try {
      await until(() => node.status().role === 'leader');
      // The new leader's own control record is a commit too: its (tiny) snapshot comes first.
      await until(() => node.status().snapshotId !== null);
      taken.length = 0;
      const ends: Record<string, number> = {};
      for (const [name, bytes] of [['big', 4000], ['small', 100], ['bigger', 6000]] as const) {
        const committed = await node.propose([{ key: null, value: Buffer.alloc(bytes, 'x') }]);
        ends[name] = committed.lastOffset + 1;
        // The decision is made as the commit is applied, before propose resolves; a snapshot it
        // started is finished before the next proposal, so the next decision is not skipped.
        if (ratio === 0 || name !== 'small') await until(() => (node.status().snapshotId?.offset ?? 0) >= ends[name]!);
      }
      await until(() => taken.length >= expected.length);
      expect(taken).toEqual(expected.map((name) => ends[name]));
    } finally {
      await node.stop();
    }
  });

  test('a snapshotStateRatio that is not a finite number >= 0 is refused before the storage is touched', async () => {
    const storage = new MemoryRaftStorage();
    const load = jest.spyOn(storage, 'load');
    const network = new InMemoryRaftNetwork();
    await expect(
      RaftNode.start({ nodeId: 1, voters: [1], storage, transport: network.transport(1), stateMachine: new ListStateMachine(), logger: quiet, config: fast, snapshotStateRatio: -1 }),
    ).rejects.toThrow(RangeError);
    expect(load).not.toHaveBeenCalled();
  });

  test('a node restarted on its level data directory keeps its log and state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kz-raft-node-'));
    const network = new InMemoryRaftNetwork();
    try {
      const start = (machine: ListStateMachine): Promise<RaftNode> =>
        RaftNode.start({ nodeId: 1, voters: [1], storage: { dataDir: dir }, transport: network.transport(1), stateMachine: machine, logger: quiet, config: fast, snapshotEveryBytes: 400 });
      const first = new ListStateMachine();
      let node = await start(first);
      await until(() => node.status().role === 'leader');
      for (let i = 0; i < 10; i++) await node.propose([{ key: null, value: Buffer.from(`v${i}`) }]);
      await until(() => node.status().snapshotId !== null);
      await node.stop();

      const second = new ListStateMachine();
      node = await start(second);
      // A single voter that led before comes back resigned, then leads a new epoch.
      await until(() => node.status().role === 'leader');
      await node.readBarrier();
      expect(second.values).toEqual(first.values);
      expect(node.status().logStartOffset).toBeGreaterThan(0);
      await node.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a disk that fails halts the node: pending proposals fail and `halted` settles with the error', async () => {
    class FailingDisk extends MemoryRaftStorage {
      failing = false;
      override persist(...args: Parameters<MemoryRaftStorage['persist']>): Promise<void> {
        return this.failing ? Promise.reject(new Error('ENOSPC: no space left on device')) : super.persist(...args);
      }
    }
    const disk = new FailingDisk();
    const network = new InMemoryRaftNetwork();
    const node = await RaftNode.start({ nodeId: 1, voters: [1], storage: disk, transport: network.transport(1), stateMachine: new ListStateMachine(), logger: quiet, config: fast });
    await until(() => node.status().role === 'leader');
    await node.propose([{ key: null, value: Buffer.from('kept') }]);
    disk.failing = true;
    await expect(node.propose([{ key: null, value: Buffer.from('lost') }])).rejects.toThrow('ENOSPC');
    await expect(node.halted).resolves.toMatchObject({ message: 'ENOSPC: no space left on device' });
    await expect(node.propose([{ key: null, value: Buffer.from('after') }])).rejects.toThrow('ENOSPC');
    await node.stop();
  });

  test('accepts an opened LevelRaftStorage as well as a data directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kz-raft-node-'));
    try {
      const storage = await LevelRaftStorage.open(dir);
      const network = new InMemoryRaftNetwork();
      const node = await RaftNode.start({ nodeId: 1, voters: [1], storage, transport: network.transport(1), stateMachine: new ListStateMachine(), logger: quiet, config: fast });
      await until(() => node.status().role === 'leader');
      await expect(node.propose([{ key: null, value: Buffer.from('x') }])).resolves.toMatchObject({ baseOffset: 1 });
      await node.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('concurrent proposals share batches up to maxBatchBytes; one larger than that is refused', async () => {
    const network = new InMemoryRaftNetwork();
    const machine = new ListStateMachine();
    const committedBatches: number[] = [];
    const counting: StateMachine = {
      apply: (batch) => {
        committedBatches.push(batch.records.length);
        machine.apply(batch);
      },
      snapshot: () => machine.snapshot(),
      restore: (bytes) => machine.restore(bytes),
    };
    const node = await RaftNode.start({ nodeId: 1, voters: [1], storage: new MemoryRaftStorage(), transport: network.transport(1), stateMachine: counting, logger: quiet, config: fast, maxBatchBytes: 4096 });
    await until(() => node.status().role === 'leader');
    const value = Buffer.alloc(1000, 'v');
    const results = await Promise.all(Array.from({ length: 10 }, () => node.propose([{ key: null, value }])));
    // Ten 1 kB records in one turn: split so no batch passes 4 KiB, each caller gets its own offset.
    expect(new Set(results.map((r) => r.baseOffset)).size).toBe(10);
    expect(committedBatches.length).toBeGreaterThan(1);
    expect(Math.max(...committedBatches)).toBeLessThanOrEqual(3);
    expect(committedBatches.reduce((a, b) => a + b, 0)).toBe(10);
    await expect(node.propose([{ key: null, value: Buffer.alloc(5000) }])).rejects.toMatchObject({ name: 'RecordBatchTooLargeError', code: 'RECORD_LIST_TOO_LARGE' });
    await expect(node.proposeBatch(new Uint8Array(5000))).rejects.toMatchObject({ code: 'RECORD_LIST_TOO_LARGE' });
    // Nothing of the refused proposals reached the log.
    expect(machine.values).toHaveLength(10);
    await node.stop();
  });
});

describe('RaftNode hands committed batches to the state machine a turn at a time', () => {
  test('a burst of commits is applied over several turns, with other work running in between', async () => {
    const network = new InMemoryRaftNetwork();
    /** What happened, in order: an apply of a batch, or a turn of other work. */
    const events: string[] = [];
    const machine = new ListStateMachine();
    const applyOne = machine.apply.bind(machine);
    machine.apply = (batch) => {
      events.push('apply');
      applyOne(batch);
    };
    // A budget of 0 ms: each turn hands over one delivery and then lets the loop run.
    const node = await RaftNode.start({ nodeId: 1, voters: [1], storage: new MemoryRaftStorage(), transport: network.transport(1), stateMachine: machine, logger: quiet, config: fast, applyTurnBudgetMs: 0 });
    try {
      await until(() => node.status().role === 'leader');
      // Proposals of separate turns become separate batches that commit together in one Ready.
      const proposals: Promise<unknown>[] = [];
      for (let i = 0; i < 8; i++) {
        proposals.push(node.proposeBatch(batchOf(`v${i}`)));
      }
      let otherWork = true;
      const other = (): void => {
        if (!otherWork) return;
        events.push('other');
        setImmediate(other);
      };
      setImmediate(other);
      await Promise.all(proposals);
      otherWork = false;
      expect(machine.values).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7']);
      const firstApply = events.indexOf('apply');
      const lastApply = events.lastIndexOf('apply');
      const between = events.slice(firstApply, lastApply + 1);
      // Other turns ran between the first and the last apply of the burst: it did not hold the loop.
      expect(between.filter((e) => e === 'other').length).toBeGreaterThan(0);
    } finally {
      await node.stop();
    }
  });

  test('a read point is answered once the state machine has applied up to it, not before', async () => {
    const network = new InMemoryRaftNetwork();
    const machine = new ListStateMachine();
    const node = await RaftNode.start({ nodeId: 1, voters: [1], storage: new MemoryRaftStorage(), transport: network.transport(1), stateMachine: machine, logger: quiet, config: fast, applyTurnBudgetMs: 0 });
    try {
      await until(() => node.status().role === 'leader');
      // Appended in one turn, the five batches are persisted and committed together, then applied one a turn.
      const writes = Array.from({ length: 5 }, (_, i) => node.proposeBatch(batchOf(`w${i}`)));
      await writes[0];
      expect(machine.values.length).toBeLessThan(5);
      // Asked for while the rest are committed but not yet applied: the read must wait for them.
      const applied = await node.readBarrier().then(() => [...machine.values]);
      expect(applied).toEqual(['w0', 'w1', 'w2', 'w3', 'w4']);
      await Promise.all(writes);
    } finally {
      await node.stop();
    }
  });
});

function batchOf(value: string): Uint8Array {
  return encodeRecordBatch({ records: [{ key: null, value: Buffer.from(value) }] });
}
