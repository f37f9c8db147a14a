import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeRecordBatch, encodeRecordBatch, iterateBatches } from '@kz/records';

/** A fresh temp directory; `cleanup` removes every directory made so far. */
const made: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-log-'));
  made.push(dir);
  return dir;
}
export function cleanupTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface BatchSpec {
  /** Records in the batch (default 1). */
  count?: number;
  /** Timestamp of the first record; later records add 1 ms each (default 1000). */
  timestamp?: number;
  /** Bytes per record value (default 10). */
  valueBytes?: number;
  /** Label stored in each value, so reads can be checked for content. */
  label?: string;
  baseOffset?: number;
  partitionLeaderEpoch?: number;
}

export function batch(spec: BatchSpec = {}): Uint8Array {
  const count = spec.count ?? 1;
  const ts = spec.timestamp ?? 1000;
  const label = spec.label ?? 'v';
  const records = Array.from({ length: count }, (_, i) => ({
    key: null,
    value: new Uint8Array(Buffer.from(`${label}:${i}:`.padEnd(spec.valueBytes ?? 10, '.'))),
    timestamp: ts + i,
  }));
  return encodeRecordBatch({ records, baseOffset: spec.baseOffset ?? 0, partitionLeaderEpoch: spec.partitionLeaderEpoch ?? 0 });
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** [baseOffset, lastOffset, partitionLeaderEpoch] of every batch in a read result. */
export function batchRanges(bytes: Uint8Array): [number, number, number][] {
  return [...iterateBatches(bytes)].map(({ header }) => [header.baseOffset, header.lastOffset, header.partitionLeaderEpoch]);
}

/** Every record value (as text) with its offset, decoding with CRC checks. */
export function recordsOf(bytes: Uint8Array): { offset: number; value: string }[] {
  return [...iterateBatches(bytes)].flatMap(({ at }) =>
    decodeRecordBatch(bytes, at).records.map((r) => ({ offset: r.offset, value: Buffer.from(r.value ?? new Uint8Array()).toString() })),
  );
}

export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}
