/**
 * Big-endian cursor reader and growable writer, plus the int64 <-> safe
 * integer bridge. Everything here reads *inside* a unit whose length is
 * already known (a batch, a record, a control-record value), so running off
 * the end means the unit lied about its size: that is corruption, never
 * "need more bytes".
 */
import { CorruptRecordError } from './errors.js';
import {
  readUnsignedVarintFrom,
  readVarintFrom,
  readVarlongExactFrom,
  sizeOfUnsignedVarint,
  writeUnsignedVarintAt,
  type VarintCursor,
} from './varint.js';

const TWO_32 = 0x1_0000_0000;

// Header keys are UTF-8 on the wire. Decoding is lenient (U+FFFD for bad
// sequences) to match Kafka, which builds header keys with new String(bytes, UTF_8).
const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

export function utf8Encode(s: string): Uint8Array {
  return utf8Encoder.encode(s);
}

export function utf8Decode(b: Uint8Array): string {
  return utf8Decoder.decode(b);
}

export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Reads an int64 as a JS number. Exact whenever the true value is a safe
 * integer; when it is not, rounding can only move it further from zero, so
 * the isSafeInteger check below still catches it.
 */
export function getInt64(view: DataView, offset: number): number | undefined {
  const n = view.getInt32(offset) * TWO_32 + view.getUint32(offset + 4);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function setInt64(view: DataView, offset: number, value: number): void {
  const hi = Math.floor(value / TWO_32);
  view.setInt32(offset, hi);
  view.setUint32(offset + 4, value - hi * TWO_32);
}

export class ByteReader implements VarintCursor {
  pos: number;
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    start: number,
    readonly end: number,
    /** Names the unit being read, for error messages. */
    private readonly what: string,
  ) {
    this.pos = start;
    this.view = viewOf(bytes);
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private take(n: number): number {
    if (n > this.end - this.pos) {
      throw new CorruptRecordError(`${this.what} ends ${n - (this.end - this.pos)} byte(s) short of its declared size`);
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  int8(): number {
    return this.view.getInt8(this.take(1));
  }

  int16(): number {
    return this.view.getInt16(this.take(2));
  }

  int32(): number {
    return this.view.getInt32(this.take(4));
  }

  int64(field: string): number {
    const n = getInt64(this.view, this.take(8));
    if (n === undefined) throw new CorruptRecordError(`${this.what}: ${field} is not a safe integer`);
    return n;
  }

  /** A copy, so decoded values do not alias (and pin) the caller's buffer. */
  copy(n: number): Uint8Array {
    const at = this.take(n);
    return this.bytes.slice(at, at + n);
  }

  skip(n: number): void {
    this.take(n);
  }

  varint(): number {
    return readVarintFrom(this);
  }

  varlongExact(): number | bigint {
    return readVarlongExactFrom(this);
  }

  unsignedVarint(): number {
    return readUnsignedVarintFrom(this);
  }
}

/** Growable big-endian writer for small messages whose size is not computed up front. */
export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  constructor(initialCapacity = 64) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = viewOf(this.buf);
  }

  private reserve(n: number): number {
    if (this.pos + n > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
      next.set(this.buf.subarray(0, this.pos));
      this.buf = next;
      this.view = viewOf(next);
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  int16(v: number): this {
    checkIntRange(v, -0x8000, 0x7fff, 'int16');
    const at = this.reserve(2); // before touching this.view: reserve may replace it
    this.view.setInt16(at, v);
    return this;
  }

  int32(v: number): this {
    checkIntRange(v, -0x8000_0000, 0x7fff_ffff, 'int32');
    const at = this.reserve(4);
    this.view.setInt32(at, v);
    return this;
  }

  int64(v: number): this {
    if (!Number.isSafeInteger(v)) throw new RangeError(`int64 ${v} is not a safe integer`);
    const at = this.reserve(8);
    setInt64(this.view, at, v);
    return this;
  }

  unsignedVarint(v: number): this {
    const at = this.reserve(sizeOfUnsignedVarint(v));
    writeUnsignedVarintAt(this.buf, at, v);
    return this;
  }

  /** The bytes as they are (a uuid, the UTF-8 of a string). */
  raw(bytes: Uint8Array): this {
    const at = this.reserve(bytes.length);
    this.buf.set(bytes, at);
    return this;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

export function checkIntRange(v: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(`${what} ${v} is out of range [${min}, ${max}]`);
}
