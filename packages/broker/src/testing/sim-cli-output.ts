/**
 * What the broker and whole-cluster soak CLIs print alike: the progress line, counts by name, and a
 * failing schedule's report (its steps, the lead-up, what broke, the replay). The CLIs are the only
 * files of the simulations that print; this is their shared part.
 */
import { describeViolation, type Violation } from '@kz/raft/testing';

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** `name=count` pairs, most frequent first ('none' when empty). */
export function formatCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' ') || 'none';
}

/** Adds one run's counts to the totals. */
export function addCounts(totals: Map<string, number>, counts: Readonly<Record<string, number>>): void {
  for (const [k, v] of Object.entries(counts)) totals.set(k, (totals.get(k) ?? 0) + v);
}

/** The `name: done/runs schedules, Ns` line on a terminal (nothing when replaying or piped); `clear` removes it. */
export function progressLine(name: string, runs: number, replaying: boolean): { readonly ran: () => void; readonly clear: () => void } {
  const started = Date.now();
  const shown = !replaying && process.stdout.isTTY;
  let done = 0;
  return {
    ran: () => {
      done++;
      if (shown) process.stdout.write(`\r${name}: ${done}/${runs} schedules, ${Math.round((Date.now() - started) / 1000)}s`);
    },
    clear: () => {
      if (shown) process.stdout.write('\r\x1b[K');
    },
  };
}

/** How a failure's lead-up is shown: the last trace lines, a narrated rerun, or nothing (a replay narrated it already). */
export type LeadUp = 'recent' | 'narrate' | 'none';

export function leadUpFor(trace: boolean, replaying: boolean): LeadUp {
  return !trace ? 'recent' : replaying ? 'none' : 'narrate';
}

export interface PrintedFailure {
  readonly name: string;
  readonly runs: number;
  /** The schedule's settings, after "run seed S, ". */
  readonly headline: string;
  readonly steps: readonly string[];
  readonly outcome: { readonly healedAt: number; readonly trace: readonly string[]; readonly violations: readonly Violation[] };
  readonly replay: string;
  readonly leadUp: LeadUp;
  /** Reruns the schedule narrating every event through the given sink. */
  narrate(sink: (line: string) => void): Promise<unknown>;
}

export async function printFailure(f: PrintedFailure): Promise<void> {
  print(`${f.name}: FAILED after ${f.runs} run(s): ${f.headline}; schedule after setup:`);
  for (const step of f.steps) print(`${f.name}:   ${step}`);
  print(`${f.name}:   at ${f.outcome.healedAt}ms heal everything`);
  if (f.leadUp === 'narrate') {
    print(`${f.name}: narrated run:`);
    await f.narrate((line) => print(`  ${line}`));
  } else if (f.leadUp === 'recent') {
    print(`${f.name}: last events before the violation:`);
    for (const line of f.outcome.trace.slice(-60)) print(`  ${line}`);
  }
  for (const v of f.outcome.violations.slice(0, 5)) print(`${f.name}: ${describeViolation(v)}`);
  print(`${f.name}: replay with: ${f.replay}`);
}
