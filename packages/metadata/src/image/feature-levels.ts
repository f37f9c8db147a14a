/**
 * Cluster-wide feature levels (FeatureLevelRecord): what every node of the cluster has agreed to
 * run, recorded in the metadata log so that every node — and every controller after a failover —
 * reads the same answer at the same offset.
 */

/**
 * KIP-966's feature: at level 1 the controller tracks Eligible Leader Replicas (see
 * partition-change-builder.ts); absent or 0, it does not, and folds any ELR it finds back into the
 * ISR. Kafka's name and levels.
 */
export const ELIGIBLE_LEADER_REPLICAS_VERSION = 'eligible.leader.replicas.version';

/** Whether KIP-966 is on at this level of ELIGIBLE_LEADER_REPLICAS_VERSION (undefined: the feature is absent). */
export function eligibleLeaderReplicasEnabled(level: number | undefined): boolean {
  return (level ?? 0) >= 1;
}
