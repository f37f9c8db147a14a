import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecordBatch, stampBatch } from '@kz/records';
import type { LogBatch, Snapshot } from '../../src/core/log-batch';
import type { DurableState } from '../../src/core/raft-core';

/** A batch of `count` records at `baseOffset`, appended by the leader of `epoch`. */
export function batchAt(baseOffset: number, epoch: number, count = 1, tag = ''): LogBatch {
  const bytes = encodeRecordBatch({
    records: Array.from({ length: count }, (_, i) => ({ key: null, value: Buffer.from(`${tag}${epoch}:${baseOffset + i}`) })),
  });
  stampBatch(bytes, baseOffset, epoch);
  return { baseOffset, lastOffset: baseOffset + count - 1, epoch, bytes };
}

/** Consecutive single-record batches from `from`, one per epoch given. */
export function batchesFrom(from: number, epochs: readonly number[], tag = ''): LogBatch[] {
  return epochs.map((epoch, i) => batchAt(from + i, epoch, 1, tag));
}

export function snapshotAt(offset: number, epoch: number, content = `state@${offset}`): Snapshot {
  return { id: { offset, epoch }, bytes: Buffer.from(content) };
}

/** A DurableState in a form jest can compare and print: bytes as hex, Buffer or Uint8Array alike. */
export function view(state: DurableState): unknown {
  return {
    electionState: { ...state.electionState },
    snapshot: state.snapshot === null ? null : { id: { ...state.snapshot.id }, bytes: hex(state.snapshot.bytes) },
    batches: state.batches.map((b) => ({ baseOffset: b.baseOffset, lastOffset: b.lastOffset, epoch: b.epoch, bytes: hex(b.bytes) })),
  };
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kz-raft-storage-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
