/**
 * Consumer-group membership over Kafka's protocol (the classic protocol): JoinGroup, SyncGroup,
 * Heartbeat, LeaveGroup, DescribeGroups, ListGroups and DeleteGroups, each translated to the
 * broker's GroupMembershipApi. The group's coordinator decides everything; these only map fields
 * between versions — which version brought member ids first (KIP-394, JoinGroup v4), static
 * members (KIP-345), batched leaves (LeaveGroup v3), protocol names in the answers.
 */
import { ApiKey } from '@kz/kafka-protocol';
import type { GroupMembershipApi } from '../protocol/group-membership.js';
import { NONE } from './kafka-error.js';
import { kafkaHandler, type KafkaApiHandler, type RequestContext } from './kafka-handler.js';

export const JOIN_GROUP_VERSIONS = { min: 0, max: 9 } as const;
export const SYNC_GROUP_VERSIONS = { min: 0, max: 5 } as const;
export const HEARTBEAT_VERSIONS = { min: 0, max: 4 } as const;
export const LEAVE_GROUP_VERSIONS = { min: 0, max: 5 } as const;
export const DESCRIBE_GROUPS_VERSIONS = { min: 0, max: 5 } as const;
export const LIST_GROUPS_VERSIONS = { min: 0, max: 5 } as const;
export const DELETE_GROUPS_VERSIONS = { min: 0, max: 2 } as const;

/** Kafka's member client host: the client's address with a leading slash (InetAddress.toString). */
function clientHost(context: RequestContext): string {
  const host = context.peer.slice(0, context.peer.lastIndexOf(':')).replace(/^\[|\]$/g, '');
  return `/${host}`;
}

export function joinGroupHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.JoinGroup> {
  return kafkaHandler(ApiKey.JoinGroup, JOIN_GROUP_VERSIONS, async (request, context) => {
    const { apiVersion } = context;
    const answer = await groups.joinGroup({
      groupId: request.groupId,
      sessionTimeoutMs: request.sessionTimeoutMs,
      // v0 has no rebalance timeout: the session timeout stands in, as in Kafka.
      rebalanceTimeoutMs: apiVersion === 0 || request.rebalanceTimeoutMs < 0 ? request.sessionTimeoutMs : request.rebalanceTimeoutMs,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId,
      protocolType: request.protocolType,
      protocols: request.protocols.map((p) => ({ name: p.name, metadata: p.metadata })),
      clientId: context.header.clientId ?? '',
      clientHost: clientHost(context),
      requireKnownMemberId: apiVersion >= 4,
    });
    return {
      throttleTimeMs: 0,
      errorCode: answer.errorCode,
      generationId: answer.generationId,
      protocolType: answer.protocolType,
      // Before v7 the protocol name cannot be null.
      protocolName: answer.protocolName ?? (apiVersion >= 7 ? null : ''),
      leader: answer.leader,
      skipAssignment: false,
      memberId: answer.memberId,
      members: answer.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadata })),
    };
  });
}

export function syncGroupHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.SyncGroup> {
  return kafkaHandler(ApiKey.SyncGroup, SYNC_GROUP_VERSIONS, async (request) => {
    const answer = await groups.syncGroup({
      groupId: request.groupId,
      generationId: request.generationId,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId,
      protocolType: request.protocolType,
      protocolName: request.protocolName,
      assignments: request.assignments.map((a) => ({ memberId: a.memberId, assignment: a.assignment })),
    });
    return { throttleTimeMs: 0, errorCode: answer.errorCode, protocolType: answer.protocolType, protocolName: answer.protocolName, assignment: answer.assignment };
  });
}

export function heartbeatHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.Heartbeat> {
  return kafkaHandler(ApiKey.Heartbeat, HEARTBEAT_VERSIONS, async (request) => {
    const answer = await groups.heartbeat({ groupId: request.groupId, generationId: request.generationId, memberId: request.memberId, groupInstanceId: request.groupInstanceId });
    return { throttleTimeMs: 0, errorCode: answer.errorCode };
  });
}

export function leaveGroupHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.LeaveGroup> {
  return kafkaHandler(ApiKey.LeaveGroup, LEAVE_GROUP_VERSIONS, async (request, { apiVersion }) => {
    // v0–2 name one member by id; v3+ a batch.
    const members = apiVersion >= 3 ? request.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId })) : [{ memberId: request.memberId, groupInstanceId: null }];
    const answer = await groups.leaveGroup({ groupId: request.groupId, members });
    // A single member's error is the whole answer's where there is no per-member list.
    const errorCode = apiVersion >= 3 || answer.errorCode !== NONE ? answer.errorCode : (answer.members[0]?.errorCode ?? NONE);
    return { throttleTimeMs: 0, errorCode, members: answer.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, errorCode: m.errorCode })) };
  });
}

export function describeGroupsHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.DescribeGroups> {
  return kafkaHandler(ApiKey.DescribeGroups, DESCRIBE_GROUPS_VERSIONS, async (request) => {
    const described = await groups.describeGroups({ groupIds: request.groups });
    return {
      throttleTimeMs: 0,
      groups: described.map((g) => ({
        errorCode: g.errorCode,
        groupId: g.groupId,
        groupState: g.state,
        protocolType: g.protocolType,
        protocolData: g.protocol,
        members: g.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          clientId: m.clientId,
          clientHost: m.clientHost,
          memberMetadata: m.metadata,
          memberAssignment: m.assignment,
        })),
        // KIP-430: no authorizer yet, so the operations are not reported.
        authorizedOperations: -2147483648,
      })),
    };
  });
}

export function listGroupsHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.ListGroups> {
  return kafkaHandler(ApiKey.ListGroups, LIST_GROUPS_VERSIONS, async (request) => {
    const answer = await groups.listGroups({ states: request.statesFilter, types: request.typesFilter });
    return {
      throttleTimeMs: 0,
      errorCode: answer.errorCode,
      groups: answer.groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, groupState: g.state, groupType: 'classic' })),
    };
  });
}

export function deleteGroupsHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.DeleteGroups> {
  return kafkaHandler(ApiKey.DeleteGroups, DELETE_GROUPS_VERSIONS, async (request) => {
    const answer = await groups.deleteGroups({ groupIds: request.groupsNames });
    return { throttleTimeMs: 0, results: answer.results.map((r) => ({ groupId: r.groupId, errorCode: r.errorCode })) };
  });
}
