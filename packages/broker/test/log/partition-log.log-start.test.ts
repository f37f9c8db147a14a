/**
 * A log start inside a segment (DeleteRecords, KIP-107; a follower following its leader's start):
 * what reads, ListOffsets and retention make of it, how it is kept across a restart in the
 * `log-start-offset-checkpoint` file, and what happens when that file is damaged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EARLIEST_TIMESTAMP, KafkaStorageError, OffsetOutOfRangeError, PartitionLog } from '@kz/broker';
import { batch, batchRanges, cleanupTempDirs, recordsOf, tempDir, thrown } from './helpers';

afterEach(cleanupTempDirs);

const CHECKPOINT = 'log-start-offset-checkpoint';

/** A log of `batches` batches of 3 records (offsets 3i..3i+2, timestamps 1000+3i..), `perSegment` batches to a segment. */
function logWith(dir: string, batches: number, perSegment = batches): PartitionLog {
  const one = batch({ count: 3 });
  const log = PartitionLog.open(dir, { segmentBytes: one.length * perSegment });
  for (let i = 0; i < batches; i++) log.append(batch({ count: 3, timestamp: 1000 + 3 * i, label: `b${i}` }), i < 2 ? 0 : 1);
  return log;
}

describe('PartitionLog log start inside a segment', () => {
  it('refuses reads below the start, serves the batch holding it, and answers EARLIEST with it', () => {
    const log = logWith(tempDir(), 4);
    expect(log.advanceLogStartOffset(4)).toBe(true);
    expect(log.logStartOffset).toBe(4);
    const below = thrown(() => log.read(3, 1 << 20));
    expect(below).toBeInstanceOf(OffsetOutOfRangeError);
    expect(below).toMatchObject({ code: 'OFFSET_OUT_OF_RANGE', offset: 3, logStartOffset: 4, logEndOffset: 12 });
    // Batches are whole: the one holding offset 4 still carries offset 3, as Kafka serves it.
    expect(batchRanges(log.read(4, 1 << 20))[0]).toEqual([3, 5, 0]);
    expect(log.offsetForTimestamp(EARLIEST_TIMESTAMP)).toEqual({ offset: 4, timestamp: -1 });
    // By time: offset 3 (timestamp 1003) is gone, so the first record at or after 1003 is offset 4.
    expect(log.offsetForTimestamp(1003)).toEqual({ offset: 4, timestamp: 1004 });
    expect(log.offsetForTimestamp(1001)).toEqual({ offset: 4, timestamp: 1004 });
    expect(log.offsetForTimestamp(1007)).toEqual({ offset: 7, timestamp: 1007 });
    log.close();
  });

  it('moves only up, and never past the log end', () => {
    const log = logWith(tempDir(), 2);
    expect(log.advanceLogStartOffset(4)).toBe(true);
    expect(log.advanceLogStartOffset(2)).toBe(false);
    expect(log.advanceLogStartOffset(4)).toBe(false);
    expect(log.logStartOffset).toBe(4);
    expect(thrown(() => log.advanceLogStartOffset(7))).toMatchObject({ code: 'OFFSET_OUT_OF_RANGE', offset: 7, logEndOffset: 6 });
    // Up to the log end itself: everything is deleted, and the log goes on from there.
    expect(log.advanceLogStartOffset(6)).toBe(true);
    expect(log.read(6, 1 << 20)).toHaveLength(0);
    expect(log.append(batch({ count: 1 }), 1)).toEqual({ baseOffset: 6, lastOffset: 6 });
    log.close();
  });

  it('deletes the segments wholly below the start and trims the epoch cache to it', () => {
    const dir = tempDir();
    const log = logWith(dir, 6, 2);
    expect(log.segmentBaseOffsets).toEqual([0, 6, 12]);
    expect(log.epochEntries).toEqual([
      { epoch: 0, startOffset: 0 },
      { epoch: 1, startOffset: 6 },
    ]);
    log.advanceLogStartOffset(7);
    expect(log.segmentBaseOffsets).toEqual([6, 12]);
    expect(fs.existsSync(path.join(dir, '00000000000000000000.log'))).toBe(false);
    expect(log.epochEntries).toEqual([{ epoch: 1, startOffset: 7 }]);
    // A start exactly at a segment's base deletes every segment below it.
    log.advanceLogStartOffset(12);
    expect(log.segmentBaseOffsets).toEqual([12]);
    log.close();
  });

  it('is written to log-start-offset-checkpoint before it is answered, and a reopened log starts there', () => {
    const dir = tempDir();
    const log = logWith(dir, 4);
    log.advanceLogStartOffset(5);
    expect(fs.readFileSync(path.join(dir, CHECKPOINT), 'utf8')).toBe('0\n5\n');
    // No close: the process dies; the start is on disk already.
    const reopened = PartitionLog.open(dir);
    expect(reopened.logStartOffset).toBe(5);
    expect(reopened.discardedLogStartCheckpoint).toBeNull();
    expect(thrown(() => reopened.read(4, 1 << 20))).toBeInstanceOf(OffsetOutOfRangeError);
    expect(recordsOf(reopened.read(5, 1 << 20)).map((r) => r.offset)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(reopened.offsetForTimestamp(EARLIEST_TIMESTAMP)?.offset).toBe(5);
    reopened.close();
    log.close({ flush: false });
  });

  it('refuses a corrupt or truncated checkpoint with a typed error and starts at the first segment', () => {
    for (const text of ['0\n5', '', '1\n5\n', '0\n-3\n', '0\nfive\n', '0\n5\n6\n']) {
      const dir = tempDir();
      logWith(dir, 4).close();
      fs.writeFileSync(path.join(dir, CHECKPOINT), text);
      const log = PartitionLog.open(dir);
      expect(log.discardedLogStartCheckpoint).toBeInstanceOf(KafkaStorageError);
      expect(log.discardedLogStartCheckpoint).toMatchObject({ name: 'CorruptCheckpointError', code: 'KAFKA_STORAGE_ERROR', path: path.join(dir, CHECKPOINT) });
      expect(log.logStartOffset).toBe(0);
      // Nothing the checkpoint did not cover is lost: every record is still there.
      expect(recordsOf(log.read(0, 1 << 20))).toHaveLength(12);
      // Refused once: the file is gone, and the next open is clean.
      expect(fs.existsSync(path.join(dir, CHECKPOINT))).toBe(false);
      log.close();
      expect(PartitionLog.open(dir).discardedLogStartCheckpoint).toBeNull();
    }
  });

  it('restarts the log empty at a checkpointed start past what recovery kept', () => {
    const dir = tempDir();
    logWith(dir, 2).close();
    // A follower moved its start to 9 from its leader's answer, but the records up to 9 never reached the disk.
    fs.writeFileSync(path.join(dir, CHECKPOINT), '0\n9\n');
    const log = PartitionLog.open(dir);
    expect([log.logStartOffset, log.logEndOffset]).toEqual([9, 9]);
    expect(log.segmentBaseOffsets).toEqual([9]);
    expect(log.epochEntries).toEqual([]);
    log.close();
  });

  it('keeps a start above the segments retention leaves, and takes the first segment when retention passes it', () => {
    const one = batch({ count: 3 });
    const log = PartitionLog.open(tempDir(), { segmentBytes: one.length * 2, retentionBytes: one.length * 2 });
    for (let i = 0; i < 6; i++) log.append(batch({ count: 3 }), 0);
    log.advanceLogStartOffset(4);
    expect(log.segmentBaseOffsets).toEqual([0, 6, 12]);
    // retention.bytes keeps two batches: segments 0 and 6 go, and the start moves to 12.
    expect(log.deleteOldSegments()).toEqual({ deletedSegments: [0, 6], logStartOffset: 12 });
    log.close();
  });
});

describe('PartitionLog follower start inside the leader batch', () => {
  it('restarts at the base of a first batch that holds its start, keeping the start', () => {
    const dir = tempDir();
    const log = PartitionLog.open(dir);
    // Out of range at the leader: the follower restarts at the leader's start, 4, inside batch 3..5.
    log.truncateFullyAndStartAt(4);
    const info = log.appendAsFollower(new Uint8Array(Buffer.concat([batch({ count: 3, baseOffset: 3, partitionLeaderEpoch: 2 }), batch({ count: 2, baseOffset: 6, partitionLeaderEpoch: 2 })])));
    expect(info).toEqual({ baseOffset: 3, lastOffset: 7 });
    expect([log.logStartOffset, log.logEndOffset]).toEqual([4, 8]);
    expect(log.segmentBaseOffsets).toEqual([3]);
    expect(thrown(() => log.read(3, 1 << 20))).toBeInstanceOf(OffsetOutOfRangeError);
    log.flush();
    const reopened = PartitionLog.open(dir);
    expect([reopened.logStartOffset, reopened.logEndOffset]).toEqual([4, 8]);
    reopened.close();
    log.close({ flush: false });
  });

  it('still refuses a first batch that starts below a log holding records', () => {
    const log = logWith(tempDir(), 2);
    log.advanceLogStartOffset(4);
    expect(thrown(() => log.appendAsFollower(batch({ count: 3, baseOffset: 5 })))).toMatchObject({ name: 'UnexpectedAppendOffsetError' });
    expect(log.logEndOffset).toBe(6);
    log.close();
  });
});

describe('PartitionLog start under truncation', () => {
  it('goes down with a truncation that cuts the batch holding it, and stays down after a reopen', () => {
    const dir = tempDir();
    const log = logWith(dir, 3);
    log.advanceLogStartOffset(4);
    // Truncation is by whole batches: cutting at 5 drops batch 3..5, so the log ends, and starts, at 3.
    expect(log.truncateTo(5)).toBe(3);
    expect([log.logStartOffset, log.logEndOffset]).toEqual([3, 3]);
    log.close();
    const reopened = PartitionLog.open(dir);
    expect([reopened.logStartOffset, reopened.logEndOffset]).toEqual([3, 3]);
    reopened.close();
  });

  it('restarted lower than its checkpoint (an unclean election), a reopened log starts where it restarted', () => {
    const dir = tempDir();
    const log = logWith(dir, 4);
    log.advanceLogStartOffset(10);
    log.truncateFullyAndStartAt(7);
    expect(log.logStartOffset).toBe(7);
    log.append(batch({ count: 2 }), 3);
    log.close();
    const reopened = PartitionLog.open(dir);
    expect([reopened.logStartOffset, reopened.logEndOffset]).toEqual([7, 9]);
    reopened.close();
  });
});
