/**
 * ElectLeaders (KIP-460) and automatic leader rebalancing: the cure for "unbalanced partitions".
 * After failovers, leadership piles up on the brokers that stayed up; moving each partition back to
 * its preferred replica (the first of its assignment) spreads it as placement intended.
 */
import { apiError } from '../errors/api-error';
import { isActive } from '../image/broker-registration';
import { isReassigning, preferredLeader } from '../image/partition-registration';
import { NO_LEADER, type BrokerId, type PartitionChangeRecord } from '../records/metadata-record';
import { ok, type Outcome } from './broker-lifecycle';
import type { ControlContext } from './control-context';
import type { ElectLeadersRequest, ElectLeadersResponse, PartitionOutcome, TopicPartitionRef } from './controller-requests';
import { buildPartitionChange } from './partition-change-builder';
import { electionContexts, partitionsWhere, type PartitionRef } from './partition-scan';

export function electLeaders(ctx: ControlContext, request: ElectLeadersRequest): Outcome<ElectLeadersResponse> {
  const everything = request.partitions === null;
  const refs: (PartitionRef | PartitionOutcome)[] = everything ? partitionsWhere(ctx.view, () => true) : request.partitions!.map((r) => resolve(ctx, r));
  const outcomes: PartitionOutcome[] = [];
  const records: PartitionChangeRecord[] = [];
  const contextOf = electionContexts(ctx.view);
  for (const ref of refs) {
    if (!('partition' in ref)) {
      outcomes.push(ref);
      continue;
    }
    const { topicId, topicName, partitionId, partition } = ref;
    const at = { topic: topicName, partitionId };
    if (request.type === 'preferred') {
      if (partition.leader === preferredLeader(partition)) {
        if (!everything) outcomes.push({ ...at, error: apiError('ELECTION_NOT_NEEDED', `broker ${partition.leader} already leads as preferred`) });
        continue;
      }
      const change = buildPartitionChange(topicId, partitionId, partition, { election: 'preferred' }, contextOf(topicName));
      if (change === null || change.leader !== preferredLeader(partition)) {
        outcomes.push({ ...at, error: apiError('PREFERRED_LEADER_NOT_AVAILABLE', `preferred leader ${preferredLeader(partition)} is not in the ISR or not active`) });
        continue;
      }
      records.push(change);
      outcomes.push({ ...at, error: null });
    } else {
      if (partition.leader !== NO_LEADER) {
        if (!everything) outcomes.push({ ...at, error: apiError('ELECTION_NOT_NEEDED', `broker ${partition.leader} leads`) });
        continue;
      }
      const change = buildPartitionChange(topicId, partitionId, partition, { election: 'unclean' }, contextOf(topicName));
      if (change === null || change.leader === undefined || change.leader === NO_LEADER) {
        outcomes.push({ ...at, error: apiError('ELIGIBLE_LEADERS_NOT_AVAILABLE', 'no replica is active') });
        continue;
      }
      records.push(change);
      outcomes.push({ ...at, error: null });
    }
  }
  ctx.write(records, false);
  return ok({ partitions: outcomes });
}

function resolve(ctx: ControlContext, ref: TopicPartitionRef): PartitionRef | PartitionOutcome {
  const topic = ctx.view.topic(ref.topic);
  const partition = topic?.partitions[ref.partitionId];
  if (topic === undefined || partition === undefined) {
    return { ...ref, error: apiError('UNKNOWN_TOPIC_OR_PARTITION', `no partition ${ref.topic}-${ref.partitionId}`) };
  }
  return { topicId: topic.id, topicName: topic.name, partitionId: ref.partitionId, partition };
}

/**
 * Kafka's auto leader rebalance: for each broker, the share of partitions it prefers but does not
 * lead; above `imbalancePercentage`, move those back where the preferred replica is in the ISR and
 * active. Partitions being reassigned are left alone. Returns how many leaderships moved.
 */
export function rebalanceLeaders(ctx: ControlContext, imbalancePercentage: number): number {
  const preferred = new Map<BrokerId, PartitionRef[]>();
  for (const ref of partitionsWhere(ctx.view, (p) => p.replicas.length > 0 && !isReassigning(p))) {
    const id = preferredLeader(ref.partition);
    let list = preferred.get(id);
    if (list === undefined) preferred.set(id, (list = []));
    list.push(ref);
  }
  const records: PartitionChangeRecord[] = [];
  const contextOf = electionContexts(ctx.view);
  for (const [brokerId, refs] of [...preferred].sort((a, b) => a[0] - b[0])) {
    if (!isActive(ctx.view.broker(brokerId))) continue;
    const notLed = refs.filter((r) => r.partition.leader !== brokerId);
    if (notLed.length === 0 || (notLed.length * 100) / refs.length <= imbalancePercentage) continue;
    for (const ref of notLed) {
      if (!ref.partition.isr.includes(brokerId)) continue;
      const change = buildPartitionChange(ref.topicId, ref.partitionId, ref.partition, { election: 'preferred' }, contextOf(ref.topicName));
      if (change !== null && change.leader === brokerId) records.push(change);
    }
  }
  ctx.write(records, false);
  return records.length;
}

/**
 * Elects a leader for every leaderless partition that has an eligible replica now: an ISR member
 * that came back, or — where the topic allows unclean election — any active replica. Run when a
 * controller activates and periodically, so that no leaderless partition depends on one particular
 * event (an unfence, a config change) having been seen by the controller that wrote it.
 */
export function electLeaderless(ctx: ControlContext): number {
  const records: PartitionChangeRecord[] = [];
  const contextOf = electionContexts(ctx.view);
  for (const ref of partitionsWhere(ctx.view, (p) => p.leader === NO_LEADER && p.replicas.length > 0)) {
    const change = buildPartitionChange(ref.topicId, ref.partitionId, ref.partition, {}, contextOf(ref.topicName));
    if (change !== null && change.leader !== undefined && change.leader !== NO_LEADER) records.push(change);
  }
  ctx.write(records, false);
  return records.length;
}
