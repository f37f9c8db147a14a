import { logVerbosity, setLogVerbosity, status } from '@grpc/grpc-js';
import * as crypto from 'node:crypto';
import * as net from 'node:net';
import pino from 'pino';
import type { NodeId } from '../../src/core/config';
import type { FetchRequest, RaftRequest, VoteRequest } from '../../src/core/messages';
import type { QuorumDescription } from '../../src/core/status';
import { errorFromStatus } from '../../src/transport/call-metadata';
import { GrpcRaftTransport } from '../../src/transport/grpc-raft-transport';
import { NotLeaderError } from '../../src/core/errors';
import { describeQuorumAt } from '../../src/transport/raft-admin-client';
import { encodeRaftMessage } from '../../src/transport/raft-codec';
import { raftWire } from '../../src/transport/raft-schema';
import {
  InconsistentClusterIdError,
  InvalidTransportConfigError,
  ListenFailedError,
  MalformedMessageError,
  RaftTransportError,
  TransportStateError,
} from '../../src/transport/transport-errors';
import type { RaftTransportLogger } from '../../src/transport/transport-logger';
import { batchAt } from '../core/batch-fixtures';
import { answerTo, CLUSTER_ID, connect, freePort, rawCall, recordingLogger, REQUEST_WAYS, sleep, TestNode, waitFor } from './grpc-harness';

const MiB = 1024 * 1024;

async function portIsFree(port: number): Promise<boolean> {
  const server = net.createServer();
  const free = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (free) await new Promise<void>((resolve) => server.close(() => resolve()));
  return free;
}

/** One request of every type, from `from`, with request ids unique per (from, to). */
function everyRequest(from: NodeId, to: NodeId): RaftRequest[] {
  const id = (k: number): number => from * 1000 + to * 10 + k;
  return [
    { type: 'VoteRequest', requestId: id(1), epoch: 3, candidateId: from, lastEpoch: 2, lastOffset: 41, preVote: true },
    { type: 'BeginQuorumEpochRequest', requestId: id(2), epoch: 3, leaderId: from },
    { type: 'EndQuorumEpochRequest', requestId: id(3), epoch: 3, leaderId: from, preferredSuccessors: [to, 9] },
    { type: 'FetchRequest', requestId: id(4), epoch: 3, replicaId: from, fetchOffset: 2 ** 40, lastFetchedEpoch: 2, maxWaitMs: 500, maxBytes: 8 * MiB },
    { type: 'FetchSnapshotRequest', requestId: id(5), epoch: 3, replicaId: from, snapshotId: { offset: 100, epoch: 2 }, position: 7, maxBytes: MiB },
  ];
}

function vote(requestId: number, candidateId: NodeId = 1): VoteRequest {
  return { type: 'VoteRequest', requestId, epoch: 1, candidateId, lastEpoch: 0, lastOffset: 0, preVote: false };
}

const nodes: TestNode[] = [];
/** Whether the nodes of the test running carry requests on Streams (describe.each sets it). */
let streams = true;

async function node(id: NodeId, options: ConstructorParameters<typeof TestNode>[1] = {}): Promise<TestNode> {
  const created = new TestNode(id, { stream: streams, ...options });
  nodes.push(created);
  return created.start();
}

afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.transport.close()));
});

describe.each(REQUEST_WAYS)('GrpcRaftTransport, requests on %s', (_how, stream) => {
  beforeEach(() => {
    streams = stream;
  });

  test('three nodes exchange every request type; responses come back to the asker from the right node', async () => {
    const batches = [batchAt(0, 3, 2).bytes, batchAt(2, 3, 1).bytes];
    const trio = await Promise.all([1, 2, 3].map((id) => node(id)));
    for (const n of trio) n.answer = (_from, request) => answerTo(request, n.id, batches);
    connect(trio);

    for (const a of trio) for (const b of trio) if (a !== b) for (const request of everyRequest(a.id, b.id)) a.transport.send(b.id, request);
    await waitFor(() => trio.every((n) => n.inbox.length === 20), 5000, 'every request and response');

    for (const a of trio) {
      for (const b of trio) {
        if (a === b) continue;
        for (const request of everyRequest(a.id, b.id)) {
          expect(b.inbox).toContainEqual({ from: a.id, message: request });
          expect(a.inbox).toContainEqual({ from: b.id, message: answerTo(request, b.id, batches) });
        }
      }
      const stats = a.transport.stats();
      expect(stats).toMatchObject({ requestsSent: 10, responsesSent: 10, delivered: 20, refused: 0, pendingInboundCalls: 0, inflightRequests: 0, inflightBytes: 0 });
      // One stream to each peer carried all five requests, and one from each peer all of theirs.
      expect(stats).toMatchObject(stream ? { streamsOpened: 2, inboundStreams: 2, unaryPeers: 0 } : { streamsOpened: 0, inboundStreams: 0 });
      expect(Object.values(stats.dropped).every((n) => n === 0)).toBe(true);
    }
  });

  test('a 20 MiB Fetch response and a 16 MiB snapshot chunk pass intact', async () => {
    const batches = Array.from({ length: 20 }, () => crypto.randomBytes(MiB)).map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    const chunk = new Uint8Array(crypto.randomBytes(16 * MiB));
    const leader = await node(1);
    leader.answer = (_from, request) => answerTo(request, 1, request.type === 'FetchRequest' ? batches : [chunk]);
    const follower = await node(2, { peers: new Map([[1, leader.address]]) });

    const [, , , fetch, snapshot] = everyRequest(2, 1);
    follower.transport.send(1, fetch!);
    follower.transport.send(1, snapshot!);
    await waitFor(() => follower.inbox.length === 2, 10_000, 'the large responses');

    const fetched = follower.received('FetchResponse')[0]!.message;
    if (fetched.type !== 'FetchResponse') throw new Error('unreachable');
    expect(fetched.batches).toHaveLength(20);
    fetched.batches.forEach((b, i) => expect(Buffer.compare(b, batches[i]!)).toBe(0));
    const chunked = follower.received('FetchSnapshotResponse')[0]!.message;
    if (chunked.type !== 'FetchSnapshotResponse') throw new Error('unreachable');
    expect(Buffer.compare(chunked.bytes, chunk)).toBe(0);
  }, 20_000);

  test('a response over maxMessageBytes fails its call with RESOURCE_EXHAUSTED', async () => {
    const leader = await node(1, { maxMessageBytes: MiB });
    leader.answer = (_from, request) => answerTo(request, 1, [new Uint8Array(2 * MiB)]);
    const follower = await node(2, { peers: { 1: leader.address } });
    follower.transport.send(1, everyRequest(2, 1)[3]!);
    await waitFor(() => follower.transport.stats().dropped.callFailed === 1, 3000, 'the failed fetch');
    expect(follower.log.find((l) => l.fields['reason'] === 'callFailed')?.fields['code']).toBe('RESOURCE_EXHAUSTED');
    expect(leader.transport.stats().dropped.tooLarge).toBe(1);
    expect(leader.log.some((l) => l.level === 'warn' && l.fields['bytes'] !== undefined)).toBe(true);
  });

  test('a request from another cluster is refused with INCONSISTENT_CLUSTER_ID and reaches no one', async () => {
    const receiver = await node(1);
    const stranger = await node(2, { clusterId: 'another-cluster', peers: { 1: receiver.address } });
    stranger.transport.send(1, vote(1, 2));
    stranger.transport.send(1, vote(2, 2));
    await waitFor(() => stranger.transport.stats().dropped.callFailed === 2, 3000, 'the refusals');

    expect(receiver.inbox).toEqual([]);
    // Unary: each call refused. Stream: the stream both went on, refused when it opened.
    expect(receiver.transport.stats().refused).toBe(stream ? 1 : 2);
    expect(stranger.inbox).toEqual([]);
    // Said once at warn, not once per request.
    const warnings = stranger.log.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.fields).toMatchObject({ to: 1, code: 'INCONSISTENT_CLUSTER_ID' });

    // On the wire: FAILED_PRECONDITION, and the reason in kz-error-code — with or without a body that decodes.
    for (const body of [encodeRaftMessage(vote(3, 7)), Uint8Array.of(0xff, 0xff)]) {
      const attempts: Record<string, string>[] = [{ 'kz-cluster-id': 'nope', 'kz-node-id': '7' }, { 'kz-node-id': '7' }];
      for (const headers of attempts) {
        const { error } = await rawCall(receiver.address, 'Vote', body, headers);
        expect(error?.code).toBe(status.FAILED_PRECONDITION);
        expect(error?.metadata.get('kz-error-code')).toEqual(['INCONSISTENT_CLUSTER_ID']);
        expect(errorFromStatus(error!)).toBeInstanceOf(InconsistentClusterIdError);
      }
    }
    expect(receiver.inbox).toEqual([]);
  });

  test('a malformed request is refused with INVALID_REQUEST, and the node serves the next good one', async () => {
    const receiver = await node(1);
    const good = { 'kz-cluster-id': CLUSTER_ID, 'kz-node-id': '2' };
    const negativeOffset = raftWire.FetchRequest.encode({ requestId: 1, replicaId: 2, fetchOffset: -1 }).finish();
    const refusals: [Record<string, string>, Uint8Array][] = [
      [good, Uint8Array.of(0x0a, 0xff, 0xff)], // does not decode
      [good, negativeOffset], // decodes, impossible value
      [{ 'kz-cluster-id': CLUSTER_ID }, encodeRaftMessage(vote(1, 2))], // no node id
      [{ 'kz-cluster-id': CLUSTER_ID, 'kz-node-id': 'two' }, encodeRaftMessage(vote(1, 2))],
      [{ 'kz-cluster-id': CLUSTER_ID, 'kz-node-id': '-2' }, encodeRaftMessage(vote(1, 2))],
    ];
    for (const [headers, body] of refusals) {
      const { error } = await rawCall(receiver.address, headers === good && body === negativeOffset ? 'Fetch' : 'Vote', body, headers);
      expect(error?.code).toBe(status.INVALID_ARGUMENT);
      expect(error?.metadata.get('kz-error-code')).toEqual(['INVALID_REQUEST']);
      expect(errorFromStatus(error!)).toBeInstanceOf(MalformedMessageError);
    }
    expect(receiver.inbox).toEqual([]);
    expect(receiver.transport.stats().refused).toBe(refusals.length);

    const sender = await node(2, { peers: { 1: receiver.address } });
    sender.transport.send(1, vote(10, 2));
    await waitFor(() => sender.inbox.length === 1, 3000, 'the good request to be answered');
    expect(receiver.inbox).toEqual([{ from: 2, message: vote(10, 2) }]);
    expect(sender.inbox[0]).toEqual({ from: 1, message: answerTo(vote(10, 2), 1) });
  });

  test('sends to an unreachable peer are dropped without throwing, and resume once it listens', async () => {
    const port = await freePort();
    const sender = await node(1, { peers: { 2: `127.0.0.1:${port}` } });
    expect(() => sender.transport.send(2, vote(1))).not.toThrow();
    await waitFor(() => sender.transport.stats().dropped.callFailed === 1, 3000, 'the failed call');
    expect(sender.log.some((l) => l.level === 'debug' && l.fields['code'] === 'UNAVAILABLE')).toBe(true);

    await node(2, { listen: `127.0.0.1:${port}` });
    let requestId = 2;
    const started = Date.now();
    while (sender.inbox.length === 0) {
      if (Date.now() - started > 5000) throw new Error('no reconnect within 5 s');
      sender.transport.send(2, vote(requestId++));
      await sleep(50);
    }
    expect(sender.inbox[0]!.from).toBe(2);
  }, 10_000);

  test('an unanswered request times out at the receiver: DEADLINE_EXCEEDED, and a late answer is dropped', async () => {
    const receiver = await node(1, { requestTimeoutMs: 300 });
    receiver.answer = undefined;
    const sender = await node(2, { peers: { 1: receiver.address }, requestTimeoutMs: 5000 });
    sender.transport.send(1, vote(1, 2));
    await waitFor(() => receiver.inbox.length === 1, 3000, 'delivery');
    expect(receiver.transport.stats().pendingInboundCalls).toBe(1);

    await waitFor(() => receiver.transport.stats().expired === 1, 3000, 'the receiver to give up');
    expect(receiver.transport.stats().pendingInboundCalls).toBe(0);
    await waitFor(() => sender.transport.stats().dropped.callFailed === 1, 3000, 'the sender to see the failure');
    expect(sender.log.find((l) => l.fields['reason'] === 'callFailed')?.fields['code']).toBe('DEADLINE_EXCEEDED');

    receiver.transport.send(2, answerTo(vote(1, 2), 1));
    expect(receiver.transport.stats().dropped.noPendingCall).toBe(1);
    await sleep(50);
    expect(sender.inbox).toEqual([]);
  });

  test('an unanswered request times out at the sender, and the receiver forgets the call (cancelled, not expired)', async () => {
    const receiver = await node(1, { requestTimeoutMs: 5000 });
    receiver.answer = undefined;
    const sender = await node(2, { peers: { 1: receiver.address }, requestTimeoutMs: 300 });
    sender.transport.send(1, vote(1, 2));
    await waitFor(() => sender.transport.stats().dropped.callFailed === 1, 3000, 'the sender deadline');
    expect(sender.log.find((l) => l.fields['reason'] === 'callFailed')?.fields['code']).toBe('DEADLINE_EXCEEDED');
    await waitFor(() => receiver.transport.stats().pendingInboundCalls === 0, 3000, 'the receiver to see the cancellation');
    expect(receiver.transport.stats().expired).toBe(0);
    expect(sender.transport.stats().inflightRequests).toBe(0);
  });

  test('requests beyond the in-flight bound for a peer are dropped (backpressure)', async () => {
    const receiver = await node(1);
    receiver.answer = undefined;
    const sender = await node(2, { peers: { 1: receiver.address }, maxInflightBytesPerPeer: 150 });
    const big = (requestId: number): RaftRequest => ({
      type: 'EndQuorumEpochRequest',
      requestId,
      epoch: 1,
      leaderId: 2,
      preferredSuccessors: Array.from({ length: 30 }, (_, i) => 1_000_000 + i),
    });
    expect(encodeRaftMessage(big(1)).length).toBeGreaterThan(80);
    for (let i = 1; i <= 5; i++) sender.transport.send(1, big(i));
    expect(sender.transport.stats()).toMatchObject({ requestsSent: 1, inflightRequests: 1, dropped: { backpressure: 4 } });
    await waitFor(() => receiver.inbox.length === 1, 3000, 'the one request');
  });

  test('a duplicate of a pending request is refused, and a response nobody waits for is dropped', async () => {
    const receiver = await node(1);
    receiver.answer = undefined;
    const sender = await node(2, { peers: { 1: receiver.address } });
    sender.transport.send(1, vote(7, 2));
    sender.transport.send(1, vote(7, 2));
    await waitFor(() => sender.transport.stats().dropped.callFailed === 1, 3000, 'the duplicate refused');
    expect(receiver.inbox).toHaveLength(1);
    expect(receiver.transport.stats()).toMatchObject({ refused: 1, pendingInboundCalls: 1 });

    sender.transport.send(1, answerTo(vote(99, 1), 2));
    expect(sender.transport.stats().dropped.noPendingCall).toBe(1);
  });

  test('a response of the wrong type does not complete the call', async () => {
    const receiver = await node(1);
    receiver.answer = (_from, request) => ({ type: 'BeginQuorumEpochResponse', requestId: request.requestId, error: 'NONE', epoch: 1, leaderId: 1 });
    const sender = await node(2, { peers: { 1: receiver.address } });
    sender.transport.send(1, vote(1, 2));
    await waitFor(() => sender.transport.stats().dropped.callFailed === 1, 3000, 'the failed call');
    expect(sender.inbox).toEqual([]);
    expect(receiver.transport.stats().dropped.wrongResponseType).toBe(1);
    expect(receiver.log.some((l) => l.level === 'error')).toBe(true);
  });

  test('close() fails the calls waiting on this node and cancels its own; nothing is delivered after', async () => {
    const a = await node(1);
    a.answer = undefined;
    const b = await node(2);
    b.answer = undefined;
    connect([a, b]);
    b.transport.send(1, vote(1, 2)); // will wait at a
    a.transport.send(2, vote(2, 1)); // will wait at b
    await waitFor(() => a.inbox.length === 1 && b.inbox.length === 1, 3000, 'both requests delivered');

    await a.transport.close();
    expect(a.transport.stats()).toMatchObject({ pendingInboundCalls: 0, inflightRequests: 0 });
    await waitFor(() => b.transport.stats().dropped.callFailed === 1, 3000, 'b to see its call fail');
    await waitFor(() => b.transport.stats().pendingInboundCalls === 0, 3000, "b to see a's call cancelled");
    // b's core answers after a closed: a no longer listens.
    b.transport.send(1, answerTo(vote(2, 1), 2));
    await sleep(50);
    expect(a.inbox).toHaveLength(1);
    expect(() => a.transport.send(2, vote(3, 1))).not.toThrow();
    expect(a.transport.stats().dropped.notRunning).toBeGreaterThanOrEqual(1);
    await a.transport.close(); // idempotent
  });

});

describe('GrpcRaftTransport', () => {
  test('DescribeQuorum: the leader describes, others say NOT_LEADER, strangers are refused', async () => {
    const description: QuorumDescription = {
      leaderId: 1,
      epoch: 4,
      highWatermark: 120,
      voters: [
        { nodeId: 1, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 130, lastFetchTimestamp: 1_700_000_000_000, lastCaughtUpTimestamp: 1_700_000_000_000 },
        { nodeId: 2, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: -1, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1 },
      ],
      observers: [],
    };
    const leader = await node(1);
    leader.description = description;
    const follower = await node(2);

    await expect(describeQuorumAt({ address: leader.address, clusterId: CLUSTER_ID })).resolves.toStrictEqual(description);
    const notLeader = describeQuorumAt({ address: follower.address, clusterId: CLUSTER_ID });
    await expect(notLeader).rejects.toBeInstanceOf(NotLeaderError);
    await expect(notLeader).rejects.toMatchObject({ code: 'NOT_LEADER_OR_FOLLOWER', leaderId: -1 });
    await expect(describeQuorumAt({ address: leader.address, clusterId: 'another-cluster' })).rejects.toBeInstanceOf(InconsistentClusterIdError);
    const down = describeQuorumAt({ address: `127.0.0.1:${await freePort()}`, clusterId: CLUSTER_ID, timeoutMs: 2000 });
    await expect(down).rejects.toBeInstanceOf(RaftTransportError);
    await expect(down).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  test('ports, addresses and lifecycle', async () => {
    const n = new TestNode(1, { peers: { 2: 'localhost:9093', 3: '[::1]:9094' } });
    nodes.push(n);
    expect(() => n.transport.send(2, vote(1))).not.toThrow();
    expect(n.transport.stats().dropped.notRunning).toBe(1);
    expect(n.transport.port).toBeUndefined();
    await n.start();
    expect(n.transport.port).toBeGreaterThan(0);
    expect(n.transport.addressOf(1)).toBe(`127.0.0.1:${n.transport.port}`);
    expect(n.transport.addressOf(2)).toBe('localhost:9093');
    expect(n.transport.addressOf(3)).toBe('[::1]:9094');
    expect(n.transport.addressOf(4)).toBeUndefined();
    n.transport.send(4, vote(2));
    expect(n.transport.stats().dropped.unknownPeer).toBe(1);
    await expect(n.start()).rejects.toBeInstanceOf(TransportStateError);

    const clash = new GrpcRaftTransport({ nodeId: 5, clusterId: CLUSTER_ID, listen: `127.0.0.1:${n.transport.port}`, peers: {} });
    setLogVerbosity(logVerbosity.NONE); // grpc-js reports the failed bind on the console itself
    try {
      await expect(clash.start({ deliver: () => undefined, describeQuorum: () => null })).rejects.toBeInstanceOf(ListenFailedError);
    } finally {
      setLogVerbosity(logVerbosity.ERROR);
    }
    await clash.close();

    // close() while start() is still binding: the port ends up closed.
    const hasty = new GrpcRaftTransport({ nodeId: 6, clusterId: CLUSTER_ID, listen: '127.0.0.1:0', peers: {} });
    const starting = hasty.start({ deliver: () => undefined, describeQuorum: () => null });
    await hasty.close();
    await starting;
    expect(await portIsFree(hasty.port!)).toBe(true);

    // A client-only transport (an observer) serves nothing but can still ask.
    const observer = new TestNode(100, { listen: undefined, peers: { 1: n.address } });
    nodes.push(observer);
    await observer.start();
    expect(observer.transport.port).toBeUndefined();
    observer.transport.send(1, vote(1, 100));
    await waitFor(() => observer.inbox.length === 1, 3000, 'the observer to hear back');
  });

  test('bad options fail at construction', () => {
    const ok = { nodeId: 1, clusterId: CLUSTER_ID, listen: '127.0.0.1:0', peers: {} };
    const bad: object[] = [
      { listen: '127.0.0.1' },
      { listen: '127.0.0.1:70000' },
      { peers: { 2: '127.0.0.1:0' } },
      { peers: { 2: 'host-without-port' } },
      { peers: { two: '127.0.0.1:9000' } },
      { nodeId: -1 },
      { clusterId: '' },
      { clusterId: 'naïve' },
      { requestTimeoutMs: 0 },
      { maxMessageBytes: 1.5 },
    ];
    for (const change of bad) {
      expect(() => new GrpcRaftTransport({ ...ok, ...change } as typeof ok)).toThrow(InvalidTransportConfigError);
    }
  });

  test('a pino logger fits RaftTransportLogger', () => {
    const logger: RaftTransportLogger = pino({ level: 'silent' });
    const lines: Parameters<typeof recordingLogger>[0] = [];
    const both: RaftTransportLogger[] = [logger, recordingLogger(lines)];
    expect(both).toHaveLength(2);
  });

  test('FetchRequest bodies stay tiny: the header cost per fetch', () => {
    const fetch: FetchRequest = { type: 'FetchRequest', requestId: 123456, epoch: 12, replicaId: 3, fetchOffset: 10_000_000, lastFetchedEpoch: 12, maxWaitMs: 500, maxBytes: 8 * MiB };
    expect(encodeRaftMessage(fetch).length).toBeLessThan(32);
  });
});
