/**
 * Voters as KIP-853 names them: a replica is (node id, directory id), where the directory id is a
 * random Kafka Uuid written when the replica's storage was formatted. A node whose disk was wiped
 * comes back with a new directory id, so it is a different replica and cannot vote, nor be counted,
 * as the voter it used to be (KAFKA-14077: otherwise an empty log could help elect a leader that
 * lacks committed data).
 *
 * A directory id is written as Kafka prints a Uuid: 16 bytes in base64url without padding (22
 * characters). Static voters (kraft.version 0) have no directory id; they carry ZERO_DIRECTORY_ID.
 */
import { UUID_BYTES, encodeKRaftVotersBatch, type VotersRecord } from '@kz/records';
import type { NodeId } from './config';

export type DirectoryId = string;

/** Kafka's Uuid.ZERO_UUID: "no directory id" (static voters, KRaft's kraft.version 0). */
export const ZERO_DIRECTORY_ID: DirectoryId = 'AAAAAAAAAAAAAAAAAAAAAA';

/** One listener of a voter: where the other replicas reach it. */
export interface Endpoint {
  /** The listener name (KRaft: CONTROLLER). */
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

export interface Voter {
  readonly id: NodeId;
  readonly directoryId: DirectoryId;
  readonly endpoints: readonly Endpoint[];
}

/** A voter set, ordered by node id; at most one voter per node id. */
export type VoterSet = readonly Voter[];

/** The kraft.version of dynamic voters; 0 is the static `voters` list. */
export const KRAFT_VERSION_DYNAMIC = 1;

export class InvalidDirectoryIdError extends Error {
  override readonly name = 'InvalidDirectoryIdError';
  readonly code = 'INVALID_VOTER_KEY';
}

/** A fresh directory id from `random` (seeded in the simulator, crypto-grade otherwise). */
export function newDirectoryId(random: () => number): DirectoryId {
  const bytes = new Uint8Array(UUID_BYTES);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256) & 0xff;
  // Never the zero id, which means "none".
  if (bytes.every((b) => b === 0)) bytes[0] = 1;
  return directoryIdOf(bytes);
}

export function directoryIdOf(bytes: Uint8Array): DirectoryId {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** The 16 bytes of a directory id; InvalidDirectoryIdError for anything that is not one. */
export function directoryIdBytes(id: DirectoryId): Uint8Array {
  const bytes = Buffer.from(id, 'base64url');
  if (bytes.length !== UUID_BYTES || bytes.toString('base64url') !== id) {
    throw new InvalidDirectoryIdError(`${JSON.stringify(id)} is not a directory id (22 characters of base64url, as Kafka prints a Uuid)`);
  }
  return new Uint8Array(bytes);
}

/** Checks a directory id a replica may own: well formed and not the zero id. */
export function checkDirectoryId(id: DirectoryId): DirectoryId {
  directoryIdBytes(id);
  if (id === ZERO_DIRECTORY_ID) throw new InvalidDirectoryIdError('the zero directory id names no replica');
  return id;
}

export function staticVoterSet(ids: readonly NodeId[]): VoterSet {
  return sortVoters(ids.map((id) => ({ id, directoryId: ZERO_DIRECTORY_ID, endpoints: [] })));
}

export function sortVoters(voters: readonly Voter[]): VoterSet {
  return [...voters].sort((a, b) => a.id - b.id);
}

export function voterIds(voters: VoterSet): NodeId[] {
  return voters.map((v) => v.id);
}

export function findVoter(voters: VoterSet, id: NodeId): Voter | undefined {
  return voters.find((v) => v.id === id);
}

/** Whether (id, directoryId) is a voter: the node id alone does not make one. */
export function hasVoterKey(voters: VoterSet, id: NodeId, directoryId: DirectoryId): boolean {
  return voters.some((v) => v.id === id && v.directoryId === directoryId);
}

export function sameVoterSets(a: VoterSet, b: VoterSet): boolean {
  return a.length === b.length && a.every((v, i) => sameVoter(v, b[i]!));
}

export function sameVoter(a: Voter, b: Voter): boolean {
  return a.id === b.id && a.directoryId === b.directoryId && sameEndpoints(a.endpoints, b.endpoints);
}

export function sameEndpoints(a: readonly Endpoint[], b: readonly Endpoint[]): boolean {
  return a.length === b.length && a.every((e, i) => e.name === b[i]!.name && e.host === b[i]!.host && e.port === b[i]!.port);
}

/** `host:port` of a voter's first endpoint (what a transport dials), or undefined without one. */
export function addressOf(voter: Voter): string | undefined {
  const endpoint = voter.endpoints[0];
  if (endpoint === undefined) return undefined;
  return endpoint.host.includes(':') ? `[${endpoint.host}]:${endpoint.port}` : `${endpoint.host}:${endpoint.port}`;
}

export function describeVoters(voters: VoterSet): string {
  return `{${voters.map((v) => (v.directoryId === ZERO_DIRECTORY_ID ? `${v.id}` : `${v.id}:${v.directoryId.slice(0, 6)}`)).join(',')}}`;
}

export function toVotersRecord(voters: VoterSet): VotersRecord {
  return {
    voters: voters.map((v) => ({
      voterId: v.id,
      directoryId: directoryIdBytes(v.directoryId),
      endpoints: v.endpoints.map((e) => ({ name: e.name, host: e.host, port: e.port })),
      minSupportedVersion: 0,
      maxSupportedVersion: KRAFT_VERSION_DYNAMIC,
    })),
  };
}

export function fromVotersRecord(record: VotersRecord): VoterSet {
  return sortVoters(record.voters.map((v) => ({ id: v.voterId, directoryId: directoryIdOf(v.directoryId), endpoints: v.endpoints })));
}

/** The control batch that puts `voters` in force, with the kraft.version record when `withVersion`. */
export function encodeVotersBatch(voters: VoterSet, withVersion: boolean, timestamp: number): Uint8Array {
  return encodeKRaftVotersBatch(
    withVersion ? { kraftVersion: KRAFT_VERSION_DYNAMIC, voters: toVotersRecord(voters) } : { voters: toVotersRecord(voters) },
    { timestamp },
  );
}
