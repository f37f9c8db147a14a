import fc from 'fast-check';
import { checkSchedulesAsync, type ScheduleCheck, type SimOutcome, type Violation } from '@kz/raft/testing';

interface Outcome extends SimOutcome {
  readonly traced: boolean;
}

/** A toy simulator: a schedule is a number, a run "fails" at 500 or more and throws at 9000 or more. */
function toy(runs: { value: number; traced: boolean }[]): ScheduleCheck<number, Outcome> {
  return {
    arbitrary: fc.integer({ min: 0, max: 10_000 }),
    run: (value, traced) => {
      runs.push({ value, traced });
      if (value >= 9000) return Promise.reject(new Error(`harness broke at ${value}`));
      const violations: Violation[] = value >= 500 ? [{ invariant: 'belowFiveHundred', message: `${value}` }] : [];
      return Promise.resolve({ violations, events: 2, simulatedMs: 10, traced });
    },
    threw: (violation) => ({ violations: [violation], events: 0, simulatedMs: 0, traced: false }),
    replay: (seed, path) => `replay --seed ${seed} --path ${path}`,
    defaultShrinkBudgetMs: 10_000,
  };
}

describe('checkSchedulesAsync', () => {
  it('counts the searched runs and their events, and hears each one', async () => {
    const runs: { value: number; traced: boolean }[] = [];
    const heard: number[] = [];
    const check = { ...toy(runs), arbitrary: fc.integer({ min: 0, max: 499 }) };
    const report = await checkSchedulesAsync(check, { runs: 30, seed: 3, onRun: (value) => heard.push(value) });
    expect(report.failure).toBeNull();
    expect(report.runs).toBe(30);
    expect(report.events).toBe(60);
    expect(report.simulatedMs).toBe(300);
    expect(heard).toEqual(runs.map((r) => r.value));
    expect(runs.every((r) => r.traced)).toBe(true);
  });

  it('reports the shrunk failure, rerun untraced, with the replay command for its path', async () => {
    const runs: { value: number; traced: boolean }[] = [];
    const report = await checkSchedulesAsync(toy(runs), { runs: 200, seed: 7 });
    expect(report.failure?.schedule).toBe(500);
    expect(report.failure?.outcome.violations.map((v) => v.invariant)).toEqual(['belowFiveHundred']);
    expect(report.failure?.outcome.traced).toBe(false);
    expect(report.failure?.replay).toBe(`replay --seed ${report.seed} --path ${report.failure?.path}`);
    // Shrinking reruns are not counted: the search stopped at its first failure.
    expect(report.runs).toBe(runs.findIndex((r) => r.value >= 500) + 1);
  });

  it('turns a run that throws into its harnessThrew violation instead of letting it escape', async () => {
    const runs: { value: number; traced: boolean }[] = [];
    const check = { ...toy(runs), arbitrary: fc.integer({ min: 9000, max: 9999 }) };
    const report = await checkSchedulesAsync(check, { runs: 5, seed: 1, shrink: false });
    expect(report.failure?.outcome.violations[0]?.invariant).toBe('harnessThrew');
    expect(report.failure?.outcome.violations[0]?.message).toMatch(/harness broke at 9\d{3}/);
  });
});
