// Generated from schema/sync-group.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString, sizeOfBytes, sizeOfCompactBytes } from '../writer.js';

/** SyncGroupRequest (versions 0-5). */
export interface SyncGroupRequest {
  /** GroupId: v0-5 */
  groupId: string;
  /** GenerationId: v0-5 */
  generationId: number;
  /** MemberId: v0-5 */
  memberId: string;
  /** GroupInstanceId: v3-5, nullable v3+, default null */
  groupInstanceId?: string | null;
  /** ProtocolType: v5, nullable v5+, default null */
  protocolType?: string | null;
  /** ProtocolName: v5, nullable v5+, default null */
  protocolName?: string | null;
  /** Assignments: v0-5 */
  assignments: readonly SyncGroupRequestAssignment[];
}

/** SyncGroupRequest SyncGroupRequestAssignment (versions 0-5). */
export interface SyncGroupRequestAssignment {
  /** MemberId: v0-5 */
  memberId: string;
  /** Assignment: v0-5 */
  assignment: Uint8Array;
}

/** SyncGroupResponse (versions 0-5). */
export interface SyncGroupResponse {
  /** ThrottleTimeMs: v1-5 */
  throttleTimeMs?: number;
  /** ErrorCode: v0-5 */
  errorCode: number;
  /** ProtocolType: v5, nullable v5+, default null */
  protocolType?: string | null;
  /** ProtocolName: v5, nullable v5+, default null */
  protocolName?: string | null;
  /** Assignment: v0-5 */
  assignment: Uint8Array;
}

function sizeSyncGroupRequest(m: SyncGroupRequest, v: number): number {
  const f = v >= 4;
  let n = 4;
  n += (f ? sizeOfCompactString(m.groupId) : sizeOfString(m.groupId));
  n += (f ? sizeOfCompactString(m.memberId) : sizeOfString(m.memberId));
  if (v >= 3) {
    n += (f ? sizeOfCompactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)) : sizeOfNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)));
  }
  if (v >= 5) {
    n += sizeOfCompactNullableString((m.protocolType === undefined ? null : m.protocolType));
  }
  if (v >= 5) {
    n += sizeOfCompactNullableString((m.protocolName === undefined ? null : m.protocolName));
  }
  {
    const a0 = m.assignments;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeSyncGroupRequestAssignment(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeSyncGroupRequest(w: Writer, m: SyncGroupRequest, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.groupId); else w.string(m.groupId);
  w.int32(m.generationId);
  if (f) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 3) {
    if (f) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  }
  if (v >= 5) w.compactNullableString((m.protocolType === undefined ? null : m.protocolType));
  if (v >= 5) w.compactNullableString((m.protocolName === undefined ? null : m.protocolName));
  {
    const a0 = m.assignments;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeSyncGroupRequestAssignment(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readSyncGroupRequest(r: Reader, v: number): Complete<SyncGroupRequest> {
  const f = v >= 4;
  const groupId_: string = (f ? r.compactString('SyncGroupRequest.groupId') : r.string('SyncGroupRequest.groupId'));
  const generationId_: number = r.int32();
  const memberId_: string = (f ? r.compactString('SyncGroupRequest.memberId') : r.string('SyncGroupRequest.memberId'));
  const groupInstanceId_: string | null = (v >= 3 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  const protocolType_: string | null = (v >= 5 ? r.compactNullableString() : null);
  const protocolName_: string | null = (v >= 5 ? r.compactNullableString() : null);
  let assignments_: Complete<SyncGroupRequestAssignment>[];
  {
    const len0 = r.requiredArrayLength(f, 'SyncGroupRequest.assignments');
    const a0: Complete<SyncGroupRequestAssignment>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readSyncGroupRequestAssignment(r, v));
    }
    assignments_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { groupId: groupId_, generationId: generationId_, memberId: memberId_, groupInstanceId: groupInstanceId_, protocolType: protocolType_, protocolName: protocolName_, assignments: assignments_ };
}

function sizeSyncGroupRequestAssignment(m: SyncGroupRequestAssignment, v: number): number {
  const f = v >= 4;
  let n = 0;
  n += (f ? sizeOfCompactString(m.memberId) : sizeOfString(m.memberId));
  n += (f ? sizeOfCompactBytes(m.assignment) : sizeOfBytes(m.assignment));
  if (f) n += 1;
  return n;
}

function writeSyncGroupRequestAssignment(w: Writer, m: SyncGroupRequestAssignment, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.memberId); else w.string(m.memberId);
  if (f) w.compactBytes(m.assignment); else w.bytes(m.assignment);
  if (f) {
    w.uvarint(0);
  }
}

function readSyncGroupRequestAssignment(r: Reader, v: number): Complete<SyncGroupRequestAssignment> {
  const f = v >= 4;
  const memberId_: string = (f ? r.compactString('SyncGroupRequestAssignment.memberId') : r.string('SyncGroupRequestAssignment.memberId'));
  const assignment_: Uint8Array = (f ? r.compactBytes('SyncGroupRequestAssignment.assignment') : r.bytes('SyncGroupRequestAssignment.assignment'));
  if (f) {
    r.skipTaggedFields();
  }
  return { memberId: memberId_, assignment: assignment_ };
}

export const SyncGroupRequest: MessageCodec<SyncGroupRequest> = {
  name: 'SyncGroupRequest',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 4,
  size: sizeSyncGroupRequest,
  write: writeSyncGroupRequest,
  read: readSyncGroupRequest,
};

function sizeSyncGroupResponse(m: SyncGroupResponse, v: number): number {
  const f = v >= 4;
  let n = 2;
  if (v >= 1) n += 4;
  if (v >= 5) {
    n += sizeOfCompactNullableString((m.protocolType === undefined ? null : m.protocolType));
  }
  if (v >= 5) {
    n += sizeOfCompactNullableString((m.protocolName === undefined ? null : m.protocolName));
  }
  n += (f ? sizeOfCompactBytes(m.assignment) : sizeOfBytes(m.assignment));
  if (f) n += 1;
  return n;
}

function writeSyncGroupResponse(w: Writer, m: SyncGroupResponse, v: number): void {
  const f = v >= 4;
  if (v >= 1) w.int32((m.throttleTimeMs ?? 0));
  w.int16(m.errorCode);
  if (v >= 5) w.compactNullableString((m.protocolType === undefined ? null : m.protocolType));
  if (v >= 5) w.compactNullableString((m.protocolName === undefined ? null : m.protocolName));
  if (f) w.compactBytes(m.assignment); else w.bytes(m.assignment);
  if (f) {
    w.uvarint(0);
  }
}

function readSyncGroupResponse(r: Reader, v: number): Complete<SyncGroupResponse> {
  const f = v >= 4;
  const throttleTimeMs_: number = (v >= 1 ? r.int32() : 0);
  const errorCode_: number = r.int16();
  const protocolType_: string | null = (v >= 5 ? r.compactNullableString() : null);
  const protocolName_: string | null = (v >= 5 ? r.compactNullableString() : null);
  const assignment_: Uint8Array = (f ? r.compactBytes('SyncGroupResponse.assignment') : r.bytes('SyncGroupResponse.assignment'));
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, protocolType: protocolType_, protocolName: protocolName_, assignment: assignment_ };
}

export const SyncGroupResponse: MessageCodec<SyncGroupResponse> = {
  name: 'SyncGroupResponse',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 4,
  size: sizeSyncGroupResponse,
  write: writeSyncGroupResponse,
  read: readSyncGroupResponse,
};
