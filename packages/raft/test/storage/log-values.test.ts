import fc from 'fast-check';
import { readBatchHeader } from '@kz/records';
import type { LogBatch } from '../../src/core/log-batch';
import type { ElectionState } from '../../src/core/quorum-state';
import { EngineRaftStorage } from '../../src/storage/engine-raft-storage';
import { LogValues, MAX_VALUE_BYTES, type StoredValue } from '../../src/storage/log-values';
import { MemorySnapshotFiles } from '../../src/storage/memory-snapshot-files';
import { decodeOffsetKey } from '../../src/storage/offset-key';
import type { EngineWrite, MetaKey, StorageEngine } from '../../src/storage/storage-engine';
import { batchAt, lcg, ModelLog, view, withSnapshotFiles } from './fixtures';

/** A StorageEngine in a Map: what EngineRaftStorage writes, kept as it would be on disk. */
class MapEngine implements StorageEngine {
  readonly location = 'map-engine';
  readonly snapshots = new MemorySnapshotFiles();
  readonly log = new Map<number, Uint8Array>();
  private readonly meta = new Map<MetaKey, Uint8Array>();

  async getMeta(key: MetaKey): Promise<Uint8Array | undefined> {
    return this.meta.get(key);
  }

  async *logEntries(): AsyncIterable<readonly [Uint8Array, Uint8Array]> {
    for (const key of [...this.log.keys()].sort((a, b) => a - b)) {
      const encoded = Buffer.alloc(8);
      encoded.writeBigUInt64BE(BigInt(key));
      yield [encoded, this.log.get(key)!];
    }
  }

  async write(writes: readonly EngineWrite[]): Promise<void> {
    for (const write of writes) {
      if (write.type === 'putMeta') this.meta.set(write.key, write.value.slice());
      else if (write.type === 'putBatch') this.log.set(decodeOffsetKey(write.key)!, write.value.slice());
      else this.log.delete(decodeOffsetKey(write.key)!);
    }
  }

  async close(): Promise<void> {}
}

const runs = { numRuns: Number(process.env['FC_RUNS'] ?? 60), ...(process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) }) };

describe('LogValues: the plan of a persist over the stored values', () => {
  it('puts the appended batches as one value keyed by the first, and deletes nothing', () => {
    const values = new LogValues([]);
    const appended = [batchAt(0, 1), batchAt(1, 1, 3)];
    const plan = values.plan({ from: 0, to: 0 }, appended);
    expect(plan.deletes).toEqual([]);
    expect(plan.puts.map((p) => [p.key, Buffer.from(p.value)])).toEqual([[0, Buffer.concat(appended.map((b) => b.bytes))]]);
    plan.commit();
    expect(values.layout).toEqual([{ kind: 'batches', key: 0, start: 0, end: 4, beyond: false }]);
  });

  it('splits a persist past MAX_VALUE_BYTES into several values; a batch larger than that is a value alone', () => {
    // Only sizes count here: batches whose bytes are blanks of the size wanted.
    const sized = (offset: number, bytes: number): LogBatch => ({ ...batchAt(offset, 1), bytes: new Uint8Array(bytes) });
    const quarter = MAX_VALUE_BYTES / 4;
    const appended = [sized(0, quarter), sized(1, quarter), sized(2, 3 * quarter), sized(3, 5 * quarter), sized(4, 1)];
    const plan = new LogValues([]).plan({ from: 0, to: 0 }, appended);
    expect(plan.puts.map((p) => [p.key, p.value.length])).toEqual([
      [0, 2 * quarter],
      [2, 3 * quarter],
      [3, 5 * quarter],
      [4, 1],
    ]);
  });

  it('cuts a value a truncation ends inside, unless an append puts the new end; never deletes a key it puts', () => {
    const layout = (): StoredValue[] => [
      { kind: 'batches', key: 0, start: 0, end: 5, beyond: false },
      { kind: 'batches', key: 5, start: 5, end: 9, beyond: false },
    ];
    const cut = new LogValues(layout()).plan({ from: 0, to: 3 }, []);
    expect([cut.deletes, cut.puts.map((p) => [p.key, p.value.length])]).toEqual([[5], [[3, 0]]]);
    const replaced = new LogValues(layout()).plan({ from: 0, to: 5 }, [batchAt(5, 2)]);
    expect([replaced.deletes, replaced.puts.map((p) => p.key)]).toEqual([[], [5]]);
    const values = new LogValues(layout());
    values.plan({ from: 0, to: 3 }, []).commit();
    expect(values.layout).toEqual([
      { kind: 'batches', key: 0, start: 0, end: 3, beyond: true },
      { kind: 'cut', key: 3 },
    ]);
    // At the cut already: nothing to write. Appending there replaces the cut with the new value.
    const again = values.plan({ from: 0, to: 3 }, []);
    expect([again.deletes, again.puts]).toEqual([[], []]);
    const appended = values.plan({ from: 0, to: 3 }, [batchAt(3, 2)]);
    expect([appended.deletes, appended.puts.map((p) => p.key)]).toEqual([[], [3]]);
    appended.commit();
    expect(values.layout.map((v) => [v.kind, v.key])).toEqual([
      ['batches', 0],
      ['batches', 3],
    ]);
  });

  it('keeps a value a snapshot ends inside, narrowed; deletes those wholly below it', () => {
    const values = new LogValues([
      { kind: 'batches', key: 0, start: 0, end: 5, beyond: false },
      { kind: 'batches', key: 5, start: 5, end: 9, beyond: false },
    ]);
    const inside = values.plan({ from: 3, to: 9 }, []);
    expect([inside.deletes, inside.puts]).toEqual([[], []]);
    inside.commit();
    expect(values.layout[0]).toEqual({ kind: 'batches', key: 0, start: 3, end: 5, beyond: false });
    const past = values.plan({ from: 6, to: 9 }, []);
    expect([past.deletes, past.puts]).toEqual([[0], []]);
    past.commit();
    expect(values.layout).toEqual([{ kind: 'batches', key: 5, start: 6, end: 9, beyond: false }]);
  });

  it('a plan made before another one committed cannot commit', () => {
    const values = new LogValues([]);
    const first = values.plan({ from: 0, to: 0 }, [batchAt(0, 1)]);
    const second = values.plan({ from: 0, to: 0 }, [batchAt(0, 1)]);
    first.commit();
    expect(() => second.commit()).toThrow(/committed after another/);
  });
});

describe('EngineRaftStorage over stored values of several batches', () => {
  /**
   * What the engine holds, read the way recovery reads it: each value's batches below the next key.
   * Every key must hold at least one batch of the log, except one cut at the end: values the log no
   * longer needs are deleted, not left behind.
   */
  function checkLayout(engine: MapEngine, logStart: number): void {
    const keys = [...engine.log.keys()].sort((a, b) => a - b);
    keys.forEach((key, i) => {
      const value = engine.log.get(key)!;
      const bound = keys[i + 1] ?? Number.POSITIVE_INFINITY;
      if (value.length === 0) {
        expect([key, i]).toEqual([key, keys.length - 1]);
        return;
      }
      let live = 0;
      for (let position = 0, next = key; position < value.length && next < bound; ) {
        const header = readBatchHeader(value, position);
        if (header.lastOffset >= logStart) live++;
        position += header.sizeInBytes;
        next = header.lastOffset + 1;
      }
      expect([key, live > 0]).toEqual([key, true]);
    });
  }

  it('loads exactly what was persisted after every persist, and keeps no value it does not need (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), fc.integer({ min: 5, max: 60 }), async (seed, steps) => {
        const engine = new MapEngine();
        let storage = await EngineRaftStorage.over(engine);
        const model = new ModelLog();
        const random = lcg(seed);
        let election: ElectionState = { epoch: 0, votedFor: -1, leaderId: -1 };
        for (let step = 0; step < steps; step++) {
          if (random() < 0.15) election = { epoch: election.epoch + 1, votedFor: -1, leaderId: 1 };
          await storage.persist(election, await withSnapshotFiles(storage, model.randomOps(random, election.epoch)));
          const expected = model.state(election);
          storage = await EngineRaftStorage.over(engine);
          const loaded = await storage.load();
          expect(loaded.repairs).toEqual([]);
          expect(view(loaded.durable)).toEqual(view(expected));
          checkLayout(engine, expected.snapshot?.id.offset ?? 0);
        }
      }),
      runs,
    );
  });
});
