/**
 * RaftStorage in memory, for tests and anything that wants the storage contract without a disk.
 * It plans every persist with the same StoredLog as the level storage, so it accepts, rejects and
 * applies exactly what that one does; the shared conformance suite holds both to it. Bytes are
 * copied on the way in and on the way out, as a disk would: nothing the caller does to its
 * buffers afterwards can change what is stored, nor the other way round. Snapshots are checkpoints
 * in memory (MemorySnapshotFiles), written and read through the same streams as on disk.
 */
import type { LogBatch, Snapshot } from '../core/log-batch';
import type { DurableState } from '../core/raft-core';
import { INITIAL_ELECTION_STATE, type ElectionState } from '../core/quorum-state';
import type { LogOp } from '../core/ready';
import { checkElectionState, checkElectionTransition } from './election-state-rules';
import type { LoadedState, RaftStorage } from './raft-storage';
import { InvalidPersistError, StorageReadError, StorageWriteError } from './storage-errors';
import { StoredLog } from './stored-log';
import type { DirectoryId, VoterSet } from '../core/voter-set';
import type { OffsetAndEpoch } from '../core/messages';
import { MemorySnapshotFiles } from './memory-snapshot-files';
import { sameId } from './snapshot-files';
import { CheckpointWriter, checkpointReader, readCheckpointBytes, type SnapshotFileWriter, type SnapshotReader } from './snapshot-stream';

export class MemoryRaftStorage implements RaftStorage {
  private electionState: ElectionState = INITIAL_ELECTION_STATE;
  private snapshot: Snapshot | null = null;
  private directoryId: DirectoryId | null = null;
  private readonly log = new StoredLog<LogBatch>(null, [], copyBatch);
  private closed = false;
  private files = new MemorySnapshotFiles();
  private download: { readonly id: OffsetAndEpoch; readonly parts: Uint8Array[]; size: number } | null = null;

  /** Starts empty, or holding `initial` (checked like a persist: InvalidPersistError if it is not a valid log). */
  constructor(initial?: DurableState) {
    if (initial === undefined) return;
    checkElectionState(initial.electionState);
    const ops: LogOp[] = [];
    if (initial.snapshot !== null) ops.push({ op: 'installSnapshot', snapshot: initial.snapshot });
    ops.push({ op: 'append', batches: initial.batches });
    // The snapshot given is taken as stored; its checkpoint, if any, comes with reopen.
    this.apply(initial.electionState, ops, true);
  }

  /**
   * A new open storage over a copy of what this one holds: what reopening the same data dir
   * would give. Usable after close, which is when a restart happens.
   */
  reopen(): MemoryRaftStorage {
    const reopened = new MemoryRaftStorage(this.contents());
    reopened.directoryId = this.directoryId;
    reopened.files = this.files.copy();
    return reopened;
  }

  async load(): Promise<LoadedState> {
    if (this.closed) throw new StorageReadError('memory storage is closed');
    return { durable: this.contents(), repairs: [], directoryId: this.directoryId };
  }

  async writeDirectoryId(id: DirectoryId): Promise<void> {
    if (this.closed) throw new StorageWriteError('memory storage is closed');
    if (this.directoryId !== null && this.directoryId !== id) throw new InvalidPersistError(`the storage belongs to directory id ${this.directoryId}, not ${id}`);
    this.directoryId = id;
  }

  async persist(electionState: ElectionState | null, ops: readonly LogOp[]): Promise<void> {
    // No await before the work: persists apply in call order because each finishes synchronously.
    if (this.closed) throw new StorageWriteError('memory storage is closed');
    this.apply(electionState, ops);
  }

  createSnapshot(id: OffsetAndEpoch, voters: VoterSet | undefined): Promise<SnapshotFileWriter> {
    return CheckpointWriter.start(this.files, id, voters);
  }

  readSnapshot(id: OffsetAndEpoch): SnapshotReader {
    return checkpointReader(this.files, id);
  }

  readSnapshotBytes(id: OffsetAndEpoch, position: number, length: number): Promise<Uint8Array> {
    return readCheckpointBytes(this.files, id, position, length);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private apply(electionState: ElectionState | null, ops: readonly LogOp[], initial = false): void {
    if (electionState !== null) checkElectionTransition(this.electionState, electionState);
    const plan = this.log.plan(ops);
    let snapshot = this.snapshot;
    let download = this.download;
    const complete: { id: OffsetAndEpoch; bytes: Uint8Array }[] = [];
    for (const step of plan.steps) {
      if (step.kind === 'snapshotChunk') {
        if (step.position === 0) download = { id: step.id, parts: [], size: 0 };
        if (download === null || !sameId(download.id, step.id) || download.size !== step.position) {
          throw new InvalidPersistError(`a chunk of snapshot ${step.id.offset}-${step.id.epoch} at ${step.position} does not continue the partial file`);
        }
        download = { id: download.id, parts: [...download.parts, copyBytes(step.bytes)], size: download.size + step.bytes.length };
      } else if (step.kind === 'putSnapshot') {
        if (step.installed && !initial) {
          const { id, size } = step.snapshot;
          if (download === null || !sameId(download.id, id) || download.size !== size) {
            throw new InvalidPersistError(`snapshot ${id.offset}-${id.epoch} (${size} bytes) was not fetched whole`);
          }
          complete.push({ id, bytes: Buffer.concat(download.parts) });
          download = null;
        }
        snapshot = copySnapshot(step.snapshot);
      }
    }
    plan.commit();
    this.download = download;
    for (const file of complete) this.files.put(file.id, file.bytes);
    if (snapshot !== null && snapshot !== this.snapshot) this.files.removeBelow(snapshot.id);
    this.snapshot = snapshot;
    if (electionState !== null) this.electionState = { ...electionState };
  }

  private contents(): DurableState {
    return {
      electionState: { ...this.electionState },
      snapshot: this.snapshot === null ? null : copySnapshot(this.snapshot),
      batches: this.log.batches.map(copyBatch),
    };
  }
}

function copyBatch(batch: LogBatch): LogBatch {
  return { baseOffset: batch.baseOffset, lastOffset: batch.lastOffset, epoch: batch.epoch, bytes: copyBytes(batch.bytes) };
}

function copySnapshot(snapshot: Snapshot): Snapshot {
  const copy = { id: { offset: snapshot.id.offset, epoch: snapshot.id.epoch }, size: snapshot.size };
  return snapshot.voters === undefined ? copy : { ...copy, voters: snapshot.voters };
}

/** A real copy even for a Buffer, whose slice() is a view of the same memory. */
function copyBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
