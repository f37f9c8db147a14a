import fc from 'fast-check';
import { ApiKey, decodeResponse, encodeResponse, encodeResponseChunks, REFERENCED_BYTES_MIN, type FetchResponse } from '@kz/kafka-protocol';
import { checkProperty, hex } from '../helpers';

/** A Fetch answer whose partitions carry the given record bytes (null: no records). */
function fetchResponse(records: readonly (Uint8Array | null)[]): FetchResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    sessionId: 0,
    responses: [
      {
        topic: 'orders',
        topicId: 'AAAAAAAAAAAAAAAAAAAAAQ',
        partitions: records.map((r, i) => ({
          partitionIndex: i,
          errorCode: 0,
          highWatermark: 10,
          lastStableOffset: 10,
          logStartOffset: 0,
          abortedTransactions: null,
          preferredReadReplica: -1,
          records: r,
        })),
      },
    ],
    nodeEndpoints: [],
  };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))));
}

const SIZES = [0, 1, REFERENCED_BYTES_MIN - 1, REFERENCED_BYTES_MIN, REFERENCED_BYTES_MIN + 1, 3 * REFERENCED_BYTES_MIN + 7];

describe('encodeResponseChunks', () => {
  test('property: the chunks, joined, are the frame encodeResponse writes, at every Fetch version', () => {
    const arb = fc.record({
      version: fc.integer({ min: 4, max: 17 }),
      records: fc.array(fc.option(fc.constantFrom(...SIZES).map((n) => new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff))), { maxLength: 5 }),
    });
    checkProperty(arb, ({ version, records }) => {
      const body = fetchResponse(records);
      const chunks = encodeResponseChunks(ApiKey.Fetch, version, 7, body);
      expect(hex(concat(chunks))).toBe(hex(encodeResponse(ApiKey.Fetch, version, 7, body)));
    }, 100);
  });

  test('record bytes of at least REFERENCED_BYTES_MIN go out as they are, smaller ones are copied', () => {
    const large = new Uint8Array(REFERENCED_BYTES_MIN).fill(5);
    const small = new Uint8Array(REFERENCED_BYTES_MIN - 1).fill(6);
    const chunks = encodeResponseChunks(ApiKey.Fetch, 16, 1, fetchResponse([large, small, large]));
    expect(chunks.filter((c) => c === large)).toHaveLength(2);
    expect(chunks).not.toContain(small);
    const frame = concat(chunks);
    const decoded = decodeResponse(ApiKey.Fetch, 16, frame.subarray(4));
    expect(decoded.body.responses[0]!.partitions.map((p) => p.records?.length)).toEqual([large.length, small.length, large.length]);
  });

  test('a frame without large bytes is one chunk', () => {
    expect(encodeResponseChunks(ApiKey.Fetch, 16, 1, fetchResponse([new Uint8Array(10)]))).toHaveLength(1);
  });
});
