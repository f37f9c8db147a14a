/**
 * The node-wide partition counts, from this broker's replicas and the metadata image. Kept apart
 * from prom-client so the counting rules are plain functions: a partition is under-replicated when
 * this broker leads it with fewer in-sync replicas than assigned ones (Kafka's UnderReplicated-
 * Partitions, reported by the leader only, so a cluster sums without double counting); it is
 * offline when the image names no leader for it (Kafka's OfflinePartitionsCount, which any node can
 * see in its image — summing it across nodes does count each one once per node).
 */
import type { HostedPartitionState } from '@kz/broker';
import type { MetadataImage } from '@kz/metadata';

export interface PartitionSummary {
  readonly leaders: number;
  readonly underReplicated: number;
  readonly offline: number;
}

export function summarizePartitions(states: readonly HostedPartitionState[], image: Pick<MetadataImage, 'topicsById'>): PartitionSummary {
  let leaders = 0;
  let underReplicated = 0;
  for (const state of states) {
    if (state.role !== 'leader') continue;
    leaders++;
    if (state.isrSize < state.replicaCount) underReplicated++;
  }
  return { leaders, underReplicated, offline: offlinePartitionCount(image) };
}

/** Partitions in the image with no leader (leader -1). */
export function offlinePartitionCount(image: Pick<MetadataImage, 'topicsById'>): number {
  let offline = 0;
  for (const topic of image.topicsById.values()) for (const partition of topic.partitions) if (partition.leader < 0) offline++;
  return offline;
}
