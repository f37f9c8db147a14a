/**
 * BrokerServer and BrokerConnection over loopback: every RPC reaches the BrokerApi and its answer
 * comes back whole (Kafka errors inside it); a rejecting BrokerApi is UNAVAILABLE with its message
 * (BrokerUnreachableError at the connection); a malformed request is INVALID_ARGUMENT with
 * `kz-error-code: INVALID_REQUEST`; an address nobody serves and a call past its deadline reject
 * with BrokerUnreachableError.
 */
import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import pino from 'pino';
import type { BrokerApi } from '../../src/protocol/broker-api';
import type { FetchRequest, FetchResponse } from '../../src/protocol/fetch';
import type { ProduceRequest, ProduceResponse } from '../../src/protocol/produce';
import { BrokerConnection } from '../../src/service/broker-connection';
import { brokerRpcPath, ERROR_CODE_KEY } from '../../src/service/broker-rpc';
import { BrokerServer } from '../../src/service/broker-server';
import { BrokerUnreachableError } from '../../src/service/broker-unreachable-error';
import { MalformedBrokerMessageError } from '../../src/service/malformed-broker-message-error';

const silent = pino({ level: 'silent' });

/** A BrokerApi that records what it was asked and answers from canned values. */
class CannedBroker implements BrokerApi {
  readonly produced: ProduceRequest[] = [];
  failWith: Error | undefined;
  held: (() => void) | undefined;

  private check(): void {
    if (this.failWith !== undefined) throw this.failWith;
  }

  async produce(request: ProduceRequest): Promise<ProduceResponse> {
    this.check();
    this.produced.push(request);
    return {
      topics: request.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partition: p.partition,
          errorCode: p.partition === 1 ? 6 : 0,
          errorMessage: p.partition === 1 ? 'not the leader' : '',
          baseOffset: p.partition === 1 ? -1 : 1000 + p.records.length,
          logStartOffset: 0,
          currentLeader: p.partition === 1 ? { leaderId: 3, leaderEpoch: 12 } : null,
        })),
      })),
    };
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    this.check();
    if (request.maxWaitMs === 12345) await new Promise<void>((resolve) => (this.held = resolve));
    return {
      errorCode: 0,
      topics: request.topics.map((t) => ({
        topicId: t.topicId,
        partitions: t.partitions.map((p) => ({
          partition: p.partition,
          errorCode: 0,
          errorMessage: '',
          highWatermark: p.fetchOffset + 3,
          logStartOffset: 0,
          logEndOffset: p.fetchOffset + 3,
          divergingEpoch: null,
          currentLeader: null,
          records: Uint8Array.from([1, 2, 3, p.partition]),
        })),
      })),
    };
  }

  async listOffsets(): Promise<never> {
    throw new Error('disk failed');
  }

  async metadata() {
    this.check();
    return { clusterId: 'c', controllerId: 1, brokers: [{ nodeId: 1, host: 'h', port: 1, rack: null }], topics: [] };
  }

  async findCoordinator() {
    return { errorCode: 0, errorMessage: '', nodeId: 1, host: 'h', port: 1 };
  }

  async offsetCommit() {
    return { topics: [] };
  }

  async offsetFetch() {
    return { errorCode: 16, topics: [] };
  }
}

let api: CannedBroker;
let server: BrokerServer;
let connection: BrokerConnection;
let port: number;

beforeEach(async () => {
  api = new CannedBroker();
  server = new BrokerServer({ api, listen: '127.0.0.1:0', logger: silent });
  port = await server.start();
  connection = new BrokerConnection({ address: `127.0.0.1:${port}`, requestTimeoutMs: 5000 });
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

test('produce: the records reach the BrokerApi byte for byte; per-partition Kafka errors come back in the response', async () => {
  const records = Uint8Array.from({ length: 4096 }, (_, i) => i & 0xff);
  const response = await connection.produce({ acks: -1, timeoutMs: 1000, topics: [{ name: 't', partitions: [{ partition: 0, records }, { partition: 1, records }] }] });
  expect(Buffer.from(api.produced[0]!.topics[0]!.partitions[0]!.records).equals(Buffer.from(records))).toBe(true);
  expect(response.topics[0]!.partitions).toEqual([
    { partition: 0, errorCode: 0, errorMessage: '', baseOffset: 1000 + 4096, logStartOffset: 0, currentLeader: null },
    { partition: 1, errorCode: 6, errorMessage: 'not the leader', baseOffset: -1, logStartOffset: 0, currentLeader: { leaderId: 3, leaderEpoch: 12 } },
  ]);
});

test('fetch, metadata, findCoordinator, offsetCommit and offsetFetch answer through the service', async () => {
  const fetched = await connection.fetch({
    replicaId: -1,
    replicaEpoch: -1,
    maxWaitMs: 0,
    minBytes: 1,
    maxBytes: 1000,
    topics: [{ topicId: 'id', partitions: [{ partition: 4, currentLeaderEpoch: 0, fetchOffset: 7, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 100 }] }],
  });
  expect(fetched.topics[0]!.partitions[0]).toMatchObject({ partition: 4, highWatermark: 10 });
  expect([...fetched.topics[0]!.partitions[0]!.records]).toEqual([1, 2, 3, 4]);
  await expect(connection.metadata({ topics: null })).resolves.toEqual({ clusterId: 'c', controllerId: 1, brokers: [{ nodeId: 1, host: 'h', port: 1, rack: null }], topics: [] });
  await expect(connection.findCoordinator({ key: 'g' })).resolves.toMatchObject({ nodeId: 1 });
  await expect(connection.offsetCommit({ groupId: 'g', topics: [] })).resolves.toEqual({ topics: [] });
  await expect(connection.offsetFetch({ groupId: 'g', topics: null })).resolves.toEqual({ errorCode: 16, topics: [] });
});

test('a BrokerApi that rejects is UNAVAILABLE with its message: BrokerUnreachableError at the connection', async () => {
  const failure = await connection.listOffsets({ topics: [] }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(BrokerUnreachableError);
  expect(failure).toMatchObject({ reason: 'UNAVAILABLE', code: 'NETWORK_EXCEPTION', kafkaErrorCode: 13 });
  expect((failure as Error).message).toContain('disk failed');

  api.failWith = new Error('broker stopping');
  await expect(connection.metadata({ topics: null })).rejects.toMatchObject({ reason: 'UNAVAILABLE', message: expect.stringContaining('broker stopping') });
});

test('a malformed request is refused with INVALID_ARGUMENT and kz-error-code INVALID_REQUEST, unseen by the BrokerApi', async () => {
  const raw = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  try {
    const failure = await new Promise<ServiceError>((resolve) => {
      raw.makeUnaryRequest(
        brokerRpcPath('Produce'),
        (b: Buffer) => b,
        (b: Buffer) => b,
        // acks = 7 (field 1, varint 7)
        Buffer.from([0x08, 0x07]),
        new Metadata(),
        {},
        (error) => resolve(error!),
      );
    });
    expect(failure.code).toBe(status.INVALID_ARGUMENT);
    expect(failure.metadata.get(ERROR_CODE_KEY)).toEqual(['INVALID_REQUEST']);
    expect(failure.details).toContain('acks');
    expect(api.produced).toEqual([]);
  } finally {
    raw.close();
  }
});

test('a request the connection cannot encode is refused without a call', async () => {
  await expect(connection.produce({ acks: 1, timeoutMs: -5, topics: [] })).rejects.toBeInstanceOf(MalformedBrokerMessageError);
  expect(api.produced).toEqual([]);
});

test('an address nobody serves: BrokerUnreachableError', async () => {
  await server.stop();
  const failure = await connection.metadata({ topics: null }).catch((error: unknown) => error);
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
  await expect(connection.metadata({ topics: null })).rejects.toMatchObject({ reason: 'CANCELLED' });
});
