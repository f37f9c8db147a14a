/**
 * When a node takes its next snapshot. KRaft's rule is a byte count of log committed since the
 * last one (`metadata.log.max.record.bytes.between.snapshots`, 20 MiB). A snapshot rewrites the
 * whole state, though, so with a state larger than that count the rule writes more snapshot than
 * log: a 26 MB kv map snapshotted every 20 MB of log at 25k writes/s is a snapshot every 2.5 s on
 * every node, and most of their CPU went to encoding and collecting it (`bench raft-vs-etcd
 * --profile`). `stateRatio` also asks the log since the last snapshot to reach that multiple of
 * the last snapshot's size: 1 keeps the bytes written to snapshots at most those written to the log.
 *
 * And the nodes of a cluster commit the same log, so with one threshold they all snapshot at the
 * same offsets, at the same moment: measured with three kv nodes on one machine, the p999 of a
 * write went from 32–47 ms to 111–326 ms at 64 puts in flight when they did. `spread` stretches
 * this node's threshold by its own fraction (Kafka's `log.roll.jitter.ms` does the same for
 * segment rolls), drawn from its node id so that a simulation stays deterministic.
 */
export interface SnapshotPolicy {
  /** Log bytes committed since the last snapshot before the next (KRaft: 20 MiB). */
  readonly everyBytes: number;
  /** The log since the last snapshot must also reach this multiple of its size; 0: the byte count alone. */
  readonly stateRatio: number;
  /** This node's threshold is (1 + spread) times the above; 0: none. */
  readonly spread: number;
}

export function snapshotDue(policy: SnapshotPolicy, bytesSinceSnapshot: number, lastSnapshotBytes: number): boolean {
  return bytesSinceSnapshot >= Math.max(policy.everyBytes, policy.stateRatio * lastSnapshotBytes) * (1 + policy.spread);
}

/**
 * A node's share of the jitter, in [0, 1): its id times the golden ratio's fraction, mod 1, which
 * spreads any set of consecutive ids (1, 2, 3 → 0.62, 0.24, 0.85) rather than lining them up.
 */
export function nodeShare(nodeId: number): number {
  const share = (nodeId * 0.6180339887498949) % 1;
  return share < 0 ? share + 1 : share;
}

/** The policy from RaftNode's options, checked: a bad value is refused before anything starts. */
export function snapshotPolicy(nodeId: number, everyBytes: number, stateRatio: number, jitter: number): SnapshotPolicy {
  if (!Number.isFinite(stateRatio) || stateRatio < 0) throw new RangeError(`snapshotStateRatio must be a finite number >= 0, got ${stateRatio}`);
  if (!(jitter >= 0 && jitter <= 1)) throw new RangeError(`snapshotJitter must be between 0 and 1, got ${jitter}`);
  return { everyBytes, stateRatio, spread: jitter * nodeShare(nodeId) };
}
