/**
 * DescribeCluster (v0-1) and DescribeLogDirs (v1-4), answered by this broker; ElectLeaders (v0-2),
 * AlterPartitionReassignments (v0) and ListPartitionReassignments (v0), forwarded to the active
 * controller.
 *
 * Each but DescribeCluster needs DESCRIBE (reads) or ALTER (elections, reassignments) on the
 * cluster, as in Kafka; otherwise CLUSTER_AUTHORIZATION_FAILED. DescribeCluster is Kafka's bootstrap
 * answer and checks nothing: DESCRIBE on the cluster only decides whether the authorized operations
 * asked for are told (AuthHelper.computeDescribeClusterResponse).
 */
import { ApiKey, type ElectLeadersResponseReplicaElectionResult } from '@kz/kafka-protocol';
import { ACL_OPERATIONS, type PartitionOutcome, type TopicPartitionRef } from '@kz/metadata';
import { clientEndpoint } from '../runtime/listener-endpoints';
import type { KafkaBackend } from './kafka-backend';
import { errorCode, itemError, namedError, NO_ERROR, NONE, type ItemError } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler';
import { clientControllerId } from './metadata-handler';
import { forwardingFailure } from './topic-admin-handlers';
import type { ClientSession } from '../security/client-session';

/** The refusal for a cluster operation the client may not do; null when it may. */
function clusterDenied(session: ClientSession, operation: 'DESCRIBE' | 'ALTER'): ItemError | null {
  return session.may(operation, 'CLUSTER', 'kafka-cluster') ? null : namedError('CLUSTER_AUTHORIZATION_FAILED', `not authorized to ${operation.toLowerCase()} the cluster`);
}

export const DESCRIBE_CLUSTER_VERSIONS = { min: 0, max: 1 } as const;
export const ELECT_LEADERS_VERSIONS = { min: 0, max: 2 } as const;
export const ALTER_PARTITION_REASSIGNMENTS_VERSIONS = { min: 0, max: 0 } as const;
export const LIST_PARTITION_REASSIGNMENTS_VERSIONS = { min: 0, max: 0 } as const;
export const DESCRIBE_LOG_DIRS_VERSIONS = { min: 1, max: 4 } as const;

/** KIP-919's endpoint types: a broker describes brokers; controllers are described by controllers. */
const BROKER_ENDPOINTS = 1;
/** Kafka's "not asked for" for authorized operations (the schema's default, Int.MinValue). */
const AUTHORIZED_OPERATIONS_OMITTED = -2147483648;
/** The operations Kafka reports on the cluster resource (AclEntry.supportedOperations(CLUSTER)). */
const CLUSTER_OPERATIONS = ['CREATE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE', 'ALTER', 'DESCRIBE'] as const;

/** KIP-430: the cluster operations the client may do, one bit per operation code; 0 without DESCRIBE. */
function clusterAuthorizedOperations(session: ClientSession): number {
  if (!session.may('DESCRIBE', 'CLUSTER', 'kafka-cluster')) return 0;
  return CLUSTER_OPERATIONS.reduce((bits, op) => (session.may(op, 'CLUSTER', 'kafka-cluster') ? bits | (1 << ACL_OPERATIONS[op]) : bits), 0);
}

export function describeClusterHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.DescribeCluster> {
  return kafkaHandler(ApiKey.DescribeCluster, DESCRIBE_CLUSTER_VERSIONS, async (request, { session }) => {
    const image = backend.image();
    const authorized = request.includeClusterAuthorizedOperations ? clusterAuthorizedOperations(session) : AUTHORIZED_OPERATIONS_OMITTED;
    const base = { throttleTimeMs: 0, endpointType: request.endpointType, clusterId: backend.clusterId, clusterAuthorizedOperations: authorized };
    if (request.endpointType !== BROKER_ENDPOINTS) {
      return { ...base, errorCode: errorCode('UNSUPPORTED_ENDPOINT_TYPE'), errorMessage: 'a broker describes brokers (endpoint type 1); ask a controller for controllers', controllerId: -1, brokers: [] };
    }
    const brokers = [...image.brokers.values()]
      .filter((b) => !b.fenced && clientEndpoint(b) !== undefined)
      .sort((a, b) => a.id - b.id)
      .map((b) => ({ brokerId: b.id, host: clientEndpoint(b)!.host, port: clientEndpoint(b)!.port, rack: b.rack }));
    return { ...base, errorCode: NONE, errorMessage: null, controllerId: clientControllerId(image, backend.nodeId), brokers };
  });
}

/** Outcomes grouped by topic, in the order topics first appear. */
function byTopic<T extends TopicPartitionRef>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    let list = out.get(item.topic);
    if (list === undefined) out.set(item.topic, (list = []));
    list.push(item);
  }
  return out;
}

export function electLeadersHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.ElectLeaders> {
  return kafkaHandler(ApiKey.ElectLeaders, ELECT_LEADERS_VERSIONS, async (request, { apiVersion, session }) => {
    // v0 elects preferred leaders only; from v1, 0 is preferred and 1 unclean.
    const type = apiVersion === 0 || request.electionType === 0 ? 'preferred' : request.electionType === 1 ? 'unclean' : null;
    const asked = request.topicPartitions === null ? null : request.topicPartitions.flatMap((t) => t.partitions.map((partitionId) => ({ topic: t.topic, partitionId })));
    const answerAll = (error: ItemError): ElectLeadersResponseReplicaElectionResult[] =>
      (request.topicPartitions ?? []).map((t) => ({ topic: t.topic, partitionResult: t.partitions.map((partitionId) => ({ partitionId, ...error })) }));
    const denied = clusterDenied(session, 'ALTER');
    if (denied !== null) return { throttleTimeMs: 0, errorCode: denied.errorCode, replicaElectionResults: answerAll(denied) };
    if (type === null) {
      return { throttleTimeMs: 0, errorCode: errorCode('INVALID_REQUEST'), replicaElectionResults: answerAll({ errorCode: errorCode('INVALID_REQUEST'), errorMessage: `election type ${request.electionType} is not 0 (preferred) or 1 (unclean)` }) };
    }
    let outcomes: readonly PartitionOutcome[];
    try {
      outcomes = (await backend.admin.electLeaders({ type, partitions: asked })).partitions;
    } catch (error) {
      const failure = forwardingFailure(error);
      return { throttleTimeMs: 0, errorCode: failure.errorCode, replicaElectionResults: answerAll(failure) };
    }
    const replicaElectionResults = [...byTopic(outcomes)].map(([topic, list]) => ({
      topic,
      partitionResult: list.map((o) => ({ partitionId: o.partitionId, ...itemError(o.error) })),
    }));
    return { throttleTimeMs: 0, errorCode: NONE, replicaElectionResults };
  });
}

export function alterPartitionReassignmentsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.AlterPartitionReassignments> {
  return kafkaHandler(ApiKey.AlterPartitionReassignments, ALTER_PARTITION_REASSIGNMENTS_VERSIONS, async (request, { session }) => {
    const reassignments = request.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partitionId: p.partitionIndex, replicas: p.replicas })));
    let outcomes = new Map<string, ItemError>();
    let failure: ItemError | null = clusterDenied(session, 'ALTER');
    if (failure === null) {
      try {
        const answer = await backend.admin.alterPartitionReassignments({ reassignments });
        outcomes = new Map(answer.partitions.map((o) => [`${o.topic}\u0000${o.partitionId}`, itemError(o.error)]));
      } catch (error) {
        failure = forwardingFailure(error);
      }
    }
    return {
      throttleTimeMs: 0,
      ...(failure ?? NO_ERROR),
      responses: request.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, ...(failure ?? outcomes.get(`${t.name}\u0000${p.partitionIndex}`) ?? NO_ERROR) })),
      })),
    };
  });
}

export function listPartitionReassignmentsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.ListPartitionReassignments> {
  return kafkaHandler(ApiKey.ListPartitionReassignments, LIST_PARTITION_REASSIGNMENTS_VERSIONS, async (request, { session }) => {
    const denied = clusterDenied(session, 'DESCRIBE');
    if (denied !== null) return { throttleTimeMs: 0, ...denied, topics: [] };
    let ongoing;
    try {
      ongoing = (await backend.admin.listPartitionReassignments()).reassignments;
    } catch (error) {
      return { throttleTimeMs: 0, ...forwardingFailure(error), topics: [] };
    }
    const wanted = request.topics === null ? null : new Set(request.topics.flatMap((t) => t.partitionIndexes.map((p) => `${t.name}\u0000${p}`)));
    const listed = ongoing.filter((r) => wanted === null || wanted.has(`${r.topic}\u0000${r.partitionId}`));
    return {
      throttleTimeMs: 0,
      errorCode: NONE,
      errorMessage: null,
      topics: [...byTopic(listed)].map(([name, list]) => ({
        name,
        partitions: list.map((r) => ({ partitionIndex: r.partitionId, replicas: [...r.replicas], addingReplicas: [...r.addingReplicas], removingReplicas: [...r.removingReplicas] })),
      })),
    };
  });
}

export function describeLogDirsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.DescribeLogDirs> {
  return kafkaHandler(ApiKey.DescribeLogDirs, DESCRIBE_LOG_DIRS_VERSIONS, async (request, { session }) => {
    // Kafka answers an unauthorized DescribeLogDirs with the error and no directories.
    if (clusterDenied(session, 'DESCRIBE') !== null) return { throttleTimeMs: 0, errorCode: errorCode('CLUSTER_AUTHORIZATION_FAILED'), results: [] };
    const dir = backend.logDir();
    const wanted = request.topics === null ? null : new Set(request.topics.flatMap((t) => t.partitions.map((p) => `${t.topic}\u0000${p}`)));
    const replicas = dir.replicas.filter((r) => wanted === null || wanted.has(`${r.topic}\u0000${r.partition}`));
    const topics = new Map<string, { partitionIndex: number; partitionSize: number; offsetLag: number; isFutureKey: boolean }[]>();
    for (const r of replicas) {
      let list = topics.get(r.topic);
      if (list === undefined) topics.set(r.topic, (list = []));
      list.push({ partitionIndex: r.partition, partitionSize: r.sizeBytes, offsetLag: r.offsetLag, isFutureKey: false });
    }
    return {
      throttleTimeMs: 0,
      errorCode: NONE,
      results: [
        {
          errorCode: NONE,
          logDir: dir.path,
          topics: [...topics].map(([name, partitions]) => ({ name, partitions: partitions.sort((a, b) => a.partitionIndex - b.partitionIndex) })),
          totalBytes: dir.totalBytes,
          usableBytes: dir.usableBytes,
        },
      ],
    };
  });
}
