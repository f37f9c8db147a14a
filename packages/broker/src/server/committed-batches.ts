/**
 * What a consumer may see of the bytes read from a log: whole batches that end below the high
 * watermark. The HW always falls on a batch boundary (it is some replica's log end), so cutting at
 * the first batch reaching it loses nothing committed.
 */
import { readBatchHeader } from '@kz/records';

export function batchesBelow(bytes: Uint8Array, highWatermark: number): Uint8Array {
  let end = 0;
  while (end < bytes.length) {
    const header = readBatchHeader(bytes, end);
    if (header.lastOffset >= highWatermark) break;
    end += header.sizeInBytes;
  }
  return end === bytes.length ? bytes : bytes.subarray(0, end);
}
