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

/** One operation of a Pipeline stream, named after the unary RPC whose meaning it has. */
export type PipelineOp =
  | { readonly method: 'Put'; readonly request: PutRequest }
  | { readonly method: 'Delete'; readonly request: DeleteRequest }
  | { readonly method: 'CompareAndSet'; readonly request: CompareAndSetRequest }
  | { readonly method: 'Get'; readonly request: GetRequest };

/** One operation of a Pipeline stream. */
export interface PipelineCall {
  /** Chosen by the client; the answer carries it back. */
  readonly id: number;
  /** null: the client set none of the oneof (a newer client's operation, or a broken one). */
  readonly op: PipelineOp | null;
}

/** The calls that were ready to go together. */
export interface PipelineRequest {
  readonly calls: readonly PipelineCall[];
}

export type PipelineResult = { readonly write: WriteResponse } | { readonly get: GetResponse };

export interface PipelineAnswer {
  readonly id: number;
  readonly result: PipelineResult;
}

/** The answers that were ready to go together. */
export interface PipelineResponse {
  readonly answers: readonly PipelineAnswer[];
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
  readonly PipelineRequest: KvCodec<PipelineRequest>;
  readonly PipelineResponse: KvCodec<PipelineResponse>;
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
  const pipelineRequest = type('PipelineRequest');
  const pipelineResponse = type('PipelineResponse');
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
      encode: (m) => encodePlain(writeResponse, writeFields(m)),
      decode: (bytes) => writeOf(plain(writeResponse, bytes)),
    },
    GetResponse: {
      encode: (m) => encode(getResponse, { ...m, error: errorFields(m.error) }),
      decode: (bytes) => getOf(plain(getResponse, bytes)),
    },
    // Under load a pipeline message carries the puts of a round, so the server reads the decoded
    // calls in place (as PutRequest above) and the answers are encoded from plain objects.
    PipelineRequest: {
      encode: (m) => encode(pipelineRequest, { calls: m.calls.map((call) => ({ id: call.id, ...opFields(call.op) })) }),
      decode: (bytes) => {
        const m = pipelineRequest.decode(bytes) as unknown as { calls?: Record<string, unknown>[] };
        return { calls: (m.calls ?? []).map((call) => ({ id: numberOf(call.id), op: opOf(call) })) };
      },
    },
    PipelineResponse: {
      encode: (m) =>
        encodePlain(pipelineResponse, {
          answers: m.answers.map(({ id, result }) =>
            'write' in result ? { id, write: writeFields(result.write) } : { id, get: { ...result.get, error: errorFields(result.get.error) } },
          ),
        }),
      decode: (bytes) => {
        const f = plain(pipelineResponse, bytes);
        return { answers: (Array.isArray(f.answers) ? f.answers : []).map((answer: unknown) => answerOf(isFields(answer) ? answer : {})) };
      },
    },
  };
  return loaded;
}

function writeFields(m: WriteResponse): object {
  return { error: errorFields(m.error), applied: m.applied, offset: m.offset };
}

function writeOf(f: Record<string, unknown>): WriteResponse {
  return { error: errorOf(f.error), applied: f.applied === true, offset: numberOf(f.offset) };
}

function getOf(f: Record<string, unknown>): GetResponse {
  return { error: errorOf(f.error), found: f.found === true, value: bytesOf(f.value), readOffset: numberOf(f.readOffset) };
}

function answerOf(f: Record<string, unknown>): PipelineAnswer {
  const id = numberOf(f.id);
  if (isFields(f.get)) return { id, result: { get: getOf(f.get) } };
  if (isFields(f.write)) return { id, result: { write: writeOf(f.write) } };
  // Neither set: a newer server's kind of result. Read as a failure with an unknown outcome.
  return { id, result: { write: { error: unknownResult, applied: false, offset: -1 } } };
}

function isFields(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

function encodePlain(t: Type, fields: object): Buffer {
  const bytes = t.encode(fields).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const unknownResult: KvWireError = { code: 'UNKNOWN_SERVER_ERROR', message: 'the answer holds no result this client knows', leaderId: -1, leaderAddress: '' };

/** The oneof as the encoder wants it: the set member under its proto name (camelCased). */
function opFields(op: PipelineOp | null): object {
  if (op === null) return {};
  switch (op.method) {
    case 'Put':
      return { put: op.request };
    case 'Delete':
      return { delete: op.request };
    case 'CompareAndSet':
      return { compareAndSet: op.request };
    case 'Get':
      return { get: op.request };
  }
}

/** Reads the oneof of a decoded (not converted) PipelineCall; unset bytes read as empty. */
function opOf(m: Record<string, unknown>): PipelineOp | null {
  // An unset message field reads null (protobufjs's prototype default).
  const field = (name: string): Record<string, unknown> | null => {
    const value = m[name];
    return isFields(value) ? value : null;
  };
  const put = field('put');
  if (put !== null) return { method: 'Put', request: { key: bytesOf(put.key), value: bytesOf(put.value) } };
  const del = field('delete');
  if (del !== null) return { method: 'Delete', request: { key: bytesOf(del.key) } };
  const cas = field('compareAndSet');
  if (cas !== null) {
    return { method: 'CompareAndSet', request: { key: bytesOf(cas.key), hasExpected: cas.hasExpected === true, expected: bytesOf(cas.expected), value: bytesOf(cas.value) } };
  }
  const get = field('get');
  if (get !== null) return { method: 'Get', request: { key: bytesOf(get.key) } };
  return null;
}

/** A NONE code counts as no error, so a server may also send an Error with code 0. */
function errorOf(f: unknown): KvWireError | null {
  if (!isFields(f)) return null;
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

/** int64s arrive as numbers after conversion, and as Long objects from a bare decode. */
function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { toNumber?: unknown }).toNumber === 'function') return (value as { toNumber(): number }).toNumber();
  return 0;
}
