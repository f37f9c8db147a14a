/** yargs `coerce` functions: a number flag that is not the number it should be is a usage error, not NaN. */
import { usageError } from '../cli-error';

export function integerFlag(flag: string, min: number, max = Number.MAX_SAFE_INTEGER): (value: unknown) => number | undefined {
  return (value) => {
    if (value === undefined) return undefined;
    const n = typeof value === 'number' ? value : Number(value);
    // yargs turns a non-number given to a number flag into NaN or null before coerce sees it.
    if (value === null || Number.isNaN(n)) throw usageError(`--${flag} must be an integer, got something else`);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw usageError(`--${flag} must be an integer in [${min}, ${max}], got ${JSON.stringify(value)}`);
    return n;
  };
}
