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
  let runs = 100;
  let seed = defaultSeed;
  let path: string | undefined;
  let controllers: 3 | 5 | undefined;
  let maxSteps: number | undefined;
  let trace = false;
  let shrink = true;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new MetadataSimArgsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--runs':
        runs = integerArg(flag, value(), 1);
        break;
      case '--seed':
        seed = integerArg(flag, value(), -0x80000000);
        break;
      case '--controllers': {
        const n = value();
        if (n !== '3' && n !== '5') throw new MetadataSimArgsError(`--controllers must be 3 or 5, got ${n}`);
        controllers = n === '3' ? 3 : 5;
        break;
      }
      case '--max-steps':
        maxSteps = integerArg(flag, value(), 0);
        break;
      case '--path': {
        const p = value();
        if (!/^\d+(:\d+)*$/.test(p)) throw new MetadataSimArgsError(`--path must look like 12:0:3, got ${p}`);
        path = p;
        break;
      }
      case '--trace':
        trace = true;
        break;
      case '--no-shrink':
        shrink = false;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new MetadataSimArgsError(`unknown argument ${arg}`);
    }
  }
  return { runs, seed, path, controllers, maxSteps, trace, shrink, help };
}

function integerArg(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min || n > 0xffffffff) throw new MetadataSimArgsError(`${flag} must be an integer >= ${min}, got ${text}`);
  return n;
}
