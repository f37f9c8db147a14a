import fc from 'fast-check';
import { searchSchedules } from '@kz/raft/testing';

describe('searchSchedules', () => {
  it('passes when every schedule passes, counting each one as searched', () => {
    let searched = 0;
    const result = searchSchedules(fc.nat(), (_, searching) => {
      if (searching) searched++;
      return true;
    }, { runs: 50, seed: 1, shrinkBudgetMs: 1000 });
    expect(result.failure).toBeNull();
    expect(searched).toBe(50);
  });

  it('shrinks a failure to the smallest failing schedule, and its path replays exactly that one', () => {
    let searchedAfterFailure = 0;
    let failedOnce = false;
    const check = (n: number, searching: boolean): boolean => {
      if (failedOnce && searching) searchedAfterFailure++;
      if (n >= 500) failedOnce = true;
      return n < 500;
    };
    const result = searchSchedules(fc.integer({ min: 0, max: 10_000 }), check, { runs: 200, seed: 7, shrinkBudgetMs: 10_000 });
    expect(result.failure?.schedule).toBe(500);
    // Shrinking reruns are not part of the search.
    expect(searchedAfterFailure).toBe(0);
    const replayed: number[] = [];
    const again = searchSchedules(fc.integer({ min: 0, max: 10_000 }), (n) => {
      replayed.push(n);
      return n < 500;
    }, { runs: 200, seed: result.seed, path: result.failure!.path, shrink: false, shrinkBudgetMs: 10_000 });
    expect(replayed[0]).toBe(500);
    expect(again.failure?.schedule).toBe(500);
  });

  it('stops shrinking at the budget and reports the smallest failure found by then', () => {
    let firstFailure: number | null = null;
    const result = searchSchedules(fc.integer({ min: 0, max: 10_000 }), (n) => {
      if (n >= 500 && firstFailure === null) firstFailure = n;
      return n < 500;
    }, { runs: 200, seed: 7, shrinkBudgetMs: -1 });
    // No budget at all: every shrinking candidate counts as a pass, so the first failure stands.
    expect(firstFailure).not.toBeNull();
    expect(firstFailure).not.toBe(500);
    expect(result.failure?.schedule).toBe(firstFailure);
  });
});
