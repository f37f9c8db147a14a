/**
 * The leader's appends still waiting for the high watermark, with when each was made: the commit
 * latency of an append is the time from handing it to the core to the high watermark passing its
 * last offset. Offsets only grow while one node leads one epoch, so the waiting appends form a queue
 * in offset order and a high watermark settles a prefix of it.
 */

interface WaitingAppend {
  readonly lastOffset: number;
  readonly batches: number;
  readonly appendedAt: number;
}

/**
 * More appends than this waiting means the quorum is not committing (check-quorum will end the
 * leadership soon); new ones are not timed until the queue drains, to keep memory bounded.
 */
const MAX_WAITING = 65_536;

export class CommitLatency {
  private waiting: WaitingAppend[] = [];
  /** Index of the first unsettled entry: settling shifts no array on every commit. */
  private head = 0;

  constructor(private readonly report: (latencyMs: number, batches: number) => void) {}

  appended(lastOffset: number, batches: number, now: number): void {
    if (this.waiting.length - this.head >= MAX_WAITING) return;
    this.waiting.push({ lastOffset, batches, appendedAt: now });
  }

  /** Reports every waiting append below `highWatermark` (the first offset not yet committed). */
  highWatermarkAt(highWatermark: number, now: number): void {
    while (this.head < this.waiting.length) {
      const append = this.waiting[this.head]!;
      if (append.lastOffset >= highWatermark) break;
      this.head++;
      this.report(Math.max(0, now - append.appendedAt), append.batches);
    }
    if (this.head === this.waiting.length) this.clear();
    else if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
  }

  /** Leadership ended: what is waiting may be truncated or committed by another leader, untimed. */
  clear(): void {
    this.waiting = [];
    this.head = 0;
  }

  get size(): number {
    return this.waiting.length - this.head;
  }
}
