// Generated from schema/create-acls.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** CreateAclsRequest (versions 0-3). */
export interface CreateAclsRequest {
  /** Creations: v0-3 */
  creations: readonly CreateAclsRequestAclCreation[];
}

/** CreateAclsRequest AclCreation (versions 0-3). */
export interface CreateAclsRequestAclCreation {
  /** ResourceType: v0-3 */
  resourceType: number;
  /** ResourceName: v0-3 */
  resourceName: string;
  /** ResourcePatternType: v1-3, default 3 */
  resourcePatternType?: number;
  /** Principal: v0-3 */
  principal: string;
  /** Host: v0-3 */
  host: string;
  /** Operation: v0-3 */
  operation: number;
  /** PermissionType: v0-3 */
  permissionType: number;
}

/** CreateAclsResponse (versions 0-3). */
export interface CreateAclsResponse {
  /** ThrottleTimeMs: v0-3 */
  throttleTimeMs: number;
  /** Results: v0-3 */
  results: readonly CreateAclsResponseAclCreationResult[];
}

/** CreateAclsResponse AclCreationResult (versions 0-3). */
export interface CreateAclsResponseAclCreationResult {
  /** ErrorCode: v0-3 */
  errorCode: number;
  /** ErrorMessage: v0-3, nullable v0+ */
  errorMessage: string | null;
}

function sizeCreateAclsRequest(m: CreateAclsRequest, v: number): number {
  const f = v >= 2;
  let n = 0;
  {
    const a0 = m.creations;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeCreateAclsRequestAclCreation(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeCreateAclsRequest(w: Writer, m: CreateAclsRequest, v: number): void {
  const f = v >= 2;
  {
    const a0 = m.creations;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeCreateAclsRequestAclCreation(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readCreateAclsRequest(r: Reader, v: number): Complete<CreateAclsRequest> {
  const f = v >= 2;
  let creations_: Complete<CreateAclsRequestAclCreation>[];
  {
    const len0 = r.requiredArrayLength(f, 'CreateAclsRequest.creations');
    const a0: Complete<CreateAclsRequestAclCreation>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readCreateAclsRequestAclCreation(r, v));
    }
    creations_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { creations: creations_ };
}

function sizeCreateAclsRequestAclCreation(m: CreateAclsRequestAclCreation, v: number): number {
  const f = v >= 2;
  let n = 3;
  n += (f ? sizeOfCompactString(m.resourceName) : sizeOfString(m.resourceName));
  if (v >= 1) n += 1;
  n += (f ? sizeOfCompactString(m.principal) : sizeOfString(m.principal));
  n += (f ? sizeOfCompactString(m.host) : sizeOfString(m.host));
  if (f) n += 1;
  return n;
}

function writeCreateAclsRequestAclCreation(w: Writer, m: CreateAclsRequestAclCreation, v: number): void {
  const f = v >= 2;
  w.int8(m.resourceType);
  if (f) w.compactString(m.resourceName); else w.string(m.resourceName);
  if (v >= 1) w.int8((m.resourcePatternType ?? 3));
  if (f) w.compactString(m.principal); else w.string(m.principal);
  if (f) w.compactString(m.host); else w.string(m.host);
  w.int8(m.operation);
  w.int8(m.permissionType);
  if (f) {
    w.uvarint(0);
  }
}

function readCreateAclsRequestAclCreation(r: Reader, v: number): Complete<CreateAclsRequestAclCreation> {
  const f = v >= 2;
  const resourceType_: number = r.int8();
  const resourceName_: string = (f ? r.compactString('CreateAclsRequestAclCreation.resourceName') : r.string('CreateAclsRequestAclCreation.resourceName'));
  const resourcePatternType_: number = (v >= 1 ? r.int8() : 3);
  const principal_: string = (f ? r.compactString('CreateAclsRequestAclCreation.principal') : r.string('CreateAclsRequestAclCreation.principal'));
  const host_: string = (f ? r.compactString('CreateAclsRequestAclCreation.host') : r.string('CreateAclsRequestAclCreation.host'));
  const operation_: number = r.int8();
  const permissionType_: number = r.int8();
  if (f) {
    r.skipTaggedFields();
  }
  return { resourceType: resourceType_, resourceName: resourceName_, resourcePatternType: resourcePatternType_, principal: principal_, host: host_, operation: operation_, permissionType: permissionType_ };
}

export const CreateAclsRequest: MessageCodec<CreateAclsRequest> = {
  name: 'CreateAclsRequest',
  minVersion: 0,
  maxVersion: 3,
  flexibleMin: 2,
  size: sizeCreateAclsRequest,
  write: writeCreateAclsRequest,
  read: readCreateAclsRequest,
};

function sizeCreateAclsResponse(m: CreateAclsResponse, v: number): number {
  const f = v >= 2;
  let n = 4;
  {
    const a0 = m.results;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeCreateAclsResponseAclCreationResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeCreateAclsResponse(w: Writer, m: CreateAclsResponse, v: number): void {
  const f = v >= 2;
  w.int32(m.throttleTimeMs);
  {
    const a0 = m.results;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeCreateAclsResponseAclCreationResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readCreateAclsResponse(r: Reader, v: number): Complete<CreateAclsResponse> {
  const f = v >= 2;
  const throttleTimeMs_: number = r.int32();
  let results_: Complete<CreateAclsResponseAclCreationResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'CreateAclsResponse.results');
    const a0: Complete<CreateAclsResponseAclCreationResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readCreateAclsResponseAclCreationResult(r, v));
    }
    results_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, results: results_ };
}

function sizeCreateAclsResponseAclCreationResult(m: CreateAclsResponseAclCreationResult, v: number): number {
  const f = v >= 2;
  let n = 2;
  n += (f ? sizeOfCompactNullableString(m.errorMessage) : sizeOfNullableString(m.errorMessage));
  if (f) n += 1;
  return n;
}

function writeCreateAclsResponseAclCreationResult(w: Writer, m: CreateAclsResponseAclCreationResult, v: number): void {
  const f = v >= 2;
  w.int16(m.errorCode);
  if (f) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  if (f) {
    w.uvarint(0);
  }
}

function readCreateAclsResponseAclCreationResult(r: Reader, v: number): Complete<CreateAclsResponseAclCreationResult> {
  const f = v >= 2;
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (f ? r.compactNullableString() : r.nullableString());
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, errorMessage: errorMessage_ };
}

export const CreateAclsResponse: MessageCodec<CreateAclsResponse> = {
  name: 'CreateAclsResponse',
  minVersion: 0,
  maxVersion: 3,
  flexibleMin: 2,
  size: sizeCreateAclsResponse,
  write: writeCreateAclsResponse,
  read: readCreateAclsResponse,
};
