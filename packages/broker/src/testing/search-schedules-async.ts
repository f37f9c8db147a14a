/**
 * searchSchedules (from @kz/raft/testing) for a simulation whose runs are asynchronous: the broker
 * simulation awaits the ReplicaManager's promises between events, so its property is a
 * fast-check asyncProperty. Same contract: `check` says whether a schedule passed, `searching` is
 * true until the first failure (so callers count only the search), shrinking stops at the budget,
 * and a failure is named by a seed and a path that replay it.
 */
import fc from 'fast-check';
import type { ScheduleSearchOptions, ScheduleSearchResult } from '@kz/raft/testing';

export async function searchSchedulesAsync<S>(
  arbitrary: fc.Arbitrary<S>,
  check: (schedule: S, searching: boolean) => Promise<boolean>,
  options: ScheduleSearchOptions,
): Promise<ScheduleSearchResult<S>> {
  let failedAt: number | null = null;
  const property = fc.asyncProperty(arbitrary, async (schedule) => {
    if (failedAt !== null && Date.now() - failedAt > options.shrinkBudgetMs) return true;
    const passed = await check(schedule, failedAt === null);
    if (!passed && failedAt === null) failedAt = Date.now();
    return passed;
  });
  const details = await fc.check(property, {
    // With a path fast-check jumps straight to that schedule: run it alone.
    numRuns: options.path === undefined ? options.runs : 1,
    seed: options.seed,
    ...(options.path === undefined ? {} : { path: options.path }),
    endOnFailure: options.shrink === false,
  });
  if (!details.failed || details.counterexample === null || details.counterexamplePath === null) return { seed: options.seed, failure: null };
  return { seed: details.seed, failure: { schedule: details.counterexample[0], path: details.counterexamplePath, error: details.errorInstance } };
}
