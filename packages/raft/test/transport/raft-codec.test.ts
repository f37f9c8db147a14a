import fc from 'fast-check';
import * as fs from 'node:fs';
import { loadSync } from 'protobufjs';
import type { FetchResponse, RaftMessage } from '../../src/core/messages';
import type { QuorumDescription } from '../../src/core/status';
import {
  decodeDescribeQuorumRequest,
  decodeDescribeQuorumResponse,
  decodeRaftRequest,
  decodeRaftResponse,
  encodeDescribeQuorumRequest,
  encodeDescribeQuorumResponse,
  encodeRaftMessage,
} from '../../src/transport/raft-codec';
import { isRaftRequest, RAFT_RPC_NAMES, rpcOf, VOTER_CHANGE_RPC_NAMES } from '../../src/transport/raft-rpc';
import { RAFT_PROTO_PATH, raftWire } from '../../src/transport/raft-schema';
import { MalformedMessageError } from '../../src/transport/transport-errors';
import { fetchResponse, fetchSnapshotResponse, raftMessage } from './message-arbitraries';

function roundTrip(message: RaftMessage): RaftMessage {
  const bytes = encodeRaftMessage(message);
  const rpc = rpcOf(message);
  return isRaftRequest(message) ? decodeRaftRequest(rpc, bytes) : decodeRaftResponse(rpc, bytes);
}

type MessageName = { [K in keyof typeof raftWire]: (typeof raftWire)[K] extends { encode: unknown } ? K : never }[keyof typeof raftWire];

/** Encodes fields the codec would never write, straight through the generated encoder. */
function rawEncode(typeName: MessageName, fields: object): Uint8Array {
  return raftWire[typeName].encode(fields as never).finish();
}

function expectMalformed(decode: () => unknown, pattern: RegExp): void {
  let thrown: unknown;
  try {
    decode();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(MalformedMessageError);
  expect((thrown as MalformedMessageError).code).toBe('INVALID_REQUEST');
  expect((thrown as Error).message).toMatch(pattern);
}

describe('raft codec', () => {
  test('the schema ships with the package at the resolved path', () => {
    expect(fs.existsSync(RAFT_PROTO_PATH)).toBe(true);
    expect(loadSync(RAFT_PROTO_PATH).lookupService('kz.raft.v1.RaftService').methodsArray.map((m) => m.name)).toEqual([
      ...RAFT_RPC_NAMES,
      'DescribeQuorum',
      ...VOTER_CHANGE_RPC_NAMES,
      'Stream',
    ]);
  });

  test('every message type round-trips exactly (property)', () => {
    fc.assert(
      fc.property(raftMessage, (message) => {
        // toStrictEqual: an absent optional field must come back absent, not as undefined, and
        // bytes must come back as plain Uint8Arrays.
        expect(roundTrip(message)).toStrictEqual(message);
      }),
      { numRuns: 2000 },
    );
  });

  test('decoded numbers are plain numbers, never Long', () => {
    fc.assert(
      fc.property(raftMessage, (message) => {
        const decoded = roundTrip(message) as unknown as Record<string, unknown>;
        for (const [key, value] of Object.entries(decoded)) {
          if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !Array.isArray(value)) {
            for (const inner of Object.values(value)) expect(typeof inner).toBe('number');
          } else if (key !== 'type' && key !== 'error' && !Array.isArray(value) && !(value instanceof Uint8Array)) {
            expect(['number', 'boolean']).toContain(typeof value);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('optional fields: absent and present round-trip as such', () => {
    const base: FetchResponse = {
      type: 'FetchResponse',
      requestId: 1,
      error: 'NONE',
      epoch: 3,
      leaderId: 1,
      highWatermark: 0,
      logStartOffset: 0,
      batches: [],
    };
    const absent = roundTrip(base);
    expect('divergingEpoch' in absent).toBe(false);
    expect('snapshotId' in absent).toBe(false);
    // Zero values inside a present sub-message are still present.
    const zero = roundTrip({ ...base, divergingEpoch: { offset: 0, epoch: 0 } });
    expect(zero).toStrictEqual({ ...base, divergingEpoch: { offset: 0, epoch: 0 } });
    expect('snapshotId' in zero).toBe(false);
  });

  test('batches travel as the very bytes given, as views of the received buffer', () => {
    fc.assert(
      fc.property(fetchResponse, (message) => {
        const bytes = encodeRaftMessage(message);
        const decoded = decodeRaftResponse('Fetch', bytes);
        decoded.batches.forEach((batch, i) => {
          expect(Buffer.from(batch).equals(Buffer.from(message.batches[i]!))).toBe(true);
          // No copy: the batch is a window onto the message buffer.
          expect(batch.buffer).toBe(bytes.buffer);
        });
      }),
      { numRuns: 200 },
    );
  });

  test('Fetch and FetchSnapshot responses encode byte for byte as the generated encoders would', () => {
    const errorNumber = (name: string): number => raftWire.RaftErrorCode[name as keyof typeof raftWire.RaftErrorCode];
    fc.assert(
      fc.property(fetchResponse, fetchSnapshotResponse, (fetch, snapshot) => {
        const generic = raftWire.FetchResponse.encode({ ...fetch, error: errorNumber(fetch.error), batches: [...fetch.batches] }).finish();
        expect(Buffer.from(encodeRaftMessage(fetch)).equals(Buffer.from(generic))).toBe(true);
        const genericSnapshot = raftWire.FetchSnapshotResponse
          .encode({ ...snapshot, error: errorNumber(snapshot.error), chunk: snapshot.bytes })
          .finish();
        expect(Buffer.from(encodeRaftMessage(snapshot)).equals(Buffer.from(genericSnapshot))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('DescribeQuorum: a description and a not-leader answer round-trip', () => {
    const description: QuorumDescription = {
      leaderId: 1,
      epoch: 7,
      highWatermark: 2 ** 40,
      voters: [
        { nodeId: 1, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 2 ** 40 + 5, lastFetchTimestamp: 1_700_000_000_000, lastCaughtUpTimestamp: 1_700_000_000_000 },
        { nodeId: 2, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: -1, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1 },
      ],
      observers: [{ nodeId: 100, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 0, lastFetchTimestamp: 5, lastCaughtUpTimestamp: -1 }],
    };
    expect(decodeDescribeQuorumResponse(encodeDescribeQuorumResponse(description))).toStrictEqual(description);
    expect(decodeDescribeQuorumResponse(encodeDescribeQuorumResponse({ code: 'NOT_LEADER_OR_FOLLOWER', leaderId: -1, epoch: -1 }))).toStrictEqual({
      code: 'NOT_LEADER_OR_FOLLOWER',
      leaderId: -1,
      epoch: -1,
    });
    expect(
      decodeDescribeQuorumResponse(
        encodeDescribeQuorumResponse({ code: 'NOT_LEADER_OR_FOLLOWER', leaderId: 2, epoch: 9, leaderAddress: '127.0.0.1:9093' }),
      ),
    ).toStrictEqual({ code: 'NOT_LEADER_OR_FOLLOWER', leaderId: 2, epoch: 9, leaderAddress: '127.0.0.1:9093' });
    expect(() => decodeDescribeQuorumRequest(encodeDescribeQuorumRequest())).not.toThrow();
  });

  describe('malformed bytes throw MalformedMessageError', () => {
    const fetch: FetchResponse = {
      type: 'FetchResponse',
      requestId: 5,
      error: 'NONE',
      epoch: 2,
      leaderId: 1,
      highWatermark: 10,
      logStartOffset: 0,
      batches: [new Uint8Array(500).fill(7)],
    };

    test('bytes that do not decode', () => {
      const bytes = encodeRaftMessage(fetch);
      expectMalformed(() => decodeRaftResponse('Fetch', bytes.subarray(0, bytes.length - 3)), /does not decode/);
      // Field 1 with wire type 7 does not exist.
      expectMalformed(() => decodeRaftRequest('Vote', Uint8Array.of(0x0f, 0x01)), /does not decode/);
      // A varint that never ends.
      expectMalformed(() => decodeRaftRequest('Fetch', new Uint8Array(12).fill(0xff)), /does not decode/);
    });

    test('impossible values', () => {
      expectMalformed(() => decodeRaftRequest('Fetch', rawEncode('FetchRequest', { requestId: 1, fetchOffset: -5 })), /FetchRequest\.fetchOffset/);
      expectMalformed(() => decodeRaftRequest('Vote', rawEncode('VoteRequest', { requestId: 1, candidateId: -1 })), /candidateId/);
      expectMalformed(() => decodeRaftResponse('Vote', rawEncode('VoteResponse', { requestId: 1, leaderId: -2 })), /leaderId/);
      expectMalformed(() => decodeRaftResponse('Vote', rawEncode('VoteResponse', { requestId: 1, error: 12345 })), /unknown error code 12345/);
      expectMalformed(() => decodeRaftRequest('Vote', rawEncode('VoteRequest', { requestId: -1 })), /requestId/);
      // Beyond 2^53 a JS number cannot hold the offset exactly.
      expectMalformed(
        () => decodeRaftRequest('Fetch', rawEncode('FetchRequest', { requestId: 1, fetchOffset: '9007199254740993' })),
        /fetchOffset/,
      );
      expectMalformed(
        () => decodeRaftResponse('Fetch', rawEncode('FetchResponse', { requestId: 1, divergingEpoch: { offset: -1, epoch: 0 } })),
        /divergingEpoch\.offset/,
      );
      expectMalformed(
        () =>
          decodeRaftResponse(
            'FetchSnapshot',
            rawEncode('FetchSnapshotResponse', { requestId: 1, snapshotId: { offset: 1, epoch: 1 }, size: 10, position: 8, chunk: new Uint8Array(5) }),
          ),
        /beyond the snapshot size/,
      );
      expectMalformed(() => decodeRaftRequest('EndQuorumEpoch', rawEncode('EndQuorumEpochRequest', { requestId: 1, preferredSuccessors: [2, -3] })), /preferredSuccessors\[1\]/);
    });

    test('missing required fields', () => {
      expectMalformed(() => decodeRaftRequest('FetchSnapshot', rawEncode('FetchSnapshotRequest', { requestId: 1, position: 0 })), /snapshotId is required/);
      expectMalformed(() => decodeRaftResponse('FetchSnapshot', rawEncode('FetchSnapshotResponse', { requestId: 1 })), /snapshotId is required/);
    });

    test('arbitrary bytes either decode to a valid message or throw MalformedMessageError, never anything else', () => {
      fc.assert(
        fc.property(fc.constantFrom(...RAFT_RPC_NAMES), fc.boolean(), fc.uint8Array({ maxLength: 64 }), (rpc, request, bytes) => {
          try {
            const message = request ? decodeRaftRequest(rpc, bytes) : decodeRaftResponse(rpc, bytes);
            expect(roundTrip(message)).toStrictEqual(message);
          } catch (error) {
            expect(error).toBeInstanceOf(MalformedMessageError);
          }
        }),
        { numRuns: 3000 },
      );
    });
  });
});
