import { EventQueue, SIM_WALL_CLOCK_START_MS, SimScheduler, type SchedulerStats, type SimClock } from '@kz/raft/testing';

/** A scheduler on a hand-driven clock; `runAll` runs what it queued, in order, and says when each ran. */
function rig(workPerTurn = Number.POSITIVE_INFINITY) {
  let now = 0;
  const queue = new EventQueue<{ run: () => void; live: () => boolean }>();
  const clock: SimClock = { now: () => now, at: (time, run, live) => queue.push(time, { run, live }) };
  const stats: SchedulerStats = { budgetsSpent: 0 };
  const scheduler = new SimScheduler(clock, workPerTurn, stats);
  const runAll = (): void => {
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      now = next.at;
      if (next.item.live()) next.item.run();
    }
  };
  return { scheduler, runAll, stats, now: () => now };
}

describe('SimScheduler', () => {
  it('runs timeouts at their simulated time and immediates now, after what was queued before them', () => {
    const { scheduler, runAll } = rig();
    const ran: string[] = [];
    scheduler.setTimeout(() => ran.push(`timeout at ${scheduler.now()}`), 30);
    scheduler.setImmediate(() => ran.push(`immediate at ${scheduler.now()}`));
    scheduler.setTimeout(() => ran.push(`zero timeout at ${scheduler.now()}`), -5);
    runAll();
    expect(ran).toEqual(['immediate at 0', 'zero timeout at 0', 'timeout at 30']);
    expect(scheduler.wallClock()).toBe(SIM_WALL_CLOCK_START_MS + 30);
  });

  it('never runs a cancelled timer, nor anything once its process is killed', () => {
    const { scheduler, runAll } = rig();
    const ran: string[] = [];
    scheduler.setTimeout(() => ran.push('cancelled'), 10).cancel();
    scheduler.setTimeout(() => ran.push('after the kill'), 20);
    scheduler.setImmediate(() => ran.push('immediate after the kill'));
    scheduler.kill();
    runAll();
    expect(ran).toEqual([]);
  });

  it('counts a turn’s budget in units of work, so it runs out at the same point on every replay', () => {
    const { scheduler, stats } = rig(3);
    const budget = scheduler.turnBudget();
    expect([budget.exhausted(), budget.exhausted(), budget.exhausted()]).toEqual([false, false, true]);
    expect(stats.budgetsSpent).toBe(1);
    expect(rig().scheduler.turnBudget().exhausted()).toBe(false);
  });
});
