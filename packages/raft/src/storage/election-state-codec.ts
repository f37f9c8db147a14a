/**
 * The stored form of the election state: a small versioned binary value with its own CRC-32C.
 * LevelDB does not verify block checksums on ordinary reads, and a flipped bit in an epoch or a
 * vote would otherwise be read back as a different, perfectly plausible state: a node that forgets
 * its vote can vote twice in one epoch. So the value carries a checksum and any mismatch is
 * reported as corruption, never reset to a default.
 *
 *   0 version u8 (= 1) | 1 epoch u32 | 5 votedFor i32 | 9 leaderId i32 | 13 crc32c u32 of bytes 0..12
 */
import { crc32c } from '@kz/records';
import type { ElectionState } from '../core/quorum-state';
import { CorruptStorageError } from './storage-errors';

const VERSION = 1;
const BODY_BYTES = 13;
const RECORD_BYTES = BODY_BYTES + 4;

/** Expects a state that passed checkElectionState (int32 ranges). */
export function encodeElectionState(state: ElectionState): Buffer {
  const out = Buffer.alloc(RECORD_BYTES);
  out.writeUInt8(VERSION, 0);
  out.writeUInt32BE(state.epoch, 1);
  out.writeInt32BE(state.votedFor, 5);
  out.writeInt32BE(state.leaderId, 9);
  out.writeUInt32BE(crc32c(out.subarray(0, BODY_BYTES)), BODY_BYTES);
  return out;
}

export function decodeElectionState(value: Uint8Array): ElectionState {
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const fail = (detail: string): never => {
    throw new CorruptStorageError('election state', `${detail} (value ${bytes.toString('hex')})`);
  };
  if (bytes.length < 1) return fail('empty value');
  const version = bytes.readUInt8(0);
  if (version !== VERSION) return fail(`unknown format version ${version}`);
  if (bytes.length !== RECORD_BYTES) return fail(`expected ${RECORD_BYTES} bytes, found ${bytes.length}`);
  const stored = bytes.readUInt32BE(BODY_BYTES);
  const actual = crc32c(bytes.subarray(0, BODY_BYTES));
  if (stored !== actual) return fail(`CRC-32C mismatch: stored ${hex32(stored)}, computed ${hex32(actual)}`);
  const state: ElectionState = { epoch: bytes.readUInt32BE(1), votedFor: bytes.readInt32BE(5), leaderId: bytes.readInt32BE(9) };
  if (state.epoch > 0x7fff_ffff || state.votedFor < -1 || state.leaderId < -1) {
    return fail(`out-of-range fields ${JSON.stringify(state)}`);
  }
  return state;
}

function hex32(n: number): string {
  return n.toString(16).padStart(8, '0');
}
