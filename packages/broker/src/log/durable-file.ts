/**
 * Replacing a small file atomically and durably (the checkpoints): temp file + fsync + rename +
 * directory fsync. After a crash the file holds the old contents or the new, whole — never a mix.
 * Every descriptor is a transient one of the log's FileHandlePool, so it counts against its cap.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileHandlePool } from './file-handle-pool';

export function writeFileDurably(files: FileHandlePool, file: string, contents: string | Uint8Array): void {
  const tmp = `${file}.tmp`;
  const { O_WRONLY, O_CREAT, O_TRUNC, O_RDONLY } = fs.constants;
  files.withFile(tmp, O_WRONLY | O_CREAT | O_TRUNC, (fd) => {
    fs.writeFileSync(fd, contents);
    fs.fsyncSync(fd);
  });
  fs.renameSync(tmp, file);
  files.withFile(path.dirname(file), O_RDONLY, (fd) => fs.fsyncSync(fd));
}

/**
 * writeFileDurably with both fsyncs on libuv's thread pool, through `tmp` (a name of the caller's:
 * a synchronous write meanwhile uses `<file>.tmp`). `claim` is asked right before the rename —
 * nothing runs between its answer and the rename — and answers false when a newer write already
 * landed: this one is then dropped, so an older file never replaces a newer one. Resolves true if
 * this write was renamed into place.
 */
export async function writeFileDurablyAsync(
  files: FileHandlePool,
  file: string,
  tmp: string,
  contents: string | Uint8Array,
  claim: () => boolean,
): Promise<boolean> {
  const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
  files.withFile(tmp, O_WRONLY | O_CREAT | O_TRUNC, (fd) => fs.writeFileSync(fd, contents));
  await files.fsyncAsync(tmp);
  if (!claim()) {
    fs.rmSync(tmp, { force: true });
    return false;
  }
  fs.renameSync(tmp, file);
  await files.fsyncAsync(path.dirname(file));
  return true;
}
