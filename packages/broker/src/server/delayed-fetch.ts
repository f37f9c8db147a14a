/**
 * Fetches waiting for data (Kafka's DelayedFetch purgatory): a long poll that found fewer than
 * minBytes is tried again once one of its partitions changed (an append, a HW move, a leadership
 * change), and answered with whatever there is at maxWaitMs.
 *
 * Waking is two steps, `wake` then `retryWoken`, so that a parked fetch is read again at most once
 * per input however many of its partitions the input touched. Reading a parked fetch again reads
 * every partition it asks for; when one follower fetch covering thousands of partitions woke the
 * other follower's parked fetch once per partition, a metadata storm turned every fetch into
 * quadratic work and stalled the event loop for tens of seconds.
 */
import type { FetchResponse } from '../protocol/fetch';

/** Reads the fetch again at `now`: the response to send, or null to keep waiting (never null when expired). */
type Attempt = (now: number, expired: boolean) => FetchResponse | null;

interface Parked {
  readonly keys: readonly string[];
  readonly deadline: number;
  readonly attempt: Attempt;
  readonly resolve: (response: FetchResponse) => void;
}

export class DelayedFetches {
  private readonly byKey = new Map<string, Set<Parked>>();
  private readonly all = new Set<Parked>();
  /** Parked fetches one of whose partitions changed since the last retryWoken. */
  private readonly woken = new Set<Parked>();

  park(keys: readonly string[], deadline: number, attempt: Attempt): Promise<FetchResponse> {
    return new Promise((resolve) => {
      const parked: Parked = { keys, deadline, attempt, resolve };
      this.all.add(parked);
      for (const key of keys) {
        const set = this.byKey.get(key) ?? new Set();
        set.add(parked);
        this.byKey.set(key, set);
      }
    });
  }

  /** Partition `key` changed: its parked fetches are read again at the next retryWoken. */
  wake(key: string): void {
    const set = this.byKey.get(key);
    if (set === undefined) return;
    for (const parked of set) this.woken.add(parked);
  }

  /** Reads every woken fetch again, once each, and answers those that are done. */
  retryWoken(now: number): void {
    if (this.woken.size === 0) return;
    const woken = [...this.woken];
    this.woken.clear();
    for (const parked of woken) {
      if (!this.all.has(parked)) continue;
      const response = parked.attempt(now, false);
      if (response !== null) this.complete(parked, response);
    }
  }

  nextDeadline(): number {
    let at = Number.POSITIVE_INFINITY;
    for (const parked of this.all) at = Math.min(at, parked.deadline);
    return at;
  }

  expire(now: number): void {
    for (const parked of [...this.all]) if (parked.deadline <= now) this.complete(parked, parked.attempt(now, true)!);
  }

  completeAll(now: number): void {
    for (const parked of [...this.all]) this.complete(parked, parked.attempt(now, true)!);
  }

  get size(): number {
    return this.all.size;
  }

  private complete(parked: Parked, response: FetchResponse): void {
    if (!this.all.delete(parked)) return;
    this.woken.delete(parked);
    for (const key of parked.keys) {
      const set = this.byKey.get(key);
      set?.delete(parked);
      if (set?.size === 0) this.byKey.delete(key);
    }
    parked.resolve(response);
  }
}
