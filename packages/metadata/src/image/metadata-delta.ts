import type { BrokerId, MetadataRecord, PartitionChangeRecord } from '../records/metadata-record';
import type { BrokerRegistration } from './broker-registration';
import { configResourceKey } from './config-resource';
import type { MetadataChanges } from './metadata-changes';
import { MetadataImage, type ImageProvenance } from './metadata-image';
import { applyPartitionChange, partitionFromRecord, type PartitionRegistration } from './partition-registration';
import { MetadataReplayError } from './replay-errors';
import type { AclBinding } from '../security/acl';
import type { ScramCredential, ScramMechanism } from '../security/scram';
import type { TopicImage } from './topic-image';

interface MutableTopic {
  readonly id: string;
  readonly name: string;
  readonly partitions: PartitionRegistration[];
}

/**
 * Records replayed on top of an image (KRaft's MetadataDelta). Reads see the base image with every
 * replayed record applied, which is how the controller validates a request against committed state
 * plus its own pending writes. `apply()` seals the changes into a new image and starts the delta
 * over on top of it.
 *
 * Parts are copied on first write: the broker map, the topic maps, one topic's partition array, one
 * resource's configs. A delta that touches one partition of one topic copies that topic's array and
 * the topic map, nothing else.
 */
export class MetadataDelta {
  private image: MetadataImage;
  private features: Map<string, number> | null = null;
  private brokers: Map<BrokerId, BrokerRegistration> | null = null;
  private topicsById: Map<string, TopicImage | MutableTopic> | null = null;
  private topicIdsByName: Map<string, string> | null = null;
  private configs: Map<string, ReadonlyMap<string, string>> | null = null;
  private nextProducerId: number;
  private scramCredentials: Map<string, ReadonlyMap<ScramMechanism, ScramCredential>> | null = null;
  private acls: Map<string, AclBinding> | null = null;
  /** Topics whose partition array this delta owns (copied or created here). */
  private readonly ownedTopics = new Set<string>();
  /** Config resources whose map this delta owns. */
  private readonly ownedConfigs = new Set<string>();
  private changes = newChanges();
  private provenance: ImageProvenance;
  private replayed = 0;

  constructor(base: MetadataImage) {
    this.image = base;
    this.nextProducerId = base.nextProducerId;
    this.provenance = base.provenance;
  }

  /** The image this delta started from. */
  get base(): MetadataImage {
    return this.image;
  }

  /** Records replayed since the last apply. */
  get size(): number {
    return this.replayed;
  }

  get offset(): number {
    return this.provenance.offset;
  }

  // ------------------------------------------------------------------ reads (base + replayed)

  broker(id: BrokerId): BrokerRegistration | undefined {
    return (this.brokers ?? this.image.brokers).get(id);
  }

  allBrokers(): ReadonlyMap<BrokerId, BrokerRegistration> {
    return this.brokers ?? this.image.brokers;
  }

  topicById(id: string): TopicImage | undefined {
    return (this.topicsById ?? this.image.topicsById).get(id);
  }

  topic(name: string): TopicImage | undefined {
    const id = (this.topicIdsByName ?? this.image.topicIdsByName).get(name);
    return id === undefined ? undefined : this.topicById(id);
  }

  allTopics(): ReadonlyMap<string, TopicImage> {
    return this.topicsById ?? this.image.topicsById;
  }

  partition(topicId: string, partitionId: number): PartitionRegistration | undefined {
    return this.topicById(topicId)?.partitions[partitionId];
  }

  feature(name: string): number | undefined {
    return (this.features ?? this.image.features).get(name);
  }

  configsOf(key: string): ReadonlyMap<string, string> {
    return (this.configs ?? this.image.configs).get(key) ?? EMPTY_CONFIGS;
  }

  allConfigs(): ReadonlyMap<string, ReadonlyMap<string, string>> {
    return this.configs ?? this.image.configs;
  }

  get producerIdsNext(): number {
    return this.nextProducerId;
  }

  scramCredentialsOf(user: string): ReadonlyMap<ScramMechanism, ScramCredential> | undefined {
    return (this.scramCredentials ?? this.image.scramCredentials).get(user);
  }

  allAcls(): ReadonlyMap<string, AclBinding> {
    return this.acls ?? this.image.acls;
  }

  // ------------------------------------------------------------------ writes

  /** Applies one record that sits at `offset` of the log, written in `epoch`. */
  replay(record: MetadataRecord, offset: number, epoch: number): void {
    this.replayRecord(record);
    this.provenance = { offset, epoch };
    this.replayed++;
  }

  /** Moves the image's position without a record (a control batch, say). */
  advanceTo(offset: number, epoch: number): void {
    if (offset > this.provenance.offset) this.provenance = { offset, epoch };
  }

  /** Drops everything replayed and starts over on `image` (a snapshot was loaded). */
  reset(image: MetadataImage): void {
    this.apply();
    this.image = image;
    this.nextProducerId = image.nextProducerId;
    this.provenance = image.provenance;
  }

  /** Seals everything replayed into a new image, and starts over on top of it. */
  apply(): { readonly image: MetadataImage; readonly changes: MetadataChanges } {
    const topicsById = this.topicsById as ReadonlyMap<string, TopicImage> | null;
    const image = new MetadataImage({
      provenance: this.provenance,
      features: this.features ?? this.image.features,
      brokers: this.brokers ?? this.image.brokers,
      topicsById: topicsById ?? this.image.topicsById,
      topicIdsByName: this.topicIdsByName ?? this.image.topicIdsByName,
      configs: this.configs ?? this.image.configs,
      nextProducerId: this.nextProducerId,
      scramCredentials: this.scramCredentials ?? this.image.scramCredentials,
      acls: this.acls ?? this.image.acls,
    });
    const changes = this.changes;
    this.image = image;
    this.features = null;
    this.brokers = null;
    this.topicsById = null;
    this.topicIdsByName = null;
    this.configs = null;
    this.scramCredentials = null;
    this.acls = null;
    this.ownedTopics.clear();
    this.ownedConfigs.clear();
    this.changes = newChanges();
    this.replayed = 0;
    return { image, changes };
  }

  private replayRecord(record: MetadataRecord): void {
    switch (record.type) {
      case 'registerBroker': {
        this.writableBrokers().set(record.brokerId, {
          id: record.brokerId,
          incarnationId: record.incarnationId,
          epoch: record.brokerEpoch,
          endpoints: record.endpoints,
          rack: record.rack,
          fenced: record.fenced,
          inControlledShutdown: record.inControlledShutdown,
        });
        this.changes.brokers.add(record.brokerId);
        return;
      }
      case 'unregisterBroker': {
        this.expectBroker(record.brokerId, record.brokerEpoch, 'unregister');
        this.writableBrokers().delete(record.brokerId);
        this.changes.brokers.add(record.brokerId);
        return;
      }
      case 'brokerRegistrationChange': {
        const broker = this.expectBroker(record.brokerId, record.brokerEpoch, 'change');
        this.writableBrokers().set(record.brokerId, {
          ...broker,
          fenced: record.fenced ?? broker.fenced,
          inControlledShutdown: record.inControlledShutdown ?? broker.inControlledShutdown,
        });
        this.changes.brokers.add(record.brokerId);
        return;
      }
      case 'topic': {
        if (this.topic(record.name) !== undefined) throw new MetadataReplayError(`topic ${record.name} already exists`);
        if (this.topicById(record.topicId) !== undefined) throw new MetadataReplayError(`topic id ${record.topicId} already exists`);
        this.writableTopics().set(record.topicId, { id: record.topicId, name: record.name, partitions: [] });
        this.ownedTopics.add(record.topicId);
        this.writableNames().set(record.name, record.topicId);
        this.changes.createdTopics.add(record.topicId);
        return;
      }
      case 'partition': {
        const topic = this.writableTopic(record.topicId, 'partition');
        if (record.partitionId !== topic.partitions.length) {
          throw new MetadataReplayError(`partition ${record.partitionId} of ${topic.name} follows ${topic.partitions.length - 1}`);
        }
        topic.partitions.push(partitionFromRecord(record));
        this.notePartition(record.topicId, record.partitionId);
        return;
      }
      case 'partitionChange': {
        const topic = this.writableTopic(record.topicId, 'partition change');
        const current = topic.partitions[record.partitionId];
        if (current === undefined) throw new MetadataReplayError(`partition change for unknown partition ${topic.name}-${record.partitionId}`);
        topic.partitions[record.partitionId] = applyPartitionChange(current, record satisfies PartitionChangeRecord);
        this.notePartition(record.topicId, record.partitionId);
        return;
      }
      case 'removeTopic': {
        const topic = this.topicById(record.topicId);
        if (topic === undefined) throw new MetadataReplayError(`remove of unknown topic id ${record.topicId}`);
        this.writableTopics().delete(record.topicId);
        this.writableNames().delete(topic.name);
        this.ownedTopics.delete(record.topicId);
        this.changes.partitions.delete(record.topicId);
        if (this.changes.createdTopics.has(record.topicId)) this.changes.createdTopics.delete(record.topicId);
        else if (!this.changes.removedTopics.has(record.topicId)) this.changes.removedTopics.set(record.topicId, this.image.topicsById.get(record.topicId) ?? topic);
        // A topic's configs go with it.
        const key = configResourceKey({ type: 'topic', name: topic.name });
        if ((this.configs ?? this.image.configs).has(key)) {
          this.writableConfigs().delete(key);
          this.ownedConfigs.delete(key);
          this.changes.configs.add(key);
        }
        return;
      }
      case 'config': {
        const key = configResourceKey({ type: record.resourceType, name: record.resourceName });
        const configs = this.writableConfigs();
        let entries = configs.get(key) as Map<string, string> | undefined;
        if (entries === undefined || !this.ownedConfigs.has(key)) {
          entries = new Map(entries ?? []);
          configs.set(key, entries);
          this.ownedConfigs.add(key);
        }
        if (record.value === null) entries.delete(record.name);
        else entries.set(record.name, record.value);
        if (entries.size === 0) {
          configs.delete(key);
          this.ownedConfigs.delete(key);
        }
        this.changes.configs.add(key);
        return;
      }
      case 'featureLevel': {
        this.features ??= new Map(this.image.features);
        if (record.level === 0) this.features.delete(record.name);
        else this.features.set(record.name, record.level);
        this.changes.features = true;
        return;
      }
      case 'producerIds': {
        if (record.nextProducerId <= this.nextProducerId) {
          throw new MetadataReplayError(`producer id block ending at ${record.nextProducerId} does not follow ${this.nextProducerId}`);
        }
        this.nextProducerId = record.nextProducerId;
        this.changes.producerIds = true;
        return;
      }
      case 'noOp':
        return;
      case 'userScramCredential': {
        this.scramCredentials ??= new Map(this.image.scramCredentials);
        const mechanisms = new Map(this.scramCredentials.get(record.name) ?? []);
        mechanisms.set(record.mechanism, { mechanism: record.mechanism, salt: record.salt, iterations: record.iterations, storedKey: record.storedKey, serverKey: record.serverKey });
        this.scramCredentials.set(record.name, mechanisms);
        this.changes.scramCredentials = true;
        return;
      }
      case 'removeUserScramCredential': {
        const existing = this.scramCredentialsOf(record.name);
        if (existing?.has(record.mechanism) !== true) throw new MetadataReplayError(`removal of unknown ${record.mechanism} credential of user ${record.name}`);
        this.scramCredentials ??= new Map(this.image.scramCredentials);
        const mechanisms = new Map(existing);
        mechanisms.delete(record.mechanism);
        if (mechanisms.size === 0) this.scramCredentials.delete(record.name);
        else this.scramCredentials.set(record.name, mechanisms);
        this.changes.scramCredentials = true;
        return;
      }
      case 'accessControlEntry': {
        if (this.allAcls().has(record.id)) throw new MetadataReplayError(`ACL ${record.id} already exists`);
        this.acls ??= new Map(this.image.acls);
        const { type: _type, id, ...binding } = record;
        this.acls.set(id, binding);
        this.changes.acls = true;
        return;
      }
      case 'removeAccessControlEntry': {
        if (!this.allAcls().has(record.id)) throw new MetadataReplayError(`removal of unknown ACL ${record.id}`);
        this.acls ??= new Map(this.image.acls);
        this.acls.delete(record.id);
        this.changes.acls = true;
        return;
      }
    }
  }

  private expectBroker(id: BrokerId, epoch: number, what: string): BrokerRegistration {
    const broker = this.broker(id);
    if (broker === undefined) throw new MetadataReplayError(`broker ${what} for unregistered broker ${id}`);
    if (broker.epoch !== epoch) throw new MetadataReplayError(`broker ${what} for broker ${id} at epoch ${epoch}; it is registered at ${broker.epoch}`);
    return broker;
  }

  private writableBrokers(): Map<BrokerId, BrokerRegistration> {
    this.brokers ??= new Map(this.image.brokers);
    return this.brokers;
  }

  private writableTopics(): Map<string, TopicImage | MutableTopic> {
    this.topicsById ??= new Map(this.image.topicsById);
    return this.topicsById;
  }

  private writableNames(): Map<string, string> {
    this.topicIdsByName ??= new Map(this.image.topicIdsByName);
    return this.topicIdsByName;
  }

  private writableConfigs(): Map<string, ReadonlyMap<string, string>> {
    this.configs ??= new Map(this.image.configs);
    return this.configs;
  }

  private writableTopic(topicId: string, what: string): MutableTopic {
    const topic = this.topicById(topicId);
    if (topic === undefined) throw new MetadataReplayError(`${what} for unknown topic id ${topicId}`);
    if (this.ownedTopics.has(topicId)) return topic as MutableTopic;
    const copy: MutableTopic = { id: topic.id, name: topic.name, partitions: [...topic.partitions] };
    this.writableTopics().set(topicId, copy);
    this.ownedTopics.add(topicId);
    return copy;
  }

  private notePartition(topicId: string, partitionId: number): void {
    let set = this.changes.partitions.get(topicId);
    if (set === undefined) {
      set = new Set();
      this.changes.partitions.set(topicId, set);
    }
    set.add(partitionId);
  }
}

interface MutableChanges {
  brokers: Set<BrokerId>;
  createdTopics: Set<string>;
  removedTopics: Map<string, TopicImage>;
  partitions: Map<string, Set<number>>;
  configs: Set<string>;
  features: boolean;
  producerIds: boolean;
  scramCredentials: boolean;
  acls: boolean;
}

function newChanges(): MutableChanges {
  return {
    brokers: new Set(),
    createdTopics: new Set(),
    removedTopics: new Map(),
    partitions: new Map(),
    configs: new Set(),
    features: false,
    producerIds: false,
    scramCredentials: false,
    acls: false,
  };
}

const EMPTY_CONFIGS: ReadonlyMap<string, string> = new Map();
