import type { NodeId } from '../../src/core/config';
import type { RaftMessage, RaftRequest, VoteRequest } from '../../src/core/messages';
import type { QuorumDescription } from '../../src/core/status';
import { InMemoryRaftNetwork, type InMemoryEnvelope } from '../../src/transport/in-memory-transport';
import type { RaftTransport } from '../../src/transport/raft-transport';
import { TransportStateError } from '../../src/transport/transport-errors';
import { answerTo, sleep, waitFor } from './grpc-harness';

interface Member {
  readonly transport: RaftTransport;
  readonly inbox: { from: NodeId; message: RaftMessage }[];
  answering: boolean;
}

function vote(requestId: number, candidateId: NodeId): VoteRequest {
  return { type: 'VoteRequest', requestId, epoch: 1, candidateId, lastEpoch: 0, lastOffset: 0, preVote: false };
}

async function join(network: InMemoryRaftNetwork, id: NodeId, description: QuorumDescription | null = null): Promise<Member> {
  const member: Member = { transport: network.transport(id), inbox: [], answering: true };
  await member.transport.start({
    deliver: (from, message) => {
      member.inbox.push({ from, message });
      if (member.answering && message.type.endsWith('Request')) member.transport.send(from, answerTo(message as RaftRequest, id));
    },
    describeQuorum: () => description,
  });
  return member;
}

describe('InMemoryRaftNetwork', () => {
  let network: InMemoryRaftNetwork;
  afterEach(() => network.close());

  test('delivers requests and their responses on a later macrotask, never inside send', async () => {
    network = new InMemoryRaftNetwork();
    const a = await join(network, 1);
    const b = await join(network, 2);
    a.transport.send(2, vote(1, 1));
    expect(b.inbox).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(b.inbox).toEqual([{ from: 1, message: vote(1, 1) }]);
    await waitFor(() => a.inbox.length === 1);
    expect(a.inbox).toEqual([{ from: 2, message: answerTo(vote(1, 1), 2) }]);
    expect(network.stats()).toMatchObject({ delivered: 2 });
  });

  test('a response reaches only the asker, once, while its request is still waiting', async () => {
    // Long enough that "answered twice" lands in time on a loaded machine; "too late" sleeps past it.
    network = new InMemoryRaftNetwork({ requestTimeoutMs: 400 });
    const a = await join(network, 1);
    const b = await join(network, 2);
    b.answering = false;
    // Unsolicited.
    b.transport.send(1, answerTo(vote(5, 1), 2));
    // Answered twice.
    a.transport.send(2, vote(6, 1));
    await waitFor(() => b.inbox.length === 1);
    b.transport.send(1, answerTo(vote(6, 1), 2));
    b.transport.send(1, answerTo(vote(6, 1), 2));
    // Answered too late.
    a.transport.send(2, vote(7, 1));
    await waitFor(() => b.inbox.length === 2);
    await sleep(450);
    b.transport.send(1, answerTo(vote(7, 1), 2));
    await sleep(20);
    expect(a.inbox).toEqual([{ from: 2, message: answerTo(vote(6, 1), 2) }]);
    expect(network.stats().droppedNoPendingCall).toBe(3);
  });

  test('a restarted node gets nothing meant for its previous incarnation', async () => {
    network = new InMemoryRaftNetwork();
    const a = await join(network, 1);
    const b = await join(network, 2);
    b.answering = false;
    a.transport.send(2, vote(1, 1));
    await waitFor(() => b.inbox.length === 1);
    expect(() => network.transport(1)).toThrow(TransportStateError);
    await a.transport.close();
    const a2 = await join(network, 1);
    b.transport.send(1, answerTo(vote(1, 1), 2)); // answers the old incarnation's request
    a2.transport.send(2, vote(2, 1));
    await waitFor(() => b.inbox.length === 2);
    await sleep(10);
    expect(a.inbox).toEqual([]);
    expect(a2.inbox).toEqual([]);
  });

  test('a hook can drop and delay messages', async () => {
    const seen: InMemoryEnvelope[] = [];
    network = new InMemoryRaftNetwork({
      hook: (envelope) => {
        seen.push(envelope);
        if (envelope.to === 3) return 'drop';
        return envelope.message.type === 'VoteResponse' ? { delayMs: 400 } : 'deliver';
      },
    });
    const a = await join(network, 1);
    const b = await join(network, 2);
    const c = await join(network, 3);
    a.transport.send(3, vote(1, 1));
    a.transport.send(2, vote(2, 1));
    await waitFor(() => b.inbox.length === 1);
    await sleep(20);
    expect(a.inbox).toEqual([]);
    await waitFor(() => a.inbox.length === 1);
    expect(c.inbox).toEqual([]);
    expect(seen.map((e) => [e.from, e.to, e.message.type])).toEqual([
      [1, 3, 'VoteRequest'],
      [1, 2, 'VoteRequest'],
      [2, 1, 'VoteResponse'],
    ]);
    expect(network.stats().droppedByHook).toBe(1);

    network.setHook(undefined);
    a.transport.send(3, vote(3, 1));
    await waitFor(() => c.inbox.length === 1);
  });

  test('unknown, unstarted and closed nodes are unreachable; close() cancels what is scheduled', async () => {
    network = new InMemoryRaftNetwork();
    const a = await join(network, 1);
    const unstarted = network.transport(2);
    a.transport.send(2, vote(1, 1));
    a.transport.send(9, vote(2, 1));
    await sleep(10);
    expect(network.stats().droppedUnreachable).toBe(2);
    expect(a.transport.addressOf(2)).toBe('memory:2');
    await unstarted.close();

    network.setHook(() => ({ delayMs: 10_000 }));
    const b = await join(network, 3);
    a.transport.send(3, vote(3, 1));
    await network.close(); // the 10 s delivery must not keep the process alive
    expect(b.inbox).toEqual([]);
  });

  test('describeQuorum asks the node', async () => {
    network = new InMemoryRaftNetwork();
    const description: QuorumDescription = { leaderId: 1, epoch: 2, highWatermark: 5, voters: [], observers: [] };
    await join(network, 1, description);
    await join(network, 2);
    expect(network.describeQuorum(1)).toBe(description);
    expect(network.describeQuorum(2)).toBeNull();
    expect(network.describeQuorum(3)).toBeNull();
  });
});
