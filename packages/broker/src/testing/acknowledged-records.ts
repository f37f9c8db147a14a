/**
 * What the clients were told and saw, kept as the truth the invariants compare the brokers with:
 * every payload the producer sent (each attempt has its own, so a payload names one append), every
 * acks=all success as (partition, offset, payload), every record a consumer read, and the offsets
 * clients asked records to be deleted below (DeleteRecords). Contradictions
 * that need no broker state — an offset acknowledged twice with different payloads, a consumer
 * reading something else where an acknowledged record sits, a committed record changing under a
 * consumer, a record read out of order — are found here as they happen.
 */
import type { Violation } from '@kz/raft/testing';

export interface AckedRecord {
  readonly offset: number;
  readonly payload: string;
  readonly ackedAt: number;
}

export interface ConsumedRecord {
  readonly offset: number;
  readonly payload: string;
  readonly from: number;
  readonly at: number;
}

class PartitionRecords {
  /** Acknowledged records by offset, in offset order. */
  readonly acked: AckedRecord[] = [];
  readonly ackedByOffset = new Map<number, AckedRecord>();
  readonly consumed = new Map<number, ConsumedRecord>();
  readonly offsetOfConsumedPayload = new Map<string, number>();
  /** Bumped when an acknowledgement lands below an earlier one, so incremental checks start over. */
  reorders = 0;
  /** The highest offset a DeleteRecords asked records to be deleted below (0: none asked). */
  deletedBelow = 0;
}

export class AcknowledgedRecords {
  private readonly partitions: PartitionRecords[];
  private readonly sent = new Set<string>();
  private problems: Violation[] = [];
  ackedCount = 0;
  consumedCount = 0;

  constructor(partitionCount: number) {
    this.partitions = Array.from({ length: partitionCount }, () => new PartitionRecords());
  }

  get partitionCount(): number {
    return this.partitions.length;
  }

  onSent(payload: string): void {
    this.sent.add(payload);
  }

  onAcked(partition: number, offset: number, payload: string, now: number): void {
    const p = this.partitions[partition]!;
    const earlier = p.ackedByOffset.get(offset);
    if (earlier !== undefined) {
      if (earlier.payload !== payload) {
        this.problems.push({ invariant: 'oneRecordPerAcknowledgedOffset', message: `partition ${partition} offset ${offset} acknowledged as ${earlier.payload} at ${earlier.ackedAt}ms and as ${payload}` });
      }
      return;
    }
    const record = { offset, payload, ackedAt: now };
    p.ackedByOffset.set(offset, record);
    let at = p.acked.length;
    while (at > 0 && p.acked[at - 1]!.offset > offset) at--;
    if (at < p.acked.length) p.reorders++;
    p.acked.splice(at, 0, record);
    this.ackedCount++;
    const consumed = p.consumed.get(offset);
    if (consumed !== undefined && consumed.payload !== payload) {
      this.problems.push({ invariant: 'consumersSeeAcknowledgedRecords', message: `partition ${partition} offset ${offset}: acknowledged ${payload}, but a consumer read ${consumed.payload} there (from broker ${consumed.from})` });
    }
  }

  /** A consumer read `payload` at `offset`, its position being `expected`. */
  onConsumed(partition: number, offset: number, expected: number, payload: string, from: number, now: number): void {
    const p = this.partitions[partition]!;
    this.consumedCount++;
    const where = `partition ${partition} offset ${offset} (read from broker ${from})`;
    if (offset !== expected) this.problems.push({ invariant: 'consumersReadInOrder', message: `${where}: the consumer expected offset ${expected} next` });
    if (!this.sent.has(payload)) this.problems.push({ invariant: 'consumersReadOnlyProducedRecords', message: `${where}: ${payload} was never produced` });
    const acked = p.ackedByOffset.get(offset);
    if (acked !== undefined && acked.payload !== payload) {
      this.problems.push({ invariant: 'consumersSeeAcknowledgedRecords', message: `${where}: read ${payload}, but ${acked.payload} was acknowledged at that offset` });
    }
    const before = p.consumed.get(offset);
    if (before !== undefined && before.payload !== payload) {
      this.problems.push({ invariant: 'committedRecordsNeverChange', message: `${where}: read ${payload}, but ${before.payload} was read there before (from broker ${before.from} at ${before.at}ms)` });
    }
    const elsewhere = p.offsetOfConsumedPayload.get(payload);
    if (elsewhere !== undefined && elsewhere !== offset) {
      this.problems.push({ invariant: 'committedRecordsNeverChange', message: `${where}: ${payload} was read at offset ${elsewhere} before` });
    }
    if (before === undefined) p.consumed.set(offset, { offset, payload, from, at: now });
    p.offsetOfConsumedPayload.set(payload, offset);
  }

  /**
   * A client asked for the records below `offset` to be deleted. Recorded when asked, not when
   * answered: the leader moves its log start when the request reaches it, answer or not.
   */
  onDeleteRequested(partition: number, offset: number): void {
    const p = this.partitions[partition]!;
    p.deletedBelow = Math.max(p.deletedBelow, offset);
  }

  /** Below this offset, records may be gone because a client asked for it. */
  deletedBelow(partition: number): number {
    return this.partitions[partition]!.deletedBelow;
  }

  /**
   * A consumer's position jumped from `from` to `to` (its fetch was out of range: the log now starts
   * at `to`, and it resets to the earliest offset). Only deleted records may be skipped.
   */
  onSkipped(partition: number, from: number, to: number, broker: number): void {
    const deleted = this.partitions[partition]!.deletedBelow;
    if (to > deleted) {
      this.problems.push({ invariant: 'consumersSkipOnlyDeletedRecords', message: `partition ${partition}: broker ${broker} sent the consumer from ${from} to ${to}, but records were asked deleted only below ${deleted}` });
    }
  }

  acked(partition: number): readonly AckedRecord[] {
    return this.partitions[partition]!.acked;
  }

  reorders(partition: number): number {
    return this.partitions[partition]!.reorders;
  }

  consumed(partition: number): ReadonlyMap<number, ConsumedRecord> {
    return this.partitions[partition]!.consumed;
  }

  /** Contradictions found since the last call. */
  takeProblems(): Violation[] {
    const out = this.problems;
    this.problems = [];
    return out;
  }
}
