import fc from 'fast-check';
import { imageRecords } from '../../src/image/image-records';
import {
  decodeImageSnapshot,
  encodeImageSnapshot,
  imageSnapshotPieces,
  ImageSnapshotDecoder,
  InvalidMetadataSnapshotError,
} from '../../src/image/image-snapshot';
import { MetadataDelta } from '../../src/image/metadata-delta';
import { MetadataImage } from '../../src/image/metadata-image';
import { validRecordStream } from './valid-record-stream';

const seed = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);

function imageOf(picks: readonly number[]): MetadataImage {
  const delta = new MetadataDelta(MetadataImage.EMPTY);
  validRecordStream(picks).forEach((r, i) => delta.replay(r, i, 3));
  return delta.apply().image;
}

describe('image snapshots', () => {
  it('decode to the image they were written from, position included', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { maxLength: 150 }), (picks) => {
        const image = imageOf(picks);
        const restored = decodeImageSnapshot(encodeImageSnapshot(image));
        expect([...imageRecords(restored)]).toEqual([...imageRecords(image)]);
        expect(restored.provenance).toEqual(image.provenance);
        // Canonical: writing the restored image gives the same bytes.
        expect(encodeImageSnapshot(restored)).toEqual(encodeImageSnapshot(image));
      }),
      { seed, numRuns: 200 },
    );
  });

  it('decode the same when their bytes come in pieces cut anywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { maxLength: 150 }), fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }), (picks, cuts) => {
        const image = imageOf(picks);
        const bytes = encodeImageSnapshot(image);
        const decoder = new ImageSnapshotDecoder();
        for (let at = 0, i = 0; at < bytes.length; at += cuts[i++ % cuts.length]!) {
          // A reused buffer: the decoder must keep its own copy of a cut record.
          const piece = Buffer.from(bytes.subarray(at, at + cuts[i % cuts.length]!));
          decoder.push(piece);
          piece.fill(0);
        }
        expect([...imageRecords(decoder.finish())]).toEqual([...imageRecords(image)]);
      }),
      { seed, numRuns: 100 },
    );
  });

  it('are written in pieces of about 64 KiB that add up to the whole', () => {
    // 3,000 topics of three partitions: some 700 KiB of records.
    const image = imageOf(new Array<number>(3000).fill(10));
    expect(image.partitionCount).toBe(9000);
    const pieces = [...imageSnapshotPieces(image)];
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) expect(piece.length).toBeLessThan(64 * 1024 + 1024);
    expect(Buffer.concat(pieces)).toEqual(Buffer.from(encodeImageSnapshot(image)));
    const decoder = new ImageSnapshotDecoder();
    for (const piece of pieces) decoder.push(piece);
    expect(decoder.finish().partitionCount).toBe(9000);
  });

  it('refuses a record length no record has, without waiting for the rest of the file', () => {
    const decoder = new ImageSnapshotDecoder();
    decoder.push(encodeImageSnapshot(MetadataImage.EMPTY));
    expect(() => decoder.push(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow(/-byte record at byte/);
    expect(() => new ImageSnapshotDecoder().push(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toThrow(InvalidMetadataSnapshotError);
  });

  it('round-trips the empty image', () => {
    const restored = decodeImageSnapshot(encodeImageSnapshot(MetadataImage.EMPTY));
    expect(restored.offset).toBe(-1);
    expect(restored.partitionCount).toBe(0);
  });

  it('refuses a snapshot cut short, even on a record boundary', () => {
    const image = imageOf([2, 2, 0, 6, 7, 3]);
    const bytes = encodeImageSnapshot(image);
    for (const cut of [1, 5, bytes.length - 1]) {
      expect(() => decodeImageSnapshot(bytes.subarray(0, bytes.length - cut))).toThrow(InvalidMetadataSnapshotError);
    }
  });

  it('refuses garbage with CORRUPT_MESSAGE', () => {
    try {
      decodeImageSnapshot(Uint8Array.from([0x02, 0x08, 0xff, 0xff, 0xff]));
      throw new Error('decoded');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidMetadataSnapshotError);
      expect((error as InvalidMetadataSnapshotError).code).toBe('CORRUPT_MESSAGE');
    }
  });
});
