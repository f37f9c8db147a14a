import type { LogBatch, Snapshot } from '@kz/raft';
import type { SimMachine } from '@kz/raft/testing';
import { decodeRecordBatch } from '@kz/records';
import type { MetadataImage } from '../image/metadata-image';
import { MetadataLoader } from '../loader/metadata-loader';
import { canonicalImage } from './canonical-image';

/**
 * A MetadataLoader as a simulated node's state machine, driven the way RaftNode drives it: control
 * batches are skipped (but moved past), data batches are decoded and applied, snapshots are the
 * loader's image bytes under the id (next offset, epoch of the last batch). `onImage` hears of every
 * new image — after a batch or a snapshot load — which is how a controller or a broker follows it.
 *
 * Its digest is the image's canonical CRC (canonical-image.ts), so raft's stateMachinesAgree compares
 * whole images between replicas at the same offset.
 */
export class MetadataSimMachine implements SimMachine {
  readonly loader = new MetadataLoader();
  private next = 0;
  private lastEpoch = 0;
  private sinceSnapshot = 0;

  constructor(private readonly onImage: (image: MetadataImage) => void = () => {}) {}

  get image(): MetadataImage {
    return this.loader.image;
  }

  get nextOffset(): number {
    return this.next;
  }

  get digest(): number {
    return canonicalImage(this.loader.image).crc;
  }

  get appliedIds(): readonly number[] {
    return [];
  }

  get appliedSinceSnapshot(): number {
    return this.sinceSnapshot;
  }

  apply(batch: LogBatch): string | null {
    if (batch.baseOffset !== this.next) return `metadata loader: committed batch at ${batch.baseOffset} handed over while expecting ${this.next}`;
    let isControl: boolean;
    try {
      const decoded = decodeRecordBatch(batch.bytes);
      isControl = decoded.header.isControl;
      if (!isControl) {
        this.loader.apply({ baseOffset: batch.baseOffset, lastOffset: batch.lastOffset, epoch: batch.epoch, records: decoded.records, bytes: batch.bytes });
      }
    } catch (error) {
      return `metadata loader: batch [${batch.baseOffset}..${batch.lastOffset}] does not apply: ${describeError(error)}`;
    } finally {
      this.next = batch.lastOffset + 1;
      this.lastEpoch = batch.epoch;
    }
    if (!isControl) {
      this.sinceSnapshot++;
      this.onImage(this.loader.image);
    }
    return null;
  }

  snapshot(): Snapshot {
    this.sinceSnapshot = 0;
    return { id: { offset: this.next, epoch: this.lastEpoch }, bytes: this.loader.snapshot() };
  }

  restore(snapshot: Snapshot): string | null {
    this.sinceSnapshot = 0;
    this.next = snapshot.id.offset;
    this.lastEpoch = snapshot.id.epoch;
    try {
      this.loader.restore(snapshot.bytes);
    } catch (error) {
      return `metadata loader: snapshot ${snapshot.id.offset}-${snapshot.id.epoch} does not load: ${describeError(error)}`;
    }
    this.onImage(this.loader.image);
    return null;
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
