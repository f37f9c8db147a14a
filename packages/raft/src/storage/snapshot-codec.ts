/**
 * The `snapshot` metadata value: which checkpoint file is the latest snapshot. Moving it is one put
 * inside the same atomic batch that compacts the log, so the log and the snapshot it continues
 * always agree; the file itself is written and synced before. A trailing CRC-32C covers the value,
 * because a snapshot is the only copy of the state below the log start: if it is damaged the node
 * must not start from it (CorruptStorageError), it must be told.
 *
 * Version 3 (checkpoint files) names the file by its id and says its size:
 *
 *   0 version u8 (= 3) | 1 offset u64 | 9 epoch u32 | 13 size u64 | 21 crc32c u32 of all before
 *
 * Versions 1 and 2 held the snapshot's bytes in the value itself; they are still read (as a
 * LegacySnapshot), and recovery moves them into a checkpoint file:
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
import type { OffsetAndEpoch } from '../core/messages';
import { fromVotersRecord, toVotersRecord, type VoterSet } from '../core/voter-set';
import { CorruptStorageError } from './storage-errors';

const VERSION = 1;
const VERSION_WITH_VOTERS = 2;
const VERSION_CHECKPOINT = 3;
const POINTER_BYTES = 25;

/** Which checkpoint is the latest snapshot. */
export interface SnapshotPointer {
  readonly id: OffsetAndEpoch;
  readonly size: number;
}

/** A snapshot stored whole in the value (versions 1 and 2, before checkpoint files). */
export interface LegacySnapshot {
  readonly id: OffsetAndEpoch;
  readonly bytes: Uint8Array;
  readonly voters?: VoterSet;
}

export type StoredSnapshotValue = { readonly kind: 'pointer'; readonly pointer: SnapshotPointer } | { readonly kind: 'legacy'; readonly snapshot: LegacySnapshot };

/** Expects an id that passed checkSnapshotId (safe offset, int32 epoch, both >= 0). */
export function encodeSnapshotPointer(pointer: SnapshotPointer): Buffer {
  const out = Buffer.alloc(POINTER_BYTES);
  out.writeUInt8(VERSION_CHECKPOINT, 0);
  out.writeBigUInt64BE(BigInt(pointer.id.offset), 1);
  out.writeUInt32BE(pointer.id.epoch, 9);
  out.writeBigUInt64BE(BigInt(pointer.size), 13);
  out.writeUInt32BE(crc32c(out.subarray(0, 21)), 21);
  return out;
}
const HEADER_BYTES = 13;
const CRC_BYTES = 4;

/** The old layout (versions 1 and 2), for tests that show it is still read. */
export function encodeLegacySnapshot(snapshot: LegacySnapshot): Buffer {
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

export function decodeSnapshotValue(value: Uint8Array): StoredSnapshotValue {
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const fail = (detail: string): never => {
    throw new CorruptStorageError('snapshot', detail);
  };
  if (bytes.length < 1) return fail('empty value');
  const version = bytes.readUInt8(0);
  if (version !== VERSION && version !== VERSION_WITH_VOTERS && version !== VERSION_CHECKPOINT) return fail(`unknown format version ${version}`);
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
  if (version === VERSION_CHECKPOINT) {
    if (bytes.length !== POINTER_BYTES) return fail(`a version 3 value of ${bytes.length} bytes, not ${POINTER_BYTES}`);
    const size = bytes.readBigUInt64BE(13);
    if (size > BigInt(Number.MAX_SAFE_INTEGER)) return fail(`size ${size} is out of range`);
    return { kind: 'pointer', pointer: { id, size: Number(size) } };
  }
  if (version === VERSION) return { kind: 'legacy', snapshot: { id, bytes: bytes.subarray(HEADER_BYTES, crcAt) } };
  if (crcAt < HEADER_BYTES + 4) return fail('no room for the voter set');
  const votersEnd = HEADER_BYTES + 4 + bytes.readUInt32BE(HEADER_BYTES);
  if (votersEnd > crcAt) return fail('the voter set runs past the end');
  let voters;
  try {
    voters = fromVotersRecord(decodeVotersRecord(bytes.subarray(HEADER_BYTES + 4, votersEnd)));
  } catch (error) {
    return fail(`the voter set does not decode: ${(error as Error).message}`);
  }
  return { kind: 'legacy', snapshot: { id, bytes: bytes.subarray(votersEnd, crcAt), voters } };
}

function hex32(n: number): string {
  return n.toString(16).padStart(8, '0');
}
