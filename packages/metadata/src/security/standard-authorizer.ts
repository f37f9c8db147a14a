/**
 * Who may do what: Kafka's StandardAuthorizer over the ACL bindings of the metadata image.
 *
 * For an operation on a resource, by a principal from a host:
 *   1. a super user may do anything;
 *   2. the bindings that apply are those on the resource's name (LITERAL), on `*` (LITERAL), and on
 *      any prefix of the name (PREFIXED), whose principal is the caller or `User:*` and whose host
 *      is the caller's or `*`;
 *   3. a DENY that applies wins — for the operation itself or ALL;
 *   4. otherwise an ALLOW for the operation or ALL allows; so do the operations that imply it:
 *      READ, WRITE, DELETE or ALTER imply DESCRIBE, and ALTER_CONFIGS implies DESCRIBE_CONFIGS;
 *   5. with no binding at all on the resource (for anyone), `allow.everyone.if.no.acl.found` decides
 *      — false by default: once an authorizer is configured, what is not granted is refused.
 *
 * The index over the bindings is rebuilt only when the image's ACL map changes (it is a new map
 * then), so authorizing a produce costs a map lookup, not a scan of every binding.
 *
 * `authorizeByResourceType` asks whether an operation is allowed on *some* resource of a type,
 * existing or not (Kafka's Authorizer.authorizeByResourceType, which KIP-679's idempotent producer
 * check uses: IDEMPOTENT_WRITE on the cluster or WRITE on any topic).
 */
import type { AclBinding, AclOperation, AclResourceType } from './acl';

export interface Authorizer {
  authorize(principal: string, host: string, operation: AclOperation, resourceType: AclResourceType, resourceName: string): boolean;
  /** Whether `operation` is allowed on at least one resource of the type, named or not yet existing. */
  authorizeByResourceType(principal: string, host: string, operation: AclOperation, resourceType: AclResourceType): boolean;
}

/** No authorizer configured: Kafka's default, every request is allowed. */
export const ALLOW_ALL: Authorizer = { authorize: () => true, authorizeByResourceType: () => true };

export interface StandardAuthorizerOptions {
  /** The bindings in force: the broker's current image's. */
  readonly acls: () => ReadonlyMap<string, AclBinding>;
  /** `super.users`: principals (`User:admin`) that every check allows. */
  readonly superUsers?: Iterable<string>;
  /** `allow.everyone.if.no.acl.found`; default false. */
  readonly allowEveryoneIfNoAclFound?: boolean;
}

interface ResourceIndex {
  readonly literal: Map<string, AclBinding[]>;
  readonly prefixed: AclBinding[];
}

type AclIndex = Map<AclResourceType, ResourceIndex>;

/** Operations an ALLOW of another operation grants (Kafka's implied operations). */
const IMPLIED_BY: Partial<Record<AclOperation, readonly AclOperation[]>> = {
  DESCRIBE: ['READ', 'WRITE', 'DELETE', 'ALTER'],
  DESCRIBE_CONFIGS: ['ALTER_CONFIGS'],
};

export class StandardAuthorizer implements Authorizer {
  private readonly superUsers: ReadonlySet<string>;
  private readonly allowIfNoAcl: boolean;
  private indexed: { readonly source: ReadonlyMap<string, AclBinding>; readonly index: AclIndex } | null = null;

  constructor(private readonly options: StandardAuthorizerOptions) {
    this.superUsers = new Set(options.superUsers ?? []);
    this.allowIfNoAcl = options.allowEveryoneIfNoAclFound ?? false;
  }

  authorize(principal: string, host: string, operation: AclOperation, resourceType: AclResourceType, resourceName: string): boolean {
    if (this.superUsers.has(principal)) return true;
    const applicable = this.bindingsOn(resourceType, resourceName);
    if (applicable.length === 0) return this.allowIfNoAcl;
    let allowed = false;
    for (const acl of applicable) {
      if (acl.principal !== principal && acl.principal !== 'User:*') continue;
      if (acl.host !== host && acl.host !== '*') continue;
      if (acl.permission === 'DENY') {
        if (acl.operation === operation || acl.operation === 'ALL') return false;
      } else if (!allowed) {
        allowed = acl.operation === operation || acl.operation === 'ALL' || (IMPLIED_BY[operation]?.includes(acl.operation) ?? false);
      }
    }
    return allowed;
  }

  /**
   * Allowed on some resource of the type: a super user; no binding on the type at all and
   * allow.everyone.if.no.acl.found; or an ALLOW for the operation (or ALL) that no DENY covers — a
   * DENY on `*` covers everything, a literal DENY its own name, a prefixed DENY every name and
   * prefix it starts. Implied operations do not count here, as in Kafka.
   */
  authorizeByResourceType(principal: string, host: string, operation: AclOperation, resourceType: AclResourceType): boolean {
    if (this.superUsers.has(principal)) return true;
    const resource = this.index().get(resourceType);
    if (resource === undefined) return this.allowIfNoAcl;
    const deniedLiteral = new Set<string>();
    const deniedPrefixes: string[] = [];
    const allowed: AclBinding[] = [];
    for (const acl of [...[...resource.literal.values()].flat(), ...resource.prefixed]) {
      if (acl.principal !== principal && acl.principal !== 'User:*') continue;
      if (acl.host !== host && acl.host !== '*') continue;
      if (acl.operation !== operation && acl.operation !== 'ALL') continue;
      if (acl.permission === 'ALLOW') allowed.push(acl);
      else if (acl.patternType === 'PREFIXED') deniedPrefixes.push(acl.resourceName);
      else if (acl.resourceName === '*') return false;
      else deniedLiteral.add(acl.resourceName);
    }
    return allowed.some(
      (acl) =>
        (acl.patternType === 'LITERAL' && acl.resourceName === '*') ||
        (!(acl.patternType === 'LITERAL' && deniedLiteral.has(acl.resourceName)) && !deniedPrefixes.some((prefix) => acl.resourceName.startsWith(prefix))),
    );
  }

  /** Every binding on the resource's pattern, whoever it names. */
  private bindingsOn(resourceType: AclResourceType, resourceName: string): AclBinding[] {
    const resource = this.index().get(resourceType);
    if (resource === undefined) return [];
    const found = [...(resource.literal.get(resourceName) ?? []), ...(resourceName === '*' ? [] : (resource.literal.get('*') ?? []))];
    for (const acl of resource.prefixed) if (resourceName.startsWith(acl.resourceName)) found.push(acl);
    return found;
  }

  private index(): AclIndex {
    const source = this.options.acls();
    if (this.indexed?.source === source) return this.indexed.index;
    const index: AclIndex = new Map();
    for (const acl of source.values()) {
      let resource = index.get(acl.resourceType);
      if (resource === undefined) index.set(acl.resourceType, (resource = { literal: new Map(), prefixed: [] }));
      if (acl.patternType === 'PREFIXED') {
        resource.prefixed.push(acl);
      } else {
        const list = resource.literal.get(acl.resourceName);
        if (list === undefined) resource.literal.set(acl.resourceName, [acl]);
        else list.push(acl);
      }
    }
    this.indexed = { source, index };
    return index;
  }
}
