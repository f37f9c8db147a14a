/**
 * Runs random broker fault schedules through fast-check, so that a failure shrinks and is named by
 * a seed and a path. The same seed always generates the same schedules and each schedule fixes its
 * whole run, so the replay command reproduces a failure event for event.
 */
import { brokerScheduleArbitrary, type BrokerSchedule } from './broker-schedule';
import { runBrokerSchedule, type BrokerScheduleOutcome } from './run-broker-schedule';
import { checkSchedulesAsync, type ScheduleCheckFailure, type ScheduleCheckOptions, type ScheduleCheckReport } from '@kz/raft/testing';
import type { BrokerNodeSettings } from './sim-broker-process';

export interface BrokerCheckOptions extends ScheduleCheckOptions<BrokerSchedule, BrokerScheduleOutcome> {
  readonly maxSteps?: number | undefined;
  /** Narrate every run as it happens (for replaying one schedule). */
  readonly traceSink?: ((line: string) => void) | undefined;
  /** Broker settings over the defaults, for every run (an injected bug, say). */
  readonly broker?: Partial<BrokerNodeSettings> | undefined;
}

export type BrokerCheckFailure = ScheduleCheckFailure<BrokerSchedule, BrokerScheduleOutcome>;

export interface BrokerCheckReport extends ScheduleCheckReport<BrokerSchedule, BrokerScheduleOutcome> {
  /** Records acknowledged over the schedules the search ran. */
  readonly acknowledged: number;
}

export const DEFAULT_BROKER_SHRINK_BUDGET_MS = 60_000;

/** How to replay the schedule fast-check found at (seed, path): the soak CLI, or the jest suite. */
export function brokerReplayCommand(seed: number, path: string, broker?: Partial<BrokerNodeSettings>, maxSteps?: number): string {
  const injected = `${broker?.flushBeforeEachFetch === false ? ' --flush-after-answers-only' : ''}${broker?.readHighWatermarkCheckpoint === false ? ' --ignore-hw-checkpoint' : ''}${broker?.deleteRecordsWaitsForReplicas === false ? ' --delete-without-waiting' : ''}${broker?.reportDamagedReplicas === false ? ' --hide-damaged-replicas' : ''}`;
  const flags = `${maxSteps === undefined ? '' : ` --max-steps ${maxSteps}`}${injected}`;
  const jest = flags === '' ? `   (or: SIM_SEED=${seed} SIM_PATH=${path} npx jest packages/broker/test/testing/random-schedules)` : '';
  return `node packages/broker/dist/testing/sim-cli.js --seed ${seed} --path ${path}${flags} --trace${jest}`;
}

export async function checkBrokerSchedules(options: BrokerCheckOptions): Promise<BrokerCheckReport> {
  let acknowledged = 0;
  const run = (schedule: BrokerSchedule, traced: boolean): Promise<BrokerScheduleOutcome> =>
    runBrokerSchedule(schedule, { ...(traced && options.traceSink !== undefined ? { traceSink: options.traceSink } : {}), ...(options.broker === undefined ? {} : { broker: options.broker }) });
  const report = await checkSchedulesAsync<BrokerSchedule, BrokerScheduleOutcome>(
    {
      arbitrary: brokerScheduleArbitrary(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
      run,
      threw: (violation) => ({
        violations: [violation],
        events: 0,
        simulatedMs: 0,
        healedAt: 0,
        settledAfterMs: null,
        coverage: { acknowledged: 0, consumed: 0, batchesLostInCrashes: 0, faults: {}, managerLogs: {}, alterPartitionAnswers: {}, producerErrors: {}, deleteRecordsAnswers: {}, consumerSkips: 0 },
        trace: [],
      }),
      replay: (seed, path) => brokerReplayCommand(seed, path, options.broker, options.maxSteps),
      defaultShrinkBudgetMs: DEFAULT_BROKER_SHRINK_BUDGET_MS,
    },
    {
      ...options,
      onRun: (schedule, outcome) => {
        acknowledged += outcome.coverage.acknowledged;
        options.onRun?.(schedule, outcome);
      },
    },
  );
  return { ...report, acknowledged };
}
