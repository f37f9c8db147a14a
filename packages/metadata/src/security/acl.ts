/**
 * Kafka's access-control model (KIP-11, KIP-290 prefixed patterns): an ACL binding is a resource
 * pattern (type, name, literal or prefixed) and an entry (principal, host, operation, allow/deny).
 * The names and numbers are Kafka's (ResourceType, PatternType, AclOperation, AclPermissionType),
 * so that CreateAcls/DescribeAcls/DeleteAcls carry them as they are and operators read what they know.
 *
 * Bindings live in the metadata log (AccessControlEntryRecord, keyed by a random id, as KRaft keeps
 * them); filters (DescribeAcls, DeleteAcls) select them with Kafka's matching rules.
 */
import { ApiError } from '../errors/api-error';

export const RESOURCE_TYPES = { UNKNOWN: 0, ANY: 1, TOPIC: 2, GROUP: 3, CLUSTER: 4, TRANSACTIONAL_ID: 5, DELEGATION_TOKEN: 6, USER: 7 } as const;
export const PATTERN_TYPES = { UNKNOWN: 0, ANY: 1, MATCH: 2, LITERAL: 3, PREFIXED: 4 } as const;
export const ACL_OPERATIONS = {
  UNKNOWN: 0,
  ANY: 1,
  ALL: 2,
  READ: 3,
  WRITE: 4,
  CREATE: 5,
  DELETE: 6,
  ALTER: 7,
  DESCRIBE: 8,
  CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10,
  ALTER_CONFIGS: 11,
  IDEMPOTENT_WRITE: 12,
  CREATE_TOKENS: 13,
  DESCRIBE_TOKENS: 14,
} as const;
export const ACL_PERMISSIONS = { UNKNOWN: 0, ANY: 1, DENY: 2, ALLOW: 3 } as const;

export type ResourceTypeName = keyof typeof RESOURCE_TYPES;
export type PatternTypeName = keyof typeof PATTERN_TYPES;
export type AclOperationName = keyof typeof ACL_OPERATIONS;
export type AclPermissionName = keyof typeof ACL_PERMISSIONS;

/** What a stored binding may hold: no UNKNOWN, ANY or MATCH (those are for filters). */
export type AclResourceType = Exclude<ResourceTypeName, 'UNKNOWN' | 'ANY'>;
export type AclPatternType = 'LITERAL' | 'PREFIXED';
export type AclOperation = Exclude<AclOperationName, 'UNKNOWN' | 'ANY'>;
export type AclPermission = 'ALLOW' | 'DENY';

/** The one name a CLUSTER resource has (Kafka's Resource.CLUSTER_NAME). */
export const CLUSTER_RESOURCE_NAME = 'kafka-cluster';
/** A literal name (or principal, or host) that matches every one. */
export const WILDCARD = '*';
export const WILDCARD_PRINCIPAL = 'User:*';

export interface AclBinding {
  readonly resourceType: AclResourceType;
  readonly resourceName: string;
  readonly patternType: AclPatternType;
  /** `Type:name`, e.g. `User:alice`; `User:*` is everyone. */
  readonly principal: string;
  /** A client's IP address, or `*`. */
  readonly host: string;
  readonly operation: AclOperation;
  readonly permission: AclPermission;
}

/** A binding filter (DescribeAcls, DeleteAcls): null fields and ANY match everything. */
export interface AclFilter {
  readonly resourceType: ResourceTypeName;
  readonly resourceName: string | null;
  readonly patternType: PatternTypeName;
  readonly principal: string | null;
  readonly host: string | null;
  readonly operation: AclOperationName;
  readonly permission: AclPermissionName;
}

export const MATCH_ALL_FILTER: AclFilter = { resourceType: 'ANY', resourceName: null, patternType: 'ANY', principal: null, host: null, operation: 'ANY', permission: 'ANY' };

/** The name for a Kafka code in one of the tables; UNKNOWN for a code the table lacks. */
export function nameOfCode<T extends Record<string, number>>(table: T, code: number): keyof T {
  for (const [name, value] of Object.entries(table)) if (value === code) return name as keyof T;
  return 'UNKNOWN' as keyof T;
}

/** `Type:name` with both parts non-empty (Kafka's KafkaPrincipal.fromString). */
export function isPrincipal(text: string): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && colon < text.length - 1;
}

/**
 * A binding as CreateAcls sends it, checked as Kafka's controller checks one (AclControlManager's
 * validateNewAcl and KafkaApis): INVALID_REQUEST naming what is wrong, so nothing malformed is stored.
 */
export function validateBinding(raw: {
  readonly resourceType: ResourceTypeName;
  readonly resourceName: string;
  readonly patternType: PatternTypeName;
  readonly principal: string;
  readonly host: string;
  readonly operation: AclOperationName;
  readonly permission: AclPermissionName;
}): AclBinding {
  const bad = (why: string): never => {
    throw new ApiError('INVALID_REQUEST', why);
  };
  if (raw.resourceType === 'UNKNOWN' || raw.resourceType === 'ANY') bad(`resource type ${raw.resourceType} cannot be stored in an ACL`);
  if (raw.patternType !== 'LITERAL' && raw.patternType !== 'PREFIXED') bad(`pattern type ${raw.patternType} cannot be stored in an ACL (LITERAL or PREFIXED)`);
  if (raw.operation === 'UNKNOWN' || raw.operation === 'ANY') bad(`operation ${raw.operation} cannot be stored in an ACL`);
  if (raw.permission !== 'ALLOW' && raw.permission !== 'DENY') bad(`permission ${raw.permission} cannot be stored in an ACL (ALLOW or DENY)`);
  if (raw.resourceName === '') bad('the resource name is empty');
  if (raw.resourceType === 'CLUSTER' && raw.resourceName !== CLUSTER_RESOURCE_NAME) bad(`the only CLUSTER resource is ${CLUSTER_RESOURCE_NAME}, not ${JSON.stringify(raw.resourceName)}`);
  if (raw.resourceType === 'CLUSTER' && raw.patternType !== 'LITERAL') bad('a CLUSTER resource takes a LITERAL pattern');
  if (!isPrincipal(raw.principal)) bad(`principal ${JSON.stringify(raw.principal)} is not Type:name (e.g. User:alice)`);
  if (raw.host === '') bad('the host is empty (use * for every host)');
  return raw as AclBinding;
}

/** A filter as DeleteAcls sends it: UNKNOWN anywhere is refused (Kafka: INVALID_REQUEST). */
export function validateFilter(filter: AclFilter): AclFilter {
  for (const [field, value] of [
    ['resource type', filter.resourceType],
    ['pattern type', filter.patternType],
    ['operation', filter.operation],
    ['permission', filter.permission],
  ] as const) {
    if (value === 'UNKNOWN') throw new ApiError('INVALID_REQUEST', `the filter's ${field} is UNKNOWN`);
  }
  return filter;
}

/** Whether `binding` is selected by `filter` (Kafka's AclBindingFilter.matches). */
export function filterMatches(filter: AclFilter, binding: AclBinding): boolean {
  if (filter.resourceType !== 'ANY' && filter.resourceType !== binding.resourceType) return false;
  if (!patternFilterMatches(filter, binding)) return false;
  if (filter.principal !== null && filter.principal !== binding.principal) return false;
  if (filter.host !== null && filter.host !== binding.host) return false;
  if (filter.operation !== 'ANY' && filter.operation !== binding.operation) return false;
  if (filter.permission !== 'ANY' && filter.permission !== binding.permission) return false;
  return true;
}

function patternFilterMatches(filter: AclFilter, binding: AclBinding): boolean {
  switch (filter.patternType) {
    case 'ANY':
      return filter.resourceName === null || filter.resourceName === binding.resourceName;
    case 'MATCH':
      // Every binding that would apply to a resource of this name.
      if (filter.resourceName === null) return true;
      if (binding.patternType === 'LITERAL') return binding.resourceName === filter.resourceName || binding.resourceName === WILDCARD;
      return filter.resourceName.startsWith(binding.resourceName);
    case 'LITERAL':
    case 'PREFIXED':
      return filter.patternType === binding.patternType && (filter.resourceName === null || filter.resourceName === binding.resourceName);
    case 'UNKNOWN':
      return false;
  }
}

/** Two bindings are the same ACL (CreateAcls of one that exists adds nothing). */
export function sameBinding(a: AclBinding, b: AclBinding): boolean {
  return (
    a.resourceType === b.resourceType &&
    a.resourceName === b.resourceName &&
    a.patternType === b.patternType &&
    a.principal === b.principal &&
    a.host === b.host &&
    a.operation === b.operation &&
    a.permission === b.permission
  );
}
