/**
 * Idempotent producers as a partition's log knows them (Kafka's ProducerStateManager, without
 * transactions): for each producer id its epoch and its last five batches — sequence range and
 * offsets — which is exactly what a producer with up to five batches in flight may retry.
 *
 * The leader checks a batch before appending it (`checkBatch`): a retried batch already in the log
 * is a duplicate, answered with its original offsets and not written again; a gap in the sequence
 * is OUT_OF_ORDER_SEQUENCE_NUMBER; an older epoch is INVALID_PRODUCER_EPOCH (a fenced zombie).
 * Every replica, leader or follower, then `record`s each batch it appends, so whichever replica
 * becomes leader already knows every producer; state is rebuilt from the log (from a snapshot
 * onwards) whenever the log is opened or truncated.
 */
import { crc32c, type RecordBatchHeader } from '@kz/records';
import { InvalidProducerEpochError, OutOfOrderSequenceError } from './log-errors';

/** Kafka's ProducerStateEntry.NUM_BATCHES_TO_RETAIN: the producer's max.in.flight.requests.per.connection ceiling. */
export const BATCHES_RETAINED = 5;
/** RecordBatch.NO_SEQUENCE. */
const NO_SEQUENCE = -1;
const MAX_SEQUENCE = 0x7fffffff;

export interface ProducerBatch {
  readonly firstSequence: number;
  readonly lastSequence: number;
  readonly firstOffset: number;
  readonly lastOffset: number;
  readonly timestamp: number;
}

export interface ProducerEntry {
  readonly producerId: number;
  readonly epoch: number;
  /** Oldest first, at most BATCHES_RETAINED. */
  readonly batches: readonly ProducerBatch[];
  /** The newest batch's max timestamp: what producer id expiry measures from. */
  readonly lastTimestamp: number;
}

export type SequenceCheck = { readonly duplicate: false } | { readonly duplicate: true; readonly firstOffset: number; readonly lastOffset: number };

const APPEND: SequenceCheck = { duplicate: false };

/** Whether a batch header is an idempotent producer's (a producer id; control batches excluded). */
export function isIdempotent(header: RecordBatchHeader): boolean {
  return header.producerId >= 0 && !header.isControl;
}

/** The batch's last sequence: sequences wrap from 2^31-1 to 0 (DefaultRecordBatch.incrementSequence). */
export function lastSequenceOf(header: RecordBatchHeader): number {
  const last = header.baseSequence + header.lastOffsetDelta;
  return last > MAX_SEQUENCE ? last - MAX_SEQUENCE - 1 : last;
}

function follows(lastSequence: number, nextSequence: number): boolean {
  return nextSequence === lastSequence + 1 || (nextSequence === 0 && lastSequence === MAX_SEQUENCE);
}

export class ProducerStateTable {
  private readonly producers = new Map<number, ProducerEntry>();

  get size(): number {
    return this.producers.size;
  }

  get(producerId: number): ProducerEntry | undefined {
    return this.producers.get(producerId);
  }

  entries(): IterableIterator<ProducerEntry> {
    return this.producers.values();
  }

  /**
   * A leader's check of an idempotent batch against what the log holds (ProducerAppendInfo's
   * checkProducerEpoch and checkSequence). A producer the log does not know may start at any
   * sequence: its state may have expired, or been removed with old segments, while it was idle.
   */
  checkBatch(header: RecordBatchHeader): SequenceCheck {
    const entry = this.producers.get(header.producerId);
    if (entry === undefined) return APPEND;
    if (header.producerEpoch < entry.epoch) throw new InvalidProducerEpochError(header.producerId, header.producerEpoch, entry.epoch);
    const firstSequence = header.baseSequence;
    if (header.producerEpoch > entry.epoch) {
      if (firstSequence !== 0) throw new OutOfOrderSequenceError(header.producerId, NO_SEQUENCE, firstSequence);
      return APPEND;
    }
    const lastSequence = lastSequenceOf(header);
    const original = entry.batches.find((b) => b.firstSequence === firstSequence && b.lastSequence === lastSequence);
    if (original !== undefined) return { duplicate: true, firstOffset: original.firstOffset, lastOffset: original.lastOffset };
    const latest = entry.batches[entry.batches.length - 1]?.lastSequence ?? NO_SEQUENCE;
    if (latest === NO_SEQUENCE ? firstSequence !== 0 : !follows(latest, firstSequence)) throw new OutOfOrderSequenceError(header.producerId, latest, firstSequence);
    return APPEND;
  }

  /** Records an appended idempotent batch at its offsets (leader and follower alike). */
  record(header: RecordBatchHeader, firstOffset: number, lastOffset: number): void {
    const current = this.producers.get(header.producerId);
    // A new epoch starts the producer's history afresh.
    const kept = current !== undefined && current.epoch === header.producerEpoch ? current.batches.slice(-(BATCHES_RETAINED - 1)) : [];
    this.producers.set(header.producerId, {
      producerId: header.producerId,
      epoch: header.producerEpoch,
      batches: [...kept, { firstSequence: header.baseSequence, lastSequence: lastSequenceOf(header), firstOffset, lastOffset, timestamp: header.maxTimestamp }],
      lastTimestamp: header.maxTimestamp,
    });
  }

  /** producer.id.expiration.ms: producers not heard from for that long are forgotten. */
  removeExpired(now: number, expirationMs: number): number {
    let removed = 0;
    for (const [id, entry] of this.producers) {
      if (now - entry.lastTimestamp > expirationMs) {
        this.producers.delete(id);
        removed++;
      }
    }
    return removed;
  }

  /**
   * The log now starts at `offset` (DeleteRecords): each producer keeps only its batches that end
   * at or after it, and a producer left with none is forgotten — what replaying the log from its
   * new start would build, without reading the log.
   */
  retainFrom(offset: number): void {
    for (const [id, entry] of this.producers) {
      const batches = entry.batches.filter((b) => b.lastOffset >= offset);
      if (batches.length === 0) this.producers.delete(id);
      else if (batches.length !== entry.batches.length) this.producers.set(id, { ...entry, batches });
    }
  }

  clear(): void {
    this.producers.clear();
  }

  // ---------------------------------------------------------------- snapshots

  /**
   * The table as bytes, for a snapshot file: version int16, CRC-32C of what follows uint32, count
   * int32, then per producer id int64, epoch int16, lastTimestamp int64, batch count int8, and per
   * batch firstSequence int32, lastSequence int32, firstOffset int64, lastOffset int64, timestamp int64.
   */
  encode(): Uint8Array {
    const entries = [...this.producers.values()];
    const size = 10 + entries.reduce((n, e) => n + 19 + e.batches.length * 32, 0);
    const buf = Buffer.alloc(size);
    buf.writeInt16BE(SNAPSHOT_VERSION, 0);
    let at = 6;
    buf.writeInt32BE(entries.length, at);
    at += 4;
    for (const e of entries) {
      buf.writeBigInt64BE(BigInt(e.producerId), at);
      buf.writeInt16BE(e.epoch, at + 8);
      buf.writeBigInt64BE(BigInt(e.lastTimestamp), at + 10);
      buf.writeInt8(e.batches.length, at + 18);
      at += 19;
      for (const b of e.batches) {
        buf.writeInt32BE(b.firstSequence, at);
        buf.writeInt32BE(b.lastSequence, at + 4);
        buf.writeBigInt64BE(BigInt(b.firstOffset), at + 8);
        buf.writeBigInt64BE(BigInt(b.lastOffset), at + 16);
        buf.writeBigInt64BE(BigInt(b.timestamp), at + 24);
        at += 32;
      }
    }
    buf.writeUInt32BE(crc32c(buf.subarray(6)), 2);
    return buf;
  }

  /** The table a snapshot holds; CorruptProducerSnapshotError for anything but exactly what encode() writes. */
  static decode(bytes: Uint8Array): ProducerStateTable {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.length < 10) throw new CorruptProducerSnapshotError(`${buf.length} bytes is shorter than a snapshot header`);
    const version = buf.readInt16BE(0);
    if (version !== SNAPSHOT_VERSION) throw new CorruptProducerSnapshotError(`unknown snapshot version ${version}`);
    if (buf.readUInt32BE(2) !== crc32c(buf.subarray(6))) throw new CorruptProducerSnapshotError('CRC mismatch');
    const table = new ProducerStateTable();
    const count = buf.readInt32BE(6);
    let at = 10;
    const need = (n: number): void => {
      if (at + n > buf.length) throw new CorruptProducerSnapshotError('truncated entry');
    };
    for (let i = 0; i < count; i++) {
      need(19);
      const producerId = Number(buf.readBigInt64BE(at));
      const epoch = buf.readInt16BE(at + 8);
      const lastTimestamp = Number(buf.readBigInt64BE(at + 10));
      const n = buf.readInt8(at + 18);
      at += 19;
      if (n < 0 || n > BATCHES_RETAINED) throw new CorruptProducerSnapshotError(`producer ${producerId} has ${n} batches`);
      const batches: ProducerBatch[] = [];
      for (let j = 0; j < n; j++) {
        need(32);
        batches.push({
          firstSequence: buf.readInt32BE(at),
          lastSequence: buf.readInt32BE(at + 4),
          firstOffset: Number(buf.readBigInt64BE(at + 8)),
          lastOffset: Number(buf.readBigInt64BE(at + 16)),
          timestamp: Number(buf.readBigInt64BE(at + 24)),
        });
        at += 32;
      }
      table.producers.set(producerId, { producerId, epoch, batches, lastTimestamp });
    }
    if (at !== buf.length) throw new CorruptProducerSnapshotError(`${buf.length - at} trailing bytes`);
    return table;
  }
}

const SNAPSHOT_VERSION = 1;

/** A producer snapshot file that does not decode: it is discarded and the state rebuilt from the log. */
export class CorruptProducerSnapshotError extends Error {
  override readonly name = 'CorruptProducerSnapshotError';
}
