import { encodeRecordBatch, decodeRecordBatch } from '@kz/records';
import { MetadataLoader } from '../../src/loader/metadata-loader';
import type { MetadataUpdate } from '../../src/loader/metadata-publisher';
import { toKafkaRecords } from '../../src/records/record-codec';
import type { MetadataRecord } from '../../src/records/metadata-record';
import { MetadataReplayError } from '../../src/image/replay-errors';
import { MalformedMetadataRecordError } from '../../src/records/record-errors';

function batch(baseOffset: number, records: readonly MetadataRecord[], epoch = 1) {
  const bytes = encodeRecordBatch({ records: toKafkaRecords(records), baseOffset, partitionLeaderEpoch: epoch });
  const decoded = decodeRecordBatch(bytes);
  return { baseOffset, lastOffset: baseOffset + records.length - 1, epoch, records: decoded.records, bytes };
}

const broker: MetadataRecord = { type: 'registerBroker', brokerId: 1, incarnationId: 'a', brokerEpoch: 0, endpoints: [], rack: null, fenced: true, inControlledShutdown: false };
const topic: MetadataRecord = { type: 'topic', name: 'orders', topicId: 'orders-id-000000000000' };
const partition: MetadataRecord = { type: 'partition', topicId: 'orders-id-000000000000', partitionId: 0, replicas: [1], isr: [1], removingReplicas: [], addingReplicas: [], leader: 1, leaderEpoch: 0, partitionEpoch: 0 };

describe('MetadataLoader', () => {
  it('publishes one update per committed batch, with the previous image and what changed', () => {
    const loader = new MetadataLoader();
    const updates: MetadataUpdate[] = [];
    loader.subscribe({ onMetadataUpdate: (u) => updates.push(u) });
    loader.apply(batch(0, [broker]));
    loader.apply(batch(1, [topic, partition]));
    expect(updates).toHaveLength(2);
    expect(updates[1]!.previous).toBe(updates[0]!.image);
    expect(updates[1]!.image.offset).toBe(2);
    expect([...updates[1]!.changes.createdTopics]).toEqual(['orders-id-000000000000']);
    expect(updates[1]!.fromSnapshot).toBe(false);
  });

  it('hands a late subscriber the whole image first', () => {
    const loader = new MetadataLoader();
    loader.apply(batch(0, [broker, topic, partition]));
    const updates: MetadataUpdate[] = [];
    loader.subscribe({ onMetadataUpdate: (u) => updates.push(u) });
    expect(updates).toHaveLength(1);
    expect(updates[0]!.fromSnapshot).toBe(true);
    expect([...updates[0]!.changes.brokers]).toEqual([1]);
    expect(updates[0]!.image.topic('orders')).toBeDefined();
  });

  it('a node restored from a snapshot holds the image its peer wrote', () => {
    const writer = new MetadataLoader();
    writer.apply(batch(0, [broker]));
    writer.apply(batch(1, [topic, partition]));
    const reader = new MetadataLoader();
    const updates: MetadataUpdate[] = [];
    reader.subscribe({ onMetadataUpdate: (u) => updates.push(u) });
    reader.restore(writer.snapshot());
    expect(reader.snapshot()).toEqual(writer.snapshot());
    expect(updates[0]?.fromSnapshot).toBe(true);
    // And it goes on from there.
    reader.apply(batch(3, [{ type: 'partitionChange', topicId: 'orders-id-000000000000', partitionId: 0, isr: [1] }]));
    expect(reader.image.partition('orders-id-000000000000', 0)?.partitionEpoch).toBe(1);
  });

  it('stops on a record that does not apply, rather than diverge from its peers', () => {
    const loader = new MetadataLoader();
    expect(() => loader.apply(batch(0, [partition]))).toThrow(MetadataReplayError);
  });

  it('stops on a value that is not a metadata record', () => {
    const loader = new MetadataLoader();
    const bytes = encodeRecordBatch({ records: [{ key: null, value: Uint8Array.from([0xff, 0xff]) }], baseOffset: 0 });
    const decoded = decodeRecordBatch(bytes);
    expect(() => loader.apply({ baseOffset: 0, lastOffset: 0, epoch: 1, records: decoded.records, bytes })).toThrow(MalformedMetadataRecordError);
  });

  it('passes leadership changes on to its listeners', () => {
    const loader = new MetadataLoader();
    const seen: string[] = [];
    loader.onLeadership({ onLeaderChange: (c) => seen.push(`${c.role}@${c.epoch}`) });
    loader.onLeaderChange({ role: 'leader', leaderId: 1, epoch: 4 });
    expect(seen).toEqual(['leader@4']);
  });
});
