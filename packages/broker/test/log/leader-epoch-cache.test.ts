import * as fs from 'node:fs';
import * as path from 'node:path';
import { KafkaStorageError } from '@kz/broker';
import { LeaderEpochCache } from '../../src/log/leader-epoch-cache';
import { cleanupTempDirs, tempDir, thrown } from './helpers';

afterEach(cleanupTempDirs);

describe('LeaderEpochCache', () => {
  it('persists every change and reloads it', () => {
    const dir = tempDir();
    const cache = LeaderEpochCache.load(dir);
    cache.assign(1, 0);
    cache.assign(1, 5); // same epoch, later start: no change
    cache.assign(3, 10);
    expect(LeaderEpochCache.load(dir).all).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 3, startOffset: 10 },
    ]);
    expect(fs.readdirSync(dir)).toEqual(['leader-epoch-checkpoint']);
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
