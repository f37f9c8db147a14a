import { parseCommonSimFlags } from './sim-flags';

/** Parsed `pnpm sim` arguments. */
export interface SimArgs {
  readonly runs: number;
  readonly seed: number;
  readonly nodes: 3 | 5 | undefined;
  readonly membership: boolean;
  readonly path: string | undefined;
  readonly trace: boolean;
  readonly shrink: boolean;
  readonly help: boolean;
}

export const SIM_USAGE = `usage: pnpm sim [--runs N] [--seed S] [--nodes 3|5] [--membership] [--path P] [--trace] [--no-shrink]

Runs N random fault schedules against a simulated KRaft cluster and checks every safety invariant
after every simulated step, then liveness after the faults heal.

  --runs N      schedules to run (default 100)
  --seed S      fast-check seed (default: random; always printed)
  --nodes 3|5   cluster size (default: both)
  --membership  dynamic voters (KIP-853): voters added and removed, the leader removed, disks wiped
  --path P      replay the schedule at this fast-check path (printed on a failure)
  --trace       print the narrated run of a failing or replayed schedule
  --no-shrink   report the first failing schedule without shrinking it`;

export class SimArgsError extends Error {
  override readonly name = 'SimArgsError';
}

/** Parses argv (without node and script); `defaultSeed` is used when --seed is absent. */
export function parseSimArgs(argv: readonly string[], defaultSeed: number): SimArgs {
  let nodes: 3 | 5 | undefined;
  let membership = false;
  const fail = (message: string): Error => new SimArgsError(message);
  const common = parseCommonSimFlags(argv, defaultSeed, {
    fail,
    extra: {
      '--nodes': (flag, n) => {
        if (n !== '3' && n !== '5') throw fail(`${flag} must be 3 or 5, got ${n}`);
        nodes = n === '3' ? 3 : 5;
      },
    },
    switches: {
      '--membership': () => {
        membership = true;
      },
    },
  });
  return { ...common, nodes, membership };
}
