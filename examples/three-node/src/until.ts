/**
 * Waiting for the cluster to reach a state. While nodes start, die and come back, a probe may fail
 * outright (no leader yet, a node not listening): that is "not yet", not an error.
 */
export class WaitTimeoutError extends Error {
  constructor(what: string, timeoutMs: number, lastFailure: unknown) {
    const cause = lastFailure instanceof Error ? ` (last failure: ${lastFailure.message})` : '';
    super(`timed out after ${timeoutMs / 1000} s waiting for ${what}${cause}`);
    this.name = 'WaitTimeoutError';
  }
}

/** Resolves with the first value `probe` gives that is not undefined. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastFailure: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastFailure = error;
    }
    if (Date.now() > deadline) throw new WaitTimeoutError(what, timeoutMs, lastFailure);
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
