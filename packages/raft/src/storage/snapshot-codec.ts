/**
 * The stored form of the latest snapshot: its id and bytes in one value, so replacing it is one
 * put inside the same atomic batch that compacts the log. A trailing CRC-32C covers everything,
 * because a snapshot is the only copy of the state below the log start: if it is damaged the
 * node must not start from it (CorruptStorageError), it must be told.
 *
 *   0 version u8 (= 1) | 1 offset u64 | 9 epoch u32 | 13 snapshot bytes | crc32c u32 of all before
 *
 * Version 2 (dynamic voters, KIP-853) keeps the voter set in force at the snapshot's end, as a
 * VotersRecord, between the id and the state:
 *
 *   0 version u8 (= 2) | 1 offset u64 | 9 epoch u32 | 13 voters length u32 | 17 VotersRecord |
 *   snapshot bytes | crc32c u32 of all before
 */
import { crc32c, decodeVotersRecord, encodeVotersRecord } from '@kz/records';
import type { Snapshot } from '../core/log-batch';
import { fromVotersRecord, toVotersRecord } from '../core/voter-set';
import { CorruptStorageError } from './storage-errors';

const VERSION = 1;
const VERSION_WITH_VOTERS = 2;
const HEADER_BYTES = 13;
const CRC_BYTES = 4;

/** Expects an id that passed checkSnapshotId (safe offset, int32 epoch, both >= 0). */
export function encodeSnapshot(snapshot: Snapshot): Buffer {
  const voters = snapshot.voters === undefined ? null : encodeVotersRecord(toVotersRecord(snapshot.voters));
  const votersBytes = voters === null ? 0 : 4 + voters.length;
  const out = Buffer.alloc(HEADER_BYTES + votersBytes + snapshot.bytes.length + CRC_BYTES);
  out.writeUInt8(voters === null ? VERSION : VERSION_WITH_VOTERS, 0);
  out.writeBigUInt64BE(BigInt(snapshot.id.offset), 1);
  out.writeUInt32BE(snapshot.id.epoch, 9);
  if (voters !== null) {
    out.writeUInt32BE(voters.length, HEADER_BYTES);
    out.set(voters, HEADER_BYTES + 4);
  }
  out.set(snapshot.bytes, HEADER_BYTES + votersBytes);
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
  if (version !== VERSION && version !== VERSION_WITH_VOTERS) return fail(`unknown format version ${version}`);
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
  const id = { offset: Number(offset), epoch };
  if (version === VERSION) return { id, bytes: bytes.subarray(HEADER_BYTES, crcAt) };
  if (crcAt < HEADER_BYTES + 4) return fail('no room for the voter set');
  const votersEnd = HEADER_BYTES + 4 + bytes.readUInt32BE(HEADER_BYTES);
  if (votersEnd > crcAt) return fail('the voter set runs past the end');
  let voters;
  try {
    voters = fromVotersRecord(decodeVotersRecord(bytes.subarray(HEADER_BYTES + 4, votersEnd)));
  } catch (error) {
    return fail(`the voter set does not decode: ${(error as Error).message}`);
  }
  return { id, bytes: bytes.subarray(votersEnd, crcAt), voters };
}

function hex32(n: number): string {
  return n.toString(16).padStart(8, '0');
}
