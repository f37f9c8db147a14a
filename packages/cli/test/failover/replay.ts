/**
 * How a run of the property is chosen and repeated: the run count, seed and path come from the
 * environment, and a failure is reported with everything needed to run the same sequence again —
 * the sequence in words, the seed and path, the command, and what the nodes were printing.
 *
 * Real processes are not deterministic: a replay runs the same fault sequence against the same
 * code, not the same interleaving, so a failure that needs an unlucky moment may need a few replays.
 */
import { describeSequence, type FaultStep } from './fault-step';

export const TEST_PATH = 'packages/cli/test/failover';
/** Small enough that this file takes a few minutes in the normal test run; a soak raises it. */
const DEFAULT_RUNS = 8;
const MAX_LOG_LINE = 600;

export interface ReplaySettings {
  readonly numRuns: number;
  readonly seed: number;
  /** fast-check's path to one run (and its shrinks); undefined: run from the start. */
  readonly path: string | undefined;
}

export function replaySettings(env: NodeJS.ProcessEnv = process.env): ReplaySettings {
  const path = env['KZ_FAILOVER_PATH'] === '' ? undefined : env['KZ_FAILOVER_PATH'];
  // A replay (a path) runs just the run it names unless asked for more: fast-check starts at the
  // path and would otherwise go on drawing new sequences after it.
  const numRuns = env['KZ_FAILOVER_RUNS'] !== undefined ? Number(env['KZ_FAILOVER_RUNS']) : path !== undefined ? 1 : DEFAULT_RUNS;
  if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error(`KZ_FAILOVER_RUNS must be a positive integer, got ${env['KZ_FAILOVER_RUNS']}`);
  const seedText = env['KZ_FAILOVER_SEED'];
  const seed = seedText !== undefined ? Number(seedText) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  if (!Number.isInteger(seed)) throw new Error(`KZ_FAILOVER_SEED must be an integer, got ${seedText}`);
  return { numRuns, seed, path };
}

export function replayCommand(seed: number, path: string | undefined): string {
  return `KZ_FAILOVER_SEED=${seed}${path === undefined ? '' : ` KZ_FAILOVER_PATH=${path}`} pnpm exec jest ${TEST_PATH}`;
}

/** One failed run, as the property body saw it. */
export interface FailedRun {
  readonly run: number;
  readonly topic: string;
  readonly steps: readonly FaultStep[];
  /** Where it failed: 'the fault sequence', 'healing', 'reading back', ... */
  readonly stage: string;
  readonly error: unknown;
  /** What the producer was told, in words. */
  readonly produced: string;
  /** Node id → the last lines it printed. */
  readonly logs: ReadonlyMap<number, readonly string[]>;
}

export function failureReport(failed: FailedRun, seed: number, path: string | undefined): string {
  const message = failed.error instanceof Error ? failed.error.message : String(failed.error);
  // Some lines carry whole stack traces; the start of each says what happened.
  const clip = (line: string): string => (line.length > MAX_LOG_LINE ? `${line.slice(0, MAX_LOG_LINE)} …` : line);
  const logs = [...failed.logs].map(([id, lines]) => `--- node ${id}: last ${lines.length} lines ---\n${lines.map(clip).join('\n')}`);
  return [
    `failover property failed in run ${failed.run} (topic ${failed.topic}) while ${failed.stage}`,
    `sequence: ${describeSequence(failed.steps)}`,
    `producer: ${failed.produced}`,
    `seed: ${seed}, path: ${path ?? '(none)'}`,
    `replay: ${replayCommand(seed, path)}`,
    '',
    message,
    '',
    ...logs,
  ].join('\n');
}
