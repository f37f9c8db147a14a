import fc from 'fast-check';
import {
  ControlRecordType,
  CorruptRecordError,
  decodeControlRecord,
  decodeLeaderChangeMessage,
  decodeRecordBatch,
  encodeControlRecordKey,
  encodeLeaderChangeBatch,
  encodeLeaderChangeMessage,
  encodeRecordBatch,
  encodeSnapshotFooterBatch,
  encodeSnapshotFooterRecord,
  encodeSnapshotHeaderBatch,
  encodeSnapshotHeaderRecord,
  readBatchHeader,
  type DecodedRecord,
} from '@kz/records';
import { fromHex, hex } from './helpers';

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

function onlyRecord(bytes: Uint8Array): DecodedRecord {
  const { records } = decodeRecordBatch(bytes);
  expect(records).toHaveLength(1);
  return records[0] as DecodedRecord;
}

function record(key: Uint8Array | null, value: Uint8Array | null): DecodedRecord {
  return { offset: 0, timestamp: 0, key, value, headers: [] };
}

describe('control record key', () => {
  test('is int16 version 0 then int16 type', () => {
    expect(hex(encodeControlRecordKey(ControlRecordType.Abort))).toBe('00000000');
    expect(hex(encodeControlRecordKey(ControlRecordType.Commit))).toBe('00000001');
    expect(hex(encodeControlRecordKey(ControlRecordType.LeaderChange))).toBe('00000002');
    expect(hex(encodeControlRecordKey(ControlRecordType.SnapshotHeader))).toBe('00000003');
    expect(hex(encodeControlRecordKey(ControlRecordType.SnapshotFooter))).toBe('00000004');
  });

  test('abort and commit markers decode to their type', () => {
    expect(decodeControlRecord(record(fromHex('00000000'), fromHex('000000000005')))).toEqual({ type: ControlRecordType.Abort });
    expect(decodeControlRecord(record(fromHex('00000001'), fromHex('000000000005')))).toEqual({ type: ControlRecordType.Commit });
  });

  test('a longer key with a higher version is accepted, as Kafka parses only the first 4 bytes', () => {
    expect(decodeControlRecord(record(fromHex('0001000100ff'), null))).toEqual({ type: ControlRecordType.Commit });
  });

  test.each([
    ['null key', null],
    ['short key', fromHex('000002')],
    ['negative key version', fromHex('ffff0002')],
    ['unknown type 7', fromHex('00000007')],
    ['KRAFT_VERSION (5) with a value that is not a KRaftVersionRecord', fromHex('00000005')],
    ['KRAFT_VOTERS (6) with a value that is not a VotersRecord', fromHex('00000006')],
  ])('%s -> CorruptRecordError', (_name, key) => {
    expect(() => decodeControlRecord(record(key, fromHex('000000')))).toThrow(CorruptRecordError);
  });
});

describe('LeaderChangeMessage (v0, flexible)', () => {
  test('exact bytes: Version, LeaderId, compact arrays of {VoterId, tags}, tags', () => {
    const bytes = encodeLeaderChangeMessage({ leaderId: 1, voters: [1, 2, 3], grantingVoters: [1, 2] });
    expect(hex(bytes)).toBe(
      '0000' + // Version 0
        '00000001' + // LeaderId
        '04' + '0000000100' + '0000000200' + '0000000300' + // Voters: 3+1, each VoterId + empty tags
        '03' + '0000000100' + '0000000200' + // GrantingVoters: 2+1
        '00', // top-level tagged fields
    );
    expect(hex(encodeLeaderChangeMessage({ leaderId: -1, voters: [], grantingVoters: [] }))).toBe('0000ffffffff010100');
  });

  test('property: batch round trip', () => {
    fc.assert(
      fc.property(
        int32,
        fc.array(int32, { maxLength: 10 }),
        fc.array(int32, { maxLength: 10 }),
        fc.integer({ min: 0, max: 2 ** 45 }),
        (leaderId, voters, grantingVoters, timestamp) => {
          const bytes = encodeLeaderChangeBatch({ leaderId, voters, grantingVoters }, { timestamp });
          const header = readBatchHeader(bytes);
          expect(header).toMatchObject({
            isControl: true,
            isTransactional: false,
            recordsCount: 1,
            baseTimestamp: timestamp,
            maxTimestamp: timestamp,
            producerId: -1,
            producerEpoch: -1,
            baseSequence: -1,
          });
          const rec = onlyRecord(bytes);
          expect(rec.timestamp).toBe(timestamp);
          expect(decodeControlRecord(rec)).toEqual({
            type: ControlRecordType.LeaderChange,
            message: { leaderId, voters, grantingVoters },
          });
        },
      ),
    );
  });

  test('unknown tagged fields are skipped, on the message and on each voter', () => {
    // Voter 7 carries tag 0 (2 bytes); the message carries tag 5 (1 byte).
    const bytes = fromHex('0000' + '00000007' + '02' + '00000007' + '01000201ff' + '01' + '01' + '05' + '01' + 'aa');
    expect(decodeLeaderChangeMessage(bytes)).toEqual({ leaderId: 7, voters: [7], grantingVoters: [] });
  });

  test.each([
    ['null Voters array', '0000' + '00000001' + '00' + '01' + '00'],
    ['truncated voter', '0000' + '00000001' + '02' + '000000'],
    ['voter count beyond the bytes', '0000' + '00000001' + '7f' + '00'],
    ['trailing bytes', '0000' + '00000001' + '01' + '01' + '00' + 'ee'],
    ['missing tagged fields', '0000' + '00000001' + '01' + '01'],
  ])('%s -> CorruptRecordError', (_name, value) => {
    expect(() => decodeControlRecord(record(encodeControlRecordKey(ControlRecordType.LeaderChange), fromHex(value)))).toThrow(
      CorruptRecordError,
    );
  });

  test('a null value -> CorruptRecordError', () => {
    expect(() => decodeControlRecord(record(encodeControlRecordKey(ControlRecordType.LeaderChange), null))).toThrow(CorruptRecordError);
  });

  test('rejects non-int32 ids on encode', () => {
    expect(() => encodeLeaderChangeMessage({ leaderId: 2 ** 31, voters: [], grantingVoters: [] })).toThrow(RangeError);
  });
});

describe('SnapshotHeaderRecord / SnapshotFooterRecord (v0, flexible)', () => {
  test('exact bytes', () => {
    expect(hex(encodeSnapshotHeaderRecord({ lastContainedLogTimestamp: 0x0102030405 }))).toBe('0000' + '0000000102030405' + '00');
    expect(hex(encodeSnapshotFooterRecord())).toBe('0000' + '00');
  });

  test('property: snapshot header batch round trip, at the requested base offset', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(-1), fc.maxSafeNat()), fc.maxSafeNat(), (lastContainedLogTimestamp, baseOffset) => {
        const bytes = encodeSnapshotHeaderBatch({ lastContainedLogTimestamp }, { baseOffset });
        expect(readBatchHeader(bytes)).toMatchObject({ baseOffset, isControl: true, recordsCount: 1 });
        expect(decodeControlRecord(onlyRecord(bytes))).toEqual({ type: ControlRecordType.SnapshotHeader, lastContainedLogTimestamp });
      }),
    );
  });

  test('snapshot footer batch round trip', () => {
    const bytes = encodeSnapshotFooterBatch({ baseOffset: 1000, partitionLeaderEpoch: 4, timestamp: 77 });
    expect(readBatchHeader(bytes)).toMatchObject({ baseOffset: 1000, partitionLeaderEpoch: 4, baseTimestamp: 77, isControl: true });
    expect(decodeControlRecord(onlyRecord(bytes))).toEqual({ type: ControlRecordType.SnapshotFooter });
    expect(decodeControlRecord(onlyRecord(encodeSnapshotFooterBatch()))).toEqual({ type: ControlRecordType.SnapshotFooter });
  });

  test.each([
    ['header: short value', ControlRecordType.SnapshotHeader, '0000000000'],
    ['header: unsafe timestamp', ControlRecordType.SnapshotHeader, '0000' + '7fffffffffffffff' + '00'],
    ['header: trailing bytes', ControlRecordType.SnapshotHeader, '0000' + '0000000000000001' + '00' + '00'],
    ['footer: missing tagged fields', ControlRecordType.SnapshotFooter, '0000'],
  ])('%s -> CorruptRecordError', (_name, type, value) => {
    expect(() => decodeControlRecord(record(encodeControlRecordKey(type), fromHex(value)))).toThrow(CorruptRecordError);
  });

  test('a control batch built by hand with encodeRecordBatch decodes the same way', () => {
    const bytes = encodeRecordBatch({
      isControl: true,
      records: [{ key: encodeControlRecordKey(ControlRecordType.SnapshotFooter), value: encodeSnapshotFooterRecord() }],
    });
    expect(bytes).toEqual(encodeSnapshotFooterBatch({}));
  });
});
