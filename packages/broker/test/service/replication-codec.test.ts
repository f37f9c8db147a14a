/**
 * The Replication codec: every request and response comes back as it went out (null kept apart
 * from absent, -1 kept), record bytes come back byte for byte, and bytes or values the schema
 * cannot mean are refused with MalformedBrokerMessageError (INVALID_REQUEST) before the broker
 * could see them.
 */
import fc from 'fast-check';
import type { FetchRequest, FetchResponse } from '../../src/protocol/fetch';
import { decodeReplicationRequest, decodeReplicationResponse, encodeReplicationRequest, encodeReplicationResponse } from '../../src/service/replication-codec';
import { REPLICATION_METHOD_NAMES, type ReplicationMethodName, type ReplicationRequest, type ReplicationResponse } from '../../src/service/replication-rpc';
import { replicationWire } from '../../src/service/replication-schema';
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

function roundTripRequest<M extends ReplicationMethodName>(method: M, request: ReplicationRequest<M>): ReplicationRequest<M> {
  return decodeReplicationRequest(method, encodeReplicationRequest(method, request));
}

function roundTripResponse<M extends ReplicationMethodName>(method: M, response: ReplicationResponse<M>): ReplicationResponse<M> {
  return decodeReplicationResponse(method, encodeReplicationResponse(method, response));
}

function rawRequest(method: ReplicationMethodName, fields: Record<string, unknown>): Uint8Array {
  return replicationWire[`${method}Request`].encode(fields as never).finish();
}

const requests: { [M in ReplicationMethodName]: ReplicationRequest<M>[] } = {
  Fetch: [
    {
      replicaId: -1,
      replicaEpoch: -1,
      maxWaitMs: 500,
      minBytes: 1,
      maxBytes: 52_428_800,
      topics: [{ topicId: 'AAAAAAAAAAAAAAAAAAAAAA', partitions: [{ partition: 3, currentLeaderEpoch: -1, fetchOffset: BIG, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20 }] }],
      sessionId: 0,
      sessionEpoch: -1,
      forgottenTopics: [],
    },
    // An incremental fetch of a KIP-227 session: nothing moved, two partitions forgotten.
    { replicaId: 2, replicaEpoch: BIG, maxWaitMs: 0, minBytes: 0, maxBytes: 0, topics: [], sessionId: 2 ** 31 - 1, sessionEpoch: 9, forgottenTopics: [{ topicId: 'x', partitions: [0, 7] }] },
  ],
};

const responses: { [M in ReplicationMethodName]: ReplicationResponse<M>[] } = {
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
      sessionId: 12,
    },
    { errorCode: 77, topics: [], sessionId: 0 },
  ],
};

describe('round trips', () => {
  test.each(REPLICATION_METHOD_NAMES)('%s requests', (method) => {
    for (const request of requests[method]) expect(plain(roundTripRequest(method, request as never))).toEqual(plain(request));
  });

  test.each(REPLICATION_METHOD_NAMES)('%s responses', (method) => {
    for (const response of responses[method]) expect(plain(roundTripResponse(method, response as never))).toEqual(plain(response));
  });

  test('decoded records are views into the received message, not copies', () => {
    const bytes = encodeReplicationResponse('Fetch', responses.Fetch[0]!);
    const decoded = decodeReplicationResponse('Fetch', bytes);
    const records = decoded.topics[0]!.partitions[0]!.records;
    expect(records.buffer).toBe(bytes.buffer);
  });

  const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  const offset = fc.integer({ min: -1, max: Number.MAX_SAFE_INTEGER });
  const epoch = fc.integer({ min: -1, max: 2 ** 31 - 1 });
  const partitionId = fc.integer({ min: 0, max: 2 ** 31 - 1 });
  const leader = fc.option(fc.record({ leaderId: epoch, leaderEpoch: epoch }), { nil: null });

  test('any fetch request round-trips', () => {
    const request: fc.Arbitrary<FetchRequest> = fc.record({
      replicaId: epoch,
      replicaEpoch: offset,
      maxWaitMs: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      minBytes: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      maxBytes: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      topics: fc.array(
        fc.record({
          topicId: fc.string(),
          partitions: fc.array(
            fc.record({ partition: partitionId, currentLeaderEpoch: epoch, fetchOffset: offset, lastFetchedEpoch: epoch, logStartOffset: offset, partitionMaxBytes: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
            { maxLength: 4 },
          ),
        }),
        { maxLength: 3 },
      ),
      sessionId: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      sessionEpoch: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
      forgottenTopics: fc.array(fc.record({ topicId: fc.string(), partitions: fc.array(partitionId, { maxLength: 4 }) }), { maxLength: 2 }),
    });
    fc.assert(fc.property(request, (r) => expect(plain(roundTripRequest('Fetch', r))).toEqual(plain(r))));
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
      sessionId: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
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
    malformed(() => decodeReplicationRequest('Fetch', Uint8Array.from([0x32, 0xff, 0xff, 0xff, 0xff, 0x0f])));
    malformed(() => decodeReplicationResponse('Fetch', Uint8Array.from([0x12, 0x05, 0x01])));
  });

  test('any byte string decodes or is refused as malformed, nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REPLICATION_METHOD_NAMES), fc.uint8Array({ maxLength: 64 }), (method, bytes) => {
        for (const decode of [decodeReplicationRequest, decodeReplicationResponse]) {
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
    malformed(() => decodeReplicationRequest('Fetch', rawRequest('Fetch', { topics: [{ topicId: 'x', partitions: [{ partition: -1 }] }] })));
    malformed(() => decodeReplicationRequest('Fetch', rawRequest('Fetch', { topics: [{ topicId: 'x', partitions: [{ partition: 0, fetchOffset: '9007199254740993' }] }] })));
    malformed(() => decodeReplicationRequest('Fetch', rawRequest('Fetch', { replicaId: -5 })));
    malformed(() => decodeReplicationRequest('Fetch', rawRequest('Fetch', { maxWaitMs: -1 })));
    malformed(() => decodeReplicationRequest('Fetch', rawRequest('Fetch', { sessionId: -3 })));
    malformed(() => decodeReplicationRequest('Fetch', rawRequest('Fetch', { sessionEpoch: -2 })));
    malformed(() => decodeReplicationRequest('Fetch', rawRequest('Fetch', { forgottenTopics: [{ topicId: 'x', partitions: [-1] }] })));
  });

  test('a request the wire cannot carry is refused before it is sent', () => {
    malformed(() => encodeReplicationRequest('Fetch', { ...requests.Fetch[1]!, maxWaitMs: 1.5 }));
    malformed(() => encodeReplicationRequest('Fetch', { ...requests.Fetch[1]!, maxBytes: 2 ** 31 }));
    malformed(() => encodeReplicationRequest('Fetch', { ...requests.Fetch[1]!, replicaEpoch: 2 ** 60 }));
  });
});
