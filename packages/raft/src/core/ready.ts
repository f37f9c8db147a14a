import type { NodeId } from './config';
import type { LogBatch, Snapshot } from './log-batch';
import type { FetchSnapshotResponse, OffsetAndEpoch, RaftMessage } from './messages';
import type { ElectionState, RoleName } from './quorum-state';
import type { VoterSet } from './voter-set';

/** A change to the durable log, applied in order. */
export type LogOp =
  /** Remove every batch at or above `endOffset` (divergence). */
  | { readonly op: 'truncate'; readonly endOffset: number }
  | { readonly op: 'append'; readonly batches: readonly LogBatch[] }
  /**
   * Make this snapshot (whose checkpoint the local state machine wrote through the storage's
   * snapshot writer) the latest, and delete the log below its end.
   */
  | { readonly op: 'snapshot'; readonly snapshot: Snapshot }
  /**
   * Bytes of a snapshot being fetched from the leader, at `position` of its checkpoint: appended to
   * a partial file (position 0 starts a new one, dropping any other). Not synced: the install is.
   */
  | { readonly op: 'snapshotChunk'; readonly id: OffsetAndEpoch; readonly position: number; readonly bytes: Uint8Array }
  /**
   * Make the fetched snapshot, whose every chunk came before, the latest — its file complete and
   * synced first — and delete the whole log; the log restarts at its end.
   */
  | { readonly op: 'installSnapshot'; readonly snapshot: Snapshot };

/**
 * A FetchSnapshot answer the driver completes: it reads `length` bytes of the snapshot's checkpoint
 * at `response.position` from the storage, puts them in `bytes` and sends it (or, if the file is
 * gone, a SNAPSHOT_NOT_FOUND). The core never holds a snapshot's bytes.
 */
export interface SnapshotRead {
  readonly to: NodeId;
  readonly response: FetchSnapshotResponse;
  readonly length: number;
}

export interface Outbound {
  readonly to: NodeId;
  readonly message: RaftMessage;
}

export interface LeaderAndEpoch {
  readonly leaderId: NodeId;
  readonly epoch: number;
}

/**
 * What the driver must do after feeding the core an input, in this order:
 * 1. write `electionState` and `logOps` (if `persistId` is set), durably, then call
 *    `core.persisted(now, persistId)`; persistence of successive Readys completes in order;
 * 2. send `messages` at once;
 * 3. send `messagesAfterPersist` only once every persist up to this Ready is durable — these
 *    replies or acknowledgements depend on it (a granted vote, a follower's Fetch acknowledging
 *    appended batches); while an election state is not yet durable (`electionPending`, this
 *    Ready's or an earlier one's), every message is among them;
 * 4. if `loadSnapshot` is set, reset the state machine from it (once its install is durable); then
 *    apply `committed` in order;
 * 5. answer `readsReady` once applied up to their offset, and `readsFailed` with NOT_LEADER.
 */
export interface Ready {
  readonly persistId: number | null;
  readonly electionState: ElectionState | null;
  /** An election state handed out (in this Ready or an earlier one) is not yet durable: `messages` is empty and snapshot reads wait for this Ready's persists too. */
  readonly electionPending: boolean;
  readonly logOps: readonly LogOp[];
  readonly messages: readonly Outbound[];
  readonly messagesAfterPersist: readonly Outbound[];
  /** FetchSnapshot answers to complete from the stored checkpoint and send (after every persist so far while `electionPending`). */
  readonly snapshotReads: readonly SnapshotRead[];
  readonly loadSnapshot: Snapshot | null;
  readonly committed: readonly LogBatch[];
  readonly highWatermark: number;
  /** Reads confirmed linearizable: serve each once the state machine has applied below `offset`. */
  readonly readsReady: readonly { readonly readId: number; readonly offset: number }[];
  /** Reads that can no longer be confirmed here (leadership ended); answer them NOT_LEADER. */
  readonly readsFailed: readonly number[];
  /**
   * Set when the voter set in force changed (and in the first Ready): the driver learns the voters'
   * endpoints from it. It may be uncommitted (KIP-853) and may revert after a truncation.
   */
  readonly voters: VoterSet | null;
  /** Set when this node's role or known leader changed. */
  readonly roleChange: { readonly role: RoleName; readonly leader: LeaderAndEpoch } | null;
}
