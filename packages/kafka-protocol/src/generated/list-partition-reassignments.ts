// Generated from schema/list-partition-reassignments.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** ListPartitionReassignmentsRequest (versions 0). */
export interface ListPartitionReassignmentsRequest {
  /** TimeoutMs: v0, default 60000 */
  timeoutMs: number;
  /** Topics: v0, nullable v0+, default null */
  topics: readonly ListPartitionReassignmentsRequestListPartitionReassignmentsTopics[] | null;
}

/** ListPartitionReassignmentsRequest ListPartitionReassignmentsTopics (versions 0). */
export interface ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  /** Name: v0 */
  name: string;
  /** PartitionIndexes: v0 */
  partitionIndexes: readonly number[];
}

/** ListPartitionReassignmentsResponse (versions 0). */
export interface ListPartitionReassignmentsResponse {
  /** ThrottleTimeMs: v0 */
  throttleTimeMs: number;
  /** ErrorCode: v0 */
  errorCode: number;
  /** ErrorMessage: v0, nullable v0+ */
  errorMessage: string | null;
  /** Topics: v0 */
  topics: readonly ListPartitionReassignmentsResponseOngoingTopicReassignment[];
}

/** ListPartitionReassignmentsResponse OngoingTopicReassignment (versions 0). */
export interface ListPartitionReassignmentsResponseOngoingTopicReassignment {
  /** Name: v0 */
  name: string;
  /** Partitions: v0 */
  partitions: readonly ListPartitionReassignmentsResponseOngoingPartitionReassignment[];
}

/** ListPartitionReassignmentsResponse OngoingPartitionReassignment (versions 0). */
export interface ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  /** PartitionIndex: v0 */
  partitionIndex: number;
  /** Replicas: v0 */
  replicas: readonly number[];
  /** AddingReplicas: v0 */
  addingReplicas: readonly number[];
  /** RemovingReplicas: v0 */
  removingReplicas: readonly number[];
}

function sizeListPartitionReassignmentsRequest(m: ListPartitionReassignmentsRequest, v: number): number {
  let n = 5;
  {
    const a0 = m.topics;
    if (a0 === null) n += 1;
    else {
      n += sizeOfUvarint(a0.length + 1);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeListPartitionReassignmentsRequestListPartitionReassignmentsTopics(a0[i0]!, v);
      }
    }
  }
  return n;
}

function writeListPartitionReassignmentsRequest(w: Writer, m: ListPartitionReassignmentsRequest, v: number): void {
  w.int32(m.timeoutMs);
  {
    const a0 = m.topics;
    if (a0 === null) w.nullArray(true);
    else {
      w.arrayLength(true, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeListPartitionReassignmentsRequestListPartitionReassignmentsTopics(w, a0[i0]!, v);
      }
    }
  }
  w.uvarint(0);
}

function readListPartitionReassignmentsRequest(r: Reader, v: number): Complete<ListPartitionReassignmentsRequest> {
  const timeoutMs_: number = r.int32();
  let topics_: Complete<ListPartitionReassignmentsRequestListPartitionReassignmentsTopics>[] | null;
  {
    const len0 = r.arrayLength(true, 'ListPartitionReassignmentsRequest.topics');
    if (len0 < 0) topics_ = null;
    else {
      const a0: Complete<ListPartitionReassignmentsRequestListPartitionReassignmentsTopics>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readListPartitionReassignmentsRequestListPartitionReassignmentsTopics(r, v));
      }
      topics_ = a0;
    }
  }
  r.skipTaggedFields();
  return { timeoutMs: timeoutMs_, topics: topics_ };
}

function sizeListPartitionReassignmentsRequestListPartitionReassignmentsTopics(m: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics, v: number): number {
  let n = 1;
  n += sizeOfCompactString(m.name);
  {
    const a0 = m.partitionIndexes;
    n += sizeOfUvarint(a0.length + 1) + a0.length * 4;
  }
  return n;
}

function writeListPartitionReassignmentsRequestListPartitionReassignmentsTopics(w: Writer, m: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics, v: number): void {
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

function readListPartitionReassignmentsRequestListPartitionReassignmentsTopics(r: Reader, v: number): Complete<ListPartitionReassignmentsRequestListPartitionReassignmentsTopics> {
  const name_: string = r.compactString('ListPartitionReassignmentsRequestListPartitionReassignmentsTopics.name');
  let partitionIndexes_: number[];
  {
    const len0 = r.requiredArrayLength(true, 'ListPartitionReassignmentsRequestListPartitionReassignmentsTopics.partitionIndexes');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    partitionIndexes_ = a0;
  }
  r.skipTaggedFields();
  return { name: name_, partitionIndexes: partitionIndexes_ };
}

export const ListPartitionReassignmentsRequest: MessageCodec<ListPartitionReassignmentsRequest> = {
  name: 'ListPartitionReassignmentsRequest',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: 0,
  size: sizeListPartitionReassignmentsRequest,
  write: writeListPartitionReassignmentsRequest,
  read: readListPartitionReassignmentsRequest,
};

function sizeListPartitionReassignmentsResponse(m: ListPartitionReassignmentsResponse, v: number): number {
  let n = 7;
  n += sizeOfCompactNullableString(m.errorMessage);
  {
    const a0 = m.topics;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeListPartitionReassignmentsResponseOngoingTopicReassignment(a0[i0]!, v);
    }
  }
  return n;
}

function writeListPartitionReassignmentsResponse(w: Writer, m: ListPartitionReassignmentsResponse, v: number): void {
  w.int32(m.throttleTimeMs);
  w.int16(m.errorCode);
  w.compactNullableString(m.errorMessage);
  {
    const a0 = m.topics;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeListPartitionReassignmentsResponseOngoingTopicReassignment(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readListPartitionReassignmentsResponse(r: Reader, v: number): Complete<ListPartitionReassignmentsResponse> {
  const throttleTimeMs_: number = r.int32();
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = r.compactNullableString();
  let topics_: Complete<ListPartitionReassignmentsResponseOngoingTopicReassignment>[];
  {
    const len0 = r.requiredArrayLength(true, 'ListPartitionReassignmentsResponse.topics');
    const a0: Complete<ListPartitionReassignmentsResponseOngoingTopicReassignment>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readListPartitionReassignmentsResponseOngoingTopicReassignment(r, v));
    }
    topics_ = a0;
  }
  r.skipTaggedFields();
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, errorMessage: errorMessage_, topics: topics_ };
}

function sizeListPartitionReassignmentsResponseOngoingTopicReassignment(m: ListPartitionReassignmentsResponseOngoingTopicReassignment, v: number): number {
  let n = 1;
  n += sizeOfCompactString(m.name);
  {
    const a0 = m.partitions;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeListPartitionReassignmentsResponseOngoingPartitionReassignment(a0[i0]!, v);
    }
  }
  return n;
}

function writeListPartitionReassignmentsResponseOngoingTopicReassignment(w: Writer, m: ListPartitionReassignmentsResponseOngoingTopicReassignment, v: number): void {
  w.compactString(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeListPartitionReassignmentsResponseOngoingPartitionReassignment(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readListPartitionReassignmentsResponseOngoingTopicReassignment(r: Reader, v: number): Complete<ListPartitionReassignmentsResponseOngoingTopicReassignment> {
  const name_: string = r.compactString('ListPartitionReassignmentsResponseOngoingTopicReassignment.name');
  let partitions_: Complete<ListPartitionReassignmentsResponseOngoingPartitionReassignment>[];
  {
    const len0 = r.requiredArrayLength(true, 'ListPartitionReassignmentsResponseOngoingTopicReassignment.partitions');
    const a0: Complete<ListPartitionReassignmentsResponseOngoingPartitionReassignment>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readListPartitionReassignmentsResponseOngoingPartitionReassignment(r, v));
    }
    partitions_ = a0;
  }
  r.skipTaggedFields();
  return { name: name_, partitions: partitions_ };
}

function sizeListPartitionReassignmentsResponseOngoingPartitionReassignment(m: ListPartitionReassignmentsResponseOngoingPartitionReassignment, v: number): number {
  let n = 5;
  {
    const a0 = m.replicas;
    n += sizeOfUvarint(a0.length + 1) + a0.length * 4;
  }
  {
    const a0 = m.addingReplicas;
    n += sizeOfUvarint(a0.length + 1) + a0.length * 4;
  }
  {
    const a0 = m.removingReplicas;
    n += sizeOfUvarint(a0.length + 1) + a0.length * 4;
  }
  return n;
}

function writeListPartitionReassignmentsResponseOngoingPartitionReassignment(w: Writer, m: ListPartitionReassignmentsResponseOngoingPartitionReassignment, v: number): void {
  w.int32(m.partitionIndex);
  {
    const a0 = m.replicas;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.int32(a0[i0]!);
    }
  }
  {
    const a0 = m.addingReplicas;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.int32(a0[i0]!);
    }
  }
  {
    const a0 = m.removingReplicas;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.int32(a0[i0]!);
    }
  }
  w.uvarint(0);
}

function readListPartitionReassignmentsResponseOngoingPartitionReassignment(r: Reader, v: number): Complete<ListPartitionReassignmentsResponseOngoingPartitionReassignment> {
  const partitionIndex_: number = r.int32();
  let replicas_: number[];
  {
    const len0 = r.requiredArrayLength(true, 'ListPartitionReassignmentsResponseOngoingPartitionReassignment.replicas');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    replicas_ = a0;
  }
  let addingReplicas_: number[];
  {
    const len0 = r.requiredArrayLength(true, 'ListPartitionReassignmentsResponseOngoingPartitionReassignment.addingReplicas');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    addingReplicas_ = a0;
  }
  let removingReplicas_: number[];
  {
    const len0 = r.requiredArrayLength(true, 'ListPartitionReassignmentsResponseOngoingPartitionReassignment.removingReplicas');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    removingReplicas_ = a0;
  }
  r.skipTaggedFields();
  return { partitionIndex: partitionIndex_, replicas: replicas_, addingReplicas: addingReplicas_, removingReplicas: removingReplicas_ };
}

export const ListPartitionReassignmentsResponse: MessageCodec<ListPartitionReassignmentsResponse> = {
  name: 'ListPartitionReassignmentsResponse',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: 0,
  size: sizeListPartitionReassignmentsResponse,
  write: writeListPartitionReassignmentsResponse,
  read: readListPartitionReassignmentsResponse,
};
