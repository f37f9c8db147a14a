import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemsToRun, type BenchArgs } from './bench-args';
import { CleanupScope } from './cleanup-scope';
import { formatRatio } from './format';
import { runKzMetadataSide, type KzMetadataResults, type MetadataWorkloadPlan } from './kz-metadata-workloads';
import { measureImageCost } from './metadata-image-memory';
import { runZookeeperSide, type ZookeeperSideResult } from './metadata-zookeeper-workloads';
import { waitForQuietMachine } from './quiet-machine';

const BROKERS = [1, 2, 3] as const;
const PLAN: MetadataWorkloadPlan = { createTopics: 200, createPartitionsPerTopic: 100, ledByDeadBroker: 10_000, imagePartitions: 100_000, partitionsPerTopic: 100 };
const QUIET = { maxBusy: 0.15, timeoutMs: 60_000, sampleMs: 1000 } as const;
/** Issue 4's bar for (c). */
const FAILOVER_TARGET_MS = 1000;

/**
 * `metadata-vs-zookeeper`: the metadata work of a Kafka cluster, done by a 3-server ZooKeeper
 * ensemble (as a ZooKeeper-mode Kafka controller writes it) and by kz's 3-node controller quorum,
 * both durable, one after the other on this machine:
 *   (a) create 20,000 partitions (200 topics × 100, replication factor 3);
 *   (b) a broker leading 10,000 partitions dies: from the failure being noticed to every leadership
 *       moved to a surviving replica (the controller's work when a broker goes, not a failover of the
 *       controller itself);
 *   (c) with 100,000 partitions in the image, the controller dies: how soon the new one serves.
 * Ends with `ratio kz/zookeeper create: X move-leaders: Y`, each kz's speed over ZooKeeper's; Y is (b).
 */
export async function runMetadataVsZookeeper(args: BenchArgs): Promise<number> {
  const only = systemsToRun(args, ['zookeeper', 'kz']);
  console.log(
    `metadata-vs-zookeeper: ${cpus().length} cores; 3 servers each, on loopback, durable (ZooKeeper forceSync, kz fsync per commit); ` +
      `(a) create-partitions: ${PLAN.createTopics * PLAN.createPartitionsPerTopic} partitions created, ` +
      `(b) move-leaders: the ${PLAN.ledByDeadBroker} leaderships of a dead broker moved, (c) controller-failover with ${PLAN.imagePartitions} partitions`,
  );
  const cost = measureImageCost(PLAN.imagePartitions / PLAN.partitionsPerTopic, PLAN.partitionsPerTopic);
  console.log(
    `kz image: ${cost.partitions} partitions (replication factor 3) take ${cost.heapBytesPerPartition} heap bytes and ` +
      `${cost.snapshotBytesPerPartition} snapshot bytes per partition`,
  );
  const scope = new CleanupScope();
  let zookeeper: ZookeeperSideResult | null = null;
  let kz: KzMetadataResults | null = null;
  try {
    const root = scope.trackDir(mkdtempSync(join(tmpdir(), 'kz-bench-metadata-')));
    for (const system of only) {
      await waitForQuietMachine(system, QUIET);
      if (system === 'zookeeper') {
        zookeeper = await runZookeeperSide({
          scope,
          dir: join(root, 'zookeeper'),
          create: { topics: PLAN.createTopics, partitionsPerTopic: PLAN.createPartitionsPerTopic, replicationFactor: 3, brokers: BROKERS },
          moveLeaders: { topics: PLAN.ledByDeadBroker / PLAN.partitionsPerTopic, partitionsPerTopic: PLAN.partitionsPerTopic, replicationFactor: 3, brokers: BROKERS, deadBroker: 1 },
          failover: { topics: PLAN.imagePartitions / PLAN.partitionsPerTopic, partitionsPerTopic: PLAN.partitionsPerTopic, replicationFactor: 3, brokers: BROKERS },
        });
      } else {
        console.log('kz: starting a 3-node controller quorum');
        kz = await runKzMetadataSide(join(root, 'kz'), scope, PLAN, args.profile ? (args.profileDir ?? join(root, 'profiles')) : undefined);
      }
    }
  } finally {
    await scope.close();
  }
  if (kz !== null) {
    const verdict = kz.failoverServeMs < FAILOVER_TARGET_MS ? 'under' : 'NOT under';
    console.log(
      `kz (c): the new controller served ${kz.failoverServeMs.toFixed(0)} ms after its election (${verdict} the ${FAILOVER_TARGET_MS} ms target); ` +
        `${kz.killToServeMs.toFixed(0)} ms after the SIGKILL, failure detection included`,
    );
  }
  if (zookeeper !== null && kz !== null) {
    console.log(
      `zookeeper (c): a new ZooKeeper-mode controller reads ${zookeeper.failoverPartitions} partitions' state in ${zookeeper.failoverReadMs.toFixed(0)} ms ` +
        `before it can serve (ratio ${formatRatio(zookeeper.failoverReadMs, kz.failoverServeMs)})`,
    );
    console.log(`ratio kz/zookeeper create: ${formatRatio(zookeeper.createMs, kz.createMs)} move-leaders: ${formatRatio(zookeeper.moveLeadersMs, kz.moveLeadersMs)}`);
  }
  return 0;
}
