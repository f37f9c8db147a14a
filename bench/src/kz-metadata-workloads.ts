import type { MetadataAdminClient } from '@kz/metadata';
import type { CleanupScope } from './cleanup-scope';
import { KZ_BENCH_CLUSTER_ID, KzMetadataCluster } from './kz-metadata-cluster';

export interface MetadataWorkloadPlan {
  /** (a): topics × partitions created, replication factor 3. */
  readonly createTopics: number;
  readonly createPartitionsPerTopic: number;
  /** (b): partitions led by the broker that dies. */
  readonly ledByDeadBroker: number;
  /** (c): partitions in the image when the controller dies. */
  readonly imagePartitions: number;
  readonly partitionsPerTopic: number;
}

export interface KzMetadataResults {
  /** (a) CreateTopics sent → answered (committed on a majority, fsynced). */
  readonly createMs: number;
  /** (b) fencing noticed → every leadership moved and committed. */
  readonly moveLeadersMs: number;
  /** (c) the new leader elected → the new controller answers a write. */
  readonly failoverServeMs: number;
  /** (c) SIGKILL of the active controller → a write answered (includes failure detection). */
  readonly killToServeMs: number;
  readonly partitionsAtFailover: number;
}

const BROKERS = [1, 2, 3] as const;
/**
 * Before each timed step the followers are given a moment to finish applying the setup's records,
 * so that a step measures its own work, not the tail of the previous one's.
 */
const SETTLE_MS = 2000;

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}
const HEARTBEAT_MS = 1000;

/** Three brokers that register and keep their sessions alive, as real brokers would. */
class BenchBrokers {
  readonly epochs = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private readonly fencing = new Set<number>();

  constructor(private readonly client: MetadataAdminClient) {}

  async start(): Promise<void> {
    for (const id of BROKERS) {
      const { brokerEpoch } = await this.client.registerBroker({
        brokerId: id,
        clusterId: KZ_BENCH_CLUSTER_ID,
        incarnationId: `bench-broker-${id}-${Date.now()}`,
        endpoints: [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 9092 + id }],
        rack: null,
      });
      this.epochs.set(id, brokerEpoch);
    }
    await this.beatAll();
    this.timer = setInterval(() => void this.beatAll().catch(() => undefined), HEARTBEAT_MS);
  }

  /** The broker asks to be fenced: the controller's fencing path, answered once committed. */
  async fence(id: number): Promise<void> {
    this.fencing.add(id);
    await this.beat(id, true);
  }

  async unfence(id: number): Promise<void> {
    this.fencing.delete(id);
    await this.beat(id, false);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
  }

  private async beatAll(): Promise<void> {
    await Promise.all(BROKERS.filter((id) => !this.fencing.has(id)).map((id) => this.beat(id, false)));
  }

  private async beat(id: number, wantFence: boolean): Promise<void> {
    const brokerEpoch = this.epochs.get(id)!;
    // A bench broker applies no log: it claims to have caught up to its own registration.
    await this.client.brokerHeartbeat({ brokerId: id, brokerEpoch, currentMetadataOffset: brokerEpoch, wantFence, wantShutDown: false });
  }
}

function topicNames(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);
}

async function createTopics(client: MetadataAdminClient, topics: Parameters<MetadataAdminClient['createTopics']>[0]['topics']): Promise<void> {
  const { topics: results } = await client.createTopics({ topics });
  const failed = results.find((t) => t.error !== null);
  if (failed !== undefined) throw new Error(`creating ${failed.name} failed: ${failed.error?.code} ${failed.error?.message}`);
}

/**
 * The kz side of metadata-vs-zookeeper: a 3-node controller quorum, three brokers heartbeating,
 * then (b) a broker leading `ledByDeadBroker` partitions is fenced, (a) `createTopics` ×
 * `createPartitionsPerTopic` partitions are created in one CreateTopics, (c) the image is filled to
 * `imagePartitions` and the active controller is killed.
 */
export async function runKzMetadataSide(root: string, scope: CleanupScope, plan: MetadataWorkloadPlan, cpuProfileDir?: string): Promise<KzMetadataResults> {
  const cluster = await KzMetadataCluster.start(root, scope, 9000, cpuProfileDir);
  const client = cluster.client();
  const brokers = new BenchBrokers(client);
  try {
    await brokers.start();

    // Warm-up (untimed), as the ZooKeeper side has: a fresh Node process runs the controller's and
    // the loader's code interpreted until the JIT has compiled it. A smaller (b) and (a), then gone.
    const warmStart = performance.now();
    const warm = topicNames('warm', 20);
    await createTopics(client, warm.map((name) => ({ name, assignments: Array.from({ length: plan.partitionsPerTopic }, () => [1, 2, 3]) })));
    await brokers.fence(1);
    await brokers.unfence(1);
    await createTopics(client, topicNames('warm-placed', 20).map((name) => ({ name, numPartitions: plan.partitionsPerTopic, replicationFactor: 3 })));
    await client.deleteTopics({ names: [...warm, ...topicNames('warm-placed', 20)] });
    console.log(`  kz warm-up (untimed): (b) and (a) over ${40 * plan.partitionsPerTopic} partitions in ${(performance.now() - warmStart).toFixed(0)} ms`);

    // (b) Broker 1 leads `ledByDeadBroker` partitions (replicas [1,2,3] and [1,3,2]).
    const ledTopics = Math.ceil(plan.ledByDeadBroker / plan.partitionsPerTopic);
    await createTopics(
      client,
      topicNames('led', ledTopics).map((name) => ({
        name,
        assignments: Array.from({ length: plan.partitionsPerTopic }, (_, p) => (p % 2 === 0 ? [1, 2, 3] : [1, 3, 2])),
      })),
    );
    await settle();
    const fenceStart = performance.now();
    await brokers.fence(1);
    const moveLeadersMs = performance.now() - fenceStart;
    const after = await client.describeTopics(topicNames('led', ledTopics));
    const stillLed = after.topics.flatMap((t) => t.partitions).filter((p) => p.leader === 1).length;
    if (stillLed > 0) throw new Error(`${stillLed} partitions are still led by the fenced broker`);
    console.log(`  kz (b) move-leaders: broker 1 fenced, its ${plan.ledByDeadBroker} leaderships moved in ${moveLeadersMs.toFixed(0)} ms`);
    await brokers.unfence(1);

    // (a) One CreateTopics of topics × partitions, replication factor 3, placed by the controller.
    await settle();
    const createStart = performance.now();
    await createTopics(
      client,
      topicNames('create', plan.createTopics).map((name) => ({ name, numPartitions: plan.createPartitionsPerTopic, replicationFactor: 3 })),
    );
    const createMs = performance.now() - createStart;
    const created = plan.createTopics * plan.createPartitionsPerTopic;
    console.log(`  kz (a) create-partitions: ${created} partitions created in ${createMs.toFixed(0)} ms (${Math.round((created * 1000) / createMs)} partitions/s)`);

    // (c) Fill the image, then kill the active controller.
    const have = ledTopics * plan.partitionsPerTopic + created;
    const fillTopics = topicNames('fill', Math.max(0, Math.ceil((plan.imagePartitions - have) / plan.partitionsPerTopic)));
    for (let i = 0; i < fillTopics.length; i += 100) {
      await createTopics(client, fillTopics.slice(i, i + 100).map((name) => ({ name, numPartitions: plan.partitionsPerTopic, replicationFactor: 3 })));
    }
    const partitionsAtFailover = have + fillTopics.length * plan.partitionsPerTopic;
    await settle();
    const quorum = await client.describeQuorum();
    const victim = quorum.leaderId;
    const survivors = cluster.controllers.filter((c) => c.id !== victim);
    const killedAt = performance.now();
    cluster.kill(victim);
    // Poll the survivors for the new leader: the moment the election is over.
    let electedAt = 0;
    for (;;) {
      const views = await Promise.all(survivors.map((s) => client.describeCluster({ nodeId: s.id }).catch(() => null)));
      if (views.some((v) => v !== null && v.controllerId !== victim && v.controllerId >= 0)) {
        electedAt = performance.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Then ask for a write until the new controller answers it.
    for (let attempt = 0; ; attempt++) {
      try {
        await createTopics(client, [{ name: `after-failover-${attempt}`, numPartitions: 1, replicationFactor: 2 }]);
        break;
      } catch (error) {
        if (performance.now() - killedAt > 60_000) throw error;
      }
    }
    const servedAt = performance.now();
    console.log(
      `  kz (c) controller-failover with ${partitionsAtFailover} partitions: controller ${victim} killed; new leader after ${(electedAt - killedAt).toFixed(0)} ms, ` +
        `serving ${(servedAt - electedAt).toFixed(0)} ms later (${(servedAt - killedAt).toFixed(0)} ms in all)`,
    );
    return { createMs, moveLeadersMs, failoverServeMs: servedAt - electedAt, killToServeMs: servedAt - killedAt, partitionsAtFailover };
  } finally {
    brokers.stop();
    client.close();
    await cluster.stop();
  }
}
