// Generated from schema/consumer-offsets.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString, sizeOfBytes, sizeOfCompactBytes } from '../writer.js';

/** OffsetCommitKey (versions 0-1). */
export interface OffsetCommitKey {
  /** Group: v0-1 */
  group: string;
  /** Topic: v0-1 */
  topic: string;
  /** Partition: v0-1 */
  partition: number;
}

/** OffsetCommitValue (versions 0-4). */
export interface OffsetCommitValue {
  /** Offset: v0-4 */
  offset: number;
  /** LeaderEpoch: v3-4, default -1 */
  leaderEpoch?: number;
  /** Metadata: v0-4 */
  metadata: string;
  /** CommitTimestamp: v0-4 */
  commitTimestamp: number;
  /** ExpireTimestamp: v1, default -1 */
  expireTimestamp?: number;
}

/** GroupMetadataKey (versions 2). */
export interface GroupMetadataKey {
  /** Group: v2 */
  group: string;
}

/** GroupMetadataValue (versions 0-4). */
export interface GroupMetadataValue {
  /** ProtocolType: v0-4 */
  protocolType: string;
  /** Generation: v0-4 */
  generation: number;
  /** Protocol: v0-4, nullable v0+ */
  protocol: string | null;
  /** Leader: v0-4, nullable v0+ */
  leader: string | null;
  /** CurrentStateTimestamp: v2-4, default -1 */
  currentStateTimestamp?: number;
  /** Members: v0-4 */
  members: readonly GroupMetadataValueMemberMetadata[];
}

/** GroupMetadataValue MemberMetadata (versions 0-4). */
export interface GroupMetadataValueMemberMetadata {
  /** MemberId: v0-4 */
  memberId: string;
  /** GroupInstanceId: v3-4, nullable v3+, default null */
  groupInstanceId?: string | null;
  /** ClientId: v0-4 */
  clientId: string;
  /** ClientHost: v0-4 */
  clientHost: string;
  /** RebalanceTimeout: v1-4 */
  rebalanceTimeout?: number;
  /** SessionTimeout: v0-4 */
  sessionTimeout: number;
  /** Subscription: v0-4 */
  subscription: Uint8Array;
  /** Assignment: v0-4 */
  assignment: Uint8Array;
}

function sizeOffsetCommitKey(m: OffsetCommitKey, v: number): number {
  let n = 4;
  n += sizeOfString(m.group);
  n += sizeOfString(m.topic);
  return n;
}

function writeOffsetCommitKey(w: Writer, m: OffsetCommitKey, v: number): void {
  w.string(m.group);
  w.string(m.topic);
  w.int32(m.partition);
}

function readOffsetCommitKey(r: Reader, v: number): Complete<OffsetCommitKey> {
  const group_: string = r.string('OffsetCommitKey.group');
  const topic_: string = r.string('OffsetCommitKey.topic');
  const partition_: number = r.int32();
  return { group: group_, topic: topic_, partition: partition_ };
}

export const OffsetCommitKey: MessageCodec<OffsetCommitKey> = {
  name: 'OffsetCommitKey',
  minVersion: 0,
  maxVersion: 1,
  flexibleMin: null,
  size: sizeOffsetCommitKey,
  write: writeOffsetCommitKey,
  read: readOffsetCommitKey,
};

function sizeOffsetCommitValue(m: OffsetCommitValue, v: number): number {
  const f = v >= 4;
  let n = 16;
  if (v >= 3) n += 4;
  n += (f ? sizeOfCompactString(m.metadata) : sizeOfString(m.metadata));
  if (v >= 1 && v <= 1) n += 8;
  if (f) n += 1;
  return n;
}

function writeOffsetCommitValue(w: Writer, m: OffsetCommitValue, v: number): void {
  const f = v >= 4;
  w.int64(m.offset);
  if (v >= 3) w.int32((m.leaderEpoch ?? -1));
  if (f) w.compactString(m.metadata); else w.string(m.metadata);
  w.int64(m.commitTimestamp);
  if (v >= 1 && v <= 1) w.int64((m.expireTimestamp ?? -1));
  if (f) {
    w.uvarint(0);
  }
}

function readOffsetCommitValue(r: Reader, v: number): Complete<OffsetCommitValue> {
  const f = v >= 4;
  const offset_: number = r.int64();
  const leaderEpoch_: number = (v >= 3 ? r.int32() : -1);
  const metadata_: string = (f ? r.compactString('OffsetCommitValue.metadata') : r.string('OffsetCommitValue.metadata'));
  const commitTimestamp_: number = r.int64();
  const expireTimestamp_: number = (v >= 1 && v <= 1 ? r.int64() : -1);
  if (f) {
    r.skipTaggedFields();
  }
  return { offset: offset_, leaderEpoch: leaderEpoch_, metadata: metadata_, commitTimestamp: commitTimestamp_, expireTimestamp: expireTimestamp_ };
}

export const OffsetCommitValue: MessageCodec<OffsetCommitValue> = {
  name: 'OffsetCommitValue',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 4,
  size: sizeOffsetCommitValue,
  write: writeOffsetCommitValue,
  read: readOffsetCommitValue,
};

function sizeGroupMetadataKey(m: GroupMetadataKey, v: number): number {
  let n = 0;
  n += sizeOfString(m.group);
  return n;
}

function writeGroupMetadataKey(w: Writer, m: GroupMetadataKey, v: number): void {
  w.string(m.group);
}

function readGroupMetadataKey(r: Reader, v: number): Complete<GroupMetadataKey> {
  const group_: string = r.string('GroupMetadataKey.group');
  return { group: group_ };
}

export const GroupMetadataKey: MessageCodec<GroupMetadataKey> = {
  name: 'GroupMetadataKey',
  minVersion: 2,
  maxVersion: 2,
  flexibleMin: null,
  size: sizeGroupMetadataKey,
  write: writeGroupMetadataKey,
  read: readGroupMetadataKey,
};

function sizeGroupMetadataValue(m: GroupMetadataValue, v: number): number {
  const f = v >= 4;
  let n = 4;
  n += (f ? sizeOfCompactString(m.protocolType) : sizeOfString(m.protocolType));
  n += (f ? sizeOfCompactNullableString(m.protocol) : sizeOfNullableString(m.protocol));
  n += (f ? sizeOfCompactNullableString(m.leader) : sizeOfNullableString(m.leader));
  if (v >= 2) n += 8;
  {
    const a0 = m.members;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeGroupMetadataValueMemberMetadata(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeGroupMetadataValue(w: Writer, m: GroupMetadataValue, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.protocolType); else w.string(m.protocolType);
  w.int32(m.generation);
  if (f) w.compactNullableString(m.protocol); else w.nullableString(m.protocol);
  if (f) w.compactNullableString(m.leader); else w.nullableString(m.leader);
  if (v >= 2) w.int64((m.currentStateTimestamp ?? -1));
  {
    const a0 = m.members;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeGroupMetadataValueMemberMetadata(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readGroupMetadataValue(r: Reader, v: number): Complete<GroupMetadataValue> {
  const f = v >= 4;
  const protocolType_: string = (f ? r.compactString('GroupMetadataValue.protocolType') : r.string('GroupMetadataValue.protocolType'));
  const generation_: number = r.int32();
  const protocol_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const leader_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const currentStateTimestamp_: number = (v >= 2 ? r.int64() : -1);
  let members_: Complete<GroupMetadataValueMemberMetadata>[];
  {
    const len0 = r.requiredArrayLength(f, 'GroupMetadataValue.members');
    const a0: Complete<GroupMetadataValueMemberMetadata>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readGroupMetadataValueMemberMetadata(r, v));
    }
    members_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { protocolType: protocolType_, generation: generation_, protocol: protocol_, leader: leader_, currentStateTimestamp: currentStateTimestamp_, members: members_ };
}

function sizeGroupMetadataValueMemberMetadata(m: GroupMetadataValueMemberMetadata, v: number): number {
  const f = v >= 4;
  let n = 4;
  n += (f ? sizeOfCompactString(m.memberId) : sizeOfString(m.memberId));
  if (v >= 3) {
    n += (f ? sizeOfCompactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)) : sizeOfNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)));
  }
  n += (f ? sizeOfCompactString(m.clientId) : sizeOfString(m.clientId));
  n += (f ? sizeOfCompactString(m.clientHost) : sizeOfString(m.clientHost));
  if (v >= 1) n += 4;
  n += (f ? sizeOfCompactBytes(m.subscription) : sizeOfBytes(m.subscription));
  n += (f ? sizeOfCompactBytes(m.assignment) : sizeOfBytes(m.assignment));
  if (f) n += 1;
  return n;
}

function writeGroupMetadataValueMemberMetadata(w: Writer, m: GroupMetadataValueMemberMetadata, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 3) {
    if (f) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  }
  if (f) w.compactString(m.clientId); else w.string(m.clientId);
  if (f) w.compactString(m.clientHost); else w.string(m.clientHost);
  if (v >= 1) w.int32((m.rebalanceTimeout ?? 0));
  w.int32(m.sessionTimeout);
  if (f) w.compactBytes(m.subscription); else w.bytes(m.subscription);
  if (f) w.compactBytes(m.assignment); else w.bytes(m.assignment);
  if (f) {
    w.uvarint(0);
  }
}

function readGroupMetadataValueMemberMetadata(r: Reader, v: number): Complete<GroupMetadataValueMemberMetadata> {
  const f = v >= 4;
  const memberId_: string = (f ? r.compactString('GroupMetadataValueMemberMetadata.memberId') : r.string('GroupMetadataValueMemberMetadata.memberId'));
  const groupInstanceId_: string | null = (v >= 3 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  const clientId_: string = (f ? r.compactString('GroupMetadataValueMemberMetadata.clientId') : r.string('GroupMetadataValueMemberMetadata.clientId'));
  const clientHost_: string = (f ? r.compactString('GroupMetadataValueMemberMetadata.clientHost') : r.string('GroupMetadataValueMemberMetadata.clientHost'));
  const rebalanceTimeout_: number = (v >= 1 ? r.int32() : 0);
  const sessionTimeout_: number = r.int32();
  const subscription_: Uint8Array = (f ? r.compactBytes('GroupMetadataValueMemberMetadata.subscription') : r.bytes('GroupMetadataValueMemberMetadata.subscription'));
  const assignment_: Uint8Array = (f ? r.compactBytes('GroupMetadataValueMemberMetadata.assignment') : r.bytes('GroupMetadataValueMemberMetadata.assignment'));
  if (f) {
    r.skipTaggedFields();
  }
  return { memberId: memberId_, groupInstanceId: groupInstanceId_, clientId: clientId_, clientHost: clientHost_, rebalanceTimeout: rebalanceTimeout_, sessionTimeout: sessionTimeout_, subscription: subscription_, assignment: assignment_ };
}

export const GroupMetadataValue: MessageCodec<GroupMetadataValue> = {
  name: 'GroupMetadataValue',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 4,
  size: sizeGroupMetadataValue,
  write: writeGroupMetadataValue,
  read: readGroupMetadataValue,
};
