import { EngineRaftStorage, StorageWriteError } from '@kz/raft';
import { EventQueue, SeededRandom, SimDisk, logEndOffset, type SimClock } from '@kz/raft/testing';
import { CHECKPOINT_BATCH_BYTES } from '../../src/core/checkpoint-format';
import { encodeElectionState } from '../../src/storage/election-state-codec';
import { batch, log } from './fixtures';

const voted = { epoch: 3, votedFor: 2, leaderId: -1 };
const led = { epoch: 4, votedFor: 2, leaderId: 2 };

/** A disk on a hand-driven clock; `syncAll` runs every queued sync and the promises after them. */
function rig(seed = 1) {
  let now = 0;
  const queue = new EventQueue<{ run: () => void; live: () => boolean }>();
  const clock: SimClock = { now: () => now, at: (time, run, live) => queue.push(Math.max(time, now), { run, live }) };
  const disk = new SimDisk('sim-disk-test', clock, new SeededRandom(seed), { min: 1, max: 5 });
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  async function syncAll(): Promise<void> {
    await settle();
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      now = Math.max(now, next.at);
      if (next.item.live()) next.item.run();
      await settle();
    }
  }
  /** Runs the next `count` queued syncs (fewer if fewer come), and the promises after each. */
  async function syncSome(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await settle();
      const next = queue.pop();
      if (next === undefined) return;
      now = Math.max(now, next.at);
      if (next.item.live()) next.item.run();
    }
    await settle();
  }
  /** Opens the storage that ships on the disk, as a starting node does (recovery included). */
  async function open(): Promise<EngineRaftStorage> {
    const opening = EngineRaftStorage.over(disk.open());
    await syncAll();
    return opening;
  }
  return { disk, syncAll, syncSome, open, settle };
}

describe('SimDisk under the storage that ships', () => {
  it('makes nothing durable before its sync, and a crash loses what was not synced — log and quorum state', async () => {
    const { disk, open, settle } = rig();
    const storage = await open();
    void storage.persist(voted, [{ op: 'append', batches: log(0, [1, 1]) }]);
    await settle();
    expect(disk.pendingWrites).toBe(1);
    expect(disk.durableLog.batches).toEqual([]);
    expect(disk.crash(false)).toEqual({ lost: 1, torn: false });
    expect(disk.durableElectionState.epoch).toBe(0);
    expect(disk.durableLog.batches).toEqual([]);
  });

  it('keeps what was synced across a crash and loses only the rest', async () => {
    const { disk, open, syncAll, settle } = rig();
    const storage = await open();
    const first = storage.persist(voted, [{ op: 'append', batches: log(0, [1, 1]) }]);
    await syncAll();
    await first;
    void storage.persist(led, [{ op: 'append', batches: log(2, [4]) }]);
    await settle();
    disk.crash(false);
    expect(disk.durableElectionState).toEqual(voted);
    expect(disk.durableLog.batches.map((b) => b.baseOffset)).toEqual([0, 1]);
    const reopened = await (await open()).load();
    expect(reopened.durable.batches.map((b) => b.baseOffset)).toEqual([0, 1]);
    expect(reopened.repairs).toEqual([]);
  });

  it('completes syncs in the order the writes came, whatever their latencies', async () => {
    const { disk, open, syncAll } = rig(7);
    const storage = await open();
    const order: number[] = [];
    const writes = [0, 1, 2, 3].map((offset) => storage.persist(null, [{ op: 'append', batches: [batch(offset, 1)] }]).then(() => order.push(offset)));
    await syncAll();
    await Promise.all(writes);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(logEndOffset(disk.durableLog)).toBe(4);
  });

  it('holds its own copy of the bytes', async () => {
    const { disk, open, syncAll } = rig();
    const storage = await open();
    const b = batch(0, 1);
    const done = storage.persist(null, [{ op: 'append', batches: [b] }]);
    await syncAll();
    await done;
    const before = disk.durableLog.batches[0]!.bytes.slice();
    b.bytes.fill(0);
    expect(disk.durableLog.batches[0]!.bytes).toEqual(before);
  });

  it('tears the write in progress: a prefix lands, the last batch cut short, and recovery cuts and reports it', async () => {
    // Which byte the tear falls on is seeded: find seeds that cut inside a batch and on a boundary.
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 1000 && outcomes.size < 2; seed++) {
      const { disk, open, syncAll, settle } = rig(seed);
      const storage = await open();
      const synced = storage.persist(voted, [{ op: 'append', batches: log(0, [1, 1]) }]);
      await syncAll();
      await synced;
      void storage.persist(null, [{ op: 'append', batches: log(2, [1, 1, 1]) }]);
      await settle();
      expect(disk.crash(true)).toEqual({ lost: 1, torn: true });
      const damaged = disk.damaged();
      const loaded = await (await open()).load();
      const end = loaded.durable.batches.length === 0 ? 0 : loaded.durable.batches[loaded.durable.batches.length - 1]!.lastOffset + 1;
      expect(end).toBeGreaterThanOrEqual(2);
      if (damaged.length === 0) {
        outcomes.add('boundary');
        expect(loaded.repairs).toEqual([]);
      } else {
        outcomes.add('inside');
        expect(end).toBe(damaged[0]);
        expect(loaded.repairs).toEqual([expect.objectContaining({ kind: 'truncatedCorruptTail', offset: damaged[0] })]);
        // The repair is durable: the damaged value is gone from the disk.
        expect(disk.damaged()).toEqual([]);
      }
    }
    expect([...outcomes].sort()).toEqual(['boundary', 'inside']);
  });

  it('fails a sync with EIO when told to: the write is lost and the storage reports it', async () => {
    const { disk, open, syncAll } = rig();
    const storage = await open();
    disk.failNextSync();
    const failed = storage.persist(voted, [{ op: 'append', batches: log(0, [1]) }]).catch((error: unknown) => error);
    await syncAll();
    const error = await failed;
    expect(error).toBeInstanceOf(StorageWriteError);
    expect(disk.injectedFailure(error)).toBe(true);
    expect(disk.injectedFailure(new Error('EIO'))).toBe(false);
    expect(disk.durableLog.batches).toEqual([]);
    expect(disk.stats.fsyncErrors).toBe(1);
  });

  it('flips a bit in a stored batch, inside its CRC: recovery drops it and everything after, and reports it', async () => {
    const { disk, open, syncAll } = rig();
    const storage = await open();
    const done = storage.persist(null, [{ op: 'append', batches: log(0, [1, 1, 1, 1]) }]);
    await syncAll();
    await done;
    expect(disk.flipBit(2)).toBe(true);
    expect(disk.damaged()).toEqual([2]);
    const loaded = await (await open()).load();
    expect(loaded.durable.batches.map((b) => b.baseOffset)).toEqual([0, 1]);
    expect(loaded.repairs).toEqual([expect.objectContaining({ kind: 'truncatedCorruptTail', offset: 2, reason: expect.stringMatching(/CRC-32C/) })]);
  });

  it('refuses to change the vote of an epoch, even when the layer above lets the write through', async () => {
    const { disk, open, syncAll } = rig();
    const storage = await open();
    const first = storage.persist(voted, []);
    await syncAll();
    await first;
    const engine = disk.open();
    const encoded = encodeElectionState({ ...voted, votedFor: 3 });
    await expect(engine.write([{ type: 'putMeta', key: 'election', value: encoded }])).rejects.toThrow(/vote of epoch 3 would change from node 2 to node 3/);
    expect(disk.refusals).toHaveLength(1);
    expect(disk.durableElectionState).toEqual(voted);
  });

  it('a dead process’s calls never settle', async () => {
    const { disk, syncAll } = rig();
    const engine = disk.open();
    engine.kill();
    let settled = false;
    void engine.write([]).finally(() => {
      settled = true;
    });
    await syncAll();
    expect(settled).toBe(false);
  });
});

describe('checkpoint files on SimDisk: a crash at any point leaves the old snapshot or the complete new one', () => {
  const OLD = { offset: 2, epoch: 1 };
  const NEW = { offset: 4, epoch: 1 };
  /** A state of a few checkpoint batches, so that a torn file can stop inside one. */
  const stateOf = (id: { offset: number }): Uint8Array => new Uint8Array(CHECKPOINT_BATCH_BYTES * 2 + 100).fill(id.offset);

  async function contentOf(storage: EngineRaftStorage, id: { offset: number; epoch: number }): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of storage.readSnapshot(id)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /** A disk holding four batches and the OLD snapshot, all durable. */
  async function seeded(seed: number) {
    const rigged = rig(seed);
    const storage = await rigged.open();
    const appending = storage.persist(voted, [{ op: 'append', batches: log(0, [1, 1, 1, 1]) }]);
    await rigged.syncAll();
    await appending;
    const taking = (async () => {
      const writer = await storage.createSnapshot(OLD, undefined);
      await writer.write(stateOf(OLD));
      await storage.persist(null, [{ op: 'snapshot', snapshot: await writer.commit() }]);
    })();
    await rigged.syncAll();
    await taking;
    return { ...rigged, storage };
  }

  /** After the crash: the snapshot in force is whole and readable, no partial file survives, and the log continues it. */
  async function expectOldOrNew(disk: SimDisk, storage: EngineRaftStorage, what: string): Promise<'old' | 'new'> {
    const { durable } = await storage.load();
    const id = durable.snapshot?.id;
    expect([what, id]).toEqual([what, expect.objectContaining({ epoch: 1 })]);
    const which = id!.offset === NEW.offset ? 'new' : 'old';
    expect([what, id]).toEqual([what, which === 'new' ? NEW : OLD]);
    expect([what, Buffer.compare(Buffer.from(await contentOf(storage, id!)), Buffer.from(stateOf(id!)))]).toEqual([what, 0]);
    expect([what, durable.batches.map((b) => b.baseOffset)]).toEqual([what, which === 'new' ? [] : [2, 3]]);
    expect([what, disk.snapshotFiles.partialCount]).toEqual([what, 0]);
    return which;
  }

  it('while the node writes and persists a snapshot of its own', async () => {
    const outcomes: string[] = [];
    const seen = { cutPartials: 0, undoneRenames: 0 };
    for (let syncs = 0; syncs <= 4; syncs++) {
      for (const torn of [false, true]) {
        const { disk, open, syncSome, storage } = await seeded(10 + syncs);
        void (async () => {
          const writer = await storage.createSnapshot(NEW, undefined);
          await writer.write(stateOf(NEW));
          await storage.persist(null, [{ op: 'snapshot', snapshot: await writer.commit() }]);
        })();
        await syncSome(syncs);
        disk.crash(torn);
        seen.cutPartials += disk.snapshotFiles.stats.cutPartials;
        seen.undoneRenames += disk.snapshotFiles.stats.undoneRenames;
        outcomes.push(await expectOldOrNew(disk, await open(), `crash after ${syncs} syncs${torn ? ', torn' : ''}`));
      }
    }
    // The crashes hit a file not yet synced and a rename not yet durable, not only the quiet moments.
    expect(seen.cutPartials).toBeGreaterThan(0);
    expect(seen.undoneRenames).toBeGreaterThan(0);
    // Early crashes keep the old one; once the pointer's write is durable the new one is in force.
    expect(outcomes[0]).toBe('old');
    expect(outcomes[outcomes.length - 1]).toBe('new');
  });

  it('while a follower fetches one chunk by chunk and installs it', async () => {
    const outcomes: string[] = [];
    const checkpoint = await (async () => {
      // The leader's checkpoint of NEW, as FetchSnapshot would serve it.
      const { storage, syncAll } = await seeded(1);
      const writing = (async () => {
        const writer = await storage.createSnapshot(NEW, undefined);
        await writer.write(stateOf(NEW));
        return writer.commit();
      })();
      await syncAll();
      const snapshot = await writing;
      return { snapshot, bytes: await storage.readSnapshotBytes(NEW, 0, snapshot.size) };
    })();
    const third = Math.ceil(checkpoint.bytes.length / 3);
    for (let syncs = 0; syncs <= 5; syncs++) {
      for (const torn of [false, true]) {
        const { disk, open, syncSome, storage } = await seeded(20 + syncs);
        void (async () => {
          for (let position = 0; position < checkpoint.bytes.length; position += third) {
            const bytes = checkpoint.bytes.subarray(position, position + third);
            await storage.persist(null, [{ op: 'snapshotChunk', id: NEW, position, bytes }]);
          }
          await storage.persist({ ...voted, epoch: 5 }, [{ op: 'installSnapshot', snapshot: checkpoint.snapshot }]);
        })();
        await syncSome(syncs);
        disk.crash(torn);
        outcomes.push(await expectOldOrNew(disk, await open(), `crash after ${syncs} syncs${torn ? ', torn' : ''}`));
      }
    }
    expect(outcomes[0]).toBe('old');
    expect(outcomes[outcomes.length - 1]).toBe('new');
  });
});
