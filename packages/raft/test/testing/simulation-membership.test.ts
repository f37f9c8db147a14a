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

it('an observer whose leader resigned looks for the new leader at once (replays a schedule found by `pnpm sim --membership`)', async () => {
  // The leader is removed and resigns; an observer fetching from it was answered "not the leader,
  // no leader known" and kept fetching until its timeout, then re-attached to the old leader from a
  // replica that still followed it: 3.5 s without applying, over the liveness bound.
  const report = await checkSchedules({
    runs: 1,
    seed: 160785268,
    membership: true,
    path: '541:4:8:20:2:4:13:13:14:12:2:2:3:2:3:5:4:4:4:6:2:2:2:4:2:2:3:2:2:4:5:2:5:5:2:2:2:2:2:2:2:9:9:9:16:18:13:13:13:6:9:9:11:15:14:14:17:24:20:22:20:20:22:22:22:22:25:24:24:25:4:19:19:19:24:13:9:23:17:3:3:8:11:11:11:11:11:11:11:21:20:19:20:19:22:20:29:30:30:31:31:29:18:18:18:25:22:31',
  });
  if (report.failure !== null) throw new Error(explainFailure(report));
  expect(report.runs).toBe(1);
}, 60_000);
