/**
 * The security reads of the admin API — DescribeUserScramCredentials (KIP-554) and DescribeAcls —
 * computed from a node's committed image, as the other reads are. A credential is described by its
 * mechanism and iterations only: salts and keys never leave the metadata log.
 */
import { apiError, type ApiError } from '../errors/api-error';
import type { MetadataImage } from '../image/metadata-image';
import { filterMatches, type AclBinding, type AclFilter } from '../security/acl';
import { SCRAM_MECHANISMS, type ScramMechanism } from '../security/scram';

export interface DescribeUserScramCredentialsRequest {
  /** null: every user with a credential. */
  readonly users: readonly string[] | null;
}

export interface UserScramCredentialsDescription {
  readonly user: string;
  /** RESOURCE_NOT_FOUND for a user named that has no credential; DUPLICATE_RESOURCE for one named twice. */
  readonly error: ApiError | null;
  readonly credentials: readonly { readonly mechanism: ScramMechanism; readonly iterations: number }[];
}

export interface ScramCredentialsDescription {
  readonly results: readonly UserScramCredentialsDescription[];
}

export interface DescribeAclsRequest {
  readonly filter: AclFilter;
}

export interface AclsDescription {
  readonly acls: readonly AclBinding[];
}

export function scramCredentialsDescription(image: MetadataImage, request: DescribeUserScramCredentialsRequest): ScramCredentialsDescription {
  const names = request.users ?? [...image.scramCredentials.keys()].sort();
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const seen = new Set<string>();
  const results: UserScramCredentialsDescription[] = [];
  for (const user of names) {
    if (seen.has(user)) continue;
    seen.add(user);
    if (counts.get(user)! > 1) {
      results.push({ user, error: apiError('DUPLICATE_RESOURCE', `user ${user} is named more than once`), credentials: [] });
      continue;
    }
    const mechanisms = image.scramCredentials.get(user);
    if (mechanisms === undefined) {
      results.push({ user, error: apiError('RESOURCE_NOT_FOUND', `user ${user} has no SCRAM credential`), credentials: [] });
      continue;
    }
    const credentials = SCRAM_MECHANISMS.flatMap((mechanism) => {
      const c = mechanisms.get(mechanism);
      return c === undefined ? [] : [{ mechanism, iterations: c.iterations }];
    });
    results.push({ user, error: null, credentials });
  }
  return { results };
}

/** The bindings the filter selects, in a stable order (resource, then principal, host, operation). */
export function aclsDescription(image: MetadataImage, request: DescribeAclsRequest): AclsDescription {
  const acls = [...image.acls.values()].filter((binding) => filterMatches(request.filter, binding));
  const key = (b: AclBinding): string => [b.resourceType, b.patternType, b.resourceName, b.principal, b.host, b.operation, b.permission].join('\u0000');
  acls.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { acls };
}
