// Generated from schema/elect-leaders.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** ElectLeadersRequest (versions 0-2). */
export interface ElectLeadersRequest {
  /** ElectionType: v1-2 */
  electionType?: number;
  /** TopicPartitions: v0-2, nullable v0+ */
  topicPartitions: readonly ElectLeadersRequestTopicPartitions[] | null;
  /** TimeoutMs: v0-2, default 60000 */
  timeoutMs: number;
}

/** ElectLeadersRequest TopicPartitions (versions 0-2). */
export interface ElectLeadersRequestTopicPartitions {
  /** Topic: v0-2 */
  topic: string;
  /** Partitions: v0-2 */
  partitions: readonly number[];
}

/** ElectLeadersResponse (versions 0-2). */
export interface ElectLeadersResponse {
  /** ThrottleTimeMs: v0-2 */
  throttleTimeMs: number;
  /** ErrorCode: v1-2 */
  errorCode?: number;
  /** ReplicaElectionResults: v0-2 */
  replicaElectionResults: readonly ElectLeadersResponseReplicaElectionResult[];
}

/** ElectLeadersResponse ReplicaElectionResult (versions 0-2). */
export interface ElectLeadersResponseReplicaElectionResult {
  /** Topic: v0-2 */
  topic: string;
  /** PartitionResult: v0-2 */
  partitionResult: readonly ElectLeadersResponsePartitionResult[];
}

/** ElectLeadersResponse PartitionResult (versions 0-2). */
export interface ElectLeadersResponsePartitionResult {
  /** PartitionId: v0-2 */
  partitionId: number;
  /** ErrorCode: v0-2 */
  errorCode: number;
  /** ErrorMessage: v0-2, nullable v0+ */
  errorMessage: string | null;
}

function sizeElectLeadersRequest(m: ElectLeadersRequest, v: number): number {
  const f = v >= 2;
  let n = 4;
  if (v >= 1) n += 1;
  {
    const a0 = m.topicPartitions;
    if (a0 === null) n += (f ? 1 : 4);
    else {
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeElectLeadersRequestTopicPartitions(a0[i0]!, v);
      }
    }
  }
  if (f) n += 1;
  return n;
}

function writeElectLeadersRequest(w: Writer, m: ElectLeadersRequest, v: number): void {
  const f = v >= 2;
  if (v >= 1) w.int8((m.electionType ?? 0));
  {
    const a0 = m.topicPartitions;
    if (a0 === null) w.nullArray(f);
    else {
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeElectLeadersRequestTopicPartitions(w, a0[i0]!, v);
      }
    }
  }
  w.int32(m.timeoutMs);
  if (f) {
    w.uvarint(0);
  }
}

function readElectLeadersRequest(r: Reader, v: number): Complete<ElectLeadersRequest> {
  const f = v >= 2;
  const electionType_: number = (v >= 1 ? r.int8() : 0);
  let topicPartitions_: Complete<ElectLeadersRequestTopicPartitions>[] | null;
  {
    const len0 = r.arrayLength(f, 'ElectLeadersRequest.topicPartitions');
    if (len0 < 0) topicPartitions_ = null;
    else {
      const a0: Complete<ElectLeadersRequestTopicPartitions>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readElectLeadersRequestTopicPartitions(r, v));
      }
      topicPartitions_ = a0;
    }
  }
  const timeoutMs_: number = r.int32();
  if (f) {
    r.skipTaggedFields();
  }
  return { electionType: electionType_, topicPartitions: topicPartitions_, timeoutMs: timeoutMs_ };
}

function sizeElectLeadersRequestTopicPartitions(m: ElectLeadersRequestTopicPartitions, v: number): number {
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

function writeElectLeadersRequestTopicPartitions(w: Writer, m: ElectLeadersRequestTopicPartitions, v: number): void {
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

function readElectLeadersRequestTopicPartitions(r: Reader, v: number): Complete<ElectLeadersRequestTopicPartitions> {
  const f = v >= 2;
  const topic_: string = (f ? r.compactString('ElectLeadersRequestTopicPartitions.topic') : r.string('ElectLeadersRequestTopicPartitions.topic'));
  let partitions_: number[];
  {
    const len0 = r.requiredArrayLength(f, 'ElectLeadersRequestTopicPartitions.partitions');
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

export const ElectLeadersRequest: MessageCodec<ElectLeadersRequest> = {
  name: 'ElectLeadersRequest',
  minVersion: 0,
  maxVersion: 2,
  flexibleMin: 2,
  size: sizeElectLeadersRequest,
  write: writeElectLeadersRequest,
  read: readElectLeadersRequest,
};

function sizeElectLeadersResponse(m: ElectLeadersResponse, v: number): number {
  const f = v >= 2;
  let n = 4;
  if (v >= 1) n += 2;
  {
    const a0 = m.replicaElectionResults;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeElectLeadersResponseReplicaElectionResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeElectLeadersResponse(w: Writer, m: ElectLeadersResponse, v: number): void {
  const f = v >= 2;
  w.int32(m.throttleTimeMs);
  if (v >= 1) w.int16((m.errorCode ?? 0));
  {
    const a0 = m.replicaElectionResults;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeElectLeadersResponseReplicaElectionResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readElectLeadersResponse(r: Reader, v: number): Complete<ElectLeadersResponse> {
  const f = v >= 2;
  const throttleTimeMs_: number = r.int32();
  const errorCode_: number = (v >= 1 ? r.int16() : 0);
  let replicaElectionResults_: Complete<ElectLeadersResponseReplicaElectionResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'ElectLeadersResponse.replicaElectionResults');
    const a0: Complete<ElectLeadersResponseReplicaElectionResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readElectLeadersResponseReplicaElectionResult(r, v));
    }
    replicaElectionResults_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, replicaElectionResults: replicaElectionResults_ };
}

function sizeElectLeadersResponseReplicaElectionResult(m: ElectLeadersResponseReplicaElectionResult, v: number): number {
  const f = v >= 2;
  let n = 0;
  n += (f ? sizeOfCompactString(m.topic) : sizeOfString(m.topic));
  {
    const a0 = m.partitionResult;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeElectLeadersResponsePartitionResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeElectLeadersResponseReplicaElectionResult(w: Writer, m: ElectLeadersResponseReplicaElectionResult, v: number): void {
  const f = v >= 2;
  if (f) w.compactString(m.topic); else w.string(m.topic);
  {
    const a0 = m.partitionResult;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeElectLeadersResponsePartitionResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readElectLeadersResponseReplicaElectionResult(r: Reader, v: number): Complete<ElectLeadersResponseReplicaElectionResult> {
  const f = v >= 2;
  const topic_: string = (f ? r.compactString('ElectLeadersResponseReplicaElectionResult.topic') : r.string('ElectLeadersResponseReplicaElectionResult.topic'));
  let partitionResult_: Complete<ElectLeadersResponsePartitionResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'ElectLeadersResponseReplicaElectionResult.partitionResult');
    const a0: Complete<ElectLeadersResponsePartitionResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readElectLeadersResponsePartitionResult(r, v));
    }
    partitionResult_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { topic: topic_, partitionResult: partitionResult_ };
}

function sizeElectLeadersResponsePartitionResult(m: ElectLeadersResponsePartitionResult, v: number): number {
  const f = v >= 2;
  let n = 6;
  n += (f ? sizeOfCompactNullableString(m.errorMessage) : sizeOfNullableString(m.errorMessage));
  if (f) n += 1;
  return n;
}

function writeElectLeadersResponsePartitionResult(w: Writer, m: ElectLeadersResponsePartitionResult, v: number): void {
  const f = v >= 2;
  w.int32(m.partitionId);
  w.int16(m.errorCode);
  if (f) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  if (f) {
    w.uvarint(0);
  }
}

function readElectLeadersResponsePartitionResult(r: Reader, v: number): Complete<ElectLeadersResponsePartitionResult> {
  const f = v >= 2;
  const partitionId_: number = r.int32();
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (f ? r.compactNullableString() : r.nullableString());
  if (f) {
    r.skipTaggedFields();
  }
  return { partitionId: partitionId_, errorCode: errorCode_, errorMessage: errorMessage_ };
}

export const ElectLeadersResponse: MessageCodec<ElectLeadersResponse> = {
  name: 'ElectLeadersResponse',
  minVersion: 0,
  maxVersion: 2,
  flexibleMin: 2,
  size: sizeElectLeadersResponse,
  write: writeElectLeadersResponse,
  read: readElectLeadersResponse,
};
