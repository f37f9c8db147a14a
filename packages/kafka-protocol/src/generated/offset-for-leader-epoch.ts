// Generated from schema/offset-for-leader-epoch.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfCompactString } from '../writer.js';

/** OffsetForLeaderEpochRequest (versions 0-4). */
export interface OffsetForLeaderEpochRequest {
  /** ReplicaId: v3-4, default -2 */
  replicaId?: number;
  /** Topics: v0-4 */
  topics: readonly OffsetForLeaderEpochRequestOffsetForLeaderTopic[];
}

/** OffsetForLeaderEpochRequest OffsetForLeaderTopic (versions 0-4). */
export interface OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  /** Topic: v0-4 */
  topic: string;
  /** Partitions: v0-4 */
  partitions: readonly OffsetForLeaderEpochRequestOffsetForLeaderPartition[];
}

/** OffsetForLeaderEpochRequest OffsetForLeaderPartition (versions 0-4). */
export interface OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  /** Partition: v0-4 */
  partition: number;
  /** CurrentLeaderEpoch: v2-4, default -1 */
  currentLeaderEpoch?: number;
  /** LeaderEpoch: v0-4 */
  leaderEpoch: number;
}

/** OffsetForLeaderEpochResponse (versions 0-4). */
export interface OffsetForLeaderEpochResponse {
  /** ThrottleTimeMs: v2-4 */
  throttleTimeMs?: number;
  /** Topics: v0-4 */
  topics: readonly OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[];
}

/** OffsetForLeaderEpochResponse OffsetForLeaderTopicResult (versions 0-4). */
export interface OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  /** Topic: v0-4 */
  topic: string;
  /** Partitions: v0-4 */
  partitions: readonly OffsetForLeaderEpochResponseEpochEndOffset[];
}

/** OffsetForLeaderEpochResponse EpochEndOffset (versions 0-4). */
export interface OffsetForLeaderEpochResponseEpochEndOffset {
  /** ErrorCode: v0-4 */
  errorCode: number;
  /** Partition: v0-4 */
  partition: number;
  /** LeaderEpoch: v1-4, default -1 */
  leaderEpoch?: number;
  /** EndOffset: v0-4, default -1 */
  endOffset: number;
}

function sizeOffsetForLeaderEpochRequest(m: OffsetForLeaderEpochRequest, v: number): number {
  const f = v >= 4;
  let n = 0;
  if (v >= 3) n += 4;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetForLeaderEpochRequestOffsetForLeaderTopic(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeOffsetForLeaderEpochRequest(w: Writer, m: OffsetForLeaderEpochRequest, v: number): void {
  const f = v >= 4;
  if (v >= 3) w.int32((m.replicaId ?? -2));
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetForLeaderEpochRequest(r: Reader, v: number): Complete<OffsetForLeaderEpochRequest> {
  const f = v >= 4;
  const replicaId_: number = (v >= 3 ? r.int32() : -2);
  let topics_: Complete<OffsetForLeaderEpochRequestOffsetForLeaderTopic>[];
  {
    const len0 = r.requiredArrayLength(f, 'OffsetForLeaderEpochRequest.topics');
    const a0: Complete<OffsetForLeaderEpochRequestOffsetForLeaderTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetForLeaderEpochRequestOffsetForLeaderTopic(r, v));
    }
    topics_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { replicaId: replicaId_, topics: topics_ };
}

function sizeOffsetForLeaderEpochRequestOffsetForLeaderTopic(m: OffsetForLeaderEpochRequestOffsetForLeaderTopic, v: number): number {
  const f = v >= 4;
  let n = 0;
  n += (f ? sizeOfCompactString(m.topic) : sizeOfString(m.topic));
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetForLeaderEpochRequestOffsetForLeaderPartition(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(w: Writer, m: OffsetForLeaderEpochRequestOffsetForLeaderTopic, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.topic); else w.string(m.topic);
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetForLeaderEpochRequestOffsetForLeaderTopic(r: Reader, v: number): Complete<OffsetForLeaderEpochRequestOffsetForLeaderTopic> {
  const f = v >= 4;
  const topic_: string = (f ? r.compactString('OffsetForLeaderEpochRequestOffsetForLeaderTopic.topic') : r.string('OffsetForLeaderEpochRequestOffsetForLeaderTopic.topic'));
  let partitions_: Complete<OffsetForLeaderEpochRequestOffsetForLeaderPartition>[];
  {
    const len0 = r.requiredArrayLength(f, 'OffsetForLeaderEpochRequestOffsetForLeaderTopic.partitions');
    const a0: Complete<OffsetForLeaderEpochRequestOffsetForLeaderPartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetForLeaderEpochRequestOffsetForLeaderPartition(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { topic: topic_, partitions: partitions_ };
}

function sizeOffsetForLeaderEpochRequestOffsetForLeaderPartition(m: OffsetForLeaderEpochRequestOffsetForLeaderPartition, v: number): number {
  const f = v >= 4;
  let n = 8;
  if (v >= 2) n += 4;
  if (f) n += 1;
  return n;
}

function writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(w: Writer, m: OffsetForLeaderEpochRequestOffsetForLeaderPartition, v: number): void {
  const f = v >= 4;
  w.int32(m.partition);
  if (v >= 2) w.int32((m.currentLeaderEpoch ?? -1));
  w.int32(m.leaderEpoch);
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetForLeaderEpochRequestOffsetForLeaderPartition(r: Reader, v: number): Complete<OffsetForLeaderEpochRequestOffsetForLeaderPartition> {
  const f = v >= 4;
  const partition_: number = r.int32();
  const currentLeaderEpoch_: number = (v >= 2 ? r.int32() : -1);
  const leaderEpoch_: number = r.int32();
  if (f) {
    r.skipTaggedFields();
  }
  return { partition: partition_, currentLeaderEpoch: currentLeaderEpoch_, leaderEpoch: leaderEpoch_ };
}

export const OffsetForLeaderEpochRequest: MessageCodec<OffsetForLeaderEpochRequest> = {
  name: 'OffsetForLeaderEpochRequest',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 4,
  size: sizeOffsetForLeaderEpochRequest,
  write: writeOffsetForLeaderEpochRequest,
  read: readOffsetForLeaderEpochRequest,
};

function sizeOffsetForLeaderEpochResponse(m: OffsetForLeaderEpochResponse, v: number): number {
  const f = v >= 4;
  let n = 0;
  if (v >= 2) n += 4;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeOffsetForLeaderEpochResponse(w: Writer, m: OffsetForLeaderEpochResponse, v: number): void {
  const f = v >= 4;
  if (v >= 2) w.int32((m.throttleTimeMs ?? 0));
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetForLeaderEpochResponse(r: Reader, v: number): Complete<OffsetForLeaderEpochResponse> {
  const f = v >= 4;
  const throttleTimeMs_: number = (v >= 2 ? r.int32() : 0);
  let topics_: Complete<OffsetForLeaderEpochResponseOffsetForLeaderTopicResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'OffsetForLeaderEpochResponse.topics');
    const a0: Complete<OffsetForLeaderEpochResponseOffsetForLeaderTopicResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(r, v));
    }
    topics_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, topics: topics_ };
}

function sizeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(m: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult, v: number): number {
  const f = v >= 4;
  let n = 0;
  n += (f ? sizeOfCompactString(m.topic) : sizeOfString(m.topic));
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOffsetForLeaderEpochResponseEpochEndOffset(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(w: Writer, m: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.topic); else w.string(m.topic);
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeOffsetForLeaderEpochResponseEpochEndOffset(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(r: Reader, v: number): Complete<OffsetForLeaderEpochResponseOffsetForLeaderTopicResult> {
  const f = v >= 4;
  const topic_: string = (f ? r.compactString('OffsetForLeaderEpochResponseOffsetForLeaderTopicResult.topic') : r.string('OffsetForLeaderEpochResponseOffsetForLeaderTopicResult.topic'));
  let partitions_: Complete<OffsetForLeaderEpochResponseEpochEndOffset>[];
  {
    const len0 = r.requiredArrayLength(f, 'OffsetForLeaderEpochResponseOffsetForLeaderTopicResult.partitions');
    const a0: Complete<OffsetForLeaderEpochResponseEpochEndOffset>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readOffsetForLeaderEpochResponseEpochEndOffset(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { topic: topic_, partitions: partitions_ };
}

function sizeOffsetForLeaderEpochResponseEpochEndOffset(m: OffsetForLeaderEpochResponseEpochEndOffset, v: number): number {
  const f = v >= 4;
  let n = 14;
  if (v >= 1) n += 4;
  if (f) n += 1;
  return n;
}

function writeOffsetForLeaderEpochResponseEpochEndOffset(w: Writer, m: OffsetForLeaderEpochResponseEpochEndOffset, v: number): void {
  const f = v >= 4;
  w.int16(m.errorCode);
  w.int32(m.partition);
  if (v >= 1) w.int32((m.leaderEpoch ?? -1));
  w.int64(m.endOffset);
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetForLeaderEpochResponseEpochEndOffset(r: Reader, v: number): Complete<OffsetForLeaderEpochResponseEpochEndOffset> {
  const f = v >= 4;
  const errorCode_: number = r.int16();
  const partition_: number = r.int32();
  const leaderEpoch_: number = (v >= 1 ? r.int32() : -1);
  const endOffset_: number = r.int64();
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, partition: partition_, leaderEpoch: leaderEpoch_, endOffset: endOffset_ };
}

export const OffsetForLeaderEpochResponse: MessageCodec<OffsetForLeaderEpochResponse> = {
  name: 'OffsetForLeaderEpochResponse',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 4,
  size: sizeOffsetForLeaderEpochResponse,
  write: writeOffsetForLeaderEpochResponse,
  read: readOffsetForLeaderEpochResponse,
};
