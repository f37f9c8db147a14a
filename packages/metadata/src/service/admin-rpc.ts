/**
 * The RPCs of `kz.metadata.admin.v1.MetadataAdmin`: their names, the TypeScript request and response
 * of each, which controller request each one carries, and the grpc-js ServiceDefinition.
 *
 * The definition's serializers pass bytes through, as @kz/raft's do, and server and client call the
 * codec themselves: a body that does not decode must be refused with INVALID_ARGUMENT and
 * `kz-error-code: INVALID_REQUEST`, and a throwing grpc-js deserializer can only produce INTERNAL.
 */
import { type DirectoryId, type Endpoint, type NodeId } from '@kz/raft';
import { asBuffer, bytesServiceDefinition, ERROR_CODE_KEY, rpcPath } from '@kz/runtime';
import type { ControllerApi, ControllerRequestKind } from '../controller/controller-requests';
import type { ApiError } from '../errors/api-error';
import type {
  ClusterDescription,
  ConfigsDescription,
  DescribeClusterRequest,
  DescribeConfigsRequest,
  DescribeQuorumRequest,
  DescribeTopicsRequest,
  QuorumDescription,
  TopicsDescription,
} from './admin-reads';
import { ADMIN_SERVICE_NAME } from './admin-schema';
import type { AclsDescription, DescribeAclsRequest, DescribeUserScramCredentialsRequest, ScramCredentialsDescription } from './security-reads';

/** Each controller RPC and the controller request kind it carries. */
export const CONTROLLER_RPCS = {
  RegisterBroker: 'registerBroker',
  BrokerHeartbeat: 'brokerHeartbeat',
  UnregisterBroker: 'unregisterBroker',
  CreateTopics: 'createTopics',
  DeleteTopics: 'deleteTopics',
  CreatePartitions: 'createPartitions',
  AlterPartition: 'alterPartition',
  ElectLeaders: 'electLeaders',
  AlterPartitionReassignments: 'alterPartitionReassignments',
  ListPartitionReassignments: 'listPartitionReassignments',
  IncrementalAlterConfigs: 'incrementalAlterConfigs',
  AllocateProducerIds: 'allocateProducerIds',
  AlterUserScramCredentials: 'alterUserScramCredentials',
  CreateAcls: 'createAcls',
  DeleteAcls: 'deleteAcls',
} as const satisfies Record<string, ControllerRequestKind>;

export type ControllerRpcName = keyof typeof CONTROLLER_RPCS;

export const READ_RPC_NAMES = ['DescribeCluster', 'DescribeTopics', 'DescribeConfigs', 'DescribeQuorum', 'DescribeUserScramCredentials', 'DescribeAcls'] as const;

export type ReadRpcName = (typeof READ_RPC_NAMES)[number];

/** KIP-853 voter changes: answered by the Raft leader (the active controller) once committed. */
export const VOTER_RPC_NAMES = ['AddRaftVoter', 'RemoveRaftVoter'] as const;

export type VoterRpcName = (typeof VOTER_RPC_NAMES)[number];

export type AdminRpcName = ControllerRpcName | ReadRpcName | VoterRpcName;

export const ADMIN_RPC_NAMES: readonly AdminRpcName[] = [...(Object.keys(CONTROLLER_RPCS) as ControllerRpcName[]), ...READ_RPC_NAMES, ...VOTER_RPC_NAMES];

type ControllerRpcs = {
  [R in ControllerRpcName]: {
    readonly request: ControllerApi[(typeof CONTROLLER_RPCS)[R]][0];
    readonly response: ControllerApi[(typeof CONTROLLER_RPCS)[R]][1];
  };
};

interface ReadRpcs {
  DescribeCluster: { readonly request: DescribeClusterRequest; readonly response: ClusterDescription };
  DescribeTopics: { readonly request: DescribeTopicsRequest; readonly response: TopicsDescription };
  DescribeConfigs: { readonly request: DescribeConfigsRequest; readonly response: ConfigsDescription };
  DescribeQuorum: { readonly request: DescribeQuorumRequest; readonly response: QuorumDescription };
  DescribeUserScramCredentials: { readonly request: DescribeUserScramCredentialsRequest; readonly response: ScramCredentialsDescription };
  DescribeAcls: { readonly request: DescribeAclsRequest; readonly response: AclsDescription };
}

/** AddRaftVoter's request: the replica (node id, directory id) and where its Raft listens. */
export interface AddRaftVoterRequest {
  readonly voterId: NodeId;
  readonly voterDirectoryId: DirectoryId;
  readonly listeners: readonly Endpoint[];
}

export interface RemoveRaftVoterRequest {
  readonly voterId: NodeId;
  readonly voterDirectoryId: DirectoryId;
}

interface VoterRpcs {
  AddRaftVoter: { readonly request: AddRaftVoterRequest; readonly response: Record<string, never> };
  RemoveRaftVoter: { readonly request: RemoveRaftVoterRequest; readonly response: Record<string, never> };
}

/** Every RPC's request and response, as TypeScript values. */
export type AdminRpcs = ControllerRpcs & ReadRpcs & VoterRpcs;

export type AdminRequest<R extends AdminRpcName> = AdminRpcs[R]['request'];
export type AdminResponse<R extends AdminRpcName> = AdminRpcs[R]['response'];

/** What a response message carries: the answer, or the request's own Kafka error. */
export type AdminResult<R extends AdminRpcName> =
  | { readonly ok: true; readonly value: AdminResponse<R> }
  | { readonly ok: false; readonly error: ApiError };

export function isControllerRpc(rpc: AdminRpcName): rpc is ControllerRpcName {
  return Object.hasOwn(CONTROLLER_RPCS, rpc);
}

export function isVoterRpc(rpc: AdminRpcName): rpc is VoterRpcName {
  return (VOTER_RPC_NAMES as readonly string[]).includes(rpc);
}

export { ERROR_CODE_KEY };

export function adminRpcPath(rpc: AdminRpcName): string {
  return rpcPath(ADMIN_SERVICE_NAME, rpc);
}

export const ADMIN_SERVICE_DEFINITION = bytesServiceDefinition(ADMIN_SERVICE_NAME, ADMIN_RPC_NAMES);

export { asBuffer };
