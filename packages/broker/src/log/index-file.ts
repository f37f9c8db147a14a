/**
 * An index file (offset or time index) written by appending small entries. Its descriptor comes
 * from the log's FileHandlePool and stays cached between appends while the pool has room: opening
 * and closing the file for every 8- or 12-byte entry cost more than the append itself on the
 * produce path. Recovery and truncation replace the contents in place (same inode), so a cached
 * descriptor stays valid.
 */
import * as fs from 'node:fs';
import type { FileHandlePool, PooledFile } from './file-handle-pool';
import { LogFileOpenError, TooManyOpenFilesError } from './log-errors';

/** O_APPEND: every entry lands at the end, whichever descriptor (first or reopened) writes it. */
const INDEX_FLAGS = fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT;

export class IndexFile {
  private readonly file: PooledFile;

  constructor(
    private readonly files: FileHandlePool,
    readonly path: string,
  ) {
    this.file = files.file(path, INDEX_FLAGS);
  }

  /**
   * The whole file, or undefined when it is missing or unreadable (the caller rebuilds it). Running
   * out of descriptors is not a damaged index, so it is thrown rather than answered with a rebuild.
   */
  read(): Buffer | undefined {
    try {
      return this.files.withFile(this.path, fs.constants.O_RDONLY, (fd) => fs.readFileSync(fd));
    } catch (e) {
      if (e instanceof TooManyOpenFilesError) throw e;
      if (e instanceof LogFileOpenError || (e as NodeJS.ErrnoException).code !== undefined) return undefined;
      throw e;
    }
  }

  append(entry: Uint8Array): void {
    this.file.use((fd) => fs.writeSync(fd, entry));
  }

  /** Replaces the file's contents (rebuild after recovery or truncation). */
  replace(bytes: Uint8Array): void {
    this.file.use((fd) => {
      fs.ftruncateSync(fd, 0);
      fs.writeFileSync(fd, bytes);
    });
  }

  /** Runs `fn` with this file's descriptor open and pinned, so writes `fn` makes cannot fail to open it. */
  whileOpen<T>(fn: () => T): T {
    return this.file.use(fn);
  }

  fsync(): void {
    this.file.use((fd) => fs.fsyncSync(fd));
  }

  close(): void {
    this.file.close();
  }
}
