// Generated from schema/produce.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString, sizeOfNullableBytes, sizeOfCompactNullableBytes } from '../writer.js';

/** ProduceRequest (versions 0-11). */
export interface ProduceRequest {
  /** TransactionalId: v3-11, nullable v3+, default null */
  transactionalId?: string | null;
  /** Acks: v0-11 */
  acks: number;
  /** TimeoutMs: v0-11 */
  timeoutMs: number;
  /** TopicData: v0-11 */
  topicData: readonly ProduceRequestTopicProduceData[];
}

/** ProduceRequest TopicProduceData (versions 0-11). */
export interface ProduceRequestTopicProduceData {
  /** Name: v0-11 */
  name: string;
  /** PartitionData: v0-11 */
  partitionData: readonly ProduceRequestPartitionProduceData[];
}

/** ProduceRequest PartitionProduceData (versions 0-11). */
export interface ProduceRequestPartitionProduceData {
  /** Index: v0-11 */
  index: number;
  /** Records: v0-11, nullable v0+ */
  records: Uint8Array | null;
}

/** ProduceResponse (versions 0-11). */
export interface ProduceResponse {
  /** Responses: v0-11 */
  responses: readonly ProduceResponseTopicProduceResponse[];
  /** ThrottleTimeMs: v1-11 */
  throttleTimeMs?: number;
  /** NodeEndpoints: v10-11, tag 0 */
  nodeEndpoints?: readonly ProduceResponseNodeEndpoint[];
}

/** ProduceResponse TopicProduceResponse (versions 0-11). */
export interface ProduceResponseTopicProduceResponse {
  /** Name: v0-11 */
  name: string;
  /** PartitionResponses: v0-11 */
  partitionResponses: readonly ProduceResponsePartitionProduceResponse[];
}

/** ProduceResponse PartitionProduceResponse (versions 0-11). */
export interface ProduceResponsePartitionProduceResponse {
  /** Index: v0-11 */
  index: number;
  /** ErrorCode: v0-11 */
  errorCode: number;
  /** BaseOffset: v0-11 */
  baseOffset: number;
  /** LogAppendTimeMs: v2-11, default -1 */
  logAppendTimeMs?: number;
  /** LogStartOffset: v5-11, default -1 */
  logStartOffset?: number;
  /** RecordErrors: v8-11 */
  recordErrors?: readonly ProduceResponseBatchIndexAndErrorMessage[];
  /** ErrorMessage: v8-11, nullable v8+, default null */
  errorMessage?: string | null;
  /** CurrentLeader: v10-11, tag 0 */
  currentLeader?: ProduceResponseLeaderIdAndEpoch;
}

/** ProduceResponse BatchIndexAndErrorMessage (versions 8-11). */
export interface ProduceResponseBatchIndexAndErrorMessage {
  /** BatchIndex: v8-11 */
  batchIndex: number;
  /** BatchIndexErrorMessage: v8-11, nullable v0+, default null */
  batchIndexErrorMessage: string | null;
}

/** ProduceResponse LeaderIdAndEpoch (versions 10-11). */
export interface ProduceResponseLeaderIdAndEpoch {
  /** LeaderId: v10-11, default -1 */
  leaderId: number;
  /** LeaderEpoch: v10-11, default -1 */
  leaderEpoch: number;
}

/** ProduceResponse NodeEndpoint (versions 10-11). */
export interface ProduceResponseNodeEndpoint {
  /** NodeId: v10-11 */
  nodeId: number;
  /** Host: v10-11 */
  host: string;
  /** Port: v10-11 */
  port: number;
  /** Rack: v10-11, nullable v0+, default null */
  rack: string | null;
}

function sizeProduceRequest(m: ProduceRequest, v: number): number {
  const f = v >= 9;
  let n = 6;
  if (v >= 3) {
    n += (f ? sizeOfCompactNullableString((m.transactionalId === undefined ? null : m.transactionalId)) : sizeOfNullableString((m.transactionalId === undefined ? null : m.transactionalId)));
  }
  {
    const a0 = m.topicData;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeProduceRequestTopicProduceData(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeProduceRequest(w: Writer, m: ProduceRequest, v: number): void {
  const f = v >= 9;
  if (v >= 3) {
    if (f) w.compactNullableString((m.transactionalId === undefined ? null : m.transactionalId)); else w.nullableString((m.transactionalId === undefined ? null : m.transactionalId));
  }
  w.int16(m.acks);
  w.int32(m.timeoutMs);
  {
    const a0 = m.topicData;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeProduceRequestTopicProduceData(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readProduceRequest(r: Reader, v: number): Complete<ProduceRequest> {
  const f = v >= 9;
  const transactionalId_: string | null = (v >= 3 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  const acks_: number = r.int16();
  const timeoutMs_: number = r.int32();
  let topicData_: Complete<ProduceRequestTopicProduceData>[];
  {
    const len0 = r.requiredArrayLength(f, 'ProduceRequest.topicData');
    const a0: Complete<ProduceRequestTopicProduceData>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readProduceRequestTopicProduceData(r, v));
    }
    topicData_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { transactionalId: transactionalId_, acks: acks_, timeoutMs: timeoutMs_, topicData: topicData_ };
}

function sizeProduceRequestTopicProduceData(m: ProduceRequestTopicProduceData, v: number): number {
  const f = v >= 9;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.partitionData;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeProduceRequestPartitionProduceData(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeProduceRequestTopicProduceData(w: Writer, m: ProduceRequestTopicProduceData, v: number): void {
  const f = v >= 9;
  if (f) w.compactString(m.name); else w.string(m.name);
  {
    const a0 = m.partitionData;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeProduceRequestPartitionProduceData(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readProduceRequestTopicProduceData(r: Reader, v: number): Complete<ProduceRequestTopicProduceData> {
  const f = v >= 9;
  const name_: string = (f ? r.compactString('ProduceRequestTopicProduceData.name') : r.string('ProduceRequestTopicProduceData.name'));
  let partitionData_: Complete<ProduceRequestPartitionProduceData>[];
  {
    const len0 = r.requiredArrayLength(f, 'ProduceRequestTopicProduceData.partitionData');
    const a0: Complete<ProduceRequestPartitionProduceData>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readProduceRequestPartitionProduceData(r, v));
    }
    partitionData_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, partitionData: partitionData_ };
}

function sizeProduceRequestPartitionProduceData(m: ProduceRequestPartitionProduceData, v: number): number {
  const f = v >= 9;
  let n = 4;
  n += (f ? sizeOfCompactNullableBytes(m.records) : sizeOfNullableBytes(m.records));
  if (f) n += 1;
  return n;
}

function writeProduceRequestPartitionProduceData(w: Writer, m: ProduceRequestPartitionProduceData, v: number): void {
  const f = v >= 9;
  w.int32(m.index);
  if (f) w.compactNullableBytes(m.records); else w.nullableBytes(m.records);
  if (f) {
    w.uvarint(0);
  }
}

function readProduceRequestPartitionProduceData(r: Reader, v: number): Complete<ProduceRequestPartitionProduceData> {
  const f = v >= 9;
  const index_: number = r.int32();
  const records_: Uint8Array | null = (f ? r.compactNullableBytes() : r.nullableBytes());
  if (f) {
    r.skipTaggedFields();
  }
  return { index: index_, records: records_ };
}

export const ProduceRequest: MessageCodec<ProduceRequest> = {
  name: 'ProduceRequest',
  minVersion: 0,
  maxVersion: 11,
  flexibleMin: 9,
  size: sizeProduceRequest,
  write: writeProduceRequest,
  read: readProduceRequest,
};

function sizeTagged_nodeEndpoints_ProduceResponse(x: readonly ProduceResponseNodeEndpoint[], v: number): number {
  let n = 0;
  {
    const a0 = x;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeProduceResponseNodeEndpoint(a0[i0]!, v);
    }
  }
  return n;
}

function sizeProduceResponse(m: ProduceResponse, v: number): number {
  const f = v >= 9;
  let n = 0;
  {
    const a0 = m.responses;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeProduceResponseTopicProduceResponse(a0[i0]!, v);
    }
  }
  if (v >= 1) n += 4;
  if (f) {
    let c = 0;
    {
      const t0 = (m.nodeEndpoints ?? []);
      if (v >= 10 && t0.length !== 0) {
        c++;
        const s = sizeTagged_nodeEndpoints_ProduceResponse(t0, v);
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    n += sizeOfUvarint(c);
  }
  return n;
}

function writeProduceResponse(w: Writer, m: ProduceResponse, v: number): void {
  const f = v >= 9;
  {
    const a0 = m.responses;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeProduceResponseTopicProduceResponse(w, a0[i0]!, v);
    }
  }
  if (v >= 1) w.int32((m.throttleTimeMs ?? 0));
  if (f) {
    let c = 0;
    const t0 = (m.nodeEndpoints ?? []);
    const h0 = v >= 10 && t0.length !== 0;
    if (h0) c++;
    w.uvarint(c);
    if (h0) {
      w.uvarint(0);
      w.uvarint(sizeTagged_nodeEndpoints_ProduceResponse(t0, v));
      {
        const a0 = t0;
        w.arrayLength(true, a0.length);
        for (let i0 = 0; i0 < a0.length; i0++) {
          writeProduceResponseNodeEndpoint(w, a0[i0]!, v);
        }
      }
    }
  }
}

function readProduceResponse(r: Reader, v: number): Complete<ProduceResponse> {
  const f = v >= 9;
  let responses_: Complete<ProduceResponseTopicProduceResponse>[];
  {
    const len0 = r.requiredArrayLength(f, 'ProduceResponse.responses');
    const a0: Complete<ProduceResponseTopicProduceResponse>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readProduceResponseTopicProduceResponse(r, v));
    }
    responses_ = a0;
  }
  const throttleTimeMs_: number = (v >= 1 ? r.int32() : 0);
  let nodeEndpoints_: Complete<ProduceResponseNodeEndpoint>[] = [];
  if (f) {
    for (let k = r.uvarint(); k > 0; k--) {
      const tag = r.uvarint();
      const size = r.taggedSize();
      const start = r.pos;
      switch (tag) {
        case 0:
          if (v >= 10) {
            {
              const len0 = r.requiredArrayLength(true, 'ProduceResponse.nodeEndpoints');
              const a0: Complete<ProduceResponseNodeEndpoint>[] = [];
              for (let i0 = 0; i0 < len0; i0++) {
                a0.push(readProduceResponseNodeEndpoint(r, v));
              }
              nodeEndpoints_ = a0;
            }
            r.endTaggedField(0, start, size);
          } else r.skip(size);
          break;
        default:
          r.skip(size);
      }
    }
  }
  return { responses: responses_, throttleTimeMs: throttleTimeMs_, nodeEndpoints: nodeEndpoints_ };
}

function sizeProduceResponseTopicProduceResponse(m: ProduceResponseTopicProduceResponse, v: number): number {
  const f = v >= 9;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  {
    const a0 = m.partitionResponses;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeProduceResponsePartitionProduceResponse(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeProduceResponseTopicProduceResponse(w: Writer, m: ProduceResponseTopicProduceResponse, v: number): void {
  const f = v >= 9;
  if (f) w.compactString(m.name); else w.string(m.name);
  {
    const a0 = m.partitionResponses;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeProduceResponsePartitionProduceResponse(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readProduceResponseTopicProduceResponse(r: Reader, v: number): Complete<ProduceResponseTopicProduceResponse> {
  const f = v >= 9;
  const name_: string = (f ? r.compactString('ProduceResponseTopicProduceResponse.name') : r.string('ProduceResponseTopicProduceResponse.name'));
  let partitionResponses_: Complete<ProduceResponsePartitionProduceResponse>[];
  {
    const len0 = r.requiredArrayLength(f, 'ProduceResponseTopicProduceResponse.partitionResponses');
    const a0: Complete<ProduceResponsePartitionProduceResponse>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readProduceResponsePartitionProduceResponse(r, v));
    }
    partitionResponses_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, partitionResponses: partitionResponses_ };
}

function sizeProduceResponsePartitionProduceResponse(m: ProduceResponsePartitionProduceResponse, v: number): number {
  const f = v >= 9;
  let n = 14;
  if (v >= 2) n += 8;
  if (v >= 5) n += 8;
  if (v >= 8) {
    {
      const a0 = (m.recordErrors ?? []);
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeProduceResponseBatchIndexAndErrorMessage(a0[i0]!, v);
      }
    }
  }
  if (v >= 8) {
    n += (f ? sizeOfCompactNullableString((m.errorMessage === undefined ? null : m.errorMessage)) : sizeOfNullableString((m.errorMessage === undefined ? null : m.errorMessage)));
  }
  if (f) {
    let c = 0;
    {
      const t0 = (m.currentLeader ?? defaultProduceResponseLeaderIdAndEpoch());
      if (v >= 10 && !isDefaultProduceResponseLeaderIdAndEpoch(t0)) {
        c++;
        const s = sizeProduceResponseLeaderIdAndEpoch(t0, v);
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    n += sizeOfUvarint(c);
  }
  return n;
}

function writeProduceResponsePartitionProduceResponse(w: Writer, m: ProduceResponsePartitionProduceResponse, v: number): void {
  const f = v >= 9;
  w.int32(m.index);
  w.int16(m.errorCode);
  w.int64(m.baseOffset);
  if (v >= 2) w.int64((m.logAppendTimeMs ?? -1));
  if (v >= 5) w.int64((m.logStartOffset ?? -1));
  if (v >= 8) {
    {
      const a0 = (m.recordErrors ?? []);
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeProduceResponseBatchIndexAndErrorMessage(w, a0[i0]!, v);
      }
    }
  }
  if (v >= 8) {
    if (f) w.compactNullableString((m.errorMessage === undefined ? null : m.errorMessage)); else w.nullableString((m.errorMessage === undefined ? null : m.errorMessage));
  }
  if (f) {
    let c = 0;
    const t0 = (m.currentLeader ?? defaultProduceResponseLeaderIdAndEpoch());
    const h0 = v >= 10 && !isDefaultProduceResponseLeaderIdAndEpoch(t0);
    if (h0) c++;
    w.uvarint(c);
    if (h0) {
      w.uvarint(0);
      w.uvarint(sizeProduceResponseLeaderIdAndEpoch(t0, v));
      writeProduceResponseLeaderIdAndEpoch(w, t0, v);
    }
  }
}

function readProduceResponsePartitionProduceResponse(r: Reader, v: number): Complete<ProduceResponsePartitionProduceResponse> {
  const f = v >= 9;
  const index_: number = r.int32();
  const errorCode_: number = r.int16();
  const baseOffset_: number = r.int64();
  const logAppendTimeMs_: number = (v >= 2 ? r.int64() : -1);
  const logStartOffset_: number = (v >= 5 ? r.int64() : -1);
  let recordErrors_: Complete<ProduceResponseBatchIndexAndErrorMessage>[] = [];
  if (v >= 8) {
    {
      const len0 = r.requiredArrayLength(f, 'ProduceResponsePartitionProduceResponse.recordErrors');
      const a0: Complete<ProduceResponseBatchIndexAndErrorMessage>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readProduceResponseBatchIndexAndErrorMessage(r, v));
      }
      recordErrors_ = a0;
    }
  }
  const errorMessage_: string | null = (v >= 8 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  let currentLeader_: Complete<ProduceResponseLeaderIdAndEpoch> = defaultProduceResponseLeaderIdAndEpoch();
  if (f) {
    for (let k = r.uvarint(); k > 0; k--) {
      const tag = r.uvarint();
      const size = r.taggedSize();
      const start = r.pos;
      switch (tag) {
        case 0:
          if (v >= 10) {
            currentLeader_ = readProduceResponseLeaderIdAndEpoch(r, v);
            r.endTaggedField(0, start, size);
          } else r.skip(size);
          break;
        default:
          r.skip(size);
      }
    }
  }
  return { index: index_, errorCode: errorCode_, baseOffset: baseOffset_, logAppendTimeMs: logAppendTimeMs_, logStartOffset: logStartOffset_, recordErrors: recordErrors_, errorMessage: errorMessage_, currentLeader: currentLeader_ };
}

function sizeProduceResponseBatchIndexAndErrorMessage(m: ProduceResponseBatchIndexAndErrorMessage, v: number): number {
  const f = v >= 9;
  let n = 4;
  n += (f ? sizeOfCompactNullableString(m.batchIndexErrorMessage) : sizeOfNullableString(m.batchIndexErrorMessage));
  if (f) n += 1;
  return n;
}

function writeProduceResponseBatchIndexAndErrorMessage(w: Writer, m: ProduceResponseBatchIndexAndErrorMessage, v: number): void {
  const f = v >= 9;
  w.int32(m.batchIndex);
  if (f) w.compactNullableString(m.batchIndexErrorMessage); else w.nullableString(m.batchIndexErrorMessage);
  if (f) {
    w.uvarint(0);
  }
}

function readProduceResponseBatchIndexAndErrorMessage(r: Reader, v: number): Complete<ProduceResponseBatchIndexAndErrorMessage> {
  const f = v >= 9;
  const batchIndex_: number = r.int32();
  const batchIndexErrorMessage_: string | null = (f ? r.compactNullableString() : r.nullableString());
  if (f) {
    r.skipTaggedFields();
  }
  return { batchIndex: batchIndex_, batchIndexErrorMessage: batchIndexErrorMessage_ };
}

function defaultProduceResponseLeaderIdAndEpoch(): Complete<ProduceResponseLeaderIdAndEpoch> {
  return { leaderId: -1, leaderEpoch: -1 };
}

function isDefaultProduceResponseLeaderIdAndEpoch(m: ProduceResponseLeaderIdAndEpoch): boolean {
  return (m.leaderId === undefined || !(m.leaderId !== -1)) &&
    (m.leaderEpoch === undefined || !(m.leaderEpoch !== -1));
}

function sizeProduceResponseLeaderIdAndEpoch(m: ProduceResponseLeaderIdAndEpoch, v: number): number {
  let n = 9;
  return n;
}

function writeProduceResponseLeaderIdAndEpoch(w: Writer, m: ProduceResponseLeaderIdAndEpoch, v: number): void {
  w.int32(m.leaderId);
  w.int32(m.leaderEpoch);
  w.uvarint(0);
}

function readProduceResponseLeaderIdAndEpoch(r: Reader, v: number): Complete<ProduceResponseLeaderIdAndEpoch> {
  const leaderId_: number = r.int32();
  const leaderEpoch_: number = r.int32();
  r.skipTaggedFields();
  return { leaderId: leaderId_, leaderEpoch: leaderEpoch_ };
}

function sizeProduceResponseNodeEndpoint(m: ProduceResponseNodeEndpoint, v: number): number {
  let n = 9;
  n += sizeOfCompactString(m.host);
  n += sizeOfCompactNullableString(m.rack);
  return n;
}

function writeProduceResponseNodeEndpoint(w: Writer, m: ProduceResponseNodeEndpoint, v: number): void {
  w.int32(m.nodeId);
  w.compactString(m.host);
  w.int32(m.port);
  w.compactNullableString(m.rack);
  w.uvarint(0);
}

function readProduceResponseNodeEndpoint(r: Reader, v: number): Complete<ProduceResponseNodeEndpoint> {
  const nodeId_: number = r.int32();
  const host_: string = r.compactString('ProduceResponseNodeEndpoint.host');
  const port_: number = r.int32();
  const rack_: string | null = r.compactNullableString();
  r.skipTaggedFields();
  return { nodeId: nodeId_, host: host_, port: port_, rack: rack_ };
}

export const ProduceResponse: MessageCodec<ProduceResponse> = {
  name: 'ProduceResponse',
  minVersion: 0,
  maxVersion: 11,
  flexibleMin: 9,
  size: sizeProduceResponse,
  write: writeProduceResponse,
  read: readProduceResponse,
};
