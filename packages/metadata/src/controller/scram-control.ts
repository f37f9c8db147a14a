/**
 * AlterUserScramCredentials (KIP-554) on the controller: each user's deletions and upsertions are
 * checked together and written together, or the user gets the first error and nothing changes for
 * them. The salted password a client sent becomes StoredKey and ServerKey here; only those are
 * written to the log.
 */
import { apiError, type ApiError } from '../errors/api-error';
import type { MetadataRecord } from '../records/metadata-record';
import { SCRAM_MAX_ITERATIONS, SCRAM_MIN_ITERATIONS, scramCredentialOf } from '../security/scram';
import { ok, type Outcome } from './broker-lifecycle';
import type { ControlContext } from './control-context';
import type { AlterUserScramCredentialsRequest, AlterUserScramCredentialsResponse } from './controller-requests';

type Deletion = AlterUserScramCredentialsRequest['deletions'][number];
type Upsertion = AlterUserScramCredentialsRequest['upsertions'][number];

export function alterUserScramCredentials(ctx: ControlContext, request: AlterUserScramCredentialsRequest): Outcome<AlterUserScramCredentialsResponse> {
  const users: string[] = [];
  const byUser = new Map<string, { deletions: Deletion[]; upsertions: Upsertion[] }>();
  const of = (name: string): { deletions: Deletion[]; upsertions: Upsertion[] } => {
    let entry = byUser.get(name);
    if (entry === undefined) {
      entry = { deletions: [], upsertions: [] };
      byUser.set(name, entry);
      users.push(name);
    }
    return entry;
  };
  for (const d of request.deletions) of(d.name).deletions.push(d);
  for (const u of request.upsertions) of(u.name).upsertions.push(u);
  const results = users.map((user) => {
    const { deletions, upsertions } = byUser.get(user)!;
    const checked = userRecords(ctx, user, deletions, upsertions);
    if (!Array.isArray(checked)) return { user, error: checked };
    ctx.write(checked, true);
    return { user, error: null };
  });
  return ok({ results });
}

function userRecords(ctx: ControlContext, user: string, deletions: readonly Deletion[], upsertions: readonly Upsertion[]): MetadataRecord[] | ApiError {
  if (user === '') return apiError('UNACCEPTABLE_CREDENTIAL', 'the user name is empty');
  const seen = new Set<string>();
  for (const { mechanism } of [...deletions, ...upsertions]) {
    if (mechanism === 'UNKNOWN') return apiError('UNSUPPORTED_SASL_MECHANISM', `user ${user}: unknown SCRAM mechanism`);
    if (seen.has(mechanism)) return apiError('DUPLICATE_RESOURCE', `user ${user}: the ${mechanism} credential is altered twice in one request`);
    seen.add(mechanism);
  }
  const existing = ctx.view.scramCredentialsOf(user);
  const records: MetadataRecord[] = [];
  for (const d of deletions) {
    if (d.mechanism === 'UNKNOWN') continue;
    if (existing?.has(d.mechanism) !== true) return apiError('RESOURCE_NOT_FOUND', `user ${user} has no ${d.mechanism} credential to delete`);
    records.push({ type: 'removeUserScramCredential', name: user, mechanism: d.mechanism });
  }
  for (const u of upsertions) {
    if (u.mechanism === 'UNKNOWN') continue;
    if (u.iterations < SCRAM_MIN_ITERATIONS) return apiError('UNACCEPTABLE_CREDENTIAL', `user ${user}: ${u.iterations} iterations are fewer than ${SCRAM_MIN_ITERATIONS}`);
    if (u.iterations > SCRAM_MAX_ITERATIONS) return apiError('UNACCEPTABLE_CREDENTIAL', `user ${user}: ${u.iterations} iterations are more than ${SCRAM_MAX_ITERATIONS}`);
    if (u.salt.length === 0) return apiError('UNACCEPTABLE_CREDENTIAL', `user ${user}: the salt is empty`);
    if (u.saltedPassword.length === 0) return apiError('UNACCEPTABLE_CREDENTIAL', `user ${user}: the salted password is empty`);
    const credential = scramCredentialOf(u.mechanism, u.salt, u.iterations, u.saltedPassword);
    records.push({ type: 'userScramCredential', name: user, ...credential });
  }
  return records;
}
