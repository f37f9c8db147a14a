/**
 * Our response encoder against kafkajs 2.2.4's own response decoders: for
 * the APIs and versions kafkajs implements, the frame encodeResponse makes is
 * read by kafkajs into the values we encoded. Fetch carries a RecordBatch
 * that kafkajs itself built and then decodes into messages.
 */
import { ApiKey, encodeResponse, type ApiResponseTypes } from '@kz/kafka-protocol';
import { kafkajsDecodeResponse, kafkajsRecordBatch, kafkajsVersions } from './kafkajs';

interface Case<K extends ApiKey> {
  api: string;
  key: K;
  body: (v: number) => ApiResponseTypes[K] | Promise<ApiResponseTypes[K]>;
  expected: (v: number) => Record<string, unknown>;
}

function c<K extends ApiKey>(x: Case<K>): Case<ApiKey> {
  return x as unknown as Case<ApiKey>;
}

const CASES: Case<ApiKey>[] = [
  c({
    api: 'apiVersions',
    key: ApiKey.ApiVersions,
    body: () => ({ errorCode: 0, apiKeys: [{ apiKey: 0, minVersion: 0, maxVersion: 7 }, { apiKey: 18, minVersion: 0, maxVersion: 2 }], throttleTimeMs: 5 }),
    expected: (v) => ({
      errorCode: 0,
      apiVersions: [{ apiKey: 0, minVersion: 0, maxVersion: 7 }, { apiKey: 18, minVersion: 0, maxVersion: 2 }],
      // kafkajs reports a throttle from v2 as client-side (KIP-219), before that as the broker's.
      ...(v === 1 ? { throttleTime: 5 } : v >= 2 ? { clientSideThrottleTime: 5 } : {}),
    }),
  }),
  c({
    api: 'metadata',
    key: ApiKey.Metadata,
    body: () => ({
      throttleTimeMs: 0,
      brokers: [{ nodeId: 1, host: 'kz-1', port: 9092, rack: 'r1' }],
      clusterId: 'cluster-x',
      controllerId: 1,
      topics: [
        {
          errorCode: 0,
          name: 'orders',
          isInternal: false,
          partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: 1, leaderEpoch: 4, replicaNodes: [1, 2], isrNodes: [1], offlineReplicas: [2] }],
        },
      ],
    }),
    expected: (v) => ({
      brokers: [{ nodeId: 1, host: 'kz-1', port: 9092, ...(v >= 1 ? { rack: 'r1' } : {}) }],
      ...(v >= 1 ? { controllerId: 1 } : {}),
      ...(v >= 2 ? { clusterId: 'cluster-x' } : {}),
      topicMetadata: [
        {
          topicErrorCode: 0,
          topic: 'orders',
          partitionMetadata: [
            { partitionErrorCode: 0, partitionId: 0, leader: 1, replicas: [1, 2], isr: [1], ...(v >= 5 ? { offlineReplicas: [2] } : {}) },
          ],
        },
      ],
    }),
  }),
  c({
    api: 'produce',
    key: ApiKey.Produce,
    body: () => ({
      responses: [
        {
          name: 'orders',
          partitionResponses: [{ index: 2, errorCode: 0, baseOffset: 9007199254740000, logAppendTimeMs: -1, logStartOffset: 17 }],
        },
      ],
      throttleTimeMs: 0,
    }),
    expected: (v) => ({
      topics: [
        {
          topicName: 'orders',
          partitions: [
            {
              partition: 2,
              errorCode: 0,
              // kafkajs names the fields differently before v3.
              ...(v >= 3 ? { baseOffset: '9007199254740000', logAppendTime: '-1' } : { offset: '9007199254740000' }),
              ...(v === 2 ? { timestamp: '-1' } : {}),
              ...(v >= 5 ? { logStartOffset: '17' } : {}),
            },
          ],
        },
      ],
    }),
  }),
  c({
    api: 'fetch',
    key: ApiKey.Fetch,
    body: async () => ({
      throttleTimeMs: 0,
      errorCode: 0,
      sessionId: 0,
      responses: [
        {
          topic: 'orders',
          partitions: [
            {
              partitionIndex: 1,
              errorCode: 0,
              highWatermark: 12,
              lastStableOffset: 12,
              logStartOffset: 0,
              abortedTransactions: [],
              preferredReadReplica: -1,
              records: await kafkajsRecordBatch(10, ['a', 'b']),
            },
          ],
        },
      ],
    }),
    expected: (v) => ({
      responses: [
        {
          topicName: 'orders',
          partitions: [
            {
              partition: 1,
              errorCode: 0,
              highWatermark: '12',
              ...(v >= 4 ? { lastStableOffset: '12' } : {}),
              // kafkajs reads only RecordBatch (magic 2) from v4 on; older versions are message sets.
              ...(v >= 4
                ? {
                    messages: [
                      expect.objectContaining({ offset: '10', key: Buffer.from('k0'), value: Buffer.from('a') }),
                      expect.objectContaining({ offset: '11', key: Buffer.from('k1'), value: Buffer.from('b') }),
                    ],
                  }
                : {}),
            },
          ],
        },
      ],
    }),
  }),
  c({
    api: 'listOffsets',
    key: ApiKey.ListOffsets,
    body: () => ({
      throttleTimeMs: 0,
      topics: [{ name: 't', partitions: [{ partitionIndex: 0, errorCode: 0, oldStyleOffsets: [33], timestamp: -1, offset: 33 }] }],
    }),
    expected: (v) => ({
      responses: [
        {
          topic: 't',
          partitions: [v === 0 ? { partition: 0, errorCode: 0, offsets: ['33'] } : { partition: 0, errorCode: 0, timestamp: '-1', offset: '33' }],
        },
      ],
    }),
  }),
  c({
    api: 'findCoordinator',
    key: ApiKey.FindCoordinator,
    body: () => ({ throttleTimeMs: 0, errorCode: 0, errorMessage: null, nodeId: 3, host: 'kz-3', port: 9093 }),
    expected: () => ({ errorCode: 0, coordinator: { nodeId: 3, host: 'kz-3', port: 9093 } }),
  }),
  c({
    api: 'joinGroup',
    key: ApiKey.JoinGroup,
    body: () => ({
      throttleTimeMs: 0,
      errorCode: 0,
      generationId: 7,
      protocolName: 'RoundRobinAssigner',
      leader: 'm-1',
      memberId: 'm-1',
      members: [{ memberId: 'm-1', groupInstanceId: null, metadata: Buffer.from('meta') }],
    }),
    expected: () => ({
      errorCode: 0,
      generationId: 7,
      groupProtocol: 'RoundRobinAssigner',
      leaderId: 'm-1',
      memberId: 'm-1',
      members: [expect.objectContaining({ memberId: 'm-1', memberMetadata: Buffer.from('meta') })],
    }),
  }),
  c({
    api: 'syncGroup',
    key: ApiKey.SyncGroup,
    body: () => ({ throttleTimeMs: 0, errorCode: 0, assignment: Buffer.from('assigned') }),
    expected: () => ({ errorCode: 0, memberAssignment: Buffer.from('assigned') }),
  }),
  c({
    api: 'heartbeat',
    key: ApiKey.Heartbeat,
    body: () => ({ throttleTimeMs: 0, errorCode: 27 }),
    expected: () => ({ errorCode: 27 }),
  }),
  c({
    api: 'leaveGroup',
    key: ApiKey.LeaveGroup,
    body: () => ({ throttleTimeMs: 0, errorCode: 0, members: [{ memberId: 'm', groupInstanceId: 'i', errorCode: 0 }] }),
    expected: (v) => ({ errorCode: 0, ...(v >= 3 ? { members: [{ memberId: 'm', groupInstanceId: 'i', errorCode: 0 }] } : {}) }),
  }),
  c({
    api: 'offsetCommit',
    key: ApiKey.OffsetCommit,
    body: () => ({ throttleTimeMs: 0, topics: [{ name: 't', partitions: [{ partitionIndex: 4, errorCode: 0 }] }] }),
    expected: () => ({ responses: [{ topic: 't', partitions: [{ partition: 4, errorCode: 0 }] }] }),
  }),
  c({
    api: 'offsetFetch',
    key: ApiKey.OffsetFetch,
    body: () => ({
      throttleTimeMs: 0,
      topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 55, metadata: '', errorCode: 0 }] }],
      errorCode: 0,
    }),
    expected: () => ({ responses: [{ topic: 't', partitions: [{ partition: 0, offset: '55', metadata: '', errorCode: 0 }] }] }),
  }),
  c({
    api: 'createTopics',
    key: ApiKey.CreateTopics,
    body: () => ({ throttleTimeMs: 0, topics: [{ name: 'new', errorCode: 36, errorMessage: 'exists' }] }),
    expected: (v) => ({ topicErrors: [{ topic: 'new', errorCode: 36, ...(v >= 1 ? { errorMessage: 'exists' } : {}) }] }),
  }),
  c({
    api: 'deleteTopics',
    key: ApiKey.DeleteTopics,
    body: () => ({ throttleTimeMs: 0, responses: [{ name: 'gone', errorCode: 0 }] }),
    expected: () => ({ topicErrors: [{ topic: 'gone', errorCode: 0 }] }),
  }),
  c({
    api: 'deleteRecords',
    key: ApiKey.DeleteRecords,
    body: () => ({ throttleTimeMs: 3, topics: [{ name: 't', partitions: [{ partitionIndex: 2, lowWatermark: 77, errorCode: 0 }] }] }),
    // kafkajs reads the int64 as a BigInt, and a v1 throttle as client-side (KIP-219).
    expected: (v) => ({ ...(v === 0 ? { throttleTime: 3 } : { clientSideThrottleTime: 3 }), topics: [{ topic: 't', partitions: [{ partition: 2, lowWatermark: 77n, errorCode: 0 }] }] }),
  }),
  c({
    api: 'describeGroups',
    key: ApiKey.DescribeGroups,
    body: () => ({
      throttleTimeMs: 0,
      groups: [
        {
          errorCode: 0,
          groupId: 'g',
          groupState: 'Stable',
          protocolType: 'consumer',
          protocolData: 'RoundRobinAssigner',
          members: [{ memberId: 'm', clientId: 'c', clientHost: '/127.0.0.1', memberMetadata: Buffer.from('md'), memberAssignment: Buffer.from('ma') }],
        },
      ],
    }),
    expected: () => ({
      groups: [
        expect.objectContaining({
          errorCode: 0,
          groupId: 'g',
          state: 'Stable',
          protocolType: 'consumer',
          protocol: 'RoundRobinAssigner',
          members: [expect.objectContaining({ memberId: 'm', clientId: 'c', clientHost: '/127.0.0.1', memberMetadata: Buffer.from('md'), memberAssignment: Buffer.from('ma') })],
        }),
      ],
    }),
  }),
  c({
    api: 'listGroups',
    key: ApiKey.ListGroups,
    body: () => ({ throttleTimeMs: 0, errorCode: 0, groups: [{ groupId: 'g', protocolType: 'consumer' }] }),
    expected: () => ({ errorCode: 0, groups: [{ groupId: 'g', protocolType: 'consumer' }] }),
  }),
  c({
    api: 'saslHandshake',
    key: ApiKey.SaslHandshake,
    body: () => ({ errorCode: 0, mechanisms: ['PLAIN', 'SCRAM-SHA-256'] }),
    expected: () => ({ errorCode: 0, enabledMechanisms: ['PLAIN', 'SCRAM-SHA-256'] }),
  }),
  c({
    api: 'initProducerId',
    key: ApiKey.InitProducerId,
    body: () => ({ throttleTimeMs: 0, errorCode: 0, producerId: 4000, producerEpoch: 2 }),
    expected: () => ({ errorCode: 0, producerId: '4000', producerEpoch: 2 }),
  }),
  c({
    api: 'deleteGroups',
    key: ApiKey.DeleteGroups,
    body: () => ({ throttleTimeMs: 0, results: [{ groupId: 'g', errorCode: 0 }] }),
    expected: () => ({ results: [{ groupId: 'g', errorCode: 0 }] }),
  }),
  c({
    api: 'listPartitionReassignments',
    key: ApiKey.ListPartitionReassignments,
    body: () => ({
      throttleTimeMs: 0,
      errorCode: 0,
      errorMessage: null,
      topics: [{ name: 't', partitions: [{ partitionIndex: 0, replicas: [1, 2, 3], addingReplicas: [3], removingReplicas: [1] }] }],
    }),
    expected: () => ({
      errorCode: 0,
      topics: [{ name: 't', partitions: [{ partition: 0, replicas: [1, 2, 3], addingReplicas: [3], removingReplicas: [1] }] }],
    }),
  }),
  c({
    api: 'alterPartitionReassignments',
    key: ApiKey.AlterPartitionReassignments,
    body: () => ({
      throttleTimeMs: 0,
      errorCode: 0,
      errorMessage: null,
      responses: [{ name: 't', partitions: [{ partitionIndex: 1, errorCode: 0, errorMessage: null }] }],
    }),
    expected: () => ({ errorCode: 0, responses: [{ topic: 't', partitions: [{ partition: 1, errorCode: 0 }] }] }),
  }),
];

const VERSIONED = CASES.flatMap((k) => kafkajsVersions(k.api).map((v) => [k.api, v, k] as const));

describe('encodeResponse -> kafkajs 2.2.4 response decoders', () => {
  test.each(VERSIONED)('%s v%i', async (_api, v, k) => {
    const frame = encodeResponse(k.key, v, 99, await k.body(v));
    expect(Buffer.from(frame).readInt32BE(4)).toBe(99);
    const decoded = await kafkajsDecodeResponse(k.api, v, frame);
    expect(decoded).toMatchObject(k.expected(v));
  });
});
