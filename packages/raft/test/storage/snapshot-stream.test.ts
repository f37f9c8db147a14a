import { iterateBatches } from '@kz/records';
import { CHECKPOINT_BATCH_BYTES } from '../../src/core/checkpoint-format';
import { MemorySnapshotFiles } from '../../src/storage/memory-snapshot-files';
import { CheckpointWriter, readCheckpoint } from '../../src/storage/snapshot-stream';
import { CorruptStorageError } from '../../src/storage/storage-errors';

const ID = { offset: 7, epoch: 3 };

async function readAll(files: MemorySnapshotFiles): Promise<{ chunks: number[]; bytes: Buffer }> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of readCheckpoint(await files.open(ID))) chunks.push(chunk);
  return { chunks: chunks.map((c) => c.length), bytes: Buffer.concat(chunks) };
}

async function rawCheckpoint(files: MemorySnapshotFiles): Promise<Uint8Array> {
  const source = await files.open(ID);
  return source.read(0, source.size);
}

describe('CheckpointWriter and readCheckpoint', () => {
  it('keeps its own copy of each chunk: a machine may refill its buffer as soon as a write resolves', async () => {
    const files = new MemorySnapshotFiles();
    const writer = await CheckpointWriter.start(files, ID, undefined);
    const buffer = Buffer.alloc(1000);
    for (const fill of [1, 2, 3]) {
      buffer.fill(fill);
      await writer.write(buffer);
    }
    await writer.commit();
    const { bytes } = await readAll(files);
    expect([...bytes]).toEqual([...Buffer.alloc(1000, 1), ...Buffer.alloc(1000, 2), ...Buffer.alloc(1000, 3)]);
  });

  it('frames the state in batches of at most CHECKPOINT_BATCH_BYTES, whatever the writes, and reads them back one at a time', async () => {
    const files = new MemorySnapshotFiles();
    const writer = await CheckpointWriter.start(files, ID, undefined);
    const total = CHECKPOINT_BATCH_BYTES * 2 + 12_345;
    const state = Buffer.alloc(total);
    for (let i = 0; i < total; i++) state[i] = (i * 31) & 0xff;
    // Writes of odd sizes straddle the batch boundaries.
    for (let at = 0; at < total; at += 300_007) await writer.write(state.subarray(at, at + 300_007));
    const snapshot = await writer.commit();
    expect(snapshot).toEqual({ id: ID, size: (await files.open(ID)).size });
    const { chunks, bytes } = await readAll(files);
    expect(chunks).toEqual([CHECKPOINT_BATCH_BYTES, CHECKPOINT_BATCH_BYTES, 12_345]);
    expect(Buffer.compare(bytes, state)).toBe(0);
    // Header, three data batches, footer.
    expect([...iterateBatches(await rawCheckpoint(files))]).toHaveLength(5);
  });

  it('an empty state is a header and a footer, and reads back as nothing', async () => {
    const files = new MemorySnapshotFiles();
    await (await CheckpointWriter.start(files, ID, undefined)).commit();
    expect(await readAll(files)).toEqual({ chunks: [], bytes: Buffer.alloc(0) });
  });

  it('refuses a damaged or cut checkpoint as it reads, with CorruptStorageError', async () => {
    const files = new MemorySnapshotFiles();
    const writer = await CheckpointWriter.start(files, ID, undefined);
    await writer.write(Buffer.alloc(CHECKPOINT_BATCH_BYTES + 10, 5));
    await writer.commit();
    const intact = await rawCheckpoint(files);
    const damaged = Uint8Array.from(intact);
    damaged[damaged.length - 200] = damaged[damaged.length - 200]! ^ 1;
    const cut = intact.subarray(0, intact.length - 20);
    for (const [what, bytes, message] of [
      ['a flipped bit', damaged, /CRC/],
      ['a cut file', cut, /ends inside/],
    ] as const) {
      files.put(ID, bytes);
      const failure = await readAll(files).then(
        () => null,
        (error: unknown) => error,
      );
      expect([what, failure]).toEqual([what, expect.any(CorruptStorageError)]);
      expect([what, (failure as Error).message]).toEqual([what, expect.stringMatching(message)]);
    }
  });

  it('an aborted writer leaves no checkpoint', async () => {
    const files = new MemorySnapshotFiles();
    const writer = await CheckpointWriter.start(files, ID, undefined);
    await writer.write(Buffer.alloc(10));
    await writer.abort();
    expect(await files.list()).toEqual([]);
  });
});
