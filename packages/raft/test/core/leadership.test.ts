import { RaftCore, type DurableState } from '../../src/core/raft-core';
import type { ElectionState } from '../../src/core/quorum-state';
import type { RaftConfigInput } from '../../src/core/config';
import type { Ready } from '../../src/core/ready';
import { batchAt, logOfEpochs } from './batch-fixtures';
import { readies, sent } from './core-net';

/**
 * Node 1 of static voters, driven message by message. `random` is 0, so every election timeout is
 * exactly electionTimeoutMs (1000) and a follower's fetch timeout exactly fetchTimeoutMs (2000).
 */
function start(election: Partial<ElectionState> = {}, durable: Partial<DurableState> = {}, config: Partial<RaftConfigInput> = {}, now = 0): RaftCore {
  return RaftCore.start(
    { nodeId: 1, voters: [1, 2, 3], random: () => 0, ...config },
    { electionState: { epoch: 5, votedFor: -1, leaderId: -1, ...election }, snapshot: null, batches: [], ...durable },
    now,
  );
}

/** Node 1 elected leader of epoch 6 by votes from 2 and 3's pre-vote and vote. */
function leader(config: Partial<RaftConfigInput> = {}): RaftCore {
  const core = start({}, {}, config);
  readies(core);
  core.tick(1000);
  const preVote = sent(core).find((s) => s.message.type === 'VoteRequest')!.message;
  core.receive(1001, 2, { type: 'VoteResponse', requestId: preVote.requestId, error: 'NONE', epoch: 5, leaderId: -1, granted: true, preVote: true });
  const vote = sent(core).find((s) => s.message.type === 'VoteRequest')!.message;
  core.receive(1002, 2, { type: 'VoteResponse', requestId: vote.requestId, error: 'NONE', epoch: 6, leaderId: -1, granted: true, preVote: false });
  expect(core.status()).toMatchObject({ role: 'leader', epoch: 6 });
  return core;
}

describe('a restart resumes from the durable election state', () => {
  test('a log with a later epoch than the stored state wins: unattached in that epoch, written back', () => {
    const core = start({ epoch: 2, votedFor: 3 }, { batches: logOfEpochs([1, 4]) });
    expect(core.status()).toMatchObject({ role: 'unattached', epoch: 4, votedFor: -1, leaderId: -1 });
    expect(readies(core)[0]!.electionState).toEqual({ epoch: 4, votedFor: -1, leaderId: -1 });
  });

  test('a leader restarting resigns: it names the other voters as successors and no leader', () => {
    const core = start({ epoch: 5, votedFor: 1, leaderId: 1 }, {}, {}, 100);
    expect(core.status()).toMatchObject({ role: 'resigned', epoch: 5, leaderId: -1 });
    const ends = sent(core).filter((s) => s.message.type === 'EndQuorumEpochRequest');
    expect(ends.map((s) => s.to)).toEqual([2, 3]);
    expect(ends[0]!.message).toMatchObject({ epoch: 5, leaderId: 1, preferredSuccessors: [2, 3] });
    expect(core.nextDeadline()).toBe(100 + 1000); // min(election deadline, resend at now + fetchTimeout / 2)
  });

  test('a node that knew another leader follows it and fetches at once', () => {
    const core = start({ epoch: 5, votedFor: 2, leaderId: 2 }, { batches: logOfEpochs([3, 5]) });
    expect(core.status()).toMatchObject({ role: 'follower', epoch: 5, leaderId: 2, votedFor: 2 });
    const [fetch] = sent(core);
    expect(fetch).toEqual({
      to: 2,
      message: { type: 'FetchRequest', requestId: fetch!.message.requestId, epoch: 5, replicaId: 1, fetchOffset: 2, lastFetchedEpoch: 5, maxWaitMs: 500, maxBytes: 8 * 1024 * 1024 },
    });
    expect(core.nextDeadline()).toBe(2000); // the request timeout and the fetch timeout
  });

  test('otherwise it is unattached, keeping its vote', () => {
    const core = start({ epoch: 5, votedFor: 3 });
    expect(core.status()).toMatchObject({ role: 'unattached', epoch: 5, votedFor: 3 });
    expect(core.nextDeadline()).toBe(1000);
    const first = readies(core)[0]!;
    // Nothing to write: the first Ready only tells the driver the role and the voters.
    expect(first).toMatchObject({
      persistId: null,
      electionState: null,
      logOps: [],
      messages: [],
      messagesAfterPersist: [],
      snapshotReads: [],
      loadSnapshot: null,
      committed: [],
      readsReady: [],
      readsFailed: [],
      highWatermark: 0,
    });
    expect(first.roleChange).toEqual({ role: 'unattached', leader: { leaderId: -1, epoch: 5 } });
    expect(first.voters?.map((v) => v.id)).toEqual([1, 2, 3]);
  });

  test('request ids continue from a random point, so they do not repeat across restarts', () => {
    const fetchId = (random: number): number => {
      const core = RaftCore.start({ nodeId: 1, voters: [1, 2], random: () => random }, { electionState: { epoch: 1, votedFor: -1, leaderId: 2 }, snapshot: null, batches: [] }, 0);
      return sent(core)[0]!.message.requestId;
    };
    expect(fetchId(0)).toBe(1);
    expect(fetchId(0.5)).toBe(2 ** 39 + 1);
  });
});

test('a message a node gets from itself is ignored', () => {
  const core = start({ epoch: 5 });
  readies(core);
  core.receive(10, 1, { type: 'VoteRequest', requestId: 3, epoch: 6, candidateId: 1, lastEpoch: 0, lastOffset: 0, preVote: false });
  core.receive(10, 1, { type: 'BeginQuorumEpochRequest', requestId: 4, epoch: 6, leaderId: 1 });
  expect(core.hasReady()).toBe(false);
  expect(core.status()).toMatchObject({ epoch: 5, role: 'unattached', votedFor: -1 });
});

describe('resigning', () => {
  test('a leader resigns to its voters, who campaign without waiting; the first successor at once', () => {
    const core = leader();
    readies(core);
    core.resign(1100);
    expect(core.status()).toMatchObject({ role: 'resigned', epoch: 6, leaderId: -1 });
    const ends = sent(core).filter((s) => s.message.type === 'EndQuorumEpochRequest');
    expect(ends.map((s) => s.to).sort()).toEqual([2, 3]);
    // The resigned leader answers fetches as no leader.
    core.receive(1101, 2, { type: 'FetchRequest', requestId: 4, epoch: 6, replicaId: 2, fetchOffset: 0, lastFetchedEpoch: 0, maxWaitMs: 0, maxBytes: 100 });
    expect(sent(core)).toMatchObject([{ to: 2, message: { type: 'FetchResponse', error: 'NOT_LEADER_OR_FOLLOWER', leaderId: -1, epoch: 6 } }]);
    expect(core.readIndex(1101)).toEqual({ ok: false, error: { code: 'NOT_LEADER_OR_FOLLOWER', leaderId: -1, epoch: 6 } });
  });

  test('EndQuorumEpoch is resent every fetchTimeout / 2 until each successor answers', () => {
    const core = start({ epoch: 5, votedFor: 1, leaderId: 1 }, {}, { electionTimeoutMs: 5000, fetchTimeoutMs: 2000 }, 0);
    expect(sent(core).filter((s) => s.message.type === 'EndQuorumEpochRequest').map((s) => s.to)).toEqual([2, 3]);
    expect(core.nextDeadline()).toBe(1000);
    core.tick(999);
    expect(sent(core)).toEqual([]);
    core.receive(999, 2, { type: 'EndQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 5, leaderId: -1 });
    // An answer from an older epoch does not count.
    core.receive(999, 3, { type: 'EndQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 4, leaderId: -1 });
    core.tick(1000);
    const resent = sent(core);
    expect(resent.map((s) => s.to)).toEqual([3]);
    expect(resent[0]!.message).toMatchObject({ type: 'EndQuorumEpochRequest', epoch: 5, preferredSuccessors: [2, 3] });
    expect(core.nextDeadline()).toBe(2000);
    core.receive(1500, 3, { type: 'EndQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 5, leaderId: -1 });
    // Nobody left to tell: only the election deadline remains.
    expect(core.nextDeadline()).toBe(5000);
    core.tick(4999);
    expect(core.status().role).toBe('resigned');
    core.tick(5000);
    expect(core.status().role).toBe('prospective');
  });

  test('resign does nothing on a node that does not lead', () => {
    const core = start();
    readies(core);
    core.resign(10);
    expect(core.status().role).toBe('unattached');
    expect(core.hasReady()).toBe(false);
  });

  test('a follower told by its leader that it resigned campaigns after its place in the successor list', () => {
    const follow = (config: Partial<RaftConfigInput> = {}): RaftCore => {
      const core = start({ epoch: 5, votedFor: -1, leaderId: 2 }, {}, config);
      readies(core);
      return core;
    };
    const first = follow();
    first.receive(100, 2, { type: 'EndQuorumEpochRequest', requestId: 9, epoch: 5, leaderId: 2, preferredSuccessors: [1, 3] });
    expect(first.status()).toMatchObject({ role: 'prospective', epoch: 5 });
    const out = sent(first);
    expect(out).toContainEqual({ to: 2, message: { type: 'EndQuorumEpochResponse', requestId: 9, error: 'NONE', epoch: 5, leaderId: 2 } });
    expect(out.filter((s) => s.message.type === 'VoteRequest').map((s) => s.to)).toEqual([2, 3]);

    // Second in the list: backoff max (1000) >> (2 - 1) = 500 ms.
    const second = follow();
    second.receive(100, 2, { type: 'EndQuorumEpochRequest', requestId: 9, epoch: 5, leaderId: 2, preferredSuccessors: [3, 1] });
    expect(second.status().role).toBe('follower');
    expect(second.nextDeadline()).toBe(600);
    second.tick(600);
    expect(second.status().role).toBe('prospective');

    // Not named at all: the full backoff.
    const absent = follow({ electionBackoffMaxMs: 700 });
    absent.receive(100, 2, { type: 'EndQuorumEpochRequest', requestId: 9, epoch: 5, leaderId: 2, preferredSuccessors: [3] });
    expect(absent.nextDeadline()).toBe(800);
    // Its leader is no longer treated as alive: it grants a pre-vote at once.
    absent.receive(101, 3, { type: 'VoteRequest', requestId: 3, epoch: 5, candidateId: 3, lastEpoch: 0, lastOffset: 0, preVote: true });
    expect(sent(absent)).toContainEqual({ to: 3, message: expect.objectContaining({ type: 'VoteResponse', granted: true, preVote: true }) });
  });

  test('an unattached voter shortens its wait; EndQuorumEpoch of an older epoch or from a non-voter is refused', () => {
    const core = start({ epoch: 5 });
    readies(core);
    core.receive(100, 2, { type: 'EndQuorumEpochRequest', requestId: 1, epoch: 5, leaderId: 2, preferredSuccessors: [3, 1] });
    expect(core.status()).toMatchObject({ role: 'unattached', epoch: 5 });
    expect(core.nextDeadline()).toBe(600);
    expect(sent(core)).toEqual([{ to: 2, message: { type: 'EndQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 5, leaderId: -1 } }]);

    core.receive(100, 2, { type: 'EndQuorumEpochRequest', requestId: 2, epoch: 4, leaderId: 2, preferredSuccessors: [1] });
    expect(sent(core)).toMatchObject([{ message: { error: 'FENCED_LEADER_EPOCH', epoch: 5 } }]);
    core.receive(100, 9, { type: 'EndQuorumEpochRequest', requestId: 3, epoch: 5, leaderId: 9, preferredSuccessors: [1] });
    expect(sent(core)).toMatchObject([{ to: 9, message: { error: 'INVALID_REQUEST' } }]);
    core.receive(100, 3, { type: 'EndQuorumEpochRequest', requestId: 4, epoch: 5, leaderId: 2, preferredSuccessors: [1] });
    expect(sent(core)).toMatchObject([{ to: 3, message: { error: 'INVALID_REQUEST' } }]);
    expect(core.status()).toMatchObject({ role: 'unattached', epoch: 5 });

    // A later epoch: unattached in it, then the same backoff (first in line: at once).
    core.receive(200, 2, { type: 'EndQuorumEpochRequest', requestId: 5, epoch: 7, leaderId: 2, preferredSuccessors: [1] });
    expect(core.status()).toMatchObject({ role: 'prospective', epoch: 7 });
  });
});

describe('BeginQuorumEpoch', () => {
  const begin = (epoch: number, leaderId: number, requestId = 1) => ({ type: 'BeginQuorumEpochRequest' as const, requestId, epoch, leaderId });

  test('a new leader of a later epoch, or of ours when none is known, is followed', () => {
    const core = start({ epoch: 5 });
    readies(core);
    core.receive(10, 2, begin(5, 2));
    expect(core.status()).toMatchObject({ role: 'follower', leaderId: 2, epoch: 5 });
    const out = sent(core);
    expect(out).toContainEqual({ to: 2, message: { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 5, leaderId: 2 } });
    expect(out.some((s) => s.message.type === 'FetchRequest' && s.to === 2)).toBe(true);

    core.receive(20, 3, begin(7, 3));
    expect(core.status()).toMatchObject({ role: 'follower', leaderId: 3, epoch: 7, votedFor: -1 });
  });

  test('a voter campaigning after losing touch with its leader follows it again when it announces itself; no one else', () => {
    const core = start({ epoch: 5, votedFor: -1, leaderId: 2 });
    readies(core);
    core.tick(2000); // the fetch timeout: it campaigns, still knowing 2 as the leader of epoch 5
    expect(core.status()).toMatchObject({ role: 'prospective', epoch: 5, leaderId: 2 });
    readies(core, 2000);
    core.receive(2001, 3, begin(5, 3));
    expect(sent(core, 2001)).toEqual([{ to: 3, message: { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'INVALID_REQUEST', epoch: 5, leaderId: 2 } }]);
    expect(core.status()).toMatchObject({ role: 'prospective', leaderId: 2 });
    core.receive(2002, 2, begin(5, 2));
    expect(core.status()).toMatchObject({ role: 'follower', epoch: 5, leaderId: 2 });
  });

  test('a second leader in one epoch, a stale epoch, or a claim by someone else is refused', () => {
    const core = start({ epoch: 5, leaderId: 2 });
    readies(core);
    core.receive(10, 3, begin(5, 3));
    expect(sent(core)).toEqual([{ to: 3, message: { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'INVALID_REQUEST', epoch: 5, leaderId: 2 } }]);
    core.receive(10, 3, begin(4, 3));
    expect(sent(core)).toMatchObject([{ message: { error: 'FENCED_LEADER_EPOCH' } }]);
    core.receive(10, 3, begin(6, 2));
    expect(sent(core)).toMatchObject([{ message: { error: 'INVALID_REQUEST' } }]);
    core.receive(10, 9, begin(6, 9));
    expect(sent(core)).toMatchObject([{ message: { error: 'INVALID_REQUEST' } }]);
    expect(core.status()).toMatchObject({ role: 'follower', leaderId: 2, epoch: 5 });
    // Our own leader again: still followed, answered NONE, nothing new.
    core.receive(10, 2, begin(5, 2, 8));
    expect(sent(core)).toEqual([{ to: 2, message: { type: 'BeginQuorumEpochResponse', requestId: 8, error: 'NONE', epoch: 5, leaderId: 2 } }]);
  });

  test('a leader that hears of a later epoch steps down', () => {
    const core = leader();
    readies(core);
    core.receive(2000, 3, begin(9, 3));
    expect(core.status()).toMatchObject({ role: 'follower', epoch: 9, leaderId: 3 });
  });
});

describe('vote requests', () => {
  const ask = (over: Partial<{ candidateId: number; epoch: number; lastEpoch: number; lastOffset: number; preVote: boolean }> = {}) => ({
    type: 'VoteRequest' as const,
    requestId: 3,
    epoch: 6,
    candidateId: 2,
    lastEpoch: 1,
    lastOffset: 2,
    preVote: false,
    ...over,
  });
  const answer = (core: RaftCore, from: number, request: ReturnType<typeof ask>) => {
    core.receive(10, from, request);
    return sent(core).map((s) => s.message);
  };

  test('a malformed request is refused as INVALID_REQUEST and changes nothing', () => {
    const core = start({ epoch: 5 }, { batches: logOfEpochs([1, 1]) });
    readies(core);
    const refused = (from: number, request: ReturnType<typeof ask>) =>
      expect(answer(core, from, request)).toEqual([{ type: 'VoteResponse', requestId: 3, error: 'INVALID_REQUEST', epoch: 5, leaderId: -1, granted: false, preVote: request.preVote }]);
    refused(3, ask());
    refused(9, ask({ candidateId: 9 }));
    refused(2, ask({ lastOffset: -1 }));
    refused(2, ask({ lastEpoch: -1 }));
    refused(2, ask({ lastEpoch: 6 }));
    refused(2, ask({ lastEpoch: 7, preVote: true }));
    expect(core.status()).toMatchObject({ epoch: 5, votedFor: -1 });
    // A pre-vote may name its own epoch as its last (it has not bumped it).
    expect(answer(core, 2, ask({ epoch: 5, lastEpoch: 5, preVote: true, lastOffset: 5 }))).toMatchObject([{ error: 'NONE', granted: true, preVote: true }]);
    expect(core.status()).toMatchObject({ epoch: 5, votedFor: -1 });
  });

  test('a granted vote is written before it is sent; a pre-vote changes nothing', () => {
    const core = start({ epoch: 5 }, { batches: logOfEpochs([1, 1]) });
    readies(core);
    core.receive(10, 2, ask({ preVote: true, epoch: 5 }));
    let ready = core.takeReady();
    expect(ready.persistId).toBeNull();
    expect(ready.messages.map((m) => m.message)).toMatchObject([{ granted: true, preVote: true, epoch: 5 }]);
    core.receive(10, 2, ask());
    ready = core.takeReady();
    expect(ready.electionState).toEqual({ epoch: 6, votedFor: 2, leaderId: -1 });
    expect(ready.messages).toEqual([]);
    expect(ready.messagesAfterPersist.map((m) => m.message)).toEqual([{ type: 'VoteResponse', requestId: 3, error: 'NONE', epoch: 6, leaderId: -1, granted: true, preVote: false }]);
    // Voted: another candidate of the same epoch is refused, the same one granted again.
    expect(answer(core, 3, ask({ candidateId: 3 }))).toMatchObject([{ granted: false, error: 'NONE' }]);
    expect(answer(core, 2, ask())).toMatchObject([{ granted: true }]);
    expect(core.status()).toMatchObject({ epoch: 6, votedFor: 2 });
  });

  test('a candidate whose log is behind ours is refused, but its later epoch is adopted', () => {
    const core = start({ epoch: 5 }, { batches: logOfEpochs([1, 3, 3]) });
    readies(core);
    expect(answer(core, 2, ask({ epoch: 7, lastEpoch: 3, lastOffset: 2 }))).toMatchObject([{ granted: false, epoch: 7 }]);
    expect(core.status()).toMatchObject({ epoch: 7, votedFor: -1, role: 'unattached' });
    expect(answer(core, 3, ask({ epoch: 7, candidateId: 3, lastEpoch: 3, lastOffset: 3 }))).toMatchObject([{ granted: true, epoch: 7 }]);
  });

  test('a vote asked again by the candidate it went to is granted again, without restarting the election timer', () => {
    const core = start({ epoch: 5 });
    readies(core);
    const ask = { type: 'VoteRequest' as const, requestId: 7, epoch: 6, candidateId: 2, lastEpoch: 0, lastOffset: 0, preVote: false };
    core.receive(100, 2, ask);
    expect(core.status()).toMatchObject({ role: 'unattached', epoch: 6, votedFor: 2 });
    expect(core.nextDeadline()).toBe(1100);
    readies(core, 100);
    core.receive(500, 2, ask);
    const [ready] = readies(core, 500);
    expect(ready!.messages.map((m) => m.message)).toMatchObject([{ type: 'VoteResponse', granted: true, epoch: 6 }]);
    expect(ready!.roleChange).toBeNull();
    expect(core.nextDeadline()).toBe(1100);
  });

  test('a node that is not a voter does not vote', () => {
    const observer = RaftCore.start(
      { nodeId: 4, voters: [1, 2, 3], random: () => 0 },
      { electionState: { epoch: 5, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] },
      0,
    );
    readies(observer);
    expect(answer(observer, 2, ask())).toMatchObject([{ error: 'INVALID_REQUEST', granted: false }]);
  });

  test('a follower in recent contact with its leader refuses pre-votes; not once the fetch timeout passed', () => {
    const core = start({ epoch: 5, leaderId: 2 });
    const fetch = sent(core)[0]!.message;
    core.receive(100, 2, { type: 'FetchResponse', requestId: fetch.requestId, error: 'NONE', epoch: 5, leaderId: 2, highWatermark: 0, logStartOffset: 0, batches: [] });
    readies(core);
    core.receive(2099, 3, ask({ epoch: 5, candidateId: 3, preVote: true, lastEpoch: 0, lastOffset: 0 }));
    expect(sent(core).map((s) => s.message)).toMatchObject([{ granted: false }]);
    core.receive(2100, 3, ask({ epoch: 5, candidateId: 3, preVote: true, lastEpoch: 0, lastOffset: 0 }));
    expect(sent(core).map((s) => s.message)).toMatchObject([{ granted: true }]);
  });
});

describe('elections', () => {
  test('a prospective that wins the pre-vote becomes a candidate of the next epoch and asks for real votes', () => {
    const core = start({ epoch: 5 }, { batches: logOfEpochs([2, 2, 3]) });
    readies(core);
    core.tick(1000);
    const pre = sent(core);
    expect(pre.map((s) => s.to)).toEqual([2, 3]);
    expect(pre[0]!.message).toEqual({ type: 'VoteRequest', requestId: pre[0]!.message.requestId, epoch: 5, candidateId: 1, lastEpoch: 3, lastOffset: 3, preVote: true });
    expect(core.status()).toMatchObject({ role: 'prospective', epoch: 5 });
    expect(core.nextDeadline()).toBe(2000);
    // A vote answer for another round, or the wrong kind, counts for nothing.
    const id = pre[0]!.message.requestId;
    core.receive(1001, 2, { type: 'VoteResponse', requestId: id + 100, error: 'NONE', epoch: 5, leaderId: -1, granted: true, preVote: true });
    core.receive(1001, 2, { type: 'VoteResponse', requestId: id, error: 'NONE', epoch: 5, leaderId: -1, granted: true, preVote: false });
    core.receive(1001, 9, { type: 'VoteResponse', requestId: id, error: 'NONE', epoch: 5, leaderId: -1, granted: true, preVote: true });
    expect(core.status().role).toBe('prospective');
    core.receive(1001, 3, { type: 'VoteResponse', requestId: id, error: 'NONE', epoch: 5, leaderId: -1, granted: true, preVote: true });
    expect(core.status()).toMatchObject({ role: 'candidate', epoch: 6, votedFor: 1 });
    const ready = core.takeReady();
    expect(ready.electionState).toEqual({ epoch: 6, votedFor: 1, leaderId: -1 });
    expect(ready.messagesAfterPersist.map((m) => m.message)).toMatchObject([
      { type: 'VoteRequest', epoch: 6, preVote: false, lastEpoch: 3, lastOffset: 3 },
      { type: 'VoteRequest', epoch: 6, preVote: false },
    ]);
  });

  test('a lost pre-vote leaves the node unattached; a lost vote backs off and tries again with a pre-vote', () => {
    const core = start({ epoch: 5 });
    readies(core);
    core.tick(1000);
    const pre = sent(core)[0]!.message;
    core.receive(1001, 2, { type: 'VoteResponse', requestId: pre.requestId, error: 'NONE', epoch: 5, leaderId: -1, granted: false, preVote: true });
    expect(core.status().role).toBe('prospective');
    core.receive(1002, 3, { type: 'VoteResponse', requestId: pre.requestId, error: 'NONE', epoch: 5, leaderId: -1, granted: false, preVote: true });
    expect(core.status()).toMatchObject({ role: 'unattached', epoch: 5 });

    const candidate = start({ epoch: 5 }, {}, { random: () => 0.99 });
    readies(candidate);
    candidate.tick(2000);
    const pre2 = sent(candidate)[0]!.message;
    candidate.receive(2001, 2, { type: 'VoteResponse', requestId: pre2.requestId, error: 'NONE', epoch: 5, leaderId: -1, granted: true, preVote: true });
    const vote = sent(candidate)[0]!.message;
    candidate.receive(2002, 2, { type: 'VoteResponse', requestId: vote.requestId, error: 'NONE', epoch: 6, leaderId: -1, granted: false, preVote: false });
    candidate.receive(2003, 3, { type: 'VoteResponse', requestId: vote.requestId, error: 'NONE', epoch: 6, leaderId: -1, granted: false, preVote: false });
    expect(candidate.status()).toMatchObject({ role: 'candidate', epoch: 6 });
    // Backoff after the first loss: 100 ms × floor(0.99 × 2) = 100.
    expect(candidate.nextDeadline()).toBe(2103);
    candidate.tick(2103);
    expect(candidate.status()).toMatchObject({ role: 'prospective', epoch: 6 });
    // A second loss in a row doubles the buckets: 100 ms × floor(0.99 × 4) = 300.
    const pre3 = sent(candidate, 2103)[0]!.message;
    candidate.receive(2104, 2, { type: 'VoteResponse', requestId: pre3.requestId, error: 'NONE', epoch: 6, leaderId: -1, granted: true, preVote: true });
    const vote2 = sent(candidate, 2104)[0]!.message;
    candidate.receive(2105, 2, { type: 'VoteResponse', requestId: vote2.requestId, error: 'NONE', epoch: 7, leaderId: -1, granted: false, preVote: false });
    candidate.receive(2106, 3, { type: 'VoteResponse', requestId: vote2.requestId, error: 'NONE', epoch: 7, leaderId: -1, granted: false, preVote: false });
    expect(candidate.status()).toMatchObject({ role: 'candidate', epoch: 7 });
    expect(candidate.nextDeadline()).toBe(2106 + 300);
  });

  test('answers of an older epoch do not count, even with the round’s request id', () => {
    const core = start({ epoch: 5 });
    readies(core);
    core.tick(1000);
    const pre = sent(core)[0]!.message;
    // Voters that refused before they moved to our epoch (a refusal answers in the replier's epoch).
    core.receive(1001, 2, { type: 'VoteResponse', requestId: pre.requestId, error: 'INVALID_REQUEST', epoch: 4, leaderId: -1, granted: false, preVote: true });
    core.receive(1001, 3, { type: 'VoteResponse', requestId: pre.requestId, error: 'INVALID_REQUEST', epoch: 4, leaderId: -1, granted: false, preVote: true });
    expect(core.status()).toMatchObject({ role: 'prospective', epoch: 5 });
    core.receive(1002, 2, { type: 'VoteResponse', requestId: pre.requestId, error: 'NONE', epoch: 5, leaderId: -1, granted: true, preVote: true });
    expect(core.status()).toMatchObject({ role: 'candidate', epoch: 6 });
  });

  test('a former leader that loses its pre-vote is unattached, not a follower of itself', () => {
    const core = start({ epoch: 5, votedFor: 1, leaderId: 1 });
    expect(core.status().role).toBe('resigned');
    readies(core);
    core.tick(1000);
    expect(core.status()).toMatchObject({ role: 'prospective', leaderId: 1 });
    const pre = sent(core, 1000).find((s) => s.message.type === 'VoteRequest')!.message;
    core.receive(1001, 2, { type: 'VoteResponse', requestId: pre.requestId, error: 'NONE', epoch: 5, leaderId: 1, granted: false, preVote: true });
    core.receive(1002, 3, { type: 'VoteResponse', requestId: pre.requestId, error: 'NONE', epoch: 5, leaderId: 1, granted: false, preVote: true });
    expect(core.status()).toMatchObject({ role: 'unattached', epoch: 5, leaderId: -1, votedFor: 1 });
  });

  test('a pre-vote lost to voters that still hear the leader goes back to following it', () => {
    const core = start({ epoch: 5, leaderId: 2 });
    readies(core);
    core.tick(2000);
    expect(core.status().role).toBe('prospective');
    const pre = sent(core).find((s) => s.message.type === 'VoteRequest')!.message;
    core.receive(2001, 2, { type: 'VoteResponse', requestId: pre.requestId, error: 'NONE', epoch: 5, leaderId: -1, granted: false, preVote: true });
    core.receive(2001, 3, { type: 'VoteResponse', requestId: pre.requestId, error: 'NONE', epoch: 5, leaderId: -1, granted: false, preVote: true });
    expect(core.status()).toMatchObject({ role: 'follower', leaderId: 2, epoch: 5 });
  });

  test('a new leader writes a LeaderChange batch naming the voters that granted it, and announces itself', () => {
    const core = leader();
    const all = readies(core, 1002);
    const appends = all.flatMap((r) => r.logOps).filter((op) => op.op === 'append');
    expect(appends).toHaveLength(1);
    const out = all.flatMap((r) => [...r.messages, ...r.messagesAfterPersist]);
    const begins = out.filter((s) => s.message.type === 'BeginQuorumEpochRequest');
    expect(begins.map((s) => s.to)).toEqual([2, 3]);
    expect(begins[0]!.message).toMatchObject({ epoch: 6, leaderId: 1 });
    expect(core.status()).toMatchObject({ logEndOffset: 1, epochStartOffset: 0, leaderId: 1, votedFor: 1 });
    expect(all.find((r) => r.roleChange !== null && r.roleChange.role === 'leader')!.roleChange).toEqual({ role: 'leader', leader: { leaderId: 1, epoch: 6 } });
    // BeginQuorumEpoch is resent every fetchTimeout / 2 to voters that have not answered.
    expect(core.nextDeadline()).toBe(2002);
    core.receive(1500, 2, { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 6, leaderId: 1 });
    core.tick(2002);
    expect(sent(core).filter((s) => s.message.type === 'BeginQuorumEpochRequest').map((s) => s.to)).toEqual([3]);
  });

  test('a single voter elects itself at once', () => {
    const core = RaftCore.start({ nodeId: 1, voters: [1], random: () => 0 }, { electionState: { epoch: 0, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [batchAt(0, 0)] }, 0);
    core.tick(1000);
    expect(core.status()).toMatchObject({ role: 'leader', epoch: 1, votedFor: 1 });
  });
});
