import type { LogBatch, Snapshot } from '../core/log-batch';
import type { LogOp } from '../core/ready';

/** A log as stored: an optional snapshot and the contiguous batches after it. */
export interface LogImage {
  readonly snapshot: Snapshot | null;
  readonly batches: readonly LogBatch[];
}

export const EMPTY_LOG_IMAGE: LogImage = { snapshot: null, batches: [] };

export function logStartOffset(image: LogImage): number {
  return image.snapshot?.id.offset ?? image.batches[0]?.baseOffset ?? 0;
}

export function logEndOffset(image: LogImage): number {
  const last = image.batches[image.batches.length - 1];
  return last !== undefined ? last.lastOffset + 1 : (image.snapshot?.id.offset ?? 0);
}

/** The batch holding `offset`, by binary search; undefined if the image's batches do not hold it. */
export function batchHolding(batches: readonly LogBatch[], offset: number): LogBatch | undefined {
  let lo = 0;
  let hi = batches.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const batch = batches[mid]!;
    if (offset < batch.baseOffset) hi = mid - 1;
    else if (offset > batch.lastOffset) lo = mid + 1;
    else return batch;
  }
  return undefined;
}

/**
 * Applies one LogOp to an image the way a disk would, reporting (not hiding) any op that breaks the
 * log's shape: appends must be contiguous, truncation and snapshots must fall on batch boundaries
 * and never below the log start. An op that breaks it is still applied as well as it can be, so the
 * run goes on and the report says what the core asked for.
 */
export function applyLogOp(image: LogImage, op: LogOp): { image: LogImage; error: string | null } {
  switch (op.op) {
    case 'truncate': {
      const start = logStartOffset(image);
      const straddles = image.batches.some((b) => b.baseOffset < op.endOffset && b.lastOffset >= op.endOffset);
      const batches = image.batches.filter((b) => b.lastOffset < op.endOffset);
      const error =
        op.endOffset < start
          ? `truncate to ${op.endOffset} below the log start ${start}`
          : straddles
            ? `truncate to ${op.endOffset} splits a batch`
            : null;
      return { image: { snapshot: image.snapshot, batches }, error };
    }
    case 'append': {
      let end = logEndOffset(image);
      let error: string | null = null;
      for (const batch of op.batches) {
        if (batch.baseOffset !== end && error === null) {
          error = `append of a batch at ${batch.baseOffset} to a log ending at ${end}`;
        }
        end = batch.lastOffset + 1;
      }
      return { image: { snapshot: image.snapshot, batches: [...image.batches, ...op.batches] }, error };
    }
    case 'snapshot': {
      const at = op.snapshot.id.offset;
      const start = logStartOffset(image);
      const end = logEndOffset(image);
      const straddles = image.batches.some((b) => b.baseOffset < at && b.lastOffset >= at);
      const error =
        at < start
          ? `snapshot at ${at} below the log start ${start}`
          : at > end
            ? `snapshot at ${at} beyond the log end ${end}`
            : straddles
              ? `snapshot at ${at} splits a batch`
              : null;
      return { image: { snapshot: op.snapshot, batches: image.batches.filter((b) => b.baseOffset >= at) }, error };
    }
    case 'installSnapshot':
      return { image: { snapshot: op.snapshot, batches: [] }, error: null };
    case 'snapshotChunk':
      return { image, error: null };
  }
}
