import { crc32c, decodeRecordBatch, encodeRecordBatch, readBatchHeader } from '@kz/records';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The batches the simulated client proposes: RecordBatch v2 whose every record carries the
 * proposal's id, so a committed batch can be traced back to the proposal that made it.
 */
export function encodeProposal(id: number, recordCount: number): Uint8Array {
  const records = Array.from({ length: Math.max(1, recordCount) }, (_, i) => ({
    key: encoder.encode(`k${id % 7}`),
    value: encoder.encode(`${id}.${i}`),
  }));
  return encodeRecordBatch({ records });
}

/** The proposal id a data batch carries; null for a control batch (LeaderChange, …). */
export function proposalIdOf(bytes: Uint8Array): number | null {
  if (readBatchHeader(bytes).isControl) return null;
  const value = decodeRecordBatch(bytes).records[0]?.value;
  if (value === undefined || value === null) return null;
  const id = Number.parseInt(decoder.decode(value).split('.')[0] ?? '', 10);
  return Number.isFinite(id) ? id : null;
}

export function isControlBatch(bytes: Uint8Array): boolean {
  return readBatchHeader(bytes).isControl;
}

const fingerprints = new WeakMap<Uint8Array, number>();

/**
 * CRC-32C of a batch's whole bytes (offset and epoch included), memoised per buffer: invariants
 * compare batches after every simulated step, and the buffers are never mutated once logged.
 */
export function fingerprint(bytes: Uint8Array): number {
  let value = fingerprints.get(bytes);
  if (value === undefined) {
    value = crc32c(bytes);
    fingerprints.set(bytes, value);
  }
  return value;
}
