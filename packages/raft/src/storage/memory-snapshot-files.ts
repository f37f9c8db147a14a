/**
 * Checkpoint files in memory, for MemoryRaftStorage: the same writer, reader and checks as on disk,
 * with nothing to crash. `put` stores a complete file at once (a fetched snapshot's chunks).
 */
import type { OffsetAndEpoch } from '../core/messages';
import { checkpointFileName, type SnapshotFileSink, type SnapshotFileSource, type SnapshotFiles } from './snapshot-files';
import { SnapshotNotFoundError } from './storage-errors';

export class MemorySnapshotFiles implements SnapshotFiles {
  private readonly files = new Map<string, { readonly id: OffsetAndEpoch; readonly bytes: Uint8Array }>();

  /** A copy holding the same files (what reopening would find). */
  copy(): MemorySnapshotFiles {
    const copy = new MemorySnapshotFiles();
    for (const [name, file] of this.files) copy.files.set(name, file);
    return copy;
  }

  put(id: OffsetAndEpoch, bytes: Uint8Array): void {
    this.files.set(checkpointFileName(id), { id, bytes });
  }

  /** Deletes the files below `latest` (not those above: one may be written now, for a snapshot not yet persisted). */
  removeBelow(latest: OffsetAndEpoch): void {
    for (const [key, file] of [...this.files]) if (file.id.offset < latest.offset) this.files.delete(key);
  }

  async list(): Promise<OffsetAndEpoch[]> {
    return [...this.files.values()].map((file) => file.id);
  }

  async create(id: OffsetAndEpoch): Promise<SnapshotFileSink> {
    const parts: Uint8Array[] = [];
    const sink = {
      size: 0,
      append: async (bytes: Uint8Array): Promise<void> => {
        parts.push(new Uint8Array(bytes));
        sink.size += bytes.length;
      },
      commit: async (): Promise<void> => this.put(id, Buffer.concat(parts)),
      abort: async (): Promise<void> => undefined,
    };
    return sink;
  }

  async open(id: OffsetAndEpoch): Promise<SnapshotFileSource> {
    const file = this.files.get(checkpointFileName(id));
    if (file === undefined) throw new SnapshotNotFoundError(`no snapshot ${id.offset}-${id.epoch} in memory`);
    const bytes = file.bytes;
    return {
      size: bytes.length,
      read: async (position, length) => new Uint8Array(bytes.subarray(position, position + length)),
      close: async () => undefined,
    };
  }

  async remove(id: OffsetAndEpoch): Promise<void> {
    this.files.delete(checkpointFileName(id));
  }

  async removePartial(): Promise<void> {}
}
