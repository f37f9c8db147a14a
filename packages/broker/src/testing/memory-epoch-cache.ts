/**
 * The leader-epoch cache of a MemoryLog: LeaderEpochCache's rules (assign, truncation from either
 * end, the KIP-279 lookup) without its checkpoint file. PartitionLog persists the cache on every
 * change, so after a crash it holds exactly what it held before, cut at the surviving log end; this
 * cache survives a simulated crash the same way (MemoryLog cuts it with truncateFromEnd).
 */
import { UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET, type EpochEndOffset, type EpochEntry } from '../log/leader-epoch-cache';

export class MemoryEpochCache {
  private entries: EpochEntry[] = [];

  get all(): readonly EpochEntry[] {
    return this.entries;
  }

  get latest(): EpochEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  /** LeaderEpochCache.assign: a no-op for the latest epoch unless its start moves earlier; entries that would break monotonicity go first. */
  assign(epoch: number, startOffset: number): void {
    if (epoch < 0 || startOffset < 0) return;
    const latest = this.latest;
    if (latest !== undefined && latest.epoch === epoch && latest.startOffset <= startOffset) return;
    this.entries = this.entries.filter((e) => e.epoch < epoch && e.startOffset < startOffset);
    this.entries.push({ epoch, startOffset });
  }

  /** After truncating the log to `endOffset`: forget epochs that start at or after it. */
  truncateFromEnd(endOffset: number): void {
    this.entries = this.entries.filter((e) => e.startOffset < endOffset);
  }

  /** LeaderEpochCache.truncateFromStart: epochs ending before `startOffset` go; the one spanning it starts there. */
  truncateFromStart(startOffset: number): void {
    const spanning = this.entries.filter((e) => e.startOffset <= startOffset).pop();
    if (spanning === undefined) return;
    this.entries = [{ epoch: spanning.epoch, startOffset }, ...this.entries.filter((e) => e.startOffset > startOffset)];
  }

  clear(): void {
    this.entries = [];
  }

  /** LeaderEpochCache.endOffsetFor: the largest epoch ≤ requested and where it ends (the next epoch's start, or the log end). */
  endOffsetFor(requested: number, logEndOffset: number): EpochEndOffset {
    const undefinedAnswer = { epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
    const latest = this.latest;
    if (requested === UNDEFINED_EPOCH || latest === undefined) return undefinedAnswer;
    if (latest.epoch === requested) return { epoch: requested, endOffset: logEndOffset };
    const higherIndex = this.entries.findIndex((e) => e.epoch > requested);
    if (higherIndex < 0) return undefinedAnswer;
    const higher = this.entries[higherIndex]!;
    const floor = this.entries[higherIndex - 1];
    return floor === undefined ? { epoch: requested, endOffset: higher.startOffset } : { epoch: floor.epoch, endOffset: higher.startOffset };
  }
}
