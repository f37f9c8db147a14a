// Generated from schema/heartbeat.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** HeartbeatRequest (versions 0-4). */
export interface HeartbeatRequest {
  /** GroupId: v0-4 */
  groupId: string;
  /** GenerationId: v0-4 */
  generationId: number;
  /** MemberId: v0-4 */
  memberId: string;
  /** GroupInstanceId: v3-4, nullable v3+, default null */
  groupInstanceId?: string | null;
}

/** HeartbeatResponse (versions 0-4). */
export interface HeartbeatResponse {
  /** ThrottleTimeMs: v1-4 */
  throttleTimeMs?: number;
  /** ErrorCode: v0-4 */
  errorCode: number;
}

function sizeHeartbeatRequest(m: HeartbeatRequest, v: number): number {
  const f = v >= 4;
  let n = 4;
  n += (f ? sizeOfCompactString(m.groupId) : sizeOfString(m.groupId));
  n += (f ? sizeOfCompactString(m.memberId) : sizeOfString(m.memberId));
  if (v >= 3) {
    n += (f ? sizeOfCompactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)) : sizeOfNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)));
  }
  if (f) n += 1;
  return n;
}

function writeHeartbeatRequest(w: Writer, m: HeartbeatRequest, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.groupId); else w.string(m.groupId);
  w.int32(m.generationId);
  if (f) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 3) {
    if (f) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  }
  if (f) {
    w.uvarint(0);
  }
}

function readHeartbeatRequest(r: Reader, v: number): Complete<HeartbeatRequest> {
  const f = v >= 4;
  const groupId_: string = (f ? r.compactString('HeartbeatRequest.groupId') : r.string('HeartbeatRequest.groupId'));
  const generationId_: number = r.int32();
  const memberId_: string = (f ? r.compactString('HeartbeatRequest.memberId') : r.string('HeartbeatRequest.memberId'));
  const groupInstanceId_: string | null = (v >= 3 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  if (f) {
    r.skipTaggedFields();
  }
  return { groupId: groupId_, generationId: generationId_, memberId: memberId_, groupInstanceId: groupInstanceId_ };
}

export const HeartbeatRequest: MessageCodec<HeartbeatRequest> = {
  name: 'HeartbeatRequest',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 4,
  size: sizeHeartbeatRequest,
  write: writeHeartbeatRequest,
  read: readHeartbeatRequest,
};

function sizeHeartbeatResponse(m: HeartbeatResponse, v: number): number {
  const f = v >= 4;
  let n = 2;
  if (v >= 1) n += 4;
  if (f) n += 1;
  return n;
}

function writeHeartbeatResponse(w: Writer, m: HeartbeatResponse, v: number): void {
  const f = v >= 4;
  if (v >= 1) w.int32((m.throttleTimeMs ?? 0));
  w.int16(m.errorCode);
  if (f) {
    w.uvarint(0);
  }
}

function readHeartbeatResponse(r: Reader, v: number): Complete<HeartbeatResponse> {
  const f = v >= 4;
  const throttleTimeMs_: number = (v >= 1 ? r.int32() : 0);
  const errorCode_: number = r.int16();
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_ };
}

export const HeartbeatResponse: MessageCodec<HeartbeatResponse> = {
  name: 'HeartbeatResponse',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 4,
  size: sizeHeartbeatResponse,
  write: writeHeartbeatResponse,
  read: readHeartbeatResponse,
};
