import { checkSchedulesAsync, EMPTY_COVERAGE as EMPTY_RAFT_COVERAGE, type ScheduleCheckFailure, type ScheduleCheckOptions, type ScheduleCheckReport } from '@kz/raft/testing';
import { metadataScheduleArbitrary, type MetadataSchedule } from './metadata-schedule';
import { runMetadataSchedule, type MetadataCoverage, type MetadataScheduleOutcome } from './run-metadata-schedule';

export interface MetadataCheckOptions extends ScheduleCheckOptions<MetadataSchedule, MetadataScheduleOutcome> {
  readonly controllers?: 3 | 5 | undefined;
  readonly maxSteps?: number | undefined;
  /** Narrate every run as it happens (for replaying one schedule). */
  readonly traceSink?: ((line: string) => void) | undefined;
}

export type MetadataCheckFailure = ScheduleCheckFailure<MetadataSchedule, MetadataScheduleOutcome>;
export type MetadataCheckReport = ScheduleCheckReport<MetadataSchedule, MetadataScheduleOutcome>;

export const DEFAULT_METADATA_SHRINK_BUDGET_MS = 60_000;

/** How to replay the schedule fast-check found at (seed, path): the soak CLI, or the jest suite. */
export function metadataReplayCommand(seed: number, path: string): string {
  return `node packages/metadata/dist/testing/sim-cli.js --seed ${seed} --path ${path} --trace   (or: SIM_SEED=${seed} SIM_PATH=${path} pnpm exec jest packages/metadata/test/testing/random-schedules)`;
}

/**
 * Runs `runs` random metadata fault schedules through fast-check, so that a failure shrinks and is
 * named by a seed and a path. The same seed always generates the same schedules and each schedule
 * fixes its whole run, so the replay reproduces a failure event for event.
 */
export function checkMetadataSchedules(options: MetadataCheckOptions): Promise<MetadataCheckReport> {
  return checkSchedulesAsync<MetadataSchedule, MetadataScheduleOutcome>(
    {
      arbitrary: metadataScheduleArbitrary({ controllers: options.controllers, ...(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }) }),
      run: (schedule, traced) => runMetadataSchedule(schedule, traced && options.traceSink !== undefined ? { traceSink: options.traceSink } : {}),
      threw: (violation) => ({
        violations: [violation],
        events: 0,
        simulatedMs: 0,
        healedAt: 0,
        controllerActiveAfterHealMs: null,
        brokersUnfencedAfterMs: null,
        partitionsLedAfterMs: null,
        coverage: EMPTY_COVERAGE,
        trace: [],
      }),
      replay: metadataReplayCommand,
      defaultShrinkBudgetMs: DEFAULT_METADATA_SHRINK_BUDGET_MS,
    },
    options,
  );
}

const EMPTY_COVERAGE: MetadataCoverage = {
  ...EMPTY_RAFT_COVERAGE,
  activations: 0,
  renouncedWithPending: 0,
  sessionFencings: 0,
  adminOperations: 0,
  adminRetried: 0,
  eligibleLeaderEntries: 0,
  eligibleElections: 0,
  okReplies: {},
  errorReplies: {},
  itemErrors: {},
};
