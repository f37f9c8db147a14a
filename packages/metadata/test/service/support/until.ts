/**
 * Polls until a condition holds, with a deadline: tests wait for behaviour (a broker fenced, a
 * topic visible on every node), never for a fixed time.
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      // A probe may fail while the cluster is in flux (an election); keep the last reason for the report.
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`${what}: not reached within ${timeoutMs} ms${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
