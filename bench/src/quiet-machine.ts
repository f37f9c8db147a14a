import { readdirSync, readFileSync } from 'node:fs';

export interface QuietOptions {
  /** Busy share of all CPUs together (0..1) below which the machine counts as quiet. */
  readonly maxBusy: number;
  /** Give up waiting after this long and go on, saying so. */
  readonly timeoutMs: number;
  readonly sampleMs: number;
}

export interface MachineLoad {
  readonly busy: number;
  /** The processes that used the most CPU over the sample, busiest first. */
  readonly busiest: readonly { readonly pid: number; readonly name: string; readonly cores: number }[];
}

/** Total and idle jiffies of all CPUs (first line of /proc/stat); null where there is no /proc. */
function cpuTimes(): { total: number; idle: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    // idle + iowait: a CPU waiting on a disk is free for other work.
    return { total, idle: (fields[3] ?? 0) + (fields[4] ?? 0) };
  } catch {
    return null;
  }
}

function processTimes(): Map<number, { name: string; ticks: number }> {
  const out = new Map<number, { name: string; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(entry), { name, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** How busy the machine was over `sampleMs`, and who kept it busy. */
export async function sampleMachineLoad(sampleMs: number): Promise<MachineLoad | null> {
  const before = cpuTimes();
  const procsBefore = processTimes();
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const after = cpuTimes();
  const procsAfter = processTimes();
  if (before === null || after === null || after.total === before.total) return null;
  const busy = 1 - (after.idle - before.idle) / (after.total - before.total);
  // /proc/<pid>/stat counts in the same USER_HZ ticks as /proc/stat; per CPU, so ticks/s/HZ = cores.
  const elapsedTicksPerCpu = (after.total - before.total) / Math.max(1, cpuCount());
  const busiest = [...procsAfter]
    .map(([pid, p]) => ({ pid, name: p.name, cores: (p.ticks - (procsBefore.get(pid)?.ticks ?? p.ticks)) / elapsedTicksPerCpu }))
    .filter((p) => p.cores > 0.02 && p.pid !== process.pid)
    .sort((a, b) => b.cores - a.cores)
    .slice(0, 4);
  return { busy, busiest };
}

function cpuCount(): number {
  try {
    return readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d+ /.test(l)).length;
  } catch {
    return 1;
  }
}

/**
 * Waits until other work on the machine has died down, so each system is measured on a quiet
 * machine — or, after the timeout, says plainly that it is not and goes on. Returns the last load.
 */
export async function waitForQuietMachine(what: string, options: QuietOptions): Promise<MachineLoad | null> {
  const deadline = Date.now() + options.timeoutMs;
  let warned = false;
  for (;;) {
    const load = await sampleMachineLoad(options.sampleMs);
    if (load === null || load.busy <= options.maxBusy) {
      if (load !== null) console.log(`${what}: machine ${(load.busy * 100).toFixed(0)}% busy before start (quiet)`);
      return load;
    }
    const who = load.busiest.length === 0 ? 'short-lived processes' : load.busiest.map((p) => `${p.name}[${p.pid}] ${(p.cores * 100).toFixed(0)}%`).join(', ');
    if (Date.now() >= deadline) {
      console.log(`${what}: WARNING machine still ${(load.busy * 100).toFixed(0)}% busy (${who}); measuring anyway, results are noisy`);
      return load;
    }
    if (!warned) {
      console.log(`${what}: machine ${(load.busy * 100).toFixed(0)}% busy (${who}); waiting up to ${options.timeoutMs / 1000} s for it to quiet down`);
      warned = true;
    }
  }
}
