import type { LogBatch } from '@kz/raft';
import { decodeRecordBatch } from '@kz/records';
import { configResourceKey } from '../image/config-resource';
import { MetadataDelta } from '../image/metadata-delta';
import { MetadataImage } from '../image/metadata-image';
import type { PartitionRegistration } from '../image/partition-registration';
import type { BrokerId, MetadataRecord, RegisterBrokerRecord } from '../records/metadata-record';
import { decodeMetadataRecord } from '../records/record-codec';
import { canonicalImage } from './canonical-image';
import { describeError } from './metadata-machine';

/** A topic as its TopicRecord and PartitionRecords created it. */
export interface CreatedTopic {
  readonly name: string;
  readonly topicId: string;
  readonly offset: number;
  /** Partition records written in the same batch as the TopicRecord. */
  readonly partitions: number;
}

/**
 * The metadata log as committed, rebuilt on its own: every committed batch any node applied is fed
 * in (`observe`), and applied in offset order — exactly as a loader would, record by record into a
 * MetadataDelta, sealed into an image at each batch end — into the oracle image each node's image is
 * compared with. On the way it remembers the facts an acknowledged controller reply may rest on
 * (which registrations, topics, partition states and config values were ever committed), and it
 * checks what must hold of the committed sequence itself: a broker epoch is the offset of its
 * RegisterBroker record, and per partition the leader and partition epochs only rise.
 */
export class CommittedMetadata {
  private readonly waiting = new Map<number, LogBatch>();
  private next = 0;
  private readonly delta = new MetadataDelta(MetadataImage.EMPTY);
  private current = MetadataImage.EMPTY;
  /** Image after every batch boundary, by the offset after it (the node's nextOffset there). */
  private readonly images = new Map<number, MetadataImage>([[0, MetadataImage.EMPTY]]);
  private readonly registrations = new Map<number, RegisterBrokerRecord>();
  private readonly topics = new Map<string, CreatedTopic>();
  private readonly removedNames = new Set<string>();
  private readonly partitionStates = new Map<string, PartitionRegistration>();
  private readonly configValues = new Map<string, Set<string | null>>();
  private readonly unfenced = new Set<string>();
  private readonly producerIdEnds = new Set<number>();
  /** Every committed record, in log order, with its offset and epoch. */
  readonly records: { readonly offset: number; readonly epoch: number; readonly record: MetadataRecord }[] = [];
  /** Breaches found while rebuilding, in the order found; committedLogSound reports each once. */
  readonly problems: { readonly invariant: string; readonly message: string }[] = [];

  /** The offset after the last batch applied. */
  get nextOffset(): number {
    return this.next;
  }

  /** The image of everything committed so far. */
  get image(): MetadataImage {
    return this.current;
  }

  /** The rebuilt image at a batch boundary (the offset after a batch), if the log has reached it. */
  imageAt(nextOffset: number): MetadataImage | undefined {
    return this.images.get(nextOffset);
  }

  /** Learns a committed batch (in any order; duplicates are ignored) and applies what has become contiguous. */
  observe(batch: LogBatch): void {
    if (batch.baseOffset < this.next || this.waiting.has(batch.baseOffset)) return;
    this.waiting.set(batch.baseOffset, batch);
    for (let ready = this.waiting.get(this.next); ready !== undefined; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.applyBatch(ready);
    }
  }

  registrationAt(offset: number): RegisterBrokerRecord | undefined {
    return this.registrations.get(offset);
  }

  createdTopic(topicId: string): CreatedTopic | undefined {
    return this.topics.get(topicId);
  }

  /** Every topic ever created under this name, oldest first. */
  topicsNamed(name: string): CreatedTopic[] {
    return [...this.topics.values()].filter((t) => t.name === name).sort((a, b) => a.offset - b.offset);
  }

  /** True once a RemoveTopic for a topic of this name has committed. */
  wasRemoved(name: string): boolean {
    return this.removedNames.has(name);
  }

  /** The partition as it stood once its partition epoch became `partitionEpoch`, if that ever committed. */
  partitionState(topicId: string, partitionId: number, partitionEpoch: number): PartitionRegistration | undefined {
    return this.partitionStates.get(`${topicId}:${partitionId}:${partitionEpoch}`);
  }

  /** Every state of the partition that ever committed, in partition-epoch order. */
  partitionHistory(topicId: string, partitionId: number): PartitionRegistration[] {
    const out: PartitionRegistration[] = [];
    for (let epoch = 0; ; epoch++) {
      const state = this.partitionState(topicId, partitionId, epoch);
      if (state === undefined) return out;
      out.push(state);
    }
  }

  /** True if the config ever held `value` (null: unset) in a committed record. */
  configEverHeld(resource: { readonly type: 'topic' | 'broker'; readonly name: string }, name: string, value: string | null): boolean {
    return this.configValues.get(`${configResourceKey(resource)}|${name}`)?.has(value) ?? false;
  }

  /** True if any committed ConfigRecord set or unset this config. */
  configEverWritten(resource: { readonly type: 'topic' | 'broker'; readonly name: string }, name: string): boolean {
    return this.configValues.has(`${configResourceKey(resource)}|${name}`);
  }

  /** The broker epochs broker `id` was ever registered with, oldest first. */
  registrationsOf(id: BrokerId): RegisterBrokerRecord[] {
    return [...this.registrations.values()].filter((r) => r.brokerId === id).sort((a, b) => a.brokerEpoch - b.brokerEpoch);
  }

  /** True if the registration of broker `id` at `epoch` was ever unfenced in the committed log. */
  wasUnfenced(id: BrokerId, epoch: number): boolean {
    return this.unfenced.has(`${id}:${epoch}`);
  }

  producerIdBlockEndedAt(nextProducerId: number): boolean {
    return this.producerIdEnds.has(nextProducerId);
  }

  private applyBatch(batch: LogBatch): void {
    this.next = batch.lastOffset + 1;
    let records: MetadataRecord[] = [];
    try {
      const decoded = decodeRecordBatch(batch.bytes);
      if (decoded.header.isControl) {
        this.images.set(this.next, this.current);
        return;
      }
      records = decoded.records.flatMap((r) => (r.value === null ? [] : [decodeMetadataRecord(r.value)]));
      let offset = batch.baseOffset;
      for (const record of records) {
        this.delta.replay(record, offset, batch.epoch);
        this.records.push({ offset, epoch: batch.epoch, record });
        this.learn(record, offset, records);
        offset++;
      }
    } catch (error) {
      this.problems.push({ invariant: 'committedLogReplays', message: `committed batch [${batch.baseOffset}..${batch.lastOffset}] does not replay: ${describeError(error)}` });
    }
    this.delta.advanceTo(batch.lastOffset, batch.epoch);
    this.current = this.delta.apply().image;
    canonicalImage(this.current);
    this.images.set(this.next, this.current);
  }

  private learn(record: MetadataRecord, offset: number, batch: readonly MetadataRecord[]): void {
    switch (record.type) {
      case 'registerBroker':
        this.registrations.set(offset, record);
        if (record.brokerEpoch !== offset) {
          this.problems.push({ invariant: 'brokerEpochIsRegistrationOffset', message: `RegisterBroker of broker ${record.brokerId} at offset ${offset} carries broker epoch ${record.brokerEpoch}` });
        }
        if (!record.fenced) this.unfenced.add(`${record.brokerId}:${record.brokerEpoch}`);
        return;
      case 'brokerRegistrationChange':
        if (record.fenced === false) this.unfenced.add(`${record.brokerId}:${record.brokerEpoch}`);
        return;
      case 'topic':
        this.topics.set(record.topicId, {
          name: record.name,
          topicId: record.topicId,
          offset,
          partitions: batch.filter((r) => r.type === 'partition' && r.topicId === record.topicId).length,
        });
        return;
      case 'removeTopic': {
        const topic = this.topics.get(record.topicId);
        if (topic !== undefined) this.removedNames.add(topic.name);
        return;
      }
      case 'partition':
      case 'partitionChange':
        this.notePartition(record.topicId, record.partitionId, offset);
        return;
      case 'config': {
        const key = `${configResourceKey({ type: record.resourceType, name: record.resourceName })}|${record.name}`;
        let values = this.configValues.get(key);
        if (values === undefined) this.configValues.set(key, (values = new Set()));
        values.add(record.value);
        return;
      }
      case 'producerIds':
        this.producerIdEnds.add(record.nextProducerId);
        return;
      default:
        return;
    }
  }

  private notePartition(topicId: string, partitionId: number, offset: number): void {
    const state = this.delta.partition(topicId, partitionId);
    if (state === undefined) return;
    const previous = this.partitionState(topicId, partitionId, state.partitionEpoch - 1);
    const latestKey = `${topicId}:${partitionId}:${state.partitionEpoch}`;
    if (this.partitionStates.has(latestKey)) {
      this.problems.push({ invariant: 'partitionEpochsRise', message: `committed log at ${offset}: partition ${topicId}-${partitionId} reached partition epoch ${state.partitionEpoch} a second time` });
    }
    if (previous !== undefined && state.leaderEpoch < previous.leaderEpoch) {
      this.problems.push({
        invariant: 'partitionEpochsRise',
        message: `committed log at ${offset}: partition ${topicId}-${partitionId} leader epoch went from ${previous.leaderEpoch} to ${state.leaderEpoch}`,
      });
    }
    if (state.partitionEpoch > 0 && previous === undefined) {
      this.problems.push({
        invariant: 'partitionEpochsRise',
        message: `committed log at ${offset}: partition ${topicId}-${partitionId} jumped to partition epoch ${state.partitionEpoch} without ${state.partitionEpoch - 1}`,
      });
    }
    this.partitionStates.set(latestKey, state);
  }
}
