import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemsToRun, type BenchArgs } from './bench-args';
import { CleanupScope } from './cleanup-scope';
import { printProfileSummary } from './cpu-profile-summary';
import { ensureEtcdInstalled } from './ensure-etcd';
import { EtcdClient } from './etcd-client';
import { EtcdCluster } from './etcd-cluster';
import { formatRatio } from './format';
import { KzKvClient } from './kz-kv-client';
import { KzKvCluster, kzKvEntry } from './kz-kv-cluster';
import { KzKvPipelineClient } from './kz-kv-pipeline-client';
import { waitForQuietMachine } from './quiet-machine';
import type { LoadOptions } from './load-generator';
import type { WriteTarget } from './write-target';
import { cpuLine, measureSystem, resultLine, serverCpuPerWriteMs, summaryLine, writesPerSecond, type SystemRun } from './system-run';

/** etcd's own performance page uses these sizes (RAFT_LIBRARIES.md §2). */
const KEY_BYTES = 8;
const VALUE_BYTES = 256;
/** Let the disk and CPU settle after one cluster stops, before the next starts. */
const SETTLE_MS = 2000;
/** "Quiet": under 15% of all CPUs busy over a 1 s sample; wait at most a minute for it. */
const QUIET = { maxBusy: 0.15, timeoutMs: 60_000, sampleMs: 1000 } as const;
/**
 * Puts in flight, one measured run each on the same cluster: 1 shows the latency-bound case (one
 * round trip, one fsync per write), 256 the throughput-bound one. The ratio line at the end is at
 * HEADLINE_CONCURRENCY, as it has always been.
 */
const DEFAULT_SWEEP = [1, 16, 64, 256] as const;
const HEADLINE_CONCURRENCY = 64;

/** The level the final ratio line reports: 64 when swept, else the last one asked for. */
export function headlineConcurrency(sweep: readonly number[]): number {
  return sweep.includes(HEADLINE_CONCURRENCY) ? HEADLINE_CONCURRENCY : sweep[sweep.length - 1]!;
}

/**
 * `raft-vs-etcd`: the same closed-loop put load against a 3-member etcd cluster and a 3-node kz
 * kv cluster, one after the other on this machine, each against its leader, at each number of
 * puts in flight of the sweep (each cluster started once, the levels run in turn on it), and the
 * ratios. etcd's side is one unary KV.Put call per write (its API has no pipelined write); kz's
 * is run twice on the same cluster: `kz`, through examples/kv's KvClient, which pipelines its
 * operations on one stream per node, and `kz-unary`, one unary Put call per write by the same
 * bare caller as etcd's. Everything it starts is stopped and every temp dir removed, however it
 * ends.
 */
export async function runRaftVsEtcd(args: BenchArgs): Promise<number> {
  const only = systemsToRun(args, ['etcd', 'kz', 'kz-unary']);
  const kzClients = only.filter((s): s is KzSystem => s === 'kz' || s === 'kz-unary');
  const sweep = args.concurrency ?? [...DEFAULT_SWEEP];
  const load: Omit<LoadOptions, 'concurrency'> = {
    warmupMs: (args.warmupS ?? 5) * 1000,
    durationMs: (args.durationS ?? 20) * 1000,
    keySpace: args.keySpace,
    keyBytes: KEY_BYTES,
    valueBytes: VALUE_BYTES,
  };
  if (kzClients.length > 0 && !existsSync(kzKvEntry())) {
    throw new Error(`${kzKvEntry()} does not exist: build examples/kv first (pnpm exec tsc -b)`);
  }
  const etcdBinary = only.includes('etcd') ? ensureEtcdInstalled() : '';
  const profileDir = args.profile ? (args.profileDir ?? join(tmpdir(), `kz-bench-profiles-${Date.now()}`)) : undefined;
  if (profileDir !== undefined) mkdirSync(profileDir, { recursive: true });

  console.log(
    `raft-vs-etcd: ${cpus().length} cores; per system: 3 nodes on loopback, ${sweep.join(', ')} puts in flight (one run each, in turn) over ` +
      `${args.connections} connection(s), ${KEY_BYTES}-byte keys over ${load.keySpace} keys, ${VALUE_BYTES}-byte values, ` +
      `${load.warmupMs / 1000} s warm-up + ${load.durationMs / 1000} s per run, against the leader`,
  );
  const scope = new CleanupScope();
  const results: SystemRun[] = [];
  try {
    const root = scope.trackDir(mkdtempSync(join(tmpdir(), 'kz-bench-')));
    // Both kz clients load the same kz cluster, one after the other.
    const clusters = [...(only.includes('etcd') ? ['etcd'] : []), ...(kzClients.length > 0 ? ['kz'] : [])];
    for (const [i, system] of clusters.entries()) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      await waitForQuietMachine(system, QUIET);
      console.log(`${system}: starting 3 nodes (1-min load average ${loadavg()[0]!.toFixed(2)})`);
      const dir = join(root, system);
      mkdirSync(dir);
      const report = (result: SystemRun): void => {
        results.push(result);
        console.log(resultLine(result));
        console.log(cpuLine(result));
      };
      if (system === 'etcd') await benchEtcd(etcdBinary, dir, scope, load, sweep, args.connections, report);
      else await benchKz(dir, scope, load, sweep, args.connections, kzClients, profileDir, report);
    }
  } finally {
    await scope.close();
  }

  if (profileDir !== undefined) {
    console.log(`kz CPU profiles (one per node) in ${profileDir}:`);
    printProfileSummary(profileDir);
  }
  console.log('');
  for (const r of results) console.log(cpuLine(r));
  for (const r of results) console.log(resultLine(r));
  console.log('');
  const runAt = (system: SystemRun['system'], concurrency: number): SystemRun | undefined => results.find((r) => r.system === system && r.concurrency === concurrency);
  const p99 = (run: SystemRun): number => run.load.latency.quantile(0.99);
  for (const concurrency of sweep) {
    const etcd = runAt('etcd', concurrency);
    const kzRuns = kzClients.map((system) => runAt(system, concurrency));
    for (const run of [...kzRuns, etcd]) if (run !== undefined) console.log(summaryLine(run));
    for (const kz of kzRuns) {
      if (kz === undefined || etcd === undefined) continue;
      console.log(
        `ratio ${`${kz.system}/etcd`.padEnd(13)} @${String(concurrency).padStart(4)} in flight  writes/s: ${formatRatio(writesPerSecond(kz), writesPerSecond(etcd))} ` +
          `p99: ${formatRatio(p99(kz), p99(etcd))} server CPU per write: ${formatRatio(serverCpuPerWriteMs(kz), serverCpuPerWriteMs(etcd))}`,
      );
    }
  }
  const headline = headlineConcurrency(sweep);
  const etcd = runAt('etcd', headline);
  // The last line is kz as applications use it (KvClient); the unary line above it is etcd's path.
  for (const system of [...kzClients].reverse()) {
    const kz = runAt(system, headline);
    if (kz === undefined || etcd === undefined) continue;
    console.log(`ratio ${system}/etcd writes/s: ${formatRatio(writesPerSecond(kz), writesPerSecond(etcd))} p99: ${formatRatio(p99(kz), p99(etcd))}`);
  }
  return results.some((r) => r.load.writes === 0) ? 1 : 0;
}

type SweepLoad = Omit<LoadOptions, 'concurrency'>;

type KzSystem = 'kz' | 'kz-unary';

/** Each level of the sweep in turn against the same leader, reported as it ends. */
async function runSweep(system: SystemRun['system'], client: WriteTarget, load: SweepLoad, sweep: readonly number[], pids: readonly number[], report: (run: SystemRun) => void): Promise<void> {
  for (const concurrency of sweep) report(await measureSystem(system, client, { ...load, concurrency }, pids));
}

async function benchEtcd(binary: string, dir: string, scope: CleanupScope, load: SweepLoad, sweep: readonly number[], connections: number, report: (run: SystemRun) => void): Promise<void> {
  const cluster = await EtcdCluster.start(binary, dir, scope);
  try {
    const leader = await cluster.leaderAddress();
    const pids = cluster.pidsLeaderFirst(leader);
    console.log(`etcd: healthy, leader ${leader}, pids ${pids.join(' ')} (leader first); loading`);
    const client = new EtcdClient(leader, connections);
    try {
      await runSweep('etcd', client, load, sweep, pids, report);
    } finally {
      client.close();
    }
  } finally {
    await cluster.stop();
  }
}

async function benchKz(
  dir: string,
  scope: CleanupScope,
  load: SweepLoad,
  sweep: readonly number[],
  connections: number,
  clients: readonly KzSystem[],
  profileDir: string | undefined,
  report: (run: SystemRun) => void,
): Promise<void> {
  const cluster = await KzKvCluster.start(dir, scope, profileDir === undefined ? {} : { cpuProfileDir: profileDir });
  try {
    const leader = await cluster.leaderAddress();
    const pids = cluster.pidsLeaderFirst(leader);
    console.log(`kz: healthy, leader ${leader}, pids ${pids.join(' ')} (leader first); loading`);
    for (const system of clients) {
      const client = system === 'kz' ? new KzKvPipelineClient(leader) : new KzKvClient(leader, connections);
      try {
        await runSweep(system, client, load, sweep, pids, report);
      } finally {
        client.close();
      }
    }
  } finally {
    // SIGTERM first: a node under --cpu-prof writes its profile as it exits.
    await cluster.stop();
  }
}
