/**
 * A KafkaBackend for listener tests: a BrokerApi that answers every call at once from nothing (or
 * holds it until the test releases it), and controllers that accept every admin request. What the
 * handlers were asked is recorded.
 */
import { MetadataImage, type ControllerApi } from '@kz/metadata';
import type { AdminForwarding, KafkaBackend } from '../../../src/kafka/kafka-backend';
import type { BrokerApi } from '../../../src/protocol/broker-api';
import type { GroupMembershipApi } from '../../../src/protocol/group-membership';
import type { ProducerIdApi } from '../../../src/protocol/producer-ids';
import type { FetchRequest, FetchResponse } from '../../../src/protocol/fetch';
import type { ProduceRequest, ProduceResponse } from '../../../src/protocol/produce';
import type { DeleteRecordsRequest } from '../../../src/protocol/delete-records';

/** Groups of one member that complete every call at once. */
export const ONE_MEMBER_GROUPS: GroupMembershipApi = {
  joinGroup: async (r) => ({
    errorCode: 0,
    generationId: 1,
    protocolType: r.protocolType,
    protocolName: r.protocols[0]?.name ?? null,
    leader: 'member-1',
    memberId: 'member-1',
    members: [{ memberId: 'member-1', groupInstanceId: r.groupInstanceId, metadata: r.protocols[0]?.metadata ?? new Uint8Array(0) }],
  }),
  syncGroup: async (r) => ({ errorCode: 0, protocolType: r.protocolType, protocolName: r.protocolName, assignment: r.assignments[0]?.assignment ?? new Uint8Array(0) }),
  heartbeat: async () => ({ errorCode: 0 }),
  leaveGroup: async (r) => ({ errorCode: 0, members: r.members.map((m) => ({ ...m, errorCode: 0 })) }),
  describeGroups: async (r) => r.groupIds.map((groupId) => ({ errorCode: 0, groupId, state: 'Empty' as const, protocolType: 'consumer', protocol: '', members: [] })),
  listGroups: async () => ({ errorCode: 0, groups: [{ groupId: 'g', protocolType: 'consumer', state: 'Empty' }] }),
  deleteGroups: async (r) => ({ results: r.groupIds.map((groupId) => ({ groupId, errorCode: 0 })) }),
};

/** Producer id 1000 for everyone; no partition knows a producer. */
export const FIXED_PRODUCER_IDS: ProducerIdApi = {
  initProducerId: async () => ({ errorCode: 0, producerId: 1000, producerEpoch: 0 }),
  describeProducers: async (r) => ({
    topics: r.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((partition) => ({ partition, errorCode: 0, errorMessage: null, activeProducers: [] })) })),
  }),
};

export class FakeBackend implements KafkaBackend {
  readonly nodeId = 1;
  readonly clusterId = 'fake-cluster';
  autoCreateTopics = false;
  /** Topics the controllers were asked to create. */
  readonly created: string[] = [];
  readonly produced: ProduceRequest[] = [];
  /** DeleteRecords requests the broker was asked. */
  readonly deleteRecordsAsked: DeleteRecordsRequest[] = [];
  /** While set, produce waits for it to resolve before answering. */
  holdProduce: Promise<void> | null = null;
  readonly broker: BrokerApi;
  readonly admin: AdminForwarding;
  readonly groups: GroupMembershipApi = ONE_MEMBER_GROUPS;
  readonly producerIds: ProducerIdApi = FIXED_PRODUCER_IDS;

  constructor() {
    const self = this;
    this.broker = {
      async produce(request: ProduceRequest): Promise<ProduceResponse> {
        self.produced.push(request);
        if (self.holdProduce !== null) await self.holdProduce;
        return {
          topics: request.topics.map((t) => ({
            name: t.name,
            partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: 0, errorMessage: '', baseOffset: 0, logStartOffset: 0, currentLeader: null })),
          })),
        };
      },
      async fetch(request: FetchRequest): Promise<FetchResponse> {
        return {
          errorCode: 0,
          topics: request.topics.map((t) => ({
            topicId: t.topicId,
            partitions: t.partitions.map((p) => ({
              partition: p.partition,
              errorCode: 0,
              errorMessage: '',
              highWatermark: 0,
              logStartOffset: 0,
              logEndOffset: 0,
              divergingEpoch: null,
              currentLeader: null,
              records: new Uint8Array(0),
            })),
          })),
        };
      },
      async deleteRecords(request) {
        self.deleteRecordsAsked.push(request);
        return { topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: 0, errorMessage: '', lowWatermark: Math.max(0, p.offset) })) })) };
      },
      async listOffsets(request) {
        return { topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: 0, errorMessage: '', timestamp: -1, offset: 0, leaderEpoch: 0 })) })) };
      },
      async metadata(request) {
        return {
          clusterId: 'fake-cluster',
          controllerId: 1,
          brokers: [{ nodeId: 1, host: '127.0.0.1', port: 9092, rack: null }],
          topics: (request.topics ?? []).map((name) => ({ errorCode: 3, name, topicId: '', isInternal: false, partitions: [] })),
        };
      },
      async findCoordinator() {
        return { errorCode: 0, errorMessage: '', nodeId: 1, host: '127.0.0.1', port: 9092 };
      },
      async offsetCommit(request) {
        return { topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: 0 })) })) };
      },
      async offsetDelete(request) {
        return { errorCode: 0, topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((partition) => ({ partition, errorCode: 0 })) })) };
      },
      async offsetFetch(request) {
        return { errorCode: 0, topics: (request.topics ?? []).map((t) => ({ name: t.name, partitions: t.partitions.map((partition) => ({ partition, committedOffset: -1, committedLeaderEpoch: -1, metadata: '', errorCode: 0 })) })) };
      },
    };
    const ok = <K extends keyof ControllerApi>(answer: ControllerApi[K][1]) => async (): Promise<ControllerApi[K][1]> => answer;
    this.admin = {
      createTopics: async (r) => {
        this.created.push(...r.topics.map((t) => t.name));
        return { topics: r.topics.map((t) => ({ name: t.name, error: null, topicId: 'AAAAAAAAAAAAAAAAAAAAAQ', numPartitions: 1, replicationFactor: 1 })) };
      },
      deleteTopics: async (r) => ({ topics: r.names.map((name) => ({ name, error: null })) }),
      createPartitions: async (r) => ({ topics: r.topics.map((t) => ({ name: t.name, error: null })) }),
      electLeaders: async (r) => ({ partitions: (r.partitions ?? []).map((p) => ({ ...p, error: null })) }),
      alterPartitionReassignments: async (r) => ({ partitions: r.reassignments.map((p) => ({ topic: p.topic, partitionId: p.partitionId, error: null })) }),
      listPartitionReassignments: ok<'listPartitionReassignments'>({ reassignments: [] }),
      incrementalAlterConfigs: async (r) => ({ resources: r.resources.map((x) => ({ type: x.type, name: x.name, error: null })) }),
      alterUserScramCredentials: async (r) => ({ results: [...new Set([...r.deletions, ...r.upsertions].map((x) => x.name))].map((user) => ({ user, error: null })) }),
      createAcls: async (r) => ({ results: r.creations.map(() => ({ error: null })) }),
      deleteAcls: async (r) => ({ results: r.filters.map(() => ({ error: null, deleted: [] })) }),
    };
  }

  image(): MetadataImage {
    return MetadataImage.EMPTY;
  }

  logDir() {
    return { path: '/fake/logs', replicas: [{ topic: 't', partition: 0, sizeBytes: 10, offsetLag: 0 }], totalBytes: -1, usableBytes: -1 };
  }
}
