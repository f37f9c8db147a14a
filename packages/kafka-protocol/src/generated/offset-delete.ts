// Generated from schema/offset-delete.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfString } from '../writer.js';

/** OffsetDeleteRequest (versions 0). */
export interface OffsetDeleteRequest {
  /** GroupId: v0 */
  groupId: string;
  /** Topics: v0 */
  topics: readonly OffsetDeleteRequestTopic[];
}

/** OffsetDeleteRequest OffsetDeleteRequestTopic (versions 0). */
export interface OffsetDeleteRequestTopic {
  /** Name: v0 */
  name: string;
  /** Partitions: v0 */
  partitions: readonly OffsetDeleteRequestPartition[];
}

/** OffsetDeleteRequest OffsetDeleteRequestPartition (versions 0). */
export interface OffsetDeleteRequestPartition {
  /** PartitionIndex: v0 */
  partitionIndex: number;
}

/** OffsetDeleteResponse (versions 0). */
export interface OffsetDeleteResponse {
  /** ErrorCode: v0 */
  errorCode: number;
  /** ThrottleTimeMs: v0 */
  throttleTimeMs: number;
  /** Topics: v0 */
  topics: readonly OffsetDeleteResponseTopic[];
}

/** OffsetDeleteResponse OffsetDeleteResponseTopic (versions 0). */
export interface OffsetDeleteResponseTopic {
  /** Name: v0 */
  name: string;
  /** Partitions: v0 */
  partitions: readonly OffsetDeleteResponsePartition[];
}

/** OffsetDeleteResponse OffsetDeleteResponsePartition (versions 0). */
export interface OffsetDeleteResponsePartition {
  /** PartitionIndex: v0 */
  partitionIndex: number;
  /** ErrorCode: v0 */
  errorCode: number;
}

function sizeOffsetDeleteRequest(m: OffsetDeleteRequest, v: number): number {
  let n = 0;
  n += sizeOfString(m.groupId);
  {
    const a0 = m.topics;
    n += 4;
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetDeleteRequestTopic(a0[i0]!, v);
    }
  }
  return n;
}

function writeOffsetDeleteRequest(w: Writer, m: OffsetDeleteRequest, v: number): void {
  w.string(m.groupId);
  {
    const a0 = m.topics;
    w.arrayLength(false, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetDeleteRequestTopic(w, a0[i0]!, v);
    }
  }
}

function readOffsetDeleteRequest(r: Reader, v: number): Complete<OffsetDeleteRequest> {
  const groupId_: string = r.string('OffsetDeleteRequest.groupId');
  let topics_: Complete<OffsetDeleteRequestTopic>[];
  {
    const len0 = r.requiredArrayLength(false, 'OffsetDeleteRequest.topics');
    const a0: Complete<OffsetDeleteRequestTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetDeleteRequestTopic(r, v));
    }
    topics_ = a0;
  }
  return { groupId: groupId_, topics: topics_ };
}

function sizeOffsetDeleteRequestTopic(m: OffsetDeleteRequestTopic, v: number): number {
  let n = 0;
  n += sizeOfString(m.name);
  {
    const a0 = m.partitions;
    n += 4;
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetDeleteRequestPartition(a0[i0]!, v);
    }
  }
  return n;
}

function writeOffsetDeleteRequestTopic(w: Writer, m: OffsetDeleteRequestTopic, v: number): void {
  w.string(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(false, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetDeleteRequestPartition(w, a0[i0]!, v);
    }
  }
}

function readOffsetDeleteRequestTopic(r: Reader, v: number): Complete<OffsetDeleteRequestTopic> {
  const name_: string = r.string('OffsetDeleteRequestTopic.name');
  let partitions_: Complete<OffsetDeleteRequestPartition>[];
  {
    const len0 = r.requiredArrayLength(false, 'OffsetDeleteRequestTopic.partitions');
    const a0: Complete<OffsetDeleteRequestPartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetDeleteRequestPartition(r, v));
    }
    partitions_ = a0;
  }
  return { name: name_, partitions: partitions_ };
}

function sizeOffsetDeleteRequestPartition(m: OffsetDeleteRequestPartition, v: number): number {
  let n = 4;
  return n;
}

function writeOffsetDeleteRequestPartition(w: Writer, m: OffsetDeleteRequestPartition, v: number): void {
  w.int32(m.partitionIndex);
}

function readOffsetDeleteRequestPartition(r: Reader, v: number): Complete<OffsetDeleteRequestPartition> {
  const partitionIndex_: number = r.int32();
  return { partitionIndex: partitionIndex_ };
}

export const OffsetDeleteRequest: MessageCodec<OffsetDeleteRequest> = {
  name: 'OffsetDeleteRequest',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: null,
  size: sizeOffsetDeleteRequest,
  write: writeOffsetDeleteRequest,
  read: readOffsetDeleteRequest,
};

function sizeOffsetDeleteResponse(m: OffsetDeleteResponse, v: number): number {
  let n = 6;
  {
    const a0 = m.topics;
    n += 4;
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetDeleteResponseTopic(a0[i0]!, v);
    }
  }
  return n;
}

function writeOffsetDeleteResponse(w: Writer, m: OffsetDeleteResponse, v: number): void {
  w.int16(m.errorCode);
  w.int32(m.throttleTimeMs);
  {
    const a0 = m.topics;
    w.arrayLength(false, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetDeleteResponseTopic(w, a0[i0]!, v);
    }
  }
}

function readOffsetDeleteResponse(r: Reader, v: number): Complete<OffsetDeleteResponse> {
  const errorCode_: number = r.int16();
  const throttleTimeMs_: number = r.int32();
  let topics_: Complete<OffsetDeleteResponseTopic>[];
  {
    const len0 = r.requiredArrayLength(false, 'OffsetDeleteResponse.topics');
    const a0: Complete<OffsetDeleteResponseTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetDeleteResponseTopic(r, v));
    }
    topics_ = a0;
  }
  return { errorCode: errorCode_, throttleTimeMs: throttleTimeMs_, topics: topics_ };
}

function sizeOffsetDeleteResponseTopic(m: OffsetDeleteResponseTopic, v: number): number {
  let n = 0;
  n += sizeOfString(m.name);
  {
    const a0 = m.partitions;
    n += 4;
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetDeleteResponsePartition(a0[i0]!, v);
    }
  }
  return n;
}

function writeOffsetDeleteResponseTopic(w: Writer, m: OffsetDeleteResponseTopic, v: number): void {
  w.string(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(false, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetDeleteResponsePartition(w, a0[i0]!, v);
    }
  }
}

function readOffsetDeleteResponseTopic(r: Reader, v: number): Complete<OffsetDeleteResponseTopic> {
  const name_: string = r.string('OffsetDeleteResponseTopic.name');
  let partitions_: Complete<OffsetDeleteResponsePartition>[];
  {
    const len0 = r.requiredArrayLength(false, 'OffsetDeleteResponseTopic.partitions');
    const a0: Complete<OffsetDeleteResponsePartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetDeleteResponsePartition(r, v));
    }
    partitions_ = a0;
  }
  return { name: name_, partitions: partitions_ };
}

function sizeOffsetDeleteResponsePartition(m: OffsetDeleteResponsePartition, v: number): number {
  let n = 6;
  return n;
}

function writeOffsetDeleteResponsePartition(w: Writer, m: OffsetDeleteResponsePartition, v: number): void {
  w.int32(m.partitionIndex);
  w.int16(m.errorCode);
}

function readOffsetDeleteResponsePartition(r: Reader, v: number): Complete<OffsetDeleteResponsePartition> {
  const partitionIndex_: number = r.int32();
  const errorCode_: number = r.int16();
  return { partitionIndex: partitionIndex_, errorCode: errorCode_ };
}

export const OffsetDeleteResponse: MessageCodec<OffsetDeleteResponse> = {
  name: 'OffsetDeleteResponse',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: null,
  size: sizeOffsetDeleteResponse,
  write: writeOffsetDeleteResponse,
  read: readOffsetDeleteResponse,
};
