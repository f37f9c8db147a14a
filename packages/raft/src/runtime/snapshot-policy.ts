/**
 * When a node takes its next snapshot. KRaft's rule is a byte count of log committed since the
 * last one (`metadata.log.max.record.bytes.between.snapshots`, 20 MiB). A snapshot rewrites the
 * whole state, though, so with a state larger than that count the rule writes more snapshot than
 * log: a 26 MB kv map snapshotted every 20 MB of log at 25k writes/s is a snapshot every 2.5 s on
 * every node, and most of their CPU went to encoding and collecting it (`bench raft-vs-etcd
 * --profile`). `stateRatio` also asks the log since the last snapshot to reach that multiple of
 * the last snapshot's size: 1 keeps the bytes written to snapshots at most those written to the log.
 */
export interface SnapshotPolicy {
  /** Log bytes committed since the last snapshot before the next (KRaft: 20 MiB). */
  readonly everyBytes: number;
  /** The log since the last snapshot must also reach this multiple of its size; 0: the byte count alone. */
  readonly stateRatio: number;
}

export function snapshotDue(policy: SnapshotPolicy, bytesSinceSnapshot: number, lastSnapshotBytes: number): boolean {
  return bytesSinceSnapshot >= Math.max(policy.everyBytes, policy.stateRatio * lastSnapshotBytes);
}

/** Checks a ratio given in RaftNode's options. */
export function checkedStateRatio(ratio: number): number {
  if (!Number.isFinite(ratio) || ratio < 0) throw new RangeError(`snapshotStateRatio must be a finite number >= 0, got ${ratio}`);
  return ratio;
}
