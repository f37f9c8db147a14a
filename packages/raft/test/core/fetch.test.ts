import { RaftSafetyError } from '../../src/core/errors';
import type { FetchRequest, FetchResponse } from '../../src/core/messages';
import type { RaftConfigInput } from '../../src/core/config';
import { RaftCore } from '../../src/core/raft-core';
import { encodeRecordBatch } from '@kz/records';
import { batchAt, logOfEpochs } from './batch-fixtures';
import { CoreNet, encodeValue, fetchAnswer, readies, sent } from './core-net';

/** Node 1, the sole voter of epoch 1 once ticked, with `values` committed after its LeaderChange. */
function soleLeader(values = 0, config: Partial<RaftConfigInput> = {}): RaftCore {
  const core = RaftCore.start({ nodeId: 1, voters: [1], random: () => 0, ...config }, { electionState: { epoch: 0, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] }, 0);
  core.tick(1000);
  readies(core, 1000);
  for (let i = 0; i < values; i++) core.propose(1000, [encodeValue(`v${i}`)]);
  readies(core, 1000);
  expect(core.status()).toMatchObject({ role: 'leader', epoch: 1, highWatermark: 1 + values });
  return core;
}

const fetch = (over: Partial<FetchRequest> = {}): FetchRequest => ({
  type: 'FetchRequest',
  requestId: 11,
  epoch: 1,
  replicaId: 9,
  fetchOffset: 0,
  lastFetchedEpoch: 0,
  maxWaitMs: 0,
  maxBytes: 1 << 20,
  ...over,
});

describe('the leader answers Fetch', () => {
  test('malformed requests are refused as INVALID_REQUEST, with the leader named', () => {
    const core = soleLeader(2);
    const refusal = (over: Partial<FetchRequest>, from = 9) => {
      core.receive(1000, from, fetch(over));
      return sent(core).map((s) => s.message);
    };
    const invalid = { type: 'FetchResponse', requestId: 11, error: 'INVALID_REQUEST', epoch: 1, leaderId: 1, highWatermark: 3, logStartOffset: 0, batches: [] };
    expect(refusal({ replicaId: 8 })).toEqual([invalid]);
    expect(refusal({ fetchOffset: -1 })).toEqual([invalid]);
    expect(refusal({ lastFetchedEpoch: -1 })).toEqual([invalid]);
    expect(refusal({ lastFetchedEpoch: 2 })).toEqual([invalid]);
    expect(refusal({ maxWaitMs: -1 })).toEqual([invalid]);
    expect(refusal({ maxBytes: -1 })).toEqual([invalid]);
    expect(refusal({ epoch: 2 })).toMatchObject([{ error: 'UNKNOWN_LEADER_EPOCH' }]);
    // Edge values that are fine.
    expect(refusal({ maxBytes: 0, fetchOffset: 1, lastFetchedEpoch: 1 })).toMatchObject([{ error: 'NONE' }]);
  });

  test('an observer’s fetch gets the batches from its offset, whole, at least one', () => {
    const core = soleLeader(3);
    core.receive(1000, 9, fetch({ fetchOffset: 1, lastFetchedEpoch: 1 }));
    const [answer] = sent(core).map((s) => s.message as FetchResponse);
    expect(answer).toMatchObject({ error: 'NONE', highWatermark: 4, logStartOffset: 0, epoch: 1, leaderId: 1 });
    expect(answer!.batches).toEqual(core.batches().slice(1).map((b) => b.bytes));
    core.receive(1000, 9, fetch({ fetchOffset: 1, lastFetchedEpoch: 1, maxBytes: 1 }));
    expect((sent(core)[0]!.message as FetchResponse).batches).toEqual([core.batches()[1]!.bytes]);
    // The observer is listed by describeQuorum.
    expect(core.describeQuorum(1000)?.observers.map((o) => o.nodeId)).toEqual([9]);
  });

  test('a follower past a divergence is told where the leader’s epoch ends', () => {
    const core = soleLeader(2);
    core.receive(1000, 9, fetch({ fetchOffset: 5, lastFetchedEpoch: 1 }));
    expect(sent(core).map((s) => s.message)).toMatchObject([{ error: 'NONE', divergingEpoch: { epoch: 1, offset: 3 }, batches: [] }]);
  });

  test('a fetch at the end with a wait is parked until there is news or the wait runs out', () => {
    const core = soleLeader(1);
    // The first fetch has news (the high watermark it has not been told): answered at once.
    core.receive(1000, 9, fetch({ fetchOffset: 2, lastFetchedEpoch: 1, maxWaitMs: 300, requestId: 10 }));
    expect(sent(core)).toMatchObject([{ to: 9, message: { requestId: 10, highWatermark: 2 } }]);
    core.receive(1000, 9, fetch({ fetchOffset: 2, lastFetchedEpoch: 1, maxWaitMs: 300 }));
    expect(sent(core)).toEqual([]);
    expect(core.nextDeadline()).toBe(1300);
    core.tick(1299);
    expect(sent(core)).toEqual([]);
    core.tick(1300);
    expect(sent(core)).toMatchObject([{ to: 9, message: { type: 'FetchResponse', error: 'NONE', batches: [] } }]);
    // Parked again; a proposal wakes it with the new batch.
    core.receive(1400, 9, fetch({ fetchOffset: 2, lastFetchedEpoch: 1, maxWaitMs: 300, requestId: 12 }));
    expect(sent(core)).toEqual([]);
    core.propose(1450, [encodeValue('x')]);
    const woken = sent(core).map((s) => s.message as FetchResponse);
    expect(woken).toMatchObject([{ requestId: 12, error: 'NONE' }]);
    expect(woken[0]!.batches).toHaveLength(1);
    // A fetch without a wait is answered at once even with nothing to send.
    core.receive(1500, 9, fetch({ fetchOffset: 3, lastFetchedEpoch: 1, maxWaitMs: 0, requestId: 13 }));
    expect(sent(core)).toMatchObject([{ message: { requestId: 13, batches: [] } }]);
    // Again, now with no news either.
    core.receive(1500, 9, fetch({ fetchOffset: 3, lastFetchedEpoch: 1, maxWaitMs: 0, requestId: 14 }));
    expect(sent(core)).toMatchObject([{ message: { requestId: 14, batches: [] } }]);
    // A fetch below the end is answered at once with its data, whatever wait it allows.
    core.receive(1500, 9, fetch({ fetchOffset: 2, lastFetchedEpoch: 1, maxWaitMs: 300, requestId: 15 }));
    expect(sent(core)).toMatchObject([{ message: { requestId: 15, batches: [{}] } }]);
  });

  test('a leader that loses leadership answers its parked fetches NOT_LEADER_OR_FOLLOWER', () => {
    const core = soleLeader(1);
    core.receive(1000, 9, fetch({ fetchOffset: 2, lastFetchedEpoch: 1, maxWaitMs: 300, requestId: 10 }));
    core.receive(1000, 9, fetch({ fetchOffset: 2, lastFetchedEpoch: 1, maxWaitMs: 300 }));
    expect(sent(core).map((s) => s.message.requestId)).toEqual([10]);
    core.resign(1001);
    expect(sent(core)).toContainEqual({ to: 9, message: expect.objectContaining({ type: 'FetchResponse', requestId: 11, error: 'NOT_LEADER_OR_FOLLOWER' }) });
  });
});

describe('lingering appends (append.linger.ms)', () => {
  test('proposals wait together until the linger deadline, then go out in one append', () => {
    const core = RaftCore.start({ nodeId: 1, voters: [1], random: () => 0, appendLingerMs: 40 }, { electionState: { epoch: 0, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] }, 0);
    core.tick(1000);
    // The LeaderChange batch lingers too.
    expect(readies(core, 1000).flatMap((r) => r.logOps)).toEqual([]);
    expect(core.nextDeadline()).toBe(1040);
    core.tick(1040);
    expect(readies(core, 1040).flatMap((r) => r.logOps)).toMatchObject([{ op: 'append', batches: [{ baseOffset: 0 }] }]);
    expect(core.status().highWatermark).toBe(1);
    core.propose(2000, [encodeValue('a')]);
    core.propose(2010, [encodeValue('b')]);
    expect(core.hasReady()).toBe(false);
    expect(core.nextDeadline()).toBe(2040);
    core.tick(2039);
    expect(core.hasReady()).toBe(false);
    core.tick(2040);
    const [ready] = readies(core, 2040);
    expect(ready!.logOps).toEqual([{ op: 'append', batches: core.batches().slice(1) }]);
    expect(core.status().highWatermark).toBe(3);
    // A read index flushes appends whose deadline passed.
    core.propose(3000, [encodeValue('c')]);
    core.readIndex(3040);
    expect(core.takeReady().logOps).toMatchObject([{ op: 'append' }]);
    // Leaving leadership appends what still lingers.
    core.propose(4000, [encodeValue('d')]);
    expect(core.hasReady()).toBe(false);
    core.resign(4001);
    expect(core.takeReady().logOps).toMatchObject([{ op: 'append', batches: [{ baseOffset: 4 }] }]);
  });
});

describe('a follower handles Fetch answers', () => {
  /** Node 1 following 2 in epoch 3 with `epochs` in its log; returns it and its outstanding fetch. */
  function follower(epochs: number[] = [], config: Partial<RaftConfigInput> = {}) {
    const core = RaftCore.start(
      { nodeId: 1, voters: [1, 2, 3], random: () => 0, ...config },
      { electionState: { epoch: 3, votedFor: -1, leaderId: 2 }, snapshot: null, batches: logOfEpochs(epochs) },
      0,
    );
    const request = sent(core).find((s) => s.message.type === 'FetchRequest')!.message as FetchRequest;
    return { core, request };
  }

  test('appends the batches in order, reports them to persist, and commits up to the leader’s high watermark', () => {
    const { core, request } = follower([1]);
    expect(request).toMatchObject({ fetchOffset: 1, lastFetchedEpoch: 1, epoch: 3, replicaId: 1 });
    core.receive(10, 2, fetchAnswer(request, { batches: [batchAt(1, 2).bytes, batchAt(2, 3).bytes], highWatermark: 2 }));
    const ready = core.takeReady();
    expect(ready.logOps).toMatchObject([{ op: 'append', batches: [{ baseOffset: 1 }, { baseOffset: 2 }] }]);
    expect(ready.committed.map((b) => b.baseOffset)).toEqual([0, 1]);
    expect(ready.highWatermark).toBe(2);
    // The next fetch acknowledges the appended batches only once they are durable.
    expect(ready.messages).toEqual([]);
    expect(ready.messagesAfterPersist.map((m) => m.message)).toMatchObject([{ type: 'FetchRequest', fetchOffset: 3, lastFetchedEpoch: 3 }]);
    expect(core.status()).toMatchObject({ logEndOffset: 3, highWatermark: 2, flushedEndOffset: 1 });
    core.persisted(10, ready.persistId!);
    expect(core.status().flushedEndOffset).toBe(3);
  });

  test('stops at a batch that does not continue its log, or of an epoch above the leader’s; the HW stays within the log', () => {
    const { core, request } = follower([1]);
    const wrongPlace = batchAt(5, 2).bytes;
    core.receive(10, 2, fetchAnswer(request, { batches: [batchAt(1, 2).bytes, wrongPlace, batchAt(2, 2).bytes], highWatermark: 9 }));
    expect(core.status()).toMatchObject({ logEndOffset: 2, highWatermark: 2 });
    const next = sent(core).find((s) => s.message.type === 'FetchRequest')!.message as FetchRequest;
    core.receive(20, 2, fetchAnswer(next, { batches: [batchAt(2, 4).bytes], highWatermark: 9 }));
    expect(core.status().logEndOffset).toBe(2);
    const again = sent(core).find((s) => s.message.type === 'FetchRequest')!.message as FetchRequest;
    // An epoch going backwards is not appended either; nor a malformed batch.
    core.receive(30, 2, fetchAnswer(again, { batches: [batchAt(2, 1).bytes], highWatermark: 9 }));
    expect(core.status().logEndOffset).toBe(2);
    const last = sent(core).find((s) => s.message.type === 'FetchRequest')!.message as FetchRequest;
    core.receive(40, 2, fetchAnswer(last, { batches: [new Uint8Array([1, 2, 3]), batchAt(2, 3).bytes], highWatermark: 9 }));
    expect(core.status().logEndOffset).toBe(2);
  });

  test('truncates a divergent tail to where the leader’s epoch ends, and fetches from there', () => {
    const { core, request } = follower([1, 1, 2, 2]);
    core.receive(10, 2, fetchAnswer(request, { divergingEpoch: { epoch: 1, offset: 3 } }));
    const [ready] = readies(core, 10);
    expect(ready!.logOps).toEqual([{ op: 'truncate', endOffset: 2 }]);
    expect(core.status()).toMatchObject({ logEndOffset: 2, flushedEndOffset: 2 });
    expect(ready!.messages.map((m) => m.message)).toMatchObject([{ type: 'FetchRequest', fetchOffset: 2, lastFetchedEpoch: 1 }]);
  });

  test('a divergence that leaves nothing to truncate retries after the backoff', () => {
    const { core, request } = follower([1, 1]);
    core.receive(10, 2, fetchAnswer(request, { divergingEpoch: { epoch: 1, offset: 5 } }));
    expect(sent(core)).toEqual([]);
    expect(core.nextDeadline()).toBe(30); // retryBackoffMs
    core.tick(30);
    expect(sent(core)).toMatchObject([{ to: 2, message: { type: 'FetchRequest', fetchOffset: 2 } }]);
  });

  test('its high watermark never goes back, even when a leader reports a lower one', () => {
    const { core, request } = follower([1]);
    core.receive(10, 2, fetchAnswer(request, { batches: [batchAt(1, 2).bytes, batchAt(2, 3).bytes], highWatermark: 3 }));
    expect(core.status().highWatermark).toBe(3);
    const next = sent(core).find((s) => s.message.type === 'FetchRequest')!.message as FetchRequest;
    core.receive(20, 2, fetchAnswer(next, { highWatermark: 1 }));
    expect(core.status().highWatermark).toBe(3);
  });

  test('truncates down to its high watermark, and loads a snapshot ending there, but no lower', () => {
    const { core, request } = follower([1, 1, 2]);
    core.receive(10, 2, fetchAnswer(request, { batches: [], highWatermark: 2 }));
    const [ready] = readies(core, 10);
    // An answer with no batches writes nothing.
    expect(ready).toMatchObject({ persistId: null, logOps: [], highWatermark: 2 });
    const next = ready!.messages.find((m) => m.message.type === 'FetchRequest')!.message as FetchRequest;
    core.receive(20, 2, fetchAnswer(next, { divergingEpoch: { epoch: 1, offset: 2 } }));
    const [truncated] = readies(core, 20);
    expect(truncated!.logOps).toEqual([{ op: 'truncate', endOffset: 2 }]);
    // Static voters: a truncation changes no voter set.
    expect(truncated!.voters).toBeNull();
    const again = truncated!.messages.find((m) => m.message.type === 'FetchRequest')!.message as FetchRequest;
    core.receive(30, 2, fetchAnswer(again, { snapshotId: { offset: 2, epoch: 1 }, logStartOffset: 2 }));
    expect(sent(core, 30)).toMatchObject([{ to: 2, message: { type: 'FetchSnapshotRequest', snapshotId: { offset: 2, epoch: 1 }, position: 0 } }]);
  });

  test('refuses to truncate below its high watermark', () => {
    const { core, request } = follower([1, 1, 2]);
    core.receive(10, 2, fetchAnswer(request, { batches: [], highWatermark: 3 }));
    const next = sent(core).find((s) => s.message.type === 'FetchRequest')!.message as FetchRequest;
    expect(() => core.receive(20, 2, fetchAnswer(next, { divergingEpoch: { epoch: 1, offset: 2 } }))).toThrow(
      new RaftSafetyError('node 1: leader asked to truncate to 2, below the high watermark 3'),
    );
  });

  test('an error answer backs off; one naming a leader we did not know makes us follow it', () => {
    const { core, request } = follower();
    core.receive(10, 2, fetchAnswer(request, { error: 'NOT_LEADER_OR_FOLLOWER' }));
    expect(sent(core)).toEqual([]);
    expect(core.nextDeadline()).toBe(30);
    // An answer to a request not in flight is ignored.
    core.receive(11, 2, fetchAnswer(request));
    expect(sent(core)).toEqual([]);
    // A tick before the backoff has passed sends nothing.
    core.tick(29);
    expect(sent(core)).toEqual([]);
    core.tick(30);
    const retry = sent(core)[0]!.message as FetchRequest;
    expect(retry).toMatchObject({ type: 'FetchRequest', fetchOffset: 0 });
    // From another node than the one asked: ignored.
    core.receive(31, 3, fetchAnswer(retry));
    expect(sent(core)).toEqual([]);
    // An older epoch's answer: back off.
    core.receive(32, 2, fetchAnswer(retry, { epoch: 2 }));
    expect(core.nextDeadline()).toBe(52);
  });

  test('a later epoch in the answer makes it follow the leader it names', () => {
    const { core, request } = follower();
    core.receive(10, 2, fetchAnswer(request, { epoch: 4, leaderId: 3 }));
    expect(core.status()).toMatchObject({ role: 'follower', epoch: 4, leaderId: 3 });
    expect(sent(core)).toContainEqual({ to: 3, message: expect.objectContaining({ type: 'FetchRequest', epoch: 4 }) });
  });

  test('an unanswered fetch is abandoned after the request timeout and sent again', () => {
    const { core } = follower([], { requestTimeoutMs: 700, fetchTimeoutMs: 5000 });
    expect(core.nextDeadline()).toBe(700);
    core.tick(699);
    expect(sent(core)).toEqual([]);
    core.tick(700);
    expect(sent(core)).toMatchObject([{ to: 2, message: { type: 'FetchRequest' } }]);
  });

  test('a follower that hears nothing for the fetch timeout campaigns', () => {
    const { core } = follower([], { requestTimeoutMs: 5000 });
    expect(core.nextDeadline()).toBe(2000);
    core.tick(1999);
    expect(core.status().role).toBe('follower');
    core.tick(2000);
    expect(core.status().role).toBe('prospective');
  });
});

describe('observers find the leader', () => {
  test('an observer asks the voters in turn, then the bootstrap servers (never itself), and follows whoever names the leader', () => {
    const core = RaftCore.start(
      // One list for every node names this one too.
      { nodeId: 9, voters: [1, 2], bootstrapServers: [5, 9, 2], random: () => 0 },
      { electionState: { epoch: 3, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] },
      0,
    );
    expect(core.status()).toMatchObject({ role: 'unattached', isVoter: false });
    let out = sent(core).find((s) => s.message.type === 'FetchRequest')!;
    // Looking for the leader, it does not ask anyone to hold the answer.
    expect(out.message).toMatchObject({ maxWaitMs: 0, replicaId: 9, epoch: 3 });
    const targets: number[] = [];
    let now = 0;
    for (let i = 0; i < 4; i++) {
      targets.push(out.to);
      core.receive(now, out.to, { type: 'FetchResponse', requestId: out.message.requestId, error: 'NOT_LEADER_OR_FOLLOWER', epoch: 3, leaderId: -1, highWatermark: 0, logStartOffset: 0, batches: [] });
      // Each refusal moves on to the next target after fetchMaxWaitMs.
      expect(core.nextDeadline()).toBe(now + 500);
      now += 500;
      core.tick(now);
      out = sent(core).find((s) => s.message.type === 'FetchRequest')!;
    }
    expect(targets).toEqual([1, 2, 5, 1]);
    core.receive(now, out.to, { type: 'FetchResponse', requestId: out.message.requestId, error: 'NOT_LEADER_OR_FOLLOWER', epoch: 3, leaderId: 2, highWatermark: 0, logStartOffset: 0, batches: [] });
    expect(core.status()).toMatchObject({ role: 'follower', leaderId: 2 });
    expect(sent(core).find((s) => s.message.type === 'FetchRequest')).toMatchObject({ to: 2, message: { maxWaitMs: 500 } });
  });

  test('an observer does not campaign when its leader resigns, even if named', () => {
    const core = RaftCore.start({ nodeId: 9, voters: [1, 2], random: () => 0 }, { electionState: { epoch: 3, votedFor: -1, leaderId: 1 }, snapshot: null, batches: [] }, 0);
    sent(core);
    core.receive(5, 1, { type: 'EndQuorumEpochRequest', requestId: 2, epoch: 3, leaderId: 1, preferredSuccessors: [9, 2] });
    expect(core.status()).toMatchObject({ role: 'follower', leaderId: 1 });
    expect(sent(core, 5)).toEqual([{ to: 1, message: { type: 'EndQuorumEpochResponse', requestId: 2, error: 'NONE', epoch: 3, leaderId: 1 } }]);
    expect(core.nextDeadline()).toBe(2000);
  });

  test('an observer that stops hearing from its leader looks for it again at once', () => {
    const core = RaftCore.start({ nodeId: 9, voters: [1, 2], random: () => 0, requestTimeoutMs: 5000 }, { electionState: { epoch: 3, votedFor: -1, leaderId: 1 }, snapshot: null, batches: [] }, 0);
    expect(sent(core)).toMatchObject([{ to: 1, message: { type: 'FetchRequest' } }]);
    // The fetch is never answered; at the fetch timeout it gives up on the leader, not on asking.
    core.tick(2000);
    expect(core.status()).toMatchObject({ role: 'unattached', leaderId: -1 });
    expect(sent(core, 2000)).toMatchObject([{ message: { type: 'FetchRequest', maxWaitMs: 0 } }]);
  });

  test('an observer whose leader answers that it leads no more, naming no one, looks for the leader at once; a voter waits', () => {
    const notLeader = (request: { requestId: number }, error: FetchResponse['error'] = 'NOT_LEADER_OR_FOLLOWER'): FetchResponse => ({
      type: 'FetchResponse', requestId: request.requestId, error, epoch: 3, leaderId: -1, highWatermark: 0, logStartOffset: 0, batches: [],
    });
    const start = (nodeId: number) => RaftCore.start({ nodeId, voters: [1, 2], random: () => 0 }, { electionState: { epoch: 3, votedFor: -1, leaderId: 1 }, snapshot: null, batches: [] }, 0);
    const observer = start(9);
    const first = sent(observer)[0]!;
    expect(first).toMatchObject({ to: 1, message: { type: 'FetchRequest' } });
    observer.receive(5, 1, notLeader(first.message));
    expect(observer.status()).toMatchObject({ role: 'unattached', leaderId: -1 });
    expect(sent(observer, 5)).toMatchObject([{ message: { type: 'FetchRequest', maxWaitMs: 0 } }]);
    // Another error only backs off.
    const other = start(9);
    other.receive(5, 1, notLeader(sent(other)[0]!.message, 'UNKNOWN_LEADER_EPOCH'));
    expect(other.status()).toMatchObject({ role: 'follower', leaderId: 1 });
    expect(sent(other, 5)).toEqual([]);
    // A voter hears of the next leader from its BeginQuorumEpoch: it keeps following and backs off.
    const voter = start(2);
    voter.receive(5, 1, notLeader(sent(voter)[0]!.message));
    expect(voter.status()).toMatchObject({ role: 'follower', leaderId: 1 });
    expect(sent(voter, 5)).toEqual([]);
  });

  test('an observer whose fetch is answered by the leader follows it', () => {
    const core = RaftCore.start({ nodeId: 9, voters: [1, 2], random: () => 0 }, { electionState: { epoch: 3, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] }, 0);
    const out = sent(core).find((s) => s.message.type === 'FetchRequest')!;
    core.receive(5, out.to, { type: 'FetchResponse', requestId: out.message.requestId, error: 'NONE', epoch: 3, leaderId: out.to, highWatermark: 0, logStartOffset: 0, batches: [] });
    expect(core.status()).toMatchObject({ role: 'follower', leaderId: out.to, isVoter: false });
    // An observer's fetch needs no sync first: it acknowledges nothing (static voters).
    core.receive(6, out.to, { type: 'BeginQuorumEpochRequest', requestId: 1, epoch: 3, leaderId: out.to });
    expect(core.status().role).toBe('follower');
  });

  test('an observer that knows no voter and no bootstrap server waits and looks again', () => {
    const net = new CoreNet([{ nodeId: 9, directoryId: 'AQEBAQEBAQEBAQEBAQEBAQ' }]);
    const core = net.core(9);
    expect(core.status()).toMatchObject({ role: 'unattached', isVoter: false, voters: [], committedVoters: [] });
    net.drain();
    expect(net.sent).toEqual([]);
    expect(core.nextDeadline()).toBe(500);
  });
});

describe('status and inspection', () => {
  test('describeQuorum is the leader’s alone', () => {
    const core = soleLeader(1);
    expect(core.describeQuorum(1000)).toMatchObject({ leaderId: 1, epoch: 1, highWatermark: 2 });
    const net = new CoreNet([1, 2, 3].map((nodeId) => ({ nodeId, voters: [1, 2, 3] })));
    net.elect();
    const follower = [...net.cores.values()].find((c) => c.status().role !== 'leader')!;
    expect(follower.describeQuorum(net.now)).toBeNull();
    expect(follower.status().epochStartOffset).toBe(-1);
  });

  test('a proposal to a node that is not the leader names the leader to ask', () => {
    const net = new CoreNet([1, 2, 3].map((nodeId) => ({ nodeId, voters: [1, 2, 3] })));
    const leader = net.elect();
    net.run(50);
    const follower = [...net.cores.values()].find((c) => c !== leader)!;
    const epoch = leader.status().epoch;
    expect(follower.propose(net.now, [encodeValue('x')])).toEqual({ ok: false, error: { code: 'NOT_LEADER_OR_FOLLOWER', leaderId: leader.status().nodeId, epoch } });
    const result = leader.propose(net.now, [encodeValue('a'), encodeValue('b')]);
    expect(result).toEqual({ ok: true, baseOffset: 1, lastOffset: 2, epoch });
    // A batch proposed with offsets of its own is restamped at the log end; its record count is kept.
    const three = encodeRecordBatch({ records: ['x', 'y', 'z'].map((v) => ({ key: null, value: Buffer.from(v) })), baseOffset: 7 });
    expect(leader.propose(net.now, [three])).toEqual({ ok: true, baseOffset: 3, lastOffset: 5, epoch });
    expect(leader.batches().at(-1)).toMatchObject({ baseOffset: 3, lastOffset: 5, epoch });
    expect(leader.status().logEndOffset).toBe(6);
  });
});
