/**
 * In-process fake brokers behind real Kafka listeners on loopback (the broker's own handlers over a
 * fake BrokerApi): enough of a broker for the client library's tests, which so run the whole Kafka
 * protocol path, client connection to listener and back. Partition logs are shared by the cluster and only the partition's leader takes
 * produces and fetches; leadership is moved by the test (with a bumped epoch). Batches are
 * checked (CRC) and stamped with offsets and the leader epoch, as a real leader does.
 *
 * Idempotent batches are checked against the shipped ProducerStateTable, so a retry is answered
 * with its original offsets as a real leader answers it.
 *
 * `intercept` lets a test answer a produce partition itself (an error, say) before the fake does;
 * `loseAnswer` makes the fake append and then answer REQUEST_TIMED_OUT, as if the answer were lost.
 */
import { iterateBatches, stampBatch, verifyBatchCrc, decodeRecordBatch, type RecordBatchHeader } from '@kz/records';
import { createHash } from 'node:crypto';
import pino from 'pino';
import { apiError, KAFKA_ERROR_CODES, MetadataImage } from '@kz/metadata';
import type { AdminForwarding } from '../../../src/kafka/kafka-backend';
import { kafkaHandlers } from '../../../src/kafka/kafka-handlers';
import { KafkaListener } from '../../../src/kafka/kafka-listener';
import { FIXED_PRODUCER_IDS } from '../../kafka/support/fake-backend';
import { ClassicGroups } from './classic-groups';
import type { BrokerApi } from '../../../src/protocol/broker-api';
import type { MetadataRequest, MetadataResponse } from '../../../src/protocol/cluster-metadata';
import type { FetchPartitionResponse, FetchRequest, FetchResponse } from '../../../src/protocol/fetch';
import type {
  FindCoordinatorResponse,
  OffsetCommitRequest,
  OffsetCommitResponse,
  OffsetDeleteRequest,
  OffsetDeleteResponse,
  OffsetFetchRequest,
  OffsetFetchResponse,
} from '../../../src/protocol/group-offsets';
import type { ListOffsetsRequest, ListOffsetsResponse } from '../../../src/protocol/list-offsets';
import type { DeleteRecordsRequest, DeleteRecordsResponse } from '../../../src/protocol/delete-records';
import type { ProducePartitionResponse, ProduceRequest, ProduceResponse } from '../../../src/protocol/produce';
import type { ProducerIdApi } from '../../../src/protocol/producer-ids';
import { InvalidProducerEpochError, OutOfOrderSequenceError } from '../../../src/log/log-errors';
import { isIdempotent, ProducerStateTable } from '../../../src/log/producer-state';

export interface FakePartition {
  leaderId: number;
  leaderEpoch: number;
  /** Stamped batches, in offset order. */
  readonly batches: { baseOffset: number; lastOffset: number; bytes: Uint8Array }[];
  logEnd: number;
  /** Moved up by DeleteRecords. */
  logStart: number;
  readonly producers: ProducerStateTable;
}

export interface FakeTopic {
  readonly name: string;
  readonly topicId: string;
  readonly partitions: FakePartition[];
}

export type ProduceInterceptor = (nodeId: number, topic: string, partition: number) => Partial<ProducePartitionResponse> | undefined;
export type AnswerLoss = (nodeId: number, topic: string, partition: number) => boolean;

export class FakeCluster {
  readonly topics = new Map<string, FakeTopic>();
  readonly brokers = new Map<number, FakeBroker>();
  readonly servers = new Map<number, KafkaListener>();
  readonly ports = new Map<number, number>();
  /** Every produce request each broker received. */
  readonly produceRequests: { nodeId: number; request: ProduceRequest }[] = [];
  /** Every fetch request each broker received. */
  readonly fetchRequests: { nodeId: number; request: FetchRequest }[] = [];
  /** Every DeleteRecords request each broker received. */
  readonly deleteRecordsRequests: { nodeId: number; request: DeleteRecordsRequest }[] = [];
  readonly offsets = new Map<string, { offset: number; epoch: number }>();
  /** Consumer groups, on the coordinator: the shipped ClassicGroup rules. */
  readonly groups = new ClassicGroups();
  coordinatorId = 0;
  /** Whether NOT_LEADER_OR_FOLLOWER answers name the leader (KIP-951). */
  hints = true;
  intercept: ProduceInterceptor | undefined;
  loseAnswer: AnswerLoss | undefined;
  /** While true, a fetch that finds nothing waits until releaseHeldFetches (a long poll the test controls). */
  holdEmptyFetches = false;
  readonly heldFetches: (() => void)[] = [];
  /** Producer ids handed out by InitProducerId, in order. */
  readonly producerIds: number[] = [];
  /** How many produce partitions were refused with NOT_LEADER_OR_FOLLOWER. */
  notLeaderAnswers = 0;
  /** Group calls answered NOT_COORDINATOR before the real answer. */
  notCoordinatorAnswers = 0;

  static async start(nodeIds: readonly number[]): Promise<FakeCluster> {
    const cluster = new FakeCluster();
    for (const id of nodeIds) {
      const broker = new FakeBroker(cluster, id);
      const backend = { nodeId: id, clusterId: 'fake', broker, groups: cluster.groups.api(() => id === cluster.coordinatorId && cluster.servers.has(id)), producerIds: cluster.producerIdApi(), image: () => MetadataImage.EMPTY, admin: NO_CONTROLLER, autoCreateTopics: false, logDir: () => ({ path: '/fake', replicas: [], totalBytes: -1, usableBytes: -1 }) };
      const server = new KafkaListener({ handlers: kafkaHandlers(backend), listen: '127.0.0.1:0', logger: pino({ level: 'silent' }) });
      cluster.brokers.set(id, broker);
      cluster.servers.set(id, server);
      cluster.ports.set(id, await server.start());
    }
    return cluster;
  }

  /** Each InitProducerId gets the next id (epoch 0), as a controller's id blocks would give. */
  private producerIdApi(): ProducerIdApi {
    return {
      initProducerId: async () => {
        const producerId = 1000 + this.producerIds.length;
        this.producerIds.push(producerId);
        return { errorCode: 0, producerId, producerEpoch: 0 };
      },
      describeProducers: FIXED_PRODUCER_IDS.describeProducers,
    };
  }

  bootstrap(): string[] {
    return [...this.ports.values()].map((port) => `127.0.0.1:${port}`);
  }

  createTopic(name: string, leaders: readonly number[]): FakeTopic {
    const topic: FakeTopic = {
      name,
      // A topic id is 16 bytes; Kafka's text form is their URL-safe base64.
      topicId: createHash('md5').update(name).digest('base64url'),
      partitions: leaders.map((leaderId) => ({ leaderId, leaderEpoch: 0, batches: [], logEnd: 0, logStart: 0, producers: new ProducerStateTable() })),
    };
    this.topics.set(name, topic);
    return topic;
  }

  partition(topic: string, partition: number): FakePartition {
    const p = this.topics.get(topic)?.partitions[partition];
    if (p === undefined) throw new Error(`no ${topic}-${partition}`);
    return p;
  }

  moveLeader(topic: string, partition: number, leaderId: number): void {
    const p = this.partition(topic, partition);
    p.leaderId = leaderId;
    p.leaderEpoch += 1;
  }

  /** The values stored in a partition, in offset order, as strings. */
  values(topic: string, partition: number): string[] {
    const out: string[] = [];
    for (const b of this.partition(topic, partition).batches) {
      for (const r of decodeRecordBatch(b.bytes).records) out.push(Buffer.from(r.value ?? new Uint8Array()).toString());
    }
    return out;
  }

  async stopBroker(nodeId: number): Promise<void> {
    await this.servers.get(nodeId)?.stop();
  }

  releaseHeldFetches(): void {
    this.holdEmptyFetches = false;
    for (const release of this.heldFetches.splice(0)) release();
  }

  async stop(): Promise<void> {
    this.releaseHeldFetches();
    this.groups.stop();
    await Promise.all([...this.servers.values()].map((s) => s.stop()));
  }
}

/** The fake has no controllers: admin requests fail as a cluster without one would answer them. */
const unavailable = (): Promise<never> => Promise.reject(apiError('NOT_CONTROLLER', 'the fake cluster has no controller'));
const NO_CONTROLLER: AdminForwarding = {
  createTopics: unavailable,
  deleteTopics: unavailable,
  createPartitions: unavailable,
  electLeaders: unavailable,
  alterPartitionReassignments: unavailable,
  listPartitionReassignments: unavailable,
  incrementalAlterConfigs: unavailable,
  alterUserScramCredentials: unavailable,
  createAcls: unavailable,
  deleteAcls: unavailable,
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type ProducerCheck = { readonly append: true } | { readonly duplicateOf: number } | { readonly errorCode: number };

/** A leader's check of an idempotent batch, with the shipped producer state (duplicates answered at their first offset). */
function checkProducer(p: FakePartition, header: RecordBatchHeader): ProducerCheck {
  if (!isIdempotent(header)) return { append: true };
  try {
    const check = p.producers.checkBatch(header);
    return check.duplicate ? { duplicateOf: check.firstOffset } : { append: true };
  } catch (error) {
    if (error instanceof OutOfOrderSequenceError || error instanceof InvalidProducerEpochError) return { errorCode: error.kafkaErrorCode };
    throw error;
  }
}

export class FakeBroker implements BrokerApi {
  constructor(
    private readonly cluster: FakeCluster,
    readonly nodeId: number,
  ) {}

  async produce(request: ProduceRequest): Promise<ProduceResponse> {
    this.cluster.produceRequests.push({ nodeId: this.nodeId, request });
    const topics = request.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((d): ProducePartitionResponse => {
        const base = { partition: d.partition, errorMessage: '', baseOffset: -1, logStartOffset: 0, currentLeader: null };
        const injected = this.cluster.intercept?.(this.nodeId, t.name, d.partition);
        if (injected !== undefined) return { ...base, errorCode: KAFKA_ERROR_CODES.UNKNOWN_SERVER_ERROR, ...injected };
        const p = this.cluster.topics.get(t.name)?.partitions[d.partition];
        if (p === undefined) return { ...base, errorCode: KAFKA_ERROR_CODES.UNKNOWN_TOPIC_OR_PARTITION };
        if (p.leaderId !== this.nodeId) {
          const currentLeader = this.cluster.hints ? { leaderId: p.leaderId, leaderEpoch: p.leaderEpoch } : null;
          this.cluster.notLeaderAnswers += 1;
          return { ...base, errorCode: KAFKA_ERROR_CODES.NOT_LEADER_OR_FOLLOWER, currentLeader };
        }
        let first = p.logEnd;
        // The records are a view into the request; the log keeps its own copy.
        const bytes = new Uint8Array(d.records);
        for (const { at, header } of iterateBatches(bytes)) {
          verifyBatchCrc(bytes, at);
          const check = checkProducer(p, header);
          if ('errorCode' in check) return { ...base, errorCode: check.errorCode };
          if ('duplicateOf' in check) {
            first = check.duplicateOf;
            continue;
          }
          const batch = bytes.slice(at, at + header.sizeInBytes);
          stampBatch(batch, p.logEnd, p.leaderEpoch);
          const lastOffset = p.logEnd + header.lastOffsetDelta;
          p.batches.push({ baseOffset: p.logEnd, lastOffset, bytes: batch });
          if (isIdempotent(header)) p.producers.record(header, p.logEnd, lastOffset);
          p.logEnd = lastOffset + 1;
        }
        if (this.cluster.loseAnswer?.(this.nodeId, t.name, d.partition) === true) return { ...base, errorCode: KAFKA_ERROR_CODES.REQUEST_TIMED_OUT };
        return { ...base, errorCode: 0, baseOffset: request.acks === 0 ? -1 : first };
      }),
    }));
    return request.acks === 0 ? { topics: [] } : { topics };
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    this.cluster.fetchRequests.push({ nodeId: this.nodeId, request });
    const answer = (): FetchResponse => ({
      errorCode: 0,
      topics: request.topics.map((t) => {
        const topic = [...this.cluster.topics.values()].find((x) => x.topicId === t.topicId);
        return {
          topicId: t.topicId,
          partitions: t.partitions.map((f): FetchPartitionResponse => {
            const base = {
              partition: f.partition,
              errorMessage: '',
              highWatermark: -1,
              logStartOffset: 0,
              logEndOffset: -1,
              divergingEpoch: null,
              currentLeader: null,
              records: new Uint8Array(0),
            };
            const p = topic?.partitions[f.partition];
            if (p === undefined) return { ...base, errorCode: KAFKA_ERROR_CODES.UNKNOWN_TOPIC_ID };
            if (p.leaderId !== this.nodeId) {
              return { ...base, errorCode: KAFKA_ERROR_CODES.NOT_LEADER_OR_FOLLOWER, currentLeader: this.cluster.hints ? { leaderId: p.leaderId, leaderEpoch: p.leaderEpoch } : null };
            }
            if (f.currentLeaderEpoch >= 0 && f.currentLeaderEpoch < p.leaderEpoch) return { ...base, errorCode: KAFKA_ERROR_CODES.FENCED_LEADER_EPOCH };
            if (f.fetchOffset < p.logStart || f.fetchOffset > p.logEnd) return { ...base, errorCode: KAFKA_ERROR_CODES.OFFSET_OUT_OF_RANGE };
            const chosen = p.batches.filter((b) => b.lastOffset >= f.fetchOffset);
            return { ...base, errorCode: 0, highWatermark: p.logEnd, logEndOffset: p.logEnd, records: Buffer.concat(chosen.map((b) => b.bytes)) };
          }),
        };
      }),
    });
    let response = answer();
    const empty = response.topics.every((t) => t.partitions.every((p) => p.errorCode === 0 && p.records.length === 0));
    if (empty && request.maxWaitMs > 0) {
      // A short stand-in for the long poll: enough for records produced meanwhile to show up; or,
      // while a test holds empty fetches, until it releases them.
      if (this.cluster.holdEmptyFetches) await new Promise<void>((resolve) => this.cluster.heldFetches.push(resolve));
      else await sleep(Math.min(request.maxWaitMs, 20));
      response = answer();
    }
    return response;
  }

  async listOffsets(request: ListOffsetsRequest): Promise<ListOffsetsResponse> {
    return {
      topics: request.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((q) => {
          const p = this.cluster.topics.get(t.name)?.partitions[q.partition];
          const base = { partition: q.partition, errorMessage: '', timestamp: -1, offset: -1, leaderEpoch: -1 };
          if (p === undefined) return { ...base, errorCode: KAFKA_ERROR_CODES.UNKNOWN_TOPIC_OR_PARTITION };
          if (p.leaderId !== this.nodeId) return { ...base, errorCode: KAFKA_ERROR_CODES.NOT_LEADER_OR_FOLLOWER };
          return { ...base, errorCode: 0, offset: q.timestamp === -2 ? p.logStart : p.logEnd, leaderEpoch: p.leaderEpoch };
        }),
      })),
    };
  }

  /** The leader moves the log start up (to the log end for -1); replicas are not modelled, so the low watermark is the start. */
  async deleteRecords(request: DeleteRecordsRequest): Promise<DeleteRecordsResponse> {
    this.cluster.deleteRecordsRequests.push({ nodeId: this.nodeId, request });
    return {
      topics: request.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((q) => {
          const p = this.cluster.topics.get(t.name)?.partitions[q.partition];
          const refused = (errorCode: number) => ({ partition: q.partition, errorCode, errorMessage: '', lowWatermark: -1 });
          if (p === undefined) return refused(KAFKA_ERROR_CODES.UNKNOWN_TOPIC_OR_PARTITION);
          if (p.leaderId !== this.nodeId) return refused(KAFKA_ERROR_CODES.NOT_LEADER_OR_FOLLOWER);
          const offset = q.offset === -1 ? p.logEnd : q.offset;
          if (offset < 0 || offset > p.logEnd) return refused(KAFKA_ERROR_CODES.OFFSET_OUT_OF_RANGE);
          p.logStart = Math.max(p.logStart, offset);
          return { partition: q.partition, errorCode: 0, errorMessage: '', lowWatermark: p.logStart };
        }),
      })),
    };
  }

  async metadata(request: MetadataRequest): Promise<MetadataResponse> {
    const names = request.topics ?? [...this.cluster.topics.keys()];
    return {
      clusterId: 'fake',
      controllerId: -1,
      brokers: [...this.cluster.ports].map(([nodeId, port]) => ({ nodeId, host: '127.0.0.1', port, rack: null })),
      topics: names.map((name) => {
        const t = this.cluster.topics.get(name);
        if (t === undefined) return { errorCode: KAFKA_ERROR_CODES.UNKNOWN_TOPIC_OR_PARTITION, name, topicId: '', isInternal: false, partitions: [] };
        return {
          errorCode: 0,
          name,
          topicId: t.topicId,
          isInternal: false,
          partitions: t.partitions.map((p, i) => ({
            errorCode: 0,
            partition: i,
            leaderId: p.leaderId,
            leaderEpoch: p.leaderEpoch,
            replicas: [...this.cluster.ports.keys()],
            isr: [...this.cluster.ports.keys()],
            offlineReplicas: [],
          })),
        };
      }),
    };
  }

  async findCoordinator(): Promise<FindCoordinatorResponse> {
    const id = this.cluster.coordinatorId;
    return { errorCode: 0, errorMessage: '', nodeId: id, host: '127.0.0.1', port: this.cluster.ports.get(id) ?? 0 };
  }

  private refuseAsCoordinator(): boolean {
    if (this.nodeId !== this.cluster.coordinatorId) return true;
    if (this.cluster.notCoordinatorAnswers > 0) {
      this.cluster.notCoordinatorAnswers -= 1;
      return true;
    }
    return false;
  }

  async offsetCommit(request: OffsetCommitRequest): Promise<OffsetCommitResponse> {
    const refuse = this.refuseAsCoordinator();
    return {
      topics: request.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => {
          if (refuse) return { partition: p.partition, errorCode: KAFKA_ERROR_CODES.NOT_COORDINATOR };
          const fenced = this.cluster.groups.validateCommit(request);
          if (fenced !== 0) return { partition: p.partition, errorCode: fenced };
          this.cluster.offsets.set(`${request.groupId}/${t.name}/${p.partition}`, { offset: p.committedOffset, epoch: p.committedLeaderEpoch });
          return { partition: p.partition, errorCode: 0 };
        }),
      })),
    };
  }

  async offsetDelete(request: OffsetDeleteRequest): Promise<OffsetDeleteResponse> {
    if (this.refuseAsCoordinator()) return { errorCode: KAFKA_ERROR_CODES.NOT_COORDINATOR, topics: [] };
    for (const t of request.topics) for (const p of t.partitions) this.cluster.offsets.delete(`${request.groupId}/${t.name}/${p}`);
    return { errorCode: 0, topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((partition) => ({ partition, errorCode: 0 })) })) };
  }

  async offsetFetch(request: OffsetFetchRequest): Promise<OffsetFetchResponse> {
    if (this.refuseAsCoordinator()) return { errorCode: KAFKA_ERROR_CODES.NOT_COORDINATOR, topics: [] };
    return {
      errorCode: 0,
      topics: (request.topics ?? []).map((t) => ({
        name: t.name,
        partitions: t.partitions.map((partition) => {
          const c = this.cluster.offsets.get(`${request.groupId}/${t.name}/${partition}`);
          return { partition, committedOffset: c?.offset ?? -1, committedLeaderEpoch: c?.epoch ?? -1, metadata: '', errorCode: 0 };
        }),
      })),
    };
  }
}
