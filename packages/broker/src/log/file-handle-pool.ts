/**
 * A bounded cache of the file descriptors partition logs use. Every segment `.log` and index file
 * is opened lazily through it, on first use, and the least recently used descriptor is closed when
 * the cap is reached. Without it a broker holds three descriptors per replica for as long as the
 * replica lives, and 20,000 replicas exhaust a 20,000-descriptor process with EMFILE. Kafka has no
 * such cap (it keeps every segment open and asks operators for a high `ulimit -n`); kz's knob is
 * named in its style: `log.max.open.files`.
 *
 * One pool per process by default (`FileHandlePool.processWide()`), because the limit it protects
 * is the process's: two log directories in one process (several brokers in a test, an in-process
 * cluster) with a pool each would together be allowed twice what the process may open.
 *
 * Rules that keep it correct:
 * - A descriptor is never closed while an operation uses it: `use` pins it for the length of a
 *   synchronous call, `useAsync` until the returned promise settles (an fsync on libuv's thread
 *   pool). Closing a pinned handle only detaches it; the descriptor closes when the last pin goes.
 * - At most SYNC_PINS descriptors are pinned by one synchronous log operation; asynchronous pins
 *   may take the rest of the cap and wait beyond it, so a synchronous operation always finds a
 *   descriptor to evict and never waits or exceeds the cap.
 * - Transient opens (a checkpoint written through a temp file, an index read once on load) go
 *   through `withFile`, so they count against the cap as well.
 * - Opening is the one fallible step: EMFILE/ENFILE first make the pool close every idle
 *   descriptor and retry once (the limit may have been reached by sockets, not by logs); after that,
 *   and for any other errno, a typed LogFileOpenError / TooManyOpenFilesError.
 *
 * A reopened `.log` may see an fsync report success for a writeback error that happened while no
 * descriptor was open, if the kernel dropped the inode meanwhile (the PostgreSQL "fsyncgate" case).
 * Kafka avoids it by never closing; kz accepts it for capped descriptors: the active segments being
 * written and flushed are the most recently used, so the last to be evicted, and a cap well above
 * the working set never evicts them at all.
 */
import * as fs from 'node:fs';
import { asLogFileError, isOutOfDescriptors, KafkaStorageError, TooManyOpenFilesError } from './log-errors';

/** How the pool opens and closes descriptors; injectable so tests can count them or fail an open. */
export interface FileOpener {
  open(path: string, flags: number): number;
  close(fd: number): void;
}

export const SYSTEM_FILE_OPENER: FileOpener = {
  open: (path, flags) => fs.openSync(path, flags),
  close: (fd) => fs.closeSync(fd),
};

/**
 * The most descriptors one synchronous log operation pins at once: an append that writes index
 * entries holds the segment's `.log` and both indexes, so none of them can fail to open after the
 * batch is written.
 */
export const SYNC_PINS = 3;
/** The smallest cap that leaves a synchronous operation its pins and one asynchronous fsync a descriptor. */
export const MIN_MAX_OPEN_FILES = SYNC_PINS + 1;

export interface FileHandlePoolOptions {
  /** log.max.open.files: descriptors the pool may hold at once. Default: defaultMaxOpenFiles(). */
  readonly maxOpenFiles?: number;
  readonly opener?: FileOpener;
}

export interface FileHandlePoolStats {
  /** Descriptors open now: cached, in use, or waiting for an fsync to finish before closing. */
  readonly openFiles: number;
  readonly maxOpenFiles: number;
  /** Descriptors pinned by an operation in progress. */
  readonly pinnedFiles: number;
  /** Opens since the pool was made; above the files in use, they are reopens caused by the cap. */
  readonly opens: number;
  /** Descriptors closed to make room for another (least recently used first). */
  readonly evictions: number;
  /** Times the system refused an open for lack of descriptors (EMFILE/ENFILE), retried or not. */
  readonly outOfDescriptors: number;
  /** Asynchronous operations waiting for a descriptor because the others are pinned. */
  readonly waitingForDescriptor: number;
}

/** What a PooledFile may ask of its pool; kept off the pool's public face. */
interface PoolAccess {
  use<T>(file: PooledFile, fn: (fd: number) => T, createFlags: number): T;
  useAsync<T>(file: PooledFile, fn: (fd: number) => Promise<T>): Promise<T | undefined>;
  release(file: PooledFile): void;
}

interface OpenFile {
  readonly fd: number;
  pins: number;
  /** The handle let go of it while pinned; it closes when the last pin goes. */
  detached: boolean;
}

/** One file a log opens through the pool. Holds no descriptor until used. */
export class PooledFile {
  private isClosed = false;

  constructor(
    private readonly pool: PoolAccess,
    readonly path: string,
    /** Flags for every open; without O_CREAT a file that vanished fails loudly instead of reappearing empty. */
    readonly flags: number,
  ) {}

  get closed(): boolean {
    return this.isClosed;
  }

  /** Runs `fn` with the file's descriptor (opening it if needed), which stays open until `fn` returns. */
  use<T>(fn: (fd: number) => T): T {
    this.ensureNotClosed();
    return this.pool.use(this, fn, 0);
  }

  /**
   * Runs `fn` with the descriptor pinned until its promise settles. It may wait while other
   * asynchronous operations hold every descriptor they may; if the handle was closed meanwhile,
   * resolves undefined without calling `fn`.
   */
  useAsync<T>(fn: (fd: number) => Promise<T>): Promise<T | undefined> {
    this.ensureNotClosed();
    return this.pool.useAsync(this, fn);
  }

  /** Creates the file, or empties it, and keeps its descriptor cached. */
  create(): void {
    this.ensureNotClosed();
    this.pool.use(this, (fd) => fs.ftruncateSync(fd, 0), fs.constants.O_CREAT);
  }

  /** Closes the descriptor (when its last pin goes) and retires the handle: the file is not opened again. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.pool.release(this);
  }

  private ensureNotClosed(): void {
    if (this.isClosed) throw new KafkaStorageError(`${this.path} was closed`);
  }
}

export class FileHandlePool {
  private static shared: FileHandlePool | undefined;

  /** The process's pool, sized by defaultMaxOpenFiles() on first use. */
  static processWide(): FileHandlePool {
    FileHandlePool.shared ??= new FileHandlePool();
    return FileHandlePool.shared;
  }

  readonly maxOpenFiles: number;
  private readonly opener: FileOpener;
  /** Descriptors of live handles, least recently used first (a Map iterates in insertion order). */
  private readonly cached = new Map<PooledFile, OpenFile>();
  private mostRecent: PooledFile | undefined;
  /** Descriptors open but not in `cached`: detached while pinned, or transient (withFile). */
  private uncached = 0;
  private pinned = 0;
  private asyncHolders = 0;
  private readonly asyncWaiters: (() => void)[] = [];
  private opens = 0;
  private evictions = 0;
  private outOfDescriptors = 0;

  constructor(options: FileHandlePoolOptions = {}) {
    const max = options.maxOpenFiles ?? defaultMaxOpenFiles();
    if (!Number.isSafeInteger(max) || max < MIN_MAX_OPEN_FILES) {
      throw new RangeError(`log.max.open.files must be an integer >= ${MIN_MAX_OPEN_FILES}, got ${max}`);
    }
    this.maxOpenFiles = max;
    this.opener = options.opener ?? SYSTEM_FILE_OPENER;
  }

  private readonly access: PoolAccess = {
    use: (file, fn, createFlags) => this.useFile(file, fn, createFlags),
    useAsync: (file, fn) => this.useFileAsync(file, fn),
    release: (file) => this.release(file),
  };

  /** A handle for `path`, opened with `flags` when first used. */
  file(path: string, flags: number): PooledFile {
    return new PooledFile(this.access, path, flags);
  }

  stats(): FileHandlePoolStats {
    return {
      openFiles: this.openFiles,
      maxOpenFiles: this.maxOpenFiles,
      pinnedFiles: this.pinned,
      opens: this.opens,
      evictions: this.evictions,
      outOfDescriptors: this.outOfDescriptors,
      waitingForDescriptor: this.asyncWaiters.length,
    };
  }

  /** A descriptor for the length of one synchronous call (a checkpoint write, a one-off read), counted against the cap. */
  withFile<T>(path: string, flags: number, fn: (fd: number) => T): T {
    const fd = this.open(path, flags);
    this.uncached++;
    try {
      return fn(fd);
    } finally {
      this.uncached--;
      this.opener.close(fd);
    }
  }

  /** fsync of a file or a directory (its entries) through a transient descriptor. */
  fsync(path: string): void {
    this.withFile(path, fs.constants.O_RDONLY, (fd) => fs.fsyncSync(fd));
  }

  /** fsync on libuv's thread pool; the descriptor counts against the cap until it is done. */
  async fsyncAsync(path: string): Promise<void> {
    const handle = this.file(path, fs.constants.O_RDONLY);
    try {
      await handle.useAsync((fd) => new Promise<void>((resolve, reject) => fs.fsync(fd, (error) => (error === null ? resolve() : reject(error)))));
    } finally {
      handle.close();
    }
  }

  /**
   * Runs `fn`, and once more after closing every idle descriptor if the system refused `fn` a
   * descriptor the pool does not manage (a directory listing, a removal): the limit may have been
   * reached by sockets, and the pool's idle descriptors are the ones the process can give back.
   * An open the pool made already had its retry, so its TooManyOpenFilesError is not retried again.
   */
  retryingOnEmfile<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (!isOutOfDescriptors(error) || error instanceof TooManyOpenFilesError) throw error;
      this.outOfDescriptors++;
      this.evictIdle();
    }
    return fn();
  }

  /** Closes every cached descriptor no operation is using; returns how many. */
  evictIdle(): number {
    let closed = 0;
    for (const [file, open] of this.cached) {
      if (open.pins > 0) continue;
      this.evict(file, open);
      closed++;
    }
    return closed;
  }

  private useFile<T>(file: PooledFile, fn: (fd: number) => T, createFlags: number): T {
    const open = this.acquire(file, createFlags);
    open.pins++;
    this.pinned++;
    try {
      return fn(open.fd);
    } finally {
      this.unpin(open);
    }
  }

  private async useFileAsync<T>(file: PooledFile, fn: (fd: number) => Promise<T>): Promise<T | undefined> {
    await this.asyncSlot();
    try {
      if (file.closed) return undefined;
      const open = this.acquire(file, 0);
      open.pins++;
      this.pinned++;
      try {
        return await fn(open.fd);
      } finally {
        this.unpin(open);
      }
    } finally {
      this.releaseAsyncSlot();
    }
  }

  /** The handle is done with its descriptor: close it now, or when its last pin goes. */
  private release(file: PooledFile): void {
    const open = this.cached.get(file);
    if (open === undefined) return;
    this.forget(file);
    if (open.pins > 0) {
      open.detached = true;
      this.uncached++;
    } else {
      this.opener.close(open.fd);
    }
  }

  private get openFiles(): number {
    return this.cached.size + this.uncached;
  }

  /** Asynchronous holders may pin all but SYNC_PINS descriptors; the slot passes straight to the next waiter. */
  private async asyncSlot(): Promise<void> {
    if (this.asyncHolders < this.maxOpenFiles - SYNC_PINS && this.asyncWaiters.length === 0) {
      this.asyncHolders++;
      return;
    }
    await new Promise<void>((resolve) => this.asyncWaiters.push(resolve));
  }

  private releaseAsyncSlot(): void {
    const next = this.asyncWaiters.shift();
    if (next !== undefined) next();
    else this.asyncHolders--;
  }

  private acquire(file: PooledFile, createFlags: number): OpenFile {
    const cached = this.cached.get(file);
    if (cached !== undefined) {
      if (this.mostRecent !== file) {
        this.cached.delete(file);
        this.cached.set(file, cached);
        this.mostRecent = file;
      }
      return cached;
    }
    const open: OpenFile = { fd: this.open(file.path, file.flags | createFlags), pins: 0, detached: false };
    this.cached.set(file, open);
    this.mostRecent = file;
    return open;
  }

  /** Opens after making room under the cap; on EMFILE/ENFILE frees every idle descriptor and tries once more. */
  private open(path: string, flags: number): number {
    this.makeRoom();
    try {
      return this.openCounted(path, flags);
    } catch (error) {
      if (!isOutOfDescriptors(error)) throw asLogFileError(error, path);
      this.outOfDescriptors++;
      this.evictIdle();
    }
    try {
      return this.openCounted(path, flags);
    } catch (error) {
      if (isOutOfDescriptors(error)) this.outOfDescriptors++;
      throw asLogFileError(error, path);
    }
  }

  private openCounted(path: string, flags: number): number {
    const fd = this.opener.open(path, flags);
    this.opens++;
    return fd;
  }

  private makeRoom(): void {
    if (this.openFiles < this.maxOpenFiles) return;
    for (const [file, open] of this.cached) {
      if (open.pins > 0) continue;
      this.evict(file, open);
      if (this.openFiles < this.maxOpenFiles) return;
    }
    // Unreachable while synchronous operations pin at most SYNC_PINS descriptors.
    throw new Error(`file handle pool: all ${this.maxOpenFiles} descriptors are pinned`);
  }

  private evict(file: PooledFile, open: OpenFile): void {
    this.forget(file);
    this.opener.close(open.fd);
    this.evictions++;
  }

  private forget(file: PooledFile): void {
    this.cached.delete(file);
    if (this.mostRecent === file) this.mostRecent = undefined;
  }

  private unpin(open: OpenFile): void {
    open.pins--;
    this.pinned--;
    if (open.pins === 0 && open.detached) {
      this.uncached--;
      this.opener.close(open.fd);
    }
  }
}

/** Descriptors assumed when the process's limit cannot be read: POSIX systems' usual soft limit. */
const FALLBACK_OPEN_FILES_LIMIT = 1024;
/** "unlimited" cannot really be (the kernel caps it at fs.nr_open); Linux's default nr_open. */
const UNLIMITED_OPEN_FILES = 1 << 20;

/**
 * The default cap: half the process's soft limit on open files, leaving the other half to
 * sockets (clients, replication, Raft), the metadata log and whatever Node and libraries hold.
 * A fixed headroom ("limit minus 5,000") would leave nothing for logs under a 1,024 limit and too
 * little for sockets under a large one; half scales with both. Node raises its soft limit to the
 * hard limit at startup, so the soft limit read here is the one that applies.
 */
export function maxOpenFilesFor(softLimit: number | undefined): number {
  return Math.max(MIN_MAX_OPEN_FILES, Math.floor((softLimit ?? FALLBACK_OPEN_FILES_LIMIT) / 2));
}

/** The soft "Max open files" of /proc/self/limits (Linux); undefined if missing or unreadable. */
export function parseOpenFilesSoftLimit(limits: string): number | undefined {
  const m = /^Max open files\s+(\S+)/m.exec(limits);
  if (m?.[1] === undefined) return undefined;
  if (m[1] === 'unlimited') return UNLIMITED_OPEN_FILES;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function defaultMaxOpenFiles(): number {
  let limits: string;
  try {
    limits = fs.readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return maxOpenFilesFor(undefined);
  }
  return maxOpenFilesFor(parseOpenFilesSoftLimit(limits));
}
