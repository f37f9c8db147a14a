import { REAL_SCHEDULER, type ScheduledTimer, type Scheduler } from './scheduler';

/**
 * One timer for a deterministic core that says when it next wants time to pass (`nextDeadline()`):
 * armed at the earliest deadline asked for, left alone when one already fires no later, so the many
 * inputs of a busy node do not each clear and set a timer. The runtimes of the Raft node, the
 * metadata controller and the broker's ReplicaManager all drive their cores with one.
 */
export class DeadlineTimer {
  private timer: ScheduledTimer | null = null;
  private at = Number.POSITIVE_INFINITY;

  constructor(
    /** The same clock the core's deadlines are on (milliseconds). */
    private readonly clock: () => number,
    /** Called at the deadline, with how late it fires (a blocked event loop makes it late). */
    private readonly fire: (lateMs: number) => void,
    /** Whose timers it sets: Node's, or a simulation's. */
    private readonly timers: Pick<Scheduler, 'setTimeout'> = REAL_SCHEDULER,
  ) {}

  /** Fires at `at` (or at once if it has passed) unless the timer already fires no later. Infinity: nothing to wait for. */
  arm(at: number): void {
    if (at >= this.at && this.timer !== null) return;
    this.cancel();
    if (!Number.isFinite(at)) return;
    this.at = at;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.at = Number.POSITIVE_INFINITY;
      this.fire(Math.max(0, this.clock() - at));
    }, Math.max(0, at - this.clock()));
  }

  cancel(): void {
    this.timer?.cancel();
    this.timer = null;
    this.at = Number.POSITIVE_INFINITY;
  }
}
