/**
 * Who may call which MetadataAdmin RPC, when the service runs with mutual TLS. The caller is who
 * its certificate names:
 *
 * - a node (CN kz-node-<id>): the broker RPCs only for itself — RegisterBroker, BrokerHeartbeat,
 *   AlterPartition, AllocateProducerIds name a broker id, and a certificate for another node is
 *   refused, so no node registers, fences or rewrites the ISR as another; every other RPC too
 *   (brokers forward their Kafka clients' admin requests, which they authorized themselves);
 * - anyone else, `User:<cn>`: as the authorizer says, with the checks Kafka's KafkaApis makes for
 *   the same operation, per resource the request names — CREATE on the cluster or the topic to
 *   create it, DELETE on a topic to delete it, ALTER on it to add partitions, ALTER_CONFIGS /
 *   DESCRIBE_CONFIGS on the topic or (broker configs) the cluster, DESCRIBE on a topic to describe
 *   it, ALTER / DESCRIBE on the cluster for the rest, nothing for DescribeCluster (Kafka's bootstrap
 *   answer); without an authorizer, any certificate the CA signed may.
 *
 * The RPC is answered as a whole, so one resource refused refuses it (Kafka would answer that item
 * alone): TOPIC_AUTHORIZATION_FAILED for a topic, CLUSTER_AUTHORIZATION_FAILED for the cluster, as a
 * Kafka admin client would get them. DescribeTopics of every topic needs DESCRIBE on the cluster:
 * this answer cannot leave out the topics a caller may not see, as Kafka's Metadata does.
 */
import { apiError, type ApiError } from '../errors/api-error';
import type { AclOperation, AclResourceType } from '../security/acl';
import type { Authorizer } from '../security/standard-authorizer';
import type { AdminRequest, AdminRpcName } from './admin-rpc';

/** The RPCs a broker sends for itself, and how each names the broker. */
const BROKER_RPCS: Partial<Record<AdminRpcName, (request: never) => number>> = {
  RegisterBroker: (r: AdminRequest<'RegisterBroker'>) => r.brokerId,
  BrokerHeartbeat: (r: AdminRequest<'BrokerHeartbeat'>) => r.brokerId,
  AlterPartition: (r: AdminRequest<'AlterPartition'>) => r.brokerId,
  AllocateProducerIds: (r: AdminRequest<'AllocateProducerIds'>) => r.brokerId,
};

const CLUSTER_NAME = 'kafka-cluster';

/** One ACL question: an operation on a resource. */
type Grant = readonly [AclOperation, AclResourceType, string];
/** One check: passed by any of its grants. */
export type AccessCheck = readonly Grant[];

const onCluster = (operation: AclOperation): AccessCheck => [[operation, 'CLUSTER', CLUSTER_NAME]];
const onConfigs = (operation: AclOperation, resource: { readonly type: string; readonly name: string }): AccessCheck =>
  resource.type === 'topic' ? [[operation, 'TOPIC', resource.name]] : onCluster(operation);

/** What a user principal needs for an RPC (every check must pass), as Kafka checks the same operation. */
export function userAccessChecks<R extends AdminRpcName>(rpc: R, request: AdminRequest<R>): AccessCheck[] {
  switch (rpc) {
    case 'DescribeCluster':
      return [];
    case 'CreateTopics':
      return (request as AdminRequest<'CreateTopics'>).topics.map((t): AccessCheck => [['CREATE', 'CLUSTER', CLUSTER_NAME], ['CREATE', 'TOPIC', t.name]]);
    case 'DeleteTopics':
      return (request as AdminRequest<'DeleteTopics'>).names.map((name): AccessCheck => [['DELETE', 'TOPIC', name]]);
    case 'CreatePartitions':
      return (request as AdminRequest<'CreatePartitions'>).topics.map((t): AccessCheck => [['ALTER', 'TOPIC', t.name]]);
    case 'IncrementalAlterConfigs':
      return (request as AdminRequest<'IncrementalAlterConfigs'>).resources.map((r) => onConfigs('ALTER_CONFIGS', r));
    case 'DescribeConfigs':
      return (request as AdminRequest<'DescribeConfigs'>).resources.map((r) => onConfigs('DESCRIBE_CONFIGS', r));
    case 'DescribeTopics': {
      const names = (request as AdminRequest<'DescribeTopics'>).names;
      return names === null ? [onCluster('DESCRIBE')] : names.map((name): AccessCheck => [['DESCRIBE', 'TOPIC', name]]);
    }
    case 'DescribeQuorum':
    case 'DescribeUserScramCredentials':
    case 'DescribeAcls':
    case 'ListPartitionReassignments':
      return [onCluster('DESCRIBE')];
    default:
      return [onCluster('ALTER')];
  }
}

function describeCheck(check: AccessCheck): string {
  const operations = [...new Set(check.map(([operation]) => operation))].join(' or ');
  const resources = check.map(([, type, name]) => (type === 'CLUSTER' ? 'the cluster' : `${type.toLowerCase()} ${name}`)).join(' or ');
  return `${operations} ${resources}`;
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
  for (const check of userAccessChecks(rpc, request)) {
    if (check.some(([operation, type, name]) => authorizer.authorize(caller.principal, caller.host, operation, type, name))) continue;
    const onTopic = check.some(([, type]) => type === 'TOPIC');
    return apiError(onTopic ? 'TOPIC_AUTHORIZATION_FAILED' : 'CLUSTER_AUTHORIZATION_FAILED', `${onTopic ? 'topic' : 'cluster'} authorization failed: ${caller.principal} may not ${describeCheck(check)} (${rpc})`);
  }
  return null;
}
