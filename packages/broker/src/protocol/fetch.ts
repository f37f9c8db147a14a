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

/**
 * KIP-227 fetch sessions: a follower fetching thousands of idle partitions sends, and is answered,
 * only what changed. Without these fields a fetch is sessionless and full (what consumers send).
 */
export const FETCH_SESSION = {
  /** No session: in a request, none is asked for or held; in a response, none was created. */
  NO_SESSION_ID: 0,
  /** A full fetch that asks the leader to open a session (with NO_SESSION_ID). */
  INITIAL_EPOCH: 0,
  /** A full fetch without a session (Kafka's FINAL_EPOCH, as consumers send). */
  NO_SESSION_EPOCH: -1,
} as const;

/** A session's epochs count up from 1 and wrap to 1: 0 and -1 mean a full fetch. */
export function nextFetchSessionEpoch(epoch: number): number {
  return epoch >= 0x7fffffff ? 1 : epoch + 1;
}

/** Partitions an incremental fetch takes out of its session. */
export interface ForgottenTopic {
  readonly topicId: string;
  readonly partitions: readonly number[];
}

export interface FetchRequest {
  /** -1 for a consumer; a follower's broker id. */
  readonly replicaId: number;
  /** A follower's broker epoch (KIP-380), so a zombie incarnation is not mistaken for it; -1 otherwise. */
  readonly replicaEpoch: number;
  readonly maxWaitMs: number;
  readonly minBytes: number;
  readonly maxBytes: number;
  /**
   * A full fetch (sessionEpoch 0 or -1) lists every partition; an incremental one (epoch > 0 in the
   * session `sessionId`) lists only partitions added to the session or whose position changed.
   */
  readonly topics: readonly FetchTopic[];
  /** KIP-227: the session this fetch belongs to (NO_SESSION_ID when none); absent: none. */
  readonly sessionId?: number;
  /** KIP-227: 0 opens a session, -1 fetches without one, n > 0 is the session's nth incremental fetch; absent: -1. */
  readonly sessionEpoch?: number;
  /** KIP-227: partitions an incremental fetch removes from its session. */
  readonly forgottenTopics?: readonly ForgottenTopic[];
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
  /**
   * A request-level error (e.g. STALE_BROKER_EPOCH for a follower, FETCH_SESSION_ID_NOT_FOUND or
   * INVALID_FETCH_SESSION_EPOCH for a session the leader no longer holds in that state): 0 when the
   * partitions say it all.
   */
  readonly errorCode: number;
  /** Sessionless or full fetches: every partition asked. Incremental: only partitions with news (records, an error, a new HW or log start). */
  readonly topics: readonly FetchTopicResponse[];
  /** KIP-227: the session the leader holds for the fetcher; absent or NO_SESSION_ID: none. */
  readonly sessionId?: number;
}
