/**
 * Runs random whole-cluster schedules (fast-check, shrinking a failure to a smaller schedule) and
 * reports the first failure with the command that replays it.
 */
import { checkSchedulesAsync, type ScheduleCheckFailure, type ScheduleCheckOptions, type ScheduleCheckReport } from '@kz/raft/testing';
import { clusterScheduleArbitrary, type ClusterSchedule } from './cluster-schedule';
import { runClusterSchedule, type ClusterScheduleOutcome } from './run-cluster-schedule';
import type { BrokerNodeSettings } from './sim-broker-process';

export interface ClusterCheckOptions extends ScheduleCheckOptions<ClusterSchedule, ClusterScheduleOutcome> {
  readonly maxSteps?: number | undefined;
  /** Narrate every run as it happens (for replaying one schedule). */
  readonly traceSink?: ((line: string) => void) | undefined;
  /** Broker settings over the defaults, for every run (an injected bug, say). */
  readonly broker?: Partial<BrokerNodeSettings> | undefined;
}

export type ClusterCheckFailure = ScheduleCheckFailure<ClusterSchedule, ClusterScheduleOutcome>;
export type ClusterCheckReport = ScheduleCheckReport<ClusterSchedule, ClusterScheduleOutcome>;

export const DEFAULT_CLUSTER_SHRINK_BUDGET_MS = 60_000;

export function clusterReplayCommand(seed: number, path: string, broker?: Partial<BrokerNodeSettings>, maxSteps?: number): string {
  const flags = `${maxSteps === undefined ? '' : ` --max-steps ${maxSteps}`}${broker?.flushBeforeEachFetch === false ? ' --flush-after-answers-only' : ''}`;
  return `pnpm cluster-sim --seed ${seed} --path ${path}${flags} --trace`;
}

export function checkClusterSchedules(options: ClusterCheckOptions): Promise<ClusterCheckReport> {
  return checkSchedulesAsync<ClusterSchedule, ClusterScheduleOutcome>(
    {
      arbitrary: clusterScheduleArbitrary(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
      run: (schedule, traced) =>
        runClusterSchedule(schedule, { ...(traced && options.traceSink !== undefined ? { traceSink: options.traceSink } : {}), ...(options.broker === undefined ? {} : { broker: options.broker }) }),
      threw: (violation) => ({
        violations: [violation],
        events: 0,
        simulatedMs: 0,
        healedAt: 0,
        coverage: { acknowledged: 0, consumed: 0, controllerFailovers: 0, raftElections: 0, leaderElections: 0, isrShrinks: 0, isrExpands: 0, truncations: 0, brokerFencings: 0, faults: {} },
        trace: [],
      }),
      replay: (seed, path) => clusterReplayCommand(seed, path, options.broker, options.maxSteps),
      defaultShrinkBudgetMs: DEFAULT_CLUSTER_SHRINK_BUDGET_MS,
    },
    options,
  );
}
