/**
 * The checks every log append makes before writing anything, shared by PartitionLog and the
 * simulation's MemoryLog so the two cannot drift: each batch's framing, CRC and size, and — for a
 * follower — that the batches continue the log exactly.
 */
import { readBatchHeader, verifyBatchCrc, type RecordBatchHeader } from '@kz/records';
import { RecordTooLargeError, UnexpectedAppendOffsetError } from './log-errors.js';

export interface PositionedBatch {
  readonly at: number;
  readonly header: RecordBatchHeader;
}

/** Every batch in `bytes`, checked (CRC mismatch, truncation and bad magic throw the record errors). */
export function validatedBatches(bytes: Uint8Array, maxBatchBytes: number): PositionedBatch[] {
  const out: PositionedBatch[] = [];
  for (let at = 0; at < bytes.length; ) {
    verifyBatchCrc(bytes, at);
    const header = readBatchHeader(bytes, at);
    if (header.sizeInBytes > maxBatchBytes) throw new RecordTooLargeError(header.sizeInBytes, maxBatchBytes);
    out.push({ at, header });
    at += header.sizeInBytes;
  }
  return out;
}

/**
 * A follower's batches keep the leader's offsets: the first must start at the log end and each
 * the offset after the previous one. Returns the new log end.
 */
export function checkContinuesLog(batches: readonly PositionedBatch[], logEndOffset: number): number {
  let expected = logEndOffset;
  for (const { header } of batches) {
    if (header.baseOffset !== expected) throw new UnexpectedAppendOffsetError(expected, header.baseOffset);
    expected = header.lastOffset + 1;
  }
  return expected;
}
