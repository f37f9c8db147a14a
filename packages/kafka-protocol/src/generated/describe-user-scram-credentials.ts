// Generated from schema/describe-user-scram-credentials.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** DescribeUserScramCredentialsRequest (versions 0). */
export interface DescribeUserScramCredentialsRequest {
  /** Users: v0, nullable v0+ */
  users: readonly DescribeUserScramCredentialsRequestUserName[] | null;
}

/** DescribeUserScramCredentialsRequest UserName (versions 0). */
export interface DescribeUserScramCredentialsRequestUserName {
  /** Name: v0 */
  name: string;
}

/** DescribeUserScramCredentialsResponse (versions 0). */
export interface DescribeUserScramCredentialsResponse {
  /** ThrottleTimeMs: v0 */
  throttleTimeMs: number;
  /** ErrorCode: v0 */
  errorCode: number;
  /** ErrorMessage: v0, nullable v0+ */
  errorMessage: string | null;
  /** Results: v0 */
  results: readonly DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult[];
}

/** DescribeUserScramCredentialsResponse DescribeUserScramCredentialsResult (versions 0). */
export interface DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  /** User: v0 */
  user: string;
  /** ErrorCode: v0 */
  errorCode: number;
  /** ErrorMessage: v0, nullable v0+ */
  errorMessage: string | null;
  /** CredentialInfos: v0 */
  credentialInfos: readonly DescribeUserScramCredentialsResponseCredentialInfo[];
}

/** DescribeUserScramCredentialsResponse CredentialInfo (versions 0). */
export interface DescribeUserScramCredentialsResponseCredentialInfo {
  /** Mechanism: v0 */
  mechanism: number;
  /** Iterations: v0 */
  iterations: number;
}

function sizeDescribeUserScramCredentialsRequest(m: DescribeUserScramCredentialsRequest, v: number): number {
  let n = 1;
  {
    const a0 = m.users;
    if (a0 === null) n += 1;
    else {
      n += sizeOfUvarint(a0.length + 1);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeDescribeUserScramCredentialsRequestUserName(a0[i0]!, v);
      }
    }
  }
  return n;
}

function writeDescribeUserScramCredentialsRequest(w: Writer, m: DescribeUserScramCredentialsRequest, v: number): void {
  {
    const a0 = m.users;
    if (a0 === null) w.nullArray(true);
    else {
      w.arrayLength(true, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeDescribeUserScramCredentialsRequestUserName(w, a0[i0]!, v);
      }
    }
  }
  w.uvarint(0);
}

function readDescribeUserScramCredentialsRequest(r: Reader, v: number): Complete<DescribeUserScramCredentialsRequest> {
  let users_: Complete<DescribeUserScramCredentialsRequestUserName>[] | null;
  {
    const len0 = r.arrayLength(true, 'DescribeUserScramCredentialsRequest.users');
    if (len0 < 0) users_ = null;
    else {
      const a0: Complete<DescribeUserScramCredentialsRequestUserName>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readDescribeUserScramCredentialsRequestUserName(r, v));
      }
      users_ = a0;
    }
  }
  r.skipTaggedFields();
  return { users: users_ };
}

function sizeDescribeUserScramCredentialsRequestUserName(m: DescribeUserScramCredentialsRequestUserName, v: number): number {
  let n = 1;
  n += sizeOfCompactString(m.name);
  return n;
}

function writeDescribeUserScramCredentialsRequestUserName(w: Writer, m: DescribeUserScramCredentialsRequestUserName, v: number): void {
  w.compactString(m.name);
  w.uvarint(0);
}

function readDescribeUserScramCredentialsRequestUserName(r: Reader, v: number): Complete<DescribeUserScramCredentialsRequestUserName> {
  const name_: string = r.compactString('DescribeUserScramCredentialsRequestUserName.name');
  r.skipTaggedFields();
  return { name: name_ };
}

export const DescribeUserScramCredentialsRequest: MessageCodec<DescribeUserScramCredentialsRequest> = {
  name: 'DescribeUserScramCredentialsRequest',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: 0,
  size: sizeDescribeUserScramCredentialsRequest,
  write: writeDescribeUserScramCredentialsRequest,
  read: readDescribeUserScramCredentialsRequest,
};

function sizeDescribeUserScramCredentialsResponse(m: DescribeUserScramCredentialsResponse, v: number): number {
  let n = 7;
  n += sizeOfCompactNullableString(m.errorMessage);
  {
    const a0 = m.results;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(a0[i0]!, v);
    }
  }
  return n;
}

function writeDescribeUserScramCredentialsResponse(w: Writer, m: DescribeUserScramCredentialsResponse, v: number): void {
  w.int32(m.throttleTimeMs);
  w.int16(m.errorCode);
  w.compactNullableString(m.errorMessage);
  {
    const a0 = m.results;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readDescribeUserScramCredentialsResponse(r: Reader, v: number): Complete<DescribeUserScramCredentialsResponse> {
  const throttleTimeMs_: number = r.int32();
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = r.compactNullableString();
  let results_: Complete<DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult>[];
  {
    const len0 = r.requiredArrayLength(true, 'DescribeUserScramCredentialsResponse.results');
    const a0: Complete<DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(r, v));
    }
    results_ = a0;
  }
  r.skipTaggedFields();
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, errorMessage: errorMessage_, results: results_ };
}

function sizeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(m: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult, v: number): number {
  let n = 3;
  n += sizeOfCompactString(m.user);
  n += sizeOfCompactNullableString(m.errorMessage);
  {
    const a0 = m.credentialInfos;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeUserScramCredentialsResponseCredentialInfo(a0[i0]!, v);
    }
  }
  return n;
}

function writeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(w: Writer, m: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult, v: number): void {
  w.compactString(m.user);
  w.int16(m.errorCode);
  w.compactNullableString(m.errorMessage);
  {
    const a0 = m.credentialInfos;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeUserScramCredentialsResponseCredentialInfo(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(r: Reader, v: number): Complete<DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult> {
  const user_: string = r.compactString('DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult.user');
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = r.compactNullableString();
  let credentialInfos_: Complete<DescribeUserScramCredentialsResponseCredentialInfo>[];
  {
    const len0 = r.requiredArrayLength(true, 'DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult.credentialInfos');
    const a0: Complete<DescribeUserScramCredentialsResponseCredentialInfo>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeUserScramCredentialsResponseCredentialInfo(r, v));
    }
    credentialInfos_ = a0;
  }
  r.skipTaggedFields();
  return { user: user_, errorCode: errorCode_, errorMessage: errorMessage_, credentialInfos: credentialInfos_ };
}

function sizeDescribeUserScramCredentialsResponseCredentialInfo(m: DescribeUserScramCredentialsResponseCredentialInfo, v: number): number {
  let n = 6;
  return n;
}

function writeDescribeUserScramCredentialsResponseCredentialInfo(w: Writer, m: DescribeUserScramCredentialsResponseCredentialInfo, v: number): void {
  w.int8(m.mechanism);
  w.int32(m.iterations);
  w.uvarint(0);
}

function readDescribeUserScramCredentialsResponseCredentialInfo(r: Reader, v: number): Complete<DescribeUserScramCredentialsResponseCredentialInfo> {
  const mechanism_: number = r.int8();
  const iterations_: number = r.int32();
  r.skipTaggedFields();
  return { mechanism: mechanism_, iterations: iterations_ };
}

export const DescribeUserScramCredentialsResponse: MessageCodec<DescribeUserScramCredentialsResponse> = {
  name: 'DescribeUserScramCredentialsResponse',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: 0,
  size: sizeDescribeUserScramCredentialsResponse,
  write: writeDescribeUserScramCredentialsResponse,
  read: readDescribeUserScramCredentialsResponse,
};
