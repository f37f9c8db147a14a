import { integerFlag, parseCommonSimFlags } from '@kz/raft/testing';

/** Parsed arguments of the metadata simulation CLI. */
export interface MetadataSimArgs {
  readonly runs: number;
  readonly seed: number;
  readonly path: string | undefined;
  readonly controllers: 3 | 5 | undefined;
  readonly maxSteps: number | undefined;
  readonly trace: boolean;
  readonly shrink: boolean;
  readonly help: boolean;
}

export const METADATA_SIM_USAGE = `usage: node packages/metadata/dist/testing/sim-cli.js [--runs N] [--seed S] [--controllers 3|5] [--max-steps N] [--path P] [--trace] [--no-shrink]

Runs N random fault schedules against simulated metadata clusters (controllers running the
QuorumController on the Raft simulation, brokers following the log) and checks every invariant after
every simulated event, then liveness after the faults heal.

  --runs N          schedules to run (default 100)
  --seed S          fast-check seed (default: random; always printed)
  --controllers N   3 (default) or 5 controllers
  --max-steps N     faults per schedule, at most (default 24)
  --path P          replay the schedule at this fast-check path (printed on a failure)
  --trace           print the narrated run of a failing or replayed schedule
  --no-shrink       report the first failing schedule without shrinking it`;

export class MetadataSimArgsError extends Error {
  override readonly name = 'MetadataSimArgsError';
}

/** Parses argv (without node and script); `defaultSeed` is used when --seed is absent. */
export function parseMetadataSimArgs(argv: readonly string[], defaultSeed: number): MetadataSimArgs {
  let controllers: 3 | 5 | undefined;
  let maxSteps: number | undefined;
  const fail = (message: string): Error => new MetadataSimArgsError(message);
  const common = parseCommonSimFlags(argv, defaultSeed, {
    fail,
    extra: {
      '--controllers': (flag, n) => {
        if (n !== '3' && n !== '5') throw fail(`${flag} must be 3 or 5, got ${n}`);
        controllers = n === '3' ? 3 : 5;
      },
      '--max-steps': (flag, n) => {
        maxSteps = integerFlag(flag, n, 0, fail);
      },
    },
  });
  return { ...common, controllers, maxSteps };
}
