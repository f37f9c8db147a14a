// Generated from schema/join-group.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString, sizeOfBytes, sizeOfCompactBytes } from '../writer.js';
import { notNullable } from '../generated-support.js';

/** JoinGroupRequest (versions 0-9). */
export interface JoinGroupRequest {
  /** GroupId: v0-9 */
  groupId: string;
  /** SessionTimeoutMs: v0-9 */
  sessionTimeoutMs: number;
  /** RebalanceTimeoutMs: v1-9, default -1 */
  rebalanceTimeoutMs?: number;
  /** MemberId: v0-9 */
  memberId: string;
  /** GroupInstanceId: v5-9, nullable v5+, default null */
  groupInstanceId?: string | null;
  /** ProtocolType: v0-9 */
  protocolType: string;
  /** Protocols: v0-9 */
  protocols: readonly JoinGroupRequestProtocol[];
  /** Reason: v8-9, nullable v8+, default null */
  reason?: string | null;
}

/** JoinGroupRequest JoinGroupRequestProtocol (versions 0-9). */
export interface JoinGroupRequestProtocol {
  /** Name: v0-9 */
  name: string;
  /** Metadata: v0-9 */
  metadata: Uint8Array;
}

/** JoinGroupResponse (versions 0-9). */
export interface JoinGroupResponse {
  /** ThrottleTimeMs: v2-9 */
  throttleTimeMs?: number;
  /** ErrorCode: v0-9 */
  errorCode: number;
  /** GenerationId: v0-9, default -1 */
  generationId: number;
  /** ProtocolType: v7-9, nullable v7+, default null */
  protocolType?: string | null;
  /** ProtocolName: v0-9, nullable v7+ */
  protocolName: string | null;
  /** Leader: v0-9 */
  leader: string;
  /** SkipAssignment: v9 */
  skipAssignment?: boolean;
  /** MemberId: v0-9 */
  memberId: string;
  /** Members: v0-9 */
  members: readonly JoinGroupResponseMember[];
}

/** JoinGroupResponse JoinGroupResponseMember (versions 0-9). */
export interface JoinGroupResponseMember {
  /** MemberId: v0-9 */
  memberId: string;
  /** GroupInstanceId: v5-9, nullable v5+, default null */
  groupInstanceId?: string | null;
  /** Metadata: v0-9 */
  metadata: Uint8Array;
}

function sizeJoinGroupRequest(m: JoinGroupRequest, v: number): number {
  const f = v >= 6;
  let n = 4;
  n += (f ? sizeOfCompactString(m.groupId) : sizeOfString(m.groupId));
  if (v >= 1) n += 4;
  n += (f ? sizeOfCompactString(m.memberId) : sizeOfString(m.memberId));
  if (v >= 5) {
    n += (f ? sizeOfCompactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)) : sizeOfNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)));
  }
  n += (f ? sizeOfCompactString(m.protocolType) : sizeOfString(m.protocolType));
  {
    const a0 = m.protocols;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeJoinGroupRequestProtocol(a0[i0]!, v);
    }
  }
  if (v >= 8) {
    n += sizeOfCompactNullableString((m.reason === undefined ? null : m.reason));
  }
  if (f) n += 1;
  return n;
}

function writeJoinGroupRequest(w: Writer, m: JoinGroupRequest, v: number): void {
  const f = v >= 6;
  if (f) w.compactString(m.groupId); else w.string(m.groupId);
  w.int32(m.sessionTimeoutMs);
  if (v >= 1) w.int32((m.rebalanceTimeoutMs ?? -1));
  if (f) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 5) {
    if (f) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  }
  if (f) w.compactString(m.protocolType); else w.string(m.protocolType);
  {
    const a0 = m.protocols;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeJoinGroupRequestProtocol(w, a0[i0]!, v);
    }
  }
  if (v >= 8) w.compactNullableString((m.reason === undefined ? null : m.reason));
  if (f) {
    w.uvarint(0);
  }
}

function readJoinGroupRequest(r: Reader, v: number): Complete<JoinGroupRequest> {
  const f = v >= 6;
  const groupId_: string = (f ? r.compactString('JoinGroupRequest.groupId') : r.string('JoinGroupRequest.groupId'));
  const sessionTimeoutMs_: number = r.int32();
  const rebalanceTimeoutMs_: number = (v >= 1 ? r.int32() : -1);
  const memberId_: string = (f ? r.compactString('JoinGroupRequest.memberId') : r.string('JoinGroupRequest.memberId'));
  const groupInstanceId_: string | null = (v >= 5 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  const protocolType_: string = (f ? r.compactString('JoinGroupRequest.protocolType') : r.string('JoinGroupRequest.protocolType'));
  let protocols_: Complete<JoinGroupRequestProtocol>[];
  {
    const len0 = r.requiredArrayLength(f, 'JoinGroupRequest.protocols');
    const a0: Complete<JoinGroupRequestProtocol>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readJoinGroupRequestProtocol(r, v));
    }
    protocols_ = a0;
  }
  const reason_: string | null = (v >= 8 ? r.compactNullableString() : null);
  if (f) {
    r.skipTaggedFields();
  }
  return { groupId: groupId_, sessionTimeoutMs: sessionTimeoutMs_, rebalanceTimeoutMs: rebalanceTimeoutMs_, memberId: memberId_, groupInstanceId: groupInstanceId_, protocolType: protocolType_, protocols: protocols_, reason: reason_ };
}

function sizeJoinGroupRequestProtocol(m: JoinGroupRequestProtocol, v: number): number {
  const f = v >= 6;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  n += (f ? sizeOfCompactBytes(m.metadata) : sizeOfBytes(m.metadata));
  if (f) n += 1;
  return n;
}

function writeJoinGroupRequestProtocol(w: Writer, m: JoinGroupRequestProtocol, v: number): void {
  const f = v >= 6;
  if (f) w.compactString(m.name); else w.string(m.name);
  if (f) w.compactBytes(m.metadata); else w.bytes(m.metadata);
  if (f) {
    w.uvarint(0);
  }
}

function readJoinGroupRequestProtocol(r: Reader, v: number): Complete<JoinGroupRequestProtocol> {
  const f = v >= 6;
  const name_: string = (f ? r.compactString('JoinGroupRequestProtocol.name') : r.string('JoinGroupRequestProtocol.name'));
  const metadata_: Uint8Array = (f ? r.compactBytes('JoinGroupRequestProtocol.metadata') : r.bytes('JoinGroupRequestProtocol.metadata'));
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, metadata: metadata_ };
}

export const JoinGroupRequest: MessageCodec<JoinGroupRequest> = {
  name: 'JoinGroupRequest',
  minVersion: 0,
  maxVersion: 9,
  flexibleMin: 6,
  size: sizeJoinGroupRequest,
  write: writeJoinGroupRequest,
  read: readJoinGroupRequest,
};

function sizeJoinGroupResponse(m: JoinGroupResponse, v: number): number {
  const f = v >= 6;
  let n = 6;
  if (v >= 2) n += 4;
  if (v >= 7) {
    n += sizeOfCompactNullableString((m.protocolType === undefined ? null : m.protocolType));
  }
  n += (f ? sizeOfCompactNullableString(m.protocolName) : sizeOfNullableString(m.protocolName));
  n += (f ? sizeOfCompactString(m.leader) : sizeOfString(m.leader));
  if (v >= 9) n += 1;
  n += (f ? sizeOfCompactString(m.memberId) : sizeOfString(m.memberId));
  {
    const a0 = m.members;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeJoinGroupResponseMember(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeJoinGroupResponse(w: Writer, m: JoinGroupResponse, v: number): void {
  const f = v >= 6;
  if (v >= 2) w.int32((m.throttleTimeMs ?? 0));
  w.int16(m.errorCode);
  w.int32(m.generationId);
  if (v >= 7) w.compactNullableString((m.protocolType === undefined ? null : m.protocolType));
  if (m.protocolName === null && !(v >= 7)) throw notNullable('JoinGroupResponse.protocolName', v);
  if (f) w.compactNullableString(m.protocolName); else w.nullableString(m.protocolName);
  if (f) w.compactString(m.leader); else w.string(m.leader);
  if (v >= 9) w.bool((m.skipAssignment ?? false));
  if (f) w.compactString(m.memberId); else w.string(m.memberId);
  {
    const a0 = m.members;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeJoinGroupResponseMember(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readJoinGroupResponse(r: Reader, v: number): Complete<JoinGroupResponse> {
  const f = v >= 6;
  const throttleTimeMs_: number = (v >= 2 ? r.int32() : 0);
  const errorCode_: number = r.int16();
  const generationId_: number = r.int32();
  const protocolType_: string | null = (v >= 7 ? r.compactNullableString() : null);
  const protocolName_: string | null = (f ? (v >= 7 ? r.compactNullableString() : r.compactString('JoinGroupResponse.protocolName')) : (v >= 7 ? r.nullableString() : r.string('JoinGroupResponse.protocolName')));
  const leader_: string = (f ? r.compactString('JoinGroupResponse.leader') : r.string('JoinGroupResponse.leader'));
  const skipAssignment_: boolean = (v >= 9 ? r.bool() : false);
  const memberId_: string = (f ? r.compactString('JoinGroupResponse.memberId') : r.string('JoinGroupResponse.memberId'));
  let members_: Complete<JoinGroupResponseMember>[];
  {
    const len0 = r.requiredArrayLength(f, 'JoinGroupResponse.members');
    const a0: Complete<JoinGroupResponseMember>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readJoinGroupResponseMember(r, v));
    }
    members_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, generationId: generationId_, protocolType: protocolType_, protocolName: protocolName_, leader: leader_, skipAssignment: skipAssignment_, memberId: memberId_, members: members_ };
}

function sizeJoinGroupResponseMember(m: JoinGroupResponseMember, v: number): number {
  const f = v >= 6;
  let n = 0;
  n += (f ? sizeOfCompactString(m.memberId) : sizeOfString(m.memberId));
  if (v >= 5) {
    n += (f ? sizeOfCompactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)) : sizeOfNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)));
  }
  n += (f ? sizeOfCompactBytes(m.metadata) : sizeOfBytes(m.metadata));
  if (f) n += 1;
  return n;
}

function writeJoinGroupResponseMember(w: Writer, m: JoinGroupResponseMember, v: number): void {
  const f = v >= 6;
  if (f) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 5) {
    if (f) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  }
  if (f) w.compactBytes(m.metadata); else w.bytes(m.metadata);
  if (f) {
    w.uvarint(0);
  }
}

function readJoinGroupResponseMember(r: Reader, v: number): Complete<JoinGroupResponseMember> {
  const f = v >= 6;
  const memberId_: string = (f ? r.compactString('JoinGroupResponseMember.memberId') : r.string('JoinGroupResponseMember.memberId'));
  const groupInstanceId_: string | null = (v >= 5 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  const metadata_: Uint8Array = (f ? r.compactBytes('JoinGroupResponseMember.metadata') : r.bytes('JoinGroupResponseMember.metadata'));
  if (f) {
    r.skipTaggedFields();
  }
  return { memberId: memberId_, groupInstanceId: groupInstanceId_, metadata: metadata_ };
}

export const JoinGroupResponse: MessageCodec<JoinGroupResponse> = {
  name: 'JoinGroupResponse',
  minVersion: 0,
  maxVersion: 9,
  flexibleMin: 6,
  size: sizeJoinGroupResponse,
  write: writeJoinGroupResponse,
  read: readJoinGroupResponse,
};
