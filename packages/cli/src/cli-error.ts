/**
 * A command that could not do what it was asked, as a value: a name to match on (Kafka's error
 * name where there is one: UNKNOWN_TOPIC_OR_PARTITION, INCONSISTENT_CLUSTER_ID, ...) and the exit
 * code the process ends with. 2 is a bad command line, as for every Unix tool; 1 is everything else.
 */
import { UsageError } from '@kz/metadata';

export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: 1 | 2 = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Runs a parser shared with @kz/metadata: its UsageError becomes ours (exit 2, with the usage hint). */
export function cliUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof UsageError) throw usageError(error.message);
    throw error;
  }
}

/** A bad flag or argument: exit 2, with the usage hint. */
export function usageError(message: string): CliError {
  return new CliError('USAGE', message, 2);
}
