/**
 * The story the demo tells, step by step: three combined controller + broker nodes, a replicated
 * topic under an acks=all workload, the metadata leader killed and brought back, then the broker
 * leading the most partitions killed and brought back, leadership spread again — and at the end,
 * whether every acknowledged record could be read.
 *
 * The two kills come one after the other, each node restarted (and back in every ISR) before the
 * next dies: with three voters, two nodes down at once is a lost quorum, and the demo is about
 * failing over, not about waiting out an outage.
 */
import { LocalCluster } from '@kz/cli/testing';
import type { MetadataAdminClient, PartitionDescription } from '@kz/metadata';
import type { NodeId } from '@kz/raft';
import { ClusterWatch } from './cluster-watch';
import { ThroughputReport } from './throughput-report';
import { ids, seconds, type Timeline } from './timeline';
import { sleep, until } from '@kz/raft/testing';
import { Workload, type WorkloadResult } from './workload';

export interface DemoOptions {
  readonly runDir: string;
  /** How long the workload runs between two steps of the story. */
  readonly phaseMs: number;
  readonly timeline: Timeline;
  /** TLS everywhere: mutual TLS between nodes, the Kafka listener on SSL with client certificates, ACLs on. */
  readonly secure?: boolean;
}

const NODE_IDS: readonly NodeId[] = [1, 2, 3];
const TOPIC = 'events';
const PARTITIONS = 6;
/** Generous: another build or test may share this machine's cores. */
const NODE_START_TIMEOUT_MS = 60_000;
const CONVERGE_TIMEOUT_MS = 90_000;

export async function runThreeNodeDemo(options: DemoOptions): Promise<WorkloadResult> {
  const { timeline, phaseMs } = options;
  const secure = options.secure === true;
  timeline.event('cluster', `starting nodes ${ids(NODE_IDS)}, each a controller and a broker${secure ? ', with TLS everywhere (certificates in the run directory’s certs/)' : ''}`);
  const cluster = await LocalCluster.create({ nodeIds: NODE_IDS, clusterId: 'kz-three-node-demo', root: options.runDir, keepRoot: true, secure });
  // The story's own requests may wait out a failover; the watch's give up quickly and poll again.
  const admin = cluster.adminClient(30_000);
  const watchAdmin = cluster.adminClient(2_000);
  const client = cluster.brokerClient(10_000);
  const watch = new ClusterWatch({ admin: watchAdmin, topic: TOPIC, timeline, intervalMs: 150 });
  let report: ThroughputReport | undefined;
  try {
    watch.expectElection('launch');
    await Promise.all(NODE_IDS.map((id) => cluster.start(id, NODE_START_TIMEOUT_MS)));
    timeline.event('cluster', `nodes ${ids(NODE_IDS)} serving on loopback`);
    watch.start();
    await until('a metadata leader', async () => ((await admin.describeQuorum()).leaderId >= 0 ? true : undefined), CONVERGE_TIMEOUT_MS);
    await until('three unfenced brokers', async () => ((await client.metadata()).brokers.length === NODE_IDS.length ? true : undefined), CONVERGE_TIMEOUT_MS);
    await watch.caughtUp();

    await createTopic(admin);
    const placed = await untilFullIsr(admin, 'the new topic to have a leader and a full ISR everywhere');
    timeline.event('cluster', `topic ${TOPIC}: ${PARTITIONS} partitions × 3 replicas, min ISR 2`);
    timeline.event('leader', leaderSpread(placed));

    const workload = new Workload({ client, topic: TOPIC, partitions: PARTITIONS, maxInFlight: 300, deliveryTimeoutMs: 30_000 });
    workload.start();
    report = new ThroughputReport(timeline, () => workload.counts(), 2_000);
    report.start();
    timeline.event('demo', `producer (acks=all) and consumer running for ${seconds(phaseMs)}`);
    await sleep(phaseMs);

    // 1. The metadata leader: the active controller and a broker, in one process.
    const metadataLeader = (await admin.describeQuorum()).leaderId;
    const ledByIt = leadersOf(await describe(admin), metadataLeader).length;
    watch.nodeKilled(metadataLeader, true);
    await cluster.kill(metadataLeader);
    timeline.event('controller', `node ${metadataLeader} killed (SIGKILL): it was the metadata leader`);
    // Its partitions wait for the controller to fence it (session timeout) before they move.
    timeline.event('broker', `node ${metadataLeader} led ${ledByIt} of ${PARTITIONS} partitions: they move once it is fenced`);
    await Promise.all([sleep(phaseMs), untilFailedOver(admin, metadataLeader)]);
    await watch.caughtUp();
    await restart(cluster, watch, timeline, metadataLeader);
    await untilFullIsr(admin, `node ${metadataLeader} back in every ISR`);
    await watch.caughtUp();

    // 2. The broker leading the most partitions now. The node just restarted leads nothing until the
    // preferred leader election; it is left out so that a tie never picks it a second time.
    const partitions = await describe(admin);
    const candidates = NODE_IDS.filter((id) => cluster.isRunning(id) && id !== metadataLeader);
    const busiest = candidates.reduce((a, b) => (leadersOf(partitions, b).length > leadersOf(partitions, a).length ? b : a));
    const wasMetadataLeader = (await admin.describeQuorum()).leaderId === busiest;
    watch.nodeKilled(busiest, wasMetadataLeader);
    await cluster.kill(busiest);
    timeline.event('broker', `node ${busiest} killed (SIGKILL): it led ${leadersOf(partitions, busiest).length} of ${PARTITIONS} partitions`);
    if (wasMetadataLeader) timeline.event('controller', `node ${busiest} was the metadata leader as well`);
    await Promise.all([sleep(phaseMs), untilFailedOver(admin, busiest)]);
    await watch.caughtUp();
    await restart(cluster, watch, timeline, busiest);
    await untilFullIsr(admin, `node ${busiest} back in every ISR`);
    await watch.caughtUp();

    // 3. Restarted brokers lead nothing until asked: a preferred leader election spreads leadership again.
    watch.preferredElectionRequested();
    timeline.event('leader', 'preferred leader election requested for every partition');
    await admin.electLeaders({ type: 'preferred', partitions: null });
    await until('every partition on its preferred leader', async () => ((await describe(admin)).every((p) => p.leader === p.replicas[0]) ? true : undefined), CONVERGE_TIMEOUT_MS);
    await watch.caughtUp();
    timeline.event('leader', leaderSpread(await describe(admin)));
    await sleep(Math.max(1_000, phaseMs / 2));

    timeline.event('demo', 'stopping the producer; draining the consumer');
    report.stop();
    const result = await workload.finish(CONVERGE_TIMEOUT_MS);
    if (result.unfinished.length > 0) timeline.event('demo', `the consumer could not reach the end of ${TOPIC}-{${result.unfinished.join(',')}}`);
    else timeline.event('demo', `the consumer read every partition to its high watermark`);
    return result;
  } finally {
    report?.stop();
    await watch.stop();
    await client.close();
    admin.close();
    watchAdmin.close();
    await cluster.destroy();
  }
}

async function createTopic(admin: MetadataAdminClient): Promise<void> {
  const { topics } = await admin.createTopics({
    topics: [{ name: TOPIC, numPartitions: PARTITIONS, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } }],
  });
  const error = topics[0]?.error ?? null;
  // A create retried after a lost answer finds its own topic: that is success.
  if (error !== null && error.code !== 'TOPIC_ALREADY_EXISTS') throw new Error(`creating ${TOPIC}: ${error.code}: ${error.message}`);
}

async function describe(admin: MetadataAdminClient): Promise<readonly PartitionDescription[]> {
  const topic = (await admin.describeTopics([TOPIC])).topics[0];
  if (topic === undefined || topic.error !== null) throw new Error(`describing ${TOPIC}: ${topic?.error?.message ?? 'no answer'}`);
  return topic.partitions;
}

/** Waits until every partition has a leader and all three replicas in its ISR. */
function untilFullIsr(admin: MetadataAdminClient, what: string): Promise<readonly PartitionDescription[]> {
  return until(
    what,
    async () => {
      const partitions = await describe(admin);
      return partitions.length === PARTITIONS && partitions.every((p) => p.leader >= 0 && p.isr.length === NODE_IDS.length) ? partitions : undefined;
    },
    CONVERGE_TIMEOUT_MS,
    150,
  );
}

/**
 * Waits until the cluster has dealt with a dead node: fenced (its session expired), out of every
 * ISR, leading nothing. A restart before that would race the session timeout, and the story would
 * not show the failover it is about.
 */
async function untilFailedOver(admin: MetadataAdminClient, id: NodeId): Promise<void> {
  await until(
    `node ${id} to be fenced and out of every ISR`,
    async () => {
      const fenced = (await admin.describeCluster()).brokers.some((b) => b.id === id && b.fenced);
      const partitions = await describe(admin);
      return fenced && partitions.every((p) => p.leader !== id && !p.isr.includes(id)) ? true : undefined;
    },
    CONVERGE_TIMEOUT_MS,
    150,
  );
}

async function restart(cluster: LocalCluster, watch: ClusterWatch, timeline: Timeline, id: NodeId): Promise<void> {
  const started = timeline.now();
  watch.nodeRestarted(id);
  await cluster.start(id, NODE_START_TIMEOUT_MS);
  timeline.event('cluster', `node ${id} restarted: serving again after ${seconds(timeline.now() - started)}`);
}

function leadersOf(partitions: readonly PartitionDescription[], id: NodeId): number[] {
  return partitions.filter((p) => p.leader === id).map((p) => p.partitionId);
}

/** "partitions led: node 1: 2, node 2: 2, node 3: 2". */
function leaderSpread(partitions: readonly PartitionDescription[]): string {
  return `partitions led: ${NODE_IDS.map((id) => `node ${id}: ${leadersOf(partitions, id).length}`).join(', ')}`;
}
