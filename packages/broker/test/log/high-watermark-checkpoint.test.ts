/**
 * replication-offset-checkpoint: Kafka's text format, read back exactly, and a file this broker did
 * not write whole refused with CorruptCheckpointError (the broker then falls back to replication).
 * Replay a property failure with FC_SEED=<seed printed in the failure>.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CorruptCheckpointError, DiskLogDirectory, HIGH_WATERMARK_CHECKPOINT, type HighWatermarkEntry } from '@kz/broker';
import { formatHighWatermarkCheckpoint, parseHighWatermarkCheckpoint } from '../../src/log/high-watermark-checkpoint';
import { cleanupTempDirs, tempDir, thrown } from './helpers';

afterEach(cleanupTempDirs);

const FILE = '/data/replication-offset-checkpoint';

const topicId = fc.stringMatching(/^[A-Za-z0-9_-]{22}$/);
const entries: fc.Arbitrary<HighWatermarkEntry[]> = fc.uniqueArray(
  fc.record({ topicId, partitionId: fc.nat({ max: 100_000 }), highWatermark: fc.maxSafeNat() }),
  { selector: (e) => `${e.topicId} ${e.partitionId}`, maxLength: 40 },
);

function property<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  try {
    fc.assert(fc.property(arbitrary, predicate), { seed, numRuns: Number(process.env.FC_RUNS ?? 200) });
  } catch (e) {
    throw new Error(`property failed; replay with FC_SEED=${seed}\n${(e as Error).message}`);
  }
}

function refusal(text: string): CorruptCheckpointError {
  const error = thrown(() => parseHighWatermarkCheckpoint(text, FILE));
  expect(error).toBeInstanceOf(CorruptCheckpointError);
  return error as CorruptCheckpointError;
}

describe('the high-watermark checkpoint format', () => {
  it("is Kafka's: version 0, the count, one `topic partition offset` line each", () => {
    const text = formatHighWatermarkCheckpoint([
      { topicId: 'Ab3_-xyzAb3_-xyzAb3_-x', partitionId: 0, highWatermark: 42 },
      { topicId: 'Ab3_-xyzAb3_-xyzAb3_-x', partitionId: 7, highWatermark: 0 },
    ]);
    expect(text).toBe('0\n2\nAb3_-xyzAb3_-xyzAb3_-x 0 42\nAb3_-xyzAb3_-xyzAb3_-x 7 0\n');
    expect(formatHighWatermarkCheckpoint([])).toBe('0\n0\n');
  });

  it('reads back exactly what it wrote', () => {
    property(entries, (written) => {
      expect(parseHighWatermarkCheckpoint(formatHighWatermarkCheckpoint(written), FILE)).toEqual(written);
    });
  });

  it('refuses every file cut short, wherever the cut falls', () => {
    property(
      entries.chain((written) => {
        const text = formatHighWatermarkCheckpoint(written);
        return fc.tuple(fc.constant(text), fc.nat({ max: text.length - 1 }));
      }),
      ([text, cut]) => {
        const error = refusal(text.slice(0, cut));
        expect(error.path).toBe(FILE);
        expect(error.code).toBe('KAFKA_STORAGE_ERROR');
      },
    );
  });

  it('refuses a damaged file, saying what is wrong', () => {
    expect(refusal('').reason).toMatch(/empty/);
    expect(refusal('1\n0\n').reason).toMatch(/unknown version "1"/);
    expect(refusal('0\nx\n').reason).toMatch(/bad entry count "x"/);
    expect(refusal('0\n2\nt 0 1\n').reason).toMatch(/count 2 does not match the 1 entry lines/);
    expect(refusal('0\n1\nt 0 1\nt 1 2\n').reason).toMatch(/count 1 does not match the 2/);
    expect(refusal('0\n1\nt 0 -1\n').reason).toMatch(/entry 1 is not "topic partition offset"/);
    expect(refusal('0\n1\nt 0 1e3\n').reason).toMatch(/entry 1 is not/);
    expect(refusal('0\n1\nt  0 1\n').reason).toMatch(/entry 1 is not/);
    expect(refusal('0\n1\nt 0 1 9\n').reason).toMatch(/entry 1 is not/);
    expect(refusal('0\n1\nt 0 99999999999999999999\n').reason).toMatch(/out of range/);
    expect(refusal('0\n2\nt 3 1\nt 3 5\n').reason).toMatch(/partition t-3 is listed twice/);
    expect(refusal('0\n1\nt 0 12').reason).toMatch(/cut short/);
  });
});

describe('DiskLogDirectory high-watermark checkpoint', () => {
  const sample: HighWatermarkEntry[] = [
    { topicId: 'AAAAAAAAAAAAAAAAAAAAAg', partitionId: 0, highWatermark: 10 },
    { topicId: 'AAAAAAAAAAAAAAAAAAAAAg', partitionId: 1, highWatermark: 3 },
  ];

  it('is none in a directory never checkpointed', () => {
    expect(new DiskLogDirectory(tempDir()).readHighWatermarks()).toEqual([]);
  });

  it('is written beside the partition directories and read back by the next process', async () => {
    const root = tempDir();
    new DiskLogDirectory(root).writeHighWatermarks(sample);
    expect(fs.readFileSync(path.join(root, HIGH_WATERMARK_CHECKPOINT), 'utf8')).toBe(formatHighWatermarkCheckpoint(sample));
    expect(new DiskLogDirectory(root).readHighWatermarks()).toEqual(sample);
    const later = [{ ...sample[0]!, highWatermark: 20 }];
    await new DiskLogDirectory(root).writeHighWatermarksAsync(later);
    expect(new DiskLogDirectory(root).readHighWatermarks()).toEqual(later);
    expect(fs.readdirSync(root)).toEqual([HIGH_WATERMARK_CHECKPOINT]);
  });

  it('refuses a corrupt file with CorruptCheckpointError naming it', () => {
    const root = tempDir();
    const file = path.join(root, HIGH_WATERMARK_CHECKPOINT);
    fs.writeFileSync(file, '0\n2\nAAAAAAAAAAAAAAAAAAAAAg 0 10\n');
    const error = thrown(() => new DiskLogDirectory(root).readHighWatermarks());
    expect(error).toBeInstanceOf(CorruptCheckpointError);
    expect((error as CorruptCheckpointError).path).toBe(file);
  });

  it('keeps the previous checkpoint whole when a write fails before its rename', () => {
    const root = tempDir();
    const logs = new DiskLogDirectory(root);
    logs.writeHighWatermarks(sample);
    // The temp file cannot be created: the write fails as on a full disk, after nothing was replaced.
    fs.mkdirSync(path.join(root, `${HIGH_WATERMARK_CHECKPOINT}.tmp`));
    expect(() => logs.writeHighWatermarks([])).toThrow();
    expect(new DiskLogDirectory(root).readHighWatermarks()).toEqual(sample);
  });

  it('never lets an older write in flight replace a newer one', async () => {
    const root = tempDir();
    const logs = new DiskLogDirectory(root);
    const older = logs.writeHighWatermarksAsync(sample);
    // A clean shutdown writes synchronously while the periodic write is still fsyncing.
    const newest = [{ ...sample[1]!, highWatermark: 99 }];
    logs.writeHighWatermarks(newest);
    await older;
    expect(new DiskLogDirectory(root).readHighWatermarks()).toEqual(newest);
    expect(fs.readdirSync(root)).toEqual([HIGH_WATERMARK_CHECKPOINT]);
  });
});
