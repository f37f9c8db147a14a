import type { DurableState } from '../core/raft-core';
import type { ElectionState } from '../core/quorum-state';
import type { LogOp } from '../core/ready';
import type { OffsetAndEpoch } from '../core/messages';
import type { DirectoryId, VoterSet } from '../core/voter-set';
import type { SnapshotFileWriter, SnapshotReader } from './snapshot-stream';

/** Something recovery had to repair, reported so the runtime can log it. */
export interface StorageRepair {
  readonly kind: 'truncatedCorruptTail';
  /** Base offset of the first batch that failed its checks; it and everything after were dropped. */
  readonly offset: number;
  readonly reason: string;
}

export interface LoadedState {
  readonly durable: DurableState;
  readonly repairs: readonly StorageRepair[];
  /**
   * The replica's directory id (KIP-853), once `writeDirectoryId` stored one; null before. Absent
   * from storages that do not keep one.
   */
  readonly directoryId?: DirectoryId | null;
}

/**
 * Where a Raft node keeps what must survive a crash: the election state, the log and the latest
 * snapshot (a checkpoint file, written and read as a stream, never whole in memory). `persist` is the only write: it applies one or more Readys' changes atomically and
 * returns once they are durable (fsync), which is what lets the runtime release the replies
 * that depend on them. Implementations: level on disk, and memory for tests and the simulator;
 * one conformance suite runs against both.
 */
export interface RaftStorage {
  /**
   * What is stored: the election state (epoch 0, no vote, no leader when nothing was ever
   * stored), the latest snapshot and the contiguous batches after it. Batches that failed their
   * checks have been dropped and are reported in `repairs`. The result is the caller's own copy.
   */
  load(): Promise<LoadedState>;
  /**
   * Stores `electionState` (null: unchanged) and applies `ops` in order, all atomically and
   * durably. Calls apply in call order, each after the previous one settled. Rejects with
   * InvalidPersistError for ops or a state that would break the stored log or go back on a vote,
   * and with StorageWriteError when the write fails; either way nothing of that call is applied.
   */
  persist(electionState: ElectionState | null, ops: readonly LogOp[]): Promise<void>;
  /**
   * Stores the replica's directory id, durably, once (KIP-853): a wiped storage has none, and the
   * replica on it gets a new one. Rejects with InvalidPersistError if another is stored already.
   * Optional: a storage without it runs dynamic voters only with the id given to RaftNode.start.
   */
  writeDirectoryId?(id: DirectoryId): Promise<void>;
  /**
   * A writer for the checkpoint of a snapshot ending at `id`, carrying `voters` (KIP-853: the set
   * in force there; undefined with static voters). Once committed the file is durable; hand the
   * Snapshot commit returns to the core, whose `snapshot` LogOp makes it the latest.
   */
  createSnapshot(id: OffsetAndEpoch, voters: VoterSet | undefined): Promise<SnapshotFileWriter>;
  /**
   * The state of a stored snapshot, streamed and checked as it is read; iterating rejects with
   * SnapshotNotFoundError if it is no longer stored, CorruptStorageError if it is damaged.
   */
  readSnapshot(id: OffsetAndEpoch): SnapshotReader;
  /** `length` raw checkpoint bytes at `position` (what FetchSnapshot serves); SnapshotNotFoundError if it is not stored. */
  readSnapshotBytes(id: OffsetAndEpoch, position: number, length: number): Promise<Uint8Array>;
  /** Waits for submitted persists, then releases the storage; later calls reject. */
  close(): Promise<void>;
}
