/**
 * Consumer-group membership, Kafka's classic protocol (JoinGroup v0–9, SyncGroup v0–5, Heartbeat
 * v0–4, LeaveGroup v0–5, DescribeGroups, ListGroups, DeleteGroups): requests and responses as
 * values, whatever carries them. Members join, one of them (the leader) computes the assignment in
 * the client — range, roundrobin, cooperative-sticky all work because the broker never looks inside
 * `metadata` or `assignment` — and the coordinator hands it out and keeps the generation.
 */

export interface JoinGroupProtocol {
  readonly name: string;
  readonly metadata: Uint8Array;
}

export interface JoinGroupRequest {
  readonly groupId: string;
  readonly sessionTimeoutMs: number;
  /** v0 has none: then the session timeout is used (as Kafka does). */
  readonly rebalanceTimeoutMs: number;
  /** Empty on a member's first join. */
  readonly memberId: string;
  /** KIP-345 static membership; null for a dynamic member. */
  readonly groupInstanceId: string | null;
  readonly protocolType: string;
  readonly protocols: readonly JoinGroupProtocol[];
  readonly clientId: string;
  readonly clientHost: string;
  /** KIP-394 (JoinGroup v4+): a first join is answered MEMBER_ID_REQUIRED with the id to join with. */
  readonly requireKnownMemberId: boolean;
}

export interface JoinGroupMember {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly metadata: Uint8Array;
}

export interface JoinGroupResponse {
  readonly errorCode: number;
  readonly generationId: number;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly leader: string;
  readonly memberId: string;
  /** Every member with its metadata for the chosen protocol, for the leader; empty for the others. */
  readonly members: readonly JoinGroupMember[];
}

export interface SyncGroupRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  /** v5+: checked against the group's when given. */
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  /** The leader's assignment, by member; empty from the others. */
  readonly assignments: readonly { readonly memberId: string; readonly assignment: Uint8Array }[];
}

export interface SyncGroupResponse {
  readonly errorCode: number;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly assignment: Uint8Array;
}

export interface HeartbeatRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
}

export interface HeartbeatResponse {
  readonly errorCode: number;
}

export interface LeaveGroupRequest {
  readonly groupId: string;
  /** v0–2 name one member by id; v3+ a batch, by id or instance id. */
  readonly members: readonly { readonly memberId: string; readonly groupInstanceId: string | null }[];
}

export interface LeaveGroupResponse {
  readonly errorCode: number;
  readonly members: readonly { readonly memberId: string; readonly groupInstanceId: string | null; readonly errorCode: number }[];
}

export type GroupStateName = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface DescribedGroupMember {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  /** The member's metadata for the chosen protocol. */
  readonly metadata: Uint8Array;
  readonly assignment: Uint8Array;
}

export interface DescribedGroup {
  readonly errorCode: number;
  readonly groupId: string;
  /** Kafka's names; "Dead" for a group this coordinator does not know. */
  readonly state: GroupStateName;
  readonly protocolType: string;
  /** The chosen protocol ("" when the group has none). */
  readonly protocol: string;
  readonly members: readonly DescribedGroupMember[];
}

export interface ListedGroup {
  readonly groupId: string;
  readonly protocolType: string;
  readonly state: GroupStateName;
}

export interface ListGroupsResponse {
  readonly errorCode: number;
  readonly groups: readonly ListedGroup[];
}

export interface DeleteGroupsResponse {
  readonly results: readonly { readonly groupId: string; readonly errorCode: number }[];
}

export interface DeleteGroupsRequest {
  readonly groupIds: readonly string[];
}

export interface DescribeGroupsRequest {
  readonly groupIds: readonly string[];
}

export interface ListGroupsRequest {
  /** KIP-518 (v4+): only groups in these states; empty: all. */
  readonly states: readonly string[];
  /** KIP-848 (v5+): only groups of these types ("classic"); empty: all. */
  readonly types: readonly string[];
}

/** What a group coordinator answers about membership; BrokerNode serves it, the Kafka listener carries it. */
export interface GroupMembershipApi {
  joinGroup(request: JoinGroupRequest): Promise<JoinGroupResponse>;
  syncGroup(request: SyncGroupRequest): Promise<SyncGroupResponse>;
  heartbeat(request: HeartbeatRequest): Promise<HeartbeatResponse>;
  leaveGroup(request: LeaveGroupRequest): Promise<LeaveGroupResponse>;
  describeGroups(request: DescribeGroupsRequest): Promise<readonly DescribedGroup[]>;
  listGroups(request: ListGroupsRequest): Promise<ListGroupsResponse>;
  deleteGroups(request: DeleteGroupsRequest): Promise<DeleteGroupsResponse>;
}
