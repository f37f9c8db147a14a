/**
 * One request body per API the listener serves, with every field of every version filled in, so
 * that encoding it at any version gives a meaningful request of that version (the encoder writes
 * only the fields the version has).
 */
import { ApiKey, ZERO_UUID, type ApiRequestTypes } from '@kz/kafka-protocol';
import { encodeRecordBatch } from '@kz/records';

/** A small valid RecordBatch v2 holding these values. */
export function recordBatch(...values: string[]): Uint8Array {
  const now = Date.now();
  return encodeRecordBatch({ records: values.map((v) => ({ key: null, value: Buffer.from(v), timestamp: now })) });
}

export const TOPIC_ID = 'AAAAAAAAAAAAAAAAAAAAAQ';

export const SAMPLE_REQUESTS: { readonly [K in ApiKey]?: ApiRequestTypes[K] } = {
  [ApiKey.Produce]: { transactionalId: null, acks: -1, timeoutMs: 1000, topicData: [{ name: 't', partitionData: [{ index: 0, records: recordBatch('v') }] }] },
  [ApiKey.Fetch]: {
    clusterId: null,
    replicaId: -1,
    replicaState: { replicaId: -1, replicaEpoch: -1 },
    maxWaitMs: 0,
    minBytes: 1,
    maxBytes: 1 << 20,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [{ topic: 't', topicId: TOPIC_ID, partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 0, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20, replicaDirectoryId: ZERO_UUID }] }],
    forgottenTopicsData: [],
    rackId: '',
  },
  [ApiKey.ListOffsets]: { replicaId: -1, isolationLevel: 0, topics: [{ name: 't', partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -1, maxNumOffsets: 1 }] }] },
  [ApiKey.Metadata]: { topics: [{ topicId: ZERO_UUID, name: 't' }], allowAutoTopicCreation: false, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false },
  [ApiKey.OffsetCommit]: {
    groupId: 'g',
    generationIdOrMemberEpoch: -1,
    memberId: '',
    groupInstanceId: null,
    retentionTimeMs: -1,
    topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 5, committedLeaderEpoch: -1, commitTimestamp: -1, committedMetadata: null }] }],
  },
  [ApiKey.OffsetFetch]: { groupId: 'g', topics: [{ name: 't', partitionIndexes: [0] }], groups: [{ groupId: 'g', memberId: null, memberEpoch: -1, topics: [{ name: 't', partitionIndexes: [0] }] }], requireStable: false },
  [ApiKey.OffsetDelete]: { groupId: 'g', topics: [{ name: 't', partitions: [{ partitionIndex: 0 }] }] },
  [ApiKey.JoinGroup]: {
    groupId: 'g',
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 30_000,
    memberId: '',
    groupInstanceId: null,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: Buffer.from('subscription') }],
    reason: null,
  },
  [ApiKey.SyncGroup]: { groupId: 'g', generationId: 1, memberId: 'member-1', groupInstanceId: null, protocolType: 'consumer', protocolName: 'range', assignments: [{ memberId: 'member-1', assignment: Buffer.from('a') }] },
  [ApiKey.Heartbeat]: { groupId: 'g', generationId: 1, memberId: 'member-1', groupInstanceId: null },
  [ApiKey.LeaveGroup]: { groupId: 'g', memberId: 'member-1', members: [{ memberId: 'member-1', groupInstanceId: null, reason: null }] },
  [ApiKey.DescribeGroups]: { groups: ['g'], includeAuthorizedOperations: false },
  [ApiKey.ListGroups]: { statesFilter: [], typesFilter: [] },
  [ApiKey.DeleteGroups]: { groupsNames: ['g'] },
  [ApiKey.InitProducerId]: { transactionalId: null, transactionTimeoutMs: 60_000, producerId: -1, producerEpoch: -1 },
  [ApiKey.DescribeProducers]: { topics: [{ name: 't', partitionIndexes: [0] }] },
  [ApiKey.DeleteRecords]: { topics: [{ name: 't', partitions: [{ partitionIndex: 0, offset: 5 }] }], timeoutMs: 1000 },
  [ApiKey.FindCoordinator]: { key: 'g', keyType: 0, coordinatorKeys: ['g'] },
  [ApiKey.ApiVersions]: { clientSoftwareName: 'kz-test', clientSoftwareVersion: '1.0' },
  [ApiKey.CreateTopics]: {
    topics: [{ name: 'new', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [{ name: 'retention.ms', value: '1000' }] }],
    timeoutMs: 1000,
    validateOnly: false,
  },
  [ApiKey.DeleteTopics]: { topics: [{ name: 'old', topicId: ZERO_UUID }], topicNames: ['old'], timeoutMs: 1000 },
  [ApiKey.DescribeConfigs]: { resources: [{ resourceType: 2, resourceName: 't', configurationKeys: null }], includeSynonyms: true, includeDocumentation: false },
  [ApiKey.AlterConfigs]: { resources: [{ resourceType: 2, resourceName: 't', configs: [{ name: 'retention.ms', value: '1000' }] }], validateOnly: false },
  [ApiKey.DescribeLogDirs]: { topics: null },
  [ApiKey.CreatePartitions]: { topics: [{ name: 't', count: 2, assignments: null }], timeoutMs: 1000, validateOnly: false },
  [ApiKey.ElectLeaders]: { electionType: 0, topicPartitions: [{ topic: 't', partitions: [0] }], timeoutMs: 1000 },
  [ApiKey.IncrementalAlterConfigs]: { resources: [{ resourceType: 2, resourceName: 't', configs: [{ name: 'retention.ms', configOperation: 0, value: '1000' }] }], validateOnly: false },
  [ApiKey.AlterPartitionReassignments]: { timeoutMs: 1000, topics: [{ name: 't', partitions: [{ partitionIndex: 0, replicas: [1] }] }] },
  [ApiKey.ListPartitionReassignments]: { timeoutMs: 1000, topics: null },
  [ApiKey.DescribeCluster]: { includeClusterAuthorizedOperations: false, endpointType: 1 },
  [ApiKey.SaslHandshake]: { mechanism: 'SCRAM-SHA-512' },
  [ApiKey.SaslAuthenticate]: { authBytes: Buffer.from('n,,n=alice,r=abc') },
  [ApiKey.CreateAcls]: {
    creations: [{ resourceType: 2, resourceName: 't', resourcePatternType: 3, principal: 'User:alice', host: '*', operation: 4, permissionType: 3 }],
  },
  [ApiKey.DescribeAcls]: { resourceTypeFilter: 1, resourceNameFilter: null, patternTypeFilter: 1, principalFilter: null, hostFilter: null, operation: 1, permissionType: 1 },
  [ApiKey.DeleteAcls]: {
    filters: [{ resourceTypeFilter: 2, resourceNameFilter: 't', patternTypeFilter: 3, principalFilter: null, hostFilter: null, operation: 1, permissionType: 1 }],
  },
  [ApiKey.DescribeUserScramCredentials]: { users: [{ name: 'alice' }] },
  [ApiKey.AlterUserScramCredentials]: { deletions: [{ name: 'bob', mechanism: 1 }], upsertions: [{ name: 'alice', mechanism: 2, iterations: 4096, salt: Buffer.from('salt'), saltedPassword: Buffer.alloc(64, 1) }] },
};
