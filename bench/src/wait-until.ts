export interface WaitOptions {
  readonly pauseMs?: number;
  /** Checked before each attempt: a reason to give up at once (e.g. the server process died). */
  readonly fatal?: () => string | null;
}

/**
 * Retries `attempt` until it returns a value, or throws the last failure once `timeoutMs` has
 * passed. Servers that were just spawned need a moment before they accept and agree on a leader.
 */
export async function waitUntil<T>(what: string, timeoutMs: number, attempt: () => Promise<T>, options: WaitOptions = {}): Promise<T> {
  const pauseMs = options.pauseMs ?? 200;
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    const fatal = options.fatal?.() ?? null;
    if (fatal !== null) throw new Error(`${what}: ${fatal}`);
    try {
      return await attempt();
    } catch (error) {
      last = error;
    }
    if (Date.now() + pauseMs > deadline) {
      const reason = last instanceof Error ? last.message : String(last);
      throw new Error(`${what}: not ready after ${timeoutMs} ms (last error: ${reason})`);
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
