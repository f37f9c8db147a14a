import { RECORD_BATCH_OVERHEAD, decodeRecordBatch, encodeRecordBatch, type KafkaRecord } from '@kz/records';
import { DEFAULT_TURN_BUDGET_MS, section } from '@kz/runtime';
import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { NodeId, RaftConfigInput } from '../core/config';
import type { LogBatch, Snapshot } from '../core/log-batch';
import type { RaftMessage } from '../core/messages';
import { RaftCore, type ProposeResult } from '../core/raft-core';
import type { RoleName } from '../core/quorum-state';
import type { Outbound, Ready, SnapshotRead } from '../core/ready';
import type { QuorumDescription, RaftStatus } from '../core/status';
import { LevelRaftStorage } from '../storage/level-storage';
import type { RaftStorage } from '../storage/raft-storage';
import type { RaftTransport, VoterChangeRequest } from '../transport/raft-transport';
import { answerOf } from './voter-change-answer';
import { CommitLatency } from './commit-latency';
import { snapshotDue, snapshotPolicy, type SnapshotPolicy } from './snapshot-policy';
import { GroupCommit } from './group-commit';
import { DeadlineSweep, DeadlineTimer, REAL_SCHEDULER, type Scheduler } from '@kz/runtime';
import { NotLeaderError } from '../core/errors';
import type { RaftMetricsSink } from './raft-metrics';
import {
  InconsistentDirectoryIdError,
  NodeStoppedError,
  ProposalLostError,
  RecordBatchTooLargeError,
  RequestTimedOutError,
  VoterChangeError,
} from './runtime-errors';
import { describeVoters, newDirectoryId, type DirectoryId, type Endpoint, type Voter, type VoterSet } from '../core/voter-set';
import type { VoterChangeResult } from '../core/raft-core';
import type { LeaderChange, StateMachine } from './state-machine';
import { captureSnapshot, restoreFromSnapshot, snapshotPathOf } from './state-machine-snapshots';
import type { FetchSnapshotResponse } from '../core/messages';
import type { SnapshotFileWriter } from '../storage/snapshot-stream';

export interface RaftNodeOptions {
  readonly nodeId: NodeId;
  /**
   * Static voters (kraft.version 0): the voter set, fixed for the cluster's life. Leave it out for
   * dynamic voters (KIP-853), which live in the log and change with addVoter / removeVoter.
   */
  readonly voters?: readonly NodeId[];
  /**
   * Dynamic voters: this replica's directory id. Default: the one the storage holds, else a new
   * random one, written to the storage before the node starts (a wiped storage gets a new one).
   */
  readonly directoryId?: DirectoryId;
  /**
   * Dynamic voters: the voter set a new cluster starts from (`kz format --standalone` or
   * `--initial-controllers`). Leave it out to join an existing cluster as an observer, found
   * through `bootstrapServers`, and become a voter once a leader's addVoter names this replica.
   */
  readonly bootstrapVoters?: readonly Voter[];
  /** Nodes to ask for the leader while no voter is known (the transport must know their addresses). */
  readonly bootstrapServers?: readonly NodeId[];
  /** Dynamic voters: where this node listens; a voter listed otherwise asks the leader to update it. */
  readonly endpoints?: readonly Endpoint[];
  /** A data directory (level storage is opened there), or any RaftStorage. */
  readonly storage: { readonly dataDir: string } | RaftStorage;
  readonly transport: RaftTransport;
  readonly stateMachine: StateMachine;
  readonly logger?: Logger;
  /** Protocol settings (timeouts, limits); KRaft's defaults otherwise. */
  readonly config?: Omit<Partial<RaftConfigInput>, 'nodeId' | 'voters' | 'directoryId' | 'bootstrapVoters' | 'bootstrapServers' | 'endpoints'>;
  /** Take a snapshot once this many bytes were committed since the last one (KRaft: 20 MiB). */
  readonly snapshotEveryBytes?: number;
  /**
   * And only once the log since the last snapshot holds this multiple of that snapshot's size
   * (default 0: `snapshotEveryBytes` alone, as KRaft). 1 suits a state larger than
   * snapshotEveryBytes: snapshots then write at most as many bytes as the log. See SnapshotPolicy.
   */
  readonly snapshotStateRatio?: number;
  /**
   * Stretches this node's snapshot threshold by up to this fraction (0 to 1; default 0), each node
   * by its own share from its id, so that the nodes of a cluster do not all snapshot at the same
   * offsets at once. See SnapshotPolicy.
   */
  readonly snapshotJitter?: number;
  /**
   * The largest batch a proposal may make (KRaft: 8 MiB). Concurrent proposals are split to stay
   * under it; a single one above it is refused, since a batch no fetch or message could carry
   * would stall replication for everyone.
   */
  readonly maxBatchBytes?: number;
  /**
   * Clocks, timers and turns: the process's by default. The simulator passes its own, on the
   * simulated clock; nothing in the node reads time or sets a timer any other way.
   */
  readonly scheduler?: Scheduler;
  /** Told of elections, leaderships and commit latencies (for monitoring); nothing by default. */
  readonly metrics?: RaftMetricsSink;
  /**
   * How long one turn of the event loop may spend handing committed batches to the state machine
   * before it lets other work run (default 20 ms, shared with whatever else the turn does: see
   * @kz/runtime's turnBudget). A burst of commits — thousands of metadata records — is applied
   * over several turns, so fetches and votes keep being answered meanwhile.
   */
  readonly applyTurnBudgetMs?: number;
}

export interface ProposeOptions {
  /** Reject with RequestTimedOutError after this long (the batch may still commit). */
  readonly timeoutMs?: number;
}

/** A voter change, committed: the voter set now in force and the offset of the VotersRecord that made it. */
export interface VoterChange {
  readonly offset: number;
  readonly epoch: number;
  readonly voters: VoterSet;
}

export interface Committed {
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly epoch: number;
}

interface Waiter {
  readonly resolve: (committed: Committed) => void;
  readonly reject: (error: Error) => void;
}

/** One appended batch and the callers whose records it carries, each a contiguous slice of it. */
interface PendingProposal {
  readonly baseOffset: number;
  readonly epoch: number;
  readonly slices: readonly { readonly first: number; readonly count: number; readonly waiter: Waiter }[];
}

interface QueuedRecords {
  readonly records: readonly KafkaRecord[];
  readonly waiter: Waiter;
}

interface PendingRead {
  readonly resolve: (offset: number) => void;
  readonly reject: (error: Error) => void;
}

/** What the state machine is handed, in log order: role changes, snapshots to load, committed batches. */
type Delivery =
  | { readonly kind: 'role'; readonly change: LeaderChange }
  /** `gate`: the persist that installs it; the machine reads it from its file once that is durable. */
  | { readonly kind: 'snapshot'; readonly snapshot: Snapshot; readonly gate: number }
  | { readonly kind: 'batch'; readonly batch: LogBatch };

const DEFAULT_SNAPSHOT_EVERY_BYTES = 20 * 1024 * 1024;

const DEFAULT_MAX_BATCH_BYTES = 8 * 1024 * 1024;
/** Per-record framing beyond key, value and headers (varints, attributes, deltas), rounded up. */
const RECORD_OVERHEAD_BYTES = 24;

/**
 * A Raft node for real use: the pure RaftCore driven by one event loop, durable storage with
 * group commit, a transport, and your state machine. All protocol decisions stay in the core;
 * this class only performs what each Ready asks, in the order the Ready contract requires.
 */
export class RaftNode {
  private readonly log: Logger;
  private readonly clock: () => number;
  private readonly scheduler: Scheduler;
  private readonly groupCommit: GroupCommit;
  private heldMessages: { gate: number; out: Outbound }[] = [];
  private readonly proposals = new Map<number, PendingProposal>();
  private pumpScheduled = false;
  /** Records proposed during this turn of the event loop: they go out as one batch. */
  private queued: QueuedRecords[] = [];
  private readonly reads = new Map<number, PendingRead>();
  private readonly readyReads: { offset: number; read: PendingRead }[] = [];
  private lastPersistId = 0;
  /**
   * The offset after the last delivery the state machine has taken. A snapshot the node starts from
   * counts only once the machine has loaded it (the first delivery): until then the machine holds
   * nothing, and a read barrier must not be answered against it.
   */
  private applied = 0;
  private lastAppliedEpoch = 0;
  private bytesSinceSnapshot = 0;
  private snapshotting = false;
  /** The snapshot being taken, settled (never rejected) once its file is committed or given up: stop waits for it. */
  private snapshotTask: Promise<void> = Promise.resolve();
  /** A snapshot is being taken and the machine has not captured its state yet: nothing is applied meanwhile. */
  private capturing = false;
  /** The machine is reading a snapshot in: nothing is applied meanwhile. */
  private restoring = false;
  /** Deliveries not yet handed to the state machine; drained a turn's budget at a time. */
  private readonly deliveries: Delivery[] = [];
  private deliveriesHead = 0;
  private drainScheduled = false;
  private readonly timer: DeadlineTimer;
  /** The timeouts callers asked for (proposals, read barriers, voter changes): one timer for all of them. */
  private readonly deadlines: DeadlineSweep;
  private stopped = false;
  private failure: Error | null = null;
  private resolveHalted: (error: Error) => void = () => undefined;
  /** Times this leader's appends until committed; null when no sink wants commit latencies. */
  private readonly commitLatency: CommitLatency | null;
  /** The last epochs reported to the metrics sink, so that each is reported once. */
  private electionReportedEpoch = -1;
  private leadershipReportedEpoch = -1;
  /**
   * Settles with the error if the node halts (a storage failure, a safety error): from then on it
   * answers nothing, and the process that owns it should exit. Never rejects.
   */
  readonly halted: Promise<Error> = new Promise((resolve) => {
    this.resolveHalted = resolve;
  });

  private constructor(
    private readonly core: RaftCore,
    private readonly storage: RaftStorage,
    private readonly transport: RaftTransport,
    private readonly stateMachine: StateMachine,
    private readonly snapshotPolicy: SnapshotPolicy,
    private readonly maxBatchBytes: number,
    logger: Logger,
    scheduler: Scheduler,
    private readonly metrics: RaftMetricsSink | null,
    private readonly applyTurnBudgetMs: number,
  ) {
    this.log = logger;
    this.scheduler = scheduler;
    this.clock = () => scheduler.now();
    this.timer = new DeadlineTimer(this.clock, () => this.onTimer(), scheduler);
    this.deadlines = new DeadlineSweep(scheduler);
    const committed = metrics?.committed;
    this.commitLatency =
      committed === undefined ? null : new CommitLatency((latencyMs, batches) => this.report(() => committed.call(metrics, latencyMs, batches)));
    this.groupCommit = new GroupCommit(storage);
  }

  static async start(options: RaftNodeOptions): Promise<RaftNode> {
    const logger = (options.logger ?? pino({ level: 'info' })).child({ nodeId: options.nodeId });
    const scheduler = options.scheduler ?? REAL_SCHEDULER;
    if (snapshotPathOf(options.stateMachine) === null) {
      throw new TypeError('the state machine must implement snapshot() and restore(), or writeSnapshot() and restoreSnapshot()');
    }
    const snapshots = snapshotPolicy(options.nodeId, options.snapshotEveryBytes ?? DEFAULT_SNAPSHOT_EVERY_BYTES, options.snapshotStateRatio ?? 0, options.snapshotJitter ?? 0);
    const storage = isRaftStorage(options.storage) ? options.storage : await LevelRaftStorage.open(options.storage.dataDir);
    const loaded = await storage.load();
    const { durable, repairs } = loaded;
    for (const repair of repairs) {
      logger.warn({ offset: repair.offset, reason: repair.reason }, 'truncated a corrupt log tail at recovery');
    }
    const membership = options.voters !== undefined ? { voters: options.voters } : dynamicMembership(options, loaded.directoryId ?? null);
    // The core checks the settings first: a node that cannot start must not have claimed its storage.
    const core = RaftCore.start({ ...options.config, nodeId: options.nodeId, ...membership }, durable, scheduler.now());
    if ('directoryId' in membership && (loaded.directoryId ?? null) === null && storage.writeDirectoryId !== undefined) {
      await storage.writeDirectoryId(membership.directoryId!);
      logger.info({ directoryId: membership.directoryId }, 'storage given its directory id');
    }
    const node = new RaftNode(
      core,
      storage,
      options.transport,
      options.stateMachine,
      snapshots,
      options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES,
      logger,
      scheduler,
      options.metrics ?? null,
      options.applyTurnBudgetMs ?? DEFAULT_TURN_BUDGET_MS,
    );
    const status = core.status();
    logger.info(
      { epoch: status.epoch, role: status.role, logStartOffset: status.logStartOffset, logEndOffset: status.logEndOffset },
      'raft node starting',
    );
    await options.transport.start({
      deliver: (from, message) => node.onMessage(from, message),
      describeQuorum: () => node.core.describeQuorum(node.clock()),
      changeVoters: (change, timeoutMs) => answerOf(node.voterChange(change, timeoutMs)),
    });
    node.pump();
    return node;
  }

  // ------------------------------------------------------------ public API

  /**
   * Replicates records and resolves once they are committed — durable on a majority and applied
   * here — with the offsets they got. Records proposed in the same turn of the event loop travel
   * as one RecordBatch: one append, one sync, one replication round for all of them. Rejects with
   * NotLeaderError (carrying the leader's id and address) on a follower, ProposalLostError if a
   * new leader replaced the batch, RequestTimedOutError.
   */
  propose(records: readonly KafkaRecord[], options: ProposeOptions = {}): Promise<Committed> {
    const unavailable = this.unavailable();
    if (unavailable !== null) return Promise.reject(unavailable);
    if (records.length === 0) return Promise.reject(new RangeError('propose needs at least one record'));
    return this.timed<Committed>(options.timeoutMs, () => new RequestTimedOutError(`records not committed within ${options.timeoutMs} ms`), (resolve, reject) => {
      if (this.queued.length === 0) this.scheduler.setImmediate(() => this.proposeQueued());
      this.queued.push({ records, waiter: { resolve, reject } });
    });
  }

  /** As propose, for one RecordBatch v2 the caller already encoded (its bytes are stamped in place). */
  proposeBatch(batch: Uint8Array, options: ProposeOptions = {}): Promise<Committed> {
    const unavailable = this.unavailable();
    if (unavailable !== null) return Promise.reject(unavailable);
    if (batch.length > this.maxBatchBytes) {
      return Promise.reject(new RecordBatchTooLargeError(`a ${batch.length}-byte batch exceeds the ${this.maxBatchBytes}-byte limit`));
    }
    return this.timed<Committed>(options.timeoutMs, () => new RequestTimedOutError(`batch not committed within ${options.timeoutMs} ms`), (resolve, reject) => {
      this.appendProposal(batch, [{ first: 0, count: Number.POSITIVE_INFINITY, waiter: { resolve, reject } }]);
    });
  }

  /**
   * Appends record batches at once, each list of records one RecordBatch of `epoch`, contiguous, and
   * says where they landed — or null when this node does not lead `epoch` (any more). KRaft's
   * prepareAppend: the caller learns the offsets before the records commit, so a state machine that
   * writes optimistically (a metadata controller) can replay them at the right offsets and answer its
   * callers once the commit reaches them. The batches go to the core together, so a follower waiting
   * in a long poll is sent all of them in one fetch. Commits are seen through the state machine; no
   * promise is kept here.
   */
  appendNow(batches: readonly (readonly KafkaRecord[])[], epoch: number): { readonly baseOffset: number; readonly lastOffset: number } | null {
    if (this.unavailable() !== null || batches.length === 0 || batches.some((records) => records.length === 0)) return null;
    const status = this.core.status();
    if (status.role !== 'leader' || status.epoch !== epoch) return null;
    const now = this.scheduler.wallClock();
    const encoded = batches.map((records) => {
      const batch = encodeRecordBatch({ records: [...records], baseTimestamp: now });
      if (batch.length > this.maxBatchBytes) {
        throw new RecordBatchTooLargeError(`a ${batch.length}-byte batch exceeds the ${this.maxBatchBytes}-byte limit`);
      }
      return batch;
    });
    const result = this.proposeToCore(encoded);
    if (!result.ok) return null;
    // Not pumped here: the caller may be inside apply() or onLeaderChange(), called from pump itself.
    if (!this.pumpScheduled) {
      this.pumpScheduled = true;
      queueMicrotask(() => {
        this.pumpScheduled = false;
        if (this.unavailable() === null) this.pump();
      });
    }
    return { baseOffset: result.baseOffset, lastOffset: result.lastOffset };
  }

  private proposeQueued(): void {
    const queued = this.queued;
    this.queued = [];
    const unavailable = this.unavailable();
    if (unavailable !== null) {
      for (const { waiter } of queued) waiter.reject(unavailable);
      return;
    }
    let group: QueuedRecords[] = [];
    let groupBytes = 0;
    for (const item of queued) {
      const bytes = RECORD_BATCH_OVERHEAD + item.records.reduce((sum, r) => sum + estimatedRecordSize(r), 0);
      if (bytes > this.maxBatchBytes) {
        item.waiter.reject(new RecordBatchTooLargeError(`${bytes} bytes of records exceed the ${this.maxBatchBytes}-byte batch limit`));
        continue;
      }
      if (group.length > 0 && groupBytes + bytes > this.maxBatchBytes) {
        this.appendGroup(group);
        group = [];
        groupBytes = 0;
      }
      group.push(item);
      groupBytes += bytes;
    }
    if (group.length > 0) this.appendGroup(group);
  }

  /** Encodes the callers' records as one batch and appends it; each caller owns a slice. */
  private appendGroup(queued: readonly QueuedRecords[]): void {
    let batch: Uint8Array;
    let group = queued;
    try {
      batch = encodeRecordBatch({ records: group.flatMap((q) => q.records), baseTimestamp: this.scheduler.wallClock() });
    } catch {
      // Some caller's records cannot be encoded (a bad timestamp, say): fail just those callers.
      group = queued.filter(({ records, waiter }) => {
        try {
          encodeRecordBatch({ records: [...records] });
          return true;
        } catch (error) {
          waiter.reject(error instanceof Error ? error : new Error(String(error)));
          return false;
        }
      });
      if (group.length === 0) return;
      batch = encodeRecordBatch({ records: group.flatMap((q) => q.records), baseTimestamp: this.scheduler.wallClock() });
    }
    let first = 0;
    const slices = group.map(({ records, waiter }) => {
      const slice = { first, count: records.length, waiter };
      first += records.length;
      return slice;
    });
    this.appendProposal(batch, slices);
  }

  private appendProposal(batch: Uint8Array, slices: PendingProposal['slices']): void {
    let result;
    try {
      result = this.proposeToCore([batch]);
    } catch (error) {
      for (const { waiter } of slices) waiter.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (!result.ok) {
      const error = this.notLeaderError(result.error.leaderId, result.error.epoch);
      for (const { waiter } of slices) waiter.reject(error);
      return;
    }
    this.proposals.set(result.lastOffset, { baseOffset: result.baseOffset, epoch: result.epoch, slices });
    this.pump();
  }

  /**
   * Every leader append goes through here (propose, proposeBatch and appendNow alike), so that it is
   * timed until committed.
   */
  private proposeToCore(batches: readonly Uint8Array[]): ProposeResult {
    const now = this.clock();
    const result = this.core.propose(now, batches);
    if (result.ok) this.commitLatency?.appended(result.lastOffset, batches.length, now);
    return result;
  }

  /**
   * A linearizable read point: resolves with an offset once this node has applied everything
   * committed before the call, having confirmed with a quorum that it is still the leader. Read
   * your state machine after it resolves.
   */
  readBarrier(options: ProposeOptions = {}): Promise<number> {
    const unavailable = this.unavailable();
    if (unavailable !== null) return Promise.reject(unavailable);
    const result = this.core.readIndex(this.clock());
    if (!result.ok) return Promise.reject(this.notLeaderError(result.error.leaderId, result.error.epoch));
    const promise = this.timed<number>(
      options.timeoutMs,
      () => {
        this.reads.delete(result.readId);
        return new RequestTimedOutError(`read barrier not confirmed within ${options.timeoutMs} ms`);
      },
      (resolve, reject) => this.reads.set(result.readId, { resolve, reject }),
    );
    this.pump();
    return promise;
  }

  /**
   * Leader only (KIP-853 AddRaftVoter): makes `voter` a voter. It must be a replica that has been
   * fetching from this leader as an observer, with that directory id, and is caught up. Resolves
   * once the new voter set is committed (counted in the new set). Rejects with VoterChangeError
   * (another change is still uncommitted, the replica is not caught up, it is a voter already, …),
   * NotLeaderError, ProposalLostError if a new leader dropped the change, RequestTimedOutError.
   */
  addVoter(voter: Voter, options: ProposeOptions = {}): Promise<VoterChange> {
    return this.changeVoters(() => this.core.addVoter(this.clock(), voter), options);
  }

  /**
   * Leader only (KIP-853 RemoveRaftVoter): removes the voter (id, directoryId). A leader that
   * removes itself leads until the change commits, then resigns. Rejects like addVoter.
   */
  removeVoter(id: NodeId, directoryId: DirectoryId, options: ProposeOptions = {}): Promise<VoterChange> {
    return this.changeVoters(() => this.core.removeVoter(this.clock(), id, directoryId), options);
  }

  /**
   * Leader only: records new endpoints for the voter (id, directoryId), as that voter's own
   * UpdateRaftVoter would; for a voter that is down or moving (a running voter listening elsewhere
   * asks for its own endpoints again). Rejects like addVoter.
   */
  updateVoter(id: NodeId, directoryId: DirectoryId, endpoints: readonly Endpoint[], options: ProposeOptions = {}): Promise<VoterChange> {
    return this.changeVoters(() => this.core.updateVoter(this.clock(), id, directoryId, endpoints), options);
  }

  private changeVoters(change: () => VoterChangeResult, options: ProposeOptions): Promise<VoterChange> {
    const unavailable = this.unavailable();
    if (unavailable !== null) return Promise.reject(unavailable);
    const result = change();
    if (!result.ok) {
      const { code, message, leaderId, epoch } = result.error;
      return Promise.reject(code === 'NOT_LEADER_OR_FOLLOWER' ? this.notLeaderError(leaderId, epoch) : new VoterChangeError(code, message));
    }
    this.log.info({ offset: result.offset, epoch: result.epoch, voters: describeVoters(result.voters) }, 'voter change appended');
    const promise = this.timed<VoterChange>(options.timeoutMs, () => new RequestTimedOutError(`voter change not committed within ${options.timeoutMs} ms`), (resolve, reject) => {
      const waiter: Waiter = { resolve: () => resolve({ offset: result.offset, epoch: result.epoch, voters: result.voters }), reject };
      this.proposals.set(result.offset, { baseOffset: result.offset, epoch: result.epoch, slices: [{ first: 0, count: 1, waiter }] });
    });
    this.pump();
    return promise;
  }

  /** An admin's voter change (through the transport), as the matching method. */
  private voterChange(change: VoterChangeRequest, timeoutMs: number): Promise<VoterChange> {
    const options = { timeoutMs };
    switch (change.kind) {
      case 'add':
        return this.addVoter(change.voter, options);
      case 'remove':
        return this.removeVoter(change.id, change.directoryId, options);
      case 'update':
        return this.updateVoter(change.id, change.directoryId, change.endpoints, options);
    }
  }

  /** The leader's view of every replica; NotLeaderError on other nodes. */
  describeQuorum(): QuorumDescription {
    const description = this.core.describeQuorum(this.clock());
    if (description === null) {
      const status = this.core.status();
      throw this.notLeaderError(status.leaderId, status.epoch);
    }
    return description;
  }

  status(): RaftStatus {
    return this.core.status();
  }

  /** The offset after the last batch handed to the state machine (control batches included), or after the snapshot it loaded. */
  get appliedOffset(): number {
    return this.applied;
  }

  /** The log this node holds in memory above its snapshot, committed or not (for inspection: tools, the simulator). */
  logBatches(): readonly LogBatch[] {
    return this.core.batches();
  }

  /** Steps down if leader, naming the best-placed voters as successors. */
  resign(): void {
    if (this.unavailable() !== null) return;
    this.core.resign(this.clock());
    this.pump();
  }

  /** Stops the node: pending requests fail with NodeStoppedError; durable writes finish first. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timer.cancel();
    this.deadlines.clear();
    this.dropDeliveries();
    this.failAll(new NodeStoppedError('the raft node stopped'));
    await this.transport.close();
    await this.snapshotTask;
    // Writes already asked for still land: a reply may have promised them.
    while (!this.groupCommit.idle) {
      if ((await this.groupCommit.writeNext().catch(() => null)) === null) await new Promise((r) => this.scheduler.setTimeout(() => r(null), 1));
    }
    await this.storage.close();
    this.log.info('raft node stopped');
  }

  // ------------------------------------------------------------ event loop

  private onMessage(from: NodeId, message: RaftMessage): void {
    if (this.unavailable() !== null) return;
    section('raft.receive', () => {
      this.core.receive(this.clock(), from, message);
      this.pump();
    });
  }

  private onTimer(): void {
    if (this.unavailable() !== null) return;
    section('raft.tick', () => {
      this.core.tick(this.clock());
      this.pump();
    });
  }

  /** Performs every Ready the core has, then arms the timer for its next deadline. */
  private pump(): void {
    try {
      while (this.core.hasReady()) this.handle(this.core.takeReady());
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.startWrite();
    this.armTimer();
    this.scheduleDrain();
  }

  private handle(ready: Ready): void {
    if (ready.roleChange !== null) {
      const { role, leader } = ready.roleChange;
      this.log.info({ role, epoch: leader.epoch, leaderId: leader.leaderId, highWatermark: ready.highWatermark }, 'quorum state changed');
      this.reportRoleChange(role, leader.epoch);
      this.deliveries.push({ kind: 'role', change: { role, leaderId: leader.leaderId, epoch: leader.epoch } });
    }
    if (ready.voters !== null) {
      this.log.info({ voters: describeVoters(ready.voters) }, 'voter set in force');
      this.transport.votersChanged?.(ready.voters);
    }
    if (ready.persistId !== null) {
      this.lastPersistId = ready.persistId;
      this.groupCommit.enqueue({ persistId: ready.persistId, electionState: ready.electionState, logOps: ready.logOps });
    }
    for (const out of ready.messages) this.transport.send(out.to, out.message);
    for (const out of ready.messagesAfterPersist) {
      if (this.lastPersistId <= this.groupCommit.durableId) this.transport.send(out.to, out.message);
      else this.heldMessages.push({ gate: this.lastPersistId, out });
    }
    for (const read of ready.snapshotReads) this.serveSnapshotRead(read, ready.electionPending ? this.lastPersistId : 0);
    if (ready.loadSnapshot !== null) this.deliveries.push({ kind: 'snapshot', snapshot: ready.loadSnapshot, gate: ready.persistId ?? 0 });
    for (const batch of ready.committed) this.deliveries.push({ kind: 'batch', batch });
    if (this.commitLatency !== null && this.commitLatency.size > 0) this.commitLatency.highWatermarkAt(ready.highWatermark, this.clock());
    for (const readId of ready.readsFailed) {
      const read = this.reads.get(readId);
      this.reads.delete(readId);
      const status = this.core.status();
      read?.reject(this.notLeaderError(status.leaderId, status.epoch));
    }
    for (const { readId, offset } of ready.readsReady) {
      const read = this.reads.get(readId);
      this.reads.delete(readId);
      if (read !== undefined) this.readyReads.push({ offset, read });
    }
    // A read point already applied is answered now; the others once the drain reaches them.
    this.answerReads();
  }

  /**
   * Completes a FetchSnapshot answer with bytes of the stored checkpoint. A snapshot replaced
   * meanwhile is answered SNAPSHOT_NOT_FOUND: the follower starts over from the newer one.
   */
  private serveSnapshotRead(read: SnapshotRead, gate: number): void {
    const { response, length } = read;
    this.storage.readSnapshotBytes(response.snapshotId, response.position, length).then(
      (bytes): FetchSnapshotResponse => ({ ...response, bytes }),
      (): FetchSnapshotResponse => ({ ...response, error: 'SNAPSHOT_NOT_FOUND', size: 0, bytes: new Uint8Array(0) }),
    ).then((message) => {
      if (this.unavailable() !== null) return;
      const out = { to: read.to, message };
      if (gate <= this.groupCommit.durableId) this.transport.send(out.to, out.message);
      else this.heldMessages.push({ gate, out });
    }, (error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))));
  }

  /** Whether the drain must wait: a snapshot is being captured or read in, or the next one is not durable yet. */
  private drainBlocked(): boolean {
    if (this.capturing || this.restoring) return true;
    const next = this.deliveries[this.deliveriesHead];
    return next?.kind === 'snapshot' && next.gate > this.groupCommit.durableId && !this.snapshotQueuedFrom(this.deliveriesHead + 1);
  }

  /**
   * Whether a snapshot delivery waits at `index` or after it. Asked about the one behind the head
   * (the drain), and from the head itself once a snapshot was taken off it (loading): counting
   * from the wrong one let an install whose file was not yet renamed into place be read, because
   * the newer snapshot that superseded it sat right at the head (metadata-sim seed 1323973475).
   */
  private snapshotQueuedFrom(index: number): boolean {
    for (let i = index; i < this.deliveries.length; i++) if (this.deliveries[i]!.kind === 'snapshot') return true;
    return false;
  }

  private scheduleDrain(): void {
    if (this.drainScheduled || this.deliveriesHead >= this.deliveries.length || this.unavailable() !== null || this.drainBlocked()) return;
    this.drainScheduled = true;
    this.scheduler.setImmediate(() => {
      this.drainScheduled = false;
      section('raft.apply', () => this.drainDeliveries());
    });
  }

  /**
   * Hands queued deliveries to the state machine, in order, until this turn's budget is spent; the
   * rest wait for the next turn, so that I/O — fetches, votes, a broker's heartbeat — is served in
   * between. A state machine that throws halts the node, as a storage failure does.
   */
  private drainDeliveries(): void {
    if (this.unavailable() !== null) return;
    const budget = this.scheduler.turnBudget(this.applyTurnBudgetMs);
    try {
      while (this.deliveriesHead < this.deliveries.length && !this.drainBlocked()) {
        const delivery = this.deliveries[this.deliveriesHead++]!;
        this.deliver(delivery);
        if (budget.exhausted()) break;
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.deliveriesHead >= this.deliveries.length) this.dropDeliveries();
    this.answerReads();
    this.maybeSnapshot();
    this.scheduleDrain();
  }

  private deliver(delivery: Delivery): void {
    switch (delivery.kind) {
      case 'role':
        this.stateMachine.onLeaderChange?.(delivery.change);
        return;
      case 'snapshot':
        return this.loadSnapshot(delivery.snapshot);
      case 'batch':
        this.apply(delivery.batch);
    }
  }

  /**
   * Reads a snapshot into the machine from its checkpoint file. A later snapshot already queued
   * supersedes it (its file may be gone already): the batches between are covered by that one, so
   * only their proposals are settled.
   */
  private loadSnapshot(snapshot: Snapshot): void {
    // The drain has already moved past this delivery: a later snapshot is at the head or beyond.
    if (this.snapshotQueuedFrom(this.deliveriesHead)) {
      while (this.deliveries[this.deliveriesHead]?.kind !== 'snapshot') {
        const skipped = this.deliveries[this.deliveriesHead++]!;
        if (skipped.kind === 'role') this.deliver(skipped);
        else if (skipped.kind === 'batch') this.settleProposals(skipped.batch);
      }
      return;
    }
    const { id } = snapshot;
    this.restoring = true;
    restoreFromSnapshot(this.stateMachine, this.storage.readSnapshot(id), id).then(
      () => {
        this.restoring = false;
        if (this.unavailable() !== null) return;
        this.applied = id.offset;
        this.lastAppliedEpoch = id.epoch;
        this.bytesSinceSnapshot = 0;
        this.log.info({ snapshotEndOffset: this.applied, epoch: this.lastAppliedEpoch, bytes: snapshot.size }, 'loaded snapshot');
        this.answerReads();
        this.scheduleDrain();
      },
      (error: unknown) => {
        this.restoring = false;
        this.fail(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  private dropDeliveries(): void {
    this.deliveries.length = 0;
    this.deliveriesHead = 0;
  }

  /**
   * Elections and leaderships for the metrics sink. The core reports only the latest role in a
   * Ready, so a node that campaigned and won within one (a single voter) shows up as leader alone:
   * a leader of epoch E always campaigned for E, so that counts as the election it started.
   */
  private reportRoleChange(role: RoleName, epoch: number): void {
    if (role !== 'leader') this.commitLatency?.clear();
    if (this.metrics === null) return;
    const metrics = this.metrics;
    if ((role === 'candidate' || role === 'leader') && epoch > this.electionReportedEpoch) {
      this.electionReportedEpoch = epoch;
      this.report(() => metrics.electionStarted?.(epoch));
    }
    if (role === 'leader' && epoch > this.leadershipReportedEpoch) {
      this.leadershipReportedEpoch = epoch;
      this.report(() => metrics.becameLeader?.(epoch));
    }
  }

  /** A metrics sink that throws must not halt the node (pump treats a throw as fatal). */
  private report(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.log.warn({ err: error }, 'raft metrics sink failed');
    }
  }

  private apply(batch: LogBatch): void {
    const decoded = decodeRecordBatch(batch.bytes);
    if (!decoded.header.isControl) {
      this.stateMachine.apply({
        baseOffset: batch.baseOffset,
        lastOffset: batch.lastOffset,
        epoch: batch.epoch,
        records: decoded.records,
        bytes: batch.bytes,
      });
    }
    this.applied = batch.lastOffset + 1;
    this.lastAppliedEpoch = batch.epoch;
    this.bytesSinceSnapshot += batch.bytes.length;
    this.settleProposals(batch);
  }

  /** The proposals a committed batch answers, and those it shows were replaced. */
  private settleProposals(batch: LogBatch): void {
    const proposal = this.proposals.get(batch.lastOffset);
    if (proposal !== undefined) {
      this.proposals.delete(batch.lastOffset);
      if (proposal.epoch === batch.epoch && proposal.baseOffset === batch.baseOffset) {
        for (const { first, count, waiter } of proposal.slices) {
          const baseOffset = batch.baseOffset + first;
          waiter.resolve({ baseOffset, lastOffset: Math.min(batch.lastOffset, baseOffset + count - 1), epoch: batch.epoch });
        }
      } else {
        this.rejectProposal(proposal, `was replaced by a batch of epoch ${batch.epoch}`);
      }
    }
    // A proposal whose offsets are now covered by other committed batches was truncated away.
    if (this.proposals.size > 0) {
      for (const [lastOffset, pending] of this.proposals) {
        if (lastOffset > batch.lastOffset) continue;
        this.proposals.delete(lastOffset);
        this.rejectProposal(pending, 'was replaced before it committed');
      }
    }
  }

  private rejectProposal(proposal: PendingProposal, why: string): void {
    const error = new ProposalLostError(`the batch at ${proposal.baseOffset} ${why}`);
    for (const { waiter } of proposal.slices) waiter.reject(error);
  }

  private answerReads(): void {
    for (let i = this.readyReads.length - 1; i >= 0; i--) {
      const { offset, read } = this.readyReads[i]!;
      if (this.applied >= offset) {
        this.readyReads.splice(i, 1);
        read.resolve(offset);
      }
    }
  }

  private startWrite(): void {
    this.groupCommit.writeNext().then(
      (durableId) => {
        if (durableId === null || this.failure !== null) return;
        this.core.persisted(this.clock(), durableId);
        const release = this.heldMessages.filter((h) => h.gate <= durableId);
        if (release.length > 0) {
          this.heldMessages = this.heldMessages.filter((h) => h.gate > durableId);
          for (const { out } of release) this.transport.send(out.to, out.message);
        }
        if (!this.stopped) this.pump();
      },
      (error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))),
    );
  }

  /**
   * Takes a snapshot once enough was committed since the last: the machine streams its state into
   * a checkpoint file, and once that is complete and durable the core compacts the log onto it.
   * Nothing is applied from the decision until the machine has captured its state.
   */
  private maybeSnapshot(): void {
    if (this.snapshotting || this.restoring || !snapshotDue(this.snapshotPolicy, this.bytesSinceSnapshot, this.core.snapshot()?.size ?? 0)) return;
    if (this.applied <= (this.core.snapshot()?.id.offset ?? 0)) return;
    if (this.deliveriesHead < this.deliveries.length && this.snapshotQueuedFrom(this.deliveriesHead + 1)) return;
    this.snapshotting = true;
    this.capturing = true;
    const id = { offset: this.applied, epoch: this.lastAppliedEpoch };
    this.bytesSinceSnapshot = 0;
    let writer: SnapshotFileWriter | null = null;
    const released = (): void => {
      if (!this.capturing) return;
      this.capturing = false;
      this.scheduleDrain();
    };
    const write = captureSnapshot(this.stateMachine);
    this.snapshotTask = this.storage
      .createSnapshot(id, this.core.snapshotVoters(id.offset))
      .then(async (created) => {
        writer = created;
        const writing = write(created);
        released();
        await writing;
        // Stopped meanwhile: the storage is closing, and no file may appear in it after stop.
        if (this.unavailable() !== null) throw this.unavailable();
        const snapshot = await created.commit();
        writer = null;
        if (this.unavailable() !== null) return;
        this.core.snapshotCreated(this.clock(), snapshot);
        this.log.info({ snapshotEndOffset: id.offset, epoch: id.epoch, bytes: snapshot.size }, 'snapshot taken');
        this.pump();
      })
      .catch(async (error: unknown) => {
        await (writer as SnapshotFileWriter | null)?.abort().catch(() => undefined);
        if (this.unavailable() !== null) this.log.debug({ snapshotEndOffset: id.offset }, 'snapshot given up: the node stopped');
        else this.log.error({ err: error }, 'snapshot failed; will retry after more commits');
      })
      .finally(() => {
        this.snapshotting = false;
        released();
      });
  }

  private armTimer(): void {
    if (this.stopped || this.failure !== null) return;
    this.timer.arm(this.core.nextDeadline());
  }

  // --------------------------------------------------------------- failure

  private unavailable(): Error | null {
    if (this.failure !== null) return this.failure;
    return this.stopped ? new NodeStoppedError('the raft node is stopped') : null;
  }

  /** A storage failure or safety error: the node cannot go on without risking acknowledged data. */
  private fail(error: Error): void {
    if (this.failure !== null) return;
    this.failure = error;
    this.log.fatal({ err: error, epoch: this.core.status().epoch }, 'raft node halted');
    this.resolveHalted(error);
    this.timer.cancel();
    this.deadlines.clear();
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const proposal of this.proposals.values()) for (const { waiter } of proposal.slices) waiter.reject(error);
    this.proposals.clear();
    for (const { waiter } of this.queued) waiter.reject(error);
    this.queued = [];
    for (const read of this.reads.values()) read.reject(error);
    this.reads.clear();
    for (const { read } of this.readyReads) read.reject(error);
    this.readyReads.length = 0;
  }

  /**
   * A caller's promise, settled through `register`'s callbacks or, after `timeoutMs`, rejected with
   * onTimeout(). The deadline is one entry of the node's sweep, not a timer of its own: at
   * thousands of proposals a second, a setTimeout and clearTimeout each was timer churn for nothing.
   */
  private timed<T>(
    timeoutMs: number | undefined,
    onTimeout: () => Error,
    register: (resolve: (value: T) => void, reject: (error: Error) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (timeoutMs === undefined) {
        register(resolve, reject);
        return;
      }
      const deadline = this.deadlines.after(timeoutMs, () => reject(onTimeout()));
      register(
        (value) => {
          deadline.cancel();
          resolve(value);
        },
        (error) => {
          deadline.cancel();
          reject(error);
        },
      );
    });
  }

  private notLeaderError(leaderId: NodeId, epoch: number): NotLeaderError {
    return new NotLeaderError(leaderId, epoch, leaderId === -1 ? undefined : this.transport.addressOf(leaderId));
  }
}

function estimatedRecordSize(record: KafkaRecord): number {
  let size = RECORD_OVERHEAD_BYTES + (record.key?.length ?? 0) + (record.value?.length ?? 0);
  for (const header of record.headers ?? []) size += header.key.length * 3 + (header.value?.length ?? 0) + 8;
  return size;
}

/**
 * Dynamic voters: the directory id this replica runs under — given, or stored, or new (stored by
 * start before the node runs) — and the bootstrap settings.
 */
function dynamicMembership(
  options: RaftNodeOptions,
  stored: DirectoryId | null,
): Pick<RaftConfigInput, 'directoryId' | 'bootstrapVoters' | 'bootstrapServers' | 'endpoints'> {
  if (options.directoryId !== undefined && stored !== null && options.directoryId !== stored) {
    throw new InconsistentDirectoryIdError(`the storage belongs to directory id ${stored}, not ${options.directoryId}`);
  }
  const directoryId = options.directoryId ?? stored ?? newDirectoryId(options.config?.random ?? secureRandom);
  return {
    directoryId,
    bootstrapVoters: options.bootstrapVoters ?? null,
    bootstrapServers: options.bootstrapServers ?? [],
    endpoints: options.endpoints ?? [],
  };
}

function secureRandom(): number {
  return randomBytes(4).readUInt32BE(0) / 2 ** 32;
}

function isRaftStorage(storage: RaftNodeOptions['storage']): storage is RaftStorage {
  return typeof (storage as Partial<RaftStorage>).persist === 'function';
}
