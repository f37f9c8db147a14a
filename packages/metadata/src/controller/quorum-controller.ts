/**
 * The active controller (KRaft's QuorumController; reference/KRAFT.md §3.3). The node that leads the
 * metadata log is the controller; every other node only replays the log.
 *
 * It is a deterministic state machine with I/O at its edges, like RaftCore: inputs are requests,
 * leadership changes, committed images and clock ticks; outputs are appends to the metadata log
 * (through `MetadataLog`) and replies (through `onReply`). One request is handled at a time, against
 * the controller's view — the committed image plus every record it has written but not yet seen
 * commit — and its reply waits until the records it wrote (and any written before) are committed.
 *
 * Leadership: on becoming leader it writes a NoOp and waits for it to commit, which proves its
 * committed image holds everything earlier leaders wrote; only then does it take requests (they
 * queue meanwhile). On losing leadership it fails whatever waits with NOT_CONTROLLER and throws its
 * view away; the next activation rebuilds it from the committed image.
 */
import type { LeaderChange } from '@kz/raft';
import { apiError, ApiError } from '../errors/api-error';
import { MetadataDelta } from '../image/metadata-delta';
import { MetadataImage } from '../image/metadata-image';
import type { MetadataRecord } from '../records/metadata-record';
import { alterPartition } from './alter-partition';
import { BrokerHeartbeats } from './broker-heartbeats';
import { brokerHeartbeat, fenceBroker, registerBroker, unregisterBroker, type Outcome } from './broker-lifecycle';
import { incrementalAlterConfigs } from './config-changes';
import type { ControlContext } from './control-context';
import { resolveControllerConfig, type ControllerConfig } from './controller-config';
import type { ControllerReply, ControllerRequest, ControllerRequestKind } from './controller-requests';
import { electLeaderless, electLeaders, rebalanceLeaders } from './leader-election';
import { clusterSetting } from './partition-scan';
import { allocateProducerIds } from './producer-ids';
import { alterPartitionReassignments, listPartitionReassignments } from './reassignment';
import { createPartitions, createTopics, deleteTopics } from './topic-control';

/** The metadata log as the controller writes it: RaftNode.appendNow, or a simulated core. */
export interface MetadataLog {
  /**
   * Appends each list of records as one batch of `epoch`, all together and contiguous; null when
   * this node does not lead `epoch`.
   */
  append(epoch: number, batches: readonly (readonly MetadataRecord[])[]): { readonly baseOffset: number; readonly lastOffset: number } | null;
  /** The offset the next appended record gets. */
  nextOffset(): number;
  /** Gives up leadership of `epoch` (after an internal error, so that a healthy node takes over). */
  resign(epoch: number): void;
}

/** What happened inside the controller, for logs and metrics. */
export type ControllerEvent =
  | { readonly kind: 'activated'; readonly epoch: number; readonly offset: number; readonly brokers: number; readonly partitions: number }
  | { readonly kind: 'renounced'; readonly epoch: number; readonly failed: number; readonly reason: string }
  | { readonly kind: 'fenced'; readonly brokerId: number; readonly reason: 'session expired'; readonly lastOffset: number }
  | { readonly kind: 'rebalanced'; readonly moved: number }
  | { readonly kind: 'internalError'; readonly error: Error };

export interface QuorumControllerOptions {
  readonly nodeId: number;
  readonly config: Partial<ControllerConfig> & { readonly clusterId: string };
  readonly log: MetadataLog;
  /** Replies, in commit order. */
  readonly onReply: (reply: ControllerReply) => void;
  readonly onEvent?: (event: ControllerEvent) => void;
  /** Randomness for topic ids and placement; seeded in the simulator. */
  readonly random?: () => number;
}

type Phase =
  | { readonly name: 'inactive'; readonly leaderId: number; readonly epoch: number }
  | { readonly name: 'claiming'; readonly epoch: number; readonly noOpOffset: number }
  | { readonly name: 'active'; readonly epoch: number };

interface Deferred {
  /** The reply goes out once the committed image reaches this offset. */
  readonly offset: number;
  readonly reply: ControllerReply;
}

interface Queued {
  readonly requestId: number;
  readonly request: ControllerRequest;
}

/** The view is folded into a fresh image after this many records, to keep reads through it cheap. */
const VIEW_FOLD_RECORDS = 50_000;

export class QuorumController {
  readonly config: ControllerConfig;
  private readonly heartbeats = new BrokerHeartbeats();
  private readonly random: () => number;
  private phase: Phase = { name: 'inactive', leaderId: -1, epoch: 0 };
  private committed: MetadataImage = MetadataImage.EMPTY;
  private view: MetadataDelta | null = null;
  /** The offset of the last record this controller wrote in its current term. */
  private lastWritten = -1;
  private deferred: Deferred[] = [];
  private queued: Queued[] = [];
  private now = 0;
  private nextNoOpAt = Number.POSITIVE_INFINITY;
  private nextRebalanceAt = Number.POSITIVE_INFINITY;

  constructor(private readonly options: QuorumControllerOptions) {
    this.config = resolveControllerConfig(options.config);
    this.random = options.random ?? Math.random;
  }

  get active(): boolean {
    return this.phase.name === 'active';
  }

  get epoch(): number {
    return this.phase.epoch;
  }

  /** The committed image the controller last heard of. */
  get image(): MetadataImage {
    return this.committed;
  }

  // ------------------------------------------------------------------ inputs

  onLeaderChange(now: number, change: LeaderChange): void {
    this.now = Math.max(this.now, now);
    if (change.role === 'leader') {
      if (this.phase.name !== 'inactive' && this.phase.epoch === change.epoch) return;
      if (this.phase.name !== 'inactive') this.renounce(`leadership moved to epoch ${change.epoch}`, change.leaderId, change.epoch);
      this.claim(change.epoch);
    } else if (this.phase.name !== 'inactive') {
      this.renounce(`node is ${change.role} in epoch ${change.epoch}`, change.leaderId, change.epoch);
    } else {
      this.phase = { name: 'inactive', leaderId: change.leaderId, epoch: change.epoch };
    }
  }

  /** The loader published a new committed image. */
  onCommitted(now: number, image: MetadataImage): void {
    this.now = Math.max(this.now, now);
    this.committed = image;
    if (this.phase.name === 'claiming' && image.offset >= this.phase.noOpOffset) this.activate();
    if (this.phase.name !== 'active') return;
    let done = 0;
    while (done < this.deferred.length && this.deferred[done]!.offset <= image.offset) done++;
    if (done > 0) {
      const ready = this.deferred.splice(0, done);
      for (const { reply } of ready) this.options.onReply(reply);
    }
    // Everything written has committed: the committed image is the view, with no delta to read through.
    if (this.view !== null && image.offset >= this.lastWritten && this.view.size > 0) this.view = new MetadataDelta(image);
  }

  submit(now: number, requestId: number, request: ControllerRequest): void {
    this.now = Math.max(this.now, now);
    switch (this.phase.name) {
      case 'inactive':
        this.options.onReply(this.notController(requestId, request.kind));
        return;
      case 'claiming':
        this.queued.push({ requestId, request });
        return;
      case 'active':
        this.handle(requestId, request);
    }
  }

  tick(now: number): void {
    this.now = Math.max(this.now, now);
    if (this.phase.name !== 'active' || this.view === null) return;
    this.guarded(() => {
      this.fenceExpiredBrokers();
      if (this.phase.name === 'active' && this.now >= this.nextRebalanceAt) this.rebalance();
      if (this.phase.name === 'active' && this.now >= this.nextNoOpAt) this.write([{ type: 'noOp' }], true);
    });
  }

  /** When `tick` next has something to do. */
  nextDeadline(): number {
    if (this.phase.name !== 'active' || this.view === null) return Number.POSITIVE_INFINITY;
    const unfenced = [...this.view.allBrokers().values()].filter((b) => !b.fenced).map((b) => b.id);
    return Math.min(this.nextNoOpAt, this.nextRebalanceAt, this.heartbeats.nextExpiry(unfenced, this.config.sessionTimeoutMs));
  }

  // ------------------------------------------------------------------ leadership

  private claim(epoch: number): void {
    const appended = this.options.log.append(epoch, [[{ type: 'noOp' }]]);
    if (appended === null) {
      this.phase = { name: 'inactive', leaderId: -1, epoch };
      return;
    }
    this.phase = { name: 'claiming', epoch, noOpOffset: appended.lastOffset };
    this.lastWritten = appended.lastOffset;
  }

  private activate(): void {
    const epoch = this.phase.epoch;
    this.phase = { name: 'active', epoch };
    this.view = new MetadataDelta(this.committed);
    this.lastWritten = this.committed.offset;
    this.heartbeats.clear();
    this.heartbeats.seed(this.committed.brokers.keys(), this.now);
    this.nextNoOpAt = this.config.noOpIntervalMs > 0 ? this.now + this.config.noOpIntervalMs : Number.POSITIVE_INFINITY;
    this.scheduleRebalance();
    this.options.onEvent?.({
      kind: 'activated',
      epoch,
      offset: this.committed.offset,
      brokers: this.committed.brokers.size,
      partitions: this.committed.partitionCount,
    });
    // A leaderless partition whose ISR member came back while no controller was active gets its leader now.
    this.guarded(() => {
      electLeaderless(this.context());
    });
    const queued = this.queued;
    this.queued = [];
    for (const { requestId, request } of queued) {
      if (this.phase.name !== 'active') this.options.onReply(this.notController(requestId, request.kind));
      else this.handle(requestId, request);
    }
  }

  private renounce(reason: string, leaderId: number, epoch: number): void {
    const failedCount = this.deferred.length + this.queued.length;
    const previousEpoch = this.phase.epoch;
    const waiting = [...this.deferred.map((d) => ({ requestId: d.reply.requestId, kind: d.reply.kind })), ...this.queued.map((q) => ({ requestId: q.requestId, kind: q.request.kind }))];
    this.phase = { name: 'inactive', leaderId, epoch };
    this.deferred = [];
    this.queued = [];
    this.view = null;
    this.heartbeats.clear();
    this.nextNoOpAt = Number.POSITIVE_INFINITY;
    this.nextRebalanceAt = Number.POSITIVE_INFINITY;
    for (const { requestId, kind } of waiting) this.options.onReply(this.notController(requestId, kind));
    this.options.onEvent?.({ kind: 'renounced', epoch: previousEpoch, failed: failedCount, reason });
  }

  // ------------------------------------------------------------------ requests

  private handle(requestId: number, request: ControllerRequest): void {
    let outcome: Outcome<unknown> = { ok: false, error: apiError('UNKNOWN_SERVER_ERROR', 'the controller failed while handling the request') };
    this.guarded(() => {
      try {
        outcome = this.dispatch(this.context(), request);
      } catch (error) {
        // A write refused before it was appended (too many records for one batch) changed nothing.
        if (!(error instanceof ApiError)) throw error;
        outcome = { ok: false, error };
      }
    });
    if (this.phase.name !== 'active') {
      // The request's own writes lost leadership (or an internal error renounced it).
      this.options.onReply(this.notController(requestId, request.kind));
      return;
    }
    const reply = { requestId, kind: request.kind, result: outcome } as ControllerReply;
    // Nothing may be answered before what the view already showed has committed (KIP-631: no future state).
    if (this.lastWritten <= this.committed.offset) this.options.onReply(reply);
    else this.deferred.push({ offset: this.lastWritten, reply });
  }

  private dispatch(ctx: ControlContext, request: ControllerRequest): Outcome<unknown> {
    switch (request.kind) {
      case 'registerBroker':
        return registerBroker(ctx, request.body);
      case 'brokerHeartbeat':
        return brokerHeartbeat(ctx, request.body);
      case 'unregisterBroker':
        return unregisterBroker(ctx, request.body.brokerId);
      case 'createTopics':
        return createTopics(ctx, request.body);
      case 'deleteTopics':
        return deleteTopics(ctx, request.body);
      case 'createPartitions':
        return createPartitions(ctx, request.body);
      case 'alterPartition':
        return alterPartition(ctx, request.body);
      case 'electLeaders':
        return electLeaders(ctx, request.body);
      case 'alterPartitionReassignments':
        return alterPartitionReassignments(ctx, request.body);
      case 'listPartitionReassignments':
        return listPartitionReassignments(ctx);
      case 'incrementalAlterConfigs':
        return incrementalAlterConfigs(ctx, request.body);
      case 'allocateProducerIds':
        return allocateProducerIds(ctx, request.body);
    }
  }

  private context(): ControlContext {
    const view = this.view;
    if (view === null) throw new Error('no view outside the active phase');
    return {
      view,
      now: this.now,
      config: this.config,
      heartbeats: this.heartbeats,
      random: this.random,
      nextOffset: () => this.options.log.nextOffset(),
      write: (records, atomic) => this.write(records, atomic),
      writeBatches: (batches) => this.writeBatches(batches),
    };
  }

  // ------------------------------------------------------------------ writes

  /**
   * Appends records and replays them into the view. Atomic writes must fit one batch; others are
   * split at maxRecordsPerBatch. Losing leadership mid-write renounces at once.
   */
  private write(records: readonly MetadataRecord[], atomic: boolean): number {
    if (records.length === 0) return this.lastWritten;
    const max = this.config.maxRecordsPerBatch;
    if (atomic && records.length > max) throw new ApiError('POLICY_VIOLATION', `${records.length} records cannot be written atomically; the limit is ${max}`);
    const chunks: MetadataRecord[][] = [];
    for (let from = 0; from < records.length; from += max) chunks.push(records.slice(from, from + max));
    return this.writeBatches(chunks);
  }

  /**
   * Appends batches and replays their records into the view. All of them go in one append: a
   * follower in a long poll then fetches them together, and the reply waits for one replication
   * round rather than one per batch. Losing leadership mid-write renounces at once.
   */
  private writeBatches(batches: readonly (readonly MetadataRecord[])[]): number {
    const nonEmpty = batches.filter((b) => b.length > 0);
    if (nonEmpty.length === 0) return this.lastWritten;
    const max = this.config.maxRecordsPerBatch;
    const tooLarge = nonEmpty.find((b) => b.length > max);
    if (tooLarge !== undefined) throw new ApiError('POLICY_VIOLATION', `${tooLarge.length} records cannot be written atomically; the limit is ${max}`);
    const epoch = this.phase.epoch;
    const appended = this.phase.name === 'active' ? this.options.log.append(epoch, nonEmpty) : null;
    const view = this.view;
    if (appended === null || view === null) {
      if (this.phase.name === 'active') this.renounce('the metadata log refused an append', -1, epoch);
      return this.lastWritten;
    }
    let offset = appended.baseOffset;
    for (const batch of nonEmpty) for (const record of batch) view.replay(record, offset++, epoch);
    this.lastWritten = appended.lastOffset;
    if (view.size >= VIEW_FOLD_RECORDS) {
      // Reads go through the delta's maps; folding keeps them flat. The result is still the view.
      this.view = new MetadataDelta(view.apply().image);
    }
    this.nextNoOpAt = this.config.noOpIntervalMs > 0 ? this.now + this.config.noOpIntervalMs : Number.POSITIVE_INFINITY;
    return this.lastWritten;
  }

  /**
   * An exception inside an operation is a controller bug; its view may hold half a change. Like
   * KRaft, renounce and resign, so that a peer rebuilds from committed state.
   */
  private guarded(run: () => void): void {
    try {
      run();
    } catch (error) {
      const epoch = this.phase.epoch;
      const wasLeading = this.phase.name !== 'inactive';
      this.options.onEvent?.({ kind: 'internalError', error: error instanceof Error ? error : new Error(String(error)) });
      if (wasLeading) {
        this.renounce(`internal error: ${error instanceof Error ? error.message : String(error)}`, -1, epoch);
        this.options.log.resign(epoch);
      }
    }
  }

  // ------------------------------------------------------------------ periodic work

  private fenceExpiredBrokers(): void {
    const view = this.view!;
    const unfenced = [...view.allBrokers().values()].filter((b) => !b.fenced).map((b) => b.id);
    for (const brokerId of this.heartbeats.expired(unfenced, this.now, this.config.sessionTimeoutMs)) {
      const lastOffset = fenceBroker(this.context(), brokerId);
      if (this.phase.name !== 'active') return;
      this.options.onEvent?.({ kind: 'fenced', brokerId, reason: 'session expired', lastOffset });
    }
  }

  private clusterSetting(name: string): string {
    return clusterSetting(this.view!, this.config.staticBrokerConfigs, name);
  }

  private scheduleRebalance(): void {
    const seconds = Number(this.clusterSetting('leader.imbalance.check.interval.seconds'));
    this.nextRebalanceAt = this.now + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 300_000);
  }

  private rebalance(): void {
    this.scheduleRebalance();
    electLeaderless(this.context());
    if (this.clusterSetting('auto.leader.rebalance.enable') !== 'true') return;
    const percentage = Number(this.clusterSetting('leader.imbalance.per.broker.percentage'));
    const moved = rebalanceLeaders(this.context(), Number.isFinite(percentage) ? percentage : 10);
    if (moved > 0) this.options.onEvent?.({ kind: 'rebalanced', moved });
  }

  private notController(requestId: number, kind: ControllerRequestKind): ControllerReply {
    const leaderId = this.phase.name === 'inactive' ? this.phase.leaderId : -1;
    return {
      requestId,
      kind,
      result: { ok: false, error: apiError('NOT_CONTROLLER', leaderId >= 0 ? `node ${leaderId} is the controller` : 'this node is not the active controller', leaderId) },
    };
  }
}
