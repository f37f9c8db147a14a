/**
 * KzProducer: Kafka's producer semantics over Kafka's protocol.
 *
 * Records accumulate per partition into one RecordBatch v2 (uncompressed). A batch is sealed when
 * it reaches `batchBytes` or `lingerMs` after its first record, then sent. All the partitions led
 * by one broker that have something to send share one Produce request, and different brokers are
 * sent to in parallel.
 *
 * Idempotent (the default with acks=-1, as in Kafka 3+): the producer takes a producer id and
 * stamps each batch with a per-partition sequence (ProducerIdentity), so the leader appends a
 * retried batch once however often it arrives. Each partition then has up to five batches in
 * flight, one per request, in sequence order; while a batch is being retried, only one, so the
 * retry lands before its successors and the partition's records keep the order they were sent in.
 *
 * Not idempotent (acks 0 or 1, or `idempotent: false`): each partition has at most ONE request in
 * flight (Kafka's max.in.flight.requests.per.connection=1, per partition), so records of a
 * partition are appended in order, retries included; batches sealed meanwhile go together in the
 * partition's next request.
 *
 * Failures: a retriable error (a leader change, NOT_ENOUGH_REPLICAS, a timeout, a broker that
 * cannot be reached, ...) is retried after `retryBackoffMs` — at once when the answer names the
 * new leader — until `deliveryTimeoutMs` after the batch was started; then the send rejects with
 * KzClientError REQUEST_TIMED_OUT (the last failure is its `cause`). Other errors reject at once
 * with KzClientError carrying Kafka's name and code.
 *
 * Without idempotence retries may duplicate: a request whose answer was lost (a timeout, a dropped
 * connection) may have been appended, and its retry appends the records again.
 *
 * With acks=0 a send resolves with offset -1 once the broker has taken the request.
 */
import type { RecordHeader } from '@kz/records';
import type { Logger } from 'pino';
import type { Acks, ProducePartitionResponse, ProduceRequest, ProduceTopicData } from '../protocol/produce';
import { BrokerUnreachableError } from '../service/broker-unreachable-error';
import { MalformedBrokerMessageError } from '../service/malformed-broker-message-error';
import type { ClusterView } from './cluster-view';
import { DefaultPartitioner } from './default-partitioner';
import { KafkaErrorCode } from '@kz/kafka-protocol';
import { ERROR_NONE, isRetriableError, isStaleMetadataError, kafkaError, NETWORK_EXCEPTION } from './kafka-error-policy';
import { KzClientError } from './kz-client-error';
import { estimateRecordBytes, ProducerBatch, type RecordMetadata } from './producer-batch';
import { ProducerIdentity } from './producer-identity';

export interface ProducerOptions {
  readonly acks: Acks;
  /** How long a batch waits for more records before it is sent. Default 5 ms. */
  readonly lingerMs?: number;
  /** A batch is sent once it holds this many bytes. Default 16384. */
  readonly batchBytes?: number;
  /** How long a record may take to be acknowledged, retries included. Default 120 000 ms. */
  readonly deliveryTimeoutMs?: number;
  /** Pause before retrying a failed batch. Default 100 ms. */
  readonly retryBackoffMs?: number;
  /** Most bytes of one partition in one request (Kafka's max.request.size). Default 1 MiB. */
  readonly maxRequestBytes?: number;
  /**
   * enable.idempotence: a retry is never appended twice. Default: true with acks=-1, false
   * otherwise; true needs acks=-1 (INVALID_CONFIG), as in Kafka.
   */
  readonly idempotent?: boolean;
}

export interface ProducerRecord {
  readonly value: Uint8Array;
  readonly key?: Uint8Array | null;
  readonly headers?: RecordHeader[];
  /** Default: the partitioner's choice. */
  readonly partition?: number;
  /** Epoch milliseconds; default now. */
  readonly timestamp?: number;
}

export type { RecordMetadata } from './producer-batch';

export const PRODUCER_DEFAULTS = {
  lingerMs: 5,
  batchBytes: 16384,
  deliveryTimeoutMs: 120_000,
  retryBackoffMs: 100,
  maxRequestBytes: 1024 * 1024,
} as const;

/** Timers fire on whole milliseconds: batches started within this of an expired one count as expired with it. */
const LINGER_SLACK_MS = 1;

/** max.in.flight.requests.per.connection for an idempotent producer: the batches a leader remembers per producer. */
const IDEMPOTENT_MAX_IN_FLIGHT = 5;
const TIMER_SLACK_MS = 2;

const { OUT_OF_ORDER_SEQUENCE_NUMBER, DUPLICATE_SEQUENCE_NUMBER, INVALID_PRODUCER_EPOCH, UNKNOWN_PRODUCER_ID } = KafkaErrorCode;

/** A request never grows beyond this, whatever the partitions hold, to stay well under a broker's socket.request.max.bytes. */
const MAX_REQUEST_TOTAL_BYTES = 32 * 1024 * 1024;

/** One partition's batches: the open one, the sealed ones waiting, the ones on the wire. */
interface PartitionQueue {
  readonly topic: string;
  readonly partition: number;
  open: ProducerBatch | undefined;
  lingerTimer: NodeJS.Timeout | undefined;
  readonly sealed: ProducerBatch[];
  /** Batches sent and not answered yet, oldest first. */
  inFlight: ProducerBatch[];
  /** No attempt before this time (a retry's backoff). */
  retryAt: number;
}

/** A Produce request being built for one leader. */
interface Outgoing {
  readonly queues: PartitionQueue[];
  readonly batches: ProducerBatch[][];
  bytes: number;
}

/** The requests being built for one leader: an idempotent partition's k-th batch goes in the k-th. */
type LeaderRequests = Outgoing[];

/** A send that waits for the topic's metadata before it can be given a partition. */
interface Waiting {
  readonly record: ProducerRecord;
  readonly deadline: number;
  resolve(ack: RecordMetadata): void;
  reject(error: Error): void;
}

export class KzProducer {
  private readonly acks: Acks;
  private readonly lingerMs: number;
  private readonly batchBytes: number;
  private readonly deliveryTimeoutMs: number;
  private readonly retryBackoffMs: number;
  private readonly maxRequestBytes: number;
  private readonly partitioner: DefaultPartitioner;
  /** Present when idempotent. */
  private readonly identity: ProducerIdentity | null;
  private readonly queues = new Map<string, PartitionQueue[]>();
  /** Queues with sealed batches: the only ones a drain looks at. */
  private readonly ready = new Set<PartitionQueue>();
  /** Queues with an open (lingering) batch: a drain takes them along to a leader it sends to anyway. */
  private readonly lingering = new Set<PartitionQueue>();
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly inFlightRequests = new Set<Promise<void>>();
  private drainScheduled = false;
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakeAt = Number.POSITIVE_INFINITY;
  private refreshTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** >0 while a flush runs: new batches are then sealed at once rather than lingering. */
  private flushing = 0;

  constructor(
    private readonly cluster: ClusterView,
    options: ProducerOptions,
    private readonly log: Logger,
  ) {
    if (options.acks !== -1 && options.acks !== 0 && options.acks !== 1) {
      throw new KzClientError('INVALID_REQUIRED_ACKS', KafkaErrorCode.INVALID_REQUIRED_ACKS, `acks must be -1, 0 or 1, got ${String(options.acks)}`);
    }
    this.acks = options.acks;
    this.lingerMs = nonNegative(options.lingerMs ?? PRODUCER_DEFAULTS.lingerMs, 'lingerMs');
    this.batchBytes = positive(options.batchBytes ?? PRODUCER_DEFAULTS.batchBytes, 'batchBytes');
    this.deliveryTimeoutMs = positive(options.deliveryTimeoutMs ?? PRODUCER_DEFAULTS.deliveryTimeoutMs, 'deliveryTimeoutMs');
    this.retryBackoffMs = nonNegative(options.retryBackoffMs ?? PRODUCER_DEFAULTS.retryBackoffMs, 'retryBackoffMs');
    this.maxRequestBytes = positive(options.maxRequestBytes ?? PRODUCER_DEFAULTS.maxRequestBytes, 'maxRequestBytes');
    this.partitioner = new DefaultPartitioner(this.batchBytes);
    const idempotent = options.idempotent ?? options.acks === -1;
    if (idempotent && options.acks !== -1) throw new KzClientError('INVALID_CONFIG', KafkaErrorCode.INVALID_CONFIG, `an idempotent producer needs acks=-1, got acks=${options.acks}`);
    this.identity = idempotent ? new ProducerIdentity(cluster, this.retryBackoffMs, log) : null;
  }

  /** Queues a record; resolves once the broker has acknowledged it as `acks` asks. */
  send(topic: string, record: ProducerRecord): Promise<RecordMetadata> {
    if (this.closed) return Promise.reject(new KzClientError('ILLEGAL_STATE', -1, 'the producer is closed', topic));
    return new Promise<RecordMetadata>((resolve, reject) => {
      const waiting = this.waiting.get(topic);
      const view = this.cluster.topic(topic);
      // Sends to a topic still waiting for metadata queue behind the earlier ones, to keep their order.
      if (waiting === undefined && view !== undefined && view.errorCode === ERROR_NONE && view.partitions.length > 0) {
        // Known through someone else's Metadata call, maybe: make sure refreshes keep it current.
        this.cluster.want([topic]);
        this.append(topic, view.partitions.length, record, { resolve, reject }, Date.now() + this.deliveryTimeoutMs);
        return;
      }
      const entry: Waiting = { record, deadline: Date.now() + this.deliveryTimeoutMs, resolve, reject };
      if (waiting !== undefined) {
        waiting.push(entry);
        return;
      }
      this.waiting.set(topic, [entry]);
      void this.awaitTopic(topic);
    });
  }

  /** Sends everything queued now, without waiting for linger, and resolves once all of it is settled. */
  async flush(): Promise<void> {
    const pending: Promise<unknown>[] = [];
    for (const entries of this.waiting.values()) {
      for (const entry of entries) pending.push(settledOf(entry));
    }
    // Sends waiting for metadata become batches when it comes; while this flush runs, those are
    // sealed as soon as they are appended (see append).
    this.flushing += 1;
    try {
      for (const partitions of this.queues.values()) {
        for (const queue of partitions) {
          if (queue === undefined) continue;
          this.sealOpen(queue);
          for (const batch of queue.sealed) pending.push(batch.whenSettled());
          for (const batch of queue.inFlight) pending.push(batch.whenSettled());
        }
      }
      await Promise.all(pending);
    } finally {
      this.flushing -= 1;
    }
  }

  /** Flushes, then refuses further sends. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    this.clearWake();
    clearTimeout(this.refreshTimer);
    this.identity?.close();
    await Promise.all(this.inFlightRequests);
  }

  // ---------------------------------------------------------------------------- accumulating

  private async awaitTopic(topic: string): Promise<void> {
    this.cluster.want([topic]);
    for (;;) {
      let failure: Error | undefined;
      try {
        await this.cluster.refresh();
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
      const entries = this.waiting.get(topic);
      if (entries === undefined) return;
      const view = this.cluster.topic(topic);
      if (view !== undefined && view.errorCode === ERROR_NONE && view.partitions.length > 0) {
        this.waiting.delete(topic);
        for (const entry of entries) this.append(topic, view.partitions.length, entry.record, entry, entry.deadline);
        return;
      }
      // Not there yet (a topic being created, a cluster starting): wait, up to each send's deadline.
      const now = Date.now();
      const code = view?.errorCode ?? NETWORK_EXCEPTION;
      const expired = entries.filter((e) => e.deadline <= now);
      if (expired.length > 0) {
        const error = new KzClientError(
          'REQUEST_TIMED_OUT',
          7,
          `topic ${topic} not available within ${this.deliveryTimeoutMs} ms: ${failure?.message ?? kafkaError(code, '', topic).message}`,
          topic,
          undefined,
          { cause: failure },
        );
        for (const e of expired) e.reject(error);
        const rest = entries.filter((e) => e.deadline > now);
        if (rest.length === 0) {
          this.waiting.delete(topic);
          return;
        }
        this.waiting.set(topic, rest);
      }
      if (view !== undefined && view.errorCode !== ERROR_NONE && !isRetriableError(view.errorCode)) {
        const error = kafkaError(view.errorCode, 'in metadata', topic);
        for (const e of this.waiting.get(topic) ?? []) e.reject(error);
        this.waiting.delete(topic);
        return;
      }
      await sleep(Math.max(1, this.retryBackoffMs));
      if (this.closed && !this.waiting.has(topic)) return;
    }
  }

  /** Adds the record to its partition's open batch; `deadline` is when it must be acknowledged by. */
  private append(topic: string, numPartitions: number, record: ProducerRecord, waiter: Pick<Waiting, 'resolve' | 'reject'>, deadline: number): void {
    const key = record.key ?? null;
    const timestamp = record.timestamp ?? Date.now();
    // Checked here, one record at a time: a bad one found when its batch is encoded would fail its neighbours.
    if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
      waiter.reject(new KzClientError('INVALID_TIMESTAMP', KafkaErrorCode.INVALID_TIMESTAMP, `timestamp ${timestamp} must be epoch milliseconds ≥ 0`, topic, record.partition));
      return;
    }
    if (!(record.value instanceof Uint8Array) || (key !== null && !(key instanceof Uint8Array))) {
      waiter.reject(new KzClientError('INVALID_RECORD', KafkaErrorCode.INVALID_RECORD, 'a record value (and key, if any) must be a Uint8Array', topic, record.partition));
      return;
    }
    const kafkaRecord = { key, value: record.value, headers: record.headers, timestamp };
    const bytes = estimateRecordBytes(kafkaRecord);
    let partition: number;
    if (record.partition !== undefined) {
      if (!Number.isInteger(record.partition) || record.partition < 0 || record.partition >= numPartitions) {
        waiter.reject(kafkaError(3, `partition ${record.partition} of ${numPartitions}`, topic, record.partition));
        return;
      }
      partition = record.partition;
    } else {
      partition = this.partitioner.partition(topic, key, numPartitions, bytes);
    }
    const queue = this.queueOf(topic, partition);
    let batch = queue.open;
    // A record that would overflow the open batch starts the next one (a lone big record gets its own).
    if (batch !== undefined && batch.count > 0 && batch.estimatedBytes + bytes > this.batchBytes) {
      this.sealOpen(queue);
      batch = undefined;
    }
    if (batch === undefined) {
      batch = new ProducerBatch(topic, partition, deadline);
      queue.open = batch;
      this.lingering.add(queue);
      if (this.flushing === 0) {
        queue.lingerTimer = setTimeout(() => {
          queue.lingerTimer = undefined;
          if (queue.open === batch) this.sealOpen(queue);
        }, this.lingerMs);
      }
    }
    batch.add(kafkaRecord, bytes, { resolve: waiter.resolve, reject: waiter.reject });
    if (batch.estimatedBytes >= this.batchBytes || this.flushing > 0) this.sealOpen(queue);
  }

  private queueOf(topic: string, partition: number): PartitionQueue {
    let partitions = this.queues.get(topic);
    if (partitions === undefined) {
      partitions = [];
      this.queues.set(topic, partitions);
    }
    let queue = partitions[partition];
    if (queue === undefined) {
      queue = { topic, partition, open: undefined, lingerTimer: undefined, sealed: [], inFlight: [], retryAt: 0 };
      partitions[partition] = queue;
    }
    return queue;
  }

  private sealOpen(queue: PartitionQueue): void {
    const batch = queue.open;
    if (batch === undefined) return;
    if (queue.lingerTimer !== undefined) {
      clearTimeout(queue.lingerTimer);
      queue.lingerTimer = undefined;
    }
    queue.open = undefined;
    this.lingering.delete(queue);
    if (batch.count === 0) return;
    try {
      // An idempotent batch is encoded when first sent, with the sequence it gets then.
      if (this.identity === null) batch.seal();
    } catch (error) {
      // Records are checked as they are added, so this is a header the encoder refused.
      const message = error instanceof Error ? error.message : String(error);
      batch.fail(new KzClientError('INVALID_RECORD', KafkaErrorCode.INVALID_RECORD, `${queue.topic}-${queue.partition}: ${message}`, queue.topic, queue.partition, { cause: error }));
      return;
    }
    queue.sealed.push(batch);
    this.ready.add(queue);
    this.scheduleDrain();
  }

  // ---------------------------------------------------------------------------- sending

  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    // setImmediate, not a microtask: sends made in the same turn of the event loop share a request.
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  /** Wakes the drain at `at` (the earliest retry backoff that ends), unless something sooner does. */
  private wakeAtTime(at: number): void {
    if (at >= this.wakeAt || this.closed) return;
    clearTimeout(this.wakeTimer);
    this.wakeAt = at;
    this.wakeTimer = setTimeout(() => {
      this.wakeAt = Number.POSITIVE_INFINITY;
      this.wakeTimer = undefined;
      this.drain();
    }, Math.max(0, at - Date.now()));
  }

  private clearWake(): void {
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeAt = Number.POSITIVE_INFINITY;
  }

  /**
   * Sends what is ready: for each leader with a sealed batch waiting, one request with the head
   * batches of all its partitions that have no request in flight — including batches still
   * lingering, as Kafka's RecordAccumulator.drain does once a node is ready: they would only wait
   * for a request of their own.
   */
  private drain(): void {
    const now = Date.now();
    if (this.identity !== null && !this.identity.ready) {
      this.awaitIdentity(now);
      return;
    }
    const byLeader = new Map<number, LeaderRequests>();
    let needMetadata = false;
    for (const queue of this.ready) {
      if (!this.canSend(queue)) continue;
      this.expire(queue, now);
      if (queue.sealed.length === 0) {
        this.ready.delete(queue);
        continue;
      }
      if (queue.retryAt > now) {
        this.wakeAtTime(queue.retryAt);
        continue;
      }
      const leader = this.cluster.leaderOf(queue.topic, queue.partition);
      if (leader === undefined) {
        needMetadata = true;
        continue;
      }
      let requests = byLeader.get(leader.leaderId);
      if (requests === undefined) {
        requests = [];
        byLeader.set(leader.leaderId, requests);
      }
      this.take(queue, requests);
    }
    for (const queue of this.lingering) {
      if (!this.canSend(queue) || queue.retryAt > now || queue.sealed.length > 0 || queue.open === undefined) continue;
      const leader = this.cluster.leaderOf(queue.topic, queue.partition);
      if (leader === undefined) continue;
      let requests = byLeader.get(leader.leaderId);
      // A batch whose linger is (all but) over goes now even to a leader nothing else is ready for:
      // its own timer may fire a moment later, in a turn of its own, and cost a request of its own.
      if (requests === undefined && queue.open.createdAt + this.lingerMs <= now + LINGER_SLACK_MS) {
        requests = [];
        byLeader.set(leader.leaderId, requests);
      }
      if (requests === undefined) continue;
      this.sealOpen(queue);
      this.take(queue, requests);
    }
    for (const [leaderId, requests] of byLeader) {
      for (const request of requests) if (request.queues.length > 0) this.sendTo(leaderId, request.queues, request.batches);
    }
    if (needMetadata) this.refreshSoon();
  }

  /**
   * How many batches a partition may have on the wire: one request's worth without idempotence;
   * with it, five, or one while its head batch is a retry (the retry must land before what follows).
   * And a new batch is stamped only while the oldest unacknowledged one stays within the last five
   * the leader remembers (BATCHES_RETAINED): a retry that fell out of that window would be refused
   * as a gap although it is in the log, and renumbering it would store it twice.
   */
  private canSend(queue: PartitionQueue): boolean {
    const identity = this.identity;
    if (identity === null) return queue.inFlight.length === 0;
    const head = queue.sealed[0];
    if (head?.stamp !== undefined) return queue.inFlight.length < 1;
    if (queue.inFlight.length >= IDEMPOTENT_MAX_IN_FLIGHT) return false;
    let oldest = Number.POSITIVE_INFINITY;
    for (const batch of queue.inFlight) {
      if (batch.stamp !== undefined && batch.stamp.generation === identity.generation) oldest = Math.min(oldest, batch.stamp.batchIndex);
    }
    return oldest === Number.POSITIVE_INFINITY || identity.nextBatchIndex(queue.topic, queue.partition) - oldest < IDEMPOTENT_MAX_IN_FLIGHT;
  }

  /**
   * No producer id to stamp with (yet, or a reset is due): once nothing is in flight, drop the old
   * identity, get a new one, and drain again. Meanwhile batches still expire at their deadline.
   */
  private awaitIdentity(now: number): void {
    const identity = this.identity!;
    let nextDeadline = Number.POSITIVE_INFINITY;
    for (const queue of this.ready) {
      this.expire(queue, now);
      nextDeadline = Math.min(nextDeadline, queue.sealed[0]?.deadline ?? Number.POSITIVE_INFINITY);
    }
    // However long the identity takes, what waits for it expires on time.
    if (Number.isFinite(nextDeadline)) this.wakeAtTime(nextDeadline);
    if (identity.resetPending) {
      if (this.inFlightRequests.size > 0) return;
      identity.reset();
    }
    identity.obtain().then(
      () => {
        // The deadline wake was for batches waiting on the identity; the drain re-arms what still needs one.
        this.clearWake();
        this.scheduleDrain();
      },
      (error: unknown) => {
        // The cluster refused the producer an id: what waits for one cannot be sent.
        const failure = error instanceof Error ? error : new Error(String(error));
        this.log.warn({ err: failure.message }, 'the idempotent producer could not get a producer id');
        for (const partitions of this.queues.values()) {
          for (const queue of partitions) {
            if (queue === undefined) continue;
            for (const batch of queue.sealed.splice(0)) batch.fail(failure);
            this.ready.delete(queue);
          }
        }
      },
    );
  }

  /**
   * Moves the queue's head batches into the requests being built for its leader: without
   * idempotence, as many as fit maxRequestBytes (at least one) into the first request; with it,
   * one batch into each request up to the partition's in-flight limit, stamped in queue order.
   */
  private take(queue: PartitionQueue, requests: LeaderRequests): void {
    if (this.identity !== null) {
      this.takeIdempotent(queue, requests);
      return;
    }
    if (requests.length === 0) requests.push({ queues: [], batches: [], bytes: 0 });
    const group = requests[0]!;
    // Full: this partition waits for the next drain, which the request's answer triggers.
    if (group.bytes >= MAX_REQUEST_TOTAL_BYTES || queue.sealed.length === 0) return;
    const taken: ProducerBatch[] = [];
    let bytes = 0;
    while (queue.sealed.length > 0) {
      const next = queue.sealed[0]!;
      const size = next.seal().length;
      if (taken.length > 0 && bytes + size > this.maxRequestBytes) break;
      taken.push(next);
      queue.sealed.shift();
      bytes += size;
    }
    queue.inFlight = taken;
    this.ready.delete(queue);
    group.queues.push(queue);
    group.batches.push(taken);
    group.bytes += bytes;
  }

  private takeIdempotent(queue: PartitionQueue, requests: LeaderRequests): void {
    const identity = this.identity!;
    // A partition has at most one batch per request (answers are matched by partition): a queue
    // drained once already this round (its sealed batches, then its lingering one) goes on after them.
    let k = 0;
    while (k < requests.length && requests[k]!.queues.includes(queue)) k++;
    for (; queue.sealed.length > 0 && this.canSend(queue); k++) {
      if (requests.length <= k) requests.push({ queues: [], batches: [], bytes: 0 });
      const request = requests[k]!;
      if (request.bytes >= MAX_REQUEST_TOTAL_BYTES) break;
      const batch = queue.sealed.shift()!;
      try {
        // A batch keeps the sequence it was first sent with; one stamped under an identity given up since is renumbered.
        if (batch.stamp === undefined) batch.seal(identity.stampFor(queue.topic, queue.partition, batch.count));
        else if (batch.stamp.generation !== identity.generation) batch.restamp(identity.stampFor(queue.topic, queue.partition, batch.count));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        batch.fail(new KzClientError('INVALID_RECORD', KafkaErrorCode.INVALID_RECORD, `${queue.topic}-${queue.partition}: ${message}`, queue.topic, queue.partition, { cause: error }));
        continue;
      }
      queue.inFlight.push(batch);
      request.queues.push(queue);
      request.batches.push([batch]);
      request.bytes += batch.seal().length;
    }
    if (queue.sealed.length === 0) this.ready.delete(queue);
  }

  /** Fails the head batches whose delivery timeout has passed (a partition that never got a leader). */
  private expire(queue: PartitionQueue, now: number): void {
    while (queue.sealed.length > 0 && queue.sealed[0]!.deadline <= now) {
      const batch = queue.sealed.shift()!;
      this.failedForGood(batch, 'a batch given a sequence expired');
      batch.fail(this.timeoutError(batch));
    }
  }

  /** A batch that got a sequence under the current identity will never be appended: its successors need new sequences. */
  private failedForGood(batch: ProducerBatch, reason: string): void {
    if (this.identity !== null && batch.stamp !== undefined && batch.stamp.generation === this.identity.generation) this.identity.requestReset(reason);
  }

  private timeoutError(batch: ProducerBatch): KzClientError {
    const last = batch.lastError;
    const why = last === undefined ? 'no leader to send to' : `last error: ${last.message}`;
    return new KzClientError(
      'REQUEST_TIMED_OUT',
      7,
      `expiring ${batch.count} record(s) for ${batch.topic}-${batch.partition}: ${this.deliveryTimeoutMs} ms passed since batch creation (${why})`,
      batch.topic,
      batch.partition,
      { cause: last },
    );
  }

  /** A metadata refresh after the backoff, then a drain; coalesced. */
  private refreshSoon(): void {
    if (this.refreshTimer !== undefined) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.cluster.refresh().then(
        () => this.scheduleDrain(),
        (error: unknown) => {
          this.log.debug({ err: error instanceof Error ? error.message : String(error) }, 'metadata refresh failed');
          this.scheduleDrain();
          if (this.ready.size > 0) this.refreshSoon();
        },
      );
    }, this.retryBackoffMs);
  }

  private sendTo(leaderId: number, queues: readonly PartitionQueue[], batches: readonly (readonly ProducerBatch[])[]): void {
    const connection = this.cluster.connectionTo(leaderId);
    const topics = new Map<string, ProduceTopicData['partitions'][number][]>();
    for (let i = 0; i < queues.length; i++) {
      const queue = queues[i]!;
      const taken = batches[i]!;
      for (const batch of taken) batch.attempts += 1;
      let list = topics.get(queue.topic);
      if (list === undefined) {
        list = [];
        topics.set(queue.topic, list);
      }
      list.push({ partition: queue.partition, records: concatBatches(taken) });
    }
    const callTimeoutMs = this.attemptTimeoutMs(batches);
    const request: ProduceRequest = {
      acks: this.acks,
      // A little under the call's deadline, so an ISR that is slow to catch up comes back as
      // REQUEST_TIMED_OUT in the answer rather than as a call cut off without one.
      timeoutMs: Math.max(1, Math.floor(callTimeoutMs * 0.9)),
      topics: [...topics].map(([name, partitions]) => ({ name, partitions })),
    };
    const attempt = (connection === undefined
      ? Promise.reject(new BrokerUnreachableError(`node ${leaderId}`, 'UNAVAILABLE', `no address for broker ${leaderId}`))
      : connection.produce(request, { timeoutMs: callTimeoutMs })
    ).then(
      (response) => {
        const answers = new Map<string, ProducePartitionResponse>();
        for (const t of response.topics) for (const p of t.partitions) answers.set(`${t.name}\u0000${p.partition}`, p);
        for (let i = 0; i < queues.length; i++) {
          const queue = queues[i]!;
          const answer = answers.get(`${queue.topic}\u0000${queue.partition}`);
          if (answer === undefined && this.acks === 0) this.onAnswer(queue, batches[i]!, ERROR_NONE, '', -1, null);
          else if (answer === undefined) this.onAnswer(queue, batches[i]!, NETWORK_EXCEPTION, `broker ${leaderId} did not answer for the partition`, -1, null);
          else this.onAnswer(queue, batches[i]!, answer.errorCode, answer.errorMessage, answer.baseOffset, answer.currentLeader);
        }
      },
      (error: unknown) => {
        const code = error instanceof MalformedBrokerMessageError ? 42 : NETWORK_EXCEPTION;
        const message = error instanceof Error ? error.message : String(error);
        this.log.debug({ leaderId, err: message }, 'produce request failed');
        for (let i = 0; i < queues.length; i++) this.onAnswer(queues[i]!, batches[i]!, code, message, -1, null, error);
      },
    ).finally(() => {
      this.inFlightRequests.delete(attempt);
      this.scheduleDrain();
    });
    this.inFlightRequests.add(attempt);
  }

  /**
   * An attempt's deadline: the request timeout, cut to what is left of the batches' delivery time
   * (a hung broker must not hold a batch past it).
   */
  private attemptTimeoutMs(batches: readonly (readonly ProducerBatch[])[]): number {
    let latest = 0;
    for (const taken of batches) for (const batch of taken) latest = Math.max(latest, batch.deadline);
    return Math.max(1, Math.min(this.cluster.requestTimeoutMs, latest - Date.now()));
  }

  /**
   * What an answer means for an idempotent producer. OUT_OF_ORDER_SEQUENCE_NUMBER while an earlier
   * batch of the partition is still unacknowledged is that batch's failure showing through: the
   * batch is retried after it. Without such a batch it is a real gap, and with UNKNOWN_PRODUCER_ID
   * and INVALID_PRODUCER_EPOCH it means the leader does not take this identity: the producer takes
   * a new one and the batch is retried under it.
   */
  private idempotentOutcome(queue: PartitionQueue, batches: readonly ProducerBatch[], code: number): number {
    if (code === UNKNOWN_PRODUCER_ID || code === INVALID_PRODUCER_EPOCH) {
      this.identity!.requestReset(`the leader of ${queue.topic}-${queue.partition} answered ${code}`);
      return NETWORK_EXCEPTION;
    }
    if (code !== OUT_OF_ORDER_SEQUENCE_NUMBER) return code;
    const first = batches[0]?.stamp;
    const earlier = [...queue.inFlight, ...queue.sealed].some(
      (b) => b.stamp !== undefined && first !== undefined && b.stamp.generation === first.generation && b.stamp.baseSequence < first.baseSequence,
    );
    if (!earlier) this.identity!.requestReset(`a sequence gap at ${queue.topic}-${queue.partition}`);
    return code;
  }

  private onAnswer(
    queue: PartitionQueue,
    batches: readonly ProducerBatch[],
    code: number,
    message: string,
    baseOffset: number,
    currentLeader: ProducePartitionResponse['currentLeader'],
    transportError?: unknown,
  ): void {
    queue.inFlight = queue.inFlight.filter((b) => !batches.includes(b));
    if (this.identity !== null) code = this.idempotentOutcome(queue, batches, code);
    if (code === ERROR_NONE || code === DUPLICATE_SEQUENCE_NUMBER) {
      let offset = this.acks === 0 ? -1 : baseOffset;
      for (const batch of batches) {
        const count = batch.count;
        batch.complete(offset);
        if (offset >= 0) offset += count;
      }
      if (queue.sealed.length > 0) this.ready.add(queue);
      return;
    }
    const error =
      transportError instanceof Error && code === NETWORK_EXCEPTION
        ? new KzClientError('NETWORK_EXCEPTION', NETWORK_EXCEPTION, transportError.message, queue.topic, queue.partition, { cause: transportError })
        : kafkaError(code, message, queue.topic, queue.partition);
    if (!isRetriableError(code) && code !== OUT_OF_ORDER_SEQUENCE_NUMBER) {
      this.log.debug({ topic: queue.topic, partition: queue.partition, code: error.code }, 'produce failed for good');
      for (const batch of batches) {
        this.failedForGood(batch, `a batch failed with ${error.code}`);
        batch.fail(error);
      }
      if (queue.sealed.length > 0) this.ready.add(queue);
      return;
    }
    // Retriable: back to the head of the queue, in order, unless out of time.
    const now = Date.now();
    const retry: ProducerBatch[] = [];
    const timedOut = transportError instanceof BrokerUnreachableError && transportError.timedOut;
    for (const batch of batches) {
      // An attempt cut short by the batch's own deadline says nothing new: keep what the broker last
      // said. (The slack: a timer may fire a millisecond before Date.now() reaches its deadline.)
      if (!(timedOut && batch.deadline <= now + TIMER_SLACK_MS && batch.lastError !== undefined)) batch.lastError = error;
      if (batch.deadline <= now) {
        this.failedForGood(batch, 'a batch given a sequence expired');
        batch.fail(this.timeoutError(batch));
      } else retry.push(batch);
    }
    queue.sealed.unshift(...retry);
    // Retries go back in sequence order: their answers may have come back in any order.
    if (this.identity !== null) sortRetriesBySequence(queue.sealed);
    if (queue.sealed.length > 0) this.ready.add(queue);
    const moved = this.cluster.applyLeaderHint(queue.topic, queue.partition, currentLeader);
    // A named new leader is worth trying at once; anything else waits out the backoff.
    queue.retryAt = moved ? now : now + this.retryBackoffMs;
    if (!moved && isStaleMetadataError(code)) this.refreshSoon();
    this.log.debug({ topic: queue.topic, partition: queue.partition, code: error.code, moved }, 'produce will be retried');
  }
}

const EMPTY = new Uint8Array(0);

/** The batches sent before (stamped) first, by generation then sequence; the never-sent ones after, as queued. */
function sortRetriesBySequence(sealed: ProducerBatch[]): void {
  const stamped = sealed.filter((b) => b.stamp !== undefined);
  if (stamped.length < 2) return;
  const rest = sealed.filter((b) => b.stamp === undefined);
  stamped.sort((a, b) => a.stamp!.generation - b.stamp!.generation || a.stamp!.baseSequence - b.stamp!.baseSequence);
  sealed.splice(0, sealed.length, ...stamped, ...rest);
}

/** Resolves once the waiting send settles, either way (it wraps the send's own callbacks). */
function settledOf(entry: Waiting): Promise<void> {
  return new Promise<void>((done) => {
    const { resolve, reject } = entry;
    entry.resolve = (ack) => {
      resolve(ack);
      done();
    };
    entry.reject = (error) => {
      reject(error);
      done();
    };
  });
}

/** The batches back to back: the one copy a multi-batch request costs (none for a single batch). */
function concatBatches(batches: readonly ProducerBatch[]): Uint8Array {
  if (batches.length === 1) return batches[0]!.seal();
  if (batches.length === 0) return EMPTY;
  const parts = batches.map((b) => b.seal());
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function positive(value: number, what: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${what} must be a positive number, got ${value}`);
  return value;
}

function nonNegative(value: number, what: string): number {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${what} must be a number ≥ 0, got ${value}`);
  return value;
}
