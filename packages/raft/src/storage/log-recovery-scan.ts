/**
 * The checks a stored log passes on its way back into memory, one batch at a time in key order.
 * A batch is kept only if its key names its header's base offset, its CRC holds, it starts where
 * the previous one ended (the first where the snapshot ends, or at 0) and its epoch does not go
 * back. The first one that fails marks the end of what can be trusted: the caller drops it and
 * everything after it, which Raft tolerates because those batches were never more than this
 * node's copy — the leader resends whatever the quorum still needs.
 *
 * Batches that end below the snapshot are leftovers, not damage: they are dropped without a report.
 */
import { readBatchHeader, RecordsError, verifyBatchCrc } from '@kz/records';
import type { LogBatch } from '../core/log-batch';
import type { OffsetAndEpoch } from '../core/messages';
import { decodeOffsetKey, describeKey } from './offset-key';

export type ScanVerdict =
  | { readonly kind: 'keep'; readonly batch: LogBatch }
  | { readonly kind: 'stale' }
  | { readonly kind: 'corrupt'; readonly offset: number; readonly reason: string };

export class LogRecoveryScan {
  private readonly startOffset: number;
  private expectedOffset: number;
  private lastEpoch: number;

  constructor(snapshotId: OffsetAndEpoch | null) {
    this.startOffset = snapshotId?.offset ?? 0;
    this.expectedOffset = this.startOffset;
    this.lastEpoch = snapshotId?.epoch ?? 0;
  }

  check(key: Uint8Array, bytes: Uint8Array): ScanVerdict {
    const offset = decodeOffsetKey(key);
    if (offset === null) {
      return { kind: 'corrupt', offset: this.expectedOffset, reason: `malformed log key 0x${describeKey(key)}` };
    }
    const corrupt = (reason: string): ScanVerdict => ({ kind: 'corrupt', offset, reason });

    let header;
    try {
      header = readBatchHeader(bytes);
    } catch (err) {
      if (offset < this.startOffset) return { kind: 'stale' };
      if (err instanceof RecordsError) return corrupt(`unreadable batch header: ${err.message}`);
      throw err;
    }
    if (offset < this.startOffset) {
      return header.lastOffset < this.startOffset
        ? { kind: 'stale' }
        : corrupt(`batch ${offset}..${header.lastOffset} straddles the snapshot end ${this.startOffset}`);
    }
    if (header.sizeInBytes !== bytes.length) {
      return corrupt(`stored value has ${bytes.length} bytes, its header says ${header.sizeInBytes}`);
    }
    if (header.baseOffset !== offset) return corrupt(`key names offset ${offset}, the batch header says ${header.baseOffset}`);
    if (offset !== this.expectedOffset) {
      return corrupt(`not contiguous: expected a batch at ${this.expectedOffset}`);
    }
    if (header.partitionLeaderEpoch < this.lastEpoch) {
      return corrupt(`epoch ${header.partitionLeaderEpoch} goes back from ${this.lastEpoch}`);
    }
    try {
      verifyBatchCrc(bytes);
    } catch (err) {
      if (err instanceof RecordsError) return corrupt(err.message);
      throw err;
    }
    this.expectedOffset = header.lastOffset + 1;
    this.lastEpoch = header.partitionLeaderEpoch;
    return { kind: 'keep', batch: { baseOffset: offset, lastOffset: header.lastOffset, epoch: header.partitionLeaderEpoch, bytes } };
  }
}
