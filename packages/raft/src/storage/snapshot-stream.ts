/**
 * Snapshots as streams: the writer a state machine streams its state into (framed as checkpoint
 * data batches, checkpoint-format.ts) and the reader that gives the state back chunk by chunk. At
 * most one batch (CHECKPOINT_BATCH_BYTES) of the state is in memory at a time either way.
 */
import { decodeRecordBatch, RECORD_BATCH_OVERHEAD } from '@kz/records';
import {
  CHECKPOINT_BATCH_BYTES,
  CheckpointFormatError,
  CheckpointScanner,
  checkpointDataBatch,
  checkpointFooter,
  checkpointHead,
  type CheckpointSummary,
} from '../core/checkpoint-format';
import type { Snapshot } from '../core/log-batch';
import type { OffsetAndEpoch } from '../core/messages';
import type { VoterSet } from '../core/voter-set';
import type { SnapshotFileSink, SnapshotFileSource, SnapshotFiles } from './snapshot-files';
import { CorruptStorageError } from './storage-errors';

/** Where a state machine writes its snapshot: the state as a sequence of byte chunks of any size. */
export interface SnapshotWriter {
  /** Where the snapshot ends: the state written is the state after every offset below `id.offset`. */
  readonly id: OffsetAndEpoch;
  /** Appends state bytes. Wait for it before the next write: that is the backpressure. The chunk may be reused once it resolves. */
  write(chunk: Uint8Array): Promise<void>;
}

/** A stored snapshot's state, as written: chunks in order (not necessarily the writer's chunk boundaries). */
export type SnapshotReader = AsyncIterable<Uint8Array>;

/** A SnapshotWriter into a checkpoint file of the storage: commit makes it a complete, durable snapshot. */
export interface SnapshotFileWriter extends SnapshotWriter {
  /** Writes the footer, syncs and renames the file; the Snapshot to hand to the core. */
  commit(): Promise<Snapshot>;
  /** Drops what was written. */
  abort(): Promise<void>;
}

/** The largest batch a reader loads (ours are CHECKPOINT_BATCH_BYTES; a damaged length must not make it allocate gigabytes). */
const MAX_READ_BATCH_BYTES = 64 * 1024 * 1024;
/** How much a verification reads at a time. */
const VERIFY_READ_BYTES = 1024 * 1024;

export class CheckpointWriter implements SnapshotFileWriter {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private nextOffset: number;

  private constructor(
    readonly id: OffsetAndEpoch,
    private readonly voters: VoterSet | undefined,
    private readonly sink: SnapshotFileSink,
    headBatches: number,
  ) {
    this.nextOffset = headBatches;
  }

  /** Starts a checkpoint for `id`: the header, and the voter set when there is one (KIP-853). */
  static async start(files: SnapshotFiles, id: OffsetAndEpoch, voters: VoterSet | undefined): Promise<CheckpointWriter> {
    const sink = await files.create(id);
    const head = checkpointHead(id, voters);
    for (const batch of head) await sink.append(batch);
    return new CheckpointWriter(id, voters, sink, head.length);
  }

  async write(chunk: Uint8Array): Promise<void> {
    let at = 0;
    while (at < chunk.length) {
      const take = Math.min(CHECKPOINT_BATCH_BYTES - this.pendingBytes, chunk.length - at);
      // A copy (a Buffer's slice() would be a view): the machine may reuse its chunk once write resolves.
      this.pending.push(new Uint8Array(chunk.subarray(at, at + take)));
      this.pendingBytes += take;
      at += take;
      if (this.pendingBytes === CHECKPOINT_BATCH_BYTES) await this.flush();
    }
  }

  async commit(): Promise<Snapshot> {
    await this.flush();
    await this.sink.append(checkpointFooter(this.nextOffset, this.id.epoch));
    await this.sink.commit();
    const snapshot = { id: this.id, size: this.sink.size };
    return this.voters === undefined ? snapshot : { ...snapshot, voters: this.voters };
  }

  abort(): Promise<void> {
    this.pending = [];
    return this.sink.abort();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const value = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    await this.sink.append(checkpointDataBatch(value, this.nextOffset++, this.id.epoch));
  }
}

/** The state of checkpoint `id` as a SnapshotReader; the file is opened when iteration starts. */
export function checkpointReader(files: SnapshotFiles, id: OffsetAndEpoch): SnapshotReader {
  return {
    async *[Symbol.asyncIterator]() {
      yield* readCheckpoint(await files.open(id));
    },
  };
}

/** `length` raw bytes of checkpoint `id` at `position` (a FetchSnapshot chunk); SnapshotNotFoundError if it is gone. */
export async function readCheckpointBytes(files: SnapshotFiles, id: OffsetAndEpoch, position: number, length: number): Promise<Uint8Array> {
  const source = await files.open(id);
  try {
    return await source.read(position, length);
  } finally {
    await source.close();
  }
}

/**
 * The state a checkpoint holds, batch by batch, each checked (CRC, header first, footer last) as
 * it is read. Throws CorruptStorageError for a damaged or incomplete file. Closes the source.
 */
export async function* readCheckpoint(source: SnapshotFileSource): AsyncGenerator<Uint8Array, void, undefined> {
  const scanner = new CheckpointScanner();
  try {
    let position = 0;
    while (position < source.size) {
      const head = await source.read(position, RECORD_BATCH_OVERHEAD);
      if (head.length < RECORD_BATCH_OVERHEAD) throw corrupt(`the file ends inside a batch header at byte ${position}`);
      const size = new DataView(head.buffer, head.byteOffset, head.byteLength).getInt32(8) + 12;
      if (size < RECORD_BATCH_OVERHEAD || size > MAX_READ_BATCH_BYTES) throw corrupt(`a batch at byte ${position} claims ${size} bytes`);
      const batch = size === RECORD_BATCH_OVERHEAD ? head : await source.read(position, size);
      if (batch.length < size) throw corrupt(`the file ends inside the batch at byte ${position}`);
      try {
        scanner.push(batch);
      } catch (error) {
        throw corrupt((error as Error).message, error);
      }
      position += size;
      const isControl = (new DataView(batch.buffer, batch.byteOffset, batch.byteLength).getInt16(21) & 0x20) !== 0;
      if (!isControl) for (const record of decodeRecordBatch(batch).records) if (record.value !== null && record.value.length > 0) yield record.value;
    }
    try {
      scanner.finish();
    } catch (error) {
      throw corrupt((error as Error).message, error);
    }
  } finally {
    await source.close();
  }
}

/** Reads a whole checkpoint through the scanner: what it carries, or CorruptStorageError. Closes the source. */
export async function verifyCheckpoint(source: SnapshotFileSource): Promise<CheckpointSummary> {
  const scanner = new CheckpointScanner();
  try {
    for (let position = 0; position < source.size; position += VERIFY_READ_BYTES) {
      const chunk = await source.read(position, VERIFY_READ_BYTES);
      if (chunk.length === 0) break;
      scanner.push(chunk);
    }
    return scanner.finish();
  } catch (error) {
    if (error instanceof CheckpointFormatError) throw corrupt(error.message, error);
    throw error;
  } finally {
    await source.close();
  }
}

function corrupt(detail: string, cause?: unknown): CorruptStorageError {
  return new CorruptStorageError('snapshot', detail, cause === undefined ? undefined : { cause });
}
