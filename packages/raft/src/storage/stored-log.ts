/**
 * The shape of a stored log — the latest snapshot id and the contiguous batches after it — and
 * the one place that turns LogOps into the key-level writes that realise them. Both storages use
 * it, so they agree on semantics by construction:
 *
 * - `plan(ops)` checks every op against the log as the earlier ops in the same list leave it, and
 *   lists the writes (put/del of batches by base offset, put of the snapshot) in order. It changes
 *   nothing, so a rejected op (InvalidPersistError) or a failed write leaves the log as it was.
 * - `commit()` on the plan makes its result the log's state, once the writes are durable.
 *
 * Truncation, compaction and snapshot installation never range-delete: level cannot put a range
 * delete in an atomic batch, so the plan names every key, which this index knows.
 */
import { readBatchHeader, RecordsError } from '@kz/records';
import type { LogBatch, Snapshot } from '../core/log-batch';
import type { OffsetAndEpoch } from '../core/messages';
import type { LogOp } from '../core/ready';
import { InvalidPersistError } from './storage-errors';

/** What the index keeps of a stored batch (the memory storage keeps whole batches). */
export interface BatchExtent {
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly epoch: number;
}

export type LogStep =
  | { readonly kind: 'putBatch'; readonly batch: LogBatch }
  | { readonly kind: 'delBatch'; readonly baseOffset: number }
  /** `installed`: fetched from the leader (its partial file is completed now), not written here. */
  | { readonly kind: 'putSnapshot'; readonly snapshot: Snapshot; readonly installed: boolean }
  | { readonly kind: 'snapshotChunk'; readonly id: OffsetAndEpoch; readonly position: number; readonly bytes: Uint8Array };

export interface LogPlan {
  /** The writes, in the order they must be applied (a later step may undo an earlier one). */
  readonly steps: readonly LogStep[];
  /** The offsets, of the batches stored before the plan, that stay stored: [from, to), empty when none. */
  readonly retained: { readonly from: number; readonly to: number };
  /** The batches the plan appends that stay stored after it (a later op of the same plan may drop some), in order. */
  readonly appended: readonly LogBatch[];
  /** Makes the planned log this log; only valid while no other plan has been committed. */
  commit(): void;
}

const INT32_MAX = 0x7fff_ffff;

export class StoredLog<T extends BatchExtent> {
  private readonly entries: T[];
  private currentSnapshotId: OffsetAndEpoch | null;
  /** Bumped by every commit, so a plan made against an older log cannot be committed. */
  private generation = 0;

  /** `entries` must already be contiguous from the snapshot end (or 0); they are taken over, not copied. */
  constructor(
    snapshotId: OffsetAndEpoch | null,
    entries: T[],
    private readonly toEntry: (batch: LogBatch) => T,
  ) {
    this.currentSnapshotId = snapshotId;
    this.entries = entries;
  }

  get snapshotId(): OffsetAndEpoch | null {
    return this.currentSnapshotId;
  }

  get batches(): readonly T[] {
    return this.entries;
  }

  plan(ops: readonly LogOp[]): LogPlan {
    const entries = this.entries;
    const steps: LogStep[] = [];
    // The planned log is entries[lo, hi) followed by appended[appendedLo, ...).
    let lo = 0;
    let hi = entries.length;
    const appended: T[] = [];
    /** The batches behind `appended`, index for index. */
    const appendedBatches: LogBatch[] = [];
    let appendedLo = 0;
    let snapshotId = this.currentSnapshotId;

    const lastEntry = (): T | undefined =>
      appended.length > appendedLo ? appended[appended.length - 1] : hi > lo ? entries[hi - 1] : undefined;
    const firstEntry = (): T | undefined => (hi > lo ? entries[lo] : appended[appendedLo]);
    const startOffset = (): number => snapshotId?.offset ?? 0;
    const endOffset = (): number => {
      const last = lastEntry();
      return last === undefined ? startOffset() : last.lastOffset + 1;
    };
    const popLast = (): T => {
      if (appended.length > appendedLo) {
        appendedBatches.pop();
        return appended.pop()!;
      }
      hi -= 1;
      return entries[hi]!;
    };
    const shiftFirst = (): T => {
      if (hi > lo) return entries[lo++]!;
      return appended[appendedLo++]!;
    };
    const dropAll = (): void => {
      while (lastEntry() !== undefined) steps.push({ kind: 'delBatch', baseOffset: popLast().baseOffset });
    };

    for (const op of ops) {
      switch (op.op) {
        case 'truncate': {
          const end = op.endOffset;
          if (!Number.isSafeInteger(end) || end < startOffset()) {
            throw new InvalidPersistError(`truncate to ${end} is below the log start ${startOffset()}`);
          }
          // A batch that straddles `end` would have to be split, which a stored batch cannot be.
          for (let last = lastEntry(); last !== undefined && last.lastOffset >= end; last = lastEntry()) {
            if (last.baseOffset < end) {
              throw new InvalidPersistError(`truncate to ${end} splits the batch ${last.baseOffset}..${last.lastOffset}`);
            }
            steps.push({ kind: 'delBatch', baseOffset: popLast().baseOffset });
          }
          break;
        }
        case 'append': {
          for (const batch of op.batches) {
            checkAppend(batch, endOffset(), lastEntry()?.epoch ?? snapshotId?.epoch ?? 0);
            appended.push(this.toEntry(batch));
            appendedBatches.push(batch);
            steps.push({ kind: 'putBatch', batch });
          }
          break;
        }
        case 'snapshot': {
          const id = op.snapshot.id;
          checkSnapshotId(id);
          if (id.offset < startOffset() || id.offset > endOffset()) {
            throw new InvalidPersistError(
              `snapshot at ${id.offset} is outside the log ${startOffset()}..${endOffset()} (exclusive end)`,
            );
          }
          let dropped: T | undefined;
          for (let first = firstEntry(); first !== undefined && first.lastOffset < id.offset; first = firstEntry()) {
            dropped = shiftFirst();
            steps.push({ kind: 'delBatch', baseOffset: dropped.baseOffset });
          }
          const first = firstEntry();
          if (first !== undefined && first.baseOffset < id.offset) {
            throw new InvalidPersistError(`snapshot at ${id.offset} splits the batch ${first.baseOffset}..${first.lastOffset}`);
          }
          // The snapshot is named by the epoch of the batch that ends just below it.
          if (dropped !== undefined && dropped.epoch !== id.epoch) {
            throw new InvalidPersistError(
              `snapshot at ${id.offset} has epoch ${id.epoch}, but the batch below it has epoch ${dropped.epoch}`,
            );
          }
          steps.push({ kind: 'putSnapshot', snapshot: op.snapshot, installed: false });
          snapshotId = id;
          break;
        }
        case 'installSnapshot': {
          checkSnapshotId(op.snapshot.id);
          dropAll();
          steps.push({ kind: 'putSnapshot', snapshot: op.snapshot, installed: true });
          snapshotId = op.snapshot.id;
          break;
        }
        case 'snapshotChunk': {
          checkSnapshotId(op.id);
          steps.push({ kind: 'snapshotChunk', id: op.id, position: op.position, bytes: op.bytes });
          break;
        }
      }
    }

    const generation = this.generation;
    return {
      steps,
      retained: hi > lo ? { from: entries[lo]!.baseOffset, to: entries[hi - 1]!.lastOffset + 1 } : { from: 0, to: 0 },
      appended: appendedLo === 0 ? appendedBatches : appendedBatches.slice(appendedLo),
      commit: () => {
        if (generation !== this.generation) throw new Error('a storage plan was committed after another one');
        entries.splice(hi);
        entries.splice(0, lo);
        for (let i = appendedLo; i < appended.length; i++) entries.push(appended[i]!);
        this.currentSnapshotId = snapshotId;
        this.generation += 1;
      },
    };
  }
}

/**
 * An appended batch must continue the log, and its bytes must say what its fields say: the
 * fields are what the index trusts, the bytes are what a restart reads back and checks, and a
 * disagreement would make recovery cut the log there. The CRC is not recomputed: batches reach
 * the core through toLogBatch, which checked it, and load checks it again.
 */
function checkAppend(batch: LogBatch, endOffset: number, lastEpoch: number): void {
  const where = `batch ${batch.baseOffset}..${batch.lastOffset}`;
  if (batch.baseOffset !== endOffset) throw new InvalidPersistError(`${where} does not start at the log end ${endOffset}`);
  if (!Number.isSafeInteger(batch.lastOffset) || batch.lastOffset < batch.baseOffset) {
    throw new InvalidPersistError(`${where} has no records`);
  }
  if (!Number.isInteger(batch.epoch) || batch.epoch < lastEpoch || batch.epoch > INT32_MAX) {
    throw new InvalidPersistError(`${where} has epoch ${batch.epoch}, below the log's last epoch ${lastEpoch}`);
  }
  let header;
  try {
    header = readBatchHeader(batch.bytes);
  } catch (err) {
    if (err instanceof RecordsError) throw new InvalidPersistError(`${where} is not a record batch: ${err.message}`, { cause: err });
    throw err;
  }
  if (header.sizeInBytes !== batch.bytes.length) {
    throw new InvalidPersistError(`${where} holds ${batch.bytes.length} bytes, but its header says ${header.sizeInBytes}`);
  }
  if (header.baseOffset !== batch.baseOffset || header.lastOffset !== batch.lastOffset || header.partitionLeaderEpoch !== batch.epoch) {
    throw new InvalidPersistError(
      `${where} (epoch ${batch.epoch}) disagrees with its header: ` +
        `${header.baseOffset}..${header.lastOffset} epoch ${header.partitionLeaderEpoch}`,
    );
  }
}

/** What the stored snapshot form can hold: a safe offset and an int32 epoch, both non-negative. */
function checkSnapshotId(id: OffsetAndEpoch): void {
  if (!Number.isSafeInteger(id.offset) || id.offset < 0 || !Number.isInteger(id.epoch) || id.epoch < 0 || id.epoch > INT32_MAX) {
    throw new InvalidPersistError(`snapshot id (offset ${id.offset}, epoch ${id.epoch}) is out of range`);
  }
}
