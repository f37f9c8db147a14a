import { ControlRecordType, CorruptRecordError, CrcMismatchError, decodeControlRecord, decodeRecordBatch, encodeLeaderChangeBatch, encodeRecordBatch } from '@kz/records';
import { decodeBootstrapCheckpoint, encodeBootstrapCheckpoint } from '../../src/core/bootstrap-checkpoint';
import { newDirectoryId, type Voter } from '../../src/core/voter-set';

const voters: Voter[] = [
  { id: 3, directoryId: newDirectoryId(Math.random), endpoints: [{ name: 'CONTROLLER', host: '10.0.0.3', port: 9094 }] },
  { id: 1, directoryId: newDirectoryId(Math.random), endpoints: [{ name: 'CONTROLLER', host: '::1', port: 19094 }] },
];

describe('bootstrap checkpoint', () => {
  test('round-trips a voter set, ordered by node id, endpoints included', () => {
    expect(decodeBootstrapCheckpoint(encodeBootstrapCheckpoint(voters))).toEqual([voters[1], voters[0]]);
  });

  test('is one control batch: the kraft.version record (dynamic voters), then the voters record', () => {
    const types = decodeRecordBatch(encodeBootstrapCheckpoint(voters, 0)).records.map((r) => decodeControlRecord(r));
    expect(types.map((c) => c.type)).toEqual([ControlRecordType.KRaftVersion, ControlRecordType.KRaftVoters]);
    expect(types[0]).toMatchObject({ record: { kraftVersion: 1 } });
  });

  test('a flipped byte, a trailing byte or a batch without a voters record is refused', () => {
    const bytes = encodeBootstrapCheckpoint(voters);
    const flipped = Uint8Array.from(bytes);
    flipped[bytes.length - 3] = flipped[bytes.length - 3]! ^ 0x40;
    expect(() => decodeBootstrapCheckpoint(flipped)).toThrow(CrcMismatchError);
    expect(() => decodeBootstrapCheckpoint(Uint8Array.from([...bytes, 0]))).toThrow(/expected one batch/);
    const leaderChange = encodeLeaderChangeBatch({ leaderId: 1, voters: [], grantingVoters: [] });
    expect(() => decodeBootstrapCheckpoint(leaderChange)).toThrow(/no voters record/);
    expect(() => decodeBootstrapCheckpoint(encodeBootstrapCheckpoint([]))).toThrow(/no voters record/);
    const data = encodeRecordBatch({ records: [{ key: null, value: new Uint8Array([1]) }] });
    expect(() => decodeBootstrapCheckpoint(data)).toThrow(CorruptRecordError);
    expect(() => decodeBootstrapCheckpoint(data)).toThrow(/not a control batch/);
  });
});
