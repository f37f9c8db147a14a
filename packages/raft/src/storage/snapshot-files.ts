/**
 * Where a storage keeps its snapshots: one checkpoint file per snapshot beside the log, named as
 * KRaft names them (`<end offset %020d>-<epoch %010d>.checkpoint`), written as a `.checkpoint.part`
 * temp file that becomes the checkpoint by an atomic rename. A crash at any point leaves either no
 * new checkpoint (only a partial file, which recovery deletes) or a complete one.
 *
 * Implementations: files in a directory (fs-snapshot-files.ts), memory (memory-snapshot-files.ts),
 * and the simulator's disk, which models torn temp files and renames a crash undoes.
 */
import type { OffsetAndEpoch } from '../core/messages';

/** A checkpoint being written: appended to, then made durable and visible at once. */
export interface SnapshotFileSink {
  /** Bytes appended so far. */
  readonly size: number;
  /** Appends; not synced (commit is). */
  append(bytes: Uint8Array): Promise<void>;
  /** Syncs the file, renames it to its checkpoint name and syncs the directory: from then on it survives a crash. */
  commit(): Promise<void>;
  /** Drops the partial file. */
  abort(): Promise<void>;
}

/** A complete checkpoint, open for reading; it stays readable while open even if it is deleted. */
export interface SnapshotFileSource {
  readonly size: number;
  /** `length` bytes at `position` (fewer only at the end). */
  read(position: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface SnapshotFiles {
  /** The ids of the complete checkpoints, in no particular order. */
  list(): Promise<OffsetAndEpoch[]>;
  /** A new partial file for the snapshot `id`. */
  create(id: OffsetAndEpoch): Promise<SnapshotFileSink>;
  /** Opens a complete checkpoint; rejects with SnapshotNotFoundError if there is none. */
  open(id: OffsetAndEpoch): Promise<SnapshotFileSource>;
  /** Deletes a complete checkpoint (nothing if there is none). */
  remove(id: OffsetAndEpoch): Promise<void>;
  /** Deletes every partial file (at recovery: no writer survives a restart). */
  removePartial(): Promise<void>;
}

const CHECKPOINT_SUFFIX = '.checkpoint';
export const PARTIAL_SUFFIX = '.checkpoint.part';

/** KRaft's checkpoint file name for a snapshot id. */
export function checkpointFileName(id: OffsetAndEpoch): string {
  return `${String(id.offset).padStart(20, '0')}-${String(id.epoch).padStart(10, '0')}${CHECKPOINT_SUFFIX}`;
}

/** The snapshot id a checkpoint file name stands for; null for any other name. */
export function parseCheckpointFileName(name: string): OffsetAndEpoch | null {
  const match = /^(\d{20})-(\d{10})\.checkpoint$/.exec(name);
  if (match === null) return null;
  const offset = Number(match[1]);
  const epoch = Number(match[2]);
  return Number.isSafeInteger(offset) && epoch <= 0x7fff_ffff ? { offset, epoch } : null;
}

export function sameId(a: OffsetAndEpoch, b: OffsetAndEpoch): boolean {
  return a.offset === b.offset && a.epoch === b.epoch;
}
