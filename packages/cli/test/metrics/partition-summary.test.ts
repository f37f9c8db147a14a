import type { HostedPartitionState } from '@kz/broker';
import type { MetadataImage } from '@kz/metadata';
import { offlinePartitionCount, summarizePartitions } from '../../src/metrics/partition-summary';
import { voterFetchLags } from '../../src/metrics/voter-fetch-lag';

function state(partition: number, role: 'leader' | 'follower', isrSize: number, replicaCount: number): HostedPartitionState {
  return { topic: 't', partition, role, logEndOffset: 0, highWatermark: 0, isrSize, replicaCount };
}

function imageWithLeaders(...topics: number[][]): Pick<MetadataImage, 'topicsById'> {
  return {
    topicsById: new Map(
      topics.map((leaders, i) => [
        `id${i}`,
        {
          id: `id${i}`,
          name: `t${i}`,
          partitions: leaders.map((leader) => ({ replicas: [1], isr: [1], removingReplicas: [], addingReplicas: [], leader, leaderEpoch: 0, partitionEpoch: 0, eligibleLeaderReplicas: [], lastKnownElr: [] })),
        },
      ]),
    ),
  };
}

describe('summarizePartitions', () => {
  test('counts under-replicated partitions among those led here only', () => {
    const states = [state(0, 'leader', 3, 3), state(1, 'leader', 1, 3), state(2, 'follower', 1, 3), state(3, 'leader', 2, 3)];
    expect(summarizePartitions(states, imageWithLeaders())).toEqual({ leaders: 3, underReplicated: 2, offline: 0 });
  });

  test('counts offline partitions of every topic in the image, hosted here or not', () => {
    expect(offlinePartitionCount(imageWithLeaders([1, -1, 2], [-1, -1]))).toBe(3);
    expect(summarizePartitions([], imageWithLeaders([0]))).toEqual({ leaders: 0, underReplicated: 0, offline: 0 });
  });
});

describe('voterFetchLags', () => {
  test("is the leader's log end less each voter's, 0 for the leader and the whole log for a voter never heard from", () => {
    const replica = (nodeId: number, logEndOffset: number): { nodeId: number; directoryId: string; logEndOffset: number; lastFetchTimestamp: number; lastCaughtUpTimestamp: number } => ({
      nodeId,
      directoryId: 'AAAAAAAAAAAAAAAAAAAAAA',
      logEndOffset,
      lastFetchTimestamp: 0,
      lastCaughtUpTimestamp: 0,
    });
    const lags = voterFetchLags({ leaderId: 2, epoch: 5, highWatermark: 90, voters: [replica(1, 90), replica(2, 99), replica(3, -1)], observers: [replica(9, 10)] }, 100);
    expect(lags).toEqual([
      { voterId: 1, lag: 10 },
      { voterId: 2, lag: 0 },
      { voterId: 3, lag: 100 },
    ]);
  });
});
