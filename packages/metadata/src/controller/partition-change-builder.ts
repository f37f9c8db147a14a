/**
 * KRaft's PartitionChangeBuilder: the one place that decides a partition's next leader, ISR and
 * Eligible Leader Replicas. Fencing, unfencing, controlled shutdown, AlterPartition,
 * preferred-leader election and reassignment all describe the state they want (a
 * PartitionChangeTarget); this turns it into the PartitionChangeRecord that gets there, with only
 * the changed fields, or null when nothing changes.
 *
 * Invariants of the result: the ISR and the ELR are subsets of the replicas and of each other's
 * complement; the leader is in the ISR or is NO_LEADER; a newly elected leader is active.
 *
 * Eligible Leader Replicas (KIP-966), when the context turns them on: the broker's high watermark
 * does not move while the ISR is below the effective min.insync.replicas (KAFKA-15583), so a member
 * that leaves the ISR then still holds every committed record for as long as the ISR stays that
 * small. Such members — only those this change names as `eligibleLeavers` (fenced, shut down,
 * restarted: the controller's own removals, not a leader's report that they fell behind) — go to
 * the ELR instead of being forgotten, the ISR may then empty, and a partition with an empty ISR
 * elects from the ELR rather than go offline or need an unclean election. The ELR empties once the
 * ISR is back at min ISR (the HW moves again without them) and on an unclean election. With ELR
 * off, the ISR keeps its last member instead (the partition waits for it), and an ELR left by an
 * ELR-enabled controller is folded back into that shape.
 *
 * Unlike Kafka's builder, this one does not complete reassignments on its own, and it bumps the
 * leader epoch for a shrinking replica set only when asked (bumpLeaderEpoch): the callers own both.
 *
 * Kafka drops a broker that shut down uncleanly from every ELR (KIP-966's handleBrokerUncleanShutdown).
 * A kz follower flushes before the fetch that lets the HW pass its log end, so a crash alone never
 * takes a committed record from an ISR member's disk; what does is damage that the log's recovery
 * cuts (a flipped bit in flushed records). So the rule here is narrower: `damaged` names the brokers
 * whose log of this partition recovery cut, and they leave the ISR, the ELR and the last known ELR —
 * even when that empties the ISR, which then waits for a replica that still holds every committed
 * record (or an unclean election).
 */
import type { PartitionRegistration } from '../image/partition-registration';
import { NO_LEADER, type BrokerId, type PartitionChangeRecord } from '../records/metadata-record';

export interface ElectionContext {
  /** True for a broker that may lead or join the ISR: registered, unfenced, not in controlled shutdown. */
  isActive(id: BrokerId): boolean;
  /** The topic's unclean.leader.election.enable. */
  readonly uncleanAllowed: boolean;
  /** KIP-966 is on (the eligible.leader.replicas.version feature): see the file comment. */
  readonly eligibleLeaderReplicas: boolean;
  /** The topic's min.insync.replicas (capped at the replication factor here, as the broker caps it). */
  readonly minInsyncReplicas: number;
}

export type ElectionMode = 'keep' | 'preferred' | 'unclean';

export interface PartitionChangeTarget {
  readonly isr?: readonly BrokerId[];
  readonly replicas?: readonly BrokerId[];
  readonly addingReplicas?: readonly BrokerId[];
  readonly removingReplicas?: readonly BrokerId[];
  /** 'keep': keep a current leader that is still in the ISR and active, else elect; 'preferred': move to replicas[0] if it is eligible and active; 'unclean': as 'keep', but may elect a replica outside the ISR and ELR when none of them is active (even if the topic forbids it: an operator asked). Default 'keep'. */
  readonly election?: ElectionMode;
  /** Force a new leader epoch even when the leader stays (e.g. the replica set changed). */
  readonly bumpLeaderEpoch?: boolean;
  /**
   * ISR members this change takes out that still hold every committed record: the controller is
   * fencing, shutting down or re-registering them, not acting on a report that they fell behind.
   * With ELR on they join the ELR while the new ISR is below min ISR.
   */
  readonly eligibleLeavers?: readonly BrokerId[];
  /** Brokers no longer eligible to lead from the ELR (unregistered): they leave it. */
  readonly ineligible?: readonly BrokerId[];
  /**
   * Brokers whose log of this partition was cut by recovery at their start (registerBroker's
   * damagedReplicas): it may lack committed records, so they leave the ISR, the ELR and the last
   * known ELR, and never stay as the ISR's last member. They come back by catching up from a leader.
   */
  readonly damaged?: readonly BrokerId[];
}

/**
 * How the leader was chosen: from the ISR; from the ELR (the ISR was empty); the last known leader
 * (ISR and ELR empty, KIP-966's LastKnownElr); from outside all of them (unclean: it may lack
 * committed records, so the ISR restarts as just it); or none could be.
 */
export interface ElectionResult {
  readonly leader: BrokerId;
  readonly kind: 'isr' | 'elr' | 'lastKnownLeader' | 'unclean' | 'none';
}

/** The ELR and LastKnownElr a partition has, for electLeader; both empty when KIP-966 is off. */
export interface EligibleLeaders {
  readonly elr: readonly BrokerId[];
  readonly lastKnownElr: readonly BrokerId[];
}

const NO_ELIGIBLE: EligibleLeaders = { elr: [], lastKnownElr: [] };

export function buildPartitionChange(
  topicId: string,
  partitionId: number,
  current: PartitionRegistration,
  target: PartitionChangeTarget,
  context: ElectionContext,
): PartitionChangeRecord | null {
  const replicas = target.replicas ?? current.replicas;
  // Decided as if the damaged replicas had never been members; the record is still the difference from `current`.
  const damaged = target.damaged ?? [];
  const base = damaged.length === 0 ? current : withoutMembers(current, damaged);
  const asked = damaged.length === 0 || target.isr === undefined ? target : { ...target, isr: target.isr.filter((id) => !damaged.includes(id)) };
  const adding = restrictTo(target.addingReplicas ?? current.addingReplicas, replicas);
  const removing = restrictTo(target.removingReplicas ?? current.removingReplicas, replicas);
  const proposed = context.eligibleLeaderReplicas
    ? withEligibleLeaders(asked, base, replicas, context)
    : { isr: foldedIsr(asked, base, replicas, context), elr: [], lastKnownElr: [] };
  const election = electLeader(replicas, proposed.isr, base.leader, target.election ?? 'keep', context, proposed);
  const next = afterElection(election, proposed, base, replicas, context);
  // A present leader bumps the leader epoch (applyPartitionChange), which fences the old leadership's requests.
  const leaderField = election.leader !== current.leader || target.bumpLeaderEpoch === true;

  const change: PartitionChangeRecord = {
    type: 'partitionChange',
    topicId,
    partitionId,
    ...(leaderField ? { leader: election.leader } : {}),
    ...(sameBrokers(next.isr, current.isr) ? {} : { isr: next.isr }),
    ...(sameBrokers(replicas, current.replicas) ? {} : { replicas: [...replicas] }),
    ...(sameBrokers(removing, current.removingReplicas) ? {} : { removingReplicas: removing }),
    ...(sameBrokers(adding, current.addingReplicas) ? {} : { addingReplicas: adding }),
    ...(sameBrokers(next.elr, current.eligibleLeaderReplicas) ? {} : { eligibleLeaderReplicas: next.elr }),
    ...(sameBrokers(next.lastKnownElr, current.lastKnownElr) ? {} : { lastKnownElr: next.lastKnownElr }),
  };
  return isNoOp(change) ? null : change;
}

interface ProposedMembers {
  readonly isr: readonly BrokerId[];
  readonly elr: readonly BrokerId[];
  readonly lastKnownElr: readonly BrokerId[];
}

/** KIP-966 on: the ISR asked for, with eligible leavers moved to the ELR while the ISR is below min ISR. */
function withEligibleLeaders(target: PartitionChangeTarget, current: PartitionRegistration, replicas: readonly BrokerId[], context: ElectionContext): ProposedMembers {
  const ineligible = target.ineligible ?? [];
  let isr = restrictTo(target.isr ?? current.isr, replicas);
  const leavers = current.isr.filter((id) => !isr.includes(id) && replicas.includes(id) && !ineligible.includes(id) && target.eligibleLeavers?.includes(id) === true);
  // A last member that leaves for any other reason (its replica went offline) stays, as without ELR.
  if (isr.length === 0 && leavers.length === 0) isr = nextIsr([], current, replicas, (id) => context.isActive(id));
  if (isr.length >= effectiveMinIsr(context, replicas)) return { isr, elr: [], lastKnownElr: [] };
  const elr = restrictTo([...current.eligibleLeaderReplicas, ...leavers], replicas).filter((id) => !isr.includes(id) && !ineligible.includes(id));
  return { isr, elr, lastKnownElr: restrictTo(current.lastKnownElr, replicas) };
}

/**
 * KIP-966 off: the ISR asked for, never emptied while a member is still a replica; an empty ISR
 * left with an ELR (by a controller that had KIP-966 on) takes one of its eligible leaders as that
 * last member, so the partition still waits for a replica holding every committed record.
 */
function foldedIsr(target: PartitionChangeTarget, current: PartitionRegistration, replicas: readonly BrokerId[], context: ElectionContext): BrokerId[] {
  const isr = nextIsr(target.isr ?? current.isr, current, replicas, (id) => context.isActive(id));
  if (isr.length > 0 || current.isr.length > 0) return isr;
  const ineligible = target.ineligible ?? [];
  const eligible = restrictTo(current.eligibleLeaderReplicas, replicas).filter((id) => !ineligible.includes(id));
  const survivor = replicas.filter((id) => eligible.includes(id)).find((id) => context.isActive(id)) ?? replicas.find((id) => eligible.includes(id));
  return survivor === undefined ? [] : [survivor];
}

/** The members once the leader is chosen: one elected from the ELR or unclean-ly leads an ISR of itself. */
function afterElection(election: ElectionResult, proposed: ProposedMembers, current: PartitionRegistration, replicas: readonly BrokerId[], context: ElectionContext): ProposedMembers {
  switch (election.kind) {
    case 'unclean':
      // The new leader's log becomes the truth: nobody else is in sync with it, or eligible, yet.
      return { isr: [election.leader], elr: [], lastKnownElr: [] };
    case 'elr':
    case 'lastKnownLeader': {
      const isr = [election.leader];
      const elr = isr.length >= effectiveMinIsr(context, replicas) ? [] : proposed.elr.filter((id) => id !== election.leader);
      return { isr, elr, lastKnownElr: [] };
    }
    case 'isr':
      return { isr: proposed.isr, elr: proposed.elr, lastKnownElr: [] };
    case 'none': {
      // The ISR empties now: remember who led, for when the ELR empties too (KIP-966's last known leader).
      if (context.eligibleLeaderReplicas && proposed.isr.length === 0 && current.isr.length > 0) {
        const last = current.leader !== NO_LEADER && current.isr.includes(current.leader) ? current.leader : current.isr[0]!;
        return { ...proposed, lastKnownElr: replicas.includes(last) ? [last] : [] };
      }
      return proposed;
    }
  }
}

/** The partition as it would be had `brokers` never been in its ISR, ELR or last known ELR, nor led it. */
function withoutMembers(current: PartitionRegistration, brokers: readonly BrokerId[]): PartitionRegistration {
  const keep = (id: BrokerId): boolean => !brokers.includes(id);
  return {
    ...current,
    isr: current.isr.filter(keep),
    eligibleLeaderReplicas: current.eligibleLeaderReplicas.filter(keep),
    lastKnownElr: current.lastKnownElr.filter(keep),
    leader: keep(current.leader) ? current.leader : NO_LEADER,
  };
}

/** Kafka's effective min ISR: min.insync.replicas capped at the replication factor, as the broker's HW rule caps it. */
function effectiveMinIsr(context: ElectionContext, replicas: readonly BrokerId[]): number {
  return Math.min(context.minInsyncReplicas, replicas.length);
}

/**
 * The leader for a partition whose replicas and ISR are these. An eligible candidate is an active
 * replica in the ISR — or, when the ISR is empty, in the ELR. Tried in this order: replicas[0]
 * (only for 'preferred'); the current leader (one that is still fine stays, as in Kafka: moving
 * leadership costs every client a metadata round trip); then the replicas in replica order (the
 * assignment's preference). With none, and the ISR and ELR both empty, the last known leader if it
 * is active.
 *
 * With no such candidate, an unclean election (topic config, or an operator's 'unclean') picks the
 * first active replica; otherwise the partition goes offline with NO_LEADER.
 */
export function electLeader(
  replicas: readonly BrokerId[],
  isr: readonly BrokerId[],
  currentLeader: BrokerId,
  mode: ElectionMode,
  context: ElectionContext,
  eligible: EligibleLeaders = NO_ELIGIBLE,
): ElectionResult {
  const fromElr = isr.length === 0;
  const candidates = fromElr ? eligible.elr : isr;
  const kind = fromElr ? 'elr' : 'isr';
  const clean = (id: BrokerId): boolean => replicas.includes(id) && candidates.includes(id) && context.isActive(id);
  const preferred = replicas[0];
  if (mode === 'preferred' && preferred !== undefined && clean(preferred)) return { leader: preferred, kind };
  if (currentLeader !== NO_LEADER && clean(currentLeader)) return { leader: currentLeader, kind };
  const inSync = replicas.find(clean);
  if (inSync !== undefined) return { leader: inSync, kind };
  const lastKnown = eligible.lastKnownElr[0];
  if (fromElr && eligible.elr.length === 0 && eligible.lastKnownElr.length === 1 && replicas.includes(lastKnown!) && context.isActive(lastKnown!)) {
    return { leader: lastKnown!, kind: 'lastKnownLeader' };
  }
  if (context.uncleanAllowed || mode === 'unclean') {
    const anyActive = replicas.find((id) => context.isActive(id));
    if (anyActive !== undefined) return { leader: anyActive, kind: 'unclean' };
  }
  return { leader: NO_LEADER, kind: 'none' };
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
    change.addingReplicas === undefined &&
    change.eligibleLeaderReplicas === undefined &&
    change.lastKnownElr === undefined
  );
}
