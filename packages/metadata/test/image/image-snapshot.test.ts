import fc from 'fast-check';
import { imageRecords } from '../../src/image/image-records';
import { decodeImageSnapshot, encodeImageSnapshot, InvalidMetadataSnapshotError } from '../../src/image/image-snapshot';
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
