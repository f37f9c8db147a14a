/**
 * Fetch (Kafka's FetchRequest v13+, partitions named by topic id). The same request serves consumers
 * (replicaId -1: they read below the high watermark) and followers (replicaId = their broker id:
 * they read up to the log end and their fetch offset moves the leader's view of them).
 */
import type { CurrentLeader } from './produce';

export interface FetchPartition {
  readonly partition: number;
  /** KIP-320: the leader epoch the fetcher believes current; -1 skips the check. */
  readonly currentLeaderEpoch: number;
  readonly fetchOffset: number;
  /** Epoch of the fetcher's last batch (followers, KIP-595 style divergence check); -1 skips it. */
  readonly lastFetchedEpoch: number;
  readonly logStartOffset: number;
  readonly partitionMaxBytes: number;
}

export interface FetchTopic {
  readonly topicId: string;
  readonly partitions: readonly FetchPartition[];
}

export interface FetchRequest {
  /** -1 for a consumer; a follower's broker id. */
  readonly replicaId: number;
  /** A follower's broker epoch (KIP-380), so a zombie incarnation is not mistaken for it; -1 otherwise. */
  readonly replicaEpoch: number;
  readonly maxWaitMs: number;
  readonly minBytes: number;
  readonly maxBytes: number;
  readonly topics: readonly FetchTopic[];
}

/** The largest epoch ≤ the fetcher's last fetched epoch and where it ends on the leader (KIP-320/595). */
export interface DivergingEpoch {
  readonly epoch: number;
  readonly endOffset: number;
}

export interface FetchPartitionResponse {
  readonly partition: number;
  readonly errorCode: number;
  readonly errorMessage: string;
  readonly highWatermark: number;
  readonly logStartOffset: number;
  /** The leader's log end, so a follower answered OFFSET_OUT_OF_RANGE knows where to restart. */
  readonly logEndOffset: number;
  readonly divergingEpoch: DivergingEpoch | null;
  readonly currentLeader: CurrentLeader | null;
  /** Whole RecordBatch v2 batches as the log holds them (possibly empty). */
  readonly records: Uint8Array;
}

export interface FetchTopicResponse {
  readonly topicId: string;
  readonly partitions: readonly FetchPartitionResponse[];
}

export interface FetchResponse {
  /** A request-level error (e.g. STALE_BROKER_EPOCH for a follower): 0 when the partitions say it all. */
  readonly errorCode: number;
  readonly topics: readonly FetchTopicResponse[];
}
