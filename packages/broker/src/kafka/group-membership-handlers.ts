/**
 * Consumer-group membership over Kafka's protocol (the classic protocol): JoinGroup, SyncGroup,
 * Heartbeat, LeaveGroup, DescribeGroups, ListGroups and DeleteGroups, each translated to the
 * broker's GroupMembershipApi. The group's coordinator decides everything; these only map fields
 * between versions — which version brought member ids first (KIP-394, JoinGroup v4), static
 * members (KIP-345), batched leaves (LeaveGroup v3), protocol names in the answers.
 *
 * Authorization as Kafka's: READ on the group to join, sync, heartbeat or leave; DESCRIBE to
 * describe it (ListGroups shows only the groups the client may describe, unless it may DESCRIBE the
 * cluster); DELETE to delete it. Refused: GROUP_AUTHORIZATION_FAILED, and the coordinator never hears of it.
 */
import { ApiKey } from '@kz/kafka-protocol';
import type { GroupMembershipApi } from '../protocol/group-membership';
import { errorCode, NONE } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler, type RequestContext } from './kafka-handler';

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

const GROUP_DENIED = errorCode('GROUP_AUTHORIZATION_FAILED');

export function joinGroupHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.JoinGroup> {
  return kafkaHandler(ApiKey.JoinGroup, JOIN_GROUP_VERSIONS, async (request, context) => {
    const { apiVersion } = context;
    if (!context.session.may('READ', 'GROUP', request.groupId)) {
      return { throttleTimeMs: 0, errorCode: GROUP_DENIED, generationId: -1, protocolType: null, protocolName: apiVersion >= 7 ? null : '', leader: '', skipAssignment: false, memberId: request.memberId, members: [] };
    }
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
  return kafkaHandler(ApiKey.SyncGroup, SYNC_GROUP_VERSIONS, async (request, { session }) => {
    if (!session.may('READ', 'GROUP', request.groupId)) return { throttleTimeMs: 0, errorCode: GROUP_DENIED, protocolType: null, protocolName: null, assignment: new Uint8Array(0) };
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
  return kafkaHandler(ApiKey.Heartbeat, HEARTBEAT_VERSIONS, async (request, { session }) => {
    if (!session.may('READ', 'GROUP', request.groupId)) return { throttleTimeMs: 0, errorCode: GROUP_DENIED };
    const answer = await groups.heartbeat({ groupId: request.groupId, generationId: request.generationId, memberId: request.memberId, groupInstanceId: request.groupInstanceId });
    return { throttleTimeMs: 0, errorCode: answer.errorCode };
  });
}

export function leaveGroupHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.LeaveGroup> {
  return kafkaHandler(ApiKey.LeaveGroup, LEAVE_GROUP_VERSIONS, async (request, { apiVersion, session }) => {
    if (!session.may('READ', 'GROUP', request.groupId)) return { throttleTimeMs: 0, errorCode: GROUP_DENIED, members: [] };
    // v0–2 name one member by id; v3+ a batch.
    const members = apiVersion >= 3 ? request.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId })) : [{ memberId: request.memberId, groupInstanceId: null }];
    const answer = await groups.leaveGroup({ groupId: request.groupId, members });
    // A single member's error is the whole answer's where there is no per-member list.
    const errorCode = apiVersion >= 3 || answer.errorCode !== NONE ? answer.errorCode : (answer.members[0]?.errorCode ?? NONE);
    return { throttleTimeMs: 0, errorCode, members: answer.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, errorCode: m.errorCode })) };
  });
}

export function describeGroupsHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.DescribeGroups> {
  return kafkaHandler(ApiKey.DescribeGroups, DESCRIBE_GROUPS_VERSIONS, async (request, { session }) => {
    const allowed = request.groups.filter((g) => session.may('DESCRIBE', 'GROUP', g));
    const described = allowed.length === 0 ? [] : await groups.describeGroups({ groupIds: allowed });
    const byId = new Map(described.map((g) => [g.groupId, g]));
    const denied = (groupId: string) => ({ errorCode: GROUP_DENIED, groupId, groupState: '', protocolType: '', protocolData: '', members: [], authorizedOperations: -2147483648 });
    return {
      throttleTimeMs: 0,
      groups: request.groups.map((id) => {
        const g = byId.get(id);
        if (g === undefined) return denied(id);
        return {
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
        // KIP-430: the authorized operations are not reported.
        authorizedOperations: -2147483648,
        };
      }),
    };
  });
}

export function listGroupsHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.ListGroups> {
  return kafkaHandler(ApiKey.ListGroups, LIST_GROUPS_VERSIONS, async (request, { session }) => {
    const answer = await groups.listGroups({ states: request.statesFilter, types: request.typesFilter });
    const everyGroup = session.may('DESCRIBE', 'CLUSTER', 'kafka-cluster');
    return {
      throttleTimeMs: 0,
      errorCode: answer.errorCode,
      groups: answer.groups.filter((g) => everyGroup || session.may('DESCRIBE', 'GROUP', g.groupId)).map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, groupState: g.state, groupType: 'classic' })),
    };
  });
}

export function deleteGroupsHandler(groups: GroupMembershipApi): KafkaApiHandler<typeof ApiKey.DeleteGroups> {
  return kafkaHandler(ApiKey.DeleteGroups, DELETE_GROUPS_VERSIONS, async (request, { session }) => {
    const allowed = request.groupsNames.filter((g) => session.may('DELETE', 'GROUP', g));
    const answer = allowed.length === 0 ? { results: [] } : await groups.deleteGroups({ groupIds: allowed });
    const denied = request.groupsNames.filter((g) => !allowed.includes(g)).map((groupId) => ({ groupId, errorCode: GROUP_DENIED }));
    return { throttleTimeMs: 0, results: [...answer.results.map((r) => ({ groupId: r.groupId, errorCode: r.errorCode })), ...denied] };
  });
}
