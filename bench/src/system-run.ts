import { cpuBetween, sampleCpu, type CpuUse } from './cpu-usage';
import { formatMs, formatRate } from './format';
import { runClosedLoop, type LoadOptions, type LoadResult } from './load-generator';
import type { WriteTarget } from './write-target';

/** `kz`: the kv cluster through examples/kv's KvClient (pipelined); `kz-unary`: one unary Put call per write. */
export type System = 'etcd' | 'kz' | 'kz-unary';

/** One system's measured run: what the clients saw, and what CPU it took to serve them. */
export interface SystemRun {
  readonly system: System;
  /** Puts kept in flight. */
  readonly concurrency: number;
  readonly load: LoadResult;
  /** Over the measured window; the leader's process first. */
  readonly cpu: CpuUse;
}

/**
 * Runs the closed-loop load against `target` and samples the CPU of the server processes and of
 * the load generator over the measured window (after the warm-up), so a ratio can be read
 * alongside what each side spent: a side that is CPU-bound and one that idles need different fixes.
 */
export async function measureSystem(system: System, target: WriteTarget, load: LoadOptions, serverPids: readonly number[]): Promise<SystemRun> {
  let start = sampleCpu(serverPids);
  const timer = setTimeout(() => {
    start = sampleCpu(serverPids);
  }, load.warmupMs);
  try {
    const result = await runClosedLoop(target, load);
    return { system, concurrency: load.concurrency, load: result, cpu: cpuBetween(start, sampleCpu(serverPids)) };
  } finally {
    clearTimeout(timer);
  }
}

export function writesPerSecond(run: SystemRun): number {
  return run.load.writes / run.load.seconds;
}

/** `kz       @  64`: the system and the puts in flight, so that the lines of a sweep line up. */
function label(run: SystemRun): string {
  return `${run.system.padEnd(8)} @${String(run.concurrency).padStart(4)}`;
}

/** writes/s, p50, p99, p999 (ms) and errors, on one line. */
export function resultLine(run: SystemRun): string {
  const { load } = run;
  const { latency } = load;
  const errors = load.errorSamples.length > 0 ? ` (e.g. ${load.errorSamples.join(' | ')})` : '';
  return (
    `${label(run)} writes/s: ${formatRate(writesPerSecond(run))} ` +
    `p50: ${formatMs(latency.quantile(0.5))} ms p99: ${formatMs(latency.quantile(0.99))} ms p999: ${formatMs(latency.quantile(0.999))} ms ` +
    `errors: ${load.errors} (${load.writes} writes in ${load.seconds.toFixed(1)} s, warm-up errors ${load.warmupErrors})${errors}`
  );
}

/** Server CPU (all nodes together) spent per successful write, in ms. */
export function serverCpuPerWriteMs({ load, cpu }: SystemRun): number {
  return (cpu.servers * load.seconds * 1000) / load.writes;
}

/**
 * One line per system and load level: writes/s, p50/p99 and server CPU per write, the numbers a
 * sweep compares (resultLine and cpuLine have the rest).
 */
export function summaryLine(run: SystemRun): string {
  const { latency } = run.load;
  return (
    `${label(run)} in flight  writes/s: ${formatRate(writesPerSecond(run))}  p50: ${formatMs(latency.quantile(0.5))} ms  ` +
    `p99: ${formatMs(latency.quantile(0.99))} ms  server CPU per write: ${formatMs(serverCpuPerWriteMs(run))} ms  errors: ${run.load.errors}`
  );
}

/** Where the CPU went: each server process, the load generator, and server CPU per write. */
export function cpuLine(run: SystemRun): string {
  const { load, cpu } = run;
  const perNode = [...cpu.byPid.values()].map((c) => c.toFixed(2)).join(' ');
  return (
    `${label(run)} cpu (cores): servers ${cpu.servers.toFixed(2)} [leader first: ${perNode}], ` +
    `load generator ${cpu.client.toFixed(2)}; server CPU per write ${formatMs(serverCpuPerWriteMs(run))} ms`
  );
}
