/**
 * One incarnation of a simulated broker process: the BrokerNode that ships — its ReplicaManager,
 * replica fetchers, lifecycle (register, heartbeat, fencing), AlterPartition sender, flushes and
 * timers — run over the simulation's world instead of the process's:
 *
 * - its clock and timers are a SimScheduler on the simulation's event queue (they die with the process);
 * - its partition logs are the broker's MemoryLogs, whose fsync takes a random simulated latency;
 * - its network (SimBrokerNetwork) routes replica fetches over the simulated links to the peer's
 *   BrokerNode, and its ControllerChannel sends to the controller over the metadata simulation's
 *   SimControllerRpcs, failing a request unanswered within a deadline as gRPC would;
 * - its metadata comes from a follower of the controller's committed log (a MetadataLoader fed
 *   batch by batch), standing in for the MetadataNode observer a broker process runs.
 *
 * A crash kills the scheduler: nothing the process scheduled runs again, and promises it waits on
 * never settle, as for a process that lost power. Its logs keep only what was synced.
 */
import type { NodeId } from '@kz/raft';
import type { Scheduler } from '@kz/runtime';
import { SimScheduler, type SeededRandom, type SimClock } from '@kz/raft/testing';
import type { SimControllerRpcs } from '@kz/metadata/testing';
import { MetadataSimMachine } from '@kz/metadata/testing';
import type { BrokerId, ControllerApi, ControllerReply, ControllerRequest, ControllerRequestKind, MetadataImage } from '@kz/metadata';
import type { AdminForwarding } from '../kafka/kafka-backend';
import type { FetchRequest, FetchResponse } from '../protocol/fetch';
import type { BrokerNetwork, BrokerServices, ServedPorts } from '../runtime/broker-network';
import { BrokerNode } from '../runtime/broker-node';
import type { ControllerChannel } from '../runtime/controller-channel';
import type { LogDirectory, ReplicaManager, ReplicaManagerConfig } from '../server/replica-manager';
import type { MemoryLogDirectory } from './memory-log-directory';
import type { RpcChannel } from './rpc-channel';
import type { MetadataFetchAnswer, SimController } from './sim-controller';
import { traceLogger } from './trace-logger';

export interface BrokerNodeSettings {
  /** broker.heartbeat.interval.ms. */
  readonly heartbeatIntervalMs: number;
  /** A controller request (registration, heartbeat, AlterPartition) unanswered this long fails, as at a gRPC deadline. */
  readonly controllerRequestTimeoutMs: number;
  readonly replicaManager: Partial<ReplicaManagerConfig>;
  /** An fsync takes up to this long; a crash in between loses what it was syncing. */
  readonly fsyncMaxMs: number;
  /**
   * Test-only, true in every real run. False injects a bug into the shipped fetchers: their flush
   * before each fetch does nothing, so a fetch can report a log end that is not durable yet.
   */
  readonly flushBeforeEachFetch: boolean;
  /**
   * Test-only, true in every real run. False injects the bug of a broker that never reads its
   * high-watermark checkpoint: a restarted replica's HW starts from 0 again, as before there was one.
   */
  readonly readHighWatermarkCheckpoint: boolean;
  /**
   * False injects the bug of answering DeleteRecords once the leader's own log start moved, without
   * waiting for the replicas' (the low watermark, Kafka's DelayedDeleteRecords).
   */
  readonly deleteRecordsWaitsForReplicas?: boolean;
  /**
   * False injects the bug of a broker that never reports the logs its recovery cut
   * (RegisterBrokerRequest.damagedReplicas): a replica that lost committed records to a flipped bit
   * stays in the ISR and ELR, and may lead.
   */
  readonly reportDamagedReplicas?: boolean;
  /** A metadata fetch unanswered this long is sent again. */
  readonly metadataFetchTimeoutMs: number;
  /**
   * A committed image reaches this broker up to this long after the answer that carries it (a
   * per-broker propagation delay on top of the network's): brokers then disagree for a while about
   * who leads, as they do in a real cluster.
   */
  readonly metadataApplyDelayMaxMs: number;
}

export interface BrokerProcessEnvironment {
  readonly brokerId: BrokerId;
  readonly incarnation: number;
  readonly controllerId: NodeId;
  readonly clusterId: string;
  readonly settings: BrokerNodeSettings;
  readonly random: SeededRandom;
  readonly clock: SimClock;
  readonly disk: MemoryLogDirectory;
  readonly controller: SimController;
  readonly controllerRpc: SimControllerRpcs;
  readonly rpc: RpcChannel;
  trace(text: string): void;
  /** Hears the message of every log line of the broker (for coverage). */
  onLog(message: string): void;
  /** Hears how each AlterPartition item was answered: NONE or the error code (for coverage). */
  onAlterPartitionAnswer(code: string): void;
  /** The live BrokerNode of a peer, or null while it is down or starting. */
  peer(id: BrokerId): BrokerNode | null;
  /** The broker stopped itself (BrokerNode.halted: its disk failed); the process must now exit. */
  onHalt?(error: Error): void;
}

/**
 * Replica fetches over the simulated links: to the peer's BrokerNode.fetch, the answer back over
 * the same links, a rejection when none came within the fetcher's deadline. A stall holds this
 * broker's fetches back (a stuck fetcher thread, a long pause of its fetch path).
 */
export class SimBrokerNetwork implements BrokerNetwork {
  private stalledUntil = 0;
  private readonly held: (() => void)[] = [];

  constructor(
    private readonly brokerId: BrokerId,
    private readonly scheduler: Pick<Scheduler, 'now' | 'setTimeout'>,
    private readonly rpc: RpcChannel,
    private readonly peer: (id: BrokerId) => BrokerNode | null,
  ) {}

  serve(_services: BrokerServices): Promise<ServedPorts> {
    // Clients and peers reach the node through the simulation's routing (by broker id), not a port.
    return Promise.resolve({ clientPort: 9092, replicationPort: 9093 });
  }

  fetch(source: BrokerId, _address: string, request: FetchRequest, timeoutMs: number): Promise<FetchResponse> {
    return new Promise((resolve, reject) => {
      const send = (): void => {
        let settled = false;
        this.rpc.call<FetchResponse>(this.brokerId, source, 'replica fetch', () => this.peer(source)?.fetch(request) ?? null, (response) => {
          if (settled) return;
          settled = true;
          resolve(response);
        });
        this.scheduler.setTimeout(() => {
          if (settled) return;
          settled = true;
          reject(new Error(`replica fetch ${this.brokerId} -> ${source}: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
      };
      if (this.scheduler.now() < this.stalledUntil) this.held.push(send);
      else send();
    });
  }

  onMetadata(_image: MetadataImage): void {}

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Holds every fetch back until `until`. */
  stall(until: number): void {
    this.stalledUntil = Math.max(this.stalledUntil, until);
    this.scheduler.setTimeout(() => {
      if (this.scheduler.now() >= this.stalledUntil) this.release();
    }, this.stalledUntil - this.scheduler.now());
  }

  /** Ends a stall early (the faults healed). */
  resume(): void {
    this.stalledUntil = 0;
    this.release();
  }

  private release(): void {
    for (const send of this.held.splice(0)) send();
  }
}

/**
 * The runtime's ControllerChannel over the simulated controller RPCs: a refusal rejects with the
 * controller's ApiError, and a request unanswered within the deadline rejects (REQUEST_TIMED_OUT), as
 * MetadataAdminClient's gRPC deadline does.
 */
export function simControllerChannels(options: {
  /** Sends a request to a controller; `onReply` hears the answer, if one comes back. */
  readonly send: (request: ControllerRequest, onReply: (reply: ControllerReply) => void) => void;
  readonly scheduler: Pick<Scheduler, 'setTimeout'>;
  readonly timeoutMs: number;
  readonly onAlterPartitionAnswer: (code: string) => void;
}): { readonly controllers: ControllerChannel; readonly admin: AdminForwarding } {
  const { scheduler, timeoutMs } = options;
  const env = options;
  const call = <K extends ControllerRequestKind>(kind: K, body: ControllerApi[K][0]): Promise<ControllerApi[K][1]> =>
    new Promise((resolve, reject) => {
      let settled = false;
      options.send({ kind, body } as ControllerRequest, (reply) => {
        if (settled) return;
        settled = true;
        if (reply.result.ok) resolve(reply.result.value as ControllerApi[K][1]);
        else reject(reply.result.error);
      });
      scheduler.setTimeout(() => {
        if (settled) return;
        settled = true;
        reject(Object.assign(new Error(`${kind}: no answer within ${timeoutMs} ms`), { code: 'REQUEST_TIMED_OUT' }));
      }, timeoutMs);
    });
  const admin: AdminForwarding = {
    createTopics: (request) => call('createTopics', request),
    deleteTopics: (request) => call('deleteTopics', request),
    createPartitions: (request) => call('createPartitions', request),
    electLeaders: (request) => call('electLeaders', request),
    alterPartitionReassignments: (request) => call('alterPartitionReassignments', request),
    listPartitionReassignments: () => call('listPartitionReassignments', {} as ControllerApi['listPartitionReassignments'][0]),
    incrementalAlterConfigs: (request) => call('incrementalAlterConfigs', request),
    alterUserScramCredentials: (request) => call('alterUserScramCredentials', request),
    createAcls: (request) => call('createAcls', request),
    deleteAcls: (request) => call('deleteAcls', request),
  };
  const controllers: ControllerChannel = {
    registerBroker: (request) => call('registerBroker', request),
    brokerHeartbeat: (request) => call('brokerHeartbeat', request),
    alterPartition: (request) =>
      call('alterPartition', request).then(
        (response) => {
          for (const answer of response.partitions) env.onAlterPartitionAnswer(answer.error?.code ?? 'NONE');
          return response;
        },
        (error: unknown) => {
          const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'UNKNOWN';
          for (let i = 0; i < request.partitions.length; i++) env.onAlterPartitionAnswer(code);
          throw error;
        },
      ),
    createTopics: (request) => call('createTopics', request),
    allocateProducerIds: (request) => call('allocateProducerIds', request),
  };
  return { controllers, admin };
}

export class SimBrokerProcess {
  readonly brokerId: BrokerId;
  readonly incarnationId: string;
  readonly scheduler: SimScheduler;
  readonly network: SimBrokerNetwork;
  /** The committed metadata this broker has applied. */
  readonly machine = new MetadataSimMachine();
  private nodeValue: BrokerNode | null = null;
  private retired = false;
  private halted = false;
  private metadataAttempt = 0;

  constructor(private readonly env: BrokerProcessEnvironment) {
    this.brokerId = env.brokerId;
    this.incarnationId = `broker-${env.brokerId}-incarnation-${env.incarnation}`;
    this.scheduler = new SimScheduler(env.clock, Number.POSITIVE_INFINITY, { budgetsSpent: 0 });
    this.network = new SimBrokerNetwork(env.brokerId, this.scheduler, env.rpc, env.peer);
  }

  /** Starts the process: the BrokerNode (which registers) and the metadata follower. */
  start(): void {
    const { env, scheduler } = this;
    env.disk.useFsync((done) => scheduler.setTimeout(done, env.random.int(0, env.settings.fsyncMaxMs)));
    const machine = this.machine;
    const { controllers, admin } = simControllerChannels({
      send: (request, onReply) => env.controllerRpc.send(env.brokerId, env.controllerId, request, onReply),
      scheduler,
      timeoutMs: env.settings.controllerRequestTimeoutMs,
      onAlterPartitionAnswer: (code) => env.onAlterPartitionAnswer(code),
    });
    const logger = traceLogger(`broker ${env.brokerId}`, (text) => env.trace(text), (message) => env.onLog(message));
    void BrokerNode.start({
      nodeId: env.brokerId,
      clusterId: env.clusterId,
      logDir: `/sim/broker-${env.brokerId}`,
      metadata: {
        get image() {
          return machine.image;
        },
        subscribe: (publisher) => machine.subscribe(publisher),
        controllerId: () => env.controllerId,
      },
      controllers,
      listen: `broker-${env.brokerId}:9092`,
      replicationListen: `broker-${env.brokerId}:9093`,
      admin,
      replica: env.settings.replicaManager,
      heartbeatIntervalMs: env.settings.heartbeatIntervalMs,
      logger,
      scheduler,
      logs: simLogDirectory(env.disk, env.settings),
      network: this.network,
      incarnationId: this.incarnationId,
    }).then((node) => {
      if (this.retired) return;
      if (!env.settings.flushBeforeEachFetch) injectFetchWithoutFlush(node.manager);
      if (env.settings.deleteRecordsWaitsForReplicas === false) injectDeleteWithoutWaiting(node.manager);
      this.nodeValue = node;
      void node.halted.then((error) => {
        // Its listeners are closing: nothing reaches the node from here on (a halted process serves no one).
        this.halted = true;
        if (!this.retired) env.onHalt?.(error);
      });
    });
    this.fetchMetadata();
  }

  /** The process dies: nothing of this incarnation runs again (its logs lose their unflushed tails separately). */
  retire(): void {
    this.retired = true;
    this.scheduler.kill();
  }

  get alive(): boolean {
    return !this.retired;
  }

  /** The BrokerNode, once started; null before, once it halted, and after the process died. */
  get node(): BrokerNode | null {
    return this.retired || this.halted ? null : this.nodeValue;
  }

  /** The node's ReplicaManager; only once the process has started (between steps after start()). */
  get manager(): ReplicaManager {
    const node = this.node;
    if (node === null) throw new Error(`broker ${this.brokerId}: the process is ${this.retired ? 'gone' : 'still starting'}`);
    return node.manager;
  }

  /** True once the ReplicaManager follows the metadata (caught up to this incarnation's registration). */
  get serving(): boolean {
    return this.node?.serving === true;
  }

  /** The metadata image this broker has applied (what it answers clients' metadata requests with). */
  get image(): MetadataImage {
    return this.machine.image;
  }

  stallFetchers(until: number): void {
    this.network.stall(until);
  }

  resumeFetchers(): void {
    this.network.resume();
  }

  // ------------------------------------------------------------------ the metadata follower

  private fetchMetadata(): void {
    if (this.retired) return;
    const attempt = ++this.metadataAttempt;
    const from = this.machine.nextOffset;
    this.env.rpc.call<MetadataFetchAnswer>(
      this.brokerId,
      this.env.controllerId,
      'metadata fetch',
      () => this.env.controller.fetchMetadata(from),
      (answer) => {
        if (this.retired || attempt !== this.metadataAttempt) return;
        // The next fetch waits until this answer is applied, so images apply in order.
        this.metadataAttempt++;
        const delay = answer.batches.length === 0 ? 0 : this.env.random.int(0, this.env.settings.metadataApplyDelayMaxMs);
        this.scheduler.setTimeout(() => {
          this.applyMetadata(answer);
          this.fetchMetadata();
        }, delay);
      },
    );
    this.scheduler.setTimeout(() => {
      if (attempt === this.metadataAttempt) this.fetchMetadata();
    }, this.env.settings.metadataFetchTimeoutMs);
  }

  private applyMetadata(answer: MetadataFetchAnswer): void {
    for (const batch of answer.batches) {
      if (batch.baseOffset !== this.machine.nextOffset) continue;
      const error = this.machine.applyLogBatch(batch);
      if (error !== null) throw new Error(`broker ${this.brokerId}: ${error}`);
    }
  }
}

/**
 * The injected bug of `flushBeforeEachFetch: false`: the shipped fetchers' wait for the flush of
 * what they followed (ReplicaManager.flushFollowedFrom, and the check that nothing is left) is gone.
 * The broker still flushes after every input, so everything is durable a little later — but a fetch
 * sent meanwhile reports a log end that is not, and the leader counts it toward its high watermark.
 */
export function injectFetchWithoutFlush(manager: ReplicaManager): void {
  manager.flushFollowedFrom = () => Promise.resolve();
  manager.hasUnflushedFollowedFrom = () => false;
}

/**
 * The injected bug of `deleteRecordsWaitsForReplicas: false`: the leader's low watermark is its own
 * log start, so a DeleteRecords is answered as soon as the leader deleted, whatever the followers hold.
 */
export function injectDeleteWithoutWaiting(manager: ReplicaManager): void {
  (manager as unknown as { lowWatermarkOf(p: { readonly log: { readonly logStartOffset: number } }): number }).lowWatermarkOf = (p) => p.log.logStartOffset;
}

/**
 * The broker's log directory: the disk itself, unless a setting injects a bug into what the broker
 * reads of it — `readHighWatermarkCheckpoint: false`, its high-watermark checkpoint never read
 * (every restart starts each replica's HW from 0); `reportDamagedReplicas: false`, the logs its
 * recovery cut never reported.
 */
export function simLogDirectory(disk: MemoryLogDirectory, settings: Pick<BrokerNodeSettings, 'readHighWatermarkCheckpoint' | 'reportDamagedReplicas'>): LogDirectory {
  if (settings.readHighWatermarkCheckpoint && settings.reportDamagedReplicas !== false) return disk;
  return {
    open: (topicId, topicName, partitionId) => disk.open(topicId, topicName, partitionId),
    remove: (log, topicId, partitionId) => disk.remove(log, topicId, partitionId),
    readHighWatermarks: () => (settings.readHighWatermarkCheckpoint ? disk.readHighWatermarks() : []),
    writeHighWatermarks: (entries) => disk.writeHighWatermarks(entries),
    recoverAtStartUp: () => {
      const damaged = disk.recoverAtStartUp();
      if (settings.reportDamagedReplicas !== false) return damaged;
      // The bug: the cut is forgotten as the process starts, and its registration reports nothing.
      disk.damageReported(damaged);
      return [];
    },
    damageReported: (replicas) => disk.damageReported(replicas),
  };
}
