// Generated from schema/delete-groups.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfCompactString } from '../writer.js';

/** DeleteGroupsRequest (versions 0-2). */
export interface DeleteGroupsRequest {
  /** GroupsNames: v0-2 */
  groupsNames: readonly string[];
}

/** DeleteGroupsResponse (versions 0-2). */
export interface DeleteGroupsResponse {
  /** ThrottleTimeMs: v0-2 */
  throttleTimeMs: number;
  /** Results: v0-2 */
  results: readonly DeleteGroupsResponseDeletableGroupResult[];
}

/** DeleteGroupsResponse DeletableGroupResult (versions 0-2). */
export interface DeleteGroupsResponseDeletableGroupResult {
  /** GroupId: v0-2 */
  groupId: string;
  /** ErrorCode: v0-2 */
  errorCode: number;
}

function sizeDeleteGroupsRequest(m: DeleteGroupsRequest, v: number): number {
  const f = v >= 2;
  let n = 0;
  {
    const a0 = m.groupsNames;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += (f ? sizeOfCompactString(a0[i0]!) : sizeOfString(a0[i0]!));
    }
  }
  if (f) n += 1;
  return n;
}

function writeDeleteGroupsRequest(w: Writer, m: DeleteGroupsRequest, v: number): void {
  const f = v >= 2;
  {
    const a0 = m.groupsNames;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      if (f) w.compactString(a0[i0]!); else w.string(a0[i0]!);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteGroupsRequest(r: Reader, v: number): Complete<DeleteGroupsRequest> {
  const f = v >= 2;
  let groupsNames_: string[];
  {
    const len0 = r.requiredArrayLength(f, 'DeleteGroupsRequest.groupsNames');
    const a0: string[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push((f ? r.compactString('DeleteGroupsRequest.groupsNames') : r.string('DeleteGroupsRequest.groupsNames')));
    }
    groupsNames_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { groupsNames: groupsNames_ };
}

export const DeleteGroupsRequest: MessageCodec<DeleteGroupsRequest> = {
  name: 'DeleteGroupsRequest',
  minVersion: 0,
  maxVersion: 2,
  flexibleMin: 2,
  size: sizeDeleteGroupsRequest,
  write: writeDeleteGroupsRequest,
  read: readDeleteGroupsRequest,
};

function sizeDeleteGroupsResponse(m: DeleteGroupsResponse, v: number): number {
  const f = v >= 2;
  let n = 4;
  {
    const a0 = m.results;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDeleteGroupsResponseDeletableGroupResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDeleteGroupsResponse(w: Writer, m: DeleteGroupsResponse, v: number): void {
  const f = v >= 2;
  w.int32(m.throttleTimeMs);
  {
    const a0 = m.results;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDeleteGroupsResponseDeletableGroupResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteGroupsResponse(r: Reader, v: number): Complete<DeleteGroupsResponse> {
  const f = v >= 2;
  const throttleTimeMs_: number = r.int32();
  let results_: Complete<DeleteGroupsResponseDeletableGroupResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'DeleteGroupsResponse.results');
    const a0: Complete<DeleteGroupsResponseDeletableGroupResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDeleteGroupsResponseDeletableGroupResult(r, v));
    }
    results_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, results: results_ };
}

function sizeDeleteGroupsResponseDeletableGroupResult(m: DeleteGroupsResponseDeletableGroupResult, v: number): number {
  const f = v >= 2;
  let n = 2;
  n += (f ? sizeOfCompactString(m.groupId) : sizeOfString(m.groupId));
  if (f) n += 1;
  return n;
}

function writeDeleteGroupsResponseDeletableGroupResult(w: Writer, m: DeleteGroupsResponseDeletableGroupResult, v: number): void {
  const f = v >= 2;
  if (f) w.compactString(m.groupId); else w.string(m.groupId);
  w.int16(m.errorCode);
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteGroupsResponseDeletableGroupResult(r: Reader, v: number): Complete<DeleteGroupsResponseDeletableGroupResult> {
  const f = v >= 2;
  const groupId_: string = (f ? r.compactString('DeleteGroupsResponseDeletableGroupResult.groupId') : r.string('DeleteGroupsResponseDeletableGroupResult.groupId'));
  const errorCode_: number = r.int16();
  if (f) {
    r.skipTaggedFields();
  }
  return { groupId: groupId_, errorCode: errorCode_ };
}

export const DeleteGroupsResponse: MessageCodec<DeleteGroupsResponse> = {
  name: 'DeleteGroupsResponse',
  minVersion: 0,
  maxVersion: 2,
  flexibleMin: 2,
  size: sizeDeleteGroupsResponse,
  write: writeDeleteGroupsResponse,
  read: readDeleteGroupsResponse,
};
