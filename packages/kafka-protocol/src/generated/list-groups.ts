// Generated from schema/list-groups.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfCompactString } from '../writer.js';

/** ListGroupsRequest (versions 0-5). */
export interface ListGroupsRequest {
  /** StatesFilter: v4-5 */
  statesFilter?: readonly string[];
  /** TypesFilter: v5 */
  typesFilter?: readonly string[];
}

/** ListGroupsResponse (versions 0-5). */
export interface ListGroupsResponse {
  /** ThrottleTimeMs: v1-5 */
  throttleTimeMs?: number;
  /** ErrorCode: v0-5 */
  errorCode: number;
  /** Groups: v0-5 */
  groups: readonly ListGroupsResponseListedGroup[];
}

/** ListGroupsResponse ListedGroup (versions 0-5). */
export interface ListGroupsResponseListedGroup {
  /** GroupId: v0-5 */
  groupId: string;
  /** ProtocolType: v0-5 */
  protocolType: string;
  /** GroupState: v4-5 */
  groupState?: string;
  /** GroupType: v5 */
  groupType?: string;
}

function sizeListGroupsRequest(m: ListGroupsRequest, v: number): number {
  const f = v >= 3;
  let n = 0;
  if (v >= 4) {
    {
      const a0 = (m.statesFilter ?? []);
      n += sizeOfUvarint(a0.length + 1);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeOfCompactString(a0[i0]!);
      }
    }
  }
  if (v >= 5) {
    {
      const a0 = (m.typesFilter ?? []);
      n += sizeOfUvarint(a0.length + 1);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeOfCompactString(a0[i0]!);
      }
    }
  }
  if (f) n += 1;
  return n;
}

function writeListGroupsRequest(w: Writer, m: ListGroupsRequest, v: number): void {
  const f = v >= 3;
  if (v >= 4) {
    {
      const a0 = (m.statesFilter ?? []);
      w.arrayLength(true, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        w.compactString(a0[i0]!);
      }
    }
  }
  if (v >= 5) {
    {
      const a0 = (m.typesFilter ?? []);
      w.arrayLength(true, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        w.compactString(a0[i0]!);
      }
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readListGroupsRequest(r: Reader, v: number): Complete<ListGroupsRequest> {
  const f = v >= 3;
  let statesFilter_: string[] = [];
  if (v >= 4) {
    {
      const len0 = r.requiredArrayLength(true, 'ListGroupsRequest.statesFilter');
      const a0: string[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(r.compactString('ListGroupsRequest.statesFilter'));
      }
      statesFilter_ = a0;
    }
  }
  let typesFilter_: string[] = [];
  if (v >= 5) {
    {
      const len0 = r.requiredArrayLength(true, 'ListGroupsRequest.typesFilter');
      const a0: string[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(r.compactString('ListGroupsRequest.typesFilter'));
      }
      typesFilter_ = a0;
    }
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { statesFilter: statesFilter_, typesFilter: typesFilter_ };
}

export const ListGroupsRequest: MessageCodec<ListGroupsRequest> = {
  name: 'ListGroupsRequest',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 3,
  size: sizeListGroupsRequest,
  write: writeListGroupsRequest,
  read: readListGroupsRequest,
};

function sizeListGroupsResponse(m: ListGroupsResponse, v: number): number {
  const f = v >= 3;
  let n = 2;
  if (v >= 1) n += 4;
  {
    const a0 = m.groups;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeListGroupsResponseListedGroup(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeListGroupsResponse(w: Writer, m: ListGroupsResponse, v: number): void {
  const f = v >= 3;
  if (v >= 1) w.int32((m.throttleTimeMs ?? 0));
  w.int16(m.errorCode);
  {
    const a0 = m.groups;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeListGroupsResponseListedGroup(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readListGroupsResponse(r: Reader, v: number): Complete<ListGroupsResponse> {
  const f = v >= 3;
  const throttleTimeMs_: number = (v >= 1 ? r.int32() : 0);
  const errorCode_: number = r.int16();
  let groups_: Complete<ListGroupsResponseListedGroup>[];
  {
    const len0 = r.requiredArrayLength(f, 'ListGroupsResponse.groups');
    const a0: Complete<ListGroupsResponseListedGroup>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readListGroupsResponseListedGroup(r, v));
    }
    groups_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, groups: groups_ };
}

function sizeListGroupsResponseListedGroup(m: ListGroupsResponseListedGroup, v: number): number {
  const f = v >= 3;
  let n = 0;
  n += (f ? sizeOfCompactString(m.groupId) : sizeOfString(m.groupId));
  n += (f ? sizeOfCompactString(m.protocolType) : sizeOfString(m.protocolType));
  if (v >= 4) {
    n += sizeOfCompactString((m.groupState ?? ''));
  }
  if (v >= 5) {
    n += sizeOfCompactString((m.groupType ?? ''));
  }
  if (f) n += 1;
  return n;
}

function writeListGroupsResponseListedGroup(w: Writer, m: ListGroupsResponseListedGroup, v: number): void {
  const f = v >= 3;
  if (f) w.compactString(m.groupId); else w.string(m.groupId);
  if (f) w.compactString(m.protocolType); else w.string(m.protocolType);
  if (v >= 4) w.compactString((m.groupState ?? ''));
  if (v >= 5) w.compactString((m.groupType ?? ''));
  if (f) {
    w.uvarint(0);
  }
}

function readListGroupsResponseListedGroup(r: Reader, v: number): Complete<ListGroupsResponseListedGroup> {
  const f = v >= 3;
  const groupId_: string = (f ? r.compactString('ListGroupsResponseListedGroup.groupId') : r.string('ListGroupsResponseListedGroup.groupId'));
  const protocolType_: string = (f ? r.compactString('ListGroupsResponseListedGroup.protocolType') : r.string('ListGroupsResponseListedGroup.protocolType'));
  const groupState_: string = (v >= 4 ? r.compactString('ListGroupsResponseListedGroup.groupState') : '');
  const groupType_: string = (v >= 5 ? r.compactString('ListGroupsResponseListedGroup.groupType') : '');
  if (f) {
    r.skipTaggedFields();
  }
  return { groupId: groupId_, protocolType: protocolType_, groupState: groupState_, groupType: groupType_ };
}

export const ListGroupsResponse: MessageCodec<ListGroupsResponse> = {
  name: 'ListGroupsResponse',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 3,
  size: sizeListGroupsResponse,
  write: writeListGroupsResponse,
  read: readListGroupsResponse,
};
