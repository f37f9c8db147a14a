import { faultScheduleArbitrary, type FaultSchedule } from './fault-schedule';
import { runSchedule, type RunOptions, type ScheduleOutcome } from './run-schedule';
import { searchSchedulesAsync } from './schedule-search';
import { addCoverage, EMPTY_COVERAGE, type RunCoverage } from './simulation';

export interface CheckOptions {
  readonly runs: number;
  /** fast-check's seed: with `path`, names one schedule exactly. */
  readonly seed: number;
  readonly nodes?: 3 | 5 | undefined;
  /** Dynamic voters, with membership changes and wiped disks among the faults (KIP-853). */
  readonly membership?: boolean | undefined;
  /** Replay the one schedule at this fast-check path (`runs` is then ignored). */
  readonly path?: string | undefined;
  /** Shrink a failing schedule to a smaller one that still fails (default true). */
  readonly shrink?: boolean;
  /** Wall-clock budget for shrinking; the smallest failing schedule found by then is reported. */
  readonly shrinkBudgetMs?: number;
  /** Narrate every run as it happens (for replaying one schedule). */
  readonly traceSink?: ((line: string) => void) | undefined;
  /** Test-only: a deliberately broken storage or transport in every run (see SimulationOptions.tamper). */
  readonly tamper?: RunOptions['tamper'];
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
  /** What the schedules run before the first failure exercised, summed. */
  readonly coverage: RunCoverage;
  readonly failure: CheckFailure | null;
}

/** Shrinking re-runs the failing schedule many times over; past this it reports what it has. */
export const DEFAULT_SHRINK_BUDGET_MS = 60_000;

/** The command line that replays the schedule fast-check found at (seed, path). */
export function replayCommand(seed: number, path: string, nodes: 3 | 5 | undefined, membership = false): string {
  return `pnpm sim --seed ${seed} --path ${path}${nodes === undefined ? '' : ` --nodes ${nodes}`}${membership ? ' --membership' : ''} --trace`;
}

/**
 * Runs `runs` random fault schedules through fast-check (so a failure shrinks and is named by a
 * seed and a path). The same (seed, nodes) always generates the same schedules, and each schedule
 * fixes its whole run, so `replay` reproduces a failure exactly.
 */
export async function checkSchedules(options: CheckOptions): Promise<CheckReport> {
  let runs = 0;
  let events = 0;
  let coverage = EMPTY_COVERAGE;
  const runOptions: RunOptions = {
    ...(options.traceSink === undefined ? {} : { traceSink: options.traceSink }),
    ...(options.tamper === undefined ? {} : { tamper: options.tamper }),
  };
  const search = await searchSchedulesAsync(
    faultScheduleArbitrary({ nodes: options.nodes, membership: options.membership }),
    async (schedule, searching) => {
      const outcome = await runSchedule(schedule, runOptions);
      const passed = outcome.violations.length === 0;
      if (searching) {
        runs++;
        events += outcome.events;
        if (passed) coverage = addCoverage(coverage, outcome.coverage);
      }
      return passed;
    },
    { ...options, shrinkBudgetMs: options.shrinkBudgetMs ?? DEFAULT_SHRINK_BUDGET_MS },
  );
  if (search.failure === null) return { runs, events, seed: search.seed, coverage, failure: null };
  const { schedule, path, error } = search.failure;
  return {
    runs,
    events,
    seed: search.seed,
    coverage,
    failure: { path, schedule, outcome: await rerun(schedule, error, runOptions), replay: replayCommand(search.seed, path, options.nodes, options.membership === true) },
  };
}

/** Runs the failing schedule again for its report; a harness exception becomes the report itself. */
async function rerun(schedule: FaultSchedule, error: unknown, options: RunOptions): Promise<ScheduleOutcome> {
  try {
    return await runSchedule(schedule, { ...(options.tamper === undefined ? {} : { tamper: options.tamper }) });
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
      coverage: EMPTY_COVERAGE,
      trace: [],
    };
  }
}
