/**
 * Failover as a property, with real processes: fast-check generates short sequences of SIGKILL,
 * restart and SIGSTOP/SIGCONT of the nodes of a three-node kz cluster while an acks=all producer
 * runs. After each sequence the cluster is healed, and then
 *   (1) every acknowledged record is read back at its partition and offset with its value,
 *   (2) per partition, acknowledged records are in the log in the order they were sent,
 *   (3) no record is in the log twice (the producer is idempotent), and
 *   (4) every node holds the same metadata image.
 * Each run has its own topic (3 partitions, RF 3, min.insync.replicas 2) on the one cluster.
 *
 * KZ_FAILOVER_RUNS sets the number of runs (a soak: `KZ_FAILOVER_RUNS=30 pnpm failover`);
 * KZ_FAILOVER_SEED and KZ_FAILOVER_PATH replay one, as a failure's report says. fast-check stops at
 * the first failure (endOnFailure) instead of shrinking: each run takes tens of seconds.
 */
import type { KzClient } from '@kz/broker';
import { assertKzBuilt, LocalCluster } from '@kz/cli/testing';
import type { MetadataAdminClient } from '@kz/metadata';
import fc from 'fast-check';
import { BackgroundProducer } from './background-producer';
import { applyStep, describeSequence, faultSequenceArb, type FaultStep } from './fault-step';
import { heal, waitUntilWhole } from './heal';
import { compareImages } from './metadata-agreement';
import { readCommitted } from './read-back';
import { failureReport, replayCommand, replaySettings, type FailedRun } from './replay';

const NODE_IDS = [1, 2, 3];
const PARTITIONS = 3;
const settings = replaySettings();
/** A run is ~15–30 s; a heal that times out can add two minutes more before it is reported. */
jest.setTimeout(120_000 + settings.numRuns * 150_000);

let cluster: LocalCluster;
let admin: MetadataAdminClient;
let client: KzClient;

beforeAll(async () => {
  assertKzBuilt();
  cluster = await LocalCluster.create({ nodeIds: NODE_IDS, clusterId: 'failover-property' });
  await Promise.all(NODE_IDS.map((id) => cluster.start(id, 30_000)));
  admin = cluster.adminClient();
  client = cluster.brokerClient();
  await waitUntilWhole(cluster, admin, undefined);
}, 120_000);

afterAll(async () => {
  await client?.close();
  admin?.close();
  await cluster?.destroy();
});

async function createTopic(topic: string): Promise<void> {
  const { topics } = await admin.createTopics({
    topics: [{ name: topic, numPartitions: PARTITIONS, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } }],
  });
  // A retried CreateTopics may meet its own first attempt (see MetadataAdminClient).
  const error = topics[0]?.error ?? null;
  if (error !== null && error.code !== 'TOPIC_ALREADY_EXISTS') throw error;
  await waitUntilWhole(cluster, admin, topic);
}

let runs = 0;
let failed: FailedRun | undefined;

/** One run: a fresh topic, the producer, the faults, the heal, the checks. Throws to fail the run. */
async function failoverRun(steps: readonly FaultStep[]): Promise<void> {
  const run = ++runs;
  const topic = `failover-${run}`;
  const started = Date.now();
  let stage = 'creating the topic';
  let producer: BackgroundProducer | undefined;
  try {
    await createTopic(topic);
    producer = new BackgroundProducer(client, topic, PARTITIONS, run);
    for (const step of steps) {
      stage = `applying the fault sequence`;
      await applyStep(cluster, step);
    }
    stage = 'healing the cluster';
    await heal(cluster, admin, topic);
    stage = 'waiting for the outstanding sends';
    await producer.stop();

    stage = 'reading the topic back';
    const read = await readCommitted(client, topic, PARTITIONS);
    stage = 'checking the acknowledged records';
    // A run that acknowledged nothing would check nothing: after the heal, sends must succeed.
    if (producer.acked.size === 0) throw new Error(`nothing was acknowledged (${producer.acked.summary()})`);
    const lost = producer.acked.violations(read);
    if (lost.length > 0) throw new Error(`acknowledged records broken (read ${read.length} records):\n${lost.join('\n')}`);

    stage = 'comparing the metadata images';
    const agreement = await compareImages(admin, NODE_IDS);
    if (agreement.differences.length > 0) {
      throw new Error(`the nodes' metadata images differ at offset ${agreement.offset}:\n${agreement.differences.join('\n')}`);
    }
    console.log(
      `failover run ${run}: ${describeSequence(steps)} — ${producer.acked.summary()}; read ${read.length}; images agree at offset ${agreement.offset}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    // Keep the logs of the moment it failed, before anything below restarts a node.
    const logs = new Map(NODE_IDS.map((id) => [id, cluster.tail(id, 60)]));
    failed = { run, topic, steps, stage, error, produced: producer === undefined ? 'not started' : `${producer.sent} sent, ${producer.acked.summary()}`, logs };
    throw error;
  } finally {
    // A run that failed half-way leaves no producer sending into the next one (a pause step has
    // already sent its SIGCONT; the processes themselves go in afterAll).
    if (producer !== undefined && failed?.run === run) await producer.stop().catch(() => undefined);
  }
}

describe('a three-node kz cluster under kill, restart and pause', () => {
  it('keeps every acked record, in order, and one metadata image on every node', async () => {
    const { numRuns, seed, path } = settings;
    console.log(`failover property: ${numRuns} run(s), seed ${seed}${path === undefined ? '' : `, path ${path}`}; repeat with: ${replayCommand(seed, path)}`);
    const details = await fc.check(
      fc.asyncProperty(faultSequenceArb(NODE_IDS), (steps) => failoverRun(steps)),
      { numRuns, seed, path, endOnFailure: true },
    );
    if (!details.failed) return;
    const failedPath = details.counterexamplePath ?? path;
    if (failed === undefined) throw new Error(`failover property failed without a run to report: ${String(details.errorInstance)}\nreplay: ${replayCommand(seed, failedPath ?? undefined)}`);
    throw new Error(failureReport(failed, seed, failedPath ?? undefined));
  });
});
