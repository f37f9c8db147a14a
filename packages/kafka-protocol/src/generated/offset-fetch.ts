// Generated from schema/offset-fetch.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';
import { notNullable } from '../generated-support.js';

/** OffsetFetchRequest (versions 0-9). */
export interface OffsetFetchRequest {
  /** GroupId: v0-7 */
  groupId?: string;
  /** Topics: v0-7, nullable v2-7 */
  topics?: readonly OffsetFetchRequestTopic[] | null;
  /** Groups: v8-9 */
  groups?: readonly OffsetFetchRequestGroup[];
  /** RequireStable: v7-9 */
  requireStable?: boolean;
}

/** OffsetFetchRequest OffsetFetchRequestTopic (versions 0-7). */
export interface OffsetFetchRequestTopic {
  /** Name: v0-7 */
  name: string;
  /** PartitionIndexes: v0-7 */
  partitionIndexes: readonly number[];
}

/** OffsetFetchRequest OffsetFetchRequestGroup (versions 8-9). */
export interface OffsetFetchRequestGroup {
  /** GroupId: v8-9 */
  groupId: string;
  /** MemberId: v9, nullable v9+, default null */
  memberId?: string | null;
  /** MemberEpoch: v9, default -1 */
  memberEpoch?: number;
  /** Topics: v8-9, nullable v0+ */
  topics: readonly OffsetFetchRequestTopics[] | null;
}

/** OffsetFetchRequest OffsetFetchRequestTopics (versions 8-9). */
export interface OffsetFetchRequestTopics {
  /** Name: v8-9 */
  name: string;
  /** PartitionIndexes: v8-9 */
  partitionIndexes: readonly number[];
}

/** OffsetFetchResponse (versions 0-9). */
export interface OffsetFetchResponse {
  /** ThrottleTimeMs: v3-9 */
  throttleTimeMs?: number;
  /** Topics: v0-7 */
  topics?: readonly OffsetFetchResponseTopic[];
  /** ErrorCode: v2-7 */
  errorCode?: number;
  /** Groups: v8-9 */
  groups?: readonly OffsetFetchResponseGroup[];
}

/** OffsetFetchResponse OffsetFetchResponseTopic (versions 0-7). */
export interface OffsetFetchResponseTopic {
  /** Name: v0-7 */
  name: string;
  /** Partitions: v0-7 */
  partitions: readonly OffsetFetchResponsePartition[];
}

/** OffsetFetchResponse OffsetFetchResponsePartition (versions 0-7). */
export interface OffsetFetchResponsePartition {
  /** PartitionIndex: v0-7 */
  partitionIndex: number;
  /** CommittedOffset: v0-7 */
  committedOffset: number;
  /** CommittedLeaderEpoch: v5-7, default -1 */
  committedLeaderEpoch?: number;
  /** Metadata: v0-7, nullable v0+ */
  metadata: string | null;
  /** ErrorCode: v0-7 */
  errorCode: number;
}

/** OffsetFetchResponse OffsetFetchResponseGroup (versions 8-9). */
export interface OffsetFetchResponseGroup {
  /** GroupId: v8-9 */
  groupId: string;
  /** Topics: v8-9 */
  topics: readonly OffsetFetchResponseTopics[];
  /** ErrorCode: v8-9 */
  errorCode: number;
}

/** OffsetFetchResponse OffsetFetchResponseTopics (versions 8-9). */
export interface OffsetFetchResponseTopics {
  /** Name: v8-9 */
  name: string;
  /** Partitions: v8-9 */
  partitions: readonly OffsetFetchResponsePartitions[];
}

/** OffsetFetchResponse OffsetFetchResponsePartitions (versions 8-9). */
export interface OffsetFetchResponsePartitions {
  /** PartitionIndex: v8-9 */
  partitionIndex: number;
  /** CommittedOffset: v8-9 */
  committedOffset: number;
  /** CommittedLeaderEpoch: v8-9, default -1 */
  committedLeaderEpoch: number;
  /** Metadata: v8-9, nullable v0+ */
  metadata: string | null;
  /** ErrorCode: v8-9 */
  errorCode: number;
}

function sizeOffsetFetchRequest(m: OffsetFetchRequest, v: number): number {
  const f = v >= 6;
  let n = 0;
  if (v <= 7) {
    n += (f ? sizeOfCompactString((m.groupId ?? '')) : sizeOfString((m.groupId ?? '')));
  }
  if (v <= 7) {
    {
      const a0 = (m.topics === undefined ? [] : m.topics);
      if (a0 === null) n += (f ? 1 : 4);
      else {
        n += (f ? sizeOfUvarint(a0.length + 1) : 4);
        for (let i0 = 0; i0 < a0.length; i0++) {
          n += sizeOffsetFetchRequestTopic(a0[i0]!, v);
        }
      }
    }
  }
  if (v >= 8) {
    {
      const a0 = (m.groups ?? []);
      n += sizeOfUvarint(a0.length + 1);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeOffsetFetchRequestGroup(a0[i0]!, v);
      }
    }
  }
  if (v >= 7) n += 1;
  if (f) n += 1;
  return n;
}

function writeOffsetFetchRequest(w: Writer, m: OffsetFetchRequest, v: number): void {
  const f = v >= 6;
  if (v <= 7) {
    if (f) w.compactString((m.groupId ?? '')); else w.string((m.groupId ?? ''));
  }
  if (v <= 7) {
    if ((m.topics === undefined ? [] : m.topics) === null && !(v >= 2)) throw notNullable('OffsetFetchRequest.topics', v);
    {
      const a0 = (m.topics === undefined ? [] : m.topics);
      if (a0 === null) w.nullArray(f);
      else {
        w.arrayLength(f, a0.length);
        for (let i0 = 0; i0 < a0.length; i0++) {
          writeOffsetFetchRequestTopic(w, a0[i0]!, v);
        }
      }
    }
  }
  if (v >= 8) {
    {
      const a0 = (m.groups ?? []);
      w.arrayLength(true, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeOffsetFetchRequestGroup(w, a0[i0]!, v);
      }
    }
  }
  if (v >= 7) w.bool((m.requireStable ?? false));
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetFetchRequest(r: Reader, v: number): Complete<OffsetFetchRequest> {
  const f = v >= 6;
  const groupId_: string = (v <= 7 ? (f ? r.compactString('OffsetFetchRequest.groupId') : r.string('OffsetFetchRequest.groupId')) : '');
  let topics_: Complete<OffsetFetchRequestTopic>[] | null = [];
  if (v <= 7) {
    {
      const len0 = (v >= 2 ? r.arrayLength(f, 'OffsetFetchRequest.topics') : r.requiredArrayLength(f, 'OffsetFetchRequest.topics'));
      if (len0 < 0) topics_ = null;
      else {
        const a0: Complete<OffsetFetchRequestTopic>[] = [];
        for (let i0 = 0; i0 < len0; i0++) {
          a0.push(readOffsetFetchRequestTopic(r, v));
        }
        topics_ = a0;
      }
    }
  }
  let groups_: Complete<OffsetFetchRequestGroup>[] = [];
  if (v >= 8) {
    {
      const len0 = r.requiredArrayLength(true, 'OffsetFetchRequest.groups');
      const a0: Complete<OffsetFetchRequestGroup>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readOffsetFetchRequestGroup(r, v));
      }
      groups_ = a0;
    }
  }
  const requireStable_: boolean = (v >= 7 ? r.bool() : false);
  if (f) {
    r.skipTaggedFields();
  }
  return { groupId: groupId_, topics: topics_, groups: groups_, requireStable: requireStable_ };
}

function sizeOffsetFetchRequestTopic(m: OffsetFetchRequestTopic, v: number): number {
  const f = v >= 6;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.partitionIndexes;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4) + a0.length * 4;
  }
  if (f) n += 1;
  return n;
}

function writeOffsetFetchRequestTopic(w: Writer, m: OffsetFetchRequestTopic, v: number): void {
  const f = v >= 6;
  if (f) w.compactString(m.name); else w.string(m.name);
  {
    const a0 = m.partitionIndexes;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.int32(a0[i0]!);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetFetchRequestTopic(r: Reader, v: number): Complete<OffsetFetchRequestTopic> {
  const f = v >= 6;
  const name_: string = (f ? r.compactString('OffsetFetchRequestTopic.name') : r.string('OffsetFetchRequestTopic.name'));
  let partitionIndexes_: number[];
  {
    const len0 = r.requiredArrayLength(f, 'OffsetFetchRequestTopic.partitionIndexes');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    partitionIndexes_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, partitionIndexes: partitionIndexes_ };
}

function sizeOffsetFetchRequestGroup(m: OffsetFetchRequestGroup, v: number): number {
  let n = 1;
  n += sizeOfCompactString(m.groupId);
  if (v >= 9) {
    n += sizeOfCompactNullableString((m.memberId === undefined ? null : m.memberId));
  }
  if (v >= 9) n += 4;
  {
    const a0 = m.topics;
    if (a0 === null) n += 1;
    else {
      n += sizeOfUvarint(a0.length + 1);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeOffsetFetchRequestTopics(a0[i0]!, v);
      }
    }
  }
  return n;
}

function writeOffsetFetchRequestGroup(w: Writer, m: OffsetFetchRequestGroup, v: number): void {
  w.compactString(m.groupId);
  if (v >= 9) w.compactNullableString((m.memberId === undefined ? null : m.memberId));
  if (v >= 9) w.int32((m.memberEpoch ?? -1));
  {
    const a0 = m.topics;
    if (a0 === null) w.nullArray(true);
    else {
      w.arrayLength(true, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeOffsetFetchRequestTopics(w, a0[i0]!, v);
      }
    }
  }
  w.uvarint(0);
}

function readOffsetFetchRequestGroup(r: Reader, v: number): Complete<OffsetFetchRequestGroup> {
  const groupId_: string = r.compactString('OffsetFetchRequestGroup.groupId');
  const memberId_: string | null = (v >= 9 ? r.compactNullableString() : null);
  const memberEpoch_: number = (v >= 9 ? r.int32() : -1);
  let topics_: Complete<OffsetFetchRequestTopics>[] | null;
  {
    const len0 = r.arrayLength(true, 'OffsetFetchRequestGroup.topics');
    if (len0 < 0) topics_ = null;
    else {
      const a0: Complete<OffsetFetchRequestTopics>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readOffsetFetchRequestTopics(r, v));
      }
      topics_ = a0;
    }
  }
  r.skipTaggedFields();
  return { groupId: groupId_, memberId: memberId_, memberEpoch: memberEpoch_, topics: topics_ };
}

function sizeOffsetFetchRequestTopics(m: OffsetFetchRequestTopics, v: number): number {
  let n = 1;
  n += sizeOfCompactString(m.name);
  {
    const a0 = m.partitionIndexes;
    n += sizeOfUvarint(a0.length + 1) + a0.length * 4;
  }
  return n;
}

function writeOffsetFetchRequestTopics(w: Writer, m: OffsetFetchRequestTopics, v: number): void {
  w.compactString(m.name);
  {
    const a0 = m.partitionIndexes;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.int32(a0[i0]!);
    }
  }
  w.uvarint(0);
}

function readOffsetFetchRequestTopics(r: Reader, v: number): Complete<OffsetFetchRequestTopics> {
  const name_: string = r.compactString('OffsetFetchRequestTopics.name');
  let partitionIndexes_: number[];
  {
    const len0 = r.requiredArrayLength(true, 'OffsetFetchRequestTopics.partitionIndexes');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    partitionIndexes_ = a0;
  }
  r.skipTaggedFields();
  return { name: name_, partitionIndexes: partitionIndexes_ };
}

export const OffsetFetchRequest: MessageCodec<OffsetFetchRequest> = {
  name: 'OffsetFetchRequest',
  minVersion: 0,
  maxVersion: 9,
  flexibleMin: 6,
  size: sizeOffsetFetchRequest,
  write: writeOffsetFetchRequest,
  read: readOffsetFetchRequest,
};

function sizeOffsetFetchResponse(m: OffsetFetchResponse, v: number): number {
  const f = v >= 6;
  let n = 0;
  if (v >= 3) n += 4;
  if (v <= 7) {
    {
      const a0 = (m.topics ?? []);
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeOffsetFetchResponseTopic(a0[i0]!, v);
      }
    }
  }
  if (v >= 2 && v <= 7) n += 2;
  if (v >= 8) {
    {
      const a0 = (m.groups ?? []);
      n += sizeOfUvarint(a0.length + 1);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeOffsetFetchResponseGroup(a0[i0]!, v);
      }
    }
  }
  if (f) n += 1;
  return n;
}

function writeOffsetFetchResponse(w: Writer, m: OffsetFetchResponse, v: number): void {
  const f = v >= 6;
  if (v >= 3) w.int32((m.throttleTimeMs ?? 0));
  if (v <= 7) {
    {
      const a0 = (m.topics ?? []);
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeOffsetFetchResponseTopic(w, a0[i0]!, v);
      }
    }
  }
  if (v >= 2 && v <= 7) w.int16((m.errorCode ?? 0));
  if (v >= 8) {
    {
      const a0 = (m.groups ?? []);
      w.arrayLength(true, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeOffsetFetchResponseGroup(w, a0[i0]!, v);
      }
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetFetchResponse(r: Reader, v: number): Complete<OffsetFetchResponse> {
  const f = v >= 6;
  const throttleTimeMs_: number = (v >= 3 ? r.int32() : 0);
  let topics_: Complete<OffsetFetchResponseTopic>[] = [];
  if (v <= 7) {
    {
      const len0 = r.requiredArrayLength(f, 'OffsetFetchResponse.topics');
      const a0: Complete<OffsetFetchResponseTopic>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readOffsetFetchResponseTopic(r, v));
      }
      topics_ = a0;
    }
  }
  const errorCode_: number = (v >= 2 && v <= 7 ? r.int16() : 0);
  let groups_: Complete<OffsetFetchResponseGroup>[] = [];
  if (v >= 8) {
    {
      const len0 = r.requiredArrayLength(true, 'OffsetFetchResponse.groups');
      const a0: Complete<OffsetFetchResponseGroup>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readOffsetFetchResponseGroup(r, v));
      }
      groups_ = a0;
    }
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, topics: topics_, errorCode: errorCode_, groups: groups_ };
}

function sizeOffsetFetchResponseTopic(m: OffsetFetchResponseTopic, v: number): number {
  const f = v >= 6;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetFetchResponsePartition(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeOffsetFetchResponseTopic(w: Writer, m: OffsetFetchResponseTopic, v: number): void {
  const f = v >= 6;
  if (f) w.compactString(m.name); else w.string(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetFetchResponsePartition(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetFetchResponseTopic(r: Reader, v: number): Complete<OffsetFetchResponseTopic> {
  const f = v >= 6;
  const name_: string = (f ? r.compactString('OffsetFetchResponseTopic.name') : r.string('OffsetFetchResponseTopic.name'));
  let partitions_: Complete<OffsetFetchResponsePartition>[];
  {
    const len0 = r.requiredArrayLength(f, 'OffsetFetchResponseTopic.partitions');
    const a0: Complete<OffsetFetchResponsePartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetFetchResponsePartition(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, partitions: partitions_ };
}

function sizeOffsetFetchResponsePartition(m: OffsetFetchResponsePartition, v: number): number {
  const f = v >= 6;
  let n = 14;
  if (v >= 5) n += 4;
  n += (f ? sizeOfCompactNullableString(m.metadata) : sizeOfNullableString(m.metadata));
  if (f) n += 1;
  return n;
}

function writeOffsetFetchResponsePartition(w: Writer, m: OffsetFetchResponsePartition, v: number): void {
  const f = v >= 6;
  w.int32(m.partitionIndex);
  w.int64(m.committedOffset);
  if (v >= 5) w.int32((m.committedLeaderEpoch ?? -1));
  if (f) w.compactNullableString(m.metadata); else w.nullableString(m.metadata);
  w.int16(m.errorCode);
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetFetchResponsePartition(r: Reader, v: number): Complete<OffsetFetchResponsePartition> {
  const f = v >= 6;
  const partitionIndex_: number = r.int32();
  const committedOffset_: number = r.int64();
  const committedLeaderEpoch_: number = (v >= 5 ? r.int32() : -1);
  const metadata_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const errorCode_: number = r.int16();
  if (f) {
    r.skipTaggedFields();
  }
  return { partitionIndex: partitionIndex_, committedOffset: committedOffset_, committedLeaderEpoch: committedLeaderEpoch_, metadata: metadata_, errorCode: errorCode_ };
}

function sizeOffsetFetchResponseGroup(m: OffsetFetchResponseGroup, v: number): number {
  let n = 3;
  n += sizeOfCompactString(m.groupId);
  {
    const a0 = m.topics;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetFetchResponseTopics(a0[i0]!, v);
    }
  }
  return n;
}

function writeOffsetFetchResponseGroup(w: Writer, m: OffsetFetchResponseGroup, v: number): void {
  w.compactString(m.groupId);
  {
    const a0 = m.topics;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetFetchResponseTopics(w, a0[i0]!, v);
    }
  }
  w.int16(m.errorCode);
  w.uvarint(0);
}

function readOffsetFetchResponseGroup(r: Reader, v: number): Complete<OffsetFetchResponseGroup> {
  const groupId_: string = r.compactString('OffsetFetchResponseGroup.groupId');
  let topics_: Complete<OffsetFetchResponseTopics>[];
  {
    const len0 = r.requiredArrayLength(true, 'OffsetFetchResponseGroup.topics');
    const a0: Complete<OffsetFetchResponseTopics>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetFetchResponseTopics(r, v));
    }
    topics_ = a0;
  }
  const errorCode_: number = r.int16();
  r.skipTaggedFields();
  return { groupId: groupId_, topics: topics_, errorCode: errorCode_ };
}

function sizeOffsetFetchResponseTopics(m: OffsetFetchResponseTopics, v: number): number {
  let n = 1;
  n += sizeOfCompactString(m.name);
  {
    const a0 = m.partitions;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetFetchResponsePartitions(a0[i0]!, v);
    }
  }
  return n;
}

function writeOffsetFetchResponseTopics(w: Writer, m: OffsetFetchResponseTopics, v: number): void {
  w.compactString(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetFetchResponsePartitions(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readOffsetFetchResponseTopics(r: Reader, v: number): Complete<OffsetFetchResponseTopics> {
  const name_: string = r.compactString('OffsetFetchResponseTopics.name');
  let partitions_: Complete<OffsetFetchResponsePartitions>[];
  {
    const len0 = r.requiredArrayLength(true, 'OffsetFetchResponseTopics.partitions');
    const a0: Complete<OffsetFetchResponsePartitions>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetFetchResponsePartitions(r, v));
    }
    partitions_ = a0;
  }
  r.skipTaggedFields();
  return { name: name_, partitions: partitions_ };
}

function sizeOffsetFetchResponsePartitions(m: OffsetFetchResponsePartitions, v: number): number {
  let n = 19;
  n += sizeOfCompactNullableString(m.metadata);
  return n;
}

function writeOffsetFetchResponsePartitions(w: Writer, m: OffsetFetchResponsePartitions, v: number): void {
  w.int32(m.partitionIndex);
  w.int64(m.committedOffset);
  w.int32(m.committedLeaderEpoch);
  w.compactNullableString(m.metadata);
  w.int16(m.errorCode);
  w.uvarint(0);
}

function readOffsetFetchResponsePartitions(r: Reader, v: number): Complete<OffsetFetchResponsePartitions> {
  const partitionIndex_: number = r.int32();
  const committedOffset_: number = r.int64();
  const committedLeaderEpoch_: number = r.int32();
  const metadata_: string | null = r.compactNullableString();
  const errorCode_: number = r.int16();
  r.skipTaggedFields();
  return { partitionIndex: partitionIndex_, committedOffset: committedOffset_, committedLeaderEpoch: committedLeaderEpoch_, metadata: metadata_, errorCode: errorCode_ };
}

export const OffsetFetchResponse: MessageCodec<OffsetFetchResponse> = {
  name: 'OffsetFetchResponse',
  minVersion: 0,
  maxVersion: 9,
  flexibleMin: 6,
  size: sizeOffsetFetchResponse,
  write: writeOffsetFetchResponse,
  read: readOffsetFetchResponse,
};
