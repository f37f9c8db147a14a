/**
 * The messages of `proto/kv.proto` as TypeScript types, and their protobuf encoding. The .proto is
 * loaded at run time (like @kz/raft's raft.proto), so the readable file is the schema the wire
 * uses, with no generated code to keep in step. `src/` (tests run the sources) and `dist/` (the
 * build) both sit one level below the package root, so one relative path finds it from either.
 */
import * as path from 'node:path';
import { loadSync, type IConversionOptions, type Type } from 'protobufjs';

export const KV_PROTO_PATH = path.join(__dirname, '../proto/kv.proto');

/** `kz.kv.v1.ErrorCode`, by name; the numbers are Kafka's. */
export const KV_ERROR_NUMBERS = {
  NONE: 0,
  NOT_LEADER_OR_FOLLOWER: 6,
  REQUEST_TIMED_OUT: 7,
  INVALID_REQUEST: 42,
  UNKNOWN_SERVER_ERROR: -1,
} as const;

/** An error a KvService answers with (NONE is "no error" and never travels as an Error). */
export type KvWireErrorCode = Exclude<keyof typeof KV_ERROR_NUMBERS, 'NONE'>;

export interface KvWireError {
  readonly code: KvWireErrorCode;
  readonly message: string;
  /** -1 when unknown. */
  readonly leaderId: number;
  /** The leader's KvService `host:port`; empty when unknown. */
  readonly leaderAddress: string;
}

export interface PutRequest {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
}

export interface DeleteRequest {
  readonly key: Uint8Array;
}

export interface CompareAndSetRequest {
  readonly key: Uint8Array;
  readonly hasExpected: boolean;
  readonly expected: Uint8Array;
  readonly value: Uint8Array;
}

export interface GetRequest {
  readonly key: Uint8Array;
}

export interface WriteResponse {
  readonly error: KvWireError | null;
  readonly applied: boolean;
  readonly offset: number;
}

export interface GetResponse {
  readonly error: KvWireError | null;
  readonly found: boolean;
  readonly value: Uint8Array;
  readonly readOffset: number;
}

/** A message type of kv.proto with its two directions of conversion. */
export interface KvCodec<T> {
  encode(message: T): Buffer;
  decode(bytes: Buffer): T;
}

interface KvSchema {
  readonly PutRequest: KvCodec<PutRequest>;
  readonly DeleteRequest: KvCodec<DeleteRequest>;
  readonly CompareAndSetRequest: KvCodec<CompareAndSetRequest>;
  readonly GetRequest: KvCodec<GetRequest>;
  readonly WriteResponse: KvCodec<WriteResponse>;
  readonly GetResponse: KvCodec<GetResponse>;
}

const PACKAGE = 'kz.kv.v1';

/** int64 as JS numbers (offsets stay far below 2^53), every field present, enums by number. */
const TO_OBJECT: IConversionOptions = { longs: Number, enums: Number, defaults: true };

const EMPTY = new Uint8Array(0);

let loaded: KvSchema | undefined;

/** The codecs, built on first use from one synchronous read of kv.proto. */
export function kvWire(): KvSchema {
  if (loaded !== undefined) return loaded;
  const root = loadSync(KV_PROTO_PATH);
  const type = (name: string): Type => root.lookupType(`${PACKAGE}.${name}`);
  const plain = (t: Type, bytes: Buffer): Record<string, unknown> => t.toObject(t.decode(bytes), TO_OBJECT);
  const encode = (t: Type, fields: object): Buffer => {
    const bytes = t.encode(t.fromObject(fields)).finish();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
  const keyed = <T extends { key: Uint8Array }>(name: string, read: (fields: Record<string, unknown>) => T): KvCodec<T> => {
    const t = type(name);
    return { encode: (message) => encode(t, message), decode: (bytes) => read(plain(t, bytes)) };
  };
  const writeResponse = type('WriteResponse');
  const getResponse = type('GetResponse');
  const putRequest = type('PutRequest');
  loaded = {
    // Put is the hot path (one per write): decoded without the toObject copy, and WriteResponse
    // encoded from a plain object without fromObject; protobufjs's reflected encoders take plain
    // objects with numbers for enums and int64s, which is what these carry.
    PutRequest: {
      encode: (message) => encode(putRequest, message),
      decode: (bytes) => {
        const m = putRequest.decode(bytes) as unknown as Record<string, unknown>;
        return { key: bytesOf(m.key), value: bytesOf(m.value) };
      },
    },
    DeleteRequest: keyed('DeleteRequest', (f) => ({ key: bytesOf(f.key) })),
    CompareAndSetRequest: keyed('CompareAndSetRequest', (f) => ({
      key: bytesOf(f.key),
      hasExpected: f.hasExpected === true,
      expected: bytesOf(f.expected),
      value: bytesOf(f.value),
    })),
    GetRequest: keyed('GetRequest', (f) => ({ key: bytesOf(f.key) })),
    WriteResponse: {
      encode: (m) => {
        const bytes = writeResponse.encode({ error: errorFields(m.error), applied: m.applied, offset: m.offset }).finish();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      },
      decode: (bytes) => {
        const f = plain(writeResponse, bytes);
        return { error: errorOf(f.error), applied: f.applied === true, offset: numberOf(f.offset) };
      },
    },
    GetResponse: {
      encode: (m) => encode(getResponse, { ...m, error: errorFields(m.error) }),
      decode: (bytes) => {
        const f = plain(getResponse, bytes);
        return { error: errorOf(f.error), found: f.found === true, value: bytesOf(f.value), readOffset: numberOf(f.readOffset) };
      },
    },
  };
  return loaded;
}

/** A NONE code counts as no error, so a server may also send an Error with code 0. */
function errorOf(fields: unknown): KvWireError | null {
  if (fields === null || typeof fields !== 'object') return null;
  const f = fields as Record<string, unknown>;
  const number = numberOf(f.code);
  if (number === KV_ERROR_NUMBERS.NONE) return null;
  const name = (Object.keys(KV_ERROR_NUMBERS) as (keyof typeof KV_ERROR_NUMBERS)[]).find((k) => KV_ERROR_NUMBERS[k] === number);
  return {
    // A code this client does not know (a newer server) is still an error; say so generically.
    code: name === undefined || name === 'NONE' ? 'UNKNOWN_SERVER_ERROR' : name,
    message: typeof f.message === 'string' ? f.message : '',
    leaderId: numberOf(f.leaderId),
    leaderAddress: typeof f.leaderAddress === 'string' ? f.leaderAddress : '',
  };
}

function errorFields(error: KvWireError | null): object | null {
  return error === null ? null : { ...error, code: KV_ERROR_NUMBERS[error.code] };
}

function bytesOf(value: unknown): Uint8Array {
  return value instanceof Uint8Array ? value : EMPTY;
}

function numberOf(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}
