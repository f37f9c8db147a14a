/**
 * The PartitionChange record's protobuf bytes, written and read by hand. Fencing a broker writes
 * one such record per partition it touched (10,000 for a broker leading 10,000 partitions), and every
 * node reads them all back; protobufjs's object-based path costs several microseconds per record
 * there. The bytes are exactly protobufjs's (fields in number order, packed ids, fields written when
 * scalars skipped at zero) — a property test holds the two paths to that — and the reader falls back
 * to protobufjs (returns null) on anything it does not expect, such as fields added later.
 */
import { MalformedMetadataRecordError } from './record-errors';
import type { BrokerId, PartitionChangeRecord } from './metadata-record';

/** MetadataRecord field 6 (partition_change), length-delimited. */
const PARTITION_CHANGE_TAG = (6 << 3) | 2;
const TAG_PARTITION_ID = (1 << 3) | 0;
const TAG_TOPIC_ID = (2 << 3) | 2;
const TAG_LEADER = (3 << 3) | 0;
const LIST_TAGS = {
  isr: (4 << 3) | 2,
  replicas: (5 << 3) | 2,
  removingReplicas: (6 << 3) | 2,
  addingReplicas: (7 << 3) | 2,
  eligibleLeaderReplicas: (8 << 3) | 2,
  lastKnownElr: (9 << 3) | 2,
} as const;
const TAG_IDS_PACKED = (1 << 3) | 2;
const TAG_IDS_SINGLE = (1 << 3) | 0;

const LISTS = ['isr', 'replicas', 'removingReplicas', 'addingReplicas', 'eligibleLeaderReplicas', 'lastKnownElr'] as const;
type ListField = (typeof LISTS)[number];

export function encodePartitionChange(record: PartitionChangeRecord): Uint8Array {
  const topicId = Buffer.from(record.topicId, 'utf8');
  // proto3 fields without `optional` are not written at their zero value (as protobufjs does).
  let body = (record.partitionId === 0 ? 0 : 1 + int32Size(record.partitionId)) + (topicId.length === 0 ? 0 : 1 + varintSize(topicId.length) + topicId.length);
  if (record.leader !== undefined) body += 1 + int32Size(record.leader);
  const listSizes: number[] = [];
  for (const field of LISTS) {
    const ids = record[field];
    if (ids === undefined) continue;
    const inner = packedSize(ids);
    listSizes.push(inner);
    body += 1 + varintSize(inner) + inner;
  }
  const out = new Uint8Array(1 + varintSize(body) + body);
  let p = 0;
  out[p++] = PARTITION_CHANGE_TAG;
  p = writeVarint(out, p, body);
  if (record.partitionId !== 0) {
    out[p++] = TAG_PARTITION_ID;
    p = writeInt32(out, p, record.partitionId);
  }
  if (topicId.length > 0) {
    out[p++] = TAG_TOPIC_ID;
    p = writeVarint(out, p, topicId.length);
    out.set(topicId, p);
    p += topicId.length;
  }
  if (record.leader !== undefined) {
    out[p++] = TAG_LEADER;
    p = writeInt32(out, p, record.leader);
  }
  let list = 0;
  for (const field of LISTS) {
    const ids = record[field];
    if (ids === undefined) continue;
    const inner = listSizes[list++]!;
    out[p++] = LIST_TAGS[field];
    p = writeVarint(out, p, inner);
    if (ids.length > 0) {
      out[p++] = TAG_IDS_PACKED;
      p = writeVarint(out, p, idsBytes(ids));
      for (const id of ids) p = writeInt32(out, p, id);
    }
  }
  return out;
}

/**
 * The record, if `bytes` hold a MetadataRecord with exactly a partition_change of the fields this
 * file knows; null to let protobufjs decode it. Throws on bytes that end early or ids that repeat.
 */
export function decodePartitionChange(bytes: Uint8Array): PartitionChangeRecord | null {
  if (bytes.length < 2 || bytes[0] !== PARTITION_CHANGE_TAG) return null;
  const r = { bytes, p: 1 };
  const length = readVarint(r);
  const end = r.p + length;
  if (end !== bytes.length) return null;
  let partitionId = 0;
  let topicId = '';
  let leader: number | undefined;
  const lists: Partial<Record<ListField, BrokerId[]>> = {};
  while (r.p < end) {
    const tag = bytes[r.p++]!;
    switch (tag) {
      case TAG_PARTITION_ID:
        partitionId = readInt32(r);
        break;
      case TAG_TOPIC_ID: {
        const n = readVarint(r);
        if (r.p + n > end) throw truncated();
        topicId = Buffer.from(bytes.buffer, bytes.byteOffset + r.p, n).toString('utf8');
        r.p += n;
        break;
      }
      case TAG_LEADER:
        leader = readInt32(r);
        break;
      default: {
        const field = LISTS.find((f) => LIST_TAGS[f] === tag);
        if (field === undefined) return null;
        const n = readVarint(r);
        const listEnd = r.p + n;
        if (listEnd > end) throw truncated();
        const ids: BrokerId[] = [];
        while (r.p < listEnd) {
          const inner = bytes[r.p++]!;
          if (inner === TAG_IDS_PACKED) {
            const packedLength = readVarint(r);
            const packedEnd = r.p + packedLength;
            if (packedEnd > listEnd) throw truncated();
            while (r.p < packedEnd) ids.push(readInt32(r));
          } else if (inner === TAG_IDS_SINGLE) {
            ids.push(readInt32(r));
          } else {
            return null;
          }
        }
        lists[field] = checkIds(ids, field);
      }
    }
  }
  if (r.p !== end) throw truncated();
  if (topicId === '') throw new MalformedMetadataRecordError('topicId is empty');
  if (partitionId < 0) throw new MalformedMetadataRecordError(`partitionId ${partitionId} is negative`);
  if (leader !== undefined && leader < -1) throw new MalformedMetadataRecordError(`leader ${leader} is not a broker id or -1`);
  const change: { -readonly [K in keyof PartitionChangeRecord]: PartitionChangeRecord[K] } = { type: 'partitionChange', topicId, partitionId };
  if (leader !== undefined) change.leader = leader;
  for (const field of LISTS) if (lists[field] !== undefined) change[field] = lists[field];
  return change;
}

function checkIds(ids: BrokerId[], field: string): BrokerId[] {
  for (let i = 0; i < ids.length; i++) {
    if (ids[i]! < 0) throw new MalformedMetadataRecordError(`${field} holds ${ids[i]}, not a broker id`);
    for (let j = 0; j < i; j++) if (ids[j] === ids[i]) throw new MalformedMetadataRecordError(`${field} [${ids.join(',')}] repeats a broker`);
  }
  return ids;
}

function truncated(): MalformedMetadataRecordError {
  return new MalformedMetadataRecordError('partition change record ends early');
}

function idsBytes(ids: readonly number[]): number {
  let n = 0;
  for (const id of ids) n += int32Size(id);
  return n;
}

/** The BrokerIdList message: its packed `ids` field, or nothing when the list is empty. */
function packedSize(ids: readonly number[]): number {
  if (ids.length === 0) return 0;
  const n = idsBytes(ids);
  return 1 + varintSize(n) + n;
}

function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

/** protobuf writes a negative int32 as a 10-byte varint (sign-extended to 64 bits). */
function int32Size(value: number): number {
  return value < 0 ? 10 : varintSize(value);
}

function writeVarint(out: Uint8Array, p: number, value: number): number {
  while (value >= 0x80) {
    out[p++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 128);
  }
  out[p++] = value;
  return p;
}

function writeInt32(out: Uint8Array, p: number, value: number): number {
  if (value >= 0) return writeVarint(out, p, value);
  let v = BigInt.asUintN(64, BigInt(value));
  for (let i = 0; i < 9; i++) {
    out[p++] = Number(v & 0x7fn) | 0x80;
    v >>= 7n;
  }
  out[p++] = Number(v);
  return p;
}

function readVarint(r: { bytes: Uint8Array; p: number }): number {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (r.p >= r.bytes.length) throw truncated();
    const b = r.bytes[r.p++]!;
    if (shift < 28) result |= (b & 0x7f) << shift;
    else result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return result;
    shift += 7;
    if (shift > 63) throw new MalformedMetadataRecordError('varint is longer than 10 bytes');
  }
}

/** An int32 field: a varint whose low 32 bits are the two's-complement value. */
function readInt32(r: { bytes: Uint8Array; p: number }): number {
  let low = 0;
  let shift = 0;
  for (;;) {
    if (r.p >= r.bytes.length) throw truncated();
    const b = r.bytes[r.p++]!;
    if (shift < 32) low |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) return low | 0;
    shift += 7;
    if (shift > 63) throw new MalformedMetadataRecordError('varint is longer than 10 bytes');
  }
}
