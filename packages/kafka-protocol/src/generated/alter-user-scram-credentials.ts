// Generated from schema/alter-user-scram-credentials.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfCompactString, sizeOfCompactNullableString, sizeOfCompactBytes } from '../writer.js';

/** AlterUserScramCredentialsRequest (versions 0). */
export interface AlterUserScramCredentialsRequest {
  /** Deletions: v0 */
  deletions: readonly AlterUserScramCredentialsRequestScramCredentialDeletion[];
  /** Upsertions: v0 */
  upsertions: readonly AlterUserScramCredentialsRequestScramCredentialUpsertion[];
}

/** AlterUserScramCredentialsRequest ScramCredentialDeletion (versions 0). */
export interface AlterUserScramCredentialsRequestScramCredentialDeletion {
  /** Name: v0 */
  name: string;
  /** Mechanism: v0 */
  mechanism: number;
}

/** AlterUserScramCredentialsRequest ScramCredentialUpsertion (versions 0). */
export interface AlterUserScramCredentialsRequestScramCredentialUpsertion {
  /** Name: v0 */
  name: string;
  /** Mechanism: v0 */
  mechanism: number;
  /** Iterations: v0 */
  iterations: number;
  /** Salt: v0 */
  salt: Uint8Array;
  /** SaltedPassword: v0 */
  saltedPassword: Uint8Array;
}

/** AlterUserScramCredentialsResponse (versions 0). */
export interface AlterUserScramCredentialsResponse {
  /** ThrottleTimeMs: v0 */
  throttleTimeMs: number;
  /** Results: v0 */
  results: readonly AlterUserScramCredentialsResponseAlterUserScramCredentialsResult[];
}

/** AlterUserScramCredentialsResponse AlterUserScramCredentialsResult (versions 0). */
export interface AlterUserScramCredentialsResponseAlterUserScramCredentialsResult {
  /** User: v0 */
  user: string;
  /** ErrorCode: v0 */
  errorCode: number;
  /** ErrorMessage: v0, nullable v0+ */
  errorMessage: string | null;
}

function sizeAlterUserScramCredentialsRequest(m: AlterUserScramCredentialsRequest, v: number): number {
  let n = 1;
  {
    const a0 = m.deletions;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeAlterUserScramCredentialsRequestScramCredentialDeletion(a0[i0]!, v);
    }
  }
  {
    const a0 = m.upsertions;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeAlterUserScramCredentialsRequestScramCredentialUpsertion(a0[i0]!, v);
    }
  }
  return n;
}

function writeAlterUserScramCredentialsRequest(w: Writer, m: AlterUserScramCredentialsRequest, v: number): void {
  {
    const a0 = m.deletions;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeAlterUserScramCredentialsRequestScramCredentialDeletion(w, a0[i0]!, v);
    }
  }
  {
    const a0 = m.upsertions;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeAlterUserScramCredentialsRequestScramCredentialUpsertion(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readAlterUserScramCredentialsRequest(r: Reader, v: number): Complete<AlterUserScramCredentialsRequest> {
  let deletions_: Complete<AlterUserScramCredentialsRequestScramCredentialDeletion>[];
  {
    const len0 = r.requiredArrayLength(true, 'AlterUserScramCredentialsRequest.deletions');
    const a0: Complete<AlterUserScramCredentialsRequestScramCredentialDeletion>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readAlterUserScramCredentialsRequestScramCredentialDeletion(r, v));
    }
    deletions_ = a0;
  }
  let upsertions_: Complete<AlterUserScramCredentialsRequestScramCredentialUpsertion>[];
  {
    const len0 = r.requiredArrayLength(true, 'AlterUserScramCredentialsRequest.upsertions');
    const a0: Complete<AlterUserScramCredentialsRequestScramCredentialUpsertion>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readAlterUserScramCredentialsRequestScramCredentialUpsertion(r, v));
    }
    upsertions_ = a0;
  }
  r.skipTaggedFields();
  return { deletions: deletions_, upsertions: upsertions_ };
}

function sizeAlterUserScramCredentialsRequestScramCredentialDeletion(m: AlterUserScramCredentialsRequestScramCredentialDeletion, v: number): number {
  let n = 2;
  n += sizeOfCompactString(m.name);
  return n;
}

function writeAlterUserScramCredentialsRequestScramCredentialDeletion(w: Writer, m: AlterUserScramCredentialsRequestScramCredentialDeletion, v: number): void {
  w.compactString(m.name);
  w.int8(m.mechanism);
  w.uvarint(0);
}

function readAlterUserScramCredentialsRequestScramCredentialDeletion(r: Reader, v: number): Complete<AlterUserScramCredentialsRequestScramCredentialDeletion> {
  const name_: string = r.compactString('AlterUserScramCredentialsRequestScramCredentialDeletion.name');
  const mechanism_: number = r.int8();
  r.skipTaggedFields();
  return { name: name_, mechanism: mechanism_ };
}

function sizeAlterUserScramCredentialsRequestScramCredentialUpsertion(m: AlterUserScramCredentialsRequestScramCredentialUpsertion, v: number): number {
  let n = 6;
  n += sizeOfCompactString(m.name);
  n += sizeOfCompactBytes(m.salt);
  n += sizeOfCompactBytes(m.saltedPassword);
  return n;
}

function writeAlterUserScramCredentialsRequestScramCredentialUpsertion(w: Writer, m: AlterUserScramCredentialsRequestScramCredentialUpsertion, v: number): void {
  w.compactString(m.name);
  w.int8(m.mechanism);
  w.int32(m.iterations);
  w.compactBytes(m.salt);
  w.compactBytes(m.saltedPassword);
  w.uvarint(0);
}

function readAlterUserScramCredentialsRequestScramCredentialUpsertion(r: Reader, v: number): Complete<AlterUserScramCredentialsRequestScramCredentialUpsertion> {
  const name_: string = r.compactString('AlterUserScramCredentialsRequestScramCredentialUpsertion.name');
  const mechanism_: number = r.int8();
  const iterations_: number = r.int32();
  const salt_: Uint8Array = r.compactBytes('AlterUserScramCredentialsRequestScramCredentialUpsertion.salt');
  const saltedPassword_: Uint8Array = r.compactBytes('AlterUserScramCredentialsRequestScramCredentialUpsertion.saltedPassword');
  r.skipTaggedFields();
  return { name: name_, mechanism: mechanism_, iterations: iterations_, salt: salt_, saltedPassword: saltedPassword_ };
}

export const AlterUserScramCredentialsRequest: MessageCodec<AlterUserScramCredentialsRequest> = {
  name: 'AlterUserScramCredentialsRequest',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: 0,
  size: sizeAlterUserScramCredentialsRequest,
  write: writeAlterUserScramCredentialsRequest,
  read: readAlterUserScramCredentialsRequest,
};

function sizeAlterUserScramCredentialsResponse(m: AlterUserScramCredentialsResponse, v: number): number {
  let n = 5;
  {
    const a0 = m.results;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(a0[i0]!, v);
    }
  }
  return n;
}

function writeAlterUserScramCredentialsResponse(w: Writer, m: AlterUserScramCredentialsResponse, v: number): void {
  w.int32(m.throttleTimeMs);
  {
    const a0 = m.results;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readAlterUserScramCredentialsResponse(r: Reader, v: number): Complete<AlterUserScramCredentialsResponse> {
  const throttleTimeMs_: number = r.int32();
  let results_: Complete<AlterUserScramCredentialsResponseAlterUserScramCredentialsResult>[];
  {
    const len0 = r.requiredArrayLength(true, 'AlterUserScramCredentialsResponse.results');
    const a0: Complete<AlterUserScramCredentialsResponseAlterUserScramCredentialsResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(r, v));
    }
    results_ = a0;
  }
  r.skipTaggedFields();
  return { throttleTimeMs: throttleTimeMs_, results: results_ };
}

function sizeAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(m: AlterUserScramCredentialsResponseAlterUserScramCredentialsResult, v: number): number {
  let n = 3;
  n += sizeOfCompactString(m.user);
  n += sizeOfCompactNullableString(m.errorMessage);
  return n;
}

function writeAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(w: Writer, m: AlterUserScramCredentialsResponseAlterUserScramCredentialsResult, v: number): void {
  w.compactString(m.user);
  w.int16(m.errorCode);
  w.compactNullableString(m.errorMessage);
  w.uvarint(0);
}

function readAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(r: Reader, v: number): Complete<AlterUserScramCredentialsResponseAlterUserScramCredentialsResult> {
  const user_: string = r.compactString('AlterUserScramCredentialsResponseAlterUserScramCredentialsResult.user');
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = r.compactNullableString();
  r.skipTaggedFields();
  return { user: user_, errorCode: errorCode_, errorMessage: errorMessage_ };
}

export const AlterUserScramCredentialsResponse: MessageCodec<AlterUserScramCredentialsResponse> = {
  name: 'AlterUserScramCredentialsResponse',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: 0,
  size: sizeAlterUserScramCredentialsResponse,
  write: writeAlterUserScramCredentialsResponse,
  read: readAlterUserScramCredentialsResponse,
};
