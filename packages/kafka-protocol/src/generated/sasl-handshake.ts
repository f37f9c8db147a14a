// Generated from schema/sasl-handshake.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfString } from '../writer.js';

/** SaslHandshakeRequest (versions 0-1). */
export interface SaslHandshakeRequest {
  /** Mechanism: v0-1 */
  mechanism: string;
}

/** SaslHandshakeResponse (versions 0-1). */
export interface SaslHandshakeResponse {
  /** ErrorCode: v0-1 */
  errorCode: number;
  /** Mechanisms: v0-1 */
  mechanisms: readonly string[];
}

function sizeSaslHandshakeRequest(m: SaslHandshakeRequest, v: number): number {
  let n = 0;
  n += sizeOfString(m.mechanism);
  return n;
}

function writeSaslHandshakeRequest(w: Writer, m: SaslHandshakeRequest, v: number): void {
  w.string(m.mechanism);
}

function readSaslHandshakeRequest(r: Reader, v: number): Complete<SaslHandshakeRequest> {
  const mechanism_: string = r.string('SaslHandshakeRequest.mechanism');
  return { mechanism: mechanism_ };
}

export const SaslHandshakeRequest: MessageCodec<SaslHandshakeRequest> = {
  name: 'SaslHandshakeRequest',
  minVersion: 0,
  maxVersion: 1,
  flexibleMin: null,
  size: sizeSaslHandshakeRequest,
  write: writeSaslHandshakeRequest,
  read: readSaslHandshakeRequest,
};

function sizeSaslHandshakeResponse(m: SaslHandshakeResponse, v: number): number {
  let n = 2;
  {
    const a0 = m.mechanisms;
    n += 4;
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOfString(a0[i0]!);
    }
  }
  return n;
}

function writeSaslHandshakeResponse(w: Writer, m: SaslHandshakeResponse, v: number): void {
  w.int16(m.errorCode);
  {
    const a0 = m.mechanisms;
    w.arrayLength(false, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.string(a0[i0]!);
    }
  }
}

function readSaslHandshakeResponse(r: Reader, v: number): Complete<SaslHandshakeResponse> {
  const errorCode_: number = r.int16();
  let mechanisms_: string[];
  {
    const len0 = r.requiredArrayLength(false, 'SaslHandshakeResponse.mechanisms');
    const a0: string[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.string('SaslHandshakeResponse.mechanisms'));
    }
    mechanisms_ = a0;
  }
  return { errorCode: errorCode_, mechanisms: mechanisms_ };
}

export const SaslHandshakeResponse: MessageCodec<SaslHandshakeResponse> = {
  name: 'SaslHandshakeResponse',
  minVersion: 0,
  maxVersion: 1,
  flexibleMin: null,
  size: sizeSaslHandshakeResponse,
  write: writeSaslHandshakeResponse,
  read: readSaslHandshakeResponse,
};
