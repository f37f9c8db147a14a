/**
 * Who may call each MetadataAdmin RPC, as one table: for every RPC (ADMIN_RPC_NAMES — a new one
 * without a row fails here), the ACL checks Kafka makes for the same operation and the error a
 * refusal answers. Each row is decided by the real adminAccess with a StandardAuthorizer: a user
 * granted the first way of passing each check may; granted every other way, too; granted every
 * operation on every resource except what would pass one check, is refused with the row's error.
 * The broker RPCs are a node's own, whatever the ACLs say.
 */
import { StandardAuthorizer, type AclBinding, type AclOperation, type AclResourceType } from '../../src';
import { adminAccess, type AdminCaller } from '../../src/service/admin-access';
import { ADMIN_RPC_NAMES, type AdminRequest, type AdminRpcName } from '../../src/service/admin-rpc';

type Grant = readonly [AclOperation, AclResourceType, string];
interface Row {
  readonly rpc: AdminRpcName;
  readonly request: unknown;
  /** Each check: passed by any of its grants. */
  readonly checks: readonly (readonly Grant[])[];
  readonly denied: 'TOPIC_AUTHORIZATION_FAILED' | 'CLUSTER_AUTHORIZATION_FAILED' | null;
}

const NOTHING: Grant[] = [];
const cluster = (op: AclOperation): Grant => [op, 'CLUSTER', 'kafka-cluster'];
const topic = (op: AclOperation, name: string): Grant => [op, 'TOPIC', name];
const row = <R extends AdminRpcName>(rpc: R, request: AdminRequest<R>, checks: readonly (readonly Grant[])[], denied: Row['denied']): Row => ({ rpc, request, checks, denied });

const TOPIC_DENIED = 'TOPIC_AUTHORIZATION_FAILED';
const CLUSTER_DENIED = 'CLUSTER_AUTHORIZATION_FAILED';

/** Rows for the RPCs a user may call; the broker RPCs are below. */
const MATRIX: readonly Row[] = [
  row('DescribeCluster', {}, [], null),
  row('CreateTopics', { topics: [{ name: 'orders' }] }, [[cluster('CREATE'), topic('CREATE', 'orders')]], TOPIC_DENIED),
  row('DeleteTopics', { names: ['orders'] }, [[topic('DELETE', 'orders')]], TOPIC_DENIED),
  row('CreatePartitions', { topics: [{ name: 'orders', count: 3 }] }, [[topic('ALTER', 'orders')]], TOPIC_DENIED),
  row('IncrementalAlterConfigs', { resources: [{ type: 'topic', name: 'orders', changes: [] }] }, [[topic('ALTER_CONFIGS', 'orders')]], TOPIC_DENIED),
  row('DescribeConfigs', { resources: [{ type: 'broker', name: '1' }] }, [[cluster('DESCRIBE_CONFIGS')]], CLUSTER_DENIED),
  row('DescribeTopics', { names: ['orders'] }, [[topic('DESCRIBE', 'orders')]], TOPIC_DENIED),
  row('ElectLeaders', { type: 'preferred', partitions: null }, [[cluster('ALTER')]], CLUSTER_DENIED),
  row('AlterPartitionReassignments', { reassignments: [] }, [[cluster('ALTER')]], CLUSTER_DENIED),
  row('ListPartitionReassignments', {}, [[cluster('DESCRIBE')]], CLUSTER_DENIED),
  row('UnregisterBroker', { brokerId: 2 }, [[cluster('ALTER')]], CLUSTER_DENIED),
  row('AlterUserScramCredentials', { deletions: [], upsertions: [] }, [[cluster('ALTER')]], CLUSTER_DENIED),
  row('CreateAcls', { creations: [] }, [[cluster('ALTER')]], CLUSTER_DENIED),
  row('DeleteAcls', { filters: [] }, [[cluster('ALTER')]], CLUSTER_DENIED),
  row('DescribeQuorum', {}, [[cluster('DESCRIBE')]], CLUSTER_DENIED),
  row('DescribeUserScramCredentials', { users: null }, [[cluster('DESCRIBE')]], CLUSTER_DENIED),
  row('DescribeAcls', { filter: {} } as never, [[cluster('DESCRIBE')]], CLUSTER_DENIED),
  row('AddRaftVoter', { voterId: 4, voterDirectoryId: 'AAAAAAAAAAAAAAAAAAAAAA', listeners: [] }, [[cluster('ALTER')]], CLUSTER_DENIED),
  row('RemoveRaftVoter', { voterId: 4, voterDirectoryId: 'AAAAAAAAAAAAAAAAAAAAAA' }, [[cluster('ALTER')]], CLUSTER_DENIED),
];
const BROKER_RPCS: readonly AdminRpcName[] = ['RegisterBroker', 'BrokerHeartbeat', 'AlterPartition', 'AllocateProducerIds'];

const RESOURCE_NAMES: Readonly<Record<AclResourceType, string>> = { TOPIC: '*', GROUP: '*', CLUSTER: 'kafka-cluster', TRANSACTIONAL_ID: '*', DELEGATION_TOKEN: '*', USER: '*' };
const OPERATIONS: readonly AclOperation[] = ['ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE'];
const IMPLYING: Partial<Record<AclOperation, readonly AclOperation[]>> = { DESCRIBE: ['READ', 'WRITE', 'DELETE', 'ALTER'], DESCRIBE_CONFIGS: ['ALTER_CONFIGS'] };

const USER: AdminCaller = { nodeId: null, principal: 'User:carol', host: '10.0.0.9' };

function authorizer(grants: readonly Grant[]): StandardAuthorizer {
  const acls = new Map(
    grants.map(([operation, resourceType, resourceName], i): [string, AclBinding] => [`acl-${i}`, { resourceType, resourceName, patternType: 'LITERAL', principal: USER.principal, host: '*', operation, permission: 'ALLOW' }]),
  );
  return new StandardAuthorizer({ acls: () => acls });
}

function everythingBut(check: readonly Grant[]): Grant[] {
  const passes = (op: AclOperation, type: AclResourceType) => check.some(([needed, neededType]) => neededType === type && (op === needed || op === 'ALL' || (IMPLYING[needed]?.includes(op) ?? false)));
  return (Object.keys(RESOURCE_NAMES) as AclResourceType[]).flatMap((type) => OPERATIONS.filter((op) => !passes(op, type)).map((op): Grant => [op, type, RESOURCE_NAMES[type]]));
}

const decide = (r: Row, grants: readonly Grant[]) => adminAccess(r.rpc, r.request as never, USER, authorizer(grants))?.code ?? null;

test('every admin RPC has a row', () => {
  expect([...MATRIX.map((r) => r.rpc), ...BROKER_RPCS].sort()).toEqual([...ADMIN_RPC_NAMES].sort());
});

describe.each(MATRIX.map((r) => [r.rpc, r] as const))('%s', (_rpc, r) => {
  test('granted the first way of passing each check: allowed; every other way too', () => {
    expect(decide(r, r.checks.map((c) => c[0]!))).toBeNull();
    r.checks.forEach((check, i) => {
      for (const alternative of check.slice(1)) expect(decide(r, r.checks.map((c, j) => (j === i ? alternative : c[0]!)))).toBeNull();
    });
  });

  test(`granted nothing: ${r.denied ?? 'allowed'}`, () => {
    expect(decide(r, NOTHING)).toBe(r.denied);
  });

  if (r.checks.length > 0) {
    test('granted everything but what passes a check: refused', () => {
      for (const check of r.checks) expect(decide(r, everythingBut(check))).toBe(r.denied);
    });
  }
});

test('a refusal names the principal, what it lacks and the RPC', () => {
  const createTopics = MATRIX.find((r) => r.rpc === 'CreateTopics')!;
  expect(adminAccess('CreateTopics', createTopics.request as AdminRequest<'CreateTopics'>, USER, authorizer([]))?.message).toBe(
    'topic authorization failed: User:carol may not CREATE the cluster or topic orders (CreateTopics)',
  );
});

test('describing every topic needs DESCRIBE on the cluster: the answer cannot leave topics out', () => {
  const all = { rpc: 'DescribeTopics', request: { names: null }, checks: [], denied: CLUSTER_DENIED } as const;
  expect(decide(all, [topic('DESCRIBE', 'orders')])).toBe(CLUSTER_DENIED);
  expect(decide(all, [cluster('DESCRIBE')])).toBeNull();
});

test('the broker RPCs are a node’s own: a user is refused whatever it is granted, the node itself allowed', () => {
  const everything = authorizer(OPERATIONS.map((op) => cluster(op)));
  const heartbeat = { brokerId: 2 } as AdminRequest<'BrokerHeartbeat'>;
  expect(adminAccess('BrokerHeartbeat', heartbeat, USER, everything)?.code).toBe(CLUSTER_DENIED);
  expect(adminAccess('BrokerHeartbeat', heartbeat, { nodeId: 2, principal: 'User:kz-node-2', host: 'h' }, everything)).toBeNull();
  expect(adminAccess('BrokerHeartbeat', heartbeat, { nodeId: 3, principal: 'User:kz-node-3', host: 'h' }, everything)?.code).toBe(CLUSTER_DENIED);
});
