/**
 * Producer-state snapshots beside a partition's segments (Kafka's `<offset>.snapshot` files): the
 * ProducerStateTable as of an offset, so that opening or truncating a log replays only the batches
 * after the latest snapshot at or below its end instead of the whole log.
 *
 * A snapshot is taken when a segment rolls (at the new segment's base) and when the log closes
 * cleanly (at its end); both only after the log up to that offset is flushed, so a snapshot never
 * describes records the log could lose. Snapshots are written by rename without fsync: one that a
 * crash left empty or torn fails its CRC and is discarded, and an older one (or the log start)
 * serves instead — a lost snapshot costs replay time, never correctness.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileHandlePool } from './file-handle-pool';
import { CorruptProducerSnapshotError, ProducerStateTable } from './producer-state';
import { PRODUCER_SNAPSHOT_SUFFIX, parseProducerSnapshotName, segmentFileStem } from './segment-files';

export class ProducerSnapshots {
  /** Offsets of the snapshot files, ascending. */
  private offsets: number[];

  private constructor(
    private readonly dir: string,
    private readonly files: FileHandlePool,
    offsets: number[],
  ) {
    this.offsets = offsets;
  }

  /** The snapshots among a directory's file names. */
  static fromListing(dir: string, files: FileHandlePool, names: readonly string[]): ProducerSnapshots {
    const offsets = names.map(parseProducerSnapshotName).filter((o): o is number => o !== undefined);
    return new ProducerSnapshots(dir, files, offsets.sort((a, b) => a - b));
  }

  static none(dir: string, files: FileHandlePool): ProducerSnapshots {
    return new ProducerSnapshots(dir, files, []);
  }

  get latestOffset(): number | undefined {
    return this.offsets[this.offsets.length - 1];
  }

  write(offset: number, table: ProducerStateTable): void {
    const file = this.path(offset);
    const tmp = `${file}.tmp`;
    const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
    this.files.withFile(tmp, O_WRONLY | O_CREAT | O_TRUNC, (fd) => fs.writeFileSync(fd, table.encode()));
    fs.renameSync(tmp, file);
    if (!this.offsets.includes(offset)) {
      this.offsets.push(offset);
      this.offsets.sort((a, b) => a - b);
    }
  }

  /**
   * The newest snapshot at or below `offset` that decodes. Ones that do not are deleted, and
   * `onCorrupt` hears of each (the caller logs it).
   */
  latestAtOrBelow(offset: number, onCorrupt: (file: string, error: CorruptProducerSnapshotError) => void): { offset: number; table: ProducerStateTable } | undefined {
    for (let i = this.offsets.length - 1; i >= 0; i--) {
      const at = this.offsets[i]!;
      if (at > offset) continue;
      const file = this.path(at);
      try {
        const bytes = this.files.withFile(file, fs.constants.O_RDONLY, (fd) => fs.readFileSync(fd));
        return { offset: at, table: ProducerStateTable.decode(bytes) };
      } catch (error) {
        if (!(error instanceof CorruptProducerSnapshotError)) throw error;
        onCorrupt(file, error);
        this.remove(at);
      }
    }
    return undefined;
  }

  /** Deletes the snapshots above `offset` (what a truncation or recovery cut away). */
  deleteAbove(offset: number): void {
    for (const at of this.offsets.filter((o) => o > offset)) this.remove(at);
  }

  /** Deletes the snapshots below `offset` (segments retention removed). */
  deleteBelow(offset: number): void {
    for (const at of this.offsets.filter((o) => o < offset)) this.remove(at);
  }

  private remove(offset: number): void {
    fs.rmSync(this.path(offset), { force: true });
    this.offsets = this.offsets.filter((o) => o !== offset);
  }

  private path(offset: number): string {
    return path.join(this.dir, segmentFileStem(offset) + PRODUCER_SNAPSHOT_SUFFIX);
  }
}
