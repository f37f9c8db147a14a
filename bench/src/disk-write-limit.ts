import { randomBytes } from 'node:crypto';
import { closeSync, fsync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Sequential writes of `writeBytes`, each followed by an fsync, for about `seconds`. */
export interface DiskProbePlan {
  readonly writeBytes: number;
  readonly seconds: number;
}

export interface DiskWriteRate {
  readonly plan: DiskProbePlan;
  readonly bytes: number;
  readonly seconds: number;
}

/** Payload MB/s (MB = 10^6 bytes) a replicated log on this disk can store: the disk's rate shared by every copy. */
export function replicatedWriteLimit(rate: DiskWriteRate, replicationFactor: number): number {
  return rate.bytes / 1e6 / rate.seconds / replicationFactor;
}

function fsyncAsync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (error) => (error === null ? resolve() : reject(error))));
}

/**
 * What the disk under `dir` takes when written the way a kz partition log is: appended at the end
 * of a growing file (writeSync at the next position) and fsynced (on libuv's pool, as the broker
 * does) before the next write. Every copy of a replicated record lands on this one disk when all
 * nodes run on one machine, so this rate over the replication factor bounds what a cluster here can
 * acknowledge. Random bytes, so a compressing or deduplicating filesystem saves nothing. The file is
 * removed afterwards.
 */
export async function measureFsyncedWrites(dir: string, plan: DiskProbePlan): Promise<DiskWriteRate> {
  const path = join(dir, 'disk-probe.bin');
  const block = randomBytes(plan.writeBytes);
  const fd = openSync(path, 'w');
  let bytes = 0;
  const start = performance.now();
  const deadline = start + plan.seconds * 1000;
  try {
    // At least one write, however late the loop starts: a rate needs something measured.
    do {
      writeSync(fd, block, 0, block.length, bytes);
      await fsyncAsync(fd);
      bytes += block.length;
    } while (performance.now() < deadline);
    return { plan, bytes, seconds: (performance.now() - start) / 1000 };
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
}
