/**
 * A snapshot larger than the node's heap: a child process limited to a 64 MiB heap replicates a
 * 256 MiB state, streamed from a generator into the leader's checkpoint file, served chunk by
 * chunk, written by the follower to its own file and restored from it as a stream. It could not
 * finish if any step held the snapshot whole in the heap; Buffers live outside the heap limit, so
 * their peak must stay below half the snapshot too (what it reaches is garbage not yet collected:
 * V8 collects external memory in tens of MiB, whatever the snapshot's size).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertBuilt } from '@kz/raft/testing';
import { makeTempDir, removeDir } from '../storage/fixtures';

const MEGABYTES = 256;
const CHILD = join(__dirname, 'support', 'big-snapshot-child.cjs');
const PACKAGE_ROOT = join(__dirname, '..', '..');

test(`a ${MEGABYTES} MiB snapshot reaches a follower through a process with a 64 MiB heap`, async () => {
  assertBuilt(PACKAGE_ROOT, join(PACKAGE_ROOT, 'dist', 'index.js'));
  const dir = await makeTempDir();
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--max-old-space-size=64', CHILD, dir, String(MEGABYTES)], {
      maxBuffer: 1024 * 1024,
    });
    const result = JSON.parse(stdout.trim()) as {
      restored: { hash: string; bytes: number; offset: number };
      expectedHash: string;
      totalBytes: number;
      heapBytes: number;
      bufferBytes: number;
    };
    expect(result.restored.bytes).toBe(MEGABYTES * 1024 * 1024);
    expect(result.restored.hash).toBe(result.expectedHash);
    expect(result.restored.offset).toBeGreaterThan(0);
    expect(result.heapBytes).toBeLessThan(result.totalBytes / 4);
    expect(result.bufferBytes).toBeLessThan(result.totalBytes / 2);
  } finally {
    await removeDir(dir);
  }
}, 240_000);
