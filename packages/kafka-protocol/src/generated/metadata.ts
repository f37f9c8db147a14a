// Generated from schema/metadata.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';
import { ZERO_UUID } from '../uuid.js';
import { notNullable } from '../generated-support.js';

/** MetadataRequest (versions 0-12). */
export interface MetadataRequest {
  /** Topics: v0-12, nullable v1+ */
  topics: readonly MetadataRequestTopic[] | null;
  /** AllowAutoTopicCreation: v4-12, default true */
  allowAutoTopicCreation?: boolean;
  /** IncludeClusterAuthorizedOperations: v8-10 */
  includeClusterAuthorizedOperations?: boolean;
  /** IncludeTopicAuthorizedOperations: v8-12 */
  includeTopicAuthorizedOperations?: boolean;
}

/** MetadataRequest MetadataRequestTopic (versions 0-12). */
export interface MetadataRequestTopic {
  /** TopicId: v10-12 */
  topicId?: string;
  /** Name: v0-12, nullable v10+ */
  name: string | null;
}

/** MetadataResponse (versions 0-12). */
export interface MetadataResponse {
  /** ThrottleTimeMs: v3-12 */
  throttleTimeMs?: number;
  /** Brokers: v0-12 */
  brokers: readonly MetadataResponseBroker[];
  /** ClusterId: v2-12, nullable v2+, default null */
  clusterId?: string | null;
  /** ControllerId: v1-12, default -1 */
  controllerId?: number;
  /** Topics: v0-12 */
  topics: readonly MetadataResponseTopic[];
  /** ClusterAuthorizedOperations: v8-10, default -2147483648 */
  clusterAuthorizedOperations?: number;
}

/** MetadataResponse MetadataResponseBroker (versions 0-12). */
export interface MetadataResponseBroker {
  /** NodeId: v0-12 */
  nodeId: number;
  /** Host: v0-12 */
  host: string;
  /** Port: v0-12 */
  port: number;
  /** Rack: v1-12, nullable v1+, default null */
  rack?: string | null;
}

/** MetadataResponse MetadataResponseTopic (versions 0-12). */
export interface MetadataResponseTopic {
  /** ErrorCode: v0-12 */
  errorCode: number;
  /** Name: v0-12, nullable v12+ */
  name: string | null;
  /** TopicId: v10-12 */
  topicId?: string;
  /** IsInternal: v1-12 */
  isInternal?: boolean;
  /** Partitions: v0-12 */
  partitions: readonly MetadataResponsePartition[];
  /** TopicAuthorizedOperations: v8-12, default -2147483648 */
  topicAuthorizedOperations?: number;
}

/** MetadataResponse MetadataResponsePartition (versions 0-12). */
export interface MetadataResponsePartition {
  /** ErrorCode: v0-12 */
  errorCode: number;
  /** PartitionIndex: v0-12 */
  partitionIndex: number;
  /** LeaderId: v0-12 */
  leaderId: number;
  /** LeaderEpoch: v7-12, default -1 */
  leaderEpoch?: number;
  /** ReplicaNodes: v0-12 */
  replicaNodes: readonly number[];
  /** IsrNodes: v0-12 */
  isrNodes: readonly number[];
  /** OfflineReplicas: v5-12 */
  offlineReplicas?: readonly number[];
}

function sizeMetadataRequest(m: MetadataRequest, v: number): number {
  const f = v >= 9;
  let n = 0;
  {
    const a0 = m.topics;
    if (a0 === null) n += (f ? 1 : 4);
    else {
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeMetadataRequestTopic(a0[i0]!, v);
      }
    }
  }
  if (v >= 4) n += 1;
  if (v >= 8 && v <= 10) n += 1;
  if (v >= 8) n += 1;
  if (f) n += 1;
  return n;
}

function writeMetadataRequest(w: Writer, m: MetadataRequest, v: number): void {
  const f = v >= 9;
  if (m.topics === null && !(v >= 1)) throw notNullable('MetadataRequest.topics', v);
  {
    const a0 = m.topics;
    if (a0 === null) w.nullArray(f);
    else {
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeMetadataRequestTopic(w, a0[i0]!, v);
      }
    }
  }
  if (v >= 4) w.bool((m.allowAutoTopicCreation ?? true));
  if (v >= 8 && v <= 10) w.bool((m.includeClusterAuthorizedOperations ?? false));
  if (v >= 8) w.bool((m.includeTopicAuthorizedOperations ?? false));
  if (f) {
    w.uvarint(0);
  }
}

function readMetadataRequest(r: Reader, v: number): Complete<MetadataRequest> {
  const f = v >= 9;
  let topics_: Complete<MetadataRequestTopic>[] | null;
  {
    const len0 = (v >= 1 ? r.arrayLength(f, 'MetadataRequest.topics') : r.requiredArrayLength(f, 'MetadataRequest.topics'));
    if (len0 < 0) topics_ = null;
    else {
      const a0: Complete<MetadataRequestTopic>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readMetadataRequestTopic(r, v));
      }
      topics_ = a0;
    }
  }
  const allowAutoTopicCreation_: boolean = (v >= 4 ? r.bool() : true);
  const includeClusterAuthorizedOperations_: boolean = (v >= 8 && v <= 10 ? r.bool() : false);
  const includeTopicAuthorizedOperations_: boolean = (v >= 8 ? r.bool() : false);
  if (f) {
    r.skipTaggedFields();
  }
  return { topics: topics_, allowAutoTopicCreation: allowAutoTopicCreation_, includeClusterAuthorizedOperations: includeClusterAuthorizedOperations_, includeTopicAuthorizedOperations: includeTopicAuthorizedOperations_ };
}

function sizeMetadataRequestTopic(m: MetadataRequestTopic, v: number): number {
  const f = v >= 9;
  let n = 0;
  if (v >= 10) n += 16;
  n += (f ? sizeOfCompactNullableString(m.name) : sizeOfNullableString(m.name));
  if (f) n += 1;
  return n;
}

function writeMetadataRequestTopic(w: Writer, m: MetadataRequestTopic, v: number): void {
  const f = v >= 9;
  if (v >= 10) w.uuid((m.topicId ?? ZERO_UUID));
  if (m.name === null && !(v >= 10)) throw notNullable('MetadataRequestTopic.name', v);
  if (f) w.compactNullableString(m.name); else w.nullableString(m.name);
  if (f) {
    w.uvarint(0);
  }
}

function readMetadataRequestTopic(r: Reader, v: number): Complete<MetadataRequestTopic> {
  const f = v >= 9;
  const topicId_: string = (v >= 10 ? r.uuid() : ZERO_UUID);
  const name_: string | null = (f ? (v >= 10 ? r.compactNullableString() : r.compactString('MetadataRequestTopic.name')) : (v >= 10 ? r.nullableString() : r.string('MetadataRequestTopic.name')));
  if (f) {
    r.skipTaggedFields();
  }
  return { topicId: topicId_, name: name_ };
}

export const MetadataRequest: MessageCodec<MetadataRequest> = {
  name: 'MetadataRequest',
  minVersion: 0,
  maxVersion: 12,
  flexibleMin: 9,
  size: sizeMetadataRequest,
  write: writeMetadataRequest,
  read: readMetadataRequest,
};

function sizeMetadataResponse(m: MetadataResponse, v: number): number {
  const f = v >= 9;
  let n = 0;
  if (v >= 3) n += 4;
  {
    const a0 = m.brokers;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeMetadataResponseBroker(a0[i0]!, v);
    }
  }
  if (v >= 2) {
    n += (f ? sizeOfCompactNullableString((m.clusterId === undefined ? null : m.clusterId)) : sizeOfNullableString((m.clusterId === undefined ? null : m.clusterId)));
  }
  if (v >= 1) n += 4;
  {
    const a0 = m.topics;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeMetadataResponseTopic(a0[i0]!, v);
    }
  }
  if (v >= 8 && v <= 10) n += 4;
  if (f) n += 1;
  return n;
}

function writeMetadataResponse(w: Writer, m: MetadataResponse, v: number): void {
  const f = v >= 9;
  if (v >= 3) w.int32((m.throttleTimeMs ?? 0));
  {
    const a0 = m.brokers;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeMetadataResponseBroker(w, a0[i0]!, v);
    }
  }
  if (v >= 2) {
    if (f) w.compactNullableString((m.clusterId === undefined ? null : m.clusterId)); else w.nullableString((m.clusterId === undefined ? null : m.clusterId));
  }
  if (v >= 1) w.int32((m.controllerId ?? -1));
  {
    const a0 = m.topics;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeMetadataResponseTopic(w, a0[i0]!, v);
    }
  }
  if (v >= 8 && v <= 10) w.int32((m.clusterAuthorizedOperations ?? -2147483648));
  if (f) {
    w.uvarint(0);
  }
}

function readMetadataResponse(r: Reader, v: number): Complete<MetadataResponse> {
  const f = v >= 9;
  const throttleTimeMs_: number = (v >= 3 ? r.int32() : 0);
  let brokers_: Complete<MetadataResponseBroker>[];
  {
    const len0 = r.requiredArrayLength(f, 'MetadataResponse.brokers');
    const a0: Complete<MetadataResponseBroker>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readMetadataResponseBroker(r, v));
    }
    brokers_ = a0;
  }
  const clusterId_: string | null = (v >= 2 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  const controllerId_: number = (v >= 1 ? r.int32() : -1);
  let topics_: Complete<MetadataResponseTopic>[];
  {
    const len0 = r.requiredArrayLength(f, 'MetadataResponse.topics');
    const a0: Complete<MetadataResponseTopic>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readMetadataResponseTopic(r, v));
    }
    topics_ = a0;
  }
  const clusterAuthorizedOperations_: number = (v >= 8 && v <= 10 ? r.int32() : -2147483648);
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, brokers: brokers_, clusterId: clusterId_, controllerId: controllerId_, topics: topics_, clusterAuthorizedOperations: clusterAuthorizedOperations_ };
}

function sizeMetadataResponseBroker(m: MetadataResponseBroker, v: number): number {
  const f = v >= 9;
  let n = 8;
  n += (f ? sizeOfCompactString(m.host) : sizeOfString(m.host));
  if (v >= 1) {
    n += (f ? sizeOfCompactNullableString((m.rack === undefined ? null : m.rack)) : sizeOfNullableString((m.rack === undefined ? null : m.rack)));
  }
  if (f) n += 1;
  return n;
}

function writeMetadataResponseBroker(w: Writer, m: MetadataResponseBroker, v: number): void {
  const f = v >= 9;
  w.int32(m.nodeId);
  if (f) w.compactString(m.host); else w.string(m.host);
  w.int32(m.port);
  if (v >= 1) {
    if (f) w.compactNullableString((m.rack === undefined ? null : m.rack)); else w.nullableString((m.rack === undefined ? null : m.rack));
  }
  if (f) {
    w.uvarint(0);
  }
}

function readMetadataResponseBroker(r: Reader, v: number): Complete<MetadataResponseBroker> {
  const f = v >= 9;
  const nodeId_: number = r.int32();
  const host_: string = (f ? r.compactString('MetadataResponseBroker.host') : r.string('MetadataResponseBroker.host'));
  const port_: number = r.int32();
  const rack_: string | null = (v >= 1 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  if (f) {
    r.skipTaggedFields();
  }
  return { nodeId: nodeId_, host: host_, port: port_, rack: rack_ };
}

function sizeMetadataResponseTopic(m: MetadataResponseTopic, v: number): number {
  const f = v >= 9;
  let n = 2;
  n += (f ? sizeOfCompactNullableString(m.name) : sizeOfNullableString(m.name));
  if (v >= 10) n += 16;
  if (v >= 1) n += 1;
  {
    const a0 = m.partitions;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeMetadataResponsePartition(a0[i0]!, v);
    }
  }
  if (v >= 8) n += 4;
  if (f) n += 1;
  return n;
}

function writeMetadataResponseTopic(w: Writer, m: MetadataResponseTopic, v: number): void {
  const f = v >= 9;
  w.int16(m.errorCode);
  if (m.name === null && !(v >= 12)) throw notNullable('MetadataResponseTopic.name', v);
  if (f) w.compactNullableString(m.name); else w.nullableString(m.name);
  if (v >= 10) w.uuid((m.topicId ?? ZERO_UUID));
  if (v >= 1) w.bool((m.isInternal ?? false));
  {
    const a0 = m.partitions;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeMetadataResponsePartition(w, a0[i0]!, v);
    }
  }
  if (v >= 8) w.int32((m.topicAuthorizedOperations ?? -2147483648));
  if (f) {
    w.uvarint(0);
  }
}

function readMetadataResponseTopic(r: Reader, v: number): Complete<MetadataResponseTopic> {
  const f = v >= 9;
  const errorCode_: number = r.int16();
  const name_: string | null = (f ? (v >= 12 ? r.compactNullableString() : r.compactString('MetadataResponseTopic.name')) : (v >= 12 ? r.nullableString() : r.string('MetadataResponseTopic.name')));
  const topicId_: string = (v >= 10 ? r.uuid() : ZERO_UUID);
  const isInternal_: boolean = (v >= 1 ? r.bool() : false);
  let partitions_: Complete<MetadataResponsePartition>[];
  {
    const len0 = r.requiredArrayLength(f, 'MetadataResponseTopic.partitions');
    const a0: Complete<MetadataResponsePartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readMetadataResponsePartition(r, v));
    }
    partitions_ = a0;
  }
  const topicAuthorizedOperations_: number = (v >= 8 ? r.int32() : -2147483648);
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, name: name_, topicId: topicId_, isInternal: isInternal_, partitions: partitions_, topicAuthorizedOperations: topicAuthorizedOperations_ };
}

function sizeMetadataResponsePartition(m: MetadataResponsePartition, v: number): number {
  const f = v >= 9;
  let n = 10;
  if (v >= 7) n += 4;
  {
    const a0 = m.replicaNodes;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4) + a0.length * 4;
  }
  {
    const a0 = m.isrNodes;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4) + a0.length * 4;
  }
  if (v >= 5) {
    {
      const a0 = (m.offlineReplicas ?? []);
      n += (f ? sizeOfUvarint(a0.length + 1) : 4) + a0.length * 4;
    }
  }
  if (f) n += 1;
  return n;
}

function writeMetadataResponsePartition(w: Writer, m: MetadataResponsePartition, v: number): void {
  const f = v >= 9;
  w.int16(m.errorCode);
  w.int32(m.partitionIndex);
  w.int32(m.leaderId);
  if (v >= 7) w.int32((m.leaderEpoch ?? -1));
  {
    const a0 = m.replicaNodes;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.int32(a0[i0]!);
    }
  }
  {
    const a0 = m.isrNodes;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.int32(a0[i0]!);
    }
  }
  if (v >= 5) {
    {
      const a0 = (m.offlineReplicas ?? []);
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        w.int32(a0[i0]!);
      }
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readMetadataResponsePartition(r: Reader, v: number): Complete<MetadataResponsePartition> {
  const f = v >= 9;
  const errorCode_: number = r.int16();
  const partitionIndex_: number = r.int32();
  const leaderId_: number = r.int32();
  const leaderEpoch_: number = (v >= 7 ? r.int32() : -1);
  let replicaNodes_: number[];
  {
    const len0 = r.requiredArrayLength(f, 'MetadataResponsePartition.replicaNodes');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    replicaNodes_ = a0;
  }
  let isrNodes_: number[];
  {
    const len0 = r.requiredArrayLength(f, 'MetadataResponsePartition.isrNodes');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    isrNodes_ = a0;
  }
  let offlineReplicas_: number[] = [];
  if (v >= 5) {
    {
      const len0 = r.requiredArrayLength(f, 'MetadataResponsePartition.offlineReplicas');
      const a0: number[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(r.int32());
      }
      offlineReplicas_ = a0;
    }
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, partitionIndex: partitionIndex_, leaderId: leaderId_, leaderEpoch: leaderEpoch_, replicaNodes: replicaNodes_, isrNodes: isrNodes_, offlineReplicas: offlineReplicas_ };
}

export const MetadataResponse: MessageCodec<MetadataResponse> = {
  name: 'MetadataResponse',
  minVersion: 0,
  maxVersion: 12,
  flexibleMin: 9,
  size: sizeMetadataResponse,
  write: writeMetadataResponse,
  read: readMetadataResponse,
};
