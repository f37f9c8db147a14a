/**
 * One record inside an uncompressed v2 batch (DefaultRecord.java):
 *
 *   length varint | attributes int8 | timestampDelta varlong | offsetDelta varint |
 *   keyLength varint | key | valueLength varint | value |
 *   headerCount varint | [keyLength varint | key utf8 | valueLength varint | value]*
 *
 * `length` counts the bytes after itself. A length of -1 means null for key,
 * value and header value; header keys cannot be null.
 */
import { ByteReader, utf8Decode, utf8Encode } from './bytes.js';
import { CorruptRecordError } from './errors.js';
import { sizeOfVarint, sizeOfVarlong, writeVarintAt, writeVarlongAt } from './varint.js';

export interface RecordHeader {
  key: string;
  value: Uint8Array | null;
}

/** A record to encode. */
export interface KafkaRecord {
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers?: RecordHeader[];
  /** Absolute epoch milliseconds; defaults to the batch baseTimestamp. */
  timestamp?: number;
}

export interface DecodedRecord {
  offset: number;
  timestamp: number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: RecordHeader[];
}

/** A record with everything needed to write it, sized once so the batch can be allocated exactly. */
export interface PreparedRecord {
  offsetDelta: number;
  timestampDelta: number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: { key: Uint8Array; value: Uint8Array | null }[];
  bodySize: number;
  /** bodySize plus its own length prefix. */
  totalSize: number;
}

export function prepareRecord(record: KafkaRecord, offsetDelta: number, timestampDelta: number): PreparedRecord {
  const headers = (record.headers ?? []).map((h) => ({ key: utf8Encode(h.key), value: h.value }));
  let bodySize = 1 + sizeOfVarlong(timestampDelta) + sizeOfVarint(offsetDelta);
  bodySize += sizeOfNullableBytes(record.key) + sizeOfNullableBytes(record.value);
  bodySize += sizeOfVarint(headers.length);
  for (const h of headers) bodySize += sizeOfVarint(h.key.length) + h.key.length + sizeOfNullableBytes(h.value);
  return {
    offsetDelta,
    timestampDelta,
    key: record.key,
    value: record.value,
    headers,
    bodySize,
    totalSize: sizeOfVarint(bodySize) + bodySize,
  };
}

/** Writes at `pos` into a buffer already sized for it; returns the position after the record. */
export function writeRecordAt(out: Uint8Array, pos: number, r: PreparedRecord): number {
  let p = writeVarintAt(out, pos, r.bodySize);
  out[p++] = 0; // record attributes: defined but unused by every Kafka version so far
  p = writeVarlongAt(out, p, r.timestampDelta);
  p = writeVarintAt(out, p, r.offsetDelta);
  p = writeNullableBytesAt(out, p, r.key);
  p = writeNullableBytesAt(out, p, r.value);
  p = writeVarintAt(out, p, r.headers.length);
  for (const h of r.headers) {
    p = writeVarintAt(out, p, h.key.length);
    out.set(h.key, p);
    p += h.key.length;
    p = writeNullableBytesAt(out, p, h.value);
  }
  return p;
}

/**
 * Reads one record. `logAppendTime` is the batch maxTimestamp for
 * LogAppendTime batches: Kafka reports it as every record's timestamp.
 */
export function readRecord(
  r: ByteReader,
  baseOffset: number,
  baseTimestamp: number,
  logAppendTime: number | null,
): DecodedRecord {
  const bodySize = r.varint();
  if (bodySize < 0) throw new CorruptRecordError(`record length ${bodySize} is negative`);
  if (bodySize > r.remaining) {
    throw new CorruptRecordError(`record length ${bodySize} exceeds the ${r.remaining} bytes left in the batch`);
  }
  const body = new ByteReader(r.bytes, r.pos, r.pos + bodySize, 'record');
  r.skip(bodySize);

  body.int8(); // attributes, unused
  const timestampDelta = body.varlongExact();
  const offsetDelta = body.varint();
  const offset = baseOffset + offsetDelta;
  if (!Number.isSafeInteger(offset)) throw new CorruptRecordError(`record offset ${baseOffset} + ${offsetDelta} is not a safe integer`);
  let timestamp: number;
  if (logAppendTime !== null) {
    timestamp = logAppendTime;
  } else {
    timestamp = typeof timestampDelta === 'number' ? baseTimestamp + timestampDelta : Number(BigInt(baseTimestamp) + timestampDelta);
    if (!Number.isSafeInteger(timestamp)) throw new CorruptRecordError('record timestamp is not a safe integer');
  }

  const key = readNullableBytes(body, 'key');
  const value = readNullableBytes(body, 'value');
  const headerCount = body.varint();
  // Each header takes at least two bytes, so a count above the bytes left is
  // garbage; rejecting it early avoids allocating for a hostile count.
  if (headerCount < 0 || headerCount > body.remaining) {
    throw new CorruptRecordError(`header count ${headerCount} is invalid for the ${body.remaining} bytes left in the record`);
  }
  const headers: RecordHeader[] = [];
  for (let i = 0; i < headerCount; i++) {
    const keyLength = body.varint();
    if (keyLength < 0) throw new CorruptRecordError(`header key length ${keyLength} is negative`);
    const headerKey = utf8Decode(body.copy(keyLength));
    headers.push({ key: headerKey, value: readNullableBytes(body, 'header value') });
  }
  if (body.remaining !== 0) {
    throw new CorruptRecordError(`record declares ${bodySize} bytes but its fields end ${body.remaining} byte(s) early`);
  }
  return { offset, timestamp, key, value, headers };
}

/**
 * Kafka itself maps every negative length to null; we accept only -1, the
 * value every writer uses, because anything else is a sign of corruption
 * that the CRC cannot catch in a producer-built batch.
 */
function readNullableBytes(r: ByteReader, what: string): Uint8Array | null {
  const length = r.varint();
  if (length === -1) return null;
  if (length < 0) throw new CorruptRecordError(`${what} length ${length} is invalid`);
  return r.copy(length);
}

function sizeOfNullableBytes(b: Uint8Array | null): number {
  return b === null ? 1 : sizeOfVarint(b.length) + b.length;
}

function writeNullableBytesAt(out: Uint8Array, pos: number, b: Uint8Array | null): number {
  if (b === null) return writeVarintAt(out, pos, -1);
  const p = writeVarintAt(out, pos, b.length);
  out.set(b, p);
  return p + b.length;
}
