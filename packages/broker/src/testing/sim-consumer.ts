/**
 * The simulated consumers: one per partition, reading from the leader its metadata names (as a
 * consumer that sends no leader epoch does, so a deposed leader that has not heard yet may still
 * answer it), from offset 0 onwards with long polls. Every record read goes to AcknowledgedRecords,
 * which holds it against what was acknowledged and what was read before. A fetch out of range below
 * the leader's log start (records deleted) moves the consumer to that start, as a Kafka consumer
 * with auto.offset.reset=earliest resets.
 */
import type { NodeId } from '@kz/raft';
import { decodeRecordBatch, iterateBatches } from '@kz/records';
import { KAFKA_ERROR_CODES, kafkaErrorName, type BrokerId } from '@kz/metadata';
import type { FetchRequest, FetchResponse } from '../protocol/fetch';
import type { AcknowledgedRecords } from './acknowledged-records';
import type { ClientMetadata } from './client-metadata';
import type { RpcChannel } from './rpc-channel';

export interface ConsumerSettings {
  readonly maxWaitMs: number;
  readonly requestTimeoutMs: number;
  readonly retryBackoffMs: number;
}

export interface ConsumerEnvironment {
  readonly clientId: NodeId;
  readonly partitions: number;
  readonly settings: ConsumerSettings;
  readonly rpc: RpcChannel;
  readonly metadata: ClientMetadata;
  readonly records: AcknowledgedRecords;
  serveFetch(broker: BrokerId, request: FetchRequest): Promise<FetchResponse> | null;
  now(): number;
  schedule(at: number, label: string, run: () => void): void;
}

const MAX_BYTES = 1 << 20;
const OFFSET_OUT_OF_RANGE = KAFKA_ERROR_CODES.OFFSET_OUT_OF_RANGE;
const decoder = new TextDecoder();

export class SimConsumers {
  private readonly positions: number[];
  private readonly attempts: number[];
  /** A paused consumer fetches nothing before this time (a slow application falling behind). */
  private readonly pausedUntil: number[];
  readonly stats = { fetches: 0, records: 0, skips: 0, errors: new Map<string, number>() };

  constructor(private readonly env: ConsumerEnvironment) {
    this.positions = Array.from({ length: env.partitions }, () => 0);
    this.attempts = Array.from({ length: env.partitions }, () => 0);
    this.pausedUntil = Array.from({ length: env.partitions }, () => 0);
  }

  /** The consumer of `partition` stops fetching until `until`, and so falls behind the producer. */
  pause(partition: number, until: number): void {
    this.pausedUntil[partition] = Math.max(this.pausedUntil[partition]!, until);
  }

  start(): void {
    for (let p = 0; p < this.env.partitions; p++) this.poll(p);
  }

  /** The next offset each consumer will read. */
  position(partition: number): number {
    return this.positions[partition]!;
  }

  private poll(partition: number): void {
    const paused = this.pausedUntil[partition]!;
    if (this.env.now() < paused) {
      this.env.schedule(paused, `consumer p${partition} resumes`, () => this.poll(partition));
      return;
    }
    const leader = this.env.metadata.leader(partition);
    const topicId = this.env.metadata.topicId;
    if (leader === undefined || topicId === null) {
      this.env.metadata.refresh();
      this.retry(partition, 'NO_KNOWN_LEADER');
      return;
    }
    const attempt = ++this.attempts[partition]!;
    const fetchOffset = this.positions[partition]!;
    const request: FetchRequest = {
      replicaId: -1,
      replicaEpoch: -1,
      maxWaitMs: this.env.settings.maxWaitMs,
      minBytes: 1,
      maxBytes: MAX_BYTES,
      topics: [{ topicId, partitions: [{ partition, currentLeaderEpoch: -1, fetchOffset, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: MAX_BYTES }] }],
    };
    this.stats.fetches++;
    let settled = false;
    this.env.rpc.call<FetchResponse>(this.env.clientId, leader.leaderId, 'consumer fetch', () => this.env.serveFetch(leader.leaderId, request), (response) => {
      if (settled || attempt !== this.attempts[partition]) return;
      settled = true;
      this.onResponse(partition, leader.leaderId, response);
    });
    this.env.schedule(this.env.now() + this.env.settings.requestTimeoutMs, `consumer p${partition} timeout`, () => {
      if (settled || attempt !== this.attempts[partition]) return;
      settled = true;
      this.env.metadata.refresh();
      this.retry(partition, 'CLIENT_TIMEOUT');
    });
  }

  private onResponse(partition: number, broker: BrokerId, response: FetchResponse): void {
    const answer = response.topics[0]?.partitions[0];
    const asked = this.positions[partition]!;
    if (response.errorCode === 0 && answer?.errorCode === OFFSET_OUT_OF_RANGE && answer.logStartOffset > asked) {
      this.env.records.onSkipped(partition, asked, answer.logStartOffset, broker);
      this.positions[partition] = answer.logStartOffset;
      this.stats.skips++;
      this.poll(partition);
      return;
    }
    if (response.errorCode !== 0 || answer === undefined || answer.errorCode !== 0) {
      const code = response.errorCode !== 0 ? response.errorCode : (answer?.errorCode ?? -1);
      if (answer?.currentLeader !== null && answer?.currentLeader !== undefined) this.env.metadata.hint(partition, answer.currentLeader);
      else this.env.metadata.refresh();
      this.retry(partition, kafkaErrorName(code));
      return;
    }
    const now = this.env.now();
    for (const { at } of iterateBatches(answer.records)) {
      for (const record of decodeRecordBatch(answer.records, at).records) {
        const position = this.positions[partition]!;
        if (record.offset < position) continue;
        const payload = record.value === null ? '<null>' : decoder.decode(record.value);
        this.env.records.onConsumed(partition, record.offset, position, payload, broker, now);
        this.positions[partition] = record.offset + 1;
        this.stats.records++;
      }
    }
    this.poll(partition);
  }

  private retry(partition: number, reason: string): void {
    this.stats.errors.set(reason, (this.stats.errors.get(reason) ?? 0) + 1);
    this.env.schedule(this.env.now() + this.env.settings.retryBackoffMs, `consumer p${partition} retry`, () => this.poll(partition));
  }
}
