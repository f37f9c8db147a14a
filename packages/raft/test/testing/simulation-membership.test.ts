import { checkSchedules } from '@kz/raft/testing';
import { explainFailure, SIM_SEED } from './schedule-report';

/**
 * Random membership schedules (dynamic voters, KIP-853): voters added and removed — the leader
 * among them — and disks wiped, mixed with every other fault (partitions, crashes, leader changes,
 * torn writes, fsync errors), with every invariant after every step and liveness after the heal.
 * The seed is random per run (SIM_SEED pins it); a failure prints the command that replays it.
 */
const RUNS = 150;

it(`dynamic voters: ${RUNS} membership schedules, invariants after every step, liveness after the heal, every change exercised`, async () => {
  const report = await checkSchedules({ runs: RUNS, seed: SIM_SEED, membership: true, shrinkBudgetMs: 30_000 });
  if (report.failure !== null) throw new Error(explainFailure(report));
  expect(report.runs).toBe(RUNS);
  const { votersAdded, votersRemoved, leadersRemoved, voterChangesRefused, disksWiped, leadersElected, snapshotsInstalled } = report.coverage;
  for (const [name, count] of Object.entries({ votersAdded, votersRemoved, leadersRemoved, voterChangesRefused, disksWiped, leadersElected, snapshotsInstalled })) {
    if (count === 0) throw new Error(`${RUNS} membership schedules from seed ${report.seed} never exercised ${name}`);
  }
}, 600_000);
