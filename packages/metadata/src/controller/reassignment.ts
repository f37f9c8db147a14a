/**
 * Partition reassignment (KIP-455): add the target replicas, wait until every one is in the ISR,
 * then switch to the target and drop the rest. During the move `replicas` holds target and leaving
 * replicas together, so the ISR never shrinks because of the move itself; at the switch the ISR is
 * the whole target, which we require to be at least min.insync.replicas.
 */
import { apiError, ApiError } from '../errors/api-error';
import { applyPartitionChange, isReassigning, type PartitionRegistration } from '../image/partition-registration';
import type { BrokerId, PartitionChangeRecord } from '../records/metadata-record';
import { ok, type Outcome } from './broker-lifecycle';
import { effectiveTopicConfig } from './config-control';
import type { ControlContext } from './control-context';
import type {
  AlterPartitionReassignmentsRequest,
  AlterPartitionReassignmentsResponse,
  ListPartitionReassignmentsResponse,
  OngoingReassignment,
  PartitionOutcome,
} from './controller-requests';
import { buildPartitionChange } from './partition-change-builder';
import { configLookup, electionContext, partitionsWhere } from './partition-scan';

/** The replicas a partition ends up with: the target of a reassignment in progress, or its replicas. */
export function targetReplicas(p: PartitionRegistration): readonly BrokerId[] {
  return p.removingReplicas.length === 0 ? p.replicas : p.replicas.filter((id) => !p.removingReplicas.includes(id));
}

/** The replicas before the reassignment in progress began. */
export function originalReplicas(p: PartitionRegistration): readonly BrokerId[] {
  return p.addingReplicas.length === 0 ? p.replicas : p.replicas.filter((id) => !p.addingReplicas.includes(id));
}

export function alterPartitionReassignments(ctx: ControlContext, request: AlterPartitionReassignmentsRequest): Outcome<AlterPartitionReassignmentsResponse> {
  const partitions: PartitionOutcome[] = request.reassignments.map((r) => {
    const topic = ctx.view.topic(r.topic);
    const current = topic?.partitions[r.partitionId];
    if (topic === undefined || current === undefined) {
      return { topic: r.topic, partitionId: r.partitionId, error: apiError('UNKNOWN_TOPIC_OR_PARTITION', `no partition ${r.topic}-${r.partitionId}`) };
    }
    const error = r.replicas === null ? cancel(ctx, topic.id, topic.name, r.partitionId, current) : start(ctx, topic.id, topic.name, r.partitionId, current, r.replicas);
    return { topic: r.topic, partitionId: r.partitionId, error };
  });
  return ok({ partitions });
}

function start(ctx: ControlContext, topicId: string, topicName: string, partitionId: number, current: PartitionRegistration, target: readonly BrokerId[]): ApiError | null {
  if (target.length === 0) return apiError('INVALID_REPLICA_ASSIGNMENT', 'the target replica list is empty');
  if (new Set(target).size !== target.length) return apiError('INVALID_REPLICA_ASSIGNMENT', `the target [${target.join(',')}] names a broker twice`);
  for (const id of target) {
    if (ctx.view.broker(id) === undefined) return apiError('INVALID_REPLICA_ASSIGNMENT', `broker ${id} is not registered`);
  }
  const minIsr = Number(effectiveTopicConfig(configLookup(ctx.view), topicName, 'min.insync.replicas'));
  if (target.length < minIsr) {
    return apiError('INVALID_REPLICA_ASSIGNMENT', `${target.length} target replicas are fewer than min.insync.replicas ${minIsr}: the switch would leave the partition unwritable`);
  }
  const original = originalReplicas(current);
  const adding = target.filter((id) => !original.includes(id));
  const removing = original.filter((id) => !target.includes(id));
  // A new target replaces one in progress: replicas added for the old target and not wanted now leave.
  const replicas = [...target, ...removing];
  const isr = current.isr.filter((id) => replicas.includes(id));
  const change = buildPartitionChange(
    topicId,
    partitionId,
    current,
    { replicas, isr, addingReplicas: adding, removingReplicas: removing },
    electionContext(ctx.view, topicName),
  );
  // The start and, if the ISR already covers the target, the completion: one batch.
  const completion = reassignmentCompletion(ctx, topicId, topicName, partitionId, change === null ? current : applyPartitionChange(current, change));
  const records = [change, completion].filter((r): r is PartitionChangeRecord => r !== null);
  if (records.length > 0) ctx.write(records, true);
  return null;
}

function cancel(ctx: ControlContext, topicId: string, topicName: string, partitionId: number, current: PartitionRegistration): ApiError | null {
  if (!isReassigning(current)) return apiError('NO_REASSIGNMENT_IN_PROGRESS', `partition ${topicName}-${partitionId} is not being reassigned`);
  const replicas = originalReplicas(current);
  const change = buildPartitionChange(
    topicId,
    partitionId,
    current,
    { replicas, isr: current.isr.filter((id) => replicas.includes(id)), addingReplicas: [], removingReplicas: [] },
    electionContext(ctx.view, topicName),
  );
  if (change !== null) ctx.write([change], true);
  return null;
}

/**
 * The change that completes the reassignment of a partition in state `current` — which may be a state
 * about to be written — or null if it is not reassigning or its ISR does not cover the target yet. A
 * caller that has just built the change reaching `current` writes both in one batch, so that a failover
 * cannot commit the ISR change that completes a reassignment without the completion.
 */
export function reassignmentCompletion(
  ctx: ControlContext,
  topicId: string,
  topicName: string,
  partitionId: number,
  current: PartitionRegistration,
): PartitionChangeRecord | null {
  if (!isReassigning(current)) return null;
  const target = targetReplicas(current);
  if (!target.every((id) => current.isr.includes(id))) return null;
  return buildPartitionChange(
    topicId,
    partitionId,
    current,
    // A new leader epoch fences the fetches of the replicas that leave.
    { replicas: target, isr: target, addingReplicas: [], removingReplicas: [], bumpLeaderEpoch: true },
    electionContext(ctx.view, topicName),
  );
}

export function listPartitionReassignments(ctx: ControlContext): Outcome<ListPartitionReassignmentsResponse> {
  const reassignments: OngoingReassignment[] = partitionsWhere(ctx.view, isReassigning).map((ref) => ({
    topic: ref.topicName,
    partitionId: ref.partitionId,
    replicas: ref.partition.replicas,
    addingReplicas: ref.partition.addingReplicas,
    removingReplicas: ref.partition.removingReplicas,
  }));
  return ok({ reassignments });
}
