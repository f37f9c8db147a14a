/**
 * Every command's handler runs through this: whatever it throws leaves as a CliError with a code
 * (the Kafka error name of an ApiError or KzClientError, NETWORK_EXCEPTION for an unreachable
 * broker), so `kz` prints one clear line and exits 1 — never a stack trace for an expected failure.
 */
import { CliError } from '../cli-error';

export async function runCommand(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    throw asCliError(error);
  }
}

export function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return new CliError(typeof code === 'string' ? code : error.name, error.message, 1, { cause: error });
  }
  return new CliError('UNKNOWN', String(error));
}
