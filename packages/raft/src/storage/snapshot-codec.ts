/**
 * The stored form of the latest snapshot: its id and bytes in one value, so replacing it is one
 * put inside the same atomic batch that compacts the log. A trailing CRC-32C covers everything,
 * because a snapshot is the only copy of the state below the log start: if it is damaged the
 * node must not start from it (CorruptStorageError), it must be told.
 *
 *   0 version u8 (= 1) | 1 offset u64 | 9 epoch u32 | 13 snapshot bytes | crc32c u32 of all before
 */
import { crc32c } from '@kz/records';
import type { Snapshot } from '../core/log-batch';
import { CorruptStorageError } from './storage-errors';

const VERSION = 1;
const HEADER_BYTES = 13;
const CRC_BYTES = 4;

/** Expects an id that passed checkSnapshotId (safe offset, int32 epoch, both >= 0). */
export function encodeSnapshot(snapshot: Snapshot): Buffer {
  const out = Buffer.alloc(HEADER_BYTES + snapshot.bytes.length + CRC_BYTES);
  out.writeUInt8(VERSION, 0);
  out.writeBigUInt64BE(BigInt(snapshot.id.offset), 1);
  out.writeUInt32BE(snapshot.id.epoch, 9);
  out.set(snapshot.bytes, HEADER_BYTES);
  const crcAt = out.length - CRC_BYTES;
  out.writeUInt32BE(crc32c(out.subarray(0, crcAt)), crcAt);
  return out;
}

export function decodeSnapshot(value: Uint8Array): Snapshot {
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const fail = (detail: string): never => {
    throw new CorruptStorageError('snapshot', detail);
  };
  if (bytes.length < 1) return fail('empty value');
  const version = bytes.readUInt8(0);
  if (version !== VERSION) return fail(`unknown format version ${version}`);
  if (bytes.length < HEADER_BYTES + CRC_BYTES) return fail(`${bytes.length} bytes is shorter than the ${HEADER_BYTES + CRC_BYTES}-byte frame`);
  const crcAt = bytes.length - CRC_BYTES;
  const stored = bytes.readUInt32BE(crcAt);
  const actual = crc32c(bytes.subarray(0, crcAt));
  if (stored !== actual) return fail(`CRC-32C mismatch: stored ${hex32(stored)}, computed ${hex32(actual)}`);
  const offset = bytes.readBigUInt64BE(1);
  const epoch = bytes.readUInt32BE(9);
  if (offset > BigInt(Number.MAX_SAFE_INTEGER) || epoch > 0x7fff_ffff) {
    return fail(`id (offset ${offset}, epoch ${epoch}) is out of range`);
  }
  return { id: { offset: Number(offset), epoch }, bytes: bytes.subarray(HEADER_BYTES, crcAt) };
}

function hex32(n: number): string {
  return n.toString(16).padStart(8, '0');
}
