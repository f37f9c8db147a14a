import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileHandlePool, KafkaStorageError, TooManyOpenFilesError } from '@kz/broker';
import { LeaderEpochCache } from '../../src/log/leader-epoch-cache';
import { cleanupTempDirs, CountingOpener, tempDir, thrown } from './helpers';

afterEach(cleanupTempDirs);

describe('LeaderEpochCache', () => {
  it('writes assignments with the next persist, not before, and reloads them', () => {
    const dir = tempDir();
    const cache = LeaderEpochCache.load(dir);
    cache.assign(1, 0);
    cache.assign(1, 5); // same epoch, later start: no change
    cache.assign(3, 10);
    // Assignments live in memory until the log's next flush persists them.
    expect(cache.needsPersist).toBe(true);
    expect(LeaderEpochCache.load(dir).all).toEqual([]);
    cache.persistSync();
    expect(cache.needsPersist).toBe(false);
    expect(LeaderEpochCache.load(dir).all).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 3, startOffset: 10 },
    ]);
    expect(fs.readdirSync(dir)).toEqual(['leader-epoch-checkpoint']);
  });

  it('persists asynchronously, and an older write never lands over a newer one', async () => {
    const dir = tempDir();
    const cache = LeaderEpochCache.load(dir);
    cache.assign(1, 0);
    const first = cache.persistAsync();
    cache.assign(2, 7);
    const second = cache.persistAsync();
    // A synchronous write lands while both asynchronous ones are still in flight.
    cache.assign(3, 9);
    cache.persistSync();
    await Promise.all([first, second]);
    expect(cache.needsPersist).toBe(false);
    expect(LeaderEpochCache.load(dir).all).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 7 },
      { epoch: 3, startOffset: 9 },
    ]);
    // No temp file of a write that lost the race stays behind.
    expect(fs.readdirSync(dir)).toEqual(['leader-epoch-checkpoint']);
  });

  it('writes a truncation with the next persist too, and a failed write leaves the change pending', () => {
    const dir = tempDir();
    const opener = new CountingOpener();
    const cache = LeaderEpochCache.load(dir, new FileHandlePool({ opener }));
    cache.assign(1, 0);
    cache.assign(2, 10);
    cache.persistSync();
    cache.truncateFromEnd(10);
    opener.failNext('EMFILE', 2);
    expect(cache.needsPersist).toBe(true);
    expect(LeaderEpochCache.load(dir).all).toEqual([{ epoch: 1, startOffset: 0 }, { epoch: 2, startOffset: 10 }]);
    expect(() => cache.persistSync()).toThrow(TooManyOpenFilesError);
    expect(cache.needsPersist).toBe(true);
    cache.persistSync();
    expect(cache.needsPersist).toBe(false);
    expect(LeaderEpochCache.load(dir).all).toEqual([{ epoch: 1, startOffset: 0 }]);
  });

  it('drops entries that a new assignment makes non-monotonic', () => {
    const cache = LeaderEpochCache.load(tempDir());
    cache.assign(1, 0);
    cache.assign(2, 10);
    cache.assign(3, 20);
    cache.assign(2, 15);
    expect(cache.all).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 15 },
    ]);
  });

  it('truncates from the end and from the start', () => {
    const cache = LeaderEpochCache.load(tempDir());
    cache.assign(1, 0);
    cache.assign(2, 10);
    cache.assign(3, 20);
    cache.truncateFromStart(15);
    expect(cache.all).toEqual([
      { epoch: 2, startOffset: 15 },
      { epoch: 3, startOffset: 20 },
    ]);
    cache.truncateFromEnd(20);
    expect(cache.all).toEqual([{ epoch: 2, startOffset: 15 }]);
  });

  it('rejects a malformed checkpoint with KAFKA_STORAGE_ERROR', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'leader-epoch-checkpoint'), '0\n2\n1 0\n');
    const e = thrown(() => LeaderEpochCache.load(dir));
    expect(e).toBeInstanceOf(KafkaStorageError);
    expect(e).toMatchObject({ code: 'KAFKA_STORAGE_ERROR', kafkaErrorCode: 56 });
  });
});
