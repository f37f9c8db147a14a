/** yargs `coerce` functions: a number flag that is not the number it should be is a usage error, not NaN. */
import { usageError } from '../cli-error';

/** As integerFlag, for a repeatable flag (`--partition 0 --partition 2`). */
export function integerListFlag(flag: string, min: number, max = Number.MAX_SAFE_INTEGER): (value: unknown) => number[] {
  const one = integerFlag(flag, min, max);
  return (value) => (Array.isArray(value) ? value : [value]).map(one);
}

/** yargs calls a coerce function only for a flag that was given (or has a default), so it always gets a value. */
export function integerFlag(flag: string, min: number, max = Number.MAX_SAFE_INTEGER): (value: unknown) => number {
  return (value) => {
    const n = typeof value === 'number' ? value : Number(value);
    // yargs turns a non-number given to a number flag into NaN or null before coerce sees it.
    if (value === null || Number.isNaN(n)) throw usageError(`--${flag} must be an integer, got something else`);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw usageError(`--${flag} must be an integer in [${min}, ${max}], got ${JSON.stringify(value)}`);
    return n;
  };
}
