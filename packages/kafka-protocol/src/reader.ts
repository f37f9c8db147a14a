/**
 * Bounds-checked cursor over one message. Generated decoders call these
 * methods field by field; every method checks the remaining length before it
 * touches a byte, so malformed input ends in a TruncatedMessageError or
 * MalformedMessageError and never in an out-of-bounds read.
 *
 * `bytes`/`records` come back as subarray views of the input: the Produce and
 * Fetch hot paths hand RecordBatch bytes on without copying them. The caller
 * must not reuse the frame's memory while those views are alive.
 *
 * Strings are decoded as UTF-8 with replacement characters for bad sequences,
 * as Kafka's own decoder does (it does not validate UTF-8 either).
 */
import { MalformedMessageError, TruncatedMessageError } from './errors.js';
import { uuidToString } from './uuid.js';

const TWO_32 = 4294967296;

export class Reader {
  readonly buf: Buffer;
  private readonly view: DataView;
  pos: number;
  readonly end: number;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = start;
    this.end = end;
  }

  remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number, what: string): number {
    const p = this.pos;
    if (n > this.end - p) throw new TruncatedMessageError(what, p, n, this.end - p);
    this.pos = p + n;
    return p;
  }

  int8(): number {
    return this.view.getInt8(this.need(1, 'int8'));
  }

  int16(): number {
    return this.view.getInt16(this.need(2, 'int16'));
  }

  int32(): number {
    return this.view.getInt32(this.need(4, 'int32'));
  }

  uint16(): number {
    return this.view.getUint16(this.need(2, 'uint16'));
  }

  uint32(): number {
    return this.view.getUint32(this.need(4, 'uint32'));
  }

  /** int64 as a JS number; values outside ±(2^53-1) are rejected rather than rounded. */
  int64(): number {
    const p = this.need(8, 'int64');
    const v = this.view.getInt32(p) * TWO_32 + this.view.getUint32(p + 4);
    if (!Number.isSafeInteger(v)) {
      throw new MalformedMessageError(`int64 ${this.view.getBigInt64(p)} is outside the safe-integer range`, p);
    }
    return v;
  }

  float64(): number {
    return this.view.getFloat64(this.need(8, 'float64'));
  }

  /** Kafka reads any non-zero byte as true. */
  bool(): boolean {
    return this.buf[this.need(1, 'bool')] !== 0;
  }

  uuid(): string {
    const p = this.need(16, 'uuid');
    return uuidToString(this.buf, p);
  }

  /** Unsigned LEB128, at most 5 bytes (32 bits), as Kafka's ByteUtils.readUnsignedVarint. */
  uvarint(): number {
    const start = this.pos;
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end) throw new TruncatedMessageError('unsigned varint', start, i + 1, i);
      const b = this.buf[this.pos++] as number;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
    throw new MalformedMessageError('unsigned varint is longer than 5 bytes', start);
  }

  // ---- lengths ------------------------------------------------------------

  /** int16 length; -1 is null (returned as -1), other negatives are malformed. */
  private stringLength(): number {
    const p = this.pos;
    const n = this.int16();
    if (n < -1) throw new MalformedMessageError(`negative string length ${n}`, p);
    return n;
  }

  /** Compact length: varint N+1, 0 is null (returned as -1). */
  private compactLength(): number {
    return this.uvarint() - 1;
  }

  /** int32 length; -1 is null (returned as -1), other negatives are malformed. */
  private int32Length(what: string): number {
    const p = this.pos;
    const n = this.int32();
    if (n < -1) throw new MalformedMessageError(`negative ${what} length ${n}`, p);
    return n;
  }

  private text(n: number): string {
    const p = this.need(n, 'string');
    return this.buf.toString('utf8', p, p + n);
  }

  private slice(n: number, what: string): Uint8Array {
    const p = this.need(n, what);
    return this.buf.subarray(p, p + n);
  }

  // ---- strings ------------------------------------------------------------

  string(field: string): string {
    const p = this.pos;
    const n = this.stringLength();
    if (n < 0) throw nullError(field, p);
    return this.text(n);
  }

  nullableString(): string | null {
    const n = this.stringLength();
    return n < 0 ? null : this.text(n);
  }

  compactString(field: string): string {
    const p = this.pos;
    const n = this.compactLength();
    if (n < 0) throw nullError(field, p);
    return this.text(n);
  }

  compactNullableString(): string | null {
    const n = this.compactLength();
    return n < 0 ? null : this.text(n);
  }

  // ---- bytes --------------------------------------------------------------

  bytes(field: string): Uint8Array {
    const p = this.pos;
    const n = this.int32Length('bytes');
    if (n < 0) throw nullError(field, p);
    return this.slice(n, 'bytes');
  }

  nullableBytes(): Uint8Array | null {
    const n = this.int32Length('bytes');
    return n < 0 ? null : this.slice(n, 'bytes');
  }

  compactBytes(field: string): Uint8Array {
    const p = this.pos;
    const n = this.compactLength();
    if (n < 0) throw nullError(field, p);
    return this.slice(n, 'bytes');
  }

  compactNullableBytes(): Uint8Array | null {
    const n = this.compactLength();
    return n < 0 ? null : this.slice(n, 'bytes');
  }

  // ---- arrays -------------------------------------------------------------

  /**
   * Element count of an array, -1 for null. A count larger than the bytes
   * left cannot be honest (every element takes at least one byte), so it is
   * rejected before anything is allocated for it.
   */
  arrayLength(compact: boolean, field: string): number {
    const p = this.pos;
    const n = compact ? this.compactLength() : this.int32Length('array');
    if (n > this.end - this.pos) throw new TruncatedMessageError(`${field} (${n} elements)`, p, n, this.end - this.pos);
    return n;
  }

  /** Like arrayLength, but null is an error. */
  requiredArrayLength(compact: boolean, field: string): number {
    const p = this.pos;
    const n = this.arrayLength(compact, field);
    if (n < 0) throw nullError(field, p);
    return n;
  }

  // ---- tagged fields ------------------------------------------------------

  /** Moves past a tagged field's value of `size` bytes (unknown tag, or a tag not in this version). */
  skip(size: number): void {
    this.need(size, 'tagged field');
  }

  /** Skips a whole tagged-field section (a struct that knows no tags in this version). */
  skipTaggedFields(): void {
    for (let k = this.uvarint(); k > 0; k--) {
      this.uvarint();
      this.skip(this.taggedSize());
    }
  }

  /** Checks that a known tagged field consumed exactly its declared size. */
  endTaggedField(tag: number, start: number, size: number): void {
    if (this.pos !== start + size) {
      throw new MalformedMessageError(`tagged field ${tag} declared ${size} bytes but its value took ${this.pos - start}`, start);
    }
  }

  /** Reads a tagged-field size and checks the bytes are there. */
  taggedSize(): number {
    const p = this.pos;
    const size = this.uvarint();
    if (size > this.end - this.pos) throw new TruncatedMessageError('tagged field', p, size, this.end - this.pos);
    return size;
  }
}

function nullError(field: string, at: number): MalformedMessageError {
  return new MalformedMessageError(`non-nullable field ${field} was encoded as null`, at);
}
