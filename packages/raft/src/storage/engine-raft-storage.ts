/**
 * RaftStorage over a StorageEngine: the layout, the planning of every persist into one atomic
 * engine write, and recovery. LevelRaftStorage is this over LevelDB; the simulator runs this same
 * class over SimDisk, so what it checks, writes and repairs is what ships.
 *
 * Every persist is one engine write: election state, log puts and deletes and the snapshot become
 * durable together or not at all, so a crash never leaves a vote without the log it was based on,
 * nor a snapshot whose covered batches are half deleted. An engine cannot range-delete inside an
 * atomic write, so an in-memory index of the stored batches (StoredLog, built at recovery) names
 * every key to delete.
 *
 * Recovery reads everything back, checks every batch (LogRecoveryScan), durably deletes a corrupt
 * tail and reports it; the first load() hands that result over rather than reading the log again.
 */
import type { LogBatch, Snapshot } from '../core/log-batch';
import { INITIAL_ELECTION_STATE, type ElectionState } from '../core/quorum-state';
import type { LogOp } from '../core/ready';
import type { DirectoryId } from '../core/voter-set';
import { decodeDirectoryId, encodeDirectoryId } from './directory-id-codec';
import { decodeElectionState, encodeElectionState } from './election-state-codec';
import { checkElectionTransition } from './election-state-rules';
import { LogRecoveryScan } from './log-recovery-scan';
import { encodeOffsetKey } from './offset-key';
import type { LoadedState, RaftStorage, StorageRepair } from './raft-storage';
import { SerialQueue } from './serial-queue';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec';
import type { EngineWrite, StorageEngine } from './storage-engine';
import { CorruptStorageError, InvalidPersistError, StorageReadError, StorageWriteError } from './storage-errors';
import { StoredLog, type BatchExtent, type LogPlan } from './stored-log';

/** What recovery found: the first load's answer, and the state the storage goes on from. */
export interface Recovery {
  readonly loaded: LoadedState;
  readonly electionState: ElectionState;
  readonly directoryId: DirectoryId | null;
  readonly log: StoredLog<BatchExtent>;
}

export class EngineRaftStorage implements RaftStorage {
  private readonly queue = new SerialQueue();
  private log: StoredLog<BatchExtent>;
  private electionState: ElectionState;
  private directoryId: DirectoryId | null;
  /** What recovery found, kept for the first load() until a persist makes it stale. */
  private recovered: LoadedState | null;

  protected constructor(
    private readonly engine: StorageEngine,
    recovery: Recovery,
  ) {
    this.log = recovery.log;
    this.electionState = recovery.electionState;
    this.directoryId = recovery.directoryId;
    this.recovered = recovery.loaded;
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
      this.electionState = recovery.electionState;
      this.directoryId = recovery.directoryId;
      return recovery.loaded;
    });
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

  /** Waits for the persists already submitted, then releases the engine. */
  close(): Promise<void> {
    return this.queue.run(async () => {
      this.recovered = null;
      await this.engine.close();
    });
  }

  private async write(electionState: ElectionState | null, ops: readonly LogOp[]): Promise<void> {
    if (electionState !== null) checkElectionTransition(this.electionState, electionState);
    const plan = this.log.plan(ops);
    const writes = this.writesFor(electionState, plan);
    if (writes.length > 0) {
      try {
        await this.engine.write(writes);
      } catch (err) {
        throw new StorageWriteError(`persist to ${this.engine.location} failed: ${messageOf(err)}`, { cause: err });
      }
    }
    // Only now, with the write durable, does the index move on.
    plan.commit();
    if (electionState !== null) this.electionState = electionState;
    this.recovered = null;
  }

  private writesFor(electionState: ElectionState | null, plan: LogPlan): EngineWrite[] {
    const writes: EngineWrite[] = [];
    if (electionState !== null && !sameElectionState(electionState, this.electionState)) {
      writes.push({ type: 'putMeta', key: 'election', value: encodeElectionState(electionState) });
    }
    for (const step of plan.steps) {
      switch (step.kind) {
        case 'putBatch':
          writes.push({ type: 'putBatch', key: encodeOffsetKey(step.batch.baseOffset), value: step.batch.bytes });
          break;
        case 'delBatch':
          writes.push({ type: 'delBatch', key: encodeOffsetKey(step.baseOffset) });
          break;
        case 'putSnapshot':
          writes.push({ type: 'putMeta', key: 'snapshot', value: encodeSnapshot(step.snapshot) });
          break;
      }
    }
    return writes;
  }

  /** Reads everything back, checks it, durably drops a corrupt tail and leftovers, and builds the index. */
  protected static async recover(engine: StorageEngine): Promise<Recovery> {
    const batches: LogBatch[] = [];
    const drop: Uint8Array[] = [];
    let repair: StorageRepair | null = null;
    let electionState: ElectionState;
    let snapshot: Snapshot | null;
    let directoryId: DirectoryId | null;
    try {
      const directoryValue = await engine.getMeta('directory');
      directoryId = directoryValue === undefined ? null : decodeDirectoryId(directoryValue);
      const electionValue = await engine.getMeta('election');
      electionState = electionValue === undefined ? { ...INITIAL_ELECTION_STATE } : decodeElectionState(electionValue);
      const snapshotValue = await engine.getMeta('snapshot');
      snapshot = snapshotValue === undefined ? null : decodeSnapshot(snapshotValue);

      const scan = new LogRecoveryScan(snapshot?.id ?? null);
      for await (const [key, value] of engine.logEntries()) {
        if (repair !== null) {
          drop.push(key);
          continue;
        }
        const verdict = scan.check(key, value);
        if (verdict.kind === 'keep') {
          batches.push(verdict.batch);
        } else {
          drop.push(key);
          if (verdict.kind === 'corrupt') repair = { kind: 'truncatedCorruptTail', offset: verdict.offset, reason: verdict.reason };
        }
      }
    } catch (err) {
      if (err instanceof CorruptStorageError || err instanceof StorageReadError) throw err;
      throw new StorageReadError(`reading ${engine.location} failed: ${messageOf(err)}`, { cause: err });
    }

    if (drop.length > 0) {
      try {
        await engine.write(drop.map((key) => ({ type: 'delBatch', key })));
      } catch (err) {
        throw new StorageWriteError(`dropping ${drop.length} unusable log batches in ${engine.location} failed: ${messageOf(err)}`, { cause: err });
      }
    }
    return {
      loaded: { durable: { electionState: { ...electionState }, snapshot, batches }, repairs: repair === null ? [] : [repair], directoryId },
      electionState,
      directoryId,
      log: new StoredLog<BatchExtent>(snapshot?.id ?? null, batches.map(extentOf), extentOf),
    };
  }
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
