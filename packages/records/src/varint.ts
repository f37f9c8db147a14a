/**
 * The three variable-length integer encodings Kafka uses:
 *
 * - varint / varlong: zig-zag then LEB128 (protobuf style). Used inside
 *   RecordBatch v2 records for lengths, counts and deltas.
 * - unsigned varint: plain LEB128. Used by flexible-version message schemas
 *   (compact arrays/strings, tagged fields), e.g. the KRaft control records.
 *
 * Offsets and timestamps are JS numbers, so the public varlong API is limited
 * to safe integers; the 64-bit zig-zag maths goes through BigInt only when a
 * value does not fit in 31 bits, which never happens for realistic deltas.
 */
import { CorruptRecordError } from './errors.js';

/** Read cursor over `bytes[pos, end)`; shared with ByteReader so varints can be read in place. */
export interface VarintCursor {
  readonly bytes: Uint8Array;
  pos: number;
  readonly end: number;
}

const INT32_MIN = -0x8000_0000;
const INT32_MAX = 0x7fff_ffff;
const SMALL = 0x4000_0000; // |n| below this zig-zags within 31 bits, so int maths is exact

// ---- decoding -------------------------------------------------------------

function nextByte(c: VarintCursor, what: string): number {
  if (c.pos >= c.end) throw new CorruptRecordError(`${what} runs past the end of its buffer`);
  return c.bytes[c.pos++] as number;
}

/** Unsigned LEB128 of at most 32 bits (5 bytes). */
export function readUnsignedVarintFrom(c: VarintCursor): number {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const b = nextByte(c, 'varint');
    // Kafka stops after 5 bytes; anything in the 5th byte above bit 3 would
    // be silently dropped by Java's int shift, which we treat as corruption.
    if (i === 4 && b > 0x0f) throw new CorruptRecordError('varint is too long for 32 bits');
    value += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return value;
  }
  throw new CorruptRecordError('varint is too long for 32 bits');
}

/** Zig-zag varint: a signed int32. */
export function readVarintFrom(c: VarintCursor): number {
  const u = readUnsignedVarintFrom(c);
  return (u >>> 1) ^ -(u & 1);
}

/**
 * Zig-zag varlong: a signed int64. Returns a number when the value is a safe
 * integer, otherwise a bigint so the caller can decide (a huge timestamp
 * delta can still yield a safe absolute timestamp).
 */
export function readVarlongExactFrom(c: VarintCursor): number | bigint {
  let small = 0;
  for (let i = 0; i < 7; i++) {
    const b = nextByte(c, 'varlong');
    small += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) {
      // small < 2^49: plain double arithmetic is exact here.
      return small % 2 === 0 ? small / 2 : -(small + 1) / 2;
    }
  }
  let u = BigInt(small);
  for (let i = 7; i < 10; i++) {
    const b = nextByte(c, 'varlong');
    if (i === 9 && b > 0x01) throw new CorruptRecordError('varlong is too long for 64 bits');
    u |= BigInt(b & 0x7f) << BigInt(7 * i);
    if ((b & 0x80) === 0) {
      const v = (u >> 1n) ^ -(u & 1n);
      const n = Number(v);
      return Number.isSafeInteger(n) && BigInt(n) === v ? n : v;
    }
  }
  throw new CorruptRecordError('varlong is too long for 64 bits');
}

/** Zig-zag varlong that must be a safe integer. */
export function readVarlongFrom(c: VarintCursor): number {
  const v = readVarlongExactFrom(c);
  if (typeof v === 'bigint') throw new CorruptRecordError(`varlong ${v} is not a safe integer`);
  return v;
}

// ---- sizes ----------------------------------------------------------------

export function sizeOfUnsignedVarint(value: number): number {
  checkUint32(value, 'unsigned varint');
  let size = 1;
  for (let v = value; v >= 0x80; v = Math.floor(v / 128)) size++;
  return size;
}

export function sizeOfVarint(value: number): number {
  checkInt32(value, 'varint');
  return sizeOfUnsignedVarint(zigzag32(value));
}

export function sizeOfVarlong(value: number): number {
  checkInt64(value, 'varlong');
  if (value > -SMALL && value < SMALL) return sizeOfUnsignedVarint(zigzag32(value));
  let u = zigzag64(value);
  let size = 1;
  while (u >= 0x80n) {
    u >>= 7n;
    size++;
  }
  return size;
}

// ---- encoding into a caller-owned buffer ----------------------------------

/** Writes at `pos`, returns the position after the value. The caller sized `out`. */
export function writeUnsignedVarintAt(out: Uint8Array, pos: number, value: number): number {
  checkUint32(value, 'unsigned varint');
  let v = value;
  while (v >= 0x80) {
    out[pos++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  out[pos++] = v;
  return pos;
}

export function writeVarintAt(out: Uint8Array, pos: number, value: number): number {
  checkInt32(value, 'varint');
  return writeUnsignedVarintAt(out, pos, zigzag32(value));
}

export function writeVarlongAt(out: Uint8Array, pos: number, value: number): number {
  checkInt64(value, 'varlong');
  if (value > -SMALL && value < SMALL) return writeUnsignedVarintAt(out, pos, zigzag32(value));
  let u = zigzag64(value);
  while (u >= 0x80n) {
    out[pos++] = Number(u & 0x7fn) | 0x80;
    u >>= 7n;
  }
  out[pos++] = Number(u);
  return pos;
}

// ---- standalone convenience API -------------------------------------------

export interface DecodedVarint {
  value: number;
  /** Bytes consumed. */
  size: number;
}

export function encodeVarint(value: number): Uint8Array {
  const out = new Uint8Array(sizeOfVarint(value));
  writeVarintAt(out, 0, value);
  return out;
}

/** Limited to safe integers, mirroring decodeVarlong. */
export function encodeVarlong(value: number): Uint8Array {
  checkSafe(value, 'varlong');
  const out = new Uint8Array(sizeOfVarlong(value));
  writeVarlongAt(out, 0, value);
  return out;
}

export function encodeUnsignedVarint(value: number): Uint8Array {
  const out = new Uint8Array(sizeOfUnsignedVarint(value));
  writeUnsignedVarintAt(out, 0, value);
  return out;
}

export function decodeVarint(bytes: Uint8Array, at = 0): DecodedVarint {
  return decodeWith(readVarintFrom, bytes, at);
}

/** Throws CorruptRecordError when the value is not a safe integer. */
export function decodeVarlong(bytes: Uint8Array, at = 0): DecodedVarint {
  return decodeWith(readVarlongFrom, bytes, at);
}

export function decodeUnsignedVarint(bytes: Uint8Array, at = 0): DecodedVarint {
  return decodeWith(readUnsignedVarintFrom, bytes, at);
}

function decodeWith(read: (c: VarintCursor) => number, bytes: Uint8Array, at: number): DecodedVarint {
  const c: VarintCursor = { bytes, pos: at, end: bytes.length };
  const value = read(c);
  return { value, size: c.pos - at };
}

// ---- helpers --------------------------------------------------------------

function zigzag32(n: number): number {
  return ((n << 1) ^ (n >> 31)) >>> 0;
}

function zigzag64(n: number): bigint {
  const b = BigInt(n);
  return b >= 0n ? b << 1n : (-b << 1n) - 1n;
}

function checkInt32(n: number, what: string): void {
  if (!Number.isInteger(n) || n < INT32_MIN || n > INT32_MAX) throw new RangeError(`${what} ${n} is not an int32`);
}

function checkUint32(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 0xffff_ffff) throw new RangeError(`${what} ${n} is not a uint32`);
}

/**
 * Any integer-valued double converts to BigInt exactly, so the writers accept
 * the whole int64 range rather than only safe integers: a timestamp delta
 * between two valid timestamps (-1 and MAX_SAFE_INTEGER) can be ±2^53.
 */
function checkInt64(n: number, what: string): void {
  if (!Number.isInteger(n) || n < -(2 ** 63) || n >= 2 ** 63) throw new RangeError(`${what} ${n} is not an int64`);
}

function checkSafe(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} ${n} is not a safe integer`);
}
