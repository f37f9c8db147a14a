/**
 * The metadata log's Raft metrics. Events (elections, leaderships, commit latencies) arrive through
 * the RaftMetricsSink as they happen; state (epoch, offsets, role, voter lag) is read from the Raft
 * node when Prometheus scrapes, so nothing runs between scrapes.
 */
import type { RaftMetricsSink, RoleName } from '@kz/raft';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { voterFetchLags } from './voter-fetch-lag';
import type { WatchedNode } from './watched-node';

const ROLES: readonly RoleName[] = ['unattached', 'prospective', 'candidate', 'leader', 'follower', 'resigned'];

/** Seconds. A commit waits for a majority's fsync: milliseconds on a healthy quorum, up to seconds on a sick one. */
const COMMIT_LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class RaftMetricsCollector {
  readonly sink: RaftMetricsSink;

  constructor(registry: Registry, watched: () => WatchedNode | null) {
    const registers = [registry];
    const raft = (): ReturnType<WatchedNode['metadata']['raft']['status']> | null => watched()?.metadata.raft.status() ?? null;

    const electionsStarted = new Counter({
      name: 'kz_raft_elections_started_total',
      help: 'Elections this node started on the __cluster_metadata log: times it became a candidate for a new epoch (pre-votes excluded).',
      registers,
    });
    const leaderChanges = new Counter({
      name: 'kz_raft_leader_changes_total',
      help: 'Times this node became the leader of the __cluster_metadata log (one per epoch it won).',
      registers,
    });
    const commitLatency = new Histogram({
      name: 'kz_raft_commit_latency_seconds',
      help: 'Seconds from this leader appending an entry to __cluster_metadata to the high watermark passing it (one observation per append of one or more batches).',
      buckets: COMMIT_LATENCY_BUCKETS,
      registers,
    });
    this.sink = {
      electionStarted: () => electionsStarted.inc(),
      becameLeader: () => leaderChanges.inc(),
      committed: (latencyMs) => commitLatency.observe(latencyMs / 1000),
    };

    new Gauge({
      name: 'kz_raft_current_epoch',
      help: 'The current epoch (term) of the __cluster_metadata log as this node knows it.',
      registers,
      collect() {
        const status = raft();
        if (status !== null) this.set(status.epoch);
      },
    });
    new Gauge({
      name: 'kz_raft_high_watermark',
      help: 'The __cluster_metadata high watermark known here: the offset below which entries are committed.',
      registers,
      collect() {
        const status = raft();
        if (status !== null) this.set(status.highWatermark);
      },
    });
    new Gauge({
      name: 'kz_raft_log_end_offset',
      help: "The offset after this node's last __cluster_metadata entry.",
      registers,
      collect() {
        const status = raft();
        if (status !== null) this.set(status.logEndOffset);
      },
    });
    new Gauge({
      name: 'kz_raft_leader_id',
      help: 'The node id of the __cluster_metadata leader (the active controller) as this node knows it; -1 when unknown.',
      registers,
      collect() {
        // Before a node is watched, say "unknown" rather than prom-client's 0, which is a node id.
        this.set(raft()?.leaderId ?? -1);
      },
    });
    new Gauge({
      name: 'kz_raft_role',
      help: "This node's Raft role on __cluster_metadata: 1 for the role it is in, 0 for the others.",
      labelNames: ['role'] as const,
      registers,
      collect() {
        const status = raft();
        if (status === null) return;
        for (const role of ROLES) this.set({ role }, status.role === role ? 1 : 0);
      },
    });
    new Gauge({
      name: 'kz_raft_voter_fetch_lag_offsets',
      help: "Leader only: the leader's __cluster_metadata log end offset less each voter's last fetched log end, in offsets.",
      labelNames: ['voter'] as const,
      registers,
      collect() {
        // A voter's row must vanish when this node stops leading: only the leader knows the lags.
        this.reset();
        const node = watched();
        const status = node?.metadata.raft.status();
        if (node === null || node === undefined || status === undefined || status.role !== 'leader') return;
        let quorum;
        try {
          quorum = node.metadata.raft.describeQuorum();
        } catch {
          return; // Lost the leadership between the two reads.
        }
        for (const { voterId, lag } of voterFetchLags(quorum, status.logEndOffset)) this.set({ voter: String(voterId) }, lag);
      },
    });
  }
}
