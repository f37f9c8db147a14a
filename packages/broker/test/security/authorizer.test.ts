/**
 * The StandardAuthorizer's decisions, rule by rule: super users, literal / wildcard / prefixed
 * bindings, principal and host wildcards, deny over allow, implied operations, and
 * allow.everyone.if.no.acl.found; plus a property: adding a DENY never allows anything more, and
 * adding an ALLOW never allows anything less.
 */
import fc from 'fast-check';
import type { AclBinding, AclOperation, AclResourceType } from '@kz/metadata';
import { StandardAuthorizer } from '../../src/security/authorizer';

const seed = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);

function authorizer(bindings: readonly AclBinding[], options: { superUsers?: string[]; allowEveryoneIfNoAclFound?: boolean } = {}): StandardAuthorizer {
  const acls = new Map(bindings.map((b, i) => [`acl-${i}`, b]));
  return new StandardAuthorizer({ acls: () => acls, ...options });
}

const allow = (principal: string, operation: AclOperation, resourceName: string, extra: Partial<AclBinding> = {}): AclBinding => ({
  resourceType: 'TOPIC',
  resourceName,
  patternType: 'LITERAL',
  principal,
  host: '*',
  operation,
  permission: 'ALLOW',
  ...extra,
});

describe('StandardAuthorizer', () => {
  it('authorizeByResourceType: an ALLOW on some resource of the type, a name not created yet included, unless a DENY covers it (KIP-679)', () => {
    const prefixedWrite = allow('User:alice', 'WRITE', 'orders-', { patternType: 'PREFIXED' });
    // No topic starts with orders- yet: Kafka's idempotent producer check still passes.
    expect(authorizer([prefixedWrite]).authorizeByResourceType('User:alice', 'h', 'WRITE', 'TOPIC')).toBe(true);
    expect(authorizer([prefixedWrite]).authorizeByResourceType('User:bob', 'h', 'WRITE', 'TOPIC')).toBe(false);
    expect(authorizer([prefixedWrite]).authorizeByResourceType('User:alice', 'h', 'WRITE', 'GROUP')).toBe(false);
    // Implied operations do not count, as in Kafka: WRITE does not make DESCRIBE "on some topic".
    expect(authorizer([prefixedWrite]).authorizeByResourceType('User:alice', 'h', 'DESCRIBE', 'TOPIC')).toBe(false);
    expect(authorizer([allow('User:alice', 'ALL', 'x')]).authorizeByResourceType('User:alice', 'h', 'WRITE', 'TOPIC')).toBe(true);
    // A DENY covers: its own literal name, every name or prefix a prefixed DENY starts, everything for `*`.
    const deny = (resourceName: string, patternType: 'LITERAL' | 'PREFIXED' = 'LITERAL'): AclBinding => allow('User:alice', 'WRITE', resourceName, { permission: 'DENY', patternType });
    expect(authorizer([allow('User:alice', 'WRITE', 'a'), deny('a')]).authorizeByResourceType('User:alice', 'h', 'WRITE', 'TOPIC')).toBe(false);
    expect(authorizer([prefixedWrite, deny('orders')]).authorizeByResourceType('User:alice', 'h', 'WRITE', 'TOPIC')).toBe(true);
    expect(authorizer([prefixedWrite, deny('ord', 'PREFIXED')]).authorizeByResourceType('User:alice', 'h', 'WRITE', 'TOPIC')).toBe(false);
    expect(authorizer([prefixedWrite, deny('orders-eu', 'PREFIXED')]).authorizeByResourceType('User:alice', 'h', 'WRITE', 'TOPIC')).toBe(true);
    expect(authorizer([allow('User:alice', 'WRITE', '*'), deny('*')]).authorizeByResourceType('User:alice', 'h', 'WRITE', 'TOPIC')).toBe(false);
    expect(authorizer([allow('User:alice', 'WRITE', '*'), deny('x', 'PREFIXED')]).authorizeByResourceType('User:alice', 'h', 'WRITE', 'TOPIC')).toBe(true);
    // Super users, and allow.everyone.if.no.acl.found where the type has no binding at all.
    expect(authorizer([], { superUsers: ['User:admin'] }).authorizeByResourceType('User:admin', 'h', 'WRITE', 'TOPIC')).toBe(true);
    expect(authorizer([], { allowEveryoneIfNoAclFound: true }).authorizeByResourceType('User:alice', 'h', 'WRITE', 'TOPIC')).toBe(true);
    expect(authorizer([]).authorizeByResourceType('User:alice', 'h', 'WRITE', 'TOPIC')).toBe(false);
  });

  it('refuses everything without bindings (allow.everyone.if.no.acl.found=false), except to super users', () => {
    const a = authorizer([], { superUsers: ['User:admin'] });
    expect(a.authorize('User:alice', '10.0.0.1', 'READ', 'TOPIC', 't')).toBe(false);
    expect(a.authorize('User:admin', '10.0.0.1', 'ALTER', 'CLUSTER', 'kafka-cluster')).toBe(true);
    expect(authorizer([], { allowEveryoneIfNoAclFound: true }).authorize('User:alice', '10.0.0.1', 'READ', 'TOPIC', 't')).toBe(true);
  });

  it('allow.everyone.if.no.acl.found applies only where a resource has no binding for anyone', () => {
    const a = authorizer([allow('User:bob', 'READ', 't')], { allowEveryoneIfNoAclFound: true });
    expect(a.authorize('User:alice', 'h', 'READ', 'TOPIC', 't')).toBe(false);
    expect(a.authorize('User:alice', 'h', 'READ', 'TOPIC', 'other')).toBe(true);
  });

  it('matches literal names, the * wildcard and prefixes, for the principal or User:*, from the host or *', () => {
    const a = authorizer([
      allow('User:alice', 'WRITE', 'orders'),
      allow('User:*', 'READ', '*'),
      allow('User:bob', 'WRITE', 'logs-', { patternType: 'PREFIXED' }),
      allow('User:carol', 'WRITE', 'orders', { host: '10.0.0.7' }),
    ]);
    expect(a.authorize('User:alice', 'h', 'WRITE', 'TOPIC', 'orders')).toBe(true);
    expect(a.authorize('User:alice', 'h', 'WRITE', 'TOPIC', 'orders2')).toBe(false);
    expect(a.authorize('User:zed', 'h', 'READ', 'TOPIC', 'anything')).toBe(true);
    expect(a.authorize('User:bob', 'h', 'WRITE', 'TOPIC', 'logs-app')).toBe(true);
    expect(a.authorize('User:bob', 'h', 'WRITE', 'TOPIC', 'log')).toBe(false);
    expect(a.authorize('User:carol', '10.0.0.7', 'WRITE', 'TOPIC', 'orders')).toBe(true);
    expect(a.authorize('User:carol', '10.0.0.8', 'WRITE', 'TOPIC', 'orders')).toBe(false);
    // Resource types do not mix.
    expect(a.authorize('User:alice', 'h', 'WRITE', 'GROUP', 'orders')).toBe(false);
  });

  it('a DENY wins over any ALLOW; ALL covers every operation either way', () => {
    const a = authorizer([allow('User:alice', 'ALL', 'orders'), allow('User:alice', 'WRITE', 'ord', { patternType: 'PREFIXED', permission: 'DENY' })]);
    expect(a.authorize('User:alice', 'h', 'READ', 'TOPIC', 'orders')).toBe(true);
    expect(a.authorize('User:alice', 'h', 'WRITE', 'TOPIC', 'orders')).toBe(false);
    const b = authorizer([allow('User:alice', 'READ', 'orders'), allow('User:*', 'ALL', '*', { permission: 'DENY', host: '10.6.6.6' })]);
    expect(b.authorize('User:alice', '10.6.6.6', 'READ', 'TOPIC', 'orders')).toBe(false);
    expect(b.authorize('User:alice', '10.0.0.1', 'READ', 'TOPIC', 'orders')).toBe(true);
  });

  it('READ, WRITE, DELETE and ALTER imply DESCRIBE; ALTER_CONFIGS implies DESCRIBE_CONFIGS; a DENY implies nothing', () => {
    for (const op of ['READ', 'WRITE', 'DELETE', 'ALTER'] as const) expect(authorizer([allow('User:a', op, 't')]).authorize('User:a', 'h', 'DESCRIBE', 'TOPIC', 't')).toBe(true);
    expect(authorizer([allow('User:a', 'CREATE', 't')]).authorize('User:a', 'h', 'DESCRIBE', 'TOPIC', 't')).toBe(false);
    expect(authorizer([allow('User:a', 'ALTER_CONFIGS', 't')]).authorize('User:a', 'h', 'DESCRIBE_CONFIGS', 'TOPIC', 't')).toBe(true);
    expect(authorizer([allow('User:a', 'DESCRIBE', 't')]).authorize('User:a', 'h', 'READ', 'TOPIC', 't')).toBe(false);
    const denyRead = authorizer([allow('User:a', 'DESCRIBE', 't'), allow('User:a', 'READ', 't', { permission: 'DENY' })]);
    expect(denyRead.authorize('User:a', 'h', 'DESCRIBE', 'TOPIC', 't')).toBe(true);
  });

  it('sees a new binding as soon as the image’s map changes', () => {
    let acls = new Map<string, AclBinding>();
    const a = new StandardAuthorizer({ acls: () => acls });
    expect(a.authorize('User:a', 'h', 'READ', 'TOPIC', 't')).toBe(false);
    acls = new Map([['x', allow('User:a', 'READ', 't')]]);
    expect(a.authorize('User:a', 'h', 'READ', 'TOPIC', 't')).toBe(true);
  });

  const principals = ['User:a', 'User:b', 'User:*'];
  const names = ['t', 'tx', 'u', '*'];
  const operations: AclOperation[] = ['READ', 'WRITE', 'DESCRIBE', 'ALL', 'ALTER'];
  const types: AclResourceType[] = ['TOPIC', 'GROUP'];
  const binding: fc.Arbitrary<AclBinding> = fc.record({
    resourceType: fc.constantFrom(...types),
    resourceName: fc.constantFrom(...names),
    patternType: fc.constantFrom('LITERAL' as const, 'PREFIXED' as const),
    principal: fc.constantFrom(...principals),
    host: fc.constantFrom('*', 'h1'),
    operation: fc.constantFrom(...operations),
    permission: fc.constantFrom('ALLOW' as const, 'DENY' as const),
  });
  const request = fc.record({
    principal: fc.constantFrom('User:a', 'User:b'),
    host: fc.constantFrom('h1', 'h2'),
    operation: fc.constantFrom<AclOperation>('READ', 'WRITE', 'DESCRIBE', 'ALTER'),
    type: fc.constantFrom(...types),
    name: fc.constantFrom('t', 'tx', 'u'),
  });

  it('adding a DENY never allows more; adding an ALLOW never allows less', () => {
    fc.assert(
      fc.property(fc.array(binding, { maxLength: 8 }), binding, request, (bindings, extra, r) => {
        const before = authorizer(bindings).authorize(r.principal, r.host, r.operation, r.type, r.name);
        const after = authorizer([...bindings, extra]).authorize(r.principal, r.host, r.operation, r.type, r.name);
        // With no bindings at all on the resource the answer is false, so an ALLOW can only add.
        if (extra.permission === 'DENY' && after) expect(before).toBe(true);
        if (extra.permission === 'ALLOW' && before) expect(after).toBe(true);
      }),
      { seed, numRuns: 500 },
    );
  });
});
