/**
 * CreateTopics (v2-7), DeleteTopics (v1-6) and CreatePartitions (v0-3): forwarded to the active
 * controller (the broker's MetadataAdminClient finds it and follows it), each topic answered with
 * the controller's outcome. A request the controller could not be asked at all answers every
 * topic with that failure (REQUEST_TIMED_OUT, NOT_CONTROLLER, ...).
 *
 * Authorization as Kafka's: CREATE on the cluster or the topic to create it, DELETE on the topic to
 * delete it, ALTER on it to add partitions; a refused topic is TOPIC_AUTHORIZATION_FAILED and is
 * not forwarded.
 */
import { ApiKey, ZERO_UUID, type CreateTopicsResponseCreatableTopicResult, type DeleteTopicsResponseDeletableTopicResult } from '@kz/kafka-protocol';
import type { CreatableTopic } from '@kz/metadata';
import { kafkaErrorOf } from '../server/error-code';
import type { KafkaBackend } from './kafka-backend';
import { errorCode, itemError, namedError, NO_ERROR, type ItemError } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler';

export const CREATE_TOPICS_VERSIONS = { min: 2, max: 7 } as const;
export const DELETE_TOPICS_VERSIONS = { min: 1, max: 6 } as const;
export const CREATE_PARTITIONS_VERSIONS = { min: 0, max: 3 } as const;

/** The outcome of a forwarded call that failed as a whole. */
export function forwardingFailure(error: unknown): ItemError {
  const e = kafkaErrorOf(error);
  return { errorCode: e.errorCode, errorMessage: e.errorMessage };
}

/** Names asked more than once: Kafka refuses every copy (INVALID_REQUEST) and forwards none. */
function duplicates(names: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const name of names) (seen.has(name) ? twice : seen).add(name);
  return twice;
}

export function createTopicsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.CreateTopics> {
  return kafkaHandler(ApiKey.CreateTopics, CREATE_TOPICS_VERSIONS, async (request, { session }) => {
    const twice = duplicates(request.topics.map((t) => t.name));
    const clusterCreate = session.may('CREATE', 'CLUSTER', 'kafka-cluster');
    const denied = new Set(request.topics.filter((t) => !clusterCreate && !session.may('CREATE', 'TOPIC', t.name)).map((t) => t.name));
    const forwarded: CreatableTopic[] = request.topics
      .filter((t) => !twice.has(t.name) && !denied.has(t.name))
      .map((t) => {
        const configs: Record<string, string> = {};
        for (const c of t.configs) if (c.value !== null) configs[c.name] = c.value;
        const assignments = [...t.assignments].sort((a, b) => a.partitionIndex - b.partitionIndex).map((a) => a.brokerIds);
        return {
          name: t.name,
          numPartitions: t.numPartitions,
          replicationFactor: t.replicationFactor,
          ...(assignments.length === 0 ? {} : { assignments }),
          configs,
        };
      });
    let results = new Map<string, CreateTopicsResponseCreatableTopicResult>();
    if (forwarded.length > 0) {
      try {
        const answer = await backend.admin.createTopics({ topics: forwarded, validateOnly: request.validateOnly, timeoutMs: request.timeoutMs });
        results = new Map(
          answer.topics.map((t) => [
            t.name,
            {
              name: t.name,
              topicId: t.topicId ?? ZERO_UUID,
              ...itemError(t.error),
              numPartitions: t.error === null ? t.numPartitions : -1,
              replicationFactor: t.error === null ? t.replicationFactor : -1,
              configs: t.error === null ? [] : null,
            },
          ]),
        );
      } catch (error) {
        const failure = forwardingFailure(error);
        for (const t of forwarded) results.set(t.name, { name: t.name, topicId: ZERO_UUID, ...failure, numPartitions: -1, replicationFactor: -1, configs: null });
      }
    }
    const topics = request.topics.map((t): CreateTopicsResponseCreatableTopicResult => {
      const r = twice.has(t.name) ? undefined : results.get(t.name);
      if (r !== undefined) return r;
      const error = denied.has(t.name) && !twice.has(t.name)
        ? namedError('TOPIC_AUTHORIZATION_FAILED', `not authorized to create topic ${t.name}`)
        : twice.has(t.name) ? namedError('INVALID_REQUEST', `topic ${t.name} is named more than once in the request`) : namedError('UNKNOWN_SERVER_ERROR', 'the controller did not answer for the topic');
      return { name: t.name, topicId: ZERO_UUID, ...error, numPartitions: -1, replicationFactor: -1, configs: null };
    });
    return { throttleTimeMs: 0, topics };
  });
}

export function deleteTopicsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.DeleteTopics> {
  return kafkaHandler(ApiKey.DeleteTopics, DELETE_TOPICS_VERSIONS, async (request, { apiVersion, session }) => {
    const image = backend.image();
    // v6 names topics by name or by id; before, by name only.
    const asked = apiVersion >= 6 ? request.topics.map((t) => ({ name: t.name, topicId: t.topicId })) : request.topicNames.map((name) => ({ name, topicId: ZERO_UUID }));
    const resolved = asked.map((t) => {
      if (t.name !== null) return { ...t, resolved: t.name, topicId: image.topicIdsByName.get(t.name) ?? t.topicId };
      const name = image.topicsById.get(t.topicId)?.name;
      return { ...t, resolved: name ?? null };
    });
    const denied = new Set(resolved.flatMap((t) => (t.resolved !== null && !session.may('DELETE', 'TOPIC', t.resolved) ? [t.resolved] : [])));
    const names = [...new Set(resolved.flatMap((t) => (t.resolved === null || denied.has(t.resolved) ? [] : [t.resolved])))];
    const outcomes = new Map<string, ItemError>();
    if (names.length > 0) {
      try {
        const answer = await backend.admin.deleteTopics({ names });
        for (const t of answer.topics) outcomes.set(t.name, itemError(t.error));
      } catch (error) {
        const failure = forwardingFailure(error);
        for (const name of names) outcomes.set(name, failure);
      }
    }
    const responses = resolved.map((t): DeleteTopicsResponseDeletableTopicResult => {
      if (t.resolved === null) return { name: null, topicId: t.topicId, ...namedError('UNKNOWN_TOPIC_ID', `no topic has id ${t.topicId}`) };
      if (denied.has(t.resolved)) return { name: t.resolved, topicId: t.topicId, ...namedError('TOPIC_AUTHORIZATION_FAILED', `not authorized to delete topic ${t.resolved}`) };
      return { name: t.resolved, topicId: t.topicId, ...(outcomes.get(t.resolved) ?? NO_ERROR) };
    });
    return { throttleTimeMs: 0, responses };
  });
}

export function createPartitionsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.CreatePartitions> {
  return kafkaHandler(ApiKey.CreatePartitions, CREATE_PARTITIONS_VERSIONS, async (request, { session }) => {
    const twice = duplicates(request.topics.map((t) => t.name));
    const denied = new Set(request.topics.filter((t) => !session.may('ALTER', 'TOPIC', t.name)).map((t) => t.name));
    const forwarded = request.topics
      .filter((t) => !twice.has(t.name) && !denied.has(t.name))
      .map((t) => ({ name: t.name, count: t.count, ...(t.assignments === null ? {} : { assignments: t.assignments.map((a) => a.brokerIds) }) }));
    const outcomes = new Map<string, ItemError>();
    if (forwarded.length > 0) {
      try {
        const answer = await backend.admin.createPartitions({ topics: forwarded, validateOnly: request.validateOnly });
        for (const t of answer.topics) outcomes.set(t.name, itemError(t.error));
      } catch (error) {
        const failure = forwardingFailure(error);
        for (const t of forwarded) outcomes.set(t.name, failure);
      }
    }
    return {
      throttleTimeMs: 0,
      results: request.topics.map((t) => ({
        name: t.name,
        ...(twice.has(t.name)
          ? namedError('INVALID_REQUEST', `topic ${t.name} is named more than once in the request`)
          : denied.has(t.name)
          ? namedError('TOPIC_AUTHORIZATION_FAILED', `not authorized to alter topic ${t.name}`)
          : (outcomes.get(t.name) ?? { errorCode: errorCode('UNKNOWN_SERVER_ERROR'), errorMessage: 'the controller did not answer for the topic' })),
      })),
    };
  });
}
