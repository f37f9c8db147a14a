/**
 * SCRAM credentials and ACLs through the controller: what is written to the log (never the
 * password or the salted password), what the committed image holds, what bad input is answered
 * with (and that it writes nothing), and that a snapshot of the image carries them across.
 */
import { createAcls } from '../../src/controller/acl-control';
import type { ControlContext } from '../../src/controller/control-context';
import { newTopicId } from '../../src/controller/topic-id';
import { decodeImageSnapshot, encodeImageSnapshot } from '../../src/image/image-snapshot';
import { MetadataDelta } from '../../src/image/metadata-delta';
import { MetadataImage } from '../../src/image/metadata-image';
import type { MetadataRecord } from '../../src/records/metadata-record';
import { aclsDescription, scramCredentialsDescription } from '../../src/service/security-reads';
import { MATCH_ALL_FILTER, type AclFilter } from '../../src/security/acl';
import { clientKeyOf, passwordMatches, saltedPassword, scramHash, type ScramMechanism } from '../../src/security/scram';
import { ControllerHarness } from './controller-harness';

function upsertion(name: string, mechanism: ScramMechanism, password: string, iterations = 4096) {
  const salt = Buffer.from(`salt-of-${name}`);
  return { name, mechanism, iterations, salt, saltedPassword: saltedPassword(mechanism, password, salt, iterations) };
}

describe('AlterUserScramCredentials', () => {
  test('stores StoredKey and ServerKey that verify the password, and nothing a client could log in with', () => {
    const h = new ControllerHarness();
    h.activate();
    const up = upsertion('alice', 'SCRAM-SHA-512', 'alice-secret');
    const id = h.submit('alterUserScramCredentials', { deletions: [], upsertions: [up] });
    const written = h.pendingRecords();
    h.commitAll();
    expect(h.replies.get(id)?.result).toEqual({ ok: true, value: { results: [{ user: 'alice', error: null }] } });
    expect(written).toHaveLength(1);
    const record = written[0]!;
    expect(record.type).toBe('userScramCredential');
    const stored = JSON.stringify(record);
    expect(stored).not.toContain('alice-secret');
    // Neither the salted password nor the client key (what a proof is made from) is kept.
    const bytes = Object.values(record).filter((v): v is Uint8Array => v instanceof Uint8Array);
    for (const b of bytes) {
      expect(Buffer.compare(Buffer.from(b), up.saltedPassword)).not.toBe(0);
      expect(Buffer.compare(Buffer.from(b), clientKeyOf('SCRAM-SHA-512', up.saltedPassword))).not.toBe(0);
    }
    const credential = h.loader.image.scramCredentials.get('alice')?.get('SCRAM-SHA-512');
    expect(credential?.storedKey).toEqual(scramHash('SCRAM-SHA-512', clientKeyOf('SCRAM-SHA-512', up.saltedPassword)));
    expect(passwordMatches(credential!, 'alice-secret')).toBe(true);
    expect(passwordMatches(credential!, 'alice-secret!')).toBe(false);
    expect(scramCredentialsDescription(h.loader.image, { users: null })).toEqual({
      results: [{ user: 'alice', error: null, credentials: [{ mechanism: 'SCRAM-SHA-512', iterations: 4096 }] }],
    });
  });

  test('bad input: each user gets Kafka’s error and nothing of theirs is written; other users go through', () => {
    const h = new ControllerHarness();
    h.activate();
    h.ok('alterUserScramCredentials', { deletions: [], upsertions: [upsertion('bob', 'SCRAM-SHA-256', 'pw')] });
    const before = h.loader.image.scramCredentials;
    const result = h.ok('alterUserScramCredentials', {
      deletions: [
        { name: 'carol', mechanism: 'SCRAM-SHA-256' },
        { name: 'bob', mechanism: 'SCRAM-SHA-256' },
      ],
      upsertions: [
        upsertion('dave', 'SCRAM-SHA-256', 'pw', 1000),
        upsertion('erin', 'SCRAM-SHA-256', 'pw', 20_000),
        { ...upsertion('frank', 'SCRAM-SHA-256', 'pw'), mechanism: 'UNKNOWN' },
        upsertion('', 'SCRAM-SHA-256', 'pw'),
        // bob: deleted and set in one request for the same mechanism.
        upsertion('bob', 'SCRAM-SHA-256', 'other'),
        upsertion('gina', 'SCRAM-SHA-256', 'pw'),
      ],
    });
    expect(Object.fromEntries(result.results.map((r) => [r.user, r.error?.code ?? null]))).toEqual({
      carol: 'RESOURCE_NOT_FOUND',
      bob: 'DUPLICATE_RESOURCE',
      dave: 'UNACCEPTABLE_CREDENTIAL',
      erin: 'UNACCEPTABLE_CREDENTIAL',
      frank: 'UNSUPPORTED_SASL_MECHANISM',
      '': 'UNACCEPTABLE_CREDENTIAL',
      gina: null,
    });
    expect([...h.loader.image.scramCredentials.keys()].sort()).toEqual(['bob', 'gina']);
    expect(h.loader.image.scramCredentials.get('bob')).toBe(before.get('bob'));
  });

  test('a deletion removes one mechanism; the user goes when the last one does', () => {
    const h = new ControllerHarness();
    h.activate();
    h.ok('alterUserScramCredentials', { deletions: [], upsertions: [upsertion('alice', 'SCRAM-SHA-256', 'a'), upsertion('alice', 'SCRAM-SHA-512', 'a')] });
    h.ok('alterUserScramCredentials', { deletions: [{ name: 'alice', mechanism: 'SCRAM-SHA-256' }], upsertions: [] });
    expect([...h.loader.image.scramCredentials.get('alice')!.keys()]).toEqual(['SCRAM-SHA-512']);
    h.ok('alterUserScramCredentials', { deletions: [{ name: 'alice', mechanism: 'SCRAM-SHA-512' }], upsertions: [] });
    expect(h.loader.image.scramCredentials.has('alice')).toBe(false);
    expect(scramCredentialsDescription(h.loader.image, { users: ['alice'] }).results[0]!.error?.code).toBe('RESOURCE_NOT_FOUND');
  });
});

const binding = {
  resourceType: 'TOPIC',
  resourceName: 'orders',
  patternType: 'LITERAL',
  principal: 'User:alice',
  host: '*',
  operation: 'WRITE',
  permission: 'ALLOW',
} as const;

describe('CreateAcls and DeleteAcls', () => {
  test('creates bindings once, describes them by filter, deletes what a filter matches', () => {
    const h = new ControllerHarness();
    h.activate();
    const created = h.ok('createAcls', {
      creations: [binding, binding, { ...binding, resourceName: 'ord', patternType: 'PREFIXED', operation: 'READ' }, { ...binding, resourceType: 'GROUP', resourceName: 'g1', operation: 'READ' }],
    });
    expect(created.results.map((r) => r.error)).toEqual([null, null, null, null]);
    // The same binding twice is one ACL.
    expect(h.loader.image.acls.size).toBe(3);
    const match: AclFilter = { ...MATCH_ALL_FILTER, resourceType: 'TOPIC', resourceName: 'orders', patternType: 'MATCH' };
    expect(aclsDescription(h.loader.image, { filter: match }).acls.map((a) => `${a.patternType}:${a.resourceName}:${a.operation}`)).toEqual(['LITERAL:orders:WRITE', 'PREFIXED:ord:READ']);
    const deleted = h.ok('deleteAcls', { filters: [{ ...MATCH_ALL_FILTER, resourceType: 'TOPIC' }, { ...MATCH_ALL_FILTER, resourceType: 'TOPIC' }] });
    expect(deleted.results[0]!.deleted).toHaveLength(2);
    // What the first filter removed is not removed again.
    expect(deleted.results[1]!.deleted).toEqual([]);
    expect([...h.loader.image.acls.values()]).toEqual([{ ...binding, resourceType: 'GROUP', resourceName: 'g1', operation: 'READ' }]);
  });

  test('a malformed binding is INVALID_REQUEST and writes nothing; the valid ones beside it are created', () => {
    const h = new ControllerHarness();
    h.activate();
    const bad = [
      { ...binding, resourceType: 'ANY' },
      { ...binding, resourceType: 'UNKNOWN' },
      { ...binding, patternType: 'MATCH' },
      { ...binding, operation: 'ANY' },
      { ...binding, permission: 'ANY' },
      { ...binding, resourceName: '' },
      { ...binding, principal: 'alice' },
      { ...binding, host: '' },
      { ...binding, resourceType: 'CLUSTER', resourceName: 'my-cluster' },
    ] as const;
    const result = h.ok('createAcls', { creations: [...bad, binding] });
    expect(result.results.map((r) => r.error?.code ?? null)).toEqual([...bad.map(() => 'INVALID_REQUEST'), null]);
    expect([...h.loader.image.acls.values()]).toEqual([binding]);
    const filter = h.ok('deleteAcls', { filters: [{ ...MATCH_ALL_FILTER, operation: 'UNKNOWN' }] });
    expect(filter.results[0]!.error?.code).toBe('INVALID_REQUEST');
    expect(h.loader.image.acls.size).toBe(1);
  });

  test('a snapshot of the image keeps credentials and ACLs', () => {
    const h = new ControllerHarness();
    h.activate();
    h.ok('alterUserScramCredentials', { deletions: [], upsertions: [upsertion('alice', 'SCRAM-SHA-256', 'a')] });
    h.ok('createAcls', { creations: [binding] });
    const restored = decodeImageSnapshot(encodeImageSnapshot(h.loader.image));
    expect(restored.acls).toEqual(h.loader.image.acls);
    expect(passwordMatches(restored.scramCredentials.get('alice')!.get('SCRAM-SHA-256')!, 'a')).toBe(true);
  });
});

describe('AlterUserScramCredentials limits and grouping', () => {
  test('iterations: 4096 and 16384 are accepted, one fewer or one more is refused with both numbers named', () => {
    const h = new ControllerHarness();
    h.activate();
    const result = h.ok('alterUserScramCredentials', {
      deletions: [],
      upsertions: [
        upsertion('min', 'SCRAM-SHA-256', 'pw', 4096),
        upsertion('max', 'SCRAM-SHA-256', 'pw', 16_384),
        upsertion('below', 'SCRAM-SHA-256', 'pw', 4095),
        upsertion('above', 'SCRAM-SHA-256', 'pw', 16_385),
      ],
    });
    expect(result.results.map((r) => [r.user, r.error?.code ?? null, r.error?.message ?? null])).toEqual([
      ['min', null, null],
      ['max', null, null],
      ['below', 'UNACCEPTABLE_CREDENTIAL', 'user below: 4095 iterations are fewer than 4096'],
      ['above', 'UNACCEPTABLE_CREDENTIAL', 'user above: 16385 iterations are more than 16384'],
    ]);
    expect([...h.loader.image.scramCredentials.keys()].sort()).toEqual(['max', 'min']);
  });

  test('an empty salt, an empty salted password, an empty user name, an unknown mechanism: each named in the error', () => {
    const h = new ControllerHarness();
    h.activate();
    const result = h.ok('alterUserScramCredentials', {
      deletions: [{ name: 'gone', mechanism: 'UNKNOWN' }],
      upsertions: [
        { ...upsertion('nosalt', 'SCRAM-SHA-256', 'pw'), salt: new Uint8Array(0) },
        { ...upsertion('nopass', 'SCRAM-SHA-256', 'pw'), saltedPassword: new Uint8Array(0) },
        upsertion('', 'SCRAM-SHA-512', 'pw'),
      ],
    });
    expect(result.results.map((r) => [r.user, r.error?.code, r.error?.message])).toEqual([
      ['gone', 'UNSUPPORTED_SASL_MECHANISM', 'user gone: unknown SCRAM mechanism'],
      ['nosalt', 'UNACCEPTABLE_CREDENTIAL', 'user nosalt: the salt is empty'],
      ['nopass', 'UNACCEPTABLE_CREDENTIAL', 'user nopass: the salted password is empty'],
      ['', 'UNACCEPTABLE_CREDENTIAL', 'the user name is empty'],
    ]);
    expect(h.loader.image.scramCredentials.size).toBe(0);
  });

  test('a user’s changes are one batch, all or nothing: one bad upsertion keeps the good ones and the deletion out', () => {
    // One record a batch unless atomic: a user's records arriving in two batches would show here.
    const h = new ControllerHarness({ recordsPerBatch: 1 });
    h.activate();
    h.ok('alterUserScramCredentials', { deletions: [], upsertions: [upsertion('alice', 'SCRAM-SHA-256', 'old')] });
    const before = h.loader.image.scramCredentials.get('alice');
    const refused = h.ok('alterUserScramCredentials', {
      deletions: [{ name: 'alice', mechanism: 'SCRAM-SHA-256' }],
      upsertions: [{ ...upsertion('alice', 'SCRAM-SHA-512', 'new'), iterations: 100 }],
    });
    expect(refused.results).toEqual([{ user: 'alice', error: expect.objectContaining({ code: 'UNACCEPTABLE_CREDENTIAL' }) }]);
    expect(h.loader.image.scramCredentials.get('alice')).toBe(before);

    const id = h.submit('alterUserScramCredentials', {
      deletions: [{ name: 'alice', mechanism: 'SCRAM-SHA-256' }],
      upsertions: [upsertion('alice', 'SCRAM-SHA-512', 'new'), upsertion('bob', 'SCRAM-SHA-256', 'b')],
    });
    // alice's deletion and upsertion together, then bob's: one batch per user.
    expect(h.pendingBatchSizes()).toEqual([2, 1]);
    expect(h.pendingRecords().map((r) => `${r.type}:${'name' in r ? r.name : ''}`)).toEqual(['removeUserScramCredential:alice', 'userScramCredential:alice', 'userScramCredential:bob']);
    h.commitAll();
    expect(h.replies.get(id)?.result).toEqual({ ok: true, value: { results: [{ user: 'alice', error: null }, { user: 'bob', error: null }] } });
    expect([...h.loader.image.scramCredentials.get('alice')!.keys()]).toEqual(['SCRAM-SHA-512']);
  });

  test('deleting a mechanism the user does not have is RESOURCE_NOT_FOUND even when they have another', () => {
    const h = new ControllerHarness();
    h.activate();
    h.ok('alterUserScramCredentials', { deletions: [], upsertions: [upsertion('alice', 'SCRAM-SHA-256', 'a')] });
    const result = h.ok('alterUserScramCredentials', { deletions: [{ name: 'alice', mechanism: 'SCRAM-SHA-512' }], upsertions: [] });
    expect(result.results).toEqual([{ user: 'alice', error: expect.objectContaining({ code: 'RESOURCE_NOT_FOUND', message: 'user alice has no SCRAM-SHA-512 credential to delete' }) }]);
    expect([...h.loader.image.scramCredentials.get('alice')!.keys()]).toEqual(['SCRAM-SHA-256']);
  });

  test('a mechanism altered twice for one user is DUPLICATE_RESOURCE, named in the message', () => {
    const h = new ControllerHarness();
    h.activate();
    const result = h.ok('alterUserScramCredentials', { deletions: [], upsertions: [upsertion('alice', 'SCRAM-SHA-256', 'a'), upsertion('alice', 'SCRAM-SHA-256', 'b')] });
    expect(result.results).toEqual([
      { user: 'alice', error: expect.objectContaining({ code: 'DUPLICATE_RESOURCE', message: 'user alice: the SCRAM-SHA-256 credential is altered twice in one request' }) },
    ]);
    expect(h.loader.image.scramCredentials.size).toBe(0);
  });
});

describe('CreateAcls and DeleteAcls edges', () => {
  test('a refused filter deletes nothing and says so; the filters beside it still delete', () => {
    const h = new ControllerHarness();
    h.activate();
    h.ok('createAcls', { creations: [binding] });
    const result = h.ok('deleteAcls', { filters: [{ ...MATCH_ALL_FILTER, permission: 'UNKNOWN' }, MATCH_ALL_FILTER] });
    expect(result.results).toEqual([
      { error: expect.objectContaining({ code: 'INVALID_REQUEST', message: "the filter's permission is UNKNOWN" }), deleted: [] },
      { error: null, deleted: [binding] },
    ]);
    expect(h.loader.image.acls.size).toBe(0);
  });

  test('one filter may delete more ACLs than one batch holds', () => {
    const h = new ControllerHarness({ maxRecordsPerBatch: 2, recordsPerBatch: 2 });
    h.activate();
    const operations = ['READ', 'WRITE', 'DESCRIBE', 'ALTER', 'DELETE'] as const;
    h.ok('createAcls', { creations: operations.map((operation) => ({ ...binding, operation })) });
    expect(h.loader.image.acls.size).toBe(5);
    const id = h.submit('deleteAcls', { filters: [MATCH_ALL_FILTER] });
    expect(h.pendingBatchSizes()).toEqual([2, 2, 1]);
    h.commitAll();
    expect(h.replies.get(id)?.result).toMatchObject({ ok: true, value: { results: [{ error: null, deleted: expect.arrayContaining([binding]) }] } });
    expect(h.loader.image.acls.size).toBe(0);
  });

  test('a new ACL never takes the id of one that exists, even when the random source draws it', () => {
    const view = new MetadataDelta(MetadataImage.EMPTY);
    const draws = [...Array<number>(16).fill(0.5), ...Array<number>(16).fill(0.5), ...Array<number>(16).fill(0.25)];
    const taken = newTopicId(() => 0.5, () => false);
    view.replay({ type: 'accessControlEntry', id: taken, ...binding }, 0, 1);
    const written: MetadataRecord[] = [];
    const ctx = {
      view,
      random: () => draws.shift() ?? 0.75,
      write(records: readonly MetadataRecord[]) {
        written.push(...records);
        for (const r of records) view.replay(r, written.length, 1);
        return written.length;
      },
    } as Partial<ControlContext> as ControlContext;
    const other = { ...binding, operation: 'READ' } as const;
    expect(createAcls(ctx, { creations: [other] })).toEqual({ ok: true, value: { results: [{ error: null }] } });
    expect(written).toEqual([{ type: 'accessControlEntry', id: newTopicId(() => 0.25, () => false), ...other }]);
    expect([...view.allAcls().values()]).toEqual([binding, other]);
  });
});
