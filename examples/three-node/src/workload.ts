/**
 * Workload: a producer with acks=all and a consumer of every partition, running side by side while
 * nodes die, and the bookkeeping that says afterwards whether anything acknowledged went missing.
 *
 * Every value is unique (`seq-<n>`), so the consumer's side can be checked by value alone:
 * - produced:   sends attempted;
 * - acked:      sends the cluster acknowledged (acks=all: on the disk of every ISR member);
 * - consumed:   DISTINCT values read back (a value stored twice counts once here);
 * - duplicated: extra copies read. The producer is idempotent (the default with acks=all): a send
 *               retried after a lost answer, even at the next leader, is recognised by its producer id
 *               and sequence and stored once, so this must be 0;
 * - lost:       acknowledged values the consumer never read.
 *
 * A send that fails (NOT_ENOUGH_REPLICAS, a timeout during a failover) is simply not acked: the
 * producer promised nothing about it. If it was stored anyway, the consumer may still read it.
 */
import type { ConsumedRecord, KzClient, KzConsumer, KzProducer } from '@kz/broker';

export interface WorkloadOptions {
  readonly client: KzClient;
  readonly topic: string;
  readonly partitions: number;
  /** Sends awaiting their answer at most: enough to keep every partition's pipeline full. */
  readonly maxInFlight: number;
  /** How long a send may retry through a failover before it counts as failed. */
  readonly deliveryTimeoutMs: number;
}

export interface WorkloadCounts {
  readonly produced: number;
  readonly acked: number;
  readonly failed: number;
  readonly inFlight: number;
  readonly consumed: number;
  readonly duplicated: number;
}

export interface WorkloadResult extends WorkloadCounts {
  readonly lost: number;
  /** A few of the lost values, to look for in the node logs. */
  readonly lostExamples: readonly string[];
  /** Partitions the consumer could not read to their end before giving up (should be none). */
  readonly unfinished: readonly number[];
}

const VALUE_PREFIX = 'seq-';

export class Workload {
  private readonly client: KzClient;
  private readonly topic: string;
  private readonly partitions: number;
  private readonly maxInFlight: number;
  private readonly producer: KzProducer;
  private readonly consumer: KzConsumer;
  private produced = 0;
  private failed = 0;
  private inFlight = 0;
  /** The sequence numbers acknowledged. */
  private readonly acked = new Set<number>();
  /** Distinct sequence numbers read. */
  private readonly consumed = new Set<number>();
  private duplicated = 0;
  /** Per partition, the next offset the consumer has not yet read: a record below it is a re-read, not a stored copy. */
  private readonly readUpTo: number[];
  private producing = false;
  private consuming = false;
  private producerLoop: Promise<void> = Promise.resolve();
  private consumerLoop: Promise<void> = Promise.resolve();
  /** Wakes the producer loop when a send finishes (a slot frees up, or the last one ends). */
  private wake: (() => void) | undefined;
  private lastSendError: Error | undefined;

  constructor(options: WorkloadOptions) {
    this.client = options.client;
    this.topic = options.topic;
    this.partitions = options.partitions;
    this.maxInFlight = options.maxInFlight;
    // A small linger: with hundreds of sends in flight, batches fill themselves.
    this.producer = options.client.producer({ acks: -1, lingerMs: 2, deliveryTimeoutMs: options.deliveryTimeoutMs });
    this.consumer = options.client.consumer({ maxWaitMs: 200 });
    this.readUpTo = Array.from({ length: options.partitions }, () => 0);
  }

  start(): void {
    this.consumer.assign(Array.from({ length: this.partitions }, (_, partition) => ({ topic: this.topic, partition, from: 'earliest' as const })));
    this.producing = true;
    this.consuming = true;
    this.producerLoop = this.produce();
    this.consumerLoop = this.consume();
  }

  counts(): WorkloadCounts {
    return {
      produced: this.produced,
      acked: this.acked.size,
      failed: this.failed,
      inFlight: this.inFlight,
      consumed: this.consumed.size,
      duplicated: this.duplicated,
    };
  }

  /** The last error a send failed with, for the timeline. */
  get lastError(): Error | undefined {
    return this.lastSendError;
  }

  /**
   * Stops producing, waits for every send's answer, then lets the consumer read every partition up
   * to its high watermark as it is now — everything acknowledged is below it — and compares.
   */
  async finish(readTimeoutMs: number): Promise<WorkloadResult> {
    this.producing = false;
    this.wake?.();
    await this.producerLoop;
    await this.producer.close();
    const ends = await this.client.listOffsets(Array.from({ length: this.partitions }, (_, partition) => ({ topic: this.topic, partition, timestamp: 'latest' as const })));
    const deadline = Date.now() + readTimeoutMs;
    const unread = (): number[] => ends.filter((end) => this.readUpTo[end.partition]! < end.offset).map((end) => end.partition);
    while (unread().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    this.consuming = false;
    await this.consumerLoop;
    await this.consumer.close();
    const missing = [...this.acked].filter((n) => !this.consumed.has(n));
    return {
      ...this.counts(),
      lost: missing.length,
      lostExamples: missing.slice(0, 5).map((n) => `${VALUE_PREFIX}${n}`),
      unfinished: unread(),
    };
  }

  private async produce(): Promise<void> {
    while (this.producing || this.inFlight > 0) {
      if (!this.producing || this.inFlight >= this.maxInFlight) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      const n = this.produced++;
      this.inFlight += 1;
      // Round-robin by hand, so every partition (and so every leader) carries the same load.
      this.producer.send(this.topic, { partition: n % this.partitions, value: Buffer.from(`${VALUE_PREFIX}${n}`) }).then(
        () => this.acked.add(n),
        (error: unknown) => {
          this.failed += 1;
          this.lastSendError = error instanceof Error ? error : new Error(String(error));
        },
      ).finally(() => {
        this.inFlight -= 1;
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
      });
      // Let answers and the consumer in between sends: the loop never blocks the event loop for long.
      if (n % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async consume(): Promise<void> {
    while (this.consuming) {
      let records: ConsumedRecord[];
      try {
        records = await this.consumer.poll();
      } catch {
        // A leader moving or a node down: the consumer finds the new leader on its next poll.
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      for (const record of records) this.take(record);
    }
  }

  private take(record: ConsumedRecord): void {
    if (record.offset < this.readUpTo[record.partition]!) return;
    this.readUpTo[record.partition] = record.offset + 1;
    const value = record.value === null ? '' : Buffer.from(record.value).toString();
    if (!value.startsWith(VALUE_PREFIX)) return;
    const n = Number(value.slice(VALUE_PREFIX.length));
    if (this.consumed.has(n)) this.duplicated += 1;
    else this.consumed.add(n);
  }
}
