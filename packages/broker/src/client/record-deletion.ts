/**
 * Deleting a partition's records below an offset (Kafka's Admin.deleteRecords, KIP-107): each
 * partition asked of its leader, which answers once every live replica has deleted up to there.
 * Asking again is harmless — a log start only moves up — so leader moves and timeouts are retried
 * until the deadline; an offset past the high watermark (OFFSET_OUT_OF_RANGE), a topic the client
 * may not delete from, or a compacted one is the partition's KzClientError at once.
 */
import type { Logger } from 'pino';
import { DELETE_UP_TO_HIGH_WATERMARK } from '../protocol/delete-records';
import type { ClusterView } from './cluster-view';
import { answersByQuery, askPartitionLeaders, byTopic } from './partition-leaders';

export interface RecordDeletion {
  readonly topic: string;
  readonly partition: number;
  /** The records below this offset go; 'high-watermark' (Kafka's -1): every committed record. */
  readonly offset: number | 'high-watermark';
}

export interface DeletedRecords {
  readonly topic: string;
  readonly partition: number;
  /** The partition's new low watermark: the first offset every live replica still holds. */
  readonly lowWatermark: number;
}

export async function deleteRecords(cluster: ClusterView, deletions: readonly RecordDeletion[], timeoutMs: number, retryBackoffMs: number, log: Logger): Promise<DeletedRecords[]> {
  for (const d of deletions) {
    if (d.offset !== 'high-watermark' && !(Number.isSafeInteger(d.offset) && d.offset >= 0)) {
      throw new RangeError(`deleteRecords: the offset of ${d.topic}-${d.partition} must be a non-negative integer or 'high-watermark', got ${d.offset}`);
    }
  }
  return askPartitionLeaders(cluster, deletions, { what: 'DeleteRecords', timeoutMs, retryBackoffMs, log }, async (connection, list, remainingMs) => {
    const topics = byTopic(list, (d) => ({ partition: d.partition, offset: d.offset === 'high-watermark' ? DELETE_UP_TO_HIGH_WATERMARK : d.offset }));
    // The leader waits for its followers for what is left of the caller's deadline.
    const response = await connection.deleteRecords({ topics, timeoutMs: remainingMs });
    return answersByQuery(list, response.topics, (p, d) => ({ topic: d.topic, partition: d.partition, lowWatermark: p.lowWatermark }));
  });
}
