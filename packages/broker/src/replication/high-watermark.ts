/**
 * The leader's high watermark rule (Partition.maybeIncrementLeaderHW), as a pure function.
 */

/**
 * The next high watermark: the minimum log end over the maximal ISR (the leader included), but
 *
 * - never below `current`: the HW only moves forward, since consumers may already have read up to
 *   it and acks=all producers may have been answered;
 * - not advanced at all while the committed ISR is smaller than the effective min.insync.replicas
 *   (KAFKA-15583, Kafka 3.7, part of KIP-966): a record below the HW is "committed", and with fewer
 *   than min ISR replicas holding it, losing those replicas would lose a record consumers already
 *   saw. Appends under min ISR (acks=0/1) stay invisible until the ISR recovers.
 *
 * `isrLogEnds` are the log ends of the maximal ISR's members, the leader's own included; a follower
 * that has not fetched yet reports -1, which holds the HW where it is.
 */
export function nextHighWatermark(
  current: number,
  isrLogEnds: readonly number[],
  committedIsrSize: number,
  effectiveMinIsr: number,
): number {
  if (committedIsrSize < effectiveMinIsr) return current;
  const min = Math.min(...isrLogEnds);
  return Math.max(current, min);
}

/**
 * The high watermark a replica starts from when this broker opens it (Kafka's UnifiedLog, loaded
 * with the replication-offset-checkpoint): the checkpointed one, but never past the log end. The
 * checkpoint may name records a crash took back (a follower's HW can pass what it had flushed, and
 * the checkpoint is written every few seconds, not with each flush); those are fetched again from
 * the leader, and the HW catches up with them through replication. No checkpoint entry: 0.
 */
export function recoveredHighWatermark(checkpointed: number | undefined, logEndOffset: number): number {
  return Math.max(0, Math.min(checkpointed ?? 0, logEndOffset));
}
