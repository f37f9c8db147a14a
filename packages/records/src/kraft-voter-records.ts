/**
 * The two control records of KIP-853 (dynamic KRaft voters), at the version Kafka writes (0 for
 * both, flexible):
 *
 *   KRaftVersionRecord v0: Version int16 | KRaftVersion int16 | tagged fields
 *   VotersRecord v0:       Version int16 |
 *     Voters compact array of {
 *       VoterId int32 | VoterUuid uuid (16 bytes) |
 *       Endpoints compact array of { Name compact string | Host compact string | Port uint16 | tags } |
 *       KRaftVersionFeature { MinSupportedVersion int16 | MaxSupportedVersion int16 | tags } |
 *       tags } |
 *     tags
 *
 * Control types 5 (KRAFT_VERSION) and 6 (KRAFT_VOTERS). A voter's directory id is a Kafka Uuid:
 * 16 raw bytes here; what a uuid looks like as text is the caller's business.
 */
import { ByteReader, ByteWriter, utf8Decode, utf8Encode } from './bytes.js';
import { CorruptRecordError } from './errors.js';

const KRAFT_VERSION_RECORD_VERSION = 0;
const VOTERS_RECORD_VERSION = 0;
export const UUID_BYTES = 16;

export interface KRaftVersionRecord {
  kraftVersion: number;
}

export interface VoterEndpoint {
  name: string;
  host: string;
  port: number;
}

export interface VotersRecordVoter {
  voterId: number;
  /** The voter's directory id: a 16-byte Kafka Uuid. */
  directoryId: Uint8Array;
  endpoints: VoterEndpoint[];
  /** The kraft.version range the voter supports. */
  minSupportedVersion: number;
  maxSupportedVersion: number;
}

export interface VotersRecord {
  voters: VotersRecordVoter[];
}

export function encodeKRaftVersionRecord(record: KRaftVersionRecord): Uint8Array {
  return new ByteWriter(5).int16(KRAFT_VERSION_RECORD_VERSION).int16(record.kraftVersion).unsignedVarint(0).finish();
}

export function decodeKRaftVersionRecord(value: Uint8Array): KRaftVersionRecord {
  const r = new ByteReader(value, 0, value.length, 'KRaftVersionRecord');
  r.int16(); // Version
  const kraftVersion = r.int16();
  skipTags(r);
  expectEnd(r, 'KRaftVersionRecord');
  return { kraftVersion };
}

export function encodeVotersRecord(record: VotersRecord): Uint8Array {
  const w = new ByteWriter().int16(VOTERS_RECORD_VERSION).unsignedVarint(record.voters.length + 1);
  for (const voter of record.voters) {
    if (voter.directoryId.length !== UUID_BYTES) throw new RangeError(`voter ${voter.voterId}: a directory id is ${UUID_BYTES} bytes, got ${voter.directoryId.length}`);
    w.int32(voter.voterId).raw(voter.directoryId).unsignedVarint(voter.endpoints.length + 1);
    for (const endpoint of voter.endpoints) {
      if (!Number.isInteger(endpoint.port) || endpoint.port < 0 || endpoint.port > 0xffff) throw new RangeError(`port ${endpoint.port} is not a uint16`);
      writeCompactString(w, endpoint.name);
      writeCompactString(w, endpoint.host);
      // uint16 on the wire; int16 writes the same two bytes for the reinterpreted value.
      w.int16(endpoint.port > 0x7fff ? endpoint.port - 0x10000 : endpoint.port).unsignedVarint(0);
    }
    w.int16(voter.minSupportedVersion).int16(voter.maxSupportedVersion).unsignedVarint(0);
    w.unsignedVarint(0);
  }
  return w.unsignedVarint(0).finish();
}

export function decodeVotersRecord(value: Uint8Array): VotersRecord {
  const r = new ByteReader(value, 0, value.length, 'VotersRecord');
  r.int16(); // Version
  const count = compactArrayLength(r, 'Voters', 4 + UUID_BYTES + 1 + 5 + 1);
  const voters: VotersRecordVoter[] = [];
  for (let i = 0; i < count; i++) {
    const voterId = r.int32();
    const directoryId = r.copy(UUID_BYTES);
    const endpointCount = compactArrayLength(r, 'Endpoints', 1 + 1 + 2 + 1);
    const endpoints: VoterEndpoint[] = [];
    for (let j = 0; j < endpointCount; j++) {
      const name = readCompactString(r, 'Name');
      const host = readCompactString(r, 'Host');
      const port = r.int16() & 0xffff;
      skipTags(r);
      endpoints.push({ name, host, port });
    }
    const minSupportedVersion = r.int16();
    const maxSupportedVersion = r.int16();
    skipTags(r); // KRaftVersionFeature
    skipTags(r); // Voter
    voters.push({ voterId, directoryId, endpoints, minSupportedVersion, maxSupportedVersion });
  }
  skipTags(r);
  expectEnd(r, 'VotersRecord');
  return { voters };
}

function writeCompactString(w: ByteWriter, s: string): void {
  const bytes = utf8Encode(s);
  w.unsignedVarint(bytes.length + 1).raw(bytes);
}

function readCompactString(r: ByteReader, field: string): string {
  const n = r.unsignedVarint();
  if (n === 0) throw new CorruptRecordError(`non-nullable field ${field} was serialized as null`);
  if (n - 1 > r.remaining) throw new CorruptRecordError(`${field} length ${n - 1} exceeds the bytes left`);
  return utf8Decode(r.copy(n - 1));
}

function compactArrayLength(r: ByteReader, field: string, minElementBytes: number): number {
  const n = r.unsignedVarint();
  if (n === 0) throw new CorruptRecordError(`non-nullable field ${field} was serialized as null`);
  const count = n - 1;
  if (count * minElementBytes > r.remaining) throw new CorruptRecordError(`${field} count ${count} exceeds the bytes left`);
  return count;
}

/** Unknown tagged fields are skipped, as Kafka's readers keep-and-ignore them. */
function skipTags(r: ByteReader): void {
  const count = r.unsignedVarint();
  for (let i = 0; i < count; i++) {
    r.unsignedVarint(); // tag
    r.skip(r.unsignedVarint());
  }
}

function expectEnd(r: ByteReader, what: string): void {
  if (r.remaining !== 0) throw new CorruptRecordError(`${r.remaining} unexpected trailing byte(s) after ${what}`);
}
