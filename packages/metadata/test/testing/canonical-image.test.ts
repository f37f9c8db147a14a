import { MetadataDelta, MetadataImage, type MetadataRecord } from '@kz/metadata';
import { canonicalImage, canonicalLines, imageDifference } from '@kz/metadata/testing';
import { partitionRecord, register, topic } from './batches';

function imageOf(records: readonly MetadataRecord[], base = MetadataImage.EMPTY): MetadataImage {
  const delta = new MetadataDelta(base);
  records.forEach((r, i) => delta.replay(r, base.offset + 1 + i, 1));
  return delta.apply().image;
}

describe('the canonical form of an image', () => {
  const records: MetadataRecord[] = [
    register(4, 0),
    topic('orders'),
    partitionRecord(0, [4]),
    { type: 'config', resourceType: 'topic', resourceName: 'orders', name: 'retention.ms', value: '1000' },
  ];

  it('is the same for two images built apart from the same records', () => {
    expect(canonicalImage(imageOf(records))).toEqual(canonicalImage(imageOf(records)));
    expect(imageDifference(imageOf(records), imageOf(records))).toBe('no difference');
  });

  it('tells apart images that differ in any part: a config, a broker field, a partition field, the provenance', () => {
    const base = imageOf(records);
    const withoutConfig = imageOf(records.slice(0, 3));
    expect(canonicalImage(withoutConfig).contentCrc).not.toBe(canonicalImage(base).contentCrc);
    const otherRack = imageOf([{ ...(register(4, 0) as Extract<MetadataRecord, { type: 'registerBroker' }>), rack: 'r1' }, ...records.slice(1)]);
    expect(canonicalImage(otherRack).crc).not.toBe(canonicalImage(base).crc);
    const otherEpoch = imageOf([...records.slice(0, 2), { ...(partitionRecord(0, [4]) as Extract<MetadataRecord, { type: 'partition' }>), leaderEpoch: 3 }, records[3]!]);
    expect(imageDifference(otherEpoch, base)).toMatch(/leaderEpoch":3/);
    const later = imageOf([{ type: 'noOp' }], base);
    expect(canonicalImage(later).contentCrc).toBe(canonicalImage(base).contentCrc);
    expect(canonicalImage(later).crc).not.toBe(canonicalImage(base).crc);
  });

  it('is written from the image itself: one line per broker, topic and config resource', () => {
    expect(canonicalLines(imageOf(records)).map((line) => JSON.parse(line)[0])).toEqual(['features', 'broker', 'topic', 'configs', 'nextProducerId']);
  });
});
