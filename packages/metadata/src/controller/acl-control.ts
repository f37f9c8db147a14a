/**
 * CreateAcls and DeleteAcls on the controller (KRaft's AclControlManager). A creation is validated
 * (a malformed resource, principal or operation is INVALID_REQUEST and writes nothing); a binding
 * that already exists is answered as created and not written twice. A deletion filter removes every
 * binding it matches, all in one batch, and answers with what it removed.
 */
import { ApiError } from '../errors/api-error';
import type { MetadataRecord } from '../records/metadata-record';
import { filterMatches, sameBinding, validateBinding, validateFilter, type AclBinding } from '../security/acl';
import { ok, type Outcome } from './broker-lifecycle';
import type { ControlContext } from './control-context';
import type { CreateAclsRequest, CreateAclsResponse, DeleteAclsRequest, DeleteAclsResponse } from './controller-requests';
import { newTopicId } from './topic-id';

export function createAcls(ctx: ControlContext, request: CreateAclsRequest): Outcome<CreateAclsResponse> {
  const results = request.creations.map((creation) => {
    let binding: AclBinding;
    try {
      binding = validateBinding(creation);
    } catch (error) {
      if (error instanceof ApiError) return { error };
      throw error;
    }
    const acls = ctx.view.allAcls();
    for (const existing of acls.values()) if (sameBinding(existing, binding)) return { error: null };
    // ACL ids are Uuids drawn like topic ids (the injected randomness replays in the simulator).
    const id = newTopicId(ctx.random, (candidate) => acls.has(candidate));
    ctx.write([{ type: 'accessControlEntry', id, ...binding }], true);
    return { error: null };
  });
  return ok({ results });
}

export function deleteAcls(ctx: ControlContext, request: DeleteAclsRequest): Outcome<DeleteAclsResponse> {
  const removed = new Set<string>();
  const results = request.filters.map((filter) => {
    try {
      validateFilter(filter);
    } catch (error) {
      if (error instanceof ApiError) return { error, deleted: [] };
      throw error;
    }
    const records: MetadataRecord[] = [];
    const deleted: AclBinding[] = [];
    for (const [id, binding] of ctx.view.allAcls()) {
      if (removed.has(id) || !filterMatches(filter, binding)) continue;
      removed.add(id);
      records.push({ type: 'removeAccessControlEntry', id });
      deleted.push(binding);
    }
    ctx.write(records, false);
    return { error: null, deleted };
  });
  return ok({ results });
}
