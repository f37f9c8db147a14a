/**
 * The whole cluster in one deterministic process: controllers are Raft voters, each the
 * MetadataNode that ships; brokers are Raft observers, each a MetadataNode plus the BrokerNode that
 * ships (ReplicaManager, fetchers, lifecycle, AlterPartition sender) on the same simulated process —
 * one SimScheduler, one SimTransport, a SimDisk for the metadata log and MemoryLogs for the
 * partitions — and a producer (acks=all) and consumers talk to the brokers. Everything rides the
 * Raft simulation's event queue and network (@kz/metadata/testing's MetadataSimulation over
 * @kz/raft/testing's Simulation), so one seed fixes the run: controller failovers, broker crashes,
 * partitions and lossy links happen while records replicate.
 *
 * After every event: the Raft invariants, the metadata ones (against the committed log rebuilt on
 * its own), the replication ones (replication-invariants.ts: acknowledged records survive, HW within
 * the ISR's flushed logs, committed prefixes agree, what consumers read), and the cluster's own
 * (cluster-invariants.ts).
 */
import { MetadataNode, type BrokerId, type ControllerReply, type ControllerRequest, type CreateTopicsResponse, type MetadataImage } from '@kz/metadata';
import { MetadataSimulation, SIM_CLUSTER_ID, type MetadataSimMachine } from '@kz/metadata/testing';
import { RaftNode, type NodeId, type RaftNodeOptions } from '@kz/raft';
import { SeededRandom, deriveSeed, type IsolationDirection, type LinkRule, type Violation } from '@kz/raft/testing';
import { decodeRecordBatch } from '@kz/records';
import type { ProduceRequest, ProduceResponse } from '../protocol/produce';
import { BrokerNode } from '../runtime/broker-node';
import { AcknowledgedRecords } from './acknowledged-records';
import { DEFAULT_BROKER_NODE_SETTINGS, DEFAULT_CONSUMER_SETTINGS, DEFAULT_PRODUCER_SETTINGS } from './broker-simulation';
import { ClientMetadata } from './client-metadata';
import {
  acknowledgedOnEveryIsrMember,
  brokerWithLiveHeartbeatsNeverFenced,
  newClusterInvariantMemory,
  noElectionWhileLeaderAnswers,
  noteHeartbeatArrival,
  oneLeaderPerLeaderEpoch,
  type ClusterInvariantMemory,
} from './cluster-invariants';
import { MemoryLogDirectory } from './memory-log-directory';
import { checkReplicationInvariants, newReplicationInvariantMemory, type ReplicationInvariantMemory } from './replication-invariants';
import { RpcChannel } from './rpc-channel';
import { injectFetchWithoutFlush, simLogDirectory, SimBrokerNetwork, simControllerChannels, type BrokerNodeSettings } from './sim-broker-process';
import { SimConsumers, type ConsumerSettings } from './sim-consumer';
import { SimProducer, type ProducerSettings } from './sim-producer';
import { traceLogger } from './trace-logger';

export const CLUSTER_TOPIC = 'events';
/** The clients' place on the network (controllers are 1..c, brokers c+1..c+b). */
export const CLUSTER_CLIENT: NodeId = 200;
/** broker.session.timeout.ms here: six heartbeats, so one lost heartbeat never fences a live broker. */
export const CLUSTER_SESSION_TIMEOUT_MS = 6000;

export const DEFAULT_CLUSTER_BROKER_SETTINGS: BrokerNodeSettings = {
  ...DEFAULT_BROKER_NODE_SETTINGS,
  heartbeatIntervalMs: 1000,
  controllerRequestTimeoutMs: 2000,
};

/** How long a halted broker's process takes to exit. */
const HALT_EXIT_MS = 200;

export interface ClusterSimulationOptions {
  readonly seed: number;
  /** Partitions of the data topic (RF 3, min.insync.replicas 2, unclean election off). Default 3. */
  readonly partitions?: number;
  readonly controllers?: number;
  readonly brokers?: number;
  readonly broker?: Partial<BrokerNodeSettings>;
  readonly producer?: Partial<ProducerSettings>;
  readonly consumer?: Partial<ConsumerSettings>;
  /** Committed metadata batches a node applies per turn (RaftNode's apply budget, counted); default all. */
  readonly deliveriesPerTurn?: number;
  readonly snapshotEveryBytes?: number;
  /** At a crash, each log with an unflushed tail kept part of it, the next batch torn, with this chance. Default 0. */
  readonly tornWriteRate?: number;
  readonly traceSink?: (line: string) => void;
}

/** One broker incarnation's running pieces. */
interface RunningBroker {
  readonly incarnation: number;
  readonly incarnationId: string;
  readonly metadata: MetadataNode;
  readonly broker: BrokerNode;
  readonly network: SimBrokerNetwork;
}

/** What a run exercised, for the coverage report. */
export interface ClusterCoverage {
  readonly acknowledged: number;
  readonly consumed: number;
  /** Controllers that became active after the first one (failovers). */
  readonly controllerFailovers: number;
  /** Raft leaders elected in the metadata quorum. */
  readonly raftElections: number;
  /** Partition leaderships taken by brokers ("became leader"). */
  readonly leaderElections: number;
  readonly isrShrinks: number;
  readonly isrExpands: number;
  readonly truncations: number;
  readonly brokerFencings: number;
  readonly faults: Readonly<Record<string, number>>;
}

export class ClusterSimulation {
  readonly ms: MetadataSimulation;
  readonly controllerIds: readonly NodeId[];
  readonly brokerIds: readonly BrokerId[];
  readonly partitions: number;
  readonly records: AcknowledgedRecords;
  readonly metadata: ClientMetadata;
  readonly producer: SimProducer;
  readonly consumers: SimConsumers;
  readonly rpc: RpcChannel;
  readonly brokerSettings: BrokerNodeSettings;
  readonly memory: ClusterInvariantMemory = newClusterInvariantMemory();
  readonly replicationMemory: ReplicationInvariantMemory = newReplicationInvariantMemory();
  /** Broker log lines by message ("became leader", "shrinking ISR", ...), for coverage. */
  readonly managerLogs = new Map<string, number>();
  readonly faults = new Map<string, number>();
  private readonly disks = new Map<BrokerId, MemoryLogDirectory>();
  private readonly running = new Map<BrokerId, RunningBroker>();
  private readonly failures: Violation[] = [];
  private eventsSeen = 0;
  /** When a broker whose fsync was made to fail restarts after it halts (null: at the heal). */
  private readonly haltRestarts = new Map<BrokerId, number | null>();
  private healed = false;

  constructor(readonly options: ClusterSimulationOptions) {
    const seed = options.seed;
    this.partitions = options.partitions ?? 3;
    this.brokerSettings = { ...DEFAULT_CLUSTER_BROKER_SETTINGS, ...options.broker };
    this.ms = new MetadataSimulation({
      seed,
      controllers: options.controllers ?? 3,
      brokers: options.brokers ?? 3,
      snapshotEveryBytes: options.snapshotEveryBytes ?? 16_384,
      ...(options.deliveriesPerTurn === undefined ? {} : { deliveriesPerTurn: options.deliveriesPerTurn }),
      controller: { sessionTimeoutMs: CLUSTER_SESSION_TIMEOUT_MS },
      ...(options.traceSink === undefined ? {} : { traceSink: options.traceSink }),
      brokerProcess: {
        launch: (raftOptions, node, incarnation, loader) => this.launchBroker(raftOptions, node, incarnation, loader),
        incarnationId: (node) => this.running.get(node)?.incarnationId ?? null,
        crashed: (node) => this.onBrokerCrash(node),
      },
      observeDelivery: (to, request, active) => {
        if (active && request.kind === 'brokerHeartbeat') noteHeartbeatArrival(this.memory, to, request.body.brokerId, request.body.brokerEpoch, this.now);
      },
      invariants: (now) => this.check(now),
    });
    this.controllerIds = this.ms.controllerIds;
    this.brokerIds = this.ms.brokerIds;
    const random = (label: string): SeededRandom => new SeededRandom(deriveSeed(seed, 'cluster', label));
    for (const id of this.brokerIds) {
      const disk = new MemoryLogDirectory();
      if ((options.tornWriteRate ?? 0) > 0) disk.tornTails = { random: random(`torn-writes-${id}`), rate: options.tornWriteRate! };
      this.disks.set(id, disk);
    }
    this.rpc = new RpcChannel({
      network: this.ms.sim.network,
      random: random('rpc'),
      now: () => this.now,
      schedule: (at, label, run) => this.ms.schedule(at, label, run),
      incarnationOf: (node) => (node === CLUSTER_CLIENT ? 1 : this.running.has(node) ? this.ms.sim.node(node).incarnation : null),
      onError: (error) => this.failures.push({ invariant: 'harnessThrew', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    });
    this.records = new AcknowledgedRecords(this.partitions);
    this.metadata = new ClientMetadata({
      clientId: CLUSTER_CLIENT,
      topic: CLUSTER_TOPIC,
      brokers: this.brokerIds,
      random: random('client-metadata'),
      rpc: this.rpc,
      serveMetadata: (broker) => {
        const running = this.running.get(broker);
        return running === undefined ? null : Promise.resolve(running.metadata.image);
      },
      now: () => this.now,
      schedule: (at, label, run) => this.ms.schedule(at, label, run),
    });
    this.producer = new SimProducer({
      clientId: CLUSTER_CLIENT,
      topic: CLUSTER_TOPIC,
      partitions: this.partitions,
      settings: { ...DEFAULT_PRODUCER_SETTINGS, ...options.producer },
      random: random('producer'),
      rpc: this.rpc,
      metadata: this.metadata,
      records: this.records,
      serveProduce: (broker, request) => this.serveProduce(broker, request),
      now: () => this.now,
      schedule: (at, label, run) => this.ms.schedule(at, label, run),
      trace: (text) => this.note(text),
    });
    this.consumers = new SimConsumers({
      clientId: CLUSTER_CLIENT,
      partitions: this.partitions,
      settings: { ...DEFAULT_CONSUMER_SETTINGS, ...options.consumer },
      rpc: this.rpc,
      metadata: this.metadata,
      records: this.records,
      serveFetch: (broker, request) => this.running.get(broker)?.broker.fetch(request) ?? null,
      now: () => this.now,
      schedule: (at, label, run) => this.ms.schedule(at, label, run),
    });
  }

  get now(): number {
    return this.ms.now;
  }

  get violations(): readonly Violation[] {
    return this.ms.violations;
  }

  get violated(): boolean {
    return this.ms.violated;
  }

  /** The committed metadata image (the log rebuilt on its own). */
  get image(): MetadataImage {
    return this.ms.committed.image;
  }

  get topicId(): string | null {
    return this.image.topic(CLUSTER_TOPIC)?.id ?? null;
  }

  /** The running broker on `id`, or null while it is down or starting. */
  node(id: BrokerId): BrokerNode | null {
    return this.running.get(id)?.broker ?? null;
  }

  disk(id: BrokerId): MemoryLogDirectory {
    const disk = this.disks.get(id);
    if (disk === undefined) throw new RangeError(`no broker ${id}`);
    return disk;
  }

  /** The running broker's current registration is committed and unfenced. */
  unfenced(id: BrokerId): boolean {
    const running = this.running.get(id);
    const registered = this.image.brokers.get(id);
    return running !== undefined && registered !== undefined && registered.incarnationId === running.incarnationId && !registered.fenced;
  }

  note(text: string): void {
    this.ms.trace(text);
  }

  schedule(at: number, label: string, run: () => void): void {
    this.ms.schedule(at, label, run);
  }

  runUntil(time: number): Promise<boolean> {
    return this.ms.runUntil(time);
  }

  runUntilTrue(condition: () => boolean, deadline: number): Promise<boolean> {
    return this.ms.runUntilTrue(condition, deadline);
  }

  /** As runUntilTrue, but a condition that does not come in time is an error naming it (with the trace). */
  async runUntilOrFail(what: string, condition: () => boolean, withinMs: number): Promise<void> {
    if (await this.runUntilTrue(condition, this.now + withinMs)) return;
    const why = this.violated ? `violations:\n${this.violations.map((v) => `[${v.invariant}] ${v.message}`).join('\n')}` : `not within ${withinMs}ms`;
    throw new Error(`cluster simulation stalled waiting for ${what} (${why})\n${this.ms.sim.trace.recent(80).join('\n')}`);
  }

  reportViolation(violation: Violation): void {
    this.ms.reportViolation(violation.invariant, violation.message);
  }

  /** Sends an admin request to the active controller (or any) and runs until it is answered. */
  async admin(request: ControllerRequest, withinMs = 30_000): Promise<ControllerReply> {
    const operation = this.ms.admin.submit(request);
    await this.runUntilOrFail(`the answer to ${request.kind}`, () => operation.done, withinMs);
    if (operation.final === null) throw new Error(`${request.kind} was given up after ${operation.attempts.length} attempts`);
    return operation.final;
  }

  // ------------------------------------------------------------------ the story's beginning

  /**
   * Boots every node, waits for an active controller and every broker unfenced, creates the data
   * topic, waits until every partition is led by a serving leader, then starts the clients.
   */
  async setUp(): Promise<void> {
    await this.ms.start();
    await this.runUntilOrFail('an active controller and every broker unfenced', () => this.ms.activeController() !== null && this.brokerIds.every((id) => this.unfenced(id)), 60_000);
    const reply = await this.admin({
      kind: 'createTopics',
      body: { topics: [{ name: CLUSTER_TOPIC, numPartitions: this.partitions, replicationFactor: 3, configs: { 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'false' } }] },
    });
    const topic = reply.result.ok ? (reply.result.value as CreateTopicsResponse).topics[0] : undefined;
    if (topic === undefined || topic.error !== null) throw new Error(`createTopics failed: ${JSON.stringify(reply.result)}`);
    await this.runUntilOrFail('every partition led', () => this.allPartitionsLed(), 30_000);
    this.metadata.refresh();
    this.producer.start();
    this.consumers.start();
  }

  /** Every partition of the data topic has a committed leader that leads it at that epoch. */
  allPartitionsLed(): boolean {
    const topicId = this.topicId;
    if (topicId === null) return false;
    for (let p = 0; p < this.partitions; p++) {
      const registration = this.image.partition(topicId, p);
      if (registration === undefined || registration.leader < 0) return false;
      const state = this.node(registration.leader)?.manager.partition(topicId, p)?.leader ?? null;
      if (state === null || state.leaderEpoch !== registration.leaderEpoch) return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ faults

  /** Power loss on a controller or broker; restarted `restartAfterMs` later (never when null: at the heal). */
  crash(id: NodeId, restartAfterMs: number | null = null): void {
    if (!this.ms.sim.node(id).up) return;
    this.count(id <= this.controllerIds.length ? 'crash-controller' : 'crash-broker');
    this.ms.crash(id);
    if (restartAfterMs !== null) this.schedule(this.now + restartAfterMs, `restart node ${id}`, () => this.ms.restart(id));
  }

  /** The active controller loses power (a controller failover). */
  crashActiveController(restartAfterMs: number | null): void {
    const active = this.ms.activeController();
    if (active !== null) this.crash(active, restartAfterMs);
  }

  /** The broker leading `partition` (as committed) loses power. */
  crashLeaderOf(partition: number, restartAfterMs: number | null): void {
    const leader = this.leaderOf(partition);
    if (leader !== null) this.crash(leader, restartAfterMs);
  }

  leaderOf(partition: number): BrokerId | null {
    const topicId = this.topicId;
    const registration = topicId === null ? undefined : this.image.partition(topicId, partition % this.partitions);
    return registration === undefined || registration.leader < 0 ? null : registration.leader;
  }

  /** Cuts `id` off (both ways, or one) from every controller and broker for `forMs`, then heals the network. */
  isolate(id: NodeId, forMs: number, direction: IsolationDirection = 'both'): void {
    this.count(id <= this.controllerIds.length ? 'isolate-controller' : 'isolate-broker');
    this.ms.isolate(id, direction);
    this.healLater(forMs);
  }

  /** Splits the cluster in two groups for `forMs`. */
  partitionNetwork(groups: readonly (readonly NodeId[])[], forMs: number): void {
    this.count('partition');
    this.ms.partition(groups);
    this.healLater(forMs);
  }

  /** Every link follows `rule` (a loss or delay burst) for `forMs`. */
  setLinkRule(rule: LinkRule, forMs: number): void {
    this.count('lossy');
    this.ms.setLinkRule(rule);
    this.healLater(forMs);
  }

  /** The active controller resigns its Raft leadership (a graceful failover). */
  resignController(): void {
    const active = this.ms.activeController();
    if (active === null) return;
    this.count('resign-controller');
    this.ms.sim.node(active).raft?.resign();
  }

  /** Heals the network and restarts every node that is down. */
  /**
   * The broker's next fsync fails with EIO: the BrokerNode must halt (acknowledging nothing more), and
   * its process exits — a crash of the node, restarted `restartAfterMs` later (or at the heal).
   */
  failNextFsync(id: BrokerId, restartAfterMs: number | null): void {
    if (!this.running.has(id)) return;
    this.count('fsync-eio-armed');
    this.haltRestarts.set(id, restartAfterMs);
    this.disk(id).failNextFsync();
    this.note(`FAULT broker ${id}'s next fsync will fail with EIO`);
  }

  private onHalt(id: BrokerId, incarnation: number, error: Error): void {
    this.count('halt');
    this.note(`broker ${id} halts: ${error.message}`);
    // Its listeners are closing: nothing reaches it from here on. The process exits a little later,
    // once the halt path (BrokerNode.stop while halting) has run.
    this.running.delete(id);
    this.schedule(this.now + HALT_EXIT_MS, `node ${id} exits after halting`, () => {
      const process = this.ms.sim.node(id);
      if (process.incarnation !== incarnation || !process.up) return;
      const restartAfterMs = this.haltRestarts.get(id) ?? (this.healed ? 0 : null);
      this.haltRestarts.delete(id);
      this.crash(id, restartAfterMs);
    });
  }

  healAll(): void {
    this.healed = true;
    for (const disk of this.disks.values()) disk.cancelFsyncFailure();
    this.ms.healNetwork();
    this.ms.restartAll();
    this.note('every fault healed');
  }

  /** Arms noElectionWhileLeaderAnswers from now on (null disarms). */
  armCalm(armed: boolean): void {
    this.memory.calmEpoch = armed ? this.quorumEpoch() : null;
  }

  coverage(): ClusterCoverage {
    const activations = this.ms.events.filter((e) => e.event.kind === 'activated').length;
    return {
      acknowledged: this.records.ackedCount,
      consumed: this.records.consumedCount,
      controllerFailovers: Math.max(0, activations - 1),
      raftElections: this.ms.sim.coverage().leadersElected,
      leaderElections: this.managerLogs.get('became leader') ?? 0,
      isrShrinks: this.managerLogs.get('shrinking ISR') ?? 0,
      isrExpands: this.managerLogs.get('expanding ISR') ?? 0,
      truncations: this.managerLogs.get('truncated divergent tail') ?? 0,
      brokerFencings: this.ms.events.filter((e) => e.event.kind === 'fenced').length,
      faults: Object.fromEntries(this.faults),
    };
  }

  /** The highest Raft epoch any live metadata node is in. */
  quorumEpoch(): number {
    let epoch = 0;
    for (const id of this.ms.sim.nodeIds) epoch = Math.max(epoch, this.ms.sim.node(id).status()?.epoch ?? 0);
    return epoch;
  }

  private healLater(forMs: number): void {
    this.schedule(this.now + forMs, 'the network heals', () => this.ms.healNetwork());
  }

  private count(kind: string): void {
    this.faults.set(kind, (this.faults.get(kind) ?? 0) + 1);
  }

  // ------------------------------------------------------------------ broker processes

  /**
   * A broker's process: the MetadataNode (an observer) and the BrokerNode on it, both on the
   * simulated process's scheduler; the node's RaftNode is started exactly as the simulation asked.
   */
  private launchBroker(raftOptions: RaftNodeOptions, node: NodeId, incarnation: number, loader: MetadataSimMachine): Promise<RaftNode> {
    const scheduler = raftOptions.scheduler;
    if (scheduler === undefined) throw new Error('the simulation gives every process its scheduler');
    const settings = this.brokerSettings;
    const random = new SeededRandom(deriveSeed(this.options.seed, 'broker-process', node, incarnation));
    const disk = this.disk(node);
    disk.useFsync((done) => scheduler.setTimeout(done, random.int(0, settings.fsyncMaxMs)));
    const network = new SimBrokerNetwork(node, scheduler, this.rpc, (peer) => this.running.get(peer)?.broker ?? null);
    // The broker's controller client: the controller it last heard lead, the one a NOT_CONTROLLER
    // names, or the next one after a refusal without a name or a request that went unanswered.
    let target = this.controllerIds[random.int(0, this.controllerIds.length - 1)]!;
    const rotate = (from: NodeId): void => {
      if (target === from) target = this.controllerIds[(this.controllerIds.indexOf(from) + 1) % this.controllerIds.length]!;
    };
    const { controllers, admin } = simControllerChannels({
      send: (request, onReply) => {
        const to = target;
        let answered = false;
        this.ms.channel.send(node, to, request, (reply) => {
          answered = true;
          if (!reply.result.ok && reply.result.error.code === 'NOT_CONTROLLER') {
            const hint = reply.result.error.leaderId;
            if (this.controllerIds.includes(hint) && hint !== to) target = hint;
            else rotate(to);
          }
          onReply(reply);
        });
        scheduler.setTimeout(() => {
          if (!answered) rotate(to);
        }, settings.controllerRequestTimeoutMs);
      },
      scheduler,
      timeoutMs: settings.controllerRequestTimeoutMs,
      onAlterPartitionAnswer: () => undefined,
    });
    const incarnationId = `broker-${node}-incarnation-${incarnation}`;
    const current = (): boolean => this.ms.sim.node(node).incarnation === incarnation && this.ms.sim.node(node).up;
    return MetadataNode.start({
      nodeId: node,
      voters: raftOptions.voters ?? this.controllerIds,
      storage: raftOptions.storage,
      transport: raftOptions.transport,
      clusterId: SIM_CLUSTER_ID,
      ...(raftOptions.config === undefined ? {} : { raft: raftOptions.config }),
      ...(raftOptions.snapshotEveryBytes === undefined ? {} : { snapshotEveryBytes: raftOptions.snapshotEveryBytes }),
      ...(raftOptions.logger === undefined ? {} : { logger: raftOptions.logger }),
      ...(raftOptions.metrics === undefined ? {} : { raftMetrics: raftOptions.metrics }),
      scheduler,
      loader,
      startRaft: (options) => RaftNode.start({ ...options, stateMachine: raftOptions.stateMachine }),
    }).then(async (metadata) => {
      const broker = await BrokerNode.start({
        nodeId: node,
        clusterId: SIM_CLUSTER_ID,
        logDir: `/sim/broker-${node}`,
        metadata,
        controllers,
        admin,
        listen: `broker-${node}:9092`,
        replicationListen: `broker-${node}:9093`,
        replica: settings.replicaManager,
        heartbeatIntervalMs: settings.heartbeatIntervalMs,
        logger: traceLogger(`broker ${node}`, (text) => this.note(text), (message) => this.managerLogs.set(message, (this.managerLogs.get(message) ?? 0) + 1)),
        scheduler,
        logs: simLogDirectory(disk, settings),
        network,
        incarnationId,
      });
      if (current()) {
        if (!settings.flushBeforeEachFetch) injectFetchWithoutFlush(broker.manager);
        this.running.set(node, { incarnation, incarnationId, metadata, broker, network });
        void broker.halted.then((error) => {
          if (current()) this.onHalt(node, incarnation, error);
        });
      }
      return metadata.raft;
    });
  }

  private onBrokerCrash(node: NodeId): void {
    this.running.delete(node);
    const disk = this.disks.get(node);
    if (disk === undefined) return;
    const torn = (): number => disk.allLogs().reduce((n, log) => n + log.tornTailsCut, 0);
    const before = torn();
    disk.crash();
    if (torn() > before) this.count('torn-write-cut');
  }

  /** A produce to `broker`; an acks=all success is held to acknowledgedOnEveryIsrMember as it leaves. */
  private serveProduce(broker: BrokerId, request: ProduceRequest): Promise<ProduceResponse> | null {
    const running = this.running.get(broker);
    if (running === undefined) return null;
    return running.broker.produce(request).then((response) => {
      const topicId = this.topicId;
      if (request.acks !== -1 || topicId === null || this.running.get(broker) !== running) return response;
      for (const topic of response.topics) {
        const sent = request.topics.find((t) => t.name === topic.name);
        for (const answer of topic.partitions) {
          const records = sent?.partitions.find((p) => p.partition === answer.partition)?.records;
          if (answer.errorCode !== 0 || records === undefined || records === null) continue;
          const lastOffset = answer.baseOffset + decodeRecordBatch(records).header.lastOffsetDelta;
          this.failures.push(...acknowledgedOnEveryIsrMember(broker, running.broker.manager, topicId, answer.partition, lastOffset, (id) => this.disk(id)));
        }
      }
      return response;
    });
  }

  // ------------------------------------------------------------------ invariants

  private check(now: number): readonly Violation[] {
    const topicId = this.topicId;
    const brokers = this.brokerIds.map((id) => {
      const running = this.running.get(id);
      return { id, manager: running !== undefined && running.broker.serving ? running.broker.manager : null };
    });
    const violations: Violation[] = [...this.failures.splice(0)];
    violations.push(
      ...checkReplicationInvariants(
        {
          time: now,
          topicId,
          partitions: this.partitions,
          image: this.image,
          brokers: brokers.map(({ id, manager }) => ({ id, node: manager === null ? null : { manager }, disk: this.disk(id) })),
          records: this.records,
        },
        this.replicationMemory,
      ),
    );
    violations.push(...oneLeaderPerLeaderEpoch(this.memory, this.image, topicId, this.partitions, brokers));
    const events = this.ms.events;
    for (; this.eventsSeen < events.length; this.eventsSeen++) {
      const { node, time, event } = events[this.eventsSeen]!;
      if (event.kind !== 'fenced') continue;
      const epoch = this.image.brokers.get(event.brokerId)?.epoch ?? -1;
      violations.push(...brokerWithLiveHeartbeatsNeverFenced(this.memory, node, event.brokerId, epoch, time, CLUSTER_SESSION_TIMEOUT_MS));
    }
    violations.push(...noElectionWhileLeaderAnswers(this.memory, this.quorumEpoch(), this.ms.sim.leader()));
    return violations;
  }
}
