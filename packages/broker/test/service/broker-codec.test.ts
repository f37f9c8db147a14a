/**
 * The Broker codec: every request and response comes back as it went out (null kept apart from
 * empty, -1 from absent), record bytes come back byte for byte, and bytes or values the schema
 * cannot mean are refused with MalformedBrokerMessageError (INVALID_REQUEST) before a BrokerApi
 * could see them.
 */
import fc from 'fast-check';
import type { FetchResponse } from '../../src/protocol/fetch';
import type { ProduceRequest } from '../../src/protocol/produce';
import { decodeBrokerRequest, decodeBrokerResponse, encodeBrokerRequest, encodeBrokerResponse } from '../../src/service/broker-codec';
import { BROKER_METHOD_NAMES, type BrokerMethodName, type BrokerRequest, type BrokerResponse } from '../../src/service/broker-rpc';
import { brokerSchema } from '../../src/service/broker-schema';
import { MalformedBrokerMessageError } from '../../src/service/malformed-broker-message-error';

const BIG = 2 ** 40 + 7;
const batch = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);

/** Decoded bytes fields are Buffers (views into the message); compare them as plain bytes. */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: [...value] };
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function roundTripRequest<M extends BrokerMethodName>(method: M, request: BrokerRequest<M>): BrokerRequest<M> {
  return decodeBrokerRequest(method, encodeBrokerRequest(method, request));
}

function roundTripResponse<M extends BrokerMethodName>(method: M, response: BrokerResponse<M>): BrokerResponse<M> {
  return decodeBrokerResponse(method, encodeBrokerResponse(method, response));
}

function rawRequest(method: BrokerMethodName, fields: Record<string, unknown>): Uint8Array {
  return brokerSchema().requestType(method).encode(fields).finish();
}

const requests: { [M in BrokerMethodName]: BrokerRequest<M>[] } = {
  Produce: [
    { acks: -1, timeoutMs: 30_000, topics: [{ name: 'orders', partitions: [{ partition: 0, records: batch(100) }, { partition: 7, records: new Uint8Array(0) }] }] },
    { acks: 0, timeoutMs: 0, topics: [] },
    { acks: 1, timeoutMs: 5, topics: [{ name: '', partitions: [] }] },
  ],
  Fetch: [
    {
      replicaId: -1,
      replicaEpoch: -1,
      maxWaitMs: 500,
      minBytes: 1,
      maxBytes: 52_428_800,
      topics: [{ topicId: 'AAAAAAAAAAAAAAAAAAAAAA', partitions: [{ partition: 3, currentLeaderEpoch: -1, fetchOffset: BIG, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20 }] }],
    },
    { replicaId: 2, replicaEpoch: BIG, maxWaitMs: 0, minBytes: 0, maxBytes: 0, topics: [] },
  ],
  ListOffsets: [{ topics: [{ name: 't', partitions: [{ partition: 0, currentLeaderEpoch: 4, timestamp: -2 }, { partition: 1, currentLeaderEpoch: -1, timestamp: 1_700_000_000_000 }] }] }],
  Metadata: [{ topics: null }, { topics: [] }, { topics: ['a', 'b'] }],
  FindCoordinator: [{ key: 'billing' }, { key: '' }],
  OffsetCommit: [{ groupId: 'g', topics: [{ name: 't', partitions: [{ partition: 2, committedOffset: BIG, committedLeaderEpoch: -1, metadata: 'm' }] }] }],
  OffsetFetch: [
    { groupId: 'g', topics: null },
    { groupId: 'g', topics: [] },
    { groupId: 'g', topics: [{ name: 't', partitions: [0, 5] }] },
  ],
};

const responses: { [M in BrokerMethodName]: BrokerResponse<M>[] } = {
  Produce: [
    {
      topics: [
        {
          name: 't',
          partitions: [
            { partition: 0, errorCode: 0, errorMessage: '', baseOffset: BIG, logStartOffset: 0, currentLeader: null },
            { partition: 1, errorCode: 6, errorMessage: 'not the leader', baseOffset: -1, logStartOffset: -1, currentLeader: { leaderId: 2, leaderEpoch: 9 } },
            { partition: 2, errorCode: 6, errorMessage: '', baseOffset: -1, logStartOffset: -1, currentLeader: { leaderId: -1, leaderEpoch: -1 } },
          ],
        },
      ],
    },
    { topics: [] },
  ],
  Fetch: [
    {
      errorCode: 0,
      topics: [
        {
          topicId: 'x',
          partitions: [
            { partition: 0, errorCode: 0, errorMessage: '', highWatermark: BIG, logStartOffset: 0, logEndOffset: BIG + 1, divergingEpoch: null, currentLeader: null, records: batch(300) },
            { partition: 1, errorCode: 74, errorMessage: 'fenced', highWatermark: -1, logStartOffset: -1, logEndOffset: -1, divergingEpoch: { epoch: 3, endOffset: 40 }, currentLeader: { leaderId: 1, leaderEpoch: 5 }, records: new Uint8Array(0) },
          ],
        },
      ],
    },
    { errorCode: 77, topics: [] },
  ],
  ListOffsets: [{ topics: [{ name: 't', partitions: [{ partition: 0, errorCode: 0, errorMessage: '', timestamp: -1, offset: BIG, leaderEpoch: 3 }] }] }],
  Metadata: [
    {
      clusterId: 'kz',
      controllerId: -1,
      brokers: [
        { nodeId: 0, host: '10.0.0.1', port: 9092, rack: null },
        { nodeId: 1, host: '::1', port: 9093, rack: '' },
        { nodeId: 2, host: 'b2', port: 9094, rack: 'rack-a' },
      ],
      topics: [
        { errorCode: 0, name: 't', topicId: 'id', isInternal: false, partitions: [{ errorCode: 0, partition: 0, leaderId: 1, leaderEpoch: 7, replicas: [1, 2, 0], isr: [1, 2], offlineReplicas: [0] }] },
        { errorCode: 3, name: 'missing', topicId: '', isInternal: true, partitions: [{ errorCode: 5, partition: 1, leaderId: -1, leaderEpoch: -1, replicas: [], isr: [], offlineReplicas: [] }] },
      ],
    },
  ],
  FindCoordinator: [{ errorCode: 0, errorMessage: '', nodeId: 2, host: 'b2', port: 9094 }, { errorCode: 15, errorMessage: 'loading', nodeId: -1, host: '', port: -1 }],
  OffsetCommit: [{ topics: [{ name: 't', partitions: [{ partition: 0, errorCode: 0 }, { partition: 1, errorCode: 16 }] }] }],
  OffsetFetch: [
    { errorCode: 0, topics: [{ name: 't', partitions: [{ partition: 0, committedOffset: -1, committedLeaderEpoch: -1, metadata: '', errorCode: 0 }, { partition: 1, committedOffset: BIG, committedLeaderEpoch: 2, metadata: 'x', errorCode: 0 }] }] },
    { errorCode: 16, topics: [] },
  ],
};

describe('round trips', () => {
  test.each(BROKER_METHOD_NAMES)('%s requests', (method) => {
    for (const request of requests[method]) expect(plain(roundTripRequest(method, request as never))).toEqual(plain(request));
  });

  test.each(BROKER_METHOD_NAMES)('%s responses', (method) => {
    for (const response of responses[method]) expect(plain(roundTripResponse(method, response as never))).toEqual(plain(response));
  });

  test('metadata topics: null (all) and [] (none) stay apart, as do OffsetFetch topics', () => {
    expect(roundTripRequest('Metadata', { topics: null }).topics).toBeNull();
    expect(roundTripRequest('Metadata', { topics: [] }).topics).toEqual([]);
    expect(roundTripRequest('OffsetFetch', { groupId: 'g', topics: null }).topics).toBeNull();
    expect(roundTripRequest('OffsetFetch', { groupId: 'g', topics: [] }).topics).toEqual([]);
  });

  test('decoded records are views into the received message, not copies', () => {
    const bytes = encodeBrokerRequest('Produce', requests.Produce[0]!);
    const decoded = decodeBrokerRequest('Produce', bytes);
    const records = decoded.topics[0]!.partitions[0]!.records;
    expect(records.buffer).toBe(bytes.buffer);
  });

  const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  const offset = fc.integer({ min: -1, max: Number.MAX_SAFE_INTEGER });
  const epoch = fc.integer({ min: -1, max: 2 ** 31 - 1 });
  const partitionId = fc.integer({ min: 0, max: 2 ** 31 - 1 });
  const leader = fc.option(fc.record({ leaderId: epoch, leaderEpoch: epoch }), { nil: null });

  test('any produce request round-trips', () => {
    const request: fc.Arbitrary<ProduceRequest> = fc.record({
      acks: fc.constantFrom(-1 as const, 0 as const, 1 as const),
      timeoutMs: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      topics: fc.array(fc.record({ name: fc.string(), partitions: fc.array(fc.record({ partition: partitionId, records: fc.uint8Array({ maxLength: 64 }) }), { maxLength: 4 }) }), { maxLength: 4 }),
    });
    fc.assert(fc.property(request, (r) => expect(plain(roundTripRequest('Produce', r))).toEqual(plain(r))));
  });

  test('any fetch response round-trips', () => {
    const response: fc.Arbitrary<FetchResponse> = fc.record({
      errorCode: int32,
      topics: fc.array(
        fc.record({
          topicId: fc.string(),
          partitions: fc.array(
            fc.record({
              partition: partitionId,
              errorCode: int32,
              errorMessage: fc.string(),
              highWatermark: offset,
              logStartOffset: offset,
              logEndOffset: offset,
              divergingEpoch: fc.option(fc.record({ epoch, endOffset: offset }), { nil: null }),
              currentLeader: leader,
              records: fc.uint8Array({ maxLength: 64 }),
            }),
            { maxLength: 4 },
          ),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(fc.property(response, (r) => expect(plain(roundTripResponse('Fetch', r))).toEqual(plain(r))));
  });
});

describe('malformed input', () => {
  const malformed = (run: () => unknown): void => {
    expect(run).toThrow(MalformedBrokerMessageError);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ name: 'MalformedBrokerMessageError', code: 'INVALID_REQUEST', kafkaErrorCode: 42 });
    }
  };

  test('bytes that are not protobuf', () => {
    malformed(() => decodeBrokerRequest('Produce', Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f])));
    malformed(() => decodeBrokerResponse('Fetch', Uint8Array.from([0x12, 0x05, 0x01])));
  });

  test('any byte string decodes or is refused as malformed, nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BROKER_METHOD_NAMES), fc.uint8Array({ maxLength: 64 }), (method, bytes) => {
        for (const decode of [decodeBrokerRequest, decodeBrokerResponse]) {
          try {
            decode(method, bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(MalformedBrokerMessageError);
          }
        }
      }),
    );
  });

  test('values the schema cannot mean', () => {
    malformed(() => decodeBrokerRequest('Produce', rawRequest('Produce', { acks: 2 })));
    malformed(() => decodeBrokerRequest('Produce', rawRequest('Produce', { acks: -2 })));
    malformed(() => decodeBrokerRequest('Produce', rawRequest('Produce', { acks: 1, topics: [{ name: 't', partitions: [{ partition: -1 }] }] })));
    malformed(() => decodeBrokerRequest('Fetch', rawRequest('Fetch', { topics: [{ topicId: 'x', partitions: [{ partition: 0, fetchOffset: '9007199254740993' }] }] })));
    malformed(() => decodeBrokerRequest('Fetch', rawRequest('Fetch', { replicaId: -5 })));
    malformed(() => decodeBrokerRequest('Fetch', rawRequest('Fetch', { maxWaitMs: -1 })));
    malformed(() => decodeBrokerRequest('OffsetFetch', rawRequest('OffsetFetch', { groupId: 'g', topics: { topics: [{ name: 't', partitions: [-3] }] } })));
  });

  test('a request the wire cannot carry is refused before it is sent', () => {
    malformed(() => encodeBrokerRequest('Produce', { acks: 1, timeoutMs: 1.5, topics: [] }));
    malformed(() => encodeBrokerRequest('Fetch', { ...requests.Fetch[1]!, maxBytes: 2 ** 31 }));
    malformed(() => encodeBrokerRequest('OffsetCommit', { groupId: 'g', topics: [{ name: 't', partitions: [{ partition: 0, committedOffset: 2 ** 60, committedLeaderEpoch: -1, metadata: '' }] }] }));
  });
});
