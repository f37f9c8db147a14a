/**
 * Reads the fields of a message protobufjs has decoded into the plain values messages.ts promises,
 * refusing what the protocol cannot mean. Decoding is where untrusted bytes become trusted data, so
 * every number is range-checked here and the core never has to.
 *
 * protobufjs hands int64 fields back as Long objects (its `long` dependency is always found), and
 * absent int64 fields as the prototype default, also a Long. Converting them here — instead of
 * setting `protobuf.util.Long = undefined` — keeps the library from changing a process-wide setting
 * other packages may rely on; it costs one small object per int64 field, noise next to a batch.
 */
import type { FieldOf } from '@kz/runtime';
import type { OffsetAndEpoch, RaftErrorCode } from '../core/messages';
import { directoryIdBytes, type DirectoryId, type Endpoint } from '../core/voter-set';
import { raftErrorCodeOf } from './kafka-error-codes';
import { MalformedMessageError } from './transport-errors';

/** The shape of a Long; protobufjs's own types leave decoded fields untyped. */
interface LongLike {
  readonly low: number;
  readonly high: number;
  readonly unsigned: boolean;
}

const TWO_POW_32 = 4294967296;

function isLongLike(value: unknown): value is LongLike {
  return typeof value === 'object' && value !== null && 'low' in value && 'high' in value;
}

/** The value as a JS number, or NaN when it is not an integer JS can hold exactly. */
function toSafeInteger(value: unknown): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (isLongLike(value)) n = (value.unsigned ? value.high >>> 0 : value.high | 0) * TWO_POW_32 + (value.low >>> 0);
  else return Number.NaN;
  return Number.isSafeInteger(n) ? n : Number.NaN;
}

/** A view of exactly these bytes as a plain Uint8Array (not a Buffer, whose `slice` shares memory). */
function asUint8Array(value: unknown, where: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new MalformedMessageError(`${where} is not bytes`);
  return value.constructor === Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

/**
 * Field access on one decoded message; `message` names it in error messages. `P` is the message's
 * generated properties type, which checks the field names against raft.proto at build time.
 */
export class WireFields<P extends object = Record<string, unknown>> {
  private readonly raw: Readonly<Record<string, unknown>>;

  constructor(
    raw: P,
    private readonly message: string,
  ) {
    this.raw = raw as Readonly<Record<string, unknown>>;
  }

  private where(field: string): string {
    return `${this.message}.${field}`;
  }

  /** An int64 field as a safe integer ≥ min. */
  int64(field: FieldOf<P>, min: number): number {
    return this.atLeast(field, toSafeInteger(this.raw[field]), min);
  }

  /** An int32 field ≥ min (protobufjs already decodes int32 to a number). */
  int32(field: FieldOf<P>, min: number): number {
    return this.atLeast(field, toSafeInteger(this.raw[field]), min);
  }

  private atLeast(field: string, value: number, min: number): number {
    // NaN fails this comparison too: a non-integer or an int64 beyond 2^53.
    if (!(value >= min)) {
      throw new MalformedMessageError(`${this.where(field)} must be an integer ≥ ${min}, got ${String(this.raw[field])}`);
    }
    return value;
  }

  bool(field: FieldOf<P>): boolean {
    return this.raw[field] === true;
  }

  /** A Kafka error number the quorum protocol knows. */
  errorCode(field: FieldOf<P>): RaftErrorCode {
    const number = this.raw[field];
    const code = typeof number === 'number' ? raftErrorCodeOf(number) : undefined;
    if (code === undefined) throw new MalformedMessageError(`${this.where(field)}: unknown error code ${String(number)}`);
    return code;
  }

  /** A repeated int32 field, each element ≥ min. */
  int32List(field: FieldOf<P>, min: number): number[] {
    const list = this.raw[field];
    if (!Array.isArray(list)) return [];
    return list.map((value: unknown, i) => this.atLeast(`${field}[${i}]`, toSafeInteger(value), min));
  }

  /** An OffsetAndEpoch sub-message, or undefined when absent (message fields have presence). */
  optionalOffsetAndEpoch(field: FieldOf<P>): OffsetAndEpoch | undefined {
    const value = this.raw[field];
    if (value === null || value === undefined) return undefined;
    const inner = new WireFields(value as Record<string, unknown>, this.where(field));
    return { offset: inner.int64('offset', 0), epoch: inner.int64('epoch', 0) };
  }

  offsetAndEpoch(field: FieldOf<P>): OffsetAndEpoch {
    const value = this.optionalOffsetAndEpoch(field);
    if (value === undefined) throw new MalformedMessageError(`${this.where(field)} is required`);
    return value;
  }

  /** A bytes field; an absent one is empty (proto3 has no presence for scalars). */
  bytes(field: FieldOf<P>): Uint8Array {
    const value = this.raw[field];
    // protobufjs's default for an absent bytes field is a frozen empty Array, not a Uint8Array.
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return new Uint8Array(0);
    return asUint8Array(value, this.where(field));
  }

  /** A repeated bytes field, each element a view of the received buffer: batches are never copied or re-encoded. */
  bytesList(field: FieldOf<P>): Uint8Array[] {
    const list = this.raw[field];
    if (!Array.isArray(list)) return [];
    return list.map((value: unknown, i) => asUint8Array(value, `${this.where(field)}[${i}]`));
  }

  /** A repeated sub-message field, each element read by `read`. */
  messageList<T>(field: FieldOf<P>, read: (fields: WireFields) => T): T[] {
    const list = this.raw[field];
    if (!Array.isArray(list)) return [];
    return list.map((value: unknown, i) => read(new WireFields(value as Record<string, unknown>, `${this.where(field)}[${i}]`)));
  }

  /** A sub-message field read by `read`, or undefined when absent (message fields have presence). */
  optionalMessage<T>(field: FieldOf<P>, read: (fields: WireFields) => T): T | undefined {
    const value = this.raw[field];
    if (value === null || value === undefined) return undefined;
    return read(new WireFields(value as Record<string, unknown>, this.where(field)));
  }

  string(field: FieldOf<P>): string {
    const value = this.raw[field];
    return typeof value === 'string' ? value : '';
  }

  /** A KIP-853 directory id, or undefined when empty (static voters). */
  optionalDirectoryId(field: FieldOf<P>): DirectoryId | undefined {
    const value = this.string(field);
    if (value === '') return undefined;
    try {
      directoryIdBytes(value);
    } catch (error) {
      throw new MalformedMessageError(`${this.where(field)}: ${(error as Error).message}`);
    }
    return value;
  }

  directoryId(field: FieldOf<P>): DirectoryId {
    const value = this.optionalDirectoryId(field);
    if (value === undefined) throw new MalformedMessageError(`${this.where(field)} is required`);
    return value;
  }

  /** Repeated Endpoint sub-messages: a name, a host and a port in [0, 65535]. */
  endpoints(field: FieldOf<P>): Endpoint[] {
    return this.messageList(field, (f) => {
      const port = f.int32('port', 0);
      if (port > 0xffff) throw new MalformedMessageError(`${this.where(field)}.port ${port} is not a port`);
      return { name: f.string('name'), host: f.string('host'), port };
    });
  }
}
