/**
 * What a RaftNode reports for monitoring. Every method is optional, so a sink takes only what it
 * wants; none may throw into the node (the node catches and logs, since a failing metrics library
 * must not halt consensus). The pure core knows nothing of this: the runtime sees the core's role
 * changes and high watermark in each Ready and times what it appended.
 */
export interface RaftMetricsSink {
  /**
   * This node became a candidate at `epoch`: it started an election (a pre-vote alone is not one).
   * Reported at most once per epoch.
   */
  electionStarted?(epoch: number): void;
  /** This node became the leader of `epoch`. */
  becameLeader?(epoch: number): void;
  /**
   * One leader append — `batches` record batches proposed together — was committed: the high
   * watermark passed its last offset `latencyMs` milliseconds after the append.
   */
  committed?(latencyMs: number, batches: number): void;
}
