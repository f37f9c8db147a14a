/**
 * Checkpoint files in a directory of the data dir. A checkpoint appears only by rename(2) of a
 * synced partial file, and the directory is synced after, so that the rename itself survives a
 * power loss: until then a crash leaves the old checkpoint and a partial file recovery deletes.
 */
import { mkdir, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { OffsetAndEpoch } from '../core/messages';
import { checkpointFileName, PARTIAL_SUFFIX, parseCheckpointFileName, type SnapshotFileSink, type SnapshotFileSource, type SnapshotFiles } from './snapshot-files';
import { SnapshotNotFoundError } from './storage-errors';

export class FsSnapshotFiles implements SnapshotFiles {
  private partials = 0;

  constructor(readonly dir: string) {}

  async list(): Promise<OffsetAndEpoch[]> {
    return (await this.names()).map(parseCheckpointFileName).filter((id): id is OffsetAndEpoch => id !== null);
  }

  async create(id: OffsetAndEpoch): Promise<SnapshotFileSink> {
    await mkdir(this.dir, { recursive: true });
    // A distinct name per writer: two partial files of one id must not write into each other.
    const partial = join(this.dir, `${checkpointFileName(id).replace('.checkpoint', '')}-${process.pid}-${++this.partials}${PARTIAL_SUFFIX}`);
    const handle = await open(partial, 'wx');
    return new FsSink(handle, partial, join(this.dir, checkpointFileName(id)), this.dir);
  }

  async open(id: OffsetAndEpoch): Promise<SnapshotFileSource> {
    let handle: FileHandle;
    try {
      handle = await open(join(this.dir, checkpointFileName(id)), 'r');
    } catch (error) {
      if (codeOf(error) === 'ENOENT') throw new SnapshotNotFoundError(`no snapshot ${id.offset}-${id.epoch} in ${this.dir}`, { cause: error });
      throw error;
    }
    const { size } = await handle.stat();
    return {
      size,
      read: async (position, length) => {
        const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - position)));
        let filled = 0;
        while (filled < buffer.length) {
          const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return buffer.subarray(0, filled);
      },
      close: () => handle.close(),
    };
  }

  async remove(id: OffsetAndEpoch): Promise<void> {
    await unlinkIfThere(join(this.dir, checkpointFileName(id)));
  }

  async removePartial(): Promise<void> {
    for (const name of await this.names()) if (name.endsWith(PARTIAL_SUFFIX)) await unlinkIfThere(join(this.dir, name));
  }

  private async names(): Promise<string[]> {
    try {
      return await readdir(this.dir);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return [];
      throw error;
    }
  }
}

class FsSink implements SnapshotFileSink {
  size = 0;
  private closed = false;

  constructor(
    private readonly handle: FileHandle,
    private readonly partial: string,
    private readonly final: string,
    private readonly dir: string,
  ) {}

  async append(bytes: Uint8Array): Promise<void> {
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written, this.size + written);
      written += bytesWritten;
    }
    this.size += bytes.length;
  }

  async commit(): Promise<void> {
    await this.handle.sync();
    await this.close();
    await rename(this.partial, this.final);
    await syncDirectory(this.dir);
  }

  async abort(): Promise<void> {
    await this.close();
    await unlinkIfThere(this.partial);
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}

/** fsync of the directory: what makes a rename or a new name durable. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function unlinkIfThere(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
