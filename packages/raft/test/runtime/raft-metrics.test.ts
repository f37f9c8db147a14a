import { encodeRecordBatch } from '@kz/records';
import { MemoryRaftStorage } from '../../src/storage/memory-storage';
import { InMemoryRaftNetwork } from '../../src/transport/in-memory-transport';
import { RaftNode } from '../../src/runtime/raft-node';
import type { RaftMetricsSink } from '../../src/runtime/raft-metrics';
import type { CommittedBatch, StateMachine } from '../../src/runtime/state-machine';
import { fast, quiet, until } from './support/fast-nodes';

class CountingStateMachine implements StateMachine {
  records = 0;
  apply(batch: CommittedBatch): void {
    this.records += batch.records.length;
  }
  snapshot(): Uint8Array {
    return Buffer.from(String(this.records));
  }
  restore(snapshot: Uint8Array): void {
    this.records = Number(Buffer.from(snapshot).toString());
  }
}

/** Everything a node reported, in order. */
class RecordingSink implements RaftMetricsSink {
  readonly elections: number[] = [];
  readonly leaderships: number[] = [];
  readonly commits: { latencyMs: number; batches: number }[] = [];
  electionStarted(epoch: number): void {
    this.elections.push(epoch);
  }
  becameLeader(epoch: number): void {
    this.leaderships.push(epoch);
  }
  committed(latencyMs: number, batches: number): void {
    this.commits.push({ latencyMs, batches });
  }
}

describe('RaftNode metrics', () => {
  test('a single voter reports the election it won and the commit of every append', async () => {
    const sink = new RecordingSink();
    const network = new InMemoryRaftNetwork();
    const node = await RaftNode.start({
      nodeId: 1,
      voters: [1],
      storage: new MemoryRaftStorage(),
      transport: network.transport(1),
      stateMachine: new CountingStateMachine(),
      logger: quiet,
      config: fast,
      metrics: sink,
    });
    try {
      await until(() => node.status().role === 'leader');
      const epoch = node.status().epoch;
      expect(sink.elections).toEqual([epoch]);
      expect(sink.leaderships).toEqual([epoch]);

      await node.propose([{ key: null, value: Buffer.from('a') }]);
      await node.proposeBatch(encodeRecordBatch({ records: [{ key: null, value: Buffer.from('b') }] }));
      const placed = node.appendNow([[{ key: null, value: Buffer.from('c') }], [{ key: null, value: Buffer.from('d') }]], epoch);
      expect(placed).not.toBeNull();
      await until(() => node.status().highWatermark > placed!.lastOffset);

      // propose, proposeBatch and one appendNow of two batches: three appends, each reported once.
      expect(sink.commits.map((c) => c.batches)).toEqual([1, 1, 2]);
      for (const { latencyMs } of sink.commits) expect(latencyMs).toBeGreaterThanOrEqual(0);
    } finally {
      await node.stop();
    }
  });

  test('in a three-node cluster only the winner reports leadership, and a new leader reports a new election', async () => {
    const network = new InMemoryRaftNetwork();
    const voters = [1, 2, 3];
    const sinks = voters.map(() => new RecordingSink());
    const nodes = await Promise.all(
      voters.map((nodeId, i) =>
        RaftNode.start({
          nodeId,
          voters,
          storage: new MemoryRaftStorage(),
          transport: network.transport(nodeId),
          stateMachine: new CountingStateMachine(),
          logger: quiet,
          config: fast,
          metrics: sinks[i]!,
        }),
      ),
    );
    try {
      await until(() => nodes.some((n) => n.status().role === 'leader'));
      const first = nodes.findIndex((n) => n.status().role === 'leader');
      const firstEpoch = nodes[first]!.status().epoch;
      expect(sinks[first]!.leaderships).toEqual([firstEpoch]);
      expect(sinks[first]!.elections).toContain(firstEpoch);
      for (const [i, sink] of sinks.entries()) if (i !== first) expect(sink.leaderships).not.toContain(firstEpoch);

      await Promise.all(Array.from({ length: 5 }, (_, i) => nodes[first]!.propose([{ key: null, value: Buffer.from(`v${i}`) }])));
      // Proposals of one turn travel as one append; it commits once a follower has it.
      expect(sinks[first]!.commits.length).toBeGreaterThanOrEqual(1);
      for (const [i, sink] of sinks.entries()) if (i !== first) expect(sink.commits).toEqual([]);

      nodes[first]!.resign();
      await until(() => nodes.some((n, i) => i !== first && n.status().role === 'leader'));
      const second = nodes.findIndex((n, i) => i !== first && n.status().role === 'leader');
      const secondEpoch = nodes[second]!.status().epoch;
      expect(secondEpoch).toBeGreaterThan(firstEpoch);
      expect(sinks[second]!.elections).toContain(secondEpoch);
      expect(sinks[second]!.leaderships).toEqual([secondEpoch]);
      // Every epoch is reported once at most, in increasing order.
      for (const sink of sinks) {
        expect([...sink.elections].sort((a, b) => a - b)).toEqual([...new Set(sink.elections)]);
      }
    } finally {
      await Promise.all(nodes.map((n) => n.stop()));
    }
  });

  test('a sink that throws does not halt the node', async () => {
    const network = new InMemoryRaftNetwork();
    const node = await RaftNode.start({
      nodeId: 1,
      voters: [1],
      storage: new MemoryRaftStorage(),
      transport: network.transport(1),
      stateMachine: new CountingStateMachine(),
      logger: quiet,
      config: fast,
      metrics: {
        electionStarted: () => {
          throw new Error('broken sink');
        },
        committed: () => {
          throw new Error('broken sink');
        },
      },
    });
    try {
      await until(() => node.status().role === 'leader');
      await expect(node.propose([{ key: null, value: Buffer.from('x') }])).resolves.toMatchObject({ baseOffset: expect.any(Number) });
    } finally {
      await node.stop();
    }
  });
});
