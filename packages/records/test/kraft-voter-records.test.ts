import fc from 'fast-check';
import {
  ControlRecordType,
  CorruptRecordError,
  decodeControlRecord,
  decodeKRaftVersionRecord,
  decodeRecordBatch,
  decodeVotersRecord,
  encodeKRaftVersionRecord,
  encodeKRaftVotersBatch,
  encodeVotersRecord,
  readBatchHeader,
  type VotersRecord,
} from '@kz/records';
import { fromHex, hex } from './helpers';

const uuid = fc.uint8Array({ minLength: 16, maxLength: 16 });
const votersRecord: fc.Arbitrary<VotersRecord> = fc.record({
  voters: fc.array(
    fc.record({
      voterId: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      directoryId: uuid,
      endpoints: fc.array(fc.record({ name: fc.string({ maxLength: 12 }), host: fc.string({ maxLength: 30 }), port: fc.integer({ min: 0, max: 0xffff }) }), { maxLength: 3 }),
      minSupportedVersion: fc.integer({ min: 0, max: 1 }),
      maxSupportedVersion: fc.integer({ min: 0, max: 1 }),
    }),
    { maxLength: 5 },
  ),
});

describe('KRaftVersionRecord (v0, flexible)', () => {
  test('exact bytes: Version, KRaftVersion, tagged fields', () => {
    expect(hex(encodeKRaftVersionRecord({ kraftVersion: 1 }))).toBe('0000' + '0001' + '00');
    expect(decodeKRaftVersionRecord(fromHex('0000000100'))).toEqual({ kraftVersion: 1 });
  });

  test('trailing bytes -> CorruptRecordError', () => {
    expect(() => decodeKRaftVersionRecord(fromHex('000000010000'))).toThrow(CorruptRecordError);
  });
});

describe('VotersRecord (v0, flexible)', () => {
  test('exact bytes of one voter with one endpoint', () => {
    const directoryId = fromHex('000102030405060708090a0b0c0d0e0f');
    const bytes = encodeVotersRecord({
      voters: [{ voterId: 3, directoryId, endpoints: [{ name: 'CONTROLLER', host: 'h', port: 9093 }], minSupportedVersion: 0, maxSupportedVersion: 1 }],
    });
    expect(hex(bytes)).toBe(
      '0000' + // Version
        '02' + // one voter
        '00000003' + '000102030405060708090a0b0c0d0e0f' + // VoterId, VoterUuid
        '02' + '0b' + hex(new TextEncoder().encode('CONTROLLER')) + '02' + '68' + '2385' + '00' + // Endpoints
        '0000' + '0001' + '00' + // KRaftVersionFeature
        '00' + // voter tags
        '00', // record tags
    );
  });

  test('a port above 32767 survives (uint16 on the wire)', () => {
    const record: VotersRecord = { voters: [{ voterId: 1, directoryId: new Uint8Array(16).fill(7), endpoints: [{ name: 'n', host: 'h', port: 65535 }], minSupportedVersion: 0, maxSupportedVersion: 1 }] };
    expect(decodeVotersRecord(encodeVotersRecord(record))).toEqual(record);
  });

  test('property: round trip, alone and in a control batch after a KRaftVersionRecord', () => {
    fc.assert(
      fc.property(votersRecord, fc.integer({ min: 0, max: 2 ** 40 }), (record, timestamp) => {
        expect(decodeVotersRecord(encodeVotersRecord(record))).toEqual(record);
        const batch = encodeKRaftVotersBatch({ kraftVersion: 1, voters: record }, { timestamp });
        expect(readBatchHeader(batch)).toMatchObject({ isControl: true, recordsCount: 2, producerId: -1 });
        const [version, voters] = decodeRecordBatch(batch).records.map(decodeControlRecord);
        expect(version).toEqual({ type: ControlRecordType.KRaftVersion, record: { kraftVersion: 1 } });
        expect(voters).toEqual({ type: ControlRecordType.KRaftVoters, record });
        expect(decodeRecordBatch(encodeKRaftVotersBatch({ voters: record })).records).toHaveLength(1);
      }),
    );
  });

  test.each([
    ['null Voters', '0000' + '00' + '00'],
    ['voter count beyond the bytes', '0000' + '7f' + '00'],
    ['truncated uuid', '0000' + '02' + '00000001' + '0001'],
    ['trailing bytes', '0000' + '01' + '00' + 'ff'],
  ])('%s -> CorruptRecordError', (_name, value) => {
    expect(() => decodeVotersRecord(fromHex(value))).toThrow(CorruptRecordError);
  });

  test('a directory id that is not 16 bytes is refused on encode', () => {
    expect(() => encodeVotersRecord({ voters: [{ voterId: 1, directoryId: new Uint8Array(4), endpoints: [], minSupportedVersion: 0, maxSupportedVersion: 1 }] })).toThrow(RangeError);
  });
});
