import { encodeRecordBatch, decodeRecordBatch } from '@kz/records';
import { snapshotChunks, snapshotReaderOver } from '@kz/raft/testing';
import { InvalidMetadataSnapshotError } from '../../src/image/image-snapshot';
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

  it('a node restored from a snapshot holds the image its peer wrote, the stream cut anywhere', async () => {
    const id = { offset: 3, epoch: 1 };
    const writer = new MetadataLoader();
    writer.apply(batch(0, [broker]));
    writer.apply(batch(1, [topic, partition]));
    const written = Buffer.concat(await snapshotChunks(writer, id));
    for (const piece of [1, 7, written.length]) {
      const reader = new MetadataLoader();
      const updates: MetadataUpdate[] = [];
      reader.subscribe({ onMetadataUpdate: (u) => updates.push(u) });
      await reader.restoreSnapshot(snapshotReaderOver(written, piece), id);
      expect(Buffer.concat(await snapshotChunks(reader, id))).toEqual(written);
      expect(updates.map((u) => u.fromSnapshot)).toEqual([true]);
    }
    const reader = new MetadataLoader();
    await reader.restoreSnapshot(snapshotReaderOver(written, 5), id);
    // And it goes on from there.
    reader.apply(batch(3, [{ type: 'partitionChange', topicId: 'orders-id-000000000000', partitionId: 0, isr: [1] }]));
    expect(reader.image.partition('orders-id-000000000000', 0)?.partitionEpoch).toBe(1);
  });

  it('captures the image when the snapshot starts: batches applied while it is written are not in it', async () => {
    const id = { offset: 1, epoch: 1 };
    const loader = new MetadataLoader();
    loader.apply(batch(0, [broker]));
    const chunks: Uint8Array[] = [];
    let resume: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    const writing = loader.writeSnapshot({
      id,
      write: async (chunk) => {
        chunks.push(Uint8Array.from(chunk));
        await paused;
      },
    });
    // RaftNode applies again once writeSnapshot has reached its first await.
    loader.apply(batch(1, [topic, partition]));
    resume();
    await writing;
    const restored = new MetadataLoader();
    await restored.restoreSnapshot(snapshotReaderOver(Buffer.concat(chunks), 64), id);
    expect(restored.image.topic('orders')).toBeUndefined();
    expect(restored.image.brokers.get(1)).toBeDefined();
    expect(restored.image.offset).toBe(0);
  });

  it('a snapshot that does not decode rejects, and the image in force stays', async () => {
    const loader = new MetadataLoader();
    loader.apply(batch(0, [broker]));
    const before = loader.image;
    const written = Buffer.concat(await snapshotChunks(loader, { offset: 1, epoch: 1 }));
    await expect(loader.restoreSnapshot(snapshotReaderOver(written.subarray(0, written.length - 1), 4), { offset: 1, epoch: 1 })).rejects.toThrow(
      InvalidMetadataSnapshotError,
    );
    expect(loader.image).toBe(before);
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
