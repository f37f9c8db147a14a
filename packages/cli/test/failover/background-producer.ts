/**
 * The load that runs through the faults: an acks=all producer sending unique, increasing values
 * (`r<run>-<seq>`) round-robin over the topic's partitions, with a bounded number of sends in
 * flight per partition so that a partition that cannot commit (its leader paused, two nodes down:
 * NOT_ENOUGH_REPLICAS) stalls only its own sends while the others keep being written, instead of
 * queueing without end. Every acknowledgement goes into the AckedLog; failures are expected while
 * nodes are down and are only counted.
 */
import type { KzClient, KzProducer } from '@kz/broker';
import { sleep } from '@kz/raft/testing';
import { AckedLog } from './acked-log';

/** Per partition: 3 partitions, so at most ~100 sends outstanding in all. */
const MAX_IN_FLIGHT_PER_PARTITION = 34;
/** A gentle pace (≤ ~200 records/s) keeps a run's read-back small while every partition sees writes throughout. */
const SEND_INTERVAL_MS = 5;
/**
 * A send may retry this long. Shorter than the default 120 s so that the sends stuck behind a
 * quorum that lost its majority give up within a run, but longer than a heal usually takes.
 */
const DELIVERY_TIMEOUT_MS = 45_000;

export class BackgroundProducer {
  readonly acked = new AckedLog();
  private readonly producer: KzProducer;
  /** Partition → its sends not yet acknowledged or failed. */
  private readonly inFlight = new Map<number, Set<Promise<void>>>();
  private running = true;
  private seq = 0;
  private readonly loop: Promise<void>;

  constructor(
    client: KzClient,
    private readonly topic: string,
    private readonly partitions: number,
    private readonly run: number,
  ) {
    this.producer = client.producer({ acks: -1, lingerMs: 2, deliveryTimeoutMs: DELIVERY_TIMEOUT_MS });
    this.loop = this.produce();
  }

  get sent(): number {
    return this.seq;
  }

  /** Stops sending and waits until every send has been acknowledged or has failed. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.allSettled([...this.inFlight.values()].flatMap((sends) => [...sends]));
    await this.producer.close();
  }

  private async produce(): Promise<void> {
    let next = 0;
    while (this.running) {
      // The next partition, round-robin, that has room; with none, wait for any send to settle.
      const open = Array.from({ length: this.partitions }, (_, i) => (next + i) % this.partitions).find((p) => (this.inFlight.get(p)?.size ?? 0) < MAX_IN_FLIGHT_PER_PARTITION);
      if (open === undefined) {
        await Promise.race([...this.inFlight.values()].flatMap((sends) => [...sends]));
        continue;
      }
      next = (open + 1) % this.partitions;
      this.sendTo(open);
      await sleep(SEND_INTERVAL_MS);
    }
  }

  private sendTo(partition: number): void {
    const seq = this.seq++;
    const value = `r${this.run}-${seq}`;
    let sends = this.inFlight.get(partition);
    if (sends === undefined) this.inFlight.set(partition, (sends = new Set()));
    const tracked: Promise<void> = this.producer
      .send(this.topic, { partition, value: Buffer.from(value) })
      .then(
        (ack) => this.acked.record({ seq, value, partition: ack.partition, offset: ack.offset }),
        (error: unknown) => this.acked.fail(errorName(error)),
      )
      .finally(() => sends.delete(tracked));
    sends.add(tracked);
  }
}

function errorName(error: unknown): string {
  if (error instanceof Error) return (error as Error & { code?: unknown }).code !== undefined ? String((error as Error & { code?: unknown }).code) : error.name;
  return String(error);
}
