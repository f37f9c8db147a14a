/**
 * The Stream RPC over real gRPC: one long-lived stream per peer carries the requests, in order,
 * and brings their answers back; a restarted peer gets a new stream; a peer that serves no Stream
 * (a node of an older version) is called unary; a stream is admitted or refused when it opens,
 * as a unary call is, and each of its frames is checked as a unary body is.
 */
import { Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import type { NodeId } from '../../src/core/config';
import type { FetchRequest, VoteRequest } from '../../src/core/messages';
import { decodeRaftRequest, encodeRaftMessage, encodeRaftMessageParts } from '../../src/transport/raft-codec';
import { RAFT_RPC_NAMES, type RaftRpcName } from '../../src/transport/raft-rpc';
import { RAFT_UNARY_SERVICE_DEFINITION } from '../../src/transport/raft-service-definition';
import { encodeFailureFrame, encodeMessageFrame } from '../../src/transport/stream-frame';
import { batchAt } from '../core/batch-fixtures';
import { answerTo, CLUSTER_ID, rawStream, TestNode, waitFor } from './grpc-harness';

const nodes: TestNode[] = [];
const servers: Server[] = [];

async function node(id: NodeId, options: ConstructorParameters<typeof TestNode>[1] = {}): Promise<TestNode> {
  const created = new TestNode(id, options);
  nodes.push(created);
  return created.start();
}

afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.transport.close()));
  for (const server of servers.splice(0)) server.forceShutdown();
});

const vote = (requestId: number, candidateId: NodeId): VoteRequest => ({ type: 'VoteRequest', requestId, epoch: 1, candidateId, lastEpoch: 0, lastOffset: 0, preVote: false });
const frameOf = (id: number, request: VoteRequest | FetchRequest): Uint8Array =>
  encodeMessageFrame(id, request.type === 'VoteRequest' ? 'Vote' : 'Fetch', encodeRaftMessageParts(request));
const good = { 'kz-cluster-id': CLUSTER_ID, 'kz-node-id': '2' };

/** A node as it was before Stream: the unary methods only, each request answered by `answer`. */
async function oldPeer(answered: VoteRequest[]): Promise<string> {
  const server = new Server();
  servers.push(server);
  const handlers = Object.fromEntries(
    [...RAFT_RPC_NAMES, 'DescribeQuorum'].map((rpc) => [
      rpc,
      (call: ServerUnaryCall<Buffer, Buffer>, respond: sendUnaryData<Buffer>) => {
        const request = decodeRaftRequest(rpc as RaftRpcName, call.request);
        if (request.type === 'VoteRequest') answered.push(request);
        respond(null, Buffer.from(encodeRaftMessage(answerTo(request, 9))));
      },
    ]),
  );
  server.addService(RAFT_UNARY_SERVICE_DEFINITION, handlers);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return `127.0.0.1:${port}`;
}

describe('the Stream to a peer', () => {
  test('carries every request on one stream, delivered in the order sent, with answers both ways', async () => {
    const a = await node(1);
    const b = await node(2);
    a.transport.setPeerAddress(2, b.address);
    b.transport.setPeerAddress(1, a.address);
    for (let i = 1; i <= 300; i++) a.transport.send(2, vote(i, 1));
    for (let i = 1; i <= 50; i++) b.transport.send(1, vote(1000 + i, 2));
    await waitFor(() => a.received('VoteResponse').length === 300 && b.received('VoteResponse').length === 50, 10_000, 'every answer');
    // The same order at the receiver as at the sender: one stream, read in order.
    expect(b.received('VoteRequest').map((r) => (r.message as VoteRequest).requestId)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(a.received('VoteRequest').map((r) => (r.message as VoteRequest).requestId)).toEqual(Array.from({ length: 50 }, (_, i) => 1001 + i));
    expect(a.transport.stats()).toMatchObject({ streamsOpened: 1, inboundStreams: 1, requestsSent: 300, responsesSent: 50, refused: 0 });
    expect(b.transport.stats()).toMatchObject({ streamsOpened: 1, inboundStreams: 1, requestsSent: 50, responsesSent: 300, refused: 0 });
  });

  test('a Fetch answer arrives with its batches as views of the one received frame, not copies', async () => {
    const batches = [batchAt(0, 3, 2).bytes, batchAt(2, 3, 1).bytes, batchAt(3, 3, 5).bytes];
    const leader = await node(1);
    leader.answer = (_from, request) => answerTo(request, 1, batches);
    const follower = await node(2, { peers: { 1: leader.address } });
    follower.transport.send(1, { type: 'FetchRequest', requestId: 1, epoch: 3, replicaId: 2, fetchOffset: 0, lastFetchedEpoch: 0, maxWaitMs: 0, maxBytes: 1 << 20 });
    await waitFor(() => follower.inbox.length === 1, 5000, 'the fetch answered');
    const fetched = follower.inbox[0]!.message;
    if (fetched.type !== 'FetchResponse') throw new Error(`expected a FetchResponse, got ${fetched.type}`);
    fetched.batches.forEach((b, i) => expect(Buffer.compare(b, batches[i]!)).toBe(0));
    expect(new Set(fetched.batches.map((b) => b.buffer)).size).toBe(1);
  });

  test('a peer restart: what was in flight fails, and the next request opens a new stream', async () => {
    const a = await node(1);
    const first = await node(2);
    first.answer = undefined; // the request stays in flight until the peer goes away
    const address = first.address;
    a.transport.setPeerAddress(2, address);
    a.transport.send(2, vote(1, 1));
    await waitFor(() => first.inbox.length === 1, 5000, 'the request to arrive');
    await first.transport.close();
    await waitFor(() => a.transport.stats().dropped.callFailed === 1, 5000, 'the request in flight to fail');
    expect(a.transport.stats().inflightRequests).toBe(0);

    const second = await node(2, { listen: address });
    let requestId = 2;
    await waitFor(
      () => {
        if (a.received('VoteResponse').length === 0) a.transport.send(2, vote(requestId++, 1));
        return a.received('VoteResponse').length > 0;
      },
      10_000,
      'an answer from the restarted peer',
    );
    expect(second.received('VoteRequest').length).toBeGreaterThan(0);
    expect(a.transport.stats().streamsOpened).toBeGreaterThanOrEqual(2);
  });

  test('a peer that serves no Stream (an older node) is called unary: what went on the attempt goes again', async () => {
    const answered: VoteRequest[] = [];
    const a = await node(1, { peers: { 9: await oldPeer(answered) } });
    for (let i = 1; i <= 3; i++) a.transport.send(9, vote(i, 1));
    await waitFor(() => a.received('VoteResponse').length === 3, 5000, 'the three answers');
    a.transport.send(9, vote(4, 1));
    await waitFor(() => a.received('VoteResponse').length === 4, 5000, 'the fourth answer');
    expect(answered.map((r) => r.requestId)).toEqual([1, 2, 3, 4]);
    expect(a.transport.stats()).toMatchObject({ streamsOpened: 1, unaryPeers: 1, dropped: { callFailed: 0 } });
    expect(a.log.filter((l) => l.level === 'info' && l.message.includes('serves no Stream'))).toHaveLength(1);
  });

  test('a stream from another cluster, or from no node, is refused when it opens, and nothing reaches the core', async () => {
    const receiver = await node(1);
    const refusals: [Record<string, string>, status, string][] = [
      [{ 'kz-cluster-id': 'another-cluster', 'kz-node-id': '2' }, status.FAILED_PRECONDITION, 'INCONSISTENT_CLUSTER_ID'],
      [{ 'kz-node-id': '2' }, status.FAILED_PRECONDITION, 'INCONSISTENT_CLUSTER_ID'],
      [{ 'kz-cluster-id': CLUSTER_ID }, status.INVALID_ARGUMENT, 'INVALID_REQUEST'],
      [{ 'kz-cluster-id': CLUSTER_ID, 'kz-node-id': 'two' }, status.INVALID_ARGUMENT, 'INVALID_REQUEST'],
    ];
    for (const [headers, code, reason] of refusals) {
      const stream = rawStream(receiver.address, headers);
      stream.write(frameOf(1, vote(1, 2)));
      const ended = await stream.ended;
      expect([headers, ended.code, ended.metadata.get('kz-error-code')]).toEqual([headers, code, [reason]]);
      expect(stream.frames).toEqual([]);
    }
    expect(receiver.inbox).toEqual([]);
    expect(receiver.transport.stats()).toMatchObject({ refused: refusals.length, inboundStreams: 0 });
    // Through a transport: the stranger's requests fail, told once at warn.
    const stranger = await node(2, { clusterId: 'another-cluster', peers: { 1: receiver.address } });
    stranger.transport.send(1, vote(1, 2));
    await waitFor(() => stranger.transport.stats().dropped.callFailed === 1, 5000, 'the refusal');
    expect(stranger.log.filter((l) => l.level === 'warn')[0]?.fields).toMatchObject({ to: 1, code: 'INCONSISTENT_CLUSTER_ID' });
    expect(receiver.inbox).toEqual([]);
  });

  test('a frame that does not decode as its request is refused with INVALID_REQUEST and the stream goes on; one that is no frame ends it', async () => {
    const receiver = await node(1);
    const stream = rawStream(receiver.address, good);
    stream.write(encodeMessageFrame(1, 'Vote', { head: Uint8Array.of(0x0a, 0xff, 0xff), tag: 0, chunks: [], size: 3 }));
    stream.write(frameOf(2, vote(7, 2)));
    await waitFor(() => stream.frames.length === 2, 5000, 'both frames answered');
    const [refused, answered] = stream.frames;
    expect(refused).toMatchObject({ kind: 'failure', id: 1, rpc: 'Vote', failure: { code: status.INVALID_ARGUMENT } });
    expect(refused?.kind === 'failure' && refused.failure.metadata.get('kz-error-code')).toEqual(['INVALID_REQUEST']);
    expect(answered).toMatchObject({ kind: 'message', id: 2, rpc: 'Vote' });
    expect(receiver.inbox).toEqual([{ from: 2, message: vote(7, 2) }]);

    // A frame reusing the id of a request still waiting is refused; a request cancelled is forgotten.
    receiver.answer = undefined;
    stream.write(frameOf(3, vote(8, 2)));
    stream.write(frameOf(3, vote(9, 2)));
    await waitFor(() => stream.frames.length === 3, 5000, 'the reused id refused');
    expect(stream.frames[2]).toMatchObject({ kind: 'failure', id: 3, failure: { code: status.ALREADY_EXISTS } });
    expect(receiver.transport.stats().pendingInboundCalls).toBe(1);
    stream.write(encodeFailureFrame(3, 'Vote', { code: status.CANCELLED, details: 'gave up' }));
    await waitFor(() => receiver.transport.stats().pendingInboundCalls === 0, 5000, 'the cancelled request forgotten');
    expect(receiver.transport.stats().expired).toBe(0);

    stream.write(Uint8Array.of(0xff, 0xff, 0xff));
    const ended = await stream.ended;
    expect([ended.code, ended.metadata.get('kz-error-code')]).toEqual([status.INVALID_ARGUMENT, ['INVALID_REQUEST']]);
    await waitFor(() => receiver.transport.stats().inboundStreams === 0, 5000, 'the stream gone');
  });
});
