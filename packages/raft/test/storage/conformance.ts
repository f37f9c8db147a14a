/**
 * The RaftStorage contract, run against every implementation: what persist accepts, how each
 * LogOp changes what load returns, that persists apply in call order, and that a reopened
 * storage sees exactly what was persisted before.
 */
import type { LogBatch } from '../../src/core/log-batch';
import type { DurableState } from '../../src/core/raft-core';
import type { ElectionState } from '../../src/core/quorum-state';
import type { LogOp } from '../../src/core/ready';
import type { RaftStorage } from '../../src/storage/raft-storage';
import { InvalidPersistError, StorageReadError, StorageWriteError } from '../../src/storage/storage-errors';
import { batchAt, batchesFrom, contentOf, lcg, ModelLog, snapshotAt, view, withSnapshotFiles } from './fixtures';

export interface StorageHarness {
  readonly storage: RaftStorage;
  /** Opens the same stored contents again; the caller has closed the previous storage. */
  reopen(): Promise<RaftStorage>;
  /** Closes whatever is still open and removes what the harness created. */
  cleanup(): Promise<void>;
}

const FRESH: DurableState = { electionState: { epoch: 0, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] };

export function describeRaftStorageConformance(name: string, factory: () => Promise<StorageHarness>): void {
  describe(`RaftStorage conformance: ${name}`, () => {
    let harness: StorageHarness;
    let storage: RaftStorage;

    beforeEach(async () => {
      harness = await factory();
      storage = harness.storage;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    /** Closes and reopens; asserts the reopened storage loads exactly `expected`, with no repairs. */
    async function reopenExpecting(expected: DurableState): Promise<void> {
      await storage.close();
      storage = await harness.reopen();
      const loaded = await storage.load();
      expect(loaded.repairs).toEqual([]);
      expect(view(loaded.durable)).toEqual(view(expected));
    }

    /** storage.persist, with the checkpoint files its snapshot ops need (fixtures.withSnapshotFiles). */
    async function persist(electionState: ElectionState | null, ops: LogOp[]): Promise<void> {
      return storage.persist(electionState, await withSnapshotFiles(storage, ops));
    }

    async function loaded(): Promise<DurableState> {
      return (await storage.load()).durable;
    }

    it('loads a fresh storage as epoch 0, no vote, no leader, no snapshot and an empty log', async () => {
      const state = await storage.load();
      expect(state.repairs).toEqual([]);
      expect(view(state.durable)).toEqual(view(FRESH));
      await reopenExpecting(FRESH);
    });

    it('round-trips the election state; null leaves it as it was', async () => {
      const voted: ElectionState = { epoch: 3, votedFor: 2, leaderId: -1 };
      await persist(voted, []);
      expect((await loaded()).electionState).toEqual(voted);
      await persist(null, []);
      const led: ElectionState = { epoch: 3, votedFor: 2, leaderId: 2 };
      await persist(led, []);
      await persist(null, [{ op: 'append', batches: [batchAt(0, 3)] }]);
      await reopenExpecting({ electionState: led, snapshot: null, batches: [batchAt(0, 3)] });
    });

    it('loads appended batches back in order, across reopen', async () => {
      const batches = [batchAt(0, 1, 3), batchAt(3, 1, 1), batchAt(4, 2, 5), batchAt(9, 2, 2), batchAt(11, 4, 1)];
      await persist({ epoch: 1, votedFor: 1, leaderId: 1 }, [{ op: 'append', batches: batches.slice(0, 2) }]);
      await persist(null, [{ op: 'append', batches: batches.slice(2, 4) }]);
      await persist({ epoch: 4, votedFor: -1, leaderId: 3 }, [{ op: 'append', batches: batches.slice(4) }]);
      const expected: DurableState = { electionState: { epoch: 4, votedFor: -1, leaderId: 3 }, snapshot: null, batches };
      expect(view(await loaded())).toEqual(view(expected));
      await reopenExpecting(expected);
    });

    it('truncates whole batches from endOffset up, and appends continue from there', async () => {
      await persist(null, [{ op: 'append', batches: [batchAt(0, 1, 2), batchAt(2, 1, 3), batchAt(5, 2, 2), batchAt(7, 2, 1)] }]);
      await persist(null, [{ op: 'truncate', endOffset: 5 }]);
      expect((await loaded()).batches.map((b) => b.baseOffset)).toEqual([0, 2]);
      await persist(null, [{ op: 'truncate', endOffset: 5 }]); // at the end already: nothing to do
      const replacement = [batchAt(5, 3, 1, 'new'), batchAt(6, 3, 4, 'new')];
      await persist(null, [{ op: 'append', batches: replacement }]);
      await reopenExpecting({
        electionState: FRESH.electionState,
        snapshot: null,
        batches: [batchAt(0, 1, 2), batchAt(2, 1, 3), ...replacement],
      });
      await persist(null, [{ op: 'truncate', endOffset: 0 }]);
      await reopenExpecting(FRESH);
    });

    it('applies the ops of one persist in order, together with the election state', async () => {
      const election: ElectionState = { epoch: 5, votedFor: 1, leaderId: 1 };
      await persist(election, [
        { op: 'append', batches: batchesFrom(0, [1, 1, 2, 2]) },
        { op: 'truncate', endOffset: 2 },
        { op: 'append', batches: batchesFrom(2, [5, 5], 'b') },
        { op: 'snapshot', snapshot: snapshotAt(3, 5) },
        { op: 'append', batches: [batchAt(4, 5, 2, 'c')] },
        { op: 'truncate', endOffset: 4 },
        { op: 'append', batches: [batchAt(4, 5, 1, 'd')] },
      ]);
      const expected: DurableState = {
        electionState: election,
        snapshot: snapshotAt(3, 5),
        batches: [batchAt(3, 5, 1, 'b'), batchAt(4, 5, 1, 'd')],
      };
      expect(view(await loaded())).toEqual(view(expected));
      await reopenExpecting(expected);
    });

    it('compacts on snapshot: drops the log below, keeps the log above, replaces the old snapshot', async () => {
      const log = [batchAt(0, 1, 2), batchAt(2, 1, 2), batchAt(4, 2, 3), batchAt(7, 2, 1), batchAt(8, 3, 2)];
      await persist({ epoch: 3, votedFor: -1, leaderId: 2 }, [{ op: 'append', batches: log }]);
      await persist(null, [{ op: 'snapshot', snapshot: snapshotAt(4, 1, 'first') }]);
      expect(view(await loaded())).toEqual(
        view({ electionState: { epoch: 3, votedFor: -1, leaderId: 2 }, snapshot: snapshotAt(4, 1, 'first'), batches: log.slice(2) }),
      );
      await persist(null, [{ op: 'snapshot', snapshot: snapshotAt(8, 2, 'second') }]);
      const expected: DurableState = {
        electionState: { epoch: 3, votedFor: -1, leaderId: 2 },
        snapshot: snapshotAt(8, 2, 'second'),
        batches: log.slice(4),
      };
      expect(view(await loaded())).toEqual(view(expected));
      await reopenExpecting(expected);
      // A snapshot of the whole log leaves it empty; appends go on from the snapshot end.
      await persist(null, [{ op: 'snapshot', snapshot: snapshotAt(10, 3, 'third') }]);
      await persist(null, [{ op: 'append', batches: [batchAt(10, 3)] }]);
      await reopenExpecting({ ...expected, snapshot: snapshotAt(10, 3, 'third'), batches: [batchAt(10, 3)] });
      expect(await contentOf(storage, { offset: 10, epoch: 3 })).toBe('third');
      await expect(contentOf(storage, { offset: 8, epoch: 2 })).rejects.toMatchObject({ code: 'SNAPSHOT_NOT_FOUND' });
    });

    it('truncates inside the batches one persist appended, appends after, and reopens to that', async () => {
      const persisted = [batchAt(0, 1, 2), batchAt(2, 1), batchAt(3, 2, 3), batchAt(6, 2), batchAt(7, 2)];
      await persist({ epoch: 2, votedFor: 1, leaderId: 1 }, [{ op: 'append', batches: persisted }]);
      await persist(null, [{ op: 'truncate', endOffset: 6 }]);
      const truncated: DurableState = { electionState: { epoch: 2, votedFor: 1, leaderId: 1 }, snapshot: null, batches: persisted.slice(0, 3) };
      await reopenExpecting(truncated);
      await persist(null, [{ op: 'truncate', endOffset: 2 }]);
      await reopenExpecting({ ...truncated, batches: persisted.slice(0, 1) });
      const replacement = [batchAt(2, 3, 1, 'r'), batchAt(3, 3, 4, 'r')];
      await persist({ epoch: 3, votedFor: 2, leaderId: 2 }, [{ op: 'append', batches: replacement }]);
      const replaced: DurableState = { electionState: { epoch: 3, votedFor: 2, leaderId: 2 }, snapshot: null, batches: [persisted[0]!, ...replacement] };
      await reopenExpecting(replaced);
      // Into the new batches, then below them into the first persist's again, within one persist.
      await persist(null, [{ op: 'truncate', endOffset: 3 }, { op: 'truncate', endOffset: 2 }, { op: 'append', batches: [batchAt(2, 3, 1, 's')] }]);
      await reopenExpecting({ ...replaced, batches: [persisted[0]!, batchAt(2, 3, 1, 's')] });
      await persist(null, [{ op: 'truncate', endOffset: 0 }]);
      await reopenExpecting({ ...replaced, batches: [] });
    });

    it('compacts below and inside the batches one persist appended, and reopens to that', async () => {
      const persisted = [batchAt(0, 1, 2), batchAt(2, 1), batchAt(3, 2, 3), batchAt(6, 2)];
      const election: ElectionState = { epoch: 2, votedFor: 1, leaderId: 1 };
      await persist(election, [{ op: 'append', batches: persisted }]);
      await persist(null, [{ op: 'append', batches: [batchAt(7, 2), batchAt(8, 2)] }]);
      // Inside the first persist's batches.
      await persist(null, [{ op: 'snapshot', snapshot: snapshotAt(3, 1, 'inside') }]);
      const inside: DurableState = { electionState: election, snapshot: snapshotAt(3, 1, 'inside'), batches: [...persisted.slice(2), batchAt(7, 2), batchAt(8, 2)] };
      await reopenExpecting(inside);
      // Past them and inside the second's; then a truncation into what is left of the second.
      await persist(null, [{ op: 'snapshot', snapshot: snapshotAt(8, 2, 'past') }]);
      await reopenExpecting({ ...inside, snapshot: snapshotAt(8, 2, 'past'), batches: [batchAt(8, 2)] });
      await persist(null, [{ op: 'truncate', endOffset: 8 }, { op: 'append', batches: [batchAt(8, 3, 1, 'n'), batchAt(9, 3)] }]);
      await reopenExpecting({ ...inside, snapshot: snapshotAt(8, 2, 'past'), batches: [batchAt(8, 3, 1, 'n'), batchAt(9, 3)] });
      expect(await contentOf(storage, { offset: 8, epoch: 2 })).toBe('past');
    });

    it('installSnapshot empties the log; later appends start at the snapshot end', async () => {
      await persist(null, [{ op: 'append', batches: batchesFrom(0, [1, 1, 2]) }]);
      await persist(null, [{ op: 'snapshot', snapshot: snapshotAt(1, 1) }]);
      await persist({ epoch: 7, votedFor: -1, leaderId: 4 }, [{ op: 'installSnapshot', snapshot: snapshotAt(40, 6, 'leader') }]);
      expect(view(await loaded())).toEqual(
        view({ electionState: { epoch: 7, votedFor: -1, leaderId: 4 }, snapshot: snapshotAt(40, 6, 'leader'), batches: [] }),
      );
      await expect(storage.persist(null, [{ op: 'append', batches: [batchAt(3, 7)] }])).rejects.toBeInstanceOf(InvalidPersistError);
      await persist(null, [{ op: 'append', batches: [batchAt(40, 7, 2), batchAt(42, 7)] }]);
      const expected: DurableState = {
        electionState: { epoch: 7, votedFor: -1, leaderId: 4 },
        snapshot: snapshotAt(40, 6, 'leader'),
        batches: [batchAt(40, 7, 2), batchAt(42, 7)],
      };
      await reopenExpecting(expected);
      // A snapshot installed below the current end (a diverged log) still replaces everything.
      await persist(null, [{ op: 'installSnapshot', snapshot: snapshotAt(41, 7, 'again') }]);
      await reopenExpecting({ ...expected, snapshot: snapshotAt(41, 7, 'again'), batches: [] });
      expect(await contentOf(storage, { offset: 41, epoch: 7 })).toBe('again');
    });

    it('applies many persists in flight at once in call order', async () => {
      const calls: Promise<void>[] = [];
      const settled: number[] = [];
      const submit = (election: ElectionState | null, ops: LogOp[]): void => {
        const index = calls.length;
        calls.push(storage.persist(election, ops).then(() => void settled.push(index)));
      };
      const snapshot25 = snapshotAt(25, 21);
      const snapshotOps = await withSnapshotFiles(storage, [{ op: 'snapshot', snapshot: snapshot25 }]);
      for (let offset = 0; offset < 40; offset++) {
        // Each append is only valid after the one before it, and each truncate after its appends.
        submit(offset % 10 === 0 ? { epoch: offset + 1, votedFor: 1, leaderId: 1 } : null, [
          { op: 'append', batches: [batchAt(offset, Math.floor(offset / 10) * 10 + 1)] },
        ]);
        if (offset === 19) submit(null, [{ op: 'truncate', endOffset: 15 }, { op: 'append', batches: batchesFrom(15, [11, 11, 11, 11, 11], 'x') }]);
        if (offset === 29) submit(null, snapshotOps);
      }
      await Promise.all(calls);
      expect(settled).toEqual(calls.map((_, i) => i));
      const epochOf = (offset: number): number => Math.floor(offset / 10) * 10 + 1;
      const batches: LogBatch[] = [];
      for (let offset = 25; offset < 40; offset++) batches.push(batchAt(offset, epochOf(offset)));
      const expected: DurableState = { electionState: { epoch: 31, votedFor: 1, leaderId: 1 }, snapshot: snapshotAt(25, 21), batches };
      expect(view(await loaded())).toEqual(view(expected));
      await reopenExpecting(expected);
    });

    it('reopens to exactly what was persisted, over a long mixed sequence', async () => {
      const model = new ModelLog();
      const random = lcg(0x5eed);
      let election: ElectionState = FRESH.electionState;
      let stored: ElectionState = election;
      for (let step = 0; step < 120; step++) {
        if (random() < 0.1) {
          const epoch = election.epoch + 1;
          election = random() < 0.5 ? { epoch, votedFor: 1 + Math.floor(random() * 3), leaderId: -1 } : { epoch, votedFor: -1, leaderId: 2 };
        }
        const withElection = step % 7 === 0 || random() < 0.2;
        await persist(withElection ? election : null, model.randomOps(random, election.epoch));
        if (withElection) stored = election;
        if (step % 30 === 29) await reopenExpecting(model.state(stored));
      }
      await persist(election, []);
      await reopenExpecting(model.state(election));
    });

    it('rejects a persist that would break the log, and applies none of it', async () => {
      const before: DurableState = {
        electionState: { epoch: 2, votedFor: 1, leaderId: 1 },
        snapshot: snapshotAt(2, 1),
        batches: [batchAt(2, 1, 3), batchAt(5, 2, 2)],
      };
      await persist(before.electionState, [
        { op: 'append', batches: [batchAt(0, 1, 2), ...before.batches] },
        { op: 'snapshot', snapshot: before.snapshot! },
      ]);
      const stamped = batchAt(7, 2);
      const bad: Array<[string, LogOp[]]> = [
        ['a gap', [{ op: 'append', batches: [batchAt(8, 2)] }]],
        ['an overlap', [{ op: 'append', batches: [batchAt(6, 2)] }]],
        ['an epoch going back', [{ op: 'append', batches: [batchAt(7, 1)] }]],
        ['a header naming another offset', [{ op: 'append', batches: [{ ...batchAt(8, 2), baseOffset: 7, lastOffset: 7 }] }]],
        ['a header naming another epoch', [{ op: 'append', batches: [{ ...stamped, epoch: 3 }] }]],
        ['a wrong last offset', [{ op: 'append', batches: [{ ...stamped, lastOffset: 8 }] }]],
        ['trailing bytes', [{ op: 'append', batches: [{ ...stamped, bytes: Buffer.concat([stamped.bytes, Buffer.from([0])]) }] }]],
        ['bytes that are no batch', [{ op: 'append', batches: [{ ...stamped, bytes: new Uint8Array(10) }] }]],
        ['a truncate splitting a batch', [{ op: 'truncate', endOffset: 6 }]],
        ['a truncate below the snapshot', [{ op: 'truncate', endOffset: 1 }]],
        ['a snapshot beyond the log end', [{ op: 'snapshot', snapshot: snapshotAt(8, 2) }]],
        ['a snapshot below the log start', [{ op: 'snapshot', snapshot: snapshotAt(1, 1) }]],
        ['a snapshot splitting a batch', [{ op: 'snapshot', snapshot: snapshotAt(3, 1) }]],
        ['a snapshot misnaming its epoch', [{ op: 'snapshot', snapshot: snapshotAt(5, 2) }]],
        ['a snapshot with a negative offset', [{ op: 'installSnapshot', snapshot: snapshotAt(-1, 1) }]],
        // A valid op first: the whole persist is refused, not just the op that breaks it.
        ['a valid append then a gap', [{ op: 'append', batches: [stamped] }, { op: 'append', batches: [batchAt(9, 2)] }]],
      ];
      for (const [what, ops] of bad) {
        await expect(storage.persist({ epoch: 9, votedFor: -1, leaderId: -1 }, ops)).rejects.toThrow(InvalidPersistError);
        expect([what, view(await loaded())]).toEqual([what, view(before)]);
      }
      await persist(null, [{ op: 'append', batches: [stamped] }]);
      await reopenExpecting({ ...before, batches: [...before.batches, stamped] });
    });

    it('refuses an election state that goes back in epoch or changes a vote', async () => {
      await persist({ epoch: 4, votedFor: 2, leaderId: -1 }, []);
      const refused: ElectionState[] = [
        { epoch: 3, votedFor: -1, leaderId: -1 },
        { epoch: 4, votedFor: 3, leaderId: -1 },
        { epoch: 4, votedFor: -1, leaderId: -1 },
        { epoch: 4.5, votedFor: 2, leaderId: -1 },
        { epoch: 5, votedFor: -2, leaderId: -1 },
        { epoch: 2 ** 31, votedFor: -1, leaderId: -1 },
      ];
      for (const next of refused) {
        await expect(storage.persist(next, [{ op: 'append', batches: [batchAt(0, 4)] }])).rejects.toThrow(InvalidPersistError);
      }
      // Learning or forgetting the leader within the epoch is fine, so is a new vote in a new epoch.
      await persist({ epoch: 4, votedFor: 2, leaderId: 2 }, []);
      await persist({ epoch: 4, votedFor: 2, leaderId: -1 }, []);
      await persist({ epoch: 5, votedFor: 3, leaderId: -1 }, []);
      await reopenExpecting({ electionState: { epoch: 5, votedFor: 3, leaderId: -1 }, snapshot: null, batches: [] });
    });

    it('stores copies: later changes to the caller’s or the loaded buffers do not reach it', async () => {
      const batch = batchAt(1, 1, 2);
      const snapshot = snapshotAt(1, 1, 'snap');
      await Promise.all([
        persist(null, [{ op: 'append', batches: [batchAt(0, 1), batch] }]),
        persist(null, [{ op: 'snapshot', snapshot }]),
      ]);
      batch.bytes.fill(0);
      const first = await loaded();
      first.batches[0]!.bytes.fill(1);
      const expected: DurableState = { electionState: FRESH.electionState, snapshot: snapshotAt(1, 1, 'snap'), batches: [batchAt(1, 1, 2)] };
      expect(view(await loaded())).toEqual(view(expected));
      await reopenExpecting(expected);
    });

    it('rejects persist and load after close with typed errors', async () => {
      await persist({ epoch: 1, votedFor: 1, leaderId: -1 }, []);
      await storage.close();
      await storage.close(); // closing twice is harmless
      await expect(storage.persist(null, [{ op: 'append', batches: [batchAt(0, 1)] }])).rejects.toThrow(StorageWriteError);
      await expect(storage.load()).rejects.toThrow(StorageReadError);
      storage = await harness.reopen();
      expect(view(await loaded())).toEqual(view({ ...FRESH, electionState: { epoch: 1, votedFor: 1, leaderId: -1 } }));
    });
  });
}
