/**
 * Requests on the wire: a frame (the bytes after the 4-byte size prefix) is
 * a request header followed by the body. The header's version depends on the
 * API and version it names, so the first four bytes are read before the rest.
 */
import type { Complete } from './codec.js';
import { UnsupportedVersionError } from './errors.js';
import { APIS, type ApiKey, type ApiRequestTypes } from './generated/apis.js';
import { RequestHeader } from './generated/headers.js';
import { requestHeaderVersion } from './header-versions.js';
import { Reader } from './reader.js';
import { Writer } from './writer.js';

export interface DecodedRequestHeader {
  readonly header: Complete<RequestHeader>;
  /** Header version used (0, 1 or 2). */
  readonly headerVersion: number;
  /** Offset of the body in the frame. */
  readonly bodyOffset: number;
}

/** A decoded request; switch on `apiKey` to narrow `body` to that API's request type. */
export type DecodedRequest = {
  [K in ApiKey]: {
    readonly apiKey: K;
    readonly apiVersion: number;
    readonly header: Complete<RequestHeader>;
    readonly body: Complete<ApiRequestTypes[K]>;
  };
}[ApiKey];

/**
 * The fixed start of every request header (key, version, correlation id),
 * readable even when the rest of the header is not. Throws
 * TruncatedMessageError if the frame is shorter than 8 bytes.
 */
export function peekRequestIds(frame: Uint8Array): { apiKey: number; apiVersion: number; correlationId: number } {
  const r = new Reader(frame);
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  return { apiKey, apiVersion, correlationId };
}

function readHeader(r: Reader): { header: Complete<RequestHeader>; headerVersion: number } {
  const start = r.pos;
  const apiKey = r.int16();
  const apiVersion = r.int16();
  r.pos = start;
  const headerVersion = requestHeaderVersion(apiKey, apiVersion);
  return { header: RequestHeader.read(r, headerVersion), headerVersion };
}

/** Reads the request header, whatever the API key and version (unknown ones included). */
export function decodeRequestHeader(frame: Uint8Array): DecodedRequestHeader {
  const r = new Reader(frame);
  const { header, headerVersion } = readHeader(r);
  return { header, headerVersion, bodyOffset: r.pos };
}

function apiOf(key: number): (typeof APIS)[ApiKey] | undefined {
  return (APIS as Record<number, (typeof APIS)[ApiKey] | undefined>)[key];
}

/**
 * Decodes a whole request frame. Throws UnsupportedVersionError (carrying the
 * header) for an API key or version we have no codec for, and
 * TruncatedMessageError / MalformedMessageError for bad bytes. `bytes` and
 * `records` fields of the body are views into `frame`.
 */
export function decodeRequest(frame: Uint8Array): DecodedRequest {
  const r = new Reader(frame);
  const { header } = readHeader(r);
  const key = header.requestApiKey;
  const version = header.requestApiVersion;
  const api = apiOf(key);
  if (!api) throw new UnsupportedVersionError(key, version, false, header);
  if (version < api.minVersion || version > api.maxVersion) throw new UnsupportedVersionError(key, version, true, header);
  const codec = api.request as { read(r: Reader, v: number): unknown };
  const body = codec.read(r, version);
  return { apiKey: key, apiVersion: version, header, body } as DecodedRequest;
}

/** Encodes a request as a complete frame: size prefix, header, body. */
export function encodeRequest<K extends ApiKey>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  clientId: string | null,
  body: ApiRequestTypes[K],
): Uint8Array {
  const api = APIS[apiKey];
  if (apiVersion < api.minVersion || apiVersion > api.maxVersion) {
    throw new RangeError(`${api.name} has no version ${apiVersion} (${api.minVersion}-${api.maxVersion})`);
  }
  const codec = api.request as unknown as {
    size(m: ApiRequestTypes[K], v: number): number;
    write(w: Writer, m: ApiRequestTypes[K], v: number): void;
  };
  const hv = requestHeaderVersion(apiKey, apiVersion);
  const header: RequestHeader = { requestApiKey: apiKey, requestApiVersion: apiVersion, correlationId, clientId };
  const size = RequestHeader.size(header, hv) + codec.size(body, apiVersion);
  const w = new Writer(4 + size);
  w.int32(size);
  RequestHeader.write(w, header, hv);
  codec.write(w, body, apiVersion);
  return w.finish();
}
