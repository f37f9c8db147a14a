/**
 * One segment of a partition log: the `.log` file of RecordBatch v2 bytes
 * exactly as appended, plus its sparse `.index` and `.timeindex`
 * (LogSegment.scala). Batches in a segment are contiguous in offset and the
 * first one starts at the segment's base offset.
 *
 * Its three files take their descriptors from the log's FileHandlePool, on
 * first use: a segment holds none of its own, and the pool may close any of
 * them between two calls. The `.log` is written at explicit positions, so a
 * reopened descriptor needs no seek.
 */
import * as fs from 'node:fs';
import {
  CrcMismatchError,
  RecordsError,
  TimestampType,
  TruncatedBatchError,
  UnsupportedCompressionError,
  decodeRecordBatch,
  readBatchHeader,
  verifyBatchCrc,
} from '@kz/records';
import type { FileHandlePool, PooledFile } from './file-handle-pool';
import { asLogFileError } from './log-errors';
import { OffsetIndex, type OffsetIndexEntry } from './offset-index';
import { segmentPaths, type SegmentPaths } from './segment-files';
import { TimeIndex, type TimeIndexEntry } from './time-index';

/** Where recovery cut a segment, and why; the log reports it instead of logging it. */
export interface RecoveryTruncation {
  /** Path of the `.log` file that was truncated. */
  segment: string;
  baseOffset: number;
  /** Byte position of the first bad batch; the file now ends here. */
  position: number;
  /** Bytes removed from the end of the file. */
  truncatedBytes: number;
  reason: 'truncated-batch' | 'crc-mismatch' | 'corrupt-batch' | 'offset-mismatch';
  detail: string;
}

/** The header fields the log needs to place a batch, read without a CRC check. */
export interface BatchSummary {
  baseOffset: number;
  lastOffset: number;
  maxTimestamp: number;
  sizeInBytes: number;
}

/** Header bytes needed for BatchSummary (up to and including maxTimestamp). */
const SUMMARY_BYTES = 43;
const LOG_OVERHEAD = 12;
/** No O_CREAT: a `.log` that vanished underneath the broker must fail to open, not reappear empty. */
const LOG_FLAGS = fs.constants.O_RDWR;

export interface OffsetAndTimestamp {
  offset: number;
  timestamp: number;
}

export class LogSegment {
  readonly paths: SegmentPaths;
  readonly offsetIndex: OffsetIndex;
  readonly timeIndex: TimeIndex;
  private readonly logFile: PooledFile;
  /** Bytes in the `.log`. */
  size = 0;
  /** Offset the next batch appended here must start at. */
  nextOffset: number;
  /** Largest batch maxTimestamp in the segment, -1 if none. */
  maxTimestamp = -1;
  private offsetOfMaxTimestamp: number;
  private bytesSinceLastIndexEntry = 0;
  /** maxTimestamp of the first batch: the basis for segment.ms (Kafka's rollingBasedTimestamp). */
  firstBatchTimestamp: number | undefined;
  /** Wall-clock time the segment was created or opened, the segment.ms basis when batches carry no timestamp. */
  createdMs: number;

  private constructor(
    files: FileHandlePool,
    dir: string,
    readonly baseOffset: number,
    /**
     * Kafka's index cadence (LogSegment.append): an entry for the batch that
     * starts once more than index.interval.bytes were appended since the last.
     */
    private readonly indexIntervalBytes: number,
    nowMs: number,
  ) {
    this.paths = segmentPaths(dir, baseOffset);
    this.logFile = files.file(this.paths.log, LOG_FLAGS);
    this.offsetIndex = new OffsetIndex(files, this.paths.index, baseOffset);
    this.timeIndex = new TimeIndex(files, this.paths.timeIndex, baseOffset);
    this.nextOffset = baseOffset;
    this.offsetOfMaxTimestamp = baseOffset;
    this.createdMs = nowMs;
  }

  /**
   * A new, empty segment (any stale files at that name are emptied). If a file cannot be created,
   * the ones that were are removed again, best effort: a leftover empty segment would be harmless
   * (the next open or roll recovers or empties it), but it is tidier gone.
   */
  static create(files: FileHandlePool, dir: string, baseOffset: number, indexIntervalBytes: number, nowMs: number, options: { readonly freshDir?: boolean } = {}): LogSegment {
    const segment = new LogSegment(files, dir, baseOffset, indexIntervalBytes, nowMs);
    try {
      segment.logFile.create();
      // In a directory just made there is no stale index to empty; the index files appear with their
      // first entry (a missing index is rebuilt on open anyway). Two fewer syscalls per new replica
      // is seconds when a broker is handed thousands of them at once.
      if (options.freshDir !== true) {
        segment.offsetIndex.rewrite([]);
        segment.timeIndex.rewrite([]);
      }
    } catch (e) {
      try {
        segment.deleteFiles();
      } catch {
        // The create failure is the one worth reporting.
      }
      throw e;
    }
    return segment;
  }

  /**
   * Opens a closed (rolled, fsynced) segment whose batches end before
   * `nextOffset`, trusting its indexes when they look sane and rebuilding
   * them otherwise. Returns a recovery report if the rebuild found damage.
   */
  static openClosed(
    files: FileHandlePool,
    dir: string,
    baseOffset: number,
    nextOffset: number,
    indexIntervalBytes: number,
    nowMs: number,
  ): { segment: LogSegment; truncation?: RecoveryTruncation } {
    const segment = new LogSegment(files, dir, baseOffset, indexIntervalBytes, nowMs);
    return segment.closingOnFailure(() => {
      segment.size = segment.fileSize();
      const loaded = segment.size > 0 && segment.offsetIndex.load(nextOffset, segment.size) && segment.timeIndex.load(nextOffset);
      if (loaded) {
        segment.nextOffset = nextOffset;
        const last = segment.timeIndex.lastEntry;
        segment.maxTimestamp = last?.timestamp ?? -1;
        segment.offsetOfMaxTimestamp = last?.offset ?? baseOffset;
        const first = segment.size > 0 ? segment.readSummary(0) : undefined;
        segment.firstBatchTimestamp = first?.maxTimestamp;
        return { segment };
      }
      const truncation = segment.recover();
      return truncation ? { segment, truncation } : { segment };
    });
  }

  /** Opens the active segment and recovers it (full CRC scan). */
  static openActive(
    files: FileHandlePool,
    dir: string,
    baseOffset: number,
    indexIntervalBytes: number,
    nowMs: number,
    onBatch?: (partitionLeaderEpoch: number, baseOffset: number) => void,
  ): { segment: LogSegment; truncation?: RecoveryTruncation } {
    const segment = new LogSegment(files, dir, baseOffset, indexIntervalBytes, nowMs);
    return segment.closingOnFailure(() => {
      segment.size = segment.fileSize();
      const truncation = segment.recover(onBatch);
      return truncation ? { segment, truncation } : { segment };
    });
  }

  /** Runs an opening step; if it throws, the half-opened segment gives its descriptors back first. */
  private closingOnFailure<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /**
   * Scans every batch, checking framing, CRC and that offsets continue from
   * the base; cuts the file at the first bad batch (everything after a torn
   * or corrupt batch is unreachable: batch boundaries come only from the
   * lengths before it) and rebuilds both indexes from what remains.
   */
  recover(onBatch?: (partitionLeaderEpoch: number, baseOffset: number) => void): RecoveryTruncation | undefined {
    const fileSize = this.fileSize();
    this.resetStats();
    const offsetEntries: OffsetIndexEntry[] = [];
    const timeEntries: TimeIndexEntry[] = [];
    let position = 0;
    let truncation: RecoveryTruncation | undefined;
    const cut = (reason: RecoveryTruncation['reason'], detail: string): void => {
      truncation = { segment: this.paths.log, baseOffset: this.baseOffset, position, truncatedBytes: fileSize - position, reason, detail };
    };
    while (position < fileSize && truncation === undefined) {
      const remaining = fileSize - position;
      if (remaining < LOG_OVERHEAD) {
        cut('truncated-batch', `${remaining} bytes left, fewer than a batch's length prefix`);
        break;
      }
      const prefix = this.readBytes(position, LOG_OVERHEAD);
      const sizeInBytes = Buffer.from(prefix.buffer, prefix.byteOffset, prefix.byteLength).readInt32BE(8) + LOG_OVERHEAD;
      const bytes = this.readBytes(position, Math.max(LOG_OVERHEAD, Math.min(sizeInBytes, remaining)));
      try {
        verifyBatchCrc(bytes);
        const header = readBatchHeader(bytes);
        if (header.baseOffset !== this.nextOffset) {
          cut('offset-mismatch', `batch starts at offset ${header.baseOffset}, expected ${this.nextOffset}`);
          break;
        }
        onBatch?.(header.partitionLeaderEpoch, header.baseOffset);
        this.trackBatch(
          { baseOffset: header.baseOffset, lastOffset: header.lastOffset, maxTimestamp: header.maxTimestamp, sizeInBytes },
          position,
          offsetEntries,
          timeEntries,
        );
        position += sizeInBytes;
      } catch (e) {
        if (!(e instanceof RecordsError)) throw e;
        cut(e instanceof TruncatedBatchError ? 'truncated-batch' : e instanceof CrcMismatchError ? 'crc-mismatch' : 'corrupt-batch', e.message);
      }
    }
    if (truncation) this.logFile.use((fd) => fs.ftruncateSync(fd, position));
    this.size = position;
    this.offsetIndex.rewrite(offsetEntries);
    this.timeIndex.rewrite(timeEntries);
    return truncation;
  }

  /**
   * Appends one batch, already validated and stamped by the log. Every file the append writes is
   * opened (and pinned) before the batch is: a descriptor the system refuses then fails the append
   * with nothing written, never after the `.log` has the batch but the index or the caller do not.
   */
  append(bytes: Uint8Array, batch: BatchSummary): void {
    const position = this.size;
    const write = (): void =>
      this.logFile.use((fd) => {
        fs.writeSync(fd, bytes, 0, bytes.length, position);
        this.trackBatch(batch, position);
      });
    if (this.bytesSinceLastIndexEntry > this.indexIntervalBytes) this.offsetIndex.whileOpen(() => this.timeIndex.whileOpen(write));
    else write();
  }

  private trackBatch(batch: BatchSummary, position: number, offsetEntries?: OffsetIndexEntry[], timeEntries?: TimeIndexEntry[]): void {
    if (this.firstBatchTimestamp === undefined) this.firstBatchTimestamp = batch.maxTimestamp;
    if (batch.maxTimestamp > this.maxTimestamp) {
      this.maxTimestamp = batch.maxTimestamp;
      this.offsetOfMaxTimestamp = batch.baseOffset;
    }
    if (this.bytesSinceLastIndexEntry > this.indexIntervalBytes) {
      if (offsetEntries && timeEntries) {
        offsetEntries.push({ offset: batch.lastOffset, position });
        const lastTime = timeEntries[timeEntries.length - 1];
        if (this.maxTimestamp >= 0 && (lastTime === undefined || this.maxTimestamp > lastTime.timestamp)) {
          timeEntries.push({ timestamp: this.maxTimestamp, offset: this.offsetOfMaxTimestamp });
        }
      } else {
        this.offsetIndex.append(batch.lastOffset, position);
        this.timeIndex.maybeAppend(this.maxTimestamp, this.offsetOfMaxTimestamp);
      }
      this.bytesSinceLastIndexEntry = 0;
    }
    this.bytesSinceLastIndexEntry += batch.sizeInBytes;
    this.size = position + batch.sizeInBytes;
    this.nextOffset = batch.lastOffset + 1;
  }

  private resetStats(): void {
    this.size = 0;
    this.nextOffset = this.baseOffset;
    this.maxTimestamp = -1;
    this.offsetOfMaxTimestamp = this.baseOffset;
    this.bytesSinceLastIndexEntry = 0;
    this.firstBatchTimestamp = undefined;
  }

  /**
   * Whole batches starting with the one that holds `offset`: the first is
   * returned even if larger than maxBytes (KIP-74, so a consumer can always
   * make progress), later ones only while the total stays within maxBytes.
   */
  read(offset: number, maxBytes: number): Uint8Array {
    let position = this.offsetIndex.lookup(offset);
    while (position < this.size) {
      const batch = this.readSummary(position);
      if (batch.lastOffset >= offset) break;
      position += batch.sizeInBytes;
    }
    if (position >= this.size) return new Uint8Array(0);
    // One large read of up to maxBytes, cut in memory at the last whole batch: a pread per batch
    // header cost more than the bytes themselves (16 KiB batches: 64 syscalls per MiB fetched).
    let bytes = this.readBytes(position, Math.min(Math.max(maxBytes, LOG_OVERHEAD), this.size - position));
    const first = batchSizeAt(bytes, 0);
    if (first > bytes.length) bytes = this.readBytes(position, Math.min(first, this.size - position));
    let end = Math.min(first, bytes.length);
    while (end + LOG_OVERHEAD <= bytes.length) {
      const next = batchSizeAt(bytes, end);
      if (end + next > bytes.length) break;
      end += next;
    }
    return end === bytes.length ? bytes : bytes.subarray(0, end);
  }

  /** Byte position of the first batch whose last offset is >= offset (size if none). */
  positionOf(offset: number): { position: number; batch?: BatchSummary } {
    let position = this.offsetIndex.lookup(offset);
    while (position < this.size) {
      const batch = this.readSummary(position);
      if (batch.lastOffset >= offset) return { position, batch };
      position += batch.sizeInBytes;
    }
    return { position: this.size };
  }

  /**
   * First record with timestamp >= `timestamp` (Kafka's ListOffsets by time):
   * start from the time index, scan batches by header to the first whose
   * maxTimestamp reaches it, then look inside that batch for the record.
   * Records below `startingOffset` (the log start, when it lies inside this
   * segment) are not answered, as Kafka's LogSegment.findOffsetByTimestamp skips them.
   */
  findOffsetByTimestamp(timestamp: number, startingOffset = 0): OffsetAndTimestamp | undefined {
    if (this.maxTimestamp < timestamp) return undefined;
    const fromOffset = Math.max(this.timeIndex.lookup(timestamp), startingOffset);
    let { position } = this.positionOf(fromOffset);
    while (position < this.size) {
      const batch = this.readSummary(position);
      if (batch.maxTimestamp >= timestamp) {
        const found = this.recordAtOrAfter(position, batch, timestamp, startingOffset);
        if (found !== undefined) return found;
      }
      position += batch.sizeInBytes;
    }
    return undefined;
  }

  private recordAtOrAfter(position: number, batch: BatchSummary, timestamp: number, startingOffset: number): OffsetAndTimestamp | undefined {
    const bytes = this.readBytes(position, batch.sizeInBytes);
    const first = Math.max(batch.baseOffset, startingOffset);
    try {
      const decoded = decodeRecordBatch(bytes);
      // With LogAppendTime the broker's maxTimestamp stands in for every record's timestamp.
      if (decoded.header.timestampType === TimestampType.LogAppendTime) return { offset: first, timestamp: batch.maxTimestamp };
      const record = decoded.records.find((r) => r.timestamp >= timestamp && r.offset >= startingOffset);
      if (record) return { offset: record.offset, timestamp: record.timestamp };
      // The batch's match lies below the log start: the answer is in a later batch, if any.
      if (decoded.records.some((r) => r.timestamp >= timestamp)) return undefined;
    } catch (e) {
      // Compressed batches are not decoded here; the batch's first offset is the best answer we have.
      if (!(e instanceof UnsupportedCompressionError)) throw e;
    }
    return { offset: first, timestamp: batch.maxTimestamp };
  }

  /**
   * Drops every batch whose last offset is >= offset: truncation is at a batch
   * boundary, so the segment ends at the start of the batch holding `offset`.
   */
  truncateTo(offset: number): void {
    const { position } = this.positionOf(offset);
    if (position >= this.size) return;
    this.logFile.use((fd) => fs.ftruncateSync(fd, position));
    this.recover();
  }

  /** Called on roll: record the final max timestamp and make the segment durable (it is never recovered again). */
  onBecomeInactive(): void {
    this.timeIndex.maybeAppend(this.maxTimestamp, this.offsetOfMaxTimestamp);
    this.flush();
    this.offsetIndex.fsync();
    this.timeIndex.fsync();
  }

  flush(): void {
    this.logFile.use((fd) => fs.fsyncSync(fd));
  }

  /**
   * fsync on libuv's thread pool, so the event loop keeps serving while the disk works. The pool
   * keeps the descriptor open until the fsync is done, even if the segment is closed or deleted
   * meanwhile; a segment closed before the fsync could start has nothing left to flush.
   */
  async flushAsync(): Promise<void> {
    await this.logFile.useAsync((fd) => new Promise<void>((resolve, reject) => fs.fsync(fd, (error) => (error === null ? resolve() : reject(error)))));
  }

  /** By path: retention asks this of cold segments, which need not take a descriptor from hot ones. */
  lastModifiedMs(): number {
    try {
      return fs.statSync(this.paths.log).mtimeMs;
    } catch (e) {
      throw asLogFileError(e, this.paths.log);
    }
  }

  /** Gives the segment's descriptors back to the pool (an fsync in progress keeps its own until done). */
  close(): void {
    this.logFile.close();
    this.offsetIndex.close();
    this.timeIndex.close();
  }

  deleteFiles(): void {
    this.close();
    for (const p of [this.paths.log, this.paths.index, this.paths.timeIndex]) fs.rmSync(p, { force: true });
  }

  readSummary(position: number): BatchSummary {
    const bytes = this.readBytes(position, Math.min(SUMMARY_BYTES, this.size - position));
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const baseOffset = Number(view.readBigInt64BE(0));
    return {
      baseOffset,
      sizeInBytes: view.readInt32BE(8) + LOG_OVERHEAD,
      lastOffset: baseOffset + view.readInt32BE(23),
      maxTimestamp: Number(view.readBigInt64BE(35)),
    };
  }

  private readBytes(position: number, length: number): Uint8Array {
    // Not zero-filled: only the bytes the reads fill are returned.
    const out = Buffer.allocUnsafe(length);
    const done = this.logFile.use((fd) => {
      let n = 0;
      while (n < length) {
        const read = fs.readSync(fd, out, n, length - n, position + n);
        if (read === 0) break;
        n += read;
      }
      return n;
    });
    return done === length ? out : out.subarray(0, done);
  }

  private fileSize(): number {
    return this.logFile.use((fd) => fs.fstatSync(fd).size);
  }
}

/** The size of the batch at `at` (its length prefix plus the offset and length fields); 0 past the end of `bytes`' prefix. */
function batchSizeAt(bytes: Uint8Array, at: number): number {
  if (at + LOG_OVERHEAD > bytes.length) return Number.MAX_SAFE_INTEGER;
  return ((bytes[at + 8]! << 24) | (bytes[at + 9]! << 16) | (bytes[at + 10]! << 8) | bytes[at + 11]!) + LOG_OVERHEAD;
}
