/**
 * KzClient: the entry point of the client library. It holds the cluster view (brokers, leaders)
 * and one connection per broker — Kafka's protocol, as any Kafka client speaks it — shared by the
 * producers and consumers it makes.
 *
 * ```ts
 * const client = new KzClient({ bootstrap: ['127.0.0.1:9092'] });
 * const producer = client.producer({ acks: -1 });
 * const { offset } = await producer.send('orders', { key, value });
 * const consumer = client.consumer({ groupId: 'billing' });
 * consumer.assign([{ topic: 'orders', partition: 0, from: 'committed' }]);
 * const records = await consumer.poll();
 * await client.close();
 * ```
 */
import pino, { type Logger } from 'pino';
import type { ListedGroup } from '../protocol/group-membership';
import { deleteGroup, describeGroup, groupOffsets, listGroups, type GroupDescription } from './group-admin';
import type { CommittedOffset } from './group-client';
import type { MetadataResponse } from '../protocol/cluster-metadata';
import { ClusterView } from './cluster-view';
import { KzConsumer, type ConsumerOptions } from './kz-consumer';
import { KzProducer, type ProducerOptions } from './kz-producer';
import { lookUpOffsets, type OffsetQuery, type PartitionOffset } from './offset-lookup';
import { deleteRecords, type DeletedRecords, type RecordDeletion } from './record-deletion';
import type { ClientTls } from './kafka-broker-connection';
import type { ClientSasl } from './sasl-login';

export interface KzClientOptions {
  /** `host:port` of one or more brokers; the rest are learnt from Metadata. */
  readonly bootstrap: readonly string[];
  /** Sent as the client id of every Kafka request. Default 'kz-client'. */
  readonly clientId?: string;
  /** Deadline of one request (a fetch gets its maxWaitMs on top). Default 30 000 ms. */
  readonly requestTimeoutMs?: number;
  /** Retries, leader moves and failures are logged at debug; silent without one. */
  readonly logger?: Logger;
  /** For a listener on SSL: the CA, and a client certificate and key when the brokers ask for one. */
  readonly tls?: ClientTls;
  /** For a listener on SASL_PLAINTEXT or SASL_SSL (with `tls` too): sasl.mechanism, sasl.username, sasl.password. */
  readonly sasl?: ClientSasl;
}

export const KZ_CLIENT_DEFAULTS = {
  clientId: 'kz-client',
  requestTimeoutMs: 30_000,
  retryBackoffMs: 100,
} as const;

export class KzClient {
  private readonly cluster: ClusterView;
  private readonly log: Logger;
  private readonly producers = new Set<KzProducer>();
  private readonly consumers = new Set<KzConsumer>();
  private closed = false;

  constructor(options: KzClientOptions) {
    const requestTimeoutMs = options.requestTimeoutMs ?? KZ_CLIENT_DEFAULTS.requestTimeoutMs;
    if (!(requestTimeoutMs > 0)) throw new RangeError(`requestTimeoutMs must be positive, got ${requestTimeoutMs}`);
    const clientId = options.clientId ?? KZ_CLIENT_DEFAULTS.clientId;
    this.log = (options.logger ?? pino({ level: 'silent' })).child({ component: 'kz-client', clientId });
    this.cluster = new ClusterView({ bootstrap: options.bootstrap, clientId, requestTimeoutMs, log: this.log, ...(options.tls === undefined ? {} : { tls: options.tls }), ...(options.sasl === undefined ? {} : { sasl: options.sasl }) });
  }

  producer(options: ProducerOptions): KzProducer {
    const producer = new KzProducer(this.cluster, options, this.log.child({ role: 'producer' }));
    this.producers.add(producer);
    return producer;
  }

  consumer(options: ConsumerOptions = {}): KzConsumer {
    const consumer = new KzConsumer(this.cluster, options, this.log.child({ role: 'consumer', groupId: options.groupId }));
    this.consumers.add(consumer);
    return consumer;
  }

  /** Fresh cluster metadata: these topics, or every topic when none are named. */
  metadata(topics?: readonly string[]): Promise<MetadataResponse> {
    return this.cluster.fetchMetadata(topics === undefined ? null : topics);
  }

  /** Offsets by time (or the log's earliest / latest), each asked of its partition's leader. */
  listOffsets(queries: readonly OffsetQuery[]): Promise<PartitionOffset[]> {
    return lookUpOffsets(this.cluster, queries, this.cluster.requestTimeoutMs, KZ_CLIENT_DEFAULTS.retryBackoffMs, this.log);
  }

  /**
   * Deletes each partition's records below an offset (Kafka's Admin.deleteRecords): its log start
   * moves there on every replica. Resolves with each partition's new low watermark once every live
   * replica has deleted up to it; an offset past the high watermark is OFFSET_OUT_OF_RANGE.
   */
  deleteRecords(deletions: readonly RecordDeletion[]): Promise<DeletedRecords[]> {
    return deleteRecords(this.cluster, deletions, this.cluster.requestTimeoutMs, KZ_CLIENT_DEFAULTS.retryBackoffMs, this.log);
  }

  /** Each group's state, chosen assignor and members with their partitions, from its coordinator. */
  describeGroups(groupIds: readonly string[]): Promise<GroupDescription[]> {
    return Promise.all(groupIds.map((id) => describeGroup(this.cluster, id, this.cluster.requestTimeoutMs, KZ_CLIENT_DEFAULTS.retryBackoffMs, this.log)));
  }

  /** Every offset the group has committed, by topic and partition. */
  groupOffsets(groupId: string): Promise<CommittedOffset[]> {
    return groupOffsets(this.cluster, groupId, this.cluster.requestTimeoutMs, KZ_CLIENT_DEFAULTS.retryBackoffMs, this.log);
  }

  /** Every consumer group in the cluster, with its state. */
  listGroups(): Promise<ListedGroup[]> {
    return listGroups(this.cluster);
  }

  /** Deletes groups that have no members, with their committed offsets. */
  async deleteGroups(groupIds: readonly string[]): Promise<void> {
    for (const id of groupIds) await deleteGroup(this.cluster, id, this.cluster.requestTimeoutMs, KZ_CLIENT_DEFAULTS.retryBackoffMs, this.log);
  }

  /** Closes its producers (flushing them) and consumers, then every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.producers].map((p) => p.close()));
    await Promise.allSettled([...this.consumers].map((c) => c.close()));
    this.cluster.close();
  }
}
