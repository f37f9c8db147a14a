// Generated from schema/create-partitions.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** CreatePartitionsRequest (versions 0-3). */
export interface CreatePartitionsRequest {
  /** Topics: v0-3 */
  topics: readonly CreatePartitionsRequestCreatePartitionsTopic[];
  /** TimeoutMs: v0-3 */
  timeoutMs: number;
  /** ValidateOnly: v0-3 */
  validateOnly: boolean;
}

/** CreatePartitionsRequest CreatePartitionsTopic (versions 0-3). */
export interface CreatePartitionsRequestCreatePartitionsTopic {
  /** Name: v0-3 */
  name: string;
  /** Count: v0-3 */
  count: number;
  /** Assignments: v0-3, nullable v0+ */
  assignments: readonly CreatePartitionsRequestCreatePartitionsAssignment[] | null;
}

/** CreatePartitionsRequest CreatePartitionsAssignment (versions 0-3). */
export interface CreatePartitionsRequestCreatePartitionsAssignment {
  /** BrokerIds: v0-3 */
  brokerIds: readonly number[];
}

/** CreatePartitionsResponse (versions 0-3). */
export interface CreatePartitionsResponse {
  /** ThrottleTimeMs: v0-3 */
  throttleTimeMs: number;
  /** Results: v0-3 */
  results: readonly CreatePartitionsResponseCreatePartitionsTopicResult[];
}

/** CreatePartitionsResponse CreatePartitionsTopicResult (versions 0-3). */
export interface CreatePartitionsResponseCreatePartitionsTopicResult {
  /** Name: v0-3 */
  name: string;
  /** ErrorCode: v0-3 */
  errorCode: number;
  /** ErrorMessage: v0-3, nullable v0+, default null */
  errorMessage: string | null;
}

function sizeCreatePartitionsRequest(m: CreatePartitionsRequest, v: number): number {
  const f = v >= 2;
  let n = 5;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeCreatePartitionsRequestCreatePartitionsTopic(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeCreatePartitionsRequest(w: Writer, m: CreatePartitionsRequest, v: number): void {
  const f = v >= 2;
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeCreatePartitionsRequestCreatePartitionsTopic(w, a0[i0]!, v);
    }
  }
  w.int32(m.timeoutMs);
  w.bool(m.validateOnly);
  if (f) {
    w.uvarint(0);
  }
}

function readCreatePartitionsRequest(r: Reader, v: number): Complete<CreatePartitionsRequest> {
  const f = v >= 2;
  let topics_: Complete<CreatePartitionsRequestCreatePartitionsTopic>[];
  {
    const len0 = r.requiredArrayLength(f, 'CreatePartitionsRequest.topics');
    const a0: Complete<CreatePartitionsRequestCreatePartitionsTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readCreatePartitionsRequestCreatePartitionsTopic(r, v));
    }
    topics_ = a0;
  }
  const timeoutMs_: number = r.int32();
  const validateOnly_: boolean = r.bool();
  if (f) {
    r.skipTaggedFields();
  }
  return { topics: topics_, timeoutMs: timeoutMs_, validateOnly: validateOnly_ };
}

function sizeCreatePartitionsRequestCreatePartitionsTopic(m: CreatePartitionsRequestCreatePartitionsTopic, v: number): number {
  const f = v >= 2;
  let n = 4;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.assignments;
    if (a0 === null) n += (f ? 1 : 4);
    else {
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeCreatePartitionsRequestCreatePartitionsAssignment(a0[i0]!, v);
      }
    }
  }
  if (f) n += 1;
  return n;
}

function writeCreatePartitionsRequestCreatePartitionsTopic(w: Writer, m: CreatePartitionsRequestCreatePartitionsTopic, v: number): void {
  const f = v >= 2;
  if (f) w.compactString(m.name); else w.string(m.name);
  w.int32(m.count);
  {
    const a0 = m.assignments;
    if (a0 === null) w.nullArray(f);
    else {
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeCreatePartitionsRequestCreatePartitionsAssignment(w, a0[i0]!, v);
      }
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readCreatePartitionsRequestCreatePartitionsTopic(r: Reader, v: number): Complete<CreatePartitionsRequestCreatePartitionsTopic> {
  const f = v >= 2;
  const name_: string = (f ? r.compactString('CreatePartitionsRequestCreatePartitionsTopic.name') : r.string('CreatePartitionsRequestCreatePartitionsTopic.name'));
  const count_: number = r.int32();
  let assignments_: Complete<CreatePartitionsRequestCreatePartitionsAssignment>[] | null;
  {
    const len0 = r.arrayLength(f, 'CreatePartitionsRequestCreatePartitionsTopic.assignments');
    if (len0 < 0) assignments_ = null;
    else {
      const a0: Complete<CreatePartitionsRequestCreatePartitionsAssignment>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readCreatePartitionsRequestCreatePartitionsAssignment(r, v));
      }
      assignments_ = a0;
    }
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, count: count_, assignments: assignments_ };
}

function sizeCreatePartitionsRequestCreatePartitionsAssignment(m: CreatePartitionsRequestCreatePartitionsAssignment, v: number): number {
  const f = v >= 2;
  let n = 0;
  {
    const a0 = m.brokerIds;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4) + a0.length * 4;
  }
  if (f) n += 1;
  return n;
}

function writeCreatePartitionsRequestCreatePartitionsAssignment(w: Writer, m: CreatePartitionsRequestCreatePartitionsAssignment, v: number): void {
  const f = v >= 2;
  {
    const a0 = m.brokerIds;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.int32(a0[i0]!);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readCreatePartitionsRequestCreatePartitionsAssignment(r: Reader, v: number): Complete<CreatePartitionsRequestCreatePartitionsAssignment> {
  const f = v >= 2;
  let brokerIds_: number[];
  {
    const len0 = r.requiredArrayLength(f, 'CreatePartitionsRequestCreatePartitionsAssignment.brokerIds');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    brokerIds_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { brokerIds: brokerIds_ };
}

export const CreatePartitionsRequest: MessageCodec<CreatePartitionsRequest> = {
  name: 'CreatePartitionsRequest',
  minVersion: 0,
  maxVersion: 3,
  flexibleMin: 2,
  size: sizeCreatePartitionsRequest,
  write: writeCreatePartitionsRequest,
  read: readCreatePartitionsRequest,
};

function sizeCreatePartitionsResponse(m: CreatePartitionsResponse, v: number): number {
  const f = v >= 2;
  let n = 4;
  {
    const a0 = m.results;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeCreatePartitionsResponseCreatePartitionsTopicResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeCreatePartitionsResponse(w: Writer, m: CreatePartitionsResponse, v: number): void {
  const f = v >= 2;
  w.int32(m.throttleTimeMs);
  {
    const a0 = m.results;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeCreatePartitionsResponseCreatePartitionsTopicResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readCreatePartitionsResponse(r: Reader, v: number): Complete<CreatePartitionsResponse> {
  const f = v >= 2;
  const throttleTimeMs_: number = r.int32();
  let results_: Complete<CreatePartitionsResponseCreatePartitionsTopicResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'CreatePartitionsResponse.results');
    const a0: Complete<CreatePartitionsResponseCreatePartitionsTopicResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readCreatePartitionsResponseCreatePartitionsTopicResult(r, v));
    }
    results_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, results: results_ };
}

function sizeCreatePartitionsResponseCreatePartitionsTopicResult(m: CreatePartitionsResponseCreatePartitionsTopicResult, v: number): number {
  const f = v >= 2;
  let n = 2;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  n += (f ? sizeOfCompactNullableString(m.errorMessage) : sizeOfNullableString(m.errorMessage));
  if (f) n += 1;
  return n;
}

function writeCreatePartitionsResponseCreatePartitionsTopicResult(w: Writer, m: CreatePartitionsResponseCreatePartitionsTopicResult, v: number): void {
  const f = v >= 2;
  if (f) w.compactString(m.name); else w.string(m.name);
  w.int16(m.errorCode);
  if (f) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  if (f) {
    w.uvarint(0);
  }
}

function readCreatePartitionsResponseCreatePartitionsTopicResult(r: Reader, v: number): Complete<CreatePartitionsResponseCreatePartitionsTopicResult> {
  const f = v >= 2;
  const name_: string = (f ? r.compactString('CreatePartitionsResponseCreatePartitionsTopicResult.name') : r.string('CreatePartitionsResponseCreatePartitionsTopicResult.name'));
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (f ? r.compactNullableString() : r.nullableString());
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, errorCode: errorCode_, errorMessage: errorMessage_ };
}

export const CreatePartitionsResponse: MessageCodec<CreatePartitionsResponse> = {
  name: 'CreatePartitionsResponse',
  minVersion: 0,
  maxVersion: 3,
  flexibleMin: 2,
  size: sizeCreatePartitionsResponse,
  write: writeCreatePartitionsResponse,
  read: readCreatePartitionsResponse,
};
