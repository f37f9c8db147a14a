/**
 * Reads the fields of a service message into the plain values the protocol types promise, refusing
 * what the schema cannot mean. Decoding is where untrusted bytes become trusted data, so every
 * number is range-checked here and the service behind it never sees a fraction or a 2^60.
 *
 * It reads two shapes alike: what protobufjs decoded (int64 as Long, absent fields as defaults or
 * null) and the plain object a codec is about to encode (numbers, absent fields undefined). Clients
 * run outgoing requests through it, because protobufjs would silently truncate a 1.5 or an
 * out-of-range id on the way out.
 *
 * Each service throws its own error type (MalformedAdminMessageError, MalformedBrokerMessageError),
 * so the reader takes a factory for it rather than a class of its own. Raft's own messages use
 * WireFields, whose rules (no presence checks, error codes) differ.
 *
 * `P` is the message's generated properties type (`kz.broker.v1.FetchRequest.$Properties`): field
 * names are then checked against the .proto at build time. Without it any name is accepted.
 */

import type { FieldOf, MessageOf } from './generated-message';

/** Makes the error a malformed message is reported as; `message` says which field and why. */
export type MalformedWireError = (message: string) => Error;

/** The shape of a Long; protobufjs's own types leave decoded fields untyped. */
interface LongLike {
  readonly low: number;
  readonly high: number;
  readonly unsigned: boolean;
}

const TWO_POW_32 = 4294967296;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
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

/** The reader of a sub-message field: typed by the generated properties when the parent is. */
type SubReader<P, K extends keyof P> = WireReader<unknown extends P[K] ? Record<string, unknown> : MessageOf<P[K]>>;

export class WireReader<P extends object = Record<string, unknown>> {
  private readonly raw: Readonly<Record<string, unknown>>;

  constructor(
    raw: P,
    /** Where this message sits, for error messages: `ProduceRequest.topics[2]`. */
    readonly where: string,
    private readonly malformed: MalformedWireError,
  ) {
    this.raw = raw as Readonly<Record<string, unknown>>;
  }

  /** A reader of `value` as a message, or the `malformed` error when it is not one. */
  static of<Q extends object = Record<string, unknown>>(value: unknown, where: string, malformed: MalformedWireError): WireReader<Q> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`${where} is not a message`);
    return new WireReader(value as Q, where, malformed);
  }

  private at(field: string): string {
    return `${this.where}.${field}`;
  }

  private fail(field: string, what: string): never {
    throw this.malformed(`${this.at(field)} ${what}`);
  }

  /** An int32 field (absent: 0) within [min, max]. */
  int32(field: FieldOf<P>, min = INT32_MIN, max = INT32_MAX): number {
    const value = this.raw[field];
    return this.int32Value(field, absent(value) ? 0 : value, min, max);
  }

  /** A proto3 `optional int32`: undefined when absent, else within [min, max]. */
  optionalInt32(field: FieldOf<P>, min = INT32_MIN, max = INT32_MAX): number | undefined {
    const value = this.raw[field];
    return absent(value) ? undefined : this.int32Value(field, value, min, max);
  }

  private int32Value(field: string, value: unknown, min: number, max: number): number {
    const n = typeof value === 'number' ? value : Number.NaN;
    // NaN fails these comparisons too.
    if (!(Number.isInteger(n) && n >= min && n <= max)) this.fail(field, `must be an integer in [${min}, ${max}], got ${String(value)}`);
    return n;
  }

  /** An int64 field (absent: 0) as a safe integer, at least `min`. */
  int64(field: FieldOf<P>, min = Number.MIN_SAFE_INTEGER): number {
    const value = this.raw[field];
    const n = absent(value) ? 0 : toSafeInteger(value);
    if (!(n >= min)) this.fail(field, `must be an integer ≥ ${min} within ±2^53, got ${String(value)}`);
    return n;
  }

  bool(field: FieldOf<P>): boolean {
    const value = this.raw[field];
    if (absent(value)) return false;
    if (typeof value !== 'boolean') this.fail(field, `must be a boolean, got ${String(value)}`);
    return value;
  }

  /** A string field; absent is "" (proto3 has no presence for it). */
  string(field: FieldOf<P>): string {
    const value = this.raw[field];
    if (absent(value)) return '';
    if (typeof value !== 'string') this.fail(field, `must be a string, got ${typeof value}`);
    return value;
  }

  /** A proto3 `optional string`: null when absent. */
  optionalString(field: FieldOf<P>): string | null {
    return absent(this.raw[field]) ? null : this.string(field);
  }

  /**
   * A bytes field, as the decoder left it: a view into the received message, not a copy (record
   * batches are the bulk of every produce and fetch, and nobody here changes them).
   */
  bytes(field: FieldOf<P>): Uint8Array {
    const value = this.raw[field];
    if (value instanceof Uint8Array) return value;
    // protobufjs's default for an absent bytes field is an empty array.
    if (absent(value) || (Array.isArray(value) && value.length === 0)) return EMPTY;
    return this.fail(field, `must be bytes, got ${typeof value}`);
  }

  /** A repeated int32 field, each element within [min, max]. */
  int32List(field: FieldOf<P>, min = INT32_MIN, max = INT32_MAX): number[] {
    return this.list(field).map((value, i) => this.int32Value(`${field}[${i}]`, value, min, max));
  }

  stringList(field: FieldOf<P>): string[] {
    return this.list(field).map((value, i) => {
      if (typeof value !== 'string') this.fail(`${field}[${i}]`, `must be a string, got ${typeof value}`);
      return value;
    });
  }

  /** A `map<string, string>` field. */
  stringMap(field: FieldOf<P>): Record<string, string> {
    const value = this.raw[field];
    if (absent(value)) return {};
    if (typeof value !== 'object' || Array.isArray(value)) this.fail(field, 'must be a map');
    const out: Record<string, string> = {};
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      if (typeof entry !== 'string') this.fail(`${field}[${JSON.stringify(key)}]`, `must be a string, got ${typeof entry}`);
      // Defined, not assigned: a key named "__proto__" must be a key, not a prototype.
      Object.defineProperty(out, key, { value: entry, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** An enum field, mapped through `names` (wire number → value); an unknown or unspecified number is malformed. */
  enumValue<T>(field: FieldOf<P>, names: ReadonlyMap<number, T>): T {
    const value = this.raw[field];
    const number = absent(value) ? 0 : value;
    const mapped = typeof number === 'number' ? names.get(number) : undefined;
    if (mapped === undefined) this.fail(field, `is not a known value: ${String(number)}`);
    return mapped;
  }

  /** A sub-message field, or null when absent (message fields have presence). */
  optionalMessage<K extends FieldOf<P>>(field: K): SubReader<P, K> | null {
    const value = this.raw[field];
    return absent(value) ? null : WireReader.of(value, this.at(field), this.malformed);
  }

  /** A repeated sub-message field, each element read by `read`. */
  messageList<K extends FieldOf<P>, T>(field: K, read: (fields: SubReader<P, K>) => T): T[] {
    const list = this.list(field);
    // Preallocated rather than mapped: produce and fetch read their partition lists through here on every call.
    const out = new Array<T>(list.length);
    for (let i = 0; i < list.length; i++) out[i] = read(WireReader.of(list[i], `${this.at(field)}[${i}]`, this.malformed));
    return out;
  }

  private list(field: FieldOf<P>): readonly unknown[] {
    const value = this.raw[field];
    if (absent(value)) return [];
    if (!Array.isArray(value)) this.fail(field, 'must be a list');
    return value;
  }
}
