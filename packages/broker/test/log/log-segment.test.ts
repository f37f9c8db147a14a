/** Recovery of the active segment: a torn or corrupt tail is cut at the first bad batch and reported. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PartitionLog } from '@kz/broker';
import { batch, batchRanges, cleanupTempDirs, tempDir } from './helpers';

afterEach(cleanupTempDirs);

const ACTIVE = '00000000000000000000.log';

/** A log of `n` one-record batches, closed; returns its dir and each batch's byte position. */
function writtenLog(n: number, config = {}): { dir: string; positions: number[]; batchSize: number } {
  const dir = tempDir();
  const log = PartitionLog.open(dir, config);
  const b = batch();
  for (let i = 0; i < n; i++) log.append(b, 0);
  log.close();
  return { dir, positions: Array.from({ length: n }, (_, i) => i * b.length), batchSize: b.length };
}

describe('LogSegment recovery', () => {
  it('cuts a batch torn mid-write and reports the segment, position and reason', () => {
    const { dir, positions, batchSize } = writtenLog(4);
    const file = path.join(dir, ACTIVE);
    fs.truncateSync(file, positions[3]! + 20);
    const log = PartitionLog.open(dir);
    expect(log.recovery).toEqual([
      expect.objectContaining({ segment: file, baseOffset: 0, position: positions[3], truncatedBytes: 20, reason: 'truncated-batch' }),
    ]);
    expect(log.logEndOffset).toBe(3);
    expect(fs.statSync(file).size).toBe(3 * batchSize);
    expect(log.append(batch(), 0)).toEqual({ baseOffset: 3, lastOffset: 3 });
    log.close();
    expect(PartitionLog.open(dir).recovery).toEqual([]);
  });

  it('cuts a tail shorter than a length prefix', () => {
    const { dir, positions } = writtenLog(2);
    fs.truncateSync(path.join(dir, ACTIVE), positions[1]! + 5);
    const log = PartitionLog.open(dir);
    expect(log.recovery).toMatchObject([{ position: positions[1], reason: 'truncated-batch', truncatedBytes: 5 }]);
    expect(log.logEndOffset).toBe(1);
    log.close();
  });

  it('cuts at a flipped byte (CRC mismatch) and drops every batch after it', () => {
    const { dir, positions } = writtenLog(5, { indexIntervalBytes: 1 });
    const file = path.join(dir, ACTIVE);
    const bytes = fs.readFileSync(file);
    bytes[positions[2]! + 70]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    const log = PartitionLog.open(dir, { indexIntervalBytes: 1 });
    expect(log.recovery).toMatchObject([{ position: positions[2], reason: 'crc-mismatch' }]);
    expect(log.logEndOffset).toBe(2);
    expect(batchRanges(log.read(0, 1 << 20))).toEqual([
      [0, 0, 0],
      [1, 1, 0],
    ]);
    log.close();
  });

  it('cuts at a batch whose offset does not continue the segment', () => {
    const { dir, positions, batchSize } = writtenLog(3);
    const file = path.join(dir, ACTIVE);
    const bytes = fs.readFileSync(file);
    bytes.writeBigInt64BE(7n, positions[1]!); // base offset is outside the CRC, so only the offset check sees it
    fs.writeFileSync(file, bytes);
    const log = PartitionLog.open(dir);
    expect(log.recovery).toMatchObject([{ position: batchSize, reason: 'offset-mismatch' }]);
    expect(log.logEndOffset).toBe(1);
    log.close();
  });

  it('only scans the active segment, and trims the epoch checkpoint to what survived', () => {
    const dir = tempDir();
    const log = PartitionLog.open(dir);
    log.append(batch({ count: 2 }), 1);
    log.roll();
    log.append(batch(), 2);
    log.append(batch(), 3);
    log.close();
    const active = path.join(dir, '00000000000000000002.log');
    fs.truncateSync(active, fs.statSync(active).size - 1);
    const reopened = PartitionLog.open(dir);
    expect(reopened.recovery).toMatchObject([{ segment: active, baseOffset: 2, reason: 'truncated-batch' }]);
    expect(reopened.logEndOffset).toBe(3);
    expect(reopened.epochEntries).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 2 },
    ]);
    reopened.close();
  });

  it('restores epochs the checkpoint missed from the recovered batches', () => {
    const dir = tempDir();
    const log = PartitionLog.open(dir);
    log.append(batch(), 1);
    log.append(batch(), 2);
    log.close();
    fs.rmSync(path.join(dir, 'leader-epoch-checkpoint'));
    const reopened = PartitionLog.open(dir);
    expect(reopened.epochEntries).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 1 },
    ]);
    reopened.close();
  });
});
