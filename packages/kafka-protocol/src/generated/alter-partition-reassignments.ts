// Generated from schema/alter-partition-reassignments.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** AlterPartitionReassignmentsRequest (versions 0). */
export interface AlterPartitionReassignmentsRequest {
  /** TimeoutMs: v0, default 60000 */
  timeoutMs: number;
  /** Topics: v0 */
  topics: readonly AlterPartitionReassignmentsRequestReassignableTopic[];
}

/** AlterPartitionReassignmentsRequest ReassignableTopic (versions 0). */
export interface AlterPartitionReassignmentsRequestReassignableTopic {
  /** Name: v0 */
  name: string;
  /** Partitions: v0 */
  partitions: readonly AlterPartitionReassignmentsRequestReassignablePartition[];
}

/** AlterPartitionReassignmentsRequest ReassignablePartition (versions 0). */
export interface AlterPartitionReassignmentsRequestReassignablePartition {
  /** PartitionIndex: v0 */
  partitionIndex: number;
  /** Replicas: v0, nullable v0+, default null */
  replicas: readonly number[] | null;
}

/** AlterPartitionReassignmentsResponse (versions 0). */
export interface AlterPartitionReassignmentsResponse {
  /** ThrottleTimeMs: v0 */
  throttleTimeMs: number;
  /** ErrorCode: v0 */
  errorCode: number;
  /** ErrorMessage: v0, nullable v0+ */
  errorMessage: string | null;
  /** Responses: v0 */
  responses: readonly AlterPartitionReassignmentsResponseReassignableTopicResponse[];
}

/** AlterPartitionReassignmentsResponse ReassignableTopicResponse (versions 0). */
export interface AlterPartitionReassignmentsResponseReassignableTopicResponse {
  /** Name: v0 */
  name: string;
  /** Partitions: v0 */
  partitions: readonly AlterPartitionReassignmentsResponseReassignablePartitionResponse[];
}

/** AlterPartitionReassignmentsResponse ReassignablePartitionResponse (versions 0). */
export interface AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  /** PartitionIndex: v0 */
  partitionIndex: number;
  /** ErrorCode: v0 */
  errorCode: number;
  /** ErrorMessage: v0, nullable v0+ */
  errorMessage: string | null;
}

function sizeAlterPartitionReassignmentsRequest(m: AlterPartitionReassignmentsRequest, v: number): number {
  let n = 5;
  {
    const a0 = m.topics;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeAlterPartitionReassignmentsRequestReassignableTopic(a0[i0]!, v);
    }
  }
  return n;
}

function writeAlterPartitionReassignmentsRequest(w: Writer, m: AlterPartitionReassignmentsRequest, v: number): void {
  w.int32(m.timeoutMs);
  {
    const a0 = m.topics;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeAlterPartitionReassignmentsRequestReassignableTopic(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readAlterPartitionReassignmentsRequest(r: Reader, v: number): Complete<AlterPartitionReassignmentsRequest> {
  const timeoutMs_: number = r.int32();
  let topics_: Complete<AlterPartitionReassignmentsRequestReassignableTopic>[];
  {
    const len0 = r.requiredArrayLength(true, 'AlterPartitionReassignmentsRequest.topics');
    const a0: Complete<AlterPartitionReassignmentsRequestReassignableTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readAlterPartitionReassignmentsRequestReassignableTopic(r, v));
    }
    topics_ = a0;
  }
  r.skipTaggedFields();
  return { timeoutMs: timeoutMs_, topics: topics_ };
}

function sizeAlterPartitionReassignmentsRequestReassignableTopic(m: AlterPartitionReassignmentsRequestReassignableTopic, v: number): number {
  let n = 1;
  n += sizeOfCompactString(m.name);
  {
    const a0 = m.partitions;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeAlterPartitionReassignmentsRequestReassignablePartition(a0[i0]!, v);
    }
  }
  return n;
}

function writeAlterPartitionReassignmentsRequestReassignableTopic(w: Writer, m: AlterPartitionReassignmentsRequestReassignableTopic, v: number): void {
  w.compactString(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeAlterPartitionReassignmentsRequestReassignablePartition(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readAlterPartitionReassignmentsRequestReassignableTopic(r: Reader, v: number): Complete<AlterPartitionReassignmentsRequestReassignableTopic> {
  const name_: string = r.compactString('AlterPartitionReassignmentsRequestReassignableTopic.name');
  let partitions_: Complete<AlterPartitionReassignmentsRequestReassignablePartition>[];
  {
    const len0 = r.requiredArrayLength(true, 'AlterPartitionReassignmentsRequestReassignableTopic.partitions');
    const a0: Complete<AlterPartitionReassignmentsRequestReassignablePartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readAlterPartitionReassignmentsRequestReassignablePartition(r, v));
    }
    partitions_ = a0;
  }
  r.skipTaggedFields();
  return { name: name_, partitions: partitions_ };
}

function sizeAlterPartitionReassignmentsRequestReassignablePartition(m: AlterPartitionReassignmentsRequestReassignablePartition, v: number): number {
  let n = 5;
  {
    const a0 = m.replicas;
    if (a0 === null) n += 1;
    else {
      n += sizeOfUvarint(a0.length + 1) + a0.length * 4;
    }
  }
  return n;
}

function writeAlterPartitionReassignmentsRequestReassignablePartition(w: Writer, m: AlterPartitionReassignmentsRequestReassignablePartition, v: number): void {
  w.int32(m.partitionIndex);
  {
    const a0 = m.replicas;
    if (a0 === null) w.nullArray(true);
    else {
      w.arrayLength(true, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        w.int32(a0[i0]!);
      }
    }
  }
  w.uvarint(0);
}

function readAlterPartitionReassignmentsRequestReassignablePartition(r: Reader, v: number): Complete<AlterPartitionReassignmentsRequestReassignablePartition> {
  const partitionIndex_: number = r.int32();
  let replicas_: number[] | null;
  {
    const len0 = r.arrayLength(true, 'AlterPartitionReassignmentsRequestReassignablePartition.replicas');
    if (len0 < 0) replicas_ = null;
    else {
      const a0: number[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(r.int32());
      }
      replicas_ = a0;
    }
  }
  r.skipTaggedFields();
  return { partitionIndex: partitionIndex_, replicas: replicas_ };
}

export const AlterPartitionReassignmentsRequest: MessageCodec<AlterPartitionReassignmentsRequest> = {
  name: 'AlterPartitionReassignmentsRequest',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: 0,
  size: sizeAlterPartitionReassignmentsRequest,
  write: writeAlterPartitionReassignmentsRequest,
  read: readAlterPartitionReassignmentsRequest,
};

function sizeAlterPartitionReassignmentsResponse(m: AlterPartitionReassignmentsResponse, v: number): number {
  let n = 7;
  n += sizeOfCompactNullableString(m.errorMessage);
  {
    const a0 = m.responses;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeAlterPartitionReassignmentsResponseReassignableTopicResponse(a0[i0]!, v);
    }
  }
  return n;
}

function writeAlterPartitionReassignmentsResponse(w: Writer, m: AlterPartitionReassignmentsResponse, v: number): void {
  w.int32(m.throttleTimeMs);
  w.int16(m.errorCode);
  w.compactNullableString(m.errorMessage);
  {
    const a0 = m.responses;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeAlterPartitionReassignmentsResponseReassignableTopicResponse(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readAlterPartitionReassignmentsResponse(r: Reader, v: number): Complete<AlterPartitionReassignmentsResponse> {
  const throttleTimeMs_: number = r.int32();
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = r.compactNullableString();
  let responses_: Complete<AlterPartitionReassignmentsResponseReassignableTopicResponse>[];
  {
    const len0 = r.requiredArrayLength(true, 'AlterPartitionReassignmentsResponse.responses');
    const a0: Complete<AlterPartitionReassignmentsResponseReassignableTopicResponse>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readAlterPartitionReassignmentsResponseReassignableTopicResponse(r, v));
    }
    responses_ = a0;
  }
  r.skipTaggedFields();
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, errorMessage: errorMessage_, responses: responses_ };
}

function sizeAlterPartitionReassignmentsResponseReassignableTopicResponse(m: AlterPartitionReassignmentsResponseReassignableTopicResponse, v: number): number {
  let n = 1;
  n += sizeOfCompactString(m.name);
  {
    const a0 = m.partitions;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeAlterPartitionReassignmentsResponseReassignablePartitionResponse(a0[i0]!, v);
    }
  }
  return n;
}

function writeAlterPartitionReassignmentsResponseReassignableTopicResponse(w: Writer, m: AlterPartitionReassignmentsResponseReassignableTopicResponse, v: number): void {
  w.compactString(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeAlterPartitionReassignmentsResponseReassignablePartitionResponse(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readAlterPartitionReassignmentsResponseReassignableTopicResponse(r: Reader, v: number): Complete<AlterPartitionReassignmentsResponseReassignableTopicResponse> {
  const name_: string = r.compactString('AlterPartitionReassignmentsResponseReassignableTopicResponse.name');
  let partitions_: Complete<AlterPartitionReassignmentsResponseReassignablePartitionResponse>[];
  {
    const len0 = r.requiredArrayLength(true, 'AlterPartitionReassignmentsResponseReassignableTopicResponse.partitions');
    const a0: Complete<AlterPartitionReassignmentsResponseReassignablePartitionResponse>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readAlterPartitionReassignmentsResponseReassignablePartitionResponse(r, v));
    }
    partitions_ = a0;
  }
  r.skipTaggedFields();
  return { name: name_, partitions: partitions_ };
}

function sizeAlterPartitionReassignmentsResponseReassignablePartitionResponse(m: AlterPartitionReassignmentsResponseReassignablePartitionResponse, v: number): number {
  let n = 7;
  n += sizeOfCompactNullableString(m.errorMessage);
  return n;
}

function writeAlterPartitionReassignmentsResponseReassignablePartitionResponse(w: Writer, m: AlterPartitionReassignmentsResponseReassignablePartitionResponse, v: number): void {
  w.int32(m.partitionIndex);
  w.int16(m.errorCode);
  w.compactNullableString(m.errorMessage);
  w.uvarint(0);
}

function readAlterPartitionReassignmentsResponseReassignablePartitionResponse(r: Reader, v: number): Complete<AlterPartitionReassignmentsResponseReassignablePartitionResponse> {
  const partitionIndex_: number = r.int32();
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = r.compactNullableString();
  r.skipTaggedFields();
  return { partitionIndex: partitionIndex_, errorCode: errorCode_, errorMessage: errorMessage_ };
}

export const AlterPartitionReassignmentsResponse: MessageCodec<AlterPartitionReassignmentsResponse> = {
  name: 'AlterPartitionReassignmentsResponse',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: 0,
  size: sizeAlterPartitionReassignmentsResponse,
  write: writeAlterPartitionReassignmentsResponse,
  read: readAlterPartitionReassignmentsResponse,
};
