// Generated from schema/sasl-authenticate.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfNullableString, sizeOfCompactNullableString, sizeOfBytes, sizeOfCompactBytes } from '../writer.js';

/** SaslAuthenticateRequest (versions 0-2). */
export interface SaslAuthenticateRequest {
  /** AuthBytes: v0-2 */
  authBytes: Uint8Array;
}

/** SaslAuthenticateResponse (versions 0-2). */
export interface SaslAuthenticateResponse {
  /** ErrorCode: v0-2 */
  errorCode: number;
  /** ErrorMessage: v0-2, nullable v0+ */
  errorMessage: string | null;
  /** AuthBytes: v0-2 */
  authBytes: Uint8Array;
  /** SessionLifetimeMs: v1-2 */
  sessionLifetimeMs?: number;
}

function sizeSaslAuthenticateRequest(m: SaslAuthenticateRequest, v: number): number {
  const f = v >= 2;
  let n = 0;
  n += (f ? sizeOfCompactBytes(m.authBytes) : sizeOfBytes(m.authBytes));
  if (f) n += 1;
  return n;
}

function writeSaslAuthenticateRequest(w: Writer, m: SaslAuthenticateRequest, v: number): void {
  const f = v >= 2;
  if (f) w.compactBytes(m.authBytes); else w.bytes(m.authBytes);
  if (f) {
    w.uvarint(0);
  }
}

function readSaslAuthenticateRequest(r: Reader, v: number): Complete<SaslAuthenticateRequest> {
  const f = v >= 2;
  const authBytes_: Uint8Array = (f ? r.compactBytes('SaslAuthenticateRequest.authBytes') : r.bytes('SaslAuthenticateRequest.authBytes'));
  if (f) {
    r.skipTaggedFields();
  }
  return { authBytes: authBytes_ };
}

export const SaslAuthenticateRequest: MessageCodec<SaslAuthenticateRequest> = {
  name: 'SaslAuthenticateRequest',
  minVersion: 0,
  maxVersion: 2,
  flexibleMin: 2,
  size: sizeSaslAuthenticateRequest,
  write: writeSaslAuthenticateRequest,
  read: readSaslAuthenticateRequest,
};

function sizeSaslAuthenticateResponse(m: SaslAuthenticateResponse, v: number): number {
  const f = v >= 2;
  let n = 2;
  n += (f ? sizeOfCompactNullableString(m.errorMessage) : sizeOfNullableString(m.errorMessage));
  n += (f ? sizeOfCompactBytes(m.authBytes) : sizeOfBytes(m.authBytes));
  if (v >= 1) n += 8;
  if (f) n += 1;
  return n;
}

function writeSaslAuthenticateResponse(w: Writer, m: SaslAuthenticateResponse, v: number): void {
  const f = v >= 2;
  w.int16(m.errorCode);
  if (f) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  if (f) w.compactBytes(m.authBytes); else w.bytes(m.authBytes);
  if (v >= 1) w.int64((m.sessionLifetimeMs ?? 0));
  if (f) {
    w.uvarint(0);
  }
}

function readSaslAuthenticateResponse(r: Reader, v: number): Complete<SaslAuthenticateResponse> {
  const f = v >= 2;
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const authBytes_: Uint8Array = (f ? r.compactBytes('SaslAuthenticateResponse.authBytes') : r.bytes('SaslAuthenticateResponse.authBytes'));
  const sessionLifetimeMs_: number = (v >= 1 ? r.int64() : 0);
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, errorMessage: errorMessage_, authBytes: authBytes_, sessionLifetimeMs: sessionLifetimeMs_ };
}

export const SaslAuthenticateResponse: MessageCodec<SaslAuthenticateResponse> = {
  name: 'SaslAuthenticateResponse',
  minVersion: 0,
  maxVersion: 2,
  flexibleMin: 2,
  size: sizeSaslAuthenticateResponse,
  write: writeSaslAuthenticateResponse,
  read: readSaslAuthenticateResponse,
};
