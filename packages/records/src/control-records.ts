/**
 * Control batches: a batch with the control attribute bit holding exactly one
 * record whose key is `int16 version (0) | int16 type` and whose value is the
 * type's own message. The KRaft types are encoded exactly as Kafka's
 * generated message classes serialise them at the version Kafka writes
 * (ControlRecordUtils.*_CURRENT_VERSION = 0 for all three):
 *
 *   LeaderChangeMessage v0 (flexible): Version int16 | LeaderId int32 |
 *     Voters compact array of { VoterId int32 | tagged fields } |
 *     GrantingVoters compact array of { VoterId int32 | tagged fields } | tagged fields
 *   SnapshotHeaderRecord v0 (flexible): Version int16 | LastContainedLogTimestamp int64 | tagged fields
 *   SnapshotFooterRecord v0 (flexible): Version int16 | tagged fields
 *
 * A compact array is an unsigned varint of length + 1 (0 = null); an empty
 * tagged-field section is a single 0x00 and closes every struct, nested ones
 * included. The key is not flexible (ControlRecordTypeSchema: version 0,
 * flexibleVersions none), so it stays exactly 4 bytes.
 *
 * Not confirmed against Kafka trunk's own JSON (the copy we could read
 * predates it): code generated from newer schemas shows LeaderChangeMessage
 * versions 0-1, v1 adding a VoterDirectoryId uuid per voter (KIP-853), while
 * ControlRecordUtils still has LEADER_CHANGE_CURRENT_VERSION = 0 for both
 * writing and reading. We therefore write and read v0 only.
 */
import { ByteReader, ByteWriter } from './bytes.js';
import { CorruptRecordError } from './errors.js';
import { encodeRecordBatch } from './record-batch.js';
import type { DecodedRecord } from './record.js';
import {
  decodeKRaftVersionRecord,
  decodeVotersRecord,
  encodeKRaftVersionRecord,
  encodeVotersRecord,
  type KRaftVersionRecord,
  type VotersRecord,
} from './kraft-voter-records.js';

export enum ControlRecordType {
  Abort = 0,
  Commit = 1,
  LeaderChange = 2,
  SnapshotHeader = 3,
  SnapshotFooter = 4,
  /** KIP-853: the kraft.version feature level (KRaftVersionRecord). */
  KRaftVersion = 5,
  /** KIP-853: the voter set from this offset on (VotersRecord). */
  KRaftVoters = 6,
}

export interface LeaderChangeMessage {
  leaderId: number;
  voters: number[];
  grantingVoters: number[];
}

export type ControlRecord =
  | { type: ControlRecordType.LeaderChange; message: LeaderChangeMessage }
  | { type: ControlRecordType.SnapshotHeader; lastContainedLogTimestamp: number }
  | { type: ControlRecordType.SnapshotFooter }
  | { type: ControlRecordType.KRaftVersion; record: KRaftVersionRecord }
  | { type: ControlRecordType.KRaftVoters; record: VotersRecord }
  | { type: ControlRecordType.Abort | ControlRecordType.Commit };

export interface ControlBatchOptions {
  /** Batch and record timestamp; default 0. */
  timestamp?: number;
  /** Default 0. */
  baseOffset?: number;
  /** Default 0. Kafka writes the leader's epoch here; stampBatch can also set it later. */
  partitionLeaderEpoch?: number;
}

const CONTROL_KEY_VERSION = 0;
const LEADER_CHANGE_VERSION = 0;
const SNAPSHOT_HEADER_VERSION = 0;
const SNAPSHOT_FOOTER_VERSION = 0;

// ---- keys -----------------------------------------------------------------

export function encodeControlRecordKey(type: ControlRecordType): Uint8Array {
  return new ByteWriter(4).int16(CONTROL_KEY_VERSION).int16(type).finish();
}

/**
 * Returns the raw type id. Follows ControlRecordType.parseTypeId: at least 4
 * bytes, a non-negative version, and a key longer than 4 bytes is accepted
 * because a higher key version may only append fields.
 */
export function decodeControlRecordKey(key: Uint8Array | null): number {
  if (key === null) throw new CorruptRecordError('control record has a null key');
  if (key.length < 4) throw new CorruptRecordError(`control record key has ${key.length} bytes; at least 4 are needed`);
  const r = new ByteReader(key, 0, key.length, 'control record key');
  const version = r.int16();
  if (version < 0) throw new CorruptRecordError(`control record key version ${version} is invalid`);
  return r.int16();
}

// ---- values ---------------------------------------------------------------

export function encodeLeaderChangeMessage(msg: LeaderChangeMessage): Uint8Array {
  const w = new ByteWriter().int16(LEADER_CHANGE_VERSION).int32(msg.leaderId);
  for (const voters of [msg.voters, msg.grantingVoters]) {
    w.unsignedVarint(voters.length + 1);
    for (const id of voters) w.int32(id).unsignedVarint(0);
  }
  return w.unsignedVarint(0).finish();
}

/**
 * Parses with the v0 schema whatever the Version field says, as Kafka's
 * ControlRecordUtils.deserializeLeaderChangeMessage does.
 */
export function decodeLeaderChangeMessage(value: Uint8Array): LeaderChangeMessage {
  const r = new ByteReader(value, 0, value.length, 'LeaderChangeMessage');
  r.int16(); // Version
  const leaderId = r.int32();
  const voters = readVoterArray(r, 'Voters');
  const grantingVoters = readVoterArray(r, 'GrantingVoters');
  skipTaggedFields(r);
  expectEnd(r, 'LeaderChangeMessage');
  return { leaderId, voters, grantingVoters };
}

export function encodeSnapshotHeaderRecord(h: { lastContainedLogTimestamp: number }): Uint8Array {
  return new ByteWriter(11).int16(SNAPSHOT_HEADER_VERSION).int64(h.lastContainedLogTimestamp).unsignedVarint(0).finish();
}

export function decodeSnapshotHeaderRecord(value: Uint8Array): { lastContainedLogTimestamp: number } {
  const r = new ByteReader(value, 0, value.length, 'SnapshotHeaderRecord');
  r.int16(); // Version
  const lastContainedLogTimestamp = r.int64('LastContainedLogTimestamp');
  skipTaggedFields(r);
  expectEnd(r, 'SnapshotHeaderRecord');
  return { lastContainedLogTimestamp };
}

export function encodeSnapshotFooterRecord(): Uint8Array {
  return new ByteWriter(3).int16(SNAPSHOT_FOOTER_VERSION).unsignedVarint(0).finish();
}

export function decodeSnapshotFooterRecord(value: Uint8Array): void {
  const r = new ByteReader(value, 0, value.length, 'SnapshotFooterRecord');
  r.int16(); // Version
  skipTaggedFields(r);
  expectEnd(r, 'SnapshotFooterRecord');
}

// ---- batches --------------------------------------------------------------

export function encodeLeaderChangeBatch(msg: LeaderChangeMessage, opts: ControlBatchOptions = {}): Uint8Array {
  return encodeControlBatch(ControlRecordType.LeaderChange, encodeLeaderChangeMessage(msg), opts);
}

export function encodeSnapshotHeaderBatch(h: { lastContainedLogTimestamp: number }, opts: ControlBatchOptions = {}): Uint8Array {
  return encodeControlBatch(ControlRecordType.SnapshotHeader, encodeSnapshotHeaderRecord(h), opts);
}

export function encodeSnapshotFooterBatch(opts: ControlBatchOptions = {}): Uint8Array {
  return encodeControlBatch(ControlRecordType.SnapshotFooter, encodeSnapshotFooterRecord(), opts);
}

/**
 * A voter set (KIP-853) as one control batch: a KRaftVersionRecord first when `kraftVersion` is
 * given (as the first leader of a bootstrapped cluster writes them together), then the VotersRecord.
 */
export function encodeKRaftVotersBatch(content: { kraftVersion?: number; voters: VotersRecord }, opts: ControlBatchOptions = {}): Uint8Array {
  const records: ControlRecordValue[] = [];
  if (content.kraftVersion !== undefined) records.push({ type: ControlRecordType.KRaftVersion, value: encodeKRaftVersionRecord({ kraftVersion: content.kraftVersion }) });
  records.push({ type: ControlRecordType.KRaftVoters, value: encodeVotersRecord(content.voters) });
  return encodeControlRecords(records, opts);
}

interface ControlRecordValue {
  readonly type: ControlRecordType;
  readonly value: Uint8Array;
}

function encodeControlBatch(type: ControlRecordType, value: Uint8Array, opts: ControlBatchOptions): Uint8Array {
  return encodeControlRecords([{ type, value }], opts);
}

/** Same header fields as Kafka's MemoryRecordsBuilder uses for control batches: no producer, not transactional. */
function encodeControlRecords(records: readonly ControlRecordValue[], opts: ControlBatchOptions): Uint8Array {
  const timestamp = opts.timestamp ?? 0;
  return encodeRecordBatch({
    records: records.map(({ type, value }) => ({ key: encodeControlRecordKey(type), value, timestamp })),
    baseOffset: opts.baseOffset ?? 0,
    partitionLeaderEpoch: opts.partitionLeaderEpoch ?? 0,
    baseTimestamp: timestamp,
    isControl: true,
    isTransactional: false,
    producerId: -1,
    producerEpoch: -1,
    baseSequence: -1,
  });
}

/** Decodes a record taken from a control batch. Throws CorruptRecordError for types it does not know. */
export function decodeControlRecord(record: DecodedRecord): ControlRecord {
  const type = decodeControlRecordKey(record.key);
  switch (type) {
    case ControlRecordType.Abort:
      return { type: ControlRecordType.Abort };
    case ControlRecordType.Commit:
      return { type: ControlRecordType.Commit };
    case ControlRecordType.LeaderChange:
      return {
        type: ControlRecordType.LeaderChange,
        message: decodeLeaderChangeMessage(requireValue(record, 'LeaderChangeMessage')),
      };
    case ControlRecordType.SnapshotHeader:
      return {
        type: ControlRecordType.SnapshotHeader,
        ...decodeSnapshotHeaderRecord(requireValue(record, 'SnapshotHeaderRecord')),
      };
    case ControlRecordType.SnapshotFooter:
      decodeSnapshotFooterRecord(requireValue(record, 'SnapshotFooterRecord'));
      return { type: ControlRecordType.SnapshotFooter };
    case ControlRecordType.KRaftVersion:
      return { type: ControlRecordType.KRaftVersion, record: decodeKRaftVersionRecord(requireValue(record, 'KRaftVersionRecord')) };
    case ControlRecordType.KRaftVoters:
      return { type: ControlRecordType.KRaftVoters, record: decodeVotersRecord(requireValue(record, 'VotersRecord')) };
    default:
      throw new CorruptRecordError(`unsupported control record type ${type}`);
  }
}

// ---- flexible-version helpers ---------------------------------------------

function readVoterArray(r: ByteReader, field: string): number[] {
  const n = r.unsignedVarint();
  if (n === 0) throw new CorruptRecordError(`non-nullable field ${field} was serialized as null`);
  const count = n - 1;
  // Each voter is at least 5 bytes (int32 + empty tag section).
  if (count * 5 > r.remaining) throw new CorruptRecordError(`${field} count ${count} exceeds the bytes left`);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(r.int32());
    skipTaggedFields(r);
  }
  return ids;
}

/** Unknown tagged fields are skipped, as Kafka's readers keep-and-ignore them. */
function skipTaggedFields(r: ByteReader): void {
  const count = r.unsignedVarint();
  for (let i = 0; i < count; i++) {
    r.unsignedVarint(); // tag
    r.skip(r.unsignedVarint());
  }
}

function expectEnd(r: ByteReader, what: string): void {
  if (r.remaining !== 0) throw new CorruptRecordError(`${r.remaining} unexpected trailing byte(s) after ${what}`);
}

function requireValue(record: DecodedRecord, what: string): Uint8Array {
  if (record.value === null) throw new CorruptRecordError(`control record for ${what} has a null value`);
  return record.value;
}
