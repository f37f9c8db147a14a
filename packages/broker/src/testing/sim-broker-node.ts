/**
 * One incarnation of a simulated broker: the real ReplicaManager over the broker's MemoryLogs, and
 * around it what the broker process does — KRaft's lifecycle (SimBroker from @kz/metadata/testing:
 * register, heartbeat with the applied metadata offset, obey fencing, register again on
 * STALE_BROKER_EPOCH), a metadata follower long-polling the controller's committed log, the replica
 * fetchers, flushes after a simulated fsync latency, ticks at the manager's deadlines, and
 * AlterPartition requests to the controller with the broker epoch.
 *
 * As Kafka's BrokerServer does, the ReplicaManager gets its first image only once the broker's
 * metadata has caught up to its own registration: a restarted broker must see that its registration
 * took it out of every ISR and leadership before it acts on anything older (it may have lost its
 * unflushed tail in the crash, so leading at an old epoch would let it reuse offsets its followers
 * already hold).
 *
 * A crash throws the whole incarnation away (nothing is closed or flushed); its timers and network
 * answers then find it retired and do nothing.
 */
import type { NodeId } from '@kz/raft';
import type { SeededRandom } from '@kz/raft/testing';
import { SimBroker, type BrokerSettings, type ControllerChannel } from '@kz/metadata/testing';
import type { AlterPartitionResponse, BrokerId, MetadataImage } from '@kz/metadata';
import type { FetchRequest, FetchResponse } from '../protocol/fetch.js';
import type { ProduceRequest, ProduceResponse } from '../protocol/produce.js';
import type { AlterPartitionItem } from '../replication/partition-replicas.js';
import type { AlterPartitionResult } from '../replication/isr-change.js';
import { ReplicaManager, type ReplicaManagerConfig } from '../server/replica-manager.js';
import type { MemoryLogDirectory } from './memory-log-directory.js';
import { ReplicaFetcher } from './replica-fetcher.js';
import type { RpcChannel } from './rpc-channel.js';
import type { MetadataFetchAnswer, SimController } from './sim-controller.js';
import { traceLogger } from './trace-logger.js';

export interface BrokerNodeSettings {
  readonly lifecycle: Omit<BrokerSettings, 'alterPartitionChance' | 'clusterId'>;
  readonly replicaManager: Partial<ReplicaManagerConfig>;
  /** A flush takes up to this long (an fsync); a crash in between loses what it was flushing. */
  readonly fsyncMaxMs: number;
  /** A replica fetch unanswered this long is given up. */
  readonly fetchTimeoutMs: number;
  /**
   * Flush whatever is unflushed before every fetch (the ReplicaManager's contract, read strictly).
   * Off, the fetcher flushes only after each answer, as src/runtime/replica-fetchers.ts does — which
   * lets a fetch report a log end that is not durable (see the simulation's README).
   */
  readonly flushBeforeEachFetch: boolean;
  /** A metadata fetch unanswered this long is sent again. */
  readonly metadataFetchTimeoutMs: number;
  /**
   * A committed image reaches this broker's ReplicaManager up to this long after the answer that
   * carries it (a per-broker propagation delay on top of the network's): brokers then disagree for a
   * while about who leads, as they do in a real cluster.
   */
  readonly metadataApplyDelayMaxMs: number;
  /** An AlterPartition unanswered this long is retried. */
  readonly alterPartitionTimeoutMs: number;
}

export interface BrokerNodeEnvironment {
  readonly brokerId: BrokerId;
  readonly incarnation: number;
  readonly controllerId: NodeId;
  readonly clusterId: string;
  readonly settings: BrokerNodeSettings;
  readonly random: SeededRandom;
  readonly disk: MemoryLogDirectory;
  readonly controller: SimController;
  readonly controllerChannel: ControllerChannel;
  readonly rpc: RpcChannel;
  now(): number;
  schedule(at: number, label: string, run: () => void): void;
  trace(text: string): void;
  /** Hears the message of every ReplicaManager log line (for coverage). */
  onManagerLog(message: string): void;
  /** Hears how each AlterPartition item was answered: NONE or the error code (for coverage). */
  onAlterPartitionAnswer(code: string): void;
  /** The live incarnation of a peer broker, or null while it is down. */
  peer(id: BrokerId): SimBrokerNode | null;
}

export class SimBrokerNode {
  readonly brokerId: BrokerId;
  readonly lifecycle: SimBroker;
  readonly manager: ReplicaManager;
  private readonly fetchers = new Map<BrokerId, ReplicaFetcher>();
  private retired = false;
  private started = false;
  private metadataAttempt = 0;
  private flushAt: number | null = null;
  private afterFlush: (() => void)[] = [];
  private tickAt: number | null = null;
  private unsentAlters: AlterPartitionItem[] = [];
  private alterRetryAt: number | null = null;
  private stalledUntil = 0;
  /** What this incarnation did, for coverage. */
  readonly stats = { flushes: 0, alterPartitionsSent: 0, alterPartitionsTimedOut: 0, fetchesServed: 0, producesServed: 0 };

  constructor(private readonly env: BrokerNodeEnvironment) {
    this.brokerId = env.brokerId;
    this.lifecycle = new SimBroker({
      brokerId: env.brokerId,
      incarnation: env.incarnation,
      controllers: [env.controllerId],
      settings: { ...env.settings.lifecycle, alterPartitionChance: 0, clusterId: env.clusterId },
      random: env.random,
      now: () => env.now(),
      schedule: (at, label, run) => env.schedule(at, label, run),
      send: (to, request, onReply) => env.controllerChannel.send(env.brokerId, to, request, onReply),
      trace: (text) => env.trace(text),
      onShutDown: () => env.trace(`broker ${env.brokerId}: told to shut down (not expected here)`),
    });
    this.manager = new ReplicaManager({
      brokerId: env.brokerId,
      logs: env.disk,
      config: env.settings.replicaManager,
      logger: traceLogger(`broker ${env.brokerId}`, (text) => env.trace(text), (message) => env.onManagerLog(message)),
    });
  }

  /** Starts the process: register, and follow the metadata log. */
  start(): void {
    this.lifecycle.start();
    this.fetchMetadata();
  }

  /** The process dies: nothing of this incarnation runs again (its logs lose their unflushed tails separately). */
  retire(): void {
    this.retired = true;
    this.lifecycle.retire();
  }

  get alive(): boolean {
    return !this.retired;
  }

  /** True once the ReplicaManager follows the metadata (caught up to this incarnation's registration). */
  get serving(): boolean {
    return this.started;
  }

  /** The metadata image this broker has applied (what it answers clients' metadata requests with). */
  get image(): MetadataImage {
    return this.lifecycle.image;
  }

  /** Stops every replica fetcher of this broker until `until`. */
  stallFetchers(until: number): void {
    this.stalledUntil = Math.max(this.stalledUntil, until);
    for (const fetcher of this.fetchers.values()) fetcher.stall(until);
  }

  /** Ends a fetcher stall early. */
  resumeFetchers(): void {
    this.stalledUntil = 0;
    for (const fetcher of this.fetchers.values()) fetcher.resume();
  }

  // ------------------------------------------------------------------ served requests

  serveFetch(request: FetchRequest): Promise<FetchResponse> {
    this.stats.fetchesServed++;
    const answer = this.manager.fetch(request, this.env.now());
    this.afterInput();
    return answer;
  }

  serveProduce(request: ProduceRequest): Promise<ProduceResponse> {
    this.stats.producesServed++;
    const answer = this.manager.produce(request, this.env.now());
    this.afterInput();
    return answer;
  }

  // ------------------------------------------------------------------ metadata

  private fetchMetadata(): void {
    if (this.retired) return;
    const attempt = ++this.metadataAttempt;
    const from = this.lifecycle.machine.nextOffset;
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
        this.env.schedule(this.env.now() + delay, `broker ${this.brokerId} applies metadata`, () => {
          if (this.retired) return;
          this.applyMetadata(answer);
          this.fetchMetadata();
        });
      },
    );
    this.env.schedule(this.env.now() + this.env.settings.metadataFetchTimeoutMs, `broker ${this.brokerId} metadata fetch timeout`, () => {
      if (!this.retired && attempt === this.metadataAttempt) this.fetchMetadata();
    });
  }

  private applyMetadata(answer: MetadataFetchAnswer): void {
    const machine = this.lifecycle.machine;
    for (const batch of answer.batches) {
      if (batch.baseOffset !== machine.nextOffset) continue;
      const error = machine.applyLogBatch(batch);
      if (error !== null) throw new Error(`broker ${this.brokerId}: ${error}`);
    }
    this.maybeStartServing();
    if (this.started) this.afterInput();
  }

  /** Hands the ReplicaManager its first image once this incarnation's registration is in it (see the class comment). */
  private maybeStartServing(): void {
    const epoch = this.lifecycle.brokerEpoch;
    if (this.started || epoch === null || this.lifecycle.image.offset < epoch) return;
    this.started = true;
    this.manager.brokerEpoch = epoch;
    this.env.trace(`broker ${this.brokerId}: metadata caught up to its registration (broker epoch ${epoch}); replica manager starts`);
    this.lifecycle.machine.subscribe({
      onMetadataUpdate: (update) => {
        if (!this.retired) this.manager.applyMetadata(update.image, update.fromSnapshot ? null : update.changes, this.env.now());
      },
    });
  }

  // ------------------------------------------------------------------ the work after each input

  /** After any input to the ReplicaManager: flush what is dirty, send ISR changes, tick at the next deadline, fetch from new leaders. */
  afterInput(): void {
    if (this.retired || !this.started) return;
    this.manager.brokerEpoch = this.lifecycle.brokerEpoch ?? -1;
    if (this.manager.needsFlush) this.flushThen(() => {});
    this.unsentAlters.push(...this.manager.takeAlterPartitions());
    this.sendAlterPartitions();
    this.scheduleTick(this.manager.nextDeadline());
    for (const source of this.manager.sourceBrokers()) this.fetcher(source).poke();
  }

  private flushThen(then: () => void): void {
    this.afterFlush.push(then);
    if (this.flushAt !== null) return;
    const at = this.env.now() + this.env.random.int(0, this.env.settings.fsyncMaxMs);
    this.flushAt = at;
    this.env.schedule(at, `broker ${this.brokerId} flush`, () => {
      if (this.retired) return;
      this.flushAt = null;
      this.stats.flushes++;
      this.manager.flush(this.env.now());
      const waiting = this.afterFlush;
      this.afterFlush = [];
      for (const run of waiting) run();
      this.afterInput();
    });
  }

  private scheduleTick(at: number): void {
    if (!Number.isFinite(at) || (this.tickAt !== null && this.tickAt <= at)) return;
    this.tickAt = at;
    this.env.schedule(Math.max(at, this.env.now()), `broker ${this.brokerId} tick`, () => {
      if (this.retired || this.tickAt !== at) return;
      this.tickAt = null;
      this.manager.tick(this.env.now());
      this.afterInput();
    });
  }

  private fetcher(source: BrokerId): ReplicaFetcher {
    let fetcher = this.fetchers.get(source);
    if (fetcher === undefined) {
      fetcher = new ReplicaFetcher({
        source,
        manager: this.manager,
        fetchTimeoutMs: this.env.settings.fetchTimeoutMs,
        now: () => this.env.now(),
        schedule: (at, label, run) => this.env.schedule(at, label, run),
        send: (request, onResponse) =>
          this.env.rpc.call<FetchResponse>(this.brokerId, source, 'replica fetch', () => this.env.peer(source)?.serveFetch(request) ?? null, onResponse),
        flushThen: (then) => (this.manager.needsFlush ? this.flushThen(then) : then()),
        mustFlushBeforeFetch: () => this.env.settings.flushBeforeEachFetch && this.manager.needsFlush,
        afterInput: () => this.afterInput(),
        alive: () => !this.retired,
        prepare: () => {
          this.manager.brokerEpoch = this.lifecycle.brokerEpoch ?? -1;
        },
      });
      if (this.stalledUntil > this.env.now()) fetcher.stall(this.stalledUntil);
      this.fetchers.set(source, fetcher);
    }
    return fetcher;
  }

  /** Replica fetch counts over every source, for coverage. */
  fetcherStats(): { sent: number; answered: number; timedOut: number } {
    const total = { sent: 0, answered: 0, timedOut: 0 };
    for (const f of this.fetchers.values()) {
      total.sent += f.stats.sent;
      total.answered += f.stats.answered;
      total.timedOut += f.stats.timedOut;
    }
    return total;
  }

  // ------------------------------------------------------------------ AlterPartition

  /** Sends the pending ISR changes in one AlterPartition, under the current broker epoch; unregistered, it waits. */
  private sendAlterPartitions(): void {
    if (this.unsentAlters.length === 0) return;
    const brokerEpoch = this.lifecycle.brokerEpoch;
    if (brokerEpoch === null) {
      this.retryAltersAt(this.env.now() + this.env.settings.lifecycle.retryBackoffMs);
      return;
    }
    const items = this.unsentAlters;
    this.unsentAlters = [];
    this.stats.alterPartitionsSent++;
    let settled = false;
    const finish = (resultOf: (item: AlterPartitionItem) => AlterPartitionResult): void => {
      if (settled || this.retired) return;
      settled = true;
      const answers = items.map((item) => ({ item, result: resultOf(item) }));
      for (const { result } of answers) this.env.onAlterPartitionAnswer(result.error?.code ?? 'NONE');
      this.manager.onAlterPartitionResults(answers, this.env.now());
      this.afterInput();
    };
    this.env.controllerChannel.send(this.brokerId, this.env.controllerId, { kind: 'alterPartition', body: { brokerId: this.brokerId, brokerEpoch, partitions: items } }, (reply) => {
      const result = reply.result;
      if (!result.ok) {
        finish(() => ({ error: result.error, state: null }));
        return;
      }
      const answers = (result.value as AlterPartitionResponse).partitions;
      finish((item) => {
        const answer = answers.find((a) => a.topicId === item.topicId && a.partitionId === item.partitionId);
        return answer === undefined ? { error: { code: 'UNKNOWN_SERVER_ERROR' }, state: null } : { error: answer.error, state: answer.state };
      });
    });
    this.env.schedule(this.env.now() + this.env.settings.alterPartitionTimeoutMs, `broker ${this.brokerId} AlterPartition timeout`, () => {
      if (settled) return;
      this.stats.alterPartitionsTimedOut++;
      // Like a request that timed out on the wire: the leader retries what is still pending.
      finish(() => ({ error: { code: 'REQUEST_TIMED_OUT' }, state: null }));
    });
  }

  private retryAltersAt(at: number): void {
    if (this.alterRetryAt !== null) return;
    this.alterRetryAt = at;
    this.env.schedule(at, `broker ${this.brokerId} AlterPartition retry`, () => {
      this.alterRetryAt = null;
      if (!this.retired) this.afterInput();
    });
  }
}
