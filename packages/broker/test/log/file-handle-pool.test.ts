/** FileHandlePool: lazy opens, LRU eviction under the cap, pinning, and typed open failures. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  FileHandlePool,
  KafkaStorageError,
  LogFileOpenError,
  MIN_MAX_OPEN_FILES,
  TooManyOpenFilesError,
  maxOpenFilesFor,
  parseOpenFilesSoftLimit,
} from '@kz/broker';
import { CountingOpener, cleanupTempDirs, deferred, tempDir, thrown } from './helpers';

afterEach(cleanupTempDirs);

const RW_CREATE = fs.constants.O_RDWR | fs.constants.O_CREAT;

function setup(maxOpenFiles: number, files: number): { pool: FileHandlePool; opener: CountingOpener; paths: string[] } {
  const dir = tempDir();
  const opener = new CountingOpener();
  const pool = new FileHandlePool({ maxOpenFiles, opener });
  const paths = Array.from({ length: files }, (_, i) => path.join(dir, `f${i}`));
  return { pool, opener, paths };
}

const touch = (fd: number): number => fs.fstatSync(fd).size;

describe('FileHandlePool', () => {
  it('opens a file on first use only and keeps the descriptor for the next use', () => {
    const { pool, opener, paths } = setup(4, 1);
    const file = pool.file(paths[0]!, RW_CREATE);
    expect(opener.opened).toBe(0);
    const first = file.use((fd) => fd);
    const second = file.use((fd) => fd);
    expect(second).toBe(first);
    expect(opener.opened).toBe(1);
    expect(pool.stats()).toEqual({ openFiles: 1, maxOpenFiles: 4, pinnedFiles: 0, opens: 1, evictions: 0, outOfDescriptors: 0, waitingForDescriptor: 0 });
  });

  it('closes the least recently used descriptor when the cap is reached', () => {
    const { pool, opener, paths } = setup(4, 6);
    const files = paths.map((p) => pool.file(p, RW_CREATE));
    for (const f of files.slice(0, 4)) f.use(touch);
    files[0]!.use(touch); // f0 is now the most recent; f1 the least
    files[4]!.use(touch);
    expect(opener.closedPaths).toEqual([paths[1]]);
    files[5]!.use(touch);
    expect(opener.closedPaths).toEqual([paths[1], paths[2]]);
    expect(opener.live.size).toBe(4);
    expect(pool.stats()).toMatchObject({ openFiles: 4, evictions: 2, opens: 6 });
    files[1]!.use(touch); // reopened, evicting f3
    expect(opener.closedPaths[2]).toBe(paths[3]);
  });

  it('never closes a descriptor while a synchronous use of it is running', () => {
    const { pool, opener, paths } = setup(4, 8);
    const files = paths.map((p) => pool.file(p, RW_CREATE));
    files[0]!.use((fd) => {
      for (const f of files.slice(1)) f.use(touch);
      expect(opener.live.get(fd)).toBe(paths[0]);
      fs.writeSync(fd, 'still mine');
    });
    expect(fs.readFileSync(paths[0]!, 'utf8')).toBe('still mine');
    expect(opener.maxLive).toBe(4);
  });

  it('keeps a descriptor pinned by an asynchronous use open until its promise settles, even if its handle is closed', async () => {
    const { pool, opener, paths } = setup(4, 8);
    const files = paths.map((p) => pool.file(p, RW_CREATE));
    const gate = deferred();
    let pinnedFd = -1;
    const flushing = files[0]!.useAsync(async (fd) => {
      pinnedFd = fd;
      await gate.promise;
      expect(opener.live.get(fd)).toBe(paths[0]);
      fs.fsyncSync(fd);
      return 'fsynced';
    });
    await Promise.resolve();
    expect(pinnedFd).toBeGreaterThanOrEqual(0);
    for (const f of files.slice(1)) f.use(touch);
    files[0]!.close();
    expect(opener.live.get(pinnedFd)).toBe(paths[0]); // detached, not closed
    expect(pool.stats()).toMatchObject({ openFiles: 4, pinnedFiles: 1 });
    gate.resolve();
    await expect(flushing).resolves.toBe('fsynced');
    expect(opener.live.has(pinnedFd)).toBe(false);
    expect(pool.stats()).toMatchObject({ openFiles: 3, pinnedFiles: 0 });
    expect(opener.maxLive).toBe(4);
  });

  it('makes asynchronous uses wait once they would leave a synchronous operation too few descriptors', async () => {
    // Cap 4 leaves one descriptor to asynchronous pins (SYNC_PINS = 3).
    const { pool, paths } = setup(MIN_MAX_OPEN_FILES, 3);
    const [a, b, c] = paths.map((p) => pool.file(p, RW_CREATE));
    const gate = deferred();
    const order: string[] = [];
    const first = a!.useAsync(async () => {
      order.push('a');
      await gate.promise;
    });
    const second = b!.useAsync(async () => {
      order.push('b');
    });
    const third = c!.useAsync(async () => {
      order.push('c');
    });
    c!.close(); // closed while waiting: its use is skipped
    await Promise.resolve();
    expect(order).toEqual(['a']);
    expect(pool.stats().waitingForDescriptor).toBe(2);
    gate.resolve();
    await Promise.all([first, second]);
    await expect(third).resolves.toBeUndefined();
    expect(order).toEqual(['a', 'b']);
    expect(pool.stats()).toMatchObject({ waitingForDescriptor: 0, pinnedFiles: 0 });
  });

  it('refuses a closed handle', () => {
    const { pool, paths } = setup(4, 1);
    const file = pool.file(paths[0]!, RW_CREATE);
    file.close();
    expect(thrown(() => file.use(touch))).toBeInstanceOf(KafkaStorageError);
  });

  it('counts transient descriptors against the cap and closes them after the call', () => {
    const { pool, opener, paths } = setup(4, 5);
    const files = paths.slice(0, 4).map((p) => pool.file(p, RW_CREATE));
    for (const f of files) f.use(touch);
    const inside = pool.withFile(paths[4]!, RW_CREATE, () => pool.stats().openFiles);
    expect(inside).toBe(4);
    expect(opener.closedPaths).toEqual([paths[0], paths[4]]);
    expect(opener.maxLive).toBe(4);
  });

  it('on EMFILE closes every idle descriptor and retries once', () => {
    const { pool, opener, paths } = setup(10, 5);
    const files = paths.map((p) => pool.file(p, RW_CREATE));
    for (const f of files.slice(0, 3)) f.use(touch);
    files[0]!.use(() => {
      opener.failNext('EMFILE');
      files[4]!.use(touch);
      expect(opener.live.size).toBe(2); // f0 (in use) and f4
    });
    expect(opener.closedPaths.sort()).toEqual([paths[1], paths[2]]);
    expect(pool.stats()).toMatchObject({ outOfDescriptors: 1, openFiles: 2 });
  });

  it('throws TooManyOpenFilesError (KAFKA_STORAGE_ERROR) when the retry fails too, holding nothing more', () => {
    const { pool, opener, paths } = setup(10, 2);
    pool.file(paths[0]!, RW_CREATE).use(touch);
    opener.failNext('ENFILE', 2);
    const error = thrown(() => pool.file(paths[1]!, RW_CREATE).use(touch));
    expect(error).toBeInstanceOf(TooManyOpenFilesError);
    expect(error).toBeInstanceOf(LogFileOpenError);
    expect(error).toMatchObject({ errno: 'ENFILE', path: paths[1], syscall: 'open', code: 'KAFKA_STORAGE_ERROR', kafkaErrorCode: 56 });
    expect((error as Error).message).toContain('ENFILE');
    expect(opener.live.size).toBe(0);
    expect(pool.stats()).toMatchObject({ openFiles: 0, outOfDescriptors: 2, pinnedFiles: 0 });
  });

  it('retries a call refused a descriptor outside the pool once, after closing the idle ones', () => {
    const { pool, opener, paths } = setup(10, 3);
    for (const p of paths) pool.file(p, RW_CREATE).use(touch);
    const emfile = (): Error => Object.assign(new Error('EMFILE: too many open files, scandir'), { code: 'EMFILE', syscall: 'scandir' });
    let calls = 0;
    expect(
      pool.retryingOnEmfile(() => {
        if (calls++ === 0) throw emfile();
        return opener.live.size;
      }),
    ).toBe(0);
    expect(calls).toBe(2);
    expect(pool.stats().outOfDescriptors).toBe(1);
    // The pool's own open already had its retry: its TooManyOpenFilesError passes straight through.
    opener.failNext('EMFILE', 2);
    calls = 0;
    const error = thrown(() =>
      pool.retryingOnEmfile(() => {
        calls++;
        pool.file(paths[0]!, RW_CREATE).use(touch);
      }),
    );
    expect(error).toBeInstanceOf(TooManyOpenFilesError);
    expect(calls).toBe(1);
  });

  it('types other open failures without retrying them', () => {
    const { pool, opener, paths } = setup(10, 2);
    pool.file(paths[0]!, RW_CREATE).use(touch);
    opener.failNext('EACCES'); // a retry would succeed, so an error proves there was none
    const denied = thrown(() => pool.file(paths[1]!, RW_CREATE).use(touch));
    expect(denied).toBeInstanceOf(LogFileOpenError);
    expect(denied).not.toBeInstanceOf(TooManyOpenFilesError);
    expect(denied).toMatchObject({ errno: 'EACCES', path: paths[1], code: 'KAFKA_STORAGE_ERROR' });
    expect(opener.live.size).toBe(1); // nothing evicted for an error eviction cannot fix
    const missing = thrown(() => pool.file(path.join(path.dirname(paths[0]!), 'absent'), fs.constants.O_RDWR).use(touch));
    expect(missing).toMatchObject({ name: 'LogFileOpenError', errno: 'ENOENT' });
  });

  it('refuses a cap below what one synchronous operation needs', () => {
    expect(() => new FileHandlePool({ maxOpenFiles: MIN_MAX_OPEN_FILES - 1 })).toThrow(RangeError);
    expect(() => new FileHandlePool({ maxOpenFiles: 2.5 })).toThrow(RangeError);
  });
});

describe('the default cap', () => {
  const limits = (soft: string, hard: string): string =>
    [
      'Limit                     Soft Limit           Hard Limit           Units     ',
      'Max processes             63448                63448                processes ',
      `Max open files            ${soft.padEnd(21)}${hard.padEnd(21)}files     `,
      'Max locked memory         8388608              8388608              bytes     ',
    ].join('\n');

  it('is half the soft limit on open files', () => {
    expect(maxOpenFilesFor(parseOpenFilesSoftLimit(limits('20000', '40000')))).toBe(10_000);
    expect(maxOpenFilesFor(parseOpenFilesSoftLimit(limits('1024', '4096')))).toBe(512);
  });

  it('falls back to half of 1024 when the limit cannot be read, and never goes below the minimum', () => {
    expect(parseOpenFilesSoftLimit('Max processes 5 5 processes')).toBeUndefined();
    expect(maxOpenFilesFor(undefined)).toBe(512);
    expect(maxOpenFilesFor(5)).toBe(MIN_MAX_OPEN_FILES);
    expect(parseOpenFilesSoftLimit(limits('unlimited', 'unlimited'))).toBe(1 << 20);
  });

  it('reads this process\'s limit', () => {
    const soft = parseOpenFilesSoftLimit(fs.readFileSync('/proc/self/limits', 'utf8'));
    expect(soft).toBeGreaterThan(0);
    expect(FileHandlePool.processWide().maxOpenFiles).toBe(maxOpenFilesFor(soft));
  });
});
