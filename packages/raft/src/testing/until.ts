/**
 * Waiting for a cluster to reach a state: tests and demos wait for behaviour (a leader elected, a
 * broker fenced, an ISR full again), never for a fixed time. While nodes start, die and come back,
 * a probe may fail outright (no leader yet, a node not listening): that is "not yet", and the last
 * such failure is named if the deadline passes.
 */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';

  constructor(what: string, timeoutMs: number, lastFailure: unknown) {
    const cause = lastFailure instanceof Error ? `; last failure: ${lastFailure.message}` : '';
    super(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
  }
}

/**
 * Resolves with the first value `probe` gives that is neither undefined nor false — a probe may
 * answer with a condition (`() => node.isLeader()`) or with the thing it waited for — and polls
 * every `intervalMs` until then.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastFailure: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
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
