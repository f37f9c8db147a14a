/**
 * Partition metrics, read from the broker's replicas and the metadata image when Prometheus
 * scrapes. Per-partition series are rebuilt on every scrape, so a partition moved or deleted away
 * from this broker stops being reported.
 */
import { Gauge, type Registry } from 'prom-client';
import { summarizePartitions } from './partition-summary';
import type { WatchedNode } from './watched-node';

const PARTITION_LABELS = ['topic', 'partition'] as const;

export class PartitionMetricsCollector {
  constructor(registry: Registry, watched: () => WatchedNode | null) {
    const registers = [registry];
    const states = (): ReturnType<NonNullable<WatchedNode['broker']>['partitionStates']> => watched()?.broker?.partitionStates() ?? [];
    const perPartition = (name: string, help: string, value: (state: ReturnType<typeof states>[number]) => number): void => {
      new Gauge({
        name,
        help,
        labelNames: PARTITION_LABELS,
        registers,
        collect() {
          this.reset();
          for (const state of states()) this.set({ topic: state.topic, partition: String(state.partition) }, value(state));
        },
      });
    };
    perPartition('kz_partition_log_end_offset', "The offset after the last record of this broker's replica of the partition.", (s) => s.logEndOffset);
    perPartition(
      'kz_partition_high_watermark',
      "The partition's high watermark as this replica knows it: the offset below which records are committed (on a follower, what its leader last said).",
      (s) => s.highWatermark,
    );
    perPartition('kz_partition_isr_size', 'The number of in-sync replicas of the partition (the leader\'s current ISR; the image\'s on a follower).', (s) => s.isrSize);
    perPartition('kz_partition_replicas', 'The number of replicas assigned to the partition.', (s) => s.replicaCount);
    perPartition('kz_partition_leader', '1 when this broker leads the partition, 0 when it follows.', (s) => (s.role === 'leader' ? 1 : 0));

    // The three node-wide counts share one summary per scrape of each gauge; each is O(partitions).
    const summary = (): ReturnType<typeof summarizePartitions> | null => {
      const node = watched();
      return node === null ? null : summarizePartitions(node.broker?.partitionStates() ?? [], node.metadata.image);
    };
    new Gauge({
      name: 'kz_leader_partitions',
      help: 'Partitions this broker leads (0 on a controller-only node).',
      registers,
      collect() {
        const counts = summary();
        if (counts !== null) this.set(counts.leaders);
      },
    });
    new Gauge({
      name: 'kz_under_replicated_partitions',
      help: 'Partitions this broker leads whose ISR is smaller than their replica set.',
      registers,
      collect() {
        const counts = summary();
        if (counts !== null) this.set(counts.underReplicated);
      },
    });
    new Gauge({
      name: 'kz_offline_partitions',
      help: "Partitions in this node's metadata image with no leader (every node reports the cluster's count).",
      registers,
      collect() {
        const counts = summary();
        if (counts !== null) this.set(counts.offline);
      },
    });
  }
}
