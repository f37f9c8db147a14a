/**
 * Admin answers carry one outcome per item (a topic, a partition). A command prints them all and
 * then fails — exit 1, with the first error's Kafka name — if any item failed, so a script sees
 * the failure and a person sees which items it concerned.
 */
import type { ApiError } from '@kz/metadata';
import { CliError } from '../cli-error';

export function failIfAny(what: string, outcomes: readonly { readonly error: ApiError | null; readonly label: string }[]): void {
  const failed = outcomes.filter((o) => o.error !== null);
  if (failed.length === 0) return;
  const first = failed[0]!.error!;
  if (outcomes.length === 1) throw new CliError(first.code, `${what} failed: ${first.code}: ${first.message}`);
  const list = failed.map((o) => `${o.label}: ${o.error!.code}`).join(', ');
  throw new CliError(first.code, `${what} failed for ${failed.length} of ${outcomes.length} (${list})`);
}
