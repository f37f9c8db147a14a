/**
 * The records a producer has for one partition that travel together: one RecordBatch v2, encoded
 * once when it is sealed and sent as those same bytes on every retry. Each record's promise is
 * settled when the batch is: with its offset (the batch's base offset plus its index), or with
 * the batch's error.
 *
 * An idempotent producer's batch carries its producer id, epoch and base sequence, fixed when the
 * batch is first sent; only a producer that had to take a new id restamps them (KIP-360's reset).
 */
import { RECORD_BATCH_OVERHEAD, encodeRecordBatch, restampProducer, type KafkaRecord } from '@kz/records';

/** Where a record landed. Offset -1 with acks=0, when the broker says nothing of it. */
export interface RecordMetadata {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

/** An idempotent producer's fields of a batch, and the producer identity they belong to. */
export interface ProducerStamp {
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  /** The how-manieth batch of its partition under this identity: what the leader's five-batch window counts. */
  readonly batchIndex: number;
  /** Which of the producer's identities (it takes a new one after a sequence gap) stamped it. */
  readonly generation: number;
}

interface Waiter {
  resolve(ack: RecordMetadata): void;
  reject(error: Error): void;
}

/** Kafka's upper bound of a record's framing (DefaultRecord.MAX_RECORD_OVERHEAD). */
const MAX_RECORD_OVERHEAD = 21;

/** An upper bound of the bytes a record takes in a batch, as Kafka's accumulator estimates it. */
export function estimateRecordBytes(record: KafkaRecord): number {
  let size = MAX_RECORD_OVERHEAD + (record.key?.length ?? 0) + (record.value?.length ?? 0);
  if (record.headers !== undefined) {
    // A UTF-16 code unit is at most 3 UTF-8 bytes; 10 covers the two length varints.
    for (const h of record.headers) size += 10 + h.key.length * 3 + (h.value?.length ?? 0);
  }
  return size;
}

export class ProducerBatch {
  private readonly records: KafkaRecord[] = [];
  private readonly waiters: Waiter[] = [];
  private encoded: Uint8Array | undefined;
  private settledFlag = false;
  private readonly settledPromise: Promise<void>;
  private markSettled!: () => void;
  estimatedBytes = RECORD_BATCH_OVERHEAD;
  /** Attempts sent so far. */
  attempts = 0;
  /** When its first record was added. */
  readonly createdAt = Date.now();
  /** The last retriable failure, reported if the batch expires. */
  lastError: Error | undefined;
  /** Its idempotent producer fields, once sent by an idempotent producer. */
  stamp: ProducerStamp | undefined;

  constructor(
    readonly topic: string,
    readonly partition: number,
    /** When the batch's records must be acknowledged by (delivery.timeout.ms from its first record). */
    readonly deadline: number,
  ) {
    this.settledPromise = new Promise((resolve) => {
      this.markSettled = resolve;
    });
  }

  /** Records in the batch (counted apart from `records`, which seal() empties). */
  get count(): number {
    return this.recordCount;
  }

  private recordCount = 0;

  get sealed(): boolean {
    return this.encoded !== undefined;
  }

  get settled(): boolean {
    return this.settledFlag;
  }

  /** Resolves (never rejects) once every record of the batch is settled. */
  whenSettled(): Promise<void> {
    return this.settledPromise;
  }

  add(record: KafkaRecord, bytes: number, waiter: Waiter): void {
    if (this.encoded !== undefined) throw new Error('ProducerBatch: add() after seal()');
    this.records.push(record);
    this.recordCount += 1;
    this.waiters.push(waiter);
    this.estimatedBytes += bytes;
  }

  /** Encodes the batch (once), with the producer's fields if given; its bytes are what every attempt sends. */
  seal(stamp?: ProducerStamp): Uint8Array {
    if (this.encoded === undefined) {
      this.stamp = stamp;
      this.encoded =
        stamp === undefined
          ? encodeRecordBatch({ records: this.records })
          : encodeRecordBatch({ records: this.records, producerId: stamp.producerId, producerEpoch: stamp.producerEpoch, baseSequence: stamp.baseSequence });
      // The records now live in the encoded bytes; holding them too would double the memory.
      this.records.length = 0;
    }
    return this.encoded;
  }

  /** Gives an encoded batch new producer fields (a producer that took a new id renumbers what it has not had acknowledged). */
  restamp(stamp: ProducerStamp): void {
    if (this.encoded === undefined) throw new Error('ProducerBatch: restamp() before seal()');
    restampProducer(this.encoded, stamp.producerId, stamp.producerEpoch, stamp.baseSequence);
    this.stamp = stamp;
  }

  /** Settles every record with its offset: `baseOffset + index`, or -1 when the offset is unknown. */
  complete(baseOffset: number): void {
    if (this.settledFlag) return;
    const known = baseOffset >= 0;
    for (let i = 0; i < this.waiters.length; i++) {
      this.waiters[i]!.resolve({ topic: this.topic, partition: this.partition, offset: known ? baseOffset + i : -1 });
    }
    this.finish();
  }

  fail(error: Error): void {
    if (this.settledFlag) return;
    for (const waiter of this.waiters) waiter.reject(error);
    this.finish();
  }

  private finish(): void {
    this.settledFlag = true;
    this.waiters.length = 0;
    this.encoded = undefined;
    this.markSettled();
  }
}
