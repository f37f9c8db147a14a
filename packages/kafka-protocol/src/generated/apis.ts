// Generated from schema/*.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { ApiDescriptor } from '../codec.js';
import { ProduceRequest, ProduceResponse } from './produce.js';
import { FetchRequest, FetchResponse } from './fetch.js';
import { ListOffsetsRequest, ListOffsetsResponse } from './list-offsets.js';
import { MetadataRequest, MetadataResponse } from './metadata.js';
import { OffsetCommitRequest, OffsetCommitResponse } from './offset-commit.js';
import { OffsetFetchRequest, OffsetFetchResponse } from './offset-fetch.js';
import { FindCoordinatorRequest, FindCoordinatorResponse } from './find-coordinator.js';
import { JoinGroupRequest, JoinGroupResponse } from './join-group.js';
import { HeartbeatRequest, HeartbeatResponse } from './heartbeat.js';
import { LeaveGroupRequest, LeaveGroupResponse } from './leave-group.js';
import { SyncGroupRequest, SyncGroupResponse } from './sync-group.js';
import { DescribeGroupsRequest, DescribeGroupsResponse } from './describe-groups.js';
import { ListGroupsRequest, ListGroupsResponse } from './list-groups.js';
import { SaslHandshakeRequest, SaslHandshakeResponse } from './sasl-handshake.js';
import { ApiVersionsRequest, ApiVersionsResponse } from './api-versions.js';
import { CreateTopicsRequest, CreateTopicsResponse } from './create-topics.js';
import { DeleteTopicsRequest, DeleteTopicsResponse } from './delete-topics.js';
import { DeleteRecordsRequest, DeleteRecordsResponse } from './delete-records.js';
import { InitProducerIdRequest, InitProducerIdResponse } from './init-producer-id.js';
import { OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse } from './offset-for-leader-epoch.js';
import { DescribeAclsRequest, DescribeAclsResponse } from './describe-acls.js';
import { CreateAclsRequest, CreateAclsResponse } from './create-acls.js';
import { DeleteAclsRequest, DeleteAclsResponse } from './delete-acls.js';
import { DescribeConfigsRequest, DescribeConfigsResponse } from './describe-configs.js';
import { AlterConfigsRequest, AlterConfigsResponse } from './alter-configs.js';
import { DescribeLogDirsRequest, DescribeLogDirsResponse } from './describe-log-dirs.js';
import { SaslAuthenticateRequest, SaslAuthenticateResponse } from './sasl-authenticate.js';
import { CreatePartitionsRequest, CreatePartitionsResponse } from './create-partitions.js';
import { DeleteGroupsRequest, DeleteGroupsResponse } from './delete-groups.js';
import { ElectLeadersRequest, ElectLeadersResponse } from './elect-leaders.js';
import { IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse } from './incremental-alter-configs.js';
import { AlterPartitionReassignmentsRequest, AlterPartitionReassignmentsResponse } from './alter-partition-reassignments.js';
import { ListPartitionReassignmentsRequest, ListPartitionReassignmentsResponse } from './list-partition-reassignments.js';
import { OffsetDeleteRequest, OffsetDeleteResponse } from './offset-delete.js';
import { DescribeUserScramCredentialsRequest, DescribeUserScramCredentialsResponse } from './describe-user-scram-credentials.js';
import { AlterUserScramCredentialsRequest, AlterUserScramCredentialsResponse } from './alter-user-scram-credentials.js';
import { DescribeClusterRequest, DescribeClusterResponse } from './describe-cluster.js';
import { DescribeProducersRequest, DescribeProducersResponse } from './describe-producers.js';

/** Kafka API keys by name. */
export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  OffsetForLeaderEpoch: 23,
  DescribeAcls: 29,
  CreateAcls: 30,
  DeleteAcls: 31,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  DescribeLogDirs: 35,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  DeleteGroups: 42,
  ElectLeaders: 43,
  IncrementalAlterConfigs: 44,
  AlterPartitionReassignments: 45,
  ListPartitionReassignments: 46,
  OffsetDelete: 47,
  DescribeUserScramCredentials: 50,
  AlterUserScramCredentials: 51,
  DescribeCluster: 60,
  DescribeProducers: 61,
} as const;

export type ApiKey = (typeof ApiKey)[keyof typeof ApiKey];
export type ApiName = keyof typeof ApiKey;

/** Request body type per API key. */
export interface ApiRequestTypes {
  0: ProduceRequest;
  1: FetchRequest;
  2: ListOffsetsRequest;
  3: MetadataRequest;
  8: OffsetCommitRequest;
  9: OffsetFetchRequest;
  10: FindCoordinatorRequest;
  11: JoinGroupRequest;
  12: HeartbeatRequest;
  13: LeaveGroupRequest;
  14: SyncGroupRequest;
  15: DescribeGroupsRequest;
  16: ListGroupsRequest;
  17: SaslHandshakeRequest;
  18: ApiVersionsRequest;
  19: CreateTopicsRequest;
  20: DeleteTopicsRequest;
  21: DeleteRecordsRequest;
  22: InitProducerIdRequest;
  23: OffsetForLeaderEpochRequest;
  29: DescribeAclsRequest;
  30: CreateAclsRequest;
  31: DeleteAclsRequest;
  32: DescribeConfigsRequest;
  33: AlterConfigsRequest;
  35: DescribeLogDirsRequest;
  36: SaslAuthenticateRequest;
  37: CreatePartitionsRequest;
  42: DeleteGroupsRequest;
  43: ElectLeadersRequest;
  44: IncrementalAlterConfigsRequest;
  45: AlterPartitionReassignmentsRequest;
  46: ListPartitionReassignmentsRequest;
  47: OffsetDeleteRequest;
  50: DescribeUserScramCredentialsRequest;
  51: AlterUserScramCredentialsRequest;
  60: DescribeClusterRequest;
  61: DescribeProducersRequest;
}

/** Response body type per API key. */
export interface ApiResponseTypes {
  0: ProduceResponse;
  1: FetchResponse;
  2: ListOffsetsResponse;
  3: MetadataResponse;
  8: OffsetCommitResponse;
  9: OffsetFetchResponse;
  10: FindCoordinatorResponse;
  11: JoinGroupResponse;
  12: HeartbeatResponse;
  13: LeaveGroupResponse;
  14: SyncGroupResponse;
  15: DescribeGroupsResponse;
  16: ListGroupsResponse;
  17: SaslHandshakeResponse;
  18: ApiVersionsResponse;
  19: CreateTopicsResponse;
  20: DeleteTopicsResponse;
  21: DeleteRecordsResponse;
  22: InitProducerIdResponse;
  23: OffsetForLeaderEpochResponse;
  29: DescribeAclsResponse;
  30: CreateAclsResponse;
  31: DeleteAclsResponse;
  32: DescribeConfigsResponse;
  33: AlterConfigsResponse;
  35: DescribeLogDirsResponse;
  36: SaslAuthenticateResponse;
  37: CreatePartitionsResponse;
  42: DeleteGroupsResponse;
  43: ElectLeadersResponse;
  44: IncrementalAlterConfigsResponse;
  45: AlterPartitionReassignmentsResponse;
  46: ListPartitionReassignmentsResponse;
  47: OffsetDeleteResponse;
  50: DescribeUserScramCredentialsResponse;
  51: AlterUserScramCredentialsResponse;
  60: DescribeClusterResponse;
  61: DescribeProducersResponse;
}

/** Every API this package has codecs for, by key. */
export const APIS: { readonly [K in ApiKey]: ApiDescriptor<K, ApiRequestTypes[K], ApiResponseTypes[K]> } = {
  0: { key: 0, name: 'Produce', minVersion: 0, maxVersion: 11, flexibleMin: 9, request: ProduceRequest, response: ProduceResponse },
  1: { key: 1, name: 'Fetch', minVersion: 0, maxVersion: 17, flexibleMin: 12, request: FetchRequest, response: FetchResponse },
  2: { key: 2, name: 'ListOffsets', minVersion: 0, maxVersion: 9, flexibleMin: 6, request: ListOffsetsRequest, response: ListOffsetsResponse },
  3: { key: 3, name: 'Metadata', minVersion: 0, maxVersion: 12, flexibleMin: 9, request: MetadataRequest, response: MetadataResponse },
  8: { key: 8, name: 'OffsetCommit', minVersion: 0, maxVersion: 9, flexibleMin: 8, request: OffsetCommitRequest, response: OffsetCommitResponse },
  9: { key: 9, name: 'OffsetFetch', minVersion: 0, maxVersion: 9, flexibleMin: 6, request: OffsetFetchRequest, response: OffsetFetchResponse },
  10: { key: 10, name: 'FindCoordinator', minVersion: 0, maxVersion: 5, flexibleMin: 3, request: FindCoordinatorRequest, response: FindCoordinatorResponse },
  11: { key: 11, name: 'JoinGroup', minVersion: 0, maxVersion: 9, flexibleMin: 6, request: JoinGroupRequest, response: JoinGroupResponse },
  12: { key: 12, name: 'Heartbeat', minVersion: 0, maxVersion: 4, flexibleMin: 4, request: HeartbeatRequest, response: HeartbeatResponse },
  13: { key: 13, name: 'LeaveGroup', minVersion: 0, maxVersion: 5, flexibleMin: 4, request: LeaveGroupRequest, response: LeaveGroupResponse },
  14: { key: 14, name: 'SyncGroup', minVersion: 0, maxVersion: 5, flexibleMin: 4, request: SyncGroupRequest, response: SyncGroupResponse },
  15: { key: 15, name: 'DescribeGroups', minVersion: 0, maxVersion: 5, flexibleMin: 5, request: DescribeGroupsRequest, response: DescribeGroupsResponse },
  16: { key: 16, name: 'ListGroups', minVersion: 0, maxVersion: 5, flexibleMin: 3, request: ListGroupsRequest, response: ListGroupsResponse },
  17: { key: 17, name: 'SaslHandshake', minVersion: 0, maxVersion: 1, flexibleMin: null, request: SaslHandshakeRequest, response: SaslHandshakeResponse },
  18: { key: 18, name: 'ApiVersions', minVersion: 0, maxVersion: 4, flexibleMin: 3, request: ApiVersionsRequest, response: ApiVersionsResponse },
  19: { key: 19, name: 'CreateTopics', minVersion: 0, maxVersion: 7, flexibleMin: 5, request: CreateTopicsRequest, response: CreateTopicsResponse },
  20: { key: 20, name: 'DeleteTopics', minVersion: 0, maxVersion: 6, flexibleMin: 4, request: DeleteTopicsRequest, response: DeleteTopicsResponse },
  21: { key: 21, name: 'DeleteRecords', minVersion: 0, maxVersion: 2, flexibleMin: 2, request: DeleteRecordsRequest, response: DeleteRecordsResponse },
  22: { key: 22, name: 'InitProducerId', minVersion: 0, maxVersion: 5, flexibleMin: 2, request: InitProducerIdRequest, response: InitProducerIdResponse },
  23: { key: 23, name: 'OffsetForLeaderEpoch', minVersion: 0, maxVersion: 4, flexibleMin: 4, request: OffsetForLeaderEpochRequest, response: OffsetForLeaderEpochResponse },
  29: { key: 29, name: 'DescribeAcls', minVersion: 0, maxVersion: 3, flexibleMin: 2, request: DescribeAclsRequest, response: DescribeAclsResponse },
  30: { key: 30, name: 'CreateAcls', minVersion: 0, maxVersion: 3, flexibleMin: 2, request: CreateAclsRequest, response: CreateAclsResponse },
  31: { key: 31, name: 'DeleteAcls', minVersion: 0, maxVersion: 3, flexibleMin: 2, request: DeleteAclsRequest, response: DeleteAclsResponse },
  32: { key: 32, name: 'DescribeConfigs', minVersion: 0, maxVersion: 4, flexibleMin: 4, request: DescribeConfigsRequest, response: DescribeConfigsResponse },
  33: { key: 33, name: 'AlterConfigs', minVersion: 0, maxVersion: 2, flexibleMin: 2, request: AlterConfigsRequest, response: AlterConfigsResponse },
  35: { key: 35, name: 'DescribeLogDirs', minVersion: 0, maxVersion: 4, flexibleMin: 2, request: DescribeLogDirsRequest, response: DescribeLogDirsResponse },
  36: { key: 36, name: 'SaslAuthenticate', minVersion: 0, maxVersion: 2, flexibleMin: 2, request: SaslAuthenticateRequest, response: SaslAuthenticateResponse },
  37: { key: 37, name: 'CreatePartitions', minVersion: 0, maxVersion: 3, flexibleMin: 2, request: CreatePartitionsRequest, response: CreatePartitionsResponse },
  42: { key: 42, name: 'DeleteGroups', minVersion: 0, maxVersion: 2, flexibleMin: 2, request: DeleteGroupsRequest, response: DeleteGroupsResponse },
  43: { key: 43, name: 'ElectLeaders', minVersion: 0, maxVersion: 2, flexibleMin: 2, request: ElectLeadersRequest, response: ElectLeadersResponse },
  44: { key: 44, name: 'IncrementalAlterConfigs', minVersion: 0, maxVersion: 1, flexibleMin: 1, request: IncrementalAlterConfigsRequest, response: IncrementalAlterConfigsResponse },
  45: { key: 45, name: 'AlterPartitionReassignments', minVersion: 0, maxVersion: 0, flexibleMin: 0, request: AlterPartitionReassignmentsRequest, response: AlterPartitionReassignmentsResponse },
  46: { key: 46, name: 'ListPartitionReassignments', minVersion: 0, maxVersion: 0, flexibleMin: 0, request: ListPartitionReassignmentsRequest, response: ListPartitionReassignmentsResponse },
  47: { key: 47, name: 'OffsetDelete', minVersion: 0, maxVersion: 0, flexibleMin: null, request: OffsetDeleteRequest, response: OffsetDeleteResponse },
  50: { key: 50, name: 'DescribeUserScramCredentials', minVersion: 0, maxVersion: 0, flexibleMin: 0, request: DescribeUserScramCredentialsRequest, response: DescribeUserScramCredentialsResponse },
  51: { key: 51, name: 'AlterUserScramCredentials', minVersion: 0, maxVersion: 0, flexibleMin: 0, request: AlterUserScramCredentialsRequest, response: AlterUserScramCredentialsResponse },
  60: { key: 60, name: 'DescribeCluster', minVersion: 0, maxVersion: 1, flexibleMin: 0, request: DescribeClusterRequest, response: DescribeClusterResponse },
  61: { key: 61, name: 'DescribeProducers', minVersion: 0, maxVersion: 0, flexibleMin: 0, request: DescribeProducersRequest, response: DescribeProducersResponse },
};

/** Every API key, ascending. */
export const API_KEYS: readonly ApiKey[] = [0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 29, 30, 31, 32, 33, 35, 36, 37, 42, 43, 44, 45, 46, 47, 50, 51, 60, 61];
