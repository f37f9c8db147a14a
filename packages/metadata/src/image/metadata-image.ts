import type { BrokerId } from '../records/metadata-record';
import type { AclBinding } from '../security/acl';
import type { ScramCredential, ScramMechanism } from '../security/scram';
import type { BrokerRegistration } from './broker-registration';
import { configResourceKey, type ConfigResource } from './config-resource';
import type { PartitionRegistration } from './partition-registration';
import type { TopicImage } from './topic-image';

/** Where in the metadata log an image stands: it holds every record up to and including `offset`. */
export interface ImageProvenance {
  /** The last offset applied; -1 for the empty image. */
  readonly offset: number;
  readonly epoch: number;
}

export interface MetadataImageParts {
  readonly provenance: ImageProvenance;
  readonly features: ReadonlyMap<string, number>;
  readonly brokers: ReadonlyMap<BrokerId, BrokerRegistration>;
  readonly topicsById: ReadonlyMap<string, TopicImage>;
  readonly topicIdsByName: ReadonlyMap<string, string>;
  readonly configs: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The first producer id not yet handed out. */
  readonly nextProducerId: number;
  /** SCRAM credentials by user name, then mechanism. */
  readonly scramCredentials: ReadonlyMap<string, ReadonlyMap<ScramMechanism, ScramCredential>>;
  /** ACL bindings by their id. */
  readonly acls: ReadonlyMap<string, AclBinding>;
}

/**
 * Everything the cluster knows at one offset of the metadata log, immutable. A new image comes only
 * from a MetadataDelta, which shares every part it did not change with the image it started from,
 * so keeping the previous image next to the new one costs only what changed.
 */
export class MetadataImage implements MetadataImageParts {
  static readonly EMPTY = new MetadataImage({
    provenance: { offset: -1, epoch: 0 },
    features: new Map(),
    brokers: new Map(),
    topicsById: new Map(),
    topicIdsByName: new Map(),
    configs: new Map(),
    nextProducerId: 0,
    scramCredentials: new Map(),
    acls: new Map(),
  });

  readonly provenance: ImageProvenance;
  readonly features: ReadonlyMap<string, number>;
  readonly brokers: ReadonlyMap<BrokerId, BrokerRegistration>;
  readonly topicsById: ReadonlyMap<string, TopicImage>;
  readonly topicIdsByName: ReadonlyMap<string, string>;
  readonly configs: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly nextProducerId: number;
  readonly scramCredentials: ReadonlyMap<string, ReadonlyMap<ScramMechanism, ScramCredential>>;
  readonly acls: ReadonlyMap<string, AclBinding>;

  constructor(parts: MetadataImageParts) {
    this.provenance = parts.provenance;
    this.features = parts.features;
    this.brokers = parts.brokers;
    this.topicsById = parts.topicsById;
    this.topicIdsByName = parts.topicIdsByName;
    this.configs = parts.configs;
    this.nextProducerId = parts.nextProducerId;
    this.scramCredentials = parts.scramCredentials;
    this.acls = parts.acls;
  }

  get offset(): number {
    return this.provenance.offset;
  }

  topic(name: string): TopicImage | undefined {
    const id = this.topicIdsByName.get(name);
    return id === undefined ? undefined : this.topicsById.get(id);
  }

  partition(topicId: string, partitionId: number): PartitionRegistration | undefined {
    return this.topicsById.get(topicId)?.partitions[partitionId];
  }

  configsOf(resource: ConfigResource): ReadonlyMap<string, string> {
    return this.configs.get(configResourceKey(resource)) ?? EMPTY_CONFIGS;
  }

  get partitionCount(): number {
    let count = 0;
    for (const topic of this.topicsById.values()) count += topic.partitions.length;
    return count;
  }
}

const EMPTY_CONFIGS: ReadonlyMap<string, string> = new Map();
