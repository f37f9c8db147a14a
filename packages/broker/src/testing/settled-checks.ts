/**
 * What must be true once every fault has healed and the cluster has had time to settle: the
 * liveness the safety invariants cannot see. The cluster settles when every broker is unfenced,
 * every partition has a leader that leads it with the full ISR, every replica's log reaches the
 * leader's log end and the HW does too, the producer has nothing left unacknowledged and every
 * consumer has read up to the HW. Then:
 *
 * - logsIdenticalBelowHighWatermark: all three replicas hold the same batches, byte for byte, below the HW
 *   (from where both logs start: replicas' starts may differ after DeleteRecords and a leader change);
 * - acknowledgedBelowHighWatermark: every acknowledged record is below the leader's HW, at its offset;
 * - consumedRecordsInLog: every record a consumer read is in the leader's log at the offset it was read at
 *   (both: unless deleted, below the leader's log start — logStartsOnlyWhereDeleted holds that start
 *   to what clients asked).
 */
import type { Violation } from '@kz/raft/testing';
import type { BrokerId, MetadataImage } from '@kz/metadata';
import type { ReplicaManager } from '../server/replica-manager';
import type { AcknowledgedRecords } from './acknowledged-records';
import type { MemoryLogDirectory } from './memory-log-directory';
import { flushedPayloadAt, sameBytes } from './replication-invariants';

/** What the settled checks read of a simulated cluster (the broker simulation, the whole-cluster one). */
export interface SettledCluster {
  readonly brokerIds: readonly BrokerId[];
  readonly partitions: number;
  readonly topicId: string | null;
  /** The committed metadata image. */
  readonly image: MetadataImage;
  readonly records: AcknowledgedRecords;
  readonly producer: { readonly pending: number };
  readonly consumers: { position(partition: number): number };
  unfenced(id: BrokerId): boolean;
  /** The running broker, or null while it is down. */
  node(id: BrokerId): { readonly manager: ReplicaManager } | null;
  disk(id: BrokerId): MemoryLogDirectory;
}

/** What still keeps the cluster from having settled; empty once it has. */
export function unsettled(sim: SettledCluster): string[] {
  const why: string[] = [];
  for (const id of sim.brokerIds) if (!sim.unfenced(id)) why.push(`broker ${id} is not unfenced`);
  const topicId = sim.topicId;
  if (topicId === null) return [...why, 'the topic does not exist'];
  for (let p = 0; p < sim.partitions; p++) {
    const registration = sim.image.partition(topicId, p);
    if (registration === undefined) {
      why.push(`partition ${p} is not in the image`);
      continue;
    }
    if (registration.leader < 0) {
      why.push(`partition ${p} has no leader (ISR [${registration.isr.join(',')}])`);
      continue;
    }
    if (registration.isr.length !== registration.replicas.length) why.push(`partition ${p} has ISR [${registration.isr.join(',')}] of replicas [${registration.replicas.join(',')}]`);
    const leader = sim.node(registration.leader)?.manager.partition(topicId, p);
    const state = leader?.leader ?? null;
    if (leader === undefined || state === null || state.leaderEpoch !== registration.leaderEpoch) {
      why.push(`partition ${p}: broker ${registration.leader} does not lead it yet at epoch ${registration.leaderEpoch}`);
      continue;
    }
    const end = leader.log.logEndOffset;
    if (state.highWatermark() !== end) why.push(`partition ${p}: HW ${state.highWatermark()} is behind the leader's log end ${end}`);
    for (const id of registration.replicas) {
      const log = sim.disk(id).log(topicId, p);
      if ((log?.logEndOffset ?? -1) !== end) why.push(`partition ${p}: broker ${id}'s log ends at ${log?.logEndOffset ?? 'nothing'}, the leader's at ${end}`);
    }
    if (sim.consumers.position(p) < state.highWatermark()) why.push(`partition ${p}: the consumer is at ${sim.consumers.position(p)}, the HW at ${state.highWatermark()}`);
  }
  if (sim.producer.pending > 0) why.push(`the producer has ${sim.producer.pending} batch(es) unacknowledged`);
  return why;
}

/** The checks once settled (see the file comment). */
export function checkSettled(sim: SettledCluster): Violation[] {
  const violations: Violation[] = [];
  const topicId = sim.topicId;
  if (topicId === null) return violations;
  for (let p = 0; p < sim.partitions; p++) {
    const registration = sim.image.partition(topicId, p)!;
    const leaderId: BrokerId = registration.leader;
    const leaderLog = sim.disk(leaderId).log(topicId, p)!;
    const hw = sim.node(leaderId)!.manager.partition(topicId, p)!.highWatermark;
    const start = leaderLog.logStartOffset;
    for (const id of registration.replicas) {
      if (id === leaderId) continue;
      const replicaLog = sim.disk(id).log(topicId, p);
      const from = Math.max(start, replicaLog?.logStartOffset ?? 0);
      const below = leaderLog.storedBatches.filter((b) => b.lastOffset < hw && b.lastOffset >= from);
      const theirs = (replicaLog?.storedBatches ?? []).filter((b) => b.lastOffset >= from);
      const differs = below.findIndex((b, i) => theirs[i] === undefined || theirs[i]!.baseOffset !== b.baseOffset || !sameBytes(theirs[i]!.bytes, b.bytes));
      if (differs >= 0) {
        const b = below[differs]!;
        violations.push({ invariant: 'logsIdenticalBelowHighWatermark', node: id, message: `partition ${p}: broker ${id}'s batch ${differs} differs from leader ${leaderId}'s [${b.baseOffset}..${b.lastOffset}] epoch ${b.epoch} (HW ${hw})` });
      }
    }
    for (const record of sim.records.acked(p)) {
      if (record.offset < start) continue;
      if (record.offset >= hw || flushedPayloadAt(leaderLog, record.offset) !== record.payload) {
        violations.push({ invariant: 'acknowledgedBelowHighWatermark', message: `partition ${p}: ${record.payload} acknowledged at offset ${record.offset} is not there below leader ${leaderId}'s HW ${hw}` });
        break;
      }
    }
    for (const [offset, consumed] of sim.records.consumed(p)) {
      if (offset < start) continue;
      if (flushedPayloadAt(leaderLog, offset) !== consumed.payload) {
        violations.push({ invariant: 'consumedRecordsInLog', message: `partition ${p}: a consumer read ${consumed.payload} at offset ${offset}, which the settled leader ${leaderId} does not hold there` });
        break;
      }
    }
  }
  return violations;
}
