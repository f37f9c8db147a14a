import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemsToRun, type BenchArgs } from './bench-args';
import { CleanupScope } from './cleanup-scope';
import { ensureNatsInstalled, type NatsInstall } from './ensure-nats';
import { formatRatio } from './format';
import { KzBrokerCluster, kzBrokerEntry } from './kz-broker-cluster';
import { KZ_TOPIC_PARTITIONS, runKzSize } from './kz-broker-workload';
import { consumeRate, produceRate, sizeLabel, sizeResultLines, type MessagePlan, type SizeResult } from './message-workload';
import { NatsCluster } from './nats-cluster';
import { runNatsSize } from './nats-workload';
import { waitForQuietMachine } from './quiet-machine';

/** The two message sizes, largest first. */
const SIZES = [1024, 100] as const;
const DEFAULT_MESSAGES = 100_000;
/**
 * Sends awaiting their ack. A throughput-minded producer keeps thousands of records in flight (a
 * Kafka producer's batch.size × partitions × in-flight requests); with only a few hundred, both
 * systems are bound by one ack's latency rather than by how much they move, and kz's ack costs
 * an fsync on every ISR member that NATS's does not (sync_interval: 2 min). `--concurrency 256`
 * shows that regime.
 */
const DEFAULT_CONCURRENCY = 2048;
/** Untimed messages sent first, as a share of the timed ones. */
const WARMUP_SHARE = 0.1;
/** Let the disk and CPU settle after one cluster stops, before the next starts. */
const SETTLE_MS = 2000;
/** "Quiet": under 15% of all CPUs busy over a 1 s sample; wait at most a minute for it. */
const QUIET = { maxBusy: 0.15, timeoutMs: 60_000, sampleMs: 1000 } as const;

type BrokerSystem = 'nats' | 'kz';

/**
 * `broker-vs-nats`: a 3-node kz cluster and a 3-server NATS JetStream cluster, one after the
 * other on this machine, each storing every message on all three nodes' disks (kz: replication
 * factor 3, acks=all, min.insync.replicas 2; NATS: a replicas=3 file-storage stream, awaited
 * publish acks). For each message size, a Node client keeps the same number of sends awaiting
 * their ack, then a consumer reads everything back. Ends with
 * `ratio kz/nats msgs/s 1KiB: X 100B: Y`, kz's produce rate over NATS's.
 */
export async function runBrokerVsNats(args: BenchArgs): Promise<number> {
  const only = systemsToRun(args, ['nats', 'kz']).filter((s): s is BrokerSystem => s === 'nats' || s === 'kz');
  const messages = args.messages ?? DEFAULT_MESSAGES;
  const concurrency = args.concurrency ?? DEFAULT_CONCURRENCY;
  const plans: MessagePlan[] = SIZES.map((sizeBytes) => ({ sizeBytes, messages, warmupMessages: Math.ceil(messages * WARMUP_SHARE), concurrency }));
  if (only.includes('kz') && !existsSync(kzBrokerEntry())) {
    throw new Error(`${kzBrokerEntry()} does not exist: build packages/broker first (pnpm exec tsc -b)`);
  }
  const nats = only.includes('nats') ? ensureNatsInstalled() : null;

  console.log(
    `broker-vs-nats: ${cpus().length} cores; per system: 3 nodes on loopback, every message on all 3 (kz: replication factor 3, ` +
      `acks=all, min.insync.replicas 2, ${KZ_TOPIC_PARTITIONS} partitions; nats: a replicas=3 file-storage stream on one subject, JetStream publish acks); ` +
      `per size (${SIZES.map(sizeLabel).join(', ')}): ${plans[0]!.warmupMessages} warm-up + ${messages} timed messages, ` +
      `${concurrency} sends awaiting their ack from one Node client, then one consumer reads all back; MB = 10^6 payload bytes`,
  );
  const scope = new CleanupScope();
  const results = new Map<BrokerSystem, SizeResult[]>();
  try {
    const root = scope.trackDir(mkdtempSync(join(tmpdir(), 'kz-bench-broker-')));
    for (const [i, system] of only.entries()) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      await waitForQuietMachine(system, QUIET);
      const dir = join(root, system);
      mkdirSync(dir);
      const sizes = system === 'nats' ? await benchNats(nats!, dir, scope, plans) : await benchKz(dir, scope, plans, args.profile ? (args.profileDir ?? mkdtempSync(join(tmpdir(), 'kz-broker-profiles-'))) : undefined);
      results.set(system, sizes);
    }
  } finally {
    await scope.close();
  }

  console.log('');
  for (const [system, sizes] of results) for (const r of sizes) for (const line of sizeResultLines(system, r)) console.log(line);
  const kz = results.get('kz');
  const natsResults = results.get('nats');
  if (kz !== undefined && natsResults !== undefined) {
    const ratios = (rate: (r: SizeResult) => number): string =>
      SIZES.map((size, i) => `${sizeLabel(size)}: ${formatRatio(rate(kz[i]!), rate(natsResults[i]!))}`).join(' ');
    console.log(`ratio kz/nats consume msgs/s ${ratios(consumeRate)}`);
    console.log(`ratio kz/nats msgs/s ${ratios(produceRate)}`);
  }
  return 0;
}

async function benchNats(install: NatsInstall, dir: string, scope: CleanupScope, plans: readonly MessagePlan[]): Promise<SizeResult[]> {
  console.log('nats: starting 3 JetStream servers');
  const cluster = await NatsCluster.start(install, dir, scope);
  try {
    console.log(`nats: JetStream meta leader ${await cluster.metaLeader()}, pids ${cluster.pids.join(' ')}`);
    const results: SizeResult[] = [];
    for (const plan of plans) {
      const result = await runNatsSize(cluster.clientAddresses, cluster.pids, plan);
      for (const line of sizeResultLines('nats', result)) console.log(line);
      results.push(result);
    }
    return results;
  } finally {
    await cluster.stop();
  }
}

async function benchKz(dir: string, scope: CleanupScope, plans: readonly MessagePlan[], profileDir: string | undefined): Promise<SizeResult[]> {
  console.log('kz: starting 3 nodes (controller voter + broker each)');
  const cluster = await KzBrokerCluster.start(dir, scope, profileDir);
  if (profileDir !== undefined) console.log(`kz: CPU profiles go to ${profileDir}`);
  try {
    console.log(`kz: 3 brokers registered and unfenced, pids ${cluster.pids.join(' ')}`);
    const results: SizeResult[] = [];
    for (const plan of plans) {
      const result = await runKzSize(cluster, plan);
      for (const line of sizeResultLines('kz', result)) console.log(line);
      results.push(result);
    }
    return results;
  } finally {
    await cluster.stop();
  }
}
