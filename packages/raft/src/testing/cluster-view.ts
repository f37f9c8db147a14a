import type { NodeId } from '../core/config';
import type { LogBatch } from '../core/log-batch';
import type { OffsetAndEpoch } from '../core/messages';
import type { ElectionState } from '../core/quorum-state';
import type { RaftStatus } from '../core/status';
import type { StorageRepair } from '../storage/raft-storage';
import type { DirectoryId } from '../core/voter-set';
import type { LogImage } from './log-image';
import type { CompletedRead } from './sim-client';

/** What a running node says about itself. */
export interface LiveNodeView {
  readonly status: RaftStatus;
  /** The node's in-memory log. */
  readonly log: readonly LogBatch[];
  readonly snapshotId: OffsetAndEpoch | null;
}

/** A node that stopped by itself (RaftNode halted, or failed to start). */
export interface NodeHalt {
  readonly reason: string;
  /** Caused by a fault the simulation injected (a failed fsync), which is what halting is for. */
  readonly injected: boolean;
}

/** One start of a node's storage: what its disk had damaged, and what recovery made of it. */
export interface RecoveryReport {
  /** Offsets of stored batches the disk had torn or flipped when the storage opened. */
  readonly damaged: readonly number[];
  /** Where the loaded snapshot ends (0 without one). */
  readonly snapshotEnd: number;
  /** The end of the batches handed to the node. */
  readonly loadedEnd: number;
  readonly repairs: readonly StorageRepair[];
}

/** One node as the invariants see it after a simulated step. */
export interface NodeView {
  readonly id: NodeId;
  /** Bumped on every restart; epoch monotonicity in memory only holds within one incarnation. */
  readonly incarnation: number;
  /** null while the node is down. */
  readonly live: LiveNodeView | null;
  /** What survives a crash: only synced writes, and of those only the intact ones. */
  readonly durable: { readonly electionState: ElectionState; readonly log: LogImage; readonly directoryId?: DirectoryId | null };
  /** Data batches the node handed to its state machine during this step, in order. */
  readonly newlyCommitted: readonly LogBatch[];
  /** `nextOffset`: what the node has applied (RaftNode.appliedOffset), 0 while down. */
  readonly machine: { readonly nextOffset: number; readonly digest: number };
  /** Breaches of the driver contract seen during this step: invalid persists, deliveries out of order. */
  readonly contractErrors: readonly string[];
  readonly halts: readonly NodeHalt[];
  readonly recoveries: readonly RecoveryReport[];
  /** Writes the disk refused during this step, and why (a vote changed within an epoch). */
  readonly refusedWrites: readonly string[];
}

/** A vote granted (not a pre-vote), as seen leaving the voter. */
export interface GrantedVote {
  readonly voter: NodeId;
  readonly candidate: NodeId;
  readonly epoch: number;
}

export interface ClusterView {
  readonly time: number;
  /** The static voters; with dynamic voters (`dynamic`), the initial ones — each node reports the set in force. */
  readonly voters: readonly NodeId[];
  /** Dynamic voters (KIP-853): quorums are counted in each leader's voter set, by voter key. */
  readonly dynamic?: boolean;
  readonly nodes: readonly NodeView[];
  /** Votes granted during this step. */
  readonly votes: readonly GrantedVote[];
  /** Linearizable reads answered during this step. */
  readonly reads: readonly CompletedRead[];
}
