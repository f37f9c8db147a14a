import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  EARLIEST_TIMESTAMP,
  FencedLeaderEpochError,
  FileHandlePool,
  KafkaStorageError,
  LATEST_TIMESTAMP,
  MAX_TIMESTAMP,
  OffsetOutOfRangeError,
  PartitionLog,
  RecordTooLargeError,
  UnexpectedAppendOffsetError,
  segmentFileStem,
} from '@kz/broker';
import { CrcMismatchError } from '@kz/records';
import { batch, batchRanges, cleanupTempDirs, concat, recordsOf, tempDir, thrown } from './helpers';

afterEach(cleanupTempDirs);

/** A clock tests move by hand, so nothing depends on real time. */
function manualClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('PartitionLog append and read', () => {
  it('assigns consecutive offsets, stamps epoch and offset, and reads whole batches back', () => {
    const log = PartitionLog.open(tempDir());
    expect(log.append(batch({ count: 3, label: 'a' }), 5)).toEqual({ baseOffset: 0, lastOffset: 2 });
    expect(log.append(batch({ count: 2, label: 'b' }), 5)).toEqual({ baseOffset: 3, lastOffset: 4 });
    expect(log.logEndOffset).toBe(5);

    const all = log.read(0, 1 << 20);
    expect(batchRanges(all)).toEqual([
      [0, 2, 5],
      [3, 4, 5],
    ]);
    expect(recordsOf(all).map((r) => `${r.offset}=${r.value.split(':').slice(0, 2).join(':')}`)).toEqual([
      '0=a:0',
      '1=a:1',
      '2=a:2',
      '3=b:0',
      '4=b:1',
    ]);
    // A read from the middle of a batch starts at that batch.
    expect(batchRanges(log.read(4, 1 << 20))).toEqual([[3, 4, 5]]);
    log.close();
  });

  it('returns at least one batch even if it exceeds maxBytes, then only whole batches that fit', () => {
    const log = PartitionLog.open(tempDir());
    const one = batch();
    for (let i = 0; i < 4; i++) log.append(one, 0);
    expect(batchRanges(log.read(0, 1))).toEqual([[0, 0, 0]]);
    expect(batchRanges(log.read(0, one.length * 2 + 1))).toEqual([
      [0, 0, 0],
      [1, 1, 0],
    ]);
    log.close();
  });

  it('stores the producer bytes verbatim apart from base offset and leader epoch, stamped in the buffer it was handed', () => {
    const log = PartitionLog.open(tempDir());
    log.append(batch(), 1);
    const produced = batch({ count: 2 });
    const before = Uint8Array.from(produced);
    log.append(produced, 3);
    const stored = log.read(1, 1 << 20);
    // Base offset (bytes 0-7) and partition leader epoch (12-15) are stamped; the rest is the producer's.
    expect(Uint8Array.from(stored.subarray(8, 12))).toEqual(before.subarray(8, 12));
    expect(Uint8Array.from(stored.subarray(16))).toEqual(before.subarray(16));
    expect(batchRanges(stored)).toEqual([[1, 2, 3]]);
    expect(Uint8Array.from(produced)).toEqual(Uint8Array.from(stored));
    log.close();
  });

  it('reads empty at the log end and throws OFFSET_OUT_OF_RANGE outside [start, end]', () => {
    const log = PartitionLog.open(tempDir());
    log.append(batch({ count: 2 }), 0);
    expect(log.read(2, 100).length).toBe(0);
    const e = thrown(() => log.read(3, 100));
    expect(e).toBeInstanceOf(OffsetOutOfRangeError);
    expect(e).toMatchObject({ code: 'OFFSET_OUT_OF_RANGE', kafkaErrorCode: 1, offset: 3, logStartOffset: 0, logEndOffset: 2 });
    expect(thrown(() => log.read(-1, 100))).toBeInstanceOf(OffsetOutOfRangeError);
    log.close();
  });

  it('rejects a corrupt batch and an oversize batch without writing anything', () => {
    const log = PartitionLog.open(tempDir(), { maxMessageBytes: 200 });
    const bad = batch();
    bad[bad.length - 1]! ^= 0xff;
    expect(thrown(() => log.append(concat(batch(), bad), 0))).toBeInstanceOf(CrcMismatchError);
    const big = batch({ valueBytes: 300 });
    expect(thrown(() => log.append(big, 0))).toMatchObject({ code: 'MESSAGE_TOO_LARGE', kafkaErrorCode: 10 });
    expect(thrown(() => log.append(big, 0))).toBeInstanceOf(RecordTooLargeError);
    expect(log.logEndOffset).toBe(0);
    expect(log.size).toBe(0);
    log.close();
  });

  it('fences a leader append with an epoch older than the latest', () => {
    const log = PartitionLog.open(tempDir());
    log.append(batch(), 3);
    const e = thrown(() => log.append(batch(), 2));
    expect(e).toBeInstanceOf(FencedLeaderEpochError);
    expect(e).toMatchObject({ code: 'FENCED_LEADER_EPOCH', kafkaErrorCode: 74 });
    log.close();
  });

  it('refuses use after close with KAFKA_STORAGE_ERROR', () => {
    const log = PartitionLog.open(tempDir());
    log.close();
    expect(thrown(() => log.append(batch(), 0))).toBeInstanceOf(KafkaStorageError);
  });
});

describe('PartitionLog reopen', () => {
  it('keeps offsets, contents and epochs across close and open, across several segments', () => {
    const dir = tempDir();
    const one = batch();
    const log = PartitionLog.open(dir, { segmentBytes: one.length * 3, indexIntervalBytes: 1 });
    for (let i = 0; i < 10; i++) log.append(batch({ label: `r${i}` }), i < 5 ? 1 : 2);
    log.flush();
    expect(log.recoveryPoint).toBe(10);
    const before = log.read(0, 1 << 20);
    const segments = log.segmentBaseOffsets;
    log.close();

    const reopened = PartitionLog.open(dir, { segmentBytes: one.length * 3, indexIntervalBytes: 1 });
    expect(reopened.recovery).toEqual([]);
    expect(reopened.logEndOffset).toBe(10);
    expect(reopened.segmentBaseOffsets).toEqual(segments);
    expect(segments).toEqual([0, 3, 6, 9]);
    expect(reopened.epochEntries).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 5 },
    ]);
    for (let o = 0; o < 10; o++) expect(recordsOf(reopened.read(o, 1))[0]?.value.startsWith(`r${o}:`)).toBe(true);
    expect(reopened.append(batch(), 2)).toEqual({ baseOffset: 10, lastOffset: 10 });
    expect(recordsOf(reopened.read(0, 1 << 20)).slice(0, 10)).toEqual(recordsOf(before));
    reopened.close();
  });

  it('names segment and producer snapshot files by 20-digit offset and writes the epoch checkpoint in Kafka text format', () => {
    const dir = tempDir();
    const log = PartitionLog.open(dir);
    log.append(batch({ count: 2 }), 4);
    log.roll();
    log.append(batch(), 7);
    log.close();
    expect(fs.readdirSync(dir).sort()).toEqual([
      '00000000000000000000.index',
      '00000000000000000000.log',
      '00000000000000000000.timeindex',
      '00000000000000000002.index',
      '00000000000000000002.log',
      // Producer state as of the roll, and as of the clean close.
      '00000000000000000002.snapshot',
      '00000000000000000002.timeindex',
      '00000000000000000003.snapshot',
      'leader-epoch-checkpoint',
    ]);
    expect(segmentFileStem(2)).toBe('00000000000000000002');
    expect(fs.readFileSync(path.join(dir, 'leader-epoch-checkpoint'), 'utf8')).toBe('0\n2\n4 0\n7 2\n');
  });

  it('rebuilds a closed segment whose index files were lost', () => {
    const dir = tempDir();
    const log = PartitionLog.open(dir, { indexIntervalBytes: 1 });
    for (let i = 0; i < 5; i++) log.append(batch({ timestamp: 100 * i }), 0);
    log.roll();
    log.append(batch({ timestamp: 900 }), 0);
    log.close();
    fs.rmSync(path.join(dir, '00000000000000000000.index'));
    fs.writeFileSync(path.join(dir, '00000000000000000000.timeindex'), 'junk');
    const reopened = PartitionLog.open(dir, { indexIntervalBytes: 1 });
    expect(batchRanges(reopened.read(3, 1))).toEqual([[3, 3, 0]]);
    expect(reopened.offsetForTimestamp(250)).toEqual({ offset: 3, timestamp: 300 });
    reopened.close();
  });
});

describe('PartitionLog roll', () => {
  it('rolls when the next batch would pass segment.bytes', () => {
    const one = batch();
    const log = PartitionLog.open(tempDir(), { segmentBytes: one.length * 2 });
    for (let i = 0; i < 5; i++) log.append(one, 0);
    expect(log.segmentBaseOffsets).toEqual([0, 2, 4]);
    expect(batchRanges(log.read(0, 1 << 20))).toEqual([
      [0, 0, 0],
      [1, 1, 0],
    ]);
    expect(batchRanges(log.read(2, 1 << 20))).toEqual([
      [2, 2, 0],
      [3, 3, 0],
    ]);
    log.close();
  });

  it('rolls by segment.ms measured between batch timestamps', () => {
    const log = PartitionLog.open(tempDir(), { segmentMs: 1000 });
    log.append(batch({ timestamp: 10_000 }), 0);
    log.append(batch({ timestamp: 11_000 }), 0);
    expect(log.segmentBaseOffsets).toEqual([0]);
    log.append(batch({ timestamp: 11_001 }), 0);
    expect(log.segmentBaseOffsets).toEqual([0, 2]);
    log.close();
  });

  it('rolls by segment.ms on the wall clock when batches carry no timestamp', () => {
    const clock = manualClock();
    const log = PartitionLog.open(tempDir(), { segmentMs: 1000, now: clock.now });
    log.append(batch({ timestamp: -1, count: 1 }), 0);
    clock.advance(1000);
    log.append(batch({ timestamp: -1 }), 0);
    expect(log.segmentBaseOffsets).toEqual([0]);
    clock.advance(1);
    log.append(batch({ timestamp: -1 }), 0);
    expect(log.segmentBaseOffsets).toEqual([0, 2]);
    log.close();
  });

  it('never rolls an empty segment', () => {
    const log = PartitionLog.open(tempDir());
    expect(log.roll()).toBe(0);
    log.append(batch(), 0);
    expect(log.recoveryPoint).toBe(0);
    expect(log.roll()).toBe(1);
    expect(log.recoveryPoint).toBe(1);
    expect(log.roll()).toBe(1);
    expect(log.segmentBaseOffsets).toEqual([0, 1]);
    log.close();
  });
});

describe('PartitionLog retention', () => {
  it('deletes closed segments past retention.bytes, never the active one, and advances the log start', () => {
    const one = batch();
    const log = PartitionLog.open(tempDir(), { segmentBytes: one.length * 2, retentionBytes: one.length * 3, retentionMs: -1 });
    for (let i = 0; i < 7; i++) log.append(one, i < 4 ? 0 : 1);
    expect(log.segmentBaseOffsets).toEqual([0, 2, 4, 6]);
    // 7 batches, limit 3: dropping [0,2) leaves 5, dropping [2,4) leaves 3; [4,6) must stay.
    expect(log.deleteOldSegments()).toEqual({ deletedSegments: [0, 2], logStartOffset: 4 });
    expect(log.logStartOffset).toBe(4);
    expect(thrown(() => log.read(3, 100))).toBeInstanceOf(OffsetOutOfRangeError);
    expect(batchRanges(log.read(4, 1))).toEqual([[4, 4, 1]]);
    expect(log.epochEntries).toEqual([{ epoch: 1, startOffset: 4 }]);

    const tiny = PartitionLog.open(tempDir(), { segmentBytes: one.length, retentionBytes: 0, retentionMs: -1 });
    for (let i = 0; i < 3; i++) tiny.append(one, 0);
    expect(tiny.deleteOldSegments().deletedSegments).toEqual([0, 1]);
    expect(tiny.segmentBaseOffsets).toEqual([2]);
    log.close();
    tiny.close();
  });

  it('deletes closed segments whose largest timestamp is older than retention.ms', () => {
    const clock = manualClock(100_000);
    const dir = tempDir();
    const log = PartitionLog.open(dir, { retentionMs: 10_000, now: clock.now });
    log.append(batch({ timestamp: 50_000, count: 2 }), 0);
    log.roll();
    log.append(batch({ timestamp: 95_000 }), 0);
    log.roll();
    log.append(batch({ timestamp: 10 }), 0);
    // Segment 0's newest record is 50_001: 49_999 ms old. Segment 2's is 95_000: 5_000 ms old.
    expect(log.deleteOldSegments()).toEqual({ deletedSegments: [0], logStartOffset: 2 });
    clock.advance(5_001);
    // Segment 3 is active: old as its record is, it stays.
    expect(log.deleteOldSegments()).toEqual({ deletedSegments: [2], logStartOffset: 3 });
    log.close();
    const reopened = PartitionLog.open(dir, { retentionMs: 10_000, now: clock.now });
    expect(reopened.logStartOffset).toBe(3);
    expect(reopened.logEndOffset).toBe(4);
    reopened.close();
  });
});

describe('PartitionLog offsetForTimestamp', () => {
  it('finds the first record at or after a timestamp, across segments and inside batches', () => {
    const log = PartitionLog.open(tempDir(), { indexIntervalBytes: 1 });
    log.append(batch({ timestamp: 100, count: 3 }), 0); // offsets 0-2 at 100..102
    log.append(batch({ timestamp: 200, count: 3 }), 0); // 3-5 at 200..202
    log.roll();
    log.append(batch({ timestamp: 300, count: 2 }), 0); // 6-7 at 300..301
    expect(log.offsetForTimestamp(0)).toEqual({ offset: 0, timestamp: 100 });
    expect(log.offsetForTimestamp(101)).toEqual({ offset: 1, timestamp: 101 });
    expect(log.offsetForTimestamp(150)).toEqual({ offset: 3, timestamp: 200 });
    expect(log.offsetForTimestamp(202)).toEqual({ offset: 5, timestamp: 202 });
    expect(log.offsetForTimestamp(203)).toEqual({ offset: 6, timestamp: 300 });
    expect(log.offsetForTimestamp(301)).toEqual({ offset: 7, timestamp: 301 });
    expect(log.offsetForTimestamp(302)).toBeUndefined();
    expect(log.offsetForTimestamp(LATEST_TIMESTAMP)).toEqual({ offset: 8, timestamp: -1 });
    expect(log.offsetForTimestamp(EARLIEST_TIMESTAMP)).toEqual({ offset: 0, timestamp: -1 });
    log.close();
  });

  it('MAX_TIMESTAMP (KIP-734): the first record holding the largest timestamp, wherever its segment is', () => {
    const log = PartitionLog.open(tempDir(), { indexIntervalBytes: 1 });
    expect(log.offsetForTimestamp(MAX_TIMESTAMP)).toBeUndefined();
    log.append(batch({ timestamp: 100, count: 3 }), 0); // 0-2 at 100..102
    log.append(batch({ timestamp: 500, count: 2 }), 0); // 3-4 at 500..501
    log.roll();
    log.append(batch({ timestamp: 200, count: 2 }), 0); // 5-6 at 200..201: later, but older timestamps
    expect(log.offsetForTimestamp(MAX_TIMESTAMP)).toEqual({ offset: 4, timestamp: 501 });
    log.append(batch({ timestamp: 900, count: 1 }), 0); // 7 at 900
    expect(log.offsetForTimestamp(MAX_TIMESTAMP)).toEqual({ offset: 7, timestamp: 900 });
    log.close();
  });
});

describe('PartitionLog truncation and the epoch cache', () => {
  it('truncates at batch granularity, across segments, and trims the epoch cache', () => {
    const dir = tempDir();
    const log = PartitionLog.open(dir);
    log.append(batch({ count: 2 }), 1); // 0-1
    log.append(batch({ count: 2 }), 1); // 2-3
    log.roll();
    log.append(batch({ count: 2 }), 2); // 4-5
    log.roll();
    log.append(batch({ count: 2 }), 3); // 6-7
    expect(log.truncateTo(100)).toBe(8);
    expect(log.truncateTo(3)).toBe(2);
    expect(log.segmentBaseOffsets).toEqual([0]);
    expect(log.epochEntries).toEqual([{ epoch: 1, startOffset: 0 }]);
    expect(log.endOffsetForEpoch(1)).toEqual({ epoch: 1, endOffset: 2 });
    expect(log.append(batch(), 4)).toEqual({ baseOffset: 2, lastOffset: 2 });
    log.close();
    const reopened = PartitionLog.open(dir);
    expect(reopened.logEndOffset).toBe(3);
    expect(reopened.epochEntries).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 4, startOffset: 2 },
    ]);
    reopened.close();
  });

  it('answers KIP-279 end offsets for epochs', () => {
    const log = PartitionLog.open(tempDir());
    expect(log.endOffsetForEpoch(0)).toEqual({ epoch: -1, endOffset: -1 });
    log.append(batch({ count: 3 }), 2); // 0-2 epoch 2
    log.append(batch({ count: 3 }), 5); // 3-5 epoch 5
    log.append(batch({ count: 1 }), 7); // 6 epoch 7
    expect(log.endOffsetForEpoch(7)).toEqual({ epoch: 7, endOffset: 7 });
    expect(log.endOffsetForEpoch(5)).toEqual({ epoch: 5, endOffset: 6 });
    // Unknown epoch 4: the largest known below it is 2, which ends where 5 starts.
    expect(log.endOffsetForEpoch(4)).toEqual({ epoch: 2, endOffset: 3 });
    // Below every epoch: the requested epoch, ending where the first epoch starts.
    expect(log.endOffsetForEpoch(1)).toEqual({ epoch: 1, endOffset: 0 });
    expect(log.endOffsetForEpoch(8)).toEqual({ epoch: -1, endOffset: -1 });
    expect(log.endOffsetForEpoch(-1)).toEqual({ epoch: -1, endOffset: -1 });
    log.close();
  });

  it('truncating below the log start empties the log and restarts it there', () => {
    const one = batch();
    const log = PartitionLog.open(tempDir(), { segmentBytes: one.length, retentionBytes: 0 });
    for (let i = 0; i < 4; i++) log.append(one, 0);
    log.deleteOldSegments();
    expect(log.logStartOffset).toBe(3);
    expect(log.truncateTo(1)).toBe(1);
    expect([log.logStartOffset, log.logEndOffset, log.epochEntries.length]).toEqual([1, 1, 0]);
    log.close();
  });
});

describe('PartitionLog follower append', () => {
  it('keeps the leader offsets and epochs and rebuilds the epoch cache from them', () => {
    const log = PartitionLog.open(tempDir());
    const fetched = concat(batch({ count: 2, baseOffset: 0, partitionLeaderEpoch: 3 }), batch({ count: 1, baseOffset: 2, partitionLeaderEpoch: 4 }));
    expect(log.appendAsFollower(fetched)).toEqual({ baseOffset: 0, lastOffset: 2 });
    expect(log.appendAsFollower(new Uint8Array(0))).toBeUndefined();
    expect(batchRanges(log.read(0, 1 << 20))).toEqual([
      [0, 1, 3],
      [2, 2, 4],
    ]);
    expect(log.epochEntries).toEqual([
      { epoch: 3, startOffset: 0 },
      { epoch: 4, startOffset: 2 },
    ]);
    log.close();
  });

  it('rejects a gap, an overlap, and a non-contiguous set without writing', () => {
    const log = PartitionLog.open(tempDir());
    log.appendAsFollower(batch({ count: 2, baseOffset: 0 }));
    const gap = thrown(() => log.appendAsFollower(batch({ baseOffset: 3 })));
    expect(gap).toBeInstanceOf(UnexpectedAppendOffsetError);
    expect(gap).toMatchObject({ expectedOffset: 2, actualOffset: 3 });
    expect(thrown(() => log.appendAsFollower(batch({ baseOffset: 1 })))).toBeInstanceOf(UnexpectedAppendOffsetError);
    const holey = concat(batch({ baseOffset: 2 }), batch({ baseOffset: 4 }));
    expect(thrown(() => log.appendAsFollower(holey))).toMatchObject({ expectedOffset: 3, actualOffset: 4 });
    expect(log.logEndOffset).toBe(2);
    log.close();
  });
});

describe('PartitionLog flush', () => {
  it('moves the recovery point to the log end with flush and with flushAsync', async () => {
    const log = PartitionLog.open(tempDir());
    log.append(batch({ count: 2 }), 0);
    expect(log.recoveryPoint).toBe(0);
    log.flush();
    expect(log.recoveryPoint).toBe(2);
    log.append(batch({ count: 3 }), 0);
    const flushing = log.flushAsync();
    expect(log.recoveryPoint).toBe(2); // not before the fsync is done
    await flushing;
    expect(log.recoveryPoint).toBe(5);
    log.close();
  });

  it('does not let an fsync that began before a truncation vouch for what was appended after it', async () => {
    const log = PartitionLog.open(tempDir());
    log.append(batch({ count: 2 }), 0);
    log.flush();
    log.append(batch({ count: 2 }), 0);
    const flushing = log.flushAsync();
    log.truncateTo(2);
    log.append(batch({ count: 3, label: 'new' }), 1);
    await flushing;
    expect(log.recoveryPoint).toBe(2);
    await log.flushAsync();
    expect(log.recoveryPoint).toBe(5);
    log.close();
  });
  it('shares a flush in flight with a caller it covers, and flushes again for one it does not', async () => {
    // A cap of 4 leaves fsyncs one descriptor: a second fsync begun while one runs waits for it.
    const pool = new FileHandlePool({ maxOpenFiles: 4 });
    const log = PartitionLog.open(tempDir(), {}, pool);
    log.append(batch({ count: 2 }), 0);
    log.flush(); // the new log's directory entries and epoch checkpoint: only the segment is left to fsync
    const fsyncsWaiting = (): number => pool.stats().waitingForDescriptor;

    log.append(batch({ count: 2 }), 0);
    const first = log.flushAsync();
    const second = log.flushAsync();
    expect(fsyncsWaiting()).toBe(0);
    await Promise.all([first, second]);
    expect(log.recoveryPoint).toBe(4);

    log.append(batch({ count: 1 }), 0);
    const covering = log.flushAsync();
    log.append(batch({ count: 3 }), 0); // past what the running flush covers
    const rest = log.flushAsync();
    expect(fsyncsWaiting()).toBe(0); // the rest waits for the running flush, then fsyncs on its own
    let restDone = false;
    void rest.then(() => (restDone = true));
    await covering;
    expect(log.recoveryPoint).toBe(5);
    expect(restDone).toBe(false);
    await rest;
    expect(log.recoveryPoint).toBe(8);
    log.close();
  });
});
