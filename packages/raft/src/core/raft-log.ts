import type { LogBatch, Snapshot } from './log-batch';
import type { OffsetAndEpoch } from './messages';

/** How a leader judges a follower's (fetchOffset, lastFetchedEpoch): KRaft's validateOffsetAndEpoch. */
export type FetchPosition =
  | { readonly kind: 'valid' }
  | { readonly kind: 'diverging'; readonly endOffset: OffsetAndEpoch }
  | { readonly kind: 'snapshot'; readonly snapshotId: OffsetAndEpoch };

interface EpochStart {
  readonly epoch: number;
  startOffset: number;
}

export class LogContinuityError extends Error {
  override readonly name = 'LogContinuityError';
  readonly code = 'INVALID_REQUEST';
}

/**
 * The replicated log held in memory: contiguous batches from the log start offset, the latest
 * snapshot (which covers everything below the log start), and a leader-epoch cache (KIP-101) for
 * divergence checks. The driver keeps a durable copy through LogOps; memory stays bounded because
 * snapshots move the log start forward.
 */
export class RaftLog {
  private readonly entries: LogBatch[] = [];
  private readonly epochs: EpochStart[] = [];
  private latestSnapshot: Snapshot | null;

  constructor(snapshot: Snapshot | null, batches: readonly LogBatch[]) {
    this.latestSnapshot = snapshot;
    for (const batch of batches) this.append(batch);
  }

  get snapshot(): Snapshot | null {
    return this.latestSnapshot;
  }

  get startOffset(): number {
    return this.latestSnapshot?.id.offset ?? 0;
  }

  get endOffset(): number {
    const last = this.entries[this.entries.length - 1];
    return last === undefined ? this.startOffset : last.lastOffset + 1;
  }

  /** The epoch of the last entry, of the snapshot if the log is empty, else 0. */
  get lastEpoch(): number {
    const last = this.entries[this.entries.length - 1];
    return last?.epoch ?? this.latestSnapshot?.id.epoch ?? 0;
  }

  get batches(): readonly LogBatch[] {
    return this.entries;
  }

  append(batch: LogBatch): void {
    if (batch.baseOffset !== this.endOffset) {
      throw new LogContinuityError(`batch at ${batch.baseOffset} does not start at log end ${this.endOffset}`);
    }
    if (batch.lastOffset < batch.baseOffset) throw new LogContinuityError(`batch at ${batch.baseOffset} is empty`);
    if (batch.epoch < this.lastEpoch) {
      throw new LogContinuityError(`batch epoch ${batch.epoch} is below the log's last epoch ${this.lastEpoch}`);
    }
    const lastEpochStart = this.epochs[this.epochs.length - 1];
    if (lastEpochStart === undefined || batch.epoch > lastEpochStart.epoch) {
      this.epochs.push({ epoch: batch.epoch, startOffset: batch.baseOffset });
    }
    this.entries.push(batch);
  }

  /** Removes every batch that reaches `endOffset` or beyond; returns the new end offset. */
  truncateTo(endOffset: number): number {
    while (this.entries.length > 0 && this.entries[this.entries.length - 1]!.lastOffset >= endOffset) {
      this.entries.pop();
    }
    const end = this.endOffset;
    while (this.epochs.length > 0 && this.epochs[this.epochs.length - 1]!.startOffset >= end) this.epochs.pop();
    return end;
  }

  /** A snapshot of the local state machine: drop the batches it covers. */
  compactTo(snapshot: Snapshot): void {
    const end = snapshot.id.offset;
    let drop = 0;
    while (drop < this.entries.length && this.entries[drop]!.lastOffset < end) drop += 1;
    this.entries.splice(0, drop);
    while (this.epochs.length > 1 && this.epochs[1]!.startOffset <= end) this.epochs.shift();
    const first = this.epochs[0];
    if (first !== undefined) {
      if (this.entries.length === 0 && first.epoch <= snapshot.id.epoch) this.epochs.shift();
      else first.startOffset = Math.max(first.startOffset, end);
    }
    this.latestSnapshot = snapshot;
  }

  /** A snapshot fetched from the leader replaces the whole log. */
  replaceWithSnapshot(snapshot: Snapshot): void {
    this.entries.length = 0;
    this.epochs.length = 0;
    this.latestSnapshot = snapshot;
  }

  /** The batch that starts exactly at `offset`, by binary search. */
  indexOfBatchStartingAt(offset: number): number {
    let lo = 0;
    let hi = this.entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const base = this.entries[mid]!.baseOffset;
      if (base === offset) return mid;
      if (base < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The epoch of the batch holding `offset - 1`: what a snapshot ending at `offset` is named by. */
  epochOfOffsetBefore(offset: number): number | null {
    if (offset === this.startOffset) return this.latestSnapshot?.id.epoch ?? 0;
    for (let i = this.epochs.length - 1; i >= 0; i--) {
      if (this.epochs[i]!.startOffset <= offset - 1) return this.epochs[i]!.epoch;
    }
    return null;
  }

  /** Batches from `offset` (a batch boundary) up to `maxBytes`, always at least one if any. */
  read(offset: number, maxBytes: number): LogBatch[] {
    const first = this.indexOfBatchStartingAt(offset);
    if (first < 0) return [];
    const out: LogBatch[] = [];
    let bytes = 0;
    for (let i = first; i < this.entries.length; i++) {
      const batch = this.entries[i]!;
      if (out.length > 0 && bytes + batch.bytes.length > maxBytes) break;
      out.push(batch);
      bytes += batch.bytes.length;
    }
    return out;
  }

  /**
   * The largest epoch <= `epoch` this log knows and the offset where it ends (exclusive):
   * Kafka's LeaderEpochFileCache.endOffsetFor. Offsets below the log start count as the
   * snapshot's epoch.
   */
  endOffsetForEpoch(epoch: number): OffsetAndEpoch {
    for (let i = this.epochs.length - 1; i >= 0; i--) {
      const entry = this.epochs[i]!;
      if (entry.epoch <= epoch) {
        const next = this.epochs[i + 1];
        return { epoch: entry.epoch, offset: next === undefined ? this.endOffset : next.startOffset };
      }
    }
    return { epoch: this.latestSnapshot?.id.epoch ?? 0, offset: this.startOffset };
  }

  /** KRaft's ReplicatedLog.validateOffsetAndEpoch, run by the leader for every Fetch. */
  validateFetchPosition(fetchOffset: number, lastFetchedEpoch: number): FetchPosition {
    const snapshot = this.latestSnapshot;
    if (
      snapshot !== null &&
      (fetchOffset < snapshot.id.offset ||
        (fetchOffset === snapshot.id.offset && lastFetchedEpoch !== snapshot.id.epoch) ||
        lastFetchedEpoch < snapshot.id.epoch)
    ) {
      return { kind: 'snapshot', snapshotId: snapshot.id };
    }
    if (fetchOffset === 0 && snapshot === null) return { kind: 'valid' };
    const end = this.endOffsetForEpoch(lastFetchedEpoch);
    if (end.epoch !== lastFetchedEpoch || end.offset < fetchOffset) return { kind: 'diverging', endOffset: end };
    return { kind: 'valid' };
  }

  /**
   * Where a follower truncates when the leader reports divergence (ReplicatedLog.truncateToEndOffset):
   * to the common end of the same epoch, else to the end of the last local epoch below it.
   */
  divergenceTruncationPoint(leaderEnd: OffsetAndEpoch): number {
    const local = this.endOffsetForEpoch(leaderEnd.epoch);
    return local.epoch === leaderEnd.epoch ? Math.min(local.offset, leaderEnd.offset) : local.offset;
  }
}
