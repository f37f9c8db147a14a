/**
 * The whole-cluster simulation's own invariants, over what only it has together — Raft controllers,
 * real brokers and clients — each by name, checked after every event (the Raft, metadata and
 * replication invariants run too):
 *
 * - acknowledgedOnEveryIsrMember — when a leader answers an acks=all produce, every member of the ISR
 *   it computes its high watermark over (its maximal ISR) holds the batch *flushed*: an
 *   acknowledgement promises that losing any minority of that ISR loses nothing;
 * - oneLeaderPerLeaderEpoch — per partition and leader epoch, one broker ever acts as leader, and it is
 *   the one the committed metadata named for that epoch;
 * - brokerWithLiveHeartbeatsNeverFenced — an active controller fences a broker for an expired session
 *   only when none of that registration's heartbeats arrived there within the session timeout;
 * - noElectionWhileLeaderAnswers — while armed (a calm period: the metadata leader up, no network
 *   faults), the metadata quorum's epoch does not rise.
 */
import type { BrokerId, MetadataImage } from '@kz/metadata';
import type { NodeId } from '@kz/raft';
import type { Violation } from '@kz/raft/testing';
import type { ReplicaManager } from '../server/replica-manager';
import type { MemoryLogDirectory } from './memory-log-directory';

export interface ClusterInvariantMemory {
  /** `topicId:partition:leaderEpoch` → the broker that led it (from the committed image or a broker acting as leader). */
  readonly leaders: Map<string, { readonly broker: BrokerId; readonly source: string }>;
  /** `controller:broker:brokerEpoch` → when a heartbeat of that registration last arrived at that controller while it was active. */
  readonly heartbeats: Map<string, number>;
  /** The metadata quorum epoch at arming; null when not armed. */
  calmEpoch: number | null;
}

export function newClusterInvariantMemory(): ClusterInvariantMemory {
  return { leaders: new Map(), heartbeats: new Map(), calmEpoch: null };
}

/**
 * An acks=all produce a leader just answered: checks the batch `[baseOffset..lastOffset]` is flushed
 * on every member of the leader's maximal ISR. Returns the violations (none when the leader no
 * longer leads: it cannot be asked what it used).
 */
export function acknowledgedOnEveryIsrMember(
  leader: BrokerId,
  manager: ReplicaManager,
  topicId: string,
  partition: number,
  lastOffset: number,
  disk: (id: BrokerId) => MemoryLogDirectory,
): Violation[] {
  const state = manager.partition(topicId, partition)?.leader ?? null;
  if (state === null) return [];
  const violations: Violation[] = [];
  for (const member of state.maximalIsr) {
    const log = disk(member).log(topicId, partition);
    const flushed = log?.recoveryPoint ?? 0;
    if (flushed <= lastOffset) {
      violations.push({
        invariant: 'acknowledgedOnEveryIsrMember',
        node: member,
        message: `partition ${partition}: leader ${leader} (epoch ${state.leaderEpoch}) acknowledged offsets up to ${lastOffset} with ISR [${state.maximalIsr.join(',')}], but broker ${member} has flushed only up to ${flushed} (log end ${log?.logEndOffset ?? 0})`,
      });
    }
  }
  return violations;
}

/** One leader per leader epoch: the committed image's, and every broker acting as leader (of the partitions of `topicId`). */
export function oneLeaderPerLeaderEpoch(
  memory: ClusterInvariantMemory,
  image: MetadataImage,
  topicId: string | null,
  partitions: number,
  brokers: readonly { readonly id: BrokerId; readonly manager: ReplicaManager | null }[],
): Violation[] {
  if (topicId === null) return [];
  const violations: Violation[] = [];
  const note = (partition: number, epoch: number, broker: BrokerId, source: string): void => {
    const key = `${topicId}:${partition}:${epoch}`;
    const known = memory.leaders.get(key);
    if (known === undefined) {
      memory.leaders.set(key, { broker, source });
      return;
    }
    if (known.broker !== broker) {
      violations.push({
        invariant: 'oneLeaderPerLeaderEpoch',
        node: broker,
        message: `partition ${partition}, leader epoch ${epoch}: ${source} says broker ${broker} leads, but ${known.source} said broker ${known.broker}`,
      });
    }
  };
  for (let p = 0; p < partitions; p++) {
    const registration = image.partition(topicId, p);
    if (registration !== undefined && registration.leader >= 0) note(p, registration.leaderEpoch, registration.leader, 'the committed metadata');
    for (const { id, manager } of brokers) {
      const state = manager?.partition(topicId, p)?.leader ?? null;
      if (state !== null) note(p, state.leaderEpoch, id, `broker ${id} (acting as leader)`);
    }
  }
  return violations;
}

/** A heartbeat of `brokerId` (registration `brokerEpoch`) arrived at `controller`, which was active then. */
export function noteHeartbeatArrival(memory: ClusterInvariantMemory, controller: NodeId, brokerId: BrokerId, brokerEpoch: number, now: number): void {
  memory.heartbeats.set(`${controller}:${brokerId}:${brokerEpoch}`, now);
}

/** `controller` fenced `brokerId` (registration `brokerEpoch`) for an expired session at `now`. */
export function brokerWithLiveHeartbeatsNeverFenced(
  memory: ClusterInvariantMemory,
  controller: NodeId,
  brokerId: BrokerId,
  brokerEpoch: number,
  now: number,
  sessionTimeoutMs: number,
): Violation[] {
  const last = memory.heartbeats.get(`${controller}:${brokerId}:${brokerEpoch}`);
  if (last === undefined || now - last >= sessionTimeoutMs) return [];
  return [
    {
      invariant: 'brokerWithLiveHeartbeatsNeverFenced',
      node: brokerId,
      message: `controller ${controller} fenced broker ${brokerId} (epoch ${brokerEpoch}) for an expired session, but one of its heartbeats arrived there ${now - last} ms before (session timeout ${sessionTimeoutMs} ms)`,
    },
  ];
}

/** While armed, the quorum's epoch must not rise above the one it was armed at. */
export function noElectionWhileLeaderAnswers(memory: ClusterInvariantMemory, quorumEpoch: number, leader: NodeId | null): Violation[] {
  if (memory.calmEpoch === null || quorumEpoch <= memory.calmEpoch) return [];
  const violation: Violation = {
    invariant: 'noElectionWhileLeaderAnswers',
    message: `the metadata quorum went from epoch ${memory.calmEpoch} to ${quorumEpoch} (leader now ${leader ?? 'none'}) while its leader was up and the network calm`,
  };
  memory.calmEpoch = quorumEpoch;
  return [violation];
}
