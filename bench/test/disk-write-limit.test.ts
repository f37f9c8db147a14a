/** The disk probe of broker-vs-nats: whole fsynced appends, its file gone afterwards, the limit shared by every copy. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureFsyncedWrites, replicatedWriteLimit } from '../src/disk-write-limit';

describe('measureFsyncedWrites', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kz-disk-probe-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes whole blocks and leaves nothing behind', async () => {
    const rate = await measureFsyncedWrites(dir, { writeBytes: 64 * 1024, seconds: 0.05 });
    expect(rate.bytes).toBeGreaterThan(0);
    expect(rate.bytes % (64 * 1024)).toBe(0);
    expect(rate.seconds).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('replicatedWriteLimit', () => {
  it('is the payload rate in MB/s the disk takes for every copy of it', () => {
    const rate = { plan: { writeBytes: 1 << 20, seconds: 3 }, bytes: 450e6, seconds: 3 };
    expect(replicatedWriteLimit(rate, 3)).toBeCloseTo(50);
    expect(replicatedWriteLimit(rate, 1)).toBeCloseTo(150);
  });
});
