/**
 * The search loop every fault-schedule simulator shares: run random schedules through fast-check
 * (searchSchedulesAsync), count what the search ran (not the shrinking reruns), turn a harness
 * exception into the run's violation rather than let it escape fast-check, and report the smallest
 * failing schedule with its outcome and the command that replays it. A simulator supplies a
 * ScheduleCheck: its arbitrary, how to run one schedule, and how to name a replay.
 */
import type fc from 'fast-check';
import { searchSchedulesAsync } from './schedule-search';
import type { Violation } from './violation';

/** What a run of one schedule reports, at least: the search counts and judges by these. */
export interface SimOutcome {
  readonly violations: readonly Violation[];
  readonly events: number;
  readonly simulatedMs: number;
}

export interface ScheduleCheck<Schedule, Outcome extends SimOutcome> {
  readonly arbitrary: fc.Arbitrary<Schedule>;
  /** Runs one schedule; `traced`: a search run (narrated to the caller's trace sink, if any), not the report's rerun. */
  run(schedule: Schedule, traced: boolean): Promise<Outcome>;
  /** The outcome of a run whose harness threw: the exception, as the run's one violation. */
  threw(violation: Violation): Outcome;
  /** The command that replays the schedule at (seed, path). */
  replay(seed: number, path: string): string;
  /** Shrinking's wall-clock budget when the options name none. */
  readonly defaultShrinkBudgetMs: number;
}

export interface ScheduleCheckOptions<Schedule, Outcome> {
  readonly runs: number;
  /** fast-check's seed: with `path`, names one schedule exactly. */
  readonly seed: number;
  /** Replay the one schedule at this fast-check path (`runs` is then ignored). */
  readonly path?: string | undefined;
  /** Shrink a failing schedule to a smaller one that still fails (default true). */
  readonly shrink?: boolean;
  /** Wall-clock budget for shrinking; the smallest failing schedule found by then is reported. */
  readonly shrinkBudgetMs?: number;
  /** Hears about every schedule the search ran (not the shrinking reruns), e.g. to sum coverage. */
  readonly onRun?: ((schedule: Schedule, outcome: Outcome) => void) | undefined;
}

export interface ScheduleCheckFailure<Schedule, Outcome> {
  readonly path: string;
  readonly schedule: Schedule;
  readonly outcome: Outcome;
  /** The commands that replay exactly this schedule. */
  readonly replay: string;
}

export interface ScheduleCheckReport<Schedule, Outcome> {
  /** Schedules run before the first failure (shrinking reruns are not counted). */
  readonly runs: number;
  readonly events: number;
  readonly simulatedMs: number;
  readonly seed: number;
  readonly failure: ScheduleCheckFailure<Schedule, Outcome> | null;
}

export async function checkSchedulesAsync<Schedule, Outcome extends SimOutcome>(
  check: ScheduleCheck<Schedule, Outcome>,
  options: ScheduleCheckOptions<Schedule, Outcome>,
): Promise<ScheduleCheckReport<Schedule, Outcome>> {
  let runs = 0;
  let events = 0;
  let simulatedMs = 0;
  const search = await searchSchedulesAsync(
    check.arbitrary,
    async (schedule, searching) => {
      const outcome = await runGuarded(check, schedule, true);
      if (searching) {
        runs++;
        events += outcome.events;
        simulatedMs += outcome.simulatedMs;
        options.onRun?.(schedule, outcome);
      }
      return outcome.violations.length === 0;
    },
    { ...options, shrinkBudgetMs: options.shrinkBudgetMs ?? check.defaultShrinkBudgetMs },
  );
  if (search.failure === null) return { runs, events, simulatedMs, seed: search.seed, failure: null };
  const { schedule, path } = search.failure;
  const outcome = await runGuarded(check, schedule, false);
  return { runs, events, simulatedMs, seed: search.seed, failure: { path, schedule, outcome, replay: check.replay(search.seed, path) } };
}

async function runGuarded<Schedule, Outcome extends SimOutcome>(check: ScheduleCheck<Schedule, Outcome>, schedule: Schedule, traced: boolean): Promise<Outcome> {
  try {
    return await check.run(schedule, traced);
  } catch (error) {
    return check.threw({ invariant: 'harnessThrew', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
