/**
 * Many things each due at some time, kept so the earliest is found at once: a binary min-heap of
 * (time, item). A deterministic core with thousands of timed entries (a group coordinator's member
 * sessions, say) pushes an item whenever its deadline may have changed and asks `popDue(now)` at
 * the timer; it never searches everything to find the next deadline.
 *
 * An item may sit in the queue more than once, and an earlier entry is not removed when its
 * deadline moves: whoever pops an item checks whether it is really due. That keeps every push
 * O(log n) without an index, and costs at most one stale entry per push until its time passes.
 */
export class DeadlineQueue<T> {
  private readonly heap: { at: number; item: T }[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** The earliest time anything is due; Infinity when nothing is queued. */
  get next(): number {
    return this.heap[0]?.at ?? Number.POSITIVE_INFINITY;
  }

  /** Queues `item` at `at`; an infinite time means never, and is not queued. */
  push(at: number, item: T): void {
    if (!Number.isFinite(at)) return;
    const heap = this.heap;
    heap.push({ at, item });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  /** Every queued entry with its time, in no particular order (dead ones included: see the class comment). */
  entries(): Iterable<{ readonly at: number; readonly item: T }> {
    return this.heap.values();
  }

  /** Removes and returns every item due at or before `now`, each once however often it was queued. */
  popDue(now: number): T[] {
    const due = new Set<T>();
    while (this.heap.length > 0 && this.heap[0]!.at <= now) due.add(this.pop());
    return [...due];
  }

  private pop(): T {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && heap[left]!.at < heap[smallest]!.at) smallest = left;
        if (right < heap.length && heap[right]!.at < heap[smallest]!.at) smallest = right;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
        i = smallest;
      }
    }
    return top.item;
  }
}
