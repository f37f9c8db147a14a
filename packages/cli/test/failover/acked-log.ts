/**
 * What the producer was told, and whether the topic still says it. An acks=all acknowledgement is
 * a promise that the record is at that partition and offset for good, whatever happens to the
 * processes afterwards; these checks hold the cluster to it once it has healed.
 */
import type { ConsumedRecord } from '@kz/broker';

export interface Ack {
  /** The order the producer sent it in (its value is `r<run>-<seq>`). */
  readonly seq: number;
  readonly value: string;
  readonly partition: number;
  readonly offset: number;
}

export class AckedLog {
  private readonly acks: Ack[] = [];
  /** Failed sends by error name: expected while nodes are down, reported to say what the run went through. */
  readonly failures = new Map<string, number>();

  record(ack: Ack): void {
    this.acks.push(ack);
  }

  fail(reason: string): void {
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }

  get size(): number {
    return this.acks.length;
  }

  all(): readonly Ack[] {
    return this.acks;
  }

  /**
   * The broken promises, in words (empty when every promise held):
   * (1) every acknowledged record is in the log at the partition and offset it was acknowledged at,
   *     with its value;
   * (2) within a partition, acknowledged records sit in the order they were sent — the idempotent
   *     producer's retries keep their sequence numbers, so a later send never lands before an earlier one;
   * (3) no record is stored twice — a send retried after a lost answer is recognised by its
   *     producer id and sequence, at the same leader or the next one.
   */
  violations(read: readonly ConsumedRecord[]): string[] {
    const stored = new Map<string, string | null>();
    for (const r of read) stored.set(`${r.partition}:${r.offset}`, r.value === null ? null : Buffer.from(r.value).toString());
    const problems: string[] = [];

    const lost = this.acks.filter((a) => stored.get(`${a.partition}:${a.offset}`) !== a.value);
    for (const a of lost.slice(0, 20)) {
      const at = `${a.partition}:${a.offset}`;
      const found = stored.has(at) ? `found ${JSON.stringify(stored.get(at))}` : 'nothing there (beyond the high watermark or truncated away)';
      problems.push(`acked ${a.value} (send #${a.seq}) at partition ${a.partition} offset ${a.offset}: ${found}`);
    }
    if (lost.length > 20) problems.push(`... and ${lost.length - 20} more acknowledged records not read back`);

    const byPartition = new Map<number, Ack[]>();
    for (const a of this.acks) byPartition.set(a.partition, [...(byPartition.get(a.partition) ?? []), a]);
    for (const [partition, acks] of [...byPartition].sort(([a], [b]) => a - b)) {
      const inSendOrder = [...acks].sort((a, b) => a.seq - b.seq);
      for (let i = 1; i < inSendOrder.length; i++) {
        const before = inSendOrder[i - 1]!;
        const after = inSendOrder[i]!;
        if (after.offset <= before.offset) {
          problems.push(`partition ${partition}: ${after.value} was sent after ${before.value} but acked at offset ${after.offset} <= ${before.offset}`);
        }
      }
    }
    const seen = new Map<string, string>();
    let duplicates = 0;
    for (const r of read) {
      const value = r.value === null ? '' : Buffer.from(r.value).toString();
      const first = seen.get(value);
      if (first === undefined) seen.set(value, `${r.partition}:${r.offset}`);
      else if (duplicates++ < 20) problems.push(`${value} is stored twice: at ${first} and at ${r.partition}:${r.offset}`);
    }
    if (duplicates > 20) problems.push(`... and ${duplicates - 20} more records stored twice`);
    return problems;
  }

  summary(): string {
    const failed = [...this.failures].map(([reason, n]) => `${n} ${reason}`).join(', ');
    return `${this.acks.length} acked${failed === '' ? '' : `, failed: ${failed}`}`;
  }
}
