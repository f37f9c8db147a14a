/**
 * The safety invariants of broker replication, checked after every simulated event. Each names what
 * must hold whatever the faults; the ones that walk logs keep cursors (ReplicationInvariantMemory) so
 * that a record is checked once per log and not once per event, and start over when a log loses
 * something (a truncation, a crash, a log start moved up: MemoryLog.destructiveChangeCount).
 *
 * - acknowledgedRecordsSurvive: every acks=all success (partition, offset, payload) is, at that offset,
 *   in the flushed log of a broker in the partition's ISR or ELR (KIP-966: an eligible leader holds
 *   every committed record and may lead once the ISR empties) as the controller has committed them —
 *   or of some replica while the partition has no leader — so no crash of the others can lose it. A
 *   record below an offset a client asked records to be deleted below (DeleteRecords) may be gone.
 *   A flipped bit may take it from one ISR member's disk; the restarted broker reports that log
 *   damaged and leaves the ISR and ELR, so the record must survive on another.
 * - logStartsOnlyWhereDeleted: no replica's log starts above the highest offset a client asked
 *   records to be deleted below — records go only because they were deleted, and with the above,
 *   none at or above a log start is lost.
 * - leaderInIsr: in the committed image a partition's leader is in its ISR, or there is none.
 * - leaderHighWatermarkNeverDecreases: within one leader epoch the leader's HW only grows.
 * - highWatermarkWithinIsrLogs: the HW of the leader the controller names (once that broker leads at
 *   the named epoch) is at most the flushed log end of every ISR member, down or up — everything
 *   below the HW is durably on the whole ISR — but for a member whose log a flipped bit cut and whose
 *   broker has not reported it yet (it is down: its next registration will).
 * - committedPrefixesAgree: every running replica's log equals the current leader's log below both
 *   their HWs (committed data is the same everywhere, batch for batch, byte for byte).
 * - highWatermarkWithinLogEnd: every running replica's HW is at most its log end — a restarted one's
 *   too, whatever its checkpoint said (a crash may have taken back records the checkpoint counted).
 * - restartedHighWatermarkNotBelowCheckpoint: after a crash, the next incarnation's HW of a replica
 *   is never below what the disk's high-watermark checkpoint held for it, capped at the log end the
 *   crash left — it starts there and only moves up, unless its log is cut (a truncation) first, or
 *   the broker's image stopped assigning the replica to it meanwhile (it then drops the entry).
 * - the consumer-side checks of AcknowledgedRecords (consumers read acknowledged records where they
 *   were acknowledged, in order, and a record once read never changes).
 */
import type { Violation } from '@kz/raft/testing';
import type { BrokerId, MetadataImage } from '@kz/metadata';
import type { AcknowledgedRecords, AckedRecord } from './acknowledged-records';
import type { MemoryLog } from './memory-log';
import { logKey, type MemoryLogDirectory } from './memory-log-directory';
import type { ReplicaManager } from '../server/replica-manager';

export interface BrokerView {
  readonly id: BrokerId;
  /** The running incarnation, or null while the broker is down. */
  readonly node: { readonly manager: ReplicaManager } | null;
  readonly disk: MemoryLogDirectory;
}

export interface ReplicationView {
  readonly time: number;
  readonly topicId: string | null;
  readonly partitions: number;
  /** The controller's committed image. */
  readonly image: MetadataImage;
  readonly brokers: readonly BrokerView[];
  readonly records: AcknowledgedRecords;
}

interface AckCursor {
  destructive: number;
  reorders: number;
  verified: number;
}

interface PrefixCursor {
  replicaDestructive: number;
  leaderDestructive: number;
  verified: number;
}

/** The HW a replica's next incarnation must start from at least, noted when its broker crashed. */
interface RestartFloor {
  readonly floor: number;
  /** The log it holds for: a log removed and made again (reassigned away and back) owes nothing. */
  readonly log: MemoryLog;
  /** Its destructiveChangeCount after the crash: a later truncation may lower the HW below the floor. */
  readonly destructive: number;
}

export interface ReplicationInvariantMemory {
  readonly highWatermarks: Map<string, number>;
  readonly ackCursors: Map<string, AckCursor>;
  readonly prefixCursors: Map<string, PrefixCursor>;
  /** Per broker: the disk's crash count last seen, and the floors that crash left, by partition. */
  readonly restartFloors: Map<BrokerId, { readonly crashes: number; readonly floors: Map<number, RestartFloor> }>;
}

export function newReplicationInvariantMemory(): ReplicationInvariantMemory {
  return { highWatermarks: new Map(), ackCursors: new Map(), prefixCursors: new Map(), restartFloors: new Map() };
}

export const REPLICATION_INVARIANTS = [
  'acknowledgedRecordsSurvive',
  'logStartsOnlyWhereDeleted',
  'leaderInIsr',
  'leaderHighWatermarkNeverDecreases',
  'highWatermarkWithinIsrLogs',
  'committedPrefixesAgree',
  'highWatermarkWithinLogEnd',
  'restartedHighWatermarkNotBelowCheckpoint',
] as const;

const decoder = new TextDecoder();

/** The payload of the record at `offset` in the flushed part of `log`, or undefined. */
export function flushedPayloadAt(log: MemoryLog | undefined, offset: number): string | undefined {
  if (log === undefined || offset >= log.recoveryPoint) return undefined;
  const record = log.recordAt(offset);
  return record === undefined || record.value === null ? undefined : decoder.decode(record.value);
}

export function checkReplicationInvariants(view: ReplicationView, memory: ReplicationInvariantMemory): Violation[] {
  const violations: Violation[] = [...view.records.takeProblems()];
  const topicId = view.topicId;
  if (topicId === null) return violations;
  for (let p = 0; p < view.partitions; p++) {
    const registration = view.image.partition(topicId, p);
    if (registration === undefined) continue;
    if (registration.leader >= 0 && !registration.isr.includes(registration.leader)) {
      violations.push({ invariant: 'leaderInIsr', message: `partition ${p}: leader ${registration.leader} is not in the ISR [${registration.isr.join(',')}]` });
    }
    const holders = registration.leader >= 0 ? [...registration.isr, ...registration.eligibleLeaderReplicas] : registration.replicas;
    violations.push(...acknowledgedRecordsSurvive(view, memory, topicId, p, holders));
    violations.push(...logStartsOnlyWhereDeleted(view, topicId, p));
    violations.push(...highWatermarks(view, memory, topicId, p, registration.leader, registration.leaderEpoch, registration.isr));
  }
  violations.push(...restartedHighWatermarks(view, memory, topicId));
  return violations;
}

/** highWatermarkWithinLogEnd and restartedHighWatermarkNotBelowCheckpoint, for every running replica. */
function restartedHighWatermarks(view: ReplicationView, memory: ReplicationInvariantMemory, topicId: string): Violation[] {
  const violations: Violation[] = [];
  for (const broker of view.brokers) {
    const noted = memory.restartFloors.get(broker.id) ?? { crashes: 0, floors: new Map<number, RestartFloor>() };
    if (noted.crashes !== broker.disk.crashes) {
      // Between a crash and the next incarnation opening its replicas nothing writes to the disk:
      // what the restart starts from is what it holds now.
      const checkpoint = broker.disk.checkpointedHighWatermarks();
      const floors = new Map<number, RestartFloor>();
      for (let p = 0; p < view.partitions; p++) {
        const log = broker.disk.log(topicId, p);
        if (log !== undefined) floors.set(p, { floor: Math.min(checkpoint.get(logKey(topicId, p)) ?? 0, log.logEndOffset), log, destructive: log.destructiveChangeCount });
      }
      memory.restartFloors.set(broker.id, { crashes: broker.disk.crashes, floors });
    }
    const manager = broker.node?.manager;
    if (manager === undefined) continue;
    const floors = memory.restartFloors.get(broker.id)?.floors;
    // A replica the broker's image stops assigning to it is owed nothing more: the broker drops its
    // checkpoint entry, and if it is assigned back later it starts from replication
    // (`broker-sim --seed 1297824510`: reassigned away while the broker was down, and back).
    const image = manager.metadataImage;
    if (floors !== undefined && image !== null) {
      for (const p of floors.keys()) if (image.partition(topicId, p)?.replicas.includes(broker.id) !== true) floors.delete(p);
    }
    for (let p = 0; p < view.partitions; p++) {
      const replica = manager.partition(topicId, p);
      if (replica === undefined) continue;
      const hw = replica.highWatermark;
      if (hw > replica.log.logEndOffset) {
        violations.push({ invariant: 'highWatermarkWithinLogEnd', node: broker.id, message: `partition ${p}: broker ${broker.id}'s HW ${hw} is past its log end ${replica.log.logEndOffset}` });
      }
      const owed = floors?.get(p);
      if (owed === undefined || broker.disk.log(topicId, p) !== owed.log || owed.log.destructiveChangeCount !== owed.destructive) continue;
      if (hw < owed.floor) {
        violations.push({
          invariant: 'restartedHighWatermarkNotBelowCheckpoint',
          node: broker.id,
          message: `partition ${p}: broker ${broker.id} restarted with HW ${hw}, below the ${owed.floor} its checkpoint and log end held`,
        });
      }
    }
  }
  return violations;
}

function acknowledgedRecordsSurvive(view: ReplicationView, memory: ReplicationInvariantMemory, topicId: string, p: number, holders: readonly BrokerId[]): Violation[] {
  const acked = view.records.acked(p);
  if (acked.length === 0) return [];
  // Acknowledged records are in offset order: those a client asked deleted are the head, and need no holder.
  const deletedBelow = view.records.deletedBelow(p);
  const kept = deletedBelow === 0 ? 0 : firstAtOrAbove(acked, deletedBelow);
  let best = kept;
  for (const id of holders) {
    const log = view.brokers.find((b) => b.id === id)?.disk.log(topicId, p);
    if (log === undefined) continue;
    const key = `${p}:${id}`;
    let cursor = memory.ackCursors.get(key);
    if (cursor === undefined || cursor.destructive !== log.destructiveChangeCount || cursor.reorders !== view.records.reorders(p)) {
      cursor = { destructive: log.destructiveChangeCount, reorders: view.records.reorders(p), verified: 0 };
      memory.ackCursors.set(key, cursor);
    }
    cursor.verified = Math.max(cursor.verified, kept);
    while (cursor.verified < acked.length && holds(log, acked[cursor.verified]!)) cursor.verified++;
    best = Math.max(best, cursor.verified);
  }
  if (best === acked.length) return [];
  // No one holder has every acknowledged record; each record still needs some holder.
  const violations: Violation[] = [];
  for (const record of acked.slice(best)) {
    const held = holders.some((id) => holds(view.brokers.find((b) => b.id === id)?.disk.log(topicId, p), record));
    if (held) continue;
    const where = holders.map((id) => describeLogAt(view, id, topicId, p, record.offset)).join('; ');
    violations.push({
      invariant: 'acknowledgedRecordsSurvive',
      message: `partition ${p}: ${record.payload} acknowledged at offset ${record.offset} (at ${record.ackedAt}ms) is in no flushed log of [${holders.join(',')}]: ${where}`,
    });
    break;
  }
  return violations;
}

/** The index of the first record at or above `offset` in offset order (the length when none is). */
function firstAtOrAbove(records: readonly AckedRecord[], offset: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[mid]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function logStartsOnlyWhereDeleted(view: ReplicationView, topicId: string, p: number): Violation[] {
  const deletedBelow = view.records.deletedBelow(p);
  const violations: Violation[] = [];
  for (const broker of view.brokers) {
    const log = broker.disk.log(topicId, p);
    if (log !== undefined && log.logStartOffset > deletedBelow) {
      violations.push({ invariant: 'logStartsOnlyWhereDeleted', node: broker.id, message: `partition ${p}: broker ${broker.id}'s log starts at ${log.logStartOffset}, but records were asked deleted only below ${deletedBelow}` });
    }
  }
  return violations;
}

function holds(log: MemoryLog | undefined, record: AckedRecord): boolean {
  return flushedPayloadAt(log, record.offset) === record.payload;
}

function describeLogAt(view: ReplicationView, id: BrokerId, topicId: string, p: number, offset: number): string {
  const log = view.brokers.find((b) => b.id === id)?.disk.log(topicId, p);
  if (log === undefined) return `broker ${id} has no log`;
  const record = log.recordAt(offset);
  const payload = record === undefined || record.value === null ? 'nothing' : decoder.decode(record.value);
  return `broker ${id} holds ${payload} there (log end ${log.logEndOffset}, flushed to ${log.recoveryPoint})`;
}

function highWatermarks(
  view: ReplicationView,
  memory: ReplicationInvariantMemory,
  topicId: string,
  p: number,
  leaderId: BrokerId,
  leaderEpoch: number,
  isr: readonly BrokerId[],
): Violation[] {
  const violations: Violation[] = [];
  for (const broker of view.brokers) {
    const state = broker.node?.manager.partition(topicId, p)?.leader ?? null;
    if (state === null) continue;
    const key = `${p}:${state.leaderEpoch}`;
    const hw = state.highWatermark();
    const before = memory.highWatermarks.get(key);
    if (before !== undefined && hw < before) {
      violations.push({ invariant: 'leaderHighWatermarkNeverDecreases', node: broker.id, message: `partition ${p}: leader ${broker.id} at epoch ${state.leaderEpoch} moved its HW back from ${before} to ${hw}` });
    }
    memory.highWatermarks.set(key, Math.max(hw, before ?? hw));
  }
  if (leaderId < 0) return violations;
  const leaderNode = view.brokers.find((b) => b.id === leaderId)?.node ?? null;
  const leaderPartition = leaderNode?.manager.partition(topicId, p);
  const leaderState = leaderPartition?.leader ?? null;
  if (leaderNode === null || leaderPartition === undefined || leaderState === null || leaderState.leaderEpoch !== leaderEpoch) return violations;
  const hw = leaderState.highWatermark();
  for (const id of isr) {
    const disk = view.brokers.find((b) => b.id === id)?.disk;
    // A flipped bit cut this member's log, and the controller cannot know until the broker's next
    // registration reports it (which takes it out of the ISR): the disk broke the rule, not the protocol.
    if (disk?.damageUnreported(topicId, p) === true) continue;
    const log = disk?.log(topicId, p);
    const flushed = log?.recoveryPoint ?? 0;
    if (hw > flushed) {
      violations.push({
        invariant: 'highWatermarkWithinIsrLogs',
        message: `partition ${p}: leader ${leaderId} (epoch ${leaderEpoch}) has HW ${hw}, but ISR member ${id} has flushed only up to ${flushed} (log end ${log?.logEndOffset ?? 0})`,
      });
    }
  }
  const leaderLog = view.brokers.find((b) => b.id === leaderId)?.disk.log(topicId, p);
  if (leaderLog === undefined) return violations;
  for (const broker of view.brokers) {
    if (broker.id === leaderId || broker.node === null) continue;
    const replica = broker.node.manager.partition(topicId, p);
    const replicaLog = broker.disk.log(topicId, p);
    if (replica === undefined || replicaLog === undefined) continue;
    const bound = Math.min(replica.highWatermark, hw);
    const problem = comparePrefix(memory, `${p}:${broker.id}:${leaderId}`, replicaLog, leaderLog, bound);
    if (problem !== null) {
      violations.push({ invariant: 'committedPrefixesAgree', node: broker.id, message: `partition ${p}: below HW ${bound}, broker ${broker.id}'s log differs from leader ${leaderId}'s: ${problem}` });
    }
  }
  return violations;
}

/** Compares whole batches of `replica` and `leader` that end below `bound`, from where the cursor left off. */
function comparePrefix(memory: ReplicationInvariantMemory, key: string, replica: MemoryLog, leader: MemoryLog, bound: number): string | null {
  let cursor = memory.prefixCursors.get(key);
  if (cursor === undefined || cursor.replicaDestructive !== replica.destructiveChangeCount || cursor.leaderDestructive !== leader.destructiveChangeCount) {
    cursor = { replicaDestructive: replica.destructiveChangeCount, leaderDestructive: leader.destructiveChangeCount, verified: 0 };
    memory.prefixCursors.set(key, cursor);
  }
  const mine = replica.storedBatches;
  const theirs = leader.storedBatches;
  if (replica.logStartOffset !== leader.logStartOffset) return null;
  while (cursor.verified < mine.length && mine[cursor.verified]!.lastOffset < bound) {
    const a = mine[cursor.verified]!;
    const b = theirs[cursor.verified];
    if (b === undefined || a.baseOffset !== b.baseOffset || a.lastOffset !== b.lastOffset || !sameBytes(a.bytes, b.bytes)) {
      return `batch ${cursor.verified} is [${a.baseOffset}..${a.lastOffset}] epoch ${a.epoch} here, ${b === undefined ? 'missing' : `[${b.baseOffset}..${b.lastOffset}] epoch ${b.epoch}`} on the leader`;
    }
    cursor.verified++;
  }
  return null;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
