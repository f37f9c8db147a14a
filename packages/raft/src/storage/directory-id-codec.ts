/**
 * The stored form of a replica's directory id (KIP-853): written once, when the storage is first
 * used by a replica with dynamic voters, and never changed — a replica is its directory id. Like
 * the election state it carries its own CRC-32C: a flipped bit would otherwise turn the replica
 * into another one, which no voter set names.
 *
 *   0 version u8 (= 1) | 1 uuid (16 bytes) | 17 crc32c u32 of bytes 0..16
 */
import { crc32c } from '@kz/records';
import { directoryIdBytes, directoryIdOf, type DirectoryId } from '../core/voter-set';
import { CorruptStorageError } from './storage-errors';

const VERSION = 1;
const BODY_BYTES = 17;

export function encodeDirectoryId(id: DirectoryId): Buffer {
  const out = Buffer.alloc(BODY_BYTES + 4);
  out.writeUInt8(VERSION, 0);
  out.set(directoryIdBytes(id), 1);
  out.writeUInt32BE(crc32c(out.subarray(0, BODY_BYTES)), BODY_BYTES);
  return out;
}

export function decodeDirectoryId(value: Uint8Array): DirectoryId {
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const fail = (detail: string): never => {
    throw new CorruptStorageError('directory id', detail);
  };
  if (bytes.length !== BODY_BYTES + 4) return fail(`expected ${BODY_BYTES + 4} bytes, found ${bytes.length}`);
  if (bytes.readUInt8(0) !== VERSION) return fail(`unknown format version ${bytes.readUInt8(0)}`);
  if (bytes.readUInt32BE(BODY_BYTES) !== crc32c(bytes.subarray(0, BODY_BYTES))) return fail('CRC-32C mismatch');
  return directoryIdOf(bytes.subarray(1, BODY_BYTES));
}
