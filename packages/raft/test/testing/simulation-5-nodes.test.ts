import { checkSchedules } from '@kz/raft/testing';
import { expectCoverage, explainFailure, SIM_SEED } from './schedule-report';

/** Random fault schedules on 5-voter clusters (see simulation.test.ts for the 3-voter ones). */
const RUNS = 300;

describe('random fault schedules', () => {
  it(`5 nodes: ${RUNS} schedules, invariants after every step, liveness after the heal, every fault exercised`, async () => {
    const report = await checkSchedules({ runs: RUNS, seed: SIM_SEED, nodes: 5, shrinkBudgetMs: 30_000 });
    if (report.failure !== null) throw new Error(explainFailure(report));
    expect(report.runs).toBe(RUNS);
    expect(report.events).toBeGreaterThan(RUNS * 50);
    expectCoverage(report);
  }, 300_000);
});
