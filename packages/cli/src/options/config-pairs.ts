/** `--config key=value` / `--set key=value` flags, repeated. */
import { usageError } from '../cli-error';

export function configPairs(flag: string, values: readonly string[] | undefined): Record<string, string> {
  const configs: Record<string, string> = {};
  for (const pair of values ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw usageError(`--${flag}: expected key=value, got ${JSON.stringify(pair)}`);
    configs[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return configs;
}
