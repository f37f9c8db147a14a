import { describeMetadataFault, type MetadataCheckReport } from '@kz/metadata/testing';
import { describeViolation } from '@kz/raft/testing';

/** The seed the random-schedule tests use: random per run unless SIM_SEED pins it (SIM_PATH then replays one schedule). */
export const SIM_SEED = process.env['SIM_SEED'] !== undefined ? Number(process.env['SIM_SEED']) : Math.floor(Math.random() * 0x7fffffff);
export const SIM_PATH = process.env['SIM_PATH'];

/** A failure report a person can act on: the schedule, what broke, the lead-up, and how to replay it. */
export function explainMetadataFailure(report: MetadataCheckReport): string {
  const failure = report.failure;
  if (failure === null) return 'no failure';
  const { schedule, outcome } = failure;
  let at = 0;
  return [
    `metadata simulation failed after ${report.runs} schedules (seed ${report.seed}, path ${failure.path})`,
    `schedule: ${schedule.controllers} controllers, ${schedule.brokers} brokers, run seed ${schedule.seed}, snapshot every ${schedule.snapshotEveryBytes} bytes, ${schedule.deliveriesPerTurn} deliveries per turn, ` +
      `sync <= ${schedule.syncLatencyMaxMs}ms, NoOp every ${schedule.noOpIntervalMs}ms, AlterPartition chance ${schedule.alterPartitionChance}`,
    ...schedule.steps.map((s) => `  at ${(at += s.afterMs) + 4000}ms ${describeMetadataFault(s.fault)}`),
    ...outcome.violations.slice(0, 5).map(describeViolation),
    'last events:',
    ...outcome.trace.slice(-40),
    `replay with: ${failure.replay}`,
  ].join('\n');
}
