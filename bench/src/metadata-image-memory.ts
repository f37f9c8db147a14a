import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { encodeImageSnapshot, MetadataDelta, MetadataImage, type MetadataRecord } from '@kz/metadata';

export interface ImageCost {
  readonly partitions: number;
  /** Heap bytes the image holds per partition (its topics, partitions, maps). */
  readonly heapBytesPerPartition: number;
  /** Snapshot bytes per partition. */
  readonly snapshotBytesPerPartition: number;
}

function collectGarbage(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

/**
 * What the metadata image costs: builds an image of `topics` × `partitionsPerTopic` partitions with
 * three replicas each (what a controller holds), and weighs the heap before and after with the
 * garbage collector run, and the snapshot the image writes.
 */
export function measureImageCost(topics: number, partitionsPerTopic: number): ImageCost {
  const gc = collectGarbage();
  gc();
  const before = process.memoryUsage().heapUsed;
  const delta = new MetadataDelta(MetadataImage.EMPTY);
  let offset = 0;
  for (let b = 1; b <= 3; b++) {
    const record: MetadataRecord = { type: 'registerBroker', brokerId: b, incarnationId: `b${b}`, brokerEpoch: offset, endpoints: [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 9092 + b }], rack: null, fenced: false, inControlledShutdown: false };
    delta.replay(record, offset++, 1);
  }
  for (let t = 0; t < topics; t++) {
    const topicId = `t${String(t).padStart(21, '0')}`;
    delta.replay({ type: 'topic', name: `topic-${t}`, topicId }, offset++, 1);
    for (let p = 0; p < partitionsPerTopic; p++) {
      const replicas = [1 + (p % 3), 1 + ((p + 1) % 3), 1 + ((p + 2) % 3)];
      delta.replay({ type: 'partition', topicId, partitionId: p, replicas, isr: replicas, removingReplicas: [], addingReplicas: [], leader: replicas[0]!, leaderEpoch: 0, partitionEpoch: 0 }, offset++, 1);
    }
  }
  const { image } = delta.apply();
  gc();
  const after = process.memoryUsage().heapUsed;
  const partitions = image.partitionCount;
  const snapshotBytes = encodeImageSnapshot(image).length;
  return {
    partitions,
    heapBytesPerPartition: Math.round((after - before) / partitions),
    snapshotBytesPerPartition: Math.round(snapshotBytes / partitions),
  };
}
