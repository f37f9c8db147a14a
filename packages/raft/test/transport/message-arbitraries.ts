import fc from 'fast-check';
import type {
  BeginQuorumEpochRequest,
  BeginQuorumEpochResponse,
  EndQuorumEpochRequest,
  EndQuorumEpochResponse,
  FetchRequest,
  FetchResponse,
  FetchSnapshotRequest,
  FetchSnapshotResponse,
  OffsetAndEpoch,
  RaftErrorCode,
  RaftMessage,
  VoteRequest,
  VoteResponse,
} from '../../src/core/messages';

/** Plain objects, as the core builds them (fast-check may otherwise make null-prototype records). */
function record<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true });
}

/** Valid values only: everything the core can emit, including the extremes (0, -1 leaders, 2^53 - 1). */
const ERROR_CODES: readonly RaftErrorCode[] = [
  'NONE',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'NOT_LEADER_OR_FOLLOWER',
  'INVALID_REQUEST',
  'SNAPSHOT_NOT_FOUND',
  'POSITION_OUT_OF_RANGE',
  'BROKER_NOT_AVAILABLE',
];

/** int64 fields: small values, values past 2^32, and the largest exact JS integer. */
const int64 = fc.oneof(fc.nat(1000), fc.nat(), fc.maxSafeNat(), fc.constant(Number.MAX_SAFE_INTEGER));
const int32 = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const nodeId = fc.oneof(fc.nat(10), int32);
const leaderId = fc.oneof(fc.constant(-1), nodeId);
const errorCode = fc.constantFrom(...ERROR_CODES);
const offsetAndEpoch: fc.Arbitrary<OffsetAndEpoch> = record({ offset: int64, epoch: int64 });
const bytes = fc.uint8Array({ maxLength: 300 });

export const voteRequest: fc.Arbitrary<VoteRequest> = record({
  type: fc.constant('VoteRequest' as const),
  requestId: int64,
  epoch: int64,
  candidateId: nodeId,
  lastEpoch: int64,
  lastOffset: int64,
  preVote: fc.boolean(),
});

export const voteResponse: fc.Arbitrary<VoteResponse> = record({
  type: fc.constant('VoteResponse' as const),
  requestId: int64,
  error: errorCode,
  epoch: int64,
  leaderId,
  granted: fc.boolean(),
  preVote: fc.boolean(),
});

export const beginQuorumEpochRequest: fc.Arbitrary<BeginQuorumEpochRequest> = record({
  type: fc.constant('BeginQuorumEpochRequest' as const),
  requestId: int64,
  epoch: int64,
  leaderId: nodeId,
});

export const beginQuorumEpochResponse: fc.Arbitrary<BeginQuorumEpochResponse> = record({
  type: fc.constant('BeginQuorumEpochResponse' as const),
  requestId: int64,
  error: errorCode,
  epoch: int64,
  leaderId,
});

export const endQuorumEpochRequest: fc.Arbitrary<EndQuorumEpochRequest> = record({
  type: fc.constant('EndQuorumEpochRequest' as const),
  requestId: int64,
  epoch: int64,
  leaderId: nodeId,
  preferredSuccessors: fc.array(nodeId, { maxLength: 7 }),
});

export const endQuorumEpochResponse: fc.Arbitrary<EndQuorumEpochResponse> = record({
  type: fc.constant('EndQuorumEpochResponse' as const),
  requestId: int64,
  error: errorCode,
  epoch: int64,
  leaderId,
});

export const fetchRequest: fc.Arbitrary<FetchRequest> = record({
  type: fc.constant('FetchRequest' as const),
  requestId: int64,
  epoch: int64,
  replicaId: nodeId,
  fetchOffset: int64,
  lastFetchedEpoch: int64,
  maxWaitMs: int32,
  maxBytes: int32,
});

/** Optional fields either absent (no key at all, as the core builds them) or present. */
export const fetchResponse: fc.Arbitrary<FetchResponse> = fc
  .record({
    requestId: int64,
    error: errorCode,
    epoch: int64,
    leaderId,
    highWatermark: int64,
    logStartOffset: int64,
    divergingEpoch: fc.option(offsetAndEpoch, { nil: undefined }),
    snapshotId: fc.option(offsetAndEpoch, { nil: undefined }),
    batches: fc.array(bytes, { maxLength: 6 }),
  })
  .map(({ divergingEpoch, snapshotId, ...rest }) => ({
    type: 'FetchResponse' as const,
    ...rest,
    ...(divergingEpoch !== undefined ? { divergingEpoch } : {}),
    ...(snapshotId !== undefined ? { snapshotId } : {}),
  }));

export const fetchSnapshotRequest: fc.Arbitrary<FetchSnapshotRequest> = record({
  type: fc.constant('FetchSnapshotRequest' as const),
  requestId: int64,
  epoch: int64,
  replicaId: nodeId,
  snapshotId: offsetAndEpoch,
  position: int64,
  maxBytes: int32,
});

/** A successful chunk lies inside the snapshot; an error answer echoes any position. */
export const fetchSnapshotResponse: fc.Arbitrary<FetchSnapshotResponse> = fc
  .record({
    requestId: int64,
    error: errorCode,
    epoch: int64,
    leaderId,
    snapshotId: offsetAndEpoch,
    position: fc.nat(1 << 30),
    slack: fc.nat(1 << 30),
    bytes,
  })
  .map(({ slack, ...rest }) => ({
    type: 'FetchSnapshotResponse' as const,
    ...rest,
    size: rest.error === 'NONE' ? rest.position + rest.bytes.length + slack : slack,
  }));

export const raftMessage: fc.Arbitrary<RaftMessage> = fc.oneof(
  voteRequest,
  voteResponse,
  beginQuorumEpochRequest,
  beginQuorumEpochResponse,
  endQuorumEpochRequest,
  endQuorumEpochResponse,
  fetchRequest,
  fetchResponse,
  fetchSnapshotRequest,
  fetchSnapshotResponse,
);
