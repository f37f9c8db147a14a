import fc from 'fast-check';
import { imageRecords } from '../../src/image/image-records';
import { MetadataDelta } from '../../src/image/metadata-delta';
import { MetadataImage } from '../../src/image/metadata-image';
import { MetadataReplayError } from '../../src/image/replay-errors';
import type { MetadataRecord } from '../../src/records/metadata-record';
import { validRecordStream } from './valid-record-stream';

const seed = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);
const choices = fc.array(fc.nat({ max: 10_000 }), { maxLength: 120 });

function build(records: readonly MetadataRecord[], sealEvery: number): MetadataImage {
  const delta = new MetadataDelta(MetadataImage.EMPTY);
  let image = MetadataImage.EMPTY;
  records.forEach((record, offset) => {
    delta.replay(record, offset, 1);
    if ((offset + 1) % sealEvery === 0) image = delta.apply().image;
  });
  return delta.size > 0 ? delta.apply().image : image;
}

const topicRecords: MetadataRecord[] = [
  { type: 'topic', name: 'orders', topicId: 'orders-id-000000000000' },
  { type: 'partition', topicId: 'orders-id-000000000000', partitionId: 0, replicas: [1, 2, 3], isr: [1, 2, 3], removingReplicas: [], addingReplicas: [], leader: 1, leaderEpoch: 0, partitionEpoch: 0 },
  { type: 'partition', topicId: 'orders-id-000000000000', partitionId: 1, replicas: [2, 3, 1], isr: [2, 3, 1], removingReplicas: [], addingReplicas: [], leader: 2, leaderEpoch: 0, partitionEpoch: 0 },
];

describe('MetadataDelta', () => {
  it('builds the same image whether sealed after every record or once at the end', () => {
    fc.assert(
      fc.property(choices, fc.integer({ min: 1, max: 10 }), (picks, every) => {
        const records = validRecordStream(picks);
        expect([...imageRecords(build(records, every))]).toEqual([...imageRecords(build(records, records.length + 1))]);
      }),
      { seed, numRuns: 200 },
    );
  });

  it('never changes the image it started from', () => {
    fc.assert(
      fc.property(choices, choices, (first, second) => {
        const base = build(validRecordStream(first), 1000);
        const before = [...imageRecords(base)];
        const delta = new MetadataDelta(base);
        for (const record of validRecordStream(second)) {
          try {
            delta.replay(record, base.offset + 1, 2);
          } catch (error) {
            // A record from the second stream may not apply on top of the first; that is not what is tested.
            if (!(error instanceof MetadataReplayError)) throw error;
          }
        }
        delta.apply();
        expect([...imageRecords(base)]).toEqual(before);
      }),
      { seed, numRuns: 100 },
    );
  });

  it('reads through to replayed records before they are sealed', () => {
    const delta = new MetadataDelta(MetadataImage.EMPTY);
    topicRecords.forEach((r, i) => delta.replay(r, i, 1));
    expect(delta.topic('orders')?.partitions.map((p) => p.leader)).toEqual([1, 2]);
    expect(delta.base.topic('orders')).toBeUndefined();
  });

  it('bumps the leader epoch when a leader is named, and the partition epoch on every change', () => {
    const delta = new MetadataDelta(MetadataImage.EMPTY);
    topicRecords.forEach((r, i) => delta.replay(r, i, 1));
    delta.replay({ type: 'partitionChange', topicId: 'orders-id-000000000000', partitionId: 0, isr: [1, 2] }, 3, 1);
    expect(delta.partition('orders-id-000000000000', 0)).toMatchObject({ leader: 1, leaderEpoch: 0, partitionEpoch: 1, isr: [1, 2] });
    delta.replay({ type: 'partitionChange', topicId: 'orders-id-000000000000', partitionId: 0, leader: 2 }, 4, 1);
    expect(delta.partition('orders-id-000000000000', 0)).toMatchObject({ leader: 2, leaderEpoch: 1, partitionEpoch: 2, isr: [1, 2] });
  });

  it('reports what changed: created topics, partitions, brokers, configs', () => {
    const delta = new MetadataDelta(MetadataImage.EMPTY);
    delta.replay({ type: 'registerBroker', brokerId: 1, incarnationId: 'a', brokerEpoch: 0, endpoints: [], rack: null, fenced: true, inControlledShutdown: false }, 0, 1);
    topicRecords.forEach((r, i) => delta.replay(r, i + 1, 1));
    const first = delta.apply();
    expect([...first.changes.brokers]).toEqual([1]);
    expect([...first.changes.createdTopics]).toEqual(['orders-id-000000000000']);
    expect([...(first.changes.partitions.get('orders-id-000000000000') ?? [])]).toEqual([0, 1]);

    delta.replay({ type: 'partitionChange', topicId: 'orders-id-000000000000', partitionId: 1, isr: [2] }, 4, 1);
    delta.replay({ type: 'config', resourceType: 'topic', resourceName: 'orders', name: 'retention.ms', value: '1000' }, 5, 1);
    const second = delta.apply();
    expect(second.changes.createdTopics.size).toBe(0);
    expect([...(second.changes.partitions.get('orders-id-000000000000') ?? [])]).toEqual([1]);
    expect([...second.changes.configs]).toEqual(['topic:orders']);
    expect(second.image.configsOf({ type: 'topic', name: 'orders' }).get('retention.ms')).toBe('1000');
    // The first image still shows the ISR before the change.
    expect(first.image.partition('orders-id-000000000000', 1)?.isr).toEqual([2, 3, 1]);
  });

  it('removes a topic with its configs, and reports it as removed', () => {
    const delta = new MetadataDelta(MetadataImage.EMPTY);
    topicRecords.forEach((r, i) => delta.replay(r, i, 1));
    delta.replay({ type: 'config', resourceType: 'topic', resourceName: 'orders', name: 'retention.ms', value: '1000' }, 3, 1);
    const { image } = delta.apply();
    delta.replay({ type: 'removeTopic', topicId: 'orders-id-000000000000' }, 4, 1);
    const after = delta.apply();
    expect(after.image.topic('orders')).toBeUndefined();
    expect(after.image.configs.has('topic:orders')).toBe(false);
    expect(after.changes.removedTopics.get('orders-id-000000000000')?.name).toBe('orders');
    expect(image.topic('orders')).toBeDefined();
  });

  it.each<[string, MetadataRecord]>([
    ['a partition of an unknown topic', { type: 'partition', topicId: 'nope', partitionId: 0, replicas: [1], isr: [1], removingReplicas: [], addingReplicas: [], leader: 1, leaderEpoch: 0, partitionEpoch: 0 }],
    ['a change to an unknown partition', { type: 'partitionChange', topicId: 'orders-id-000000000000', partitionId: 7, leader: 1 }],
    ['a second topic with the same name', { type: 'topic', name: 'orders', topicId: 'other-id-0000000000000' }],
    ['a partition out of order', { type: 'partition', topicId: 'orders-id-000000000000', partitionId: 5, replicas: [1], isr: [1], removingReplicas: [], addingReplicas: [], leader: 1, leaderEpoch: 0, partitionEpoch: 0 }],
    ['a change for an unregistered broker', { type: 'brokerRegistrationChange', brokerId: 9, brokerEpoch: 0, fenced: false }],
    ['a producer id block that goes backwards', { type: 'producerIds', brokerId: 1, brokerEpoch: 0, nextProducerId: 0 }],
  ])('refuses %s with MetadataReplayError', (_, record) => {
    const delta = new MetadataDelta(MetadataImage.EMPTY);
    topicRecords.forEach((r, i) => delta.replay(r, i, 1));
    expect(() => delta.replay(record, 3, 1)).toThrow(MetadataReplayError);
  });

  it('refuses a broker change naming an old broker epoch', () => {
    const delta = new MetadataDelta(MetadataImage.EMPTY);
    delta.replay({ type: 'registerBroker', brokerId: 1, incarnationId: 'a', brokerEpoch: 0, endpoints: [], rack: null, fenced: true, inControlledShutdown: false }, 0, 1);
    delta.replay({ type: 'registerBroker', brokerId: 1, incarnationId: 'b', brokerEpoch: 1, endpoints: [], rack: null, fenced: true, inControlledShutdown: false }, 1, 1);
    expect(() => delta.replay({ type: 'brokerRegistrationChange', brokerId: 1, brokerEpoch: 0, fenced: false }, 2, 1)).toThrow(/registered at 1/);
  });
});
