/**
 * Consumer groups as an operator sees them (Kafka's Admin describeConsumerGroups, listGroups,
 * deleteConsumerGroups): a group is described and deleted by its coordinator; the list is every
 * broker's, since each knows only the groups it coordinates. Consumer-protocol members' assignments
 * are decoded into partitions; other protocol types' are left as bytes.
 */
import { KafkaErrorCode } from '@kz/kafka-protocol';
import type { Logger } from 'pino';
import type { DescribedGroup, GroupStateName, ListedGroup } from '../protocol/group-membership';
import type { ClusterView } from './cluster-view';
import { CONSUMER_PROTOCOL_TYPE, decodeAssignment, type TopicPartitions } from './consumer-protocol';
import { GroupClient, type CommittedOffset } from './group-client';
import { ERROR_NONE, isCoordinatorError, kafkaError } from './kafka-error-policy';

export interface GroupMemberDescription {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  /** The member's partitions (consumer groups); empty while the group is not Stable. */
  readonly assignment: readonly TopicPartitions[];
}

export interface GroupDescription {
  readonly groupId: string;
  /** Kafka's names; 'Dead' for a group the coordinator does not know. */
  readonly state: GroupStateName;
  readonly protocolType: string;
  /** The assignor the group chose ('' when it has none). */
  readonly protocol: string;
  readonly members: readonly GroupMemberDescription[];
}

export async function describeGroup(cluster: ClusterView, groupId: string, timeoutMs: number, retryBackoffMs: number, log: Logger): Promise<GroupDescription> {
  let found: DescribedGroup | undefined;
  await withGroupCoordinator(cluster, groupId, retryBackoffMs, log, 'DescribeGroups', timeoutMs, async (coordinator) => {
    const [group] = await coordinator.describeGroups({ groupIds: [groupId] });
    // An answer without the group: as if no coordinator had answered.
    if (group === undefined) return KafkaErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (isCoordinatorError(group.errorCode)) return group.errorCode;
    if (group.errorCode !== ERROR_NONE) throw kafkaError(group.errorCode, `describing group ${groupId}`);
    found = group;
    return undefined;
  });
  const group = found!;
  const consumer = group.protocolType === CONSUMER_PROTOCOL_TYPE;
  return {
    groupId: group.groupId,
    state: group.state,
    protocolType: group.protocolType,
    protocol: group.protocol,
    members: group.members.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      assignment: consumer ? decodeAssignment(m.assignment) : [],
    })),
  };
}

/** Every offset the group has committed. */
export async function groupOffsets(cluster: ClusterView, groupId: string, timeoutMs: number, retryBackoffMs: number, log: Logger): Promise<CommittedOffset[]> {
  const group = new GroupClient(cluster, groupId, retryBackoffMs, log);
  try {
    return await group.fetch(null, timeoutMs);
  } finally {
    group.close();
  }
}

/** Every group any broker coordinates, by group id. */
export async function listGroups(cluster: ClusterView): Promise<ListedGroup[]> {
  await cluster.refresh();
  const out = new Map<string, ListedGroup>();
  for (const nodeId of cluster.brokerIds()) {
    const connection = cluster.connectionTo(nodeId);
    if (connection === undefined) continue;
    const response = await connection.listGroups({ states: [], types: [] });
    if (response.errorCode !== ERROR_NONE) throw kafkaError(response.errorCode, `listing the groups of broker ${nodeId}`);
    for (const group of response.groups) out.set(group.groupId, group);
  }
  return [...out.values()].sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
}

/** Deletes a group with no members, and its committed offsets. NON_EMPTY_GROUP while members remain. */
export async function deleteGroup(cluster: ClusterView, groupId: string, timeoutMs: number, retryBackoffMs: number, log: Logger): Promise<void> {
  await withGroupCoordinator(cluster, groupId, retryBackoffMs, log, 'DeleteGroups', timeoutMs, async (coordinator) => {
    const response = await coordinator.deleteGroups({ groupIds: [groupId] });
    const code = response.results.find((r) => r.groupId === groupId)?.errorCode ?? KafkaErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (isCoordinatorError(code)) return code;
    if (code !== ERROR_NONE) throw kafkaError(code, `deleting group ${groupId}`);
    return undefined;
  });
}

/** One call to the group's coordinator, on a connection closed afterwards. */
async function withGroupCoordinator(
  cluster: ClusterView,
  groupId: string,
  retryBackoffMs: number,
  log: Logger,
  ...[what, timeoutMs, attempt]: Parameters<GroupClient['withCoordinator']>
): Promise<void> {
  const group = new GroupClient(cluster, groupId, retryBackoffMs, log);
  try {
    await group.withCoordinator(what, timeoutMs, attempt);
  } finally {
    group.close();
  }
}
