/**
 * The log of one partition replica: a directory of segments, the
 * leader-epoch checkpoint and idempotent producers' state with its snapshots
 * (Kafka's UnifiedLog/LocalLog, minus transactions). All file I/O is synchronous: a partition log has a
 * single writer, and sync calls keep every state change atomic with respect
 * to the event loop.
 *
 * Descriptors: the log holds none of its own. Its segments take them from a
 * FileHandlePool (the process's by default) on first use, and the pool
 * closes the least recently used when its cap is reached, so the number of
 * replicas a broker can host is not bounded by `ulimit -n`.
 *
 * Durability: appends only write to the page cache; data is durable once
 * flush() returned (Kafka leaves flushing to the OS by default and relies on
 * replication). Rolled segments are fsynced when they roll, so recovery only
 * needs to scan the active segment.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorruptRecordError, iterateBatches, stampBatch } from '@kz/records';
import { checkContinuesLog, checkProducerAppend, emptyLogRestartOffset, validatedBatches, type PositionedBatch } from './append-validation';
import { LeaderEpochCache, type EpochEndOffset, type EpochEntry } from './leader-epoch-cache';
import { resolveLogConfig, type LogConfig } from './log-config';
import { FileHandlePool } from './file-handle-pool';
import { FencedLeaderEpochError, KafkaStorageError, OffsetOutOfRangeError, type CorruptCheckpointError } from './log-errors';
import { loadLogStartCheckpoint, logStartNeedsCheckpoint, writeLogStartCheckpoint } from './log-start-checkpoint';
import { LogSegment, type BatchSummary, type OffsetAndTimestamp, type RecoveryTruncation } from './log-segment';
import { ProducerSnapshots } from './producer-snapshots';
import { isIdempotent, ProducerStateTable, type ProducerEntry } from './producer-state';
import { INDEX_SUFFIX, TIME_INDEX_SUFFIX, parseSegmentLogName, segmentPaths } from './segment-files';

/** ListOffsets sentinels (ListOffsetsRequest.LATEST_TIMESTAMP / EARLIEST_TIMESTAMP). */
export const LATEST_TIMESTAMP = -1;
export const EARLIEST_TIMESTAMP = -2;
/** KIP-734: the record with the largest timestamp (ListOffsetsRequest.MAX_TIMESTAMP). */
export const MAX_TIMESTAMP = -3;

export interface AppendInfo {
  baseOffset: number;
  lastOffset: number;
  /** An idempotent producer's retry of a batch the log holds: these are the original's offsets, nothing was written. */
  duplicate?: boolean;
}

/** Bytes read at a time when producer state is rebuilt from the log. */
const REPLAY_CHUNK_BYTES = 1024 * 1024;

export interface RetentionResult {
  /** Base offsets of the deleted segments, oldest first. */
  deletedSegments: number[];
  logStartOffset: number;
}

export class PartitionLog {
  private readonly segments: LogSegment[];
  private closed = false;
  private flushedOffset: number;
  /** Paths to fsync with the next flush (syncWithNextFlush, a new segment's directory entry). */
  private readonly pendingSyncs = new Set<string>();
  /** Bumped by every truncation: an fsync that started before one cannot vouch for what follows it. */
  private truncations = 0;
  /** The async flush running now, for callers it covers to share (flushAsync). */
  private flushInFlight: { readonly target: number; readonly truncations: number; readonly done: Promise<void> } | null = null;
  private producers = new ProducerStateTable();
  /** Producer snapshots found unreadable and discarded since the log opened, for the caller to log. */
  readonly discardedSnapshots: string[] = [];
  /** See logStartOffset. */
  private startOffset: number;
  /** What the log-start checkpoint holds (undefined: no file). */
  private checkpointedStart: number | undefined;

  private constructor(
    readonly dir: string,
    private readonly files: FileHandlePool,
    private currentConfig: LogConfig,
    segments: LogSegment[],
    private readonly epochs: LeaderEpochCache,
    private readonly snapshots: ProducerSnapshots,
    /** What recovery cut on open, so the caller can log where; empty after a clean open. */
    readonly recovery: readonly RecoveryTruncation[],
    checkpointedStart: number | undefined,
    /** A log-start checkpoint refused on open (the log then starts at its first segment's base), for the caller to log. */
    readonly discardedLogStartCheckpoint: CorruptCheckpointError | null,
  ) {
    this.segments = segments;
    this.flushedOffset = this.logEndOffset;
    this.checkpointedStart = checkpointedStart;
    this.startOffset = Math.max(segments[0]!.baseOffset, checkpointedStart ?? 0);
  }

  get config(): LogConfig {
    return this.currentConfig;
  }

  /**
   * New settings (a topic's configs changed): they apply from the next append, roll and retention
   * check on. Invalid values throw RangeError and change nothing.
   */
  reconfigure(overrides: Partial<LogConfig>): void {
    this.currentConfig = resolveLogConfig({ ...this.currentConfig, ...overrides });
  }

  /**
   * Opens (creating if needed) the log in `dir`. Closed segments are trusted
   * (their indexes are rebuilt only if missing or insane); the active segment
   * is scanned with CRC checks and cut at its first bad batch.
   *
   * When it returns, the log holds descriptors only through `files`; when it
   * throws (a typed LogFileOpenError if a file would not open), it holds none.
   */
  static open(dir: string, overrides: Partial<LogConfig> = {}, files: FileHandlePool = FileHandlePool.processWide()): PartitionLog {
    const config = resolveLogConfig(overrides);
    fs.mkdirSync(dir, { recursive: true });
    return PartitionLog.openExisting(dir, config, files);
  }

  /**
   * A new, empty log in `dir`, a directory the caller has just created and that holds nothing of a
   * log: nothing to list, recover or load. Throws LogFileOpenError if its first segment cannot be
   * created, holding no descriptor then.
   */
  static createInEmptyDir(dir: string, overrides: Partial<LogConfig> = {}, files: FileHandlePool = FileHandlePool.processWide()): PartitionLog {
    const config = resolveLogConfig(overrides);
    const segment = LogSegment.create(files, dir, 0, config.indexIntervalBytes, config.now(), { freshDir: true });
    return new PartitionLog(dir, files, config, [segment], LeaderEpochCache.empty(dir, files), ProducerSnapshots.none(dir, files), [], undefined, null);
  }

  private static openExisting(dir: string, config: LogConfig, files: FileHandlePool): PartitionLog {
    const now = config.now();
    const names = fs.readdirSync(dir);
    for (const name of names) {
      // A temp checkpoint is from a write that never reached its rename; the old file stands.
      if (name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true });
    }
    const bases = names.map(parseSegmentLogName).filter((b): b is number => b !== undefined).sort((a, b) => a - b);
    removeOrphanIndexes(dir, names, new Set(bases));

    const segments: LogSegment[] = [];
    try {
      const log = PartitionLog.load(dir, files, config, now, bases, segments, ProducerSnapshots.fromListing(dir, files, names));
      // A start past everything recovery kept (records above it were never flushed): the log is
      // empty from there, as Kafka's LogLoader restarts it at its log-start checkpoint.
      if (log.startOffset > log.logEndOffset) log.truncateFullyAndStartAt(log.startOffset);
      log.rebuildProducerState();
      return log;
    } catch (e) {
      for (const segment of segments) segment.close();
      throw e;
    }
  }

  /** open() past the directory listing; every segment it opens is in `segments`, for open() to close on failure. */
  private static load(dir: string, files: FileHandlePool, config: LogConfig, now: number, bases: number[], segments: LogSegment[], snapshots: ProducerSnapshots): PartitionLog {
    const recovery: RecoveryTruncation[] = [];
    const recoveredEpochs: EpochEntry[] = [];
    for (let i = 0; i < bases.length; i++) {
      const base = bases[i]!;
      const next = bases[i + 1];
      const opened =
        next === undefined
          ? LogSegment.openActive(files, dir, base, config.indexIntervalBytes, now, (epoch, startOffset) => recoveredEpochs.push({ epoch, startOffset }))
          : LogSegment.openClosed(files, dir, base, next, config.indexIntervalBytes, now);
      segments.push(opened.segment);
      if (opened.truncation) recovery.push(opened.truncation);
      if (next !== undefined && opened.segment.nextOffset !== next) {
        // A damaged closed segment leaves a hole; nothing after a hole is reachable, so it goes.
        for (const later of bases.slice(i + 1)) {
          for (const file of Object.values(segmentPaths(dir, later))) fs.rmSync(file, { force: true });
        }
        break;
      }
    }
    if (segments.length === 0) segments.push(LogSegment.create(files, dir, 0, config.indexIntervalBytes, now));

    const epochs = LeaderEpochCache.load(dir, files);
    const logEnd = segments[segments.length - 1]!.nextOffset;
    // The checkpoint may run ahead of what survived recovery (KIP-101: never keep an epoch past the log end).
    epochs.truncateFromEnd(logEnd);
    const start = loadLogStartCheckpoint(dir, files);
    const logStart = Math.max(segments[0]!.baseOffset, start.offset ?? 0);
    recoveredEpochs.forEach((e, i) => {
      // Batches wholly below the log start are deleted records (DeleteRecords) that the active
      // segment still holds: their epoch says nothing about the log, which may now be empty.
      if ((recoveredEpochs[i + 1]?.startOffset ?? logEnd) <= logStart) return;
      const latest = epochs.latest;
      if (e.epoch >= 0 && (latest === undefined || e.epoch > latest.epoch)) epochs.assign(e.epoch, e.startOffset);
    });
    epochs.truncateFromStart(logStart);
    return new PartitionLog(dir, files, config, segments, epochs, snapshots, recovery, start.offset, start.discarded ?? null);
  }

  /**
   * The first offset the log serves. Usually the first segment's base; above it once records were
   * deleted inside that segment (DeleteRecords) or a follower followed its leader's start. Reads
   * below it are OFFSET_OUT_OF_RANGE; the batch holding it may still hold records below it, which
   * stay in the file until their segment goes, as in Kafka.
   */
  get logStartOffset(): number {
    return this.startOffset;
  }

  get logEndOffset(): number {
    return this.active.nextOffset;
  }

  /** Offsets below this were fsynced by flush() (or by a roll). */
  get recoveryPoint(): number {
    return this.flushedOffset;
  }

  /** Bytes of batches across all segments. */
  get size(): number {
    return this.segments.reduce((n, s) => n + s.size, 0);
  }

  get segmentBaseOffsets(): number[] {
    return this.segments.map((s) => s.baseOffset);
  }

  get latestEpoch(): number | undefined {
    return this.epochs.latest?.epoch;
  }

  get epochEntries(): readonly EpochEntry[] {
    return this.epochs.all;
  }

  /** The idempotent producers this log knows, for DescribeProducers. */
  activeProducers(): readonly ProducerEntry[] {
    return [...this.producers.entries()];
  }

  private get active(): LogSegment {
    return this.segments[this.segments.length - 1]!;
  }

  /**
   * Leader append: validates every batch (framing, CRC, size) before writing
   * any, registers `leaderEpoch` in the epoch cache at the log end, then
   * stamps each batch with its base offset and the epoch. Those two fields sit
   * outside the CRC, so the producer's bytes are otherwise stored verbatim.
   * They are stamped in place: the caller hands its buffer over (a produce
   * request's frame), which saves a copy of every produced byte.
   */
  append(bytes: Uint8Array, leaderEpoch: number): AppendInfo {
    this.ensureOpen();
    const headers = this.validate(bytes);
    if (headers.length === 0) throw new CorruptRecordError('a produce append must carry at least one record batch');
    const latest = this.epochs.latest;
    if (latest !== undefined && leaderEpoch < latest.epoch) throw new FencedLeaderEpochError(leaderEpoch, latest.epoch);
    const check = checkProducerAppend(headers, this.producers);
    if (check.duplicate) return { baseOffset: check.firstOffset, lastOffset: check.lastOffset, duplicate: true };
    const baseOffset = this.logEndOffset;
    this.epochs.assign(leaderEpoch, baseOffset);
    let offset = baseOffset;
    for (const { at, header } of headers) {
      stampBatch(bytes, offset, leaderEpoch, at);
      const lastOffset = offset + header.lastOffsetDelta;
      this.appendBatch(bytes.subarray(at, at + header.sizeInBytes), { baseOffset: offset, lastOffset, maxTimestamp: header.maxTimestamp, sizeInBytes: header.sizeInBytes });
      if (isIdempotent(header)) this.producers.record(header, offset, lastOffset);
      offset = lastOffset + 1;
    }
    return { baseOffset, lastOffset: offset - 1 };
  }

  /**
   * Follower append: batches keep the leader's offsets and epochs, and must
   * continue the log exactly (first base offset = log end, no gaps); a
   * mismatch means the follower must truncate and refetch. Returns undefined
   * for an empty fetch.
   */
  appendAsFollower(batches: Uint8Array): AppendInfo | undefined {
    this.ensureOpen();
    const headers = this.validate(batches);
    const restartAt = emptyLogRestartOffset(headers, this.logStartOffset, this.logEndOffset);
    if (restartAt !== undefined) {
      // The leader's start lies inside its first batch, which comes whole: the segments restart at
      // the batch's base and the start stays where it is (Kafka's Partition.appendRecordsToFollower
      // restarts the log there and lets the next fetch answer move the start up again).
      this.restartSegmentsAt(restartAt);
      this.moveLogStart(this.startOffset);
    }
    const expected = checkContinuesLog(headers, this.logEndOffset);
    const first = headers[0];
    if (first === undefined) return undefined;
    for (const { at, header } of headers) {
      this.epochs.assign(header.partitionLeaderEpoch, header.baseOffset);
      this.appendBatch(batches.subarray(at, at + header.sizeInBytes), header);
      if (isIdempotent(header)) this.producers.record(header, header.baseOffset, header.lastOffset);
    }
    return { baseOffset: first.header.baseOffset, lastOffset: expected - 1 };
  }

  private validate(bytes: Uint8Array): PositionedBatch[] {
    return validatedBatches(bytes, Math.min(this.config.maxMessageBytes, this.config.segmentBytes));
  }


  private appendBatch(bytes: Uint8Array, batch: BatchSummary): void {
    if (this.shouldRoll(batch)) this.roll();
    this.active.append(bytes, batch);
  }

  /**
   * Kafka's maybeRoll: a non-empty active segment rolls when the batch would
   * push it past segment.bytes, or when segment.ms has passed since its
   * first batch — measured between batch timestamps when both have one
   * (Kafka's rollingBasedTimestamp), else by the wall clock since creation.
   */
  private shouldRoll(batch: BatchSummary): boolean {
    const active = this.active;
    if (active.size === 0) return false;
    if (active.size + batch.sizeInBytes > this.config.segmentBytes) return true;
    const first = active.firstBatchTimestamp;
    const waited = first !== undefined && first >= 0 && batch.maxTimestamp >= 0 ? batch.maxTimestamp - first : this.config.now() - active.createdMs;
    return waited > this.config.segmentMs;
  }

  /** Starts a new active segment at the log end (no-op when the active segment is empty). Returns its base offset. */
  roll(): number {
    this.ensureOpen();
    const active = this.active;
    if (active.size === 0) return active.baseOffset;
    // The rolled segment is fsynced now, so what makes its records findable must be durable first.
    this.persistPendingSync();
    active.onBecomeInactive();
    // The rolled segment was just fsynced, and it held everything up to the log end.
    this.flushedOffset = active.nextOffset;
    const next = LogSegment.create(this.files, this.dir, active.nextOffset, this.config.indexIntervalBytes, this.config.now());
    this.segments.push(next);
    // The new segment's directory entry is made durable with the next flush.
    this.pendingSyncs.add(this.dir);
    // Everything below the new segment is durable: a snapshot there bounds replay to the active segment.
    this.snapshots.write(next.baseOffset, this.producers);
    return next.baseOffset;
  }

  /**
   * Files and directories (a new replica's directory entry, its partition.metadata) to fsync with
   * the flush that first makes records durable, rather than one by one when the replica is created:
   * a replica nothing durable was written to has nothing to lose.
   */
  syncWithNextFlush(paths: readonly string[]): void {
    for (const p of paths) this.pendingSyncs.add(p);
  }

  /**
   * fsync up to the log end; only flushed data survives a crash. A log with nothing unflushed does
   * nothing: a broker made leader of thousands of fresh partitions at once must not fsync each.
   */
  flush(): void {
    this.ensureOpen();
    if (this.flushedOffset >= this.logEndOffset) return;
    this.persistPendingSync();
    this.active.flush();
    this.flushedOffset = this.logEndOffset;
  }

  /**
   * flush() without blocking the event loop: the fsyncs (the segment, an epoch checkpoint not yet
   * written, pending directory entries) run on the thread pool together and the recovery point moves
   * when all are done — unless a truncation happened meanwhile, since what the fsync covered may no
   * longer be the log. A log closed meanwhile resolves without moving it.
   *
   * A flush already running that covers this log end is shared rather than doubled: a follower's
   * fetcher flushes what its last fetch appended while its broker's loop flushes the same appends,
   * and two fsyncs of one file at once only queue behind each other on the disk, each waiting for
   * its own journal commit. One that covers less (appends or a truncation since it began) is waited
   * for, then this caller flushes the rest.
   */
  async flushAsync(): Promise<void> {
    this.ensureOpen();
    for (;;) {
      if (this.flushedOffset >= this.logEndOffset) return;
      const running = this.flushInFlight;
      if (running === null) break;
      if (running.truncations === this.truncations && running.target >= this.logEndOffset) return running.done;
      // Its outcome is its own callers'; this caller's appends get a flush of their own either way.
      await running.done.catch(() => undefined);
      if (this.closed) return;
    }
    const flush = { target: this.logEndOffset, truncations: this.truncations, done: this.syncToLogEnd() };
    this.flushInFlight = flush;
    try {
      await flush.done;
    } finally {
      if (this.flushInFlight === flush) this.flushInFlight = null;
    }
  }

  private async syncToLogEnd(): Promise<void> {
    const target = this.logEndOffset;
    const truncations = this.truncations;
    const paths = [...this.pendingSyncs];
    // Every part is waited for, failed or not: a flush that answered while one of its writes was
    // still running could see that write land after a reopen or a delete of this directory.
    const outcomes = await Promise.allSettled([this.active.flushAsync(), this.epochs.persistAsync(), ...paths.map((p) => this.files.fsyncAsync(p))]);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed !== undefined) {
      if (this.closed) return;
      throw failed.reason;
    }
    for (const p of paths) this.pendingSyncs.delete(p);
    if (this.closed || truncations !== this.truncations) return;
    this.flushedOffset = Math.max(this.flushedOffset, Math.min(target, this.logEndOffset));
  }

  /** The epoch checkpoint and pending directory entries, durable now (before a segment's fsync). */
  private persistPendingSync(): void {
    this.epochs.persistSync();
    for (const p of [...this.pendingSyncs]) {
      this.files.fsync(p);
      this.pendingSyncs.delete(p);
    }
  }

  /**
   * Whole batches from the one holding `offset`, up to maxBytes (at least one
   * batch). Empty at the log end; OFFSET_OUT_OF_RANGE outside
   * [logStartOffset, logEndOffset].
   */
  read(offset: number, maxBytes: number): Uint8Array {
    this.ensureOpen();
    if (!Number.isSafeInteger(offset) || offset < this.logStartOffset || offset > this.logEndOffset) {
      throw new OffsetOutOfRangeError(offset, this.logStartOffset, this.logEndOffset);
    }
    for (let i = this.segmentIndexFor(offset); i < this.segments.length; i++) {
      const bytes = this.segments[i]!.read(offset, maxBytes);
      if (bytes.length > 0) return bytes;
    }
    return new Uint8Array(0);
  }

  /**
   * ListOffsets by time: the first record whose timestamp is >= `timestamp`,
   * or undefined if none is. LATEST_TIMESTAMP/EARLIEST_TIMESTAMP answer the
   * log end/start with timestamp -1.
   */
  offsetForTimestamp(timestamp: number): OffsetAndTimestamp | undefined {
    this.ensureOpen();
    if (timestamp === LATEST_TIMESTAMP) return { offset: this.logEndOffset, timestamp: -1 };
    if (timestamp === EARLIEST_TIMESTAMP) return { offset: this.logStartOffset, timestamp: -1 };
    if (timestamp === MAX_TIMESTAMP) {
      // The first segment holding the largest timestamp, and in it the first record that has it.
      let max = -1;
      for (const segment of this.segments) max = Math.max(max, segment.maxTimestamp);
      if (max < 0) return undefined;
      for (const segment of this.segments) if (segment.maxTimestamp === max) return segment.findOffsetByTimestamp(max);
      return undefined;
    }
    for (const segment of this.segments) {
      if (segment.maxTimestamp < timestamp) continue;
      const found = segment.findOffsetByTimestamp(timestamp, this.startOffset);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Follower truncation (KIP-101/279): drops every batch holding an offset >=
   * `offset`, at batch granularity, so the new log end is the start of the
   * batch holding `offset` (<= offset). Epochs starting at or after the new
   * end leave the cache. Below the log start the log is emptied and restarts
   * at `offset`. Returns the new log end.
   */
  truncateTo(offset: number): number {
    this.ensureOpen();
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`truncation offset must be a non-negative integer, got ${offset}`);
    if (offset >= this.logEndOffset) {
      // An epoch registered on becoming leader and never written in starts at the log end: drop it
      // (as Kafka's UnifiedLog.truncateTo does), or this follower keeps naming it as its last fetched
      // epoch and is told to truncate here, forever.
      this.epochs.truncateFromEnd(this.logEndOffset);
      return this.logEndOffset;
    }
    if (offset < this.logStartOffset) {
      this.truncateFullyAndStartAt(offset);
      return offset;
    }
    this.truncations++;
    const keep = this.segmentIndexFor(offset);
    for (const segment of this.segments.splice(keep + 1)) segment.deleteFiles();
    const active = this.active;
    active.truncateTo(offset);
    if (active.size === 0) active.createdMs = this.config.now();
    this.epochs.truncateFromEnd(this.logEndOffset);
    this.flushedOffset = Math.min(this.flushedOffset, this.logEndOffset);
    // Truncation is by whole batches: the batch holding a start inside it may go, and the start with it.
    if (this.startOffset > this.logEndOffset) this.moveLogStart(this.logEndOffset);
    this.rebuildProducerState();
    return this.logEndOffset;
  }

  /** Deletes every segment and restarts the (empty) log at `offset`. */
  truncateFullyAndStartAt(offset: number): void {
    this.ensureOpen();
    this.restartSegmentsAt(offset);
    this.moveLogStart(offset);
  }

  /** truncateFullyAndStartAt without moving the log start. */
  private restartSegmentsAt(offset: number): void {
    this.truncations++;
    for (const segment of this.segments.splice(0)) segment.deleteFiles();
    this.segments.push(LogSegment.create(this.files, this.dir, offset, this.config.indexIntervalBytes, this.config.now()));
    this.epochs.clear();
    this.flushedOffset = offset;
    this.snapshots.deleteAbove(-1);
    this.producers = new ProducerStateTable();
  }

  /**
   * Moves the log start up to `offset` (Kafka's maybeIncrementLogStartOffset): DeleteRecords on a
   * leader, a follower following its leader's start. The new start is durable before anything
   * below it is deleted; then the segments wholly below it go, and the epoch cache and producer
   * snapshots forget what lies before it. An offset at or below the start changes nothing (false);
   * one past the log end is OFFSET_OUT_OF_RANGE. The caller holds it to the high watermark.
   */
  advanceLogStartOffset(offset: number): boolean {
    this.ensureOpen();
    if (!Number.isSafeInteger(offset) || offset > this.logEndOffset) throw new OffsetOutOfRangeError(offset, this.startOffset, this.logEndOffset);
    if (offset <= this.startOffset) return false;
    this.moveLogStart(offset);
    while (this.segments.length > 1 && this.segments[1]!.baseOffset <= offset) this.segments.shift()!.deleteFiles();
    this.epochs.truncateFromStart(offset);
    // Producer state is what the log from its start holds, here as after any restart: without this
    // a producer seen only in deleted records lived on until the next restart and vanished then (or
    // not, if a snapshot had been written meanwhile). Every snapshot so far counted deleted records,
    // so all go; the table is trimmed in place (a replay would read the whole remaining log, on the
    // request's turn). The memory model rebuilds instead, so the model test checks the two agree.
    this.snapshots.deleteBelow(this.logEndOffset + 1);
    this.producers.retainFrom(offset);
    return true;
  }

  /** Sets the start, checkpointing it first when a reopened log would not find it otherwise. */
  private moveLogStart(offset: number): void {
    if (logStartNeedsCheckpoint(offset, this.segments[0]!.baseOffset, this.checkpointedStart)) {
      writeLogStartCheckpoint(this.dir, this.files, offset);
      this.checkpointedStart = offset;
    }
    this.startOffset = offset;
  }

  /**
   * Producer state as the log holds it: from the newest readable snapshot at or below the log end
   * (snapshots above it describe records that are gone), then every batch after it.
   */
  private rebuildProducerState(): void {
    const end = this.logEndOffset;
    this.snapshots.deleteAbove(end);
    const snapshot = this.snapshots.latestAtOrBelow(end, (file, error) => this.discardedSnapshots.push(`${file}: ${error.message}`));
    let offset = this.logStartOffset;
    this.producers = new ProducerStateTable();
    if (snapshot !== undefined && snapshot.offset >= offset) {
      this.producers = snapshot.table;
      offset = snapshot.offset;
    }
    while (offset < end) {
      const bytes = this.read(offset, REPLAY_CHUNK_BYTES);
      if (bytes.length === 0) break;
      for (const { header } of iterateBatches(bytes)) {
        if (isIdempotent(header)) this.producers.record(header, header.baseOffset, header.lastOffset);
        offset = header.lastOffset + 1;
      }
    }
  }

  /**
   * A new leader registers its epoch as starting at its log end before any append (Kafka's
   * maybeAssignEpochStartOffset). Without it, followers holding records of an epoch between its
   * last one and the new one could not be told where their logs diverge.
   */
  assignEpochStartOffset(epoch: number, startOffset: number): void {
    this.ensureOpen();
    this.epochs.assignLeaderEpoch(epoch, startOffset);
  }

  /** KIP-279 OffsetForLeaderEpoch answer from the epoch cache; -1/-1 when undefined. */
  endOffsetForEpoch(epoch: number): EpochEndOffset {
    this.ensureOpen();
    return this.epochs.endOffsetFor(epoch, this.logEndOffset);
  }

  /**
   * Retention: deletes whole closed segments, oldest first, never the active
   * one. By time, a segment goes when its largest timestamp (file mtime if it
   * has none) is more than retention.ms old; by size, while the log without
   * it would still be at least retention.bytes. The log start then moves to
   * the first remaining segment, and the epoch cache forgets what lies before.
   */
  deleteOldSegments(): RetentionResult {
    this.ensureOpen();
    const { retentionMs, retentionBytes } = this.config;
    const now = this.config.now();
    const deleted: number[] = [];
    const dropOldest = (): void => {
      const segment = this.segments.shift()!;
      deleted.push(segment.baseOffset);
      segment.deleteFiles();
    };
    if (retentionMs >= 0) {
      while (this.segments.length > 1) {
        const oldest = this.segments[0]!;
        const largest = oldest.maxTimestamp >= 0 ? oldest.maxTimestamp : oldest.lastModifiedMs();
        if (now - largest <= retentionMs) break;
        dropOldest();
      }
    }
    if (retentionBytes >= 0) {
      let excess = this.size - retentionBytes;
      while (this.segments.length > 1 && excess - this.segments[0]!.size >= 0) {
        excess -= this.segments[0]!.size;
        dropOldest();
      }
    }
    if (deleted.length > 0) {
      this.startOffset = Math.max(this.startOffset, this.segments[0]!.baseOffset);
      this.epochs.truncateFromStart(this.logStartOffset);
      this.snapshots.deleteBelow(this.logStartOffset);
    }
    this.producers.removeExpired(now, this.config.producerIdExpirationMs);
    return { deletedSegments: deleted, logStartOffset: this.logStartOffset };
  }

  /**
   * Flushes (unless told not to: the log is about to be deleted) and closes every file; the log
   * cannot be used afterwards.
   */
  close(options: { readonly flush?: boolean } = {}): void {
    if (this.closed) return;
    try {
      if (options.flush !== false) {
        this.flush();
        // A clean close leaves the epoch checkpoint exact even when no record was flushed after a
        // change to it (a full truncation, a new leader's epoch): the next open must not find
        // epochs this log no longer has.
        this.persistPendingSync();
        this.snapshotOnClose();
      }
    } finally {
      this.closed = true;
      // Even when the flush failed: a closed log must not keep descriptors, or files of a deleted replica, open.
      for (const segment of this.segments) segment.close();
    }
  }

  /**
   * A clean close leaves a snapshot at the log end, so the next open replays nothing. Best effort:
   * a snapshot that cannot be written (a full disk) only means a longer replay next time.
   */
  private snapshotOnClose(): void {
    const end = this.logEndOffset;
    if (end === this.logStartOffset || (this.snapshots.latestOffset ?? -1) >= end) return;
    try {
      this.snapshots.write(end, this.producers);
    } catch {
      // Nothing is lost: the log is flushed, and the state is rebuilt from it on open.
    }
  }

  /** Index of the last segment whose base offset is <= offset. */
  private segmentIndexFor(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segments[mid]!.baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private ensureOpen(): void {
    if (this.closed) throw new KafkaStorageError(`partition log ${this.dir} is closed`);
  }
}

function removeOrphanIndexes(dir: string, names: string[], bases: Set<number>): void {
  for (const name of names) {
    for (const suffix of [INDEX_SUFFIX, TIME_INDEX_SUFFIX]) {
      if (!name.endsWith(suffix)) continue;
      const base = parseSegmentLogName(name.slice(0, -suffix.length) + '.log');
      if (base !== undefined && !bases.has(base)) fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}
