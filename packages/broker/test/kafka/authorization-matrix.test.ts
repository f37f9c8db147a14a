/**
 * What every Kafka API checks, as one table: for each API the listener serves (the ApiVersions
 * list — a new API without a row fails here), the ACL checks Kafka's KafkaApis/AuthHelper make and
 * the error a refusal answers. Each row is driven through the real handler with a real
 * StandardAuthorizer three ways:
 *   - granted exactly the first way of passing each check: the request is served;
 *   - granted any other way of passing a check (CREATE on the cluster or on the topic): served too;
 *   - for each check, granted every operation on every resource except what would pass that check
 *     (the operation, ALL, and the operations implying it): refused with the row's error. Because
 *     everything else is granted, a handler checking the wrong operation or resource fails here.
 * Every ACL question a handler asks must be one its row names, so the table cannot be incomplete.
 * Rows with no checks (ApiVersions, SASL, DescribeCluster) must ask no question at all.
 */
import { ApiKey, kafkaErrorByCode, ZERO_UUID, type ApiRequestTypes, type ApiResponseTypes, type Complete, type KafkaErrorName } from '@kz/kafka-protocol';
import { MetadataImage, type AclBinding, type AclOperation, type AclResourceType, type TopicImage } from '@kz/metadata';
import { advertisedVersions } from '../../src/kafka/api-versions-handler';
import type { KafkaBackend } from '../../src/kafka/kafka-backend';
import { CLOSE_CONNECTION, type KafkaHandlers, type RequestContext } from '../../src/kafka/kafka-handler';
import { kafkaHandlers } from '../../src/kafka/kafka-handlers';
import { StandardAuthorizer, type Authorizer } from '../../src/security/authorizer';
import { ClientSession } from '../../src/security/client-session';
import { FakeBackend } from './support/fake-backend';
import { SAMPLE_REQUESTS, TOPIC_ID } from './support/sample-requests';

const CLUSTER = 'kafka-cluster';
const PRINCIPAL = 'User:tester';

type Grant = readonly [AclOperation, AclResourceType, string];
/** One ACL check: passed by any of its grants; refused with `denied`. */
interface Check {
  readonly anyOf: readonly Grant[];
  readonly denied: Outcome;
}
/** An error name; NONE when served; HIDDEN when the resource is left out of the answer instead. */
type Outcome = KafkaErrorName | 'HIDDEN';

interface Row {
  readonly name: string;
  readonly apiKey: ApiKey;
  readonly version: number;
  readonly request: unknown;
  readonly checks: readonly Check[];
  /** What a client passing every check is answered (NONE unless the fake backend says otherwise). */
  readonly allowed: Outcome;
  readonly autoCreateTopics?: boolean;
  readonly outcome: (response: unknown) => Outcome;
}

const name = (code: number | undefined): Outcome => (code === undefined ? 'HIDDEN' : (kafkaErrorByCode(code)?.name ?? 'UNKNOWN_SERVER_ERROR'));
/** The first error among the codes, NONE when all are 0; a missing item (filtered out) is HIDDEN. */
const first = (...codes: (number | undefined)[]): Outcome => name(codes.find((c) => c !== 0) ?? (codes.includes(undefined) ? undefined : 0));

function row<K extends ApiKey>(
  label: string,
  apiKey: K,
  version: number,
  checks: readonly Check[],
  outcome: (response: ApiResponseTypes[K]) => Outcome,
  extra: { request?: Partial<ApiRequestTypes[K]>; allowed?: Outcome; autoCreateTopics?: boolean } = {},
): Row {
  const sample = SAMPLE_REQUESTS[apiKey];
  if (sample === undefined) throw new Error(`no sample request for API key ${apiKey}`);
  return {
    name: label,
    apiKey,
    version,
    request: { ...sample, ...extra.request },
    checks,
    allowed: extra.allowed ?? 'NONE',
    ...(extra.autoCreateTopics === undefined ? {} : { autoCreateTopics: extra.autoCreateTopics }),
    outcome: outcome as (response: unknown) => Outcome,
  };
}

const check = (denied: Outcome, ...anyOf: Grant[]): Check => ({ denied, anyOf });
const TOPIC = (op: AclOperation, topic = 't'): Grant => [op, 'TOPIC', topic];
const GROUP = (op: AclOperation): Grant => [op, 'GROUP', 'g'];
const ON_CLUSTER = (op: AclOperation): Grant => [op, 'CLUSTER', CLUSTER];

const BROKER_RESOURCE = 4;
const brokerConfig = { resourceType: BROKER_RESOURCE, resourceName: '1' };

const MATRIX: readonly Row[] = [
  row('Produce', ApiKey.Produce, 11, [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('WRITE'))], (r) => first(r.responses[0]?.partitionResponses[0]?.errorCode)),
  row('Fetch', ApiKey.Fetch, 17, [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('READ'))], (r) => first(r.errorCode, r.responses[0]?.partitions[0]?.errorCode)),
  row('ListOffsets', ApiKey.ListOffsets, 8, [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('DESCRIBE'))], (r) => first(r.topics[0]?.partitions[0]?.errorCode)),
  row('Metadata (named topic)', ApiKey.Metadata, 12, [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('DESCRIBE'))], (r) => first(r.topics[0]?.errorCode)),
  row('Metadata (all topics: unauthorized ones hidden)', ApiKey.Metadata, 12, [check('HIDDEN', TOPIC('DESCRIBE'))], (r) => first(r.topics.find((t) => t.name === 't')?.errorCode), {
    request: { topics: null },
  }),
  row(
    'Metadata (auto-creating an unknown topic)',
    ApiKey.Metadata,
    12,
    [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('DESCRIBE', 'new')), check('TOPIC_AUTHORIZATION_FAILED', ON_CLUSTER('CREATE'), TOPIC('CREATE', 'new'))],
    (r) => first(r.topics[0]?.errorCode),
    // Kafka's answer for a topic it is creating.
    { request: { topics: [{ topicId: ZERO_UUID, name: 'new' }], allowAutoTopicCreation: true }, allowed: 'LEADER_NOT_AVAILABLE', autoCreateTopics: true },
  ),
  row('DeleteRecords', ApiKey.DeleteRecords, 2, [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('DELETE'))], (r) => first(r.topics[0]?.partitions[0]?.errorCode)),
  row('FindCoordinator (group)', ApiKey.FindCoordinator, 4, [check('GROUP_AUTHORIZATION_FAILED', GROUP('DESCRIBE'))], (r) => first(r.coordinators?.[0]?.errorCode)),
  row(
    'OffsetCommit',
    ApiKey.OffsetCommit,
    8,
    [check('GROUP_AUTHORIZATION_FAILED', GROUP('READ')), check('TOPIC_AUTHORIZATION_FAILED', TOPIC('READ'))],
    (r) => first(r.topics[0]?.partitions[0]?.errorCode),
  ),
  row(
    'OffsetFetch',
    ApiKey.OffsetFetch,
    8,
    [check('GROUP_AUTHORIZATION_FAILED', GROUP('DESCRIBE')), check('TOPIC_AUTHORIZATION_FAILED', TOPIC('DESCRIBE'))],
    (r) => first(r.groups?.[0]?.errorCode, r.groups?.[0]?.topics[0]?.partitions[0]?.errorCode),
  ),
  row(
    'OffsetDelete',
    ApiKey.OffsetDelete,
    0,
    [check('GROUP_AUTHORIZATION_FAILED', GROUP('DELETE')), check('TOPIC_AUTHORIZATION_FAILED', TOPIC('READ'))],
    (r) => first(r.errorCode, r.topics[0]?.partitions[0]?.errorCode),
  ),
  row('JoinGroup', ApiKey.JoinGroup, 9, [check('GROUP_AUTHORIZATION_FAILED', GROUP('READ'))], (r) => first(r.errorCode)),
  row('SyncGroup', ApiKey.SyncGroup, 5, [check('GROUP_AUTHORIZATION_FAILED', GROUP('READ'))], (r) => first(r.errorCode)),
  row('Heartbeat', ApiKey.Heartbeat, 4, [check('GROUP_AUTHORIZATION_FAILED', GROUP('READ'))], (r) => first(r.errorCode)),
  row('LeaveGroup', ApiKey.LeaveGroup, 5, [check('GROUP_AUTHORIZATION_FAILED', GROUP('READ'))], (r) => first(r.errorCode)),
  row('DescribeGroups', ApiKey.DescribeGroups, 5, [check('GROUP_AUTHORIZATION_FAILED', GROUP('DESCRIBE'))], (r) => first(r.groups[0]?.errorCode)),
  // Kafka lists every group to DESCRIBE on the cluster, else the groups the client may describe.
  row('ListGroups', ApiKey.ListGroups, 5, [check('HIDDEN', ON_CLUSTER('DESCRIBE'), GROUP('DESCRIBE'))], (r) => first(r.errorCode, r.groups.find((g) => g.groupId === 'g') === undefined ? undefined : 0)),
  row('DeleteGroups', ApiKey.DeleteGroups, 2, [check('GROUP_AUTHORIZATION_FAILED', GROUP('DELETE'))], (r) => first(r.results[0]?.errorCode)),
  // KIP-679: an idempotent producer needs IDEMPOTENT_WRITE on the cluster or WRITE on some topic.
  row('InitProducerId (idempotent)', ApiKey.InitProducerId, 5, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('IDEMPOTENT_WRITE'), TOPIC('WRITE'))], (r) => first(r.errorCode)),
  row('DescribeProducers', ApiKey.DescribeProducers, 0, [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('READ'))], (r) => first(r.topics[0]?.partitions[0]?.errorCode)),
  row('CreateTopics', ApiKey.CreateTopics, 7, [check('TOPIC_AUTHORIZATION_FAILED', ON_CLUSTER('CREATE'), TOPIC('CREATE', 'new'))], (r) => first(r.topics[0]?.errorCode)),
  row('DeleteTopics', ApiKey.DeleteTopics, 6, [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('DELETE', 'old'))], (r) => first(r.responses[0]?.errorCode)),
  row('CreatePartitions', ApiKey.CreatePartitions, 3, [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('ALTER'))], (r) => first(r.results[0]?.errorCode)),
  row('DescribeConfigs (topic)', ApiKey.DescribeConfigs, 4, [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('DESCRIBE_CONFIGS'))], (r) => first(r.results[0]?.errorCode)),
  row('DescribeConfigs (broker)', ApiKey.DescribeConfigs, 4, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('DESCRIBE_CONFIGS'))], (r) => first(r.results[0]?.errorCode), {
    request: { resources: [{ ...brokerConfig, configurationKeys: null }] },
  }),
  row('AlterConfigs (topic)', ApiKey.AlterConfigs, 2, [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('ALTER_CONFIGS'))], (r) => first(r.responses[0]?.errorCode)),
  row('AlterConfigs (broker)', ApiKey.AlterConfigs, 2, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('ALTER_CONFIGS'))], (r) => first(r.responses[0]?.errorCode), {
    request: { resources: [{ ...brokerConfig, configs: [{ name: 'log.retention.ms', value: '1000' }] }] },
  }),
  row('IncrementalAlterConfigs (topic)', ApiKey.IncrementalAlterConfigs, 1, [check('TOPIC_AUTHORIZATION_FAILED', TOPIC('ALTER_CONFIGS'))], (r) => first(r.responses[0]?.errorCode)),
  row('IncrementalAlterConfigs (broker)', ApiKey.IncrementalAlterConfigs, 1, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('ALTER_CONFIGS'))], (r) => first(r.responses[0]?.errorCode), {
    request: { resources: [{ ...brokerConfig, configs: [{ name: 'log.retention.ms', configOperation: 0, value: '1000' }] }] },
  }),
  row('ElectLeaders', ApiKey.ElectLeaders, 2, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('ALTER'))], (r) => first(r.errorCode)),
  row('AlterPartitionReassignments', ApiKey.AlterPartitionReassignments, 0, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('ALTER'))], (r) => first(r.errorCode)),
  row('ListPartitionReassignments', ApiKey.ListPartitionReassignments, 0, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('DESCRIBE'))], (r) => first(r.errorCode)),
  row('DescribeLogDirs', ApiKey.DescribeLogDirs, 4, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('DESCRIBE'))], (r) => first(r.errorCode)),
  row('CreateAcls', ApiKey.CreateAcls, 3, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('ALTER'))], (r) => first(r.results[0]?.errorCode)),
  row('DescribeAcls', ApiKey.DescribeAcls, 3, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('DESCRIBE'))], (r) => first(r.errorCode)),
  row('DeleteAcls', ApiKey.DeleteAcls, 3, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('ALTER'))], (r) => first(r.filterResults[0]?.errorCode)),
  row('DescribeUserScramCredentials', ApiKey.DescribeUserScramCredentials, 0, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('DESCRIBE'))], (r) => first(r.errorCode)),
  row('AlterUserScramCredentials', ApiKey.AlterUserScramCredentials, 0, [check('CLUSTER_AUTHORIZATION_FAILED', ON_CLUSTER('ALTER'))], (r) => first(r.results[0]?.errorCode)),
  // No ACL is consulted: Kafka serves these to anyone who got this far.
  row('ApiVersions', ApiKey.ApiVersions, 3, [], (r) => first(r.errorCode)),
  // Kafka's AuthHelper asks DESCRIBE on the cluster only to fill in the authorized operations.
  row('DescribeCluster', ApiKey.DescribeCluster, 1, [], (r) => first(r.errorCode)),
  // The handlers are driven on an SSL session, where SASL is out of place whoever asks.
  row('SaslHandshake', ApiKey.SaslHandshake, 1, [], (r) => first(r.errorCode), { allowed: 'ILLEGAL_SASL_STATE' }),
  row('SaslAuthenticate', ApiKey.SaslAuthenticate, 2, [], (r) => first(r.errorCode), { allowed: 'ILLEGAL_SASL_STATE' }),
];

const RESOURCE_NAMES: Readonly<Record<AclResourceType, string>> = { TOPIC: '*', GROUP: '*', CLUSTER: CLUSTER, TRANSACTIONAL_ID: '*', DELEGATION_TOKEN: '*', USER: '*' };
const OPERATIONS: readonly AclOperation[] = ['ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE'];
/** Kafka's implied operations: an ALLOW of any of these passes a check of the key. */
const IMPLYING: Partial<Record<AclOperation, readonly AclOperation[]>> = { DESCRIBE: ['READ', 'WRITE', 'DELETE', 'ALTER'], DESCRIBE_CONFIGS: ['ALTER_CONFIGS'] };

const binding = ([operation, resourceType, resourceName]: Grant): AclBinding => ({ resourceType, resourceName, patternType: 'LITERAL', principal: PRINCIPAL, host: '*', operation, permission: 'ALLOW' });

/** Every operation on every resource, except any that would pass `check`. */
function everythingBut(check: Check): Grant[] {
  const passes = (op: AclOperation, type: AclResourceType) =>
    check.anyOf.some(([needed, neededType]) => neededType === type && (op === needed || op === 'ALL' || (IMPLYING[needed]?.includes(op) ?? false)));
  return (Object.keys(RESOURCE_NAMES) as AclResourceType[]).flatMap((type) => OPERATIONS.filter((op) => !passes(op, type)).map((op): Grant => [op, type, RESOURCE_NAMES[type]]));
}

interface Asked {
  readonly operation: AclOperation;
  readonly resourceType: AclResourceType;
}

/** A StandardAuthorizer holding just these grants, recording what it is asked. */
function authorizerOf(grants: readonly Grant[], asked: Asked[]): Authorizer {
  const acls = new Map(grants.map((g, i) => [`acl-${i}`, binding(g)]));
  const standard = new StandardAuthorizer({ acls: () => acls });
  return {
    authorize(principal, host, operation, resourceType, resourceName) {
      asked.push({ operation, resourceType });
      return standard.authorize(principal, host, operation, resourceType, resourceName);
    },
    authorizeByResourceType(principal, host, operation, resourceType) {
      asked.push({ operation, resourceType });
      return standard.authorizeByResourceType(principal, host, operation, resourceType);
    },
  };
}

const PARTITION = { replicas: [1], isr: [1], removingReplicas: [], addingReplicas: [], leader: 1, leaderEpoch: 0, partitionEpoch: 0, eligibleLeaderReplicas: [], lastKnownElr: [] };
const TOPIC_T: TopicImage = { id: TOPIC_ID, name: 't', partitions: [PARTITION] };
/** The image of a cluster holding topic `t`. */
const IMAGE = new MetadataImage({ ...MetadataImage.EMPTY, topicsById: new Map([[TOPIC_ID, TOPIC_T]]), topicIdsByName: new Map([['t', TOPIC_ID]]) });

/** The listener tests' fake backend, over an image that knows topic `t`. */
function backendFor(autoCreateTopics: boolean): KafkaBackend {
  const fake = new FakeBackend();
  return {
    nodeId: fake.nodeId,
    clusterId: fake.clusterId,
    groups: fake.groups,
    producerIds: fake.producerIds,
    admin: fake.admin,
    autoCreateTopics,
    image: () => IMAGE,
    logDir: () => fake.logDir(),
    broker: {
      ...fake.broker,
      async metadata(request) {
        const partitions = [{ errorCode: 0, partition: 0, leaderId: 1, leaderEpoch: 0, replicas: [1], isr: [1], offlineReplicas: [] }];
        const known = (topic: string) => (topic === 't' ? { errorCode: 0, name: topic, topicId: TOPIC_ID, isInternal: false, partitions } : { errorCode: 3, name: topic, topicId: '', isInternal: false, partitions: [] });
        return { clusterId: fake.clusterId, controllerId: 1, brokers: [{ nodeId: 1, host: '127.0.0.1', port: 9092, rack: null }], topics: (request.topics ?? ['t']).map(known) };
      },
    },
  };
}

/** Drives the row's real handler as PRINCIPAL holding `grants`; the outcome and the ACL questions asked. */
async function drive(r: Row, grants: readonly Grant[]): Promise<{ outcome: Outcome; asked: Asked[] }> {
  const asked: Asked[] = [];
  const handlers: KafkaHandlers = kafkaHandlers(backendFor(r.autoCreateTopics ?? false));
  const handler = handlers.get(r.apiKey);
  if (handler === undefined) throw new Error(`no handler for ${r.name}`);
  const session = new ClientSession({
    protocol: 'SSL',
    host: '10.0.0.1',
    mechanisms: [],
    certificatePrincipal: PRINCIPAL,
    maxReauthMs: 0,
    credentials: () => undefined,
    authorizer: authorizerOf(grants, asked),
  });
  const context: RequestContext = {
    apiVersion: r.version,
    header: { requestApiKey: r.apiKey, requestApiVersion: r.version, correlationId: 1, clientId: 'matrix' },
    peer: '10.0.0.1:5555',
    session,
    closeAfterAnswer: () => undefined,
  };
  const response = await handler.handle(r.request as Complete<ApiRequestTypes[ApiKey]>, context);
  if (response === null || response === CLOSE_CONNECTION) throw new Error(`${r.name} was not answered`);
  return { outcome: r.outcome(response), asked };
}

const minimal = (r: Row): Grant[] => r.checks.map((c) => c.anyOf[0]!);

test('the matrix has one row for every API the listener advertises', () => {
  const advertised = advertisedVersions(kafkaHandlers(new FakeBackend())).map((v) => v.apiKey);
  expect([...new Set(MATRIX.map((r) => r.apiKey))].sort((a, b) => a - b)).toEqual(advertised);
  for (const r of MATRIX) {
    const range = advertisedVersions(kafkaHandlers(new FakeBackend())).find((v) => v.apiKey === r.apiKey)!;
    expect(r.version).toBeLessThanOrEqual(range.maxVersion);
    expect(r.version).toBeGreaterThanOrEqual(range.minVersion);
  }
});

describe.each(MATRIX.map((r) => [r.name, r] as const))('%s', (_, r) => {
  test(`granted ${r.checks.map((c) => c.anyOf[0]!.slice(0, 2).join(' on ')).join(' and ') || 'nothing'}: ${r.allowed}, and only the row's checks are asked`, async () => {
    const { outcome, asked } = await drive(r, minimal(r));
    expect(outcome).toBe(r.allowed);
    const named = r.checks.flatMap((c) => c.anyOf.map(([operation, resourceType]) => `${operation} ${resourceType}`));
    expect([...new Set(asked.map((a) => `${a.operation} ${a.resourceType}`))].filter((a) => !named.includes(a))).toEqual([]);
    if (r.checks.length === 0) {
      // Nothing granted at all: still the same answer.
      expect((await drive(r, [])).outcome).toBe(r.allowed);
    }
  });

  const alternatives = r.checks.flatMap((c, i) => c.anyOf.slice(1).map((alt) => ({ i, alt })));
  if (alternatives.length > 0) {
    test.each(alternatives.map(({ i, alt }) => [alt.slice(0, 2).join(' on '), i, alt] as const))('granted %s instead: %#', async (_label, i, alt) => {
      const grants = minimal(r).map((g, j) => (j === i ? alt : g));
      expect((await drive(r, grants)).outcome).toBe(r.allowed);
    });
  }

  if (r.checks.length > 0) {
    test.each(r.checks.map((c) => [c.anyOf.map((g) => g.slice(0, 2).join(' on ')).join(' or '), c] as const))('granted everything but %s: refused', async (_label, c) => {
      expect((await drive(r, everythingBut(c))).outcome).toBe(c.denied);
    });
  }
});

test('with no ACL at all, every checked API is refused', async () => {
  for (const r of MATRIX.filter((x) => x.checks.length > 0)) {
    expect({ api: r.name, outcome: (await drive(r, [])).outcome }).toEqual({ api: r.name, outcome: r.checks[0]!.denied });
  }
});

test('DescribeCluster tells the authorized cluster operations (KIP-430) when asked: none without DESCRIBE', async () => {
  const r = MATRIX.find((x) => x.apiKey === ApiKey.DescribeCluster)!;
  const ops = async (grants: Grant[]) => {
    const handler = kafkaHandlers(backendFor(false)).get(ApiKey.DescribeCluster)!;
    const session = new ClientSession({ protocol: 'SSL', host: 'h', mechanisms: [], certificatePrincipal: PRINCIPAL, maxReauthMs: 0, credentials: () => undefined, authorizer: authorizerOf(grants, []) });
    const header = { requestApiKey: ApiKey.DescribeCluster, requestApiVersion: 1, correlationId: 1, clientId: 'matrix' };
    const request = { ...(r.request as ApiRequestTypes[typeof ApiKey.DescribeCluster]), includeClusterAuthorizedOperations: true };
    const response = (await handler.handle(request as never, { apiVersion: 1, header, peer: 'h:1', session, closeAfterAnswer: () => undefined })) as ApiResponseTypes[typeof ApiKey.DescribeCluster];
    return response.clusterAuthorizedOperations;
  };
  expect(await ops([ON_CLUSTER('IDEMPOTENT_WRITE')])).toBe(0);
  // ALTER implies DESCRIBE: the bits are DESCRIBE (8) and ALTER (7).
  expect(await ops([ON_CLUSTER('ALTER')])).toBe((1 << 8) | (1 << 7));
  expect(await ops([ON_CLUSTER('DESCRIBE'), ON_CLUSTER('IDEMPOTENT_WRITE')])).toBe((1 << 8) | (1 << 12));
});
