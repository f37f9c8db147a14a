// Generated from schema/consumer-protocol.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfString, sizeOfNullableString, sizeOfNullableBytes } from '../writer.js';

/** ConsumerProtocolSubscription (versions 0-3). */
export interface ConsumerProtocolSubscription {
  /** Topics: v0-3 */
  topics: readonly string[];
  /** UserData: v0-3, nullable v0+, default null */
  userData: Uint8Array | null;
  /** OwnedPartitions: v1-3 */
  ownedPartitions?: readonly ConsumerProtocolSubscriptionTopicPartition[];
  /** GenerationId: v2-3, default -1 */
  generationId?: number;
  /** RackId: v3, nullable v3+, default null */
  rackId?: string | null;
}

/** ConsumerProtocolSubscription TopicPartition (versions 1-3). */
export interface ConsumerProtocolSubscriptionTopicPartition {
  /** Topic: v1-3 */
  topic: string;
  /** Partitions: v1-3 */
  partitions: readonly number[];
}

/** ConsumerProtocolAssignment (versions 0-3). */
export interface ConsumerProtocolAssignment {
  /** AssignedPartitions: v0-3 */
  assignedPartitions: readonly ConsumerProtocolAssignmentTopicPartition[];
  /** UserData: v0-3, nullable v0+, default null */
  userData: Uint8Array | null;
}

/** ConsumerProtocolAssignment TopicPartition (versions 0-3). */
export interface ConsumerProtocolAssignmentTopicPartition {
  /** Topic: v0-3 */
  topic: string;
  /** Partitions: v0-3 */
  partitions: readonly number[];
}

function sizeConsumerProtocolSubscription(m: ConsumerProtocolSubscription, v: number): number {
  let n = 0;
  {
    const a0 = m.topics;
    n += 4;
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeOfString(a0[i0]!);
    }
  }
  n += sizeOfNullableBytes(m.userData);
  if (v >= 1) {
    {
      const a0 = (m.ownedPartitions ?? []);
      n += 4;
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeConsumerProtocolSubscriptionTopicPartition(a0[i0]!, v);
      }
    }
  }
  if (v >= 2) n += 4;
  if (v >= 3) {
    n += sizeOfNullableString((m.rackId === undefined ? null : m.rackId));
  }
  return n;
}

function writeConsumerProtocolSubscription(w: Writer, m: ConsumerProtocolSubscription, v: number): void {
  {
    const a0 = m.topics;
    w.arrayLength(false, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.string(a0[i0]!);
    }
  }
  w.nullableBytes(m.userData);
  if (v >= 1) {
    {
      const a0 = (m.ownedPartitions ?? []);
      w.arrayLength(false, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeConsumerProtocolSubscriptionTopicPartition(w, a0[i0]!, v);
      }
    }
  }
  if (v >= 2) w.int32((m.generationId ?? -1));
  if (v >= 3) w.nullableString((m.rackId === undefined ? null : m.rackId));
}

function readConsumerProtocolSubscription(r: Reader, v: number): Complete<ConsumerProtocolSubscription> {
  let topics_: string[];
  {
    const len0 = r.requiredArrayLength(false, 'ConsumerProtocolSubscription.topics');
    const a0: string[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.string('ConsumerProtocolSubscription.topics'));
    }
    topics_ = a0;
  }
  const userData_: Uint8Array | null = r.nullableBytes();
  let ownedPartitions_: Complete<ConsumerProtocolSubscriptionTopicPartition>[] = [];
  if (v >= 1) {
    {
      const len0 = r.requiredArrayLength(false, 'ConsumerProtocolSubscription.ownedPartitions');
      const a0: Complete<ConsumerProtocolSubscriptionTopicPartition>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readConsumerProtocolSubscriptionTopicPartition(r, v));
      }
      ownedPartitions_ = a0;
    }
  }
  const generationId_: number = (v >= 2 ? r.int32() : -1);
  const rackId_: string | null = (v >= 3 ? r.nullableString() : null);
  return { topics: topics_, userData: userData_, ownedPartitions: ownedPartitions_, generationId: generationId_, rackId: rackId_ };
}

function sizeConsumerProtocolSubscriptionTopicPartition(m: ConsumerProtocolSubscriptionTopicPartition, v: number): number {
  let n = 0;
  n += sizeOfString(m.topic);
  {
    const a0 = m.partitions;
    n += 4 + a0.length * 4;
  }
  return n;
}

function writeConsumerProtocolSubscriptionTopicPartition(w: Writer, m: ConsumerProtocolSubscriptionTopicPartition, v: number): void {
  w.string(m.topic);
  {
    const a0 = m.partitions;
    w.arrayLength(false, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.int32(a0[i0]!);
    }
  }
}

function readConsumerProtocolSubscriptionTopicPartition(r: Reader, v: number): Complete<ConsumerProtocolSubscriptionTopicPartition> {
  const topic_: string = r.string('ConsumerProtocolSubscriptionTopicPartition.topic');
  let partitions_: number[];
  {
    const len0 = r.requiredArrayLength(false, 'ConsumerProtocolSubscriptionTopicPartition.partitions');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    partitions_ = a0;
  }
  return { topic: topic_, partitions: partitions_ };
}

export const ConsumerProtocolSubscription: MessageCodec<ConsumerProtocolSubscription> = {
  name: 'ConsumerProtocolSubscription',
  minVersion: 0,
  maxVersion: 3,
  flexibleMin: null,
  size: sizeConsumerProtocolSubscription,
  write: writeConsumerProtocolSubscription,
  read: readConsumerProtocolSubscription,
};

function sizeConsumerProtocolAssignment(m: ConsumerProtocolAssignment, v: number): number {
  let n = 0;
  {
    const a0 = m.assignedPartitions;
    n += 4;
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeConsumerProtocolAssignmentTopicPartition(a0[i0]!, v);
    }
  }
  n += sizeOfNullableBytes(m.userData);
  return n;
}

function writeConsumerProtocolAssignment(w: Writer, m: ConsumerProtocolAssignment, v: number): void {
  {
    const a0 = m.assignedPartitions;
    w.arrayLength(false, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeConsumerProtocolAssignmentTopicPartition(w, a0[i0]!, v);
    }
  }
  w.nullableBytes(m.userData);
}

function readConsumerProtocolAssignment(r: Reader, v: number): Complete<ConsumerProtocolAssignment> {
  let assignedPartitions_: Complete<ConsumerProtocolAssignmentTopicPartition>[];
  {
    const len0 = r.requiredArrayLength(false, 'ConsumerProtocolAssignment.assignedPartitions');
    const a0: Complete<ConsumerProtocolAssignmentTopicPartition>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readConsumerProtocolAssignmentTopicPartition(r, v));
    }
    assignedPartitions_ = a0;
  }
  const userData_: Uint8Array | null = r.nullableBytes();
  return { assignedPartitions: assignedPartitions_, userData: userData_ };
}

function sizeConsumerProtocolAssignmentTopicPartition(m: ConsumerProtocolAssignmentTopicPartition, v: number): number {
  let n = 0;
  n += sizeOfString(m.topic);
  {
    const a0 = m.partitions;
    n += 4 + a0.length * 4;
  }
  return n;
}

function writeConsumerProtocolAssignmentTopicPartition(w: Writer, m: ConsumerProtocolAssignmentTopicPartition, v: number): void {
  w.string(m.topic);
  {
    const a0 = m.partitions;
    w.arrayLength(false, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      w.int32(a0[i0]!);
    }
  }
}

function readConsumerProtocolAssignmentTopicPartition(r: Reader, v: number): Complete<ConsumerProtocolAssignmentTopicPartition> {
  const topic_: string = r.string('ConsumerProtocolAssignmentTopicPartition.topic');
  let partitions_: number[];
  {
    const len0 = r.requiredArrayLength(false, 'ConsumerProtocolAssignmentTopicPartition.partitions');
    const a0: number[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(r.int32());
    }
    partitions_ = a0;
  }
  return { topic: topic_, partitions: partitions_ };
}

export const ConsumerProtocolAssignment: MessageCodec<ConsumerProtocolAssignment> = {
  name: 'ConsumerProtocolAssignment',
  minVersion: 0,
  maxVersion: 3,
  flexibleMin: null,
  size: sizeConsumerProtocolAssignment,
  write: writeConsumerProtocolAssignment,
  read: readConsumerProtocolAssignment,
};
