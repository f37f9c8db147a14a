/**
 * A broker as a process runs it: the ReplicaManager over partition logs on disk, fed by the metadata
 * image of a MetadataNode (an observer on a broker-only node, the voter itself on a combined node);
 * one replica fetcher per source broker; the lifecycle (register, heartbeat, controlled shutdown)
 * and AlterPartition through a ControllerChannel; the group coordinator; the Kafka listener that
 * clients use (PLAINTEXT) and the gRPC service its peers replicate from (REPLICATION).
 *
 * The ReplicaManager decides, this class does the I/O and time: after every input it flushes the
 * logs appended in this turn of the event loop (one fsync per dirty partition, shared by every
 * produce of the turn), hands ISR changes to the AlterPartition sender, wakes the fetchers, and
 * arms one timer at the manager's next deadline.
 */
import { randomUUID } from 'node:crypto';
import { MetadataImage, type Endpoint, type MetadataPublisher } from '@kz/metadata';
import { DeadlineTimer, REAL_SCHEDULER, type RequestObserver, type Scheduler } from '@kz/runtime';
import { DEFAULT_TURN_BUDGET_MS, section } from '@kz/runtime';
import type { Logger } from 'pino';
import type { GroupConfig } from '../coordinator/classic-group';
import { GroupCoordinator } from '../coordinator/group-coordinator';
import { DEFAULT_OFFSETS_TOPIC_PARTITIONS, DEFAULT_OFFSETS_TOPIC_REPLICATION_FACTOR, OFFSETS_TOPIC } from '../coordinator/offsets-topic';
import type { LogConfig } from '../log/log-config';
import type { BrokerApi } from '../protocol/broker-api';
import type { MetadataBroker, MetadataRequest, MetadataResponse, MetadataTopic } from '../protocol/cluster-metadata';
import type { FetchRequest, FetchResponse } from '../protocol/fetch';
import type {
  DeleteGroupsRequest,
  DeleteGroupsResponse,
  DescribedGroup,
  DescribeGroupsRequest,
  GroupMembershipApi,
  HeartbeatRequest,
  HeartbeatResponse,
  JoinGroupRequest,
  JoinGroupResponse,
  LeaveGroupRequest,
  LeaveGroupResponse,
  ListGroupsRequest,
  ListGroupsResponse,
  SyncGroupRequest,
  SyncGroupResponse,
} from '../protocol/group-membership';
import type {
  FindCoordinatorRequest,
  FindCoordinatorResponse,
  OffsetCommitRequest,
  OffsetCommitResponse,
  OffsetDeleteRequest,
  OffsetDeleteResponse,
  OffsetFetchRequest,
  OffsetFetchResponse,
} from '../protocol/group-offsets';
import type { ListOffsetsRequest, ListOffsetsResponse } from '../protocol/list-offsets';
import type { DeleteRecordsRequest, DeleteRecordsResponse } from '../protocol/delete-records';
import type { DescribeProducersRequest, DescribeProducersResponse, InitProducerIdRequest, InitProducerIdResponse, ProducerIdApi } from '../protocol/producer-ids';
import type { ProduceRequest, ProduceResponse } from '../protocol/produce';
import { kafkaError } from '../server/error-code';
import { ReplicaManager, type DamagedReplica, type LogDirectory, type ReplicaManagerConfig } from '../server/replica-manager';
import { AlterPartitionSender } from './alter-partition-sender';
import { BrokerLifecycle } from './broker-lifecycle';
import type { ControllerChannel } from './controller-channel';
import type { AdminForwarding, KafkaBackend, LogDirUsage } from '../kafka/kafka-backend';
import { CLIENT_LISTENER, clientEndpoint, REPLICATION_LISTENER, replicationEndpoint } from './listener-endpoints';
import { statfsSync } from 'node:fs';
import { SocketBrokerNetwork, type BrokerNetwork } from './broker-network';
import { DiskLogDirectory } from './disk-log-directory';
import type { FileHandlePoolStats } from '../log/file-handle-pool';
import { ProducerIdBlocks, ProducerIdsUnavailableError } from './producer-id-blocks';
import { ReplicaFetchers } from './replica-fetchers';
import { StandardAuthorizer } from '../security/authorizer';
import type { ListenerSecurity } from '../security/listener-security';
import type { AuthenticationObserver, TlsIdentity } from '@kz/runtime';

/**
 * The cluster metadata as this broker follows it: a MetadataNode in a process (an observer, or the
 * voter itself on a combined node).
 */
export interface BrokerMetadata {
  /** The committed image this node has applied. */
  readonly image: MetadataImage;
  subscribe(publisher: MetadataPublisher): () => void;
  /** The active controller as this node knows it; -1 when it knows none. */
  controllerId(): number;
}

export interface BrokerNodeOptions {
  readonly nodeId: number;
  readonly clusterId: string;
  /** Partition logs live in `<logDir>/<topic>-<partition>`. */
  readonly logDir: string;
  readonly metadata: BrokerMetadata;
  readonly controllers: ControllerChannel;
  /** Where the Kafka listener serves clients (port 0 picks one). */
  readonly listen: string;
  /** Where the gRPC service that peers replicate from listens (port 0 picks one). */
  readonly replicationListen: string;
  /** The host clients and peers are told to connect to; default: each listener's own host. */
  readonly advertisedHost?: string;
  /** Where admin requests from Kafka clients (CreateTopics, ...) are forwarded: the controllers. */
  readonly admin: AdminForwarding;
  /** Kafka's auto.create.topics.enable: Metadata for an unknown topic creates it. Default false. */
  readonly autoCreateTopics?: boolean;
  readonly rack?: string | null;
  readonly logConfig?: Partial<LogConfig>;
  readonly replica?: Partial<ReplicaManagerConfig>;
  readonly heartbeatIntervalMs?: number;
  readonly offsetsTopicPartitions?: number;
  readonly offsetsTopicReplicationFactor?: number;
  readonly logger: Logger;
  /** Told of every request the Kafka listener answered (for metrics), by Kafka API name. */
  readonly observeRequest?: RequestObserver;
  /** Told of every authentication on the Kafka listener and the replication service (for metrics). */
  readonly observeAuthentication?: AuthenticationObserver;
  /** Told of every heartbeat's round trip (for metrics). */
  readonly onHeartbeat?: (roundTripMs: number, answered: boolean) => void;
  /** Consumer-group settings (group.min.session.timeout.ms and the like); Kafka's defaults if absent. */
  readonly groups?: GroupConfig;
  /** How the Kafka listener is secured (TLS, SASL); default PLAINTEXT. */
  readonly listenerSecurity?: Omit<ListenerSecurity, 'authorizer' | 'credentials'>;
  /** Kafka's StandardAuthorizer over the image's ACLs; absent: every request is allowed. */
  readonly authorization?: AuthorizationSettings;
  /** Mutual TLS for replication, with this node's identity (its certificate names kz-node-<id>). */
  readonly interNodeTls?: TlsIdentity;
  /**
   * Clocks, timers and turns: the process's by default. A simulation passes its own; nothing in the
   * broker's drivers (fetchers, lifecycle, AlterPartition sender) reads time or sets a timer otherwise.
   */
  readonly scheduler?: Scheduler;
  /** The partition logs: DiskLogDirectory over `logDir` by default; a simulation's memory logs otherwise. */
  readonly logs?: LogDirectory;
  /** Listeners and peer connections: sockets (SocketBrokerNetwork) by default. */
  readonly network?: BrokerNetwork;
  /** This process's registration incarnation id (a new random UUID by default). */
  readonly incarnationId?: string;
}

/** authorizer.class.name=StandardAuthorizer and its settings. */
export interface AuthorizationSettings {
  /** `super.users`: principals every check allows (e.g. User:admin). */
  readonly superUsers: readonly string[];
  /** `allow.everyone.if.no.acl.found`; Kafka's default is false. */
  readonly allowEveryoneIfNoAclFound: boolean;
}

/** One partition replica this broker hosts, as monitoring sees it. */
export interface HostedPartitionState {
  readonly topic: string;
  readonly partition: number;
  readonly role: 'leader' | 'follower';
  readonly logEndOffset: number;
  /** The leader's own; on a follower, the latest its leader told it (capped at its log end). */
  readonly highWatermark: number;
  /** On a leader its current ISR (an AlterPartition may be in flight); on a follower the image's. */
  readonly isrSize: number;
  /**
   * The replication factor: the assigned replicas less those a reassignment is still adding, as
   * Kafka counts it — so a partition catching up new replicas is not reported under-replicated.
   */
  readonly replicaCount: number;
}

/** The file-handle stats of logs that hold no files (a simulation's memory logs). */
const NO_FILE_HANDLES: FileHandlePoolStats = { openFiles: 0, maxOpenFiles: 0, pinnedFiles: 0, opens: 0, evictions: 0, outOfDescriptors: 0, waitingForDescriptor: 0 };

/** A follower fetch's RPC deadline beyond its long-poll: a stopped leader is noticed within this. */
const FETCH_RPC_SLACK_MS = 3000;

export class BrokerNode implements BrokerApi, GroupMembershipApi, ProducerIdApi {
  readonly manager: ReplicaManager;
  readonly coordinator: GroupCoordinator;
  private readonly fetchers: ReplicaFetchers;
  private readonly logs: LogDirectory;
  private readonly alterPartitions: AlterPartitionSender;
  private readonly producerIds: ProducerIdBlocks;
  private lifecycleValue: BrokerLifecycle | null = null;
  private readonly network: BrokerNetwork;
  private portValue = -1;
  private replicationPortValue = -1;
  private readonly log: Logger;
  private unsubscribe: (() => void) | null = null;
  private flushing = false;
  private readonly scheduler: Scheduler;
  private readonly timer: DeadlineTimer;
  private stopped = false;
  private caughtUp = false;
  private reconcileScheduled = false;
  private recoveredReleased = false;
  /** Wall-clock milliseconds (record timestamps are on it); every deadline of the broker too. */
  private readonly clock: () => number;
  private halt: (error: Error) => void = () => undefined;
  /** Resolves when the broker stopped itself because its disk failed; the process should exit. */
  readonly halted: Promise<Error> = new Promise((resolve) => {
    this.halt = (error) => {
      resolve(error);
      // No clean stop: its close would flush and checkpoint on the disk that just failed (and a
      // rejection from it would escape here). The logs close unflushed; the process should exit.
      this.stop({ halting: true }).catch((stopError: unknown) => this.log.error({ err: stopError }, 'stopping after a halt failed'));
    };
  });

  private constructor(private readonly options: BrokerNodeOptions) {
    const scheduler = (this.scheduler = options.scheduler ?? REAL_SCHEDULER);
    this.clock = () => scheduler.wallClock();
    this.timer = new DeadlineTimer(this.clock, () => this.onTimer(), scheduler);
    this.log = options.logger.child({ nodeId: options.nodeId, component: 'broker' });
    this.network = options.network ?? socketNetwork(options);
    const logs = (this.logs =
      options.logs ??
      new DiskLogDirectory(options.logDir, options.logConfig ?? {}, (dir, log) => {
        if (log.discardedLogStartCheckpoint !== null) {
          this.log.error({ dir, err: log.discardedLogStartCheckpoint, logStartOffset: log.logStartOffset }, 'refused a corrupt log-start checkpoint: the log starts at its first segment');
        }
        if (log.recovery.length > 0 || log.discardedSnapshots.length > 0) {
          this.log.warn({ dir, recovery: log.recovery, discardedSnapshots: log.discardedSnapshots }, 'recovered a partition log: cut a torn tail or rebuilt producer state past a damaged snapshot');
        }
      }));
    this.manager = new ReplicaManager({ brokerId: options.nodeId, logs, logger: this.log, ...(options.replica === undefined ? {} : { config: options.replica }) });
    this.coordinator = new GroupCoordinator({
      manager: this.manager,
      creator: { createOffsetsTopic: () => this.createOffsetsTopic() },
      logger: this.log,
      clock: this.clock,
      afterWork: () => this.afterInput(),
      ...(options.groups === undefined ? {} : { groupConfig: options.groups }),
    });
    const afterInput = (): void => this.afterInput();
    this.fetchers = new ReplicaFetchers({
      manager: this.manager,
      channel: { fetch: (source, request) => this.fetchFrom(source, request) },
      clock: this.clock,
      scheduler,
      logger: this.log,
      afterInput,
      onDiskFailure: (error) => {
        this.log.fatal({ err: error }, 'flushing followed partitions failed');
        this.halt(error);
      },
    });
    this.producerIds = new ProducerIdBlocks({
      allocate: (request) => options.controllers.allocateProducerIds(request),
      brokerId: options.nodeId,
      brokerEpoch: () => this.manager.brokerEpoch,
      logger: this.log,
    });
    this.alterPartitions = new AlterPartitionSender({ manager: this.manager, channel: options.controllers, clock: this.clock, scheduler, logger: this.log, afterInput });
  }

  static async start(options: BrokerNodeOptions): Promise<BrokerNode> {
    const node = new BrokerNode(options);
    let damagedReplicas: readonly DamagedReplica[];
    try {
      // Before registering: the registration must name the replicas whose recovery cut something.
      damagedReplicas = node.logs.recoverAtStartUp?.() ?? [];
    } catch (error) {
      node.manager.close();
      throw error;
    }
    if (damagedReplicas.length > 0) node.log.warn({ damagedReplicas }, 'log recovery cut these replicas: the registration takes them out of their ISR and ELR');
    try {
      const ports = await node.network.serve({ replication: node, kafka: node.kafkaBackend() });
      node.replicationPortValue = ports.replicationPort;
      node.portValue = ports.clientPort;
    } catch (error) {
      node.manager.close();
      node.logs.releaseRecovered?.();
      throw error;
    }
    node.unsubscribe = options.metadata.subscribe({
      onMetadataUpdate: (update) => node.onMetadata(update.image, update.fromSnapshot ? null : update.changes),
    });
    const hostOf = (listen: string): string => options.advertisedHost ?? listen.slice(0, listen.lastIndexOf(':')).replace(/^\[|\]$/g, '');
    const host = hostOf(options.listen);
    const endpoints: Endpoint[] = [
      { name: CLIENT_LISTENER, host, port: node.portValue },
      { name: REPLICATION_LISTENER, host: hostOf(options.replicationListen), port: node.replicationPortValue },
    ];
    node.lifecycleValue = new BrokerLifecycle({
      incarnationId: options.incarnationId ?? randomUUID(),
      scheduler: node.scheduler,
      brokerId: options.nodeId,
      clusterId: options.clusterId,
      endpoints,
      rack: options.rack ?? null,
      channel: options.controllers,
      appliedOffset: () => options.metadata.image.offset,
      offlineReplicas: () => node.manager.offlineReplicas,
      damagedReplicas,
      onRegistered: (epoch) => {
        if (damagedReplicas.length > 0) node.damageReported(damagedReplicas);
        node.manager.brokerEpoch = epoch;
        node.onMetadata(options.metadata.image, null);
      },
      logger: options.logger.child({ nodeId: options.nodeId }),
      ...(options.heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs: options.heartbeatIntervalMs }),
      ...(options.onHeartbeat === undefined ? {} : { onHeartbeat: options.onHeartbeat }),
    });
    node.lifecycleValue.start();
    node.log.info({ listen: `${host}:${node.portValue}`, replicationListen: `${hostOf(options.replicationListen)}:${node.replicationPortValue}`, logDir: options.logDir }, 'broker serving');
    return node;
  }

  /** The controller has the damage report (a registration carrying it was answered): later starts need not send it. */
  private damageReported(replicas: readonly DamagedReplica[]): void {
    try {
      this.logs.damageReported?.(replicas);
    } catch (error) {
      // The next start reports them again: harmless, it only takes those replicas out of the ISR once more.
      this.log.warn({ err: error }, 'could not record that the damaged replicas were reported');
    }
  }

  /** The Kafka listener's port. */
  get port(): number {
    return this.portValue;
  }

  /** The replication service's port. */
  get replicationPort(): number {
    return this.replicationPortValue;
  }

  /** What the Kafka handlers serve from: this broker, its image, the controllers. */
  private kafkaBackend(): KafkaBackend {
    return {
      nodeId: this.options.nodeId,
      clusterId: this.options.clusterId,
      broker: this,
      groups: this,
      producerIds: this,
      image: () => this.manager.metadataImage ?? MetadataImage.EMPTY,
      admin: this.options.admin,
      autoCreateTopics: this.options.autoCreateTopics ?? false,
      logDir: () => this.logDirUsage(),
    };
  }

  /** DescribeLogDirs: every replica hosted here, its size and how far it is behind the HW. */
  private logDirUsage(): LogDirUsage {
    let totalBytes = -1;
    let usableBytes = -1;
    try {
      const fs = statfsSync(this.options.logDir);
      totalBytes = fs.blocks * fs.bsize;
      usableBytes = fs.bavail * fs.bsize;
    } catch {
      // The directory is the logs' own: if it cannot be measured, the sizes are unknown, not an error.
    }
    const replicas = this.manager.hostedPartitions.map((p) => ({
      topic: p.topicName,
      partition: p.partitionId,
      sizeBytes: p.log.size,
      offsetLag: Math.max(0, p.highWatermark - p.log.logEndOffset),
    }));
    return { path: this.options.logDir, replicas, totalBytes, usableBytes };
  }

  /** True once this broker has applied its own registration and its ReplicaManager follows the metadata. */
  get serving(): boolean {
    return this.caughtUp && !this.stopped;
  }

  get lifecycle(): BrokerLifecycle | null {
    return this.lifecycleValue;
  }

  /** Replicas assigned here whose logs will not open, for monitoring. */
  offlineReplicaCount(): number {
    return this.manager.offlineReplicas.length;
  }

  /** The partition logs' file descriptors against their cap, for monitoring. */
  fileHandleStats(): FileHandlePoolStats {
    return this.logs instanceof DiskLogDirectory ? this.logs.fileHandles.stats() : NO_FILE_HANDLES;
  }

  /** A snapshot of every partition replica hosted here, for monitoring; cheap, changes nothing. */
  partitionStates(): readonly HostedPartitionState[] {
    return this.manager.hostedPartitions.map((p): HostedPartitionState => {
      const leader = p.leader;
      return {
        topic: p.topicName,
        partition: p.partitionId,
        role: leader === null ? 'follower' : 'leader',
        logEndOffset: p.log.logEndOffset,
        highWatermark: p.highWatermark,
        isrSize: (leader?.isr ?? p.registration.isr).length,
        replicaCount: p.registration.replicas.length - p.registration.addingReplicas.length,
      };
    });
  }

  /**
   * Metadata reaches the ReplicaManager only once this broker has applied its own registration
   * record. Before that its image may be stale — replayed from its own disk after a restart, naming
   * it leader at an old epoch — and acting on it would take writes no one replicates. (Kafka's
   * broker likewise waits for its initial metadata catch-up before starting the ReplicaManager.)
   */
  private onMetadata(image: MetadataImage, changes: Parameters<ReplicaManager['applyMetadata']>[1]): void {
    if (this.stopped) return;
    if (!this.caughtUp) {
      const epoch = this.manager.brokerEpoch;
      if (epoch < 0 || image.offset < epoch) return;
      this.caughtUp = true;
      changes = null;
      this.log.info({ brokerEpoch: epoch, metadataOffset: image.offset }, 'metadata caught up with the registration: serving partitions');
    }
    const done = section('broker.metadata', () => this.manager.applyMetadata(image, changes, this.clock(), this.scheduler.turnBudget(DEFAULT_TURN_BUDGET_MS)));
    this.coordinator.onMetadata(image);
    this.afterReconcile(image, done);
  }

  /**
   * Thousands of partitions changed by one delta (a topic storm, a fenced broker's leaderships) are
   * taken over a turn's budget at a time, so that fetches, heartbeats and Raft keep being served.
   */
  private continueReconciling(): void {
    this.reconcileScheduled = false;
    const image = this.manager.metadataImage;
    if (this.stopped || image === null) return;
    this.afterReconcile(image, section('broker.metadata', () => this.manager.reconcileMetadata(this.clock(), this.scheduler.turnBudget(DEFAULT_TURN_BUDGET_MS))));
  }

  private afterReconcile(image: MetadataImage, done: boolean): void {
    // The first image is applied whole: every replica assigned here is open, the rest recovered for nothing.
    if (done && !this.recoveredReleased) {
      this.recoveredReleased = true;
      this.logs.releaseRecovered?.();
    }
    this.fetchers.reconcile();
    this.network.onMetadata(image);
    this.afterInput();
    if (!done && !this.reconcileScheduled) {
      this.reconcileScheduled = true;
      this.scheduler.setImmediate(() => this.continueReconciling());
    }
  }

  // ---------------------------------------------------------------- the loop's chores

  private afterInput(): void {
    if (this.stopped) return;
    if (this.manager.needsFlush && !this.flushing) {
      this.flushing = true;
      // Every produce of this turn of the event loop shares the flush; appends during it wait for the next.
      this.scheduler.setImmediate(() => {
        if (this.stopped) return;
        this.manager.flushAsync(this.clock).then(
          () => {
            this.flushing = false;
            this.afterInput();
          },
          (error: unknown) => {
            // A disk that cannot fsync cannot make anything durable: stop rather than acknowledge.
            this.log.fatal({ err: error }, 'flushing partition logs failed');
            this.halt(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    }
    this.alterPartitions.drain();
    this.armTimer();
  }

  private armTimer(): void {
    this.timer.arm(Math.min(this.manager.nextDeadline(), this.coordinator.nextDeadline()));
  }

  private onTimer(): void {
    if (this.stopped) return;
    const now = this.clock();
    this.manager.tick(now);
    this.coordinator.tick(now);
    this.afterInput();
  }

  private fetchFrom(source: number, request: FetchRequest): Promise<FetchResponse> {
    const endpoint = replicationEndpoint(this.manager.metadataImage?.brokers.get(source));
    if (endpoint === undefined) return Promise.reject(new Error(`broker ${source} has no ${REPLICATION_LISTENER} endpoint in the metadata image`));
    return this.network.fetch(source, `${endpoint.host}:${endpoint.port}`, request, request.maxWaitMs + FETCH_RPC_SLACK_MS);
  }

  private async createOffsetsTopic(): Promise<void> {
    const live = [...(this.manager.metadataImage?.brokers.values() ?? [])].filter((b) => !b.fenced).length;
    const replicationFactor = Math.min(this.options.offsetsTopicReplicationFactor ?? DEFAULT_OFFSETS_TOPIC_REPLICATION_FACTOR, Math.max(1, live));
    const { topics } = await this.options.controllers.createTopics({
      topics: [{ name: OFFSETS_TOPIC, numPartitions: this.options.offsetsTopicPartitions ?? DEFAULT_OFFSETS_TOPIC_PARTITIONS, replicationFactor, configs: { 'cleanup.policy': 'compact' } }],
    });
    const error = topics[0]?.error;
    if (error !== null && error !== undefined && error.code !== 'TOPIC_ALREADY_EXISTS') throw error;
    this.log.info({ topic: OFFSETS_TOPIC, replicationFactor }, 'created the offsets topic');
  }

  // ---------------------------------------------------------------- BrokerApi

  async produce(request: ProduceRequest): Promise<ProduceResponse> {
    const response = section('broker.produce', () => this.manager.produce(request, this.clock()));
    this.afterInput();
    return response;
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const response = section(request.replicaId >= 0 ? 'broker.replicaFetch' : 'broker.fetch', () => this.manager.fetch(request, this.clock()));
    this.afterInput();
    return response;
  }

  async listOffsets(request: ListOffsetsRequest): Promise<ListOffsetsResponse> {
    return this.manager.listOffsets(request);
  }

  async deleteRecords(request: DeleteRecordsRequest): Promise<DeleteRecordsResponse> {
    const response = this.manager.deleteRecords(request, this.clock());
    this.afterInput();
    return response;
  }

  async metadata(request: MetadataRequest): Promise<MetadataResponse> {
    // Until it has caught up, this broker knows no more than what its own disk said: tell nothing.
    const image = this.manager.metadataImage ?? MetadataImage.EMPTY;
    const brokers: MetadataBroker[] = [...image.brokers.values()]
      .filter((b) => !b.fenced)
      .flatMap((b) => {
        const endpoint = clientEndpoint(b);
        return endpoint === undefined ? [] : [{ nodeId: b.id, host: endpoint.host, port: endpoint.port, rack: b.rack }];
      });
    const names = request.topics ?? [...image.topicIdsByName.keys()].sort();
    const topics = names.map((name): MetadataTopic => {
      const topic = image.topic(name);
      if (topic === undefined) return { ...kafkaErrorCodeOnly('UNKNOWN_TOPIC_OR_PARTITION'), name, topicId: '', isInternal: false, partitions: [] };
      return {
        errorCode: 0,
        name,
        topicId: topic.id,
        isInternal: name === OFFSETS_TOPIC,
        partitions: topic.partitions.map((p, partition) => ({
          errorCode: p.leader < 0 ? kafkaError('LEADER_NOT_AVAILABLE', '').errorCode : 0,
          partition,
          leaderId: p.leader,
          leaderEpoch: p.leaderEpoch,
          replicas: p.replicas,
          isr: p.isr,
          offlineReplicas: p.replicas.filter((id) => image.brokers.get(id)?.fenced !== false),
        })),
      };
    });
    return { clusterId: this.options.clusterId, controllerId: this.options.metadata.controllerId(), brokers, topics };
  }

  findCoordinator(request: FindCoordinatorRequest): Promise<FindCoordinatorResponse> {
    return this.coordinator.findCoordinator(request.key);
  }

  offsetCommit(request: OffsetCommitRequest): Promise<OffsetCommitResponse> {
    return this.coordinated(() => this.coordinator.offsetCommit(request, this.clock()));
  }

  async offsetFetch(request: OffsetFetchRequest): Promise<OffsetFetchResponse> {
    return this.coordinator.offsetFetch(request);
  }

  offsetDelete(request: OffsetDeleteRequest): Promise<OffsetDeleteResponse> {
    return this.coordinated(() => this.coordinator.offsetDelete(request, this.clock()));
  }

  // ---------------------------------------------------------------- ProducerIdApi

  /**
   * An idempotent producer's id: a new one each time, at epoch 0, as Kafka gives a producer without a
   * transactional id (its KIP-360 epoch bump applies to transactional producers only).
   */
  async initProducerId(request: InitProducerIdRequest): Promise<InitProducerIdResponse> {
    const refused = (errorCode: number): InitProducerIdResponse => ({ errorCode, producerId: -1, producerEpoch: -1 });
    // Transactions are not served; INVALID_REQUEST tells a transactional client so, at once.
    if (request.transactionalId !== null) return refused(kafkaError('INVALID_REQUEST', '').errorCode);
    try {
      return { errorCode: 0, producerId: await this.producerIds.next(), producerEpoch: 0 };
    } catch (error) {
      if (!(error instanceof ProducerIdsUnavailableError)) throw error;
      this.log.warn({ err: error }, 'InitProducerId answered COORDINATOR_LOAD_IN_PROGRESS');
      // Retriable: the client asks again after its backoff, as while Kafka's broker awaits a block.
      return refused(kafkaError('COORDINATOR_LOAD_IN_PROGRESS', '').errorCode);
    }
  }

  async describeProducers(request: DescribeProducersRequest): Promise<DescribeProducersResponse> {
    return this.manager.describeProducers(request);
  }

  // ---------------------------------------------------------------- GroupMembershipApi

  joinGroup(request: JoinGroupRequest): Promise<JoinGroupResponse> {
    return this.coordinated(() => this.coordinator.joinGroup(request, this.clock()));
  }

  syncGroup(request: SyncGroupRequest): Promise<SyncGroupResponse> {
    return this.coordinated(() => this.coordinator.syncGroup(request, this.clock()));
  }

  async heartbeat(request: HeartbeatRequest): Promise<HeartbeatResponse> {
    return this.coordinated(() => this.coordinator.heartbeat(request, this.clock()));
  }

  async leaveGroup(request: LeaveGroupRequest): Promise<LeaveGroupResponse> {
    return this.coordinated(() => this.coordinator.leaveGroup(request, this.clock()));
  }

  async describeGroups(request: DescribeGroupsRequest): Promise<readonly DescribedGroup[]> {
    return this.coordinator.describeGroups(request);
  }

  async listGroups(request: ListGroupsRequest): Promise<ListGroupsResponse> {
    return this.coordinator.listGroups(request);
  }

  deleteGroups(request: DeleteGroupsRequest): Promise<DeleteGroupsResponse> {
    return this.coordinated(() => this.coordinator.deleteGroups(request, this.clock()));
  }

  /** A coordinator call may append to `__consumer_offsets` or move a deadline: flush and re-arm after it. */
  private coordinated<T>(call: () => T): T {
    const result = section('broker.groups', call);
    this.afterInput();
    return result;
  }

  // ---------------------------------------------------------------- stopping

  /**
   * Stops the broker. `controlled`: first ask the controller to move this broker's leaderships away
   * (controlled shutdown), so clients see a clean leader change rather than a timeout.
   */
  async stop(options: { readonly controlled?: boolean; readonly timeoutMs?: number; readonly halting?: boolean } = {}): Promise<void> {
    if (this.stopped) return;
    if (options.controlled === true) await this.lifecycleValue?.shutDown(options.timeoutMs ?? 30_000);
    this.stopped = true;
    this.lifecycleValue?.stop();
    this.alterPartitions.stop();
    this.unsubscribe?.();
    this.timer.cancel();
    await this.fetchers.stop();
    await this.network.stop();
    if (options.halting === true) this.manager.halt();
    else this.manager.close();
    this.logs.releaseRecovered?.();
    this.log.info(options.halting === true ? 'broker halted' : 'broker stopped');
  }
}

function kafkaErrorCodeOnly(name: Parameters<typeof kafkaError>[0]): { errorCode: number } {
  return { errorCode: kafkaError(name, '').errorCode };
}

/** The real network, secured as the options say: TLS/SASL and the authorizer on the Kafka listener, mTLS between brokers. */
function socketNetwork(options: BrokerNodeOptions): SocketBrokerNetwork {
  const authorization = options.authorization;
  const authorizer =
    authorization === undefined
      ? undefined
      : new StandardAuthorizer({
          // The metadata node's latest image: a new ACL applies as soon as this node has it, and
          // before the broker serves partitions (its own image waits for the registration).
          acls: () => options.metadata.image.acls,
          superUsers: authorization.superUsers,
          allowEveryoneIfNoAclFound: authorization.allowEveryoneIfNoAclFound,
        });
  return new SocketBrokerNetwork({
    nodeId: options.nodeId,
    listen: options.listen,
    replicationListen: options.replicationListen,
    logger: options.logger,
    ...(options.observeRequest === undefined ? {} : { observeRequest: options.observeRequest }),
    ...(options.interNodeTls === undefined ? {} : { tls: options.interNodeTls }),
    ...(options.observeAuthentication === undefined ? {} : { observeAuthentication: options.observeAuthentication }),
    listenerSecurity: {
      ...(options.listenerSecurity ?? { protocol: 'PLAINTEXT' }),
      credentials: (user) => options.metadata.image.scramCredentials.get(user),
      ...(authorizer === undefined ? {} : { authorizer }),
    },
  });
}
