/**
 * The command-line flags every simulation soak shares (`pnpm sim`, `pnpm metadata-sim`): how many
 * schedules, the seed, replaying one path, tracing, shrinking. A soak adds its own flags as
 * handlers; its errors keep their own type through `fail`.
 */
export interface CommonSimFlags {
  readonly runs: number;
  readonly seed: number;
  readonly path: string | undefined;
  readonly trace: boolean;
  readonly shrink: boolean;
  readonly help: boolean;
}

export interface SimFlagParsing {
  /** Extra flags taking a value: the handler gets the flag and its value and may call `fail`. */
  readonly extra: Readonly<Record<string, (flag: string, value: string) => void>>;
  /** Extra flags taking no value. */
  readonly switches?: Readonly<Record<string, () => void>>;
  /** Makes the error a bad argument is reported with. */
  readonly fail: (message: string) => Error;
}

/** Parses argv (without node and script); `defaultSeed` is used when --seed is absent. */
export function parseCommonSimFlags(argv: readonly string[], defaultSeed: number, parsing: SimFlagParsing): CommonSimFlags {
  let runs = 100;
  let seed = defaultSeed;
  let path: string | undefined;
  let trace = false;
  let shrink = true;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw parsing.fail(`${flag} needs a value`);
      return v;
    };
    const extra = parsing.extra[flag];
    if (extra !== undefined) {
      extra(flag, value());
      continue;
    }
    const toggle = parsing.switches?.[flag];
    if (toggle !== undefined && inline === undefined) {
      toggle();
      continue;
    }
    switch (flag) {
      case '--runs':
        runs = integerFlag(flag, value(), 1, parsing.fail);
        break;
      case '--seed':
        seed = integerFlag(flag, value(), -0x80000000, parsing.fail);
        break;
      case '--path': {
        const p = value();
        if (!/^\d+(:\d+)*$/.test(p)) throw parsing.fail(`--path must look like 12:0:3, got ${p}`);
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
        throw parsing.fail(`unknown argument ${arg}`);
    }
  }
  return { runs, seed, path, trace, shrink, help };
}

/** An integer flag value of at least `min` (and at most 2^32 - 1, fast-check's seed range). */
export function integerFlag(flag: string, text: string, min: number, fail: (message: string) => Error): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min || n > 0xffffffff) throw fail(`${flag} must be an integer >= ${min}, got ${text}`);
  return n;
}
