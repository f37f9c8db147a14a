/**
 * Sparse time index (`.timeindex`): 12-byte entries of int64 timestamp and
 * int32 relative offset. An entry (T, O) says the largest timestamp seen up
 * to batch O is T and was first reached at O, so everything before O is
 * older than T: a lookup may start at the greatest T <= target without
 * missing a match. Entries are appended together with offset-index entries,
 * and only when the max timestamp grew, so T increases strictly; on roll a
 * final entry records the segment's largest timestamp (Kafka's
 * onBecomeInactiveSegment), which is what time retention of a closed
 * segment reads after a restart.
 */
import type { FileHandlePool } from './file-handle-pool';
import { IndexFile } from './index-file';

const ENTRY_BYTES = 12;

export interface TimeIndexEntry {
  timestamp: number;
  offset: number;
}

export class TimeIndex {
  private readonly entries: TimeIndexEntry[] = [];

  private readonly file: IndexFile;

  constructor(
    files: FileHandlePool,
    readonly path: string,
    readonly baseOffset: number,
  ) {
    this.file = new IndexFile(files, path);
  }

  get lastEntry(): TimeIndexEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  /** Like OffsetIndex.load: false (and empty) when missing or suspect. */
  load(nextOffset: number): boolean {
    this.entries.length = 0;
    const bytes = this.file.read();
    if (bytes === undefined) return false;
    if (bytes.length % ENTRY_BYTES !== 0) return false;
    let last: TimeIndexEntry | undefined;
    for (let at = 0; at < bytes.length; at += ENTRY_BYTES) {
      const timestamp = Number(bytes.readBigInt64BE(at));
      const offset = this.baseOffset + bytes.readInt32BE(at + 8);
      const bad =
        !Number.isSafeInteger(timestamp) ||
        offset < this.baseOffset ||
        offset >= nextOffset ||
        (last !== undefined && (timestamp <= last.timestamp || offset < last.offset));
      if (bad) {
        this.entries.length = 0;
        return false;
      }
      last = { timestamp, offset };
      this.entries.push(last);
    }
    return true;
  }

  /** Appends (timestamp, offset) unless it would not raise the indexed max timestamp. */
  maybeAppend(timestamp: number, offset: number): void {
    const last = this.lastEntry;
    if (timestamp < 0 || (last !== undefined && timestamp <= last.timestamp)) return;
    const entry = Buffer.alloc(ENTRY_BYTES);
    entry.writeBigInt64BE(BigInt(timestamp), 0);
    entry.writeInt32BE(offset - this.baseOffset, 8);
    this.file.append(entry);
    this.entries.push({ timestamp, offset });
  }

  /** Offset to start scanning from for `timestamp`: greatest entry with T <= timestamp, else the base. */
  lookup(timestamp: number): number {
    let found = this.baseOffset;
    for (const e of this.entries) {
      if (e.timestamp > timestamp) break;
      found = e.offset;
    }
    return found;
  }

  rewrite(entries: readonly TimeIndexEntry[]): void {
    this.entries.length = 0;
    this.entries.push(...entries);
    const bytes = Buffer.alloc(entries.length * ENTRY_BYTES);
    entries.forEach((e, i) => {
      bytes.writeBigInt64BE(BigInt(e.timestamp), i * ENTRY_BYTES);
      bytes.writeInt32BE(e.offset - this.baseOffset, i * ENTRY_BYTES + 8);
    });
    this.file.replace(bytes);
  }

  fsync(): void {
    this.file.fsync();
  }

  /** Runs `fn` with the file open and pinned (see LogSegment.append). */
  whileOpen<T>(fn: () => T): T {
    return this.file.whileOpen(fn);
  }

  close(): void {
    this.file.close();
  }
}
