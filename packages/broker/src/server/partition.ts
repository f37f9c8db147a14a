/**
 * One partition replica hosted by this broker (Kafka's Partition): its log and its role, which the
 * metadata image decides. A leader keeps a LeaderReplicaState for its leader epoch; a follower keeps
 * who it fetches from and at which epoch. The high watermark a follower knows comes from its
 * leader's fetch answers; a leader derives its own. Both start from the HW this broker checkpointed
 * before it restarted, so a restarted leader serves what was committed at once.
 */
import type { BrokerId, PartitionRegistration } from '@kz/metadata';
import type { ReplicaLog } from '../log/replica-log';
import type { FollowedPartitionStatus } from '../replication/fetch-request-builder';
import type { LeaderFetchView } from '../replication/fetch-validation';
import { LeaderReplicaState } from '../replication/partition-replicas';

export interface FollowerRole {
  readonly kind: 'follower';
  /** NO_LEADER (-1) while the partition has none: nothing to fetch from. */
  readonly leaderId: BrokerId;
  readonly leaderEpoch: number;
  readonly status: FollowedPartitionStatus;
  /** After an error the partition is fetched again only from this time on. */
  readonly delayedUntilMs: number;
}

/** The follower role as the Partition changes it (delayFetchesUntil, awaitMetadata); outsiders see FollowerRole. */
type MutableFollowerRole = { -readonly [K in 'status' | 'delayedUntilMs']: FollowerRole[K] } & Omit<FollowerRole, 'status' | 'delayedUntilMs'>;

export interface LeaderRole {
  readonly kind: 'leader';
  readonly state: LeaderReplicaState;
}

export type PartitionRole = LeaderRole | FollowerRole;

/**
 * Its role, registration and min ISR change only through its own methods (becomeLeader,
 * becomeFollower, updateRegistration, ...), so what a caller reads is what the partition decided.
 */
export class Partition {
  private roleValue: LeaderRole | MutableFollowerRole;
  private registrationValue: PartitionRegistration;
  private minInsyncReplicasValue: number;
  private followerHighWatermark = 0;
  private fetchViewValue: LeaderFetchView | null = null;
  private keyValue: string | undefined;

  constructor(
    readonly topicId: string,
    readonly topicName: string,
    readonly partitionId: number,
    readonly log: ReplicaLog,
    registration: PartitionRegistration,
    minInsyncReplicas: number,
    /** Where the HW starts: the checkpointed one (recoveredHighWatermark), 0 for a replica new here. */
    highWatermark = 0,
  ) {
    this.registrationValue = registration;
    this.minInsyncReplicasValue = minInsyncReplicas;
    this.followerHighWatermark = highWatermark;
    this.roleValue = { kind: 'follower', leaderId: -1, leaderEpoch: -1, status: 'awaitingMetadata', delayedUntilMs: 0 };
  }

  get role(): PartitionRole {
    return this.roleValue;
  }

  /** The registration of the image last applied to this replica. */
  get registration(): PartitionRegistration {
    return this.registrationValue;
  }

  /** The topic's min.insync.replicas (its effective value is capped at the replication factor where it is used). */
  get minInsyncReplicas(): number {
    return this.minInsyncReplicasValue;
  }

  /** A newer registration that leaves this replica's role as it is (same leadership, another ISR or replica set). */
  updateRegistration(registration: PartitionRegistration): void {
    this.registrationValue = registration;
  }

  /** The topic's min.insync.replicas; a leader's HW rule follows a change at once (LeaderReplicaState.setMinInsyncReplicas). */
  setMinInsyncReplicas(minInsyncReplicas: number): void {
    this.minInsyncReplicasValue = minInsyncReplicas;
    if (this.roleValue.kind === 'leader' && this.roleValue.state.minInsyncReplicas !== minInsyncReplicas) this.roleValue.state.setMinInsyncReplicas(minInsyncReplicas);
  }

  /** As a follower: fetch this partition again only from `untilMs` on (0: at once). Nothing for a leader. */
  delayFetchesUntil(untilMs: number): void {
    if (this.roleValue.kind === 'follower') this.roleValue.delayedUntilMs = untilMs;
  }

  /** As a follower: stop fetching until metadata names a leadership again (our epoch was fenced). */
  awaitMetadata(): void {
    if (this.roleValue.kind === 'follower') this.roleValue.status = 'awaitingMetadata';
  }

  /** partitionKey(topicId, partitionId), made once: it keys every map of the request paths. */
  get key(): string {
    return (this.keyValue ??= partitionKey(this.topicId, this.partitionId));
  }

  get leaderEpoch(): number {
    return this.role.kind === 'leader' ? this.role.state.leaderEpoch : this.role.leaderEpoch;
  }

  get highWatermark(): number {
    return this.role.kind === 'leader' ? this.role.state.highWatermark() : this.followerHighWatermark;
  }

  get isLeader(): boolean {
    return this.role.kind === 'leader';
  }

  /** This replica as a fetch is validated against it (KIP-320/279); made once, read live. */
  get fetchView(): LeaderFetchView {
    if (this.fetchViewValue === null) {
      const partition = this;
      const log = this.log;
      this.fetchViewValue = {
        get leaderEpoch() {
          return partition.leaderEpoch;
        },
        get logStartOffset() {
          return log.logStartOffset;
        },
        get logEndOffset() {
          return log.logEndOffset;
        },
        endOffsetForEpoch: (epoch) => log.endOffsetForEpoch(epoch),
      };
    }
    return this.fetchViewValue;
  }

  /** The leader state, when this broker leads the partition. */
  get leader(): LeaderReplicaState | null {
    return this.role.kind === 'leader' ? this.role.state : null;
  }

  /**
   * Become leader at the registration's leader epoch. Everything in the log is made durable first:
   * the leader's log end is where this epoch starts — registered in the epoch cache at once, so that
   * followers holding a later epoch than this log's last learn where they diverge (KIP-279) — and the
   * ISR will be measured against it.
   */
  becomeLeader(brokerId: BrokerId, registration: PartitionRegistration, now: number): void {
    this.log.flush();
    this.log.assignEpochStartOffset(registration.leaderEpoch, this.log.logEndOffset);
    this.registrationValue = registration;
    this.roleValue = {
      kind: 'leader',
      state: new LeaderReplicaState({
        topicId: this.topicId,
        partitionId: this.partitionId,
        leaderId: brokerId,
        leaderEpoch: registration.leaderEpoch,
        partitionEpoch: registration.partitionEpoch,
        replicas: registration.replicas,
        isr: registration.isr,
        logEndOffset: this.log.logEndOffset,
        highWatermark: this.followerHighWatermark,
        minInsyncReplicas: this.minInsyncReplicasValue,
        now,
      }),
    };
  }

  becomeFollower(registration: PartitionRegistration): void {
    // A leader stepping down keeps the high watermark it had: it is a safe lower bound.
    if (this.roleValue.kind === 'leader') this.followerHighWatermark = this.roleValue.state.highWatermark();
    this.registrationValue = registration;
    const hasLeader = registration.leader >= 0;
    this.roleValue = {
      kind: 'follower',
      leaderId: registration.leader,
      leaderEpoch: registration.leaderEpoch,
      status: hasLeader ? 'fetching' : 'awaitingMetadata',
      delayedUntilMs: 0,
    };
  }

  /** The leader's high watermark from a fetch answer, capped at what this replica holds. */
  updateFollowerHighWatermark(leaderHighWatermark: number): void {
    this.followerHighWatermark = Math.max(this.followerHighWatermark, Math.min(leaderHighWatermark, this.log.logEndOffset));
  }

  /** After a truncation the known high watermark cannot exceed the log end. */
  capHighWatermark(): void {
    this.followerHighWatermark = Math.min(this.followerHighWatermark, this.log.logEndOffset);
  }
}

export function partitionKey(topicId: string, partitionId: number): string {
  return `${topicId}:${partitionId}`;
}
