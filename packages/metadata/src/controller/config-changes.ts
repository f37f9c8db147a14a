import { apiError, ApiError } from '../errors/api-error';
import { configResourceKey } from '../image/config-resource';
import { ok, type Outcome } from './broker-lifecycle';
import { alterConfigRecords } from './config-control';
import type { ControlContext } from './control-context';
import { reviewEligibleLeaders, topicsWithMinIsrChanged } from './eligible-leader-replicas';
import type { IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse } from './controller-requests';

/** IncrementalAlterConfigs: each resource all or nothing, each written atomically. */
export function incrementalAlterConfigs(ctx: ControlContext, request: IncrementalAlterConfigsRequest): Outcome<IncrementalAlterConfigsResponse> {
  const resources = request.resources.map((resource) => {
    const ref = { type: resource.type, name: resource.name };
    if (resource.type === 'topic' && ctx.view.topic(resource.name) === undefined) {
      return { ...ref, error: apiError('UNKNOWN_TOPIC_OR_PARTITION', `topic ${resource.name} does not exist`) };
    }
    const records = alterConfigRecords(ref, resource.changes, ctx.view.configsOf(configResourceKey(ref)));
    if (records instanceof ApiError) return { ...ref, error: records };
    if (!request.validateOnly) {
      ctx.write(records, true);
      // A new min.insync.replicas may let the HW move again without a partition's eligible leaders.
      const topics = topicsWithMinIsrChanged(records);
      if (topics !== null) ctx.write(reviewEligibleLeaders(ctx, topics === 'all' ? undefined : topics), false);
    }
    return { ...ref, error: null };
  });
  return ok({ resources });
}
