/**
 * Typed failures of a RaftStorage. Each has `name` = class name and a stable string `code`, so the
 * runtime can decide what to do without matching messages: a locked data dir is an operator
 * problem, corruption of a vote must stop the node rather than be papered over, and a failed
 * write means the node cannot acknowledge anything that depended on it.
 */

/** Another process, or another open in this one, already holds the data dir's LevelDB LOCK. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`data dir ${path} is locked: another process or open instance is using it`, options);
  }
}

/** What part of the stored state failed its checks. */
export type CorruptPart = 'election state' | 'snapshot' | 'directory id' | 'database';

/**
 * Stored state that cannot be trusted and cannot be repaired without losing something Raft needs
 * (a vote, a snapshot the log no longer holds the batches for). Unlike a corrupt log tail, which
 * the leader can resend, these are never reset silently: the node must not start.
 */
export class CorruptStorageError extends Error {
  override readonly name = 'CorruptStorageError';
  readonly code = 'CORRUPT_STORAGE';
  constructor(
    readonly part: CorruptPart,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`corrupt ${part}: ${detail}`, options);
  }
}

/**
 * The durable write failed (disk full, I/O error, storage closed). Nothing of that persist is
 * visible in this storage's view: its in-memory index is unchanged, so retrying the same persist
 * is safe (every put and del is idempotent). LevelDB itself refuses further writes when a failed
 * fsync left the disk's state unknown; a runtime should then stop the node and reopen.
 */
export class StorageWriteError extends Error {
  override readonly name = 'StorageWriteError';
  readonly code = 'STORAGE_WRITE_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Reading the stored state failed for a reason other than corruption (I/O error, storage closed). */
export class StorageReadError extends Error {
  override readonly name = 'StorageReadError';
  readonly code = 'STORAGE_READ_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The caller asked to persist something that would break the stored log's shape (a gap, a batch
 * whose header disagrees with its fields, a truncation that splits a batch) or an election state
 * that goes backwards. Rejected before anything is written: storing it would either be repaired
 * away at the next start (losing acknowledged batches) or forget a vote. It signals a bug in the
 * caller, so the runtime should treat it as fatal.
 */
export class InvalidPersistError extends Error {
  override readonly name = 'InvalidPersistError';
  readonly code = 'INVALID_PERSIST';
}

/**
 * The snapshot asked for is not stored (any more): a newer one replaced it, or it was never
 * completed. Kafka's SNAPSHOT_NOT_FOUND: a reader starts over from the latest snapshot.
 */
export class SnapshotNotFoundError extends Error {
  override readonly name = 'SnapshotNotFoundError';
  readonly code = 'SNAPSHOT_NOT_FOUND';
}
