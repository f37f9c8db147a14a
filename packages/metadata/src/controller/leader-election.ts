/**
 * ElectLeaders (KIP-460) and automatic leader rebalancing: the cure for "unbalanced partitions".
 * After failovers, leadership piles up on the brokers that stayed up; moving each partition back to
 * its preferred replica (the first of its assignment) spreads it as placement intended.
 */
import { apiError, type ApiError } from '../errors/api-error';
import { isActive } from '../image/broker-registration';
import { isReassigning, preferredLeader } from '../image/partition-registration';
import { NO_LEADER, type BrokerId, type PartitionChangeRecord } from '../records/metadata-record';
import { ok, type Outcome } from './broker-lifecycle';
import type { ControlContext } from './control-context';
import type { ElectLeadersRequest, ElectLeadersResponse, PartitionOutcome, TopicPartitionRef } from './controller-requests';
import { writeChangesInChunks, type Operation } from './operation';
import { buildPartitionChange, type ElectionContext } from './partition-change-builder';
import { electionContexts, partitionsWhere, type PartitionRef } from './partition-scan';

export function* electLeaders(ctx: ControlContext, request: ElectLeadersRequest): Operation<ElectLeadersResponse> {
  const everything = request.partitions === null;
  const refs: (PartitionRef | PartitionOutcome)[] = everything ? partitionsWhere(ctx.view, () => true) : request.partitions!.map((r) => resolve(ctx, r));
  const outcomes: PartitionOutcome[] = [];
  // Partitions are elected a chunk at a time, each read again from the view when its chunk comes.
  const eligible = refs.filter((ref): ref is PartitionRef => {
    if ('partition' in ref) return true;
    outcomes.push(ref);
    return false;
  });
  yield* writeChangesInChunks(ctx, eligible, () => {
    const contextOf = electionContexts(ctx.view);
    return (ref) => {
      const outcome = electionOf(ref, request.type, contextOf(ref.topicName));
      // Asked for every partition, those that need no election are not worth an answer each.
      if (!everything || outcome.error?.code !== 'ELECTION_NOT_NEEDED') outcomes.push({ topic: ref.topicName, partitionId: ref.partitionId, error: outcome.error });
      return outcome.change;
    };
  });
  return ok({ partitions: outcomes });
}

/** One partition's election: the change, or why there is none (null error with no change: nothing to do). */
function electionOf(ref: PartitionRef, type: ElectLeadersRequest['type'], context: ElectionContext): { change: PartitionChangeRecord | null; error: ApiError | null } {
  const { topicId, partitionId, partition } = ref;
  if (type === 'preferred') {
    if (partition.leader === preferredLeader(partition)) {
      return { change: null, error: apiError('ELECTION_NOT_NEEDED', `broker ${partition.leader} already leads as preferred`) };
    }
    const change = buildPartitionChange(topicId, partitionId, partition, { election: 'preferred' }, context);
    if (change === null || change.leader !== preferredLeader(partition)) {
      return { change: null, error: apiError('PREFERRED_LEADER_NOT_AVAILABLE', `preferred leader ${preferredLeader(partition)} is not in the ISR or not active`) };
    }
    return { change, error: null };
  }
  if (partition.leader !== NO_LEADER) return { change: null, error: apiError('ELECTION_NOT_NEEDED', `broker ${partition.leader} leads`) };
  const change = buildPartitionChange(topicId, partitionId, partition, { election: 'unclean' }, context);
  if (change === null || change.leader === undefined || change.leader === NO_LEADER) {
    return { change: null, error: apiError('ELIGIBLE_LEADERS_NOT_AVAILABLE', 'no replica is active') };
  }
  return { change, error: null };
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
export function* rebalanceLeaders(ctx: ControlContext, imbalancePercentage: number): Generator<void, number, void> {
  const preferred = new Map<BrokerId, PartitionRef[]>();
  for (const ref of partitionsWhere(ctx.view, (p) => p.replicas.length > 0 && !isReassigning(p))) {
    const id = preferredLeader(ref.partition);
    let list = preferred.get(id);
    if (list === undefined) preferred.set(id, (list = []));
    list.push(ref);
  }
  const moving: PartitionRef[] = [];
  for (const [brokerId, refs] of [...preferred].sort((a, b) => a[0] - b[0])) {
    if (!isActive(ctx.view.broker(brokerId))) continue;
    const notLed = refs.filter((r) => r.partition.leader !== brokerId);
    if (notLed.length === 0 || (notLed.length * 100) / refs.length <= imbalancePercentage) continue;
    moving.push(...notLed);
  }
  return yield* writeChangesInChunks(ctx, moving, () => {
    const contextOf = electionContexts(ctx.view);
    return (ref) => {
      const brokerId = preferredLeader(ref.partition);
      if (!ref.partition.isr.includes(brokerId) || isReassigning(ref.partition)) return null;
      const change = buildPartitionChange(ref.topicId, ref.partitionId, ref.partition, { election: 'preferred' }, contextOf(ref.topicName));
      return change !== null && change.leader === brokerId ? change : null;
    };
  });
}

/**
 * Elects a leader for every leaderless partition that has an eligible replica now: an ISR member
 * that came back, or — where the topic allows unclean election — any active replica. Run when a
 * controller activates and periodically, so that no leaderless partition depends on one particular
 * event (an unfence, a config change) having been seen by the controller that wrote it.
 */
export function* electLeaderless(ctx: ControlContext): Generator<void, number, void> {
  return yield* writeChangesInChunks(ctx, partitionsWhere(ctx.view, (p) => p.leader === NO_LEADER && p.replicas.length > 0), () => {
    const contextOf = electionContexts(ctx.view);
    return (ref) => {
      if (ref.partition.leader !== NO_LEADER) return null;
      const change = buildPartitionChange(ref.topicId, ref.partitionId, ref.partition, {}, contextOf(ref.topicName));
      return change !== null && change.leader !== undefined && change.leader !== NO_LEADER ? change : null;
    };
  });
}
