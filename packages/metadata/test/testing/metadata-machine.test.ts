import type { CommittedBatch, LogBatch } from '@kz/raft';
import { decodeRecordBatch } from '@kz/records';
import { MetadataImage } from '@kz/metadata';
import { MetadataSimMachine, canonicalImage, imageDifference } from '@kz/metadata/testing';
import { snapshotChunks, snapshotReaderOver } from '@kz/raft/testing';
import { metadataBatch, register, sampleLog } from './batches';

/** A committed data batch as RaftNode hands it to its state machine (control batches never are). */
function committed(batch: LogBatch): CommittedBatch {
  return { ...batch, records: decodeRecordBatch(batch.bytes).records };
}

/** The sample log's data batches, as RaftNode delivers them. */
function delivered(): CommittedBatch[] {
  return sampleLog()
    .filter((batch) => !decodeRecordBatch(batch.bytes).header.isControl)
    .map(committed);
}

describe('MetadataSimMachine', () => {
  it('applies committed batches into the image and publishes each new image', () => {
    const images: MetadataImage[] = [];
    const machine = new MetadataSimMachine();
    machine.subscribe({ onMetadataUpdate: (update) => images.push(update.image) });
    expect(machine.image).toBe(MetadataImage.EMPTY);
    machine.apply(committed(metadataBatch(1, 1, [register(4, 1)])));
    expect(machine.image.brokers.get(4)?.epoch).toBe(1);
    expect(images).toEqual([machine.image]);
  });

  it('throws on a record that does not apply, which halts its node', () => {
    const machine = new MetadataSimMachine();
    // A change for a broker that was never registered cannot apply.
    expect(() => machine.apply(committed(metadataBatch(0, 1, [{ type: 'brokerRegistrationChange', brokerId: 9, brokerEpoch: 0, fenced: false }])))).toThrow();
  });

  it('restores from its snapshot to the same image and digest, and goes on from the snapshot end', async () => {
    const a = new MetadataSimMachine();
    for (const batch of delivered()) a.apply(batch);
    const restored: MetadataImage[] = [];
    const b = new MetadataSimMachine();
    b.subscribe({ onMetadataUpdate: (update) => restored.push(update.image) });
    const id = { offset: 12, epoch: 1 };
    await b.restoreSnapshot(snapshotReaderOver(Buffer.concat(await snapshotChunks(a, id)), 10), id);
    expect(b.nextOffset).toBe(12);
    expect(b.digest).toBe(a.digest);
    expect(imageDifference(b.image, a.image)).toBe('no difference');
    expect(canonicalImage(b.image)).toEqual(canonicalImage(a.image));
    expect(restored).toEqual([b.image]);
  });

  it('rejects a snapshot that does not decode', async () => {
    await expect(new MetadataSimMachine().restoreSnapshot(snapshotReaderOver(new Uint8Array([0xff, 0xff, 0xff]), 2), { offset: 5, epoch: 1 })).rejects.toThrow(
      /does not decode/,
    );
  });

  it('gives equal digests to equal images and different ones to different images', () => {
    const a = new MetadataSimMachine();
    const b = new MetadataSimMachine();
    const log = delivered();
    for (const batch of log) a.apply(batch);
    for (const batch of log.slice(0, -1)) b.apply(batch);
    expect(b.digest).not.toBe(a.digest);
    b.apply(log[log.length - 1]!);
    expect(b.digest).toBe(a.digest);
    // A NoOp changes only the provenance: the digest still moves with it.
    const before = a.digest;
    a.apply(committed(metadataBatch(12, 1, [{ type: 'noOp' }])));
    expect(a.digest).not.toBe(before);
    expect(canonicalImage(a.image).contentCrc).toBe(canonicalImage(b.image).contentCrc);
  });
});
