import { crc32c } from '@kz/records';
import { newDirectoryId } from '@kz/raft';
import { SeededRandom } from '@kz/raft/testing';
import { decodeDirectoryId, encodeDirectoryId } from '../../src/storage/directory-id-codec';
import { LevelRaftStorage } from '../../src/storage/level-storage';
import { MemoryRaftStorage } from '../../src/storage/memory-storage';
import { decodeSnapshotValue, encodeLegacySnapshot, type LegacySnapshot } from '../../src/storage/snapshot-codec';
import { CorruptStorageError, InvalidPersistError } from '../../src/storage/storage-errors';
import { makeTempDir, removeDir } from './fixtures';

const dir = (seed: number): string => newDirectoryId(new SeededRandom(seed).asFunction());

describe('the directory id is written once and kept with the storage (KIP-853)', () => {
  it('LevelRaftStorage: survives a reopen, and another id is refused', async () => {
    const path = await makeTempDir();
    try {
      let storage = await LevelRaftStorage.open(path);
      expect((await storage.load()).directoryId).toBeNull();
      await storage.writeDirectoryId(dir(1));
      await storage.close();
      storage = await LevelRaftStorage.open(path);
      expect((await storage.load()).directoryId).toBe(dir(1));
      await expect(storage.writeDirectoryId(dir(2))).rejects.toThrow(InvalidPersistError);
      await storage.writeDirectoryId(dir(1)); // the same id again is a no-op
      await storage.close();
    } finally {
      await removeDir(path);
    }
  });

  it('MemoryRaftStorage: kept across reopen, refused when changed', async () => {
    const storage = new MemoryRaftStorage();
    await storage.writeDirectoryId(dir(3));
    expect((await storage.reopen().load()).directoryId).toBe(dir(3));
    await expect(storage.writeDirectoryId(dir(4))).rejects.toThrow(InvalidPersistError);
  });

  it('a flipped bit in the stored id is corruption, never another replica', () => {
    const value = encodeDirectoryId(dir(5));
    expect(decodeDirectoryId(value)).toBe(dir(5));
    value[3] = value[3]! ^ 1;
    expect(() => decodeDirectoryId(value)).toThrow(CorruptStorageError);
  });
});

describe('a stored snapshot keeps the voter set in force at its end', () => {
  const voters = [{ id: 1, directoryId: dir(1), endpoints: [{ name: 'raft', host: 'a', port: 1 }] }];

  const legacy = (value: Uint8Array): LegacySnapshot => {
    const decoded = decodeSnapshotValue(value);
    if (decoded.kind !== 'legacy') throw new Error(`expected the old layout, got ${decoded.kind}`);
    return decoded.snapshot;
  };

  it('the old layout still reads: version 2 with the voters, version 1 without', () => {
    const withVoters = legacy(encodeLegacySnapshot({ id: { offset: 5, epoch: 2 }, bytes: new Uint8Array([1, 2]), voters }));
    expect(withVoters.voters).toEqual(voters);
    expect([...withVoters.bytes]).toEqual([1, 2]);
    const plain = encodeLegacySnapshot({ id: { offset: 5, epoch: 2 }, bytes: new Uint8Array([1, 2]) });
    expect(plain[0]).toBe(1);
    expect(legacy(plain).voters).toBeUndefined();
  });

  it('a voter set running past the end is corruption', () => {
    const value = encodeLegacySnapshot({ id: { offset: 5, epoch: 2 }, bytes: new Uint8Array([1, 2]), voters });
    value.writeUInt32BE(10_000, 13);
    value.writeUInt32BE(crc32c(value.subarray(0, value.length - 4)), value.length - 4); // past the CRC check
    expect(() => decodeSnapshotValue(value)).toThrow(/voter set runs past the end/);
  });

  it('a checkpoint written with the voters gives them back when the storage reopens', async () => {
    const path = await makeTempDir();
    try {
      let storage = await LevelRaftStorage.open(path);
      const writer = await storage.createSnapshot({ offset: 0, epoch: 0 }, voters);
      await writer.write(new Uint8Array([9]));
      const snapshot = await writer.commit();
      await storage.persist(null, [{ op: 'snapshot', snapshot }]);
      await storage.close();
      storage = await LevelRaftStorage.open(path);
      expect((await storage.load()).durable.snapshot).toEqual({ id: { offset: 0, epoch: 0 }, size: snapshot.size, voters });
      await storage.close();
    } finally {
      await removeDir(path);
    }
  });
});
