import { faultScheduleArbitrary, type FaultSchedule } from './fault-schedule';
import { runSchedule, type ScheduleOutcome } from './run-schedule';
import { searchSchedules } from './schedule-search';

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
  const search = searchSchedules(
    faultScheduleArbitrary({ nodes: options.nodes }),
    (schedule, searching) => {
      const outcome = runSchedule(schedule, options.traceSink === undefined ? {} : { traceSink: options.traceSink });
      if (searching) {
        runs++;
        events += outcome.events;
      }
      return outcome.violations.length === 0;
    },
    { ...options, shrinkBudgetMs: options.shrinkBudgetMs ?? DEFAULT_SHRINK_BUDGET_MS },
  );
  if (search.failure === null) return { runs, events, seed: search.seed, failure: null };
  const { schedule, path, error } = search.failure;
  return {
    runs,
    events,
    seed: search.seed,
    failure: { path, schedule, outcome: rerun(schedule, error), replay: replayCommand(search.seed, path, options.nodes) },
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
