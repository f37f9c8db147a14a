import fc from 'fast-check';
import { DeadlineSweep } from '../src/deadline-sweep';
import type { ScheduledTimer, Scheduler } from '../src/scheduler';

/** A hand-driven clock whose timers run when `advance` passes them; it counts the timers pending. */
function manualScheduler() {
  let now = 0;
  let timers: { at: number; run: () => void; live: boolean }[] = [];
  const scheduler: Pick<Scheduler, 'now' | 'setTimeout'> = {
    now: () => now,
    setTimeout: (run, ms): ScheduledTimer => {
      const timer = { at: now + Math.max(0, ms), run, live: true };
      timers.push(timer);
      return { cancel: () => (timer.live = false) };
    },
  };
  return {
    scheduler,
    now: () => now,
    pendingTimers: () => timers.filter((t) => t.live).length,
    advance(to: number): void {
      for (;;) {
        const due = timers.filter((t) => t.live && t.at <= to).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        now = Math.max(now, due.at);
        due.live = false;
        due.run();
      }
      now = Math.max(now, to);
      timers = timers.filter((t) => t.live);
    },
  };
}

const runs = { numRuns: Number(process.env['FC_RUNS'] ?? 200), ...(process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) }) };

describe('DeadlineSweep', () => {
  it('expires each deadline not cancelled once, at its time, on at most one timer', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), ms: fc.integer({ min: 0, max: 300 }) }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('advance' as const), by: fc.integer({ min: 0, max: 200 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const clock = manualScheduler();
        const sweep = new DeadlineSweep(clock.scheduler);
        const deadlines: { at: number; expiredAt: number[]; cancelled: boolean; cancel: () => void }[] = [];
        for (const s of steps) {
          if (s.kind === 'add') {
            const record: (typeof deadlines)[number] = { at: clock.now() + s.ms, expiredAt: [], cancelled: false, cancel: () => undefined };
            record.cancel = sweep.after(s.ms, () => record.expiredAt.push(clock.now())).cancel;
            deadlines.push(record);
          } else if (s.kind === 'cancel' && deadlines.length > 0) {
            const record = deadlines[s.pick % deadlines.length]!;
            if (record.expiredAt.length === 0) record.cancelled = true;
            record.cancel();
          } else if (s.kind === 'advance') {
            clock.advance(clock.now() + s.by);
          }
          expect(clock.pendingTimers()).toBeLessThanOrEqual(1);
        }
        clock.advance(clock.now() + 1000);
        for (const d of deadlines) expect(d.expiredAt).toEqual(d.cancelled ? [] : [d.at]);
        expect(sweep.size).toBe(0);
        expect(clock.pendingTimers()).toBe(0);
      }),
      runs,
    );
  });

  it('keeps memory to what is pending: cancelled deadlines are not kept until their time', () => {
    const clock = manualScheduler();
    const sweep = new DeadlineSweep(clock.scheduler);
    const expired: number[] = [];
    const kept = sweep.after(60_000, () => expired.push(-1));
    for (let i = 0; i < 100_000; i++) sweep.after(60_000, () => expired.push(i)).cancel();
    expect(sweep.size).toBe(1);
    expect(sweep.queued).toBeLessThanOrEqual(4096);
    clock.advance(60_000);
    expect(expired).toEqual([-1]);
    kept.cancel();
  });

  it('clear cancels everything and the timer', () => {
    const clock = manualScheduler();
    const sweep = new DeadlineSweep(clock.scheduler);
    const expired: number[] = [];
    for (let i = 0; i < 5; i++) sweep.after(10 * i, () => expired.push(i));
    sweep.clear();
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(100);
    expect(expired).toEqual([]);
    expect(sweep.size).toBe(0);
  });

  it('an expiry that throws does not strand the others due with it', () => {
    const clock = manualScheduler();
    const sweep = new DeadlineSweep(clock.scheduler);
    const expired: string[] = [];
    sweep.after(5, () => {
      throw new Error('boom');
    });
    sweep.after(5, () => expired.push('same time'));
    sweep.after(9, () => expired.push('later'));
    expect(() => clock.advance(5)).toThrow('boom');
    expect(expired).toEqual(['same time']);
    clock.advance(9);
    expect(expired).toEqual(['same time', 'later']);
  });
});
