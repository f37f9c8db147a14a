/**
 * `metadata-storm`: the storm an operator brings on with one CreateTopics of 20,000 partitions.
 * Three combined `kz server` nodes (controller + broker each, default timeouts), an acks=all
 * producer running throughout, then one request for `--topics` × `--partitions` partitions with
 * replication factor 3. It prints how long until every partition was led, whether the Raft quorum
 * held an election or the controller fenced a broker, each process's worst event-loop delays and
 * heartbeat round trip, and the descriptors each node held. Then it SIGKILLs the broker leading
 * the most partitions, and prints how long its leaderships took to move and whether any other
 * broker was fenced. Targets (issue "a kz cluster stays up under a metadata storm") are printed
 * beside each figure; the last line says whether all were met.
 *
 * Everything is read from the nodes' own Prometheus metrics (`/metrics?name=`), so the measuring
 * costs the nodes next to nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { KzClient } from '@kz/broker';
import { LocalCluster } from '@kz/cli/testing';
import type { BenchArgs } from './bench-args';
import { formatCount } from './format';
import { metricValue, scrapeNode, type NodeSample } from './node-metrics-scrape';

const NODE_IDS = [1, 2, 3] as const;
const LOAD_TOPIC = 'storm-load';
const LOAD_PARTITIONS = 6;
const SESSION_TIMEOUT_MS = 9000;
const TARGETS = { ledWithinMs: 30_000, elections: 0, fencings: 0, loopP99Ms: 100, movedWithinMs: SESSION_TIMEOUT_MS + 2000 };
const SCRAPED = [
  'kz_leader_partitions',
  'kz_under_replicated_partitions',
  'kz_raft_elections_started_total',
  'kz_controller_broker_fencings_total',
  'kz_event_loop_delay_seconds',
  'kz_event_loop_delay_max_seconds',
  'kz_broker_heartbeat_round_trip_max_seconds',
  'kz_process_open_fds',
  'kz_log_open_files',
] as const;

interface NodeWatch {
  maxOpenFds: number;
}

export async function runMetadataStorm(args: BenchArgs): Promise<number> {
  const topics = args.topics ?? 200;
  const partitions = args.partitions ?? 100;
  const total = topics * partitions;
  console.log(`metadata-storm: ${cpus().length} cores; 3 kz nodes (controller + broker each, default timeouts), ${topics} topics × ${partitions} partitions (RF 3) in one CreateTopics under an acks=all producer`);
  const root = mkdtempSync(join(tmpdir(), 'kz-bench-storm-'));
  // The nodes' logs stay (node-N.log) for what the figures do not say; their data dirs go.
  const cluster = await LocalCluster.create({ nodeIds: [...NODE_IDS], clusterId: 'kz-bench-storm', flags: [], root, keepRoot: true });
  const admin = cluster.adminClient(120_000);
  const client = cluster.brokerClient();
  const watch = new Map<number, NodeWatch>(NODE_IDS.map((id) => [id, { maxOpenFds: 0 }]));
  let producing = true;
  try {
    await Promise.all(NODE_IDS.map((id) => cluster.start(id, 60_000)));
    await until('every broker unfenced', 60_000, async () => {
      const description = await admin.describeCluster();
      return description.brokers.length === NODE_IDS.length && description.brokers.every((b) => !b.fenced);
    });
    const load = await admin.createTopics({ topics: [{ name: LOAD_TOPIC, numPartitions: LOAD_PARTITIONS, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } }] });
    if (load.topics[0]?.error) throw load.topics[0].error;
    const producer = client.producer({ acks: -1 });
    const sent = { acked: 0, failed: 0 };
    const value = Buffer.alloc(1024, 7);
    const produceLoop = async (): Promise<void> => {
      while (producing) {
        try {
          await producer.send(LOAD_TOPIC, { key: null, value });
          sent.acked++;
        } catch {
          sent.failed++;
          await sleep(100);
        }
      }
    };
    const producers = Array.from({ length: 32 }, () => produceLoop());
    const expectedLed = total + LOAD_PARTITIONS;
    await sleep(3000);

    const before = await scrapeAll(cluster, watch);
    const createdAt = performance.now();
    const created = await admin.createTopics({
      topics: Array.from({ length: topics }, (_, i) => ({ name: `storm-${i}`, numPartitions: partitions, replicationFactor: 3 })),
    });
    const ackMs = performance.now() - createdAt;
    const refused = created.topics.filter((t) => t.error !== null);
    console.log(`CreateTopics answered in ${ms(ackMs)}: ${created.topics.length - refused.length} topics created, ${refused.length} refused${refused.length > 0 ? ` (first: ${refused[0]!.error!.message})` : ''}`);

    let ledMs: number | null = null;
    let inSyncMs: number | null = null;
    const settleUntil = createdAt + TARGETS.ledWithinMs + 20_000;
    while (performance.now() < settleUntil && (ledMs === null || inSyncMs === null || performance.now() < createdAt + 45_000)) {
      await sleep(1000);
      const now = await scrapeAll(cluster, watch);
      const led = sum(now, 'kz_leader_partitions');
      const under = sum(now, 'kz_under_replicated_partitions');
      if (ledMs === null && led >= expectedLed) ledMs = performance.now() - createdAt;
      if (ledMs !== null && inSyncMs === null && under === 0) inSyncMs = performance.now() - createdAt;
    }
    const after = await scrapeAll(cluster, watch);
    const elections = sum(after, 'kz_raft_elections_started_total') - sum(before, 'kz_raft_elections_started_total');
    const fencings = sum(after, 'kz_controller_broker_fencings_total') - sum(before, 'kz_controller_broker_fencings_total');
    console.log(`every partition led: ${ledMs === null ? 'NOT within the window' : ms(ledMs)} (target ≤ ${ms(TARGETS.ledWithinMs)}); no partition under-replicated: ${inSyncMs === null ? 'not within the window' : ms(inSyncMs)}`);
    console.log(`raft elections during the storm: ${elections} (target ${TARGETS.elections}); broker fencings: ${fencings} (target ${TARGETS.fencings})`);
    let worstP99 = 0;
    for (const id of NODE_IDS) {
      const p99 = histogramQuantile(before.get(id)!, after.get(id)!, 'kz_event_loop_delay_seconds', 0.99) * 1000;
      worstP99 = Math.max(worstP99, p99);
      const maxDelay = metricValue(after.get(id)!, 'kz_event_loop_delay_max_seconds') * 1000;
      const maxBeat = metricValue(after.get(id)!, 'kz_broker_heartbeat_round_trip_max_seconds') * 1000;
      const logFiles = metricValue(after.get(id)!, 'kz_log_open_files');
      console.log(
        `node ${id}: event-loop delay p99 ≤ ${ms(p99)} (target ≤ ${ms(TARGETS.loopP99Ms)}), worst ${ms(maxDelay)}; worst heartbeat round trip ${ms(maxBeat)}; ` +
          `open descriptors at most ${formatCount(watch.get(id)!.maxOpenFds)} (of which partition logs ${formatCount(logFiles)} now)`,
      );
    }
    console.log(`producer during the storm: ${formatCount(sent.acked)} acknowledged, ${formatCount(sent.failed)} failed sends`);

    // The broker leading the most partitions dies.
    const leaders = new Map(NODE_IDS.map((id) => [id, metricValue(after.get(id)!, 'kz_leader_partitions')]));
    const victim = [...leaders].sort((a, b) => b[1] - a[1])[0]![0];
    const survivors = NODE_IDS.filter((id) => id !== victim);
    const killFencingsBefore = sum(after, 'kz_controller_broker_fencings_total');
    const killedAt = performance.now();
    await cluster.kill(victim);
    let movedMs: number | null = null;
    while (performance.now() < killedAt + 60_000) {
      await sleep(250);
      const now = await scrapeAll(cluster, watch, survivors);
      if (sum(now, 'kz_leader_partitions') >= expectedLed) {
        movedMs = performance.now() - killedAt;
        break;
      }
    }
    await sleep(SESSION_TIMEOUT_MS);
    const end = await scrapeAll(cluster, watch, survivors);
    const description = await admin.describeCluster();
    const fencedOthers = description.brokers.filter((b) => b.fenced && b.id !== victim).map((b) => b.id);
    const killFencings = sum(end, 'kz_controller_broker_fencings_total') - killFencingsBefore;
    console.log(
      `SIGKILL of broker ${victim} (led ${formatCount(leaders.get(victim)!)}): its leaderships moved in ${movedMs === null ? 'NOT within 60 s' : ms(movedMs)} ` +
        `(target ≤ ${ms(TARGETS.movedWithinMs)}); fencings since: ${killFencings}; other brokers fenced: ${fencedOthers.length === 0 ? 'none' : fencedOthers.join(',')}`,
    );

    const met =
      refused.length === 0 &&
      ledMs !== null &&
      ledMs <= TARGETS.ledWithinMs &&
      elections <= TARGETS.elections &&
      fencings <= TARGETS.fencings &&
      worstP99 <= TARGETS.loopP99Ms &&
      movedMs !== null &&
      movedMs <= TARGETS.movedWithinMs &&
      fencedOthers.length === 0;
    producing = false;
    await Promise.race([Promise.all(producers), sleep(5000)]);
    console.log(`metadata-storm: ${total} partitions led in ${ledMs === null ? '-' : ms(ledMs)}, elections ${elections}, fencings ${fencings}, worst loop p99 ${ms(worstP99)}, moved after kill in ${movedMs === null ? '-' : ms(movedMs)}: ${met ? 'all targets met' : 'TARGETS MISSED'}`);
    return met ? 0 : 1;
  } finally {
    producing = false;
    await client.close().catch(() => undefined);
    admin.close();
    await cluster.destroy();
    for (const id of NODE_IDS) rmSync(join(root, `node-${id}`), { recursive: true, force: true });
    console.log(`node logs: ${root}/node-{${NODE_IDS.join(',')}}.log`);
  }
}

async function scrapeAll(cluster: LocalCluster, watch: Map<number, NodeWatch>, ids: readonly number[] = NODE_IDS): Promise<Map<number, NodeSample[]>> {
  const out = new Map<number, NodeSample[]>();
  await Promise.all(
    ids.map(async (id) => {
      const samples = await scrapeNode(cluster.addresses.get(id)!.metrics, SCRAPED);
      out.set(id, samples);
      const entry = watch.get(id)!;
      entry.maxOpenFds = Math.max(entry.maxOpenFds, metricValue(samples, 'kz_process_open_fds'));
    }),
  );
  return out;
}

function sum(scrapes: ReadonlyMap<number, NodeSample[]>, name: string): number {
  let total = 0;
  for (const samples of scrapes.values()) total += metricValue(samples, name);
  return total;
}

/** The upper bound of the bucket holding quantile `q` of the observations made between two scrapes. */
function histogramQuantile(before: readonly NodeSample[], after: readonly NodeSample[], name: string, q: number): number {
  const buckets = (samples: readonly NodeSample[]): Map<string, number> =>
    new Map(samples.filter((s) => s.name === `${name}_bucket`).map((s) => [s.labels['le'] ?? '', s.value]));
  const b0 = buckets(before);
  const b1 = buckets(after);
  const rows = [...b1].map(([le, count]) => ({ le: le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), count: count - (b0.get(le) ?? 0) })).sort((a, b) => a.le - b.le);
  const totalCount = rows[rows.length - 1]?.count ?? 0;
  if (totalCount === 0) return 0;
  return rows.find((r) => r.count >= q * totalCount)?.le ?? Number.POSITIVE_INFINITY;
}

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function ms(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')} ms` : 'n/a';
}
