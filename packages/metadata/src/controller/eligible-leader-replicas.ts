/**
 * Keeping KIP-966's Eligible Leader Replicas true to what they claim when something other than a
 * partition change moves the ground under them:
 *
 * - the feature itself: the active controller records its `eligibleLeaderReplicasEnabled` setting as
 *   the eligible.leader.replicas.version feature level, so that every decision — this controller's
 *   and the next one's after a failover — reads the same answer from the log;
 * - min.insync.replicas: an ELR member holds every committed record only while the ISR stays below
 *   min ISR (the broker's HW is frozen meanwhile). Lowered, the ISR may be at min ISR again, and the
 *   HW moves on without the ELR: it must go (Kafka clears ELRs on a min ISR change for this reason).
 *
 * Both re-run the PartitionChangeBuilder with nothing asked of it on the partitions that hold an ELR
 * (or a last known leader): the builder clears what no longer holds, folds an ELR back into the ISR
 * when the feature went off, and elects from it where it can.
 */
import { ELIGIBLE_LEADER_REPLICAS_VERSION, eligibleLeaderReplicasEnabled } from '../image/feature-levels';
import type { MetadataRecord } from '../records/metadata-record';
import type { ControlContext } from './control-context';
import { buildPartitionChange } from './partition-change-builder';
import { electionContexts, partitionsWhere } from './partition-scan';

/** Writes the feature level if the log does not already say what this controller's setting says; true if it wrote. */
export function recordEligibleLeaderReplicasFeature(ctx: ControlContext, enabled: boolean): boolean {
  if (eligibleLeaderReplicasEnabled(ctx.view.feature(ELIGIBLE_LEADER_REPLICAS_VERSION)) === enabled) return false;
  ctx.write([{ type: 'featureLevel', name: ELIGIBLE_LEADER_REPLICAS_VERSION, level: enabled ? 1 : 0 }], true);
  return true;
}

/**
 * Re-evaluates every partition of `topics` (all, when absent) that holds an ELR or a last known
 * leader; returns the changes to write (few: only degraded partitions hold one).
 */
export function reviewEligibleLeaders(ctx: ControlContext, topics?: ReadonlySet<string>): MetadataRecord[] {
  const contextOf = electionContexts(ctx.view);
  const refs = partitionsWhere(ctx.view, (p) => p.eligibleLeaderReplicas.length > 0 || p.lastKnownElr.length > 0);
  const changes: MetadataRecord[] = [];
  for (const ref of refs) {
    if (topics !== undefined && !topics.has(ref.topicName)) continue;
    const change = buildPartitionChange(ref.topicId, ref.partitionId, ref.partition, {}, contextOf(ref.topicName));
    if (change !== null) changes.push(change);
  }
  return changes;
}

/** The topics whose effective min.insync.replicas these config records may change; 'all' for the cluster default. */
export function topicsWithMinIsrChanged(records: readonly MetadataRecord[]): ReadonlySet<string> | 'all' | null {
  const topics = new Set<string>();
  for (const r of records) {
    if (r.type !== 'config' || r.name !== 'min.insync.replicas') continue;
    if (r.resourceType === 'broker' && r.resourceName === '') return 'all';
    if (r.resourceType === 'topic') topics.add(r.resourceName);
  }
  return topics.size === 0 ? null : topics;
}
