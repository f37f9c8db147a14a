/**
 * A partition log in memory with a simulated disk: the ReplicaLog the broker simulation runs its
 * ReplicaManagers over. It behaves as PartitionLog does (a model test holds the two to the same
 * observable results) — the leader stamps base offsets and its epoch, a follower's batches must
 * continue the log exactly, truncation is at batch granularity, the epoch cache answers KIP-279
 * lookups — and adds what a real disk does on power loss: `crash()` drops every batch above the
 * recovery point, i.e. everything appended since the last flush, unless its damage says a torn
 * writeback kept part of it; a flipped bit or a torn batch is found by the CRC recovery that follows.
 * An fsync can fail (`failure`, set by MemoryLogDirectory). Truncation is taken as durable at once,
 * as PartitionLog's file truncation and checkpoint rewrite are.
 *
 * One segment only: the simulation never rolls or deletes segments, so reads never stop at a
 * segment end (PartitionLog.read does; the model test keeps PartitionLog to one segment too).
 */
import { CorruptRecordError, decodeRecordBatch, readBatchHeader, RecordsError, stampBatch, verifyBatchCrc, type DecodedRecord } from '@kz/records';
import { checkContinuesLog, checkProducerAppend, emptyLogRestartOffset, validatedBatches, type PositionedBatch } from '../log/append-validation';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, MAX_TIMESTAMP, type AppendInfo } from '../log/partition-log';
import type { EpochEndOffset, EpochEntry } from '../log/leader-epoch-cache';
import { DEFAULT_LOG_CONFIG, type LogConfig } from '../log/log-config';
import { FencedLeaderEpochError, KafkaStorageError, OffsetOutOfRangeError } from '../log/log-errors';
import type { OffsetAndTimestamp } from '../log/log-segment';
import { isIdempotent, ProducerStateTable, type ProducerEntry } from '../log/producer-state';
import type { ReplicaLog } from '../log/replica-log';
import { MemoryEpochCache } from './memory-epoch-cache';

/** One stored batch: its own copy of the bytes, and its records once someone asked for them. */
export interface StoredBatch {
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly epoch: number;
  readonly maxTimestamp: number;
  readonly bytes: Uint8Array;
}

/** A record as the log holds it, for invariants that compare logs record by record. */
export interface StoredRecord {
  readonly offset: number;
  /** The leader epoch of the batch that holds it. */
  readonly epoch: number;
  readonly value: Uint8Array | null;
}

export type MemoryLogConfig = Pick<LogConfig, 'maxMessageBytes' | 'segmentBytes'>;

/**
 * What a power loss did to the disk beyond losing the page cache (MemoryLogDirectory draws it). The
 * writeback of the unflushed tail may have reached the disk for some batches, the next one only in
 * part; a sector of the flushed part may read back with a flipped bit.
 */
export interface CrashDamage {
  /** Whole batches of the unflushed tail the disk holds anyway (written back before the power went). */
  readonly keptUnflushed?: number;
  /** Bytes of the batch after those that reached the disk: a torn write (0 or absent: none). */
  readonly tornBytes?: number;
  /** A flipped bit in a flushed batch, by batch index and a position in its CRC-covered bytes (0..1). */
  readonly flippedBit?: { readonly batch: number; readonly at: number };
}

/** The first byte a batch's CRC covers (the attributes; base offset, length, epoch, magic and the CRC precede it). */
const CRC_COVERED_FROM = 21;

export class MemoryLog implements ReplicaLog {
  private batches: StoredBatch[] = [];
  private readonly decoded = new WeakMap<StoredBatch, DecodedRecord[]>();
  private readonly epochs = new MemoryEpochCache();
  private producers = new ProducerStateTable();
  private startOffset = 0;
  private flushedOffset = 0;
  private closed = false;
  private readonly limit: number;
  private destructiveChanges = 0;
  /** Batches lost to crashes, for coverage. */
  lostOnCrash = 0;
  /** Unflushed batches a crash left on the disk whole, for coverage. */
  keptOnCrash = 0;
  /** Recoveries that cut a torn batch, and ones that cut at a batch whose CRC failed (a flipped bit), for coverage. */
  tornTailsCut = 0;
  corruptBatchesCut = 0;
  /**
   * The disk's fsync, as the process running on it sees it: `done` runs once the sync completes
   * (never, if the process dies first), with the error if it failed (EIO). Null: flushAsync syncs at once.
   */
  fsync: ((done: (error?: Error) => void) => void) | null = null;
  /**
   * Set once the disk failed an fsync (MemoryLogDirectory): every later flush fails the same way,
   * as a log directory Kafka marked offline takes no more I/O. A crash clears it (a new process).
   */
  failure: Error | null = null;

  constructor(config: Partial<MemoryLogConfig> = {}) {
    this.limit = Math.min(config.maxMessageBytes ?? DEFAULT_LOG_CONFIG.maxMessageBytes, config.segmentBytes ?? DEFAULT_LOG_CONFIG.segmentBytes);
  }

  get logStartOffset(): number {
    return this.startOffset;
  }

  get size(): number {
    return this.batches.reduce((n, b) => n + b.bytes.length, 0);
  }

  get logEndOffset(): number {
    const last = this.batches[this.batches.length - 1];
    return last === undefined ? this.startOffset : last.lastOffset + 1;
  }

  get recoveryPoint(): number {
    return this.flushedOffset;
  }

  get latestEpoch(): number | undefined {
    return this.epochs.latest?.epoch;
  }

  get epochEntries(): readonly EpochEntry[] {
    return this.epochs.all;
  }

  /**
   * Counts truncations and crashes: changes that remove or replace what was there, unlike appends.
   * An invariant that verified a prefix of this log can trust its work until this number moves.
   */
  get destructiveChangeCount(): number {
    return this.destructiveChanges;
  }

  /** The stored batches, oldest first (read-only views; the log keeps its own bytes). */
  get storedBatches(): readonly StoredBatch[] {
    return this.batches;
  }

  append(batchBytes: Uint8Array, leaderEpoch: number): AppendInfo {
    this.ensureOpen();
    const bytes = Uint8Array.from(batchBytes);
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
      this.store(bytes.slice(at, at + header.sizeInBytes), offset, lastOffset, leaderEpoch, header.maxTimestamp);
      if (isIdempotent(header)) this.producers.record(header, offset, lastOffset);
      offset = lastOffset + 1;
    }
    return { baseOffset, lastOffset: offset - 1 };
  }

  appendAsFollower(batches: Uint8Array): AppendInfo | undefined {
    this.ensureOpen();
    const headers = this.validate(batches);
    const restartAt = emptyLogRestartOffset(headers, this.startOffset, this.logEndOffset);
    if (restartAt !== undefined) {
      // As PartitionLog: the log restarts at the base of the batch holding its start, the start stays.
      this.destructiveChanges++;
      this.epochs.clear();
      this.flushedOffset = restartAt;
      this.producers = new ProducerStateTable();
    }
    const expected = checkContinuesLog(headers, restartAt ?? this.logEndOffset);
    const first = headers[0];
    if (first === undefined) return undefined;
    for (const { at, header } of headers) {
      this.epochs.assign(header.partitionLeaderEpoch, header.baseOffset);
      this.store(batches.slice(at, at + header.sizeInBytes), header.baseOffset, header.lastOffset, header.partitionLeaderEpoch, header.maxTimestamp);
      if (isIdempotent(header)) this.producers.record(header, header.baseOffset, header.lastOffset);
    }
    return { baseOffset: first.header.baseOffset, lastOffset: expected - 1 };
  }

  /** A new leader's epoch starts at its log end before any append (PartitionLog.assignEpochStartOffset). */
  assignEpochStartOffset(epoch: number, startOffset: number): void {
    this.ensureOpen();
    const latest = this.epochs.latest;
    if (latest !== undefined && epoch < latest.epoch) throw new FencedLeaderEpochError(epoch, latest.epoch);
    this.epochs.assign(epoch, startOffset);
  }

  read(offset: number, maxBytes: number): Uint8Array {
    this.ensureOpen();
    if (!Number.isSafeInteger(offset) || offset < this.startOffset || offset > this.logEndOffset) {
      throw new OffsetOutOfRangeError(offset, this.startOffset, this.logEndOffset);
    }
    const from = this.indexHolding(offset);
    if (from >= this.batches.length) return new Uint8Array(0);
    // The first batch always goes, even past maxBytes (KIP-74); later ones while the total fits.
    let size = this.batches[from]!.bytes.length;
    let to = from + 1;
    while (to < this.batches.length && size + this.batches[to]!.bytes.length <= maxBytes) size += this.batches[to++]!.bytes.length;
    const out = new Uint8Array(size);
    let at = 0;
    for (let i = from; i < to; i++) {
      out.set(this.batches[i]!.bytes, at);
      at += this.batches[i]!.bytes.length;
    }
    return out;
  }

  offsetForTimestamp(timestamp: number): OffsetAndTimestamp | undefined {
    this.ensureOpen();
    if (timestamp === LATEST_TIMESTAMP) return { offset: this.logEndOffset, timestamp: -1 };
    if (timestamp === EARLIEST_TIMESTAMP) return { offset: this.startOffset, timestamp: -1 };
    if (timestamp === MAX_TIMESTAMP) {
      // As Kafka (and PartitionLog): the record with the largest timestamp, even below a start inside its batch.
      const max = this.batches.reduce((m, b) => Math.max(m, b.maxTimestamp), -1);
      return max < 0 ? undefined : this.firstAtOrAfter(max, 0);
    }
    return this.firstAtOrAfter(timestamp, this.startOffset);
  }

  /** The first record at or after `from` whose timestamp is at least `timestamp` (LogSegment.findOffsetByTimestamp). */
  private firstAtOrAfter(timestamp: number, from: number): OffsetAndTimestamp | undefined {
    for (const batch of this.batches) {
      if (batch.maxTimestamp < timestamp || batch.lastOffset < from) continue;
      const records = this.recordsOf(batch);
      const record = records.find((r) => r.timestamp >= timestamp && r.offset >= from);
      if (record !== undefined) return { offset: record.offset, timestamp: record.timestamp };
      if (records.some((r) => r.timestamp >= timestamp)) continue;
      return { offset: Math.max(batch.baseOffset, from), timestamp: batch.maxTimestamp };
    }
    return undefined;
  }

  truncateTo(offset: number): number {
    this.ensureOpen();
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`truncation offset must be a non-negative integer, got ${offset}`);
    if (offset >= this.logEndOffset) {
      // As PartitionLog: an epoch registered at the log end and never written in goes.
      this.epochs.truncateFromEnd(this.logEndOffset);
      return this.logEndOffset;
    }
    if (offset < this.startOffset) {
      this.truncateFullyAndStartAt(offset);
      return offset;
    }
    this.destructiveChanges++;
    const cut = this.indexHolding(offset);
    const newEnd = this.batches[cut]?.baseOffset ?? this.logEndOffset;
    this.batches = this.batches.slice(0, cut);
    // As PartitionLog: a start inside the batch that went goes with it, to the new end.
    if (this.startOffset > newEnd) this.startOffset = newEnd;
    this.epochs.truncateFromEnd(this.logEndOffset);
    this.flushedOffset = Math.min(this.flushedOffset, this.logEndOffset);
    this.rebuildProducerState();
    return this.logEndOffset;
  }

  truncateFullyAndStartAt(offset: number): void {
    this.ensureOpen();
    this.destructiveChanges++;
    this.batches = [];
    this.startOffset = offset;
    this.epochs.clear();
    this.flushedOffset = offset;
    this.producers = new ProducerStateTable();
  }

  /** PartitionLog.advanceLogStartOffset: the start moves up durably; whole batches below it go. */
  advanceLogStartOffset(offset: number): boolean {
    this.ensureOpen();
    if (!Number.isSafeInteger(offset) || offset > this.logEndOffset) throw new OffsetOutOfRangeError(offset, this.startOffset, this.logEndOffset);
    if (offset <= this.startOffset) return false;
    this.destructiveChanges++;
    this.startOffset = offset;
    this.batches = this.batches.filter((b) => b.lastOffset >= offset);
    this.epochs.truncateFromStart(offset);
    this.rebuildProducerState();
    return true;
  }

  activeProducers(): readonly ProducerEntry[] {
    return [...this.producers.entries()];
  }

  endOffsetForEpoch(epoch: number): EpochEndOffset {
    this.ensureOpen();
    return this.epochs.endOffsetFor(epoch, this.logEndOffset);
  }

  flush(): void {
    this.ensureOpen();
    if (this.failure !== null) throw this.failure;
    this.flushedOffset = this.logEndOffset;
  }

  /**
   * flush() taking the fsync's time: what was appended when it began is durable once it completes,
   * unless the tail was cut meanwhile (then this sync made nothing more durable).
   */
  flushAsync(): Promise<void> {
    const fsync = this.fsync;
    if (fsync === null) {
      this.flush();
      return Promise.resolve();
    }
    this.ensureOpen();
    if (this.failure !== null) return Promise.reject(this.failure);
    const target = this.logEndOffset;
    const changes = this.destructiveChanges;
    return new Promise((resolve, reject) =>
      fsync((error) => {
        if (error !== undefined) {
          reject(error);
          return;
        }
        if (this.destructiveChanges === changes) this.flushedOffset = Math.max(this.flushedOffset, Math.min(target, this.logEndOffset));
        resolve();
      }),
    );
  }

  /** Closing flushes, as PartitionLog's close does, unless told not to; on a failed disk it fails as flush() does. */
  close(options: { readonly flush?: boolean } = {}): void {
    if (this.closed) return;
    try {
      if (options.flush !== false) this.flush();
    } finally {
      this.closed = true;
    }
  }

  /**
   * Power loss: every batch at or above the recovery point is gone — unless `damage` says the
   * writeback got some of them (whole, then one torn) to the disk — and a flushed batch may have a
   * flipped bit. Then recovery runs as PartitionLog's does on its active segment (MemoryLog's one
   * segment is that): every batch's framing and CRC are checked, and the log is cut at the first bad
   * one, since nothing after it can be framed. The epoch cache (durable, as PartitionLog's
   * checkpoint is) forgets the epochs that started in what went. The log is then open again, as the
   * next process finds it on disk. True if recovery cut a batch (what the broker reports at its
   * registration: RegisterBrokerRequest.damagedReplicas).
   */
  crash(damage: CrashDamage = {}): boolean {
    const flushed = this.batches.filter((b) => b.lastOffset < this.flushedOffset);
    const unflushed = this.batches.slice(flushed.length);
    const keep = Math.min(damage.keptUnflushed ?? 0, unflushed.length);
    const onDisk = [...flushed, ...unflushed.slice(0, keep)];
    const torn = unflushed[keep];
    const tornBytes = damage.tornBytes ?? 0;
    if (torn !== undefined && tornBytes > 0 && tornBytes < torn.bytes.length) onDisk.push({ ...torn, bytes: torn.bytes.slice(0, tornBytes) });
    const flip = damage.flippedBit;
    const flipped = flip === undefined ? undefined : flushed[flip.batch];
    if (flip !== undefined && flipped !== undefined && flipped.bytes.length > CRC_COVERED_FROM) {
      const bytes = Uint8Array.from(flipped.bytes);
      const bit = Math.min(Math.floor(flip.at * (bytes.length - CRC_COVERED_FROM) * 8), (bytes.length - CRC_COVERED_FROM) * 8 - 1);
      bytes[CRC_COVERED_FROM + (bit >> 3)]! ^= 1 << (bit & 7);
      onDisk[flip.batch] = { ...flipped, bytes };
    }
    const cut = firstUnrecoverable(onDisk);
    if (cut < onDisk.length) {
      if (cut === flushed.length + keep) this.tornTailsCut++;
      else this.corruptBatchesCut++;
    }
    // The batches that survive are the log's own (their bytes and decoded records were never damaged).
    const recovered = this.batches.slice(0, cut);
    if (recovered.length !== this.batches.length) {
      this.lostOnCrash += this.batches.length - recovered.length;
      this.destructiveChanges++;
    }
    this.keptOnCrash += Math.max(0, Math.min(keep, cut - flushed.length));
    this.batches = recovered;
    // As PartitionLog's open: the epoch cache is cut to the recovered log at both ends (a follower
    // batch that began below the log start left an epoch starting there).
    this.epochs.truncateFromEnd(this.logEndOffset);
    this.epochs.truncateFromStart(this.logStartOffset);
    this.rebuildProducerState();
    this.flushedOffset = this.logEndOffset;
    this.failure = null;
    this.closed = false;
    return cut < onDisk.length;
  }

  /** The record at `offset`, or undefined if the log does not hold it. */
  recordAt(offset: number): StoredRecord | undefined {
    if (offset < this.startOffset || offset >= this.logEndOffset) return undefined;
    const batch = this.batches[this.indexHolding(offset)];
    if (batch === undefined) return undefined;
    const record = this.recordsOf(batch).find((r) => r.offset === offset);
    return record === undefined ? undefined : { offset, epoch: batch.epoch, value: record.value };
  }

  private recordsOf(batch: StoredBatch): DecodedRecord[] {
    let records = this.decoded.get(batch);
    if (records === undefined) {
      records = decodeRecordBatch(batch.bytes).records;
      this.decoded.set(batch, records);
    }
    return records;
  }

  private store(bytes: Uint8Array, baseOffset: number, lastOffset: number, epoch: number, maxTimestamp: number): void {
    this.batches.push({ baseOffset, lastOffset, epoch, maxTimestamp, bytes });
  }

  /** As PartitionLog rebuilds after a truncation or a restart, from the batches that remain. */
  private rebuildProducerState(): void {
    this.producers = new ProducerStateTable();
    for (const batch of this.batches) {
      const header = readBatchHeader(batch.bytes, 0);
      if (isIdempotent(header)) this.producers.record(header, header.baseOffset, header.lastOffset);
    }
  }

  private validate(bytes: Uint8Array): PositionedBatch[] {
    return validatedBatches(bytes, this.limit);
  }


  /** Index of the first batch whose last offset is ≥ offset (the length when none is). */
  private indexHolding(offset: number): number {
    let lo = 0;
    let hi = this.batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.batches[mid]!.lastOffset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private ensureOpen(): void {
    if (this.closed) throw new KafkaStorageError('memory log is closed');
  }
}

/**
 * LogSegment.recover's rule over the batches on disk: the index of the first whose framing or CRC
 * fails (the length when none does) — nothing after it can be framed, so the log ends there.
 */
function firstUnrecoverable(onDisk: readonly StoredBatch[]): number {
  for (let i = 0; i < onDisk.length; i++) {
    try {
      verifyBatchCrc(onDisk[i]!.bytes);
    } catch (error) {
      if (!(error instanceof RecordsError)) throw error;
      return i;
    }
  }
  return onDisk.length;
}
