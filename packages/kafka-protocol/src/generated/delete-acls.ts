// Generated from schema/delete-acls.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** DeleteAclsRequest (versions 0-3). */
export interface DeleteAclsRequest {
  /** Filters: v0-3 */
  filters: readonly DeleteAclsRequestDeleteAclsFilter[];
}

/** DeleteAclsRequest DeleteAclsFilter (versions 0-3). */
export interface DeleteAclsRequestDeleteAclsFilter {
  /** ResourceTypeFilter: v0-3 */
  resourceTypeFilter: number;
  /** ResourceNameFilter: v0-3, nullable v0+ */
  resourceNameFilter: string | null;
  /** PatternTypeFilter: v1-3, default 3 */
  patternTypeFilter?: number;
  /** PrincipalFilter: v0-3, nullable v0+ */
  principalFilter: string | null;
  /** HostFilter: v0-3, nullable v0+ */
  hostFilter: string | null;
  /** Operation: v0-3 */
  operation: number;
  /** PermissionType: v0-3 */
  permissionType: number;
}

/** DeleteAclsResponse (versions 0-3). */
export interface DeleteAclsResponse {
  /** ThrottleTimeMs: v0-3 */
  throttleTimeMs: number;
  /** FilterResults: v0-3 */
  filterResults: readonly DeleteAclsResponseDeleteAclsFilterResult[];
}

/** DeleteAclsResponse DeleteAclsFilterResult (versions 0-3). */
export interface DeleteAclsResponseDeleteAclsFilterResult {
  /** ErrorCode: v0-3 */
  errorCode: number;
  /** ErrorMessage: v0-3, nullable v0+ */
  errorMessage: string | null;
  /** MatchingAcls: v0-3 */
  matchingAcls: readonly DeleteAclsResponseDeleteAclsMatchingAcl[];
}

/** DeleteAclsResponse DeleteAclsMatchingAcl (versions 0-3). */
export interface DeleteAclsResponseDeleteAclsMatchingAcl {
  /** ErrorCode: v0-3 */
  errorCode: number;
  /** ErrorMessage: v0-3, nullable v0+ */
  errorMessage: string | null;
  /** ResourceType: v0-3 */
  resourceType: number;
  /** ResourceName: v0-3 */
  resourceName: string;
  /** PatternType: v1-3, default 3 */
  patternType?: number;
  /** Principal: v0-3 */
  principal: string;
  /** Host: v0-3 */
  host: string;
  /** Operation: v0-3 */
  operation: number;
  /** PermissionType: v0-3 */
  permissionType: number;
}

function sizeDeleteAclsRequest(m: DeleteAclsRequest, v: number): number {
  const f = v >= 2;
  let n = 0;
  {
    const a0 = m.filters;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDeleteAclsRequestDeleteAclsFilter(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDeleteAclsRequest(w: Writer, m: DeleteAclsRequest, v: number): void {
  const f = v >= 2;
  {
    const a0 = m.filters;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDeleteAclsRequestDeleteAclsFilter(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteAclsRequest(r: Reader, v: number): Complete<DeleteAclsRequest> {
  const f = v >= 2;
  let filters_: Complete<DeleteAclsRequestDeleteAclsFilter>[];
  {
    const len0 = r.requiredArrayLength(f, 'DeleteAclsRequest.filters');
    const a0: Complete<DeleteAclsRequestDeleteAclsFilter>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDeleteAclsRequestDeleteAclsFilter(r, v));
    }
    filters_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { filters: filters_ };
}

function sizeDeleteAclsRequestDeleteAclsFilter(m: DeleteAclsRequestDeleteAclsFilter, v: number): number {
  const f = v >= 2;
  let n = 3;
  n += (f ? sizeOfCompactNullableString(m.resourceNameFilter) : sizeOfNullableString(m.resourceNameFilter));
  if (v >= 1) n += 1;
  n += (f ? sizeOfCompactNullableString(m.principalFilter) : sizeOfNullableString(m.principalFilter));
  n += (f ? sizeOfCompactNullableString(m.hostFilter) : sizeOfNullableString(m.hostFilter));
  if (f) n += 1;
  return n;
}

function writeDeleteAclsRequestDeleteAclsFilter(w: Writer, m: DeleteAclsRequestDeleteAclsFilter, v: number): void {
  const f = v >= 2;
  w.int8(m.resourceTypeFilter);
  if (f) w.compactNullableString(m.resourceNameFilter); else w.nullableString(m.resourceNameFilter);
  if (v >= 1) w.int8((m.patternTypeFilter ?? 3));
  if (f) w.compactNullableString(m.principalFilter); else w.nullableString(m.principalFilter);
  if (f) w.compactNullableString(m.hostFilter); else w.nullableString(m.hostFilter);
  w.int8(m.operation);
  w.int8(m.permissionType);
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteAclsRequestDeleteAclsFilter(r: Reader, v: number): Complete<DeleteAclsRequestDeleteAclsFilter> {
  const f = v >= 2;
  const resourceTypeFilter_: number = r.int8();
  const resourceNameFilter_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const patternTypeFilter_: number = (v >= 1 ? r.int8() : 3);
  const principalFilter_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const hostFilter_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const operation_: number = r.int8();
  const permissionType_: number = r.int8();
  if (f) {
    r.skipTaggedFields();
  }
  return { resourceTypeFilter: resourceTypeFilter_, resourceNameFilter: resourceNameFilter_, patternTypeFilter: patternTypeFilter_, principalFilter: principalFilter_, hostFilter: hostFilter_, operation: operation_, permissionType: permissionType_ };
}

export const DeleteAclsRequest: MessageCodec<DeleteAclsRequest> = {
  name: 'DeleteAclsRequest',
  minVersion: 0,
  maxVersion: 3,
  flexibleMin: 2,
  size: sizeDeleteAclsRequest,
  write: writeDeleteAclsRequest,
  read: readDeleteAclsRequest,
};

function sizeDeleteAclsResponse(m: DeleteAclsResponse, v: number): number {
  const f = v >= 2;
  let n = 4;
  {
    const a0 = m.filterResults;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDeleteAclsResponseDeleteAclsFilterResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDeleteAclsResponse(w: Writer, m: DeleteAclsResponse, v: number): void {
  const f = v >= 2;
  w.int32(m.throttleTimeMs);
  {
    const a0 = m.filterResults;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDeleteAclsResponseDeleteAclsFilterResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteAclsResponse(r: Reader, v: number): Complete<DeleteAclsResponse> {
  const f = v >= 2;
  const throttleTimeMs_: number = r.int32();
  let filterResults_: Complete<DeleteAclsResponseDeleteAclsFilterResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'DeleteAclsResponse.filterResults');
    const a0: Complete<DeleteAclsResponseDeleteAclsFilterResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDeleteAclsResponseDeleteAclsFilterResult(r, v));
    }
    filterResults_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, filterResults: filterResults_ };
}

function sizeDeleteAclsResponseDeleteAclsFilterResult(m: DeleteAclsResponseDeleteAclsFilterResult, v: number): number {
  const f = v >= 2;
  let n = 2;
  n += (f ? sizeOfCompactNullableString(m.errorMessage) : sizeOfNullableString(m.errorMessage));
  {
    const a0 = m.matchingAcls;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDeleteAclsResponseDeleteAclsMatchingAcl(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDeleteAclsResponseDeleteAclsFilterResult(w: Writer, m: DeleteAclsResponseDeleteAclsFilterResult, v: number): void {
  const f = v >= 2;
  w.int16(m.errorCode);
  if (f) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  {
    const a0 = m.matchingAcls;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDeleteAclsResponseDeleteAclsMatchingAcl(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteAclsResponseDeleteAclsFilterResult(r: Reader, v: number): Complete<DeleteAclsResponseDeleteAclsFilterResult> {
  const f = v >= 2;
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (f ? r.compactNullableString() : r.nullableString());
  let matchingAcls_: Complete<DeleteAclsResponseDeleteAclsMatchingAcl>[];
  {
    const len0 = r.requiredArrayLength(f, 'DeleteAclsResponseDeleteAclsFilterResult.matchingAcls');
    const a0: Complete<DeleteAclsResponseDeleteAclsMatchingAcl>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDeleteAclsResponseDeleteAclsMatchingAcl(r, v));
    }
    matchingAcls_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, errorMessage: errorMessage_, matchingAcls: matchingAcls_ };
}

function sizeDeleteAclsResponseDeleteAclsMatchingAcl(m: DeleteAclsResponseDeleteAclsMatchingAcl, v: number): number {
  const f = v >= 2;
  let n = 5;
  n += (f ? sizeOfCompactNullableString(m.errorMessage) : sizeOfNullableString(m.errorMessage));
  n += (f ? sizeOfCompactString(m.resourceName) : sizeOfString(m.resourceName));
  if (v >= 1) n += 1;
  n += (f ? sizeOfCompactString(m.principal) : sizeOfString(m.principal));
  n += (f ? sizeOfCompactString(m.host) : sizeOfString(m.host));
  if (f) n += 1;
  return n;
}

function writeDeleteAclsResponseDeleteAclsMatchingAcl(w: Writer, m: DeleteAclsResponseDeleteAclsMatchingAcl, v: number): void {
  const f = v >= 2;
  w.int16(m.errorCode);
  if (f) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  w.int8(m.resourceType);
  if (f) w.compactString(m.resourceName); else w.string(m.resourceName);
  if (v >= 1) w.int8((m.patternType ?? 3));
  if (f) w.compactString(m.principal); else w.string(m.principal);
  if (f) w.compactString(m.host); else w.string(m.host);
  w.int8(m.operation);
  w.int8(m.permissionType);
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteAclsResponseDeleteAclsMatchingAcl(r: Reader, v: number): Complete<DeleteAclsResponseDeleteAclsMatchingAcl> {
  const f = v >= 2;
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const resourceType_: number = r.int8();
  const resourceName_: string = (f ? r.compactString('DeleteAclsResponseDeleteAclsMatchingAcl.resourceName') : r.string('DeleteAclsResponseDeleteAclsMatchingAcl.resourceName'));
  const patternType_: number = (v >= 1 ? r.int8() : 3);
  const principal_: string = (f ? r.compactString('DeleteAclsResponseDeleteAclsMatchingAcl.principal') : r.string('DeleteAclsResponseDeleteAclsMatchingAcl.principal'));
  const host_: string = (f ? r.compactString('DeleteAclsResponseDeleteAclsMatchingAcl.host') : r.string('DeleteAclsResponseDeleteAclsMatchingAcl.host'));
  const operation_: number = r.int8();
  const permissionType_: number = r.int8();
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, errorMessage: errorMessage_, resourceType: resourceType_, resourceName: resourceName_, patternType: patternType_, principal: principal_, host: host_, operation: operation_, permissionType: permissionType_ };
}

export const DeleteAclsResponse: MessageCodec<DeleteAclsResponse> = {
  name: 'DeleteAclsResponse',
  minVersion: 0,
  maxVersion: 3,
  flexibleMin: 2,
  size: sizeDeleteAclsResponse,
  write: writeDeleteAclsResponse,
  read: readDeleteAclsResponse,
};
