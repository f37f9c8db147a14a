import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemsToRun, type BenchArgs, type BrokerParallelism } from './bench-args';
import { fastestProduce, lowestRatioLines, pointRatioLines } from './broker-sweep-summary';
import { CleanupScope } from './cleanup-scope';
import { measureFsyncedWrites, replicatedWriteLimit, type DiskProbePlan, type DiskWriteRate } from './disk-write-limit';
import { ensureNatsInstalled, type NatsInstall } from './ensure-nats';
import { KzBrokerCluster, kzBrokerEntry } from './kz-broker-cluster';
import { runKzPoint } from './kz-broker-workload';
import { pointLabel, pointResultLines, sizeLabel, type MessagePlan, type PointResult } from './message-workload';
import { NatsCluster } from './nats-cluster';
import { runNatsPoint } from './nats-workload';
import { waitForQuietMachine } from './quiet-machine';

/** The issue's two message sizes, largest first. */
const SIZES = [1024, 100] as const;
/** Each system's nodes; `--parallelism same` gives each one partition (kz) or stream (NATS) to lead. */
const NODES = 3;
const REPLICATION_FACTOR = 3;
/** Timed messages per point, unless `--duration` runs out first. */
const DEFAULT_MESSAGES = 100_000;
/**
 * Sends awaiting their ack, one point each: from one at a time (pure latency: every ack waits on
 * an fsync in kz, on none in NATS) to a throughput-minded producer's thousands (a Kafka producer's
 * batch.size × partitions × in-flight requests). A system that wins only at one end of this range
 * is not faster, only tuned for that end; the ratio lines report the lowest point.
 */
const DEFAULT_CONCURRENCY = [1, 16, 256, 2048] as const;
/** Seconds after which a point's timed sends stop even short of the message count. */
const DEFAULT_POINT_SECONDS = 15;
/** Untimed messages sent first, as a share of the timed ones (and of the time allowed). */
const WARMUP_SHARE = 0.1;
/**
 * A point's consume rate enters the lowest consume ratio only if both sides read at least this
 * share of `--messages`: where the time limit cut the producer short (one send in flight against
 * an fsync per ack), a few hundred messages are read in milliseconds and the consumer's start-up
 * is what gets timed.
 */
const MIN_CONSUMED_SHARE = 0.1;
/** kz's partition logs append each batch and fsync it before the ack; the probe does the same in large steps. */
const DISK_PROBE: DiskProbePlan = { writeBytes: 1 << 20, seconds: 3 };
/** Let the disk and CPU settle after one cluster stops, before the next starts. */
const SETTLE_MS = 2000;
/** Between two points of one cluster: the deleted topic's or streams' files go, the page cache writes back. */
const POINT_SETTLE_MS = 1000;
/** "Quiet": under 15% of all CPUs busy over a 1 s sample; wait at most a minute for it. */
const QUIET = { maxBusy: 0.15, timeoutMs: 60_000, sampleMs: 1000 } as const;

type BrokerSystem = 'nats' | 'kz' | 'kz-tls';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Every point of the sweep, size by size, each size's concurrencies in the order given. */
function sweepPlans(messages: number, concurrencies: readonly number[], pointSeconds: number, partitions: number, producer: Pick<MessagePlan, 'batchBytes' | 'lingerMs'>): MessagePlan[] {
  return SIZES.flatMap((sizeBytes) =>
    concurrencies.map((concurrency) => ({
      sizeBytes,
      messages,
      warmupMessages: Math.ceil(messages * WARMUP_SHARE),
      concurrency,
      maxSeconds: pointSeconds,
      warmupMaxSeconds: pointSeconds * WARMUP_SHARE,
      partitions,
      ...producer,
    })),
  );
}

/**
 * `broker-vs-nats`: a 3-node kz cluster and a 3-server NATS JetStream cluster, one after the
 * other on this machine, each storing every message on all three nodes' disks (kz: replication
 * factor 3, acks=all, min.insync.replicas 2; NATS: replicas=3 file-storage streams, awaited
 * publish acks), with the same parallelism: `--parallelism same` (default) gives kz a topic of
 * three partitions, one led by each node, and NATS three streams, one led by each server; `one`
 * gives each a single partition or stream. For each message size, a sweep over the number of
 * sends awaiting their ack from one Node client; at each point a fresh topic or set of streams is
 * filled, read back by one consumer and deleted. Before the clusters, the disk's fsynced
 * sequential write rate is measured in the same temp dir, bounding what RF 3 can acknowledge.
 * Ends with `ratio kz/nats msgs/s 1KiB: X 100B: Y`, kz's produce rate over NATS's at the point of
 * the sweep where that ratio is lowest.
 */
export async function runBrokerVsNats(args: BenchArgs): Promise<number> {
  // kz-tls runs only when asked for (`--only kz,kz-tls`: what TLS costs, same run).
  const only = (args.only === null ? ['nats', 'kz'] : systemsToRun(args, ['nats', 'kz', 'kz-tls'])).filter((s): s is BrokerSystem => s === 'nats' || s === 'kz' || s === 'kz-tls');
  const messages = args.messages ?? DEFAULT_MESSAGES;
  const concurrencies = args.concurrency ?? DEFAULT_CONCURRENCY;
  const pointSeconds = args.durationS ?? DEFAULT_POINT_SECONDS;
  const parallelism: BrokerParallelism = args.parallelism ?? 'same';
  const partitions = parallelism === 'same' ? NODES : 1;
  const producer = { ...(args.batchBytes === undefined ? {} : { batchBytes: args.batchBytes }), ...(args.lingerMs === undefined ? {} : { lingerMs: args.lingerMs }) };
  const plans = sweepPlans(messages, concurrencies, pointSeconds, partitions, producer);
  if ((only.includes('kz') || only.includes('kz-tls')) && !existsSync(kzBrokerEntry())) {
    throw new Error(`${kzBrokerEntry()} does not exist: build packages/broker first (pnpm exec tsc -b)`);
  }
  const nats = only.includes('nats') ? ensureNatsInstalled() : null;

  console.log(
    `broker-vs-nats: ${cpus().length} cores; per system: ${NODES} nodes on loopback, every message on all ${REPLICATION_FACTOR} ` +
      `(kz: a topic with replication factor ${REPLICATION_FACTOR}, acks=all, min.insync.replicas 2, fsync before the ack; ` +
      `nats: replicas=${REPLICATION_FACTOR} file-storage streams, JetStream publish acks); parallelism ${parallelism}: ` +
      `${partitions === 1 ? 'kz 1 partition, nats 1 stream' : `kz ${partitions} partitions, nats ${partitions} streams (one subject each, publishes round-robin), each system's leaders one per node`}; ` +
      `per size (${SIZES.map(sizeLabel).join(', ')}) and sends in flight (${concurrencies.join(', ')}): up to ${plans[0]!.warmupMessages} warm-up + ` +
      `${messages} timed messages (at most ${(pointSeconds * WARMUP_SHARE).toFixed(1)} + ${pointSeconds} s) from one Node client into a fresh topic or streams, ` +
      `then one consumer reads all back; server CPU is all ${NODES} nodes' processes; MB = 10^6 payload bytes; ` +
      `kz's producer: idempotent (Kafka's default with acks=all: at most 5 batches in flight per partition), batch.size ${args.batchBytes ?? 16384}, linger.ms ${args.lingerMs ?? 5}${args.lingerMs === 0 ? ' (sends at once, as the NATS client does)' : ''}`,
  );
  const scope = new CleanupScope();
  const results = new Map<BrokerSystem, PointResult[]>();
  let disk: DiskWriteRate | null = null;
  try {
    const root = scope.trackDir(mkdtempSync(join(tmpdir(), 'kz-bench-broker-')));
    if (only.includes('kz') || only.includes('kz-tls')) {
      await waitForQuietMachine('disk', QUIET);
      disk = await measureFsyncedWrites(root, DISK_PROBE);
      console.log(`disk: ${diskLine(disk)}`);
    }
    for (const [i, system] of only.entries()) {
      if (i > 0 || disk !== null) await sleep(SETTLE_MS);
      await waitForQuietMachine(system, QUIET);
      const dir = join(root, system);
      mkdirSync(dir);
      const profileDir = args.profile ? (args.profileDir ?? mkdtempSync(join(tmpdir(), 'kz-broker-profiles-'))) : undefined;
      const points = system === 'nats' ? await benchNats(nats!, dir, scope, plans) : await benchKz(system, dir, scope, plans, profileDir);
      results.set(system, points);
    }
  } finally {
    await scope.close();
  }

  console.log('');
  for (const plan of plans) {
    for (const [system, points] of results) {
      const point = points.find((p) => p.plan === plan);
      if (point !== undefined) for (const line of pointResultLines(system, point)) console.log(line);
    }
  }
  const kz = results.get('kz');
  const natsResults = results.get('nats');
  if (kz !== undefined && natsResults !== undefined) for (const line of pointRatioLines(kz, natsResults)) console.log(line);
  if (kz !== undefined && disk !== null) {
    const best = fastestProduce(kz, 1024);
    const limit = replicatedWriteLimit(disk, REPLICATION_FACTOR);
    if (best !== null) {
      console.log(`kz 1KiB produce is fastest at ${best.concurrency} in flight; the limit is the disk's fsynced write rate over replication factor ${REPLICATION_FACTOR}`);
      console.log(`kz RF3 acks=all 1KiB MB/s: ${best.megabytes.toFixed(1)} of limit ${limit.toFixed(1)}`);
    }
  }
  const kzTls = results.get('kz-tls');
  if (kz !== undefined && kzTls !== undefined) {
    for (const line of pointRatioLines(kzTls, kz, 'kz-tls/kz')) console.log(line);
    for (const line of lowestRatioLines(kzTls, kz, SIZES, 'produce', 0, 'kz-tls/kz')) console.log(line);
  }
  if (kz !== undefined && natsResults !== undefined) {
    const minConsumeMessages = Math.ceil(messages * MIN_CONSUMED_SHARE);
    for (const line of lowestRatioLines(kz, natsResults, SIZES, 'consume', minConsumeMessages)) console.log(line);
    for (const line of lowestRatioLines(kz, natsResults, SIZES, 'produce')) console.log(line);
  }
  return 0;
}

function diskLine(disk: DiskWriteRate): string {
  const rate = disk.bytes / 1e6 / disk.seconds;
  return (
    `sequential ${disk.plan.writeBytes >> 20} MiB appends each fsynced, ${(disk.bytes / 1e6).toFixed(0)} MB in ${disk.seconds.toFixed(1)} s: ` +
    `${rate.toFixed(1)} MB/s; over replication factor ${REPLICATION_FACTOR}: ${replicatedWriteLimit(disk, REPLICATION_FACTOR).toFixed(1)} MB/s of payload`
  );
}

async function benchNats(install: NatsInstall, dir: string, scope: CleanupScope, plans: readonly MessagePlan[]): Promise<PointResult[]> {
  console.log(`nats: starting ${NODES} JetStream servers (nats-server ${install.version})`);
  const cluster = await NatsCluster.start(install, dir, scope);
  try {
    console.log(`nats: JetStream meta leader ${await cluster.metaLeader()}, pids ${cluster.pids.join(' ')}`);
    const results: PointResult[] = [];
    for (const [i, plan] of plans.entries()) {
      if (i > 0) await sleep(POINT_SETTLE_MS);
      const run = await runNatsPoint(cluster.clientAddresses, cluster.pids, plan);
      console.log(`${pointLabel('nats', plan)} streams ${run.streams.join(', ')} led by ${run.leaders.join(', ')}`);
      for (const line of pointResultLines('nats', run.result)) console.log(line);
      results.push(run.result);
    }
    return results;
  } finally {
    await cluster.stop();
  }
}

async function benchKz(system: 'kz' | 'kz-tls', dir: string, scope: CleanupScope, plans: readonly MessagePlan[], profileDir: string | undefined): Promise<PointResult[]> {
  const tls = system === 'kz-tls';
  console.log(`${system}: starting ${NODES} nodes (controller voter + broker each)${tls ? ', TLS on every listener (SSL Kafka listener with client certificates, mutual TLS between nodes)' : ''}`);
  const cluster = await KzBrokerCluster.start(dir, scope, profileDir, tls);
  if (profileDir !== undefined) console.log(`${system}: CPU profiles go to ${profileDir}`);
  try {
    console.log(`${system}: ${NODES} brokers registered and unfenced, pids ${cluster.pids.join(' ')}`);
    const results: PointResult[] = [];
    for (const [i, plan] of plans.entries()) {
      if (i > 0) await sleep(POINT_SETTLE_MS);
      const run = await runKzPoint(cluster, plan);
      console.log(`${pointLabel(system, plan)} topic ${run.topic} partitions led by nodes ${run.leaders.join(', ')}`);
      for (const line of pointResultLines(system, run.result)) console.log(line);
      results.push(run.result);
    }
    return results;
  } finally {
    await cluster.stop();
  }
}
