/**
 * The checks a stored log passes on its way back into memory, one stored value at a time in key
 * order, and inside a value one batch at a time (a value holds the contiguous batches of one persist,
 * log-values.ts). A batch is kept only if it sits where the value says (the first at the key's
 * offset, each next one right after the one before), its CRC holds, it starts where the log so far
 * ended (the first where the snapshot ends, or at 0) and its epoch does not go back. The first one
 * that fails marks the end of what can be trusted: the caller drops it and everything after it,
 * which Raft tolerates because those batches were never more than this node's copy — the leader
 * resends whatever the quorum still needs.
 *
 * A value is read only below the next key (`bound`): a later key cuts the value before it there,
 * which is how a truncation inside a value is stored without rewriting it. An empty value is such a
 * cut and nothing more.
 *
 * Batches that end below the snapshot are leftovers, not damage: they are skipped without a report.
 * Their headers are still read, since a value's live batches may follow its leftovers.
 */
import { readBatchHeader, RecordsError, verifyBatchCrc, type RecordBatchHeader } from '@kz/records';
import type { LogBatch } from '../core/log-batch';
import type { OffsetAndEpoch } from '../core/messages';
import { decodeOffsetKey, describeKey } from './offset-key';

export interface ScanCorruption {
  /** Where the first batch that failed its checks starts (or would). */
  readonly offset: number;
  readonly reason: string;
}

export type ValueVerdict =
  /** An empty value at `offset`: it cuts the value before it. */
  | { readonly kind: 'cut'; readonly offset: number }
  | {
      readonly kind: 'batches';
      /** The key's offset; null for a key this storage does not write (then `corrupt` says so). */
      readonly key: number | null;
      /** The batches of the log the value holds, checked, in order; leftovers below the snapshot are not among them. */
      readonly batches: LogBatch[];
      /** Whether the value holds bytes past its last kept batch: cut off by the next key, or damaged. */
      readonly beyond: boolean;
      /** The first batch that failed its checks; null when the value holds nothing untrusted. */
      readonly corrupt: ScanCorruption | null;
    };

export class LogRecoveryScan {
  private readonly startOffset: number;
  private expectedOffset: number;
  private lastEpoch: number;

  constructor(snapshotId: OffsetAndEpoch | null) {
    this.startOffset = snapshotId?.offset ?? 0;
    this.expectedOffset = this.startOffset;
    this.lastEpoch = snapshotId?.epoch ?? 0;
  }

  /** Checks the value at `key`, read below `bound` (the next key's offset; Infinity for the last key). */
  checkValue(key: Uint8Array, bytes: Uint8Array, bound: number): ValueVerdict {
    const offset = decodeOffsetKey(key);
    if (offset === null) {
      const corrupt = { offset: this.expectedOffset, reason: `malformed log key 0x${describeKey(key)}` };
      return { kind: 'batches', key: null, batches: [], beyond: bytes.length > 0, corrupt };
    }
    if (bytes.length === 0) return { kind: 'cut', offset };
    const batches: LogBatch[] = [];
    const result = (beyond: boolean, corrupt: ScanCorruption | null): ValueVerdict => ({ kind: 'batches', key: offset, batches, beyond, corrupt });
    let position = 0;
    let next = offset;
    while (position < bytes.length) {
      if (next >= bound) return result(true, null);
      const corrupt = (reason: string): ValueVerdict => result(true, { offset: next, reason });
      // Leftovers below the snapshot are not checked as the log is, but a value that may still hold
      // live batches past them cannot be read on once one is unreadable.
      const leftover = next < this.startOffset;
      const mayHoldLive = bound > this.startOffset;
      let header: RecordBatchHeader;
      try {
        header = readBatchHeader(bytes, position);
      } catch (err) {
        if (!(err instanceof RecordsError)) throw err;
        if (leftover && !mayHoldLive) return result(true, null);
        return corrupt(`unreadable batch header: ${err.message}`);
      }
      if (header.baseOffset !== next) {
        if (leftover && !mayHoldLive) return result(true, null);
        return corrupt(
          position === 0
            ? `key names offset ${offset}, the batch header says ${header.baseOffset}`
            : `the value's batch after ${next - 1} says it starts at ${header.baseOffset}`,
        );
      }
      if (header.lastOffset < this.startOffset) {
        position += header.sizeInBytes;
        next = header.lastOffset + 1;
        continue;
      }
      if (leftover) return corrupt(`batch ${next}..${header.lastOffset} straddles the snapshot end ${this.startOffset}`);
      if (header.lastOffset >= bound) return corrupt(`batch ${next}..${header.lastOffset} runs past the next key ${bound}`);
      if (next !== this.expectedOffset) return corrupt(`not contiguous: expected a batch at ${this.expectedOffset}`);
      if (header.partitionLeaderEpoch < this.lastEpoch) return corrupt(`epoch ${header.partitionLeaderEpoch} goes back from ${this.lastEpoch}`);
      const crcFailure = this.crcFailure(bytes, position);
      if (crcFailure !== null) return corrupt(crcFailure);
      const end = position + header.sizeInBytes;
      batches.push({ baseOffset: next, lastOffset: header.lastOffset, epoch: header.partitionLeaderEpoch, bytes: bytes.subarray(position, end) });
      this.expectedOffset = header.lastOffset + 1;
      this.lastEpoch = header.partitionLeaderEpoch;
      position = end;
      next = header.lastOffset + 1;
    }
    return result(false, null);
  }

  /** Why the batch at `position` fails its CRC-32C, or null if it holds. */
  private crcFailure(bytes: Uint8Array, position: number): string | null {
    try {
      verifyBatchCrc(bytes, position);
      return null;
    } catch (err) {
      if (err instanceof RecordsError) return err.message;
      throw err;
    }
  }
}
