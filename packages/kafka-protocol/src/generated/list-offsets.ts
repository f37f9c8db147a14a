// Generated from schema/list-offsets.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfCompactString } from '../writer.js';

/** ListOffsetsRequest (versions 0-9). */
export interface ListOffsetsRequest {
  /** ReplicaId: v0-9 */
  replicaId: number;
  /** IsolationLevel: v2-9 */
  isolationLevel?: number;
  /** Topics: v0-9 */
  topics: readonly ListOffsetsRequestListOffsetsTopic[];
}

/** ListOffsetsRequest ListOffsetsTopic (versions 0-9). */
export interface ListOffsetsRequestListOffsetsTopic {
  /** Name: v0-9 */
  name: string;
  /** Partitions: v0-9 */
  partitions: readonly ListOffsetsRequestListOffsetsPartition[];
}

/** ListOffsetsRequest ListOffsetsPartition (versions 0-9). */
export interface ListOffsetsRequestListOffsetsPartition {
  /** PartitionIndex: v0-9 */
  partitionIndex: number;
  /** CurrentLeaderEpoch: v4-9, default -1 */
  currentLeaderEpoch?: number;
  /** Timestamp: v0-9 */
  timestamp: number;
  /** MaxNumOffsets: v0, default 1 */
  maxNumOffsets?: number;
}

/** ListOffsetsResponse (versions 0-9). */
export interface ListOffsetsResponse {
  /** ThrottleTimeMs: v2-9 */
  throttleTimeMs?: number;
  /** Topics: v0-9 */
  topics: readonly ListOffsetsResponseListOffsetsTopicResponse[];
}

/** ListOffsetsResponse ListOffsetsTopicResponse (versions 0-9). */
export interface ListOffsetsResponseListOffsetsTopicResponse {
  /** Name: v0-9 */
  name: string;
  /** Partitions: v0-9 */
  partitions: readonly ListOffsetsResponseListOffsetsPartitionResponse[];
}

/** ListOffsetsResponse ListOffsetsPartitionResponse (versions 0-9). */
export interface ListOffsetsResponseListOffsetsPartitionResponse {
  /** PartitionIndex: v0-9 */
  partitionIndex: number;
  /** ErrorCode: v0-9 */
  errorCode: number;
  /** OldStyleOffsets: v0 */
  oldStyleOffsets?: readonly number[];
  /** Timestamp: v1-9, default -1 */
  timestamp?: number;
  /** Offset: v1-9, default -1 */
  offset?: number;
  /** LeaderEpoch: v4-9, default -1 */
  leaderEpoch?: number;
}

function sizeListOffsetsRequest(m: ListOffsetsRequest, v: number): number {
  const f = v >= 6;
  let n = 4;
  if (v >= 2) n += 1;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeListOffsetsRequestListOffsetsTopic(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeListOffsetsRequest(w: Writer, m: ListOffsetsRequest, v: number): void {
  const f = v >= 6;
  w.int32(m.replicaId);
  if (v >= 2) w.int8((m.isolationLevel ?? 0));
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeListOffsetsRequestListOffsetsTopic(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readListOffsetsRequest(r: Reader, v: number): Complete<ListOffsetsRequest> {
  const f = v >= 6;
  const replicaId_: number = r.int32();
  const isolationLevel_: number = (v >= 2 ? r.int8() : 0);
  let topics_: Complete<ListOffsetsRequestListOffsetsTopic>[];
  {
    const len0 = r.requiredArrayLength(f, 'ListOffsetsRequest.topics');
    const a0: Complete<ListOffsetsRequestListOffsetsTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readListOffsetsRequestListOffsetsTopic(r, v));
    }
    topics_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { replicaId: replicaId_, isolationLevel: isolationLevel_, topics: topics_ };
}

function sizeListOffsetsRequestListOffsetsTopic(m: ListOffsetsRequestListOffsetsTopic, v: number): number {
  const f = v >= 6;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeListOffsetsRequestListOffsetsPartition(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeListOffsetsRequestListOffsetsTopic(w: Writer, m: ListOffsetsRequestListOffsetsTopic, v: number): void {
  const f = v >= 6;
  if (f) w.compactString(m.name); else w.string(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeListOffsetsRequestListOffsetsPartition(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readListOffsetsRequestListOffsetsTopic(r: Reader, v: number): Complete<ListOffsetsRequestListOffsetsTopic> {
  const f = v >= 6;
  const name_: string = (f ? r.compactString('ListOffsetsRequestListOffsetsTopic.name') : r.string('ListOffsetsRequestListOffsetsTopic.name'));
  let partitions_: Complete<ListOffsetsRequestListOffsetsPartition>[];
  {
    const len0 = r.requiredArrayLength(f, 'ListOffsetsRequestListOffsetsTopic.partitions');
    const a0: Complete<ListOffsetsRequestListOffsetsPartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readListOffsetsRequestListOffsetsPartition(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, partitions: partitions_ };
}

function sizeListOffsetsRequestListOffsetsPartition(m: ListOffsetsRequestListOffsetsPartition, v: number): number {
  const f = v >= 6;
  let n = 12;
  if (v >= 4) n += 4;
  if (v <= 0) n += 4;
  if (f) n += 1;
  return n;
}

function writeListOffsetsRequestListOffsetsPartition(w: Writer, m: ListOffsetsRequestListOffsetsPartition, v: number): void {
  const f = v >= 6;
  w.int32(m.partitionIndex);
  if (v >= 4) w.int32((m.currentLeaderEpoch ?? -1));
  w.int64(m.timestamp);
  if (v <= 0) w.int32((m.maxNumOffsets ?? 1));
  if (f) {
    w.uvarint(0);
  }
}

function readListOffsetsRequestListOffsetsPartition(r: Reader, v: number): Complete<ListOffsetsRequestListOffsetsPartition> {
  const f = v >= 6;
  const partitionIndex_: number = r.int32();
  const currentLeaderEpoch_: number = (v >= 4 ? r.int32() : -1);
  const timestamp_: number = r.int64();
  const maxNumOffsets_: number = (v <= 0 ? r.int32() : 1);
  if (f) {
    r.skipTaggedFields();
  }
  return { partitionIndex: partitionIndex_, currentLeaderEpoch: currentLeaderEpoch_, timestamp: timestamp_, maxNumOffsets: maxNumOffsets_ };
}

export const ListOffsetsRequest: MessageCodec<ListOffsetsRequest> = {
  name: 'ListOffsetsRequest',
  minVersion: 0,
  maxVersion: 9,
  flexibleMin: 6,
  size: sizeListOffsetsRequest,
  write: writeListOffsetsRequest,
  read: readListOffsetsRequest,
};

function sizeListOffsetsResponse(m: ListOffsetsResponse, v: number): number {
  const f = v >= 6;
  let n = 0;
  if (v >= 2) n += 4;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeListOffsetsResponseListOffsetsTopicResponse(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeListOffsetsResponse(w: Writer, m: ListOffsetsResponse, v: number): void {
  const f = v >= 6;
  if (v >= 2) w.int32((m.throttleTimeMs ?? 0));
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeListOffsetsResponseListOffsetsTopicResponse(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readListOffsetsResponse(r: Reader, v: number): Complete<ListOffsetsResponse> {
  const f = v >= 6;
  const throttleTimeMs_: number = (v >= 2 ? r.int32() : 0);
  let topics_: Complete<ListOffsetsResponseListOffsetsTopicResponse>[];
  {
    const len0 = r.requiredArrayLength(f, 'ListOffsetsResponse.topics');
    const a0: Complete<ListOffsetsResponseListOffsetsTopicResponse>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readListOffsetsResponseListOffsetsTopicResponse(r, v));
    }
    topics_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, topics: topics_ };
}

function sizeListOffsetsResponseListOffsetsTopicResponse(m: ListOffsetsResponseListOffsetsTopicResponse, v: number): number {
  const f = v >= 6;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeListOffsetsResponseListOffsetsPartitionResponse(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeListOffsetsResponseListOffsetsTopicResponse(w: Writer, m: ListOffsetsResponseListOffsetsTopicResponse, v: number): void {
  const f = v >= 6;
  if (f) w.compactString(m.name); else w.string(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeListOffsetsResponseListOffsetsPartitionResponse(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readListOffsetsResponseListOffsetsTopicResponse(r: Reader, v: number): Complete<ListOffsetsResponseListOffsetsTopicResponse> {
  const f = v >= 6;
  const name_: string = (f ? r.compactString('ListOffsetsResponseListOffsetsTopicResponse.name') : r.string('ListOffsetsResponseListOffsetsTopicResponse.name'));
  let partitions_: Complete<ListOffsetsResponseListOffsetsPartitionResponse>[];
  {
    const len0 = r.requiredArrayLength(f, 'ListOffsetsResponseListOffsetsTopicResponse.partitions');
    const a0: Complete<ListOffsetsResponseListOffsetsPartitionResponse>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readListOffsetsResponseListOffsetsPartitionResponse(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, partitions: partitions_ };
}

function sizeListOffsetsResponseListOffsetsPartitionResponse(m: ListOffsetsResponseListOffsetsPartitionResponse, v: number): number {
  const f = v >= 6;
  let n = 6;
  if (v <= 0) {
    {
      const a0 = (m.oldStyleOffsets ?? []);
      n += 4 + a0.length * 8;
    }
  }
  if (v >= 1) n += 8;
  if (v >= 1) n += 8;
  if (v >= 4) n += 4;
  if (f) n += 1;
  return n;
}

function writeListOffsetsResponseListOffsetsPartitionResponse(w: Writer, m: ListOffsetsResponseListOffsetsPartitionResponse, v: number): void {
  const f = v >= 6;
  w.int32(m.partitionIndex);
  w.int16(m.errorCode);
  if (v <= 0) {
    {
      const a0 = (m.oldStyleOffsets ?? []);
      w.arrayLength(false, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        w.int64(a0[i0]!);
      }
    }
  }
  if (v >= 1) w.int64((m.timestamp ?? -1));
  if (v >= 1) w.int64((m.offset ?? -1));
  if (v >= 4) w.int32((m.leaderEpoch ?? -1));
  if (f) {
    w.uvarint(0);
  }
}

function readListOffsetsResponseListOffsetsPartitionResponse(r: Reader, v: number): Complete<ListOffsetsResponseListOffsetsPartitionResponse> {
  const f = v >= 6;
  const partitionIndex_: number = r.int32();
  const errorCode_: number = r.int16();
  let oldStyleOffsets_: number[] = [];
  if (v <= 0) {
    {
      const len0 = r.requiredArrayLength(false, 'ListOffsetsResponseListOffsetsPartitionResponse.oldStyleOffsets');
      const a0: number[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(r.int64());
      }
      oldStyleOffsets_ = a0;
    }
  }
  const timestamp_: number = (v >= 1 ? r.int64() : -1);
  const offset_: number = (v >= 1 ? r.int64() : -1);
  const leaderEpoch_: number = (v >= 4 ? r.int32() : -1);
  if (f) {
    r.skipTaggedFields();
  }
  return { partitionIndex: partitionIndex_, errorCode: errorCode_, oldStyleOffsets: oldStyleOffsets_, timestamp: timestamp_, offset: offset_, leaderEpoch: leaderEpoch_ };
}

export const ListOffsetsResponse: MessageCodec<ListOffsetsResponse> = {
  name: 'ListOffsetsResponse',
  minVersion: 0,
  maxVersion: 9,
  flexibleMin: 6,
  size: sizeListOffsetsResponse,
  write: writeListOffsetsResponse,
  read: readListOffsetsResponse,
};
