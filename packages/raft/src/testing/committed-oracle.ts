import type { NodeId } from '../core/config';
import type { LogBatch } from '../core/log-batch';
import { fingerprint } from './proposal-batch';

/** A batch known to be committed, and who first showed it committed. */
export interface CommittedEntry {
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly epoch: number;
  readonly fingerprint: number;
  readonly firstSeenBy: NodeId;
  /** The reporter's epoch when first seen: the batch was committed in this epoch or an earlier one. */
  readonly firstSeenEpoch: number;
}

/**
 * The global record of committed batches, built from every node's committed output and from every
 * log below its node's high watermark. Once an offset is in here, any node that later shows a
 * different batch there has lost (or forked) committed data, however many failovers came between.
 */
export class CommittedOracle {
  private readonly entries = new Map<number, CommittedEntry>();
  /** The entries' base offsets, ascending. */
  private readonly bases: number[] = [];
  /** Per reporter epoch, the highest committed end offset first seen by a node in that epoch. */
  private readonly endByEpoch = new Map<number, number>();
  private endOffset = 0;

  /** `onLearned` hears of every batch the first time it is seen committed (a harness rebuilding the log). */
  constructor(private readonly onLearned: (batch: LogBatch) => void = () => undefined) {}

  get(baseOffset: number): CommittedEntry | undefined {
    return this.entries.get(baseOffset);
  }

  /** The committed batch holding `offset`, if known. */
  batchHolding(offset: number): CommittedEntry | undefined {
    let lo = 0;
    let hi = this.bases.length - 1;
    let found: number | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const base = this.bases[mid]!;
      if (base <= offset) {
        found = base;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const entry = found === undefined ? undefined : this.entries.get(found);
    return entry !== undefined && entry.lastOffset >= offset ? entry : undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The end of the highest committed batch known. */
  get end(): number {
    return this.endOffset;
  }

  /**
   * Compares a batch a node holds as committed against what is known, and learns it if new.
   * Returns a description of the conflict, or null.
   */
  observe(batch: LogBatch, by: NodeId, byEpoch: number): string | null {
    const known = this.entries.get(batch.baseOffset);
    if (known !== undefined) return conflictBetween(known, batch);
    let at = this.bases.length;
    while (at > 0 && this.bases[at - 1]! > batch.baseOffset) at--;
    this.bases.splice(at, 0, batch.baseOffset);
    this.entries.set(batch.baseOffset, {
      baseOffset: batch.baseOffset,
      lastOffset: batch.lastOffset,
      epoch: batch.epoch,
      fingerprint: fingerprint(batch.bytes),
      firstSeenBy: by,
      firstSeenEpoch: byEpoch,
    });
    const end = batch.lastOffset + 1;
    this.endByEpoch.set(byEpoch, Math.max(this.endByEpoch.get(byEpoch) ?? 0, end));
    this.endOffset = Math.max(this.endOffset, end);
    this.onLearned(batch);
    return null;
  }

  /**
   * The end of what was committed before `epoch` began (as far as the reports show): every leader of
   * `epoch` must hold all of it (Raft's leader completeness).
   */
  committedEndBefore(epoch: number): number {
    let end = 0;
    for (const [seenEpoch, seenEnd] of this.endByEpoch) if (seenEpoch < epoch && seenEnd > end) end = seenEnd;
    return end;
  }
}

/** Why `batch` is not the committed batch `known` at the same offset, or null if it is. */
export function conflictBetween(known: CommittedEntry, batch: LogBatch): string | null {
  if (known.lastOffset === batch.lastOffset && known.epoch === batch.epoch && known.fingerprint === fingerprint(batch.bytes)) {
    return null;
  }
  return (
    `offset ${batch.baseOffset}: holds [${batch.baseOffset}..${batch.lastOffset}] epoch ${batch.epoch} ` +
    `crc ${fingerprint(batch.bytes).toString(16)}, but node ${known.firstSeenBy} committed ` +
    `[${known.baseOffset}..${known.lastOffset}] epoch ${known.epoch} crc ${known.fingerprint.toString(16)}`
  );
}
