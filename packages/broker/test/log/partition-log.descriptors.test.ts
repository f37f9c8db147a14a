/** A partition log's descriptors: failures to open refuse the operation cleanly, and nothing outlives its file or log. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileHandlePool, LogFileOpenError, PartitionLog, TooManyOpenFilesError, segmentFileStem } from '@kz/broker';
import { CountingOpener, batch, batchRanges, cleanupTempDirs, recordsOf, tempDir, thrown } from './helpers';

afterEach(cleanupTempDirs);

function smallPool(maxOpenFiles = 4): { pool: FileHandlePool; opener: CountingOpener } {
  const opener = new CountingOpener();
  return { pool: new FileHandlePool({ maxOpenFiles, opener }), opener };
}

const logFile = (dir: string, base: number): string => path.join(dir, `${segmentFileStem(base)}.log`);

describe('PartitionLog out of descriptors', () => {
  it('refuses an append whose files will not open with TooManyOpenFilesError, writing nothing', () => {
    const { pool, opener } = smallPool();
    const dir = tempDir();
    const log = PartitionLog.open(dir, { indexIntervalBytes: 1 }, pool);
    log.append(batch({ label: 'a' }), 0);
    log.append(batch({ label: 'b' }), 0); // the next append writes index entries too
    const sizeBefore = fs.statSync(logFile(dir, 0)).size;
    pool.evictIdle();
    opener.failWith = (file) => (file.endsWith('.timeindex') ? 'EMFILE' : undefined);

    const error = thrown(() => log.append(batch({ label: 'c' }), 0));

    expect(error).toBeInstanceOf(TooManyOpenFilesError);
    expect(error).toMatchObject({ errno: 'EMFILE', code: 'KAFKA_STORAGE_ERROR', kafkaErrorCode: 56 });
    expect(log.logEndOffset).toBe(2);
    expect(fs.statSync(logFile(dir, 0)).size).toBe(sizeBefore);
    opener.failWith = undefined;
    expect(log.append(batch({ label: 'c' }), 0)).toEqual({ baseOffset: 2, lastOffset: 2 });
    log.close();
    const reopened = PartitionLog.open(dir, { indexIntervalBytes: 1 }, pool);
    expect(reopened.recovery).toEqual([]);
    expect(recordsOf(reopened.read(0, 1 << 20)).map((r) => r.value.slice(0, 1))).toEqual(['a', 'b', 'c']);
    reopened.close();
    expect(opener.live.size).toBe(0);
  });

  it('refuses a read with a typed error and serves it once a descriptor is free again', () => {
    const { pool, opener } = smallPool();
    const log = PartitionLog.open(tempDir(), {}, pool);
    log.append(batch({ count: 3 }), 0);
    pool.evictIdle();
    opener.failNext('EMFILE', 2);
    expect(thrown(() => log.read(0, 1 << 20))).toBeInstanceOf(TooManyOpenFilesError);
    expect(batchRanges(log.read(0, 1 << 20))).toEqual([[0, 2, 0]]);
    log.close();
  });

  it('holds no descriptor after an open that failed part-way, and damages nothing', () => {
    const dir = tempDir();
    const writer = PartitionLog.open(dir, { segmentBytes: 200 });
    for (let i = 0; i < 8; i++) writer.append(batch({ label: `r${i}` }), 1);
    const bases = writer.segmentBaseOffsets;
    writer.close();
    expect(bases.length).toBeGreaterThan(3);
    const { pool, opener } = smallPool();
    // The third segment's time index can be neither read (so it is rebuilt) nor written: by then
    // its .log and .index are open. (EACCES, because EMFILE would make the pool close idle ones.)
    const failing = path.join(dir, `${segmentFileStem(bases[2]!)}.timeindex`);
    opener.failWith = (file) => (file === failing ? 'EACCES' : undefined);

    const error = thrown(() => PartitionLog.open(dir, { segmentBytes: 200 }, pool));

    expect(error).toBeInstanceOf(LogFileOpenError);
    expect(error).toMatchObject({ errno: 'EACCES', path: failing });
    expect(opener.live.size).toBe(0);
    opener.failWith = undefined;
    const log = PartitionLog.open(dir, { segmentBytes: 200 }, pool);
    expect(log.segmentBaseOffsets).toEqual(bases);
    expect(log.logEndOffset).toBe(8);
    log.close();
  });

  it('fails loudly with ENOENT, not an empty read, when a segment vanished while its descriptor was closed', () => {
    const { pool } = smallPool();
    const dir = tempDir();
    const log = PartitionLog.open(dir, {}, pool);
    log.append(batch({ count: 2 }), 0);
    pool.evictIdle();
    fs.rmSync(logFile(dir, 0));
    const error = thrown(() => log.read(0, 1 << 20));
    expect(error).toBeInstanceOf(LogFileOpenError);
    expect(error).toMatchObject({ errno: 'ENOENT', code: 'KAFKA_STORAGE_ERROR' });
  });
});

describe('PartitionLog descriptors over its life', () => {
  it('closes the descriptors of segments it deletes, and every descriptor on close', () => {
    const { pool, opener } = smallPool(16);
    const dir = tempDir();
    const log = PartitionLog.open(dir, { segmentBytes: 200, retentionBytes: 0 }, pool);
    for (let i = 0; i < 8; i++) log.append(batch({ label: `r${i}` }), 0);
    for (let i = 0; i < 8; i++) log.read(i, 100); // every segment's .log is open now
    log.deleteOldSegments();
    expect(log.segmentBaseOffsets).toHaveLength(1);
    expect([...opener.live.values()].filter((file) => !fs.existsSync(file))).toEqual([]);
    log.truncateFullyAndStartAt(20);
    expect([...opener.live.values()].filter((file) => !fs.existsSync(file))).toEqual([]);
    log.close();
    expect(opener.live.size).toBe(0);
  });

  it('finishes an fsync whose segment is deleted meanwhile, without moving the recovery point past the truncation', async () => {
    const { pool, opener } = smallPool();
    const log = PartitionLog.open(tempDir(), {}, pool);
    log.append(batch({ count: 3 }), 0);
    const flushing = log.flushAsync();
    log.truncateFullyAndStartAt(0);
    log.append(batch({ count: 1 }), 1);
    await expect(flushing).resolves.toBeUndefined();
    expect(log.recoveryPoint).toBe(0);
    log.close();
    expect(opener.live.size).toBe(0);
  });

  it('resolves an fsync pending when the log closes and then holds nothing', async () => {
    const { pool, opener } = smallPool();
    const logs = Array.from({ length: 3 }, () => PartitionLog.open(tempDir(), {}, pool));
    for (const log of logs) log.append(batch(), 0);
    // Cap 4 leaves one descriptor to fsyncs. Each flush fsyncs its segment and its first epoch's
    // checkpoint: one of the six runs, the other five wait.
    const flushes = logs.map((log) => log.flushAsync());
    expect(pool.stats().waitingForDescriptor).toBe(5);
    for (const log of logs) log.close();
    await expect(Promise.all(flushes)).resolves.toEqual([undefined, undefined, undefined]);
    expect(opener.live.size).toBe(0);
    expect(pool.stats()).toMatchObject({ openFiles: 0, pinnedFiles: 0, waitingForDescriptor: 0 });
  });
});
