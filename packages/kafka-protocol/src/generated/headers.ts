// Generated from schema/headers.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfNullableString } from '../writer.js';

/** RequestHeader (versions 0-2). */
export interface RequestHeader {
  /** RequestApiKey: v0-2 */
  requestApiKey: number;
  /** RequestApiVersion: v0-2 */
  requestApiVersion: number;
  /** CorrelationId: v0-2 */
  correlationId: number;
  /** ClientId: v1-2, nullable v1+ */
  clientId?: string | null;
}

/** ResponseHeader (versions 0-1). */
export interface ResponseHeader {
  /** CorrelationId: v0-1 */
  correlationId: number;
}

function sizeRequestHeader(m: RequestHeader, v: number): number {
  const f = v >= 2;
  let n = 8;
  if (v >= 1) {
    n += sizeOfNullableString((m.clientId === undefined ? '' : m.clientId));
  }
  if (f) n += 1;
  return n;
}

function writeRequestHeader(w: Writer, m: RequestHeader, v: number): void {
  const f = v >= 2;
  w.int16(m.requestApiKey);
  w.int16(m.requestApiVersion);
  w.int32(m.correlationId);
  if (v >= 1) w.nullableString((m.clientId === undefined ? '' : m.clientId));
  if (f) {
    w.uvarint(0);
  }
}

function readRequestHeader(r: Reader, v: number): Complete<RequestHeader> {
  const f = v >= 2;
  const requestApiKey_: number = r.int16();
  const requestApiVersion_: number = r.int16();
  const correlationId_: number = r.int32();
  const clientId_: string | null = (v >= 1 ? r.nullableString() : '');
  if (f) {
    r.skipTaggedFields();
  }
  return { requestApiKey: requestApiKey_, requestApiVersion: requestApiVersion_, correlationId: correlationId_, clientId: clientId_ };
}

export const RequestHeader: MessageCodec<RequestHeader> = {
  name: 'RequestHeader',
  minVersion: 0,
  maxVersion: 2,
  flexibleMin: 2,
  size: sizeRequestHeader,
  write: writeRequestHeader,
  read: readRequestHeader,
};

function sizeResponseHeader(m: ResponseHeader, v: number): number {
  const f = v >= 1;
  let n = 4;
  if (f) n += 1;
  return n;
}

function writeResponseHeader(w: Writer, m: ResponseHeader, v: number): void {
  const f = v >= 1;
  w.int32(m.correlationId);
  if (f) {
    w.uvarint(0);
  }
}

function readResponseHeader(r: Reader, v: number): Complete<ResponseHeader> {
  const f = v >= 1;
  const correlationId_: number = r.int32();
  if (f) {
    r.skipTaggedFields();
  }
  return { correlationId: correlationId_ };
}

export const ResponseHeader: MessageCodec<ResponseHeader> = {
  name: 'ResponseHeader',
  minVersion: 0,
  maxVersion: 1,
  flexibleMin: 1,
  size: sizeResponseHeader,
  write: writeResponseHeader,
  read: readResponseHeader,
};
