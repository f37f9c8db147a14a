import { DeadlineQueue } from './deadline-queue';
import { DeadlineTimer } from './deadline-timer';
import { REAL_SCHEDULER, type Scheduler } from './scheduler';

/** A deadline of a DeadlineSweep. */
export interface SweptDeadline {
  /** Its expiry will not run (a no-op once it has run or was cancelled). */
  cancel(): void;
}

interface Entry {
  expire: (() => void) | null;
}

/**
 * Many timeouts on one timer: each request of a busy node (a proposal, a read barrier, an inbound
 * call waiting for its answer) gets a deadline here instead of a setTimeout and clearTimeout of its
 * own. The deadlines sit in a DeadlineQueue and one DeadlineTimer is armed at the earliest; when it
 * fires, everything due expires at once.
 *
 * A cancelled deadline stays in the queue until its time passes (the queue removes nothing early),
 * which under steady load would keep a request rate × timeout of dead entries. So once the dead
 * outnumber the live by far, the queue is rebuilt from the live ones: memory stays proportional to
 * what is pending, at an amortised cost of a few pushes per deadline.
 */
export class DeadlineSweep {
  private queue = new DeadlineQueue<Entry>();
  private readonly live = new Set<Entry>();
  private readonly timer: DeadlineTimer;

  constructor(private readonly scheduler: Pick<Scheduler, 'now' | 'setTimeout'> = REAL_SCHEDULER) {
    this.timer = new DeadlineTimer(() => scheduler.now(), () => this.sweep(), scheduler);
  }

  /** Deadlines neither expired nor cancelled. */
  get size(): number {
    return this.live.size;
  }

  /** Entries the queue holds, cancelled ones not yet dropped included (what the sweep costs in memory). */
  get queued(): number {
    return this.queue.size;
  }

  /** Runs `expire` once `ms` milliseconds have passed, unless the deadline is cancelled first. */
  after(ms: number, expire: () => void): SweptDeadline {
    const entry: Entry = { expire };
    const at = this.scheduler.now() + Math.max(0, ms);
    this.live.add(entry);
    this.queue.push(at, entry);
    this.timer.arm(at);
    return { cancel: () => this.drop(entry) };
  }

  /** Cancels every deadline and the timer. */
  clear(): void {
    for (const entry of this.live) entry.expire = null;
    this.live.clear();
    this.queue = new DeadlineQueue<Entry>();
    this.timer.cancel();
  }

  private drop(entry: Entry): void {
    if (entry.expire === null) return;
    entry.expire = null;
    this.live.delete(entry);
    if (this.live.size === 0) {
      this.queue = new DeadlineQueue<Entry>();
      this.timer.cancel();
    } else if (this.queue.size > REBUILD_AT_DEAD && this.queue.size > REBUILD_RATIO * this.live.size) {
      this.rebuild();
    }
  }

  private rebuild(): void {
    // The live entries' times are in the old heap only; take them from it in one pass.
    const old = this.queue;
    this.queue = new DeadlineQueue<Entry>();
    for (const { at, item } of old.entries()) if (item.expire !== null) this.queue.push(at, item);
  }

  private sweep(): void {
    // One expiry that throws must not strand the others, already taken out of the queue.
    let failure: { readonly error: unknown } | null = null;
    for (const entry of this.queue.popDue(this.scheduler.now())) {
      const expire = entry.expire;
      if (expire === null) continue;
      entry.expire = null;
      this.live.delete(entry);
      try {
        expire();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (this.live.size === 0) this.queue = new DeadlineQueue<Entry>();
    else this.timer.arm(this.queue.next);
    if (failure !== null) throw failure.error;
  }
}

/** Below this many queued entries the dead ones are left to expire on their own. */
const REBUILD_AT_DEAD = 1024;
/** Rebuild once the queue holds this many entries per live deadline. */
const REBUILD_RATIO = 4;
