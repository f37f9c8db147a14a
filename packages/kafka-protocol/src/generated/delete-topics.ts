// Generated from schema/delete-topics.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';
import { ZERO_UUID } from '../uuid.js';
import { notNullable } from '../generated-support.js';

/** DeleteTopicsRequest (versions 0-6). */
export interface DeleteTopicsRequest {
  /** Topics: v6 */
  topics?: readonly DeleteTopicsRequestDeleteTopicState[];
  /** TopicNames: v0-5 */
  topicNames?: readonly string[];
  /** TimeoutMs: v0-6 */
  timeoutMs: number;
}

/** DeleteTopicsRequest DeleteTopicState (versions 6). */
export interface DeleteTopicsRequestDeleteTopicState {
  /** Name: v6, nullable v0+, default null */
  name: string | null;
  /** TopicId: v6 */
  topicId: string;
}

/** DeleteTopicsResponse (versions 0-6). */
export interface DeleteTopicsResponse {
  /** ThrottleTimeMs: v1-6 */
  throttleTimeMs?: number;
  /** Responses: v0-6 */
  responses: readonly DeleteTopicsResponseDeletableTopicResult[];
}

/** DeleteTopicsResponse DeletableTopicResult (versions 0-6). */
export interface DeleteTopicsResponseDeletableTopicResult {
  /** Name: v0-6, nullable v6+ */
  name: string | null;
  /** TopicId: v6 */
  topicId?: string;
  /** ErrorCode: v0-6 */
  errorCode: number;
  /** ErrorMessage: v5-6, nullable v5+, default null */
  errorMessage?: string | null;
}

function sizeDeleteTopicsRequest(m: DeleteTopicsRequest, v: number): number {
  const f = v >= 4;
  let n = 4;
  if (v >= 6) {
    {
      const a0 = (m.topics ?? []);
      n += sizeOfUvarint(a0.length + 1);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeDeleteTopicsRequestDeleteTopicState(a0[i0]!, v);
      }
    }
  }
  if (v <= 5) {
    {
      const a0 = (m.topicNames ?? []);
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += (f ? sizeOfCompactString(a0[i0]!) : sizeOfString(a0[i0]!));
      }
    }
  }
  if (f) n += 1;
  return n;
}

function writeDeleteTopicsRequest(w: Writer, m: DeleteTopicsRequest, v: number): void {
  const f = v >= 4;
  if (v >= 6) {
    {
      const a0 = (m.topics ?? []);
      w.arrayLength(true, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeDeleteTopicsRequestDeleteTopicState(w, a0[i0]!, v);
      }
    }
  }
  if (v <= 5) {
    {
      const a0 = (m.topicNames ?? []);
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        if (f) w.compactString(a0[i0]!); else w.string(a0[i0]!);
      }
    }
  }
  w.int32(m.timeoutMs);
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteTopicsRequest(r: Reader, v: number): Complete<DeleteTopicsRequest> {
  const f = v >= 4;
  let topics_: Complete<DeleteTopicsRequestDeleteTopicState>[] = [];
  if (v >= 6) {
    {
      const len0 = r.requiredArrayLength(true, 'DeleteTopicsRequest.topics');
      const a0: Complete<DeleteTopicsRequestDeleteTopicState>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readDeleteTopicsRequestDeleteTopicState(r, v));
      }
      topics_ = a0;
    }
  }
  let topicNames_: string[] = [];
  if (v <= 5) {
    {
      const len0 = r.requiredArrayLength(f, 'DeleteTopicsRequest.topicNames');
      const a0: string[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push((f ? r.compactString('DeleteTopicsRequest.topicNames') : r.string('DeleteTopicsRequest.topicNames')));
      }
      topicNames_ = a0;
    }
  }
  const timeoutMs_: number = r.int32();
  if (f) {
    r.skipTaggedFields();
  }
  return { topics: topics_, topicNames: topicNames_, timeoutMs: timeoutMs_ };
}

function sizeDeleteTopicsRequestDeleteTopicState(m: DeleteTopicsRequestDeleteTopicState, v: number): number {
  let n = 17;
  n += sizeOfCompactNullableString(m.name);
  return n;
}

function writeDeleteTopicsRequestDeleteTopicState(w: Writer, m: DeleteTopicsRequestDeleteTopicState, v: number): void {
  w.compactNullableString(m.name);
  w.uuid(m.topicId);
  w.uvarint(0);
}

function readDeleteTopicsRequestDeleteTopicState(r: Reader, v: number): Complete<DeleteTopicsRequestDeleteTopicState> {
  const name_: string | null = r.compactNullableString();
  const topicId_: string = r.uuid();
  r.skipTaggedFields();
  return { name: name_, topicId: topicId_ };
}

export const DeleteTopicsRequest: MessageCodec<DeleteTopicsRequest> = {
  name: 'DeleteTopicsRequest',
  minVersion: 0,
  maxVersion: 6,
  flexibleMin: 4,
  size: sizeDeleteTopicsRequest,
  write: writeDeleteTopicsRequest,
  read: readDeleteTopicsRequest,
};

function sizeDeleteTopicsResponse(m: DeleteTopicsResponse, v: number): number {
  const f = v >= 4;
  let n = 0;
  if (v >= 1) n += 4;
  {
    const a0 = m.responses;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDeleteTopicsResponseDeletableTopicResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDeleteTopicsResponse(w: Writer, m: DeleteTopicsResponse, v: number): void {
  const f = v >= 4;
  if (v >= 1) w.int32((m.throttleTimeMs ?? 0));
  {
    const a0 = m.responses;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDeleteTopicsResponseDeletableTopicResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteTopicsResponse(r: Reader, v: number): Complete<DeleteTopicsResponse> {
  const f = v >= 4;
  const throttleTimeMs_: number = (v >= 1 ? r.int32() : 0);
  let responses_: Complete<DeleteTopicsResponseDeletableTopicResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'DeleteTopicsResponse.responses');
    const a0: Complete<DeleteTopicsResponseDeletableTopicResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDeleteTopicsResponseDeletableTopicResult(r, v));
    }
    responses_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, responses: responses_ };
}

function sizeDeleteTopicsResponseDeletableTopicResult(m: DeleteTopicsResponseDeletableTopicResult, v: number): number {
  const f = v >= 4;
  let n = 2;
  n += (f ? sizeOfCompactNullableString(m.name) : sizeOfNullableString(m.name));
  if (v >= 6) n += 16;
  if (v >= 5) {
    n += sizeOfCompactNullableString((m.errorMessage === undefined ? null : m.errorMessage));
  }
  if (f) n += 1;
  return n;
}

function writeDeleteTopicsResponseDeletableTopicResult(w: Writer, m: DeleteTopicsResponseDeletableTopicResult, v: number): void {
  const f = v >= 4;
  if (m.name === null && !(v >= 6)) throw notNullable('DeleteTopicsResponseDeletableTopicResult.name', v);
  if (f) w.compactNullableString(m.name); else w.nullableString(m.name);
  if (v >= 6) w.uuid((m.topicId ?? ZERO_UUID));
  w.int16(m.errorCode);
  if (v >= 5) w.compactNullableString((m.errorMessage === undefined ? null : m.errorMessage));
  if (f) {
    w.uvarint(0);
  }
}

function readDeleteTopicsResponseDeletableTopicResult(r: Reader, v: number): Complete<DeleteTopicsResponseDeletableTopicResult> {
  const f = v >= 4;
  const name_: string | null = (f ? (v >= 6 ? r.compactNullableString() : r.compactString('DeleteTopicsResponseDeletableTopicResult.name')) : (v >= 6 ? r.nullableString() : r.string('DeleteTopicsResponseDeletableTopicResult.name')));
  const topicId_: string = (v >= 6 ? r.uuid() : ZERO_UUID);
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (v >= 5 ? r.compactNullableString() : null);
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, topicId: topicId_, errorCode: errorCode_, errorMessage: errorMessage_ };
}

export const DeleteTopicsResponse: MessageCodec<DeleteTopicsResponse> = {
  name: 'DeleteTopicsResponse',
  minVersion: 0,
  maxVersion: 6,
  flexibleMin: 4,
  size: sizeDeleteTopicsResponse,
  write: writeDeleteTopicsResponse,
  read: readDeleteTopicsResponse,
};
