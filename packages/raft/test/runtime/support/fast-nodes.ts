/** What the RaftNode tests share: a silent logger, timeouts short enough for tests, and a busy-wait on a condition. */
import pino from 'pino';

export const quiet = pino({ level: 'silent' });

export const fast = { electionTimeoutMs: 150, fetchTimeoutMs: 300, fetchMaxWaitMs: 100, electionBackoffMaxMs: 100 };

export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
