import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileOpener } from '@kz/broker';
import { decodeRecordBatch, encodeRecordBatch, iterateBatches } from '@kz/records';

/** A fresh temp directory; `cleanup` removes every directory made so far. */
const made: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-log-'));
  made.push(dir);
  return dir;
}
export function cleanupTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface BatchSpec {
  /** Records in the batch (default 1). */
  count?: number;
  /** Timestamp of the first record; later records add 1 ms each (default 1000). */
  timestamp?: number;
  /** Bytes per record value (default 10). */
  valueBytes?: number;
  /** Label stored in each value, so reads can be checked for content. */
  label?: string;
  baseOffset?: number;
  partitionLeaderEpoch?: number;
}

export function batch(spec: BatchSpec = {}): Uint8Array {
  const count = spec.count ?? 1;
  const ts = spec.timestamp ?? 1000;
  const label = spec.label ?? 'v';
  const records = Array.from({ length: count }, (_, i) => ({
    key: null,
    value: new Uint8Array(Buffer.from(`${label}:${i}:`.padEnd(spec.valueBytes ?? 10, '.'))),
    timestamp: ts + i,
  }));
  return encodeRecordBatch({ records, baseOffset: spec.baseOffset ?? 0, partitionLeaderEpoch: spec.partitionLeaderEpoch ?? 0 });
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** [baseOffset, lastOffset, partitionLeaderEpoch] of every batch in a read result. */
export function batchRanges(bytes: Uint8Array): [number, number, number][] {
  return [...iterateBatches(bytes)].map(({ header }) => [header.baseOffset, header.lastOffset, header.partitionLeaderEpoch]);
}

/** Every record value (as text) with its offset, decoding with CRC checks. */
export function recordsOf(bytes: Uint8Array): { offset: number; value: string }[] {
  return [...iterateBatches(bytes)].flatMap(({ at }) =>
    decodeRecordBatch(bytes, at).records.map((r) => ({ offset: r.offset, value: Buffer.from(r.value ?? new Uint8Array()).toString() })),
  );
}

export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}

/**
 * A FileOpener over the real file system that counts live descriptors, records the most ever
 * open at once, and fails opens on demand (EMFILE and friends) — for FileHandlePool tests.
 */
export class CountingOpener implements FileOpener {
  readonly live = new Map<number, string>();
  /** Which open produced each live descriptor: a number closed and reused by a later open gets a new serial. */
  private readonly serials = new Map<number, number>();
  maxLive = 0;
  opened = 0;
  /** Paths closed, in order. */
  readonly closedPaths: string[] = [];
  /** Decides whether an open fails, and with which errno; undefined lets it through. */
  failWith: ((path: string) => string | undefined) | undefined;

  open(file: string, flags: number): number {
    const errno = this.failWith?.(file);
    if (errno !== undefined) throw Object.assign(new Error(`${errno}: injected, open '${file}'`), { code: errno, syscall: 'open', path: file });
    const fd = fs.openSync(file, flags);
    this.live.set(fd, file);
    this.opened++;
    this.serials.set(fd, this.opened);
    this.maxLive = Math.max(this.maxLive, this.live.size);
    return fd;
  }

  close(fd: number): void {
    const file = this.live.get(fd);
    if (file === undefined) throw new Error(`closing descriptor ${fd}, which this opener did not open or already closed`);
    this.live.delete(fd);
    this.serials.delete(fd);
    this.closedPaths.push(file);
    fs.closeSync(fd);
  }

  /** The serial of the open that made `fd`, undefined once closed. */
  serialOf(fd: number): number | undefined {
    return this.serials.get(fd);
  }

  /** Fails the next `times` opens with `errno`, then lets opens through again. */
  failNext(errno: string, times = 1): void {
    let left = times;
    this.failWith = () => (left-- > 0 ? errno : undefined);
  }
}

/** Descriptors this process has open, counted from /proc/self/fd (Linux). */
export function processDescriptors(): number {
  return fs.readdirSync('/proc/self/fd').length;
}

/** A promise the test settles by hand. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
