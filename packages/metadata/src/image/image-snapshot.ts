import type { SnapshotReader, SnapshotWriter } from '@kz/raft';
import { KafkaErrorCode } from '@kz/runtime';
import { Writer } from 'protobufjs';
import { fromWireMessage, toWireMessage, type WireMessage } from '../records/record-codec';
import { metadataWire } from '../records/metadata-schema';
import { imageRecords } from './image-records';
import { MetadataDelta } from './metadata-delta';
import { MetadataImage } from './metadata-image';

/** Snapshot bytes that do not decode to an image: the snapshot is corrupt or truncated. */
export class InvalidMetadataSnapshotError extends Error {
  override readonly name = 'InvalidMetadataSnapshotError';
  readonly code = 'CORRUPT_MESSAGE';
  readonly kafkaErrorCode = KafkaErrorCode.CORRUPT_MESSAGE;
}

/**
 * An image as snapshot bytes: a length-delimited ImageHeader (offset, epoch, record count), then
 * the image's records (imageRecords), each length-delimited. The count catches a truncated file that
 * still ends on a record boundary.
 *
 * Both directions stream: the writer yields the bytes a piece at a time and the decoder takes them
 * in pieces cut anywhere, so a snapshot of a large image never sits whole in memory (only the
 * image itself does, which is the state).
 */

/** About how many bytes one piece of a written snapshot holds (a piece ends on a record boundary). */
const PIECE_BYTES = 64 * 1024;
/**
 * The largest record (or header) the decoder waits for. A metadata record is a few hundred bytes;
 * a damaged length prefix must fail here rather than make the decoder gather the rest of the file.
 */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** The snapshot of `image`, in pieces of about PIECE_BYTES; their concatenation is encodeImageSnapshot's bytes. */
export function* imageSnapshotPieces(image: MetadataImage): Generator<Uint8Array> {
  // The header counts the records: count them first (the image is immutable, so the second pass
  // yields the same ones) rather than hold them all.
  let recordCount = 0;
  for (const _record of imageRecords(image)) recordCount++;
  let writer = Writer.create();
  // Each message length-delimited (what encodeDelimited does; the generated code leaves it out).
  metadataWire.ImageHeader.encode({ offset: image.provenance.offset, epoch: image.provenance.epoch, recordCount }, writer.fork()).ldelim();
  for (const record of imageRecords(image)) {
    metadataWire.MetadataRecord.encode(toWireMessage(record), writer.fork()).ldelim();
    if (writer.len >= PIECE_BYTES) {
      yield writer.finish();
      writer = Writer.create();
    }
  }
  if (writer.len > 0) yield writer.finish();
}

export function encodeImageSnapshot(image: MetadataImage): Uint8Array {
  const pieces = [...imageSnapshotPieces(image)];
  return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
}

/** Streams the snapshot of `image` into a Raft snapshot writer, a piece at a time. */
export async function writeImageSnapshot(image: MetadataImage, writer: SnapshotWriter): Promise<void> {
  for (const piece of imageSnapshotPieces(image)) await writer.write(piece);
}

export function decodeImageSnapshot(bytes: Uint8Array): MetadataImage {
  const decoder = new ImageSnapshotDecoder();
  decoder.push(bytes);
  return decoder.finish();
}

/** Rebuilds the image from a Raft snapshot reader's chunks, as they come. */
export async function readImageSnapshot(reader: SnapshotReader): Promise<MetadataImage> {
  const decoder = new ImageSnapshotDecoder();
  for await (const chunk of reader) decoder.push(chunk);
  return decoder.finish();
}

/**
 * Decodes a snapshot given in pieces cut anywhere: each record is replayed as soon as it is whole,
 * and only the unfinished one is kept between pieces. Throws InvalidMetadataSnapshotError.
 */
export class ImageSnapshotDecoder {
  private header: { readonly offset: number; readonly epoch: number; readonly recordCount: number } | null = null;
  private readonly delta = new MetadataDelta(MetadataImage.EMPTY);
  private count = 0;
  /** The start of a message the last piece cut (a copy: the caller may reuse its piece). */
  private rest: Uint8Array = new Uint8Array(0);

  push(piece: Uint8Array): void {
    const bytes = this.rest.length === 0 ? piece : Buffer.concat([this.rest, piece]);
    let at = 0;
    for (;;) {
      const frame = delimitedAt(bytes, at);
      if (frame === null) break;
      this.take(bytes.subarray(frame.start, frame.end));
      at = frame.end;
    }
    this.rest = Uint8Array.from(bytes.subarray(at));
  }

  finish(): MetadataImage {
    if (this.header === null) throw new InvalidMetadataSnapshotError('metadata snapshot does not decode: it has no header');
    if (this.rest.length > 0) throw new InvalidMetadataSnapshotError(`metadata snapshot does not decode: it ends ${this.rest.length} bytes into a record`);
    const { offset, epoch, recordCount } = this.header;
    if (this.count !== recordCount) throw new InvalidMetadataSnapshotError(`snapshot holds ${this.count} records; its header promises ${recordCount}`);
    this.delta.advanceTo(offset, epoch);
    const { image } = this.delta.apply();
    return image.provenance.offset === offset ? image : new MetadataImage({ ...image, provenance: { offset, epoch } });
  }

  private take(message: Uint8Array): void {
    try {
      if (this.header === null) {
        const header = metadataWire.ImageHeader.decode(message) as unknown as WireMessage;
        this.header = { offset: toNumber(header['offset']), epoch: toNumber(header['epoch']), recordCount: toNumber(header['recordCount']) };
        return;
      }
      this.delta.replay(fromWireMessage(metadataWire.MetadataRecord.decode(message) as unknown as WireMessage), this.header.offset, this.header.epoch);
      this.count++;
    } catch (error) {
      if (error instanceof InvalidMetadataSnapshotError) throw error;
      throw new InvalidMetadataSnapshotError(`metadata snapshot does not decode: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * The length-delimited message at `at` (a varint uint32 length, then that many bytes), or null when
 * `bytes` ends before it does. Throws for a length no message has.
 */
function delimitedAt(bytes: Uint8Array, at: number): { start: number; end: number } | null {
  let length = 0;
  for (let i = 0; i < 5; i++) {
    if (at + i >= bytes.length) return null;
    const byte = bytes[at + i]!;
    length += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) {
      if (length > MAX_MESSAGE_BYTES) throw new InvalidMetadataSnapshotError(`metadata snapshot does not decode: a ${length}-byte record at byte ${at}`);
      const start = at + i + 1;
      return start + length <= bytes.length ? { start, end: start + length } : null;
    }
  }
  throw new InvalidMetadataSnapshotError(`metadata snapshot does not decode: a record length at byte ${at} runs past 5 bytes`);
}

function toNumber(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && 'toNumber' in value && typeof value.toNumber === 'function') return (value as { toNumber(): number }).toNumber();
  throw new InvalidMetadataSnapshotError('snapshot header field is not a number');
}
