/**
 * The key-value store under a RaftStorage: LevelDB on disk (level-engine.ts), SimDisk in the
 * simulator. Two key spaces:
 * - the log: key = a base offset as 8-byte big-endian (offset-key.ts), value = the RecordBatch v2
 *   bytes verbatim of the contiguous batches one persist appended from there, or nothing (a cut);
 *   each value is read only below the next key (log-values.ts); iterated in key order, which is
 *   offset order;
 * - the metadata: `election` (election-state-codec.ts), `snapshot` (snapshot-codec.ts: which
 *   checkpoint is the latest) and `directory` (directory-id-codec.ts, KIP-853);
 * and beside them the snapshots' checkpoint files (snapshot-files.ts).
 *
 * What EngineRaftStorage relies on, and so what an engine must give: `write` applies its list as
 * one atomic unit and resolves only once all of it is durable (fsync); writes take effect in call
 * order; reads see every write that resolved. Values are checked on the way back in (CRCs, the
 * recovery scan), because no engine is trusted not to lose or flip a bit at rest.
 */

import type { SnapshotFiles } from './snapshot-files';

export type MetaKey = 'election' | 'snapshot' | 'directory';

export type EngineWrite =
  | { readonly type: 'putBatch'; readonly key: Uint8Array; readonly value: Uint8Array }
  | { readonly type: 'delBatch'; readonly key: Uint8Array }
  | { readonly type: 'putMeta'; readonly key: MetaKey; readonly value: Uint8Array };

export interface StorageEngine {
  /** Where the data lives, for messages (a data dir). */
  readonly location: string;
  /** The checkpoint files. */
  readonly snapshots: SnapshotFiles;
  /** A metadata value; undefined when never written. Rejects with StorageReadError or CorruptStorageError. */
  getMeta(key: MetaKey): Promise<Uint8Array | undefined>;
  /** Every log entry as [key, value], in key order. Fails like getMeta. */
  logEntries(): AsyncIterable<readonly [Uint8Array, Uint8Array]>;
  /** Applies `writes` atomically and durably; resolves once they are synced, rejects if they may not be. */
  write(writes: readonly EngineWrite[]): Promise<void>;
  /** Releases the engine; later calls fail. */
  close(): Promise<void>;
}
