/**
 * Responses on the wire: size prefix, response header (v0: correlation id;
 * v1: plus tagged fields), body.
 */
import type { Complete } from './codec.js';
import { APIS, type ApiKey, type ApiResponseTypes } from './generated/apis.js';
import { ResponseHeader } from './generated/headers.js';
import { responseHeaderVersion } from './header-versions.js';
import { Reader } from './reader.js';
import { ChunkedWriter, sizeReferencing, Writer } from './writer.js';

interface BodyCodec<T> {
  size(m: T, v: number): number;
  write(w: Writer, m: T, v: number): void;
  read(r: Reader, v: number): Complete<T>;
}

function codecFor<K extends ApiKey>(apiKey: K, apiVersion: number): BodyCodec<ApiResponseTypes[K]> {
  const api = APIS[apiKey];
  if (!api) throw new RangeError(`unknown API key ${apiKey}`);
  if (apiVersion < api.minVersion || apiVersion > api.maxVersion) {
    throw new RangeError(`${api.name} has no version ${apiVersion} (${api.minVersion}-${api.maxVersion})`);
  }
  return api.response as unknown as BodyCodec<ApiResponseTypes[K]>;
}

/**
 * Encodes a response as a complete frame, ready to write to the socket:
 * one allocation, sized before anything is written.
 */
export function encodeResponse<K extends ApiKey>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  body: ApiResponseTypes[K],
): Uint8Array {
  const codec = codecFor(apiKey, apiVersion);
  const hv = responseHeaderVersion(apiKey, apiVersion);
  const header = { correlationId };
  const size = ResponseHeader.size(header, hv) + codec.size(body, apiVersion);
  const w = new Writer(4 + size);
  w.int32(size);
  ResponseHeader.write(w, header, hv);
  codec.write(w, body, apiVersion);
  return w.finish();
}

/**
 * encodeResponse as chunks to write in order (writev): record batches and other large bytes
 * fields are referenced, not copied (ChunkedWriter), so they must not change until written.
 */
export function encodeResponseChunks<K extends ApiKey>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  body: ApiResponseTypes[K],
): Uint8Array[] {
  const codec = codecFor(apiKey, apiVersion);
  const hv = responseHeaderVersion(apiKey, apiVersion);
  const header = { correlationId };
  const { size, referenced } = sizeReferencing(() => ResponseHeader.size(header, hv) + codec.size(body, apiVersion));
  const w = new ChunkedWriter(4 + size - referenced);
  w.int32(size);
  ResponseHeader.write(w, header, hv);
  codec.write(w, body, apiVersion);
  return w.finishChunks();
}

/** Decodes a response frame (the bytes after the size prefix) of a request we sent at `apiVersion`. */
export function decodeResponse<K extends ApiKey>(
  apiKey: K,
  apiVersion: number,
  frame: Uint8Array,
): { header: Complete<ResponseHeader>; body: Complete<ApiResponseTypes[K]> } {
  const codec = codecFor(apiKey, apiVersion);
  const r = new Reader(frame);
  const header = ResponseHeader.read(r, responseHeaderVersion(apiKey, apiVersion));
  const body = codec.read(r, apiVersion);
  return { header, body };
}
