import pino from 'pino';
import { EventLoopMonitor, section } from '@kz/runtime';

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // The loop is held, as a large piece of work would hold it.
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('EventLoopMonitor', () => {
  it('measures a blocked loop and reports the turn over budget once, naming what ran in it', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    const delays: number[] = [];
    const monitor = EventLoopMonitor.start({ budgetMs: 50, logger, onDelay: (ms) => delays.push(ms) });
    try {
      await sleep(30);
      // On a loaded machine this process may already have missed a turn's budget (descheduled):
      // that report, naming nothing, would hold back the next one for the log's 1 s rate limit.
      // Wait until a whole limit's window has passed without one.
      while (lines.length > 0) {
        lines.length = 0;
        await sleep(1100);
      }
      section('small', () => busy(1));
      section('storm', () => busy(120));
      await sleep(30);
      expect(monitor.maxDelayMs).toBeGreaterThanOrEqual(100);
      expect(Math.max(...delays)).toBe(monitor.maxDelayMs);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ msg: 'event loop turn over budget', budgetMs: 50 });
      const ran = lines[0]!['ran'] as { name: string; count: number }[];
      expect(ran.map((r) => r.name)).toEqual(['storm', 'small']);
    } finally {
      monitor.stop();
    }
  });

  it('section() runs its work and returns its result with or without a monitor', () => {
    expect(section('plain', () => 42)).toBe(42);
    expect(() => section('throws', () => {
      throw new Error('boom');
    })).toThrow('boom');
  });
});
