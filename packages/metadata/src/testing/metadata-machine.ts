import type { CommittedBatch, LogBatch, OffsetAndEpoch, SnapshotReader } from '@kz/raft';
import type { SimMachine } from '@kz/raft/testing';
import { decodeRecordBatch } from '@kz/records';
import { MetadataLoader } from '../loader/metadata-loader';
import { canonicalImage } from './canonical-image';

/**
 * A simulated metadata node's state machine: the MetadataLoader that ships — what a MetadataNode
 * hands its RaftNode — with the digest the Raft invariants compare between replicas. Its digest is
 * the image's canonical CRC (canonical-image.ts), so raft's stateMachinesAgree compares whole images
 * between replicas at the same offset. A controller or a broker follows it as MetadataNode does: by
 * subscribing to its images and its leadership changes.
 *
 * A harness without Raft (the broker simulation) feeds it committed log batches itself, through
 * `applyLogBatch`, which does with one what RaftNode does.
 */
export class MetadataSimMachine extends MetadataLoader implements SimMachine {
  private next = 0;

  get digest(): number {
    return canonicalImage(this.image).crc;
  }

  get appliedIds(): readonly number[] {
    return [];
  }

  /** The offset after the last batch applied (control batches fed through applyLogBatch included). */
  get nextOffset(): number {
    return this.next;
  }

  override apply(batch: CommittedBatch): void {
    super.apply(batch);
    this.next = batch.lastOffset + 1;
  }

  override async restoreSnapshot(reader: SnapshotReader, id: OffsetAndEpoch): Promise<void> {
    await super.restoreSnapshot(reader, id);
    this.next = id.offset;
  }

  /**
   * Takes the next committed log batch as RaftNode would: a control batch is moved past, a data
   * batch decoded and applied. Returns why it cannot be applied (out of order, does not replay), or null.
   */
  applyLogBatch(batch: LogBatch): string | null {
    if (batch.baseOffset !== this.next) return `metadata loader: committed batch at ${batch.baseOffset} handed over while expecting ${this.next}`;
    try {
      const decoded = decodeRecordBatch(batch.bytes);
      if (decoded.header.isControl) this.next = batch.lastOffset + 1;
      else this.apply({ ...batch, records: decoded.records });
      return null;
    } catch (error) {
      this.next = batch.lastOffset + 1;
      return `metadata loader: batch [${batch.baseOffset}..${batch.lastOffset}] does not apply: ${describeError(error)}`;
    }
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
