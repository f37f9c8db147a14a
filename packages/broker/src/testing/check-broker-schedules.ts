/**
 * Runs random broker fault schedules through fast-check, so that a failure shrinks and is named by
 * a seed and a path. The same seed always generates the same schedules and each schedule fixes its
 * whole run, so the replay command reproduces a failure event for event.
 */
import { brokerScheduleArbitrary, type BrokerSchedule } from './broker-schedule';
import { runBrokerSchedule, type BrokerScheduleOutcome } from './run-broker-schedule';
import { searchSchedulesAsync } from '@kz/raft/testing';
import type { BrokerNodeSettings } from './sim-broker-process';

export interface BrokerCheckOptions {
  readonly runs: number;
  /** fast-check's seed: with `path`, names one schedule exactly. */
  readonly seed: number;
  /** Replay the one schedule at this fast-check path (`runs` is then ignored). */
  readonly path?: string | undefined;
  readonly maxSteps?: number | undefined;
  /** Shrink a failing schedule to a smaller one that still fails (default true). */
  readonly shrink?: boolean;
  /** Wall-clock budget for shrinking; the smallest failing schedule found by then is reported. */
  readonly shrinkBudgetMs?: number;
  /** Narrate every run as it happens (for replaying one schedule). */
  readonly traceSink?: ((line: string) => void) | undefined;
  /** Broker settings over the defaults, for every run. */
  readonly broker?: Partial<BrokerNodeSettings> | undefined;
  /** Hears about every schedule run (not the shrinking reruns), e.g. to sum coverage. */
  readonly onRun?: ((schedule: BrokerSchedule, outcome: BrokerScheduleOutcome) => void) | undefined;
}

export interface BrokerCheckFailure {
  readonly path: string;
  readonly schedule: BrokerSchedule;
  readonly outcome: BrokerScheduleOutcome;
  /** The commands that replay exactly this schedule. */
  readonly replay: string;
}

export interface BrokerCheckReport {
  /** Schedules run before the first failure (shrinking reruns are not counted). */
  readonly runs: number;
  readonly events: number;
  readonly acknowledged: number;
  readonly simulatedMs: number;
  readonly seed: number;
  readonly failure: BrokerCheckFailure | null;
}

export const DEFAULT_BROKER_SHRINK_BUDGET_MS = 60_000;

/** How to replay the schedule fast-check found at (seed, path): the soak CLI, or the jest suite. */
export function brokerReplayCommand(seed: number, path: string, broker?: Partial<BrokerNodeSettings>, maxSteps?: number): string {
  const injected = `${broker?.flushBeforeEachFetch === false ? ' --flush-after-answers-only' : ''}${broker?.readHighWatermarkCheckpoint === false ? ' --ignore-hw-checkpoint' : ''}`;
  const flags = `${maxSteps === undefined ? '' : ` --max-steps ${maxSteps}`}${injected}`;
  const jest = flags === '' ? `   (or: SIM_SEED=${seed} SIM_PATH=${path} npx jest packages/broker/test/testing/random-schedules)` : '';
  return `node packages/broker/dist/testing/sim-cli.js --seed ${seed} --path ${path}${flags} --trace${jest}`;
}

export async function checkBrokerSchedules(options: BrokerCheckOptions): Promise<BrokerCheckReport> {
  let runs = 0;
  let events = 0;
  let acknowledged = 0;
  let simulatedMs = 0;
  const search = await searchSchedulesAsync(
    brokerScheduleArbitrary(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
    async (schedule, searching) => {
      const outcome = await run(schedule, options.traceSink, options.broker);
      if (searching) {
        runs++;
        events += outcome.events;
        acknowledged += outcome.coverage.acknowledged;
        simulatedMs += outcome.simulatedMs;
        options.onRun?.(schedule, outcome);
      }
      return outcome.violations.length === 0;
    },
    { ...options, shrinkBudgetMs: options.shrinkBudgetMs ?? DEFAULT_BROKER_SHRINK_BUDGET_MS },
  );
  if (search.failure === null) return { runs, events, acknowledged, simulatedMs, seed: search.seed, failure: null };
  const { schedule, path } = search.failure;
  return {
    runs,
    events,
    acknowledged,
    simulatedMs,
    seed: search.seed,
    failure: { path, schedule, outcome: await run(schedule, undefined, options.broker), replay: brokerReplayCommand(search.seed, path, options.broker, options.maxSteps) },
  };
}

/** One run; a harness exception becomes the run's violation rather than escape fast-check. */
async function run(schedule: BrokerSchedule, traceSink: ((line: string) => void) | undefined, broker: Partial<BrokerNodeSettings> | undefined): Promise<BrokerScheduleOutcome> {
  try {
    return await runBrokerSchedule(schedule, { ...(traceSink === undefined ? {} : { traceSink }), ...(broker === undefined ? {} : { broker }) });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return {
      violations: [{ invariant: 'harnessThrew', message }],
      events: 0,
      simulatedMs: 0,
      healedAt: 0,
      settledAfterMs: null,
      coverage: { acknowledged: 0, consumed: 0, batchesLostInCrashes: 0, faults: {}, managerLogs: {}, alterPartitionAnswers: {}, producerErrors: {}, deleteRecordsAnswers: {}, consumerSkips: 0 },
      trace: [],
    };
  }
}
