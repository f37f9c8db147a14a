/**
 * Consumer-group offsets (FindCoordinator v4, OffsetCommit v8, OffsetFetch v8, OffsetDelete v0). A group's offsets
 * live in partition hash(groupId) of `__consumer_offsets`, whose leader is the group's coordinator.
 * A commit names the member and generation it was made in (checked against the group, so a member
 * that missed a rebalance cannot overwrite its successor's progress), or none: a standalone
 * consumer's commit, allowed only while the group has no members.
 */

export interface FindCoordinatorRequest {
  /** The group id (key type 0, GROUP). */
  readonly key: string;
}

export interface FindCoordinatorResponse {
  readonly errorCode: number;
  readonly errorMessage: string;
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

export interface OffsetCommitPartition {
  readonly partition: number;
  readonly committedOffset: number;
  /** The leader epoch of the record at committedOffset - 1 as the consumer saw it; -1 if unknown (KIP-320). */
  readonly committedLeaderEpoch: number;
  readonly metadata: string;
}

export interface OffsetCommitTopic {
  readonly name: string;
  readonly partitions: readonly OffsetCommitPartition[];
}

export interface OffsetCommitRequest {
  readonly groupId: string;
  /** The generation the member committed in; absent or -1: a standalone commit. */
  readonly generationId?: number;
  /** Absent or '': a standalone commit. */
  readonly memberId?: string;
  /** KIP-345: the committing static member's instance id. */
  readonly groupInstanceId?: string | null;
  readonly topics: readonly OffsetCommitTopic[];
}

export interface OffsetCommitPartitionResponse {
  readonly partition: number;
  readonly errorCode: number;
}

export interface OffsetCommitResponse {
  readonly topics: readonly { readonly name: string; readonly partitions: readonly OffsetCommitPartitionResponse[] }[];
}

export interface OffsetFetchRequest {
  readonly groupId: string;
  /** null: every partition the group has committed. */
  readonly topics: readonly { readonly name: string; readonly partitions: readonly number[] }[] | null;
}

export interface OffsetFetchPartitionResponse {
  readonly partition: number;
  /** -1 when the group has committed nothing for the partition. */
  readonly committedOffset: number;
  readonly committedLeaderEpoch: number;
  readonly metadata: string;
  readonly errorCode: number;
}

export interface OffsetFetchResponse {
  /** A group-level error (NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS, ...). */
  readonly errorCode: number;
  readonly topics: readonly { readonly name: string; readonly partitions: readonly OffsetFetchPartitionResponse[] }[];
}

export interface OffsetDeleteRequest {
  readonly groupId: string;
  readonly topics: readonly { readonly name: string; readonly partitions: readonly number[] }[];
}

export interface OffsetDeleteResponse {
  /** A group-level error (NOT_COORDINATOR, GROUP_ID_NOT_FOUND, ...). */
  readonly errorCode: number;
  readonly topics: readonly { readonly name: string; readonly partitions: readonly { readonly partition: number; readonly errorCode: number }[] }[];
}
