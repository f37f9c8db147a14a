/**
 * The leader's view of one partition's replicas (Kafka's Partition.scala, leader side): the ISR and
 * partition epoch from metadata, the leader's log end, each follower's fetch state, and the high
 * watermark derived from them. Created when this broker becomes leader at a leader epoch and thrown
 * away when it stops; a new leader epoch means a new LeaderReplicaState.
 *
 * Pure state: no I/O, no timers. The time comes in as `now`; sending AlterPartition and waking
 * parked acks=all produces is the caller's job.
 */
import type { AlterPartitionRequest, BrokerId, PartitionState } from '@kz/metadata';
import {
  initialFollowerState,
  updateFollowerFetchState,
  type FollowerFetchState,
} from './follower-fetch-state';
import { nextHighWatermark } from './high-watermark';
import { isIsrChangeInFlight, maximalIsr, type IsrChangeProposal, type IsrState } from './isr-state';
import {
  FetchOffsetOutOfRangeError,
  NotEnoughReplicasAfterAppendError,
  NotEnoughReplicasError,
  NotLeaderOrFollowerError,
} from './replication-errors';

/** One partition's entry of an AlterPartition request. */
export type AlterPartitionItem = AlterPartitionRequest['partitions'][number];

export interface BecomeLeaderParams {
  readonly topicId: string;
  readonly partitionId: number;
  /** This broker. */
  readonly leaderId: BrokerId;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  /** All assigned replicas, the leader included. */
  readonly replicas: readonly BrokerId[];
  /** The ISR as metadata has it. */
  readonly isr: readonly BrokerId[];
  /** The leader's log end when it became leader: the start offset of its leader epoch. */
  readonly logEndOffset: number;
  /** The high watermark the log had (a promoted follower's HW); 0 for a fresh log. */
  readonly highWatermark?: number;
  /** The topic's min.insync.replicas. */
  readonly minInsyncReplicas: number;
  readonly now: number;
}

/** Whether a parked acks=all produce can be answered (Partition.checkEnoughReplicasReachOffset). */
export type AcksAllStatus =
  | { readonly satisfied: false }
  | { readonly satisfied: true; readonly error: NotEnoughReplicasAfterAppendError | null };

export class LeaderReplicaState {
  readonly topicId: string;
  readonly partitionId: number;
  readonly leaderId: BrokerId;
  readonly leaderEpoch: number;
  /** All assigned replicas, the leader included; a reassignment changes them within one leader epoch. */
  private replicaIds: readonly BrokerId[];
  /**
   * The first offset of this leader epoch. A follower must have reached it to join the ISR: below
   * it the follower may still hold records of an older epoch that this leader does not have, and
   * would have to truncate them (KIP-101), so it is not yet a copy of this leader's log.
   */
  readonly leaderEpochStartOffset: number;
  private minIsr: number;

  private isrStateValue: IsrState;
  private leaderLogEnd: number;
  private hw: number;
  private readonly followerStates = new Map<BrokerId, FollowerFetchState>();

  constructor(p: BecomeLeaderParams) {
    this.topicId = p.topicId;
    this.partitionId = p.partitionId;
    this.leaderId = p.leaderId;
    this.leaderEpoch = p.leaderEpoch;
    this.replicaIds = [...p.replicas];
    this.leaderEpochStartOffset = p.logEndOffset;
    this.minIsr = p.minInsyncReplicas;
    this.isrStateValue = { kind: 'committed', isr: [...p.isr], partitionEpoch: p.partitionEpoch };
    this.leaderLogEnd = p.logEndOffset;
    this.hw = Math.min(p.highWatermark ?? 0, p.logEndOffset);
    for (const id of p.replicas) {
      if (id !== p.leaderId) this.followerStates.set(id, initialFollowerState(id, p.isr.includes(id), p.now));
    }
    // Kafka's makeLeader does the same (maybeIncrementLeaderHW): a leader alone in its ISR has its
    // whole (flushed) log committed at once. Without it a restarted single-replica partition would
    // serve nothing until the next append moved the high watermark.
    this.maybeIncrementHighWatermark();
  }

  get replicas(): readonly BrokerId[] {
    return this.replicaIds;
  }

  /** The ISR the controller last committed. */
  get isr(): readonly BrokerId[] {
    return this.isrStateValue.isr;
  }
  get partitionEpoch(): number {
    return this.isrStateValue.partitionEpoch;
  }
  get isrState(): IsrState {
    return this.isrStateValue;
  }
  /** The ISR the high watermark waits for: see maximalIsr. */
  get maximalIsr(): readonly BrokerId[] {
    return maximalIsr(this.isrStateValue);
  }
  get isIsrChangeInFlight(): boolean {
    return isIsrChangeInFlight(this.isrStateValue);
  }
  get logEndOffset(): number {
    return this.leaderLogEnd;
  }
  /**
   * Kafka's effectiveMinIsr: min.insync.replicas capped at the replication factor, so a topic with
   * fewer replicas than its min ISR is not unwritable forever.
   */
  get effectiveMinIsr(): number {
    return Math.min(this.minIsr, this.replicas.length);
  }

  /** The topic's min.insync.replicas. */
  get minInsyncReplicas(): number {
    return this.minIsr;
  }

  /**
   * The topic's min.insync.replicas changed (Kafka's log config update): the HW rule follows at
   * once, not at the next leader epoch. The controller's Eligible Leader Replicas rest on it: a
   * replica it keeps eligible because the ISR fell below the new min ISR must not see the HW move on
   * without it under the old one.
   */
  setMinInsyncReplicas(minInsyncReplicas: number): void {
    this.minIsr = minInsyncReplicas;
    this.maybeIncrementHighWatermark();
  }
  follower(id: BrokerId): FollowerFetchState | undefined {
    return this.followerStates.get(id);
  }
  get followers(): readonly FollowerFetchState[] {
    return [...this.followerStates.values()];
  }

  /**
   * A follower fetched at `fetchOffset` (its log end), its log starting at `followerLogStart`,
   * while the leader's log ended at `leaderLogEnd`. Updates its fetch state
   * (updateFollowerFetchState) and the high watermark.
   * Whether the follower may now join the ISR is isrToExpand's decision.
   */
  onFollowerFetch(
    now: number,
    followerId: BrokerId,
    fetchOffset: number,
    leaderLogEnd: number,
    followerLogStart?: number,
  ): NotLeaderOrFollowerError | FetchOffsetOutOfRangeError | null {
    const prev = this.followerStates.get(followerId);
    if (prev === undefined) return new NotLeaderOrFollowerError(followerId);
    if (fetchOffset > leaderLogEnd || fetchOffset < 0) return new FetchOffsetOutOfRangeError(fetchOffset, leaderLogEnd);
    this.followerStates.set(followerId, updateFollowerFetchState(prev, now, fetchOffset, leaderLogEnd, followerLogStart));
    // The HW is a function of the ISR's log ends (every other input recomputes it when it changes):
    // a follower fetching again at the same offset, as each idle partition does several times a
    // second, cannot move it.
    if (fetchOffset !== prev.logEndOffset) this.maybeIncrementHighWatermark();
    return null;
  }

  /** The leader appended; its log now ends at `logEnd`. A leader never truncates, so it only grows. */
  onLeaderAppend(logEnd: number): void {
    this.leaderLogEnd = Math.max(this.leaderLogEnd, logEnd);
    this.maybeIncrementHighWatermark();
  }

  highWatermark(): number {
    return this.hw;
  }

  /**
   * acks=all is refused up front with NOT_ENOUGH_REPLICAS while the committed ISR is below min ISR
   * (Partition.appendRecordsToLeader): the write could not become committed on enough replicas.
   */
  canAcceptAcksAll(minIsr: number = this.minInsyncReplicas): NotEnoughReplicasError | null {
    const effective = Math.min(minIsr, this.replicas.length);
    return this.isr.length < effective ? new NotEnoughReplicasError(this.isr.length, effective) : null;
  }

  /**
   * An acks=all batch ending before `requiredOffset` (its last offset + 1) is done once the HW has
   * passed it, i.e. every ISR member has it. If the ISR shrank below min ISR meanwhile, Kafka answers
   * NOT_ENOUGH_REPLICAS_AFTER_APPEND (the data stays in the log).
   */
  acksAllSatisfied(requiredOffset: number): AcksAllStatus {
    if (this.hw < requiredOffset) return { satisfied: false };
    const size = this.maximalIsr.length;
    const min = this.effectiveMinIsr;
    return { satisfied: true, error: size < min ? new NotEnoughReplicasAfterAppendError(size, min) : null };
  }

  /**
   * Records `proposal` as the in-flight ISR change and returns the AlterPartition entry to send, or
   * null when a change is already in flight or the proposal was decided on another ISR: only one
   * AlterPartition per partition at a time, since the controller compares the partition epoch and
   * would refuse the second.
   */
  beginIsrChange(proposal: IsrChangeProposal): AlterPartitionItem | null {
    const s = this.isrStateValue;
    if (s.kind !== 'committed') return null;
    const stale =
      proposal.kind === 'expand'
        ? proposal.adding.some((id) => s.isr.includes(id))
        : proposal.removing.some((id) => !s.isr.includes(id) || id === this.leaderId);
    if (stale) return null;
    this.isrStateValue =
      proposal.kind === 'expand'
        ? { kind: 'pending-expand', isr: s.isr, partitionEpoch: s.partitionEpoch, adding: proposal.adding, proposedIsr: proposal.newIsr }
        : { kind: 'pending-shrink', isr: s.isr, partitionEpoch: s.partitionEpoch, removing: proposal.removing, proposedIsr: proposal.newIsr };
    this.maybeIncrementHighWatermark();
    return this.pendingAlterPartition();
  }

  /** The in-flight AlterPartition entry, to resend on a retriable error; null when none is in flight. */
  pendingAlterPartition(): AlterPartitionItem | null {
    const s = this.isrStateValue;
    if (s.kind === 'committed') return null;
    return {
      topicId: this.topicId,
      partitionId: this.partitionId,
      leaderEpoch: this.leaderEpoch,
      partitionEpoch: s.partitionEpoch,
      newIsr: s.proposedIsr,
    };
  }

  /** The controller committed `isr` at `partitionEpoch`: the change in flight, if any, is over. */
  commitIsr(isr: readonly BrokerId[], partitionEpoch: number): void {
    this.isrStateValue = { kind: 'committed', isr: [...isr], partitionEpoch };
    this.maybeIncrementHighWatermark();
  }

  /** The controller refused the change for good (OPERATION_NOT_ATTEMPTED, INELIGIBLE_REPLICA): back to the committed ISR. */
  revertIsrChange(): void {
    const s = this.isrStateValue;
    this.isrStateValue = { kind: 'committed', isr: s.isr, partitionEpoch: s.partitionEpoch };
    // A reverted expansion no longer holds the HW back. Recompute now: the replica refused
    // (INELIGIBLE_REPLICA: its broker is fenced or shutting down) may never fetch again, and the ISR's
    // fetches at unchanged offsets do not recompute (onFollowerFetch), so without this the HW would
    // wait for the next append. Kafka's handleAlterPartitionError has the same gap.
    this.maybeIncrementHighWatermark();
  }

  /**
   * New metadata for this partition. Same leader epoch and a newer partition epoch: the ISR it
   * carries is committed (this is how a change "waiting for metadata" ends). Another leader epoch or
   * leader: this state is over; the caller makes a new one or becomes a follower.
   */
  onPartitionMetadata(ps: PartitionState, replicas: readonly BrokerId[], now: number): 'updated' | 'unchanged' | 'leadership-changed' {
    if (ps.leader !== this.leaderId || ps.leaderEpoch !== this.leaderEpoch) return 'leadership-changed';
    if (ps.partitionEpoch <= this.partitionEpoch) return 'unchanged';
    this.updateAssignment(replicas, ps.isr, now);
    this.commitIsr(ps.isr, ps.partitionEpoch);
    return 'updated';
  }

  /**
   * A reassignment adds and removes replicas without a new leader epoch (KIP-455). A replica
   * being added must be followed from now on — its fetches would otherwise be refused and it could
   * never join the ISR, so the reassignment would never complete — and a replica removed must be
   * forgotten, or a stale "caught up" state could propose it for the ISR again.
   */
  private updateAssignment(replicas: readonly BrokerId[], isr: readonly BrokerId[], now: number): void {
    this.replicaIds = [...replicas];
    for (const id of [...this.followerStates.keys()]) if (!replicas.includes(id)) this.followerStates.delete(id);
    for (const id of replicas) {
      if (id !== this.leaderId && !this.followerStates.has(id)) this.followerStates.set(id, initialFollowerState(id, isr.includes(id), now));
    }
  }

  private maybeIncrementHighWatermark(): void {
    const logEnds = [this.leaderLogEnd];
    for (const id of this.maximalIsr) {
      if (id !== this.leaderId) logEnds.push(this.followerStates.get(id)?.logEndOffset ?? -1);
    }
    this.hw = nextHighWatermark(this.hw, logEnds, this.isr.length, this.effectiveMinIsr);
  }
}
