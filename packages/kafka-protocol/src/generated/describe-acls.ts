// Generated from schema/describe-acls.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** DescribeAclsRequest (versions 0-3). */
export interface DescribeAclsRequest {
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

/** DescribeAclsResponse (versions 0-3). */
export interface DescribeAclsResponse {
  /** ThrottleTimeMs: v0-3 */
  throttleTimeMs: number;
  /** ErrorCode: v0-3 */
  errorCode: number;
  /** ErrorMessage: v0-3, nullable v0+ */
  errorMessage: string | null;
  /** Resources: v0-3 */
  resources: readonly DescribeAclsResponseDescribeAclsResource[];
}

/** DescribeAclsResponse DescribeAclsResource (versions 0-3). */
export interface DescribeAclsResponseDescribeAclsResource {
  /** ResourceType: v0-3 */
  resourceType: number;
  /** ResourceName: v0-3 */
  resourceName: string;
  /** PatternType: v1-3, default 3 */
  patternType?: number;
  /** Acls: v0-3 */
  acls: readonly DescribeAclsResponseAclDescription[];
}

/** DescribeAclsResponse AclDescription (versions 0-3). */
export interface DescribeAclsResponseAclDescription {
  /** Principal: v0-3 */
  principal: string;
  /** Host: v0-3 */
  host: string;
  /** Operation: v0-3 */
  operation: number;
  /** PermissionType: v0-3 */
  permissionType: number;
}

function sizeDescribeAclsRequest(m: DescribeAclsRequest, v: number): number {
  const f = v >= 2;
  let n = 3;
  n += (f ? sizeOfCompactNullableString(m.resourceNameFilter) : sizeOfNullableString(m.resourceNameFilter));
  if (v >= 1) n += 1;
  n += (f ? sizeOfCompactNullableString(m.principalFilter) : sizeOfNullableString(m.principalFilter));
  n += (f ? sizeOfCompactNullableString(m.hostFilter) : sizeOfNullableString(m.hostFilter));
  if (f) n += 1;
  return n;
}

function writeDescribeAclsRequest(w: Writer, m: DescribeAclsRequest, v: number): void {
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

function readDescribeAclsRequest(r: Reader, v: number): Complete<DescribeAclsRequest> {
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

export const DescribeAclsRequest: MessageCodec<DescribeAclsRequest> = {
  name: 'DescribeAclsRequest',
  minVersion: 0,
  maxVersion: 3,
  flexibleMin: 2,
  size: sizeDescribeAclsRequest,
  write: writeDescribeAclsRequest,
  read: readDescribeAclsRequest,
};

function sizeDescribeAclsResponse(m: DescribeAclsResponse, v: number): number {
  const f = v >= 2;
  let n = 6;
  n += (f ? sizeOfCompactNullableString(m.errorMessage) : sizeOfNullableString(m.errorMessage));
  {
    const a0 = m.resources;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeAclsResponseDescribeAclsResource(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDescribeAclsResponse(w: Writer, m: DescribeAclsResponse, v: number): void {
  const f = v >= 2;
  w.int32(m.throttleTimeMs);
  w.int16(m.errorCode);
  if (f) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  {
    const a0 = m.resources;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeAclsResponseDescribeAclsResource(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeAclsResponse(r: Reader, v: number): Complete<DescribeAclsResponse> {
  const f = v >= 2;
  const throttleTimeMs_: number = r.int32();
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (f ? r.compactNullableString() : r.nullableString());
  let resources_: Complete<DescribeAclsResponseDescribeAclsResource>[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeAclsResponse.resources');
    const a0: Complete<DescribeAclsResponseDescribeAclsResource>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeAclsResponseDescribeAclsResource(r, v));
    }
    resources_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, errorMessage: errorMessage_, resources: resources_ };
}

function sizeDescribeAclsResponseDescribeAclsResource(m: DescribeAclsResponseDescribeAclsResource, v: number): number {
  const f = v >= 2;
  let n = 1;
  n += (f ? sizeOfCompactString(m.resourceName) : sizeOfString(m.resourceName));
  if (v >= 1) n += 1;
  {
    const a0 = m.acls;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeAclsResponseAclDescription(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDescribeAclsResponseDescribeAclsResource(w: Writer, m: DescribeAclsResponseDescribeAclsResource, v: number): void {
  const f = v >= 2;
  w.int8(m.resourceType);
  if (f) w.compactString(m.resourceName); else w.string(m.resourceName);
  if (v >= 1) w.int8((m.patternType ?? 3));
  {
    const a0 = m.acls;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeAclsResponseAclDescription(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeAclsResponseDescribeAclsResource(r: Reader, v: number): Complete<DescribeAclsResponseDescribeAclsResource> {
  const f = v >= 2;
  const resourceType_: number = r.int8();
  const resourceName_: string = (f ? r.compactString('DescribeAclsResponseDescribeAclsResource.resourceName') : r.string('DescribeAclsResponseDescribeAclsResource.resourceName'));
  const patternType_: number = (v >= 1 ? r.int8() : 3);
  let acls_: Complete<DescribeAclsResponseAclDescription>[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeAclsResponseDescribeAclsResource.acls');
    const a0: Complete<DescribeAclsResponseAclDescription>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeAclsResponseAclDescription(r, v));
    }
    acls_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { resourceType: resourceType_, resourceName: resourceName_, patternType: patternType_, acls: acls_ };
}

function sizeDescribeAclsResponseAclDescription(m: DescribeAclsResponseAclDescription, v: number): number {
  const f = v >= 2;
  let n = 2;
  n += (f ? sizeOfCompactString(m.principal) : sizeOfString(m.principal));
  n += (f ? sizeOfCompactString(m.host) : sizeOfString(m.host));
  if (f) n += 1;
  return n;
}

function writeDescribeAclsResponseAclDescription(w: Writer, m: DescribeAclsResponseAclDescription, v: number): void {
  const f = v >= 2;
  if (f) w.compactString(m.principal); else w.string(m.principal);
  if (f) w.compactString(m.host); else w.string(m.host);
  w.int8(m.operation);
  w.int8(m.permissionType);
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeAclsResponseAclDescription(r: Reader, v: number): Complete<DescribeAclsResponseAclDescription> {
  const f = v >= 2;
  const principal_: string = (f ? r.compactString('DescribeAclsResponseAclDescription.principal') : r.string('DescribeAclsResponseAclDescription.principal'));
  const host_: string = (f ? r.compactString('DescribeAclsResponseAclDescription.host') : r.string('DescribeAclsResponseAclDescription.host'));
  const operation_: number = r.int8();
  const permissionType_: number = r.int8();
  if (f) {
    r.skipTaggedFields();
  }
  return { principal: principal_, host: host_, operation: operation_, permissionType: permissionType_ };
}

export const DescribeAclsResponse: MessageCodec<DescribeAclsResponse> = {
  name: 'DescribeAclsResponse',
  minVersion: 0,
  maxVersion: 3,
  flexibleMin: 2,
  size: sizeDescribeAclsResponse,
  write: writeDescribeAclsResponse,
  read: readDescribeAclsResponse,
};
