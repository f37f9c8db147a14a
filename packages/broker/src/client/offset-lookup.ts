/**
 * ListOffsets for a set of partitions: each asked of its leader (one request per leader, in
 * parallel), retried through leader changes and transient errors until the deadline.
 */
import type { Logger } from 'pino';
import { EARLIEST_OFFSET_SPEC, LATEST_OFFSET_SPEC } from '../protocol/list-offsets';
import type { ClusterView } from './cluster-view';
import { answersByQuery, askPartitionLeaders, byTopic } from './partition-leaders';

export interface OffsetQuery {
  readonly topic: string;
  readonly partition: number;
  /** 'earliest', 'latest', or a timestamp in ms (the first offset whose record is at or after it). */
  readonly timestamp: number | 'earliest' | 'latest';
}

export interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  /** -1 when no record has a timestamp at or after the one asked. */
  readonly offset: number;
  /** -1 unless looked up by timestamp. */
  readonly timestamp: number;
  readonly leaderEpoch: number;
}

export function lookUpOffsets(cluster: ClusterView, queries: readonly OffsetQuery[], timeoutMs: number, retryBackoffMs: number, log: Logger): Promise<PartitionOffset[]> {
  return askPartitionLeaders(cluster, queries, { what: 'ListOffsets', timeoutMs, retryBackoffMs, log }, async (connection, list) => {
    const topics = byTopic(list, (q) => ({ partition: q.partition, currentLeaderEpoch: cluster.leaderOf(q.topic, q.partition)?.leaderEpoch ?? -1, timestamp: specOf(q.timestamp) }));
    const response = await connection.listOffsets({ topics });
    return answersByQuery(list, response.topics, (p, q) => ({ topic: q.topic, partition: q.partition, offset: p.offset, timestamp: p.timestamp, leaderEpoch: p.leaderEpoch }));
  });
}

function specOf(timestamp: OffsetQuery['timestamp']): number {
  if (timestamp === 'earliest') return EARLIEST_OFFSET_SPEC;
  if (timestamp === 'latest') return LATEST_OFFSET_SPEC;
  return timestamp;
}
