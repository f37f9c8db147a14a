/**
 * kafkajs 2.2.4's own request encoders against our decoder: for every API
 * and version kafkajs implements (that kz has), the frame kafkajs would send
 * decodes with decodeRequest into the values kafkajs was given.
 */
import { ApiKey, decodeRequest, type DecodedRequest } from '@kz/kafka-protocol';
import { plain } from '../helpers';
import { kafkajsRequestFrame, kafkajsVersions } from './kafkajs';

interface Case {
  api: string;
  key: number;
  /** kafkajs's arguments (an object, except DeleteGroups which takes the array of group ids). */
  args: unknown;
  /** What our decoded body must contain at version v. */
  expected(v: number): Record<string, unknown>;
}

const bytes = (s: string): Buffer => Buffer.from(s);

const CASES: Case[] = [
  {
    api: 'fetch',
    key: ApiKey.Fetch,
    args: {
      replicaId: -1,
      maxWaitTime: 5000,
      minBytes: 1,
      maxBytes: 10485760,
      topics: [{ topic: 'orders', partitions: [{ partition: 3, fetchOffset: '42', maxBytes: 1048576 }] }],
      rackId: 'rack-a',
    },
    expected: (v) => ({
      replicaId: -1,
      maxWaitMs: 5000,
      minBytes: 1,
      ...(v >= 3 ? { maxBytes: 10485760 } : {}),
      ...(v >= 4 ? { isolationLevel: 1 } : {}),
      ...(v >= 7 ? { sessionId: 0, sessionEpoch: -1, forgottenTopicsData: [] } : {}),
      ...(v >= 11 ? { rackId: 'rack-a' } : {}),
      topics: [
        {
          topic: 'orders',
          partitions: [{ partition: 3, fetchOffset: 42, partitionMaxBytes: 1048576, ...(v >= 9 ? { currentLeaderEpoch: -1 } : {}) }],
        },
      ],
    }),
  },
  {
    api: 'listOffsets',
    key: ApiKey.ListOffsets,
    args: { replicaId: -1, isolationLevel: 1, topics: [{ topic: 't', partitions: [{ partition: 0, timestamp: -2 }] }] },
    expected: (v) => ({
      replicaId: -1,
      ...(v >= 2 ? { isolationLevel: 1 } : {}),
      topics: [{ name: 't', partitions: [{ partitionIndex: 0, timestamp: -2, maxNumOffsets: 1 }] }],
    }),
  },
  {
    api: 'metadata',
    key: ApiKey.Metadata,
    args: { topics: ['a', 'b'], allowAutoTopicCreation: false },
    expected: (v) => ({
      topics: [
        { name: 'a', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' },
        { name: 'b', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' },
      ],
      allowAutoTopicCreation: v >= 4 ? false : true,
    }),
  },
  {
    api: 'offsetCommit',
    key: ApiKey.OffsetCommit,
    args: {
      groupId: 'g',
      groupGenerationId: 5,
      memberId: 'm-1',
      retentionTime: -1,
      topics: [{ topic: 't', partitions: [{ partition: 1, offset: '100', metadata: null }] }],
    },
    expected: (v) => ({
      groupId: 'g',
      ...(v >= 1 ? { generationIdOrMemberEpoch: 5, memberId: 'm-1' } : {}),
      topics: [{ name: 't', partitions: [{ partitionIndex: 1, committedOffset: 100, committedMetadata: null }] }],
    }),
  },
  {
    api: 'offsetFetch',
    key: ApiKey.OffsetFetch,
    args: { groupId: 'g', topics: [{ topic: 't', partitions: [{ partition: 0 }, { partition: 2 }] }] },
    expected: () => ({ groupId: 'g', topics: [{ name: 't', partitionIndexes: [0, 2] }] }),
  },
  {
    api: 'findCoordinator',
    key: ApiKey.FindCoordinator,
    args: { groupId: 'g', coordinatorKey: 'g', coordinatorType: 1 },
    expected: (v) => ({ key: 'g', keyType: v >= 1 ? 1 : 0 }),
  },
  {
    api: 'joinGroup',
    key: ApiKey.JoinGroup,
    args: {
      groupId: 'g',
      sessionTimeout: 30000,
      rebalanceTimeout: 60000,
      memberId: '',
      protocolType: 'consumer',
      groupProtocols: [{ name: 'RoundRobinAssigner', metadata: bytes('meta') }],
    },
    expected: (v) => ({
      groupId: 'g',
      sessionTimeoutMs: 30000,
      rebalanceTimeoutMs: v >= 1 ? 60000 : -1,
      memberId: '',
      protocolType: 'consumer',
      protocols: [{ name: 'RoundRobinAssigner', metadata: plain(bytes('meta')) }],
    }),
  },
  {
    api: 'heartbeat',
    key: ApiKey.Heartbeat,
    args: { groupId: 'g', groupGenerationId: 3, memberId: 'm', groupInstanceId: 'i' },
    expected: (v) => ({ groupId: 'g', generationId: 3, memberId: 'm', groupInstanceId: v >= 3 ? 'i' : null }),
  },
  {
    api: 'leaveGroup',
    key: ApiKey.LeaveGroup,
    args: { groupId: 'g', memberId: 'm', groupInstanceId: 'i' },
    expected: (v) =>
      v >= 3
        ? { groupId: 'g', members: [{ memberId: 'm', groupInstanceId: 'i' }] }
        : { groupId: 'g', memberId: 'm', members: [] },
  },
  {
    api: 'syncGroup',
    key: ApiKey.SyncGroup,
    args: { groupId: 'g', generationId: 2, memberId: 'm', groupInstanceId: null, groupAssignment: [{ memberId: 'm', memberAssignment: bytes('as') }] },
    expected: () => ({ groupId: 'g', generationId: 2, memberId: 'm', assignments: [{ memberId: 'm', assignment: plain(bytes('as')) }] }),
  },
  {
    api: 'describeGroups',
    key: ApiKey.DescribeGroups,
    args: { groupIds: ['g1', 'g2'] },
    expected: () => ({ groups: ['g1', 'g2'] }),
  },
  { api: 'listGroups', key: ApiKey.ListGroups, args: {}, expected: () => ({}) },
  { api: 'saslHandshake', key: ApiKey.SaslHandshake, args: { mechanism: 'PLAIN' }, expected: () => ({ mechanism: 'PLAIN' }) },
  { api: 'apiVersions', key: ApiKey.ApiVersions, args: {}, expected: () => ({}) },
  {
    api: 'createTopics',
    key: ApiKey.CreateTopics,
    args: {
      topics: [
        {
          topic: 'new',
          numPartitions: 3,
          replicationFactor: 2,
          replicaAssignment: [{ partition: 0, replicas: [1, 2] }],
          configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
        },
      ],
      validateOnly: true,
      timeout: 1234,
    },
    expected: (v) => ({
      topics: [
        {
          name: 'new',
          numPartitions: 3,
          replicationFactor: 2,
          assignments: [{ partitionIndex: 0, brokerIds: [1, 2] }],
          configs: [{ name: 'cleanup.policy', value: 'compact' }],
        },
      ],
      timeoutMs: 1234,
      validateOnly: v >= 1,
    }),
  },
  {
    api: 'deleteTopics',
    key: ApiKey.DeleteTopics,
    args: { topics: ['x', 'y'], timeout: 999 },
    expected: () => ({ topicNames: ['x', 'y'], timeoutMs: 999 }),
  },
  {
    api: 'deleteRecords',
    key: ApiKey.DeleteRecords,
    args: { topics: [{ topic: 't', partitions: [{ partition: 0, offset: '77' }] }], timeout: 500 },
    expected: () => ({ topics: [{ name: 't', partitions: [{ partitionIndex: 0, offset: 77 }] }], timeoutMs: 500 }),
  },
  {
    api: 'initProducerId',
    key: ApiKey.InitProducerId,
    args: { transactionalId: 'tx', transactionTimeout: 60000 },
    expected: () => ({ transactionalId: 'tx', transactionTimeoutMs: 60000 }),
  },
  {
    api: 'describeAcls',
    key: ApiKey.DescribeAcls,
    args: { resourceType: 2, resourceName: 'topic-a', resourcePatternType: 3, principal: 'User:bob', host: '*', operation: 3, permissionType: 3 },
    expected: (v) => ({
      resourceTypeFilter: 2,
      resourceNameFilter: 'topic-a',
      patternTypeFilter: 3,
      principalFilter: 'User:bob',
      hostFilter: '*',
      operation: 3,
      permissionType: 3,
      ...(v === 0 ? {} : {}),
    }),
  },
  {
    api: 'createAcls',
    key: ApiKey.CreateAcls,
    args: {
      creations: [{ resourceType: 2, resourceName: 't', resourcePatternType: 4, principal: 'User:a', host: '*', operation: 2, permissionType: 3 }],
    },
    expected: (v) => ({
      creations: [
        { resourceType: 2, resourceName: 't', resourcePatternType: v >= 1 ? 4 : 3, principal: 'User:a', host: '*', operation: 2, permissionType: 3 },
      ],
    }),
  },
  {
    api: 'deleteAcls',
    key: ApiKey.DeleteAcls,
    args: { filters: [{ resourceType: 2, resourceName: null, resourcePatternType: 1, principal: null, host: null, operation: 1, permissionType: 1 }] },
    expected: (v) => ({
      filters: [
        {
          resourceTypeFilter: 2,
          resourceNameFilter: null,
          patternTypeFilter: v >= 1 ? 1 : 3,
          principalFilter: null,
          hostFilter: null,
          operation: 1,
          permissionType: 1,
        },
      ],
    }),
  },
  {
    api: 'describeConfigs',
    key: ApiKey.DescribeConfigs,
    args: { resources: [{ type: 2, name: 't', configNames: ['retention.ms'] }], includeSynonyms: true },
    expected: (v) => ({
      resources: [{ resourceType: 2, resourceName: 't', configurationKeys: ['retention.ms'] }],
      includeSynonyms: v >= 1,
    }),
  },
  {
    api: 'alterConfigs',
    key: ApiKey.AlterConfigs,
    args: { resources: [{ type: 2, name: 't', configEntries: [{ name: 'retention.ms', value: '1000' }] }], validateOnly: true },
    expected: () => ({
      resources: [{ resourceType: 2, resourceName: 't', configs: [{ name: 'retention.ms', value: '1000' }] }],
      validateOnly: true,
    }),
  },
  {
    api: 'saslAuthenticate',
    key: ApiKey.SaslAuthenticate,
    // kafkajs's SASL mechanisms hand it bytes already framed with their int32 length.
    args: { authBytes: Buffer.concat([Buffer.from([0, 0, 0, 10]), bytes('\u0000user\u0000pass')]) },
    expected: () => ({ authBytes: plain(bytes('\u0000user\u0000pass')) }),
  },
  {
    api: 'createPartitions',
    key: ApiKey.CreatePartitions,
    args: { topicPartitions: [{ topic: 't', count: 6, assignments: [[1], [2]] }], validateOnly: false, timeout: 300 },
    expected: () => ({
      topics: [{ name: 't', count: 6, assignments: [{ brokerIds: [1] }, { brokerIds: [2] }] }],
      timeoutMs: 300,
      validateOnly: false,
    }),
  },
  {
    api: 'deleteGroups',
    key: ApiKey.DeleteGroups,
    args: ['g1'],
    expected: () => ({ groupsNames: ['g1'] }),
  },
  {
    api: 'alterPartitionReassignments',
    key: ApiKey.AlterPartitionReassignments,
    args: { topics: [{ topic: 't', partitionAssignment: [{ partition: 0, replicas: [3, 1] }] }], timeout: 5000 },
    expected: () => ({ timeoutMs: 5000, topics: [{ name: 't', partitions: [{ partitionIndex: 0, replicas: [3, 1] }] }] }),
  },
  {
    api: 'listPartitionReassignments',
    key: ApiKey.ListPartitionReassignments,
    args: { topics: [{ topic: 't', partitions: [0, 4] }], timeout: 5000 },
    expected: () => ({ timeoutMs: 5000, topics: [{ name: 't', partitionIndexes: [0, 4] }] }),
  },
];

describe('kafkajs 2.2.4 Produce requests', () => {
  test.each(kafkajsVersions('produce'))('v%i: records arrive as a view into the frame, not a copy', async (v) => {
    const frame = await kafkajsRequestFrame('produce', v, {
      acks: -1,
      timeout: 30000,
      compression: 0,
      transactionalId: null,
      topicData: [{ topic: 'orders', partitions: [{ partition: 5, firstSequence: 0, messages: [{ key: 'k', value: 'hello' }] }] }],
    });
    const req = decodeRequest(frame);
    if (req.apiKey !== ApiKey.Produce) throw new Error('not a Produce request');
    expect(req.body).toMatchObject({ acks: -1, timeoutMs: 30000, transactionalId: null });
    const [topic] = req.body.topicData;
    expect(topic?.name).toBe('orders');
    const records = topic?.partitionData[0]?.records;
    expect(topic?.partitionData[0]?.index).toBe(5);
    if (!records) throw new Error('no records');
    expect(records.buffer).toBe(frame.buffer);
    // Byte 16 of a batch or message set is its magic: RecordBatch (2) from v3, message sets before.
    expect(records[16]).toBe(v >= 3 ? 2 : v === 2 ? 1 : 0);
    expect(Buffer.from(records).includes('hello')).toBe(true);
  });
});

const VERSIONED = CASES.flatMap((c) => kafkajsVersions(c.api).map((v) => [c.api, v, c] as const));

describe('kafkajs 2.2.4 request encoders -> decodeRequest', () => {
  test.each(VERSIONED)('%s v%i', async (_api, v, c) => {
    const frame = await kafkajsRequestFrame(c.api, v, c.args);
    const req: DecodedRequest = decodeRequest(frame);
    expect(req.apiKey).toBe(c.key);
    expect(req.apiVersion).toBe(v);
    expect(req.header.correlationId).toBe(7);
    expect(req.header.clientId).toBe('kz-test');
    expect(plain(req.body)).toMatchObject(c.expected(v));
  });
});
