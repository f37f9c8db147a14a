/**
 * Fetches waiting for data (Kafka's DelayedFetch purgatory): a long poll that found fewer than
 * minBytes is tried again once one of its partitions changed (an append, a HW move, a leadership
 * change), and answered with whatever there is at maxWaitMs.
 *
 * Waking is two steps, `wake` then `retryWoken`, so that a parked fetch is read again at most once
 * per input however many of its partitions the input touched: when one follower fetch covering
 * thousands of partitions woke the other follower's parked fetch once per partition, a metadata storm
 * turned every fetch into quadratic work and stalled the event loop for tens of seconds. The read is
 * told which partitions woke it, so a session fetch reads only those again.
 */
import type { FetchResponse } from '../protocol/fetch';

/**
 * Reads the fetch again at `now`: the response to send, or null to keep waiting (never null when
 * expired). `woken` holds the partitions that changed since the last read (empty at expiry).
 */
type Attempt = (now: number, expired: boolean, woken: ReadonlySet<string>) => FetchResponse | null;

/** The partition keys a fetch waits on: a set, or a session's own map kept current as the session changes. */
export interface PartitionKeys {
  has(key: string): boolean;
}

interface Parked {
  readonly keys: PartitionKeys;
  readonly deadline: number;
  readonly attempt: Attempt;
  readonly resolve: (response: FetchResponse) => void;
  /** Partitions that changed since the last read. */
  readonly woken: Set<string>;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Parked fetches are few (one per follower broker, plus consumers' long polls) while a follower's
 * fetch may cover thousands of partitions: so a wake asks each parked fetch whether it holds the
 * key, rather than every park indexing thousands of keys and every answer removing them again.
 */
export class DelayedFetches {
  private readonly all = new Set<Parked>();
  /** Parked fetches one of whose partitions changed since the last retryWoken. */
  private readonly woken = new Set<Parked>();

  park(keys: PartitionKeys, deadline: number, attempt: Attempt): Promise<FetchResponse> {
    return new Promise((resolve) => {
      this.all.add({ keys, deadline, attempt, resolve, woken: new Set() });
    });
  }

  /** Partition `key` changed: its parked fetches are read again at the next retryWoken. */
  wake(key: string): void {
    for (const parked of this.all) {
      if (!parked.keys.has(key)) continue;
      parked.woken.add(key);
      this.woken.add(parked);
    }
  }

  /** Reads every woken fetch again, once each, and answers those that are done. */
  retryWoken(now: number): void {
    if (this.woken.size === 0) return;
    const woken = [...this.woken];
    this.woken.clear();
    for (const parked of woken) {
      if (!this.all.has(parked)) continue;
      const keys = new Set(parked.woken);
      parked.woken.clear();
      const response = parked.attempt(now, false, keys);
      if (response !== null) this.complete(parked, response);
    }
  }

  nextDeadline(): number {
    let at = Number.POSITIVE_INFINITY;
    for (const parked of this.all) at = Math.min(at, parked.deadline);
    return at;
  }

  expire(now: number): void {
    for (const parked of [...this.all]) if (parked.deadline <= now) this.complete(parked, this.finalAttempt(parked, now));
  }

  completeAll(now: number): void {
    for (const parked of [...this.all]) this.complete(parked, this.finalAttempt(parked, now));
  }

  get size(): number {
    return this.all.size;
  }

  private finalAttempt(parked: Parked, now: number): FetchResponse {
    const keys = parked.woken.size > 0 ? new Set(parked.woken) : NONE;
    parked.woken.clear();
    return parked.attempt(now, true, keys)!;
  }

  private complete(parked: Parked, response: FetchResponse): void {
    if (!this.all.delete(parked)) return;
    this.woken.delete(parked);
    parked.resolve(response);
  }
}
