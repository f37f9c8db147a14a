/**
 * The checks every log append makes before writing anything, shared by PartitionLog and the
 * simulation's MemoryLog so the two cannot drift: each batch's framing, CRC and size; for a leader,
 * an idempotent producer's sequence; for a follower, that the batches continue the log exactly.
 */
import { readBatchHeader, verifyBatchCrc, type RecordBatchHeader } from '@kz/records';
import { InvalidRecordError, RecordTooLargeError, UnexpectedAppendOffsetError } from './log-errors';
import { isIdempotent, type ProducerStateTable, type SequenceCheck } from './producer-state';

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

/**
 * A follower restarted at its leader's log start holds nothing yet, and may be sent a first batch
 * that begins below that start: the leader's start lies inside the batch (DeleteRecords cut the log
 * there) and batches travel whole. The follower's log must then restart at the batch's base, its
 * start staying where it is; this returns that base, or undefined when the batches are to be
 * appended as they are (checkContinuesLog judges them).
 */
export function emptyLogRestartOffset(batches: readonly PositionedBatch[], logStartOffset: number, logEndOffset: number): number | undefined {
  const first = batches[0]?.header;
  if (first === undefined || logEndOffset !== logStartOffset) return undefined;
  return first.baseOffset < logEndOffset && first.lastOffset >= logEndOffset ? first.baseOffset : undefined;
}

/**
 * A leader append's idempotence check: a duplicate of a batch the log holds (answered with the
 * original's offsets, nothing written), or an append. Throws the sequence and epoch errors, and
 * INVALID_RECORD for an idempotent batch that does not come alone.
 */
export function checkProducerAppend(batches: readonly PositionedBatch[], producers: ProducerStateTable): SequenceCheck {
  const first = batches[0];
  if (first === undefined || !batches.some((b) => isIdempotent(b.header))) return { duplicate: false };
  if (batches.length > 1) throw new InvalidRecordError(`an idempotent produce carries exactly one record batch per partition, got ${batches.length}`);
  return producers.checkBatch(first.header);
}
