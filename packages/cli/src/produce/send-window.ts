/**
 * Bounds how many sends are in flight at once, as Kafka's producer bounds buffer.memory: the
 * loop feeding the producer waits for a slot, so generated load or a fast stdin cannot queue
 * unbounded records in memory. Records the outcome and latency of every send.
 */
import type { KzProducer, ProducerRecord } from '@kz/broker';

export interface SendTally {
  sent: number;
  acked: number;
  failed: number;
  bytes: number;
  /** The first failure: what `kz produce` exits with. */
  firstError: Error | undefined;
  /** Milliseconds from send to acknowledgement, per acknowledged record. */
  readonly latenciesMs: number[];
}

export class SendWindow {
  readonly tally: SendTally = { sent: 0, acked: 0, failed: 0, bytes: 0, firstError: undefined, latenciesMs: [] };
  private inFlight = 0;
  private slotFreed: (() => void) | undefined;
  private drained: (() => void) | undefined;

  constructor(
    private readonly producer: KzProducer,
    private readonly topic: string,
    private readonly maxInFlight: number,
  ) {}

  async send(record: ProducerRecord): Promise<void> {
    while (this.inFlight >= this.maxInFlight) await new Promise<void>((resolve) => (this.slotFreed = resolve));
    this.inFlight += 1;
    this.tally.sent += 1;
    this.tally.bytes += record.value.length;
    const started = performance.now();
    this.producer.send(this.topic, record).then(
      () => {
        this.tally.acked += 1;
        this.tally.latenciesMs.push(performance.now() - started);
        this.release();
      },
      (error: unknown) => {
        this.tally.failed += 1;
        this.tally.firstError ??= error instanceof Error ? error : new Error(String(error));
        this.release();
      },
    );
  }

  /** Resolves once every send has been answered. */
  async drain(): Promise<void> {
    await this.producer.flush();
    while (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
  }

  private release(): void {
    this.inFlight -= 1;
    const freed = this.slotFreed;
    this.slotFreed = undefined;
    freed?.();
    if (this.inFlight === 0) {
      const drained = this.drained;
      this.drained = undefined;
      drained?.();
    }
  }
}

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
