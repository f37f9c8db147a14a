import { RaftNode, type NodeId, type RaftNodeOptions } from '@kz/raft';
import { SeededRandom, Simulation, deriveSeed, isControlBatch, type IsolationDirection, type LinkRule, type SimulationOptions, type Violation } from '@kz/raft/testing';
import type { ControllerConfig } from '../controller/controller-config';
import type { ControllerReply, ControllerRequest } from '../controller/controller-requests';
import type { ControllerEvent, QuorumController } from '../controller/quorum-controller';
import type { MetadataImage } from '../image/metadata-image';
import { MetadataNode } from '../runtime/metadata-node';
import { CommittedMetadata } from './committed-metadata';
import { ADMIN_CLIENT, SimControllerRpcs, type SentReply } from './sim-controller-rpcs';
import { describeError, MetadataSimMachine } from './metadata-machine';
import { checkMetadataInvariants, newMetadataInvariantMemory, type MetadataInvariantMemory, type MetadataNodeView } from './metadata-invariants';
import { ADMIN_DEFAULTS, SimAdmin, type AdminSettings } from './sim-admin';
import { BROKER_DEFAULTS, SimBroker, type BrokerSettings } from './sim-broker';

export const SIM_CLUSTER_ID = 'kz-sim-cluster';

/**
 * broker.session.timeout.ms in the simulation: shorter than KRaft's 9 s so runs stay short, still
 * more than twice the 2 s heartbeat interval, so one lost heartbeat never fences a healthy broker.
 */
export const SIM_SESSION_TIMEOUT_MS = 6000;

/** A broker stopped after its controlled shutdown starts again this long after (a rolling restart). */
export const SIM_RESTART_AFTER_SHUTDOWN_MS = 1000;

/** About sixteen metadata batches of a few records each. */
const DEFAULT_SNAPSHOT_EVERY_BYTES = 4096;

export interface MetadataSimulationOptions {
  /** Every random choice of the run derives from this. */
  readonly seed: number;
  /** Controllers: the Raft voters, ids 1..controllers (default 3). */
  readonly controllers?: number;
  /** Brokers: Raft observers, ids after the controllers' (default 3). */
  readonly brokers?: number;
  /** Each node snapshots its image once this many bytes were committed since its last one (default 4096). */
  readonly snapshotEveryBytes?: number;
  /** Committed batches a node hands its loader per turn before the rest waits (RaftNode's apply budget; default all). */
  readonly deliveriesPerTurn?: number;
  readonly syncLatencyMs?: { readonly min: number; readonly max: number };
  /** Raft timeouts; KRaft's defaults otherwise. */
  readonly raft?: SimulationOptions['config'];
  /** Controller settings (session timeout, NoOp interval, static broker configs). */
  readonly controller?: Partial<Omit<ControllerConfig, 'clusterId'>>;
  readonly broker?: Partial<Omit<BrokerSettings, 'clusterId'>>;
  readonly admin?: Partial<AdminSettings>;
  /**
   * A broker told to shut down (after a controlled shutdown) is stopped, then started again this
   * long after — a rolling restart, what controlled shutdown is for. Infinity keeps it down.
   * Default SIM_RESTART_AFTER_SHUTDOWN_MS.
   */
  readonly restartAfterShutDownMs?: number;
  readonly traceSink?: (line: string) => void;
  /**
   * Runs each broker node's process instead of the simulated lifecycle (SimBroker): the whole-cluster
   * simulation starts a real broker there. Absent, brokers are SimBrokers.
   */
  readonly brokerProcess?: BrokerProcessHooks;
  /** More safety invariants, checked after every event after the metadata ones. */
  readonly invariants?: (now: number) => readonly Violation[];
  /** Told of every controller request as it reaches a running controller node (and whether it was active then). */
  readonly observeDelivery?: (to: NodeId, request: ControllerRequest, active: boolean) => void;
}

/** How a harness runs its own broker processes on the simulation's observer nodes. */
export interface BrokerProcessHooks {
  /**
   * Starts incarnation `incarnation` of the broker on `node`: its RaftNode must be started with
   * `raftOptions` (the simulation's scheduler, transport, disk and watched state machine, which
   * applies to `loader`). Resolves with that RaftNode.
   */
  launch(raftOptions: RaftNodeOptions, node: NodeId, incarnation: number, loader: MetadataSimMachine): Promise<RaftNode>;
  /** The incarnation id the running broker on `node` registers with; null while down or starting. */
  incarnationId(node: NodeId): string | null;
  /** The node went down: its process is gone. */
  crashed(node: NodeId): void;
}

/** A request sent on a broker's behalf by a test (a zombie's, say), and what came back. */
export interface SentRequest {
  requestId: number;
  reply: ControllerReply | null;
}

/**
 * Whole metadata quorums in one process, on the deterministic Raft simulation: controllers are the
 * voters, each the MetadataNode that ships (its MetadataLoader, its QuorumController, its RaftNode)
 * on the simulation's clock, network and disk; brokers are observers, each running a MetadataLoader and a broker
 * lifecycle (SimBroker); an admin client (SimAdmin) sends topic, partition, reassignment and config
 * operations. Controller RPCs travel over the simulated network (SimControllerRpcs).
 *
 * After every simulated event the Raft invariants run, then the metadata ones (metadata-invariants.ts)
 * against the committed log rebuilt on its own (CommittedMetadata). A crash throws away a node's
 * loader, controller or broker lifecycle with its Raft core; a restart rebuilds them from its disk.
 */
export class MetadataSimulation {
  readonly sim: Simulation;
  readonly controllerIds: readonly NodeId[];
  readonly brokerIds: readonly NodeId[];
  readonly committed = new CommittedMetadata();
  readonly channel: SimControllerRpcs;
  readonly admin: SimAdmin;
  readonly memory: MetadataInvariantMemory = newMetadataInvariantMemory();
  readonly controllerConfig: Partial<ControllerConfig> & { readonly clusterId: string };
  readonly brokerSettings: BrokerSettings;
  /** The running controller nodes, and their loaders (made before the node, by machineFor). */
  private readonly metadataNodes = new Map<NodeId, MetadataNode>();
  private readonly loaders = new Map<NodeId, MetadataSimMachine>();
  private readonly brokerLifecycles = new Map<NodeId, SimBroker>();
  private readonly controllerErrors: Violation[] = [];
  /** Requests sent outside the admin client and the broker lifecycles (send): a test's. */
  private readonly sentByTests: ControllerRequest[] = [];
  /** Every reply a controller sent, in order, with the request it answers (for stories to inspect). */
  readonly replies: SentReply[] = [];
  /**
   * Controller replies sent so far: successes by request kind, failures by Kafka error name, and the
   * per-item errors inside successful replies (a topic, partition or config resource refused).
   */
  readonly replyCounts = { ok: new Map<string, number>(), errors: new Map<string, number>(), itemErrors: new Map<string, number>() };
  /** Every controller event, in order (activations, renouncements, fencings). */
  readonly events: { readonly node: NodeId; readonly time: number; readonly event: ControllerEvent }[] = [];

  constructor(readonly options: MetadataSimulationOptions) {
    const controllers = options.controllers ?? 3;
    const brokers = options.brokers ?? 3;
    this.controllerConfig = { sessionTimeoutMs: SIM_SESSION_TIMEOUT_MS, ...options.controller, clusterId: SIM_CLUSTER_ID };
    this.brokerSettings = { ...BROKER_DEFAULTS, ...options.broker, clusterId: SIM_CLUSTER_ID };
    this.sim = new Simulation({
      nodeCount: controllers,
      observerCount: brokers,
      seed: options.seed,
      snapshotEveryBytes: options.snapshotEveryBytes ?? DEFAULT_SNAPSHOT_EVERY_BYTES,
      ...(options.deliveriesPerTurn === undefined ? {} : { deliveriesPerTurn: options.deliveriesPerTurn }),
      ...(options.syncLatencyMs === undefined ? {} : { syncLatencyMs: options.syncLatencyMs }),
      ...(options.raft === undefined ? {} : { config: options.raft }),
      ...(options.traceSink === undefined ? {} : { traceSink: options.traceSink }),
      machineFor: (node, incarnation) => this.startMachine(node, incarnation),
      launch: (raftOptions, node, incarnation) => this.launch(raftOptions, node, incarnation),
      hooks: {
        // The committed log as the nodes' state machines see it: data batches when first applied
        // (when a controller can answer for them), control batches (never applied) once known committed.
        onCommitted: (_node, batch) => this.committed.observe(batch),
        onCommittedLog: (batch) => {
          if (isControlBatch(batch.bytes)) this.committed.observe(batch);
        },
        onCrash: (node) => this.onCrash(node),
        onStart: (node) => this.brokerLifecycles.get(node)?.start(),
        invariants: (now) => this.check(now),
      },
    });
    this.controllerIds = this.sim.voters;
    this.brokerIds = this.sim.observers;
    this.channel = new SimControllerRpcs({
      network: this.sim.network,
      random: new SeededRandom(deriveSeed(options.seed, 'metadata-rpc')),
      now: () => this.sim.now,
      schedule: (at, label, run) => this.sim.schedule(at, label, run),
      incarnationOf: (node) => this.incarnationOf(node),
      registeredEpoch: (brokerId) => this.committed.image.brokers.get(brokerId)?.epoch ?? null,
      deliver: (to, requestId, request) => {
        const node = this.metadataNodes.get(to);
        if (node === undefined) return false;
        const incarnation = this.sim.node(to).incarnation;
        this.options.observeDelivery?.(to, request, node.controller?.active === true);
        void node.call(request.kind, request.body as never).then((result) => {
          if (this.metadataNodes.get(to) === node && this.sim.node(to).incarnation === incarnation) this.channel.reply(to, { requestId, kind: request.kind, result });
        });
        return true;
      },
    });
    this.admin = new SimAdmin({
      controllers: this.controllerIds,
      settings: { ...ADMIN_DEFAULTS, ...options.admin },
      now: () => this.sim.now,
      schedule: (at, label, run) => this.sim.schedule(at, label, run),
      send: (to, request, onReply) => this.channel.send(ADMIN_CLIENT, to, request, onReply),
      trace: (text) => this.trace(text),
    });
  }

  get now(): number {
    return this.sim.now;
  }

  get violations(): readonly Violation[] {
    return this.sim.violations;
  }

  get violated(): boolean {
    return this.sim.violated;
  }

  /** Boots every node, and waits until they run. */
  start(): Promise<void> {
    return this.sim.startAll();
  }

  /** The controller running on `id`, or null while that node is down. */
  controller(id: NodeId): QuorumController | null {
    return this.metadataNodes.get(id)?.controller ?? null;
  }

  /** The lifecycle of the broker running on `id`, or null while that node is down. */
  broker(id: NodeId): SimBroker | null {
    return this.brokerLifecycles.get(id) ?? null;
  }

  /** A live node's current image (controller or broker), or null while it is down. */
  image(id: NodeId): MetadataImage | null {
    return this.loaders.get(id)?.image ?? this.brokerLifecycles.get(id)?.image ?? null;
  }

  /** The controller that is active and leads the newest epoch, if any. */
  activeController(): NodeId | null {
    const leader = this.sim.establishedLeader();
    if (leader === null) return null;
    return this.metadataNodes.get(leader)?.controller?.active === true ? leader : null;
  }

  /** True when every live broker's current registration is committed, unfenced and not shutting down. */
  liveBrokersUnfenced(): boolean {
    return this.brokerIds.every((id) => {
      const incarnationId = this.options.brokerProcess !== undefined ? this.options.brokerProcess.incarnationId(id) : (this.brokerLifecycles.get(id)?.incarnationId ?? null);
      if (incarnationId === null) return true;
      const registered = this.committed.image.brokers.get(id);
      return registered !== undefined && registered.incarnationId === incarnationId && !registered.fenced && !registered.inControlledShutdown;
    });
  }

  /**
   * Sends a controller request from `from` (a broker's place on the network, or ADMIN_CLIENT) to the
   * controller on `to`, outside any broker lifecycle — as a test's zombie or a hand-driven broker does.
   */
  send(from: NodeId, to: NodeId, request: ControllerRequest): SentRequest {
    this.sentByTests.push(request);
    const sent: SentRequest = { requestId: -1, reply: null };
    sent.requestId = this.channel.send(from, to, request, (reply) => {
      sent.reply = reply;
    });
    return sent;
  }

  // Faults, narrated; each takes effect at the current simulated time.

  crash(id: NodeId): void {
    this.sim.crash(id);
  }

  restart(id: NodeId): void {
    this.sim.restart(id);
  }

  /** Restarts every node that is down. */
  restartAll(): void {
    for (const id of this.sim.nodeIds) this.sim.restart(id);
  }

  isolate(id: NodeId, direction: IsolationDirection = 'both'): void {
    this.sim.isolate(id, direction);
  }

  partition(groups: readonly (readonly NodeId[])[]): void {
    this.sim.partition(groups);
  }

  healNetwork(): void {
    this.sim.healNetwork();
  }

  setLinkRule(rule: LinkRule, link?: { readonly from: NodeId; readonly to: NodeId }): void {
    this.sim.setLinkRule(rule, link);
  }

  schedule(at: number, label: string, run: () => void): void {
    this.sim.schedule(at, label, run);
  }

  runUntil(time: number): Promise<boolean> {
    return this.sim.runUntil(time);
  }

  runUntilTrue(condition: () => boolean, deadline: number): Promise<boolean> {
    return this.sim.runUntilTrue(condition, deadline);
  }

  trace(text: string): void {
    this.sim.trace.record(this.sim.now, text);
  }

  /** Records a violation found outside the per-step invariants (liveness, end-of-run checks). */
  reportViolation(invariant: string, message: string): void {
    this.sim.reportViolation(invariant, message);
  }

  private incarnationOf(node: NodeId): number | null {
    if (node === ADMIN_CLIENT) return 0;
    const simNode = this.sim.node(node);
    return simNode.up ? simNode.incarnation : null;
  }

  private startMachine(node: NodeId, incarnation: number): MetadataSimMachine {
    const random = new SeededRandom(deriveSeed(this.options.seed, node <= this.controllerIds.length ? 'controller' : 'broker', node, incarnation));
    if (node <= this.controllerIds.length || this.options.brokerProcess !== undefined) {
      const loader = new MetadataSimMachine();
      this.loaders.set(node, loader);
      return loader;
    }
    const broker = new SimBroker({
      brokerId: node,
      incarnation,
      controllers: this.controllerIds,
      settings: this.brokerSettings,
      random,
      now: () => this.sim.now,
      schedule: (at, label, run) => this.sim.schedule(at, label, run),
      send: (to, request, onReply) => this.channel.send(node, to, request, onReply),
      trace: (text) => this.trace(text),
      onShutDown: () => {
        this.sim.schedule(this.sim.now, `broker ${node} shuts down`, () => {
          if (this.sim.node(node).incarnation !== incarnation) return;
          this.sim.crash(node);
          const after = this.options.restartAfterShutDownMs ?? SIM_RESTART_AFTER_SHUTDOWN_MS;
          if (Number.isFinite(after)) this.sim.schedule(this.sim.now + after, `broker ${node} starts again`, () => this.sim.restart(node));
        });
      },
    });
    this.brokerLifecycles.set(node, broker);
    return broker.machine;
  }

  /**
   * A controller's process is the MetadataNode that ships, started on what the simulation made for
   * it: its RaftNode runs on the simulated scheduler, transport and disk, and applies to the loader
   * machineFor made (watched by the simulation). Brokers here are a RaftNode and a lifecycle.
   */
  private launch(raftOptions: RaftNodeOptions, node: NodeId, incarnation: number): Promise<RaftNode> {
    const loader = this.loaders.get(node);
    if (loader === undefined) return RaftNode.start(raftOptions);
    if (node > this.controllerIds.length) return this.options.brokerProcess?.launch(raftOptions, node, incarnation, loader) ?? RaftNode.start(raftOptions);
    const random = new SeededRandom(deriveSeed(this.options.seed, 'controller', node, incarnation));
    return MetadataNode.start({
      nodeId: node,
      voters: raftOptions.voters ?? this.controllerIds,
      storage: raftOptions.storage,
      transport: raftOptions.transport,
      clusterId: this.controllerConfig.clusterId,
      controller: this.controllerConfig,
      ...(raftOptions.config === undefined ? {} : { raft: raftOptions.config }),
      ...(raftOptions.snapshotEveryBytes === undefined ? {} : { snapshotEveryBytes: raftOptions.snapshotEveryBytes }),
      ...(raftOptions.logger === undefined ? {} : { logger: raftOptions.logger }),
      ...(raftOptions.metrics === undefined ? {} : { raftMetrics: raftOptions.metrics }),
      ...(raftOptions.scheduler === undefined ? {} : { scheduler: raftOptions.scheduler }),
      random: random.asFunction(),
      loader,
      onControllerEvent: (event) => {
        if (this.sim.node(node).incarnation === incarnation) this.onControllerEvent(node, event);
      },
      // The simulation's RaftNode options carry its watched wrapper of this same loader.
      startRaft: (options) => RaftNode.start({ ...options, stateMachine: raftOptions.stateMachine }),
    }).then((metadataNode) => {
      if (this.sim.node(node).incarnation === incarnation && this.sim.node(node).up) this.metadataNodes.set(node, metadataNode);
      return metadataNode.raft;
    });
  }

  private onCrash(node: NodeId): void {
    this.metadataNodes.delete(node);
    this.loaders.delete(node);
    this.brokerLifecycles.get(node)?.retire();
    this.brokerLifecycles.delete(node);
    if (node > this.controllerIds.length) this.options.brokerProcess?.crashed(node);
    this.channel.forgetRequestsTo(node);
    this.memory.lastImages.delete(node);
  }

  private onControllerEvent(node: NodeId, event: ControllerEvent): void {
    this.events.push({ node, time: this.sim.now, event });
    switch (event.kind) {
      case 'activated':
        this.trace(`controller ${node}: active in epoch ${event.epoch} at offset ${event.offset} (${event.brokers} brokers, ${event.partitions} partitions)`);
        return;
      case 'renounced':
        this.trace(`controller ${node}: renounced epoch ${event.epoch} (${event.reason}; ${event.failed} request(s) failed with NOT_CONTROLLER)`);
        return;
      case 'fenced':
        this.trace(`controller ${node}: fenced broker ${event.brokerId} (${event.reason})`);
        return;
      case 'rebalanced':
        this.trace(`controller ${node}: moved ${event.moved} leadership(s) back to preferred replicas`);
        return;
      case 'internalError':
        this.trace(`controller ${node}: INTERNAL ERROR ${describeError(event.error)}`);
        this.controllerErrors.push({ invariant: 'controllerNeverFails', node, message: `${describeError(event.error)}\n${event.error.stack ?? ''}` });
        return;
    }
  }

  private nodeViews(): MetadataNodeView[] {
    return this.sim.nodeIds.map((id) => {
      const simNode = this.sim.node(id);
      const image = simNode.up ? this.image(id) : null;
      return { id, role: id <= this.controllerIds.length ? 'controller' : 'broker', incarnation: simNode.incarnation, image, nextOffset: simNode.appliedOffset };
    });
  }

  private check(now: number): readonly Violation[] {
    const { replies, doubleAnswers } = this.channel.takeObservations();
    this.replies.push(...replies);
    for (const { reply } of replies) {
      const [map, key] = reply.result.ok ? [this.replyCounts.ok, reply.kind] : [this.replyCounts.errors, reply.result.error.code];
      map.set(key, (map.get(key) ?? 0) + 1);
      for (const code of itemErrors(reply)) this.replyCounts.itemErrors.set(code, (this.replyCounts.itemErrors.get(code) ?? 0) + 1);
    }
    const uncleanElectionAsked = (topic: string): boolean =>
      this.admin.operations.some((op) => asksUncleanElection(op.request, topic)) || this.sentByTests.some((request) => asksUncleanElection(request, topic));
    const violations = checkMetadataInvariants({ time: now, nodes: this.nodeViews(), committed: this.committed, replies, doubleAnswers, uncleanElectionAsked }, this.memory);
    return [...this.controllerErrors.splice(0), ...violations, ...(this.options.invariants?.(now) ?? [])];
  }
}

/** The per-item error codes of a successful reply (topics, partitions, config resources). */
function itemErrors(reply: ControllerReply): string[] {
  if (!reply.result.ok) return [];
  const value = reply.result.value as { readonly topics?: unknown; readonly partitions?: unknown; readonly resources?: unknown };
  const items = [value.topics, value.partitions, value.resources].find((list) => Array.isArray(list)) as readonly { readonly error?: { readonly code: string } | null }[] | undefined;
  return (items ?? []).flatMap((item) => (item.error === undefined || item.error === null ? [] : [item.error.code]));
}

/** An ElectLeaders request of type unclean that covers `topic` (all topics when it names none). */
function asksUncleanElection(request: ControllerRequest, topic: string): boolean {
  if (request.kind !== 'electLeaders' || request.body.type !== 'unclean') return false;
  return request.body.partitions === null || request.body.partitions.some((p) => p.topic === topic);
}
