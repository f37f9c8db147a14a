/**
 * The records of `__consumer_offsets`, in Kafka's own layout so the log reads like Kafka's: every
 * key and value is an int16 version then the body at that version, with the bodies' codecs generated
 * from @kz/kafka-protocol's schema (consumer-offsets.kzp). A committed offset is key
 * OffsetCommitKey v1 (group, topic, partition) and value OffsetCommitValue v3; a group's membership
 * is key GroupMetadataKey v2 (group) and value GroupMetadataValue v3. The latest record for a key
 * wins, which is what compaction keeps; a null value (a tombstone) removes the key.
 */
import {
  encodeVersioned,
  GroupMetadataKey,
  GroupMetadataValue,
  OffsetCommitKey,
  OffsetCommitValue,
  ProtocolError,
  Reader,
  type Complete,
  type MessageCodec,
} from '@kz/kafka-protocol';
import { CorruptRecordError } from '@kz/records';

export interface OffsetCommitKeyFields {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
}

export interface OffsetCommitValueFields {
  readonly offset: number;
  readonly leaderEpoch: number;
  readonly metadata: string;
  readonly commitTimestamp: number;
}

export type GroupMetadata = Complete<GroupMetadataValue>;

/** What a key of `__consumer_offsets` says the record is. */
export type OffsetsRecordKey =
  | { readonly kind: 'offsetCommit'; readonly key: OffsetCommitKeyFields }
  | { readonly kind: 'groupMetadata'; readonly group: string };

const OFFSET_COMMIT_KEY_VERSION = 1;
const OFFSET_COMMIT_VALUE_VERSION = 3;
const GROUP_METADATA_KEY_VERSION = 2;
const GROUP_METADATA_VALUE_VERSION = 3;

export function encodeOffsetCommitKey(key: OffsetCommitKeyFields): Uint8Array {
  return encodeVersioned(OffsetCommitKey, { group: key.group, topic: key.topic, partition: key.partition }, OFFSET_COMMIT_KEY_VERSION);
}

export function encodeOffsetCommitValue(value: OffsetCommitValueFields): Uint8Array {
  return encodeVersioned(OffsetCommitValue, value, OFFSET_COMMIT_VALUE_VERSION);
}

export function encodeGroupMetadataKey(group: string): Uint8Array {
  return encodeVersioned(GroupMetadataKey, { group }, GROUP_METADATA_KEY_VERSION);
}

export function encodeGroupMetadataValue(value: GroupMetadataValue): Uint8Array {
  return encodeVersioned(GroupMetadataValue, value, GROUP_METADATA_VALUE_VERSION);
}

/** The key of a record; undefined for a key version this broker does not know (skipped, as Kafka does). */
export function decodeOffsetsRecordKey(bytes: Uint8Array): OffsetsRecordKey | undefined {
  const { version, reader } = open(bytes, 'consumer offsets key');
  if (version >= OffsetCommitKey.minVersion && version <= OffsetCommitKey.maxVersion) {
    const key = body(OffsetCommitKey, reader, version, 'offset commit key');
    return { kind: 'offsetCommit', key: { group: key.group, topic: key.topic, partition: key.partition } };
  }
  if (version === GROUP_METADATA_KEY_VERSION) return { kind: 'groupMetadata', group: body(GroupMetadataKey, reader, version, 'group metadata key').group };
  return undefined;
}

export function decodeOffsetCommitValue(bytes: Uint8Array): OffsetCommitValueFields {
  const { version, reader } = open(bytes, 'offset commit value');
  const value = body(OffsetCommitValue, reader, version, 'offset commit value');
  return { offset: value.offset, leaderEpoch: value.leaderEpoch, metadata: value.metadata, commitTimestamp: value.commitTimestamp };
}

export function decodeGroupMetadataValue(bytes: Uint8Array): GroupMetadata {
  const { version, reader } = open(bytes, 'group metadata value');
  return body(GroupMetadataValue, reader, version, 'group metadata value');
}

function open(bytes: Uint8Array, what: string): { version: number; reader: Reader } {
  if (bytes.length < 2) throw new CorruptRecordError(`${what} is truncated: ${bytes.length} bytes`);
  const reader = new Reader(bytes);
  return { version: reader.int16(), reader };
}

/** The body at `version`, filling the rest of the bytes exactly: anything else is a corrupt record. */
function body<T>(codec: MessageCodec<T>, reader: Reader, version: number, what: string): Complete<T> {
  if (version < codec.minVersion || version > codec.maxVersion) throw new CorruptRecordError(`${what} has unknown version ${version}`);
  let value: Complete<T>;
  try {
    value = codec.read(reader, version);
  } catch (error) {
    if (error instanceof ProtocolError) throw new CorruptRecordError(`${what} is malformed: ${error.message}`);
    throw error;
  }
  if (reader.remaining() !== 0) throw new CorruptRecordError(`${what} has ${reader.remaining()} trailing bytes`);
  return value;
}
