import type { MetadataRecord } from '../records/metadata-record';
import { configResourceFromKey } from './config-resource';
import type { MetadataImage } from './metadata-image';

/**
 * The image written back as the records that rebuild it, in one canonical order (features, brokers
 * by id, topics by name with their partitions, configs by resource and name, SCRAM credentials by user and mechanism, ACLs by id, producer ids). This is
 * the snapshot's content (KRaft's ImageWriter), and because the order is canonical, two images are
 * equal exactly when their records are.
 */
export function* imageRecords(image: MetadataImage): Generator<MetadataRecord> {
  for (const name of [...image.features.keys()].sort()) {
    yield { type: 'featureLevel', name, level: image.features.get(name)! };
  }
  for (const id of [...image.brokers.keys()].sort((a, b) => a - b)) {
    const b = image.brokers.get(id)!;
    yield {
      type: 'registerBroker',
      brokerId: b.id,
      incarnationId: b.incarnationId,
      brokerEpoch: b.epoch,
      endpoints: b.endpoints,
      rack: b.rack,
      fenced: b.fenced,
      inControlledShutdown: b.inControlledShutdown,
    };
  }
  for (const name of [...image.topicIdsByName.keys()].sort()) {
    const topic = image.topicsById.get(image.topicIdsByName.get(name)!)!;
    yield { type: 'topic', name, topicId: topic.id };
    for (let p = 0; p < topic.partitions.length; p++) {
      const partition = topic.partitions[p]!;
      yield { type: 'partition', topicId: topic.id, partitionId: p, ...partition };
    }
  }
  for (const key of [...image.configs.keys()].sort()) {
    const resource = configResourceFromKey(key);
    const entries = image.configs.get(key)!;
    for (const name of [...entries.keys()].sort()) {
      yield { type: 'config', resourceType: resource.type, resourceName: resource.name, name, value: entries.get(name)! };
    }
  }
  for (const name of [...image.scramCredentials.keys()].sort()) {
    const mechanisms = image.scramCredentials.get(name)!;
    for (const mechanism of [...mechanisms.keys()].sort()) {
      const c = mechanisms.get(mechanism)!;
      yield { type: 'userScramCredential', name, mechanism, salt: c.salt, storedKey: c.storedKey, serverKey: c.serverKey, iterations: c.iterations };
    }
  }
  for (const id of [...image.acls.keys()].sort()) {
    yield { type: 'accessControlEntry', id, ...image.acls.get(id)! };
  }
  if (image.nextProducerId > 0) {
    yield { type: 'producerIds', brokerId: 0, brokerEpoch: 0, nextProducerId: image.nextProducerId };
  }
}
