/**
 * Broker replication in one process on a simulated clock: one controller (a real QuorumController,
 * see SimController), three brokers each the BrokerNode that ships — ReplicaManager, replica
 * fetchers, lifecycle, AlterPartition sender — over MemoryLogs and the simulated clock and network
 * (SimBrokerProcess), a producer sending acks=all batches, a consumer per partition and a client
 * deleting records now and then (DeleteRecords), all talking
 * over a simulated network whose links can be slowed, made lossy or cut — between any two brokers,
 * and between a broker and the controller or the clients.
 *
 * Events run in time order from one queue. The broker node is promise-based, so after each event
 * the loop lets every promise it resolved run to the end (they only ever schedule further events)
 * before it checks every invariant (replication-invariants.ts); a violation stops the run and is
 * recorded with its time and the trace up to it. Every random choice comes from the seed.
 */
import type { NodeId } from '@kz/raft';
import { EventQueue, SeededRandom, SimNetwork, Trace, deriveSeed, type LinkRule, type Violation } from '@kz/raft/testing';
import { SimControllerRpcs } from '@kz/metadata/testing';
import { kafkaErrorName, type BrokerId, type ControllerReply, type ControllerRequest, type CreateTopicsResponse, type MetadataImage } from '@kz/metadata';
import type { DeleteRecordsResponse } from '../protocol/delete-records';
import { DEFAULT_REPLICA_FETCH_CONFIG } from '../replication/fetch-request-builder';
import { AcknowledgedRecords } from './acknowledged-records';
import { ClientMetadata } from './client-metadata';
import { logKey, MemoryLogDirectory, type BitFlip } from './memory-log-directory';
import { checkReplicationInvariants, newReplicationInvariantMemory, type BrokerView, type ReplicationInvariantMemory, type ReplicationView } from './replication-invariants';
import { RpcChannel } from './rpc-channel';
import { SimBrokerProcess, type BrokerNodeSettings } from './sim-broker-process';
import { SimConsumers, type ConsumerSettings } from './sim-consumer';
import { SimController } from './sim-controller';
import { SimProducer, type ProducerSettings } from './sim-producer';
import { deleteAnsweredAfterReplicasDeleted } from './delete-records-invariant';

export const SIM_TOPIC = 'events';
export const SIM_CLUSTER_ID = 'kz-broker-sim';
/** The controller's and the clients' places on the network (brokers are 1, 2, 3). */
export const CONTROLLER_NODE: NodeId = 100;
export const CLIENT_NODE: NodeId = 200;

/** How long a halted broker's process takes to exit. */
const HALT_EXIT_MS = 200;

/** broker.session.timeout.ms here: six heartbeats, so one lost heartbeat never fences a live broker. */
export const SIM_SESSION_TIMEOUT_MS = 3000;
/** replica.lag.time.max.ms here (Kafka's is 30 s): a stalled follower leaves the ISR within seconds. */
export const SIM_REPLICA_LAG_TIME_MAX_MS = 2000;

export const DEFAULT_BROKER_NODE_SETTINGS: BrokerNodeSettings = {
  heartbeatIntervalMs: 500,
  controllerRequestTimeoutMs: 1000,
  replicaManager: {
    replicaLagTimeMaxMs: SIM_REPLICA_LAG_TIME_MAX_MS,
    replicaFetch: { ...DEFAULT_REPLICA_FETCH_CONFIG, replicaFetchWaitMaxMs: 300 },
    replicaFetchBackoffMs: 200,
    // Kafka's is 5 s; faults here come every few seconds, and a crash should usually find a recent checkpoint.
    highWatermarkCheckpointIntervalMs: 1000,
  },
  fsyncMaxMs: 3,
  flushBeforeEachFetch: true,
  readHighWatermarkCheckpoint: true,
  metadataFetchTimeoutMs: 2000,
  metadataApplyDelayMaxMs: 0,
};

export const DEFAULT_PRODUCER_SETTINGS: ProducerSettings = { intervalMs: 100, maxRecordsPerBatch: 3, maxInFlight: 1, ackTimeoutMs: 1500, requestTimeoutMs: 3000, retryBackoffMs: 100 };
export const DEFAULT_CONSUMER_SETTINGS: ConsumerSettings = { maxWaitMs: 300, requestTimeoutMs: 2000, retryBackoffMs: 100 };

export interface BrokerSimulationOptions {
  readonly seed: number;
  /** Partitions of the one topic (RF 3, min.insync.replicas 2, unclean election off). Default 1. */
  readonly partitions?: number;
  readonly brokers?: number;
  readonly broker?: Partial<BrokerNodeSettings>;
  readonly producer?: Partial<ProducerSettings>;
  readonly consumer?: Partial<ConsumerSettings>;
  /** At a crash, each log with an unflushed tail kept part of it, the next batch torn, with this chance. Default 0. */
  readonly tornWriteRate?: number;
  /** Seconds between the controller's leader-imbalance checks (which also elect leaderless partitions). Default 10. */
  readonly leaderImbalanceCheckSeconds?: number;
  readonly traceSink?: (line: string) => void;
}

/** Where a broker is cut off from: everyone (brokers, controller, clients), the cluster (brokers and controller), or the controller alone. */
export type IsolationScope = 'everyone' | 'cluster' | 'controller';

type SimEvent = { readonly label: string; readonly run: () => void };

export class BrokerSimulation {
  readonly trace: Trace;
  readonly network: SimNetwork;
  readonly brokerIds: readonly BrokerId[];
  readonly partitions: number;
  readonly controller: SimController;
  readonly records: AcknowledgedRecords;
  readonly metadata: ClientMetadata;
  readonly producer: SimProducer;
  readonly consumers: SimConsumers;
  readonly memory: ReplicationInvariantMemory = newReplicationInvariantMemory();
  readonly violations: Violation[] = [];
  readonly brokerSettings: BrokerNodeSettings;
  private readonly queue = new EventQueue<SimEvent>();
  private readonly controllerChannel: SimControllerRpcs;
  private readonly rpc: RpcChannel;
  private readonly disks = new Map<BrokerId, MemoryLogDirectory>();
  private readonly nodes = new Map<BrokerId, SimBrokerProcess>();
  private readonly incarnations = new Map<BrokerId, number>();
  /** When a broker whose fsync was made to fail restarts after it halts (null: at the heal). */
  private readonly haltRestarts = new Map<BrokerId, number | null>();
  private healed = false;
  private readonly adminWaiters = new Map<number, (reply: ControllerReply) => void>();
  private readonly failures: Violation[] = [];
  private nextAdminId = 1_000_000;
  private cuts: { readonly links: readonly { readonly from: NodeId; readonly to: NodeId }[]; readonly until: number }[] = [];
  private linkRule: { readonly rule: LinkRule; readonly until: number } | null = null;
  /** The ReplicaManagers' log lines by message ("became leader", "truncated divergent tail", ...), for coverage. */
  readonly managerLogs = new Map<string, number>();
  /** How AlterPartition items were answered: NONE, or the error code (REQUEST_TIMED_OUT when no answer came). */
  readonly alterPartitionAnswers = new Map<string, number>();
  /** How DeleteRecords requests were answered, by Kafka error name (lost ones are not counted). */
  readonly deleteRecordsAnswers = new Map<string, number>();
  private nowValue = 0;
  /** Events run so far. */
  events = 0;
  /** Faults injected so far, by kind, for coverage. */
  readonly faults = new Map<string, number>();

  constructor(readonly options: BrokerSimulationOptions) {
    const seed = options.seed;
    this.partitions = options.partitions ?? 1;
    this.brokerIds = Array.from({ length: options.brokers ?? 3 }, (_, i) => i + 1);
    this.brokerSettings = { ...DEFAULT_BROKER_NODE_SETTINGS, ...options.broker };
    this.trace = new Trace(300, options.traceSink);
    this.network = new SimNetwork(new SeededRandom(deriveSeed(seed, 'network')), () => {
      throw new Error('the broker simulation sends nothing through SimNetwork.send; it only keeps the links there');
    });
    const random = (label: string, ...more: (string | number)[]): SeededRandom => new SeededRandom(deriveSeed(seed, label, ...more));
    this.controllerChannel = new SimControllerRpcs({
      network: this.network,
      random: random('controller-rpc'),
      now: () => this.now,
      schedule: (at, label, run) => this.schedule(at, label, run),
      incarnationOf: (node) => this.incarnationOf(node),
      registeredEpoch: (brokerId) => this.controller.image.brokers.get(brokerId)?.epoch ?? null,
      deliver: (to, requestId, request) => {
        if (to !== CONTROLLER_NODE) return false;
        this.controller.submit(requestId, request);
        return true;
      },
    });
    this.rpc = new RpcChannel({
      network: this.network,
      random: random('rpc'),
      now: () => this.now,
      schedule: (at, label, run) => this.schedule(at, label, run),
      incarnationOf: (node) => this.incarnationOf(node),
      onError: (error) => this.fail('harnessThrew', error instanceof Error ? (error.stack ?? error.message) : String(error)),
    });
    this.controller = new SimController({
      nodeId: CONTROLLER_NODE,
      random: random('controller'),
      config: {
        clusterId: SIM_CLUSTER_ID,
        sessionTimeoutMs: SIM_SESSION_TIMEOUT_MS,
        staticBrokerConfigs: new Map([['leader.imbalance.check.interval.seconds', String(options.leaderImbalanceCheckSeconds ?? 10)]]),
      },
      commitDelayMs: { min: 1, max: 5 },
      metadataLongPollMs: 500,
      now: () => this.now,
      schedule: (at, label, run) => this.schedule(at, label, run),
      reply: (reply) => {
        const waiter = this.adminWaiters.get(reply.requestId);
        if (waiter === undefined) this.controllerChannel.reply(CONTROLLER_NODE, reply);
        else {
          this.adminWaiters.delete(reply.requestId);
          waiter(reply);
        }
      },
      trace: (text) => this.note(text),
      fail: (invariant, message) => this.fail(invariant, message),
    });
    this.records = new AcknowledgedRecords(this.partitions);
    this.metadata = new ClientMetadata({
      clientId: CLIENT_NODE,
      topic: SIM_TOPIC,
      brokers: this.brokerIds,
      random: random('client-metadata'),
      rpc: this.rpc,
      serveMetadata: (broker) => {
        const node = this.nodes.get(broker);
        return node === undefined ? null : Promise.resolve(node.image);
      },
      now: () => this.now,
      schedule: (at, label, run) => this.schedule(at, label, run),
    });
    this.producer = new SimProducer({
      clientId: CLIENT_NODE,
      topic: SIM_TOPIC,
      partitions: this.partitions,
      settings: { ...DEFAULT_PRODUCER_SETTINGS, ...options.producer },
      random: random('producer'),
      rpc: this.rpc,
      metadata: this.metadata,
      records: this.records,
      serveProduce: (broker, request) => this.nodes.get(broker)?.node?.produce(request) ?? null,
      now: () => this.now,
      schedule: (at, label, run) => this.schedule(at, label, run),
      trace: (text) => this.note(text),
    });
    this.consumers = new SimConsumers({
      clientId: CLIENT_NODE,
      partitions: this.partitions,
      settings: { ...DEFAULT_CONSUMER_SETTINGS, ...options.consumer },
      rpc: this.rpc,
      metadata: this.metadata,
      records: this.records,
      serveFetch: (broker, request) => this.nodes.get(broker)?.node?.fetch(request) ?? null,
      now: () => this.now,
      schedule: (at, label, run) => this.schedule(at, label, run),
    });
    for (const id of this.brokerIds) {
      const disk = new MemoryLogDirectory();
      if ((options.tornWriteRate ?? 0) > 0) disk.tornTails = { random: random('torn-writes', id), rate: options.tornWriteRate! };
      this.disks.set(id, disk);
    }
  }

  get now(): number {
    return this.nowValue;
  }

  get violated(): boolean {
    return this.violations.length > 0;
  }

  /** The controller's committed image: what the cluster has decided. */
  get image(): MetadataImage {
    return this.controller.image;
  }

  get topicId(): string | null {
    return this.controller.image.topic(SIM_TOPIC)?.id ?? null;
  }

  /** The running incarnation of a broker, or null while it is down. */
  node(id: BrokerId): SimBrokerProcess | null {
    return this.nodes.get(id) ?? null;
  }

  /** A broker's disk (it outlives crashes). */
  disk(id: BrokerId): MemoryLogDirectory {
    return this.disks.get(id)!;
  }

  schedule(at: number, label: string, run: () => void): void {
    this.queue.push(Math.max(at, this.now), { label, run });
  }

  note(text: string): void {
    this.trace.record(this.now, text);
  }

  // ------------------------------------------------------------------ the story's beginning

  /**
   * Boots the controller and the brokers, creates the topic once every broker is unfenced, and
   * starts the producer and the consumers once every partition has a leader that leads it.
   */
  async setUp(): Promise<void> {
    this.controller.start();
    for (const id of this.brokerIds) this.startBroker(id);
    await this.runUntilOrFail('every broker unfenced', () => this.brokerIds.every((id) => this.unfenced(id)), 20_000);
    const reply = await this.admin({
      kind: 'createTopics',
      body: { topics: [{ name: SIM_TOPIC, numPartitions: this.partitions, replicationFactor: 3, configs: { 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'false' } }] },
    });
    const topic = reply.result.ok ? (reply.result.value as CreateTopicsResponse).topics[0] : undefined;
    if (topic === undefined || topic.error !== null) throw new Error(`createTopics failed: ${JSON.stringify(reply.result)}`);
    await this.runUntilOrFail('every partition led', () => this.allPartitionsLed(), 20_000);
    this.metadata.refresh();
    this.producer.start();
    this.consumers.start();
  }

  /** Sends an admin request straight to the controller and runs until it is answered. */
  async admin(request: ControllerRequest): Promise<ControllerReply> {
    const id = this.nextAdminId++;
    let answer: ControllerReply | null = null;
    this.adminWaiters.set(id, (reply) => {
      answer = reply;
    });
    this.controller.submit(id, request);
    await this.runUntilOrFail(`the answer to ${request.kind}`, () => answer !== null, 10_000);
    return answer!;
  }

  /** True when the broker's running incarnation is registered in the committed image and unfenced. */
  unfenced(id: BrokerId): boolean {
    const node = this.nodes.get(id);
    const registered = this.controller.image.brokers.get(id);
    return node !== undefined && registered !== undefined && registered.incarnationId === node.incarnationId && !registered.fenced;
  }

  /** Every partition has a leader in the committed image, and that broker leads it at that epoch. */
  allPartitionsLed(): boolean {
    const topicId = this.topicId;
    if (topicId === null) return false;
    for (let p = 0; p < this.partitions; p++) {
      const registration = this.controller.image.partition(topicId, p);
      if (registration === undefined || registration.leader < 0) return false;
      const state = this.nodes.get(registration.leader)?.node?.manager.partition(topicId, p)?.leader ?? null;
      if (state === null || state.leaderEpoch !== registration.leaderEpoch) return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ faults

  /**
   * An operator moves partition `partition`'s replicas to `replicas` (KIP-455). Submitted and not
   * waited for: the controller finishes it once the replicas being added have joined the ISR, while
   * the other faults go on. A refusal (no active controller just then) is an operator's retry away.
   */
  reassign(partition: number, replicas: readonly BrokerId[]): void {
    if (this.dropsLastSoundHolder(partition % this.partitions, replicas)) {
      this.count('reassign-refused');
      return;
    }
    this.count('reassign');
    const id = this.nextAdminId++;
    this.adminWaiters.set(id, () => undefined);
    this.controller.submit(id, {
      kind: 'alterPartitionReassignments',
      body: { reassignments: [{ topic: SIM_TOPIC, partitionId: partition % this.partitions, replicas: [...replicas] }] },
    });
  }

  /**
   * A client deletes partition `partition`'s records (DeleteRecords to the leader its metadata
   * names) below the offset just past the acknowledged record `fraction` of the way along the
   * acknowledged ones. The request is recorded as it leaves: the leader moves its log start when it
   * gets it, whether or not the answer comes back. Not waited for, as the other faults.
   */
  deleteRecords(partition: number, fraction: number): void {
    const p = partition % this.partitions;
    const acked = this.records.acked(p);
    const leader = this.metadata.leader(p);
    if (acked.length === 0 || leader === undefined) return;
    const offset = acked[Math.floor(fraction * (acked.length - 1))]!.offset + 1;
    this.count('delete-records');
    this.records.onDeleteRequested(p, offset);
    this.note(`client asks broker ${leader.leaderId} to delete partition ${p}'s records below ${offset}`);
    const request = { timeoutMs: 2000, topics: [{ name: SIM_TOPIC, partitions: [{ partition: p, offset }] }] };
    const serve = (): Promise<DeleteRecordsResponse> | null => {
      const node = this.nodes.get(leader.leaderId)?.node;
      if (node === undefined || node === null) return null;
      return node.deleteRecords(request).then((response) => {
        this.failures.push(...deleteAnsweredAfterReplicasDeleted(leader.leaderId, node.manager, SIM_TOPIC, p, offset, response, (id) => this.disks.get(id)));
        return response;
      });
    };
    this.rpc.call<DeleteRecordsResponse>(CLIENT_NODE, leader.leaderId, 'delete records', serve, (response) => {
      const answer = response.topics[0]?.partitions[0];
      const name = answer === undefined ? 'NO_ANSWER' : answer.errorCode === 0 ? 'NONE' : kafkaErrorName(answer.errorCode);
      this.deleteRecordsAnswers.set(name, (this.deleteRecordsAnswers.get(name) ?? 0) + 1);
      this.note(`DeleteRecords of partition ${p} below ${offset} answered ${name}, low watermark ${answer?.lowWatermark ?? -1}`);
    });
  }

  /**
   * The broker loses power: its process is gone and its logs keep only what was flushed (and what a
   * torn write got to the disk, which recovery cuts at the torn batch); `flips` damage flushed batches.
   */
  crash(id: BrokerId, flips: readonly BitFlip[] = [], kind = 'crash'): void {
    const node = this.nodes.get(id);
    if (node === undefined) return;
    this.count(kind);
    node.retire();
    this.nodes.delete(id);
    const lost = this.describeUnflushed(id);
    const disk = this.disks.get(id)!;
    const before = diskDamageCounts(disk);
    disk.crash(flips);
    const after = diskDamageCounts(disk);
    if (after.torn > before.torn) this.count('torn-write-cut');
    if (after.kept > before.kept) this.count('unflushed-batches-survived');
    if (after.corrupt > before.corrupt) this.count('corrupt-batch-cut');
    this.note(`FAULT broker ${id} ${kind === 'exits after halting' ? kind : 'crashes'}${lost}${flips.length > 0 ? `, a bit flipped in ${flips.map((f) => f.key).join(', ')}` : ''}`);
  }

  /**
   * The broker's next fsync fails with EIO. The broker must halt (BrokerNode.halted: it cannot make
   * anything durable, so it must acknowledge nothing more); when it does, its process is gone as in
   * a crash, and it is restarted `restartAfterMs` later (or at the heal), on a disk that works again.
   */
  failNextFsync(id: BrokerId, restartAfterMs: number | null): void {
    if (this.nodes.get(id) === undefined) return;
    this.count('fsync-eio-armed');
    this.haltRestarts.set(id, restartAfterMs);
    this.disks.get(id)!.failNextFsync();
    this.note(`FAULT broker ${id}'s next fsync will fail with EIO`);
  }

  private onHalt(id: BrokerId, node: SimBrokerProcess, error: Error): void {
    this.count('halt');
    this.note(`broker ${id} halts: ${error.message}`);
    // The process exits a little later — time for the shipped halt path (BrokerNode.stop while
    // halting: the fetchers and network stop, the logs close unflushed) to run to its end; nothing
    // of it runs after that.
    this.schedule(this.now + HALT_EXIT_MS, `broker ${id} exits after halting`, () => {
      if (this.nodes.get(id) !== node) return;
      this.crash(id, [], 'exits after halting');
      // After the heal nothing waits for it: a broker that halted then restarts at once.
      const restartAfterMs = this.haltRestarts.get(id) ?? (this.healed ? 0 : null);
      this.haltRestarts.delete(id);
      if (restartAfterMs !== null) this.schedule(this.now + restartAfterMs, `broker ${id} restarts`, () => this.restart(id));
    });
  }

  /**
   * Crashes the leader of `partition` with a bit flipped in a flushed batch of its log — committed
   * records included: recovery cuts the log there, the restarted broker reports the replica damaged
   * at its registration (RegisterBrokerRequest.damagedReplicas) and the controller takes it out of
   * the ISR and ELR, so it cannot lead with acknowledged records missing. Drawn only while another
   * member of the ISR or ELR, whose own log no unreported cut has damaged and whom the leader is not
   * removing from the ISR, holds every committed record (the protocol's guarantee for both): with none, the flip would take the last copy the
   * controller knows of, which no replication survives (flips on all three replicas in a row did, on
   * `broker-sim --seed 777`), and the partition would wait for an unclean election (`bit-flip-refused`).
   * Returns the broker crashed, or null.
   */
  crashFlippingBit(partition: number, where: number, at: number): BrokerId | null {
    const topicId = this.topicId;
    const p = partition % this.partitions;
    const registration = topicId === null ? undefined : this.image.partition(topicId, p);
    if (topicId === null || registration === undefined || registration.leader < 0 || !this.nodes.has(registration.leader)) return null;
    const leader = registration.leader;
    const log = this.disks.get(leader)!.log(topicId, p);
    // Not a member the leader is removing: its AlterPartition may commit after the crash, and a
    // member that fell behind leaves the ISR for good (it joins no ELR), leaving the flipped log the
    // controller's last copy (`broker-sim --seed 1917004502`).
    const isrState = this.nodes.get(leader)?.node?.manager.partition(topicId, p)?.leader?.isrState;
    const leaving = isrState?.kind === 'pending-shrink' ? isrState.removing : [];
    const holder = [...registration.isr, ...registration.eligibleLeaderReplicas].some(
      (id) => id !== leader && !leaving.includes(id) && !this.disks.get(id)!.damageUnreported(topicId, p),
    );
    // Below the checkpointed HW, where the broker counts a cut as damage (cutBelowCheckpointedHighWatermark):
    // a flip in records committed after the last checkpoint would go unreported (a double fault kz leaves open).
    const checkpointed = this.disks.get(leader)!.checkpointedHighWatermarks().get(logKey(topicId, p)) ?? 0;
    const belowOffset = Math.min(log?.recoveryPoint ?? 0, checkpointed);
    if (log === undefined || !holder || !log.storedBatches.some((b) => b.lastOffset < belowOffset)) {
      this.count('bit-flip-refused');
      return null;
    }
    // Committed records or not: the flip may hit acknowledged ones.
    const acked = this.records.acked(p);
    const committed = acked.length === 0 ? 0 : Math.max(...acked.map((r) => r.offset)) + 1;
    this.crash(leader, [{ key: logKey(topicId, p), fromOffset: log.logStartOffset, belowOffset, where, at }], 'crash-with-bit-flip');
    if (log.logEndOffset < committed) this.count('bit-flip-cut-acknowledged');
    return leader;
  }

  /**
   * Whether moving `p` to `replicas` would leave in its ISR and ELR only logs a flipped bit damaged
   * and no restart has reported yet: the operator would remove the last sound copy while the
   * controller still counts the damaged one — the double fault `crashFlippingBit` refuses
   * (`broker-sim --seed 1993494608`: the flip was drawn with a sound ISR member, which the next
   * step's reassignment then removed). Not drawn either.
   */
  private dropsLastSoundHolder(p: number, replicas: readonly BrokerId[]): boolean {
    const topicId = this.topicId;
    const registration = topicId === null ? undefined : this.image.partition(topicId, p);
    if (topicId === null || registration === undefined) return false;
    const holders = [...registration.isr, ...registration.eligibleLeaderReplicas];
    const sound = (id: BrokerId): boolean => !this.disks.get(id)!.damageUnreported(topicId, p);
    return holders.some((id) => !sound(id)) && !holders.some((id) => sound(id) && replicas.includes(id));
  }

  /** Starts a new incarnation of a crashed broker over what its disk kept. */
  restart(id: BrokerId): void {
    if (this.nodes.has(id)) return;
    this.count('restart');
    this.note(`broker ${id} restarts`);
    this.startBroker(id);
  }

  /** Cuts a broker off from `scope` (both ways) for `forMs`, or until the network heals. */
  isolate(id: BrokerId, scope: IsolationScope, forMs = Number.POSITIVE_INFINITY): void {
    this.count(`isolate-${scope}`);
    const others: NodeId[] = scope === 'controller' ? [CONTROLLER_NODE] : [...this.brokerIds.filter((b) => b !== id), CONTROLLER_NODE, ...(scope === 'everyone' ? [CLIENT_NODE] : [])];
    this.addCut(others.flatMap((other) => [{ from: id, to: other }, { from: other, to: id }]), forMs);
    const whom = scope === 'everyone' ? 'everyone' : scope === 'cluster' ? 'the other brokers and the controller' : 'the controller';
    this.note(`FAULT broker ${id} cut off from ${whom}${forMs === Number.POSITIVE_INFINITY ? '' : ` for ${forMs}ms`}`);
  }

  /** Cuts the links between two brokers, both ways, for `forMs`. */
  cutBetween(a: BrokerId, b: BrokerId, forMs = Number.POSITIVE_INFINITY): void {
    this.count('cut-link');
    this.addCut([{ from: a, to: b }, { from: b, to: a }], forMs);
    this.note(`FAULT link ${a} <-> ${b} cut${forMs === Number.POSITIVE_INFINITY ? '' : ` for ${forMs}ms`}`);
  }

  stallFetchers(id: BrokerId, forMs: number): void {
    this.count('stall');
    this.nodes.get(id)?.stallFetchers(this.now + forMs);
    this.note(`FAULT broker ${id}'s replica fetchers stall for ${forMs}ms`);
  }

  /** Every link follows `rule` (a loss or delay burst) for `forMs`. */
  setLinkRule(rule: LinkRule, forMs = Number.POSITIVE_INFINITY): void {
    this.count('link-rule');
    const until = this.now + forMs;
    this.linkRule = { rule, until };
    this.applyNetworkFaults();
    if (Number.isFinite(until)) this.schedule(until, 'link rule ends', () => this.applyNetworkFaults());
    this.note(`FAULT every link: drop ${rule.dropRate}, delay ${rule.minDelayMs}-${rule.maxDelayMs}ms${Number.isFinite(forMs) ? ` for ${forMs}ms` : ''}`);
  }

  healNetwork(): void {
    this.cuts = [];
    this.linkRule = null;
    this.applyNetworkFaults();
    this.note('network healed');
  }

  private addCut(links: readonly { readonly from: NodeId; readonly to: NodeId }[], forMs: number): void {
    const until = this.now + forMs;
    this.cuts.push({ links, until });
    this.applyNetworkFaults();
    if (Number.isFinite(until)) this.schedule(until, 'cut ends', () => this.applyNetworkFaults());
  }

  /** SimNetwork cuts links but cannot mend one: rebuild its state from the faults still in force. */
  private applyNetworkFaults(): void {
    this.cuts = this.cuts.filter((c) => c.until > this.now);
    if (this.linkRule !== null && this.linkRule.until <= this.now) this.linkRule = null;
    this.network.heal();
    if (this.linkRule !== null) this.network.setRule(this.linkRule.rule);
    for (const cut of this.cuts) for (const link of cut.links) this.network.cutLink(link.from, link.to);
  }

  /** Heals everything: the network, the stalled fetchers, and every broker that is down restarts. */
  healAll(): void {
    this.healed = true;
    this.healNetwork();
    // An fsync failure armed and not yet hit is a fault the heal ends.
    for (const disk of this.disks.values()) disk.cancelFsyncFailure();
    for (const id of this.brokerIds) {
      if (!this.nodes.has(id)) this.restart(id);
      else this.nodes.get(id)!.resumeFetchers();
    }
    this.note('every fault healed');
  }

  // ------------------------------------------------------------------ running

  /** Runs events up to `time` (inclusive); false if an invariant broke. */
  async runUntil(time: number): Promise<boolean> {
    while (!this.violated) {
      const at = this.queue.peekTime();
      if (at === undefined || at > time) break;
      await this.step();
    }
    if (!this.violated) this.nowValue = Math.max(this.nowValue, time);
    return !this.violated;
  }

  /** Runs until `condition` holds (checked after every event) or `deadline`; true if it held. */
  async runUntilTrue(condition: () => boolean, deadline: number): Promise<boolean> {
    if (condition()) return true;
    while (!this.violated) {
      const at = this.queue.peekTime();
      if (at === undefined || at > deadline) break;
      await this.step();
      if (condition()) return true;
    }
    if (!this.violated) this.nowValue = Math.max(this.nowValue, deadline);
    return false;
  }

  /** As runUntilTrue, but a condition that does not come is an error naming it (with the trace). */
  async runUntilOrFail(what: string, condition: () => boolean, withinMs: number): Promise<void> {
    if (await this.runUntilTrue(condition, this.now + withinMs)) return;
    const why = this.violated ? `violations:\n${this.violations.map((v) => `[${v.invariant}] ${v.message}`).join('\n')}` : `not within ${withinMs}ms`;
    throw new Error(`simulation stalled waiting for ${what} (${why})\n${this.trace.recent(80).join('\n')}`);
  }

  /** Records a violation found outside the per-event invariants (the checks after the heal). */
  reportViolation(violation: Violation): void {
    this.record([violation]);
  }

  /** What the brokers and their disks look like now, for the invariants. */
  view(): ReplicationView {
    const brokers: BrokerView[] = this.brokerIds.map((id) => {
      const node = this.nodes.get(id);
      const manager = node !== undefined && node.serving ? node.manager : null;
      return { id, node: manager === null ? null : { manager }, disk: this.disks.get(id)! };
    });
    return { time: this.now, topicId: this.topicId, partitions: this.partitions, image: this.controller.image, brokers, records: this.records };
  }

  private async step(): Promise<void> {
    const event = this.queue.pop()!;
    this.nowValue = Math.max(this.nowValue, event.at);
    this.events++;
    event.item.run();
    // What the event resolved runs in promise callbacks (the node's fetchers, produce answers): let
    // every one run to the end — nothing else can, no real timer or I/O is involved — before looking.
    await afterMicrotasks();
    this.controllerChannel.takeObservations();
    this.record([...this.failures.splice(0), ...checkReplicationInvariants(this.view(), this.memory)]);
  }

  private record(violations: readonly Violation[]): void {
    if (violations.length === 0) return;
    for (const v of violations) {
      const stamped = { ...v, time: v.time ?? this.now };
      this.violations.push(stamped);
      this.note(`VIOLATION [${stamped.invariant}] ${stamped.message}`);
    }
  }

  private fail(invariant: string, message: string): void {
    this.failures.push({ invariant, message });
  }

  private count(kind: string): void {
    this.faults.set(kind, (this.faults.get(kind) ?? 0) + 1);
  }

  private describeUnflushed(id: BrokerId): string {
    const topicId = this.topicId;
    if (topicId === null) return '';
    const parts: string[] = [];
    for (let p = 0; p < this.partitions; p++) {
      const log = this.disks.get(id)!.log(topicId, p);
      if (log !== undefined && log.logEndOffset > log.recoveryPoint) parts.push(`p${p} loses [${log.recoveryPoint}..${log.logEndOffset - 1}]`);
    }
    return parts.length === 0 ? '' : ` (unflushed: ${parts.join(', ')})`;
  }

  private startBroker(id: BrokerId): void {
    const incarnation = (this.incarnations.get(id) ?? 0) + 1;
    this.incarnations.set(id, incarnation);
    const node = new SimBrokerProcess({
      brokerId: id,
      incarnation,
      controllerId: CONTROLLER_NODE,
      clusterId: SIM_CLUSTER_ID,
      settings: this.brokerSettings,
      random: new SeededRandom(deriveSeed(this.options.seed, 'broker', id, incarnation)),
      clock: { now: () => this.now, at: (time, run, live) => this.schedule(time, `broker ${id} timer`, () => {
          if (live()) run();
        }) },
      disk: this.disks.get(id)!,
      controller: this.controller,
      controllerRpc: this.controllerChannel,
      rpc: this.rpc,
      trace: (text) => this.note(text),
      onLog: (message) => this.managerLogs.set(message, (this.managerLogs.get(message) ?? 0) + 1),
      onAlterPartitionAnswer: (code) => this.alterPartitionAnswers.set(code, (this.alterPartitionAnswers.get(code) ?? 0) + 1),
      peer: (peer) => this.nodes.get(peer)?.node ?? null,
      onHalt: (error) => this.onHalt(id, node, error),
    });
    this.nodes.set(id, node);
    node.start();
  }

  private incarnationOf(node: NodeId): number | null {
    if (node === CONTROLLER_NODE || node === CLIENT_NODE) return 1;
    return this.nodes.has(node) ? (this.incarnations.get(node) ?? null) : null;
  }
}

function diskDamageCounts(disk: MemoryLogDirectory): { torn: number; kept: number; corrupt: number } {
  let torn = 0;
  let kept = 0;
  let corrupt = 0;
  for (const log of disk.allLogs()) {
    torn += log.tornTailsCut;
    kept += log.keptOnCrash;
    corrupt += log.corruptBatchesCut;
  }
  return { torn, kept, corrupt };
}

/** Resolves once every promise callback already queued — and every one those queue — has run. */
function afterMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
