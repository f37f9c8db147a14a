/**
 * The active controller (KRaft's QuorumController; reference/KRAFT.md §3.3). The node that leads the
 * metadata log is the controller; every other node only replays the log.
 *
 * It is a deterministic state machine with I/O at its edges, like RaftCore: inputs are requests,
 * leadership changes, committed images and clock ticks; outputs are appends to the metadata log
 * (through `MetadataLog`) and replies (through `onReply`). Work is done one operation at a time, in
 * arrival order, against the controller's view — the committed image plus every record it has
 * written but not yet seen commit — and a reply waits until the records it wrote (and any written
 * before) are committed.
 *
 * Large operations pause (operation.ts): after `recordsPerSlice` records the controller stops and
 * asks to be called again at once (`nextDeadline()` is now), so the node's event loop serves other
 * work in between. Heartbeats do not wait in that queue: a heartbeat that changes nothing is answered
 * as it arrives, and its session counts from its arrival — a broker busy replicating a storm of
 * metadata is alive, and must not be fenced because the controller was busy too.
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
import type { BrokerId, MetadataRecord } from '../records/metadata-record';
import { createAcls, deleteAcls } from './acl-control';
import { alterPartition } from './alter-partition';
import { BrokerHeartbeats } from './broker-heartbeats';
import { brokerHeartbeat, fenceBroker, heartbeatWithoutChange, registerBroker, unregisterBroker } from './broker-lifecycle';
import { incrementalAlterConfigs } from './config-changes';
import type { ControlContext } from './control-context';
import { resolveControllerConfig, type ControllerConfig } from './controller-config';
import type { ControllerApi, ControllerReply, ControllerRequest, ControllerRequestKind, ControllerResult } from './controller-requests';
import { recordEligibleLeaderReplicasFeature, reviewEligibleLeaders } from './eligible-leader-replicas';
import { electLeaderless, electLeaders, rebalanceLeaders } from './leader-election';
import { atOnce } from './operation';
import { clusterSetting } from './partition-scan';
import { allocateProducerIds } from './producer-ids';
import { alterPartitionReassignments, listPartitionReassignments } from './reassignment';
import { alterUserScramCredentials } from './scram-control';
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

/** A request, or the controller's own work, waiting for its turn. */
type Work =
  | { readonly kind: 'request'; readonly requestId: number; readonly request: ControllerRequest; readonly receivedAt: number }
  | { readonly kind: 'fence'; readonly brokerId: BrokerId }
  | { readonly kind: 'activation' }
  | { readonly kind: 'rebalance' };

interface Running {
  readonly work: Work;
  readonly op: Generator<void, unknown, void>;
}

/** Thrown out of an operation when an append was refused: leadership is gone, and so is the operation. */
class LeadershipLost extends Error {
  override readonly name = 'LeadershipLost';
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
  /** Records written since this controller started: slices are measured in them. */
  private recordsWritten = 0;
  private deferred: Deferred[] = [];
  private queue: Work[] = [];
  private running: Running | null = null;
  /** Brokers with a fencing queued or running, so that a session expiry is acted on once. */
  private readonly fencing = new Set<BrokerId>();
  private now = 0;
  private nextNoOpAt = Number.POSITIVE_INFINITY;
  private nextRebalanceAt = Number.POSITIVE_INFINITY;
  /** While following: the leader, and when its log last advanced here (see previousLeaderSilence). */
  private leaderLastHeard: { readonly leaderId: number; at: number } | null = null;

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

  /** How many replicas each broker last said it cannot serve; empty unless this controller is active. */
  offlineReplicaCounts(): { brokerId: BrokerId; count: number }[] {
    return this.phase.name === 'active' ? this.heartbeats.offlineReplicaCounts() : [];
  }

  /** Work is waiting for its turn (a paused operation, queued requests): call tick() at once. */
  get busy(): boolean {
    return this.running !== null || this.queue.length > 0;
  }

  // ------------------------------------------------------------------ inputs

  onLeaderChange(now: number, change: LeaderChange): void {
    this.now = Math.max(this.now, now);
    if (change.role !== 'leader' && change.leaderId >= 0 && change.leaderId !== this.leaderLastHeard?.leaderId) {
      this.leaderLastHeard = { leaderId: change.leaderId, at: this.now };
    }
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
    // A follower's committed log advances only with its leader's fetch answers (the leader writes a
    // NoOp at least every noOpIntervalMs): this is when the leader was last heard from.
    if (this.phase.name === 'inactive' && this.leaderLastHeard !== null && this.leaderLastHeard.leaderId === this.phase.leaderId) this.leaderLastHeard.at = this.now;
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
        this.queue.push({ kind: 'request', requestId, request, receivedAt: this.now });
        return;
      case 'active':
        if (request.kind === 'brokerHeartbeat' && this.heartbeatAtOnce(requestId, request.body)) return;
        this.queue.push({ kind: 'request', requestId, request, receivedAt: this.now });
        // Nothing ahead of it: handle it now, in this turn.
        if (this.running === null && this.queue.length === 1) this.runSlice();
    }
  }

  /**
   * Fences brokers whose session expired, rebalances, writes a NoOp when the log has been idle, and
   * goes on with work that paused.
   */
  tick(now: number): void {
    this.now = Math.max(this.now, now);
    if (this.phase.name !== 'active' || this.view === null) return;
    this.guarded(() => {
      for (const brokerId of this.heartbeats.expired(this.unfencedBrokers(), this.now, this.config.sessionTimeoutMs)) {
        if (this.fencing.has(brokerId)) continue;
        this.fencing.add(brokerId);
        this.queue.push({ kind: 'fence', brokerId });
      }
      if (this.now >= this.nextRebalanceAt) {
        this.scheduleRebalance();
        this.queue.push({ kind: 'rebalance' });
      }
      if (this.now >= this.nextNoOpAt) this.write([{ type: 'noOp' }], true);
    });
    this.runSlice();
  }

  /**
   * The node running this controller did not run for `stalledMs` (its event loop was blocked, its
   * process paused): no heartbeat could be heard meanwhile, so every session is extended by as
   * much. Without it, the first thing the controller does after a long stall — its fencing timer,
   * which fires before the heartbeats waiting in its sockets are read — fences live brokers.
   */
  noteStall(now: number, stalledMs: number): void {
    this.now = Math.max(this.now, now);
    if (!(stalledMs > 0)) return;
    // A stalled follower heard nothing either: its leader's silence is that much shorter.
    if (this.leaderLastHeard !== null) this.leaderLastHeard.at = Math.min(this.now, this.leaderLastHeard.at + stalledMs);
    if (this.phase.name !== 'active') return;
    this.heartbeats.credit(stalledMs, this.now);
  }

  /** When `tick` next has something to do: now, while work waits. */
  nextDeadline(): number {
    if (this.phase.name !== 'active' || this.view === null) return Number.POSITIVE_INFINITY;
    if (this.busy) return this.now;
    const unfenced = this.unfencedBrokers().filter((id) => !this.fencing.has(id));
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
    const silent = previousLeaderSilence(this.leaderLastHeard, this.options.nodeId, this.now, this.config.sessionTimeoutMs);
    if (silent !== null && this.committed.brokers.has(silent.brokerId)) this.heartbeats.touch(silent.brokerId, silent.lastHeardMs, -1);
    this.heartbeats.seed(this.committed.brokers.keys(), this.now);
    this.leaderLastHeard = null;
    this.nextNoOpAt = this.config.noOpIntervalMs > 0 ? this.now + this.config.noOpIntervalMs : Number.POSITIVE_INFINITY;
    this.scheduleRebalance();
    this.options.onEvent?.({
      kind: 'activated',
      epoch,
      offset: this.committed.offset,
      brokers: this.committed.brokers.size,
      partitions: this.committed.partitionCount,
    });
    // A leaderless partition whose ISR member came back while no controller was active gets its
    // leader first, before the requests that queued while this controller claimed its leadership.
    this.queue.unshift({ kind: 'activation' });
    this.runSlice();
  }

  private renounce(reason: string, leaderId: number, epoch: number): void {
    const requests = [...(this.running === null ? [] : [this.running.work]), ...this.queue].filter((w) => w.kind === 'request');
    const waiting = [...this.deferred.map((d) => ({ requestId: d.reply.requestId, kind: d.reply.kind })), ...requests.map((w) => ({ requestId: w.requestId, kind: w.request.kind }))];
    const previousEpoch = this.phase.epoch;
    this.phase = { name: 'inactive', leaderId, epoch };
    this.deferred = [];
    this.queue = [];
    this.running = null;
    this.fencing.clear();
    this.view = null;
    this.heartbeats.clear();
    this.nextNoOpAt = Number.POSITIVE_INFINITY;
    this.nextRebalanceAt = Number.POSITIVE_INFINITY;
    for (const { requestId, kind } of waiting) this.options.onReply(this.notController(requestId, kind));
    this.options.onEvent?.({ kind: 'renounced', epoch: previousEpoch, failed: waiting.length, reason });
  }

  // ------------------------------------------------------------------ work

  /**
   * Runs queued work, in order, until the queue is empty or this slice has written
   * recordsPerSlice records; a paused operation goes on at the next tick.
   */
  private runSlice(): void {
    const sliceStart = this.recordsWritten;
    while (this.phase.name === 'active') {
      if (this.running === null) {
        const work = this.queue.shift();
        if (work === undefined) return;
        this.running = this.start(work);
        if (this.running === null) continue;
      }
      const running = this.running;
      let step: IteratorResult<void, unknown> | undefined;
      this.guarded(() => {
        try {
          step = running.op.next();
        } catch (error) {
          // A write refused before it was appended (too many records for one batch) changed nothing.
          if (!(error instanceof ApiError) || running.work.kind !== 'request') throw error;
          step = { done: true, value: { ok: false, error } };
        }
      });
      if (this.phase.name !== 'active' || step === undefined) return;
      if (step.done === true) {
        this.running = null;
        this.finish(running.work, step.value);
        continue;
      }
      if (this.recordsWritten - sliceStart >= this.config.recordsPerSlice) return;
    }
  }

  private start(work: Work): Running | null {
    const ctx = this.context();
    switch (work.kind) {
      case 'request':
        return { work, op: this.dispatch(ctx, work.request, work.receivedAt) };
      case 'fence':
        // A heartbeat may have arrived since the expiry was seen: then there is nothing to fence.
        if (this.heartbeats.expired([work.brokerId], this.now, this.config.sessionTimeoutMs).length === 0) {
          this.fencing.delete(work.brokerId);
          return null;
        }
        return { work, op: fenceBroker(ctx, work.brokerId) };
      case 'activation':
        return { work, op: this.afterActivation(ctx) };
      case 'rebalance':
        return { work, op: this.rebalance(ctx) };
    }
  }

  private finish(work: Work, value: unknown): void {
    switch (work.kind) {
      case 'request': {
        const reply = { requestId: work.requestId, kind: work.request.kind, result: value } as ControllerReply;
        // Nothing may be answered before what the view already showed has committed (KIP-631: no future state).
        if (this.lastWritten <= this.committed.offset) this.options.onReply(reply);
        else this.deferred.push({ offset: this.lastWritten, reply });
        return;
      }
      case 'fence': {
        this.fencing.delete(work.brokerId);
        const lastOffset = value as number;
        if (lastOffset >= 0) this.options.onEvent?.({ kind: 'fenced', brokerId: work.brokerId, reason: 'session expired', lastOffset });
        return;
      }
      case 'rebalance': {
        const moved = value as number;
        if (moved > 0) this.options.onEvent?.({ kind: 'rebalanced', moved });
        return;
      }
      case 'activation':
        return;
    }
  }

  /**
   * A heartbeat answered as it arrives, ahead of any queued work, when it changes nothing; false
   * when it asks for a change, which then waits its turn. The answer goes out at once unless the
   * broker's registration in the view is not committed yet (KIP-631: no future state).
   */
  private heartbeatAtOnce(requestId: number, body: ControllerApi['brokerHeartbeat'][0]): boolean {
    let outcome: ControllerResult<'brokerHeartbeat'> | null = null;
    this.guarded(() => {
      outcome = heartbeatWithoutChange(this.context(), body);
    });
    if (this.phase.name !== 'active') {
      this.options.onReply(this.notController(requestId, 'brokerHeartbeat'));
      return true;
    }
    if (outcome === null) return false;
    const reply: ControllerReply = { requestId, kind: 'brokerHeartbeat', result: outcome };
    const settled = this.view!.broker(body.brokerId) === this.committed.brokers.get(body.brokerId);
    if (settled || this.lastWritten <= this.committed.offset) this.options.onReply(reply);
    else this.deferred.push({ offset: this.lastWritten, reply });
    return true;
  }

  private dispatch(ctx: ControlContext, request: ControllerRequest, receivedAt: number): Generator<void, unknown, void> {
    switch (request.kind) {
      case 'registerBroker':
        return registerBroker(ctx, request.body);
      case 'brokerHeartbeat':
        return brokerHeartbeat(ctx, request.body);
      case 'unregisterBroker':
        return unregisterBroker(ctx, request.body.brokerId);
      case 'createTopics':
        return createTopics(ctx, request.body, receivedAt);
      case 'deleteTopics':
        return atOnce(() => deleteTopics(ctx, request.body));
      case 'createPartitions':
        return atOnce(() => createPartitions(ctx, request.body));
      case 'alterPartition':
        return atOnce(() => alterPartition(ctx, request.body));
      case 'electLeaders':
        return electLeaders(ctx, request.body);
      case 'alterPartitionReassignments':
        return atOnce(() => alterPartitionReassignments(ctx, request.body));
      case 'listPartitionReassignments':
        return atOnce(() => listPartitionReassignments(ctx));
      case 'incrementalAlterConfigs':
        return atOnce(() => incrementalAlterConfigs(ctx, request.body));
      case 'allocateProducerIds':
        return atOnce(() => allocateProducerIds(ctx, request.body));
      case 'alterUserScramCredentials':
        return atOnce(() => alterUserScramCredentials(ctx, request.body));
      case 'createAcls':
        return atOnce(() => createAcls(ctx, request.body));
      case 'deleteAcls':
        return atOnce(() => deleteAcls(ctx, request.body));
    }
  }

  /** The operations' window on the controller: view and time read at each access, since operations pause. */
  private context(): ControlContext {
    const controller = this;
    return {
      get view(): MetadataDelta {
        const view = controller.view;
        if (view === null) throw new LeadershipLost('no view outside the active phase');
        return view;
      },
      get now(): number {
        return controller.now;
      },
      config: this.config,
      heartbeats: this.heartbeats,
      random: this.random,
      nextOffset: () => this.options.log.nextOffset(),
      lastWritten: () => this.lastWritten,
      write: (records, atomic) => this.write(records, atomic),
      writeBatches: (batches) => this.writeBatches(batches),
    };
  }

  // ------------------------------------------------------------------ writes

  /**
   * Appends records and replays them into the view. Atomic writes must fit one batch; others are
   * split at recordsPerBatch. Losing leadership mid-write renounces at once.
   */
  private write(records: readonly MetadataRecord[], atomic: boolean): number {
    if (records.length === 0) return this.lastWritten;
    const max = this.config.maxRecordsPerBatch;
    if (atomic && records.length > max) throw new ApiError('POLICY_VIOLATION', `${records.length} records cannot be written atomically; the limit is ${max}`);
    if (atomic) return this.writeBatches([records]);
    const chunks: MetadataRecord[][] = [];
    for (let from = 0; from < records.length; from += this.config.recordsPerBatch) chunks.push(records.slice(from, from + this.config.recordsPerBatch));
    return this.writeBatches(chunks);
  }

  /**
   * Appends batches and replays their records into the view. All of them go in one append: a
   * follower in a long poll then fetches them together, and the reply waits for one replication
   * round rather than one per batch. Losing leadership mid-write renounces, and ends the operation
   * that wrote (LeadershipLost).
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
      throw new LeadershipLost('the metadata log refused an append');
    }
    let offset = appended.baseOffset;
    for (const batch of nonEmpty) for (const record of batch) view.replay(record, offset++, epoch);
    this.recordsWritten += offset - appended.baseOffset;
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
   * KRaft, renounce and resign, so that a peer rebuilds from committed state. LeadershipLost is not
   * a bug: the controller renounced already.
   */
  private guarded(run: () => void): void {
    try {
      run();
    } catch (error) {
      if (error instanceof LeadershipLost) return;
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

  private unfencedBrokers(): BrokerId[] {
    const out: BrokerId[] = [];
    for (const broker of this.view!.allBrokers().values()) if (!broker.fenced) out.push(broker.id);
    return out;
  }

  private clusterSetting(name: string): string {
    return clusterSetting(this.view!, this.config.staticBrokerConfigs, name);
  }

  private scheduleRebalance(): void {
    const seconds = Number(this.clusterSetting('leader.imbalance.check.interval.seconds'));
    this.nextRebalanceAt = this.now + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 300_000);
  }

  /**
   * This controller's first work: the ELR feature as its config says (KIP-966), every ELR checked
   * against it and against min ISR (a config change's review may have been cut short by the
   * failover), then the leaderless partitions elected.
   */
  private *afterActivation(ctx: ControlContext): Generator<void, number, void> {
    recordEligibleLeaderReplicasFeature(ctx, this.config.eligibleLeaderReplicasEnabled);
    ctx.write(reviewEligibleLeaders(ctx), false);
    return yield* electLeaderless(ctx);
  }

  /** Elects leaderless partitions, then, when enabled, moves leaderships back to preferred replicas. */
  private *rebalance(ctx: ControlContext): Generator<void, number, void> {
    yield* electLeaderless(ctx);
    if (this.clusterSetting('auto.leader.rebalance.enable') !== 'true') return 0;
    const percentage = Number(this.clusterSetting('leader.imbalance.per.broker.percentage'));
    return yield* rebalanceLeaders(ctx, Number.isFinite(percentage) ? percentage : 10);
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

/**
 * The one broker a new controller has evidence about: the previous Raft leader's. Node ids are
 * unique across a cluster, so a broker with that id runs in the same process as the controller
 * that went silent (`kz server --roles both`), and its session starts from when that controller was
 * last heard, not from this activation. Without it a combined node killed while it led the quorum
 * kept its leaderships for the election plus a whole session timeout (issue: leaderships moved
 * within the session timeout + 2 s). Every other broker gets a full session from now, as in KRaft
 * (KAFKA-13841), and this one at least half a session, so a live old leader whose broker has to
 * find the new controller still has time to heartbeat.
 */
export function previousLeaderSilence(
  heard: { readonly leaderId: number; readonly at: number } | null,
  nodeId: number,
  now: number,
  sessionTimeoutMs: number,
): { readonly brokerId: BrokerId; readonly lastHeardMs: number } | null {
  if (heard === null || heard.leaderId < 0 || heard.leaderId === nodeId) return null;
  return { brokerId: heard.leaderId, lastHeardMs: Math.min(now, Math.max(heard.at, now - sessionTimeoutMs / 2)) };
}
