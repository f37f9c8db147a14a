import { ControlRecordType, decodeControlRecord, decodeRecordBatch, readBatchHeader } from '@kz/records';
import {
  InvalidDirectoryIdError,
  ZERO_DIRECTORY_ID,
  addressOf,
  checkDirectoryId,
  describeVoters,
  directoryIdBytes,
  directoryIdOf,
  encodeVotersBatch,
  findVoter,
  fromVotersRecord,
  hasVoterKey,
  newDirectoryId,
  sameVoterSets,
  sortVoters,
  staticVoterSet,
  toVotersRecord,
  voterIds,
  type Voter,
} from '../../src/core/voter-set';

const idA = directoryIdOf(new Uint8Array(16).fill(7));
const idB = directoryIdOf(new Uint8Array(16).fill(9));
const a: Voter = { id: 1, directoryId: idA, endpoints: [{ name: 'CONTROLLER', host: 'h1', port: 9001 }] };
const b: Voter = { id: 2, directoryId: idB, endpoints: [{ name: 'CONTROLLER', host: '::1', port: 9002 }] };

describe('voter set', () => {
  test('a directory id is 22 characters of base64url for 16 bytes, and never the zero id when drawn', () => {
    expect(directoryIdOf(new Uint8Array(16))).toBe(ZERO_DIRECTORY_ID);
    expect(directoryIdBytes(idA)).toEqual(new Uint8Array(16).fill(7));
    expect(newDirectoryId(() => 0)).not.toBe(ZERO_DIRECTORY_ID);
    expect(directoryIdBytes(newDirectoryId(() => 0))[0]).toBe(1);
    expect(directoryIdBytes(newDirectoryId(() => 0.999))).toEqual(new Uint8Array(16).fill(255));
    expect(newDirectoryId(() => 0.5)).toHaveLength(22);
    // Only the all-zero id is avoided: a zero byte elsewhere is kept as drawn.
    const draws = [5 / 256];
    expect(directoryIdBytes(newDirectoryId(() => draws.shift() ?? 0))).toEqual(Uint8Array.from([5, ...new Array<number>(15).fill(0)]));
  });

  test('anything else is an InvalidDirectoryIdError, and the zero id names no replica', () => {
    expect(() => directoryIdBytes('AAAA')).toThrow(InvalidDirectoryIdError);
    expect(() => directoryIdBytes('AAAA')).toThrow(/"AAAA" is not a directory id/);
    expect(() => checkDirectoryId(ZERO_DIRECTORY_ID)).toThrow(/zero directory id/);
    // 22 characters whose last bits are not zero: not how a Uuid prints.
    expect(() => directoryIdBytes('AAAAAAAAAAAAAAAAAAAAAB')).toThrow(InvalidDirectoryIdError);
    expect(() => directoryIdBytes(`${idA}A`)).toThrow(InvalidDirectoryIdError);
    expect(checkDirectoryId(idA)).toBe(idA);
    expect(() => checkDirectoryId(ZERO_DIRECTORY_ID)).toThrow(InvalidDirectoryIdError);
    expect(() => checkDirectoryId('x')).toThrow(expect.objectContaining({ code: 'INVALID_VOTER_KEY', name: 'InvalidDirectoryIdError' }));
  });

  test('sets are ordered by node id; a voter is the (id, directory id) pair', () => {
    expect(voterIds(sortVoters([b, a]))).toEqual([1, 2]);
    expect(staticVoterSet([3, 1, 2])).toEqual([1, 2, 3].map((id) => ({ id, directoryId: ZERO_DIRECTORY_ID, endpoints: [] })));
    expect(findVoter([a, b], 2)).toBe(b);
    expect(findVoter([a, b], 3)).toBeUndefined();
    expect(hasVoterKey([a, b], 1, idA)).toBe(true);
    expect(hasVoterKey([a, b], 1, idB)).toBe(false);
    expect(hasVoterKey([a, b], 3, idA)).toBe(false);
  });

  test('two sets are the same only with the same voters, keys and endpoints in order', () => {
    expect(sameVoterSets([a, b], [a, b])).toBe(true);
    expect(sameVoterSets([a, b], [a])).toBe(false);
    expect(sameVoterSets([a], [{ ...a, id: 3 }])).toBe(false);
    expect(sameVoterSets([a], [{ ...a, directoryId: idB }])).toBe(false);
    expect(sameVoterSets([a], [{ ...a, endpoints: [] }])).toBe(false);
    expect(sameVoterSets([a], [{ ...a, endpoints: [{ name: 'OTHER', host: 'h1', port: 9001 }] }])).toBe(false);
    expect(sameVoterSets([a], [{ ...a, endpoints: [{ name: 'CONTROLLER', host: 'h9', port: 9001 }] }])).toBe(false);
    expect(sameVoterSets([a], [{ ...a, endpoints: [{ name: 'CONTROLLER', host: 'h1', port: 9009 }] }])).toBe(false);
    // Every voter and every endpoint is compared, not only the first.
    expect(sameVoterSets([a, b], [a, { ...b, id: 3 }])).toBe(false);
    const twoEndpoints = { ...a, endpoints: [...a.endpoints, { name: 'CONTROLLER', host: 'h1b', port: 9001 }] };
    expect(sameVoterSets([twoEndpoints], [{ ...twoEndpoints, endpoints: [a.endpoints[0]!, { name: 'CONTROLLER', host: 'h1c', port: 9001 }] }])).toBe(false);
  });

  test('a voter is dialled at its first endpoint, IPv6 hosts in brackets', () => {
    expect(addressOf(a)).toBe('h1:9001');
    expect(addressOf(b)).toBe('[::1]:9002');
    expect(addressOf({ ...a, endpoints: [] })).toBeUndefined();
  });

  test('logs name static voters by id and dynamic ones with a directory id prefix', () => {
    expect(describeVoters(staticVoterSet([1, 2]))).toBe('{1,2}');
    expect(describeVoters([a, b])).toBe(`{1:${idA.slice(0, 6)},2:${idB.slice(0, 6)}}`);
  });

  test('a VotersRecord carries the set both ways, and its batch says kraft.version 1 only when asked', () => {
    const record = toVotersRecord([a, b]);
    expect(record.voters.map((v) => [v.voterId, v.minSupportedVersion, v.maxSupportedVersion])).toEqual([
      [1, 0, 1],
      [2, 0, 1],
    ]);
    expect(fromVotersRecord({ voters: [...record.voters].reverse() })).toEqual([a, b]);
    const types = (bytes: Uint8Array): number[] => decodeRecordBatch(bytes).records.map((r) => decodeControlRecord(r).type);
    const withVersion = encodeVotersBatch([a, b], true, 5);
    expect(readBatchHeader(withVersion).isControl).toBe(true);
    expect(types(withVersion)).toEqual([ControlRecordType.KRaftVersion, ControlRecordType.KRaftVoters]);
    expect(types(encodeVotersBatch([a, b], false, 5))).toEqual([ControlRecordType.KRaftVoters]);
    expect(readBatchHeader(withVersion).baseTimestamp).toBe(5);
  });
});
