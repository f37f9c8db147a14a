/**
 * A new replica's log that exists only in memory until its first record: no directory, no files,
 * no descriptor. A broker handed 20,000 new replicas by one CreateTopics — most of which may never
 * see a record — otherwise creates 80,000 directory entries at once, and on a disk that throttles
 * metadata writes that took a millisecond each, for minutes. The first write that needs the disk
 * (an append, a restart at another offset) creates the log there and hands everything to it; an
 * epoch registered meanwhile goes with it. Until then it answers as the empty log it is.
 *
 * If the files cannot be created then (no descriptor, no space), that write fails with the typed
 * LogFileOpenError, nothing is left on disk, and the next write tries again.
 */
import { LeaderEpochCache, type EpochEndOffset } from './leader-epoch-cache';
import { resolveLogConfig, type LogConfig } from './log-config';
import { KafkaStorageError, OffsetOutOfRangeError } from './log-errors';
import type { OffsetAndTimestamp } from './log-segment';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, type AppendInfo, type PartitionLog, type RetentionResult } from './partition-log';
import type { ReplicaLog } from './replica-log';
import type { ProducerEntry } from './producer-state';

export class LazyPartitionLog implements ReplicaLog {
  private real: PartitionLog | null = null;
  private closed = false;
  /** Epochs registered before the log existed: the cache of an empty log, never written here. */
  private readonly epochs: LeaderEpochCache;
  private overrides: Partial<LogConfig>;

  constructor(
    readonly dir: string,
    overrides: Partial<LogConfig>,
    /** Creates the log on disk with these settings (its directory, partition.metadata, first segment). */
    private readonly create: (overrides: Partial<LogConfig>) => PartitionLog,
    epochs: LeaderEpochCache,
  ) {
    this.overrides = overrides;
    this.epochs = epochs;
  }

  /** The log on disk, once a record made it; null before. */
  get created(): PartitionLog | null {
    return this.real;
  }

  get logStartOffset(): number {
    return this.real?.logStartOffset ?? 0;
  }

  get logEndOffset(): number {
    return this.real?.logEndOffset ?? 0;
  }

  get size(): number {
    return this.real?.size ?? 0;
  }

  get recoveryPoint(): number {
    return this.real?.recoveryPoint ?? 0;
  }

  get latestEpoch(): number | undefined {
    return this.real === null ? this.epochs.latest?.epoch : this.real.latestEpoch;
  }

  append(batchBytes: Uint8Array, leaderEpoch: number): AppendInfo {
    return this.ensureCreated().append(batchBytes, leaderEpoch);
  }

  appendAsFollower(batches: Uint8Array): AppendInfo | undefined {
    if (this.real === null && batches.length === 0) return undefined;
    return this.ensureCreated().appendAsFollower(batches);
  }

  read(offset: number, maxBytes: number): Uint8Array {
    if (this.real !== null) return this.real.read(offset, maxBytes);
    this.ensureOpen();
    if (offset !== 0) throw new OffsetOutOfRangeError(offset, 0, 0);
    return new Uint8Array(0);
  }

  offsetForTimestamp(timestamp: number): OffsetAndTimestamp | undefined {
    if (this.real !== null) return this.real.offsetForTimestamp(timestamp);
    this.ensureOpen();
    return timestamp === LATEST_TIMESTAMP || timestamp === EARLIEST_TIMESTAMP ? { offset: 0, timestamp: -1 } : undefined;
  }

  truncateTo(offset: number): number {
    if (this.real !== null) return this.real.truncateTo(offset);
    this.ensureOpen();
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`truncation offset must be a non-negative integer, got ${offset}`);
    // As PartitionLog does at its log end: an epoch registered and never written in goes.
    this.epochs.truncateFromEnd(0);
    return 0;
  }

  truncateFullyAndStartAt(offset: number): void {
    this.ensureCreated().truncateFullyAndStartAt(offset);
  }

  advanceLogStartOffset(offset: number): boolean {
    if (this.real !== null) return this.real.advanceLogStartOffset(offset);
    this.ensureOpen();
    if (!Number.isSafeInteger(offset) || offset > 0) throw new OffsetOutOfRangeError(offset, 0, 0);
    return false;
  }

  endOffsetForEpoch(epoch: number): EpochEndOffset {
    if (this.real !== null) return this.real.endOffsetForEpoch(epoch);
    this.ensureOpen();
    return this.epochs.endOffsetFor(epoch, 0);
  }

  assignEpochStartOffset(epoch: number, startOffset: number): void {
    if (this.real !== null) {
      this.real.assignEpochStartOffset(epoch, startOffset);
      return;
    }
    this.ensureOpen();
    this.epochs.assignLeaderEpoch(epoch, startOffset);
  }

  activeProducers(): readonly ProducerEntry[] {
    return this.real?.activeProducers() ?? [];
  }

  /** Nothing to flush before the first record. */
  flush(): void {
    this.real?.flush();
  }

  async flushAsync(): Promise<void> {
    await this.real?.flushAsync();
  }

  reconfigure(overrides: Partial<LogConfig>): void {
    if (this.real !== null) {
      this.real.reconfigure(overrides);
      return;
    }
    // Checked now, as PartitionLog would: an invalid value throws RangeError and changes nothing.
    resolveLogConfig({ ...this.overrides, ...overrides });
    this.overrides = { ...this.overrides, ...overrides };
  }

  deleteOldSegments(): RetentionResult {
    return this.real?.deleteOldSegments() ?? { deletedSegments: [], logStartOffset: 0 };
  }

  close(options: { readonly flush?: boolean } = {}): void {
    this.closed = true;
    this.real?.close(options);
  }

  private ensureCreated(): PartitionLog {
    if (this.real !== null) return this.real;
    this.ensureOpen();
    const real = this.create(this.overrides);
    for (const { epoch, startOffset } of this.epochs.all) real.assignEpochStartOffset(epoch, startOffset);
    this.real = real;
    return real;
  }

  private ensureOpen(): void {
    if (this.closed) throw new KafkaStorageError(`the log in ${this.dir} is closed`);
  }
}
