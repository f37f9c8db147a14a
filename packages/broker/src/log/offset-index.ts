/**
 * Sparse offset index (`.index`): 8-byte entries of int32 relative offset
 * (offset - segment base) and int32 byte position in the `.log`, one about
 * every index.interval.bytes of appended batches. As in Kafka's
 * LogSegment.append, the key is the *last* offset of the indexed batch and
 * the position is where that batch starts, so "greatest key <= target" is a
 * position from which a forward scan finds the batch holding the target.
 *
 * Kafka memory-maps and pre-allocates this file; we keep the entries in
 * memory and append to the file, which is simpler and has the same crash
 * story: the file has no checksum and is rebuilt from the `.log` whenever
 * it is suspect.
 */
import type { FileHandlePool } from './file-handle-pool';
import { IndexFile } from './index-file';

const ENTRY_BYTES = 8;

export interface OffsetIndexEntry {
  /** Absolute offset (last offset of the indexed batch). */
  offset: number;
  position: number;
}

export class OffsetIndex {
  private readonly entries: OffsetIndexEntry[] = [];

  private readonly file: IndexFile;

  constructor(
    files: FileHandlePool,
    readonly path: string,
    readonly baseOffset: number,
  ) {
    this.file = new IndexFile(files, path);
  }

  get entryCount(): number {
    return this.entries.length;
  }

  /**
   * Loads the file if it is well-formed for a segment ending before
   * `nextOffset` with `logSize` bytes; returns false (index left empty) when
   * it is missing or suspect so the caller rebuilds it.
   */
  load(nextOffset: number, logSize: number): boolean {
    this.entries.length = 0;
    const bytes = this.file.read();
    if (bytes === undefined) return false;
    if (bytes.length % ENTRY_BYTES !== 0) return false;
    let lastOffset = -1;
    let lastPosition = -1;
    for (let at = 0; at < bytes.length; at += ENTRY_BYTES) {
      const offset = this.baseOffset + bytes.readInt32BE(at);
      const position = bytes.readInt32BE(at + 4);
      if (offset <= lastOffset || position <= lastPosition || offset >= nextOffset || position >= logSize || offset < this.baseOffset) {
        this.entries.length = 0;
        return false;
      }
      this.entries.push({ offset, position });
      lastOffset = offset;
      lastPosition = position;
    }
    return true;
  }

  append(offset: number, position: number): void {
    const entry = Buffer.alloc(ENTRY_BYTES);
    entry.writeInt32BE(offset - this.baseOffset, 0);
    entry.writeInt32BE(position, 4);
    this.file.append(entry);
    this.entries.push({ offset, position });
  }

  /** Position to start scanning from for `offset`: the greatest entry with key <= offset, else 0. */
  lookup(offset: number): number {
    let lo = 0;
    let hi = this.entries.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const e = this.entries[mid]!;
      if (e.offset <= offset) {
        found = e.position;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Replaces the file with the given entries (rebuild after recovery or truncation). */
  rewrite(entries: readonly OffsetIndexEntry[]): void {
    this.entries.length = 0;
    this.entries.push(...entries);
    const bytes = Buffer.alloc(entries.length * ENTRY_BYTES);
    entries.forEach((e, i) => {
      bytes.writeInt32BE(e.offset - this.baseOffset, i * ENTRY_BYTES);
      bytes.writeInt32BE(e.position, i * ENTRY_BYTES + 4);
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
