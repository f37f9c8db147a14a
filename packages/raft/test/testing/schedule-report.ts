import { describeViolation, type CheckReport, type RunCoverage } from '@kz/raft/testing';

/** The seed the random-schedule tests use: random per run unless SIM_SEED pins it. */
export const SIM_SEED = process.env['SIM_SEED'] !== undefined ? Number(process.env['SIM_SEED']) : Math.floor(Math.random() * 0x7fffffff);

/** A failure report a person can act on: what broke, what led to it, and the command that replays it. */
export function explainFailure(report: CheckReport): string {
  const failure = report.failure;
  if (failure === null) return 'no failure';
  return [
    `simulation failed after ${report.runs} schedules (seed ${report.seed}, path ${failure.path})`,
    ...failure.outcome.violations.slice(0, 5).map(describeViolation),
    'last events:',
    ...failure.outcome.trace.slice(-30),
    `replay with: ${failure.replay}`,
  ].join('\n');
}

/**
 * What every batch of random schedules must have made happen, or it proved nothing about it:
 * elections won and pre-votes refused, logs truncated, snapshots taken and installed, writes lost to
 * crashes and torn by them, fsyncs failed (and nodes halted), bits flipped (and repaired at
 * recovery), linearizable reads answered, applies cut into turns, writes acknowledged.
 */
export const EXERCISED: readonly (keyof RunCoverage)[] = [
  'elections',
  'leadersElected',
  'preVoteRejections',
  'truncations',
  'snapshotsTaken',
  'snapshotsInstalled',
  'lostWrites',
  'tornWrites',
  'fsyncErrors',
  'halts',
  'gracefulStops',
  'flippedBits',
  'repairs',
  'readsAnswered',
  'applyBudgetsSpent',
  'acknowledged',
  'messagesDropped',
  'messagesDuplicated',
];

export function expectCoverage(report: CheckReport): void {
  const missing = EXERCISED.filter((event) => report.coverage[event] === 0);
  if (missing.length > 0) throw new Error(`seed ${report.seed}: ${report.runs} schedules never produced ${missing.join(', ')} (coverage ${JSON.stringify(report.coverage)})`);
  // Every injected fsync failure halted its node, and nothing else did.
  expect(report.coverage.halts).toBe(report.coverage.fsyncErrors);
}
