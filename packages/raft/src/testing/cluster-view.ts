import type { NodeId } from '../core/config';
import type { LogBatch } from '../core/log-batch';
import type { OffsetAndEpoch } from '../core/messages';
import type { ElectionState } from '../core/quorum-state';
import type { RaftStatus } from '../core/status';
import type { LogImage } from './log-image';

/** What a running node's core says about itself. */
export interface LiveNodeView {
  readonly status: RaftStatus;
  /** The core's in-memory log. */
  readonly log: readonly LogBatch[];
  readonly snapshotId: OffsetAndEpoch | null;
}

/** One node as the invariants see it after a simulated step. */
export interface NodeView {
  readonly id: NodeId;
  /** Bumped on every restart; epoch monotonicity in memory only holds within one incarnation. */
  readonly incarnation: number;
  /** null while the node is crashed. */
  readonly live: LiveNodeView | null;
  /** What survives a crash: only synced writes. */
  readonly durable: { readonly electionState: ElectionState; readonly log: LogImage };
  /** Batches the core handed to the state machine during this step, in order. */
  readonly newlyCommitted: readonly LogBatch[];
  readonly machine: { readonly nextOffset: number; readonly digest: number };
  /** Breaches of the driver contract seen during this step (see SimNode). */
  readonly contractErrors: readonly string[];
}

export interface ClusterView {
  readonly time: number;
  readonly voters: readonly NodeId[];
  readonly nodes: readonly NodeView[];
}
