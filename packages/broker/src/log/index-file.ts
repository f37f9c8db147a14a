/**
 * An index file (offset or time index) written by appending small entries. The descriptor stays
 * open between appends: opening and closing the file for every 8- or 12-byte entry cost more than
 * the append itself on the produce path. Recovery and truncation replace the whole file.
 */
import * as fs from 'node:fs';

export class IndexFile {
  private fd: number | null = null;

  constructor(readonly path: string) {}

  append(entry: Uint8Array): void {
    this.fd ??= fs.openSync(this.path, 'a');
    fs.writeSync(this.fd, entry);
  }

  /** Replaces the file's contents (rebuild after recovery or truncation). */
  replace(bytes: Uint8Array): void {
    this.close();
    fs.writeFileSync(this.path, bytes);
  }

  fsync(): void {
    if (this.fd !== null) {
      fs.fsyncSync(this.fd);
      return;
    }
    const fd = fs.openSync(this.path, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  close(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
  }
}
