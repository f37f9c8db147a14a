import { describeViolation } from '@kz/raft/testing';
import { describeBrokerFault, type BrokerCheckReport, type BrokerSchedule, type TimedBrokerFault } from '@kz/broker/testing';

/** The seed the random-schedule tests use: random per run unless SIM_SEED pins it (SIM_PATH then replays one schedule). */
export const SIM_SEED = process.env['SIM_SEED'] !== undefined ? Number(process.env['SIM_SEED']) : Math.floor(Math.random() * 0x7fffffff);
export const SIM_PATH = process.env['SIM_PATH'];

/** A failure report a person can act on: the seed, the schedule, what broke, the lead-up, and how to replay it. */
export function explainBrokerFailure(report: BrokerCheckReport): string {
  const failure = report.failure;
  if (failure === null) return 'no failure';
  const { schedule, outcome } = failure;
  return [
    `broker simulation failed after ${report.runs} schedules (seed ${report.seed}, path ${failure.path})`,
    `schedule: run seed ${schedule.seed}, ${schedule.partitions} partition(s), a batch every ${schedule.produceIntervalMs}ms (${schedule.producerInFlight} in flight), fsync <= ${schedule.fsyncMaxMs}ms, metadata applied <= ${schedule.metadataDelayMaxMs}ms late; after setup:`,
    ...schedule.steps.map((s) => `  +${s.afterMs}ms ${describeBrokerFault(s.fault)}`),
    ...outcome.violations.slice(0, 5).map(describeViolation),
    'last events:',
    ...outcome.trace.slice(-60),
    `replay with: ${failure.replay}`,
  ].join('\n');
}

/**
 * A schedule `broker-sim` found, as a literal a test replays: one batch every 20 ms per partition,
 * one in flight, fsyncs of up to 1 ms, no torn writes (what the soaks' shrunk failures had).
 */
export function foundSchedule(seed: number, partitions: number, metadataDelayMaxMs: number, steps: readonly TimedBrokerFault[]): BrokerSchedule {
  return { seed, partitions, produceIntervalMs: 20, producerInFlight: 1, fsyncMaxMs: 1, metadataDelayMaxMs, tornWriteRate: 0, steps };
}
