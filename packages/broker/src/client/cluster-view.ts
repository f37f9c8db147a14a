/**
 * A client's picture of the cluster, from Metadata answers: the brokers and their addresses, and
 * for each topic it uses, the topic id and who leads each partition at which epoch. Plus one
 * KafkaBrokerConnection per broker address, shared by the client's producers and consumers for
 * requests answered at once; requests a broker may hold get connections of their own (ownConnectionAt).
 *
 * Leadership only moves forward: a Metadata answer from a broker that lags, or a refresh racing a
 * `currentLeader` hint, never replaces a leader with one of an older epoch (as Kafka's Metadata
 * class ignores stale leader epochs).
 */
import type { Logger } from 'pino';
import type { MetadataResponse } from '../protocol/cluster-metadata';
import type { CurrentLeader } from '../protocol/produce';
import { KafkaBrokerConnection, type ClientTls } from './kafka-broker-connection';
import type { ClientSasl } from './sasl-login';
import { BrokerUnreachableError } from '../service/broker-unreachable-error';

export interface PartitionView {
  readonly partition: number;
  /** -1: no leader known. */
  leaderId: number;
  leaderEpoch: number;
  errorCode: number;
}

export interface TopicView {
  readonly name: string;
  readonly topicId: string;
  readonly errorCode: number;
  /** Indexed by partition id. */
  readonly partitions: readonly PartitionView[];
}

export interface ClusterViewOptions {
  readonly bootstrap: readonly string[];
  readonly clientId: string;
  readonly requestTimeoutMs: number;
  readonly log: Logger;
  readonly tls?: ClientTls;
  readonly sasl?: ClientSasl;
}

export class ClusterView {
  private readonly bootstrap: readonly string[];
  private readonly clientId: string;
  private readonly tls: ClientTls | undefined;
  private readonly sasl: ClientSasl | undefined;
  readonly requestTimeoutMs: number;
  private readonly log: Logger;
  private readonly brokers = new Map<number, string>();
  private readonly owned = new Set<KafkaBrokerConnection>();
  private readonly topics = new Map<string, TopicView>();
  private readonly connections = new Map<string, KafkaBrokerConnection>();
  /** Topics some producer or consumer uses: every refresh asks for all of them. */
  private readonly wanted = new Set<string>();
  private refreshing: Promise<void> | undefined;
  /** Topics asked for while a refresh was already on the wire: they need the next one. */
  private refreshAgain = false;
  private closed = false;
  private nextBroker = 0;

  constructor(options: ClusterViewOptions) {
    if (options.bootstrap.length === 0) throw new RangeError('KzClient needs at least one bootstrap address');
    this.bootstrap = [...options.bootstrap];
    this.clientId = options.clientId;
    this.tls = options.tls;
    this.sasl = options.sasl;
    this.requestTimeoutMs = options.requestTimeoutMs;
    this.log = options.log;
  }

  topic(name: string): TopicView | undefined {
    return this.topics.get(name);
  }

  /** The partition's leader when it is known and reachable (its address is known). */
  leaderOf(topic: string, partition: number): PartitionView | undefined {
    const view = this.topics.get(topic)?.partitions[partition];
    if (view === undefined || view.leaderId < 0 || !this.brokers.has(view.leaderId)) return undefined;
    return view;
  }

  /** The brokers the last Metadata answer named. */
  brokerIds(): number[] {
    return [...this.brokers.keys()];
  }

  /** A broker's address by node id; undefined when the view does not know it. */
  addressOf(nodeId: number): string | undefined {
    return this.brokers.get(nodeId);
  }

  /** The shared connection to a broker by node id; undefined when its address is not known. */
  connectionTo(nodeId: number): KafkaBrokerConnection | undefined {
    const address = this.brokers.get(nodeId);
    return address === undefined ? undefined : this.connectionAt(address);
  }

  connectionAt(address: string): KafkaBrokerConnection {
    let connection = this.connections.get(address);
    if (connection === undefined) {
      connection = new KafkaBrokerConnection({ address, requestTimeoutMs: this.requestTimeoutMs, clientId: this.clientId, ...(this.tls === undefined ? {} : { tls: this.tls }), ...(this.sasl === undefined ? {} : { sasl: this.sasl }) });
      this.connections.set(address, connection);
    }
    return connection;
  }

  /**
   * A connection of the caller's own, not shared, for requests the broker may hold: a consumer's
   * fetches (a long poll of up to maxWaitMs) and its group coordinator's JoinGroup (a whole
   * rebalance). On a shared connection Kafka's in-order answers would hold everything pipelined
   * behind them — a producer's acks, other members' heartbeats — as each Kafka client instance has
   * its own connections. Closed by the caller, or with the view.
   */
  ownConnectionAt(address: string): KafkaBrokerConnection {
    const connection = new KafkaBrokerConnection({ address, requestTimeoutMs: this.requestTimeoutMs, clientId: this.clientId, ...(this.tls === undefined ? {} : { tls: this.tls }), ...(this.sasl === undefined ? {} : { sasl: this.sasl }) });
    this.owned.add(connection);
    return connection;
  }

  /** Closes a connection from ownConnectionAt. */
  release(connection: KafkaBrokerConnection): void {
    connection.close();
    this.owned.delete(connection);
  }

  /**
   * Follows a `currentLeader` hint from a NOT_LEADER_OR_FOLLOWER answer (KIP-951) when it is newer
   * than what the view holds and names a broker it can reach; true when the view moved.
   */
  applyLeaderHint(topic: string, partition: number, hint: CurrentLeader | null): boolean {
    if (hint === null || hint.leaderId < 0 || !this.brokers.has(hint.leaderId)) return false;
    const view = this.topics.get(topic)?.partitions[partition];
    if (view === undefined || hint.leaderEpoch < view.leaderEpoch) return false;
    if (hint.leaderId === view.leaderId && hint.leaderEpoch === view.leaderEpoch) return false;
    this.log.debug({ topic, partition, from: view.leaderId, to: hint.leaderId, epoch: hint.leaderEpoch }, 'leader moved (hint)');
    view.leaderId = hint.leaderId;
    view.leaderEpoch = hint.leaderEpoch;
    view.errorCode = 0;
    return true;
  }

  /** Asks for these topics from now on; true when they were new to the view. */
  want(topics: Iterable<string>): boolean {
    let added = false;
    for (const topic of topics) {
      if (!this.wanted.has(topic)) {
        this.wanted.add(topic);
        added = true;
      }
    }
    return added;
  }

  /**
   * Refreshes the wanted topics. Calls that overlap share one Metadata request; one made while a
   * request is on the wire gets a second one, so what it learns is not older than the call.
   */
  refresh(): Promise<void> {
    if (this.refreshing !== undefined) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const run = async (): Promise<void> => {
      try {
        do {
          this.refreshAgain = false;
          await this.fetchMetadata([...this.wanted]);
        } while (this.refreshAgain);
      } finally {
        this.refreshing = undefined;
      }
    };
    this.refreshing = run();
    return this.refreshing;
  }

  /** Runs `call` on the first broker that answers: known brokers first, then the bootstrap list. */
  async anyBroker<T>(call: (broker: KafkaBrokerConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new BrokerUnreachableError('', 'CANCELLED', 'the client is closed');
    const addresses = this.candidates();
    let last: unknown;
    for (const address of addresses) {
      try {
        return await call(this.connectionAt(address));
      } catch (error) {
        last = error;
        if (!(error instanceof BrokerUnreachableError)) throw error;
        this.log.debug({ address, err: error.message }, 'broker unreachable; trying the next one');
      }
    }
    throw last instanceof Error ? last : new BrokerUnreachableError(addresses.join(','), 'UNAVAILABLE', 'no broker answered');
  }

  /**
   * One Metadata request (topics null: every topic), from a known broker if any answers, else a
   * bootstrap address; the answer updates the view. BrokerUnreachableError when nobody answers.
   */
  async fetchMetadata(topics: readonly string[] | null): Promise<MetadataResponse> {
    const response = await this.anyBroker((broker) => broker.metadata({ topics }));
    this.absorb(response);
    return response;
  }

  close(): void {
    this.closed = true;
    for (const connection of this.connections.values()) connection.close();
    for (const connection of [...this.owned]) connection.close();
    this.connections.clear();
  }

  /** Known brokers first, starting at a rotating one so load spreads, then the bootstrap list. */
  private candidates(): string[] {
    const known = [...new Set(this.brokers.values())];
    const start = known.length === 0 ? 0 : this.nextBroker++ % known.length;
    const rotated = [...known.slice(start), ...known.slice(0, start)];
    return [...new Set([...rotated, ...this.bootstrap])];
  }

  private absorb(response: MetadataResponse): void {
    if (response.brokers.length > 0) {
      this.brokers.clear();
      for (const b of response.brokers) this.brokers.set(b.nodeId, formatAddress(b.host, b.port));
    }
    for (const t of response.topics) {
      const old = this.topics.get(t.name);
      const partitions: PartitionView[] = [];
      for (const p of t.partitions) {
        const before = old !== undefined && old.topicId === t.topicId ? old.partitions[p.partition] : undefined;
        // A lagging broker's answer must not take leadership back to an older epoch.
        const keep = before !== undefined && before.leaderEpoch > p.leaderEpoch;
        partitions[p.partition] = keep
          ? before
          : { partition: p.partition, leaderId: p.leaderId, leaderEpoch: p.leaderEpoch, errorCode: p.errorCode };
      }
      this.topics.set(t.name, { name: t.name, topicId: t.topicId, errorCode: t.errorCode, partitions: fillGaps(partitions) });
    }
  }
}

/** Partition ids are dense; a hole (a partition the answer left out) is leaderless, not undefined. */
function fillGaps(partitions: PartitionView[]): PartitionView[] {
  for (let i = 0; i < partitions.length; i++) partitions[i] ??= { partition: i, leaderId: -1, leaderEpoch: -1, errorCode: 5 };
  return partitions;
}

export function formatAddress(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
