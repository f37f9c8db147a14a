import type { DecodedRecord } from '@kz/records';
import type { NodeId } from '../core/config';
import type { OffsetAndEpoch } from '../core/messages';
import type { RoleName } from '../core/quorum-state';
import type { SnapshotReader, SnapshotWriter } from '../storage/snapshot-stream';

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
 *
 * Snapshots take one of two paths; a machine implements one pair (the streaming one wins if both):
 * - simple, for a state that fits in memory: `snapshot()` returns the bytes, `restore` takes them;
 * - streaming, for a state of any size: `writeSnapshot` streams it into a writer, chunk by chunk,
 *   and `restoreSnapshot` reads it back from an async iterable of chunks. Neither side ever holds
 *   the whole snapshot: it goes from the machine to a checkpoint file, from there to the
 *   followers' files, and from those into their machines.
 * Either way the node stores the bytes in a checkpoint file and serves them to followers.
 */
export interface StateMachine {
  /** Applies one committed batch. Must be deterministic, and synchronous: order is the contract. */
  apply(batch: CommittedBatch): void;
  /** Simple path: the state after every batch applied so far, as bytes (taken between two applies). */
  snapshot?(): Uint8Array | Promise<Uint8Array>;
  /**
   * Simple path: replaces the whole state with a snapshot's. Everything applied before is void.
   * `id` says where the snapshot ends: the next batch applied starts at `id.offset`.
   */
  restore?(snapshot: Uint8Array, id: OffsetAndEpoch): void;
  /**
   * Streaming path: writes the state after every batch applied so far (`writer.id` says where that
   * is) into `writer`, awaiting each write. It is called between two applies, and applies resume
   * once it has run up to its first await: take what it needs of the state (an immutable view, a
   * copy-on-write handle) before then. Resolves when all is written; a rejection abandons the
   * snapshot (the node retries after more commits).
   */
  writeSnapshot?(writer: SnapshotWriter): Promise<void>;
  /**
   * Streaming path: replaces the whole state with the snapshot's, read from `reader`. No batch is
   * applied until it resolves; a rejection halts the node, as a throwing restore does.
   */
  restoreSnapshot?(reader: SnapshotReader, id: OffsetAndEpoch): Promise<void>;
  /** This node's role or the known leader changed. */
  onLeaderChange?(change: LeaderChange): void;
}
