/**
 * Fetches waiting for data (Kafka's DelayedFetch purgatory): a long poll that found fewer than
 * minBytes is tried again whenever one of its partitions changes (an append, a HW move, a leadership
 * change), and answered with whatever there is at maxWaitMs.
 */
import type { FetchResponse } from '../protocol/fetch.js';

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

  wake(key: string, now: number): void {
    const set = this.byKey.get(key);
    if (set === undefined) return;
    for (const parked of [...set]) {
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
    for (const key of parked.keys) {
      const set = this.byKey.get(key);
      set?.delete(parked);
      if (set?.size === 0) this.byKey.delete(key);
    }
    parked.resolve(response);
  }
}
