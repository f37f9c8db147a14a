// Generated from schema/describe-groups.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString, sizeOfBytes, sizeOfCompactBytes } from '../writer.js';

/** DescribeGroupsRequest (versions 0-5). */
export interface DescribeGroupsRequest {
  /** Groups: v0-5 */
  groups: readonly string[];
  /** IncludeAuthorizedOperations: v3-5 */
  includeAuthorizedOperations?: boolean;
}

/** DescribeGroupsResponse (versions 0-5). */
export interface DescribeGroupsResponse {
  /** ThrottleTimeMs: v1-5 */
  throttleTimeMs?: number;
  /** Groups: v0-5 */
  groups: readonly DescribeGroupsResponseDescribedGroup[];
}

/** DescribeGroupsResponse DescribedGroup (versions 0-5). */
export interface DescribeGroupsResponseDescribedGroup {
  /** ErrorCode: v0-5 */
  errorCode: number;
  /** GroupId: v0-5 */
  groupId: string;
  /** GroupState: v0-5 */
  groupState: string;
  /** ProtocolType: v0-5 */
  protocolType: string;
  /** ProtocolData: v0-5 */
  protocolData: string;
  /** Members: v0-5 */
  members: readonly DescribeGroupsResponseDescribedGroupMember[];
  /** AuthorizedOperations: v3-5, default -2147483648 */
  authorizedOperations?: number;
}

/** DescribeGroupsResponse DescribedGroupMember (versions 0-5). */
export interface DescribeGroupsResponseDescribedGroupMember {
  /** MemberId: v0-5 */
  memberId: string;
  /** GroupInstanceId: v4-5, nullable v4+, default null */
  groupInstanceId?: string | null;
  /** ClientId: v0-5 */
  clientId: string;
  /** ClientHost: v0-5 */
  clientHost: string;
  /** MemberMetadata: v0-5 */
  memberMetadata: Uint8Array;
  /** MemberAssignment: v0-5 */
  memberAssignment: Uint8Array;
}

function sizeDescribeGroupsRequest(m: DescribeGroupsRequest, v: number): number {
  const f = v >= 5;
  let n = 0;
  {
    const a0 = m.groups;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += (f ? sizeOfCompactString(a0[i0]!) : sizeOfString(a0[i0]!));
    }
  }
  if (v >= 3) n += 1;
  if (f) n += 1;
  return n;
}

function writeDescribeGroupsRequest(w: Writer, m: DescribeGroupsRequest, v: number): void {
  const f = v >= 5;
  {
    const a0 = m.groups;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      if (f) w.compactString(a0[i0]!); else w.string(a0[i0]!);
    }
  }
  if (v >= 3) w.bool((m.includeAuthorizedOperations ?? false));
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeGroupsRequest(r: Reader, v: number): Complete<DescribeGroupsRequest> {
  const f = v >= 5;
  let groups_: string[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeGroupsRequest.groups');
    const a0: string[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push((f ? r.compactString('DescribeGroupsRequest.groups') : r.string('DescribeGroupsRequest.groups')));
    }
    groups_ = a0;
  }
  const includeAuthorizedOperations_: boolean = (v >= 3 ? r.bool() : false);
  if (f) {
    r.skipTaggedFields();
  }
  return { groups: groups_, includeAuthorizedOperations: includeAuthorizedOperations_ };
}

export const DescribeGroupsRequest: MessageCodec<DescribeGroupsRequest> = {
  name: 'DescribeGroupsRequest',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 5,
  size: sizeDescribeGroupsRequest,
  write: writeDescribeGroupsRequest,
  read: readDescribeGroupsRequest,
};

function sizeDescribeGroupsResponse(m: DescribeGroupsResponse, v: number): number {
  const f = v >= 5;
  let n = 0;
  if (v >= 1) n += 4;
  {
    const a0 = m.groups;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeGroupsResponseDescribedGroup(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDescribeGroupsResponse(w: Writer, m: DescribeGroupsResponse, v: number): void {
  const f = v >= 5;
  if (v >= 1) w.int32((m.throttleTimeMs ?? 0));
  {
    const a0 = m.groups;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeGroupsResponseDescribedGroup(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeGroupsResponse(r: Reader, v: number): Complete<DescribeGroupsResponse> {
  const f = v >= 5;
  const throttleTimeMs_: number = (v >= 1 ? r.int32() : 0);
  let groups_: Complete<DescribeGroupsResponseDescribedGroup>[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeGroupsResponse.groups');
    const a0: Complete<DescribeGroupsResponseDescribedGroup>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeGroupsResponseDescribedGroup(r, v));
    }
    groups_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, groups: groups_ };
}

function sizeDescribeGroupsResponseDescribedGroup(m: DescribeGroupsResponseDescribedGroup, v: number): number {
  const f = v >= 5;
  let n = 2;
  n += (f ? sizeOfCompactString(m.groupId) : sizeOfString(m.groupId));
  n += (f ? sizeOfCompactString(m.groupState) : sizeOfString(m.groupState));
  n += (f ? sizeOfCompactString(m.protocolType) : sizeOfString(m.protocolType));
  n += (f ? sizeOfCompactString(m.protocolData) : sizeOfString(m.protocolData));
  {
    const a0 = m.members;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeGroupsResponseDescribedGroupMember(a0[i0]!, v);
    }
  }
  if (v >= 3) n += 4;
  if (f) n += 1;
  return n;
}

function writeDescribeGroupsResponseDescribedGroup(w: Writer, m: DescribeGroupsResponseDescribedGroup, v: number): void {
  const f = v >= 5;
  w.int16(m.errorCode);
  if (f) w.compactString(m.groupId); else w.string(m.groupId);
  if (f) w.compactString(m.groupState); else w.string(m.groupState);
  if (f) w.compactString(m.protocolType); else w.string(m.protocolType);
  if (f) w.compactString(m.protocolData); else w.string(m.protocolData);
  {
    const a0 = m.members;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeGroupsResponseDescribedGroupMember(w, a0[i0]!, v);
    }
  }
  if (v >= 3) w.int32((m.authorizedOperations ?? -2147483648));
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeGroupsResponseDescribedGroup(r: Reader, v: number): Complete<DescribeGroupsResponseDescribedGroup> {
  const f = v >= 5;
  const errorCode_: number = r.int16();
  const groupId_: string = (f ? r.compactString('DescribeGroupsResponseDescribedGroup.groupId') : r.string('DescribeGroupsResponseDescribedGroup.groupId'));
  const groupState_: string = (f ? r.compactString('DescribeGroupsResponseDescribedGroup.groupState') : r.string('DescribeGroupsResponseDescribedGroup.groupState'));
  const protocolType_: string = (f ? r.compactString('DescribeGroupsResponseDescribedGroup.protocolType') : r.string('DescribeGroupsResponseDescribedGroup.protocolType'));
  const protocolData_: string = (f ? r.compactString('DescribeGroupsResponseDescribedGroup.protocolData') : r.string('DescribeGroupsResponseDescribedGroup.protocolData'));
  let members_: Complete<DescribeGroupsResponseDescribedGroupMember>[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeGroupsResponseDescribedGroup.members');
    const a0: Complete<DescribeGroupsResponseDescribedGroupMember>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeGroupsResponseDescribedGroupMember(r, v));
    }
    members_ = a0;
  }
  const authorizedOperations_: number = (v >= 3 ? r.int32() : -2147483648);
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, groupId: groupId_, groupState: groupState_, protocolType: protocolType_, protocolData: protocolData_, members: members_, authorizedOperations: authorizedOperations_ };
}

function sizeDescribeGroupsResponseDescribedGroupMember(m: DescribeGroupsResponseDescribedGroupMember, v: number): number {
  const f = v >= 5;
  let n = 0;
  n += (f ? sizeOfCompactString(m.memberId) : sizeOfString(m.memberId));
  if (v >= 4) {
    n += (f ? sizeOfCompactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)) : sizeOfNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)));
  }
  n += (f ? sizeOfCompactString(m.clientId) : sizeOfString(m.clientId));
  n += (f ? sizeOfCompactString(m.clientHost) : sizeOfString(m.clientHost));
  n += (f ? sizeOfCompactBytes(m.memberMetadata) : sizeOfBytes(m.memberMetadata));
  n += (f ? sizeOfCompactBytes(m.memberAssignment) : sizeOfBytes(m.memberAssignment));
  if (f) n += 1;
  return n;
}

function writeDescribeGroupsResponseDescribedGroupMember(w: Writer, m: DescribeGroupsResponseDescribedGroupMember, v: number): void {
  const f = v >= 5;
  if (f) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 4) {
    if (f) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  }
  if (f) w.compactString(m.clientId); else w.string(m.clientId);
  if (f) w.compactString(m.clientHost); else w.string(m.clientHost);
  if (f) w.compactBytes(m.memberMetadata); else w.bytes(m.memberMetadata);
  if (f) w.compactBytes(m.memberAssignment); else w.bytes(m.memberAssignment);
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeGroupsResponseDescribedGroupMember(r: Reader, v: number): Complete<DescribeGroupsResponseDescribedGroupMember> {
  const f = v >= 5;
  const memberId_: string = (f ? r.compactString('DescribeGroupsResponseDescribedGroupMember.memberId') : r.string('DescribeGroupsResponseDescribedGroupMember.memberId'));
  const groupInstanceId_: string | null = (v >= 4 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  const clientId_: string = (f ? r.compactString('DescribeGroupsResponseDescribedGroupMember.clientId') : r.string('DescribeGroupsResponseDescribedGroupMember.clientId'));
  const clientHost_: string = (f ? r.compactString('DescribeGroupsResponseDescribedGroupMember.clientHost') : r.string('DescribeGroupsResponseDescribedGroupMember.clientHost'));
  const memberMetadata_: Uint8Array = (f ? r.compactBytes('DescribeGroupsResponseDescribedGroupMember.memberMetadata') : r.bytes('DescribeGroupsResponseDescribedGroupMember.memberMetadata'));
  const memberAssignment_: Uint8Array = (f ? r.compactBytes('DescribeGroupsResponseDescribedGroupMember.memberAssignment') : r.bytes('DescribeGroupsResponseDescribedGroupMember.memberAssignment'));
  if (f) {
    r.skipTaggedFields();
  }
  return { memberId: memberId_, groupInstanceId: groupInstanceId_, clientId: clientId_, clientHost: clientHost_, memberMetadata: memberMetadata_, memberAssignment: memberAssignment_ };
}

export const DescribeGroupsResponse: MessageCodec<DescribeGroupsResponse> = {
  name: 'DescribeGroupsResponse',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 5,
  size: sizeDescribeGroupsResponse,
  write: writeDescribeGroupsResponse,
  read: readDescribeGroupsResponse,
};
