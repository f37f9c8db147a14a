import { InMemoryRaftNetwork, MemoryRaftStorage, RaftNode, type CommittedBatch, type StateMachine } from '@kz/raft';
import pino from 'pino';

// Your state machine: here, a counter. Every node applies the same committed batches in order.
class Counter implements StateMachine {
  total = 0;
  apply(batch: CommittedBatch): void {
    for (const record of batch.records) this.total += Number(Buffer.from(record.value ?? []).toString());
  }
  snapshot(): Uint8Array {
    return Buffer.from(String(this.total));
  }
  restore(snapshot: Uint8Array): void {
    this.total = Number(Buffer.from(snapshot).toString());
  }
}

export async function main(): Promise<number> {
  // Three voters in one process. In production, give each its own process with
  // `storage: { dataDir }` and a `new GrpcRaftTransport({ nodeId, clusterId, listen, peers })`.
  const network = new InMemoryRaftNetwork();
  const voters = [1, 2, 3];
  const counters = voters.map(() => new Counter());
  const nodes = await Promise.all(
    voters.map((nodeId, i) =>
      RaftNode.start({
        nodeId,
        voters,
        storage: new MemoryRaftStorage(),
        transport: network.transport(nodeId),
        stateMachine: counters[i]!,
        logger: pino({ level: 'warn' }),
      }),
    ),
  );

  // Wait for an election, then write through the leader.
  let leader: RaftNode | undefined;
  while (leader === undefined) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    leader = nodes.find((node) => node.status().role === 'leader');
  }
  for (const n of [1, 2, 3, 4]) await leader.propose([{ key: null, value: Buffer.from(String(n)) }]);

  // A linearizable read: once the barrier resolves, the leader's state includes every commit.
  await leader.readBarrier();
  const total = counters[nodes.indexOf(leader)]!.total; // 10
  await Promise.all(nodes.map((node) => node.stop()));
  return total;
}
