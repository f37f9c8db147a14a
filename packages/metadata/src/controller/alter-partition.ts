/**
 * AlterPartition (KIP-497, KIP-841): a partition leader asks to change its ISR. The request names
 * the leader epoch and partition epoch it last saw; anything older is refused, so a deposed leader
 * or a reordered retry cannot undo a newer decision.
 */
import { apiError, type ApiError } from '../errors/api-error';
import { isActive } from '../image/broker-registration';
import { applyPartitionChange, type PartitionRegistration } from '../image/partition-registration';
import type { PartitionChangeRecord } from '../records/metadata-record';
import { checkBrokerEpoch, failed, ok, type Outcome } from './broker-lifecycle';
import type { ControlContext } from './control-context';
import type { AlterPartitionRequest, AlterPartitionResponse, PartitionState } from './controller-requests';
import { buildPartitionChange } from './partition-change-builder';
import { electionContext } from './partition-scan';
import { reassignmentCompletion } from './reassignment';

type PartitionAnswer = AlterPartitionResponse['partitions'][number];

export function alterPartition(ctx: ControlContext, request: AlterPartitionRequest): Outcome<AlterPartitionResponse> {
  const broker = checkBrokerEpoch(ctx, request.brokerId, request.brokerEpoch);
  if (!('epoch' in broker)) return failed(broker);
  const answers: PartitionAnswer[] = [];
  for (const item of request.partitions) {
    const topic = ctx.view.topicById(item.topicId);
    const current = topic?.partitions[item.partitionId];
    if (topic === undefined || current === undefined) {
      answers.push({ topicId: item.topicId, partitionId: item.partitionId, error: apiError('UNKNOWN_TOPIC_OR_PARTITION', `no partition ${item.topicId}-${item.partitionId}`), state: null });
      continue;
    }
    const refusal = checkRequest(ctx, request.brokerId, current, item);
    if (refusal !== null) {
      answers.push({ topicId: item.topicId, partitionId: item.partitionId, error: refusal, state: stateOf(item.topicId, item.partitionId, current) });
      continue;
    }
    const change = buildPartitionChange(item.topicId, item.partitionId, current, { isr: item.newIsr }, electionContext(ctx.view, topic.name));
    // An ISR that now covers a reassignment's target completes it, in the same batch: a failover must
    // not commit the ISR change alone, leaving a reassignment that nothing will complete.
    const completion = reassignmentCompletion(ctx, topic.id, topic.name, item.partitionId, change === null ? current : applyPartitionChange(current, change));
    const records = [change, completion].filter((r): r is PartitionChangeRecord => r !== null);
    if (records.length > 0) ctx.write(records, true);
    const after = ctx.view.partition(item.topicId, item.partitionId)!;
    // The ISR changed, but the leadership moved too (a reassignment finished, say): the old leader must step down.
    const error = after.leader !== request.brokerId ? apiError('NEW_LEADER_ELECTED', `partition ${topic.name}-${item.partitionId} is now led by ${after.leader}`) : null;
    answers.push({ topicId: item.topicId, partitionId: item.partitionId, error, state: stateOf(item.topicId, item.partitionId, after) });
  }
  return ok({ partitions: answers });
}

function checkRequest(
  ctx: ControlContext,
  brokerId: number,
  current: PartitionRegistration,
  item: AlterPartitionRequest['partitions'][number],
): ApiError | null {
  if (current.leader !== brokerId) return apiError('NOT_LEADER_OR_FOLLOWER', `broker ${brokerId} does not lead this partition; ${current.leader} does`);
  if (item.leaderEpoch !== current.leaderEpoch) {
    return apiError('FENCED_LEADER_EPOCH', `leader epoch ${item.leaderEpoch} is not the current ${current.leaderEpoch}`);
  }
  if (item.partitionEpoch !== current.partitionEpoch) {
    return apiError('INVALID_UPDATE_VERSION', `partition epoch ${item.partitionEpoch} is not the current ${current.partitionEpoch}`);
  }
  if (!item.newIsr.includes(brokerId)) return apiError('INVALID_REQUEST', `the new ISR [${item.newIsr.join(',')}] leaves out its leader ${brokerId}`);
  if (new Set(item.newIsr).size !== item.newIsr.length) return apiError('INVALID_REQUEST', `the new ISR [${item.newIsr.join(',')}] repeats a broker`);
  for (const id of item.newIsr) {
    if (!current.replicas.includes(id)) return apiError('INVALID_REQUEST', `broker ${id} is not a replica of this partition`);
    // Only a broker the controller believes healthy may join; one already in the ISR may stay.
    if (!current.isr.includes(id) && !isActive(ctx.view.broker(id))) {
      return apiError('INELIGIBLE_REPLICA', `broker ${id} is fenced, shutting down or unregistered and cannot join the ISR`);
    }
  }
  return null;
}

export function stateOf(topicId: string, partitionId: number, p: PartitionRegistration): PartitionState {
  return { topicId, partitionId, leader: p.leader, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, isr: p.isr };
}
