// Generated from schema/fetch.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfCompactString, sizeOfCompactNullableString, sizeOfNullableBytes, sizeOfCompactNullableBytes } from '../writer.js';
import { ZERO_UUID } from '../uuid.js';

/** FetchRequest (versions 0-17). */
export interface FetchRequest {
  /** ClusterId: v12-17, nullable v12+, tag 0, default null */
  clusterId?: string | null;
  /** ReplicaId: v0-14, default -1 */
  replicaId?: number;
  /** ReplicaState: v15-17, tag 1 */
  replicaState?: FetchRequestReplicaState;
  /** MaxWaitMs: v0-17 */
  maxWaitMs: number;
  /** MinBytes: v0-17 */
  minBytes: number;
  /** MaxBytes: v3-17, default 0x7fffffff */
  maxBytes?: number;
  /** IsolationLevel: v4-17 */
  isolationLevel?: number;
  /** SessionId: v7-17 */
  sessionId?: number;
  /** SessionEpoch: v7-17, default -1 */
  sessionEpoch?: number;
  /** Topics: v0-17 */
  topics: readonly FetchRequestFetchTopic[];
  /** ForgottenTopicsData: v7-17 */
  forgottenTopicsData?: readonly FetchRequestForgottenTopic[];
  /** RackId: v11-17, default "" */
  rackId?: string;
}

/** FetchRequest ReplicaState (versions 15-17). */
export interface FetchRequestReplicaState {
  /** ReplicaId: v15-17, default -1 */
  replicaId: number;
  /** ReplicaEpoch: v15-17, default -1 */
  replicaEpoch: number;
}

/** FetchRequest FetchTopic (versions 0-17). */
export interface FetchRequestFetchTopic {
  /** Topic: v0-12 */
  topic?: string;
  /** TopicId: v13-17 */
  topicId?: string;
  /** Partitions: v0-17 */
  partitions: readonly FetchRequestFetchPartition[];
}

/** FetchRequest FetchPartition (versions 0-17). */
export interface FetchRequestFetchPartition {
  /** Partition: v0-17 */
  partition: number;
  /** CurrentLeaderEpoch: v9-17, default -1 */
  currentLeaderEpoch?: number;
  /** FetchOffset: v0-17 */
  fetchOffset: number;
  /** LastFetchedEpoch: v12-17, default -1 */
  lastFetchedEpoch?: number;
  /** LogStartOffset: v5-17, default -1 */
  logStartOffset?: number;
  /** PartitionMaxBytes: v0-17 */
  partitionMaxBytes: number;
  /** ReplicaDirectoryId: v17, tag 0 */
  replicaDirectoryId?: string;
}

/** FetchRequest ForgottenTopic (versions 7-17). */
export interface FetchRequestForgottenTopic {
  /** Topic: v7-12 */
  topic?: string;
  /** TopicId: v13-17 */
  topicId?: string;
  /** Partitions: v7-17 */
  partitions: readonly number[];
}

/** FetchResponse (versions 0-17). */
export interface FetchResponse {
  /** ThrottleTimeMs: v1-17 */
  throttleTimeMs?: number;
  /** ErrorCode: v7-17 */
  errorCode?: number;
  /** SessionId: v7-17 */
  sessionId?: number;
  /** Responses: v0-17 */
  responses: readonly FetchResponseFetchableTopicResponse[];
  /** NodeEndpoints: v16-17, tag 0 */
  nodeEndpoints?: readonly FetchResponseNodeEndpoint[];
}

/** FetchResponse FetchableTopicResponse (versions 0-17). */
export interface FetchResponseFetchableTopicResponse {
  /** Topic: v0-12 */
  topic?: string;
  /** TopicId: v13-17 */
  topicId?: string;
  /** Partitions: v0-17 */
  partitions: readonly FetchResponsePartitionData[];
}

/** FetchResponse PartitionData (versions 0-17). */
export interface FetchResponsePartitionData {
  /** PartitionIndex: v0-17 */
  partitionIndex: number;
  /** ErrorCode: v0-17 */
  errorCode: number;
  /** HighWatermark: v0-17 */
  highWatermark: number;
  /** LastStableOffset: v4-17, default -1 */
  lastStableOffset?: number;
  /** LogStartOffset: v5-17, default -1 */
  logStartOffset?: number;
  /** DivergingEpoch: v12-17, tag 0 */
  divergingEpoch?: FetchResponseEpochEndOffset;
  /** CurrentLeader: v12-17, tag 1 */
  currentLeader?: FetchResponseLeaderIdAndEpoch;
  /** SnapshotId: v12-17, tag 2 */
  snapshotId?: FetchResponseSnapshotId;
  /** AbortedTransactions: v4-17, nullable v4+ */
  abortedTransactions?: readonly FetchResponseAbortedTransaction[] | null;
  /** PreferredReadReplica: v11-17, default -1 */
  preferredReadReplica?: number;
  /** Records: v0-17, nullable v0+ */
  records: Uint8Array | null;
}

/** FetchResponse EpochEndOffset (versions 12-17). */
export interface FetchResponseEpochEndOffset {
  /** Epoch: v12-17, default -1 */
  epoch: number;
  /** EndOffset: v12-17, default -1 */
  endOffset: number;
}

/** FetchResponse LeaderIdAndEpoch (versions 12-17). */
export interface FetchResponseLeaderIdAndEpoch {
  /** LeaderId: v12-17, default -1 */
  leaderId: number;
  /** LeaderEpoch: v12-17, default -1 */
  leaderEpoch: number;
}

/** FetchResponse SnapshotId (versions 12-17). */
export interface FetchResponseSnapshotId {
  /** EndOffset: v12-17, default -1 */
  endOffset: number;
  /** Epoch: v12-17, default -1 */
  epoch: number;
}

/** FetchResponse AbortedTransaction (versions 4-17). */
export interface FetchResponseAbortedTransaction {
  /** ProducerId: v4-17 */
  producerId: number;
  /** FirstOffset: v4-17 */
  firstOffset: number;
}

/** FetchResponse NodeEndpoint (versions 16-17). */
export interface FetchResponseNodeEndpoint {
  /** NodeId: v16-17 */
  nodeId: number;
  /** Host: v16-17 */
  host: string;
  /** Port: v16-17 */
  port: number;
  /** Rack: v16-17, nullable v0+, default null */
  rack: string | null;
}

function sizeFetchRequest(m: FetchRequest, v: number): number {
  const f = v >= 12;
  let n = 8;
  if (v <= 14) n += 4;
  if (v >= 3) n += 4;
  if (v >= 4) n += 1;
  if (v >= 7) n += 4;
  if (v >= 7) n += 4;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeFetchRequestFetchTopic(a0[i0]!, v);
    }
  }
  if (v >= 7) {
    {
      const a0 = (m.forgottenTopicsData ?? []);
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeFetchRequestForgottenTopic(a0[i0]!, v);
      }
    }
  }
  if (v >= 11) {
    n += (f ? sizeOfCompactString((m.rackId ?? "")) : sizeOfString((m.rackId ?? "")));
  }
  if (f) {
    let c = 0;
    {
      const t0 = (m.clusterId === undefined ? null : m.clusterId);
      if (v >= 12 && t0 !== null) {
        c++;
        const s = sizeOfCompactNullableString(t0);
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    {
      const t1 = (m.replicaState ?? defaultFetchRequestReplicaState());
      if (v >= 15 && !isDefaultFetchRequestReplicaState(t1)) {
        c++;
        const s = sizeFetchRequestReplicaState(t1, v);
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    n += sizeOfUvarint(c);
  }
  return n;
}

function writeFetchRequest(w: Writer, m: FetchRequest, v: number): void {
  const f = v >= 12;
  if (v <= 14) w.int32((m.replicaId ?? -1));
  w.int32(m.maxWaitMs);
  w.int32(m.minBytes);
  if (v >= 3) w.int32((m.maxBytes ?? 2147483647));
  if (v >= 4) w.int8((m.isolationLevel ?? 0));
  if (v >= 7) w.int32((m.sessionId ?? 0));
  if (v >= 7) w.int32((m.sessionEpoch ?? -1));
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeFetchRequestFetchTopic(w, a0[i0]!, v);
    }
  }
  if (v >= 7) {
    {
      const a0 = (m.forgottenTopicsData ?? []);
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeFetchRequestForgottenTopic(w, a0[i0]!, v);
      }
    }
  }
  if (v >= 11) {
    if (f) w.compactString((m.rackId ?? "")); else w.string((m.rackId ?? ""));
  }
  if (f) {
    let c = 0;
    const t0 = (m.clusterId === undefined ? null : m.clusterId);
    const h0 = v >= 12 && t0 !== null;
    if (h0) c++;
    const t1 = (m.replicaState ?? defaultFetchRequestReplicaState());
    const h1 = v >= 15 && !isDefaultFetchRequestReplicaState(t1);
    if (h1) c++;
    w.uvarint(c);
    if (h0) {
      w.uvarint(0);
      w.uvarint(sizeOfCompactNullableString(t0));
      w.compactNullableString(t0);
    }
    if (h1) {
      w.uvarint(1);
      w.uvarint(sizeFetchRequestReplicaState(t1, v));
      writeFetchRequestReplicaState(w, t1, v);
    }
  }
}

function readFetchRequest(r: Reader, v: number): Complete<FetchRequest> {
  const f = v >= 12;
  let clusterId_: string | null = null;
  const replicaId_: number = (v <= 14 ? r.int32() : -1);
  let replicaState_: Complete<FetchRequestReplicaState> = defaultFetchRequestReplicaState();
  const maxWaitMs_: number = r.int32();
  const minBytes_: number = r.int32();
  const maxBytes_: number = (v >= 3 ? r.int32() : 2147483647);
  const isolationLevel_: number = (v >= 4 ? r.int8() : 0);
  const sessionId_: number = (v >= 7 ? r.int32() : 0);
  const sessionEpoch_: number = (v >= 7 ? r.int32() : -1);
  let topics_: Complete<FetchRequestFetchTopic>[];
  {
    const len0 = r.requiredArrayLength(f, 'FetchRequest.topics');
    const a0: Complete<FetchRequestFetchTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readFetchRequestFetchTopic(r, v));
    }
    topics_ = a0;
  }
  let forgottenTopicsData_: Complete<FetchRequestForgottenTopic>[] = [];
  if (v >= 7) {
    {
      const len0 = r.requiredArrayLength(f, 'FetchRequest.forgottenTopicsData');
      const a0: Complete<FetchRequestForgottenTopic>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readFetchRequestForgottenTopic(r, v));
      }
      forgottenTopicsData_ = a0;
    }
  }
  const rackId_: string = (v >= 11 ? (f ? r.compactString('FetchRequest.rackId') : r.string('FetchRequest.rackId')) : "");
  if (f) {
    for (let k = r.uvarint(); k > 0; k--) {
      const tag = r.uvarint();
      const size = r.taggedSize();
      const start = r.pos;
      switch (tag) {
        case 0:
          if (v >= 12) {
            clusterId_ = r.compactNullableString();
            r.endTaggedField(0, start, size);
          } else r.skip(size);
          break;
        case 1:
          if (v >= 15) {
            replicaState_ = readFetchRequestReplicaState(r, v);
            r.endTaggedField(1, start, size);
          } else r.skip(size);
          break;
        default:
          r.skip(size);
      }
    }
  }
  return { clusterId: clusterId_, replicaId: replicaId_, replicaState: replicaState_, maxWaitMs: maxWaitMs_, minBytes: minBytes_, maxBytes: maxBytes_, isolationLevel: isolationLevel_, sessionId: sessionId_, sessionEpoch: sessionEpoch_, topics: topics_, forgottenTopicsData: forgottenTopicsData_, rackId: rackId_ };
}

function defaultFetchRequestReplicaState(): Complete<FetchRequestReplicaState> {
  return { replicaId: -1, replicaEpoch: -1 };
}

function isDefaultFetchRequestReplicaState(m: FetchRequestReplicaState): boolean {
  return (m.replicaId === undefined || !(m.replicaId !== -1)) &&
    (m.replicaEpoch === undefined || !(m.replicaEpoch !== -1));
}

function sizeFetchRequestReplicaState(m: FetchRequestReplicaState, v: number): number {
  let n = 13;
  return n;
}

function writeFetchRequestReplicaState(w: Writer, m: FetchRequestReplicaState, v: number): void {
  w.int32(m.replicaId);
  w.int64(m.replicaEpoch);
  w.uvarint(0);
}

function readFetchRequestReplicaState(r: Reader, v: number): Complete<FetchRequestReplicaState> {
  const replicaId_: number = r.int32();
  const replicaEpoch_: number = r.int64();
  r.skipTaggedFields();
  return { replicaId: replicaId_, replicaEpoch: replicaEpoch_ };
}

function sizeFetchRequestFetchTopic(m: FetchRequestFetchTopic, v: number): number {
  const f = v >= 12;
  let n = 0;
  if (v <= 12) {
    n += (f ? sizeOfCompactString((m.topic ?? '')) : sizeOfString((m.topic ?? '')));
  }
  if (v >= 13) n += 16;
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeFetchRequestFetchPartition(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeFetchRequestFetchTopic(w: Writer, m: FetchRequestFetchTopic, v: number): void {
  const f = v >= 12;
  if (v <= 12) {
    if (f) w.compactString((m.topic ?? '')); else w.string((m.topic ?? ''));
  }
  if (v >= 13) w.uuid((m.topicId ?? ZERO_UUID));
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeFetchRequestFetchPartition(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readFetchRequestFetchTopic(r: Reader, v: number): Complete<FetchRequestFetchTopic> {
  const f = v >= 12;
  const topic_: string = (v <= 12 ? (f ? r.compactString('FetchRequestFetchTopic.topic') : r.string('FetchRequestFetchTopic.topic')) : '');
  const topicId_: string = (v >= 13 ? r.uuid() : ZERO_UUID);
  let partitions_: Complete<FetchRequestFetchPartition>[];
  {
    const len0 = r.requiredArrayLength(f, 'FetchRequestFetchTopic.partitions');
    const a0: Complete<FetchRequestFetchPartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readFetchRequestFetchPartition(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { topic: topic_, topicId: topicId_, partitions: partitions_ };
}

function sizeFetchRequestFetchPartition(m: FetchRequestFetchPartition, v: number): number {
  const f = v >= 12;
  let n = 16;
  if (v >= 9) n += 4;
  if (v >= 12) n += 4;
  if (v >= 5) n += 8;
  if (f) {
    let c = 0;
    {
      const t0 = (m.replicaDirectoryId ?? ZERO_UUID);
      if (v >= 17 && t0 !== ZERO_UUID) {
        c++;
        const s = 16;
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    n += sizeOfUvarint(c);
  }
  return n;
}

function writeFetchRequestFetchPartition(w: Writer, m: FetchRequestFetchPartition, v: number): void {
  const f = v >= 12;
  w.int32(m.partition);
  if (v >= 9) w.int32((m.currentLeaderEpoch ?? -1));
  w.int64(m.fetchOffset);
  if (v >= 12) w.int32((m.lastFetchedEpoch ?? -1));
  if (v >= 5) w.int64((m.logStartOffset ?? -1));
  w.int32(m.partitionMaxBytes);
  if (f) {
    let c = 0;
    const t0 = (m.replicaDirectoryId ?? ZERO_UUID);
    const h0 = v >= 17 && t0 !== ZERO_UUID;
    if (h0) c++;
    w.uvarint(c);
    if (h0) {
      w.uvarint(0);
      w.uvarint(16);
      w.uuid(t0);
    }
  }
}

function readFetchRequestFetchPartition(r: Reader, v: number): Complete<FetchRequestFetchPartition> {
  const f = v >= 12;
  const partition_: number = r.int32();
  const currentLeaderEpoch_: number = (v >= 9 ? r.int32() : -1);
  const fetchOffset_: number = r.int64();
  const lastFetchedEpoch_: number = (v >= 12 ? r.int32() : -1);
  const logStartOffset_: number = (v >= 5 ? r.int64() : -1);
  const partitionMaxBytes_: number = r.int32();
  let replicaDirectoryId_: string = ZERO_UUID;
  if (f) {
    for (let k = r.uvarint(); k > 0; k--) {
      const tag = r.uvarint();
      const size = r.taggedSize();
      const start = r.pos;
      switch (tag) {
        case 0:
          if (v >= 17) {
            replicaDirectoryId_ = r.uuid();
            r.endTaggedField(0, start, size);
          } else r.skip(size);
          break;
        default:
          r.skip(size);
      }
    }
  }
  return { partition: partition_, currentLeaderEpoch: currentLeaderEpoch_, fetchOffset: fetchOffset_, lastFetchedEpoch: lastFetchedEpoch_, logStartOffset: logStartOffset_, partitionMaxBytes: partitionMaxBytes_, replicaDirectoryId: replicaDirectoryId_ };
}

function sizeFetchRequestForgottenTopic(m: FetchRequestForgottenTopic, v: number): number {
  const f = v >= 12;
  let n = 0;
  if (v <= 12) {
    n += (f ? sizeOfCompactString((m.topic ?? '')) : sizeOfString((m.topic ?? '')));
  }
  if (v >= 13) n += 16;
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4) + a0.length * 4;
  }
  if (f) n += 1;
  return n;
}

function writeFetchRequestForgottenTopic(w: Writer, m: FetchRequestForgottenTopic, v: number): void {
  const f = v >= 12;
  if (v <= 12) {
    if (f) w.compactString((m.topic ?? '')); else w.string((m.topic ?? ''));
  }
  if (v >= 13) w.uuid((m.topicId ?? ZERO_UUID));
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

function readFetchRequestForgottenTopic(r: Reader, v: number): Complete<FetchRequestForgottenTopic> {
  const f = v >= 12;
  const topic_: string = (v <= 12 ? (f ? r.compactString('FetchRequestForgottenTopic.topic') : r.string('FetchRequestForgottenTopic.topic')) : '');
  const topicId_: string = (v >= 13 ? r.uuid() : ZERO_UUID);
  let partitions_: number[];
  {
    const len0 = r.requiredArrayLength(f, 'FetchRequestForgottenTopic.partitions');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { topic: topic_, topicId: topicId_, partitions: partitions_ };
}

export const FetchRequest: MessageCodec<FetchRequest> = {
  name: 'FetchRequest',
  minVersion: 0,
  maxVersion: 17,
  flexibleMin: 12,
  size: sizeFetchRequest,
  write: writeFetchRequest,
  read: readFetchRequest,
};

function sizeTagged_nodeEndpoints_FetchResponse(x: readonly FetchResponseNodeEndpoint[], v: number): number {
  let n = 0;
  {
    const a0 = x;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeFetchResponseNodeEndpoint(a0[i0]!, v);
    }
  }
  return n;
}

function sizeFetchResponse(m: FetchResponse, v: number): number {
  const f = v >= 12;
  let n = 0;
  if (v >= 1) n += 4;
  if (v >= 7) n += 2;
  if (v >= 7) n += 4;
  {
    const a0 = m.responses;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeFetchResponseFetchableTopicResponse(a0[i0]!, v);
    }
  }
  if (f) {
    let c = 0;
    {
      const t0 = (m.nodeEndpoints ?? []);
      if (v >= 16 && t0.length !== 0) {
        c++;
        const s = sizeTagged_nodeEndpoints_FetchResponse(t0, v);
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    n += sizeOfUvarint(c);
  }
  return n;
}

function writeFetchResponse(w: Writer, m: FetchResponse, v: number): void {
  const f = v >= 12;
  if (v >= 1) w.int32((m.throttleTimeMs ?? 0));
  if (v >= 7) w.int16((m.errorCode ?? 0));
  if (v >= 7) w.int32((m.sessionId ?? 0));
  {
    const a0 = m.responses;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeFetchResponseFetchableTopicResponse(w, a0[i0]!, v);
    }
  }
  if (f) {
    let c = 0;
    const t0 = (m.nodeEndpoints ?? []);
    const h0 = v >= 16 && t0.length !== 0;
    if (h0) c++;
    w.uvarint(c);
    if (h0) {
      w.uvarint(0);
      w.uvarint(sizeTagged_nodeEndpoints_FetchResponse(t0, v));
      {
        const a0 = t0;
        w.arrayLength(true, a0.length);
        for (let i0 = 0; i0 < a0.length; i0++) {
          writeFetchResponseNodeEndpoint(w, a0[i0]!, v);
        }
      }
    }
  }
}

function readFetchResponse(r: Reader, v: number): Complete<FetchResponse> {
  const f = v >= 12;
  const throttleTimeMs_: number = (v >= 1 ? r.int32() : 0);
  const errorCode_: number = (v >= 7 ? r.int16() : 0);
  const sessionId_: number = (v >= 7 ? r.int32() : 0);
  let responses_: Complete<FetchResponseFetchableTopicResponse>[];
  {
    const len0 = r.requiredArrayLength(f, 'FetchResponse.responses');
    const a0: Complete<FetchResponseFetchableTopicResponse>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readFetchResponseFetchableTopicResponse(r, v));
    }
    responses_ = a0;
  }
  let nodeEndpoints_: Complete<FetchResponseNodeEndpoint>[] = [];
  if (f) {
    for (let k = r.uvarint(); k > 0; k--) {
      const tag = r.uvarint();
      const size = r.taggedSize();
      const start = r.pos;
      switch (tag) {
        case 0:
          if (v >= 16) {
            {
              const len0 = r.requiredArrayLength(true, 'FetchResponse.nodeEndpoints');
              const a0: Complete<FetchResponseNodeEndpoint>[] = [];
              for (let i0 = 0; i0 < len0; i0++) {
                a0.push(readFetchResponseNodeEndpoint(r, v));
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
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, sessionId: sessionId_, responses: responses_, nodeEndpoints: nodeEndpoints_ };
}

function sizeFetchResponseFetchableTopicResponse(m: FetchResponseFetchableTopicResponse, v: number): number {
  const f = v >= 12;
  let n = 0;
  if (v <= 12) {
    n += (f ? sizeOfCompactString((m.topic ?? '')) : sizeOfString((m.topic ?? '')));
  }
  if (v >= 13) n += 16;
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeFetchResponsePartitionData(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeFetchResponseFetchableTopicResponse(w: Writer, m: FetchResponseFetchableTopicResponse, v: number): void {
  const f = v >= 12;
  if (v <= 12) {
    if (f) w.compactString((m.topic ?? '')); else w.string((m.topic ?? ''));
  }
  if (v >= 13) w.uuid((m.topicId ?? ZERO_UUID));
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeFetchResponsePartitionData(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readFetchResponseFetchableTopicResponse(r: Reader, v: number): Complete<FetchResponseFetchableTopicResponse> {
  const f = v >= 12;
  const topic_: string = (v <= 12 ? (f ? r.compactString('FetchResponseFetchableTopicResponse.topic') : r.string('FetchResponseFetchableTopicResponse.topic')) : '');
  const topicId_: string = (v >= 13 ? r.uuid() : ZERO_UUID);
  let partitions_: Complete<FetchResponsePartitionData>[];
  {
    const len0 = r.requiredArrayLength(f, 'FetchResponseFetchableTopicResponse.partitions');
    const a0: Complete<FetchResponsePartitionData>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readFetchResponsePartitionData(r, v));
    }
    partitions_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { topic: topic_, topicId: topicId_, partitions: partitions_ };
}

function sizeFetchResponsePartitionData(m: FetchResponsePartitionData, v: number): number {
  const f = v >= 12;
  let n = 14;
  if (v >= 4) n += 8;
  if (v >= 5) n += 8;
  if (v >= 4) {
    {
      const a0 = (m.abortedTransactions === undefined ? [] : m.abortedTransactions);
      if (a0 === null) n += (f ? 1 : 4);
      else {
        n += (f ? sizeOfUvarint(a0.length + 1) : 4);
        for (let i0 = 0; i0 < a0.length; i0++) {
          n += sizeFetchResponseAbortedTransaction(a0[i0]!, v);
        }
      }
    }
  }
  if (v >= 11) n += 4;
  n += (f ? sizeOfCompactNullableBytes(m.records) : sizeOfNullableBytes(m.records));
  if (f) {
    let c = 0;
    {
      const t0 = (m.divergingEpoch ?? defaultFetchResponseEpochEndOffset());
      if (v >= 12 && !isDefaultFetchResponseEpochEndOffset(t0)) {
        c++;
        const s = sizeFetchResponseEpochEndOffset(t0, v);
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    {
      const t1 = (m.currentLeader ?? defaultFetchResponseLeaderIdAndEpoch());
      if (v >= 12 && !isDefaultFetchResponseLeaderIdAndEpoch(t1)) {
        c++;
        const s = sizeFetchResponseLeaderIdAndEpoch(t1, v);
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    {
      const t2 = (m.snapshotId ?? defaultFetchResponseSnapshotId());
      if (v >= 12 && !isDefaultFetchResponseSnapshotId(t2)) {
        c++;
        const s = sizeFetchResponseSnapshotId(t2, v);
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    n += sizeOfUvarint(c);
  }
  return n;
}

function writeFetchResponsePartitionData(w: Writer, m: FetchResponsePartitionData, v: number): void {
  const f = v >= 12;
  w.int32(m.partitionIndex);
  w.int16(m.errorCode);
  w.int64(m.highWatermark);
  if (v >= 4) w.int64((m.lastStableOffset ?? -1));
  if (v >= 5) w.int64((m.logStartOffset ?? -1));
  if (v >= 4) {
    {
      const a0 = (m.abortedTransactions === undefined ? [] : m.abortedTransactions);
      if (a0 === null) w.nullArray(f);
      else {
        w.arrayLength(f, a0.length);
        for (let i0 = 0; i0 < a0.length; i0++) {
          writeFetchResponseAbortedTransaction(w, a0[i0]!, v);
        }
      }
    }
  }
  if (v >= 11) w.int32((m.preferredReadReplica ?? -1));
  if (f) w.compactNullableBytes(m.records); else w.nullableBytes(m.records);
  if (f) {
    let c = 0;
    const t0 = (m.divergingEpoch ?? defaultFetchResponseEpochEndOffset());
    const h0 = v >= 12 && !isDefaultFetchResponseEpochEndOffset(t0);
    if (h0) c++;
    const t1 = (m.currentLeader ?? defaultFetchResponseLeaderIdAndEpoch());
    const h1 = v >= 12 && !isDefaultFetchResponseLeaderIdAndEpoch(t1);
    if (h1) c++;
    const t2 = (m.snapshotId ?? defaultFetchResponseSnapshotId());
    const h2 = v >= 12 && !isDefaultFetchResponseSnapshotId(t2);
    if (h2) c++;
    w.uvarint(c);
    if (h0) {
      w.uvarint(0);
      w.uvarint(sizeFetchResponseEpochEndOffset(t0, v));
      writeFetchResponseEpochEndOffset(w, t0, v);
    }
    if (h1) {
      w.uvarint(1);
      w.uvarint(sizeFetchResponseLeaderIdAndEpoch(t1, v));
      writeFetchResponseLeaderIdAndEpoch(w, t1, v);
    }
    if (h2) {
      w.uvarint(2);
      w.uvarint(sizeFetchResponseSnapshotId(t2, v));
      writeFetchResponseSnapshotId(w, t2, v);
    }
  }
}

function readFetchResponsePartitionData(r: Reader, v: number): Complete<FetchResponsePartitionData> {
  const f = v >= 12;
  const partitionIndex_: number = r.int32();
  const errorCode_: number = r.int16();
  const highWatermark_: number = r.int64();
  const lastStableOffset_: number = (v >= 4 ? r.int64() : -1);
  const logStartOffset_: number = (v >= 5 ? r.int64() : -1);
  let divergingEpoch_: Complete<FetchResponseEpochEndOffset> = defaultFetchResponseEpochEndOffset();
  let currentLeader_: Complete<FetchResponseLeaderIdAndEpoch> = defaultFetchResponseLeaderIdAndEpoch();
  let snapshotId_: Complete<FetchResponseSnapshotId> = defaultFetchResponseSnapshotId();
  let abortedTransactions_: Complete<FetchResponseAbortedTransaction>[] | null = [];
  if (v >= 4) {
    {
      const len0 = r.arrayLength(f, 'FetchResponsePartitionData.abortedTransactions');
      if (len0 < 0) abortedTransactions_ = null;
      else {
        const a0: Complete<FetchResponseAbortedTransaction>[] = [];
        for (let i0 = 0; i0 < len0; i0++) {
          a0.push(readFetchResponseAbortedTransaction(r, v));
        }
        abortedTransactions_ = a0;
      }
    }
  }
  const preferredReadReplica_: number = (v >= 11 ? r.int32() : -1);
  const records_: Uint8Array | null = (f ? r.compactNullableBytes() : r.nullableBytes());
  if (f) {
    for (let k = r.uvarint(); k > 0; k--) {
      const tag = r.uvarint();
      const size = r.taggedSize();
      const start = r.pos;
      switch (tag) {
        case 0:
          if (v >= 12) {
            divergingEpoch_ = readFetchResponseEpochEndOffset(r, v);
            r.endTaggedField(0, start, size);
          } else r.skip(size);
          break;
        case 1:
          if (v >= 12) {
            currentLeader_ = readFetchResponseLeaderIdAndEpoch(r, v);
            r.endTaggedField(1, start, size);
          } else r.skip(size);
          break;
        case 2:
          if (v >= 12) {
            snapshotId_ = readFetchResponseSnapshotId(r, v);
            r.endTaggedField(2, start, size);
          } else r.skip(size);
          break;
        default:
          r.skip(size);
      }
    }
  }
  return { partitionIndex: partitionIndex_, errorCode: errorCode_, highWatermark: highWatermark_, lastStableOffset: lastStableOffset_, logStartOffset: logStartOffset_, divergingEpoch: divergingEpoch_, currentLeader: currentLeader_, snapshotId: snapshotId_, abortedTransactions: abortedTransactions_, preferredReadReplica: preferredReadReplica_, records: records_ };
}

function defaultFetchResponseEpochEndOffset(): Complete<FetchResponseEpochEndOffset> {
  return { epoch: -1, endOffset: -1 };
}

function isDefaultFetchResponseEpochEndOffset(m: FetchResponseEpochEndOffset): boolean {
  return (m.epoch === undefined || !(m.epoch !== -1)) &&
    (m.endOffset === undefined || !(m.endOffset !== -1));
}

function sizeFetchResponseEpochEndOffset(m: FetchResponseEpochEndOffset, v: number): number {
  let n = 13;
  return n;
}

function writeFetchResponseEpochEndOffset(w: Writer, m: FetchResponseEpochEndOffset, v: number): void {
  w.int32(m.epoch);
  w.int64(m.endOffset);
  w.uvarint(0);
}

function readFetchResponseEpochEndOffset(r: Reader, v: number): Complete<FetchResponseEpochEndOffset> {
  const epoch_: number = r.int32();
  const endOffset_: number = r.int64();
  r.skipTaggedFields();
  return { epoch: epoch_, endOffset: endOffset_ };
}

function defaultFetchResponseLeaderIdAndEpoch(): Complete<FetchResponseLeaderIdAndEpoch> {
  return { leaderId: -1, leaderEpoch: -1 };
}

function isDefaultFetchResponseLeaderIdAndEpoch(m: FetchResponseLeaderIdAndEpoch): boolean {
  return (m.leaderId === undefined || !(m.leaderId !== -1)) &&
    (m.leaderEpoch === undefined || !(m.leaderEpoch !== -1));
}

function sizeFetchResponseLeaderIdAndEpoch(m: FetchResponseLeaderIdAndEpoch, v: number): number {
  let n = 9;
  return n;
}

function writeFetchResponseLeaderIdAndEpoch(w: Writer, m: FetchResponseLeaderIdAndEpoch, v: number): void {
  w.int32(m.leaderId);
  w.int32(m.leaderEpoch);
  w.uvarint(0);
}

function readFetchResponseLeaderIdAndEpoch(r: Reader, v: number): Complete<FetchResponseLeaderIdAndEpoch> {
  const leaderId_: number = r.int32();
  const leaderEpoch_: number = r.int32();
  r.skipTaggedFields();
  return { leaderId: leaderId_, leaderEpoch: leaderEpoch_ };
}

function defaultFetchResponseSnapshotId(): Complete<FetchResponseSnapshotId> {
  return { endOffset: -1, epoch: -1 };
}

function isDefaultFetchResponseSnapshotId(m: FetchResponseSnapshotId): boolean {
  return (m.endOffset === undefined || !(m.endOffset !== -1)) &&
    (m.epoch === undefined || !(m.epoch !== -1));
}

function sizeFetchResponseSnapshotId(m: FetchResponseSnapshotId, v: number): number {
  let n = 13;
  return n;
}

function writeFetchResponseSnapshotId(w: Writer, m: FetchResponseSnapshotId, v: number): void {
  w.int64(m.endOffset);
  w.int32(m.epoch);
  w.uvarint(0);
}

function readFetchResponseSnapshotId(r: Reader, v: number): Complete<FetchResponseSnapshotId> {
  const endOffset_: number = r.int64();
  const epoch_: number = r.int32();
  r.skipTaggedFields();
  return { endOffset: endOffset_, epoch: epoch_ };
}

function sizeFetchResponseAbortedTransaction(m: FetchResponseAbortedTransaction, v: number): number {
  const f = v >= 12;
  let n = 16;
  if (f) n += 1;
  return n;
}

function writeFetchResponseAbortedTransaction(w: Writer, m: FetchResponseAbortedTransaction, v: number): void {
  const f = v >= 12;
  w.int64(m.producerId);
  w.int64(m.firstOffset);
  if (f) {
    w.uvarint(0);
  }
}

function readFetchResponseAbortedTransaction(r: Reader, v: number): Complete<FetchResponseAbortedTransaction> {
  const f = v >= 12;
  const producerId_: number = r.int64();
  const firstOffset_: number = r.int64();
  if (f) {
    r.skipTaggedFields();
  }
  return { producerId: producerId_, firstOffset: firstOffset_ };
}

function sizeFetchResponseNodeEndpoint(m: FetchResponseNodeEndpoint, v: number): number {
  let n = 9;
  n += sizeOfCompactString(m.host);
  n += sizeOfCompactNullableString(m.rack);
  return n;
}

function writeFetchResponseNodeEndpoint(w: Writer, m: FetchResponseNodeEndpoint, v: number): void {
  w.int32(m.nodeId);
  w.compactString(m.host);
  w.int32(m.port);
  w.compactNullableString(m.rack);
  w.uvarint(0);
}

function readFetchResponseNodeEndpoint(r: Reader, v: number): Complete<FetchResponseNodeEndpoint> {
  const nodeId_: number = r.int32();
  const host_: string = r.compactString('FetchResponseNodeEndpoint.host');
  const port_: number = r.int32();
  const rack_: string | null = r.compactNullableString();
  r.skipTaggedFields();
  return { nodeId: nodeId_, host: host_, port: port_, rack: rack_ };
}

export const FetchResponse: MessageCodec<FetchResponse> = {
  name: 'FetchResponse',
  minVersion: 0,
  maxVersion: 17,
  flexibleMin: 12,
  size: sizeFetchResponse,
  write: writeFetchResponse,
  read: readFetchResponse,
};
