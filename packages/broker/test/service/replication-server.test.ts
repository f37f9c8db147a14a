/**
 * ReplicationServer and ReplicationConnection over loopback: a fetch reaches the broker and its
 * answer comes back whole (Kafka errors inside it); a rejecting fetch is UNAVAILABLE with its
 * message (BrokerUnreachableError at the connection); a malformed request is INVALID_ARGUMENT with
 * `kz-error-code: INVALID_REQUEST`; an address nobody serves and a call past its deadline reject
 * with BrokerUnreachableError; the client-facing RPCs are gone (UNIMPLEMENTED). Fetches go on one
 * FetchStream: answered in order, a failed or late fetch ends the stream and the next opens another,
 * and a leader without FetchStream is fetched from by unary calls.
 */
import { Client, credentials, Metadata, Server, ServerCredentials, status, type ServerUnaryCall, type sendUnaryData, type ServiceError } from '@grpc/grpc-js';
import pino from 'pino';
import type { FetchRequest, FetchResponse } from '../../src/protocol/fetch';
import { BrokerUnreachableError } from '../../src/service/broker-unreachable-error';
import { MalformedBrokerMessageError } from '../../src/service/malformed-broker-message-error';
import { ReplicationConnection } from '../../src/service/replication-connection';
import { decodeReplicationRequest, encodeReplicationResponse } from '../../src/service/replication-codec';
import { ERROR_CODE_KEY, REPLICATION_UNARY_SERVICE_DEFINITION, replicationRpcPath, type ReplicationApi } from '../../src/service/replication-rpc';
import { REPLICATION_SERVICE_NAME } from '../../src/service/replication-schema';
import { ReplicationServer } from '../../src/service/replication-server';

const silent = pino({ level: 'silent' });

/** A leader that records what it was asked and answers from canned values. */
class CannedLeader implements ReplicationApi {
  readonly fetched: FetchRequest[] = [];
  failWith: Error | undefined;
  held: (() => void) | undefined;

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    if (this.failWith !== undefined) throw this.failWith;
    this.fetched.push(request);
    if (request.maxWaitMs === 12345) await new Promise<void>((resolve) => (this.held = resolve));
    return {
      errorCode: 0,
      topics: request.topics.map((t) => ({
        topicId: t.topicId,
        partitions: t.partitions.map((p) => ({
          partition: p.partition,
          errorCode: p.partition === 1 ? 6 : 0,
          errorMessage: p.partition === 1 ? 'not the leader' : '',
          highWatermark: p.fetchOffset + 3,
          logStartOffset: 0,
          logEndOffset: p.fetchOffset + 3,
          divergingEpoch: p.partition === 2 ? { epoch: 4, endOffset: 17 } : null,
          currentLeader: p.partition === 1 ? { leaderId: 3, leaderEpoch: 12 } : null,
          records: Uint8Array.from([1, 2, 3, p.partition]),
        })),
      })),
    };
  }
}

let api: CannedLeader;
let server: ReplicationServer;
let connection: ReplicationConnection;
let port: number;

const partition = (id: number, fetchOffset: number) => ({ partition: id, currentLeaderEpoch: 0, fetchOffset, lastFetchedEpoch: 2, logStartOffset: -1, partitionMaxBytes: 100 });

beforeEach(async () => {
  api = new CannedLeader();
  server = new ReplicationServer({ api, listen: '127.0.0.1:0', logger: silent });
  port = await server.start();
  connection = new ReplicationConnection({ address: `127.0.0.1:${port}`, requestTimeoutMs: 5000 });
});

afterEach(async () => {
  connection.close();
  api.held?.();
  await server.stop();
});

test('start() binds a free port and says which', () => {
  expect(port).toBeGreaterThan(0);
  expect(server.port).toBe(port);
});

test('a follower fetch reaches the leader as sent, and the answer comes back whole', async () => {
  const request: FetchRequest = { replicaId: 2, replicaEpoch: 2 ** 40, maxWaitMs: 0, minBytes: 1, maxBytes: 1000, topics: [{ topicId: 'id', partitions: [partition(4, 7), partition(1, 0), partition(2, 20)] }] };
  const fetched = await connection.fetch(request);
  // Sent without a session, it arrives as a sessionless fetch (KIP-227's epoch -1).
  expect(api.fetched).toEqual([{ ...request, sessionId: 0, sessionEpoch: -1, forgottenTopics: [] }]);
  const [p4, p1, p2] = fetched.topics[0]!.partitions;
  expect(p4).toMatchObject({ partition: 4, errorCode: 0, highWatermark: 10, divergingEpoch: null, currentLeader: null });
  expect([...p4!.records]).toEqual([1, 2, 3, 4]);
  expect(p1).toMatchObject({ errorCode: 6, errorMessage: 'not the leader', currentLeader: { leaderId: 3, leaderEpoch: 12 } });
  expect(p2).toMatchObject({ divergingEpoch: { epoch: 4, endOffset: 17 } });
});

test('a fetch that rejects is UNAVAILABLE with its message: BrokerUnreachableError at the connection', async () => {
  api.failWith = new Error('disk failed');
  const failure = await connection.fetch({ replicaId: 1, replicaEpoch: 1, maxWaitMs: 0, minBytes: 1, maxBytes: 1, topics: [] }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(BrokerUnreachableError);
  expect(failure).toMatchObject({ reason: 'UNAVAILABLE', code: 'NETWORK_EXCEPTION', kafkaErrorCode: 13 });
  expect((failure as Error).message).toContain('disk failed');
});

function rawCall(path: string, body: Buffer): Promise<ServiceError> {
  const raw = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  return new Promise<ServiceError>((resolve) => {
    raw.makeUnaryRequest(path, (b: Buffer) => b, (b: Buffer) => b, body, new Metadata(), {}, (error) => {
      raw.close();
      resolve(error!);
    });
  });
}

test('a malformed request is refused with INVALID_ARGUMENT and kz-error-code INVALID_REQUEST, unseen by the leader', async () => {
  // replica_id = -5 (field 1, varint -5 as a 10-byte two's complement)
  const failure = await rawCall(replicationRpcPath('Fetch'), Buffer.from([0x08, 0xfb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
  expect(failure.code).toBe(status.INVALID_ARGUMENT);
  expect(failure.metadata.get(ERROR_CODE_KEY)).toEqual(['INVALID_REQUEST']);
  expect(failure.details).toContain('replicaId');
  expect(api.fetched).toEqual([]);
});

test('clients are not served here: the retired client RPCs are UNIMPLEMENTED', async () => {
  for (const method of ['Produce', 'Metadata', 'ListOffsets', 'OffsetCommit']) {
    const failure = await rawCall(`/${REPLICATION_SERVICE_NAME}/${method}`, Buffer.alloc(0));
    expect(failure.code).toBe(status.UNIMPLEMENTED);
  }
});

test('a request the connection cannot encode is refused without a call', async () => {
  await expect(connection.fetch({ replicaId: 1, replicaEpoch: 1, maxWaitMs: -5, minBytes: 1, maxBytes: 1, topics: [] })).rejects.toBeInstanceOf(MalformedBrokerMessageError);
  expect(api.fetched).toEqual([]);
});

test('an address nobody serves: BrokerUnreachableError', async () => {
  await server.stop();
  const failure = await connection.fetch({ replicaId: 1, replicaEpoch: 1, maxWaitMs: 0, minBytes: 1, maxBytes: 1, topics: [] }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(BrokerUnreachableError);
  expect(failure).toMatchObject({ address: `127.0.0.1:${port}`, reason: 'UNAVAILABLE' });
});

test('a call past its deadline: BrokerUnreachableError that says it timed out', async () => {
  const request: FetchRequest = { replicaId: -1, replicaEpoch: -1, maxWaitMs: 12345, minBytes: 1, maxBytes: 1, topics: [] };
  const failure = await connection.fetch(request, { timeoutMs: 50 }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(BrokerUnreachableError);
  expect((failure as BrokerUnreachableError).timedOut).toBe(true);
});

test('a closed connection refuses calls', async () => {
  connection.close();
  await expect(connection.fetch({ replicaId: 1, replicaEpoch: 1, maxWaitMs: 0, minBytes: 1, maxBytes: 1, topics: [] })).rejects.toMatchObject({ reason: 'CANCELLED' });
});

describe('FetchStream: fetches on one long-lived stream', () => {
  const fetchOf = (maxWaitMs: number, offset: number): FetchRequest => ({ replicaId: 2, replicaEpoch: 1, maxWaitMs, minBytes: 1, maxBytes: 100, topics: [{ topicId: 'id', partitions: [partition(0, offset)] }] });

  test('answers come back in the order the fetches were sent, each counted by the observer', async () => {
    await server.stop();
    const observed: [string, string | null][] = [];
    server = new ReplicationServer({ api, listen: '127.0.0.1:0', logger: silent, observeRequest: (rpc, _ms, errorName) => observed.push([rpc, errorName]) });
    port = await server.start();
    connection.close();
    connection = new ReplicationConnection({ address: `127.0.0.1:${port}`, requestTimeoutMs: 5000 });
    const settled: number[] = [];
    const held = connection.fetch(fetchOf(12345, 1)).then((r) => settled.push(r.topics[0]!.partitions[0]!.highWatermark));
    while (api.held === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    const quick = connection.fetch(fetchOf(0, 10)).then((r) => settled.push(r.topics[0]!.partitions[0]!.highWatermark));
    while (api.fetched.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    // The second fetch is served at once, but its answer waits behind the first one's.
    expect(settled).toEqual([]);
    api.held();
    await Promise.all([held, quick]);
    expect(settled).toEqual([4, 13]);
    expect(observed).toEqual([
      ['Fetch', null],
      ['Fetch', null],
    ]);
  });

  test('a fetch the leader fails ends the stream with its status; the next fetch opens another', async () => {
    await expect(connection.fetch(fetchOf(0, 0))).resolves.toMatchObject({ errorCode: 0 });
    api.failWith = new Error('disk failed');
    await expect(connection.fetch(fetchOf(0, 3))).rejects.toMatchObject({ name: 'BrokerUnreachableError', reason: 'UNAVAILABLE' });
    api.failWith = undefined;
    const answer = await connection.fetch(fetchOf(0, 5));
    expect(answer.topics[0]!.partitions[0]!.highWatermark).toBe(8);
  });

  test('a fetch past its deadline gives the stream up; the next fetch is answered on a new one', async () => {
    const failure = await connection.fetch(fetchOf(12345, 0), { timeoutMs: 50 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'BrokerUnreachableError', timedOut: true });
    const answer = await connection.fetch(fetchOf(0, 7));
    expect(answer.topics[0]!.partitions[0]!.highWatermark).toBe(10);
  });

  test('a leader that serves no FetchStream (an older broker) is fetched from by unary calls', async () => {
    const older = new Server();
    const fetched: FetchRequest[] = [];
    older.addService(REPLICATION_UNARY_SERVICE_DEFINITION, {
      Fetch: (call: ServerUnaryCall<Buffer, Buffer>, respond: sendUnaryData<Buffer>) => {
        void api.fetch(decodeReplicationRequest('Fetch', call.request)).then((response) => {
          fetched.push(decodeReplicationRequest('Fetch', call.request));
          respond(null, Buffer.from(encodeReplicationResponse('Fetch', response)));
        });
      },
    });
    const olderPort = await new Promise<number>((resolve, reject) => older.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
    const toOlder = new ReplicationConnection({ address: `127.0.0.1:${olderPort}`, requestTimeoutMs: 5000 });
    try {
      const first = await toOlder.fetch(fetchOf(0, 1));
      const second = await toOlder.fetch(fetchOf(0, 2));
      expect([first, second].map((r) => r.topics[0]!.partitions[0]!.highWatermark)).toEqual([4, 5]);
      expect(fetched.map((f) => f.topics[0]!.partitions[0]!.fetchOffset)).toEqual([1, 2]);
    } finally {
      toOlder.close();
      older.forceShutdown();
    }
  });

  test('closing the connection fails the fetch waiting on the stream with CANCELLED', async () => {
    const waiting = connection.fetch(fetchOf(12345, 0)).catch((error: unknown) => error);
    while (api.held === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    connection.close();
    await expect(waiting).resolves.toMatchObject({ name: 'BrokerUnreachableError', reason: 'CANCELLED' });
  });
});
