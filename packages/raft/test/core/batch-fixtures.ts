import { encodeRecordBatch, stampBatch } from '@kz/records';
import type { LogBatch } from '../../src/core/log-batch';

/** A batch of `count` records at `baseOffset`, written by the leader of `epoch`. */
export function batchAt(baseOffset: number, epoch: number, count = 1, tag = ''): LogBatch {
  const bytes = encodeRecordBatch({
    records: Array.from({ length: count }, (_, i) => ({ key: null, value: Buffer.from(`${tag}${epoch}:${baseOffset + i}`) })),
  });
  stampBatch(bytes, baseOffset, epoch);
  return { baseOffset, lastOffset: baseOffset + count - 1, epoch, bytes };
}

/** Consecutive single-record batches with the given epochs, from offset 0. */
export function logOfEpochs(epochs: readonly number[], tag = ''): LogBatch[] {
  return epochs.map((epoch, offset) => batchAt(offset, epoch, 1, tag));
}
