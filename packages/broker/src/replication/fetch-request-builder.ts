/**
 * The follower's Fetch request to one source broker (Kafka's ReplicaFetcherThread.buildFetch): one
 * request carries every partition this broker follows from that leader and can fetch now. Pure: the
 * time is passed in.
 */
import type { BrokerId } from '@kz/metadata';
import { UNDEFINED_EPOCH } from '../log/leader-epoch-cache';

/**
 * A followed partition's fetcher state (PartitionFetchState). Only `fetching` partitions are fetched:
 * a `truncating` one first has to apply its truncation, one `awaitingMetadata` waits for the
 * partition metadata that names its leader and epoch.
 */
export type FollowedPartitionStatus = 'fetching' | 'truncating' | 'awaitingMetadata';

export interface FollowedPartition {
  readonly topicId: string;
  readonly partitionId: number;
  /** The broker this replica fetches from (the partition leader). */
  readonly leaderId: BrokerId;
  readonly currentLeaderEpoch: number;
  readonly logStartOffset: number;
  /** The follower's log end: the next offset it needs. */
  readonly logEndOffset: number;
  /** The follower log's latest epoch (PartitionLog.latestEpoch), or undefined for an empty log. */
  readonly latestEpoch: number | undefined;
  readonly status: FollowedPartitionStatus;
  /** A partition that just failed is retried only from this time on (Kafka's DelayedItem back-off). */
  readonly delayedUntilMs?: number;
}

/** The replica fetcher's settings (KafkaConfig's replica.fetch.*), Kafka's defaults below. */
export interface ReplicaFetchConfig {
  /** replica.fetch.max.bytes: the per-partition budget. */
  readonly replicaFetchMaxBytes: number;
  /** replica.fetch.response.max.bytes: the budget of the whole response. */
  readonly replicaFetchResponseMaxBytes: number;
  /** replica.fetch.wait.max.ms: how long the leader may hold the fetch waiting for minBytes. */
  readonly replicaFetchWaitMaxMs: number;
  /** replica.fetch.min.bytes. */
  readonly replicaFetchMinBytes: number;
}

export const DEFAULT_REPLICA_FETCH_CONFIG: ReplicaFetchConfig = {
  replicaFetchMaxBytes: 1_048_576,
  replicaFetchResponseMaxBytes: 10_485_760,
  replicaFetchWaitMaxMs: 500,
  replicaFetchMinBytes: 1,
};

export interface ReplicaFetchPartition {
  readonly topicId: string;
  readonly partitionId: number;
  readonly currentLeaderEpoch: number;
  readonly fetchOffset: number;
  /** -1 when the follower's log holds no epoch: nothing to check divergence against. */
  readonly lastFetchedEpoch: number;
  /** The follower's log start, so the leader can track the low watermark. */
  readonly logStartOffset: number;
  readonly partitionMaxBytes: number;
}

export interface ReplicaFetchRequest {
  /** The fetching broker: a replica id ≥ 0 marks a follower fetch. */
  readonly replicaId: BrokerId;
  readonly sourceBrokerId: BrokerId;
  readonly maxWaitMs: number;
  readonly minBytes: number;
  readonly maxBytes: number;
  readonly partitions: readonly ReplicaFetchPartition[];
}

/**
 * One fetch request from `replicaId` to `sourceBrokerId`, or undefined when no partition is ready
 * (Kafka then sends nothing and backs off).
 *
 * A partition is included when it follows `sourceBrokerId`, is `fetching`, and is not delayed at
 * `now`. It fetches from its log end with its latest epoch as lastFetchedEpoch (the leader checks
 * divergence against it, KIP-320/595) and its current leader epoch (KIP-320 fencing).
 *
 * Bytes (KIP-74): every partition may return up to replica.fetch.max.bytes and the whole response up
 * to replica.fetch.response.max.bytes; the leader fills partitions in request order and returns at
 * least one batch even if it exceeds a budget, so progress never stalls on a large batch. Partitions
 * keep the caller's order; for fairness the caller moves partitions that got data to the back, as
 * Kafka's PartitionStates.updateAndMoveToEnd does.
 */
export function buildReplicaFetchRequest(
  replicaId: BrokerId,
  sourceBrokerId: BrokerId,
  followed: readonly FollowedPartition[],
  now: number,
  config: ReplicaFetchConfig = DEFAULT_REPLICA_FETCH_CONFIG,
): ReplicaFetchRequest | undefined {
  const limits = replicaFetchLimits(config);
  const partitions: ReplicaFetchPartition[] = [];
  for (const p of followed) {
    if (!isFetchable(p, sourceBrokerId, now)) continue;
    partitions.push({
      topicId: p.topicId,
      partitionId: p.partitionId,
      currentLeaderEpoch: p.currentLeaderEpoch,
      fetchOffset: p.logEndOffset,
      lastFetchedEpoch: p.latestEpoch ?? UNDEFINED_EPOCH,
      logStartOffset: p.logStartOffset,
      partitionMaxBytes: limits.partitionMaxBytes,
    });
  }
  if (partitions.length === 0) return undefined;
  return { replicaId, sourceBrokerId, maxWaitMs: limits.maxWaitMs, minBytes: limits.minBytes, maxBytes: limits.maxBytes, partitions };
}

/** Whether a followed partition fetches from `sourceBrokerId` at `now`: it follows it, is `fetching`, and is not backed off. */
export function isFetchable(p: Pick<FollowedPartition, 'leaderId' | 'status' | 'delayedUntilMs'>, sourceBrokerId: BrokerId, now: number): boolean {
  return p.leaderId === sourceBrokerId && p.status === 'fetching' && (p.delayedUntilMs === undefined || now >= p.delayedUntilMs);
}

/** A replica fetch's limits from the config; RangeError for a byte budget that is not positive. */
export function replicaFetchLimits(config: ReplicaFetchConfig): { readonly maxWaitMs: number; readonly minBytes: number; readonly maxBytes: number; readonly partitionMaxBytes: number } {
  if (!(config.replicaFetchMaxBytes > 0) || !(config.replicaFetchResponseMaxBytes > 0)) {
    throw new RangeError(
      `replica fetch byte budgets must be positive, got ${config.replicaFetchMaxBytes}/${config.replicaFetchResponseMaxBytes}`,
    );
  }
  return { maxWaitMs: config.replicaFetchWaitMaxMs, minBytes: config.replicaFetchMinBytes, maxBytes: config.replicaFetchResponseMaxBytes, partitionMaxBytes: config.replicaFetchMaxBytes };
}
