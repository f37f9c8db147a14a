/** Parsed `pnpm sim` arguments. */
export interface SimArgs {
  readonly runs: number;
  readonly seed: number;
  readonly nodes: 3 | 5 | undefined;
  readonly path: string | undefined;
  readonly trace: boolean;
  readonly shrink: boolean;
  readonly help: boolean;
}

export const SIM_USAGE = `usage: pnpm sim [--runs N] [--seed S] [--nodes 3|5] [--path P] [--trace] [--no-shrink]

Runs N random fault schedules against a simulated KRaft cluster and checks every safety invariant
after every simulated step, then liveness after the faults heal.

  --runs N      schedules to run (default 100)
  --seed S      fast-check seed (default: random; always printed)
  --nodes 3|5   cluster size (default: both)
  --path P      replay the schedule at this fast-check path (printed on a failure)
  --trace       print the narrated run of a failing or replayed schedule
  --no-shrink   report the first failing schedule without shrinking it`;

export class SimArgsError extends Error {
  override readonly name = 'SimArgsError';
}

/** Parses argv (without node and script); `defaultSeed` is used when --seed is absent. */
export function parseSimArgs(argv: readonly string[], defaultSeed: number): SimArgs {
  let runs = 100;
  let seed = defaultSeed;
  let nodes: 3 | 5 | undefined;
  let path: string | undefined;
  let trace = false;
  let shrink = true;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new SimArgsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--runs':
        runs = integerArg(flag, value(), 1);
        break;
      case '--seed':
        seed = integerArg(flag, value(), -0x80000000);
        break;
      case '--nodes': {
        const n = value();
        if (n !== '3' && n !== '5') throw new SimArgsError(`--nodes must be 3 or 5, got ${n}`);
        nodes = n === '3' ? 3 : 5;
        break;
      }
      case '--path': {
        const p = value();
        if (!/^\d+(:\d+)*$/.test(p)) throw new SimArgsError(`--path must look like 12:0:3, got ${p}`);
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
        throw new SimArgsError(`unknown argument ${arg}`);
    }
  }
  return { runs, seed, nodes, path, trace, shrink, help };
}

function integerArg(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min || n > 0xffffffff) throw new SimArgsError(`${flag} must be an integer >= ${min}, got ${text}`);
  return n;
}
