/**
 * The broker's partitions and the requests that touch them (Kafka's ReplicaManager): it makes this
 * broker leader or follower of each partition as the metadata image says, appends produced batches,
 * answers consumer and follower fetches, keeps the ISR (proposing changes to the controller by
 * AlterPartition) and completes acks=all produces once the high watermark passes them.
 *
 * It holds state and does the log I/O, but owns no timers, sockets or threads: time comes in as
 * `now`, and the runtime asks it for work after every input — `needsFlush` (call `flush`),
 * `takeAlterPartitions()` (send them), `nextDeadline()` (call `tick`), `fetchRequestFor(source)` (the
 * replica fetchers). That keeps it drivable step by step by the simulation.
 *
 * Durability: a leader counts its own log end toward the high watermark only once flushed, and a
 * follower flushes before its next fetch reports the new log end. So everything below the HW is
 * fsynced on every ISR member, and acks=all survives any crash that leaves one ISR member's disk.
 *
 * Every replica's HW is checkpointed (replication-offset-checkpoint, through the LogDirectory) every
 * highWatermarkCheckpointIntervalMs and on close, and a replica opened after a restart starts from
 * it, capped at its log end — not from 0, which would leave a restarted leader serving nothing until
 * its followers fetched again (Kafka's ReplicaManager.checkpointHighWatermarks). A checkpoint that
 * will not read is refused with a log line; the HWs then come from replication, as without one.
 */
import {
  configResourceKey,
  effectiveTopicConfig,
  isActive,
  KAFKA_ERROR_CODES,
  type BrokerId,
  type MetadataChanges,
  type MetadataImage,
  type PartitionRegistration,
  type PartitionState,
} from '@kz/metadata';
import { UNLIMITED, type WorkBudget } from '@kz/runtime';
import type { Logger } from 'pino';
import type { HighWatermarkEntry } from '../log/high-watermark-checkpoint';
import { LogFileOpenError } from '../log/log-errors';
import type { ReplicaLog } from '../log/replica-log';
import { LATEST_TIMESTAMP, EARLIEST_TIMESTAMP } from '../log/partition-log';
import { DELETE_UP_TO_HIGH_WATERMARK, type DeleteRecordsPartitionResponse, type DeleteRecordsRequest, type DeleteRecordsResponse } from '../protocol/delete-records';
import type { DescribeProducersRequest, DescribeProducersResponse } from '../protocol/producer-ids';
import type { CurrentLeader, ProduceRequest, ProduceResponse, ProducePartitionResponse } from '../protocol/produce';
import { FETCH_SESSION, type FetchPartition, type FetchPartitionResponse, type FetchRequest, type FetchResponse } from '../protocol/fetch';
import type { ListOffsetsRequest, ListOffsetsResponse, ListOffsetsPartitionResponse } from '../protocol/list-offsets';
import { DEFAULT_REPLICA_FETCH_CONFIG, isFetchable, replicaFetchLimits, type ReplicaFetchConfig } from '../replication/fetch-request-builder';
import { UNDEFINED_EPOCH } from '../log/leader-epoch-cache';
import { validateFollowerFetch } from '../replication/fetch-validation';
import { FollowerFetchSession } from '../replication/follower-fetch-session';
import { followerFetchDecision, type FollowerFetchDecision } from '../replication/follower-truncation';
import { DEFAULT_REPLICA_LAG_TIME_MAX_MS, isrToExpand, isrToShrink, onAlterPartitionResult, type AlterPartitionResult } from '../replication/isr-change';
import { lowWatermark } from '../replication/low-watermark';
import type { AlterPartitionItem } from '../replication/partition-replicas';
import { recoveredHighWatermark } from '../replication/high-watermark';
import { KafkaStorageError } from '../log/log-errors';
import { batchesBelow } from './committed-batches';
import { DelayedDeleteRecords, type DeleteRecordsOutcome, type DeleteRecordsWait } from './delayed-delete-records';
import { DelayedFetches } from './delayed-fetch';
import { FetchSessionCache, LeaderFetchSession, sessionFetchKind, type SessionPartition } from './fetch-sessions';
import { DelayedProduces, type ProduceWait } from './delayed-produce';
import { kafkaError, kafkaErrorOf, NO_ERROR, type KafkaErrorValue } from './error-code';
import { Partition, partitionKey } from './partition';
import { sameLogConfig, topicLogConfig } from './topic-log-config';
import type { LogConfig } from '../log/log-config';

/** Where partition logs come from: a directory per partition on disk, or memory in the simulation. */
export interface LogDirectory {
  open(topicId: string, topicName: string, partitionId: number): ReplicaLog;
  /** The replica is gone from this broker (topic deleted, reassigned away): delete its data. */
  remove(log: ReplicaLog, topicId: string, partitionId: number): void;
  /**
   * The high watermarks of the directory's last checkpoint (replication-offset-checkpoint); none when
   * it has none yet. Throws CorruptCheckpointError for a file that does not parse.
   */
  readHighWatermarks(): readonly HighWatermarkEntry[];
  /** Replaces the checkpoint atomically and durably: after a crash it holds these entries or the previous ones. */
  writeHighWatermarks(entries: readonly HighWatermarkEntry[]): void;
  /** writeHighWatermarks with the fsyncs off the event loop, where the directory can (DiskLogDirectory). */
  writeHighWatermarksAsync?(entries: readonly HighWatermarkEntry[]): Promise<void>;
  /**
   * Called once as the broker starts, before it registers: recovers the logs the directory holds and
   * returns those whose recovery cut a damaged batch (a torn tail, a flipped bit). Such a log may
   * have lost committed records — the HW checkpoint may be older than what was committed, so no cut
   * can be told harmless — and the registration reports them (RegisterBrokerRequest.damagedReplicas).
   * Absent: the directory reports none.
   */
  recoverAtStartUp?(): readonly DamagedReplica[];
  /**
   * A registration carrying these replicas was answered: the controller has taken them out of their
   * ISR and ELR, and later starts need not report them again. Until then each start reports them,
   * even one whose recovery finds the logs whole (an earlier start made the cut and died unregistered).
   */
  damageReported?(replicas: readonly DamagedReplica[]): void;
  /**
   * The ReplicaManager has opened every replica assigned here (or is closing): logs recoverAtStartUp
   * kept open for it and that it did not ask for are closed.
   */
  releaseRecovered?(): void;
}

/** A replica whose log recovery cut something, by topic id. */
export interface DamagedReplica {
  readonly topicId: string;
  readonly partitionId: number;
}

export interface ReplicaManagerConfig {
  /** replica.lag.time.max.ms: a follower not caught up for this long leaves the ISR. */
  readonly replicaLagTimeMaxMs: number;
  readonly replicaFetch: ReplicaFetchConfig;
  /** replica.fetch.backoff.ms: a partition whose fetch failed waits this long. */
  readonly replicaFetchBackoffMs: number;
  /** log.retention.check.interval.ms: how often retention deletes old segments. */
  readonly retentionCheckIntervalMs: number;
  /** replica.high.watermark.checkpoint.interval.ms: how often every replica's HW is checkpointed. */
  readonly highWatermarkCheckpointIntervalMs: number;
}

export const DEFAULT_REPLICA_MANAGER_CONFIG: ReplicaManagerConfig = {
  replicaLagTimeMaxMs: DEFAULT_REPLICA_LAG_TIME_MAX_MS,
  replicaFetch: DEFAULT_REPLICA_FETCH_CONFIG,
  replicaFetchBackoffMs: 1000,
  retentionCheckIntervalMs: 300_000,
  highWatermarkCheckpointIntervalMs: 5000,
};

export interface ReplicaManagerOptions {
  readonly brokerId: BrokerId;
  readonly logs: LogDirectory;
  readonly config?: Partial<ReplicaManagerConfig>;
  readonly logger: Logger;
}

/** What a follower learned from one fetch answer, for the fetcher and tests. */
/** The controller's answer to one item of an AlterPartition request. */
export interface AlterPartitionAnswer {
  readonly item: AlterPartitionItem;
  readonly result: AlterPartitionResult;
}

export interface FetchApplied {
  readonly appendedBytes: number;
  readonly truncations: number;
}

const VALID_ACKS: ReadonlySet<number> = new Set([-1, 0, 1]);
/** How often replicas whose logs would not open are tried again. */
const OFFLINE_RETRY_MS = 30_000;
/** Up to this many role changes in one slice are logged one line each; more, as a summary. */
const ROLE_CHANGES_LOGGED_ONE_BY_ONE = 20;

export class ReplicaManager {
  readonly brokerId: BrokerId;
  readonly config: ReplicaManagerConfig;
  private readonly partitions = new Map<string, Partition>();
  private readonly logs: LogDirectory;
  private readonly log: Logger;
  private image: MetadataImage | null = null;
  private brokerEpochValue = -1;
  private readonly dirty = new Set<Partition>();
  private readonly alterPartitions: AlterPartitionItem[] = [];
  private readonly produces = new DelayedProduces();
  private readonly fetches = new DelayedFetches();
  private readonly fetchSessions = new FetchSessionCache();
  /** This broker's fetch sessions with the leaders it follows, by source broker. */
  private readonly followerSessions = new Map<BrokerId, FollowerFetchSession>();
  private readonly deletes = new DelayedDeleteRecords();
  private nextIsrCheckAt = 0;
  private nextRetentionCheckAt = 0;
  private readonly logConfigs = new WeakMap<Partition, Partial<LogConfig>>();
  /** Partitions the current image may change here, not yet reconciled, by topic ('all': every partition of it). */
  private readonly pendingTopics = new Map<string, Set<number> | 'all'>();
  /** Replicas of deleted topics not yet removed. */
  private readonly pendingRemovals: Partition[] = [];
  /** Replicas assigned here whose logs will not open, by partition key (see markOffline). */
  private readonly offline = new Map<string, { readonly topicId: string; readonly partitionId: number; readonly errno: string }>();
  private nextOfflineRetryAt = 0;
  /** Role changes of the reconcile in progress, logged at its end. */
  private readonly roleChanges: { readonly message: string; readonly fields: Record<string, unknown> }[] = [];
  private closed = false;
  /**
   * The checkpoint this incarnation started from, by partition key: an entry is taken when its
   * replica is opened here, and carried into later checkpoints until then (a replica not reached yet,
   * or offline) unless the metadata no longer assigns it here.
   */
  private readonly recoveredHighWatermarks = new Map<string, HighWatermarkEntry>();
  /** What the checkpoint on disk holds, by partition key; null when unknown (unread, or a write failed). */
  private checkpointed: Map<string, number> | null = null;
  private nextCheckpointAt = 0;
  private checkpointInFlight = false;

  constructor(options: ReplicaManagerOptions) {
    this.brokerId = options.brokerId;
    this.logs = options.logs;
    this.config = { ...DEFAULT_REPLICA_MANAGER_CONFIG, ...options.config };
    this.log = options.logger.child({ component: 'replica-manager' });
    this.readHighWatermarkCheckpoint();
  }

  private readHighWatermarkCheckpoint(): void {
    let entries: readonly HighWatermarkEntry[];
    try {
      entries = this.logs.readHighWatermarks();
    } catch (error) {
      // A lost checkpoint costs availability for a while, never data: the HWs start at 0 and
      // replication moves them up again. So a damaged or unreadable one is refused, not fatal.
      if (!(error instanceof KafkaStorageError)) throw error;
      this.log.error({ err: error }, 'high-watermark checkpoint refused: high watermarks will come from replication');
      return;
    }
    for (const e of entries) this.recoveredHighWatermarks.set(partitionKey(e.topicId, e.partitionId), e);
    this.checkpointed = new Map([...this.recoveredHighWatermarks].map(([key, e]) => [key, e.highWatermark]));
    if (entries.length > 0) this.log.info({ partitions: entries.length }, 'read the high-watermark checkpoint');
  }

  /** This broker's epoch (its registration's offset), sent with every follower fetch. */
  set brokerEpoch(epoch: number) {
    this.brokerEpochValue = epoch;
  }
  get brokerEpoch(): number {
    return this.brokerEpochValue;
  }

  get metadataImage(): MetadataImage | null {
    return this.image;
  }

  partition(topicId: string, partitionId: number): Partition | undefined {
    return this.partitions.get(partitionKey(topicId, partitionId));
  }

  get hostedPartitions(): readonly Partition[] {
    return [...this.partitions.values()];
  }

  // ---------------------------------------------------------------- metadata

  /**
   * A new committed metadata image. Partitions this broker is a replica of become led or followed
   * at the image's leader epoch; replicas no longer assigned here are deleted. With `changes`, only
   * what changed is visited; without, everything (a broker's first image, a snapshot).
   *
   * The work is done within `budget`: what is left stays pending, and `reconcileMetadata` goes on
   * with it in a later turn (the runtime calls it until it returns true). Until a partition is
   * reached it keeps its old role, and requests that need the new one are refused as a deposed
   * leader's would be (NOT_LEADER_OR_FOLLOWER, retriable). Returns true when nothing is pending.
   */
  applyMetadata(image: MetadataImage, changes: MetadataChanges | null, now: number, budget: WorkBudget = UNLIMITED): boolean {
    this.image = image;
    if (changes === null) {
      for (const topicId of image.topicsById.keys()) this.pendingTopics.set(topicId, 'all');
      for (const p of this.partitions.values()) if (!image.topicsById.has(p.topicId)) this.pendingRemovals.push(p);
    } else {
      for (const [topicId, partitionIds] of changes.partitions) this.notePending(topicId, partitionIds);
      for (const topicId of this.topicsOfConfigChanges(image, changes)) this.notePending(topicId, 'all');
      this.pendingRemovals.push(...this.partitionsOfRemovedTopics(changes));
    }
    return this.reconcileMetadata(now, budget);
  }

  /** Metadata not yet reconciled with the hosted partitions: call reconcileMetadata. */
  get metadataPending(): boolean {
    return this.pendingTopics.size > 0 || this.pendingRemovals.length > 0;
  }

  /** Goes on reconciling what applyMetadata left pending, within `budget`; true when done. */
  reconcileMetadata(now: number, budget: WorkBudget = UNLIMITED): boolean {
    const image = this.image;
    if (image === null) return true;
    const summary = { led: 0, followed: 0, removed: 0 };
    const done = this.reconcileWithin(image, now, budget, summary);
    this.logRoleChanges(image, summary, done);
    this.fetches.retryWoken(now);
    return done;
  }

  private reconcileWithin(image: MetadataImage, now: number, budget: WorkBudget, summary: { led: number; followed: number; removed: number }): boolean {
    while (this.pendingRemovals.length > 0) {
      const p = this.pendingRemovals.shift()!;
      if (this.partitions.get(p.key) === p && !image.topicsById.has(p.topicId)) {
        this.removePartition(p, 'topic deleted');
        summary.removed++;
      }
      if (budget.exhausted()) return !this.metadataPending;
    }
    for (const [topicId, which] of this.pendingTopics) {
      const topic = image.topicsById.get(topicId);
      if (topic === undefined) {
        this.pendingTopics.delete(topicId);
        continue;
      }
      const minIsr = this.minInsyncReplicas(image, topic.name);
      const logConfig = topicLogConfig(image, topic.name);
      const remaining = which === 'all' ? new Set(topic.partitions.keys()) : which;
      this.pendingTopics.set(topicId, remaining);
      for (const partitionId of remaining) {
        remaining.delete(partitionId);
        const registration = topic.partitions[partitionId];
        if (registration !== undefined) {
          const outcome = this.reconcilePartition(topicId, topic.name, partitionId, registration, minIsr, logConfig, now);
          if (outcome !== null) summary[outcome]++;
        }
        if (budget.exhausted()) {
          if (remaining.size === 0) this.pendingTopics.delete(topicId);
          return !this.metadataPending;
        }
      }
      this.pendingTopics.delete(topicId);
    }
    return true;
  }

  /** One partition brought in line with its registration; what it became here, if that changed. */
  private reconcilePartition(
    topicId: string,
    topicName: string,
    partitionId: number,
    registration: PartitionRegistration,
    minIsr: number,
    logConfig: Partial<LogConfig>,
    now: number,
  ): 'led' | 'followed' | 'removed' | null {
    const hosted = this.partitions.get(partitionKey(topicId, partitionId));
    if (!registration.replicas.includes(this.brokerId)) {
      if (hosted === undefined) return null;
      this.removePartition(hosted, 'no longer a replica here');
      return 'removed';
    }
    const p = hosted ?? this.createPartition(topicId, topicName, partitionId, registration, minIsr);
    if (p === null) return null;
    p.setMinInsyncReplicas(minIsr);
    this.applyLogConfig(p, logConfig);
    return this.applyRegistration(p, registration, now);
  }

  /**
   * A line per partition that changed role, as Kafka logs them — unless a slice changed so many that
   * they would flood the log (a broker handed thousands of leaderships at once): then one summary,
   * and the partition lines at debug.
   */
  private logRoleChanges(image: MetadataImage, summary: { led: number; followed: number; removed: number }, done: boolean): void {
    const changes = this.roleChanges.splice(0);
    const level = changes.length <= ROLE_CHANGES_LOGGED_ONE_BY_ONE ? 'info' : 'debug';
    for (const { message, fields } of changes) this.log[level](fields, message);
    if (level === 'debug') this.log.info({ metadataOffset: image.offset, ...summary, pending: done ? 0 : this.pendingCount() }, 'applied metadata to hosted partitions');
  }

  private notePending(topicId: string, partitionIds: ReadonlySet<number> | 'all'): void {
    const pending = this.pendingTopics.get(topicId);
    if (pending === 'all') return;
    if (partitionIds === 'all' || pending === undefined) {
      this.pendingTopics.set(topicId, partitionIds === 'all' ? 'all' : new Set(partitionIds));
      return;
    }
    for (const id of partitionIds) pending.add(id);
  }

  private pendingCount(): number {
    let count = this.pendingRemovals.length;
    for (const [topicId, which] of this.pendingTopics) count += which === 'all' ? (this.image?.topicsById.get(topicId)?.partitions.length ?? 0) : which.size;
    return count;
  }

  /** Hosted partitions of the topics a delta removed: found per topic, not by a scan of every partition. */
  private partitionsOfRemovedTopics(changes: MetadataChanges): Partition[] {
    const gone: Partition[] = [];
    for (const [topicId, topic] of changes.removedTopics) {
      topic.partitions.forEach((_, partitionId) => {
        const p = this.partitions.get(partitionKey(topicId, partitionId));
        if (p !== undefined) gone.push(p);
      });
    }
    return gone;
  }

  /** Topics whose min.insync.replicas or log configs a delta may have changed: every one, for the cluster default. */
  private topicsOfConfigChanges(image: MetadataImage, changes: MetadataChanges): string[] {
    const ids: string[] = [];
    for (const key of changes.configs) {
      if (key === configResourceKey({ type: 'broker', name: '' })) return [...image.topicsById.keys()];
      for (const [id, topic] of image.topicsById) if (key === configResourceKey({ type: 'topic', name: topic.name })) ids.push(id);
    }
    return ids;
  }

  private minInsyncReplicas(image: MetadataImage, topicName: string): number {
    const value = Number(effectiveTopicConfig((key) => image.configs.get(key) ?? new Map<string, string>(), topicName, 'min.insync.replicas'));
    return Number.isSafeInteger(value) && value >= 1 ? value : 1;
  }

  private applyLogConfig(p: Partition, config: Partial<LogConfig>): void {
    if (p.log.reconfigure === undefined || sameLogConfig(this.logConfigs.get(p), config)) return;
    try {
      p.log.reconfigure(config);
      this.logConfigs.set(p, config);
    } catch (error) {
      this.log.warn({ err: error, topic: p.topicName, partition: p.partitionId }, 'topic log config refused; keeping the previous one');
    }
  }

  /** The replica's log opened (or, new here, prepared); null when it will not open — it is then offline. */
  private createPartition(topicId: string, topicName: string, partitionId: number, registration: PartitionRegistration, minIsr: number): Partition | null {
    let log: ReplicaLog;
    try {
      log = this.logs.open(topicId, topicName, partitionId);
    } catch (error) {
      if (!(error instanceof LogFileOpenError)) throw error;
      this.markOffline({ topicId, topicName, partitionId }, error);
      return null;
    }
    const key = partitionKey(topicId, partitionId);
    this.offline.delete(key);
    const checkpointed = this.recoveredHighWatermarks.get(key)?.highWatermark;
    this.recoveredHighWatermarks.delete(key);
    const p = new Partition(topicId, topicName, partitionId, log, registration, minIsr, recoveredHighWatermark(checkpointed, log.logEndOffset));
    this.partitions.set(p.key, p);
    return p;
  }

  /**
   * A replica whose log will not open or be created (out of descriptors, no space, a failed disk):
   * the broker keeps running, says so once in its log, reports it in heartbeats so that the
   * controller moves its leadership and ISR place away (as for an offline log dir, KIP-858), and
   * tries again every offlineRetryMs.
   */
  private markOffline(replica: { readonly topicId: string; readonly topicName: string; readonly partitionId: number }, error: LogFileOpenError): void {
    const key = partitionKey(replica.topicId, replica.partitionId);
    if (!this.offline.has(key)) {
      this.log.error({ topic: replica.topicName, partition: replica.partitionId, errno: error.errno, err: error }, 'replica offline: its log will not open');
    }
    this.offline.set(key, { topicId: replica.topicId, partitionId: replica.partitionId, errno: error.errno });
  }

  /** Replicas assigned here that this broker cannot serve (their logs will not open), for the controller. */
  get offlineReplicas(): readonly { readonly topicId: string; readonly partitionId: number }[] {
    return [...this.offline.values()].map(({ topicId, partitionId }) => ({ topicId, partitionId }));
  }

  private applyRegistration(p: Partition, registration: PartitionRegistration, now: number): 'led' | 'followed' | null {
    if (registration.leader === this.brokerId) {
      const leader = p.leader;
      let outcome: 'led' | null = null;
      if (leader === null || leader.leaderEpoch !== registration.leaderEpoch) {
        const hwBefore = p.highWatermark;
        p.becomeLeader(this.brokerId, registration, now);
        this.roleChanges.push({
          message: 'became leader',
          fields: { topic: p.topicName, partition: p.partitionId, leaderEpoch: registration.leaderEpoch, logEndOffset: p.log.logEndOffset, highWatermark: hwBefore, isr: registration.isr },
        });
        outcome = 'led';
      } else {
        p.updateRegistration(registration);
        const state: PartitionState = {
          topicId: p.topicId,
          partitionId: p.partitionId,
          leader: registration.leader,
          leaderEpoch: registration.leaderEpoch,
          partitionEpoch: registration.partitionEpoch,
          isr: registration.isr,
        };
        leader.onPartitionMetadata(state, registration.replicas, now);
      }
      this.onPartitionChanged(p);
      return outcome;
    }
    const role = p.role;
    const sameLeadership = role.kind === 'follower' && role.leaderId === registration.leader && role.leaderEpoch === registration.leaderEpoch;
    p.updateRegistration(registration);
    if (sameLeadership) return null;
    const wasLeader = role.kind === 'leader';
    p.becomeFollower(registration);
    if (wasLeader || registration.leader >= 0) {
      this.roleChanges.push({
        message: 'became follower',
        fields: { topic: p.topicName, partition: p.partitionId, leaderId: registration.leader, leaderEpoch: registration.leaderEpoch, logEndOffset: p.log.logEndOffset },
      });
    }
    // Waiting produces and fetches learn that this broker no longer leads.
    this.onPartitionChanged(p);
    return 'followed';
  }


  private removePartition(p: Partition, reason: string): void {
    this.partitions.delete(p.key);
    this.dirty.delete(p);
    this.roleChanges.push({ message: 'removing replica', fields: { topic: p.topicName, partition: p.partitionId, reason } });
    this.logs.remove(p.log, p.topicId, p.partitionId);
    this.produces.partitionGone(p.key);
    this.deletes.recheck(p.key);
  }

  // ---------------------------------------------------------------- produce

  produce(request: ProduceRequest, now: number): Promise<ProduceResponse> {
    this.ensureOpen();
    const acks = request.acks;
    const waits: ProduceWait[] = [];
    const topics = request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((data): ProducePartitionResponse => {
        if (!VALID_ACKS.has(acks)) return produceError(data.partition, kafkaError('INVALID_REQUIRED_ACKS', `acks must be -1, 0 or 1, got ${String(acks)}`), null);
        const found = this.leaderPartitionByName(topic.name, data.partition);
        if ('error' in found) return produceError(data.partition, found.error, found.currentLeader);
        const p = found.partition;
        const leader = p.leader!;
        if (acks === -1) {
          const notEnough = leader.canAcceptAcksAll(p.minInsyncReplicas);
          if (notEnough !== null) return produceError(data.partition, kafkaErrorOf(notEnough), null);
        }
        try {
          const info = p.log.append(data.records, leader.leaderEpoch);
          if (this.offline.size > 0) this.offline.delete(p.key);
          this.dirty.add(p);
          this.fetches.wake(p.key);
          if (acks !== 0) waits.push({ key: p.key, topic: topic.name, partition: data.partition, acks, leaderEpoch: leader.leaderEpoch, requiredOffset: info.lastOffset + 1, baseOffset: info.baseOffset });
          return { partition: data.partition, ...NO_ERROR, baseOffset: acks === 0 ? -1 : info.baseOffset, logStartOffset: p.log.logStartOffset, currentLeader: null };
        } catch (error) {
          const e = kafkaErrorOf(error);
          if (error instanceof LogFileOpenError) this.markOffline(p, error);
          else if (e.errorName === 'KAFKA_STORAGE_ERROR' || e.errorName === 'UNKNOWN_SERVER_ERROR') {
            this.log.error({ err: error, topic: p.topicName, partition: p.partitionId }, 'leader append failed');
          }
          return produceError(data.partition, e, null);
        }
      }),
    }));
    const response: ProduceResponse = { topics };
    this.fetches.retryWoken(now);
    if (waits.length === 0) return Promise.resolve(response);
    return this.produces.park(response, waits, now + Math.max(0, request.timeoutMs), (wait) => this.produceWaitStatus(wait));
  }

  /** Whether a waiting produce is done: 'waiting', or its result (NONE, or the error it ends with). */
  private produceWaitStatus(wait: ProduceWait): KafkaErrorValue | 'waiting' {
    const p = this.partitions.get(wait.key);
    const leader = p?.leader ?? null;
    if (p === undefined || leader === null || leader.leaderEpoch < wait.leaderEpoch) {
      return kafkaError('NOT_LEADER_OR_FOLLOWER', `broker ${this.brokerId} is no longer the leader of ${wait.topic}-${wait.partition}`);
    }
    if (wait.acks === 1) return p.log.recoveryPoint >= wait.requiredOffset ? NO_ERROR : 'waiting';
    const status = leader.acksAllSatisfied(wait.requiredOffset);
    if (!status.satisfied) return 'waiting';
    return status.error === null ? NO_ERROR : kafkaErrorOf(status.error);
  }

  private leaderPartitionByName(
    topicName: string,
    partitionId: number,
  ): { partition: Partition } | { error: KafkaErrorValue; currentLeader: CurrentLeader | null } {
    const topicId = this.image?.topicIdsByName.get(topicName);
    if (topicId === undefined) return { error: kafkaError('UNKNOWN_TOPIC_OR_PARTITION', `unknown topic ${topicName}`), currentLeader: null };
    return this.leaderPartition(topicId, topicName, partitionId);
  }

  private leaderPartition(
    topicId: string,
    topicName: string,
    partitionId: number,
  ): { partition: Partition } | { error: KafkaErrorValue; currentLeader: CurrentLeader | null } {
    const registration = this.image?.partition(topicId, partitionId);
    if (registration === undefined) {
      return { error: kafkaError('UNKNOWN_TOPIC_OR_PARTITION', `unknown partition ${topicName}-${partitionId}`), currentLeader: null };
    }
    const p = this.partitions.get(partitionKey(topicId, partitionId));
    if (this.offline.has(partitionKey(topicId, partitionId))) {
      return { error: kafkaError('KAFKA_STORAGE_ERROR', `the replica of ${topicName}-${partitionId} on broker ${this.brokerId} is offline: its log will not open`), currentLeader: null };
    }
    // A leadership of an older epoch than the image's is one the broker has not caught up with yet
    // (its metadata is applied a slice at a time): it no longer leads.
    if (p === undefined || !p.isLeader || p.leaderEpoch !== registration.leaderEpoch) {
      const currentLeader = registration.leader >= 0 ? { leaderId: registration.leader, leaderEpoch: registration.leaderEpoch } : null;
      const error =
        registration.leader < 0
          ? kafkaError('LEADER_NOT_AVAILABLE', `${topicName}-${partitionId} has no leader`)
          : kafkaError('NOT_LEADER_OR_FOLLOWER', `broker ${this.brokerId} is not the leader of ${topicName}-${partitionId}; broker ${registration.leader} is`);
      return { error, currentLeader };
    }
    return { partition: p };
  }

  // ---------------------------------------------------------------- fetch

  /**
   * A consumer's or a follower's fetch. Answered at once when it finds minBytes, hits an error or
   * may not wait; otherwise parked until data arrives (the HW moves, for a consumer; the log end, for
   * a follower) or maxWaitMs passes.
   */
  fetch(request: FetchRequest, now: number): Promise<FetchResponse> {
    this.ensureOpen();
    if (request.replicaId >= 0) {
      const registration = this.image?.brokers.get(request.replicaId);
      // KIP-903: a fetch from an older incarnation of the follower must not count toward its ISR place.
      if (registration !== undefined && request.replicaEpoch >= 0 && request.replicaEpoch < registration.epoch) {
        return Promise.resolve({ errorCode: KAFKA_ERROR_CODES.STALE_BROKER_EPOCH, topics: [] });
      }
    }
    const kind = sessionFetchKind(request);
    if (kind !== 'sessionless') return this.fetchInSession(request, kind, now);
    const first = this.readFetch(request, now, true);
    // The first read of a follower fetch moves followers' states, HWs and ISRs: other fetches may be done.
    this.fetches.retryWoken(now);
    const minBytes = Math.max(1, request.minBytes);
    if (request.maxWaitMs <= 0 || first.bytes >= minBytes || first.hasError) return Promise.resolve(first.response);
    const keys = new Set(request.topics.flatMap((t) => t.partitions.map((p) => partitionKey(t.topicId, p.partition))));
    return this.fetches.park(keys, now + request.maxWaitMs, (at, expired) => {
      const again = this.readFetch(request, at, false);
      return expired || again.bytes >= minBytes || again.hasError ? again.response : null;
    });
  }

  /** A full or sessionless fetch: every partition it asks, answered. */
  private readFetch(request: FetchRequest, now: number, firstRead: boolean): { response: FetchResponse; bytes: number; hasError: boolean } {
    let budget = request.maxBytes > 0 ? request.maxBytes : Number.MAX_SAFE_INTEGER;
    let bytes = 0;
    let hasError = false;
    const topics = request.topics.map((topic) => {
      const name = this.image?.topicsById.get(topic.topicId)?.name;
      return {
        topicId: topic.topicId,
        partitions: topic.partitions.map((position): FetchPartitionResponse => {
          const answer = this.readPartition(topic.topicId, name, position, request, now, firstRead, budget);
          budget -= answer.records.length;
          bytes += answer.records.length;
          hasError ||= answerIsError(answer);
          return answer;
        }),
      };
    });
    return { response: { errorCode: 0, topics }, bytes, hasError };
  }

  /**
   * A follower's fetch in a KIP-227 session (see fetch-sessions.ts): every partition of the session
   * is fetched, only the ones with news are answered, and a parked fetch reads again only the
   * partitions that changed.
   */
  private fetchInSession(request: FetchRequest, kind: 'open' | 'incremental', now: number): Promise<FetchResponse> {
    let session: LeaderFetchSession;
    if (kind === 'open') {
      session = this.fetchSessions.open(request.replicaId);
    } else {
      const found = this.fetchSessions.find(request);
      const error = found instanceof LeaderFetchSession ? found.acceptEpoch(request.sessionEpoch ?? FETCH_SESSION.NO_SESSION_EPOCH) : found;
      if (error !== null) return Promise.resolve({ errorCode: error.errorCode, topics: [], sessionId: FETCH_SESSION.NO_SESSION_ID });
      session = found as LeaderFetchSession;
    }
    session.apply(request);
    const news = new Map<SessionPartition, FetchPartitionResponse>();
    const first = this.readSession(session, request, now, news);
    this.fetches.retryWoken(now);
    const minBytes = Math.max(1, request.minBytes);
    if (request.maxWaitMs <= 0 || first.bytes >= minBytes || first.hasError) return Promise.resolve(sessionAnswer(session, news));
    return this.fetches.park(session.partitions, now + request.maxWaitMs, (at, expired, woken) => {
      const again = this.rereadSession(session, request, at, woken, news);
      return expired || again.bytes >= minBytes || again.hasError ? sessionAnswer(session, news) : null;
    });
  }

  /** The first read of a session fetch: every partition fetched, the ones with news put in `news`. */
  private readSession(session: LeaderFetchSession, request: FetchRequest, now: number, news: Map<SessionPartition, FetchPartitionResponse>): { bytes: number; hasError: boolean } {
    let budget = request.maxBytes > 0 ? request.maxBytes : Number.MAX_SAFE_INTEGER;
    let bytes = 0;
    let hasError = false;
    for (const entry of session.partitions.values()) {
      if (this.fetchIdle(entry, request, now)) {
        const hw = entry.idleAt!.leader.highWatermark();
        if (hw !== entry.sentHighWatermark || entry.idleAt!.logStart !== entry.sentLogStartOffset) news.set(entry, idleAnswer(entry, hw));
        continue;
      }
      const answer = this.readSessionPartition(entry, request, now, true, budget);
      if (isNews(answer, entry)) news.set(entry, answer);
      budget -= answer.records.length;
      bytes += answer.records.length;
      hasError ||= answerIsError(answer);
    }
    return { bytes, hasError };
  }

  /** A parked session fetch woken by changes to `woken`: those partitions read again. */
  private rereadSession(session: LeaderFetchSession, request: FetchRequest, now: number, woken: ReadonlySet<string>, news: Map<SessionPartition, FetchPartitionResponse>): { bytes: number; hasError: boolean } {
    let bytes = 0;
    for (const answer of news.values()) bytes += answer.records.length;
    for (const key of woken) {
      const entry = session.partitions.get(key);
      if (entry === undefined) continue;
      const before = news.get(entry)?.records.length ?? 0;
      const budget = (request.maxBytes > 0 ? request.maxBytes : Number.MAX_SAFE_INTEGER) - (bytes - before);
      const answer = this.readSessionPartition(entry, request, now, false, budget);
      if (isNews(answer, entry)) news.set(entry, answer);
      else news.delete(entry);
      bytes += answer.records.length - before;
    }
    let hasError = false;
    for (const answer of news.values()) hasError ||= answerIsError(answer);
    return { bytes, hasError };
  }

  private readSessionPartition(entry: SessionPartition, request: FetchRequest, now: number, firstRead: boolean, budget: number): FetchPartitionResponse {
    const name = this.image?.topicsById.get(entry.topicId)?.name;
    const answer = this.readPartition(entry.topicId, name, entry.position, request, now, firstRead, budget);
    entry.idleAt = null;
    const p = this.partitions.get(entry.key);
    const leader = p?.leader ?? null;
    // Validated with nothing to read: until the leader or its log changes, the next fetch of this
    // partition only moves the follower's state (fetchIdle).
    if (!answerIsError(answer) && answer.records.length === 0 && p !== undefined && leader !== null && p.log.logEndOffset === entry.position.fetchOffset) {
      entry.idleAt = { partition: p, leader, logStart: p.log.logStartOffset, logEnd: p.log.logEndOffset };
    }
    return answer;
  }

  /**
   * A session partition fetched at the leader's unchanged log end, by the leader that last validated
   * it: the follower's fetch state moves (it stays caught up, so in the ISR) and nothing else is
   * checked or read. Null when anything changed: the caller takes the full path.
   */
  private fetchIdle(entry: SessionPartition, request: FetchRequest, now: number): boolean {
    const idle = entry.idleAt;
    if (idle === null) return false;
    const p = idle.partition;
    const log = p.log;
    if (this.partitions.get(entry.key) !== p || p.leader !== idle.leader || log.logEndOffset !== idle.logEnd || log.logStartOffset !== idle.logStart) return false;
    if (this.offline.size > 0 && this.offline.has(entry.key)) return false;
    // While metadata is reconciled a slice at a time, the image may already name a newer leadership.
    if (this.pendingTopics.size > 0 && this.image?.partition(entry.topicId, p.partitionId)?.leaderEpoch !== p.leaderEpoch) return false;
    const leader = idle.leader;
    const hwBefore = leader.highWatermark();
    if (leader.onFollowerFetch(now, request.replicaId, idle.logEnd, idle.logEnd, entry.position.logStartOffset) !== null) return false;
    if (this.maybeExpandIsr(p, request.replicaEpoch) || leader.highWatermark() !== hwBefore) this.onPartitionChanged(p);
    return true;
  }

  /**
   * One partition of a fetch. This runs for every partition of every replica fetch — thousands per
   * request on a broker leading thousands of partitions — so it allocates little: one answer object.
   * The first read of a follower's fetch moves its fetch state (and so the HW and ISR); later reads
   * of a parked fetch only look.
   */
  private readPartition(
    topicId: string,
    name: string | undefined,
    position: FetchPartition,
    request: FetchRequest,
    now: number,
    firstRead: boolean,
    budget: number,
  ): FetchPartitionResponse {
    if (name === undefined) return fetchError(position.partition, kafkaError('UNKNOWN_TOPIC_ID', `unknown topic id ${topicId}`), null);
    const found = this.leaderPartition(topicId, name, position.partition);
    if ('error' in found) return fetchError(position.partition, found.error, found.currentLeader);
    const isFollower = request.replicaId >= 0;
    const p = found.partition;
    const leader = p.leader!;
    const log = p.log;
    // Consumers do not send a last fetched epoch: they are not truncated, they are fenced.
    const validation = validateFollowerFetch(p.fetchView, isFollower || position.lastFetchedEpoch < 0 ? position : { ...position, lastFetchedEpoch: -1 });
    if (validation.kind !== 'read') {
      const diverging = validation.kind === 'diverging';
      return {
        partition: position.partition,
        errorCode: diverging ? 0 : validation.kafkaErrorCode,
        errorMessage: diverging ? '' : validation.message,
        highWatermark: leader.highWatermark(),
        logStartOffset: log.logStartOffset,
        logEndOffset: log.logEndOffset,
        divergingEpoch: diverging ? validation.divergingEpoch : null,
        currentLeader: diverging ? null : { leaderId: this.brokerId, leaderEpoch: leader.leaderEpoch },
        records: EMPTY,
      };
    }
    if (isFollower && firstRead) {
      const hwBefore = leader.highWatermark();
      const error = leader.onFollowerFetch(now, request.replicaId, position.fetchOffset, log.logEndOffset, position.logStartOffset);
      if (error !== null) return fetchError(position.partition, kafkaErrorOf(error), null);
      // The follower's log start may have reached a DeleteRecords offset.
      this.deletes.recheck(p.key);
      const expanding = this.maybeExpandIsr(p, request.replicaEpoch);
      // Other fetches and acks=all produces waiting on this partition care only if its HW moved
      // or its ISR is changing; waking them for every follower fetch re-read them for nothing.
      if (expanding || leader.highWatermark() !== hwBefore) this.onPartitionChanged(p);
    }
    const hw = leader.highWatermark();
    const upTo = isFollower ? log.logEndOffset : hw;
    let records = EMPTY;
    if (position.fetchOffset < upTo && budget > 0) {
      const read = log.read(position.fetchOffset, Math.min(position.partitionMaxBytes, budget));
      records = isFollower ? read : batchesBelow(read, upTo);
    }
    return {
      partition: position.partition,
      errorCode: 0,
      errorMessage: '',
      highWatermark: hw,
      logStartOffset: log.logStartOffset,
      logEndOffset: log.logEndOffset,
      divergingEpoch: null,
      currentLeader: null,
      records,
    };
  }

  /**
   * Proposes adding caught-up followers to the ISR. Only active brokers are eligible (KIP-841: the
   * controller refuses fenced or shutting-down ones), and only a fetch from the registered incarnation
   * counts (KIP-903).
   */
  private maybeExpandIsr(p: Partition, replicaEpoch: number): boolean {
    const leader = p.leader;
    const image = this.image;
    // Every replica in the ISR (the usual case): nothing to expand, and nothing to allocate finding that out.
    if (leader === null || image === null || leader.maximalIsr.length >= leader.replicas.length) return false;
    const proposal = isrToExpand(leader);
    if (proposal === null) return false;
    const adding = proposal.adding.filter((id) => {
      const broker = image.brokers.get(id);
      return isActive(broker) && (replicaEpoch < 0 || replicaEpoch >= broker.epoch);
    });
    if (adding.length === 0) return false;
    const item = leader.beginIsrChange({ kind: 'expand', adding, newIsr: [...leader.isr, ...adding] });
    if (item === null) return false;
    this.log.info({ topic: p.topicName, partition: p.partitionId, leaderEpoch: leader.leaderEpoch, isr: leader.isr, adding }, 'expanding ISR');
    this.alterPartitions.push(item);
    return true;
  }


  // ---------------------------------------------------------------- list offsets

  listOffsets(request: ListOffsetsRequest): ListOffsetsResponse {
    this.ensureOpen();
    return {
      topics: request.topics.map((topic) => ({
        name: topic.name,
        partitions: topic.partitions.map((q): ListOffsetsPartitionResponse => {
          const none = { partition: q.partition, timestamp: -1, offset: -1, leaderEpoch: -1 };
          const found = this.leaderPartitionByName(topic.name, q.partition);
          if ('error' in found) return { ...none, errorCode: found.error.errorCode, errorMessage: found.error.errorMessage };
          const p = found.partition;
          const leader = p.leader!;
          if (q.currentLeaderEpoch >= 0 && q.currentLeaderEpoch !== leader.leaderEpoch) {
            const name = q.currentLeaderEpoch < leader.leaderEpoch ? 'FENCED_LEADER_EPOCH' : 'UNKNOWN_LEADER_EPOCH';
            return { ...none, ...kafkaError(name, `leader epoch ${q.currentLeaderEpoch} is not the current ${leader.leaderEpoch}`) };
          }
          const hw = leader.highWatermark();
          if (q.timestamp === LATEST_TIMESTAMP) return { ...none, ...NO_ERROR, offset: hw, leaderEpoch: leader.leaderEpoch };
          if (q.timestamp === EARLIEST_TIMESTAMP) return { ...none, ...NO_ERROR, offset: p.log.logStartOffset, leaderEpoch: leader.leaderEpoch };
          const found2 = p.log.offsetForTimestamp(q.timestamp);
          // Consumers see only committed records: an answer at or past the HW is "none yet".
          if (found2 === undefined || found2.offset >= hw) return { ...none, ...NO_ERROR };
          return { ...none, ...NO_ERROR, timestamp: found2.timestamp, offset: found2.offset, leaderEpoch: leader.leaderEpoch };
        }),
      })),
    };
  }

  // ---------------------------------------------------------------- delete records

  /**
   * DeleteRecords (KIP-107) on partitions this broker leads: each log start moves up to the offset
   * asked (-1: the high watermark), durably, at once; the answer waits until the low watermark has
   * reached it (every live replica has deleted up to there), or REQUEST_TIMED_OUT at timeoutMs.
   * An offset past the high watermark is OFFSET_OUT_OF_RANGE, as Kafka's; one at or below the log
   * start changes nothing and is answered with the low watermark. A topic whose cleanup.policy
   * lacks `delete` is POLICY_VIOLATION (Kafka's Partition.deleteRecordsOnLeader).
   */
  deleteRecords(request: DeleteRecordsRequest, now: number): Promise<DeleteRecordsResponse> {
    this.ensureOpen();
    const waits: DeleteRecordsWait[] = [];
    const topics = request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((q): DeleteRecordsPartitionResponse => {
        const refused = (e: KafkaErrorValue): DeleteRecordsPartitionResponse => ({ partition: q.partition, errorCode: e.errorCode, errorMessage: e.errorMessage, lowWatermark: -1 });
        const found = this.leaderPartitionByName(topic.name, q.partition);
        if ('error' in found) return refused(found.error);
        const p = found.partition;
        const leader = p.leader!;
        if (!this.cleanupPolicyDeletes(topic.name)) return refused(kafkaError('POLICY_VIOLATION', `records of ${topic.name} cannot be deleted: its cleanup.policy does not include delete`));
        const hw = leader.highWatermark();
        const offset = q.offset === DELETE_UP_TO_HIGH_WATERMARK ? hw : q.offset;
        if (!Number.isSafeInteger(offset) || offset < 0 || offset > hw) {
          return refused(kafkaError('OFFSET_OUT_OF_RANGE', `cannot delete the records of ${topic.name}-${q.partition} below ${q.offset}: the offset must be between 0 and the high watermark ${hw}`));
        }
        try {
          if (p.log.advanceLogStartOffset(offset)) {
            this.log.info({ topic: p.topicName, partition: p.partitionId, leaderEpoch: leader.leaderEpoch, logStartOffset: offset }, 'deleted records: log start moved up');
          }
        } catch (error) {
          if (error instanceof LogFileOpenError) this.markOffline(p, error);
          else this.log.error({ err: error, topic: p.topicName, partition: p.partitionId, offset }, 'moving the log start failed');
          return refused(kafkaErrorOf(error));
        }
        const low = this.lowWatermarkOf(p);
        if (low < offset) waits.push({ key: p.key, topic: topic.name, partition: q.partition, leaderEpoch: leader.leaderEpoch, offset });
        return { partition: q.partition, ...NO_ERROR, lowWatermark: low };
      }),
    }));
    const response: DeleteRecordsResponse = { topics };
    if (waits.length === 0) return Promise.resolve(response);
    return this.deletes.park(response, waits, now + Math.max(0, request.timeoutMs), (wait) => this.deleteRecordsWaitStatus(wait));
  }

  /** Whether a waiting DeleteRecords partition is done: 'waiting', or how it ends. */
  private deleteRecordsWaitStatus(wait: DeleteRecordsWait): DeleteRecordsOutcome | 'waiting' {
    const p = this.partitions.get(wait.key);
    if (p === undefined || p.leader === null || p.leaderEpoch !== wait.leaderEpoch) {
      return { error: kafkaError('NOT_LEADER_OR_FOLLOWER', `broker ${this.brokerId} is no longer the leader of ${wait.topic}-${wait.partition}`), lowWatermark: -1 };
    }
    const low = this.lowWatermarkOf(p);
    return low >= wait.offset ? { error: NO_ERROR, lowWatermark: low } : 'waiting';
  }

  /** The deletion stands; the answer says the replicas had not all caught up with it in time. */
  private deleteRecordsTimedOut(wait: DeleteRecordsWait): DeleteRecordsOutcome {
    const p = this.partitions.get(wait.key);
    const error = kafkaError('REQUEST_TIMED_OUT', `the replicas of ${wait.topic}-${wait.partition} did not all delete up to ${wait.offset} in time`);
    return { error, lowWatermark: p?.leader === null || p === undefined ? -1 : this.lowWatermarkOf(p) };
  }

  /** The leader's low watermark: followers count while their brokers are registered and unfenced. */
  private lowWatermarkOf(p: Partition): number {
    const image = this.image;
    return lowWatermark(p.log.logStartOffset, p.leader?.followers ?? [], (id) => image?.brokers.get(id)?.fenced === false);
  }

  private cleanupPolicyDeletes(topicName: string): boolean {
    const image = this.image;
    if (image === null) return true;
    const policy = effectiveTopicConfig((key) => image.configs.get(key) ?? new Map<string, string>(), topicName, 'cleanup.policy');
    return policy.split(',').map((v) => v.trim()).includes('delete');
  }

  // ---------------------------------------------------------------- producers

  /** DescribeProducers: the idempotent producers a partition's leader knows. */
  describeProducers(request: DescribeProducersRequest): DescribeProducersResponse {
    this.ensureOpen();
    return {
      topics: request.topics.map((topic) => ({
        name: topic.name,
        partitions: topic.partitions.map((partition) => {
          const found = this.leaderPartitionByName(topic.name, partition);
          if ('error' in found) return { partition, errorCode: found.error.errorCode, errorMessage: found.error.errorMessage, activeProducers: [] };
          const activeProducers = found.partition.log.activeProducers().map((p) => ({
            producerId: p.producerId,
            producerEpoch: p.epoch,
            lastSequence: p.batches[p.batches.length - 1]?.lastSequence ?? -1,
            lastTimestamp: p.lastTimestamp,
          }));
          return { partition, errorCode: 0, errorMessage: null, activeProducers };
        }),
      })),
    };
  }

  // ---------------------------------------------------------------- durability and time

  /** Logs with unflushed appends: call `flush` soon (the runtime batches this per turn of its loop). */
  get needsFlush(): boolean {
    return this.dirty.size > 0;
  }

  /**
   * fsyncs every log appended since the last flush. A leader's flushed log end then counts toward
   * its high watermark, which may complete acks=all produces.
   */
  flush(now: number): void {
    const dirty = [...this.dirty];
    this.dirty.clear();
    for (const p of dirty) {
      p.log.flush();
      this.onFlushed(p, now);
    }
    this.fetches.retryWoken(now);
  }

  /**
   * flush() with the fsyncs on the thread pool, all at once, so that requests keep being served
   * meanwhile. `clock` is read when they are done.
   */
  async flushAsync(clock: () => number): Promise<void> {
    const dirty = [...this.dirty];
    this.dirty.clear();
    await Promise.all(dirty.map((p) => flushLog(p.log)));
    const now = clock();
    for (const p of dirty) if (this.partitions.get(p.key) === p) this.onFlushed(p, now);
    this.fetches.retryWoken(now);
  }

  /**
   * Makes durable every log followed from `source` — what the next fetch to it will report as this
   * follower's log end. Independent of the dirty set: another flush may have taken a log from it
   * and still be in flight.
   */
  async flushFollowedFrom(source: BrokerId): Promise<void> {
    await Promise.all(this.unflushedFollowedFrom(source).map(flushLog));
  }

  /**
   * True if a log followed from `source` holds appends not yet durable. A flush of them may have
   * finished while another partition moved to `source` (its leader changed) with an answer of its
   * old source still being flushed: the fetcher checks this right before it builds the fetch.
   */
  hasUnflushedFollowedFrom(source: BrokerId): boolean {
    return this.unflushedFollowedFrom(source).length > 0;
  }

  private unflushedFollowedFrom(source: BrokerId): ReplicaLog[] {
    const logs: ReplicaLog[] = [];
    for (const p of this.partitions.values()) {
      if (p.role.kind === 'follower' && p.role.leaderId === source && p.log.recoveryPoint < p.log.logEndOffset) logs.push(p.log);
    }
    return logs;
  }

  private onFlushed(p: Partition, now: number): void {
    p.leader?.onLeaderAppend(p.log.recoveryPoint);
    this.onPartitionChanged(p);
  }

  /** The next time `tick` has work: an ISR check or a waiting request's deadline. */
  nextDeadline(): number {
    // Both checks are cheap when there is nothing to do, so a broker with partitions just runs them.
    const checks = this.partitions.size > 0 ? Math.min(this.nextIsrCheckAt, this.nextRetentionCheckAt, this.nextCheckpointAt) : Number.POSITIVE_INFINITY;
    const offline = this.offline.size > 0 ? this.nextOfflineRetryAt : Number.POSITIVE_INFINITY;
    return Math.min(checks, offline, this.produces.nextDeadline(), this.fetches.nextDeadline(), this.deletes.nextDeadline());
  }

  /**
   * Expires waiting requests, applies retention every retentionCheckIntervalMs, checkpoints the HWs
   * every highWatermarkCheckpointIntervalMs, and, every replicaLagTimeMaxMs / 2 as Kafka does,
   * checks for ISR members to remove.
   */
  tick(now: number): void {
    this.produces.expire(now, (wait) => kafkaError('REQUEST_TIMED_OUT', `acks=${wait.acks} produce to ${wait.topic}-${wait.partition} not acknowledged in time`));
    this.fetches.expire(now);
    this.deletes.expire(now, (wait) => this.deleteRecordsTimedOut(wait));
    if (now >= this.nextRetentionCheckAt) {
      this.nextRetentionCheckAt = now + this.config.retentionCheckIntervalMs;
      this.enforceRetention();
    }
    if (now >= this.nextCheckpointAt) {
      this.nextCheckpointAt = now + this.config.highWatermarkCheckpointIntervalMs;
      this.checkpointHighWatermarks();
    }
    if (this.offline.size > 0 && now >= this.nextOfflineRetryAt) {
      this.nextOfflineRetryAt = now + OFFLINE_RETRY_MS;
      // Replicas whose logs would not open are tried again: the descriptors or the space may be back.
      for (const { topicId, partitionId } of this.offline.values()) {
        if (!this.partitions.has(partitionKey(topicId, partitionId))) this.notePending(topicId, new Set([partitionId]));
      }
      this.reconcileMetadata(now);
    }
    if (now < this.nextIsrCheckAt) return;
    this.nextIsrCheckAt = now + Math.max(1, Math.floor(this.config.replicaLagTimeMaxMs / 2));
    for (const p of this.partitions.values()) {
      const leader = p.leader;
      if (leader === null) continue;
      const proposal = isrToShrink(leader, now, this.config.replicaLagTimeMaxMs);
      if (proposal === null) continue;
      const item = leader.beginIsrChange(proposal);
      if (item === null) continue;
      this.log.info({ topic: p.topicName, partition: p.partitionId, leaderEpoch: leader.leaderEpoch, isr: leader.isr, removing: proposal.removing, highWatermark: leader.highWatermark() }, 'shrinking ISR');
      this.alterPartitions.push(item);
      this.onPartitionChanged(p);
    }
    this.fetches.retryWoken(now);
  }

  /** Every replica applies retention to its own log, as in Kafka; followers that fall behind the new log start restart there. */
  private enforceRetention(): void {
    for (const p of this.partitions.values()) {
      const result = p.log.deleteOldSegments?.();
      if (result !== undefined && result.deletedSegments.length > 0) {
        this.log.info({ topic: p.topicName, partition: p.partitionId, deletedSegments: result.deletedSegments, logStartOffset: result.logStartOffset }, 'retention deleted segments');
      }
    }
  }

  // ---------------------------------------------------------------- high-watermark checkpoint

  /**
   * Writes every replica's HW to the checkpoint, off the event loop where the directory can, unless
   * it holds exactly that already (an idle broker does not fsync every few seconds). One write at a
   * time: one still in flight is left to finish, and the next interval writes what changed meanwhile.
   * A failed write is logged and tried again at the next interval; the broker goes on (the
   * checkpoint on disk is then older, which only means lower HWs after a crash).
   */
  private checkpointHighWatermarks(): void {
    if (this.checkpointInFlight) return;
    const entries = this.highWatermarkEntries();
    const state = new Map(entries.map((e) => [partitionKey(e.topicId, e.partitionId), e.highWatermark]));
    if (this.checkpointed !== null && sameHighWatermarks(this.checkpointed, state)) return;
    const failed = (error: unknown): void => {
      this.checkpointed = null;
      this.log.warn({ err: error, partitions: entries.length }, 'writing the high-watermark checkpoint failed; trying again at the next interval');
    };
    if (this.logs.writeHighWatermarksAsync === undefined) {
      try {
        this.logs.writeHighWatermarks(entries);
        this.checkpointed = state;
      } catch (error) {
        failed(error);
      }
      return;
    }
    this.checkpointInFlight = true;
    this.logs.writeHighWatermarksAsync(entries).then(
      () => {
        this.checkpointInFlight = false;
        this.checkpointed = state;
      },
      (error: unknown) => {
        this.checkpointInFlight = false;
        failed(error);
      },
    );
  }

  /** Every hosted replica's HW, and the recovered entries of replicas assigned here but not opened yet. */
  private highWatermarkEntries(): HighWatermarkEntry[] {
    const entries: HighWatermarkEntry[] = [];
    for (const p of this.partitions.values()) entries.push({ topicId: p.topicId, partitionId: p.partitionId, highWatermark: p.highWatermark });
    const image = this.image;
    for (const [key, e] of this.recoveredHighWatermarks) {
      // Before the first image nothing is known to be gone: keep everything.
      if (image !== null && image.partition(e.topicId, e.partitionId)?.replicas.includes(this.brokerId) !== true) {
        this.recoveredHighWatermarks.delete(key);
        continue;
      }
      entries.push(e);
    }
    return entries;
  }

  // ---------------------------------------------------------------- AlterPartition

  /** ISR changes to send to the controller (one in flight per partition). */
  takeAlterPartitions(): AlterPartitionItem[] {
    return this.alterPartitions.splice(0);
  }

  /**
   * The controller's answers, one per item sent; a retriable failure puts its item back for the next
   * send. Taken as a list so that parked fetches are read again once, not once per partition.
   */
  onAlterPartitionResults(answers: readonly AlterPartitionAnswer[], now: number): void {
    for (const { item, result } of answers) this.onAlterPartitionAnswer(item, result);
    this.fetches.retryWoken(now);
  }

  private onAlterPartitionAnswer(item: AlterPartitionItem, result: AlterPartitionResult): void {
    const p = this.partitions.get(partitionKey(item.topicId, item.partitionId));
    const leader = p?.leader ?? null;
    if (p === undefined || leader === null || leader.leaderEpoch !== item.leaderEpoch) return;
    // Only the answer to the change in flight settles it. An answer to an earlier request (its change
    // already seen committed through metadata, a new one proposed since) must not end the new one: the
    // HW would stop waiting for the replica being added while the controller may already count it.
    const pending = leader.pendingAlterPartition();
    if (pending === null || pending.partitionEpoch !== item.partitionEpoch || !sameMembers(pending.newIsr, item.newIsr)) return;
    const outcome = onAlterPartitionResult(leader, result);
    this.log.info({ topic: p.topicName, partition: p.partitionId, leaderEpoch: leader.leaderEpoch, outcome: outcome.kind, isr: leader.isr }, 'AlterPartition answered');
    if (outcome.kind === 'retry') {
      const pending = leader.pendingAlterPartition();
      if (pending !== null) this.alterPartitions.push(pending);
    }
    this.onPartitionChanged(p);
  }

  // ---------------------------------------------------------------- follower side

  /** The leaders this broker fetches from. */
  sourceBrokers(): BrokerId[] {
    const sources = new Set<BrokerId>();
    for (const p of this.partitions.values()) {
      if (p.role.kind === 'follower' && p.role.leaderId >= 0) sources.add(p.role.leaderId);
    }
    return [...sources];
  }

  /** The next fetch to `source` covering every partition followed from it that can fetch now; undefined when none can. */
  fetchRequestFor(source: BrokerId, now: number): FetchRequest | undefined {
    const limits = replicaFetchLimits(this.config.replicaFetch);
    let session = this.followerSessions.get(source);
    if (session === undefined) {
      session = new FollowerFetchSession();
      this.followerSessions.set(source, session);
    }
    // Built in place: thousands of idle followed partitions cost a comparison each, not objects.
    session.begin();
    for (const p of this.partitions.values()) {
      const role = p.role;
      if (role.kind !== 'follower' || !isFetchable(role, source, now)) continue;
      session.want(p.topicId, p.partitionId, role.leaderEpoch, p.log.logEndOffset, p.log.latestEpoch ?? UNDEFINED_EPOCH, p.log.logStartOffset, limits.partitionMaxBytes);
    }
    const fetch = session.finish();
    if (fetch === undefined) return undefined;
    const byTopic = new Map<string, FetchPartition[]>();
    for (const q of fetch.send) {
      const position: FetchPartition = { partition: q.partitionId, currentLeaderEpoch: q.currentLeaderEpoch, fetchOffset: q.fetchOffset, lastFetchedEpoch: q.lastFetchedEpoch, logStartOffset: q.logStartOffset, partitionMaxBytes: q.partitionMaxBytes };
      const list = byTopic.get(q.topicId);
      if (list === undefined) byTopic.set(q.topicId, [position]);
      else list.push(position);
    }
    return {
      replicaId: this.brokerId,
      replicaEpoch: this.brokerEpochValue,
      maxWaitMs: limits.maxWaitMs,
      minBytes: limits.minBytes,
      maxBytes: limits.maxBytes,
      topics: [...byTopic].map(([topicId, partitions]) => ({ topicId, partitions })),
      sessionId: fetch.sessionId,
      sessionEpoch: fetch.sessionEpoch,
      forgottenTopics: fetch.forgotten,
    };
  }

  /** The earliest time a delayed followed partition of `source` may fetch again (Infinity when none waits). */
  nextFetchRetryAt(source: BrokerId): number {
    let at = Number.POSITIVE_INFINITY;
    for (const p of this.partitions.values()) {
      const role = p.role;
      if (role.kind === 'follower' && role.leaderId === source && role.status === 'fetching' && role.delayedUntilMs > 0) at = Math.min(at, role.delayedUntilMs);
    }
    return at;
  }

  /**
   * The leader's answer to a fetch this broker sent: append, truncate or back off per partition
   * (followerFetchDecision). Partitions whose leadership changed since the request are left alone.
   * The caller flushes (`flush`) before sending the next fetch, so the log end it reports is durable.
   */
  onFetchResponse(source: BrokerId, request: FetchRequest, response: FetchResponse, now: number): FetchApplied {
    let appendedBytes = 0;
    let truncations = 0;
    const session = this.followerSessions.get(source);
    // In a session the request lists only what moved; the answer is to the positions the leader held.
    const asked: ReadonlyMap<string, ReadonlyMap<number, { readonly currentLeaderEpoch: number; readonly fetchOffset: number }>> = session?.positionsOf(request) ?? positionsListed(request);
    session?.onResponse(response);
    if (response.errorCode === KAFKA_ERROR_CODES.FETCH_SESSION_ID_NOT_FOUND || response.errorCode === KAFKA_ERROR_CODES.INVALID_FETCH_SESSION_EPOCH) {
      // The leader lost or doubts our session (it restarted, or an answer was lost): the next fetch,
      // at once, is full and opens a new one.
      this.log.debug({ source, errorCode: response.errorCode }, 'fetch session reset');
      return { appendedBytes, truncations };
    }
    if (response.errorCode !== 0) {
      this.delayAll(source, now);
      return { appendedBytes, truncations };
    }
    for (const topic of response.topics) {
      for (const answer of topic.partitions) {
        const p = this.partitions.get(partitionKey(topic.topicId, answer.partition));
        const q = asked.get(topic.topicId)?.get(answer.partition);
        const role = p?.role;
        if (p === undefined || q === undefined || role === undefined || role.kind !== 'follower') continue;
        if (role.leaderId !== source || role.leaderEpoch !== q.currentLeaderEpoch || p.log.logEndOffset !== q.fetchOffset) continue;
        const decision = this.decide(p, answer);
        if (decision === null) {
          p.delayFetchesUntil(now + this.config.replicaFetchBackoffMs);
          continue;
        }
        p.delayFetchesUntil(0);
        switch (decision.kind) {
          case 'append':
            try {
              const info = p.log.appendAsFollower(answer.records);
              if (info !== undefined) {
                appendedBytes += answer.records.length;
                this.dirty.add(p);
                if (this.offline.size > 0) this.offline.delete(p.key);
              }
              p.updateFollowerHighWatermark(answer.highWatermark);
              this.followLeaderLogStart(p, answer.logStartOffset);
            } catch (error) {
              if (error instanceof LogFileOpenError) this.markOffline(p, error);
              else this.log.warn({ err: error, topic: p.topicName, partition: p.partitionId, fetchOffset: q.fetchOffset }, 'follower append failed; backing off');
              p.delayFetchesUntil(now + this.config.replicaFetchBackoffMs);
            }
            break;
          case 'truncate': {
            const before = p.log.logEndOffset;
            p.log.truncateTo(decision.to);
            p.capHighWatermark();
            truncations++;
            this.log[decision.belowHighWatermark ? 'warn' : 'info'](
              { topic: p.topicName, partition: p.partitionId, leaderEpoch: role.leaderEpoch, from: before, to: p.log.logEndOffset, highWatermark: p.highWatermark },
              'truncated divergent tail',
            );
            break;
          }
          case 'restartAt':
            p.log.truncateFullyAndStartAt(decision.offset);
            p.capHighWatermark();
            truncations++;
            this.log.warn({ topic: p.topicName, partition: p.partitionId, offset: decision.offset }, 'log restarted at the leader log start');
            break;
          case 'refetch':
            break;
          case 'awaitMetadata':
            // FENCED: our epoch is stale and the metadata will say more. UNKNOWN: the leader lags; retry later.
            if (decision.reason === 'FENCED_LEADER_EPOCH') p.awaitMetadata();
            else p.delayFetchesUntil(now + this.config.replicaFetchBackoffMs);
            break;
        }
      }
    }
    return { appendedBytes, truncations };
  }

  /**
   * A follower's log start follows its leader's, as Kafka's fetcher moves it with every answer
   * (records deleted on the leader, by DeleteRecords or retention, go here too), never past what it
   * knows committed; its next fetch reports it, which moves the leader's low watermark.
   */
  private followLeaderLogStart(p: Partition, leaderLogStart: number): void {
    const before = p.log.logStartOffset;
    if (p.log.advanceLogStartOffset(Math.min(leaderLogStart, p.highWatermark))) {
      this.log.debug({ topic: p.topicName, partition: p.partitionId, from: before, to: p.log.logStartOffset }, "log start moved up to the leader's");
    }
  }

  /** The follower decision for one answered partition; null for an error that only calls for a back-off. */
  private decide(p: Partition, answer: FetchPartitionResponse): FollowerFetchDecision | null {
    const view = { logEndOffset: p.log.logEndOffset, highWatermark: p.highWatermark, endOffsetForEpoch: (e: number) => p.log.endOffsetForEpoch(e) };
    if (answer.divergingEpoch !== null) return followerFetchDecision(view, { kind: 'diverging', divergingEpoch: answer.divergingEpoch });
    switch (answer.errorCode) {
      case 0:
        return followerFetchDecision(view, { kind: 'read', fetchOffset: p.log.logEndOffset });
      case KAFKA_ERROR_CODES.OFFSET_OUT_OF_RANGE:
        return followerFetchDecision(view, {
          kind: 'error',
          error: 'OFFSET_OUT_OF_RANGE',
          kafkaErrorCode: answer.errorCode,
          message: answer.errorMessage,
          logStartOffset: answer.logStartOffset,
          logEndOffset: answer.logEndOffset,
        });
      case KAFKA_ERROR_CODES.FENCED_LEADER_EPOCH:
      case KAFKA_ERROR_CODES.UNKNOWN_LEADER_EPOCH: {
        const error = answer.errorCode === KAFKA_ERROR_CODES.FENCED_LEADER_EPOCH ? 'FENCED_LEADER_EPOCH' : 'UNKNOWN_LEADER_EPOCH';
        return followerFetchDecision(view, { kind: 'error', error, kafkaErrorCode: answer.errorCode, message: answer.errorMessage });
      }
      default:
        return null;
    }
  }

  /** The whole fetch to `source` failed (unreachable, stale broker epoch): back every partition off. */
  delayAll(source: BrokerId, now: number): void {
    // Whether the leader took the failed fetch is unknown: start its session over.
    this.followerSessions.get(source)?.reset();
    for (const p of this.partitions.values()) {
      const role = p.role;
      if (role.kind === 'follower' && role.leaderId === source) p.delayFetchesUntil(now + this.config.replicaFetchBackoffMs);
    }
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Fails every waiting request, closes every log (flushing them first) and checkpoints the HWs, so
   * that a clean restart starts where this one stopped.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.failWaiting('is shutting down');
    const entries = this.highWatermarkEntries();
    try {
      for (const p of this.partitions.values()) {
        try {
          p.log.flush();
        } finally {
          p.log.close();
        }
      }
    } finally {
      this.partitions.clear();
      this.writeFinalCheckpoint(entries);
    }
  }

  /**
   * close() after the disk failed (an fsync error): every waiting request fails, every log closes
   * without flushing, and no checkpoint is written. A failed fsync may have dropped the pages it
   * covered, and a second fsync can report success over them (Linux marks them clean: the
   * "fsyncgate" case), so nothing written after the failure may be vouched for — as Kafka's broker
   * halts without its shutdown sequence when its log directory fails.
   */
  halt(): void {
    if (this.closed) return;
    this.closed = true;
    this.failWaiting('halted: its disk failed');
    for (const p of this.partitions.values()) {
      try {
        p.log.close({ flush: false });
      } catch (error) {
        this.log.error({ err: error, topic: p.topicName, partition: p.partitionId }, 'closing a log while halting failed');
      }
    }
    this.partitions.clear();
  }

  private failWaiting(why: string): void {
    this.produces.failAll(kafkaError('NOT_LEADER_OR_FOLLOWER', `broker ${this.brokerId} ${why}`));
    this.deletes.failAll(() => ({ error: kafkaError('NOT_LEADER_OR_FOLLOWER', `broker ${this.brokerId} ${why}`), lowWatermark: -1 }));
    this.fetches.completeAll(Number.POSITIVE_INFINITY);
  }

  private writeFinalCheckpoint(entries: readonly HighWatermarkEntry[]): void {
    const state = new Map(entries.map((e) => [partitionKey(e.topicId, e.partitionId), e.highWatermark]));
    if (this.checkpointed !== null && sameHighWatermarks(this.checkpointed, state) && !this.checkpointInFlight) return;
    try {
      this.logs.writeHighWatermarks(entries);
      this.checkpointed = state;
    } catch (error) {
      this.log.error({ err: error }, 'writing the high-watermark checkpoint at shutdown failed; the next start recovers the HWs from replication');
    }
  }

  /** Settles produces waiting on `p` now; its parked fetches are read again once the input is handled (retryWoken). */
  private onPartitionChanged(p: Partition): void {
    this.produces.recheck(p.key);
    this.deletes.recheck(p.key);
    this.fetches.wake(p.key);
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error(`broker ${this.brokerId} is closed`);
  }
}

const EMPTY: Uint8Array = new Uint8Array(0);

function sameHighWatermarks(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, hw] of a) if (b.get(key) !== hw) return false;
  return true;
}

function sameMembers(a: readonly BrokerId[], b: readonly BrokerId[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function flushLog(log: ReplicaLog): Promise<void> {
  if (log.flushAsync !== undefined) return log.flushAsync();
  log.flush();
  return Promise.resolve();
}

function produceError(partition: number, error: KafkaErrorValue, currentLeader: CurrentLeader | null): ProducePartitionResponse {
  return { partition, errorCode: error.errorCode, errorMessage: error.errorMessage, baseOffset: -1, logStartOffset: -1, currentLeader };
}

/** The positions a fetch lists, by topic id and partition (a sessionless or full fetch lists them all). */
function positionsListed(request: FetchRequest): Map<string, Map<number, FetchPartition>> {
  const positions = new Map<string, Map<number, FetchPartition>>();
  for (const t of request.topics) {
    const topic = positions.get(t.topicId) ?? new Map<number, FetchPartition>();
    for (const q of t.partitions) topic.set(q.partition, q);
    positions.set(t.topicId, topic);
  }
  return positions;
}

/** An answer that ends a long poll at once: an error, or a divergence the follower must act on. */
function answerIsError(answer: FetchPartitionResponse): boolean {
  return answer.errorCode !== 0 || answer.divergingEpoch !== null;
}

/** A session partition fetched idle whose HW or log start the follower has not been told. */
function idleAnswer(entry: SessionPartition, highWatermark: number): FetchPartitionResponse {
  const idle = entry.idleAt!;
  return {
    partition: entry.position.partition,
    errorCode: 0,
    errorMessage: '',
    highWatermark,
    logStartOffset: idle.logStart,
    logEndOffset: idle.logEnd,
    divergingEpoch: null,
    currentLeader: null,
    records: EMPTY,
  };
}

/** Whether a session partition's answer tells the follower anything it was not told already. */
function isNews(answer: FetchPartitionResponse, entry: SessionPartition): boolean {
  return answer.records.length > 0 || answerIsError(answer) || answer.highWatermark !== entry.sentHighWatermark || answer.logStartOffset !== entry.sentLogStartOffset;
}

/** The session's answer: the partitions with news, whose HW and log start now count as told. */
function sessionAnswer(session: LeaderFetchSession, news: ReadonlyMap<SessionPartition, FetchPartitionResponse>): FetchResponse {
  const byTopic = new Map<string, FetchPartitionResponse[]>();
  for (const [entry, answer] of news) {
    entry.sentHighWatermark = answer.highWatermark;
    entry.sentLogStartOffset = answer.logStartOffset;
    const list = byTopic.get(entry.topicId);
    if (list === undefined) byTopic.set(entry.topicId, [answer]);
    else list.push(answer);
  }
  return { errorCode: 0, topics: [...byTopic].map(([topicId, partitions]) => ({ topicId, partitions })), sessionId: session.id };
}

function fetchError(partition: number, error: KafkaErrorValue, currentLeader: CurrentLeader | null): FetchPartitionResponse {
  return {
    partition,
    errorCode: error.errorCode,
    errorMessage: error.errorMessage,
    highWatermark: -1,
    logStartOffset: -1,
    logEndOffset: -1,
    divergingEpoch: null,
    currentLeader,
    records: EMPTY,
  };
}

