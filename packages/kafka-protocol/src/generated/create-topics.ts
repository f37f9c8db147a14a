// Generated from schema/create-topics.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';
import { ZERO_UUID } from '../uuid.js';

/** CreateTopicsRequest (versions 0-7). */
export interface CreateTopicsRequest {
  /** Topics: v0-7 */
  topics: readonly CreateTopicsRequestCreatableTopic[];
  /** TimeoutMs: v0-7, default 60000 */
  timeoutMs: number;
  /** ValidateOnly: v1-7 */
  validateOnly?: boolean;
}

/** CreateTopicsRequest CreatableTopic (versions 0-7). */
export interface CreateTopicsRequestCreatableTopic {
  /** Name: v0-7 */
  name: string;
  /** NumPartitions: v0-7 */
  numPartitions: number;
  /** ReplicationFactor: v0-7 */
  replicationFactor: number;
  /** Assignments: v0-7 */
  assignments: readonly CreateTopicsRequestCreatableReplicaAssignment[];
  /** Configs: v0-7 */
  configs: readonly CreateTopicsRequestCreatableTopicConfig[];
}

/** CreateTopicsRequest CreatableReplicaAssignment (versions 0-7). */
export interface CreateTopicsRequestCreatableReplicaAssignment {
  /** PartitionIndex: v0-7 */
  partitionIndex: number;
  /** BrokerIds: v0-7 */
  brokerIds: readonly number[];
}

/** CreateTopicsRequest CreatableTopicConfig (versions 0-7). */
export interface CreateTopicsRequestCreatableTopicConfig {
  /** Name: v0-7 */
  name: string;
  /** Value: v0-7, nullable v0+ */
  value: string | null;
}

/** CreateTopicsResponse (versions 0-7). */
export interface CreateTopicsResponse {
  /** ThrottleTimeMs: v2-7 */
  throttleTimeMs?: number;
  /** Topics: v0-7 */
  topics: readonly CreateTopicsResponseCreatableTopicResult[];
}

/** CreateTopicsResponse CreatableTopicResult (versions 0-7). */
export interface CreateTopicsResponseCreatableTopicResult {
  /** Name: v0-7 */
  name: string;
  /** TopicId: v7 */
  topicId?: string;
  /** ErrorCode: v0-7 */
  errorCode: number;
  /** ErrorMessage: v1-7, nullable v1+, default null */
  errorMessage?: string | null;
  /** TopicConfigErrorCode: v5-7, tag 0 */
  topicConfigErrorCode?: number;
  /** NumPartitions: v5-7, default -1 */
  numPartitions?: number;
  /** ReplicationFactor: v5-7, default -1 */
  replicationFactor?: number;
  /** Configs: v5-7, nullable v5+ */
  configs?: readonly CreateTopicsResponseCreatableTopicConfigs[] | null;
}

/** CreateTopicsResponse CreatableTopicConfigs (versions 5-7). */
export interface CreateTopicsResponseCreatableTopicConfigs {
  /** Name: v5-7 */
  name: string;
  /** Value: v5-7, nullable v0+ */
  value: string | null;
  /** ReadOnly: v5-7 */
  readOnly: boolean;
  /** ConfigSource: v5-7, default -1 */
  configSource: number;
  /** IsSensitive: v5-7 */
  isSensitive: boolean;
}

function sizeCreateTopicsRequest(m: CreateTopicsRequest, v: number): number {
  const f = v >= 5;
  let n = 4;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeCreateTopicsRequestCreatableTopic(a0[i0]!, v);
    }
  }
  if (v >= 1) n += 1;
  if (f) n += 1;
  return n;
}

function writeCreateTopicsRequest(w: Writer, m: CreateTopicsRequest, v: number): void {
  const f = v >= 5;
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeCreateTopicsRequestCreatableTopic(w, a0[i0]!, v);
    }
  }
  w.int32(m.timeoutMs);
  if (v >= 1) w.bool((m.validateOnly ?? false));
  if (f) {
    w.uvarint(0);
  }
}

function readCreateTopicsRequest(r: Reader, v: number): Complete<CreateTopicsRequest> {
  const f = v >= 5;
  let topics_: Complete<CreateTopicsRequestCreatableTopic>[];
  {
    const len0 = r.requiredArrayLength(f, 'CreateTopicsRequest.topics');
    const a0: Complete<CreateTopicsRequestCreatableTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readCreateTopicsRequestCreatableTopic(r, v));
    }
    topics_ = a0;
  }
  const timeoutMs_: number = r.int32();
  const validateOnly_: boolean = (v >= 1 ? r.bool() : false);
  if (f) {
    r.skipTaggedFields();
  }
  return { topics: topics_, timeoutMs: timeoutMs_, validateOnly: validateOnly_ };
}

function sizeCreateTopicsRequestCreatableTopic(m: CreateTopicsRequestCreatableTopic, v: number): number {
  const f = v >= 5;
  let n = 6;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.assignments;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeCreateTopicsRequestCreatableReplicaAssignment(a0[i0]!, v);
    }
  }
  {
    const a0 = m.configs;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeCreateTopicsRequestCreatableTopicConfig(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeCreateTopicsRequestCreatableTopic(w: Writer, m: CreateTopicsRequestCreatableTopic, v: number): void {
  const f = v >= 5;
  if (f) w.compactString(m.name); else w.string(m.name);
  w.int32(m.numPartitions);
  w.int16(m.replicationFactor);
  {
    const a0 = m.assignments;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeCreateTopicsRequestCreatableReplicaAssignment(w, a0[i0]!, v);
    }
  }
  {
    const a0 = m.configs;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeCreateTopicsRequestCreatableTopicConfig(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readCreateTopicsRequestCreatableTopic(r: Reader, v: number): Complete<CreateTopicsRequestCreatableTopic> {
  const f = v >= 5;
  const name_: string = (f ? r.compactString('CreateTopicsRequestCreatableTopic.name') : r.string('CreateTopicsRequestCreatableTopic.name'));
  const numPartitions_: number = r.int32();
  const replicationFactor_: number = r.int16();
  let assignments_: Complete<CreateTopicsRequestCreatableReplicaAssignment>[];
  {
    const len0 = r.requiredArrayLength(f, 'CreateTopicsRequestCreatableTopic.assignments');
    const a0: Complete<CreateTopicsRequestCreatableReplicaAssignment>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readCreateTopicsRequestCreatableReplicaAssignment(r, v));
    }
    assignments_ = a0;
  }
  let configs_: Complete<CreateTopicsRequestCreatableTopicConfig>[];
  {
    const len0 = r.requiredArrayLength(f, 'CreateTopicsRequestCreatableTopic.configs');
    const a0: Complete<CreateTopicsRequestCreatableTopicConfig>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readCreateTopicsRequestCreatableTopicConfig(r, v));
    }
    configs_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, numPartitions: numPartitions_, replicationFactor: replicationFactor_, assignments: assignments_, configs: configs_ };
}

function sizeCreateTopicsRequestCreatableReplicaAssignment(m: CreateTopicsRequestCreatableReplicaAssignment, v: number): number {
  const f = v >= 5;
  let n = 4;
  {
    const a0 = m.brokerIds;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4) + a0.length * 4;
  }
  if (f) n += 1;
  return n;
}

function writeCreateTopicsRequestCreatableReplicaAssignment(w: Writer, m: CreateTopicsRequestCreatableReplicaAssignment, v: number): void {
  const f = v >= 5;
  w.int32(m.partitionIndex);
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

function readCreateTopicsRequestCreatableReplicaAssignment(r: Reader, v: number): Complete<CreateTopicsRequestCreatableReplicaAssignment> {
  const f = v >= 5;
  const partitionIndex_: number = r.int32();
  let brokerIds_: number[];
  {
    const len0 = r.requiredArrayLength(f, 'CreateTopicsRequestCreatableReplicaAssignment.brokerIds');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    brokerIds_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { partitionIndex: partitionIndex_, brokerIds: brokerIds_ };
}

function sizeCreateTopicsRequestCreatableTopicConfig(m: CreateTopicsRequestCreatableTopicConfig, v: number): number {
  const f = v >= 5;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  n += (f ? sizeOfCompactNullableString(m.value) : sizeOfNullableString(m.value));
  if (f) n += 1;
  return n;
}

function writeCreateTopicsRequestCreatableTopicConfig(w: Writer, m: CreateTopicsRequestCreatableTopicConfig, v: number): void {
  const f = v >= 5;
  if (f) w.compactString(m.name); else w.string(m.name);
  if (f) w.compactNullableString(m.value); else w.nullableString(m.value);
  if (f) {
    w.uvarint(0);
  }
}

function readCreateTopicsRequestCreatableTopicConfig(r: Reader, v: number): Complete<CreateTopicsRequestCreatableTopicConfig> {
  const f = v >= 5;
  const name_: string = (f ? r.compactString('CreateTopicsRequestCreatableTopicConfig.name') : r.string('CreateTopicsRequestCreatableTopicConfig.name'));
  const value_: string | null = (f ? r.compactNullableString() : r.nullableString());
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, value: value_ };
}

export const CreateTopicsRequest: MessageCodec<CreateTopicsRequest> = {
  name: 'CreateTopicsRequest',
  minVersion: 0,
  maxVersion: 7,
  flexibleMin: 5,
  size: sizeCreateTopicsRequest,
  write: writeCreateTopicsRequest,
  read: readCreateTopicsRequest,
};

function sizeCreateTopicsResponse(m: CreateTopicsResponse, v: number): number {
  const f = v >= 5;
  let n = 0;
  if (v >= 2) n += 4;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeCreateTopicsResponseCreatableTopicResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeCreateTopicsResponse(w: Writer, m: CreateTopicsResponse, v: number): void {
  const f = v >= 5;
  if (v >= 2) w.int32((m.throttleTimeMs ?? 0));
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeCreateTopicsResponseCreatableTopicResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readCreateTopicsResponse(r: Reader, v: number): Complete<CreateTopicsResponse> {
  const f = v >= 5;
  const throttleTimeMs_: number = (v >= 2 ? r.int32() : 0);
  let topics_: Complete<CreateTopicsResponseCreatableTopicResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'CreateTopicsResponse.topics');
    const a0: Complete<CreateTopicsResponseCreatableTopicResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readCreateTopicsResponseCreatableTopicResult(r, v));
    }
    topics_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, topics: topics_ };
}

function sizeCreateTopicsResponseCreatableTopicResult(m: CreateTopicsResponseCreatableTopicResult, v: number): number {
  const f = v >= 5;
  let n = 2;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  if (v >= 7) n += 16;
  if (v >= 1) {
    n += (f ? sizeOfCompactNullableString((m.errorMessage === undefined ? null : m.errorMessage)) : sizeOfNullableString((m.errorMessage === undefined ? null : m.errorMessage)));
  }
  if (v >= 5) n += 4;
  if (v >= 5) n += 2;
  if (v >= 5) {
    {
      const a0 = (m.configs === undefined ? [] : m.configs);
      if (a0 === null) n += 1;
      else {
        n += sizeOfUvarint(a0.length + 1);
        for (let i0 = 0; i0 < a0.length; i0++) {
          n += sizeCreateTopicsResponseCreatableTopicConfigs(a0[i0]!, v);
        }
      }
    }
  }
  if (f) {
    let c = 0;
    {
      const t0 = (m.topicConfigErrorCode ?? 0);
      if (v >= 5 && t0 !== 0) {
        c++;
        const s = 2;
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    n += sizeOfUvarint(c);
  }
  return n;
}

function writeCreateTopicsResponseCreatableTopicResult(w: Writer, m: CreateTopicsResponseCreatableTopicResult, v: number): void {
  const f = v >= 5;
  if (f) w.compactString(m.name); else w.string(m.name);
  if (v >= 7) w.uuid((m.topicId ?? ZERO_UUID));
  w.int16(m.errorCode);
  if (v >= 1) {
    if (f) w.compactNullableString((m.errorMessage === undefined ? null : m.errorMessage)); else w.nullableString((m.errorMessage === undefined ? null : m.errorMessage));
  }
  if (v >= 5) w.int32((m.numPartitions ?? -1));
  if (v >= 5) w.int16((m.replicationFactor ?? -1));
  if (v >= 5) {
    {
      const a0 = (m.configs === undefined ? [] : m.configs);
      if (a0 === null) w.nullArray(true);
      else {
        w.arrayLength(true, a0.length);
        for (let i0 = 0; i0 < a0.length; i0++) {
          writeCreateTopicsResponseCreatableTopicConfigs(w, a0[i0]!, v);
        }
      }
    }
  }
  if (f) {
    let c = 0;
    const t0 = (m.topicConfigErrorCode ?? 0);
    const h0 = v >= 5 && t0 !== 0;
    if (h0) c++;
    w.uvarint(c);
    if (h0) {
      w.uvarint(0);
      w.uvarint(2);
      w.int16(t0);
    }
  }
}

function readCreateTopicsResponseCreatableTopicResult(r: Reader, v: number): Complete<CreateTopicsResponseCreatableTopicResult> {
  const f = v >= 5;
  const name_: string = (f ? r.compactString('CreateTopicsResponseCreatableTopicResult.name') : r.string('CreateTopicsResponseCreatableTopicResult.name'));
  const topicId_: string = (v >= 7 ? r.uuid() : ZERO_UUID);
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (v >= 1 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  let topicConfigErrorCode_: number = 0;
  const numPartitions_: number = (v >= 5 ? r.int32() : -1);
  const replicationFactor_: number = (v >= 5 ? r.int16() : -1);
  let configs_: Complete<CreateTopicsResponseCreatableTopicConfigs>[] | null = [];
  if (v >= 5) {
    {
      const len0 = r.arrayLength(true, 'CreateTopicsResponseCreatableTopicResult.configs');
      if (len0 < 0) configs_ = null;
      else {
        const a0: Complete<CreateTopicsResponseCreatableTopicConfigs>[] = [];
        for (let i0 = 0; i0 < len0; i0++) {
          a0.push(readCreateTopicsResponseCreatableTopicConfigs(r, v));
        }
        configs_ = a0;
      }
    }
  }
  if (f) {
    for (let k = r.uvarint(); k > 0; k--) {
      const tag = r.uvarint();
      const size = r.taggedSize();
      const start = r.pos;
      switch (tag) {
        case 0:
          if (v >= 5) {
            topicConfigErrorCode_ = r.int16();
            r.endTaggedField(0, start, size);
          } else r.skip(size);
          break;
        default:
          r.skip(size);
      }
    }
  }
  return { name: name_, topicId: topicId_, errorCode: errorCode_, errorMessage: errorMessage_, topicConfigErrorCode: topicConfigErrorCode_, numPartitions: numPartitions_, replicationFactor: replicationFactor_, configs: configs_ };
}

function sizeCreateTopicsResponseCreatableTopicConfigs(m: CreateTopicsResponseCreatableTopicConfigs, v: number): number {
  let n = 4;
  n += sizeOfCompactString(m.name);
  n += sizeOfCompactNullableString(m.value);
  return n;
}

function writeCreateTopicsResponseCreatableTopicConfigs(w: Writer, m: CreateTopicsResponseCreatableTopicConfigs, v: number): void {
  w.compactString(m.name);
  w.compactNullableString(m.value);
  w.bool(m.readOnly);
  w.int8(m.configSource);
  w.bool(m.isSensitive);
  w.uvarint(0);
}

function readCreateTopicsResponseCreatableTopicConfigs(r: Reader, v: number): Complete<CreateTopicsResponseCreatableTopicConfigs> {
  const name_: string = r.compactString('CreateTopicsResponseCreatableTopicConfigs.name');
  const value_: string | null = r.compactNullableString();
  const readOnly_: boolean = r.bool();
  const configSource_: number = r.int8();
  const isSensitive_: boolean = r.bool();
  r.skipTaggedFields();
  return { name: name_, value: value_, readOnly: readOnly_, configSource: configSource_, isSensitive: isSensitive_ };
}

export const CreateTopicsResponse: MessageCodec<CreateTopicsResponse> = {
  name: 'CreateTopicsResponse',
  minVersion: 0,
  maxVersion: 7,
  flexibleMin: 5,
  size: sizeCreateTopicsResponse,
  write: writeCreateTopicsResponse,
  read: readCreateTopicsResponse,
};
