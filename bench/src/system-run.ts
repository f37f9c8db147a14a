import { cpuBetween, sampleCpu, type CpuUse } from './cpu-usage';
import { formatMs, formatRate } from './format';
import { runClosedLoop, type LoadOptions, type LoadResult } from './load-generator';
import type { WriteTarget } from './write-target';

export type System = 'etcd' | 'kz';

/** One system's measured run: what the clients saw, and what CPU it took to serve them. */
export interface SystemRun {
  readonly system: System;
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
    return { system, load: result, cpu: cpuBetween(start, sampleCpu(serverPids)) };
  } finally {
    clearTimeout(timer);
  }
}

export function writesPerSecond(run: SystemRun): number {
  return run.load.writes / run.load.seconds;
}

/** writes/s, p50, p99, p999 (ms) and errors, on one line. */
export function resultLine(run: SystemRun): string {
  const { load } = run;
  const { latency } = load;
  const errors = load.errorSamples.length > 0 ? ` (e.g. ${load.errorSamples.join(' | ')})` : '';
  return (
    `${run.system.padEnd(4)} writes/s: ${formatRate(writesPerSecond(run))} ` +
    `p50: ${formatMs(latency.quantile(0.5))} ms p99: ${formatMs(latency.quantile(0.99))} ms p999: ${formatMs(latency.quantile(0.999))} ms ` +
    `errors: ${load.errors} (${load.writes} writes in ${load.seconds.toFixed(1)} s, warm-up errors ${load.warmupErrors})${errors}`
  );
}

/** Where the CPU went: each server process, the load generator, and server CPU per write. */
export function cpuLine({ system, load, cpu }: SystemRun): string {
  const perNode = [...cpu.byPid.values()].map((c) => c.toFixed(2)).join(' ');
  const perWriteMs = (cpu.servers * load.seconds * 1000) / load.writes;
  return (
    `${system.padEnd(4)} cpu (cores): servers ${cpu.servers.toFixed(2)} [leader first: ${perNode}], ` +
    `load generator ${cpu.client.toFixed(2)}; server CPU per write ${formatMs(perWriteMs)} ms`
  );
}
