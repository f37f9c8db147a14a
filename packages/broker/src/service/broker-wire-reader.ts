/**
 * Reads the fields of a Broker service message into the plain values the protocol types promise,
 * refusing what the schema cannot mean. Decoding is where untrusted bytes become trusted data, so
 * every number is range-checked here and the BrokerApi never sees a fraction or a 2^60.
 *
 * It reads two shapes alike: what protobufjs decoded (int64 as Long, absent fields as defaults or
 * null) and the plain object the codec is about to encode (numbers, absent fields undefined). The
 * connection runs outgoing requests through it, because protobufjs would silently truncate a 1.5
 * or an out-of-range id on the way out.
 */
import { MalformedBrokerMessageError } from './malformed-broker-message-error';

/** The shape of a Long; protobufjs's own types leave decoded fields untyped. */
interface LongLike {
  readonly low: number;
  readonly high: number;
  readonly unsigned: boolean;
}

const TWO_POW_32 = 4294967296;
export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;
const EMPTY = new Uint8Array(0);

function isLongLike(value: unknown): value is LongLike {
  return typeof value === 'object' && value !== null && 'low' in value && 'high' in value;
}

function absent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** The value as a JS number, or NaN when it is not an integer JS can hold exactly. */
function toSafeInteger(value: unknown): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (isLongLike(value)) n = (value.unsigned ? value.high >>> 0 : value.high | 0) * TWO_POW_32 + (value.low >>> 0);
  else return Number.NaN;
  return Number.isSafeInteger(n) ? n : Number.NaN;
}

export class BrokerWireReader {
  constructor(
    private readonly raw: Readonly<Record<string, unknown>>,
    /** Where this message sits, for error messages: `ProduceRequest.topics[2]`. */
    readonly where: string,
  ) {}

  /** A reader of `value` as a message, or a MalformedBrokerMessageError when it is not one. */
  static of(value: unknown, where: string): BrokerWireReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedBrokerMessageError(`${where} is not a message`);
    return new BrokerWireReader(value as Record<string, unknown>, where);
  }

  private fail(field: string, what: string): never {
    throw new MalformedBrokerMessageError(`${this.where}.${field} ${what}`);
  }

  /** An int32 field (absent: 0) within [min, max]. */
  int32(field: string, min = INT32_MIN, max = INT32_MAX): number {
    const value = this.raw[field];
    return this.int32Value(field, absent(value) ? 0 : value, min, max);
  }

  private int32Value(field: string, value: unknown, min: number, max = INT32_MAX): number {
    const n = typeof value === 'number' ? value : Number.NaN;
    // NaN fails these comparisons too.
    if (!(Number.isInteger(n) && n >= min && n <= max)) this.fail(field, `must be an integer in [${min}, ${max}], got ${String(value)}`);
    return n;
  }

  /** An int64 field (absent: 0) as a safe integer, at least `min`. */
  int64(field: string, min = Number.MIN_SAFE_INTEGER): number {
    const value = this.raw[field];
    const n = absent(value) ? 0 : toSafeInteger(value);
    if (!(n >= min)) this.fail(field, `must be an integer ≥ ${min} within ±2^53, got ${String(value)}`);
    return n;
  }

  bool(field: string): boolean {
    const value = this.raw[field];
    if (absent(value)) return false;
    if (typeof value !== 'boolean') this.fail(field, `must be a boolean, got ${String(value)}`);
    return value;
  }

  /** A string field; absent is "" (proto3 has no presence for it). */
  string(field: string): string {
    const value = this.raw[field];
    if (absent(value)) return '';
    if (typeof value !== 'string') this.fail(field, `must be a string, got ${typeof value}`);
    return value;
  }

  /** A proto3 `optional string`: null when absent. */
  optionalString(field: string): string | null {
    return absent(this.raw[field]) ? null : this.string(field);
  }

  /**
   * A bytes field, as the decoder left it: a view into the received message, not a copy (record
   * batches are the bulk of every produce and fetch, and nobody here changes them).
   */
  bytes(field: string): Uint8Array {
    const value = this.raw[field];
    if (value instanceof Uint8Array) return value;
    // protobufjs's default for an absent bytes field is an empty array.
    if (absent(value) || (Array.isArray(value) && value.length === 0)) return EMPTY;
    return this.fail(field, `must be bytes, got ${typeof value}`);
  }

  /** A repeated int32 field, each element within [min, max]. */
  int32List(field: string, min = INT32_MIN, max = INT32_MAX): number[] {
    return this.list(field).map((value, i) => this.int32Value(`${field}[${i}]`, value, min, max));
  }

  stringList(field: string): string[] {
    return this.list(field).map((value, i) => {
      if (typeof value !== 'string') this.fail(`${field}[${i}]`, `must be a string, got ${typeof value}`);
      return value;
    });
  }

  /** A sub-message field, or null when absent (message fields have presence). */
  optionalMessage(field: string): BrokerWireReader | null {
    const value = this.raw[field];
    return absent(value) ? null : BrokerWireReader.of(value, `${this.where}.${field}`);
  }

  /** A repeated sub-message field, each element read by `read`. */
  messageList<T>(field: string, read: (fields: BrokerWireReader) => T): T[] {
    const list = this.list(field);
    const out = new Array<T>(list.length);
    for (let i = 0; i < list.length; i++) out[i] = read(BrokerWireReader.of(list[i], `${this.where}.${field}[${i}]`));
    return out;
  }

  private list(field: string): readonly unknown[] {
    const value = this.raw[field];
    if (absent(value)) return [];
    if (!Array.isArray(value)) this.fail(field, 'must be a list');
    return value;
  }
}
