import { CommittedMetadata, canonicalImage } from '@kz/metadata/testing';
import { metadataBatch, partitionRecord, register, sampleLog, TOPIC_ID, topic } from './batches';

describe('CommittedMetadata (the committed log, rebuilt on its own)', () => {
  it('applies batches in offset order whatever order they are observed in, once each', () => {
    const log = sampleLog();
    const inOrder = new CommittedMetadata();
    for (const batch of log) inOrder.observe(batch);
    const shuffled = new CommittedMetadata();
    for (const batch of [...log].reverse()) shuffled.observe(batch);
    for (const batch of log) shuffled.observe(batch);
    expect(shuffled.nextOffset).toBe(12);
    expect(canonicalImage(shuffled.image)).toEqual(canonicalImage(inOrder.image));
    expect(shuffled.records.map((r) => r.offset)).toEqual(inOrder.records.map((r) => r.offset));
    expect(shuffled.problems).toEqual([]);
  });

  it('waits at a gap', () => {
    const log = sampleLog();
    const committed = new CommittedMetadata();
    committed.observe(log[0]!);
    committed.observe(log[2]!);
    expect(committed.nextOffset).toBe(1);
    committed.observe(log[1]!);
    expect(committed.nextOffset).toBe(3);
  });

  it('keeps the image at every batch boundary, and none in between', () => {
    const committed = new CommittedMetadata();
    for (const batch of sampleLog()) committed.observe(batch);
    expect(committed.imageAt(0)?.offset).toBe(-1);
    expect(committed.imageAt(1)?.offset).toBe(-1);
    expect(committed.imageAt(2)?.brokers.size).toBe(1);
    expect(committed.imageAt(10)?.topic('orders')?.partitions).toHaveLength(2);
    expect(committed.imageAt(8)).toBeUndefined();
  });

  it('remembers the facts replies rest on', () => {
    const committed = new CommittedMetadata();
    for (const batch of sampleLog()) committed.observe(batch);
    committed.observe(metadataBatch(12, 2, [{ type: 'partitionChange', topicId: TOPIC_ID, partitionId: 0, isr: [4, 5] }]));
    committed.observe(metadataBatch(13, 2, [{ type: 'removeTopic', topicId: TOPIC_ID }]));
    expect(committed.registrationAt(2)?.brokerId).toBe(5);
    expect(committed.registrationsOf(6).map((r) => r.brokerEpoch)).toEqual([3]);
    expect(committed.wasUnfenced(4, 1)).toBe(true);
    expect(committed.wasUnfenced(4, 7)).toBe(false);
    expect(committed.createdTopic(TOPIC_ID)).toMatchObject({ name: 'orders', partitions: 2 });
    expect(committed.topicsNamed('orders')).toHaveLength(1);
    expect(committed.partitionHistory(TOPIC_ID, 0).map((p) => p.isr)).toEqual([[4, 5, 6], [4, 5]]);
    expect(committed.partitionState(TOPIC_ID, 0, 1)?.partitionEpoch).toBe(1);
    expect(committed.configEverHeld({ type: 'topic', name: 'orders' }, 'retention.ms', '1000')).toBe(true);
    expect(committed.configEverWritten({ type: 'topic', name: 'orders' }, 'segment.ms')).toBe(false);
    expect(committed.wasRemoved('orders')).toBe(true);
    expect(committed.image.topic('orders')).toBeUndefined();
  });

  it('flags a broker epoch that is not the offset of its registration, and a batch that does not replay', () => {
    const committed = new CommittedMetadata();
    committed.observe(metadataBatch(0, 1, [register(4, 9)]));
    committed.observe(metadataBatch(1, 1, [topic('t'), partitionRecord(0, [4])]));
    committed.observe(metadataBatch(3, 1, [{ type: 'partitionChange', topicId: 'nope', partitionId: 0, isr: [4] }]));
    expect(committed.problems.map((p) => p.invariant)).toEqual(['brokerEpochIsRegistrationOffset', 'committedLogReplays']);
  });
});
