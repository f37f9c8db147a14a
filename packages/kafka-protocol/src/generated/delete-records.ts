// Generated from schema/delete-records.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfCompactString } from '../writer.js';

/** DeleteRecordsRequest (versions 0-2). */
export interface DeleteRecordsRequest {
  /** Topics: v0-2 */
  topics: readonly DeleteRecordsRequestDeleteRecordsTopic[];
  /** TimeoutMs: v0-2 */
  timeoutMs: number;
}

/** DeleteRecordsRequest DeleteRecordsTopic (versions 0-2). */
export interface DeleteRecordsRequestDeleteRecordsTopic {
  /** Name: v0-2 */
  name: string;
  /** Partitions: v0-2 */
  partitions: readonly DeleteRecordsRequestDeleteRecordsPartition[];
}

/** DeleteRecordsRequest DeleteRecordsPartition (versions 0-2). */
export interface DeleteRecordsRequestDeleteRecordsPartition {
  /** PartitionIndex: v0-2 */
  partitionIndex: number;
  /** Offset: v0-2 */
  offset: number;
}

/** DeleteRecordsResponse (versions 0-2). */
export interface DeleteRecordsResponse {
  /** ThrottleTimeMs: v0-2 */
  throttleTimeMs: number;
  /** Topics: v0-2 */
  topics: readonly DeleteRecordsResponseDeleteRecordsTopicResult[];
}

/** DeleteRecordsResponse DeleteRecordsTopicResult (versions 0-2). */
export interface DeleteRecordsResponseDeleteRecordsTopicResult {
  /** Name: v0-2 */
  name: string;
  /** Partitions: v0-2 */
  partitions: readonly DeleteRecordsResponseDeleteRecordsPartitionResult[];
}

/** DeleteRecordsResponse DeleteRecordsPartitionResult (versions 0-2). */
export interface DeleteRecordsResponseDeleteRecordsPartitionResult {
  /** PartitionIndex: v0-2 */
  partitionIndex: number;
  /** LowWatermark: v0-2 */
  lowWatermark: number;
  /** ErrorCode: v0-2 */
  errorCode: number;
}

function sizeDeleteRecordsRequest(m: DeleteRecordsRequest, v: number): number {
  const f = v >= 2;
  let n = 4;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDeleteRecordsRequestDeleteRecordsTopic(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDeleteRecordsRequest(w: Writer, m: DeleteRecordsRequest, v: number): void {
  const f = v >= 2;
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDeleteRecordsRequestDeleteRecordsTopic(w, a0[i0]!, v);
    }
  }
  w.int32(m.timeoutMs);
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteRecordsRequest(r: Reader, v: number): Complete<DeleteRecordsRequest> {
  const f = v >= 2;
  let topics_: Complete<DeleteRecordsRequestDeleteRecordsTopic>[];
  {
    const len0 = r.requiredArrayLength(f, 'DeleteRecordsRequest.topics');
    const a0: Complete<DeleteRecordsRequestDeleteRecordsTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDeleteRecordsRequestDeleteRecordsTopic(r, v));
    }
    topics_ = a0;
  }
  const timeoutMs_: number = r.int32();
  if (f) {
    r.skipTaggedFields();
  }
  return { topics: topics_, timeoutMs: timeoutMs_ };
}

function sizeDeleteRecordsRequestDeleteRecordsTopic(m: DeleteRecordsRequestDeleteRecordsTopic, v: number): number {
  const f = v >= 2;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDeleteRecordsRequestDeleteRecordsPartition(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDeleteRecordsRequestDeleteRecordsTopic(w: Writer, m: DeleteRecordsRequestDeleteRecordsTopic, v: number): void {
  const f = v >= 2;
  if (f) w.compactString(m.name); else w.string(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDeleteRecordsRequestDeleteRecordsPartition(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteRecordsRequestDeleteRecordsTopic(r: Reader, v: number): Complete<DeleteRecordsRequestDeleteRecordsTopic> {
  const f = v >= 2;
  const name_: string = (f ? r.compactString('DeleteRecordsRequestDeleteRecordsTopic.name') : r.string('DeleteRecordsRequestDeleteRecordsTopic.name'));
  let partitions_: Complete<DeleteRecordsRequestDeleteRecordsPartition>[];
  {
    const len0 = r.requiredArrayLength(f, 'DeleteRecordsRequestDeleteRecordsTopic.partitions');
    const a0: Complete<DeleteRecordsRequestDeleteRecordsPartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDeleteRecordsRequestDeleteRecordsPartition(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, partitions: partitions_ };
}

function sizeDeleteRecordsRequestDeleteRecordsPartition(m: DeleteRecordsRequestDeleteRecordsPartition, v: number): number {
  const f = v >= 2;
  let n = 12;
  if (f) n += 1;
  return n;
}

function writeDeleteRecordsRequestDeleteRecordsPartition(w: Writer, m: DeleteRecordsRequestDeleteRecordsPartition, v: number): void {
  const f = v >= 2;
  w.int32(m.partitionIndex);
  w.int64(m.offset);
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteRecordsRequestDeleteRecordsPartition(r: Reader, v: number): Complete<DeleteRecordsRequestDeleteRecordsPartition> {
  const f = v >= 2;
  const partitionIndex_: number = r.int32();
  const offset_: number = r.int64();
  if (f) {
    r.skipTaggedFields();
  }
  return { partitionIndex: partitionIndex_, offset: offset_ };
}

export const DeleteRecordsRequest: MessageCodec<DeleteRecordsRequest> = {
  name: 'DeleteRecordsRequest',
  minVersion: 0,
  maxVersion: 2,
  flexibleMin: 2,
  size: sizeDeleteRecordsRequest,
  write: writeDeleteRecordsRequest,
  read: readDeleteRecordsRequest,
};

function sizeDeleteRecordsResponse(m: DeleteRecordsResponse, v: number): number {
  const f = v >= 2;
  let n = 4;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDeleteRecordsResponseDeleteRecordsTopicResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDeleteRecordsResponse(w: Writer, m: DeleteRecordsResponse, v: number): void {
  const f = v >= 2;
  w.int32(m.throttleTimeMs);
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDeleteRecordsResponseDeleteRecordsTopicResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteRecordsResponse(r: Reader, v: number): Complete<DeleteRecordsResponse> {
  const f = v >= 2;
  const throttleTimeMs_: number = r.int32();
  let topics_: Complete<DeleteRecordsResponseDeleteRecordsTopicResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'DeleteRecordsResponse.topics');
    const a0: Complete<DeleteRecordsResponseDeleteRecordsTopicResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDeleteRecordsResponseDeleteRecordsTopicResult(r, v));
    }
    topics_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, topics: topics_ };
}

function sizeDeleteRecordsResponseDeleteRecordsTopicResult(m: DeleteRecordsResponseDeleteRecordsTopicResult, v: number): number {
  const f = v >= 2;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDeleteRecordsResponseDeleteRecordsPartitionResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDeleteRecordsResponseDeleteRecordsTopicResult(w: Writer, m: DeleteRecordsResponseDeleteRecordsTopicResult, v: number): void {
  const f = v >= 2;
  if (f) w.compactString(m.name); else w.string(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDeleteRecordsResponseDeleteRecordsPartitionResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteRecordsResponseDeleteRecordsTopicResult(r: Reader, v: number): Complete<DeleteRecordsResponseDeleteRecordsTopicResult> {
  const f = v >= 2;
  const name_: string = (f ? r.compactString('DeleteRecordsResponseDeleteRecordsTopicResult.name') : r.string('DeleteRecordsResponseDeleteRecordsTopicResult.name'));
  let partitions_: Complete<DeleteRecordsResponseDeleteRecordsPartitionResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'DeleteRecordsResponseDeleteRecordsTopicResult.partitions');
    const a0: Complete<DeleteRecordsResponseDeleteRecordsPartitionResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDeleteRecordsResponseDeleteRecordsPartitionResult(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, partitions: partitions_ };
}

function sizeDeleteRecordsResponseDeleteRecordsPartitionResult(m: DeleteRecordsResponseDeleteRecordsPartitionResult, v: number): number {
  const f = v >= 2;
  let n = 14;
  if (f) n += 1;
  return n;
}

function writeDeleteRecordsResponseDeleteRecordsPartitionResult(w: Writer, m: DeleteRecordsResponseDeleteRecordsPartitionResult, v: number): void {
  const f = v >= 2;
  w.int32(m.partitionIndex);
  w.int64(m.lowWatermark);
  w.int16(m.errorCode);
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteRecordsResponseDeleteRecordsPartitionResult(r: Reader, v: number): Complete<DeleteRecordsResponseDeleteRecordsPartitionResult> {
  const f = v >= 2;
  const partitionIndex_: number = r.int32();
  const lowWatermark_: number = r.int64();
  const errorCode_: number = r.int16();
  if (f) {
    r.skipTaggedFields();
  }
  return { partitionIndex: partitionIndex_, lowWatermark: lowWatermark_, errorCode: errorCode_ };
}

export const DeleteRecordsResponse: MessageCodec<DeleteRecordsResponse> = {
  name: 'DeleteRecordsResponse',
  minVersion: 0,
  maxVersion: 2,
  flexibleMin: 2,
  size: sizeDeleteRecordsResponse,
  write: writeDeleteRecordsResponse,
  read: readDeleteRecordsResponse,
};
