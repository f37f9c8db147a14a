/**
 * Writes one message into a buffer sized in advance. Generated encoders
 * first compute the exact size (the `size*` helpers below mirror each write),
 * allocate once, then write straight through; `finish` checks that the two
 * passes agreed, so a generator bug cannot ship a frame with a wrong length.
 *
 * Values that cannot be encoded (an int64 that is not a safe integer, a bad
 * UUID string) are programmer errors and throw RangeError.
 */
import { writeUuid } from './uuid.js';

const TWO_32 = 4294967296;

export class Writer {
  readonly buf: Buffer;
  private readonly view: DataView;
  pos: number;

  constructor(size: number) {
    // allocUnsafe draws small buffers from Node's pool; every byte is overwritten before use.
    this.buf = Buffer.allocUnsafe(size);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.pos = 0;
  }

  /** The written bytes; throws if the size pass and the write pass disagreed. */
  finish(): Buffer {
    if (this.pos !== this.buf.length) {
      throw new Error(`internal encoder error: wrote ${this.pos} bytes into a ${this.buf.length}-byte buffer`);
    }
    return this.buf;
  }

  int8(v: number): void {
    this.view.setInt8(this.pos, v);
    this.pos += 1;
  }

  int16(v: number): void {
    this.view.setInt16(this.pos, v);
    this.pos += 2;
  }

  int32(v: number): void {
    this.view.setInt32(this.pos, v);
    this.pos += 4;
  }

  uint16(v: number): void {
    this.view.setUint16(this.pos, v);
    this.pos += 2;
  }

  uint32(v: number): void {
    this.view.setUint32(this.pos, v);
    this.pos += 4;
  }

  int64(v: number): void {
    if (!Number.isSafeInteger(v)) throw new RangeError(`int64 value ${v} is not a safe integer`);
    const hi = Math.floor(v / TWO_32);
    this.view.setInt32(this.pos, hi);
    this.view.setUint32(this.pos + 4, v - hi * TWO_32);
    this.pos += 8;
  }

  float64(v: number): void {
    this.view.setFloat64(this.pos, v);
    this.pos += 8;
  }

  bool(v: boolean): void {
    this.buf[this.pos++] = v ? 1 : 0;
  }

  uuid(v: string): void {
    writeUuid(this.buf, this.pos, v);
    this.pos += 16;
  }

  uvarint(v: number): void {
    const buf = this.buf;
    while (v >= 0x80) {
      buf[this.pos++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    buf[this.pos++] = v;
  }

  // ---- strings ------------------------------------------------------------

  /** int16 length + UTF-8; the length is back-filled from what was written. */
  string(v: string): void {
    const p = this.pos;
    const n = this.buf.write(v, p + 2, 'utf8');
    this.view.setInt16(p, n);
    this.pos = p + 2 + n;
  }

  nullableString(v: string | null): void {
    if (v === null) this.int16(-1);
    else this.string(v);
  }

  compactString(v: string): void {
    // Under 43 UTF-16 units the UTF-8 form is under 128 bytes, so N+1 fits one varint byte.
    if (v.length < 43) {
      const p = this.pos;
      const n = this.buf.write(v, p + 1, 'utf8');
      this.buf[p] = n + 1;
      this.pos = p + 1 + n;
      return;
    }
    const n = Buffer.byteLength(v, 'utf8');
    this.uvarint(n + 1);
    this.pos += this.buf.write(v, this.pos, 'utf8');
  }

  compactNullableString(v: string | null): void {
    if (v === null) this.buf[this.pos++] = 0;
    else this.compactString(v);
  }

  // ---- bytes --------------------------------------------------------------

  bytes(v: Uint8Array): void {
    this.int32(v.length);
    this.raw(v);
  }

  nullableBytes(v: Uint8Array | null): void {
    if (v === null) this.int32(-1);
    else this.bytes(v);
  }

  compactBytes(v: Uint8Array): void {
    this.uvarint(v.length + 1);
    this.raw(v);
  }

  compactNullableBytes(v: Uint8Array | null): void {
    if (v === null) this.buf[this.pos++] = 0;
    else this.compactBytes(v);
  }

  raw(v: Uint8Array): void {
    this.buf.set(v, this.pos);
    this.pos += v.length;
  }

  // ---- arrays -------------------------------------------------------------

  arrayLength(compact: boolean, n: number): void {
    if (compact) this.uvarint(n + 1);
    else this.int32(n);
  }

  nullArray(compact: boolean): void {
    if (compact) this.buf[this.pos++] = 0;
    else this.int32(-1);
  }
}

/**
 * Bytes fields of at least this many bytes (a fetch answer's record batches) are not copied by a
 * ChunkedWriter: the frame goes out as a list of chunks, its own small buffers between references
 * to the caller's byte arrays, so a broker hands the log's bytes to the socket as they were read.
 */
export const REFERENCED_BYTES_MIN = 4096;

/**
 * A Writer that references large bytes fields instead of copying them (REFERENCED_BYTES_MIN). Its
 * buffer holds only the copied bytes: `size` is what sizeReferencing measured as copied.
 */
export class ChunkedWriter extends Writer {
  private readonly chunks: Uint8Array[] = [];
  private cut = 0;

  override raw(v: Uint8Array): void {
    if (v.length < REFERENCED_BYTES_MIN) {
      super.raw(v);
      return;
    }
    if (this.pos > this.cut) this.chunks.push(this.buf.subarray(this.cut, this.pos));
    this.chunks.push(v);
    this.cut = this.pos;
  }

  /** The frame's chunks in order; throws if the size pass and the write pass disagreed. */
  finishChunks(): Uint8Array[] {
    this.finish();
    if (this.pos > this.cut) this.chunks.push(this.buf.subarray(this.cut, this.pos));
    return this.chunks;
  }
}

/** While sizeReferencing measures: the bytes a ChunkedWriter will reference rather than copy. */
let referenced: number | null = null;

function noteBytes(v: Uint8Array): void {
  if (referenced !== null && v.length >= REFERENCED_BYTES_MIN) referenced += v.length;
}

/**
 * Runs a size pass and also counts the bytes of the fields a ChunkedWriter will reference, so its
 * buffer can be sized to the rest. Size passes are synchronous, so the count cannot interleave.
 */
export function sizeReferencing(measure: () => number): { size: number; referenced: number } {
  referenced = 0;
  try {
    const size = measure();
    return { size, referenced };
  } finally {
    referenced = null;
  }
}

// ---- sizes ------------------------------------------------------------------

export function sizeOfUvarint(v: number): number {
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  return 5;
}

export function sizeOfString(v: string): number {
  return 2 + Buffer.byteLength(v, 'utf8');
}

export function sizeOfNullableString(v: string | null): number {
  return v === null ? 2 : 2 + Buffer.byteLength(v, 'utf8');
}

export function sizeOfCompactString(v: string): number {
  const n = Buffer.byteLength(v, 'utf8');
  return sizeOfUvarint(n + 1) + n;
}

export function sizeOfCompactNullableString(v: string | null): number {
  return v === null ? 1 : sizeOfCompactString(v);
}

export function sizeOfBytes(v: Uint8Array): number {
  noteBytes(v);
  return 4 + v.length;
}

export function sizeOfNullableBytes(v: Uint8Array | null): number {
  if (v === null) return 4;
  noteBytes(v);
  return 4 + v.length;
}

export function sizeOfCompactBytes(v: Uint8Array): number {
  noteBytes(v);
  return sizeOfUvarint(v.length + 1) + v.length;
}

export function sizeOfCompactNullableBytes(v: Uint8Array | null): number {
  if (v === null) return 1;
  noteBytes(v);
  return sizeOfUvarint(v.length + 1) + v.length;
}

export function sizeOfArrayLength(compact: boolean, n: number): number {
  return compact ? sizeOfUvarint(n + 1) : 4;
}
