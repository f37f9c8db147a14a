/** DiskLogDirectory: thousands of replicas within a descriptor cap, and replicas refused cleanly when files will not open. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiskLogDirectory, FileHandlePool, LogFileOpenError, TooManyOpenFilesError, type PartitionLog } from '@kz/broker';
import { CountingOpener, batch, batchRanges, cleanupTempDirs, processDescriptors, tempDir, thrown } from '../log/helpers';

afterEach(cleanupTempDirs);

const TOPIC_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

function directory(opener?: CountingOpener, maxOpenFiles = 16): { logs: DiskLogDirectory; root: string; pool: FileHandlePool } {
  const root = tempDir();
  const pool = new FileHandlePool(opener === undefined ? { maxOpenFiles } : { maxOpenFiles, opener });
  return { logs: new DiskLogDirectory(root, {}, undefined, { fileHandles: pool }), root, pool };
}

describe('DiskLogDirectory descriptors', () => {
  it('hosts thousands of replicas without ever holding more descriptors than its cap', () => {
    const cap = 16;
    const { logs, pool } = directory(undefined, cap);
    const before = processDescriptors();
    let most = before;
    const replicas = Array.from({ length: 2000 }, (_, i) => {
      const log = logs.open(TOPIC_ID, 'many', i);
      if (i % 50 === 0) most = Math.max(most, processDescriptors());
      return log;
    });
    expect(processDescriptors() - before).toBeLessThanOrEqual(cap);
    replicas.forEach((log, i) => {
      log.append(batch({ count: 1 + (i % 3) }), 0);
      if (i % 50 === 0) most = Math.max(most, processDescriptors());
    });
    replicas.forEach((log, i) => expect(batchRanges(log.read(0, 1 << 20))).toEqual([[0, i % 3, 0]]));
    expect(processDescriptors() - before).toBeLessThanOrEqual(cap);
    expect(most - before).toBeLessThanOrEqual(cap);
    expect(pool.stats()).toMatchObject({ maxOpenFiles: cap, pinnedFiles: 0 });
    expect(pool.stats().openFiles).toBeLessThanOrEqual(cap);
    expect(pool.stats().evictions).toBeGreaterThan(2000);

    replicas.forEach((log, i) => logs.remove(log, TOPIC_ID, i));
    expect(processDescriptors()).toBeLessThanOrEqual(before);
    expect(pool.stats().openFiles).toBe(0);
  }, 60_000); // thousands of fsyncs on a shared disk

  it('uses the process-wide pool unless given one', () => {
    expect(new DiskLogDirectory(tempDir()).fileHandles).toBe(FileHandlePool.processWide());
  });
});

describe('DiskLogDirectory refusing a replica', () => {
  it('creates nothing on disk for a new replica until its first record', () => {
    const opener = new CountingOpener();
    const { logs, root } = directory(opener);
    const log = logs.open(TOPIC_ID, 'lazy', 0);
    log.assignEpochStartOffset(2, 0);
    log.flush();
    expect(log.logEndOffset).toBe(0);
    expect(log.read(0, 1 << 20)).toHaveLength(0);
    expect(log.endOffsetForEpoch(2)).toEqual({ epoch: 2, endOffset: 0 });
    expect(fs.existsSync(path.join(root, 'lazy-0'))).toBe(false);
    expect(opener.opened).toBe(0);

    log.append(batch({ count: 3 }), 2);
    expect(fs.readFileSync(path.join(root, 'lazy-0', 'partition.metadata'), 'utf8')).toContain(`topic_id: ${TOPIC_ID}`);
    // The epoch registered before the log existed went with it.
    expect(log.endOffsetForEpoch(2)).toEqual({ epoch: 2, endOffset: 3 });
    log.flush();
    expect(fs.readFileSync(path.join(root, 'lazy-0', 'leader-epoch-checkpoint'), 'utf8')).toBe('0\n1\n2 0\n');
  });

  it('refuses a new replica\'s first record with TooManyOpenFilesError when no descriptor is to be had, leaving no directory; the next record creates it', () => {
    const opener = new CountingOpener();
    const { logs, root } = directory(opener);
    const existing = logs.open(TOPIC_ID, 'old', 0);
    existing.append(batch({ count: 2 }), 0);
    const fresh = logs.open(TOPIC_ID, 'new', 0);
    // The last file a new replica creates: its directory, partition.metadata and .log exist by then.
    opener.failWith = (file) => (file.includes(`${path.sep}new-0${path.sep}`) && file.endsWith('.log') ? 'EMFILE' : undefined);

    const error = thrown(() => fresh.append(batch(), 3));

    expect(error).toBeInstanceOf(TooManyOpenFilesError);
    expect(error).toMatchObject({ code: 'KAFKA_STORAGE_ERROR', kafkaErrorCode: 56, errno: 'EMFILE' });
    expect((error as Error).message).toMatch(/out of file descriptors \(EMFILE\)/);
    expect(fs.existsSync(path.join(root, 'new-0'))).toBe(false);
    expect(fresh.logEndOffset).toBe(0);
    expect(opener.live.size).toBeLessThanOrEqual(3); // what `old-0` may still have cached
    expect(batchRanges(existing.read(0, 1 << 20))).toEqual([[0, 1, 0]]);

    opener.failWith = undefined;
    expect(fresh.append(batch(), 3)).toEqual({ baseOffset: 0, lastOffset: 0 });
    expect(fs.readFileSync(path.join(root, 'new-0', 'partition.metadata'), 'utf8')).toContain(`topic_id: ${TOPIC_ID}`);
  });

  it.each(['EACCES', 'ENOSPC'])('refuses a new replica\'s first record when its segment cannot be created (%s) with LogFileOpenError', (errno) => {
    const opener = new CountingOpener();
    const { logs, root } = directory(opener);
    const fresh = logs.open(TOPIC_ID, 't', 7);
    opener.failWith = (file) => (file.endsWith('.log') ? errno : undefined);

    const error = thrown(() => fresh.append(batch(), 0));

    expect(error).toBeInstanceOf(LogFileOpenError);
    expect(error).not.toBeInstanceOf(TooManyOpenFilesError);
    expect(error).toMatchObject({ errno, code: 'KAFKA_STORAGE_ERROR', kafkaErrorCode: 56, path: path.join(root, 't-7', '00000000000000000000.log') });
    expect(fs.existsSync(path.join(root, 't-7'))).toBe(false);
    expect(opener.live.size).toBe(0);
  });

  it('keeps an existing replica\'s data when reopening it fails, and recovers it on the next try', () => {
    const opener = new CountingOpener();
    const { logs, root } = directory(opener);
    const first = logs.open(TOPIC_ID, 'kept', 0);
    first.append(batch({ count: 4 }), 2);
    first.close();
    const files = fs.readdirSync(path.join(root, 'kept-0')).sort();
    expect(files).toEqual(expect.arrayContaining(['00000000000000000000.log', 'leader-epoch-checkpoint', 'partition.metadata']));
    opener.failNext('EMFILE', 2);

    expect(thrown(() => logs.open(TOPIC_ID, 'kept', 0))).toBeInstanceOf(TooManyOpenFilesError);

    expect(fs.readdirSync(path.join(root, 'kept-0')).sort()).toEqual(files);
    const again = logs.open(TOPIC_ID, 'kept', 0) as PartitionLog;
    expect(again.logEndOffset).toBe(4);
    expect(again.latestEpoch).toBe(2);
  });

  it('closes a removed replica\'s descriptors', () => {
    const opener = new CountingOpener();
    const { logs, root } = directory(opener);
    const log = logs.open(TOPIC_ID, 'gone', 0);
    log.append(batch(), 0);
    logs.remove(log, TOPIC_ID, 0);
    expect([...opener.live.values()].filter((file) => file.startsWith(path.join(root, 'gone-0')))).toEqual([]);
    expect(fs.existsSync(path.join(root, 'gone-0'))).toBe(false);
  });
});

describe('DiskLogDirectory durability of a new replica', () => {
  const flushes: [string, (log: PartitionLog) => Promise<void> | void][] = [
    ['flush', (log) => log.flush()],
    ['flushAsync', (log) => log.flushAsync()],
  ];
  it.each(flushes)('costs no fsync until its first %s makes a record durable, which syncs its directory entry, partition.metadata and epochs first', async (_name, flush) => {
    const opener = new CountingOpener();
    const { logs, root } = directory(opener);
    const log = logs.open(TOPIC_ID, 'fresh', 0) as PartitionLog;
    const dir = path.join(root, 'fresh-0');
    // Made leader of an empty replica: nothing to flush, so nothing is fsynced, and no checkpoint written.
    log.assignEpochStartOffset(4, 0);
    await flush(log);
    const syncedPaths = (): string[] => opener.closedPaths.filter((p) => p === root || p === dir || p.endsWith('partition.metadata'));
    expect(syncedPaths()).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'leader-epoch-checkpoint'))).toBe(false);

    log.append(batch({ count: 2 }), 4);
    await flush(log);
    expect(new Set(syncedPaths())).toEqual(new Set([root, dir, path.join(dir, 'partition.metadata')]));
    expect(fs.readFileSync(path.join(dir, 'leader-epoch-checkpoint'), 'utf8')).toBe('0\n1\n4 0\n');
    expect(log.recoveryPoint).toBe(2);

    // Once durable, they are not fsynced again by later flushes.
    const before = syncedPaths().length;
    log.append(batch({ count: 1 }), 4);
    await flush(log);
    expect(syncedPaths()).toHaveLength(before);
    logs.remove(log, TOPIC_ID, 0);
  });
});

describe('DiskLogDirectory log start across a restart', () => {
  it('reopens a replica at its checkpointed start, and reports a corrupt checkpoint once, starting at the first segment', () => {
    const root = tempDir();
    const reported: { dir: string; discarded: string | undefined; start: number }[] = [];
    const open = (): DiskLogDirectory =>
      new DiskLogDirectory(root, {}, (dir, log) => reported.push({ dir, discarded: log.discardedLogStartCheckpoint?.name, start: log.logStartOffset }));
    const first = open();
    const log = first.open(TOPIC_ID, 'trimmed', 0);
    log.append(batch({ count: 5 }), 0);
    log.flush();
    expect(log.advanceLogStartOffset(3)).toBe(true);
    log.close();

    const reopened = open().open(TOPIC_ID, 'trimmed', 0);
    expect(reopened.logStartOffset).toBe(3);
    reopened.close();
    expect(reported).toEqual([]);

    const dir = path.join(root, 'trimmed-0');
    fs.writeFileSync(path.join(dir, 'log-start-offset-checkpoint'), '0\n3');
    const fallenBack = open().open(TOPIC_ID, 'trimmed', 0);
    expect(fallenBack.logStartOffset).toBe(0);
    fallenBack.close();
    expect(reported).toEqual([{ dir, discarded: 'CorruptCheckpointError', start: 0 }]);
  });
});
