/**
 * A metadata node as a process runs it: a RaftNode on the __cluster_metadata log with a
 * MetadataLoader as its state machine, and — on voters — the QuorumController, woken by commits,
 * leadership changes and its own deadline. Brokers run the same thing as observers, without the
 * controller: there is no other channel for cluster state (DESIGN §4).
 */
import { randomBytes } from 'node:crypto';
import {
  NodeStoppedError,
  NotLeaderError,
  ProposalLostError,
  RaftNode,
  RequestTimedOutError,
  VoterChangeError,
  type DirectoryId,
  type Endpoint as RaftEndpoint,
  type NodeId,
  type Voter,
  type QuorumDescription,
  type RaftConfigInput,
  type RaftMetricsSink,
  type RaftNodeOptions,
  type RaftStorage,
  type RaftTransport,
} from '@kz/raft';
import { DeadlineTimer, REAL_SCHEDULER, type ScheduledTimer, type Scheduler } from '@kz/runtime';
import { section } from '@kz/runtime';
import pino, { type Logger } from 'pino';
import { apiError, type ApiError } from '../errors/api-error';
import type { MetadataImage } from '../image/metadata-image';
import { MetadataLoader } from '../loader/metadata-loader';
import type { MetadataPublisher } from '../loader/metadata-publisher';
import { toKafkaRecords } from '../records/record-codec';
import type { ControllerConfig } from '../controller/controller-config';
import type { ControllerApi, ControllerReply, ControllerRequestKind, ControllerResult } from '../controller/controller-requests';
import { QuorumController, type ControllerEvent } from '../controller/quorum-controller';

export interface MetadataNodeOptions {
  readonly nodeId: NodeId;
  /**
   * Static voters: the controller quorum, fixed. A node outside it is an observer (a broker) and
   * runs no controller. Leave it out for dynamic voters (KIP-853): `dynamic` then says how this
   * replica starts.
   */
  readonly voters?: readonly NodeId[];
  /** Dynamic voters (KIP-853), as RaftNode.start takes them. */
  readonly dynamic?: DynamicVoterOptions;
  readonly storage: { readonly dataDir: string } | RaftStorage;
  readonly transport: RaftTransport;
  readonly clusterId: string;
  readonly controller?: Omit<Partial<ControllerConfig>, 'clusterId'>;
  readonly raft?: Omit<Partial<RaftConfigInput>, 'nodeId' | 'voters'>;
  readonly snapshotEveryBytes?: number;
  readonly logger?: Logger;
  /** A request not answered within this long fails with REQUEST_TIMED_OUT (it may still commit). */
  readonly requestTimeoutMs?: number;
  /** Told of the metadata log's elections, leaderships and commit latencies (monitoring). */
  readonly raftMetrics?: RaftMetricsSink;
  /** Told of what the controller did (monitoring), besides the log lines. */
  readonly onControllerEvent?: (event: ControllerEvent) => void;
  /**
   * Clocks and timers of the node and of its RaftNode: the process's by default. A simulation passes
   * its own, so the node that ships is the node it runs (nothing here reads time any other way).
   */
  readonly scheduler?: Scheduler;
  /** The controller's randomness (topic ids, replica placement); the process's CSPRNG by default. */
  readonly random?: () => number;
  /** The loader the node applies the log with; a new one by default (a simulation hands in one it watches). */
  readonly loader?: MetadataLoader;
  /**
   * Starts the node's RaftNode; RaftNode.start by default. A simulation passes one that starts it
   * on its own disk and network, with the loader wrapped to watch what it is handed.
   */
  readonly startRaft?: (options: RaftNodeOptions) => Promise<RaftNode>;
}

export interface DynamicVoterOptions {
  /** This replica's directory id (meta.properties' directory.id). */
  readonly directoryId: DirectoryId;
  /** The voter set a new cluster starts from (the bootstrap checkpoint); absent: join as an observer. */
  readonly bootstrapVoters?: readonly Voter[];
  /** Nodes to find the leader through while no voter is known (their addresses are the transport's). */
  readonly bootstrapServers?: readonly NodeId[];
  /** Where this node's Raft listens, as voter sets name it. */
  readonly endpoints?: readonly RaftEndpoint[];
  /**
   * Whether this node runs the quorum controller (Kafka's controller role). It is active only
   * while this replica leads, so an observer that is added as a voter later can take over.
   */
  readonly controller: boolean;
}

/** A committed voter change, as the admin service reports it. */
export type VoterChangeResult = { readonly ok: true } | { readonly ok: false; readonly error: ApiError };

interface Waiting {
  readonly resolve: (result: ControllerResult<ControllerRequestKind>) => void;
  readonly timer: ScheduledTimer;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Timers fire a few milliseconds late anyway; this late, the process stalled. */
const STALL_CREDIT_THRESHOLD_MS = 100;

export class MetadataNode {
  readonly loader: MetadataLoader;
  readonly controller: QuorumController | null;
  private raftNode: RaftNode | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextRequestId = 1;
  private readonly scheduler: Scheduler;
  private readonly timer: DeadlineTimer;
  private stopped = false;
  private readonly log: Logger;
  private readonly clock: () => number;

  private constructor(private readonly options: MetadataNodeOptions) {
    const scheduler = (this.scheduler = options.scheduler ?? REAL_SCHEDULER);
    this.clock = () => scheduler.now();
    this.timer = new DeadlineTimer(this.clock, (lateMs) => this.onTimer(lateMs), scheduler);
    this.loader = options.loader ?? new MetadataLoader();
    this.log = (options.logger ?? pino({ level: 'info' })).child({ nodeId: options.nodeId, component: 'metadata' });
    const isController = options.dynamic?.controller ?? (options.voters ?? []).includes(options.nodeId);
    this.controller = isController
      ? new QuorumController({
          nodeId: options.nodeId,
          config: { ...options.controller, clusterId: options.clusterId },
          log: {
            append: (epoch, batches) => this.raftNode?.appendNow(batches.map(toKafkaRecords), epoch) ?? null,
            nextOffset: () => this.raftNode?.status().logEndOffset ?? 0,
            resign: (epoch) => this.resign(epoch),
          },
          onReply: (reply) => this.onReply(reply),
          onEvent: (event) => this.onControllerEvent(event),
          random: options.random ?? (() => randomBytes(4).readUInt32BE(0) / 2 ** 32),
        })
      : null;
    const controller = this.controller;
    if (controller !== null) {
      this.loader.subscribe({ onMetadataUpdate: (update) => controller.onCommitted(this.clock(), update.image) });
      this.loader.onLeadership({ onLeaderChange: (change) => controller.onLeaderChange(this.clock(), change) });
    }
    this.loader.subscribe({ onMetadataUpdate: () => this.armTimer() });
    this.loader.onLeadership({ onLeaderChange: () => this.armTimer() });
  }

  static async start(options: MetadataNodeOptions): Promise<MetadataNode> {
    const node = new MetadataNode(options);
    const dynamic = options.dynamic;
    const startRaft = options.startRaft ?? ((raftOptions: RaftNodeOptions) => RaftNode.start(raftOptions));
    node.raftNode = await startRaft({
      nodeId: options.nodeId,
      scheduler: node.scheduler,
      ...(dynamic === undefined
        ? { voters: options.voters ?? [] }
        : {
            directoryId: dynamic.directoryId,
            ...(dynamic.bootstrapVoters === undefined ? {} : { bootstrapVoters: dynamic.bootstrapVoters }),
            ...(dynamic.bootstrapServers === undefined ? {} : { bootstrapServers: dynamic.bootstrapServers }),
            ...(dynamic.endpoints === undefined ? {} : { endpoints: dynamic.endpoints }),
          }),
      storage: options.storage,
      transport: options.transport,
      stateMachine: node.loader,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      ...(options.raft === undefined ? {} : { config: options.raft }),
      ...(options.snapshotEveryBytes === undefined ? {} : { snapshotEveryBytes: options.snapshotEveryBytes }),
      ...(options.raftMetrics === undefined ? {} : { metrics: options.raftMetrics }),
    });
    node.raftNode.halted.then(
      (error) => node.log.error({ err: error }, 'metadata raft node halted'),
      () => undefined,
    );
    return node;
  }

  get raft(): RaftNode {
    if (this.raftNode === null) throw new Error('the metadata node has not started');
    return this.raftNode;
  }

  /** The committed image on this node. */
  get image(): MetadataImage {
    return this.loader.image;
  }

  subscribe(publisher: MetadataPublisher): () => void {
    return this.loader.subscribe(publisher);
  }

  /** The active controller (the metadata log's leader) as this node knows it; -1 when it knows none. */
  controllerId(): number {
    return this.raftNode?.status().leaderId ?? -1;
  }

  describeQuorum(): QuorumDescription {
    return this.raft.describeQuorum();
  }

  /**
   * Sends a request to this node's controller. Resolves (never rejects) with the result: on a node
   * that is not the active controller, NOT_CONTROLLER naming the leader if known.
   */
  call<K extends ControllerRequestKind>(kind: K, body: ControllerApi[K][0], timeoutMs = this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS): Promise<ControllerResult<K>> {
    const controller = this.controller;
    if (controller === null || this.stopped) {
      // A stopped node's Raft status still names the leader it last knew, often itself: no hint then.
      const leaderId = this.stopped ? -1 : (this.raftNode?.status().leaderId ?? -1);
      return Promise.resolve({ ok: false, error: apiError('NOT_CONTROLLER', `node ${this.options.nodeId} is not a controller`, leaderId) });
    }
    const requestId = this.nextRequestId++;
    const promise = new Promise<ControllerResult<K>>((resolve) => {
      const timer = this.scheduler.setTimeout(() => {
        this.waiting.delete(requestId);
        resolve({ ok: false, error: apiError('REQUEST_TIMED_OUT', `${kind} not answered within ${timeoutMs} ms`) });
      }, timeoutMs);
      this.waiting.set(requestId, { resolve: resolve as Waiting['resolve'], timer });
    });
    // A CreateTopics of thousands of topics answers in time: the controller stops beginning topics
    // once half the time is gone, and refuses the rest with REQUEST_TIMED_OUT.
    const timed = kind === 'createTopics' && (body as ControllerApi['createTopics'][0]).timeoutMs === undefined ? { ...(body as object), timeoutMs } : body;
    section(`controller.${kind}`, () => controller.submit(this.clock(), requestId, { kind, body: timed } as Parameters<QuorumController['submit']>[2]));
    this.armTimer();
    return promise;
  }

  /**
   * KIP-853 AddRaftVoter on this node's Raft (it must lead): makes the replica a voter once it has
   * caught up as an observer. Resolves once the new voter set commits, never rejects: a node that
   * does not lead answers NOT_CONTROLLER naming the leader, as controller requests do.
   */
  addVoter(voter: Voter, timeoutMs = this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS): Promise<VoterChangeResult> {
    return this.changeVoters('AddRaftVoter', () => this.raft.addVoter(voter, { timeoutMs }));
  }

  /** KIP-853 RemoveRaftVoter: removes the voter (id, directoryId); answers like addVoter. */
  removeVoter(id: NodeId, directoryId: DirectoryId, timeoutMs = this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS): Promise<VoterChangeResult> {
    return this.changeVoters('RemoveRaftVoter', () => this.raft.removeVoter(id, directoryId, { timeoutMs }));
  }

  private async changeVoters(what: string, change: () => Promise<unknown>): Promise<VoterChangeResult> {
    if (this.stopped || this.raftNode === null) return { ok: false, error: apiError('NOT_CONTROLLER', 'the metadata node is stopping') };
    try {
      await change();
      return { ok: true };
    } catch (error) {
      if (error instanceof NotLeaderError) return { ok: false, error: apiError('NOT_CONTROLLER', `${what}: ${error.message}`, error.leaderId) };
      if (error instanceof VoterChangeError) return { ok: false, error: apiError(error.code, `${what}: ${error.message}`) };
      if (error instanceof RequestTimedOutError) return { ok: false, error: apiError('REQUEST_TIMED_OUT', `${what}: ${error.message}`) };
      // A new leader dropped the change, or this node stopped: the client asks the leader again.
      if (error instanceof ProposalLostError || error instanceof NodeStoppedError) return { ok: false, error: apiError('NOT_CONTROLLER', `${what}: ${error.message}`) };
      throw error;
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timer.cancel();
    for (const [, waiting] of this.waiting) {
      waiting.timer.cancel();
      waiting.resolve({ ok: false, error: apiError('NOT_CONTROLLER', 'the metadata node is stopping') });
    }
    this.waiting.clear();
    await this.raftNode?.stop();
  }

  private onReply(reply: ControllerReply): void {
    const waiting = this.waiting.get(reply.requestId);
    if (waiting === undefined) return;
    this.waiting.delete(reply.requestId);
    waiting.timer.cancel();
    waiting.resolve(reply.result);
  }

  /**
   * The controller gives up the leadership of `epoch` (after an internal error). Only that epoch's:
   * by the time it asks, Raft may have moved on — and this node may lead a later epoch, whose
   * controller has nothing to do with the failure and must not be deposed for it.
   */
  private resign(epoch: number): void {
    const raft = this.raftNode;
    if (raft !== null && shouldResign(raft.status(), epoch)) raft.resign();
  }

  /** Wakes the controller at its next deadline (session expiries, NoOps, rebalancing). */
  private armTimer(): void {
    const controller = this.controller;
    if (controller === null || this.stopped) return;
    this.timer.arm(controller.nextDeadline());
  }

  private onTimer(lateMs: number): void {
    const controller = this.controller;
    if (controller === null || this.stopped) return;
    // A timer this late means the process did not run meanwhile (a blocked loop, a paused process):
    // heartbeats may be waiting unread in the sockets, so sessions get the time back before any
    // fencing is decided.
    if (lateMs >= STALL_CREDIT_THRESHOLD_MS) controller.noteStall(this.clock(), lateMs);
    section('controller.tick', () => controller.tick(this.clock()));
    this.armTimer();
  }

  private onControllerEvent(event: ControllerEvent): void {
    this.options.onControllerEvent?.(event);
    switch (event.kind) {
      case 'activated':
        this.log.info({ epoch: event.epoch, offset: event.offset, brokers: event.brokers, partitions: event.partitions }, 'active controller');
        return;
      case 'renounced':
        this.log.info({ epoch: event.epoch, failedRequests: event.failed, reason: event.reason }, 'controller renounced');
        return;
      case 'fenced':
        this.log.warn({ brokerId: event.brokerId, reason: event.reason, offset: event.lastOffset }, 'fenced broker');
        return;
      case 'rebalanced':
        this.log.info({ moved: event.moved }, 'moved leaderships back to preferred replicas');
        return;
      case 'internalError':
        this.log.error({ err: event.error }, 'controller error: renouncing');
    }
  }
}

/** Resign only the leadership the controller asked to give up: this node's, in that epoch. */
export function shouldResign(status: { readonly role: string; readonly epoch: number }, epoch: number): boolean {
  return status.role === 'leader' && status.epoch === epoch;
}
