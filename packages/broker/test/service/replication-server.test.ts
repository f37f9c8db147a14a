/**
 * ReplicationServer and ReplicationConnection over loopback: a fetch reaches the broker and its
 * answer comes back whole (Kafka errors inside it); a rejecting fetch is UNAVAILABLE with its
 * message (BrokerUnreachableError at the connection); a malformed request is INVALID_ARGUMENT with
 * `kz-error-code: INVALID_REQUEST`; an address nobody serves and a call past its deadline reject
 * with BrokerUnreachableError; the client-facing RPCs are gone (UNIMPLEMENTED).
 */
import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import pino from 'pino';
import type { FetchRequest, FetchResponse } from '../../src/protocol/fetch';
import { BrokerUnreachableError } from '../../src/service/broker-unreachable-error';
import { MalformedBrokerMessageError } from '../../src/service/malformed-broker-message-error';
import { ReplicationConnection } from '../../src/service/replication-connection';
import { ERROR_CODE_KEY, replicationRpcPath, type ReplicationApi } from '../../src/service/replication-rpc';
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
