/**
 * KzConsumer: reads partitions from their leaders — the ones it is given (`assign`), or its share
 * of a consumer group's (`subscribe`).
 *
 * ```ts
 * const consumer = client.consumer({ groupId: 'billing' });
 * consumer.subscribe(['orders']);
 * for (;;) {
 *   for (const r of await consumer.poll()) handle(r);
 *   await consumer.commit();
 * }
 * ```
 *
 * Each poll sends one Fetch per leader broker covering all its assigned partitions (by topic id,
 * as replica -1 with the leader epoch from metadata, KIP-320), long-polling up to `maxWaitMs`, and
 * returns what came back — possibly nothing. Positions advance past what is returned. A leader
 * change (NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH, an unreachable broker) sends the partition
 * to its new leader on the next poll, from the same position: nothing is skipped or repeated.
 * OFFSET_OUT_OF_RANGE resets the position per `autoOffsetReset` (earliest by default).
 *
 * With `subscribe`, the consumer is a member of its group (GroupMembership): a poll first joins
 * or rejoins when the group rebalances, committing the positions it has consumed to (autoCommit,
 * on by default, as Kafka's enable.auto.commit) before giving its partitions up, then reads its
 * new partitions from the group's committed offsets (or `autoOffsetReset` where none). Commits
 * carry the member's generation, so a member that was rebalanced away cannot overwrite what the
 * partition's new owner committed. `close` commits and leaves the group, so its partitions move at
 * once. With `assign`, a `groupId` is only where `commit` stores positions and where
 * `from: 'committed'` reads them.
 */
import { KafkaErrorCode } from '@kz/kafka-protocol';
import { decodeRecordBatch, iterateBatches, RecordsError, TruncatedBatchError, type RecordHeader } from '@kz/records';
import type { Logger } from 'pino';
import type { FetchPartitionResponse, FetchRequest, FetchResponse } from '../protocol/fetch';
import { BrokerUnreachableError } from '../service/broker-unreachable-error';
import type { ClusterView } from './cluster-view';
import type { KafkaBrokerConnection } from './kafka-broker-connection';
import { GroupClient, type CommittedOffset } from './group-client';
import { GroupMembership } from './group-membership';
import { ERROR_NONE, isRetriableError, isStaleMetadataError, kafkaError } from './kafka-error-policy';
import { KzClientError } from './kz-client-error';
import { lookUpOffsets, type OffsetQuery } from './offset-lookup';
import { ASSIGNORS, type PartitionAssignor } from './partition-assignors';

export type StartFrom = 'earliest' | 'latest' | 'committed' | number;

export interface PartitionAssignment {
  readonly topic: string;
  readonly partition: number;
  /** Where to start: the log's start or end, the group's committed offset, or an offset. */
  readonly from: StartFrom;
}

export interface ConsumerOptions {
  /** Needed by subscribe(), commit() and `from: 'committed'`. */
  readonly groupId?: string;
  /** KIP-345 static membership: a member that restarts within the session timeout keeps its partitions. */
  readonly groupInstanceId?: string;
  /** A member not heard from for this long is removed from the group. Default 45 s (Kafka's). */
  readonly sessionTimeoutMs?: number;
  /** How long a rebalance waits for members to rejoin. Default 60 s. */
  readonly rebalanceTimeoutMs?: number;
  /** Default 3 s (Kafka's). */
  readonly heartbeatIntervalMs?: number;
  /** Assignors offered, in preference order: 'range', 'roundrobin'. Default both, range first (Kafka's default first choice). */
  readonly assignors?: readonly string[];
  /** Subscribed consumers commit what they consumed before a rebalance, on close, and every autoCommitIntervalMs. Default true. */
  readonly autoCommit?: boolean;
  /** Default 5 s (Kafka's auto.commit.interval.ms). */
  readonly autoCommitIntervalMs?: number;
  /** How long the broker may hold a fetch waiting for minBytes. Default 500 ms. */
  readonly maxWaitMs?: number;
  /** Default 1: answer as soon as anything is there. */
  readonly minBytes?: number;
  /** Most bytes one fetch response holds. Default 50 MiB (Kafka's fetch.max.bytes). */
  readonly maxBytes?: number;
  /** Most bytes per partition in one fetch. Default 1 MiB (Kafka's max.partition.fetch.bytes). */
  readonly maxPartitionBytes?: number;
  /** Where a partition restarts when its position is out of range, or 'committed' finds nothing. Default 'earliest'. */
  readonly autoOffsetReset?: 'earliest' | 'latest';
  /** Pause after a poll that met only errors. Default 100 ms. */
  readonly retryBackoffMs?: number;
}

export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  /** The leader epoch the record was written in (its batch's partitionLeaderEpoch). */
  readonly leaderEpoch: number;
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly RecordHeader[];
}

export const CONSUMER_DEFAULTS = {
  maxWaitMs: 500,
  minBytes: 1,
  maxBytes: 50 * 1024 * 1024,
  maxPartitionBytes: 1024 * 1024,
  autoOffsetReset: 'earliest',
  retryBackoffMs: 100,
  sessionTimeoutMs: 45_000,
  rebalanceTimeoutMs: 60_000,
  heartbeatIntervalMs: 3_000,
  autoCommitIntervalMs: 5_000,
} as const;

interface PendingFetch {
  readonly asked: ReadonlyMap<string, { readonly a: Assigned; readonly offset: number }>;
  /** Set once the answer (or the failure) is in. */
  outcome: { readonly response: FetchResponse } | { readonly error: unknown } | undefined;
  settled: Promise<void>;
}

interface Assigned {
  readonly topic: string;
  readonly partition: number;
  readonly from: StartFrom;
  /** Next offset to read; undefined until resolved from `reset ?? from`. */
  position: number | undefined;
  /** Set by OFFSET_OUT_OF_RANGE: where to resolve the position from instead of `from`. */
  reset: 'earliest' | 'latest' | undefined;
  /** Epoch of the last record returned (what commit stores as committedLeaderEpoch); -1 if none. */
  lastEpoch: number;
}

export class KzConsumer {
  private readonly maxWaitMs: number;
  private readonly minBytes: number;
  private readonly maxBytes: number;
  private readonly maxPartitionBytes: number;
  private readonly autoOffsetReset: 'earliest' | 'latest';
  private readonly retryBackoffMs: number;
  private readonly group: GroupClient | undefined;
  private readonly membership: GroupMembership | undefined;
  private readonly autoCommit: boolean;
  private readonly autoCommitIntervalMs: number;
  private lastAutoCommit = 0;
  /** The subscribed topics; undefined while partitions are assigned by hand. */
  private subscription: readonly string[] | undefined;
  private assigned = new Map<string, Assigned>();
  /** An error found while returning other records; thrown by the next poll. */
  private pendingError: Error | undefined;
  /** poll() calls run one at a time, in order. */
  private polling: Promise<unknown> = Promise.resolve();
  /** The Fetch in flight to each leader; a poll takes those that have answered. */
  private readonly fetching = new Map<number, PendingFetch>();
  /** Partitions in one of those fetches: a partition is never in two at once. */
  private readonly inFetch = new Set<Assigned>();
  /** By broker address. */
  private readonly fetchConnections = new Map<string, KafkaBrokerConnection>();
  private closed = false;

  constructor(
    private readonly cluster: ClusterView,
    options: ConsumerOptions,
    private readonly log: Logger,
  ) {
    this.maxWaitMs = options.maxWaitMs ?? CONSUMER_DEFAULTS.maxWaitMs;
    this.minBytes = options.minBytes ?? CONSUMER_DEFAULTS.minBytes;
    this.maxBytes = options.maxBytes ?? CONSUMER_DEFAULTS.maxBytes;
    this.maxPartitionBytes = options.maxPartitionBytes ?? CONSUMER_DEFAULTS.maxPartitionBytes;
    this.autoOffsetReset = options.autoOffsetReset ?? CONSUMER_DEFAULTS.autoOffsetReset;
    this.retryBackoffMs = options.retryBackoffMs ?? CONSUMER_DEFAULTS.retryBackoffMs;
    this.group = options.groupId === undefined ? undefined : new GroupClient(cluster, options.groupId, this.retryBackoffMs, log);
    this.autoCommit = options.autoCommit ?? true;
    this.autoCommitIntervalMs = options.autoCommitIntervalMs ?? CONSUMER_DEFAULTS.autoCommitIntervalMs;
    this.membership = this.group === undefined ? undefined : new GroupMembership(cluster, this.group, membershipOptions(options, this.retryBackoffMs), log);
  }

  /**
   * Joins the consumer's group for these topics: the group's members share their partitions, and
   * rebalance as members come and go. Replaces any assignment; calling it again changes the
   * subscription (a rebalance at the next poll).
   */
  subscribe(topics: readonly string[]): void {
    if (this.membership === undefined) throw new KzClientError('INVALID_GROUP_ID', KafkaErrorCode.INVALID_GROUP_ID, 'subscribe needs a consumer with a groupId');
    if (topics.length === 0) throw new KzClientError('INVALID_REQUEST', KafkaErrorCode.INVALID_REQUEST, 'subscribe needs at least one topic');
    this.subscription = [...new Set(topics)].sort();
    this.assigned = new Map();
    this.cluster.want(this.subscription);
    this.membership.requestRejoin('the subscription changed');
  }

  /** Replaces the assignment. Partitions kept from the previous one keep their positions. */
  assign(assignments: readonly PartitionAssignment[]): void {
    if (this.subscription !== undefined) throw new KzClientError('ILLEGAL_STATE', -1, 'a subscribed consumer gets its partitions from its group; assign is for consumers that are not subscribed');
    this.replaceAssignment(assignments);
  }

  private replaceAssignment(assignments: readonly PartitionAssignment[]): void {
    const next = new Map<string, Assigned>();
    for (const a of assignments) {
      if (typeof a.from === 'number' && !(Number.isSafeInteger(a.from) && a.from >= 0)) throw new RangeError(`from must be an offset ≥ 0, got ${a.from}`);
      const key = keyOf(a.topic, a.partition);
      const kept = this.assigned.get(key);
      next.set(key, kept !== undefined && kept.from === a.from ? kept : { topic: a.topic, partition: a.partition, from: a.from, position: undefined, reset: undefined, lastEpoch: -1 });
    }
    this.assigned = next;
    this.cluster.want(assignments.map((a) => a.topic));
  }

  assignment(): PartitionAssignment[] {
    return [...this.assigned.values()].map((a) => ({ topic: a.topic, partition: a.partition, from: a.from }));
  }

  /** The next offset poll() will return for the partition; -1 before its start position is resolved (by a poll). */
  position(topic: string, partition: number): number {
    const a = this.assigned.get(keyOf(topic, partition));
    if (a === undefined) throw new KzClientError('ILLEGAL_STATE', -1, `${topic}-${partition} is not assigned`, topic, partition);
    return a.position ?? -1;
  }

  /** Moves the partition's position; the next poll reads from there. */
  seek(topic: string, partition: number, offset: number): void {
    const a = this.assigned.get(keyOf(topic, partition));
    if (a === undefined) throw new KzClientError('ILLEGAL_STATE', -1, `${topic}-${partition} is not assigned`, topic, partition);
    a.position = offset;
    a.reset = undefined;
    a.lastEpoch = -1;
  }

  /** One round of fetches: the records that came back (possibly none) in offset order per partition. */
  poll(): Promise<ConsumedRecord[]> {
    const run = this.polling.then(() => this.pollOnce());
    this.polling = run.catch(() => undefined);
    return run;
  }

  /**
   * Stores the positions of every assigned partition as the group's committed offsets. A subscribed
   * consumer commits as its generation's member: if the group rebalanced meanwhile the commit is
   * refused (ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID or REBALANCE_IN_PROGRESS, as a KzClientError) and
   * the next poll rejoins; the records since the last commit are then read again by whoever gets
   * the partition — at least once, never lost.
   */
  async commit(): Promise<void> {
    const group = this.requireGroup('commit');
    const offsets: Omit<CommittedOffset, 'metadata'>[] = [];
    for (const a of this.assigned.values()) {
      if (a.position !== undefined) offsets.push({ topic: a.topic, partition: a.partition, offset: a.position, leaderEpoch: a.lastEpoch });
    }
    if (this.subscription === undefined) {
      await group.commit(offsets, this.cluster.requestTimeoutMs);
      return;
    }
    const member = this.membership!.committingMember();
    if (member === undefined) throw new KzClientError('REBALANCE_IN_PROGRESS', KafkaErrorCode.REBALANCE_IN_PROGRESS, `the consumer is not in a generation of group ${group.groupId} yet: nothing to commit as`);
    try {
      await group.commit(offsets, this.cluster.requestTimeoutMs, member);
    } catch (error) {
      if (error instanceof KzClientError && GENERATION_ERRORS.has(error.kafkaErrorCode)) this.membership!.requestRejoin(`a commit was refused with ${error.code}`);
      throw error;
    }
    this.lastAutoCommit = Date.now();
  }

  /** The group's committed offsets of the assigned partitions (offset -1 where none). */
  committed(): Promise<CommittedOffset[]> {
    return this.requireGroup('committed').fetch([...this.assigned.values()], this.cluster.requestTimeoutMs);
  }

  /** Stops polling; a subscribed consumer commits what it consumed (autoCommit) and leaves its group. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.polling;
    if (this.subscription !== undefined && this.membership !== undefined) {
      if (this.autoCommit && !this.membership.rejoinNeeded) await this.commitQuietly('closing');
      await this.membership.leave(this.cluster.requestTimeoutMs);
    }
    this.group?.close();
    for (const connection of this.fetchConnections.values()) this.cluster.release(connection);
    this.fetchConnections.clear();
  }

  // ---------------------------------------------------------------------------- polling

  private async pollOnce(): Promise<ConsumedRecord[]> {
    if (this.closed) throw new KzClientError('ILLEGAL_STATE', -1, 'the consumer is closed');
    if (this.pendingError !== undefined) {
      const error = this.pendingError;
      this.pendingError = undefined;
      throw error;
    }
    if (this.subscription !== undefined) await this.keepMembership(this.subscription);
    if (this.assigned.size === 0) return [];
    await this.ensureLeaders();
    await this.resolvePositions();
    let troubled = this.sendFetches();
    // The first answer ends the wait; fetches to other leaders stay in flight for the next poll,
    // as Kafka's Fetcher keeps them: an idle leader's long poll does not hold back a busy one's records.
    if (this.fetching.size > 0) await Promise.race([...this.fetching.values()].map((f) => f.settled));
    const records: ConsumedRecord[] = [];
    let stale = false;
    for (const [leaderId, fetch] of [...this.fetching]) {
      if (fetch.outcome === undefined) continue;
      this.fetching.delete(leaderId);
      for (const a of fetch.asked.values()) this.inFetch.delete(a.a);
      const result = this.applyFetch(leaderId, fetch);
      for (const r of result.records) records.push(r);
      stale ||= result.stale;
      troubled ||= result.troubled;
    }
    if (stale || troubled) await this.cluster.refresh().catch((error: unknown) => this.log.debug({ err: String(error) }, 'metadata refresh failed'));
    // A round that met only errors pauses, so a caller polling in a loop does not spin.
    if (records.length === 0 && (stale || troubled)) await sleep(this.retryBackoffMs);
    return records;
  }

  /**
   * Sends a Fetch to every leader that has none in flight, for its partitions not already being
   * fetched. True when some partition has no leader to fetch from.
   */
  private sendFetches(): boolean {
    const byLeader = new Map<number, Assigned[]>();
    let troubled = false;
    for (const a of this.assigned.values()) {
      if (a.position === undefined || this.inFetch.has(a)) continue;
      const leader = this.cluster.leaderOf(a.topic, a.partition);
      if (leader === undefined) {
        troubled = true;
        continue;
      }
      if (this.fetching.has(leader.leaderId)) continue;
      let list = byLeader.get(leader.leaderId);
      if (list === undefined) {
        list = [];
        byLeader.set(leader.leaderId, list);
      }
      list.push(a);
    }
    for (const [leaderId, list] of byLeader) {
      const fetch = this.sendFetch(leaderId, list);
      this.fetching.set(leaderId, fetch);
      for (const a of fetch.asked.values()) this.inFetch.add(a.a);
    }
    return troubled;
  }

  /**
   * A subscribed consumer's part of the group's life, before each fetch: rejoin when the group
   * rebalances (committing first, then giving every partition up: the eager protocol), and commit
   * every autoCommitIntervalMs.
   */
  private async keepMembership(topics: readonly string[]): Promise<void> {
    const membership = this.membership!;
    if (membership.rejoinNeeded) {
      if (this.autoCommit && this.assigned.size > 0) await this.commitQuietly('before rebalancing');
      this.assigned = new Map();
      const assignment = await membership.join(topics);
      this.replaceAssignment(assignment.flatMap((t) => t.partitions.map((partition) => ({ topic: t.topic, partition, from: 'committed' as const }))));
      this.lastAutoCommit = Date.now();
      return;
    }
    if (this.autoCommit && Date.now() - this.lastAutoCommit >= this.autoCommitIntervalMs) await this.commitQuietly('auto-commit');
  }

  /** A commit whose failure is logged, not thrown: the records are then read again, never lost. */
  private async commitQuietly(why: string): Promise<void> {
    try {
      await this.commit();
    } catch (error) {
      this.log.warn({ groupId: this.group?.groupId, why, err: error instanceof Error ? error.message : String(error) }, 'commit failed');
    }
  }

  private async ensureLeaders(): Promise<void> {
    for (const a of this.assigned.values()) {
      if (this.cluster.leaderOf(a.topic, a.partition) === undefined) {
        await this.cluster.refresh().catch((error: unknown) => this.log.debug({ err: String(error) }, 'metadata refresh failed'));
        return;
      }
    }
  }

  /** Resolves the positions not known yet: committed offsets first, then ListOffsets for the rest. */
  private async resolvePositions(): Promise<void> {
    const unresolved = [...this.assigned.values()].filter((a) => a.position === undefined);
    if (unresolved.length === 0) return;
    const fromCommitted = unresolved.filter((a) => a.reset === undefined && a.from === 'committed');
    if (fromCommitted.length > 0) {
      const committed = await this.requireGroup("from: 'committed'").fetch(fromCommitted, this.cluster.requestTimeoutMs);
      const byKey = new Map(committed.map((c) => [keyOf(c.topic, c.partition), c]));
      for (const a of fromCommitted) {
        const c = byKey.get(keyOf(a.topic, a.partition));
        if (c !== undefined && c.offset >= 0) {
          a.position = c.offset;
          a.lastEpoch = c.leaderEpoch;
        } else {
          a.reset = this.autoOffsetReset;
        }
      }
    }
    const queries: { a: Assigned; q: OffsetQuery }[] = [];
    for (const a of unresolved) {
      if (a.position !== undefined) continue;
      const from = a.reset ?? a.from;
      if (typeof from === 'number') {
        a.position = from;
        continue;
      }
      if (from === 'committed') continue; // handled above; a reset is then set
      queries.push({ a, q: { topic: a.topic, partition: a.partition, timestamp: from } });
    }
    if (queries.length === 0) return;
    const offsets = await lookUpOffsets(this.cluster, queries.map((x) => x.q), this.cluster.requestTimeoutMs, this.retryBackoffMs, this.log);
    for (let i = 0; i < queries.length; i++) {
      const { a } = queries[i]!;
      a.position = offsets[i]!.offset;
      a.reset = undefined;
    }
  }

  /** A Fetch to one leader for these partitions, from their positions; its answer is applied when a poll takes it. */
  private sendFetch(leaderId: number, list: readonly Assigned[]): PendingFetch {
    const topics = new Map<string, { name: string; partitions: FetchRequest['topics'][number]['partitions'][number][] }>();
    /** What each partition was fetched from: an answer applies only if the position is still that. */
    const asked = new Map<string, { a: Assigned; offset: number }>();
    for (const a of list) {
      const view = this.cluster.topic(a.topic);
      const leader = this.cluster.leaderOf(a.topic, a.partition);
      if (view === undefined || leader === undefined || a.position === undefined) continue;
      let entry = topics.get(view.topicId);
      if (entry === undefined) {
        entry = { name: a.topic, partitions: [] };
        topics.set(view.topicId, entry);
      }
      entry.partitions.push({
        partition: a.partition,
        currentLeaderEpoch: leader.leaderEpoch,
        fetchOffset: a.position,
        lastFetchedEpoch: -1,
        logStartOffset: -1,
        partitionMaxBytes: this.maxPartitionBytes,
      });
      asked.set(`${view.topicId}\u0000${a.partition}`, { a, offset: a.position });
    }
    const request: FetchRequest = {
      replicaId: -1,
      replicaEpoch: -1,
      maxWaitMs: this.maxWaitMs,
      minBytes: this.minBytes,
      maxBytes: this.maxBytes,
      topics: [...topics].map(([topicId, t]) => ({ topicId, partitions: t.partitions })),
    };
    const connection = this.fetchConnection(leaderId);
    const pending: PendingFetch = { asked, outcome: undefined, settled: Promise.resolve() };
    const answer: Promise<FetchResponse> = connection === undefined ? Promise.reject(new BrokerUnreachableError(String(leaderId), 'UNAVAILABLE', `no address for broker ${leaderId}`)) : connection.fetch(request);
    pending.settled = answer.then(
      (response) => {
        pending.outcome = { response };
      },
      (error: unknown) => {
        pending.outcome = { error };
      },
    );
    return pending;
  }

  /** The consumer's own connection to a broker for its fetches (see ClusterView.ownConnectionAt). */
  private fetchConnection(nodeId: number): KafkaBrokerConnection | undefined {
    const address = this.cluster.addressOf(nodeId);
    if (address === undefined) return undefined;
    let connection = this.fetchConnections.get(address);
    if (connection === undefined) {
      connection = this.cluster.ownConnectionAt(address);
      this.fetchConnections.set(address, connection);
    }
    return connection;
  }

  /** A leader's answer, as a poll takes it: records from the positions asked, errors per partition. */
  private applyFetch(leaderId: number, fetch: PendingFetch): { records: ConsumedRecord[]; stale: boolean; troubled: boolean } {
    const out = { records: [] as ConsumedRecord[], stale: false, troubled: false };
    const outcome = fetch.outcome!;
    if ('error' in outcome) {
      if (!(outcome.error instanceof BrokerUnreachableError)) throw outcome.error;
      this.log.debug({ leaderId, err: outcome.error.message }, 'fetch failed; refreshing metadata');
      return { ...out, stale: true };
    }
    const response = outcome.response;
    for (const t of response.topics) {
      for (const p of t.partitions) {
        const entry = fetch.asked.get(`${t.topicId}\u0000${p.partition}`);
        // An answer for a partition since unassigned or moved by seek() is dropped.
        if (entry === undefined || this.assigned.get(keyOf(entry.a.topic, entry.a.partition)) !== entry.a || entry.a.position !== entry.offset) continue;
        const code = response.errorCode !== ERROR_NONE ? response.errorCode : p.errorCode;
        if (code === ERROR_NONE) {
          this.take(entry.a, p, out.records);
          continue;
        }
        this.onPartitionError(entry.a, code, p, out);
      }
    }
    return out;
  }

  private onPartitionError(a: Assigned, code: number, p: FetchPartitionResponse, out: { stale: boolean; troubled: boolean }): void {
    if (code === KafkaErrorCode.OFFSET_OUT_OF_RANGE) {
      this.log.info({ topic: a.topic, partition: a.partition, position: a.position, reset: this.autoOffsetReset }, 'offset out of range; resetting');
      a.position = undefined;
      a.reset = this.autoOffsetReset;
      return;
    }
    if (isRetriableError(code)) {
      out.troubled = true;
      if (isStaleMetadataError(code) && !this.cluster.applyLeaderHint(a.topic, a.partition, p.currentLeader)) out.stale = true;
      return;
    }
    this.pendingError ??= kafkaError(code, p.errorMessage, a.topic, a.partition);
  }

  /** Decodes the batches of a partition's answer, from the position on, and advances it. */
  private take(a: Assigned, p: FetchPartitionResponse, into: ConsumedRecord[]): void {
    const bytes = p.records;
    try {
      for (const { at, header } of iterateBatches(bytes)) {
        const position = a.position!;
        if (header.lastOffset < position) continue;
        if (!header.isControl) {
          const batch = decodeRecordBatch(bytes, at);
          for (const r of batch.records) {
            // The first batch may start before the position asked (fetches return whole batches).
            if (r.offset < position) continue;
            into.push({
              topic: a.topic,
              partition: a.partition,
              offset: r.offset,
              leaderEpoch: header.partitionLeaderEpoch,
              timestamp: r.timestamp,
              key: r.key,
              value: r.value,
              headers: r.headers,
            });
          }
          a.lastEpoch = header.partitionLeaderEpoch;
        }
        a.position = header.lastOffset + 1;
      }
    } catch (error) {
      // A batch cut off at the end of the response (the broker's byte limit) is fetched again next time.
      if (error instanceof TruncatedBatchError) return;
      if (error instanceof RecordsError) {
        // The position stays at the bad batch: the next poll reports it rather than skipping data.
        this.pendingError ??= new KzClientError(error.code, error.kafkaErrorCode, `${a.topic}-${a.partition} at offset ${a.position}: ${error.message}`, a.topic, a.partition, {
          cause: error,
        });
        return;
      }
      throw error;
    }
  }

  private requireGroup(what: string): GroupClient {
    if (this.group === undefined) throw new KzClientError('INVALID_GROUP_ID', KafkaErrorCode.INVALID_GROUP_ID, `${what} needs a consumer with a groupId`);
    return this.group;
  }
}

/** Commit answers that mean the member's generation is over. */
const GENERATION_ERRORS: ReadonlySet<number> = new Set([KafkaErrorCode.ILLEGAL_GENERATION, KafkaErrorCode.UNKNOWN_MEMBER_ID, KafkaErrorCode.REBALANCE_IN_PROGRESS]);

function membershipOptions(options: ConsumerOptions, retryBackoffMs: number): ConstructorParameters<typeof GroupMembership>[2] {
  const assignors: PartitionAssignor[] = (options.assignors ?? ['range', 'roundrobin']).map((name) => {
    const assignor = ASSIGNORS.get(name);
    if (assignor === undefined) throw new KzClientError('INVALID_CONFIG', KafkaErrorCode.INVALID_CONFIG, `unknown assignor ${name}; known: ${[...ASSIGNORS.keys()].join(', ')}`);
    return assignor;
  });
  if (assignors.length === 0) throw new KzClientError('INVALID_CONFIG', KafkaErrorCode.INVALID_CONFIG, 'a consumer needs at least one assignor');
  return {
    sessionTimeoutMs: options.sessionTimeoutMs ?? CONSUMER_DEFAULTS.sessionTimeoutMs,
    rebalanceTimeoutMs: options.rebalanceTimeoutMs ?? CONSUMER_DEFAULTS.rebalanceTimeoutMs,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? CONSUMER_DEFAULTS.heartbeatIntervalMs,
    groupInstanceId: options.groupInstanceId ?? null,
    assignors,
    retryBackoffMs,
  };
}

function keyOf(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
