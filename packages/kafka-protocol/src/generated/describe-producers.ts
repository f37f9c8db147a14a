// Generated from schema/describe-producers.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** DescribeProducersRequest (versions 0). */
export interface DescribeProducersRequest {
  /** Topics: v0 */
  topics: readonly DescribeProducersRequestTopicRequest[];
}

/** DescribeProducersRequest TopicRequest (versions 0). */
export interface DescribeProducersRequestTopicRequest {
  /** Name: v0 */
  name: string;
  /** PartitionIndexes: v0 */
  partitionIndexes: readonly number[];
}

/** DescribeProducersResponse (versions 0). */
export interface DescribeProducersResponse {
  /** ThrottleTimeMs: v0 */
  throttleTimeMs: number;
  /** Topics: v0 */
  topics: readonly DescribeProducersResponseTopicResponse[];
}

/** DescribeProducersResponse TopicResponse (versions 0). */
export interface DescribeProducersResponseTopicResponse {
  /** Name: v0 */
  name: string;
  /** Partitions: v0 */
  partitions: readonly DescribeProducersResponsePartitionResponse[];
}

/** DescribeProducersResponse PartitionResponse (versions 0). */
export interface DescribeProducersResponsePartitionResponse {
  /** PartitionIndex: v0 */
  partitionIndex: number;
  /** ErrorCode: v0 */
  errorCode: number;
  /** ErrorMessage: v0, nullable v0+, default null */
  errorMessage: string | null;
  /** ActiveProducers: v0 */
  activeProducers: readonly DescribeProducersResponseProducerState[];
}

/** DescribeProducersResponse ProducerState (versions 0). */
export interface DescribeProducersResponseProducerState {
  /** ProducerId: v0 */
  producerId: number;
  /** ProducerEpoch: v0 */
  producerEpoch: number;
  /** LastSequence: v0, default -1 */
  lastSequence: number;
  /** LastTimestamp: v0, default -1 */
  lastTimestamp: number;
  /** CoordinatorEpoch: v0 */
  coordinatorEpoch: number;
  /** CurrentTxnStartOffset: v0, default -1 */
  currentTxnStartOffset: number;
}

function sizeDescribeProducersRequest(m: DescribeProducersRequest, v: number): number {
  let n = 1;
  {
    const a0 = m.topics;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeProducersRequestTopicRequest(a0[i0]!, v);
    }
  }
  return n;
}

function writeDescribeProducersRequest(w: Writer, m: DescribeProducersRequest, v: number): void {
  {
    const a0 = m.topics;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeProducersRequestTopicRequest(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readDescribeProducersRequest(r: Reader, v: number): Complete<DescribeProducersRequest> {
  let topics_: Complete<DescribeProducersRequestTopicRequest>[];
  {
    const len0 = r.requiredArrayLength(true, 'DescribeProducersRequest.topics');
    const a0: Complete<DescribeProducersRequestTopicRequest>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeProducersRequestTopicRequest(r, v));
    }
    topics_ = a0;
  }
  r.skipTaggedFields();
  return { topics: topics_ };
}

function sizeDescribeProducersRequestTopicRequest(m: DescribeProducersRequestTopicRequest, v: number): number {
  let n = 1;
  n += sizeOfCompactString(m.name);
  {
    const a0 = m.partitionIndexes;
    n += sizeOfUvarint(a0.length + 1) + a0.length * 4;
  }
  return n;
}

function writeDescribeProducersRequestTopicRequest(w: Writer, m: DescribeProducersRequestTopicRequest, v: number): void {
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

function readDescribeProducersRequestTopicRequest(r: Reader, v: number): Complete<DescribeProducersRequestTopicRequest> {
  const name_: string = r.compactString('DescribeProducersRequestTopicRequest.name');
  let partitionIndexes_: number[];
  {
    const len0 = r.requiredArrayLength(true, 'DescribeProducersRequestTopicRequest.partitionIndexes');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    partitionIndexes_ = a0;
  }
  r.skipTaggedFields();
  return { name: name_, partitionIndexes: partitionIndexes_ };
}

export const DescribeProducersRequest: MessageCodec<DescribeProducersRequest> = {
  name: 'DescribeProducersRequest',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: 0,
  size: sizeDescribeProducersRequest,
  write: writeDescribeProducersRequest,
  read: readDescribeProducersRequest,
};

function sizeDescribeProducersResponse(m: DescribeProducersResponse, v: number): number {
  let n = 5;
  {
    const a0 = m.topics;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeProducersResponseTopicResponse(a0[i0]!, v);
    }
  }
  return n;
}

function writeDescribeProducersResponse(w: Writer, m: DescribeProducersResponse, v: number): void {
  w.int32(m.throttleTimeMs);
  {
    const a0 = m.topics;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeProducersResponseTopicResponse(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readDescribeProducersResponse(r: Reader, v: number): Complete<DescribeProducersResponse> {
  const throttleTimeMs_: number = r.int32();
  let topics_: Complete<DescribeProducersResponseTopicResponse>[];
  {
    const len0 = r.requiredArrayLength(true, 'DescribeProducersResponse.topics');
    const a0: Complete<DescribeProducersResponseTopicResponse>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeProducersResponseTopicResponse(r, v));
    }
    topics_ = a0;
  }
  r.skipTaggedFields();
  return { throttleTimeMs: throttleTimeMs_, topics: topics_ };
}

function sizeDescribeProducersResponseTopicResponse(m: DescribeProducersResponseTopicResponse, v: number): number {
  let n = 1;
  n += sizeOfCompactString(m.name);
  {
    const a0 = m.partitions;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeProducersResponsePartitionResponse(a0[i0]!, v);
    }
  }
  return n;
}

function writeDescribeProducersResponseTopicResponse(w: Writer, m: DescribeProducersResponseTopicResponse, v: number): void {
  w.compactString(m.name);
  {
    const a0 = m.partitions;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeProducersResponsePartitionResponse(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readDescribeProducersResponseTopicResponse(r: Reader, v: number): Complete<DescribeProducersResponseTopicResponse> {
  const name_: string = r.compactString('DescribeProducersResponseTopicResponse.name');
  let partitions_: Complete<DescribeProducersResponsePartitionResponse>[];
  {
    const len0 = r.requiredArrayLength(true, 'DescribeProducersResponseTopicResponse.partitions');
    const a0: Complete<DescribeProducersResponsePartitionResponse>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeProducersResponsePartitionResponse(r, v));
    }
    partitions_ = a0;
  }
  r.skipTaggedFields();
  return { name: name_, partitions: partitions_ };
}

function sizeDescribeProducersResponsePartitionResponse(m: DescribeProducersResponsePartitionResponse, v: number): number {
  let n = 7;
  n += sizeOfCompactNullableString(m.errorMessage);
  {
    const a0 = m.activeProducers;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeProducersResponseProducerState(a0[i0]!, v);
    }
  }
  return n;
}

function writeDescribeProducersResponsePartitionResponse(w: Writer, m: DescribeProducersResponsePartitionResponse, v: number): void {
  w.int32(m.partitionIndex);
  w.int16(m.errorCode);
  w.compactNullableString(m.errorMessage);
  {
    const a0 = m.activeProducers;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeProducersResponseProducerState(w, a0[i0]!, v);
    }
  }
  w.uvarint(0);
}

function readDescribeProducersResponsePartitionResponse(r: Reader, v: number): Complete<DescribeProducersResponsePartitionResponse> {
  const partitionIndex_: number = r.int32();
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = r.compactNullableString();
  let activeProducers_: Complete<DescribeProducersResponseProducerState>[];
  {
    const len0 = r.requiredArrayLength(true, 'DescribeProducersResponsePartitionResponse.activeProducers');
    const a0: Complete<DescribeProducersResponseProducerState>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeProducersResponseProducerState(r, v));
    }
    activeProducers_ = a0;
  }
  r.skipTaggedFields();
  return { partitionIndex: partitionIndex_, errorCode: errorCode_, errorMessage: errorMessage_, activeProducers: activeProducers_ };
}

function sizeDescribeProducersResponseProducerState(m: DescribeProducersResponseProducerState, v: number): number {
  let n = 37;
  return n;
}

function writeDescribeProducersResponseProducerState(w: Writer, m: DescribeProducersResponseProducerState, v: number): void {
  w.int64(m.producerId);
  w.int32(m.producerEpoch);
  w.int32(m.lastSequence);
  w.int64(m.lastTimestamp);
  w.int32(m.coordinatorEpoch);
  w.int64(m.currentTxnStartOffset);
  w.uvarint(0);
}

function readDescribeProducersResponseProducerState(r: Reader, v: number): Complete<DescribeProducersResponseProducerState> {
  const producerId_: number = r.int64();
  const producerEpoch_: number = r.int32();
  const lastSequence_: number = r.int32();
  const lastTimestamp_: number = r.int64();
  const coordinatorEpoch_: number = r.int32();
  const currentTxnStartOffset_: number = r.int64();
  r.skipTaggedFields();
  return { producerId: producerId_, producerEpoch: producerEpoch_, lastSequence: lastSequence_, lastTimestamp: lastTimestamp_, coordinatorEpoch: coordinatorEpoch_, currentTxnStartOffset: currentTxnStartOffset_ };
}

export const DescribeProducersResponse: MessageCodec<DescribeProducersResponse> = {
  name: 'DescribeProducersResponse',
  minVersion: 0,
  maxVersion: 0,
  flexibleMin: 0,
  size: sizeDescribeProducersResponse,
  write: writeDescribeProducersResponse,
  read: readDescribeProducersResponse,
};
