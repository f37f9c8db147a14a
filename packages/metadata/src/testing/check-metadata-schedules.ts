import { EMPTY_COVERAGE as EMPTY_RAFT_COVERAGE, searchSchedulesAsync } from '@kz/raft/testing';
import { metadataScheduleArbitrary, type MetadataSchedule } from './metadata-schedule';
import { runMetadataSchedule, type MetadataCoverage, type MetadataScheduleOutcome } from './run-metadata-schedule';

export interface MetadataCheckOptions {
  readonly runs: number;
  /** fast-check's seed: with `path`, names one schedule exactly. */
  readonly seed: number;
  /** Replay the one schedule at this fast-check path (`runs` is then ignored). */
  readonly path?: string | undefined;
  readonly controllers?: 3 | 5 | undefined;
  readonly maxSteps?: number | undefined;
  /** Shrink a failing schedule to a smaller one that still fails (default true). */
  readonly shrink?: boolean;
  /** Wall-clock budget for shrinking; the smallest failing schedule found by then is reported. */
  readonly shrinkBudgetMs?: number;
  /** Narrate every run as it happens (for replaying one schedule). */
  readonly traceSink?: ((line: string) => void) | undefined;
  /** Hears about every schedule run (not the shrinking reruns), e.g. to sum coverage. */
  readonly onRun?: ((schedule: MetadataSchedule, outcome: MetadataScheduleOutcome) => void) | undefined;
}

export interface MetadataCheckFailure {
  readonly path: string;
  readonly schedule: MetadataSchedule;
  readonly outcome: MetadataScheduleOutcome;
  /** The commands that replay exactly this schedule. */
  readonly replay: string;
}

export interface MetadataCheckReport {
  /** Schedules run before the first failure (shrinking runs are not counted). */
  readonly runs: number;
  readonly events: number;
  readonly simulatedMs: number;
  readonly seed: number;
  readonly failure: MetadataCheckFailure | null;
}

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
export async function checkMetadataSchedules(options: MetadataCheckOptions): Promise<MetadataCheckReport> {
  let runs = 0;
  let events = 0;
  let simulatedMs = 0;
  const arbitrary = metadataScheduleArbitrary({ controllers: options.controllers, ...(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }) });
  const search = await searchSchedulesAsync(
    arbitrary,
    async (schedule, searching) => {
      const outcome = await run(schedule, options.traceSink);
      if (searching) {
        runs++;
        events += outcome.events;
        simulatedMs += outcome.simulatedMs;
        options.onRun?.(schedule, outcome);
      }
      return outcome.violations.length === 0;
    },
    { ...options, shrinkBudgetMs: options.shrinkBudgetMs ?? DEFAULT_METADATA_SHRINK_BUDGET_MS },
  );
  if (search.failure === null) return { runs, events, simulatedMs, seed: search.seed, failure: null };
  const { schedule, path } = search.failure;
  return {
    runs,
    events,
    simulatedMs,
    seed: search.seed,
    failure: { path, schedule, outcome: await run(schedule, undefined), replay: metadataReplayCommand(search.seed, path) },
  };
}

/** One run; a harness exception becomes the run's violation rather than escape fast-check. */
async function run(schedule: MetadataSchedule, traceSink: ((line: string) => void) | undefined): Promise<MetadataScheduleOutcome> {
  try {
    return await runMetadataSchedule(schedule, traceSink === undefined ? {} : { traceSink });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return {
      violations: [{ invariant: 'harnessThrew', message }],
      events: 0,
      simulatedMs: 0,
      healedAt: 0,
      controllerActiveAfterHealMs: null,
      brokersUnfencedAfterMs: null,
      partitionsLedAfterMs: null,
      coverage: EMPTY_COVERAGE,
      trace: [],
    };
  }
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
