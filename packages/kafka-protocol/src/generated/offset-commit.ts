// Generated from schema/offset-commit.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** OffsetCommitRequest (versions 0-9). */
export interface OffsetCommitRequest {
  /** GroupId: v0-9 */
  groupId: string;
  /** GenerationIdOrMemberEpoch: v1-9, default -1 */
  generationIdOrMemberEpoch?: number;
  /** MemberId: v1-9 */
  memberId?: string;
  /** GroupInstanceId: v7-9, nullable v7+, default null */
  groupInstanceId?: string | null;
  /** RetentionTimeMs: v2-4, default -1 */
  retentionTimeMs?: number;
  /** Topics: v0-9 */
  topics: readonly OffsetCommitRequestTopic[];
}

/** OffsetCommitRequest OffsetCommitRequestTopic (versions 0-9). */
export interface OffsetCommitRequestTopic {
  /** Name: v0-9 */
  name: string;
  /** Partitions: v0-9 */
  partitions: readonly OffsetCommitRequestPartition[];
}

/** OffsetCommitRequest OffsetCommitRequestPartition (versions 0-9). */
export interface OffsetCommitRequestPartition {
  /** PartitionIndex: v0-9 */
  partitionIndex: number;
  /** CommittedOffset: v0-9 */
  committedOffset: number;
  /** CommittedLeaderEpoch: v6-9, default -1 */
  committedLeaderEpoch?: number;
  /** CommitTimestamp: v1, default -1 */
  commitTimestamp?: number;
  /** CommittedMetadata: v0-9, nullable v0+ */
  committedMetadata: string | null;
}

/** OffsetCommitResponse (versions 0-9). */
export interface OffsetCommitResponse {
  /** ThrottleTimeMs: v3-9 */
  throttleTimeMs?: number;
  /** Topics: v0-9 */
  topics: readonly OffsetCommitResponseTopic[];
}

/** OffsetCommitResponse OffsetCommitResponseTopic (versions 0-9). */
export interface OffsetCommitResponseTopic {
  /** Name: v0-9 */
  name: string;
  /** Partitions: v0-9 */
  partitions: readonly OffsetCommitResponsePartition[];
}

/** OffsetCommitResponse OffsetCommitResponsePartition (versions 0-9). */
export interface OffsetCommitResponsePartition {
  /** PartitionIndex: v0-9 */
  partitionIndex: number;
  /** ErrorCode: v0-9 */
  errorCode: number;
}

function sizeOffsetCommitRequest(m: OffsetCommitRequest, v: number): number {
  const f = v >= 8;
  let n = 0;
  n += (f ? sizeOfCompactString(m.groupId) : sizeOfString(m.groupId));
  if (v >= 1) n += 4;
  if (v >= 1) {
    n += (f ? sizeOfCompactString((m.memberId ?? '')) : sizeOfString((m.memberId ?? '')));
  }
  if (v >= 7) {
    n += (f ? sizeOfCompactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)) : sizeOfNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)));
  }
  if (v >= 2 && v <= 4) n += 8;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetCommitRequestTopic(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeOffsetCommitRequest(w: Writer, m: OffsetCommitRequest, v: number): void {
  const f = v >= 8;
  if (f) w.compactString(m.groupId); else w.string(m.groupId);
  if (v >= 1) w.int32((m.generationIdOrMemberEpoch ?? -1));
  if (v >= 1) {
    if (f) w.compactString((m.memberId ?? '')); else w.string((m.memberId ?? ''));
  }
  if (v >= 7) {
    if (f) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  }
  if (v >= 2 && v <= 4) w.int64((m.retentionTimeMs ?? -1));
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetCommitRequestTopic(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetCommitRequest(r: Reader, v: number): Complete<OffsetCommitRequest> {
  const f = v >= 8;
  const groupId_: string = (f ? r.compactString('OffsetCommitRequest.groupId') : r.string('OffsetCommitRequest.groupId'));
  const generationIdOrMemberEpoch_: number = (v >= 1 ? r.int32() : -1);
  const memberId_: string = (v >= 1 ? (f ? r.compactString('OffsetCommitRequest.memberId') : r.string('OffsetCommitRequest.memberId')) : '');
  const groupInstanceId_: string | null = (v >= 7 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  const retentionTimeMs_: number = (v >= 2 && v <= 4 ? r.int64() : -1);
  let topics_: Complete<OffsetCommitRequestTopic>[];
  {
    const len0 = r.requiredArrayLength(f, 'OffsetCommitRequest.topics');
    const a0: Complete<OffsetCommitRequestTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetCommitRequestTopic(r, v));
    }
    topics_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { groupId: groupId_, generationIdOrMemberEpoch: generationIdOrMemberEpoch_, memberId: memberId_, groupInstanceId: groupInstanceId_, retentionTimeMs: retentionTimeMs_, topics: topics_ };
}

function sizeOffsetCommitRequestTopic(m: OffsetCommitRequestTopic, v: number): number {
  const f = v >= 8;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetCommitRequestPartition(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeOffsetCommitRequestTopic(w: Writer, m: OffsetCommitRequestTopic, v: number): void {
  const f = v >= 8;
  if (f) w.compactString(m.name); else w.string(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetCommitRequestPartition(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetCommitRequestTopic(r: Reader, v: number): Complete<OffsetCommitRequestTopic> {
  const f = v >= 8;
  const name_: string = (f ? r.compactString('OffsetCommitRequestTopic.name') : r.string('OffsetCommitRequestTopic.name'));
  let partitions_: Complete<OffsetCommitRequestPartition>[];
  {
    const len0 = r.requiredArrayLength(f, 'OffsetCommitRequestTopic.partitions');
    const a0: Complete<OffsetCommitRequestPartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetCommitRequestPartition(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, partitions: partitions_ };
}

function sizeOffsetCommitRequestPartition(m: OffsetCommitRequestPartition, v: number): number {
  const f = v >= 8;
  let n = 12;
  if (v >= 6) n += 4;
  if (v >= 1 && v <= 1) n += 8;
  n += (f ? sizeOfCompactNullableString(m.committedMetadata) : sizeOfNullableString(m.committedMetadata));
  if (f) n += 1;
  return n;
}

function writeOffsetCommitRequestPartition(w: Writer, m: OffsetCommitRequestPartition, v: number): void {
  const f = v >= 8;
  w.int32(m.partitionIndex);
  w.int64(m.committedOffset);
  if (v >= 6) w.int32((m.committedLeaderEpoch ?? -1));
  if (v >= 1 && v <= 1) w.int64((m.commitTimestamp ?? -1));
  if (f) w.compactNullableString(m.committedMetadata); else w.nullableString(m.committedMetadata);
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetCommitRequestPartition(r: Reader, v: number): Complete<OffsetCommitRequestPartition> {
  const f = v >= 8;
  const partitionIndex_: number = r.int32();
  const committedOffset_: number = r.int64();
  const committedLeaderEpoch_: number = (v >= 6 ? r.int32() : -1);
  const commitTimestamp_: number = (v >= 1 && v <= 1 ? r.int64() : -1);
  const committedMetadata_: string | null = (f ? r.compactNullableString() : r.nullableString());
  if (f) {
    r.skipTaggedFields();
  }
  return { partitionIndex: partitionIndex_, committedOffset: committedOffset_, committedLeaderEpoch: committedLeaderEpoch_, commitTimestamp: commitTimestamp_, committedMetadata: committedMetadata_ };
}

export const OffsetCommitRequest: MessageCodec<OffsetCommitRequest> = {
  name: 'OffsetCommitRequest',
  minVersion: 0,
  maxVersion: 9,
  flexibleMin: 8,
  size: sizeOffsetCommitRequest,
  write: writeOffsetCommitRequest,
  read: readOffsetCommitRequest,
};

function sizeOffsetCommitResponse(m: OffsetCommitResponse, v: number): number {
  const f = v >= 8;
  let n = 0;
  if (v >= 3) n += 4;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetCommitResponseTopic(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeOffsetCommitResponse(w: Writer, m: OffsetCommitResponse, v: number): void {
  const f = v >= 8;
  if (v >= 3) w.int32((m.throttleTimeMs ?? 0));
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetCommitResponseTopic(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetCommitResponse(r: Reader, v: number): Complete<OffsetCommitResponse> {
  const f = v >= 8;
  const throttleTimeMs_: number = (v >= 3 ? r.int32() : 0);
  let topics_: Complete<OffsetCommitResponseTopic>[];
  {
    const len0 = r.requiredArrayLength(f, 'OffsetCommitResponse.topics');
    const a0: Complete<OffsetCommitResponseTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetCommitResponseTopic(r, v));
    }
    topics_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, topics: topics_ };
}

function sizeOffsetCommitResponseTopic(m: OffsetCommitResponseTopic, v: number): number {
  const f = v >= 8;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetCommitResponsePartition(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeOffsetCommitResponseTopic(w: Writer, m: OffsetCommitResponseTopic, v: number): void {
  const f = v >= 8;
  if (f) w.compactString(m.name); else w.string(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetCommitResponsePartition(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetCommitResponseTopic(r: Reader, v: number): Complete<OffsetCommitResponseTopic> {
  const f = v >= 8;
  const name_: string = (f ? r.compactString('OffsetCommitResponseTopic.name') : r.string('OffsetCommitResponseTopic.name'));
  let partitions_: Complete<OffsetCommitResponsePartition>[];
  {
    const len0 = r.requiredArrayLength(f, 'OffsetCommitResponseTopic.partitions');
    const a0: Complete<OffsetCommitResponsePartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetCommitResponsePartition(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, partitions: partitions_ };
}

function sizeOffsetCommitResponsePartition(m: OffsetCommitResponsePartition, v: number): number {
  const f = v >= 8;
  let n = 6;
  if (f) n += 1;
  return n;
}

function writeOffsetCommitResponsePartition(w: Writer, m: OffsetCommitResponsePartition, v: number): void {
  const f = v >= 8;
  w.int32(m.partitionIndex);
  w.int16(m.errorCode);
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetCommitResponsePartition(r: Reader, v: number): Complete<OffsetCommitResponsePartition> {
  const f = v >= 8;
  const partitionIndex_: number = r.int32();
  const errorCode_: number = r.int16();
  if (f) {
    r.skipTaggedFields();
  }
  return { partitionIndex: partitionIndex_, errorCode: errorCode_ };
}

export const OffsetCommitResponse: MessageCodec<OffsetCommitResponse> = {
  name: 'OffsetCommitResponse',
  minVersion: 0,
  maxVersion: 9,
  flexibleMin: 8,
  size: sizeOffsetCommitResponse,
  write: writeOffsetCommitResponse,
  read: readOffsetCommitResponse,
};
