// Generated from schema/describe-log-dirs.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfCompactString } from '../writer.js';

/** DescribeLogDirsRequest (versions 0-4). */
export interface DescribeLogDirsRequest {
  /** Topics: v0-4, nullable v0+ */
  topics: readonly DescribeLogDirsRequestDescribableLogDirTopic[] | null;
}

/** DescribeLogDirsRequest DescribableLogDirTopic (versions 0-4). */
export interface DescribeLogDirsRequestDescribableLogDirTopic {
  /** Topic: v0-4 */
  topic: string;
  /** Partitions: v0-4 */
  partitions: readonly number[];
}

/** DescribeLogDirsResponse (versions 0-4). */
export interface DescribeLogDirsResponse {
  /** ThrottleTimeMs: v0-4 */
  throttleTimeMs: number;
  /** ErrorCode: v3-4 */
  errorCode?: number;
  /** Results: v0-4 */
  results: readonly DescribeLogDirsResponseDescribeLogDirsResult[];
}

/** DescribeLogDirsResponse DescribeLogDirsResult (versions 0-4). */
export interface DescribeLogDirsResponseDescribeLogDirsResult {
  /** ErrorCode: v0-4 */
  errorCode: number;
  /** LogDir: v0-4 */
  logDir: string;
  /** Topics: v0-4 */
  topics: readonly DescribeLogDirsResponseDescribeLogDirsTopic[];
  /** TotalBytes: v4, default -1 */
  totalBytes?: number;
  /** UsableBytes: v4, default -1 */
  usableBytes?: number;
}

/** DescribeLogDirsResponse DescribeLogDirsTopic (versions 0-4). */
export interface DescribeLogDirsResponseDescribeLogDirsTopic {
  /** Name: v0-4 */
  name: string;
  /** Partitions: v0-4 */
  partitions: readonly DescribeLogDirsResponseDescribeLogDirsPartition[];
}

/** DescribeLogDirsResponse DescribeLogDirsPartition (versions 0-4). */
export interface DescribeLogDirsResponseDescribeLogDirsPartition {
  /** PartitionIndex: v0-4 */
  partitionIndex: number;
  /** PartitionSize: v0-4 */
  partitionSize: number;
  /** OffsetLag: v0-4 */
  offsetLag: number;
  /** IsFutureKey: v0-4 */
  isFutureKey: boolean;
}

function sizeDescribeLogDirsRequest(m: DescribeLogDirsRequest, v: number): number {
  const f = v >= 2;
  let n = 0;
  {
    const a0 = m.topics;
    if (a0 === null) n += (f ? 1 : 4);
    else {
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeDescribeLogDirsRequestDescribableLogDirTopic(a0[i0]!, v);
      }
    }
  }
  if (f) n += 1;
  return n;
}

function writeDescribeLogDirsRequest(w: Writer, m: DescribeLogDirsRequest, v: number): void {
  const f = v >= 2;
  {
    const a0 = m.topics;
    if (a0 === null) w.nullArray(f);
    else {
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeDescribeLogDirsRequestDescribableLogDirTopic(w, a0[i0]!, v);
      }
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeLogDirsRequest(r: Reader, v: number): Complete<DescribeLogDirsRequest> {
  const f = v >= 2;
  let topics_: Complete<DescribeLogDirsRequestDescribableLogDirTopic>[] | null;
  {
    const len0 = r.arrayLength(f, 'DescribeLogDirsRequest.topics');
    if (len0 < 0) topics_ = null;
    else {
      const a0: Complete<DescribeLogDirsRequestDescribableLogDirTopic>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readDescribeLogDirsRequestDescribableLogDirTopic(r, v));
      }
      topics_ = a0;
    }
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { topics: topics_ };
}

function sizeDescribeLogDirsRequestDescribableLogDirTopic(m: DescribeLogDirsRequestDescribableLogDirTopic, v: number): number {
  const f = v >= 2;
  let n = 0;
  n += (f ? sizeOfCompactString(m.topic) : sizeOfString(m.topic));
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4) + a0.length * 4;
  }
  if (f) n += 1;
  return n;
}

function writeDescribeLogDirsRequestDescribableLogDirTopic(w: Writer, m: DescribeLogDirsRequestDescribableLogDirTopic, v: number): void {
  const f = v >= 2;
  if (f) w.compactString(m.topic); else w.string(m.topic);
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.int32(a0[i0]!);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeLogDirsRequestDescribableLogDirTopic(r: Reader, v: number): Complete<DescribeLogDirsRequestDescribableLogDirTopic> {
  const f = v >= 2;
  const topic_: string = (f ? r.compactString('DescribeLogDirsRequestDescribableLogDirTopic.topic') : r.string('DescribeLogDirsRequestDescribableLogDirTopic.topic'));
  let partitions_: number[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeLogDirsRequestDescribableLogDirTopic.partitions');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { topic: topic_, partitions: partitions_ };
}

export const DescribeLogDirsRequest: MessageCodec<DescribeLogDirsRequest> = {
  name: 'DescribeLogDirsRequest',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 2,
  size: sizeDescribeLogDirsRequest,
  write: writeDescribeLogDirsRequest,
  read: readDescribeLogDirsRequest,
};

function sizeDescribeLogDirsResponse(m: DescribeLogDirsResponse, v: number): number {
  const f = v >= 2;
  let n = 4;
  if (v >= 3) n += 2;
  {
    const a0 = m.results;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeLogDirsResponseDescribeLogDirsResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDescribeLogDirsResponse(w: Writer, m: DescribeLogDirsResponse, v: number): void {
  const f = v >= 2;
  w.int32(m.throttleTimeMs);
  if (v >= 3) w.int16((m.errorCode ?? 0));
  {
    const a0 = m.results;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeLogDirsResponseDescribeLogDirsResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeLogDirsResponse(r: Reader, v: number): Complete<DescribeLogDirsResponse> {
  const f = v >= 2;
  const throttleTimeMs_: number = r.int32();
  const errorCode_: number = (v >= 3 ? r.int16() : 0);
  let results_: Complete<DescribeLogDirsResponseDescribeLogDirsResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeLogDirsResponse.results');
    const a0: Complete<DescribeLogDirsResponseDescribeLogDirsResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeLogDirsResponseDescribeLogDirsResult(r, v));
    }
    results_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, results: results_ };
}

function sizeDescribeLogDirsResponseDescribeLogDirsResult(m: DescribeLogDirsResponseDescribeLogDirsResult, v: number): number {
  const f = v >= 2;
  let n = 2;
  n += (f ? sizeOfCompactString(m.logDir) : sizeOfString(m.logDir));
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeLogDirsResponseDescribeLogDirsTopic(a0[i0]!, v);
    }
  }
  if (v >= 4) n += 8;
  if (v >= 4) n += 8;
  if (f) n += 1;
  return n;
}

function writeDescribeLogDirsResponseDescribeLogDirsResult(w: Writer, m: DescribeLogDirsResponseDescribeLogDirsResult, v: number): void {
  const f = v >= 2;
  w.int16(m.errorCode);
  if (f) w.compactString(m.logDir); else w.string(m.logDir);
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeLogDirsResponseDescribeLogDirsTopic(w, a0[i0]!, v);
    }
  }
  if (v >= 4) w.int64((m.totalBytes ?? -1));
  if (v >= 4) w.int64((m.usableBytes ?? -1));
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeLogDirsResponseDescribeLogDirsResult(r: Reader, v: number): Complete<DescribeLogDirsResponseDescribeLogDirsResult> {
  const f = v >= 2;
  const errorCode_: number = r.int16();
  const logDir_: string = (f ? r.compactString('DescribeLogDirsResponseDescribeLogDirsResult.logDir') : r.string('DescribeLogDirsResponseDescribeLogDirsResult.logDir'));
  let topics_: Complete<DescribeLogDirsResponseDescribeLogDirsTopic>[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeLogDirsResponseDescribeLogDirsResult.topics');
    const a0: Complete<DescribeLogDirsResponseDescribeLogDirsTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeLogDirsResponseDescribeLogDirsTopic(r, v));
    }
    topics_ = a0;
  }
  const totalBytes_: number = (v >= 4 ? r.int64() : -1);
  const usableBytes_: number = (v >= 4 ? r.int64() : -1);
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, logDir: logDir_, topics: topics_, totalBytes: totalBytes_, usableBytes: usableBytes_ };
}

function sizeDescribeLogDirsResponseDescribeLogDirsTopic(m: DescribeLogDirsResponseDescribeLogDirsTopic, v: number): number {
  const f = v >= 2;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeLogDirsResponseDescribeLogDirsPartition(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDescribeLogDirsResponseDescribeLogDirsTopic(w: Writer, m: DescribeLogDirsResponseDescribeLogDirsTopic, v: number): void {
  const f = v >= 2;
  if (f) w.compactString(m.name); else w.string(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeLogDirsResponseDescribeLogDirsPartition(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeLogDirsResponseDescribeLogDirsTopic(r: Reader, v: number): Complete<DescribeLogDirsResponseDescribeLogDirsTopic> {
  const f = v >= 2;
  const name_: string = (f ? r.compactString('DescribeLogDirsResponseDescribeLogDirsTopic.name') : r.string('DescribeLogDirsResponseDescribeLogDirsTopic.name'));
  let partitions_: Complete<DescribeLogDirsResponseDescribeLogDirsPartition>[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeLogDirsResponseDescribeLogDirsTopic.partitions');
    const a0: Complete<DescribeLogDirsResponseDescribeLogDirsPartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeLogDirsResponseDescribeLogDirsPartition(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, partitions: partitions_ };
}

function sizeDescribeLogDirsResponseDescribeLogDirsPartition(m: DescribeLogDirsResponseDescribeLogDirsPartition, v: number): number {
  const f = v >= 2;
  let n = 21;
  if (f) n += 1;
  return n;
}

function writeDescribeLogDirsResponseDescribeLogDirsPartition(w: Writer, m: DescribeLogDirsResponseDescribeLogDirsPartition, v: number): void {
  const f = v >= 2;
  w.int32(m.partitionIndex);
  w.int64(m.partitionSize);
  w.int64(m.offsetLag);
  w.bool(m.isFutureKey);
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeLogDirsResponseDescribeLogDirsPartition(r: Reader, v: number): Complete<DescribeLogDirsResponseDescribeLogDirsPartition> {
  const f = v >= 2;
  const partitionIndex_: number = r.int32();
  const partitionSize_: number = r.int64();
  const offsetLag_: number = r.int64();
  const isFutureKey_: boolean = r.bool();
  if (f) {
    r.skipTaggedFields();
  }
  return { partitionIndex: partitionIndex_, partitionSize: partitionSize_, offsetLag: offsetLag_, isFutureKey: isFutureKey_ };
}

export const DescribeLogDirsResponse: MessageCodec<DescribeLogDirsResponse> = {
  name: 'DescribeLogDirsResponse',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 2,
  size: sizeDescribeLogDirsResponse,
  write: writeDescribeLogDirsResponse,
  read: readDescribeLogDirsResponse,
};
