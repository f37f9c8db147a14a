import { turnBudget, type WorkBudget } from './turn-budget';

/** A pending setTimeout of a Scheduler. */
export interface ScheduledTimer {
  /** The callback will not run (a no-op once it has run). */
  cancel(): void;
}

/**
 * Everything of time a runtime driver touches: its clocks, its timers, when its next turn of work
 * runs and how long a turn may take. RaftNode gets the real one by default; the simulator gives it
 * one on the simulated clock, so the driver that ships is the driver the simulator runs — and a
 * driver that read `Date.now()` or called `setTimeout` itself would escape the simulation (and be
 * nondeterministic in it), which is why none does.
 */
export interface Scheduler {
  /** Milliseconds, monotonic: every deadline and timeout is on this clock. */
  now(): number;
  /** Milliseconds since the Unix epoch: what timestamps written into record batches read. */
  wallClock(): number;
  /** Runs `run` once `ms` milliseconds have passed (at once if `ms` <= 0, but never synchronously). */
  setTimeout(run: () => void, ms: number): ScheduledTimer;
  /** Runs `run` in a later turn, after the I/O already waiting (Node's setImmediate). */
  setImmediate(run: () => void): void;
  /** How much work the current turn may still do (see @kz/runtime's turnBudget). */
  turnBudget(ms: number): WorkBudget;
}

/** The process's clocks and Node's timers. */
export const REAL_SCHEDULER: Scheduler = {
  now: () => performance.timeOrigin + performance.now(),
  wallClock: () => Date.now(),
  setTimeout: (run, ms) => {
    const timer = setTimeout(run, Math.max(0, ms));
    return { cancel: () => clearTimeout(timer) };
  },
  setImmediate: (run) => {
    setImmediate(run);
  },
  turnBudget: (ms) => turnBudget(ms),
};
