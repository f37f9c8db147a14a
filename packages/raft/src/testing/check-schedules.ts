import fc from 'fast-check';
import { faultScheduleArbitrary, type FaultSchedule } from './fault-schedule';
import { runSchedule, type ScheduleOutcome } from './run-schedule';

export interface CheckOptions {
  readonly runs: number;
  /** fast-check's seed: with `path`, names one schedule exactly. */
  readonly seed: number;
  readonly nodes?: 3 | 5 | undefined;
  /** Replay the one schedule at this fast-check path (`runs` is then ignored). */
  readonly path?: string | undefined;
  /** Shrink a failing schedule to a smaller one that still fails (default true). */
  readonly shrink?: boolean;
  /** Wall-clock budget for shrinking; the smallest failing schedule found by then is reported. */
  readonly shrinkBudgetMs?: number;
  /** Narrate every run as it happens (for replaying one schedule). */
  readonly traceSink?: ((line: string) => void) | undefined;
}

export interface CheckFailure {
  readonly path: string;
  readonly schedule: FaultSchedule;
  readonly outcome: ScheduleOutcome;
  /** The command that replays exactly this schedule. */
  readonly replay: string;
}

export interface CheckReport {
  /** Schedules run before the first failure (shrinking runs are not counted). */
  readonly runs: number;
  readonly events: number;
  readonly seed: number;
  readonly failure: CheckFailure | null;
}

/** Shrinking re-runs the failing schedule many times over; past this it reports what it has. */
export const DEFAULT_SHRINK_BUDGET_MS = 60_000;

/** The command line that replays the schedule fast-check found at (seed, path). */
export function replayCommand(seed: number, path: string, nodes: 3 | 5 | undefined): string {
  return `pnpm sim --seed ${seed} --path ${path}${nodes === undefined ? '' : ` --nodes ${nodes}`} --trace`;
}

/**
 * Runs `runs` random fault schedules through fast-check (so a failure shrinks and is named by a
 * seed and a path). The same (seed, nodes) always generates the same schedules, and each schedule
 * fixes its whole run, so `replay` reproduces a failure exactly.
 */
export function checkSchedules(options: CheckOptions): CheckReport {
  let runs = 0;
  let events = 0;
  let failed = false;
  let failedAt = 0;
  const shrinkBudgetMs = options.shrinkBudgetMs ?? DEFAULT_SHRINK_BUDGET_MS;
  const property = fc.property(faultScheduleArbitrary({ nodes: options.nodes }), (schedule) => {
    // Out of shrinking budget: call every further candidate a pass, so fast-check stops at the
    // smallest failure it has. (Only shrinking is cut short; the search itself always runs fully.)
    if (failed && Date.now() - failedAt > shrinkBudgetMs) return true;
    const outcome = runSchedule(schedule, options.traceSink === undefined ? {} : { traceSink: options.traceSink });
    if (!failed) {
      runs++;
      events += outcome.events;
    }
    if (outcome.violations.length > 0 && !failed) {
      failed = true;
      failedAt = Date.now();
    }
    return outcome.violations.length === 0;
  });
  const details = fc.check(property, {
    // With a path fast-check jumps straight to that schedule: run it alone.
    numRuns: options.path === undefined ? options.runs : 1,
    seed: options.seed,
    ...(options.path === undefined ? {} : { path: options.path }),
    endOnFailure: options.shrink === false,
  });
  if (!details.failed || details.counterexample === null || details.counterexamplePath === null) {
    return { runs, events, seed: options.seed, failure: null };
  }
  const [schedule] = details.counterexample;
  return {
    runs,
    events,
    seed: details.seed,
    failure: {
      path: details.counterexamplePath,
      schedule,
      outcome: rerun(schedule, details.errorInstance),
      replay: replayCommand(details.seed, details.counterexamplePath, options.nodes),
    },
  };
}

/** Runs the failing schedule again for its report; a harness exception becomes the report itself. */
function rerun(schedule: FaultSchedule, error: unknown): ScheduleOutcome {
  try {
    return runSchedule(schedule);
  } catch (rerunError) {
    const thrown = rerunError ?? error;
    const message = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
    return {
      violations: [{ invariant: 'harnessThrew', message }],
      events: 0,
      simulatedMs: 0,
      healedAt: 0,
      leaderAfterHealMs: null,
      commitAfterLeaderMs: null,
      caughtUpAfterCommitMs: null,
      coverage: { leadersElected: 0, truncations: 0, snapshotsTaken: 0, snapshotsInstalled: 0, lostWrites: 0, acknowledged: 0, messagesDropped: 0, messagesDuplicated: 0 },
      trace: [],
    };
  }
}
