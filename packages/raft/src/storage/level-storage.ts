/**
 * RaftStorage on disk: one LevelDB database (classic-level, through `level`) in the data dir.
 *
 * Layout, in two sublevels of the one root so a single atomic batch can span them:
 * - `log`:  key = base offset as 8-byte big-endian (bytewise order is offset order), value = the
 *           RecordBatch v2 bytes, verbatim;
 * - `meta`: `election` = the election state (election-state-codec), `snapshot` = the latest
 *           snapshot, id and bytes together (snapshot-codec); one key, so only the latest exists.
 *
 * Every persist is one `batch(..., { sync: true })`: election state, log puts and deletes and the
 * snapshot become durable together or not at all, so a crash never leaves a vote without the log
 * it was based on, nor a snapshot whose covered batches are half deleted. Level cannot range-
 * delete inside an atomic batch, so an in-memory index of the stored batches (StoredLog, built
 * when the storage opens) names every key to delete.
 *
 * Opening recovers: it reads everything back, checks every batch (LogRecoveryScan), durably
 * deletes a corrupt tail and reports it; the first load() hands that result over rather than
 * reading the log a second time.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Level } from 'level';
import type { LogBatch, Snapshot } from '../core/log-batch';
import { INITIAL_ELECTION_STATE, type ElectionState } from '../core/quorum-state';
import type { LogOp } from '../core/ready';
import { decodeElectionState, encodeElectionState } from './election-state-codec';
import { checkElectionTransition } from './election-state-rules';
import { LogRecoveryScan } from './log-recovery-scan';
import { encodeOffsetKey } from './offset-key';
import type { LoadedState, RaftStorage, StorageRepair } from './raft-storage';
import { SerialQueue } from './serial-queue';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec';
import { CorruptStorageError, DataDirLockedError, StorageReadError, StorageWriteError } from './storage-errors';
import { StoredLog, type BatchExtent, type LogPlan } from './stored-log';

/** Names of the stored layout, for tools and tests that read a data dir directly. */
export const LEVEL_STORAGE_LAYOUT = {
  logSublevel: 'log',
  metaSublevel: 'meta',
  electionKey: 'election',
  snapshotKey: 'snapshot',
} as const;

type RootDb = Level<Buffer, Uint8Array>;
type LogDb = ReturnType<typeof logSublevel>;
type MetaDb = ReturnType<typeof metaSublevel>;

function logSublevel(db: RootDb) {
  return db.sublevel<Buffer, Uint8Array>(LEVEL_STORAGE_LAYOUT.logSublevel, { keyEncoding: 'buffer', valueEncoding: 'view' });
}

function metaSublevel(db: RootDb) {
  return db.sublevel<string, Uint8Array>(LEVEL_STORAGE_LAYOUT.metaSublevel, { keyEncoding: 'utf8', valueEncoding: 'view' });
}

/** One write of an atomic batch; the sublevel decides how key and value are encoded. */
type Write =
  | { readonly type: 'put'; readonly sublevel: LogDb; readonly key: Buffer; readonly value: Uint8Array }
  | { readonly type: 'del'; readonly sublevel: LogDb; readonly key: Buffer }
  | { readonly type: 'put'; readonly sublevel: MetaDb; readonly key: string; readonly value: Uint8Array };

/** The root database and the two sublevels every read and write goes through. */
interface Handles {
  /** Absolute path of the data dir, for messages. */
  readonly dataDir: string;
  readonly db: RootDb;
  readonly logDb: LogDb;
  readonly metaDb: MetaDb;
}

interface Recovery {
  readonly loaded: LoadedState;
  readonly electionState: ElectionState;
  readonly log: StoredLog<BatchExtent>;
}

export class LevelRaftStorage implements RaftStorage {
  private readonly queue = new SerialQueue();
  private readonly handles: Handles;
  private log: StoredLog<BatchExtent>;
  private electionState: ElectionState;
  /** What opening recovered, kept for the first load() until a persist makes it stale. */
  private recovered: LoadedState | null;

  private constructor(handles: Handles, recovery: Recovery) {
    this.handles = handles;
    this.log = recovery.log;
    this.electionState = recovery.electionState;
    this.recovered = recovery.loaded;
  }

  /**
   * Opens (creating if needed) the database in `dataDir` and recovers it: a corrupt log tail is
   * dropped here, durably, and reported by the first load(). Throws DataDirLockedError if another
   * process or instance holds the dir, CorruptStorageError if the election state or snapshot
   * cannot be trusted; the lock is released on any failure.
   */
  static async open(dataDir: string): Promise<LevelRaftStorage> {
    const path = resolve(dataDir);
    await mkdir(path, { recursive: true });
    const db: RootDb = new Level<Buffer, Uint8Array>(path, { keyEncoding: 'buffer', valueEncoding: 'view' });
    try {
      await db.open();
    } catch (err) {
      throw openFailure(path, err);
    }
    const handles: Handles = { dataDir: path, db, logDb: logSublevel(db), metaDb: metaSublevel(db) };
    try {
      return new LevelRaftStorage(handles, await recover(handles));
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
  }

  /** Absolute path of the data dir. */
  get dataDir(): string {
    return this.handles.dataDir;
  }

  /** The first call returns what open recovered (with its repairs); later ones read and check again. */
  load(): Promise<LoadedState> {
    return this.queue.run(async () => {
      const recovered = this.recovered;
      this.recovered = null;
      if (recovered !== null) return recovered;
      const recovery = await recover(this.handles);
      this.log = recovery.log;
      this.electionState = recovery.electionState;
      return recovery.loaded;
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

  /** Waits for the persists already submitted, then releases the LOCK. */
  close(): Promise<void> {
    return this.queue.run(async () => {
      this.recovered = null;
      await this.handles.db.close();
    });
  }

  private async write(electionState: ElectionState | null, ops: readonly LogOp[]): Promise<void> {
    if (electionState !== null) checkElectionTransition(this.electionState, electionState);
    const plan = this.log.plan(ops);
    const writes = this.writesFor(electionState, plan);
    if (writes.length > 0) {
      try {
        await this.handles.db.batch<Buffer | string, Uint8Array>(writes, { sync: true });
      } catch (err) {
        throw new StorageWriteError(`persist to ${this.dataDir} failed: ${messageOf(err)}`, { cause: err });
      }
    }
    // Only now, with the batch durable, does the index move on.
    plan.commit();
    if (electionState !== null) this.electionState = electionState;
    this.recovered = null;
  }

  private writesFor(electionState: ElectionState | null, plan: LogPlan): Write[] {
    const writes: Write[] = [];
    if (electionState !== null && !sameElectionState(electionState, this.electionState)) {
      writes.push({ type: 'put', sublevel: this.handles.metaDb, key: LEVEL_STORAGE_LAYOUT.electionKey, value: encodeElectionState(electionState) });
    }
    for (const step of plan.steps) {
      switch (step.kind) {
        case 'putBatch':
          writes.push({ type: 'put', sublevel: this.handles.logDb, key: encodeOffsetKey(step.batch.baseOffset), value: step.batch.bytes });
          break;
        case 'delBatch':
          writes.push({ type: 'del', sublevel: this.handles.logDb, key: encodeOffsetKey(step.baseOffset) });
          break;
        case 'putSnapshot':
          writes.push({ type: 'put', sublevel: this.handles.metaDb, key: LEVEL_STORAGE_LAYOUT.snapshotKey, value: encodeSnapshot(step.snapshot) });
          break;
      }
    }
    return writes;
  }
}

/** Reads everything back, checks it, durably drops a corrupt tail and leftovers, and builds the index. */
async function recover({ dataDir, db, logDb, metaDb }: Handles): Promise<Recovery> {
  const batches: LogBatch[] = [];
  const drop: Buffer[] = [];
  let repair: StorageRepair | null = null;
  let electionState: ElectionState;
  let snapshot: Snapshot | null;
  try {
    const electionValue = await metaDb.get(LEVEL_STORAGE_LAYOUT.electionKey);
    electionState = electionValue === undefined ? { ...INITIAL_ELECTION_STATE } : decodeElectionState(electionValue);
    const snapshotValue = await metaDb.get(LEVEL_STORAGE_LAYOUT.snapshotKey);
    snapshot = snapshotValue === undefined ? null : decodeSnapshot(snapshotValue);

    const scan = new LogRecoveryScan(snapshot?.id ?? null);
    for await (const [key, value] of logDb.iterator()) {
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
    throw readFailure(dataDir, err);
  }

  if (drop.length > 0) {
    const deletes: Write[] = drop.map((key) => ({ type: 'del', sublevel: logDb, key }));
    try {
      await db.batch<Buffer | string, Uint8Array>(deletes, { sync: true });
    } catch (err) {
      throw new StorageWriteError(`dropping ${drop.length} unusable log batches in ${dataDir} failed: ${messageOf(err)}`, { cause: err });
    }
  }
  return {
    loaded: { durable: { electionState: { ...electionState }, snapshot, batches }, repairs: repair === null ? [] : [repair] },
    electionState,
    log: new StoredLog<BatchExtent>(snapshot?.id ?? null, batches.map(extentOf), extentOf),
  };
}

function extentOf(batch: BatchExtent): BatchExtent {
  return { baseOffset: batch.baseOffset, lastOffset: batch.lastOffset, epoch: batch.epoch };
}

function sameElectionState(a: ElectionState, b: ElectionState): boolean {
  return a.epoch === b.epoch && a.votedFor === b.votedFor && a.leaderId === b.leaderId;
}

/** classic-level reports a held LOCK as LEVEL_DATABASE_NOT_OPEN caused by LEVEL_LOCKED. */
function openFailure(path: string, err: unknown): unknown {
  const codes = [codeOf(err), codeOf(causeOf(err))];
  if (codes.includes('LEVEL_LOCKED')) return new DataDirLockedError(path, { cause: err });
  if (codes.includes('LEVEL_CORRUPTION')) {
    return new CorruptStorageError('database', `LevelDB cannot open ${path}: ${messageOf(causeOf(err) ?? err)}`, { cause: err });
  }
  return err;
}

function readFailure(path: string, err: unknown): unknown {
  if (err instanceof CorruptStorageError) return err;
  if (codeOf(err) === 'LEVEL_CORRUPTION') return new CorruptStorageError('database', `reading ${path}: ${messageOf(err)}`, { cause: err });
  return new StorageReadError(`reading ${path} failed: ${messageOf(err)}`, { cause: err });
}

function codeOf(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
}

function causeOf(err: unknown): unknown {
  return err instanceof Error ? err.cause : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
