import { RaftCore } from '../../src/core/raft-core';
import { newDirectoryId, type Voter } from '../../src/core/voter-set';
import type { FetchRequest, FetchResponse } from '../../src/core/messages';
import { SeededRandom } from '../../src/testing/seeded-random';
import { batchAt } from './batch-fixtures';
import { CoreNet, fetchAnswer, readies } from './core-net';

const dir = (seed: number): string => newDirectoryId(new SeededRandom(seed).asFunction());
const voter = (id: number): Voter => ({ id, directoryId: dir(id), endpoints: [{ name: 'CONTROLLER', host: `h${id}`, port: 9000 + id }] });

/**
 * Node 1 following 2 in epoch 3, with an empty log; returns it and its first fetch. Its fetch
 * timeout (5000) is longer than the request timeout (2000).
 */
function follower(): { core: RaftCore; fetch: FetchRequest } {
  const core = RaftCore.start({ nodeId: 1, voters: [1, 2, 3], random: () => 0, fetchTimeoutMs: 5000 }, { electionState: { epoch: 3, votedFor: -1, leaderId: 2 }, snapshot: null, batches: [] }, 0);
  const fetch = readies(core).flatMap((r) => r.messages).find((m) => m.message.type === 'FetchRequest')!.message as FetchRequest;
  return { core, fetch };
}

const answer = (request: FetchRequest, batches: Uint8Array[]): FetchResponse => fetchAnswer(request, { batches });

// A driver takes a Ready only when hasReady says so: an output it does not count would wait for
// some unrelated later input, however long that takes.
describe('hasReady counts every kind of output, even one alone', () => {
  test('a role change alone: a sole voter resigning has nobody to tell', () => {
    const core = RaftCore.start({ nodeId: 1, voters: [1], random: () => 0 }, { electionState: { epoch: 0, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] }, 0);
    core.tick(1000);
    readies(core, 1000);
    core.resign(1001);
    expect(core.hasReady()).toBe(true);
    const ready = core.takeReady();
    expect(ready).toMatchObject({ persistId: null, logOps: [], messages: [], messagesAfterPersist: [], roleChange: { role: 'resigned' } });
    expect(core.hasReady()).toBe(false);
  });

  test('a message waiting for a sync alone: a follower whose disk is slow retries its timed-out fetch', () => {
    const { core, fetch } = follower();
    core.receive(10, 2, answer(fetch, [batchAt(0, 3).bytes]));
    const appended = core.takeReady();
    expect(appended.persistId).not.toBeNull();
    // The sync never completes, so the fetch after it never leaves; at the request timeout the
    // follower asks again, and that fetch too must wait for the sync.
    core.tick(10 + 2000);
    expect(core.hasReady()).toBe(true);
    const retry = core.takeReady();
    expect(retry).toMatchObject({ persistId: null, logOps: [], messages: [] });
    expect(retry.messagesAfterPersist.map((m) => m.message)).toMatchObject([{ type: 'FetchRequest', fetchOffset: 1 }]);
  });

  test('a new voter set alone: a voter change still lingering', () => {
    const net = new CoreNet([{ nodeId: 1, directoryId: dir(1), bootstrapVoters: [voter(1)], appendLingerMs: 50 }]);
    const leader = net.elect();
    net.run(200);
    expect(leader.hasReady()).toBe(false);
    const moved = [{ name: 'CONTROLLER', host: 'h1', port: 9100 }];
    expect(leader.updateVoter(net.now, 1, dir(1), moved).ok).toBe(true);
    expect(leader.hasReady()).toBe(true);
    const ready = leader.takeReady();
    expect(ready.logOps).toEqual([]); // the VotersRecord's append lingers
    expect(ready.voters).toEqual([{ ...voter(1), endpoints: moved }]);
  });
});

describe('persisted', () => {
  test('makes durable the Readys up to the one named, not those after it', () => {
    const { core, fetch } = follower();
    core.receive(10, 2, answer(fetch, [batchAt(0, 3).bytes]));
    const first = core.takeReady();
    const next = first.messagesAfterPersist[0]!.message as FetchRequest;
    // The fetch is answered (a driver may send it early in a test; the core does not care).
    core.receive(20, 2, answer(next, [batchAt(1, 3).bytes]));
    const second = core.takeReady();
    expect(second.persistId).toBeGreaterThan(first.persistId!);
    expect(core.status()).toMatchObject({ logEndOffset: 2, flushedEndOffset: 0 });
    core.persisted(30, first.persistId!);
    expect(core.status().flushedEndOffset).toBe(1);
    core.persisted(40, second.persistId!);
    expect(core.status().flushedEndOffset).toBe(2);
  });
});
