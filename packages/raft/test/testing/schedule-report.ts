import { describeViolation, type CheckReport } from '@kz/raft/testing';

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
