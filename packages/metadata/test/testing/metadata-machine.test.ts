import { MetadataImage } from '@kz/metadata';
import { MetadataSimMachine, canonicalImage, imageDifference } from '@kz/metadata/testing';
import { leaderChangeBatch, metadataBatch, register, sampleLog } from './batches';

describe('MetadataSimMachine', () => {
  it('skips control batches but moves past them, and applies data batches into the image', () => {
    const images: MetadataImage[] = [];
    const machine = new MetadataSimMachine((image) => images.push(image));
    expect(machine.apply(leaderChangeBatch(0, 1))).toBeNull();
    expect(machine.nextOffset).toBe(1);
    expect(machine.image).toBe(MetadataImage.EMPTY);
    expect(images).toHaveLength(0);
    expect(machine.apply(metadataBatch(1, 1, [register(4, 1)]))).toBeNull();
    expect(machine.nextOffset).toBe(2);
    expect(machine.image.brokers.get(4)?.epoch).toBe(1);
    expect(machine.appliedSinceSnapshot).toBe(1);
    expect(images).toEqual([machine.image]);
  });

  it('refuses a batch that does not follow, and reports a record that does not apply', () => {
    const machine = new MetadataSimMachine();
    expect(machine.apply(metadataBatch(3, 1, [register(4, 3)]))).toMatch(/expecting 0/);
    // A change for a broker that was never registered cannot apply.
    expect(machine.apply(metadataBatch(0, 1, [{ type: 'brokerRegistrationChange', brokerId: 9, brokerEpoch: 0, fenced: false }]))).toMatch(/does not apply/);
  });

  it('restores from its snapshot to the same image, offset and digest', () => {
    const a = new MetadataSimMachine();
    for (const batch of sampleLog()) expect(a.apply(batch)).toBeNull();
    const snapshot = a.snapshot();
    expect(snapshot.id).toEqual({ offset: 12, epoch: 1 });
    expect(a.appliedSinceSnapshot).toBe(0);
    const restored: MetadataImage[] = [];
    const b = new MetadataSimMachine((image) => restored.push(image));
    expect(b.restore(snapshot)).toBeNull();
    expect(b.nextOffset).toBe(12);
    expect(b.digest).toBe(a.digest);
    expect(imageDifference(b.image, a.image)).toBe('no difference');
    expect(canonicalImage(b.image)).toEqual(canonicalImage(a.image));
    expect(restored).toEqual([b.image]);
  });

  it('reports a snapshot that does not decode', () => {
    const machine = new MetadataSimMachine();
    expect(machine.restore({ id: { offset: 5, epoch: 1 }, bytes: new Uint8Array([0xff, 0xff, 0xff]) })).toMatch(/does not load/);
  });

  it('gives equal digests to equal images and different ones to different images', () => {
    const a = new MetadataSimMachine();
    const b = new MetadataSimMachine();
    const log = sampleLog();
    for (const batch of log) a.apply(batch);
    for (const batch of log.slice(0, -1)) b.apply(batch);
    expect(b.digest).not.toBe(a.digest);
    b.apply(log[log.length - 1]!);
    expect(b.digest).toBe(a.digest);
    // A NoOp changes only the provenance: the digest still moves with it.
    const before = a.digest;
    a.apply(metadataBatch(12, 1, [{ type: 'noOp' }]));
    expect(a.digest).not.toBe(before);
    expect(canonicalImage(a.image).contentCrc).toBe(canonicalImage(b.image).contentCrc);
  });
});
