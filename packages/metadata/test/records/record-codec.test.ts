import fc from 'fast-check';
import { decodeMetadataRecord, encodeMetadataRecord } from '../../src/records/record-codec';
import { MalformedMetadataRecordError } from '../../src/records/record-errors';
import type { MetadataRecord } from '../../src/records/metadata-record';
import { metadataRecordArbitrary } from './metadata-record-arbitrary';

const seed = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);

describe('metadata record codec', () => {
  it('round-trips every record type', () => {
    fc.assert(
      fc.property(metadataRecordArbitrary, (record) => {
        expect(decodeMetadataRecord(encodeMetadataRecord(record))).toEqual(record);
      }),
      { seed, numRuns: 500 },
    );
  });

  it('keeps "absent" apart from "empty" in a partition change', () => {
    const unchanged: MetadataRecord = { type: 'partitionChange', topicId: 'T', partitionId: 3 };
    const emptied: MetadataRecord = { type: 'partitionChange', topicId: 'T', partitionId: 3, addingReplicas: [] };
    expect(decodeMetadataRecord(encodeMetadataRecord(unchanged))).toEqual(unchanged);
    expect(decodeMetadataRecord(encodeMetadataRecord(emptied))).toEqual(emptied);
  });

  it('keeps a config deletion (null value) apart from an empty value', () => {
    const deletion: MetadataRecord = { type: 'config', resourceType: 'topic', resourceName: 't', name: 'retention.ms', value: null };
    const empty: MetadataRecord = { ...deletion, value: '' };
    expect(decodeMetadataRecord(encodeMetadataRecord(deletion))).toEqual(deletion);
    expect(decodeMetadataRecord(encodeMetadataRecord(empty))).toEqual(empty);
  });

  it('carries broker epochs and producer ids beyond 32 bits', () => {
    const record: MetadataRecord = { type: 'producerIds', brokerId: 1, brokerEpoch: 2 ** 40 + 7, nextProducerId: 2 ** 50 };
    expect(decodeMetadataRecord(encodeMetadataRecord(record))).toEqual(record);
  });

  it('refuses bytes that are not a record with CORRUPT_MESSAGE', () => {
    const garbage = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(() => decodeMetadataRecord(garbage)).toThrow(MalformedMetadataRecordError);
    try {
      decodeMetadataRecord(garbage);
    } catch (error) {
      expect((error as MalformedMetadataRecordError).code).toBe('CORRUPT_MESSAGE');
      expect((error as MalformedMetadataRecordError).kafkaErrorCode).toBe(2);
    }
  });

  it('refuses an empty value: it holds no record', () => {
    expect(() => decodeMetadataRecord(new Uint8Array(0))).toThrow(/holds no record/);
  });

  it('refuses a truncated record', () => {
    const bytes = encodeMetadataRecord({ type: 'topic', name: 'orders', topicId: 'abcdefghijklmnopqrstuv' });
    expect(() => decodeMetadataRecord(bytes.subarray(0, bytes.length - 3))).toThrow(MalformedMetadataRecordError);
  });

  it('refuses a replica list that names a broker twice', () => {
    const bytes = encodeMetadataRecord({
      type: 'partition',
      topicId: 'T',
      partitionId: 0,
      replicas: [1, 1],
      isr: [1],
      removingReplicas: [],
      addingReplicas: [],
      leader: 1,
      leaderEpoch: 0,
      partitionEpoch: 0,
    });
    expect(() => decodeMetadataRecord(bytes)).toThrow(/repeats a broker/);
  });

  it('refuses a topic record without a name', () => {
    const bytes = encodeMetadataRecord({ type: 'topic', name: '', topicId: 'T' });
    expect(() => decodeMetadataRecord(bytes)).toThrow(/name is empty/);
  });
});
