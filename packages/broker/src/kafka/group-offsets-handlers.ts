/**
 * Consumer-group offsets over Kafka's protocol: FindCoordinator (v0-4, v4 batched keys),
 * OffsetCommit (v2-8), OffsetFetch (v1-8, v8 batched groups), OffsetDelete (v0), each translated
 * to the broker's GroupCoordinator through BrokerApi.
 *
 * A commit names its member and generation (or none, from a consumer that assigns its own
 * partitions): the GroupCoordinator checks them. Transaction coordinators (key type 1) do not exist
 * yet: INVALID_REQUEST says so.
 *
 * Authorization as Kafka's: DESCRIBE on the group to find its coordinator or fetch its offsets,
 * READ on it to commit, DELETE to delete offsets; READ on each topic committed or deleted, DESCRIBE
 * on each topic fetched. GROUP_AUTHORIZATION_FAILED / TOPIC_AUTHORIZATION_FAILED otherwise.
 */
import { ApiKey, type FindCoordinatorResponseCoordinator, type OffsetFetchResponseGroup } from '@kz/kafka-protocol';
import type { OffsetFetchRequest } from '../protocol/group-offsets';
import type { KafkaBackend } from './kafka-backend';
import { errorCode, NONE } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler';
import type { ClientSession } from '../security/client-session';

export const FIND_COORDINATOR_VERSIONS = { min: 0, max: 4 } as const;
export const OFFSET_COMMIT_VERSIONS = { min: 2, max: 8 } as const;
export const OFFSET_FETCH_VERSIONS = { min: 1, max: 8 } as const;
export const OFFSET_DELETE_VERSIONS = { min: 0, max: 0 } as const;

const GROUP_KEY_TYPE = 0;

const GROUP_DENIED = errorCode('GROUP_AUTHORIZATION_FAILED');
const TOPIC_DENIED = errorCode('TOPIC_AUTHORIZATION_FAILED');

async function coordinatorFor(backend: KafkaBackend, session: ClientSession, key: string, keyType: number): Promise<FindCoordinatorResponseCoordinator> {
  if (keyType !== GROUP_KEY_TYPE) {
    return { key, nodeId: -1, host: '', port: -1, errorCode: errorCode('INVALID_REQUEST'), errorMessage: `coordinator key type ${keyType} is not supported: kz has group coordinators only` };
  }
  if (!session.may('DESCRIBE', 'GROUP', key)) return { key, nodeId: -1, host: '', port: -1, errorCode: GROUP_DENIED, errorMessage: `not authorized to describe group ${key}` };
  const found = await backend.broker.findCoordinator({ key });
  return { key, nodeId: found.nodeId, host: found.host, port: found.port, errorCode: found.errorCode, errorMessage: found.errorCode === NONE ? null : found.errorMessage };
}

export function findCoordinatorHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.FindCoordinator> {
  return kafkaHandler(ApiKey.FindCoordinator, FIND_COORDINATOR_VERSIONS, async (request, { apiVersion, session }) => {
    if (apiVersion >= 4) {
      const coordinators = await Promise.all(request.coordinatorKeys.map((key) => coordinatorFor(backend, session, key, request.keyType)));
      return { throttleTimeMs: 0, coordinators };
    }
    const c = await coordinatorFor(backend, session, request.key, request.keyType);
    return { throttleTimeMs: 0, errorCode: c.errorCode, errorMessage: c.errorMessage, nodeId: c.nodeId, host: c.host, port: c.port };
  });
}

export function offsetCommitHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.OffsetCommit> {
  return kafkaHandler(ApiKey.OffsetCommit, OFFSET_COMMIT_VERSIONS, async (request, { session }) => {
    const refusedWith = (code: number, topics: typeof request.topics) => topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: code })) }));
    if (!session.may('READ', 'GROUP', request.groupId)) return { throttleTimeMs: 0, topics: refusedWith(GROUP_DENIED, request.topics) };
    const denied = request.topics.filter((t) => !session.may('READ', 'TOPIC', t.name));
    const allowed = request.topics.filter((t) => !denied.includes(t));
    if (allowed.length === 0) return { throttleTimeMs: 0, topics: refusedWith(TOPIC_DENIED, denied) };
    const answer = await backend.broker.offsetCommit({
      groupId: request.groupId,
      // The coordinator checks a member's commit against its generation; -1 and no member is a
      // standalone consumer's commit.
      generationId: request.generationIdOrMemberEpoch,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId,
      topics: allowed.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partition: p.partitionIndex,
          committedOffset: p.committedOffset,
          committedLeaderEpoch: p.committedLeaderEpoch,
          metadata: p.committedMetadata ?? '',
        })),
      })),
    });
    return {
      throttleTimeMs: 0,
      topics: [...answer.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partition, errorCode: p.errorCode })) })), ...refusedWith(TOPIC_DENIED, denied)],
    };
  });
}

async function fetchGroup(backend: KafkaBackend, session: ClientSession, groupId: string, topics: OffsetFetchRequest['topics']): Promise<OffsetFetchResponseGroup> {
  if (!session.may('DESCRIBE', 'GROUP', groupId)) return { groupId, errorCode: GROUP_DENIED, topics: [] };
  // Topics asked by name that the client may not describe are answered so; unnamed ones are left out.
  const denied = (topics ?? []).filter((t) => !session.may('DESCRIBE', 'TOPIC', t.name));
  const allowed = topics === null ? null : topics.filter((t) => !denied.includes(t));
  const answer = await backend.broker.offsetFetch({ groupId, topics: allowed });
  const visible = answer.topics.filter((t) => topics !== null || session.may('DESCRIBE', 'TOPIC', t.name));
  const refused = denied.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((partitionIndex) => ({ partitionIndex, committedOffset: -1, committedLeaderEpoch: -1, metadata: null, errorCode: TOPIC_DENIED })),
  }));
  return {
    groupId,
    errorCode: answer.errorCode,
    topics: [...visible.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partitionIndex: p.partition,
        committedOffset: p.committedOffset,
        committedLeaderEpoch: p.committedLeaderEpoch,
        metadata: p.metadata,
        errorCode: p.errorCode,
      })),
    })), ...refused],
  };
}

export function offsetFetchHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.OffsetFetch> {
  return kafkaHandler(ApiKey.OffsetFetch, OFFSET_FETCH_VERSIONS, async (request, { apiVersion, session }) => {
    const asked = (topics: readonly { name: string; partitionIndexes: number[] }[] | null): OffsetFetchRequest['topics'] =>
      topics === null ? null : topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes }));
    if (apiVersion >= 8) {
      const groups = await Promise.all(request.groups.map((g) => fetchGroup(backend, session, g.groupId, asked(g.topics))));
      return { throttleTimeMs: 0, groups };
    }
    const group = await fetchGroup(backend, session, request.groupId, asked(request.topics));
    // v1 has no group-level error: it goes into every partition, as Kafka puts it there.
    const partitionError = apiVersion < 2 && group.errorCode !== NONE ? group.errorCode : null;
    if (partitionError !== null) {
      return {
        throttleTimeMs: 0,
        topics: (request.topics ?? []).map((t) => ({
          name: t.name,
          partitions: t.partitionIndexes.map((partitionIndex) => ({ partitionIndex, committedOffset: -1, committedLeaderEpoch: -1, metadata: null, errorCode: partitionError })),
        })),
      };
    }
    return {
      throttleTimeMs: 0,
      errorCode: group.errorCode,
      topics: group.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({ ...p, errorCode: partitionError ?? p.errorCode })),
      })),
    };
  });
}

export function offsetDeleteHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.OffsetDelete> {
  return kafkaHandler(ApiKey.OffsetDelete, OFFSET_DELETE_VERSIONS, async (request, { session }) => {
    if (!session.may('DELETE', 'GROUP', request.groupId)) return { errorCode: GROUP_DENIED, throttleTimeMs: 0, topics: [] };
    const denied = request.topics.filter((t) => !session.may('READ', 'TOPIC', t.name));
    const allowed = request.topics.filter((t) => !denied.includes(t));
    const answer =
      allowed.length === 0
        ? { errorCode: NONE, topics: [] }
        : await backend.broker.offsetDelete({ groupId: request.groupId, topics: allowed.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => p.partitionIndex) })) });
    return {
      errorCode: answer.errorCode,
      throttleTimeMs: 0,
      topics: [
        ...answer.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partition, errorCode: p.errorCode })) })),
        ...denied.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: TOPIC_DENIED })) })),
      ],
    };
  });
}
