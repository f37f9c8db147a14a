import { NO_LEADER, type BrokerId, type PartitionChangeRecord, type PartitionRecord } from '../records/metadata-record';

/** One partition's replicas, ISR, leader and epochs, as the image holds it. */
export interface PartitionRegistration {
  /** Assignment order: the first replica is the preferred leader. */
  readonly replicas: readonly BrokerId[];
  readonly isr: readonly BrokerId[];
  /** During a reassignment: replicas leaving, and replicas joining (both are also in `replicas`). */
  readonly removingReplicas: readonly BrokerId[];
  readonly addingReplicas: readonly BrokerId[];
  /** NO_LEADER (-1) when no replica may lead. */
  readonly leader: BrokerId;
  /** Bumped whenever the leader is (re)elected: fences requests of an older leadership (KIP-320). */
  readonly leaderEpoch: number;
  /** Bumped on every change: AlterPartition names the one it saw, and a stale one is refused. */
  readonly partitionEpoch: number;
  /**
   * KIP-966's Eligible Leader Replicas: replicas taken out of the ISR (fenced, shut down, restarted)
   * while it was below min.insync.replicas. The broker's HW does not move while the ISR is that
   * small, so each still holds every committed record, and one may lead once the ISR is empty.
   */
  readonly eligibleLeaderReplicas: readonly BrokerId[];
  /** KIP-966's LastKnownElr: the leader the partition had when its ISR emptied; electable when the ELR is empty too. */
  readonly lastKnownElr: readonly BrokerId[];
}

const NONE: readonly BrokerId[] = [];

export function partitionFromRecord(record: PartitionRecord): PartitionRegistration {
  return {
    replicas: record.replicas,
    isr: record.isr,
    removingReplicas: record.removingReplicas,
    addingReplicas: record.addingReplicas,
    leader: record.leader,
    leaderEpoch: record.leaderEpoch,
    partitionEpoch: record.partitionEpoch,
    eligibleLeaderReplicas: record.eligibleLeaderReplicas ?? NONE,
    lastKnownElr: record.lastKnownElr ?? NONE,
  };
}

/** The registration after a PartitionChangeRecord: changed fields replaced, epochs bumped. */
export function applyPartitionChange(current: PartitionRegistration, change: PartitionChangeRecord): PartitionRegistration {
  return {
    replicas: change.replicas ?? current.replicas,
    isr: change.isr ?? current.isr,
    removingReplicas: change.removingReplicas ?? current.removingReplicas,
    addingReplicas: change.addingReplicas ?? current.addingReplicas,
    leader: change.leader ?? current.leader,
    leaderEpoch: change.leader === undefined ? current.leaderEpoch : current.leaderEpoch + 1,
    partitionEpoch: current.partitionEpoch + 1,
    eligibleLeaderReplicas: change.eligibleLeaderReplicas ?? current.eligibleLeaderReplicas,
    lastKnownElr: change.lastKnownElr ?? current.lastKnownElr,
  };
}

/** The preferred leader: the first replica of the assignment. */
export function preferredLeader(partition: PartitionRegistration): BrokerId {
  return partition.replicas[0] ?? NO_LEADER;
}

export function isReassigning(partition: PartitionRegistration): boolean {
  return partition.addingReplicas.length > 0 || partition.removingReplicas.length > 0;
}
