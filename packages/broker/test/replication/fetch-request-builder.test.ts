/** Examples for the follower's fetch request to one leader (ReplicaFetcherThread.buildFetch). */
import { buildReplicaFetchRequest, DEFAULT_REPLICA_FETCH_CONFIG, type FollowedPartition } from '../../src/replication/fetch-request-builder';

const p = (partitionId: number, overrides: Partial<FollowedPartition> = {}): FollowedPartition => ({
  topicId: 't',
  partitionId,
  leaderId: 1,
  currentLeaderEpoch: 4,
  logStartOffset: 0,
  logEndOffset: 10 + partitionId,
  latestEpoch: 3,
  status: 'fetching',
  ...overrides,
});

describe('buildReplicaFetchRequest', () => {
  it('covers every fetching partition followed from the source broker, from its log end with its latest epoch', () => {
    const req = buildReplicaFetchRequest(2, 1, [p(0), p(1, { logStartOffset: 4, latestEpoch: undefined }), p(2, { leaderId: 3 })], 0);
    expect(req).toEqual({
      replicaId: 2,
      sourceBrokerId: 1,
      maxWaitMs: 500,
      minBytes: 1,
      maxBytes: 10_485_760,
      partitions: [
        { topicId: 't', partitionId: 0, currentLeaderEpoch: 4, fetchOffset: 10, lastFetchedEpoch: 3, logStartOffset: 0, partitionMaxBytes: 1_048_576 },
        { topicId: 't', partitionId: 1, currentLeaderEpoch: 4, fetchOffset: 11, lastFetchedEpoch: -1, logStartOffset: 4, partitionMaxBytes: 1_048_576 },
      ],
    });
  });

  it('skips partitions truncating or awaiting metadata', () => {
    const req = buildReplicaFetchRequest(2, 1, [p(0, { status: 'truncating' }), p(1, { status: 'awaitingMetadata' }), p(2)], 0);
    expect(req?.partitions.map((x) => x.partitionId)).toEqual([2]);
  });

  it('skips partitions delayed past now, includes them once the delay ends', () => {
    const followed = [p(0, { delayedUntilMs: 100 }), p(1)];
    expect(buildReplicaFetchRequest(2, 1, followed, 99)?.partitions.map((x) => x.partitionId)).toEqual([1]);
    expect(buildReplicaFetchRequest(2, 1, followed, 100)?.partitions.map((x) => x.partitionId)).toEqual([0, 1]);
  });

  it('is undefined when nothing is ready', () => {
    expect(buildReplicaFetchRequest(2, 1, [p(0, { status: 'truncating' }), p(1, { leaderId: 3 })], 0)).toBeUndefined();
    expect(buildReplicaFetchRequest(2, 1, [], 0)).toBeUndefined();
  });

  it('splits the budget Kafka-style: replica.fetch.max.bytes each, replica.fetch.response.max.bytes in all', () => {
    const config = { ...DEFAULT_REPLICA_FETCH_CONFIG, replicaFetchMaxBytes: 100, replicaFetchResponseMaxBytes: 250, replicaFetchWaitMaxMs: 50, replicaFetchMinBytes: 7 };
    const req = buildReplicaFetchRequest(2, 1, [p(0), p(1), p(2), p(3)], 0, config);
    expect(req).toMatchObject({ maxBytes: 250, maxWaitMs: 50, minBytes: 7 });
    expect(req?.partitions.map((x) => x.partitionMaxBytes)).toEqual([100, 100, 100, 100]);
  });

  it('keeps the caller order (the caller rotates for fairness)', () => {
    expect(buildReplicaFetchRequest(2, 1, [p(2), p(0), p(1)], 0)?.partitions.map((x) => x.partitionId)).toEqual([2, 0, 1]);
  });

  it('rejects non-positive byte budgets', () => {
    expect(() => buildReplicaFetchRequest(2, 1, [p(0)], 0, { ...DEFAULT_REPLICA_FETCH_CONFIG, replicaFetchMaxBytes: 0 })).toThrow(RangeError);
    expect(() => buildReplicaFetchRequest(2, 1, [p(0)], 0, { ...DEFAULT_REPLICA_FETCH_CONFIG, replicaFetchResponseMaxBytes: -1 })).toThrow(RangeError);
    expect(() => buildReplicaFetchRequest(2, 1, [p(0)], 0, { ...DEFAULT_REPLICA_FETCH_CONFIG, replicaFetchResponseMaxBytes: 0 })).toThrow(RangeError);
    expect(() => buildReplicaFetchRequest(2, 1, [p(0)], 0, { ...DEFAULT_REPLICA_FETCH_CONFIG, replicaFetchMaxBytes: 0, replicaFetchResponseMaxBytes: 5 })).toThrow(
      /byte budgets must be positive, got 0\/5/,
    );
  });
});
