/**
 * KzClient's requests in Kafka's protocol: each BrokerApi request as the Kafka request body of the
 * version negotiated with the broker, and the Kafka response back as the BrokerApi response. The
 * versions the client can use are those whose fields carry everything BrokerApi needs: topic ids
 * (Metadata 10+, Fetch 13+), leader epochs (ListOffsets 4+, OffsetCommit 6+), batched coordinator
 * keys and groups (FindCoordinator 4+, OffsetFetch 8+), member ids handed out first and static
 * members (JoinGroup 4+, SyncGroup/Heartbeat 3+, batched LeaveGroup 3+, group states 4+).
 */
import { ApiKey, type ApiRequestTypes, type ApiResponseTypes, type Complete } from '@kz/kafka-protocol';
import type { MetadataRequest, MetadataResponse } from '../protocol/cluster-metadata';
import type { DeleteRecordsRequest, DeleteRecordsResponse } from '../protocol/delete-records';
import type { FetchRequest, FetchResponse } from '../protocol/fetch';
import type {
  FindCoordinatorRequest,
  FindCoordinatorResponse,
  OffsetCommitRequest,
  OffsetCommitResponse,
  OffsetDeleteRequest,
  OffsetDeleteResponse,
  OffsetFetchRequest,
  OffsetFetchResponse,
} from '../protocol/group-offsets';
import type {
  DeleteGroupsResponse,
  DescribedGroup,
  HeartbeatRequest,
  JoinGroupRequest,
  JoinGroupResponse,
  LeaveGroupRequest,
  LeaveGroupResponse,
  ListGroupsRequest,
  ListGroupsResponse,
  SyncGroupRequest,
  SyncGroupResponse,
} from '../protocol/group-membership';
import type { ListOffsetsRequest, ListOffsetsResponse } from '../protocol/list-offsets';
import type { InitProducerIdRequest, InitProducerIdResponse } from '../protocol/producer-ids';
import type { ProduceRequest, ProduceResponse } from '../protocol/produce';

/** The versions KzClient speaks, per API it uses. */
export const CLIENT_VERSIONS = {
  [ApiKey.ApiVersions]: { min: 0, max: 3 },
  [ApiKey.Produce]: { min: 3, max: 11 },
  [ApiKey.Fetch]: { min: 13, max: 17 },
  [ApiKey.ListOffsets]: { min: 4, max: 8 },
  [ApiKey.DeleteRecords]: { min: 0, max: 2 },
  [ApiKey.Metadata]: { min: 10, max: 12 },
  [ApiKey.FindCoordinator]: { min: 4, max: 4 },
  [ApiKey.OffsetCommit]: { min: 6, max: 8 },
  [ApiKey.OffsetFetch]: { min: 8, max: 8 },
  [ApiKey.OffsetDelete]: { min: 0, max: 0 },
  [ApiKey.InitProducerId]: { min: 0, max: 5 },
  [ApiKey.JoinGroup]: { min: 4, max: 9 },
  [ApiKey.SyncGroup]: { min: 3, max: 5 },
  [ApiKey.Heartbeat]: { min: 3, max: 4 },
  [ApiKey.LeaveGroup]: { min: 3, max: 5 },
  [ApiKey.DescribeGroups]: { min: 4, max: 5 },
  [ApiKey.ListGroups]: { min: 4, max: 5 },
  [ApiKey.DeleteGroups]: { min: 0, max: 2 },
  [ApiKey.SaslHandshake]: { min: 1, max: 1 },
  [ApiKey.SaslAuthenticate]: { min: 0, max: 2 },
} as const satisfies Partial<Record<ApiKey, { min: number; max: number }>>;

export type ClientApiKey = keyof typeof CLIENT_VERSIONS;

const READ_UNCOMMITTED = 0;
const NO_LEADER = { leaderId: -1, leaderEpoch: -1 };

function leaderOf(leader: { leaderId: number; leaderEpoch: number } | undefined): { leaderId: number; leaderEpoch: number } | null {
  return leader === undefined || leader.leaderId < 0 ? null : { leaderId: leader.leaderId, leaderEpoch: leader.leaderEpoch };
}

// ------------------------------------------------------------------------------------ Produce

export function produceRequest(request: ProduceRequest): ApiRequestTypes[typeof ApiKey.Produce] {
  return {
    transactionalId: null,
    acks: request.acks,
    timeoutMs: request.timeoutMs,
    topicData: request.topics.map((t) => ({ name: t.name, partitionData: t.partitions.map((p) => ({ index: p.partition, records: p.records })) })),
  };
}

export function produceResponse(response: Complete<ApiResponseTypes[typeof ApiKey.Produce]>): ProduceResponse {
  return {
    topics: response.responses.map((t) => ({
      name: t.name,
      partitions: t.partitionResponses.map((p) => ({
        partition: p.index,
        errorCode: p.errorCode,
        errorMessage: p.errorMessage ?? '',
        baseOffset: p.baseOffset,
        logStartOffset: p.logStartOffset,
        currentLeader: leaderOf(p.currentLeader ?? NO_LEADER),
      })),
    })),
  };
}

// ------------------------------------------------------------------------------------ Fetch

export function fetchRequest(request: FetchRequest): ApiRequestTypes[typeof ApiKey.Fetch] {
  return {
    replicaId: -1,
    maxWaitMs: request.maxWaitMs,
    minBytes: request.minBytes,
    maxBytes: request.maxBytes,
    isolationLevel: READ_UNCOMMITTED,
    sessionId: 0,
    sessionEpoch: -1,
    topics: request.topics.map((t) => ({
      topicId: t.topicId,
      partitions: t.partitions.map((p) => ({
        partition: p.partition,
        currentLeaderEpoch: p.currentLeaderEpoch,
        fetchOffset: p.fetchOffset,
        lastFetchedEpoch: p.lastFetchedEpoch,
        logStartOffset: p.logStartOffset,
        partitionMaxBytes: p.partitionMaxBytes,
      })),
    })),
    forgottenTopicsData: [],
    rackId: '',
  };
}

const EMPTY = new Uint8Array(0);

export function fetchResponse(response: Complete<ApiResponseTypes[typeof ApiKey.Fetch]>): FetchResponse {
  return {
    errorCode: response.errorCode,
    topics: response.responses.map((t) => ({
      topicId: t.topicId,
      partitions: t.partitions.map((p) => ({
        partition: p.partitionIndex,
        errorCode: p.errorCode,
        errorMessage: '',
        highWatermark: p.highWatermark,
        logStartOffset: p.logStartOffset,
        // A consumer's answer does not carry the log end; the high watermark is as far as it may read.
        logEndOffset: p.highWatermark,
        divergingEpoch: p.divergingEpoch.epoch < 0 ? null : { epoch: p.divergingEpoch.epoch, endOffset: p.divergingEpoch.endOffset },
        currentLeader: leaderOf(p.currentLeader),
        records: p.records ?? EMPTY,
      })),
    })),
  };
}

// ------------------------------------------------------------------------------------ ListOffsets

export function listOffsetsRequest(request: ListOffsetsRequest): ApiRequestTypes[typeof ApiKey.ListOffsets] {
  return {
    replicaId: -1,
    isolationLevel: READ_UNCOMMITTED,
    topics: request.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partitionIndex: p.partition, currentLeaderEpoch: p.currentLeaderEpoch, timestamp: p.timestamp })),
    })),
  };
}

export function listOffsetsResponse(response: Complete<ApiResponseTypes[typeof ApiKey.ListOffsets]>): ListOffsetsResponse {
  return {
    topics: response.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partition: p.partitionIndex,
        errorCode: p.errorCode,
        errorMessage: '',
        timestamp: p.timestamp,
        offset: p.offset,
        leaderEpoch: p.leaderEpoch,
      })),
    })),
  };
}

// ------------------------------------------------------------------------------------ DeleteRecords

export function deleteRecordsRequest(request: DeleteRecordsRequest): ApiRequestTypes[typeof ApiKey.DeleteRecords] {
  return {
    timeoutMs: request.timeoutMs,
    topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partition, offset: p.offset })) })),
  };
}

export function deleteRecordsResponse(response: Complete<ApiResponseTypes[typeof ApiKey.DeleteRecords]>): DeleteRecordsResponse {
  return {
    topics: response.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partition: p.partitionIndex, errorCode: p.errorCode, errorMessage: '', lowWatermark: p.lowWatermark })),
    })),
  };
}

// ------------------------------------------------------------------------------------ Metadata

export function metadataRequest(request: MetadataRequest): ApiRequestTypes[typeof ApiKey.Metadata] {
  return {
    topics: request.topics === null ? null : request.topics.map((name) => ({ name })),
    allowAutoTopicCreation: false,
    includeTopicAuthorizedOperations: false,
  };
}

export function metadataResponse(response: Complete<ApiResponseTypes[typeof ApiKey.Metadata]>): MetadataResponse {
  return {
    clusterId: response.clusterId ?? '',
    controllerId: response.controllerId,
    brokers: response.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack })),
    topics: response.topics.map((t) => ({
      errorCode: t.errorCode,
      name: t.name ?? '',
      topicId: t.topicId,
      isInternal: t.isInternal,
      partitions: t.partitions.map((p) => ({
        errorCode: p.errorCode,
        partition: p.partitionIndex,
        leaderId: p.leaderId,
        leaderEpoch: p.leaderEpoch,
        replicas: p.replicaNodes,
        isr: p.isrNodes,
        offlineReplicas: p.offlineReplicas,
      })),
    })),
  };
}

// ------------------------------------------------------------------------------------ group offsets

const GROUP_KEY_TYPE = 0;

export function findCoordinatorRequest(request: FindCoordinatorRequest): ApiRequestTypes[typeof ApiKey.FindCoordinator] {
  return { keyType: GROUP_KEY_TYPE, coordinatorKeys: [request.key] };
}

export function findCoordinatorResponse(response: Complete<ApiResponseTypes[typeof ApiKey.FindCoordinator]>): FindCoordinatorResponse {
  const c = response.coordinators[0];
  if (c === undefined) return { errorCode: 15, errorMessage: 'FindCoordinator answered no coordinator', nodeId: -1, host: '', port: -1 };
  return { errorCode: c.errorCode, errorMessage: c.errorMessage ?? '', nodeId: c.nodeId, host: c.host, port: c.port };
}

export function offsetCommitRequest(request: OffsetCommitRequest): ApiRequestTypes[typeof ApiKey.OffsetCommit] {
  return {
    groupId: request.groupId,
    // A consumer that assigns its own partitions commits with no generation and no member.
    generationIdOrMemberEpoch: request.generationId ?? -1,
    memberId: request.memberId ?? '',
    groupInstanceId: request.groupInstanceId ?? null,
    topics: request.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partitionIndex: p.partition,
        committedOffset: p.committedOffset,
        committedLeaderEpoch: p.committedLeaderEpoch,
        committedMetadata: p.metadata,
      })),
    })),
  };
}

export function offsetCommitResponse(response: Complete<ApiResponseTypes[typeof ApiKey.OffsetCommit]>): OffsetCommitResponse {
  return { topics: response.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partition: p.partitionIndex, errorCode: p.errorCode })) })) };
}

export function offsetFetchRequest(request: OffsetFetchRequest): ApiRequestTypes[typeof ApiKey.OffsetFetch] {
  return {
    groups: [{ groupId: request.groupId, topics: request.topics === null ? null : request.topics.map((t) => ({ name: t.name, partitionIndexes: [...t.partitions] })) }],
    requireStable: false,
  };
}

export function offsetFetchResponse(response: Complete<ApiResponseTypes[typeof ApiKey.OffsetFetch]>): OffsetFetchResponse {
  const group = response.groups[0];
  if (group === undefined) return { errorCode: 15, topics: [] };
  return {
    errorCode: group.errorCode,
    topics: group.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partition: p.partitionIndex,
        committedOffset: p.committedOffset,
        committedLeaderEpoch: p.committedLeaderEpoch,
        metadata: p.metadata ?? '',
        errorCode: p.errorCode,
      })),
    })),
  };
}

export function offsetDeleteRequest(request: OffsetDeleteRequest): ApiRequestTypes[typeof ApiKey.OffsetDelete] {
  return { groupId: request.groupId, topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((partitionIndex) => ({ partitionIndex })) })) };
}

export function offsetDeleteResponse(response: Complete<ApiResponseTypes[typeof ApiKey.OffsetDelete]>): OffsetDeleteResponse {
  return {
    errorCode: response.errorCode,
    topics: response.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partition: p.partitionIndex, errorCode: p.errorCode })) })),
  };
}

// ------------------------------------------------------------------------------------ producer ids

export function initProducerIdRequest(request: InitProducerIdRequest): ApiRequestTypes[typeof ApiKey.InitProducerId] {
  return { transactionalId: request.transactionalId, transactionTimeoutMs: request.transactionTimeoutMs, producerId: request.producerId, producerEpoch: request.producerEpoch };
}

export function initProducerIdResponse(response: Complete<ApiResponseTypes[typeof ApiKey.InitProducerId]>): InitProducerIdResponse {
  return { errorCode: response.errorCode, producerId: response.producerId, producerEpoch: response.producerEpoch };
}

// ------------------------------------------------------------------------------------ group membership

/** What a member sends to join: the coordinator fills in who it is (client id, host) itself. */
export type ClientJoinGroupRequest = Omit<JoinGroupRequest, 'clientId' | 'clientHost' | 'requireKnownMemberId'>;

export function joinGroupRequest(request: ClientJoinGroupRequest): ApiRequestTypes[typeof ApiKey.JoinGroup] {
  return {
    groupId: request.groupId,
    sessionTimeoutMs: request.sessionTimeoutMs,
    rebalanceTimeoutMs: request.rebalanceTimeoutMs,
    memberId: request.memberId,
    groupInstanceId: request.groupInstanceId,
    protocolType: request.protocolType,
    protocols: request.protocols.map((p) => ({ name: p.name, metadata: p.metadata })),
    reason: null,
  };
}

export function joinGroupResponse(response: Complete<ApiResponseTypes[typeof ApiKey.JoinGroup]>): JoinGroupResponse {
  return {
    errorCode: response.errorCode,
    generationId: response.generationId,
    protocolType: response.protocolType,
    protocolName: response.protocolName,
    leader: response.leader,
    memberId: response.memberId,
    members: response.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadata })),
  };
}

export function syncGroupRequest(request: SyncGroupRequest): ApiRequestTypes[typeof ApiKey.SyncGroup] {
  return {
    groupId: request.groupId,
    generationId: request.generationId,
    memberId: request.memberId,
    groupInstanceId: request.groupInstanceId,
    protocolType: request.protocolType,
    protocolName: request.protocolName,
    assignments: request.assignments.map((a) => ({ memberId: a.memberId, assignment: a.assignment })),
  };
}

export function syncGroupResponse(response: Complete<ApiResponseTypes[typeof ApiKey.SyncGroup]>): SyncGroupResponse {
  return { errorCode: response.errorCode, protocolType: response.protocolType, protocolName: response.protocolName, assignment: response.assignment };
}

export function heartbeatRequest(request: HeartbeatRequest): ApiRequestTypes[typeof ApiKey.Heartbeat] {
  return { groupId: request.groupId, generationId: request.generationId, memberId: request.memberId, groupInstanceId: request.groupInstanceId };
}

export function leaveGroupRequest(request: LeaveGroupRequest): ApiRequestTypes[typeof ApiKey.LeaveGroup] {
  return { groupId: request.groupId, memberId: '', members: request.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, reason: null })) };
}

export function leaveGroupResponse(response: Complete<ApiResponseTypes[typeof ApiKey.LeaveGroup]>): LeaveGroupResponse {
  return { errorCode: response.errorCode, members: response.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, errorCode: m.errorCode })) };
}

export function describeGroupsResponse(response: Complete<ApiResponseTypes[typeof ApiKey.DescribeGroups]>): DescribedGroup[] {
  return response.groups.map((g) => ({
    errorCode: g.errorCode,
    groupId: g.groupId,
    state: g.groupState as DescribedGroup['state'],
    protocolType: g.protocolType,
    protocol: g.protocolData,
    members: g.members.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      metadata: m.memberMetadata,
      assignment: m.memberAssignment,
    })),
  }));
}

export function listGroupsRequest(request: ListGroupsRequest): ApiRequestTypes[typeof ApiKey.ListGroups] {
  return { statesFilter: [...request.states], typesFilter: [...request.types] };
}

export function listGroupsResponse(response: Complete<ApiResponseTypes[typeof ApiKey.ListGroups]>): ListGroupsResponse {
  return { errorCode: response.errorCode, groups: response.groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, state: g.groupState as ListGroupsResponse['groups'][number]['state'] })) };
}

export function deleteGroupsResponse(response: Complete<ApiResponseTypes[typeof ApiKey.DeleteGroups]>): DeleteGroupsResponse {
  return { results: response.results.map((r) => ({ groupId: r.groupId, errorCode: r.errorCode })) };
}
