/**
 * Who may call which MetadataAdmin RPC, when the service runs with mutual TLS. The caller is who
 * its certificate names:
 *
 * - a node (CN kz-node-<id>): the broker RPCs only for itself — RegisterBroker, BrokerHeartbeat,
 *   AlterPartition, AllocateProducerIds name a broker id, and a certificate for another node is
 *   refused, so no node registers, fences or rewrites the ISR as another; every other RPC too
 *   (brokers forward their Kafka clients' admin requests, which they authorized themselves);
 * - anyone else, `User:<cn>`: as the authorizer says, with Kafka's checks for the same operations
 *   (DESCRIBE on the cluster to read, CREATE on it to create topics, ALTER on it for the rest);
 *   without an authorizer, any certificate the CA signed may.
 *
 * A refusal is CLUSTER_AUTHORIZATION_FAILED in the response, as a Kafka admin client would get it.
 */
import { apiError, type ApiError } from '../errors/api-error';
import type { AclOperation } from '../security/acl';
import type { Authorizer } from '../security/standard-authorizer';
import type { AdminRequest, AdminRpcName } from './admin-rpc';

/** The RPCs a broker sends for itself, and how each names the broker. */
const BROKER_RPCS: Partial<Record<AdminRpcName, (request: never) => number>> = {
  RegisterBroker: (r: AdminRequest<'RegisterBroker'>) => r.brokerId,
  BrokerHeartbeat: (r: AdminRequest<'BrokerHeartbeat'>) => r.brokerId,
  AlterPartition: (r: AdminRequest<'AlterPartition'>) => r.brokerId,
  AllocateProducerIds: (r: AdminRequest<'AllocateProducerIds'>) => r.brokerId,
};

const READS: ReadonlySet<AdminRpcName> = new Set(['DescribeCluster', 'DescribeTopics', 'DescribeConfigs', 'DescribeQuorum', 'DescribeUserScramCredentials', 'DescribeAcls', 'ListPartitionReassignments']);

/** What a user principal needs on the cluster for an RPC. */
function clusterOperation(rpc: AdminRpcName): AclOperation {
  if (READS.has(rpc)) return 'DESCRIBE';
  if (rpc === 'CreateTopics' || rpc === 'CreatePartitions') return 'CREATE';
  return 'ALTER';
}

export interface AdminCaller {
  /** The node id the certificate names, or null for a user certificate. */
  readonly nodeId: number | null;
  /** `User:<cn>` of a user certificate. */
  readonly principal: string;
  /** The caller's IP address. */
  readonly host: string;
}

/** null when the caller may; otherwise the error to answer. */
export function adminAccess<R extends AdminRpcName>(rpc: R, request: AdminRequest<R>, caller: AdminCaller, authorizer: Authorizer | null): ApiError | null {
  const brokerOf = BROKER_RPCS[rpc] as ((request: AdminRequest<R>) => number) | undefined;
  if (brokerOf !== undefined) {
    const brokerId = brokerOf(request);
    if (caller.nodeId === brokerId) return null;
    return apiError('CLUSTER_AUTHORIZATION_FAILED', `cluster authorization failed: ${rpc} for broker ${brokerId} needs that broker's certificate (kz-node-${brokerId}); the caller's names ${caller.nodeId === null ? caller.principal : `node ${caller.nodeId}`}`);
  }
  if (caller.nodeId !== null || authorizer === null) return null;
  const operation = clusterOperation(rpc);
  if (authorizer.authorize(caller.principal, caller.host, operation, 'CLUSTER', 'kafka-cluster')) return null;
  return apiError('CLUSTER_AUTHORIZATION_FAILED', `cluster authorization failed: ${caller.principal} may not ${operation} the cluster (${rpc})`);
}
