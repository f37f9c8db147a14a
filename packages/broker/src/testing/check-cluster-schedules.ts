/**
 * Runs random whole-cluster schedules (fast-check, shrinking a failure to a smaller schedule) and
 * reports the first failure with the command that replays it.
 */
import { searchSchedulesAsync } from '@kz/raft/testing';
import { clusterScheduleArbitrary, type ClusterSchedule } from './cluster-schedule';
import { runClusterSchedule, type ClusterScheduleOutcome } from './run-cluster-schedule';
import type { BrokerNodeSettings } from './sim-broker-process';

export interface ClusterCheckOptions {
  readonly runs: number;
  /** fast-check's seed: with `path`, names one schedule exactly. */
  readonly seed: number;
  /** Replay the one schedule at this fast-check path (`runs` is then ignored). */
  readonly path?: string | undefined;
  readonly maxSteps?: number | undefined;
  /** Shrink a failing schedule (default true). */
  readonly shrink?: boolean;
  readonly shrinkBudgetMs?: number;
  readonly traceSink?: ((line: string) => void) | undefined;
  /** Broker settings over the defaults, for every run (an injected bug, say). */
  readonly broker?: Partial<BrokerNodeSettings> | undefined;
  readonly onRun?: ((schedule: ClusterSchedule, outcome: ClusterScheduleOutcome) => void) | undefined;
}

export interface ClusterCheckFailure {
  readonly path: string;
  readonly schedule: ClusterSchedule;
  readonly outcome: ClusterScheduleOutcome;
  readonly replay: string;
}

export interface ClusterCheckReport {
  readonly runs: number;
  readonly events: number;
  readonly simulatedMs: number;
  readonly seed: number;
  readonly failure: ClusterCheckFailure | null;
}

export const DEFAULT_CLUSTER_SHRINK_BUDGET_MS = 60_000;

export function clusterReplayCommand(seed: number, path: string, broker?: Partial<BrokerNodeSettings>, maxSteps?: number): string {
  const flags = `${maxSteps === undefined ? '' : ` --max-steps ${maxSteps}`}${broker?.flushBeforeEachFetch === false ? ' --flush-after-answers-only' : ''}`;
  return `pnpm cluster-sim --seed ${seed} --path ${path}${flags} --trace`;
}

export async function checkClusterSchedules(options: ClusterCheckOptions): Promise<ClusterCheckReport> {
  let runs = 0;
  let events = 0;
  let simulatedMs = 0;
  const search = await searchSchedulesAsync(
    clusterScheduleArbitrary(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
    async (schedule, searching) => {
      const outcome = await run(schedule, options.traceSink, options.broker);
      if (searching) {
        runs++;
        events += outcome.events;
        simulatedMs += outcome.simulatedMs;
        options.onRun?.(schedule, outcome);
      }
      return outcome.violations.length === 0;
    },
    { ...options, shrinkBudgetMs: options.shrinkBudgetMs ?? DEFAULT_CLUSTER_SHRINK_BUDGET_MS },
  );
  if (search.failure === null) return { runs, events, simulatedMs, seed: search.seed, failure: null };
  const { schedule, path } = search.failure;
  return {
    runs,
    events,
    simulatedMs,
    seed: search.seed,
    failure: { path, schedule, outcome: await run(schedule, undefined, options.broker), replay: clusterReplayCommand(search.seed, path, options.broker, options.maxSteps) },
  };
}

/** One run; a harness exception becomes the run's violation rather than escape fast-check. */
async function run(schedule: ClusterSchedule, traceSink: ((line: string) => void) | undefined, broker: Partial<BrokerNodeSettings> | undefined): Promise<ClusterScheduleOutcome> {
  try {
    return await runClusterSchedule(schedule, { ...(traceSink === undefined ? {} : { traceSink }), ...(broker === undefined ? {} : { broker }) });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return {
      violations: [{ invariant: 'harnessThrew', message }],
      events: 0,
      simulatedMs: 0,
      healedAt: 0,
      coverage: { acknowledged: 0, consumed: 0, controllerFailovers: 0, raftElections: 0, leaderElections: 0, isrShrinks: 0, isrExpands: 0, truncations: 0, brokerFencings: 0, faults: {} },
      trace: [],
    };
  }
}
