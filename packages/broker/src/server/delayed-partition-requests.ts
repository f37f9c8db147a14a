/**
 * Requests waiting on conditions of their partitions (Kafka's purgatories keyed by partition): an
 * acks=all produce waits for the high watermark, a DeleteRecords for the low watermark. Each
 * request waits on one or more partitions; each partition's wait ends with an outcome — when its
 * status says so after something about the partition changed (`recheck`), or at the request's
 * deadline — and the request is answered once every one of its waits has ended.
 */

export interface PartitionWait {
  /** The partition's key (partitionKey). */
  readonly key: string;
}

/** A wait's outcome now, or 'waiting'. */
export type WaitStatus<W, O> = (wait: W) => O | 'waiting';

interface Parked<W, O, R> {
  readonly waiting: Set<W>;
  readonly outcomes: Map<W, O>;
  readonly deadline: number;
  readonly status: WaitStatus<W, O>;
  readonly answer: (outcomes: ReadonlyMap<W, O>) => R;
  readonly resolve: (response: R) => void;
}

export class DelayedPartitionRequests<W extends PartitionWait, O, R> {
  private readonly byKey = new Map<string, Set<Parked<W, O, R>>>();
  private readonly all = new Set<Parked<W, O, R>>();

  /** Parks a request on `waits` (each checked at once); `answer` makes its response from their outcomes. */
  park(waits: readonly W[], deadline: number, status: WaitStatus<W, O>, answer: (outcomes: ReadonlyMap<W, O>) => R): Promise<R> {
    return new Promise((resolve) => {
      const parked: Parked<W, O, R> = { waiting: new Set(waits), outcomes: new Map(), deadline, status, answer, resolve };
      this.all.add(parked);
      for (const wait of waits) {
        const set = this.byKey.get(wait.key) ?? new Set();
        set.add(parked);
        this.byKey.set(wait.key, set);
      }
      for (const wait of waits) this.check(parked, wait);
    });
  }

  /** Something about partition `key` changed (HW, log starts, flush, leadership): settle what can be settled. */
  recheck(key: string): void {
    const set = this.byKey.get(key);
    if (set === undefined) return;
    for (const parked of [...set]) for (const wait of [...parked.waiting]) if (wait.key === key) this.check(parked, wait);
  }

  nextDeadline(): number {
    let at = Number.POSITIVE_INFINITY;
    for (const parked of this.all) at = Math.min(at, parked.deadline);
    return at;
  }

  /** Ends every wait of the requests whose deadline has come with `timedOut`'s outcome. */
  expire(now: number, timedOut: (wait: W) => O): void {
    for (const parked of [...this.all]) {
      if (parked.deadline > now) continue;
      for (const wait of [...parked.waiting]) this.settle(parked, wait, timedOut(wait));
    }
  }

  /** Ends every wait now (the broker is stopping). */
  failAll(outcome: (wait: W) => O): void {
    for (const parked of [...this.all]) for (const wait of [...parked.waiting]) this.settle(parked, wait, outcome(wait));
  }

  private check(parked: Parked<W, O, R>, wait: W): void {
    const status = parked.status(wait);
    if (status !== 'waiting') this.settle(parked, wait, status);
  }

  private settle(parked: Parked<W, O, R>, wait: W, outcome: O): void {
    if (!parked.waiting.delete(wait)) return;
    parked.outcomes.set(wait, outcome);
    const set = this.byKey.get(wait.key);
    if (set !== undefined && ![...parked.waiting].some((w) => w.key === wait.key)) {
      set.delete(parked);
      if (set.size === 0) this.byKey.delete(wait.key);
    }
    if (parked.waiting.size > 0) return;
    this.all.delete(parked);
    parked.resolve(parked.answer(parked.outcomes));
  }
}
