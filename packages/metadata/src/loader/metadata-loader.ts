import type { CommittedBatch, LeaderChange, OffsetAndEpoch, SnapshotReader, SnapshotWriter, StateMachine } from '@kz/raft';
import type { MetadataChanges } from '../image/metadata-changes';
import { MetadataDelta } from '../image/metadata-delta';
import { MetadataImage } from '../image/metadata-image';
import { readImageSnapshot, writeImageSnapshot } from '../image/image-snapshot';
import { decodeMetadataRecord } from '../records/record-codec';
import type { MetadataPublisher, MetadataUpdate } from './metadata-publisher';

/** Hears about leadership of the metadata log (the controller acts on it). */
export interface LeadershipListener {
  onLeaderChange(change: LeaderChange): void;
}

/**
 * Turns committed metadata batches into images (KRaft's MetadataLoader). It is the StateMachine a
 * metadata RaftNode drives, on controllers and brokers alike: every committed batch is replayed into
 * a delta and sealed into the next image, then handed to each publisher in order. Snapshots are the
 * image written as records, so a node that starts from one holds exactly the image its peer had.
 * They stream (RaftNode's writeSnapshot / restoreSnapshot): the records are encoded and decoded a
 * piece at a time, never as one buffer the size of the image.
 *
 * A record that does not decode or apply stops the node (the error propagates to RaftNode, which
 * halts): an image that silently differed from its peers' would be worse.
 */
export class MetadataLoader implements StateMachine {
  private current: MetadataImage = MetadataImage.EMPTY;
  private readonly delta = new MetadataDelta(MetadataImage.EMPTY);
  private readonly publishers: MetadataPublisher[] = [];
  private readonly leadership: LeadershipListener[] = [];

  get image(): MetadataImage {
    return this.current;
  }

  /** Adds a publisher; it first receives the whole current image as one update. */
  subscribe(publisher: MetadataPublisher): () => void {
    this.publishers.push(publisher);
    if (this.current.offset >= 0) {
      publisher.onMetadataUpdate({ previous: MetadataImage.EMPTY, image: this.current, changes: everything(this.current), fromSnapshot: true });
    }
    return () => {
      const at = this.publishers.indexOf(publisher);
      if (at >= 0) this.publishers.splice(at, 1);
    };
  }

  onLeadership(listener: LeadershipListener): void {
    this.leadership.push(listener);
  }

  apply(batch: CommittedBatch): void {
    for (const record of batch.records) {
      if (record.value === null) continue;
      this.delta.replay(decodeMetadataRecord(record.value), record.offset, batch.epoch);
    }
    this.delta.advanceTo(batch.lastOffset, batch.epoch);
    const previous = this.current;
    const { image, changes } = this.delta.apply();
    this.current = image;
    this.publish({ previous, image, changes, fromSnapshot: false });
  }

  /**
   * Images are immutable, so the one in force when this is called is the snapshot, whatever is
   * applied while it is being written (RaftNode resumes applies at the first await).
   */
  writeSnapshot(writer: SnapshotWriter): Promise<void> {
    return writeImageSnapshot(this.current, writer);
  }

  /** Replaces the image with the snapshot's once it has all been read; an undecodable one rejects (InvalidMetadataSnapshotError) and halts the node. */
  async restoreSnapshot(reader: SnapshotReader, _id: OffsetAndEpoch): Promise<void> {
    const image = await readImageSnapshot(reader);
    const previous = this.current;
    this.current = image;
    this.delta.reset(image);
    this.publish({ previous, image, changes: everything(image), fromSnapshot: true });
  }

  onLeaderChange(change: LeaderChange): void {
    for (const listener of this.leadership) listener.onLeaderChange(change);
  }

  private publish(update: MetadataUpdate): void {
    for (const publisher of this.publishers) publisher.onMetadataUpdate(update);
  }
}

/** Every part of an image as changed: what a new publisher, or one after a snapshot, must take in. */
export function everything(image: MetadataImage): MetadataChanges {
  const partitions = new Map<string, ReadonlySet<number>>();
  for (const topic of image.topicsById.values()) partitions.set(topic.id, new Set(topic.partitions.keys()));
  return {
    brokers: new Set(image.brokers.keys()),
    createdTopics: new Set(image.topicsById.keys()),
    removedTopics: new Map(),
    partitions,
    configs: new Set(image.configs.keys()),
    features: true,
    producerIds: true,
    scramCredentials: true,
    acls: true,
  };
}
