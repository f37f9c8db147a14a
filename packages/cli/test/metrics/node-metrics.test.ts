/**
 * NodeMetrics over stand-ins for a node: what each metric reports, read through the registry and
 * over HTTP, without starting Raft or a broker.
 */
import type { HostedPartitionState } from '@kz/broker';
import type { MetadataImage } from '@kz/metadata';
import type { QuorumDescription, RaftStatus } from '@kz/raft';
import pino from 'pino';
import { NodeMetrics } from '../../src/metrics/node-metrics';
import type { WatchedNode } from '../../src/metrics/watched-node';
import { parseSamples, samplesOf, scrape, valueOf } from './scrape';

const quiet = pino({ level: 'silent' });

function status(overrides: Partial<RaftStatus>): RaftStatus {
  return {
    nodeId: 1,
    isVoter: true,
    role: 'follower',
    epoch: 3,
    leaderId: 2,
    votedFor: -1,
    highWatermark: 40,
    logStartOffset: 0,
    logEndOffset: 42,
    flushedEndOffset: 42,
    snapshotId: null,
    epochStartOffset: -1,
    directoryId: 'AAAAAAAAAAAAAAAAAAAAAA',
    voters: [],
    votersOffset: -1,
    committedVoters: [],
    ...overrides,
  };
}

function image(leaders: readonly (readonly number[])[]): Pick<MetadataImage, 'topicsById'> {
  const partition = (leader: number): MetadataImage['topicsById'] extends ReadonlyMap<string, infer T> ? T extends { partitions: readonly (infer P)[] } ? P : never : never => ({
    replicas: [1, 2, 3],
    isr: leader < 0 ? [] : [leader],
    removingReplicas: [],
    addingReplicas: [],
    eligibleLeaderReplicas: [],
    lastKnownElr: [],
    leader,
    leaderEpoch: 1,
    partitionEpoch: 1,
  });
  return { topicsById: new Map(leaders.map((ls, i) => [`id${i}`, { id: `id${i}`, name: `t${i}`, partitions: ls.map(partition) }])) };
}

const partitions: HostedPartitionState[] = [
  { topic: 'orders', partition: 0, role: 'leader', logEndOffset: 10, highWatermark: 8, isrSize: 2, replicaCount: 3 },
  { topic: 'orders', partition: 1, role: 'leader', logEndOffset: 5, highWatermark: 5, isrSize: 3, replicaCount: 3 },
  { topic: 'orders', partition: 2, role: 'follower', logEndOffset: 7, highWatermark: 7, isrSize: 3, replicaCount: 3 },
];

function node(raft: RaftStatus, quorum: QuorumDescription | null, broker: readonly HostedPartitionState[] | null, leaders: readonly (readonly number[])[] = []): WatchedNode {
  return {
    metadata: {
      raft: {
        status: () => raft,
        describeQuorum: () => {
          if (quorum === null) throw new Error('not the leader');
          return quorum;
        },
      },
      image: image(leaders),
    },
    broker: broker === null ? null : { partitionStates: () => broker },
  };
}

async function samples(metrics: NodeMetrics): Promise<ReturnType<typeof parseSamples>> {
  return parseSamples(await metrics.registry.metrics());
}

describe('NodeMetrics', () => {
  test('reads Raft state, partitions and node-wide counts from the watched node on each scrape', async () => {
    const metrics = new NodeMetrics({ nodeId: 1, processMetrics: false });
    metrics.watch(node(status({}), null, partitions, [[1, 2, -1], [-1]]));
    let all = await samples(metrics);
    expect(valueOf(all, 'kz_raft_current_epoch')).toBe(3);
    expect(valueOf(all, 'kz_raft_high_watermark')).toBe(40);
    expect(valueOf(all, 'kz_raft_log_end_offset')).toBe(42);
    expect(valueOf(all, 'kz_raft_leader_id')).toBe(2);
    expect(valueOf(all, 'kz_raft_role', { role: 'follower' })).toBe(1);
    expect(valueOf(all, 'kz_raft_role', { role: 'leader' })).toBe(0);
    // Only a leader knows its voters' lag.
    expect(samplesOf(all, 'kz_raft_voter_fetch_lag_offsets')).toEqual([]);

    expect(valueOf(all, 'kz_partition_log_end_offset', { topic: 'orders', partition: '0' })).toBe(10);
    expect(valueOf(all, 'kz_partition_high_watermark', { topic: 'orders', partition: '0' })).toBe(8);
    expect(valueOf(all, 'kz_partition_isr_size', { topic: 'orders', partition: '0' })).toBe(2);
    expect(valueOf(all, 'kz_partition_leader', { topic: 'orders', partition: '2' })).toBe(0);
    expect(valueOf(all, 'kz_leader_partitions')).toBe(2);
    expect(valueOf(all, 'kz_under_replicated_partitions')).toBe(1);
    expect(valueOf(all, 'kz_offline_partitions')).toBe(2);
    // Every series names its node.
    expect(all.every((s) => s.labels.node_id === '1')).toBe(true);

    // The same node, now leading: the lags appear; a partition moved away disappears.
    const quorum: QuorumDescription = {
      leaderId: 1,
      epoch: 4,
      highWatermark: 42,
      voters: [
        { nodeId: 1, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 50, lastFetchTimestamp: 0, lastCaughtUpTimestamp: 0 },
        { nodeId: 2, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 45, lastFetchTimestamp: 0, lastCaughtUpTimestamp: 0 },
        { nodeId: 3, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: -1, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1 },
      ],
      observers: [],
    };
    metrics.watch(node(status({ role: 'leader', leaderId: 1, epoch: 4, logEndOffset: 50 }), quorum, partitions.slice(1)));
    all = await samples(metrics);
    expect(valueOf(all, 'kz_raft_role', { role: 'leader' })).toBe(1);
    expect(valueOf(all, 'kz_raft_voter_fetch_lag_offsets', { voter: '1' })).toBe(0);
    expect(valueOf(all, 'kz_raft_voter_fetch_lag_offsets', { voter: '2' })).toBe(5);
    expect(valueOf(all, 'kz_raft_voter_fetch_lag_offsets', { voter: '3' })).toBe(50);
    expect(samplesOf(all, 'kz_partition_log_end_offset', { partition: '0' })).toEqual([]);
    expect(valueOf(all, 'kz_under_replicated_partitions')).toBe(0);
    expect(valueOf(all, 'kz_offline_partitions')).toBe(0);
    await metrics.stop();
  });

  test('a controller-only node reports no partitions of its own but the offline ones it sees', async () => {
    const metrics = new NodeMetrics({ nodeId: 2, processMetrics: false });
    metrics.watch(node(status({ nodeId: 2 }), null, null, [[-1, 3]]));
    const all = await samples(metrics);
    expect(samplesOf(all, 'kz_partition_high_watermark')).toEqual([]);
    expect(valueOf(all, 'kz_leader_partitions')).toBe(0);
    expect(valueOf(all, 'kz_offline_partitions')).toBe(1);
  });

  test('counts Raft events and requests from its instrumentation, before anything is watched', async () => {
    const metrics = new NodeMetrics({ nodeId: 1, processMetrics: false });
    const { raft, adminRequests, brokerRequests } = metrics.instrumentation;
    raft.electionStarted?.(1);
    raft.electionStarted?.(2);
    raft.becameLeader?.(2);
    raft.committed?.(3, 1);
    raft.committed?.(1500, 2);
    brokerRequests('Produce', 2, null);
    brokerRequests('Produce', 4, null);
    brokerRequests('Fetch', 1, 'STALE_BROKER_EPOCH');
    adminRequests('CreateTopics', 20, 'NOT_CONTROLLER');

    const all = await samples(metrics);
    expect(valueOf(all, 'kz_raft_elections_started_total')).toBe(2);
    expect(valueOf(all, 'kz_raft_leader_changes_total')).toBe(1);
    expect(valueOf(all, 'kz_raft_commit_latency_seconds_count')).toBe(2);
    expect(valueOf(all, 'kz_raft_commit_latency_seconds_sum')).toBeCloseTo(1.503);
    expect(valueOf(all, 'kz_raft_commit_latency_seconds_bucket', { le: '0.005' })).toBe(1);
    expect(valueOf(all, 'kz_requests_total', { service: 'broker', api: 'Produce', error: 'none' })).toBe(2);
    expect(valueOf(all, 'kz_requests_total', { service: 'broker', api: 'Fetch', error: 'STALE_BROKER_EPOCH' })).toBe(1);
    expect(valueOf(all, 'kz_requests_total', { service: 'admin', api: 'CreateTopics', error: 'NOT_CONTROLLER' })).toBe(1);
    expect(valueOf(all, 'kz_request_duration_seconds_count', { service: 'broker', api: 'Produce' })).toBe(2);
    expect(valueOf(all, 'kz_request_duration_seconds_sum', { service: 'broker', api: 'Produce' })).toBeCloseTo(0.006);
    // Nothing watched yet: no leader, no role, no partitions are made up.
    expect(valueOf(all, 'kz_raft_leader_id')).toBe(-1);
    expect(samplesOf(all, 'kz_raft_role')).toEqual([]);
    expect(samplesOf(all, 'kz_partition_high_watermark')).toEqual([]);
  });

  test('counts successful and failed authentications by service and mechanism, as Kafka’s per-listener totals', async () => {
    const metrics = new NodeMetrics({ nodeId: 1, processMetrics: false });
    const { authentications } = metrics.instrumentation;
    authentications('broker', 'SCRAM-SHA-512', true);
    authentications('broker', 'SCRAM-SHA-512', false);
    authentications('broker', 'SCRAM-SHA-512', false);
    authentications('broker', 'SSL', false);
    authentications('raft', 'SSL', false);
    const all = await samples(metrics);
    expect(valueOf(all, 'kz_successful_authentication_total', { service: 'broker', mechanism: 'SCRAM-SHA-512' })).toBe(1);
    expect(valueOf(all, 'kz_failed_authentication_total', { service: 'broker', mechanism: 'SCRAM-SHA-512' })).toBe(2);
    expect(valueOf(all, 'kz_failed_authentication_total', { service: 'broker', mechanism: 'SSL' })).toBe(1);
    expect(valueOf(all, 'kz_failed_authentication_total', { service: 'raft', mechanism: 'SSL' })).toBe(1);
    expect(samplesOf(all, 'kz_successful_authentication_total', { service: 'raft' })).toEqual([]);
    await metrics.stop();
  });

  test('every metric has HELP text and the kz_ prefix, process metrics included', async () => {
    const metrics = new NodeMetrics({ nodeId: 1 });
    const text = await metrics.registry.metrics();
    const names = [...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!);
    expect(names).toContain('kz_process_cpu_seconds_total');
    for (const name of names) {
      expect(name.startsWith('kz_')).toBe(true);
      expect(text).toMatch(new RegExp(`^# HELP ${name} \\S`, 'm'));
    }
  });

  test('serves GET /metrics over HTTP, 404 elsewhere, and stops', async () => {
    const metrics = new NodeMetrics({ nodeId: 7, processMetrics: false });
    metrics.instrumentation.brokerRequests('Metadata', 1, null);
    const address = await metrics.serve('127.0.0.1:0', quiet);
    expect(address).toMatch(/^127\.0\.0\.1:[1-9][0-9]*$/);
    try {
      const response = await fetch(`http://${address}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(metrics.registry.contentType);
      const all = parseSamples(await response.text());
      expect(valueOf(all, 'kz_requests_total', { api: 'Metadata', node_id: '7' })).toBe(1);
      expect((await fetch(`http://${address}/`)).status).toBe(404);
      expect((await fetch(`http://${address}/metrics`, { method: 'POST' })).status).toBe(404);
      expect((await scrape(address)).length).toBeGreaterThan(0);
      await expect(metrics.serve('127.0.0.1:0', quiet)).rejects.toThrow(/already serving/);
    } finally {
      await metrics.stop();
    }
    await expect(fetch(`http://${address}/metrics`)).rejects.toThrow();
  });

  test('a listen address it cannot bind is a ListenFailedError', async () => {
    const metrics = new NodeMetrics({ nodeId: 1, processMetrics: false });
    const address = await metrics.serve('127.0.0.1:0', quiet);
    const other = new NodeMetrics({ nodeId: 2, processMetrics: false });
    try {
      await expect(other.serve(address, quiet)).rejects.toMatchObject({ name: 'ListenFailedError' });
      await expect(other.serve('no-port', quiet)).rejects.toMatchObject({ name: 'ListenFailedError' });
    } finally {
      await metrics.stop();
      await other.stop();
    }
  });
});
