/**
 * RaftStorage on disk: EngineRaftStorage over one LevelDB database in the data dir (level-engine.ts
 * has the layout). Opening recovers: it reads everything back, checks every batch, durably deletes a
 * corrupt tail and reports it in the first load().
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Level } from 'level';
import { EngineRaftStorage, type Recovery } from './engine-raft-storage';
import { codeOf, LevelEngine, messageOf, type RootDb } from './level-engine';
import { CorruptStorageError, DataDirLockedError } from './storage-errors';

export { LEVEL_STORAGE_LAYOUT } from './level-engine';

export class LevelRaftStorage extends EngineRaftStorage {
  private constructor(
    engine: LevelEngine,
    recovery: Recovery,
    /** Absolute path of the data dir. */
    readonly dataDir: string,
  ) {
    super(engine, recovery);
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
    const engine = new LevelEngine(db, path);
    try {
      return new LevelRaftStorage(engine, await EngineRaftStorage.recover(engine), path);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
  }
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

function causeOf(err: unknown): unknown {
  return err instanceof Error ? err.cause : undefined;
}
