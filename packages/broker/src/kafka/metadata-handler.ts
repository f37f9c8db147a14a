/**
 * Metadata (v0-12): the live brokers (their PLAINTEXT endpoints) and the partitions of the topics
 * asked for, by name or (v10+) by topic id, from the broker's image.
 *
 * The controller id told to clients is this broker's own id (or another live broker when this one
 * is not registered yet), as KRaft brokers do: clients send controller-bound admin requests there
 * and the broker forwards them to the active controller, which clients cannot reach.
 *
 * Unknown topics are created only when the broker allows it (auto.create.topics.enable, off by
 * default) and the request does (AllowAutoTopicCreation, v4+; always before v4), and the client
 * may CREATE it (on the cluster or the topic); one it may not create is TOPIC_AUTHORIZATION_FAILED.
 *
 * Topics the client may not DESCRIBE are hidden from an all-topics answer and answered
 * TOPIC_AUTHORIZATION_FAILED when asked for by name, as Kafka does.
 */
import { ApiKey, ZERO_UUID, type MetadataResponseTopic } from '@kz/kafka-protocol';
import type { MetadataImage } from '@kz/metadata';
import type { KafkaBackend } from './kafka-backend';
import { errorCode } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler';

export const METADATA_VERSIONS = { min: 0, max: 12 } as const;

/** A live broker for clients to send controller requests to: this one when it can, or -1. */
export function clientControllerId(image: MetadataImage, nodeId: number): number {
  const self = image.brokers.get(nodeId);
  if (self !== undefined && !self.fenced) return nodeId;
  for (const broker of image.brokers.values()) if (!broker.fenced) return broker.id;
  return -1;
}

export function metadataHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.Metadata> {
  return kafkaHandler(ApiKey.Metadata, METADATA_VERSIONS, async (request, { apiVersion, session }) => {
    const image = backend.image();
    // v0 has no null: an empty list asked for every topic.
    const all = request.topics === null || (apiVersion === 0 && request.topics.length === 0);
    /** Each asked topic: its name, or the answer for an id that names no topic. */
    const asked: ({ name: string } | { unknownId: string })[] = [];
    if (!all) {
      for (const t of request.topics ?? []) {
        if (t.name !== null) {
          asked.push({ name: t.name });
          continue;
        }
        const named = image.topicsById.get(t.topicId)?.name;
        asked.push(named === undefined ? { unknownId: t.topicId } : { name: named });
      }
    }
    const names = all ? null : asked.flatMap((a) => ('name' in a ? [a.name] : []));
    const answer = await backend.broker.metadata({ topics: names });
    const byName = new Map(answer.topics.map((t) => [t.name, t]));
    const allowCreate = backend.autoCreateTopics && (apiVersion < 4 || request.allowAutoTopicCreation);
    const topics: MetadataResponseTopic[] = [];
    const order = all ? answer.topics.filter((t) => session.may('DESCRIBE', 'TOPIC', t.name)).map((t) => ({ name: t.name })) : asked;
    for (const entry of order) {
      if ('unknownId' in entry) {
        topics.push({ errorCode: errorCode('UNKNOWN_TOPIC_ID'), name: null, topicId: entry.unknownId, isInternal: false, partitions: [] });
        continue;
      }
      if (!session.may('DESCRIBE', 'TOPIC', entry.name)) {
        topics.push({ errorCode: errorCode('TOPIC_AUTHORIZATION_FAILED'), name: entry.name, topicId: ZERO_UUID, isInternal: false, partitions: [] });
        continue;
      }
      const t = byName.get(entry.name);
      if (t === undefined || (t.errorCode === errorCode('UNKNOWN_TOPIC_OR_PARTITION') && allowCreate)) {
        // As Kafka: a topic that would be auto-created but the client may not CREATE (on the cluster
        // or the topic) is refused, not reported unknown — the client would otherwise retry forever.
        const mayCreate = session.may('CREATE', 'CLUSTER', 'kafka-cluster') || session.may('CREATE', 'TOPIC', entry.name);
        const code = t === undefined ? errorCode('UNKNOWN_TOPIC_OR_PARTITION') : mayCreate ? await autoCreate(backend, entry.name) : errorCode('TOPIC_AUTHORIZATION_FAILED');
        topics.push({ errorCode: code, name: entry.name, topicId: ZERO_UUID, isInternal: false, partitions: [] });
        continue;
      }
      topics.push({
        errorCode: t.errorCode,
        name: t.name,
        topicId: t.topicId === '' ? ZERO_UUID : t.topicId,
        isInternal: t.isInternal,
        partitions: t.partitions.map((p) => ({
          errorCode: p.errorCode,
          partitionIndex: p.partition,
          leaderId: p.leaderId,
          leaderEpoch: p.leaderEpoch,
          replicaNodes: [...p.replicas],
          isrNodes: [...p.isr],
          offlineReplicas: [...p.offlineReplicas],
        })),
      });
    }
    return {
      throttleTimeMs: 0,
      brokers: answer.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack })),
      clusterId: answer.clusterId,
      controllerId: clientControllerId(image, backend.nodeId),
      topics,
    };
  });
}

/**
 * Asks the controller for the topic with the cluster's defaults. The answer says the topic has no
 * leader yet (LEADER_NOT_AVAILABLE, retriable), as Kafka answers for a topic it is creating; a
 * name the controller refuses gets its error.
 */
async function autoCreate(backend: KafkaBackend, name: string): Promise<number> {
  try {
    const { topics } = await backend.admin.createTopics({ topics: [{ name }] });
    const error = topics[0]?.error ?? null;
    if (error === null || error.code === 'TOPIC_ALREADY_EXISTS') return errorCode('LEADER_NOT_AVAILABLE');
    return error.kafkaErrorCode;
  } catch {
    return errorCode('LEADER_NOT_AVAILABLE');
  }
}
