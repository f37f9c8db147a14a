import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU seconds used so far by some processes (from /proc) and by this one, at one instant. */
export interface CpuSample {
  readonly atNs: bigint;
  /** NaN for a process whose /proc entry could not be read (gone, or not Linux). */
  readonly byPid: ReadonlyMap<number, number>;
  readonly self: number;
}

/** CPU used between two samples, in cores (1 = one core busy the whole time). */
export interface CpuUse {
  readonly byPid: ReadonlyMap<number, number>;
  readonly servers: number;
  readonly client: number;
  /** The wall-clock seconds between the two samples. */
  readonly seconds: number;
}

/** Server CPU per unit of work in µs (e.g. per message): what the servers used over the window, divided. */
export function serverMicrosPer(use: CpuUse, units: number): number {
  return (use.servers * use.seconds * 1e6) / units;
}

let ticksPerSecond: number | null = null;

/** USER_HZ, the unit of /proc/<pid>/stat's times; 100 on every common Linux. */
function clockTicks(): number {
  if (ticksPerSecond === null) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const n = Number(out.stdout?.trim());
    ticksPerSecond = Number.isFinite(n) && n > 0 ? n : 100;
  }
  return ticksPerSecond;
}

/** utime + stime of every thread of `pid`, in seconds. */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", state is field 3; utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return Number.NaN;
  }
}

export function sampleCpu(pids: readonly number[]): CpuSample {
  const usage = process.cpuUsage();
  return {
    atNs: process.hrtime.bigint(),
    byPid: new Map(pids.map((pid) => [pid, processCpuSeconds(pid)])),
    self: (usage.user + usage.system) / 1e6,
  };
}

/** What the servers and this process (the load generator) used between `from` and `to`. */
export function cpuBetween(from: CpuSample, to: CpuSample): CpuUse {
  const seconds = Number(to.atNs - from.atNs) / 1e9;
  const byPid = new Map<number, number>();
  let servers = 0;
  for (const [pid, before] of from.byPid) {
    const cores = ((to.byPid.get(pid) ?? Number.NaN) - before) / seconds;
    byPid.set(pid, cores);
    servers += cores;
  }
  return { byPid, servers, client: (to.self - from.self) / seconds, seconds };
}
