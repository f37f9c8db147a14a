import fc from 'fast-check';

export interface ScheduleSearchOptions {
  readonly runs: number;
  /** fast-check's seed: with `path`, names one schedule exactly. */
  readonly seed: number;
  /** Replay the one schedule at this fast-check path (`runs` is then ignored). */
  readonly path?: string | undefined;
  /** Shrink a failing schedule to a smaller one that still fails (default true). */
  readonly shrink?: boolean;
  /** Wall-clock budget for shrinking; the smallest failing schedule found by then is reported. */
  readonly shrinkBudgetMs: number;
}

export interface ScheduleSearchResult<S> {
  readonly seed: number;
  /** The smallest failing schedule found and its path, or null when every schedule passed. */
  readonly failure: { readonly schedule: S; readonly path: string; readonly error: unknown } | null;
}

/**
 * Runs random schedules through fast-check, so that a failure shrinks and is named by a seed and a
 * path. `check` runs one schedule and says whether it passed; `searching` is true until the first
 * failure, so a caller can count only the search and not the shrinking reruns. Shrinking stops at
 * the budget: past it every candidate passes, and fast-check keeps the smallest failure it has.
 */
export function searchSchedules<S>(
  arbitrary: fc.Arbitrary<S>,
  check: (schedule: S, searching: boolean) => boolean,
  options: ScheduleSearchOptions,
): ScheduleSearchResult<S> {
  const budget = new ShrinkBudget(options.shrinkBudgetMs);
  const property = fc.property(arbitrary, (schedule) => budget.exhausted() || budget.note(check(schedule, budget.searching)));
  return resultOf(fc.check(property, checkParameters<S>(options)), options);
}

/** searchSchedules for simulations whose runs are asynchronous (they await promises between events). */
export async function searchSchedulesAsync<S>(
  arbitrary: fc.Arbitrary<S>,
  check: (schedule: S, searching: boolean) => Promise<boolean>,
  options: ScheduleSearchOptions,
): Promise<ScheduleSearchResult<S>> {
  const budget = new ShrinkBudget(options.shrinkBudgetMs);
  const property = fc.asyncProperty(arbitrary, async (schedule) => budget.exhausted() || budget.note(await check(schedule, budget.searching)));
  return resultOf(await fc.check(property, checkParameters<S>(options)), options);
}

/** When the first failure happened: shrinking runs only until the budget after it is spent. */
class ShrinkBudget {
  private failedAt: number | null = null;
  constructor(private readonly budgetMs: number) {}
  get searching(): boolean {
    return this.failedAt === null;
  }
  exhausted(): boolean {
    return this.failedAt !== null && Date.now() - this.failedAt > this.budgetMs;
  }
  note(passed: boolean): boolean {
    if (!passed && this.failedAt === null) this.failedAt = Date.now();
    return passed;
  }
}

function checkParameters<S>(options: ScheduleSearchOptions): fc.Parameters<[S]> {
  return {
    // With a path fast-check jumps straight to that schedule: run it alone.
    numRuns: options.path === undefined ? options.runs : 1,
    seed: options.seed,
    ...(options.path === undefined ? {} : { path: options.path }),
    endOnFailure: options.shrink === false,
  };
}

function resultOf<S>(details: fc.RunDetails<[S]>, options: ScheduleSearchOptions): ScheduleSearchResult<S> {
  if (!details.failed || details.counterexample === null || details.counterexamplePath === null) return { seed: options.seed, failure: null };
  return { seed: details.seed, failure: { schedule: details.counterexample[0], path: details.counterexamplePath, error: details.errorInstance } };
}
