/**
 * Idempotent producers in a PartitionLog on disk: duplicates answered without a second copy, and
 * producer state that survives what a log goes through — rolls, clean and unclean restarts, lost
 * or damaged snapshots, truncation, retention — by being rebuilt from the log itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeRecordBatch } from '@kz/records';
import { PartitionLog } from '../../src/log/partition-log';
import { InvalidProducerEpochError, InvalidRecordError, OutOfOrderSequenceError } from '../../src/log/log-errors';
import { cleanupTempDirs, concat, recordsOf, tempDir } from './helpers';

afterEach(cleanupTempDirs);

function idempotent(producerId: number, producerEpoch: number, baseSequence: number, count: number, label = `p${producerId}s${baseSequence}`, timestamp = 1000): Uint8Array {
  const records = Array.from({ length: count }, (_, i) => ({ key: null, value: Buffer.from(`${label}:${i}`), timestamp: timestamp + i }));
  return encodeRecordBatch({ records, producerId, producerEpoch, baseSequence });
}

function snapshotsIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.snapshot')).sort();
}

describe('PartitionLog with idempotent producers', () => {
  it('answers a retried batch with the original offsets and writes nothing', () => {
    const log = PartitionLog.open(tempDir());
    const batch = idempotent(7, 0, 0, 3);
    expect(log.append(batch, 0)).toEqual({ baseOffset: 0, lastOffset: 2 });
    log.append(idempotent(7, 0, 3, 1), 0);
    expect(log.append(batch, 0)).toEqual({ baseOffset: 0, lastOffset: 2, duplicate: true });
    expect(log.logEndOffset).toBe(4);
    expect(recordsOf(log.read(0, 1 << 20)).map((r) => r.value)).toEqual(['p7s0:0', 'p7s0:1', 'p7s0:2', 'p7s3:0']);
    log.close();
  });

  it('refuses a sequence gap, a fenced epoch and a second batch beside an idempotent one, writing nothing', () => {
    const log = PartitionLog.open(tempDir());
    log.append(idempotent(7, 2, 0, 1), 0);
    expect(() => log.append(idempotent(7, 2, 5, 1), 0)).toThrow(OutOfOrderSequenceError);
    expect(() => log.append(idempotent(7, 1, 1, 1), 0)).toThrow(InvalidProducerEpochError);
    expect(() => log.append(concat(idempotent(7, 2, 1, 1), idempotent(7, 2, 2, 1)), 0)).toThrow(InvalidRecordError);
    expect(log.logEndOffset).toBe(1);
    log.close();
  });

  it('knows its producers after a crash (no close), from the snapshot of the last roll and the active segment', () => {
    const dir = tempDir();
    const log = PartitionLog.open(dir, { segmentBytes: 300 });
    const sent: Uint8Array[] = [];
    const next = [0, 0, 0];
    for (let i = 0; i < 15; i++) {
      const producer = i % 3;
      const b = idempotent(1 + producer, 0, next[producer]!, 2);
      next[producer]! += 2;
      sent.push(b);
      log.append(b, 0);
    }
    expect(log.segmentBaseOffsets.length).toBeGreaterThan(3);
    expect(snapshotsIn(dir).length).toBe(log.segmentBaseOffsets.length - 1);
    const before = log.activeProducers();
    log.flush();
    // The process dies: no close, no snapshot at the log end.
    const reopened = PartitionLog.open(dir, { segmentBytes: 300 });
    expect(reopened.activeProducers()).toEqual(before);
    expect(reopened.append(sent[sent.length - 1]!, 0)).toMatchObject({ duplicate: true });
    reopened.close();
    log.close({ flush: false });
  });

  it('rebuilds its producers from the log alone when every snapshot is lost or damaged', () => {
    const dir = tempDir();
    const log = PartitionLog.open(dir, { segmentBytes: 300 });
    for (let s = 0; s < 20; s += 2) log.append(idempotent(1, 0, s, 2), 0);
    const before = log.activeProducers();
    log.close();
    const snapshots = snapshotsIn(dir);
    const last = snapshots[snapshots.length - 1]!;
    fs.writeFileSync(path.join(dir, last), 'not a snapshot');

    const damaged = PartitionLog.open(dir, { segmentBytes: 300 });
    expect(damaged.discardedSnapshots).toEqual([expect.stringContaining(last)]);
    expect(damaged.activeProducers()).toEqual(before);
    damaged.close();

    for (const f of snapshotsIn(dir)) fs.rmSync(path.join(dir, f));
    const none = PartitionLog.open(dir, { segmentBytes: 300 });
    expect(none.activeProducers()).toEqual(before);
    none.close();
  });

  it('forgets what a truncation removed: a batch cut from the log is appended again when retried, not answered as a duplicate', () => {
    const dir = tempDir();
    const log = PartitionLog.open(dir, { segmentBytes: 300 });
    for (let s = 0; s < 12; s += 2) log.append(idempotent(1, 0, s, 2), 0);
    const cut = idempotent(1, 0, 12, 2);
    log.append(cut, 0);
    log.close();
    const reopened = PartitionLog.open(dir, { segmentBytes: 300 });
    // A follower told to truncate to 12 loses sequence 12-13, and every snapshot above 12 with it.
    reopened.truncateTo(12);
    expect(snapshotsIn(dir).map((f) => Number(f.slice(0, 20))).every((o) => o <= 12)).toBe(true);
    expect(reopened.append(cut, 1)).toEqual({ baseOffset: 12, lastOffset: 13 });
    reopened.close();
  });

  it('learns producers from the batches it follows, so it dedups the moment it leads', () => {
    const leader = PartitionLog.open(tempDir());
    const follower = PartitionLog.open(tempDir());
    const batch = idempotent(9, 0, 0, 2);
    leader.append(batch, 3);
    follower.appendAsFollower(leader.read(0, 1 << 20));
    expect(follower.append(batch, 4)).toEqual({ baseOffset: 0, lastOffset: 1, duplicate: true });
    leader.close();
    follower.close();
  });

  it('drops snapshots with the segments retention deletes, and producers idle past producer.id.expiration.ms', () => {
    const dir = tempDir();
    let now = 1_000_000;
    const config = { segmentBytes: 300, retentionMs: 10_000, producerIdExpirationMs: 60_000, now: () => now };
    const log = PartitionLog.open(dir, config);
    for (let s = 0; s < 20; s += 2) log.append(idempotent(1, 0, s, 2, undefined, now), 0);
    log.append(idempotent(2, 0, 0, 1, 'late', now + 50_000), 0);
    now += 70_000;
    const { logStartOffset } = log.deleteOldSegments();
    expect(logStartOffset).toBeGreaterThan(0);
    expect(snapshotsIn(dir).map((f) => Number(f.slice(0, 20))).every((o) => o >= logStartOffset)).toBe(true);
    expect(log.activeProducers().map((p) => p.producerId)).toEqual([2]);
    log.close();
  });
});
