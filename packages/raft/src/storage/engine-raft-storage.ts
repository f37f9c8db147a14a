/**
 * RaftStorage over a StorageEngine: the layout, the planning of every persist into one atomic
 * engine write, and recovery. LevelRaftStorage is this over LevelDB; the simulator runs this same
 * class over SimDisk, so what it checks, writes and repairs is what ships.
 *
 * Every persist is one engine write: election state, log puts and deletes and the snapshot become
 * durable together or not at all, so a crash never leaves a vote without the log it was based on,
 * nor a snapshot whose covered batches are half deleted. The batches a persist appends are stored as
 * one value (log-values.ts), so a persist costs one put however many batches it carries. An engine
 * cannot range-delete inside an atomic write, so in-memory indexes built at recovery — of the stored
 * batches (StoredLog) and of the values holding them (LogValues) — name every key to write.
 *
 * Snapshots live in checkpoint files beside the log (snapshot-files.ts). A file is complete and
 * synced before the persist that points the `snapshot` value at it, and older files are deleted
 * only after: a crash anywhere leaves the old snapshot or the complete new one in force. A fetched
 * snapshot's chunks are appended to a partial file as they come (`snapshotChunk` ops); its install
 * completes the file, then moves the pointer.
 *
 * Recovery reads everything back, checks every batch (LogRecoveryScan) and the snapshot's whole
 * checkpoint, durably cuts a corrupt tail off and reports it, and deletes partial and unreferenced
 * checkpoint files; the first load() hands that result over rather than reading the log again.
 */
import type { LogBatch, Snapshot } from '../core/log-batch';
import type { OffsetAndEpoch } from '../core/messages';
import { INITIAL_ELECTION_STATE, type ElectionState } from '../core/quorum-state';
import type { LogOp } from '../core/ready';
import type { DirectoryId, VoterSet } from '../core/voter-set';
import { decodeDirectoryId, encodeDirectoryId } from './directory-id-codec';
import { decodeElectionState, encodeElectionState } from './election-state-codec';
import { checkElectionTransition } from './election-state-rules';
import { LogRecoveryScan } from './log-recovery-scan';
import { LogValues, type StoredValue, type ValuesPlan } from './log-values';
import { decodeOffsetKey, encodeOffsetKey } from './offset-key';
import type { LoadedState, RaftStorage, StorageRepair } from './raft-storage';
import { SerialQueue } from './serial-queue';
import { decodeSnapshotValue, encodeSnapshotPointer, type LegacySnapshot } from './snapshot-codec';
import { sameId, type SnapshotFileSink, type SnapshotFiles } from './snapshot-files';
import { CheckpointWriter, checkpointReader, readCheckpointBytes, verifyCheckpoint, type SnapshotFileWriter, type SnapshotReader } from './snapshot-stream';
import type { EngineWrite, StorageEngine } from './storage-engine';
import { CorruptStorageError, InvalidPersistError, SnapshotNotFoundError, StorageReadError, StorageWriteError } from './storage-errors';
import { StoredLog, type BatchExtent, type LogPlan } from './stored-log';

/** What recovery found: the first load's answer, and the state the storage goes on from. */
export interface Recovery {
  readonly loaded: LoadedState;
  readonly electionState: ElectionState;
  readonly directoryId: DirectoryId | null;
  readonly log: StoredLog<BatchExtent>;
  readonly values: LogValues;
}

export class EngineRaftStorage implements RaftStorage {
  private readonly queue = new SerialQueue();
  private log: StoredLog<BatchExtent>;
  private values: LogValues;
  private electionState: ElectionState;
  private directoryId: DirectoryId | null;
  /** What recovery found, kept for the first load() until a persist makes it stale. */
  private recovered: LoadedState | null;
  private readonly files: SnapshotFiles;
  /** The partial file of the snapshot being fetched, if any. */
  private download: { readonly id: OffsetAndEpoch; readonly sink: SnapshotFileSink } | null = null;

  protected constructor(
    private readonly engine: StorageEngine,
    recovery: Recovery,
  ) {
    this.log = recovery.log;
    this.values = recovery.values;
    this.electionState = recovery.electionState;
    this.directoryId = recovery.directoryId;
    this.recovered = recovery.loaded;
    this.files = engine.snapshots;
  }

  /**
   * Recovers what `engine` holds — a corrupt log tail is dropped here, durably, and reported by
   * the first load() — and opens a storage over it. Throws CorruptStorageError if the election
   * state or snapshot cannot be trusted, StorageReadError or StorageWriteError if the engine fails.
   */
  static async over(engine: StorageEngine): Promise<EngineRaftStorage> {
    return new EngineRaftStorage(engine, await EngineRaftStorage.recover(engine));
  }

  /** The first call returns what recovery found (with its repairs); later ones read and check again. */
  load(): Promise<LoadedState> {
    return this.queue.run(async () => {
      const recovered = this.recovered;
      this.recovered = null;
      if (recovered !== null) return recovered;
      const recovery = await EngineRaftStorage.recover(this.engine);
      this.log = recovery.log;
      this.values = recovery.values;
      this.electionState = recovery.electionState;
      this.directoryId = recovery.directoryId;
      return recovery.loaded;
    });
  }

  /** The replica's directory id this storage holds (KIP-853), null before one was written: known once open, before load(). */
  get storedDirectoryId(): DirectoryId | null {
    return this.directoryId;
  }

  writeDirectoryId(id: DirectoryId): Promise<void> {
    return this.queue.run(async () => {
      if (this.directoryId === id) return;
      if (this.directoryId !== null) throw new InvalidPersistError(`the storage belongs to directory id ${this.directoryId}, not ${id}`);
      const value = encodeDirectoryId(id);
      try {
        await this.engine.write([{ type: 'putMeta', key: 'directory', value }]);
      } catch (err) {
        throw new StorageWriteError(`writing the directory id to ${this.engine.location} failed: ${messageOf(err)}`, { cause: err });
      }
      this.directoryId = id;
      this.recovered = null;
    });
  }

  /**
   * Runs after every earlier persist has settled. The op list is copied at once, the batch bytes
   * are not: they must not be changed until the returned promise settles.
   */
  persist(electionState: ElectionState | null, ops: readonly LogOp[]): Promise<void> {
    const pendingOps = ops.slice();
    const pendingElection = electionState === null ? null : { ...electionState };
    return this.queue.run(() => this.write(pendingElection, pendingOps));
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

  /** Waits for the persists already submitted, then releases the engine. */
  close(): Promise<void> {
    return this.queue.run(async () => {
      this.recovered = null;
      await this.download?.sink.abort().catch(() => undefined);
      this.download = null;
      await this.engine.close();
    });
  }

  private async write(electionState: ElectionState | null, ops: readonly LogOp[]): Promise<void> {
    if (electionState !== null) checkElectionTransition(this.electionState, electionState);
    const plan = this.log.plan(ops);
    const valuesPlan = this.values.plan(plan.retained, plan.appended);
    const writes = this.writesFor(electionState, plan, valuesPlan);
    try {
      await this.writeSnapshotFiles(plan);
    } catch (err) {
      if (err instanceof InvalidPersistError) throw err;
      throw new StorageWriteError(`writing a snapshot file in ${this.engine.location} failed: ${messageOf(err)}`, { cause: err });
    }
    if (writes.length > 0) {
      try {
        await this.engine.write(writes);
      } catch (err) {
        throw new StorageWriteError(`persist to ${this.engine.location} failed: ${messageOf(err)}`, { cause: err });
      }
    }
    // Only now, with the write durable, do the indexes move on.
    plan.commit();
    valuesPlan.commit();
    if (electionState !== null) this.electionState = electionState;
    this.recovered = null;
    const latest = this.log.snapshotId;
    if (latest !== null && plan.steps.some((step) => step.kind === 'putSnapshot')) {
      try {
        await removeOlderCheckpoints(this.files, latest);
      } catch (err) {
        throw new StorageWriteError(`deleting snapshot files below ${latest.offset}-${latest.epoch} in ${this.engine.location} failed: ${messageOf(err)}`, { cause: err });
      }
    }
  }

  /**
   * The file side of a persist, before its metadata write: chunks appended to the partial file of
   * the snapshot being fetched, and an installed snapshot's file completed (synced, renamed).
   */
  private async writeSnapshotFiles(plan: LogPlan): Promise<void> {
    for (const step of plan.steps) {
      if (step.kind === 'snapshotChunk') {
        if (step.position === 0) {
          await this.download?.sink.abort();
          this.download = { id: step.id, sink: await this.files.create(step.id) };
        }
        const download = this.download;
        if (download === null || !sameId(download.id, step.id) || download.sink.size !== step.position) {
          throw new InvalidPersistError(`a chunk of snapshot ${step.id.offset}-${step.id.epoch} at ${step.position} does not continue the partial file`);
        }
        await download.sink.append(step.bytes);
      } else if (step.kind === 'putSnapshot' && step.installed) {
        const download = this.download;
        const { id, size } = step.snapshot;
        if (download === null || !sameId(download.id, id) || download.sink.size !== size) {
          throw new InvalidPersistError(`snapshot ${id.offset}-${id.epoch} (${size} bytes) was not fetched whole`);
        }
        this.download = null;
        await download.sink.commit();
      }
    }
  }

  /** The metadata first, then the log's deletes, then its puts: a write cut short can only lose what it adds. */
  private writesFor(electionState: ElectionState | null, plan: LogPlan, values: ValuesPlan): EngineWrite[] {
    const writes: EngineWrite[] = [];
    if (electionState !== null && !sameElectionState(electionState, this.electionState)) {
      writes.push({ type: 'putMeta', key: 'election', value: encodeElectionState(electionState) });
    }
    let snapshot: Snapshot | null = null;
    for (const step of plan.steps) if (step.kind === 'putSnapshot') snapshot = step.snapshot;
    if (snapshot !== null) writes.push({ type: 'putMeta', key: 'snapshot', value: encodeSnapshotPointer(snapshot) });
    for (const key of values.deletes) writes.push({ type: 'delBatch', key: encodeOffsetKey(key) });
    for (const { key, value } of values.puts) writes.push({ type: 'putBatch', key: encodeOffsetKey(key), value });
    return writes;
  }

  /**
   * Checks the latest snapshot's checkpoint whole (every batch's CRC, header and footer) and reads
   * its voter set. A snapshot of the old layout (its bytes in the value) is first moved into a
   * checkpoint file, and the value pointed at it.
   */
  private static async recoverSnapshot(engine: StorageEngine, value: Uint8Array): Promise<Snapshot> {
    const stored = decodeSnapshotValue(value);
    if (stored.kind === 'legacy') return EngineRaftStorage.migrateSnapshot(engine, stored.snapshot);
    const { id, size } = stored.pointer;
    let source;
    try {
      source = await engine.snapshots.open(id);
    } catch (err) {
      if (err instanceof SnapshotNotFoundError) throw new CorruptStorageError('snapshot', `the checkpoint of snapshot ${id.offset}-${id.epoch} is missing`, { cause: err });
      throw err;
    }
    if (source.size !== size) {
      await source.close();
      throw new CorruptStorageError('snapshot', `the checkpoint of snapshot ${id.offset}-${id.epoch} holds ${source.size} bytes, not ${size}`);
    }
    const { voters } = await verifyCheckpoint(source);
    return voters === undefined ? { id, size } : { id, size, voters };
  }

  private static async migrateSnapshot(engine: StorageEngine, legacy: LegacySnapshot): Promise<Snapshot> {
    const writer = await CheckpointWriter.start(engine.snapshots, legacy.id, legacy.voters);
    await writer.write(legacy.bytes);
    const snapshot = await writer.commit();
    await engine.write([{ type: 'putMeta', key: 'snapshot', value: encodeSnapshotPointer(snapshot) }]);
    return snapshot;
  }

  /** Reads everything back, checks it, durably drops a corrupt tail and leftovers, and builds the index. */
  protected static async recover(engine: StorageEngine): Promise<Recovery> {
    let log: RecoveredLog;
    let electionState: ElectionState;
    let snapshot: Snapshot | null;
    let directoryId: DirectoryId | null;
    try {
      const directoryValue = await engine.getMeta('directory');
      directoryId = directoryValue === undefined ? null : decodeDirectoryId(directoryValue);
      const electionValue = await engine.getMeta('election');
      electionState = electionValue === undefined ? { ...INITIAL_ELECTION_STATE } : decodeElectionState(electionValue);
      const snapshotValue = await engine.getMeta('snapshot');
      snapshot = snapshotValue === undefined ? null : await EngineRaftStorage.recoverSnapshot(engine, snapshotValue);

      log = await recoverLog(engine.logEntries(), snapshot?.id ?? null);
    } catch (err) {
      if (err instanceof CorruptStorageError || err instanceof StorageReadError) throw err;
      throw new StorageReadError(`reading ${engine.location} failed: ${messageOf(err)}`, { cause: err });
    }

    try {
      await engine.snapshots.removePartial();
      if (snapshot !== null) await removeOtherCheckpoints(engine.snapshots, snapshot.id);
    } catch (err) {
      throw new StorageWriteError(`deleting unused snapshot files in ${engine.location} failed: ${messageOf(err)}`, { cause: err });
    }
    if (log.writes.length > 0) {
      try {
        await engine.write(log.writes);
      } catch (err) {
        throw new StorageWriteError(`dropping unusable log values in ${engine.location} failed: ${messageOf(err)}`, { cause: err });
      }
    }
    const { batches, repair } = log;
    return {
      loaded: { durable: { electionState: { ...electionState }, snapshot, batches }, repairs: repair === null ? [] : [repair], directoryId },
      electionState,
      directoryId,
      log: new StoredLog<BatchExtent>(snapshot?.id ?? null, batches.map(extentOf), extentOf),
      values: new LogValues(log.values),
    };
  }
}

/** What the stored log holds, checked, and how to make the stored values say exactly that. */
interface RecoveredLog {
  readonly batches: LogBatch[];
  readonly values: StoredValue[];
  readonly repair: StorageRepair | null;
  /** Unusable values deleted (leftovers, damage and all after it), and a cut where a kept value's bytes go on. */
  readonly writes: EngineWrite[];
}

const CUT = new Uint8Array(0);

/**
 * Reads the log's values in key order, each up to the next key (LogRecoveryScan), and keeps what
 * holds up to the first damage. A kept value whose bytes go on past what was kept — a damaged tail,
 * or a value cut by one now dropped — gets a cut at its end, so those bytes are never read again.
 */
async function recoverLog(entries: AsyncIterable<readonly [Uint8Array, Uint8Array]>, snapshotId: OffsetAndEpoch | null): Promise<RecoveredLog> {
  const scan = new LogRecoveryScan(snapshotId);
  const batches: LogBatch[] = [];
  const values: StoredValue[] = [];
  const deletes: Uint8Array[] = [];
  let repair: StorageRepair | null = null;
  const take = (key: Uint8Array, value: Uint8Array, bound: number): void => {
    if (repair !== null) {
      deletes.push(key);
      return;
    }
    const verdict = scan.checkValue(key, value, bound);
    if (verdict.kind === 'cut') {
      const last = values[values.length - 1];
      if (last?.kind === 'batches' && last.end === verdict.offset) values.push({ kind: 'cut', key: verdict.offset });
      else deletes.push(key);
      return;
    }
    const first = verdict.batches[0];
    const last = verdict.batches[verdict.batches.length - 1];
    if (first === undefined || last === undefined || verdict.key === null) {
      deletes.push(key);
    } else {
      for (const batch of verdict.batches) batches.push(batch);
      values.push({ kind: 'batches', key: verdict.key, start: first.baseOffset, end: last.lastOffset + 1, beyond: verdict.beyond });
    }
    if (verdict.corrupt !== null) repair = { kind: 'truncatedCorruptTail', ...verdict.corrupt };
  };
  let pending: readonly [Uint8Array, Uint8Array] | null = null;
  for await (const entry of entries) {
    if (pending !== null) take(pending[0], pending[1], decodeOffsetKey(entry[0]) ?? Number.POSITIVE_INFINITY);
    pending = entry;
  }
  if (pending !== null) take(pending[0], pending[1], Number.POSITIVE_INFINITY);

  const writes: EngineWrite[] = [];
  const last = values[values.length - 1];
  const cutAt = last?.kind === 'batches' && last.beyond ? last.end : null;
  for (const key of deletes) if (cutAt === null || decodeOffsetKey(key) !== cutAt) writes.push({ type: 'delBatch', key });
  if (cutAt !== null) {
    // Put over the dropped value at that key, if any, never deleted first: see log-values.ts.
    writes.push({ type: 'putBatch', key: encodeOffsetKey(cutAt), value: CUT });
    values.push({ kind: 'cut', key: cutAt });
  }
  return { batches, values, repair, writes };
}

/** At recovery: deletes every complete checkpoint but `keep` (older snapshots, and newer ones a crash left unreferenced). */
async function removeOtherCheckpoints(files: SnapshotFiles, keep: OffsetAndEpoch): Promise<void> {
  for (const id of await files.list()) if (!sameId(id, keep)) await files.remove(id);
}

/**
 * After a persist moved the snapshot to `latest`: deletes the checkpoints below it. Not those above:
 * a snapshot the state machine is writing now may be committed already and not yet persisted.
 */
async function removeOlderCheckpoints(files: SnapshotFiles, latest: OffsetAndEpoch): Promise<void> {
  for (const id of await files.list()) if (id.offset < latest.offset) await files.remove(id);
}

function extentOf(batch: BatchExtent): BatchExtent {
  return { baseOffset: batch.baseOffset, lastOffset: batch.lastOffset, epoch: batch.epoch };
}

function sameElectionState(a: ElectionState, b: ElectionState): boolean {
  return a.epoch === b.epoch && a.votedFor === b.votedFor && a.leaderId === b.leaderId;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
