/**
 * The security admin APIs: CreateAcls, DescribeAcls, DeleteAcls (v0-3) and KIP-554's
 * DescribeUserScramCredentials and AlterUserScramCredentials (v0). Changes are forwarded to the
 * active controller, which validates and writes them to the metadata log; descriptions are read
 * from this broker's image, as Kafka's brokers answer DescribeAcls from their authorizer's copy.
 *
 * Who may: ALTER on the cluster to change, DESCRIBE on the cluster to describe (Kafka's checks);
 * otherwise every item answers CLUSTER_AUTHORIZATION_FAILED.
 */
import { ApiKey, type CreateAclsResponseAclCreationResult, type DeleteAclsResponseDeleteAclsFilterResult, type DescribeAclsResponseDescribeAclsResource } from '@kz/kafka-protocol';
import {
  ACL_OPERATIONS,
  ACL_PERMISSIONS,
  CLUSTER_RESOURCE_NAME,
  filterMatches,
  nameOfCode,
  PATTERN_TYPES,
  RESOURCE_TYPES,
  SCRAM_MECHANISM_CODES,
  SCRAM_MECHANISMS,
  scramMechanismOfCode,
  validateFilter,
  ApiError,
  type AclBinding,
  type AclFilter,
} from '@kz/metadata';
import type { KafkaBackend } from './kafka-backend';
import { itemError, namedError, NONE, type ItemError } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler';
import { forwardingFailure } from './topic-admin-handlers';

export const ACL_VERSIONS = { min: 0, max: 3 } as const;
export const SCRAM_CREDENTIALS_VERSIONS = { min: 0, max: 0 } as const;

const CLUSTER_DENIED = (what: string): ItemError => namedError('CLUSTER_AUTHORIZATION_FAILED', `not authorized to ${what} on the cluster`);

/** A wire filter (DescribeAcls, DeleteAcls); v0 has no pattern type and means LITERAL. */
function filterOf(f: {
  readonly resourceTypeFilter: number;
  readonly resourceNameFilter: string | null;
  readonly patternTypeFilter?: number;
  readonly principalFilter: string | null;
  readonly hostFilter: string | null;
  readonly operation: number;
  readonly permissionType: number;
}): AclFilter {
  return {
    resourceType: nameOfCode(RESOURCE_TYPES, f.resourceTypeFilter),
    resourceName: f.resourceNameFilter,
    patternType: nameOfCode(PATTERN_TYPES, f.patternTypeFilter ?? PATTERN_TYPES.LITERAL),
    principal: f.principalFilter,
    host: f.hostFilter,
    operation: nameOfCode(ACL_OPERATIONS, f.operation),
    permission: nameOfCode(ACL_PERMISSIONS, f.permissionType),
  };
}

function wireBinding(b: AclBinding) {
  return {
    resourceType: RESOURCE_TYPES[b.resourceType],
    resourceName: b.resourceName,
    patternType: PATTERN_TYPES[b.patternType],
    principal: b.principal,
    host: b.host,
    operation: ACL_OPERATIONS[b.operation],
    permissionType: ACL_PERMISSIONS[b.permission],
  };
}

export function createAclsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.CreateAcls> {
  return kafkaHandler(ApiKey.CreateAcls, ACL_VERSIONS, async (request, { session }) => {
    if (!session.may('ALTER', 'CLUSTER', CLUSTER_RESOURCE_NAME)) return { throttleTimeMs: 0, results: request.creations.map(() => CLUSTER_DENIED('create ACLs')) };
    if (request.creations.length === 0) return { throttleTimeMs: 0, results: [] };
    const creations = request.creations.map((c) => ({
      resourceType: nameOfCode(RESOURCE_TYPES, c.resourceType),
      resourceName: c.resourceName,
      patternType: nameOfCode(PATTERN_TYPES, c.resourcePatternType ?? PATTERN_TYPES.LITERAL),
      principal: c.principal,
      host: c.host,
      operation: nameOfCode(ACL_OPERATIONS, c.operation),
      permission: nameOfCode(ACL_PERMISSIONS, c.permissionType),
    }));
    let results: CreateAclsResponseAclCreationResult[];
    try {
      const answer = await backend.admin.createAcls({ creations });
      // A result's `error` is null when the binding was created: only a missing result is a failure.
      results = request.creations.map((_, i) => {
        const result = answer.results[i];
        return itemError(result === undefined ? new ApiError('UNKNOWN_SERVER_ERROR', 'the controller did not answer for the ACL') : result.error);
      });
    } catch (error) {
      const failure = forwardingFailure(error);
      results = request.creations.map(() => failure);
    }
    return { throttleTimeMs: 0, results };
  });
}

export function describeAclsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.DescribeAcls> {
  return kafkaHandler(ApiKey.DescribeAcls, ACL_VERSIONS, async (request, { session }) => {
    const refuse = (error: ItemError) => ({ throttleTimeMs: 0, ...error, resources: [] });
    if (!session.may('DESCRIBE', 'CLUSTER', CLUSTER_RESOURCE_NAME)) return refuse(CLUSTER_DENIED('describe ACLs'));
    let filter: AclFilter;
    try {
      filter = validateFilter(filterOf(request));
    } catch (error) {
      if (error instanceof ApiError) return refuse(itemError(error));
      throw error;
    }
    const groups = new Map<string, DescribeAclsResponseDescribeAclsResource & { acls: object[] }>();
    for (const binding of backend.image().acls.values()) {
      if (!filterMatches(filter, binding)) continue;
      const key = `${binding.resourceType}\u0000${binding.patternType}\u0000${binding.resourceName}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { resourceType: RESOURCE_TYPES[binding.resourceType], resourceName: binding.resourceName, patternType: PATTERN_TYPES[binding.patternType], acls: [] };
        groups.set(key, group);
      }
      const w = wireBinding(binding);
      group.acls.push({ principal: w.principal, host: w.host, operation: w.operation, permissionType: w.permissionType });
    }
    return { throttleTimeMs: 0, errorCode: NONE, errorMessage: null, resources: [...groups.values()] as DescribeAclsResponseDescribeAclsResource[] };
  });
}

export function deleteAclsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.DeleteAcls> {
  return kafkaHandler(ApiKey.DeleteAcls, ACL_VERSIONS, async (request, { session }) => {
    const failedAll = (error: ItemError): DeleteAclsResponseDeleteAclsFilterResult[] => request.filters.map(() => ({ ...error, matchingAcls: [] }));
    if (!session.may('ALTER', 'CLUSTER', CLUSTER_RESOURCE_NAME)) return { throttleTimeMs: 0, filterResults: failedAll(CLUSTER_DENIED('delete ACLs')) };
    if (request.filters.length === 0) return { throttleTimeMs: 0, filterResults: [] };
    try {
      const answer = await backend.admin.deleteAcls({ filters: request.filters.map(filterOf) });
      const filterResults = request.filters.map((_, i): DeleteAclsResponseDeleteAclsFilterResult => {
        const result = answer.results[i];
        if (result === undefined) return { ...namedError('UNKNOWN_SERVER_ERROR', 'the controller did not answer for the filter'), matchingAcls: [] };
        return { ...itemError(result.error), matchingAcls: result.deleted.map((b) => ({ errorCode: NONE, errorMessage: null, ...wireBinding(b) })) };
      });
      return { throttleTimeMs: 0, filterResults };
    } catch (error) {
      return { throttleTimeMs: 0, filterResults: failedAll(forwardingFailure(error)) };
    }
  });
}

export function describeUserScramCredentialsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.DescribeUserScramCredentials> {
  return kafkaHandler(ApiKey.DescribeUserScramCredentials, SCRAM_CREDENTIALS_VERSIONS, async (request, { session }) => {
    if (!session.may('DESCRIBE', 'CLUSTER', CLUSTER_RESOURCE_NAME)) return { throttleTimeMs: 0, ...CLUSTER_DENIED('describe user credentials'), results: [] };
    const image = backend.image();
    const names = request.users === null || request.users.length === 0 ? [...image.scramCredentials.keys()].sort() : request.users.map((u) => u.name);
    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    const results = [...new Set(names)].map((user) => {
      const mechanisms = image.scramCredentials.get(user);
      const error =
        counts.get(user)! > 1
          ? namedError('DUPLICATE_RESOURCE', `user ${user} is named more than once`)
          : mechanisms === undefined
            ? namedError('RESOURCE_NOT_FOUND', `user ${user} has no SCRAM credential`)
            : { errorCode: NONE, errorMessage: null };
      const credentialInfos =
        error.errorCode !== NONE || mechanisms === undefined
          ? []
          : SCRAM_MECHANISMS.flatMap((m) => {
              const c = mechanisms.get(m);
              return c === undefined ? [] : [{ mechanism: SCRAM_MECHANISM_CODES[m], iterations: c.iterations }];
            });
      return { user, ...error, credentialInfos };
    });
    return { throttleTimeMs: 0, errorCode: NONE, errorMessage: null, results };
  });
}

export function alterUserScramCredentialsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.AlterUserScramCredentials> {
  return kafkaHandler(ApiKey.AlterUserScramCredentials, SCRAM_CREDENTIALS_VERSIONS, async (request, { session }) => {
    const users = [...new Set([...request.deletions.map((d) => d.name), ...request.upsertions.map((u) => u.name)])];
    const answerAll = (error: ItemError) => ({ throttleTimeMs: 0, results: users.map((user) => ({ user, ...error })) });
    if (!session.may('ALTER', 'CLUSTER', CLUSTER_RESOURCE_NAME)) return answerAll(CLUSTER_DENIED('alter user credentials'));
    if (users.length === 0) return { throttleTimeMs: 0, results: [] };
    try {
      const answer = await backend.admin.alterUserScramCredentials({
        deletions: request.deletions.map((d) => ({ name: d.name, mechanism: scramMechanismOfCode(d.mechanism) ?? 'UNKNOWN' })),
        upsertions: request.upsertions.map((u) => ({ name: u.name, mechanism: scramMechanismOfCode(u.mechanism) ?? 'UNKNOWN', iterations: u.iterations, salt: u.salt, saltedPassword: u.saltedPassword })),
      });
      const byUser = new Map(answer.results.map((r) => [r.user, r.error]));
      return { throttleTimeMs: 0, results: users.map((user) => ({ user, ...itemError(byUser.get(user) ?? null) })) };
    } catch (error) {
      return answerAll(forwardingFailure(error));
    }
  });
}

