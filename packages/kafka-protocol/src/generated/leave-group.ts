// Generated from schema/leave-group.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** LeaveGroupRequest (versions 0-5). */
export interface LeaveGroupRequest {
  /** GroupId: v0-5 */
  groupId: string;
  /** MemberId: v0-2 */
  memberId?: string;
  /** Members: v3-5 */
  members?: readonly LeaveGroupRequestMemberIdentity[];
}

/** LeaveGroupRequest MemberIdentity (versions 3-5). */
export interface LeaveGroupRequestMemberIdentity {
  /** MemberId: v3-5 */
  memberId: string;
  /** GroupInstanceId: v3-5, nullable v0+, default null */
  groupInstanceId: string | null;
  /** Reason: v5, nullable v5+, default null */
  reason?: string | null;
}

/** LeaveGroupResponse (versions 0-5). */
export interface LeaveGroupResponse {
  /** ThrottleTimeMs: v1-5 */
  throttleTimeMs?: number;
  /** ErrorCode: v0-5 */
  errorCode: number;
  /** Members: v3-5 */
  members?: readonly LeaveGroupResponseMemberResponse[];
}

/** LeaveGroupResponse MemberResponse (versions 3-5). */
export interface LeaveGroupResponseMemberResponse {
  /** MemberId: v3-5 */
  memberId: string;
  /** GroupInstanceId: v3-5, nullable v0+ */
  groupInstanceId: string | null;
  /** ErrorCode: v3-5 */
  errorCode: number;
}

function sizeLeaveGroupRequest(m: LeaveGroupRequest, v: number): number {
  const f = v >= 4;
  let n = 0;
  n += (f ? sizeOfCompactString(m.groupId) : sizeOfString(m.groupId));
  if (v <= 2) {
    n += sizeOfString((m.memberId ?? ''));
  }
  if (v >= 3) {
    {
      const a0 = (m.members ?? []);
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeLeaveGroupRequestMemberIdentity(a0[i0]!, v);
      }
    }
  }
  if (f) n += 1;
  return n;
}

function writeLeaveGroupRequest(w: Writer, m: LeaveGroupRequest, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.groupId); else w.string(m.groupId);
  if (v <= 2) w.string((m.memberId ?? ''));
  if (v >= 3) {
    {
      const a0 = (m.members ?? []);
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeLeaveGroupRequestMemberIdentity(w, a0[i0]!, v);
      }
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readLeaveGroupRequest(r: Reader, v: number): Complete<LeaveGroupRequest> {
  const f = v >= 4;
  const groupId_: string = (f ? r.compactString('LeaveGroupRequest.groupId') : r.string('LeaveGroupRequest.groupId'));
  const memberId_: string = (v <= 2 ? r.string('LeaveGroupRequest.memberId') : '');
  let members_: Complete<LeaveGroupRequestMemberIdentity>[] = [];
  if (v >= 3) {
    {
      const len0 = r.requiredArrayLength(f, 'LeaveGroupRequest.members');
      const a0: Complete<LeaveGroupRequestMemberIdentity>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readLeaveGroupRequestMemberIdentity(r, v));
      }
      members_ = a0;
    }
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { groupId: groupId_, memberId: memberId_, members: members_ };
}

function sizeLeaveGroupRequestMemberIdentity(m: LeaveGroupRequestMemberIdentity, v: number): number {
  const f = v >= 4;
  let n = 0;
  n += (f ? sizeOfCompactString(m.memberId) : sizeOfString(m.memberId));
  n += (f ? sizeOfCompactNullableString(m.groupInstanceId) : sizeOfNullableString(m.groupInstanceId));
  if (v >= 5) {
    n += sizeOfCompactNullableString((m.reason === undefined ? null : m.reason));
  }
  if (f) n += 1;
  return n;
}

function writeLeaveGroupRequestMemberIdentity(w: Writer, m: LeaveGroupRequestMemberIdentity, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.memberId); else w.string(m.memberId);
  if (f) w.compactNullableString(m.groupInstanceId); else w.nullableString(m.groupInstanceId);
  if (v >= 5) w.compactNullableString((m.reason === undefined ? null : m.reason));
  if (f) {
    w.uvarint(0);
  }
}

function readLeaveGroupRequestMemberIdentity(r: Reader, v: number): Complete<LeaveGroupRequestMemberIdentity> {
  const f = v >= 4;
  const memberId_: string = (f ? r.compactString('LeaveGroupRequestMemberIdentity.memberId') : r.string('LeaveGroupRequestMemberIdentity.memberId'));
  const groupInstanceId_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const reason_: string | null = (v >= 5 ? r.compactNullableString() : null);
  if (f) {
    r.skipTaggedFields();
  }
  return { memberId: memberId_, groupInstanceId: groupInstanceId_, reason: reason_ };
}

export const LeaveGroupRequest: MessageCodec<LeaveGroupRequest> = {
  name: 'LeaveGroupRequest',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 4,
  size: sizeLeaveGroupRequest,
  write: writeLeaveGroupRequest,
  read: readLeaveGroupRequest,
};

function sizeLeaveGroupResponse(m: LeaveGroupResponse, v: number): number {
  const f = v >= 4;
  let n = 2;
  if (v >= 1) n += 4;
  if (v >= 3) {
    {
      const a0 = (m.members ?? []);
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeLeaveGroupResponseMemberResponse(a0[i0]!, v);
      }
    }
  }
  if (f) n += 1;
  return n;
}

function writeLeaveGroupResponse(w: Writer, m: LeaveGroupResponse, v: number): void {
  const f = v >= 4;
  if (v >= 1) w.int32((m.throttleTimeMs ?? 0));
  w.int16(m.errorCode);
  if (v >= 3) {
    {
      const a0 = (m.members ?? []);
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeLeaveGroupResponseMemberResponse(w, a0[i0]!, v);
      }
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readLeaveGroupResponse(r: Reader, v: number): Complete<LeaveGroupResponse> {
  const f = v >= 4;
  const throttleTimeMs_: number = (v >= 1 ? r.int32() : 0);
  const errorCode_: number = r.int16();
  let members_: Complete<LeaveGroupResponseMemberResponse>[] = [];
  if (v >= 3) {
    {
      const len0 = r.requiredArrayLength(f, 'LeaveGroupResponse.members');
      const a0: Complete<LeaveGroupResponseMemberResponse>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readLeaveGroupResponseMemberResponse(r, v));
      }
      members_ = a0;
    }
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, members: members_ };
}

function sizeLeaveGroupResponseMemberResponse(m: LeaveGroupResponseMemberResponse, v: number): number {
  const f = v >= 4;
  let n = 2;
  n += (f ? sizeOfCompactString(m.memberId) : sizeOfString(m.memberId));
  n += (f ? sizeOfCompactNullableString(m.groupInstanceId) : sizeOfNullableString(m.groupInstanceId));
  if (f) n += 1;
  return n;
}

function writeLeaveGroupResponseMemberResponse(w: Writer, m: LeaveGroupResponseMemberResponse, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.memberId); else w.string(m.memberId);
  if (f) w.compactNullableString(m.groupInstanceId); else w.nullableString(m.groupInstanceId);
  w.int16(m.errorCode);
  if (f) {
    w.uvarint(0);
  }
}

function readLeaveGroupResponseMemberResponse(r: Reader, v: number): Complete<LeaveGroupResponseMemberResponse> {
  const f = v >= 4;
  const memberId_: string = (f ? r.compactString('LeaveGroupResponseMemberResponse.memberId') : r.string('LeaveGroupResponseMemberResponse.memberId'));
  const groupInstanceId_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const errorCode_: number = r.int16();
  if (f) {
    r.skipTaggedFields();
  }
  return { memberId: memberId_, groupInstanceId: groupInstanceId_, errorCode: errorCode_ };
}

export const LeaveGroupResponse: MessageCodec<LeaveGroupResponse> = {
  name: 'LeaveGroupResponse',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 4,
  size: sizeLeaveGroupResponse,
  write: writeLeaveGroupResponse,
  read: readLeaveGroupResponse,
};
