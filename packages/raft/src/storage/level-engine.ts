/**
 * A StorageEngine on LevelDB (classic-level, through `level`): one database in the data dir, with
 * the log and the metadata in two sublevels of the one root, so a single atomic batch can span
 * them. Every write is one `batch(..., { sync: true })`. Checkpoint files live in a `snapshots`
 * directory inside the data dir (LevelDB leaves names it does not own alone).
 */
import { join } from 'node:path';
import { Level } from 'level';
import { FsSnapshotFiles } from './fs-snapshot-files';
import type { EngineWrite, MetaKey, StorageEngine } from './storage-engine';
import { CorruptStorageError } from './storage-errors';

/** Names of the stored layout, for tools and tests that read a data dir directly. */
export const LEVEL_STORAGE_LAYOUT = {
  logSublevel: 'log',
  metaSublevel: 'meta',
  electionKey: 'election',
  snapshotKey: 'snapshot',
  snapshotDir: 'snapshots',
} as const;

export type RootDb = Level<Buffer, Uint8Array>;
type LogDb = ReturnType<typeof logSublevel>;
type MetaDb = ReturnType<typeof metaSublevel>;

function logSublevel(db: RootDb) {
  return db.sublevel<Buffer, Uint8Array>(LEVEL_STORAGE_LAYOUT.logSublevel, { keyEncoding: 'buffer', valueEncoding: 'view' });
}

function metaSublevel(db: RootDb) {
  return db.sublevel<string, Uint8Array>(LEVEL_STORAGE_LAYOUT.metaSublevel, { keyEncoding: 'utf8', valueEncoding: 'view' });
}

/** One write of an atomic batch; the sublevel decides how key and value are encoded. */
type LevelWrite =
  | { readonly type: 'put'; readonly sublevel: LogDb; readonly key: Buffer; readonly value: Uint8Array }
  | { readonly type: 'del'; readonly sublevel: LogDb; readonly key: Buffer }
  | { readonly type: 'put'; readonly sublevel: MetaDb; readonly key: string; readonly value: Uint8Array };

export class LevelEngine implements StorageEngine {
  private readonly logDb: LogDb;
  private readonly metaDb: MetaDb;
  readonly snapshots: FsSnapshotFiles;

  /** Over an open database; `location` is its absolute path. */
  constructor(
    private readonly db: RootDb,
    readonly location: string,
  ) {
    this.logDb = logSublevel(db);
    this.metaDb = metaSublevel(db);
    this.snapshots = new FsSnapshotFiles(join(location, LEVEL_STORAGE_LAYOUT.snapshotDir));
  }

  async getMeta(key: MetaKey): Promise<Uint8Array | undefined> {
    try {
      return await this.metaDb.get(key);
    } catch (err) {
      throw this.readFailure(err);
    }
  }

  async *logEntries(): AsyncIterable<readonly [Uint8Array, Uint8Array]> {
    try {
      for await (const entry of this.logDb.iterator()) yield entry;
    } catch (err) {
      throw this.readFailure(err);
    }
  }

  async write(writes: readonly EngineWrite[]): Promise<void> {
    const batch = writes.map((write): LevelWrite => {
      switch (write.type) {
        case 'putBatch':
          return { type: 'put', sublevel: this.logDb, key: asBuffer(write.key), value: write.value };
        case 'delBatch':
          return { type: 'del', sublevel: this.logDb, key: asBuffer(write.key) };
        case 'putMeta':
          return { type: 'put', sublevel: this.metaDb, key: write.key, value: write.value };
      }
    });
    await this.db.batch<Buffer | string, Uint8Array>(batch, { sync: true });
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** LevelDB's own corruption report is corruption of the database; anything else goes up as it is. */
  private readFailure(err: unknown): unknown {
    if (codeOf(err) === 'LEVEL_CORRUPTION') return new CorruptStorageError('database', `reading ${this.location}: ${messageOf(err)}`, { cause: err });
    return err;
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function codeOf(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
