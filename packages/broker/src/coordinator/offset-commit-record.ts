/**
 * One committed offset as a record of `__consumer_offsets`, in Kafka's own layout so the log reads
 * like Kafka's: key OffsetCommitKey v1 (group, topic, partition) and value OffsetCommitValue v3
 * (offset, leader epoch, metadata, commit timestamp), big-endian with int16-length strings. The
 * latest record for a key wins, which is what compaction would keep.
 */
import { CorruptRecordError } from '@kz/records';

export interface OffsetCommitKey {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
}

export interface OffsetCommitValue {
  readonly offset: number;
  readonly leaderEpoch: number;
  readonly metadata: string;
  readonly commitTimestamp: number;
}

const KEY_VERSION = 1;
const VALUE_VERSION = 3;

export function encodeOffsetCommitKey(key: OffsetCommitKey): Uint8Array {
  const group = Buffer.from(key.group, 'utf8');
  const topic = Buffer.from(key.topic, 'utf8');
  const out = Buffer.alloc(2 + 2 + group.length + 2 + topic.length + 4);
  let at = out.writeInt16BE(KEY_VERSION, 0);
  at = out.writeInt16BE(group.length, at);
  at += group.copy(out, at);
  at = out.writeInt16BE(topic.length, at);
  at += topic.copy(out, at);
  out.writeInt32BE(key.partition, at);
  return out;
}

export function encodeOffsetCommitValue(value: OffsetCommitValue): Uint8Array {
  const metadata = Buffer.from(value.metadata, 'utf8');
  const out = Buffer.alloc(2 + 8 + 4 + 2 + metadata.length + 8);
  let at = out.writeInt16BE(VALUE_VERSION, 0);
  at = out.writeBigInt64BE(BigInt(value.offset), at);
  at = out.writeInt32BE(value.leaderEpoch, at);
  at = out.writeInt16BE(metadata.length, at);
  at += metadata.copy(out, at);
  out.writeBigInt64BE(BigInt(value.commitTimestamp), at);
  return out;
}

/** Decodes a key; undefined for a key of another record kind (Kafka's group metadata keys are version 2). */
export function decodeOffsetCommitKey(bytes: Uint8Array): OffsetCommitKey | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new Reader(buf, 'offset commit key');
  const version = reader.int16();
  if (version !== 0 && version !== KEY_VERSION) return undefined;
  const key = { group: reader.string(), topic: reader.string(), partition: reader.int32() };
  reader.end();
  return key;
}

export function decodeOffsetCommitValue(bytes: Uint8Array): OffsetCommitValue {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new Reader(buf, 'offset commit value');
  const version = reader.int16();
  if (version !== VALUE_VERSION) throw new CorruptRecordError(`offset commit value version ${version} is not ${VALUE_VERSION}`);
  const value = { offset: reader.int64(), leaderEpoch: reader.int32(), metadata: reader.string(), commitTimestamp: reader.int64() };
  reader.end();
  return value;
}

class Reader {
  private at = 0;
  constructor(
    private readonly buf: Buffer,
    private readonly what: string,
  ) {}
  private need(n: number): void {
    if (this.at + n > this.buf.length) throw new CorruptRecordError(`${this.what} is truncated at byte ${this.at}`);
  }
  int16(): number {
    this.need(2);
    const v = this.buf.readInt16BE(this.at);
    this.at += 2;
    return v;
  }
  int32(): number {
    this.need(4);
    const v = this.buf.readInt32BE(this.at);
    this.at += 4;
    return v;
  }
  int64(): number {
    this.need(8);
    const v = Number(this.buf.readBigInt64BE(this.at));
    this.at += 8;
    return v;
  }
  string(): string {
    const length = this.int16();
    if (length < 0) throw new CorruptRecordError(`${this.what} has a negative string length`);
    this.need(length);
    const v = this.buf.toString('utf8', this.at, this.at + length);
    this.at += length;
    return v;
  }
  end(): void {
    if (this.at !== this.buf.length) throw new CorruptRecordError(`${this.what} has ${this.buf.length - this.at} trailing bytes`);
  }
}
