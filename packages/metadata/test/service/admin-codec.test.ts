/**
 * The MetadataAdmin codec: every request and response comes back as it went out (absent, null and
 * -1 kept apart where the controller tells them apart), Kafka errors come back as ApiErrors with
 * their codes, and bytes or values the schema cannot mean are refused with
 * MalformedAdminMessageError rather than reaching the controller.
 */
import fc from 'fast-check';
import { ApiError, apiError } from '../../src/errors/api-error';
import { decodeAdminRequest, decodeAdminResponse, encodeAdminRequest, encodeAdminResponse } from '../../src/service/admin-codec';
import { MalformedAdminMessageError } from '../../src/service/admin-errors';
import { ADMIN_RPC_NAMES, type AdminRequest, type AdminResponse, type AdminRpcName } from '../../src/service/admin-rpc';
import { adminWire } from '../../src/service/admin-schema';

const BIG = 2 ** 40 + 7;

function roundTripRequest<R extends AdminRpcName>(rpc: R, request: AdminRequest<R>): AdminRequest<R> {
  return decodeAdminRequest(rpc, encodeAdminRequest(rpc, request));
}

function roundTripResponse<R extends AdminRpcName>(rpc: R, value: AdminResponse<R>): AdminResponse<R> {
  const result = decodeAdminResponse(rpc, encodeAdminResponse(rpc, { ok: true, value }));
  if (!result.ok) throw result.error;
  return result.value;
}

/** Raw protobuf bytes of an RPC's request, bypassing the codec's checks: what a broken client sends. */
function rawRequest(rpc: AdminRpcName, fields: Record<string, unknown>): Uint8Array {
  return adminWire[`${rpc}Request`].encode(fields as never).finish();
}

function rawResponse(rpc: AdminRpcName, fields: Record<string, unknown>): Uint8Array {
  return adminWire[`${rpc}Response`].encode(fields as never).finish();
}

describe('requests round-trip', () => {
  const requests: { [R in AdminRpcName]: AdminRequest<R> } = {
    RegisterBroker: {
      brokerId: 7,
      clusterId: 'kz-cluster',
      incarnationId: 'b7-incarnation',
      endpoints: [
        { name: 'PLAINTEXT', host: '10.0.0.7', port: 9092 },
        { name: 'INTERNAL', host: 'broker-7', port: 19092 },
      ],
      rack: 'rack-a',
      damagedReplicas: [
        { topicId: 'AAAAAAAAAAAAAAAAAAAAAA', partitionId: 0 },
        { topicId: 'AQIDBAUGBwgJCgsMDQ4PEA', partitionId: 12 },
      ],
    },
    BrokerHeartbeat: { brokerId: 7, brokerEpoch: BIG, currentMetadataOffset: -1, wantFence: false, wantShutDown: true, offlineReplicas: [{ topicId: 'AAAAAAAAAAAAAAAAAAAAAA', partitionId: 3 }] },
    UnregisterBroker: { brokerId: 0 },
    CreateTopics: {
      topics: [
        { name: 'defaults' },
        { name: 'explicit-minus-one', numPartitions: -1, replicationFactor: -1 },
        { name: 'sized', numPartitions: 12, replicationFactor: 3, configs: { 'cleanup.policy': 'compact', 'min.insync.replicas': '2' } },
        { name: 'assigned', assignments: [[1, 2, 3], [2, 3, 1]] },
        { name: 'empty-assignment', assignments: [] },
      ],
      validateOnly: true,
    },
    DeleteTopics: { names: ['a', 'b', ''] },
    CreatePartitions: {
      topics: [
        { name: 'grow', count: 10 },
        { name: 'grow-placed', count: 4, assignments: [[1, 2], [3, 1]] },
      ],
      validateOnly: false,
    },
    AlterPartition: {
      brokerId: 2,
      brokerEpoch: 44,
      partitions: [{ topicId: 'AAAAAAAAAAAAAAAAAAAAAA', partitionId: 3, leaderEpoch: BIG, partitionEpoch: 9, newIsr: [2, 1] }],
    },
    ElectLeaders: { type: 'unclean', partitions: [{ topic: 't', partitionId: 0 }] },
    AlterPartitionReassignments: {
      reassignments: [
        { topic: 't', partitionId: 0, replicas: [4, 5, 6] },
        { topic: 't', partitionId: 1, replicas: null },
      ],
    },
    ListPartitionReassignments: {},
    IncrementalAlterConfigs: {
      resources: [
        {
          type: 'topic',
          name: 't',
          changes: [
            { name: 'retention.ms', op: 'set', value: '1000' },
            { name: 'cleanup.policy', op: 'delete', value: null },
          ],
        },
        { type: 'broker', name: '', changes: [{ name: 'log.cleanup.policy', op: 'append', value: 'compact' }] },
        { type: 'broker', name: '3', changes: [{ name: 'log.cleanup.policy', op: 'subtract', value: 'delete' }] },
      ],
      validateOnly: false,
    },
    AllocateProducerIds: { brokerId: 1, brokerEpoch: BIG },
    DescribeCluster: {},
    DescribeTopics: { names: ['a', 'b'] },
    DescribeConfigs: {
      resources: [
        { type: 'topic', name: 't' },
        { type: 'broker', name: '' },
      ],
    },
    DescribeQuorum: {},
    AlterUserScramCredentials: {
      deletions: [{ name: 'old', mechanism: 'SCRAM-SHA-256' }, { name: 'odd', mechanism: 'UNKNOWN' }],
      upsertions: [{ name: 'alice', mechanism: 'SCRAM-SHA-512', iterations: 8192, salt: Uint8Array.from([1, 2, 3]), saltedPassword: Uint8Array.from([4, 5, 6]) }],
    },
    CreateAcls: {
      creations: [{ resourceType: 'TOPIC', resourceName: 'orders', patternType: 'PREFIXED', principal: 'User:alice', host: '*', operation: 'WRITE', permission: 'ALLOW' }],
    },
    DeleteAcls: {
      filters: [{ resourceType: 'ANY', resourceName: null, patternType: 'MATCH', principal: 'User:bob', host: null, operation: 'ANY', permission: 'DENY' }],
    },
    DescribeUserScramCredentials: { users: ['alice', 'bob'] },
    DescribeAcls: { filter: { resourceType: 'GROUP', resourceName: 'g', patternType: 'LITERAL', principal: null, host: '10.0.0.1', operation: 'READ', permission: 'ANY' } },
    AddRaftVoter: { voterId: 4, voterDirectoryId: 'q1w2e3r4t5y6u7i8o9p0-w', listeners: [{ name: 'CONTROLLER', host: '10.0.0.4', port: 9094 }] },
    RemoveRaftVoter: { voterId: 2, voterDirectoryId: 'AQIDBAUGBwgJCgsMDQ4PEA' },
  };

  test.each(ADMIN_RPC_NAMES)('%s', (rpc) => {
    expect(roundTripRequest(rpc, requests[rpc])).toStrictEqual(requests[rpc]);
  });

  test('a voter change names a replica: a directory id that is not one, or the zero id, is refused', () => {
    for (const voterDirectoryId of ['', 'not-a-uuid', 'AAAAAAAAAAAAAAAAAAAAAA', 'AQIDBAUGBwgJCgsMDQ4PEA=']) {
      expect(() => encodeAdminRequest('RemoveRaftVoter', { voterId: 2, voterDirectoryId })).toThrow(MalformedAdminMessageError);
      expect(() => decodeAdminRequest('AddRaftVoter', rawRequest('AddRaftVoter', { voterId: 2, voterDirectoryId }))).toThrow(MalformedAdminMessageError);
    }
  });

  test('absent, -1 and empty stay distinct where the controller tells them apart', () => {
    const [defaults, minusOne, , , empty] = roundTripRequest('CreateTopics', requests.CreateTopics).topics;
    expect(defaults).toStrictEqual({ name: 'defaults' });
    expect(minusOne).toStrictEqual({ name: 'explicit-minus-one', numPartitions: -1, replicationFactor: -1 });
    expect(empty).toStrictEqual({ name: 'empty-assignment', assignments: [] });
    expect(roundTripRequest('RegisterBroker', { ...requests.RegisterBroker, rack: null }).rack).toBeNull();
    expect(roundTripRequest('ElectLeaders', { type: 'preferred', partitions: null })).toStrictEqual({ type: 'preferred', partitions: null });
    expect(roundTripRequest('ElectLeaders', { type: 'preferred', partitions: [] })).toStrictEqual({ type: 'preferred', partitions: [] });
    expect(roundTripRequest('DescribeTopics', { names: null })).toStrictEqual({ names: null });
    expect(roundTripRequest('DescribeTopics', { names: [] })).toStrictEqual({ names: [] });
  });

  test('any CreateTopics request the types allow comes back equal', () => {
    const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    const topic = fc.record(
      {
        name: fc.string(),
        numPartitions: int32,
        replicationFactor: int32,
        assignments: fc.array(fc.array(int32, { maxLength: 4 }), { maxLength: 4 }),
        configs: fc.dictionary(fc.stringMatching(/^[a-z][a-z.]{0,20}$/), fc.string(), { minKeys: 1, maxKeys: 3 }),
      },
      { requiredKeys: ['name'] },
    );
    fc.assert(
      fc.property(fc.array(topic, { maxLength: 5 }), fc.boolean(), (topics, validateOnly) => {
        const request = { topics, validateOnly };
        expect(roundTripRequest('CreateTopics', request)).toEqual(request);
      }),
    );
  });
});

describe('responses round-trip', () => {
  const partition = {
    partitionId: 0,
    replicas: [1, 2, 3],
    isr: [1, 2],
    removingReplicas: [3],
    addingReplicas: [],
    leader: 1,
    leaderEpoch: BIG,
    partitionEpoch: 12,
    eligibleLeaderReplicas: [],
    lastKnownElr: [],
  };
  const responses: { [R in AdminRpcName]: AdminResponse<R> } = {
    RegisterBroker: { brokerEpoch: BIG },
    BrokerHeartbeat: { isCaughtUp: true, isFenced: false, shouldShutDown: true },
    UnregisterBroker: {},
    CreateTopics: {
      topics: [
        { name: 'ok', error: null, topicId: 'AAAAAAAAAAAAAAAAAAAAAA', numPartitions: 3, replicationFactor: 3 },
        { name: 'dup', error: apiError('TOPIC_ALREADY_EXISTS', 'topic dup already exists'), topicId: null, numPartitions: 0, replicationFactor: 0 },
      ],
    },
    DeleteTopics: { topics: [{ name: 'gone', error: null }, { name: 'never', error: apiError('UNKNOWN_TOPIC_OR_PARTITION', 'no such topic') }] },
    CreatePartitions: { topics: [{ name: 't', error: apiError('INVALID_PARTITIONS', 'cannot shrink') }] },
    AlterPartition: {
      partitions: [
        { topicId: 'x', partitionId: 0, error: null, state: { topicId: 'x', partitionId: 0, leader: -1, leaderEpoch: 3, partitionEpoch: BIG, isr: [] } },
        { topicId: 'y', partitionId: 1, error: apiError('UNKNOWN_TOPIC_ID', 'no such topic id'), state: null },
      ],
    },
    ElectLeaders: { partitions: [{ topic: 't', partitionId: 0, error: apiError('ELECTION_NOT_NEEDED', 'already the preferred leader') }] },
    AlterPartitionReassignments: { partitions: [{ topic: 't', partitionId: 2, error: null }] },
    ListPartitionReassignments: { reassignments: [{ topic: 't', partitionId: 0, replicas: [1, 2, 4], addingReplicas: [4], removingReplicas: [2] }] },
    IncrementalAlterConfigs: {
      resources: [
        { type: 'topic', name: 't', error: null },
        { type: 'broker', name: 'x', error: apiError('INVALID_REQUEST', 'bad broker resource name') },
      ],
    },
    AllocateProducerIds: { firstProducerId: BIG, count: 1000 },
    DescribeCluster: {
      clusterId: 'kz',
      controllerId: -1,
      nodeId: 2,
      brokers: [
        { id: 1, incarnationId: 'i1', epoch: 5, endpoints: [{ name: 'PLAINTEXT', host: 'h', port: 9092 }], rack: null, fenced: true, inControlledShutdown: false },
        { id: 2, incarnationId: 'i2', epoch: BIG, endpoints: [], rack: 'r', fenced: false, inControlledShutdown: true },
      ],
      metadataOffset: -1,
      metadataEpoch: 0,
      controllers: [
        { id: 1, address: '10.0.0.1:9093' },
        { id: 2, address: '[::1]:9093' },
      ],
      offlineReplicas: [{ brokerId: 2, count: 7 }],
      directoryId: 'AQIDBAUGBwgJCgsMDQ4PEA',
      raftEndpoints: [{ name: 'CONTROLLER', host: '10.0.0.2', port: 9094 }],
    },
    DescribeTopics: {
      topics: [
        { name: 't', error: null, topicId: 'AAAAAAAAAAAAAAAAAAAAAA', partitions: [partition, { ...partition, partitionId: 1, leader: -1, isr: [], eligibleLeaderReplicas: [2, 3], lastKnownElr: [1] }] },
        { name: 'missing', error: apiError('UNKNOWN_TOPIC_OR_PARTITION', 'topic missing does not exist'), topicId: null, partitions: [] },
      ],
      metadataOffset: BIG,
    },
    DescribeConfigs: {
      resources: [
        {
          type: 'topic',
          name: 't',
          error: null,
          configs: [
            { name: 'retention.ms', value: '1000', source: 'DYNAMIC_TOPIC_CONFIG', readOnly: false, sensitive: false },
            { name: 'x', value: null, source: 'DEFAULT_CONFIG', readOnly: true, sensitive: true },
          ],
        },
        { type: 'broker', name: '9', error: null, configs: [{ name: 'num.partitions', value: '3', source: 'STATIC_BROKER_CONFIG', readOnly: false, sensitive: false }] },
      ],
    },
    AlterUserScramCredentials: { results: [{ user: 'alice', error: null }, { user: 'old', error: apiError('RESOURCE_NOT_FOUND', 'no credential') }] },
    CreateAcls: { results: [{ error: null }, { error: apiError('INVALID_REQUEST', 'bad principal') }] },
    DeleteAcls: {
      results: [
        { error: null, deleted: [{ resourceType: 'CLUSTER', resourceName: 'kafka-cluster', patternType: 'LITERAL', principal: 'User:*', host: '*', operation: 'ALTER', permission: 'DENY' }] },
        { error: apiError('INVALID_REQUEST', 'UNKNOWN operation'), deleted: [] },
      ],
    },
    DescribeUserScramCredentials: {
      results: [
        { user: 'alice', error: null, credentials: [{ mechanism: 'SCRAM-SHA-256', iterations: 4096 }, { mechanism: 'SCRAM-SHA-512', iterations: 8192 }] },
        { user: 'nobody', error: apiError('RESOURCE_NOT_FOUND', 'no credential'), credentials: [] },
      ],
    },
    DescribeAcls: { acls: [{ resourceType: 'TOPIC', resourceName: 'o', patternType: 'PREFIXED', principal: 'User:alice', host: '*', operation: 'READ', permission: 'ALLOW' }] },
    DescribeQuorum: {
      leaderId: 1,
      epoch: 4,
      highWatermark: BIG,
      voters: [
        { nodeId: 1, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: BIG, lastFetchTimestamp: 1_700_000_000_123, lastCaughtUpTimestamp: 1_700_000_000_123 },
        { nodeId: 2, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: -1, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1 },
      ],
      observers: [{ nodeId: 100, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 3, lastFetchTimestamp: 5, lastCaughtUpTimestamp: -1 }],
    },
    AddRaftVoter: {},
    RemoveRaftVoter: {},
  };

  test.each(ADMIN_RPC_NAMES)('%s', (rpc) => {
    expect(roundTripResponse(rpc, responses[rpc])).toStrictEqual(responses[rpc]);
  });

  test('per-item errors come back as ApiErrors with their Kafka codes', () => {
    const [, dup] = roundTripResponse('CreateTopics', responses.CreateTopics).topics;
    expect(dup!.error).toBeInstanceOf(ApiError);
    expect(dup!.error).toMatchObject({ code: 'TOPIC_ALREADY_EXISTS', kafkaErrorCode: 36, message: 'topic dup already exists' });
  });

  test('a whole-request error comes back as the result, with its leader hint', () => {
    for (const rpc of ADMIN_RPC_NAMES) {
      const result = decodeAdminResponse(rpc, encodeAdminResponse(rpc, { ok: false, error: apiError('NOT_CONTROLLER', 'node 2 is the controller', 2) }));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error).toBeInstanceOf(ApiError);
      expect(result.error).toMatchObject({ code: 'NOT_CONTROLLER', kafkaErrorCode: 41, leaderId: 2, message: 'node 2 is the controller' });
    }
  });

  test('whole milliseconds of the leader clock travel', () => {
    const described = roundTripResponse('DescribeQuorum', {
      ...responses.DescribeQuorum,
      voters: [{ nodeId: 1, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 3, lastFetchTimestamp: 1000.75, lastCaughtUpTimestamp: -1 }],
    });
    expect(described.voters[0]).toEqual({ nodeId: 1, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 3, lastFetchTimestamp: 1000, lastCaughtUpTimestamp: -1 });
  });

  test('an error code this build does not know keeps its name and number in the message', () => {
    const bytes = rawResponse('CreateTopics', { error: { errorCode: 9999, errorName: 'FUTURE_ERROR', errorMessage: 'from the future', leaderId: -1 } });
    const result = decodeAdminResponse('CreateTopics', bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('UNKNOWN_SERVER_ERROR');
    expect(result.error.message).toContain('FUTURE_ERROR (code 9999)');
  });

  test('an error whose name disagrees with its code is read by its code', () => {
    const bytes = rawResponse('DeleteTopics', { error: { errorCode: 41, errorName: 'TOPIC_ALREADY_EXISTS', errorMessage: 'm', leaderId: 3 } });
    expect(decodeAdminResponse('DeleteTopics', bytes)).toMatchObject({ ok: false, error: { code: 'NOT_CONTROLLER', leaderId: 3 } });
  });

  test('an error sub-message with code 0 (NONE) is no error', () => {
    const bytes = rawResponse('RegisterBroker', { error: { errorCode: 0 }, brokerEpoch: 5 });
    expect(decodeAdminResponse('RegisterBroker', bytes)).toEqual({ ok: true, value: { brokerEpoch: 5 } });
  });
});

describe('malformed input is refused', () => {
  const refused = (run: () => unknown): MalformedAdminMessageError => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(MalformedAdminMessageError);
      expect(error).toMatchObject({ code: 'INVALID_REQUEST', kafkaErrorCode: 42 });
      return error as MalformedAdminMessageError;
    }
    throw new Error('expected MalformedAdminMessageError, but nothing was thrown');
  };

  test('bytes that do not decode', () => {
    const error = refused(() => decodeAdminRequest('CreateTopics', Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0x0f)));
    expect(error.message).toContain('CreateTopicsRequest does not decode');
    refused(() => decodeAdminResponse('DescribeTopics', Uint8Array.of(0x12, 0x05, 0x01)));
  });

  test('an unknown or unspecified enum value', () => {
    expect(refused(() => decodeAdminRequest('ElectLeaders', rawRequest('ElectLeaders', { type: 7 }))).message).toContain('ElectLeadersRequest.type');
    refused(() => decodeAdminRequest('ElectLeaders', rawRequest('ElectLeaders', {})));
    refused(() => decodeAdminRequest('DescribeConfigs', rawRequest('DescribeConfigs', { resources: [{ type: 3, name: 'x' }] })));
    refused(() =>
      decodeAdminRequest('IncrementalAlterConfigs', rawRequest('IncrementalAlterConfigs', { resources: [{ type: 2, name: 't', changes: [{ name: 'a', op: 0 }] }] })),
    );
  });

  test('an int64 beyond 2^53', () => {
    // 2^53 + 1, as protobufjs takes an int64: the halves of its two's complement.
    const tooBig = { low: 1, high: 0x200000, unsigned: false };
    const error = refused(() => decodeAdminRequest('BrokerHeartbeat', rawRequest('BrokerHeartbeat', { brokerId: 1, brokerEpoch: tooBig })));
    expect(error.message).toContain('BrokerHeartbeatRequest.brokerEpoch');
    refused(() => decodeAdminResponse('AllocateProducerIds', rawResponse('AllocateProducerIds', { firstProducerId: tooBig, count: 1 })));
  });

  test('an impossible value in a response', () => {
    refused(() => decodeAdminResponse('RegisterBroker', rawResponse('RegisterBroker', { brokerEpoch: -5 })));
    refused(() => decodeAdminResponse('DescribeTopics', rawResponse('DescribeTopics', { topics: [{ name: 't', partitions: [{ leader: -2 }] }] })));
  });

  test('a request value the wire would truncate is refused before it is sent', () => {
    expect(refused(() => encodeAdminRequest('UnregisterBroker', { brokerId: 1.5 })).message).toContain('UnregisterBrokerRequest.brokerId');
    refused(() => encodeAdminRequest('UnregisterBroker', { brokerId: 2 ** 31 }));
    refused(() => encodeAdminRequest('AllocateProducerIds', { brokerId: 1, brokerEpoch: Number.NaN }));
    refused(() =>
      encodeAdminRequest('RegisterBroker', { brokerId: 1, clusterId: 'c', incarnationId: 'i', endpoints: [{ name: 'P', host: 'h', port: 70_000 }], rack: null }),
    );
    refused(() => encodeAdminRequest('CreateTopics', { topics: [{ name: 't', assignments: [[1, 2.5]] }] }));
    // A caller without types can still pass anything: it is refused, not encoded as something else.
    refused(() => encodeAdminRequest('ElectLeaders', { type: 'sideways', partitions: null } as unknown as AdminRequest<'ElectLeaders'>));
    refused(() => encodeAdminRequest('DeleteTopics', { names: [7] } as unknown as AdminRequest<'DeleteTopics'>));
  });
});
