import type { WorkBudget } from '@kz/runtime';
import type { ScheduledTimer, Scheduler } from '@kz/runtime';

/** Where simulated processes queue their work: the simulation's clock and event queue. */
export interface SimClock {
  now(): number;
  /** Runs `run` at `time` — after everything already queued for that time — if `live()` still holds then. */
  at(time: number, run: () => void, live: () => boolean): void;
}

/** What a simulated wall clock reads at simulated time 0 (timestamps in record batches). */
export const SIM_WALL_CLOCK_START_MS = Date.UTC(2025, 0, 1);

/** Counted across every scheduler of a simulation, for its coverage report. */
export interface SchedulerStats {
  /** Turn budgets that ran out: work (committed batches) was left for a later turn. */
  budgetsSpent: number;
}

/**
 * One simulated process's clocks and timers: a Scheduler on the simulated clock, so the RaftNode
 * the simulator runs reads time and sets timers only through the event queue. Timeouts and
 * immediates are events; a turn's budget is counted in units of work (`workPerTurn` calls of
 * `exhausted()`), not milliseconds, so it runs out at the same point on every replay. When the
 * process dies (`kill`), nothing it scheduled runs any more.
 */
export class SimScheduler implements Scheduler {
  private alive = true;

  constructor(
    private readonly clock: SimClock,
    /** How many units of work a turn may do; Infinity never cuts a turn short. */
    private readonly workPerTurn: number,
    private readonly stats: SchedulerStats,
  ) {}

  now(): number {
    return this.clock.now();
  }

  wallClock(): number {
    return SIM_WALL_CLOCK_START_MS + this.clock.now();
  }

  setTimeout(run: () => void, ms: number): ScheduledTimer {
    let cancelled = false;
    this.clock.at(this.clock.now() + Math.max(0, ms), run, () => this.alive && !cancelled);
    return {
      cancel: () => {
        cancelled = true;
      },
    };
  }

  setImmediate(run: () => void): void {
    this.clock.at(this.clock.now(), run, () => this.alive);
  }

  turnBudget(): WorkBudget {
    let left = this.workPerTurn;
    return {
      exhausted: () => {
        if (--left > 0) return false;
        this.stats.budgetsSpent++;
        return true;
      },
    };
  }

  /** The process is gone: its timers and immediates never run. */
  kill(): void {
    this.alive = false;
  }
}
