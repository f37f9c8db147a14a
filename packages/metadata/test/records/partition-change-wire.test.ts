import fc from 'fast-check';
import { decodePartitionChange, encodePartitionChange } from '../../src/records/partition-change-wire';
import { fromWireMessage, toWireMessage } from '../../src/records/record-codec';
import { metadataWire } from '../../src/records/metadata-schema';
import { MalformedMetadataRecordError } from '../../src/records/record-errors';
import type { PartitionChangeRecord } from '../../src/records/metadata-record';

const seed = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);
const ids = fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 6 });
const change: fc.Arbitrary<PartitionChangeRecord> = fc.record(
  {
    type: fc.constant('partitionChange' as const),
    topicId: fc.string({ minLength: 1, maxLength: 30 }),
    partitionId: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    leader: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
    isr: ids,
    replicas: ids,
    removingReplicas: ids,
    addingReplicas: ids,
  },
  { requiredKeys: ['type', 'topicId', 'partitionId'] },
);

function viaProtobufjs(record: PartitionChangeRecord): Uint8Array {
  return metadataWire.MetadataRecord.encode(toWireMessage(record)).finish();
}

describe('the hand-written PartitionChange wire path', () => {
  it('writes exactly the bytes protobufjs writes', () => {
    fc.assert(
      fc.property(change, (record) => {
        expect(Buffer.from(encodePartitionChange(record))).toEqual(Buffer.from(viaProtobufjs(record)));
      }),
      { seed, numRuns: 1000 },
    );
  });

  it('reads back what protobufjs reads', () => {
    fc.assert(
      fc.property(change, (record) => {
        const bytes = viaProtobufjs(record);
        const slow = fromWireMessage(metadataWire.MetadataRecord.decode(bytes) as unknown as Record<string, unknown>);
        expect(decodePartitionChange(bytes)).toEqual(slow);
      }),
      { seed, numRuns: 1000 },
    );
  });

  it('leaves other records to protobufjs', () => {
    const topic = metadataWire.MetadataRecord.encode(toWireMessage({ type: 'topic', name: 't', topicId: 'x' })).finish();
    expect(decodePartitionChange(topic)).toBeNull();
  });

  it('refuses a record cut short, and a list that repeats a broker', () => {
    const bytes = encodePartitionChange({ type: 'partitionChange', topicId: 'T', partitionId: 1, isr: [1, 2] });
    // The outer length says one byte fewer; the ISR list inside still claims its full length.
    const partial = Uint8Array.from(bytes.subarray(0, bytes.length - 1));
    partial[1] = partial.length - 2;
    expect(() => decodePartitionChange(partial)).toThrow(MalformedMetadataRecordError);
    // A varint that never ends.
    expect(() => decodePartitionChange(Uint8Array.from([0x32, 0x02, 0x08, 0xff]))).toThrow(MalformedMetadataRecordError);
    const repeated = viaProtobufjs({ type: 'partitionChange', topicId: 'T', partitionId: 1, isr: [1, 2] });
    const at = repeated.lastIndexOf(2);
    repeated[at] = 1;
    expect(() => decodePartitionChange(repeated)).toThrow(/repeats a broker/);
  });
});
