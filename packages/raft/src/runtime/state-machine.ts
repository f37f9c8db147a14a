import type { DecodedRecord } from '@kz/records';
import type { NodeId } from '../core/config';
import type { OffsetAndEpoch } from '../core/messages';
import type { RoleName } from '../core/quorum-state';

/** A committed batch of data records, as the state machine receives it. */
export interface CommittedBatch {
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly epoch: number;
  readonly records: readonly DecodedRecord[];
  /** The RecordBatch v2 bytes exactly as stored in the log. */
  readonly bytes: Uint8Array;
}

export interface LeaderChange {
  readonly role: RoleName;
  /** -1 when no leader is known. */
  readonly leaderId: NodeId;
  readonly epoch: number;
}

/**
 * The replicated state machine a RaftNode drives. Every node applies the same committed batches
 * in the same order; control batches (leader changes) are not passed on.
 */
export interface StateMachine {
  /** Applies one committed batch. Must be deterministic, and synchronous: order is the contract. */
  apply(batch: CommittedBatch): void;
  /** The state after every batch applied so far, as bytes (taken between two applies). */
  snapshot(): Uint8Array | Promise<Uint8Array>;
  /**
   * Replaces the whole state with a snapshot's. Everything applied before is void. `id` says where
   * the snapshot ends: the next batch applied starts at `id.offset`.
   */
  restore(snapshot: Uint8Array, id: OffsetAndEpoch): void;
  /** This node's role or the known leader changed. */
  onLeaderChange?(change: LeaderChange): void;
}
