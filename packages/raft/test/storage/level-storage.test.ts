import { readBatchHeader } from '@kz/records';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Level } from 'level';
import type { LogBatch } from '../../src/core/log-batch';
import type { DurableState } from '../../src/core/raft-core';
import { encodeElectionState } from '../../src/storage/election-state-codec';
import type { RaftStorage } from '../../src/storage/raft-storage';
import { LEVEL_STORAGE_LAYOUT, LevelRaftStorage } from '../../src/storage/level-storage';
import { encodeOffsetKey } from '../../src/storage/offset-key';
import {
  CorruptStorageError,
  DataDirLockedError,
  InvalidPersistError,
  StorageWriteError,
} from '../../src/storage/storage-errors';
import { describeRaftStorageConformance } from './conformance';
import { batchAt, batchesFrom, contentOf, hex, makeTempDir, removeDir, snapshotAt, view, withSnapshotFiles } from './fixtures';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { encodeLegacySnapshot } from '../../src/storage/snapshot-codec';
import { checkpointFileName } from '../../src/storage/snapshot-files';

describeRaftStorageConformance('LevelRaftStorage', async () => {
  const dir = await makeTempDir();
  let current: RaftStorage = await LevelRaftStorage.open(dir);
  return {
    storage: current,
    reopen: async () => {
      current = await LevelRaftStorage.open(dir);
      return current;
    },
    cleanup: async () => {
      await current.close();
      await removeDir(dir);
    },
  };
});

/** The data dir opened directly with level, the way a damaged disk or another tool would see it. */
interface RawDb {
  readonly root: Level<Buffer, Uint8Array>;
  readonly log: ReturnType<typeof logOf>;
  readonly meta: ReturnType<typeof metaOf>;
}

function logOf(root: Level<Buffer, Uint8Array>) {
  return root.sublevel<Buffer, Uint8Array>(LEVEL_STORAGE_LAYOUT.logSublevel, { keyEncoding: 'buffer', valueEncoding: 'view' });
}

function metaOf(root: Level<Buffer, Uint8Array>) {
  return root.sublevel<string, Uint8Array>(LEVEL_STORAGE_LAYOUT.metaSublevel, { keyEncoding: 'utf8', valueEncoding: 'view' });
}

async function withRaw<T>(dir: string, use: (raw: RawDb) => Promise<T>): Promise<T> {
  const root = new Level<Buffer, Uint8Array>(dir, { keyEncoding: 'buffer', valueEncoding: 'view' });
  await root.open();
  try {
    return await use({ root, log: logOf(root), meta: metaOf(root) });
  } finally {
    await root.close();
  }
}

/** Flips one bit of a stored value, `fromEnd` bytes before its end. */
async function flipBit(dir: string, get: (raw: RawDb) => { read(): Promise<Uint8Array | undefined>; write(v: Uint8Array): Promise<void> }, fromEnd = 1): Promise<void> {
  await withRaw(dir, async (raw) => {
    const slot = get(raw);
    const value = Buffer.from((await slot.read())!);
    value[value.length - fromEnd]! ^= 0x10;
    await slot.write(value);
  });
}

function logSlot(offset: number) {
  return (raw: RawDb) => ({
    read: () => raw.log.get(encodeOffsetKey(offset)),
    write: (v: Uint8Array) => raw.log.put(encodeOffsetKey(offset), v),
  });
}

function metaSlot(key: string) {
  return (raw: RawDb) => ({ read: () => raw.meta.get(key), write: (v: Uint8Array) => raw.meta.put(key, v) });
}

describe('LevelRaftStorage on disk', () => {
  let dir: string;
  const open: LevelRaftStorage[] = [];

  async function openStorage(): Promise<LevelRaftStorage> {
    const storage = await LevelRaftStorage.open(dir);
    open.push(storage);
    return storage;
  }

  /** Writes `state` through a storage and closes it, leaving the dir free for raw edits. */
  async function seed(electionEpoch: number, ops: Parameters<RaftStorage['persist']>[1]): Promise<void> {
    const storage = await openStorage();
    await storage.persist({ epoch: electionEpoch, votedFor: 1, leaderId: 1 }, await withSnapshotFiles(storage, ops));
    await storage.close();
  }

  /** As seed, one persist per batch: each batch a value of its own, the layout older versions wrote. */
  async function seedEach(electionEpoch: number, batches: readonly LogBatch[]): Promise<void> {
    const storage = await openStorage();
    for (const batch of batches) await storage.persist({ epoch: electionEpoch, votedFor: 1, leaderId: 1 }, [{ op: 'append', batches: [batch] }]);
    await storage.close();
  }

  async function rawKeys(): Promise<string[]> {
    return withRaw(dir, async (raw) => (await raw.log.keys().all()).map(hex));
  }

  async function reopenAndLoad(): Promise<{ storage: LevelRaftStorage; loaded: Awaited<ReturnType<RaftStorage['load']>> }> {
    const storage = await openStorage();
    return { storage, loaded: await storage.load() };
  }

  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    for (const storage of open.splice(0)) await storage.close();
    await removeDir(dir);
  });

  it('keys the log by 8-byte big-endian base offset, so key order is offset order', async () => {
    await seed(3, [{ op: 'installSnapshot', snapshot: snapshotAt(254, 2) }]);
    await seedEach(3, batchesFrom(254, [3, 3, 3]));
    expect(await rawKeys()).toEqual(['00000000000000fe', '00000000000000ff', '0000000000000100']);
    await seed(3, [{ op: 'installSnapshot', snapshot: snapshotAt(65_535, 3) }]);
    await seedEach(3, batchesFrom(65_535, [3, 3]));
    expect(await rawKeys()).toEqual(['000000000000ffff', '0000000000010000']);
    const { loaded } = await reopenAndLoad();
    expect(loaded.durable.batches.map((b) => b.baseOffset)).toEqual([65_535, 65_536]);
  });

  it('stores the batches one persist appends as one value, keyed by the first base offset', async () => {
    const first = [batchAt(0, 1, 3), batchAt(3, 1), batchAt(4, 2, 2)];
    const second = [batchAt(6, 2)];
    await seed(2, [{ op: 'append', batches: first }]);
    await seed(2, [{ op: 'append', batches: second }]);
    const values = await withRaw(dir, async (raw) => (await raw.log.iterator().all()).map(([key, value]) => [hex(key), hex(value)]));
    expect(values).toEqual([
      ['0000000000000000', hex(Buffer.concat(first.map((b) => b.bytes)))],
      ['0000000000000006', hex(second[0]!.bytes)],
    ]);
    const { loaded } = await reopenAndLoad();
    expect(view(loaded.durable)).toEqual(view({ electionState: { epoch: 2, votedFor: 1, leaderId: 1 }, snapshot: null, batches: [...first, ...second] }));
  });

  it('opens the layout older versions wrote, one batch per value, and goes on in the new one', async () => {
    const old = batchesFrom(0, [1, 1, 2]);
    await withRaw(dir, async (raw) => {
      await raw.meta.put(LEVEL_STORAGE_LAYOUT.electionKey, encodeElectionState({ epoch: 2, votedFor: 1, leaderId: 1 }));
      for (const batch of old) await raw.log.put(encodeOffsetKey(batch.baseOffset), batch.bytes);
    });
    const { storage, loaded } = await reopenAndLoad();
    expect(loaded.repairs).toEqual([]);
    expect(view(loaded.durable)).toEqual(view({ electionState: { epoch: 2, votedFor: 1, leaderId: 1 }, snapshot: null, batches: old }));
    await storage.persist(null, [{ op: 'truncate', endOffset: 2 }, { op: 'append', batches: [batchAt(2, 2, 1, 'n'), batchAt(3, 2, 1, 'n')] }]);
    await storage.close();
    expect(await rawKeys()).toEqual(['0000000000000000', '0000000000000001', '0000000000000002']);
    const again = await reopenAndLoad();
    expect(again.loaded.durable.batches.map((b) => [b.baseOffset, hex(b.bytes)])).toEqual(
      [...old.slice(0, 2), batchAt(2, 2, 1, 'n'), batchAt(3, 2, 1, 'n')].map((b) => [b.baseOffset, hex(b.bytes)]),
    );
  });

  describe('a value of several batches', () => {
    const epochOne = { epoch: 2, votedFor: 1, leaderId: 1 };
    /** The stored log as [key, the base offsets its value holds] ('' for a cut), read raw. */
    async function layout(): Promise<[number, string][]> {
      return withRaw(dir, async (raw) =>
        (await raw.log.iterator().all()).map(([key, value]): [number, string] => [Number(key.readBigUInt64BE(0)), baseOffsetsIn(value).join(',')]),
      );
    }

    it('a truncation inside it cuts it with an empty value at the new end and rewrites nothing; an append there replaces the cut', async () => {
      const log = [batchAt(0, 1, 2), batchAt(2, 1), batchAt(3, 2, 3), batchAt(6, 2)];
      await seed(2, [{ op: 'append', batches: log }]);
      const storage = await openStorage();
      await storage.persist(null, [{ op: 'truncate', endOffset: 3 }]);
      expect(await storage.load().then((l) => l.durable.batches.map((b) => b.baseOffset))).toEqual([0, 2]);
      await storage.close();
      expect(await layout()).toEqual([[0, '0,2,3,6'], [3, '']]);
      let reopened = await reopenAndLoad();
      expect(reopened.loaded.repairs).toEqual([]);
      expect(view(reopened.loaded.durable)).toEqual(view({ electionState: epochOne, snapshot: null, batches: log.slice(0, 2) }));

      // Cut again further in, then append at the cut.
      await reopened.storage.persist(null, [{ op: 'truncate', endOffset: 2 }]);
      const tail = [batchAt(2, 3, 1, 'n'), batchAt(3, 3, 2, 'n')];
      await reopened.storage.persist({ epoch: 3, votedFor: 1, leaderId: 1 }, [{ op: 'append', batches: tail }]);
      await reopened.storage.close();
      expect(await layout()).toEqual([[0, '0,2,3,6'], [2, '2,3']]);
      reopened = await reopenAndLoad();
      expect(reopened.loaded.repairs).toEqual([]);
      expect(view(reopened.loaded.durable)).toEqual(view({ electionState: { epoch: 3, votedFor: 1, leaderId: 1 }, snapshot: null, batches: [log[0]!, ...tail] }));

      // A truncation that removes the whole later value uncovers the first one's bytes again: it is cut anew.
      await reopened.storage.persist(null, [{ op: 'truncate', endOffset: 2 }]);
      await reopened.storage.close();
      expect(await layout()).toEqual([[0, '0,2,3,6'], [2, '']]);
      expect((await reopenAndLoad()).loaded.durable.batches.map((b) => b.baseOffset)).toEqual([0]);
    });

    it('a snapshot inside it leaves it in place, its batches below the snapshot skipped; one past it deletes it', async () => {
      const log = [batchAt(0, 1, 2), batchAt(2, 1), batchAt(3, 2, 3)];
      await seed(2, [{ op: 'append', batches: log }]);
      await seed(2, [{ op: 'append', batches: [batchAt(6, 2)] }, { op: 'snapshot', snapshot: snapshotAt(3, 1) }]);
      expect(await layout()).toEqual([[0, '0,2,3'], [6, '6']]);
      let reopened = await reopenAndLoad();
      expect(reopened.loaded.repairs).toEqual([]);
      expect(view(reopened.loaded.durable)).toEqual(view({ electionState: epochOne, snapshot: snapshotAt(3, 1), batches: [log[2]!, batchAt(6, 2)] }));
      // Truncating into the value that straddles the snapshot, then snapshotting past it.
      await reopened.storage.persist(null, [{ op: 'truncate', endOffset: 6 }]);
      await reopened.storage.close();
      expect(await layout()).toEqual([[0, '0,2,3']]);
      reopened = await reopenAndLoad();
      expect(reopened.loaded.durable.batches.map((b) => b.baseOffset)).toEqual([3]);
      await reopened.storage.persist(null, await withSnapshotFiles(reopened.storage, [{ op: 'snapshot', snapshot: snapshotAt(6, 2) }]));
      await reopened.storage.close();
      expect(await layout()).toEqual([]);
      reopened = await reopenAndLoad();
      expect(view(reopened.loaded.durable)).toEqual(view({ electionState: epochOne, snapshot: snapshotAt(6, 2), batches: [] }));
    });

    it.each([
      ['torn inside its third batch', (value: Buffer, cut: number) => value.subarray(0, cut + 30), /unreadable batch header/],
      ['with a bit flipped in its third batch', (value: Buffer, cut: number) => flipped(value, cut + 40), /CRC-32C/],
    ])('%s: keeps its batches before, and the values before it; drops the rest, durably', async (_what, damage, reason) => {
      const before = [batchAt(0, 1), batchAt(1, 1, 2)];
      const value = [batchAt(3, 2), batchAt(4, 2, 2), batchAt(6, 2), batchAt(7, 2)];
      await seed(2, [{ op: 'append', batches: before }]);
      await seed(2, [{ op: 'append', batches: value }]);
      await seed(2, [{ op: 'append', batches: [batchAt(8, 2)] }]);
      const cut = value[0]!.bytes.length + value[1]!.bytes.length;
      await withRaw(dir, async (raw) => raw.log.put(encodeOffsetKey(3), damage(Buffer.from((await raw.log.get(encodeOffsetKey(3)))!), cut)));
      const first = await reopenAndLoad();
      expect(first.loaded.repairs).toEqual([{ kind: 'truncatedCorruptTail', offset: 6, reason: expect.stringMatching(reason) }]);
      expect(view(first.loaded.durable)).toEqual(view({ electionState: epochOne, snapshot: null, batches: [...before, value[0]!, value[1]!] }));
      await first.storage.close();
      // The damaged value stays as it is, cut where its trusted batches end; the value after it is gone.
      expect((await layout()).map(([key, offsets]) => [key, offsets.startsWith('3,4,') ? '3,4,…' : offsets])).toEqual([[0, '0,1'], [3, '3,4,…'], [6, '']]);
      const second = await reopenAndLoad();
      expect(second.loaded.repairs).toEqual([]);
      expect(second.loaded.durable.batches.map((b) => b.baseOffset)).toEqual([0, 1, 3, 4]);
      await second.storage.persist(null, [{ op: 'append', batches: [batchAt(6, 2, 1, 'resent')] }]);
      await second.storage.close();
      expect((await reopenAndLoad()).loaded.durable.batches.map((b) => b.baseOffset)).toEqual([0, 1, 3, 4, 6]);
    });

    it('torn inside its first batch: the whole value goes, the values before it stay', async () => {
      await seed(2, [{ op: 'append', batches: [batchAt(0, 1), batchAt(1, 1)] }]);
      await seed(2, [{ op: 'append', batches: [batchAt(2, 2), batchAt(3, 2)] }]);
      await withRaw(dir, async (raw) => raw.log.put(encodeOffsetKey(2), Buffer.from((await raw.log.get(encodeOffsetKey(2)))!).subarray(0, 20)));
      const { storage, loaded } = await reopenAndLoad();
      expect(loaded.repairs).toEqual([{ kind: 'truncatedCorruptTail', offset: 2, reason: expect.stringMatching(/unreadable batch header/) }]);
      expect(loaded.durable.batches.map((b) => b.baseOffset)).toEqual([0, 1]);
      await storage.close();
      expect(await layout()).toEqual([[0, '0,1']]);
    });
  });

  it('drops a corrupt tail at open, durably, and reports the offset', async () => {
    const log = [batchAt(0, 1, 3), batchAt(3, 1), batchAt(4, 2, 2), batchAt(6, 2)];
    await seedEach(2, log);
    await flipBit(dir, logSlot(6));

    const first = await reopenAndLoad();
    expect(first.loaded.repairs).toEqual([{ kind: 'truncatedCorruptTail', offset: 6, reason: expect.stringMatching(/CRC-32C/) }]);
    expect(view(first.loaded.durable)).toEqual(
      view({ electionState: { epoch: 2, votedFor: 1, leaderId: 1 }, snapshot: null, batches: log.slice(0, 3) }),
    );
    // The log continues from the repaired end, and the repair itself was durable.
    await first.storage.persist(null, [{ op: 'append', batches: [batchAt(6, 2, 1, 'resent')] }]);
    await first.storage.close();
    const second = await reopenAndLoad();
    expect(second.loaded.repairs).toEqual([]);
    expect(second.loaded.durable.batches.map((b) => b.baseOffset)).toEqual([0, 3, 4, 6]);
  });

  it('drops everything from a corrupt batch in the middle, keeping what comes before', async () => {
    await seedEach(2, batchesFrom(0, [1, 1, 1, 2, 2]));
    await flipBit(dir, logSlot(2), 5);
    const { storage, loaded } = await reopenAndLoad();
    expect(loaded.repairs).toEqual([{ kind: 'truncatedCorruptTail', offset: 2, reason: expect.stringMatching(/CRC-32C/) }]);
    expect(loaded.durable.batches.map((b) => b.baseOffset)).toEqual([0, 1]);
    await storage.close();
    expect(await withRaw(dir, async (raw) => (await raw.log.keys().all()).map(hex))).toEqual(['0000000000000000', '0000000000000001']);
  });

  it.each([
    ['a gap', 6, 5, async (raw: RawDb) => raw.log.del(encodeOffsetKey(5)), /not contiguous: expected a batch at 5/],
    ['a key naming another offset', 7, 7, async (raw: RawDb) => raw.log.put(encodeOffsetKey(7), batchAt(8, 2).bytes), /header says 8/],
    ['an epoch going back', 7, 7, async (raw: RawDb) => raw.log.put(encodeOffsetKey(7), batchAt(7, 1).bytes), /epoch 1 goes back from 2/],
    ['a truncated value', 5, 5, async (raw: RawDb) => raw.log.put(encodeOffsetKey(5), batchAt(5, 2).bytes.subarray(0, 40)), /unreadable batch header/],
    ['a malformed key', 7, 7, async (raw: RawDb) => raw.log.put(Buffer.from('zz'), batchAt(7, 2).bytes), /malformed log key 0x7a7a/],
  ])('treats %s as the start of a corrupt tail', async (_what, offset, keptBelow, damage, reason) => {
    await seedEach(2, batchesFrom(0, [1, 1, 1, 2, 2, 2, 2]));
    await withRaw(dir, damage);
    const { storage, loaded } = await reopenAndLoad();
    expect(loaded.repairs).toEqual([{ kind: 'truncatedCorruptTail', offset, reason: expect.stringMatching(reason) }]);
    expect(loaded.durable.batches.map((b) => b.baseOffset)).toEqual([0, 1, 2, 3, 4, 5, 6].filter((o) => o < keptBelow));
    await storage.close();
    const again = await reopenAndLoad();
    expect(again.loaded.repairs).toEqual([]);
  });

  it('treats a log that does not start at 0 (without a snapshot) as corrupt from its first batch', async () => {
    await seedEach(1, batchesFrom(0, [1, 1, 1]));
    await withRaw(dir, (raw) => raw.log.del(encodeOffsetKey(0)));
    const { loaded } = await reopenAndLoad();
    expect(loaded.repairs).toEqual([{ kind: 'truncatedCorruptTail', offset: 1, reason: 'not contiguous: expected a batch at 0' }]);
    expect(loaded.durable.batches).toEqual([]);
  });

  it('drops leftover batches below the snapshot without reporting a repair', async () => {
    const log = batchesFrom(0, [1, 1, 1, 2, 2]);
    await seed(2, [{ op: 'append', batches: log }, { op: 'snapshot', snapshot: snapshotAt(3, 1) }]);
    await withRaw(dir, async (raw) => {
      await raw.log.put(encodeOffsetKey(0), log[0]!.bytes);
      await raw.log.put(encodeOffsetKey(2), Buffer.from('not even a batch'));
    });
    const { storage, loaded } = await reopenAndLoad();
    expect(loaded.repairs).toEqual([]);
    expect(view(loaded.durable)).toEqual(
      view({ electionState: { epoch: 2, votedFor: 1, leaderId: 1 }, snapshot: snapshotAt(3, 1), batches: log.slice(3) }),
    );
    await storage.close();
    // The persist's batches above the snapshot are one value.
    expect(await rawKeys()).toEqual(['0000000000000003']);
  });

  it('reports a batch straddling the snapshot end as corrupt', async () => {
    await seed(2, [{ op: 'append', batches: batchesFrom(0, [1, 1, 1]) }, { op: 'snapshot', snapshot: snapshotAt(2, 1) }]);
    await withRaw(dir, (raw) => raw.log.put(encodeOffsetKey(1), batchAt(1, 1, 2).bytes));
    const { loaded } = await reopenAndLoad();
    expect(loaded.repairs).toEqual([{ kind: 'truncatedCorruptTail', offset: 1, reason: expect.stringMatching(/straddles the snapshot end 2/) }]);
    expect(loaded.durable.batches).toEqual([]);
  });

  it.each([
    ['a flipped bit', (v: Buffer) => void (v[3]! ^= 0x01), /CRC-32C mismatch/],
    ['an unknown version', (v: Buffer) => void (v[0] = 9), /unknown format version 9/],
    ['a short value', (v: Buffer) => v.subarray(0, 6), /expected 17 bytes, found 6/],
  ])('refuses to open over a corrupt election state (%s), and releases the lock', async (_what, damage, detail) => {
    await seed(4, [{ op: 'append', batches: [batchAt(0, 4)] }]);
    await withRaw(dir, async (raw) => {
      const value = Buffer.from((await raw.meta.get(LEVEL_STORAGE_LAYOUT.electionKey))!);
      await raw.meta.put(LEVEL_STORAGE_LAYOUT.electionKey, damage(value) ?? value);
    });
    const failure = await LevelRaftStorage.open(dir).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(CorruptStorageError);
    expect(failure).toMatchObject({ name: 'CorruptStorageError', code: 'CORRUPT_STORAGE', part: 'election state' });
    expect((failure as Error).message).toMatch(detail);
    // The lock is free again: nothing was reset, the value is as the damage left it.
    await withRaw(dir, async (raw) => expect(await raw.meta.get(LEVEL_STORAGE_LAYOUT.electionKey)).toBeDefined());
  });

  it('refuses to open over a corrupt snapshot', async () => {
    await seed(2, [{ op: 'append', batches: batchesFrom(0, [1, 2]) }, { op: 'snapshot', snapshot: snapshotAt(1, 1, 'the state') }]);
    await flipBit(dir, metaSlot(LEVEL_STORAGE_LAYOUT.snapshotKey), 7);
    await expect(LevelRaftStorage.open(dir)).rejects.toMatchObject({
      name: 'CorruptStorageError',
      code: 'CORRUPT_STORAGE',
      part: 'snapshot',
      message: expect.stringMatching(/CRC-32C mismatch/),
    });
  });

  it('keeps snapshots as checkpoint files beside the log, one per snapshot, named as KRaft names them', async () => {
    await seed(2, [{ op: 'append', batches: batchesFrom(0, [1, 2, 2]) }, { op: 'snapshot', snapshot: snapshotAt(2, 2, 'first') }]);
    const storage = await openStorage();
    await storage.persist(null, await withSnapshotFiles(storage, [{ op: 'snapshot', snapshot: snapshotAt(3, 2, 'second') }]));
    expect(await readdir(join(dir, LEVEL_STORAGE_LAYOUT.snapshotDir))).toEqual(['00000000000000000003-0000000002.checkpoint']);
    expect(await contentOf(storage, { offset: 3, epoch: 2 })).toBe('second');
  });

  it('refuses to open over a damaged, cut or missing checkpoint file, and deletes nothing doing so', async () => {
    const log = batchesFrom(0, [1, 2, 2]);
    await seed(2, [{ op: 'append', batches: log }, { op: 'snapshot', snapshot: snapshotAt(1, 1, 'the state') }]);
    const snapshots = join(dir, LEVEL_STORAGE_LAYOUT.snapshotDir);
    const file = join(snapshots, checkpointFileName({ offset: 1, epoch: 1 }));
    const intact = await readFile(file);
    // A partial file a crash left: an open that refuses must not tidy it away either.
    const partial = join(snapshots, '00000000000000000009-0000000003-77-1.checkpoint.part');
    await writeFile(partial, Buffer.from('half'));
    const refusals: [string, Uint8Array | null, RegExp][] = [
      ['a flipped bit', flipped(intact, intact.length - 30), /CRC/],
      ['a cut file', intact.subarray(0, intact.length - 5), /holds \d+ bytes, not \d+/],
      ['no file', null, /missing/],
    ];
    for (const [what, bytes, message] of refusals) {
      if (bytes === null) await rm(file);
      else await writeFile(file, bytes);
      const refused = await LevelRaftStorage.open(dir).then(
        () => null,
        (error: unknown) => error,
      );
      expect([what, refused]).toEqual([what, expect.any(CorruptStorageError)]);
      expect([what, refused]).toMatchObject([what, { part: 'snapshot', code: 'CORRUPT_STORAGE', message: expect.stringMatching(message) }]);
      expect(bytes === null ? [] : [...(await readFile(file))]).toEqual(bytes === null ? [] : [...bytes]);
      expect((await readdir(snapshots)).sort()).toEqual(bytes === null ? [basename(partial)] : [basename(file), basename(partial)].sort());
    }
    // Put back as it was, the store opens with everything: the snapshot, its state and the log above it.
    await writeFile(file, intact);
    const { storage, loaded } = await reopenAndLoad();
    expect(view(loaded.durable)).toEqual(
      view({ electionState: { epoch: 2, votedFor: 1, leaderId: 1 }, snapshot: snapshotAt(1, 1, 'the state'), batches: log.slice(1) }),
    );
    expect(await contentOf(storage, { offset: 1, epoch: 1 })).toBe('the state');
  });

  it('deletes partial and unreferenced checkpoint files a crash left, keeping the snapshot in force', async () => {
    await seed(2, [{ op: 'append', batches: batchesFrom(0, [1, 2]) }, { op: 'snapshot', snapshot: snapshotAt(1, 1, 'kept') }]);
    const snapshots = join(dir, LEVEL_STORAGE_LAYOUT.snapshotDir);
    // A crash after a newer checkpoint was renamed but before its pointer was written, and one mid-download.
    await writeFile(join(snapshots, checkpointFileName({ offset: 2, epoch: 2 })), Buffer.from('complete but never in force'));
    await writeFile(join(snapshots, '00000000000000000009-0000000003-77-1.checkpoint.part'), Buffer.from('half'));
    const { storage, loaded } = await reopenAndLoad();
    expect(loaded.durable.snapshot?.id).toEqual({ offset: 1, epoch: 1 });
    expect(await readdir(snapshots)).toEqual([checkpointFileName({ offset: 1, epoch: 1 })]);
    expect(await contentOf(storage, { offset: 1, epoch: 1 })).toBe('kept');
  });

  it('reads a snapshot of the old layout (its bytes in the metadata value) and moves it into a checkpoint', async () => {
    await seedEach(2, batchesFrom(0, [1, 2]));
    const voters = [{ id: 1, directoryId: 'AAAAAAAAAAAAAAAAAAAAAQ', endpoints: [] }];
    await withRaw(dir, async (raw) => {
      await raw.meta.put(LEVEL_STORAGE_LAYOUT.snapshotKey, encodeLegacySnapshot({ id: { offset: 1, epoch: 1 }, bytes: Buffer.from('old layout'), voters }));
      await raw.log.del(encodeOffsetKey(0));
    });
    const { storage, loaded } = await reopenAndLoad();
    expect(loaded.durable.snapshot).toMatchObject({ id: { offset: 1, epoch: 1 }, voters });
    expect(await contentOf(storage, { offset: 1, epoch: 1 })).toBe('old layout');
    await storage.close();
    await withRaw(dir, async (raw) => expect((await raw.meta.get(LEVEL_STORAGE_LAYOUT.snapshotKey))![0]).toBe(3));
  });

  it('refuses a second open of the same data dir with DataDirLockedError', async () => {
    const first = await openStorage();
    const failure = await LevelRaftStorage.open(dir).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(DataDirLockedError);
    expect(failure).toMatchObject({ name: 'DataDirLockedError', code: 'DATA_DIR_LOCKED', path: dir });
    expect(((failure as Error).cause as { code?: string }).code).toBe('LEVEL_DATABASE_NOT_OPEN');
    // The holder is unaffected.
    await first.persist({ epoch: 1, votedFor: 1, leaderId: -1 }, [{ op: 'append', batches: [batchAt(0, 1)] }]);
    expect((await first.load()).durable.batches).toHaveLength(1);
  });

  it('is locked against another process while open', async () => {
    await openStorage();
    const levelPath = require.resolve('level');
    const script = [
      `const { Level } = require(${JSON.stringify(levelPath)});`,
      'new Level(process.argv[1]).open().then(',
      "  () => { console.log(JSON.stringify({ opened: true })); process.exit(0); },",
      '  (e) => { console.log(JSON.stringify({ code: e.code, cause: e.cause && e.cause.code })); process.exit(0); },',
      ');',
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, dir], { timeout: 10_000 });
    expect(JSON.parse(stdout)).toEqual({ code: 'LEVEL_DATABASE_NOT_OPEN', cause: 'LEVEL_LOCKED' });
  });

  it('turns a failed write into StorageWriteError and keeps its index as before', async () => {
    const storage = await openStorage();
    await storage.persist({ epoch: 1, votedFor: 1, leaderId: 1 }, [{ op: 'append', batches: batchesFrom(0, [1, 1, 1]) }]);
    const diskFull = Object.assign(new Error('IO error: 000005.log: No space left on device'), { code: 'LEVEL_IO_ERROR' });
    // Every atomic write goes through the root database's batch(); make the next one fail.
    // (The cast picks the promise-returning overload of batch.)
    const levelPrototype = Level.prototype as unknown as { batch(...args: unknown[]): Promise<void> };
    const batch = jest.spyOn(levelPrototype, 'batch').mockRejectedValueOnce(diskFull);

    const failed = [{ op: 'truncate', endOffset: 1 } as const, { op: 'append', batches: [batchAt(1, 2, 1, 'new')] } as const];
    const failure = await storage.persist({ epoch: 2, votedFor: 3, leaderId: -1 }, failed).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(StorageWriteError);
    expect(failure).toMatchObject({ name: 'StorageWriteError', code: 'STORAGE_WRITE_FAILED', cause: diskFull });
    expect(batch).toHaveBeenCalledTimes(1);

    // Nothing of it counts: the log still ends at 3 (not 2), and the vote in epoch 2 is not recorded.
    await expect(storage.persist(null, [{ op: 'append', batches: [batchAt(2, 2, 1, 'new')] }])).rejects.toThrow(InvalidPersistError);
    await storage.persist({ epoch: 2, votedFor: 4, leaderId: -1 }, [{ op: 'append', batches: [batchAt(3, 1)] }]);
    batch.mockRestore();
    await storage.close();
    const { loaded } = await reopenAndLoad();
    expect(view(loaded.durable)).toEqual(
      view({ electionState: { epoch: 2, votedFor: 4, leaderId: -1 }, snapshot: null, batches: batchesFrom(0, [1, 1, 1, 1]) } satisfies DurableState),
    );
  });

  it('reports a write after close as StorageWriteError caused by level', async () => {
    const storage = await openStorage();
    await storage.close();
    await expect(storage.persist(null, [{ op: 'append', batches: [batchAt(0, 1)] }])).rejects.toMatchObject({
      name: 'StorageWriteError',
      cause: { code: 'LEVEL_DATABASE_NOT_OPEN' },
    });
  });
});

/** The base offsets of the batches a stored value holds, read by their headers (up to one that does not read, marked '?'). */
function baseOffsetsIn(value: Uint8Array): (number | '?')[] {
  const offsets: (number | '?')[] = [];
  for (let position = 0; position < value.length; ) {
    try {
      const header = readBatchHeader(value, position);
      offsets.push(header.baseOffset);
      position += header.sizeInBytes;
    } catch {
      offsets.push('?');
      break;
    }
  }
  return offsets;
}

/** A copy of `bytes` with one bit flipped at `at`. */
function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[at] = copy[at]! ^ 0x10;
  return copy;
}
