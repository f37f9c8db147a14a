import { crc32c, decodeRecordBatch, encodeRecordBatch, readBatchHeader, type KafkaRecord } from '@kz/records';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The records of one simulated client proposal: record i carries `${id}.${i}`, so a committed
 * batch — however RaftNode grouped proposals into batches — names the proposals it holds.
 */
export function proposalRecords(id: number, recordCount: number): KafkaRecord[] {
  return Array.from({ length: Math.max(1, recordCount) }, (_, i) => ({
    key: encoder.encode(`k${id % 7}`),
    value: encoder.encode(`${id}.${i}`),
  }));
}

/** One proposal as a RecordBatch v2 of its own. */
export function encodeProposal(id: number, recordCount: number): Uint8Array {
  return encodeRecordBatch({ records: proposalRecords(id, recordCount) });
}

/** The proposal a record starts — its id if it is the first record of one — or null. */
export function proposalIdOfRecord(value: Uint8Array | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const [id, index] = decoder.decode(value).split('.');
  if (index !== '0') return null;
  const parsed = Number.parseInt(id ?? '', 10);
  return Number.isFinite(parsed) ? parsed : null;
}

/** The proposal id of a batch's first record; null for a control batch (LeaderChange, …). */
export function proposalIdOf(bytes: Uint8Array): number | null {
  if (readBatchHeader(bytes).isControl) return null;
  return proposalIdOfRecord(decodeRecordBatch(bytes).records[0]?.value);
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
