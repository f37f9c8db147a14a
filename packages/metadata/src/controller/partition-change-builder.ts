/**
 * KRaft's PartitionChangeBuilder: the one place that decides a partition's next leader and ISR.
 * Fencing, unfencing, controlled shutdown, AlterPartition, preferred-leader election and
 * reassignment all describe the state they want (a PartitionChangeTarget); this turns it into the
 * PartitionChangeRecord that gets there, with only the changed fields, or null when nothing changes.
 *
 * Invariants of the result: the ISR is a subset of the replicas; the leader is in the ISR or is
 * NO_LEADER; a newly elected leader is active; the ISR is never emptied while one of its members
 * is still a replica.
 *
 * Unlike Kafka's builder, this one does not complete reassignments on its own, and it bumps the
 * leader epoch for a shrinking replica set only when asked (bumpLeaderEpoch): the callers own both.
 */
import type { PartitionRegistration } from '../image/partition-registration';
import { NO_LEADER, type BrokerId, type PartitionChangeRecord } from '../records/metadata-record';

export interface ElectionContext {
  /** True for a broker that may lead or join the ISR: registered, unfenced, not in controlled shutdown. */
  isActive(id: BrokerId): boolean;
  /** The topic's unclean.leader.election.enable. */
  readonly uncleanAllowed: boolean;
}

export type ElectionMode = 'keep' | 'preferred' | 'unclean';

export interface PartitionChangeTarget {
  readonly isr?: readonly BrokerId[];
  readonly replicas?: readonly BrokerId[];
  readonly addingReplicas?: readonly BrokerId[];
  readonly removingReplicas?: readonly BrokerId[];
  /** 'keep': keep a current leader that is still in the ISR and active, else elect; 'preferred': move to replicas[0] if it is in the ISR and active; 'unclean': as 'keep', but may elect a replica outside the ISR when the ISR has no active member (even if the topic forbids it: an operator asked). Default 'keep'. */
  readonly election?: ElectionMode;
  /** Force a new leader epoch even when the leader stays (e.g. the replica set changed). */
  readonly bumpLeaderEpoch?: boolean;
}

export interface ElectionResult {
  readonly leader: BrokerId;
  /** The leader came from outside the ISR: it may lack committed records, so the ISR restarts as just it. */
  readonly unclean: boolean;
}

export function buildPartitionChange(
  topicId: string,
  partitionId: number,
  current: PartitionRegistration,
  target: PartitionChangeTarget,
  context: ElectionContext,
): PartitionChangeRecord | null {
  const replicas = target.replicas ?? current.replicas;
  const adding = restrictTo(target.addingReplicas ?? current.addingReplicas, replicas);
  const removing = restrictTo(target.removingReplicas ?? current.removingReplicas, replicas);
  const cleanIsr = nextIsr(target.isr ?? current.isr, current, replicas, (id) => context.isActive(id));
  const election = electLeader(replicas, cleanIsr, current.leader, target.election ?? 'keep', context);
  // Kafka's unclean election: the new leader's log becomes the truth, so nobody else is in sync with it yet.
  const isr = election.unclean ? [election.leader] : cleanIsr;
  // A present leader bumps the leader epoch (applyPartitionChange), which fences the old leadership's requests.
  const leaderField = election.leader !== current.leader || target.bumpLeaderEpoch === true;

  const change: PartitionChangeRecord = {
    type: 'partitionChange',
    topicId,
    partitionId,
    ...(leaderField ? { leader: election.leader } : {}),
    ...(sameBrokers(isr, current.isr) ? {} : { isr }),
    ...(sameBrokers(replicas, current.replicas) ? {} : { replicas: [...replicas] }),
    ...(sameBrokers(removing, current.removingReplicas) ? {} : { removingReplicas: removing }),
    ...(sameBrokers(adding, current.addingReplicas) ? {} : { addingReplicas: adding }),
  };
  return isNoOp(change) ? null : change;
}

/**
 * The leader for a partition whose replicas and ISR are these. A clean candidate is an active ISR
 * member that is a replica. Tried in this order: replicas[0] (only for 'preferred'); the current
 * leader (one that is still fine stays, as in Kafka: moving leadership costs every client a
 * metadata round trip); then the replicas in replica order (the assignment's preference).
 *
 * With no clean candidate, an unclean election (topic config, or an operator's 'unclean') picks
 * the first active replica; otherwise the partition goes offline with NO_LEADER.
 */
export function electLeader(
  replicas: readonly BrokerId[],
  isr: readonly BrokerId[],
  currentLeader: BrokerId,
  mode: ElectionMode,
  context: ElectionContext,
): ElectionResult {
  const clean = (id: BrokerId): boolean => replicas.includes(id) && isr.includes(id) && context.isActive(id);
  const preferred = replicas[0];
  if (mode === 'preferred' && preferred !== undefined && clean(preferred)) return { leader: preferred, unclean: false };
  if (currentLeader !== NO_LEADER && clean(currentLeader)) return { leader: currentLeader, unclean: false };
  const inSync = replicas.find(clean);
  if (inSync !== undefined) return { leader: inSync, unclean: false };
  if (context.uncleanAllowed || mode === 'unclean') {
    const anyActive = replicas.find((id) => context.isActive(id));
    if (anyActive !== undefined) return { leader: anyActive, unclean: true };
  }
  return { leader: NO_LEADER, unclean: false };
}

/**
 * The ISR asked for, restricted to the replicas; but never empty while a current ISR member is
 * still a replica. Kafka leaves the last ISR member in place when fencing or shutting it down
 * would empty the ISR, so that when it returns it can lead again without losing committed records
 * (an unclean election is then the only other way back).
 */
export function nextIsr(
  requested: readonly BrokerId[],
  current: PartitionRegistration,
  replicas: readonly BrokerId[],
  isActive: (id: BrokerId) => boolean,
): BrokerId[] {
  const isr = restrictTo(requested, replicas);
  if (isr.length > 0) return isr;
  const survivor = lastIsrMember(current, replicas, isActive);
  return survivor === undefined ? [] : [survivor];
}

/**
 * The one member kept when the ISR would otherwise empty, among the current ISR members that are
 * still replicas: the one a clean election would pick, so that the partition stays online if it
 * can — the current leader if it is active, else the first active one in replica order. With none
 * active (the usual case: the last member is being fenced or shut down): the current leader (it is
 * the last to leave, as a leader only ever shrinks the ISR of its followers), else the first one in
 * replica order. Undefined when no current ISR member is a replica any more.
 */
export function lastIsrMember(
  current: PartitionRegistration,
  replicas: readonly BrokerId[],
  isActive: (id: BrokerId) => boolean,
): BrokerId | undefined {
  const remaining = restrictTo(current.isr, replicas);
  const byPreference = [
    ...(remaining.includes(current.leader) ? [current.leader] : []),
    ...replicas.filter((id) => remaining.includes(id) && id !== current.leader),
  ];
  return byPreference.find(isActive) ?? byPreference[0];
}

/** The brokers of `brokers` that are among `replicas`, in their order, each once. */
export function restrictTo(brokers: readonly BrokerId[], replicas: readonly BrokerId[]): BrokerId[] {
  const result: BrokerId[] = [];
  for (const id of brokers) if (replicas.includes(id) && !result.includes(id)) result.push(id);
  return result;
}

/** Order matters: the replica order is the election order, and Kafka compares these lists as lists. */
export function sameBrokers(a: readonly BrokerId[], b: readonly BrokerId[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

function isNoOp(change: PartitionChangeRecord): boolean {
  return (
    change.leader === undefined &&
    change.isr === undefined &&
    change.replicas === undefined &&
    change.removingReplicas === undefined &&
    change.addingReplicas === undefined
  );
}
