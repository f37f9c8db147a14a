/**
 * The simulated producer: acks=all batches to each partition's leader as its metadata shows it, up
 * to `maxInFlight` batches per partition at once (Kafka's max.in.flight.requests.per.connection, so
 * several acks=all produces wait in the leader's purgatory together), each retried on any error or
 * timeout. Every attempt carries new payloads ("p0-b12-a2-r1": partition, batch, attempt, record),
 * so a record in a log names the one append that wrote it and a retry's duplicate is told apart
 * from the original. Without idempotence a retried batch may land after later ones, as in Kafka. An
 * acks=all success is reported (AcknowledgedRecords) with the offset of every record in the batch.
 */
import type { NodeId } from '@kz/raft';
import type { SeededRandom } from '@kz/raft/testing';
import { encodeRecordBatch } from '@kz/records';
import { kafkaErrorName, type BrokerId } from '@kz/metadata';
import type { ProduceRequest, ProduceResponse } from '../protocol/produce';
import type { AcknowledgedRecords } from './acknowledged-records';
import type { ClientMetadata } from './client-metadata';
import type { RpcChannel } from './rpc-channel';

export interface ProducerSettings {
  /** A new batch this long after the previous one was acknowledged (per partition). */
  readonly intervalMs: number;
  readonly maxRecordsPerBatch: number;
  /** Batches in flight per partition at most. */
  readonly maxInFlight: number;
  /** The produce request's timeoutMs: how long acks=all may wait for the ISR. */
  readonly ackTimeoutMs: number;
  /** A request unanswered this long is retried (the client's request.timeout.ms). */
  readonly requestTimeoutMs: number;
  readonly retryBackoffMs: number;
}

export interface ProducerEnvironment {
  readonly clientId: NodeId;
  readonly topic: string;
  readonly partitions: number;
  readonly settings: ProducerSettings;
  readonly random: SeededRandom;
  readonly rpc: RpcChannel;
  readonly metadata: ClientMetadata;
  readonly records: AcknowledgedRecords;
  serveProduce(broker: BrokerId, request: ProduceRequest): Promise<ProduceResponse> | null;
  now(): number;
  schedule(at: number, label: string, run: () => void): void;
  trace(text: string): void;
}

interface Batch {
  readonly partition: number;
  readonly seq: number;
  attempt: number;
  readonly count: number;
}

export interface ProducerStats {
  attempts: number;
  acknowledged: number;
  timeouts: number;
  readonly errors: Map<string, number>;
}

class PartitionProducer {
  nextSeq = 0;
  /** Batches on the wire. */
  readonly inFlight = new Set<Batch>();
  /** Batches that failed and wait for their retry. */
  readonly retrying = new Set<Batch>();
  /** A fill is scheduled (the interval after an ack, or a back-off). */
  fillAt: number | null = null;
}

export class SimProducer {
  private readonly partitions: PartitionProducer[];
  private stopped = true;
  readonly stats: ProducerStats = { attempts: 0, acknowledged: 0, timeouts: 0, errors: new Map() };

  constructor(private readonly env: ProducerEnvironment) {
    this.partitions = Array.from({ length: env.partitions }, () => new PartitionProducer());
  }

  /** Starts producing to every partition. */
  start(): void {
    this.stopped = false;
    for (let p = 0; p < this.env.partitions; p++) this.fill(p);
  }

  /** Stops starting new batches; the ones started keep retrying until acknowledged. */
  stop(): void {
    this.stopped = true;
  }

  /** Batches started but not acknowledged yet. */
  get pending(): number {
    return this.partitions.reduce((n, p) => n + p.inFlight.size + p.retrying.size, 0);
  }

  /** Sends what may be sent now: retries first, then new batches, up to maxInFlight. */
  private fill(partition: number): void {
    const state = this.partitions[partition]!;
    while (state.inFlight.size < this.env.settings.maxInFlight) {
      let batch: Batch | undefined = state.retrying.values().next().value;
      if (batch !== undefined) state.retrying.delete(batch);
      else if (!this.stopped) batch = { partition, seq: state.nextSeq++, attempt: 0, count: this.env.random.int(1, this.env.settings.maxRecordsPerBatch) };
      else return;
      if (!this.send(batch)) return;
    }
  }

  /** Sends one attempt of `batch`; false (and the batch waits for a retry) when no leader is known. */
  private send(batch: Batch): boolean {
    const { partition } = batch;
    const state = this.partitions[partition]!;
    const leader = this.env.metadata.leader(partition);
    if (leader === undefined || this.env.metadata.topicId === null) {
      this.env.metadata.refresh();
      this.failed(batch, 'NO_KNOWN_LEADER');
      return false;
    }
    batch.attempt++;
    this.stats.attempts++;
    state.inFlight.add(batch);
    const payloads = Array.from({ length: batch.count }, (_, i) => `p${partition}-b${batch.seq}-a${batch.attempt}-r${i}`);
    for (const payload of payloads) this.env.records.onSent(payload);
    const now = this.env.now();
    const records = encodeRecordBatch({ records: payloads.map((payload) => ({ key: null, value: new TextEncoder().encode(payload), timestamp: now })) });
    const request: ProduceRequest = { acks: -1, timeoutMs: this.env.settings.ackTimeoutMs, topics: [{ name: this.env.topic, partitions: [{ partition, records }] }] };
    let settled = false;
    this.env.rpc.call<ProduceResponse>(this.env.clientId, leader.leaderId, 'produce', () => this.env.serveProduce(leader.leaderId, request), (response) => {
      if (settled) return;
      settled = true;
      state.inFlight.delete(batch);
      this.onResponse(batch, payloads, leader.leaderId, response);
    });
    this.env.schedule(now + this.env.settings.requestTimeoutMs, `produce p${partition} timeout`, () => {
      if (settled) return;
      settled = true;
      state.inFlight.delete(batch);
      this.stats.timeouts++;
      this.env.metadata.refresh();
      this.failed(batch, 'CLIENT_TIMEOUT');
    });
    return true;
  }

  private onResponse(batch: Batch, payloads: readonly string[], broker: BrokerId, response: ProduceResponse): void {
    const answer = response.topics[0]?.partitions[0];
    if (answer === undefined) {
      this.failed(batch, 'EMPTY_RESPONSE');
      return;
    }
    if (answer.errorCode !== 0) {
      if (answer.currentLeader !== null) this.env.metadata.hint(batch.partition, answer.currentLeader);
      else this.env.metadata.refresh();
      this.failed(batch, kafkaErrorName(answer.errorCode));
      return;
    }
    const now = this.env.now();
    payloads.forEach((payload, i) => this.env.records.onAcked(batch.partition, answer.baseOffset + i, payload, now));
    this.stats.acknowledged += payloads.length;
    this.env.trace(`producer: p${batch.partition} acknowledged by broker ${broker} at offsets ${answer.baseOffset}..${answer.baseOffset + payloads.length - 1} (${payloads[0]}..)`);
    this.fillAfter(batch.partition, this.env.settings.intervalMs);
  }

  private failed(batch: Batch, reason: string): void {
    this.stats.errors.set(reason, (this.stats.errors.get(reason) ?? 0) + 1);
    this.partitions[batch.partition]!.retrying.add(batch);
    this.fillAfter(batch.partition, this.env.settings.retryBackoffMs);
  }

  private fillAfter(partition: number, delayMs: number): void {
    const state = this.partitions[partition]!;
    const at = this.env.now() + delayMs;
    if (state.fillAt !== null && state.fillAt <= at) return;
    state.fillAt = at;
    this.env.schedule(at, `produce p${partition}`, () => {
      if (state.fillAt !== at) return;
      state.fillAt = null;
      this.fill(partition);
    });
  }
}
