/**
 * One timer for a deterministic core that says when it next wants time to pass (`nextDeadline()`):
 * armed at the earliest deadline asked for, left alone when one already fires no later, so the many
 * inputs of a busy node do not each clear and set a timer. The runtimes of the Raft node, the
 * metadata controller and the broker's ReplicaManager all drive their cores with one.
 */
export class DeadlineTimer {
  private timer: NodeJS.Timeout | null = null;
  private at = Number.POSITIVE_INFINITY;

  constructor(
    /** The same clock the core's deadlines are on (milliseconds). */
    private readonly clock: () => number,
    /** Called at the deadline, with how late it fires (a blocked event loop makes it late). */
    private readonly fire: (lateMs: number) => void,
  ) {}

  /** Fires at `at` (or at once if it has passed) unless the timer already fires no later. Infinity: nothing to wait for. */
  arm(at: number): void {
    if (at >= this.at && this.timer !== null) return;
    this.cancel();
    if (!Number.isFinite(at)) return;
    this.at = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.at = Number.POSITIVE_INFINITY;
      this.fire(Math.max(0, this.clock() - at));
    }, Math.max(0, at - this.clock()));
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.at = Number.POSITIVE_INFINITY;
  }
}
