import { KafkaErrorCode } from '@kz/runtime';
import { Reader, Writer } from 'protobufjs';
import { fromWireMessage, toWireMessage, type WireMessage } from '../records/record-codec';
import { metadataSchema } from '../records/metadata-schema';
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
 */
export function encodeImageSnapshot(image: MetadataImage): Uint8Array {
  const schema = metadataSchema();
  const records = [...imageRecords(image)];
  const writer = Writer.create();
  schema.ImageHeader.encodeDelimited({ offset: image.provenance.offset, epoch: image.provenance.epoch, recordCount: records.length }, writer);
  for (const record of records) schema.MetadataRecord.encodeDelimited(toWireMessage(record), writer);
  return writer.finish();
}

export function decodeImageSnapshot(bytes: Uint8Array): MetadataImage {
  const schema = metadataSchema();
  const reader = Reader.create(bytes);
  try {
    const header = schema.ImageHeader.decodeDelimited(reader) as unknown as WireMessage;
    const offset = toNumber(header['offset']);
    const epoch = toNumber(header['epoch']);
    const expected = toNumber(header['recordCount']);
    const delta = new MetadataDelta(MetadataImage.EMPTY);
    let count = 0;
    while (reader.pos < reader.len) {
      const message = schema.MetadataRecord.decodeDelimited(reader) as unknown as WireMessage;
      delta.replay(fromWireMessage(message), offset, epoch);
      count++;
    }
    if (count !== expected) throw new InvalidMetadataSnapshotError(`snapshot holds ${count} records; its header promises ${expected}`);
    delta.advanceTo(offset, epoch);
    const { image } = delta.apply();
    return image.provenance.offset === offset ? image : new MetadataImage({ ...image, provenance: { offset, epoch } });
  } catch (error) {
    if (error instanceof InvalidMetadataSnapshotError) throw error;
    throw new InvalidMetadataSnapshotError(`metadata snapshot does not decode: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function toNumber(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && 'toNumber' in value && typeof value.toNumber === 'function') return (value as { toNumber(): number }).toNumber();
  throw new InvalidMetadataSnapshotError('snapshot header field is not a number');
}
