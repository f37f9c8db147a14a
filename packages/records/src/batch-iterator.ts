/**
 * Walks a buffer of back-to-back batches (a log segment, a fetch response's
 * records field) by header alone. CRCs are not checked here: scans that only
 * need offsets should not pay for checksumming; call verifyBatchCrc or
 * decodeRecordBatch on the batches that matter.
 */
import { readBatchHeader, type RecordBatchHeader } from './batch-header.js';

export interface BatchPosition {
  /** Byte position of the batch in the buffer. */
  at: number;
  header: RecordBatchHeader;
}

/**
 * Yields every batch in order. A partial batch at the end throws
 * TruncatedBatchError whose `at` is where that batch starts, so a caller
 * reading a log or a fetch response (which Kafka may cut mid-batch) can keep
 * bytes [0, at) and drop or re-read the tail.
 */
export function* iterateBatches(bytes: Uint8Array): Generator<BatchPosition, void, undefined> {
  let at = 0;
  while (at < bytes.length) {
    const header = readBatchHeader(bytes, at);
    yield { at, header };
    at += header.sizeInBytes;
  }
}
