import { RaftCore } from '../../src/core/raft-core';
import type { BeginQuorumEpochRequest } from '../../src/core/messages';
import type { Ready } from '../../src/core/ready';
import { CoreNet, encodeValue, readies, sent } from './core-net';

/** Node 1 leading voters 1-3 in epoch 6 (elected at 1000 by node 2's votes), `random` 0. */
function leader(): RaftCore {
  const core = RaftCore.start({ nodeId: 1, voters: [1, 2, 3], random: () => 0 }, { electionState: { epoch: 5, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] }, 0);
  readies(core);
  core.tick(1000);
  const pre = sent(core, 1000).find((s) => s.message.type === 'VoteRequest')!.message;
  core.receive(1000, 2, { type: 'VoteResponse', requestId: pre.requestId, error: 'NONE', epoch: 5, leaderId: -1, granted: true, preVote: true });
  const vote = sent(core, 1000).find((s) => s.message.type === 'VoteRequest')!.message;
  core.receive(1000, 2, { type: 'VoteResponse', requestId: vote.requestId, error: 'NONE', epoch: 6, leaderId: -1, granted: true, preVote: false });
  expect(core.status()).toMatchObject({ role: 'leader', epoch: 6 });
  return core;
}

describe('check quorum', () => {
  test('a leader that hears from no majority for 1.5 fetch timeouts resigns, naming the others as successors', () => {
    const core = leader();
    readies(core, 1000);
    // BeginQuorumEpoch answered, so only the check-quorum deadline is left.
    core.receive(1000, 2, { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 6, leaderId: 1 });
    core.receive(1000, 3, { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 6, leaderId: 1 });
    expect(core.nextDeadline()).toBe(4000);
    core.tick(3999);
    expect(core.status().role).toBe('leader');
    core.tick(4000);
    expect(core.status().role).toBe('resigned');
    const ends = sent(core, 4000).filter((s) => s.message.type === 'EndQuorumEpochRequest');
    expect(ends.map((s) => s.to).sort()).toEqual([2, 3]);
  });

  test('a snapshot chunk request from a voter keeps it leading too, even for a snapshot it does not hold', () => {
    const core = leader();
    readies(core, 1000);
    core.receive(3000, 2, { type: 'FetchSnapshotRequest', requestId: 4, epoch: 6, replicaId: 2, snapshotId: { offset: 5, epoch: 6 }, position: 0, maxBytes: 1000 });
    expect(sent(core, 3000)).toEqual([
      {
        to: 2,
        message: { type: 'FetchSnapshotResponse', requestId: 4, error: 'SNAPSHOT_NOT_FOUND', epoch: 6, leaderId: 1, snapshotId: { offset: 5, epoch: 6 }, size: 0, position: 0, bytes: new Uint8Array(0) },
      },
    ]);
    core.tick(4000);
    expect(core.status().role).toBe('leader');
  });

  test('a fetch from a voter keeps it leading', () => {
    const core = leader();
    readies(core, 1000);
    core.receive(3000, 2, { type: 'FetchRequest', requestId: 1, epoch: 6, replicaId: 2, fetchOffset: 0, lastFetchedEpoch: 0, maxWaitMs: 0, maxBytes: 1000 });
    core.tick(4000);
    expect(core.status().role).toBe('leader');
    expect(core.nextDeadline()).toBeGreaterThan(4000);
  });
});

describe('long-polling fetches', () => {
  test('a parked fetch is answered as soon as the high watermark moves, here by the leader’s own sync', () => {
    const core = leader();
    readies(core, 1000);
    core.propose(1000, [encodeValue('a')]);
    const unsynced = core.takeReady(); // the append of offset 1 is not durable yet
    const fetch = (requestId: number, fetchOffset: number, lastFetchedEpoch: number, maxWaitMs: number) =>
      core.receive(1000, 2, { type: 'FetchRequest', requestId, epoch: 6, replicaId: 2, fetchOffset, lastFetchedEpoch, maxWaitMs, maxBytes: 1 << 20 });
    fetch(1, 0, 0, 0);
    expect(sent(core, 1000)).toMatchObject([{ to: 2, message: { requestId: 1, batches: [{}, {}] } }]);
    fetch(2, 2, 6, 500); // moves the HW to 1 (the leader's durable end): news, answered at once
    expect(sent(core, 1000)).toMatchObject([{ to: 2, message: { requestId: 2, highWatermark: 1, batches: [] } }]);
    fetch(3, 2, 6, 500);
    expect(sent(core, 1000)).toEqual([]);
    core.persisted(1001, unsynced.persistId!);
    expect(core.status().highWatermark).toBe(2);
    expect(sent(core, 1001)).toMatchObject([{ to: 2, message: { type: 'FetchResponse', requestId: 3, highWatermark: 2, batches: [] } }]);
  });
});

describe('reads held at a step-down', () => {
  test('fail then, and are not answered by a later leadership', () => {
    const core = RaftCore.start({ nodeId: 1, voters: [1], random: () => 0 }, { electionState: { epoch: 0, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] }, 0);
    core.tick(1000);
    const unsynced = core.takeReady(); // the LeaderChange is not durable: nothing of epoch 1 is committed
    const read = core.readIndex(1000);
    expect(read.ok).toBe(true);
    core.resign(1001);
    const failed = readies(core, 1001).flatMap((r) => r.readsFailed);
    expect(failed).toEqual([read.ok ? read.readId : -1]);
    core.persisted(1001, unsynced.persistId!);
    core.tick(core.nextDeadline());
    const later = readies(core, core.nextDeadline());
    expect(core.status()).toMatchObject({ role: 'leader', epoch: 2, highWatermark: 2 });
    expect(later.flatMap((r) => [...r.readsReady, ...r.readsFailed])).toEqual([]);
  });
});

describe('BeginQuorumEpoch from the leader', () => {
  test('goes to each voter, is resent every fetch timeout / 2 until answered, and an answer of another epoch does not count', () => {
    const core = leader();
    const first = sent(core, 1000).filter((s) => s.message.type === 'BeginQuorumEpochRequest');
    expect(first.map((s) => s.to)).toEqual([2, 3]);
    expect(first[0]!.message).toEqual({ type: 'BeginQuorumEpochRequest', requestId: (first[0]!.message as BeginQuorumEpochRequest).requestId, epoch: 6, leaderId: 1 });
    expect(core.nextDeadline()).toBe(2000);
    core.receive(1500, 3, { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 5, leaderId: -1 });
    core.receive(1500, 2, { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'FENCED_LEADER_EPOCH', epoch: 6, leaderId: 1 });
    core.tick(1999);
    expect(sent(core, 1999)).toEqual([]);
    core.tick(2000);
    expect(sent(core, 2000).map((s) => s.to)).toEqual([2, 3]);
    expect(core.nextDeadline()).toBe(3000);
    core.receive(2100, 3, { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 6, leaderId: 1 });
    core.tick(3000);
    expect(sent(core, 3000).map((s) => s.to)).toEqual([2]);
  });

  test('an answer naming a later epoch makes the leader step down to follow that leader', () => {
    const core = leader();
    readies(core, 1000);
    core.receive(1500, 3, { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'FENCED_LEADER_EPOCH', epoch: 8, leaderId: 3 });
    expect(core.status()).toMatchObject({ role: 'follower', epoch: 8, leaderId: 3 });
    const ready = readies(core, 1500)[0]!;
    expect(ready.roleChange).toEqual({ role: 'follower', leader: { leaderId: 3, epoch: 8 } });
    expect(ready.electionState).toEqual({ epoch: 8, votedFor: -1, leaderId: 3 });
  });

  test('an answer naming a later epoch and no leader leaves it unattached in that epoch', () => {
    const core = leader();
    readies(core, 1000);
    core.receive(1500, 3, { type: 'VoteResponse', requestId: 1, error: 'FENCED_LEADER_EPOCH', epoch: 9, leaderId: -1, granted: false, preVote: false });
    expect(core.status()).toMatchObject({ role: 'unattached', epoch: 9, leaderId: -1, votedFor: -1 });
    core.receive(1500, 3, { type: 'UpdateVoterResponse', requestId: 1, error: 'NONE', epoch: 10, leaderId: 2 });
    expect(core.status()).toMatchObject({ role: 'follower', epoch: 10, leaderId: 2 });
    core.receive(1500, 2, { type: 'EndQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 11, leaderId: -1 });
    expect(core.status()).toMatchObject({ role: 'unattached', epoch: 11 });
  });
});

describe('reads and the high watermark', () => {
  test('a read is answered once a majority confirmed leadership and a batch of the epoch is committed', () => {
    const net = new CoreNet([1, 2, 3].map((nodeId) => ({ nodeId, voters: [1, 2, 3], requestTimeoutMs: 500 })));
    // The followers' fetches do not arrive: nothing of the new epoch commits.
    net.cut = (s) => s.message.type === 'FetchRequest';
    const leader = net.elect();
    const id = leader.status().nodeId;
    const read = leader.readIndex(net.now);
    expect(read.ok).toBe(true);
    net.drain();
    expect(net.readies.get(id)!.flatMap((r) => r.readsReady)).toEqual([]);
    // Once the followers fetch, the LeaderChange batch commits and the read is released at the HW.
    net.cut = () => false;
    net.run(1000);
    const hw = leader.status().highWatermark;
    expect(hw).toBe(1);
    expect(net.readies.get(id)!.flatMap((r) => r.readsReady)).toEqual([{ readId: read.ok ? read.readId : -1, offset: 1 }]);
  });

  test('reads still waiting when leadership ends fail', () => {
    const net = new CoreNet([1, 2, 3].map((nodeId) => ({ nodeId, voters: [1, 2, 3] })));
    const leader = net.elect();
    net.run(100);
    net.cut = () => true;
    const id = leader.status().nodeId;
    const read = leader.readIndex(net.now);
    const read2 = leader.readIndex(net.now);
    leader.resign(net.now);
    net.drain();
    expect(net.readies.get(id)!.flatMap((r) => r.readsFailed).sort()).toEqual([read, read2].map((r) => (r.ok ? r.readId : -1)).sort());
  });

  test('only voters’ answers to the round confirm a read', () => {
    const core = leader();
    const electionBegins = sent(core, 1000).filter((s) => s.message.type === 'BeginQuorumEpochRequest');
    // Node 2 fetches past the LeaderChange batch: it commits, so reads can be answered.
    core.receive(1100, 2, { type: 'FetchRequest', requestId: 1, epoch: 6, replicaId: 2, fetchOffset: 1, lastFetchedEpoch: 6, maxWaitMs: 0, maxBytes: 1000 });
    expect(core.status().highWatermark).toBe(1);
    sent(core, 1100);
    const read = core.readIndex(1200);
    const round = sent(core, 1200).filter((s) => s.message.type === 'BeginQuorumEpochRequest');
    const requestId = round[0]!.message.requestId;
    core.receive(1201, 9, { type: 'BeginQuorumEpochResponse', requestId, error: 'NONE', epoch: 6, leaderId: 1 });
    expect(readies(core, 1201).flatMap((r) => r.readsReady)).toEqual([]);
    // An answer to the BeginQuorumEpoch of the election, sent before the read, proves nothing about it.
    for (const begin of electionBegins) core.receive(1201, begin.to, { type: 'BeginQuorumEpochResponse', requestId: begin.message.requestId, error: 'NONE', epoch: 6, leaderId: 1 });
    expect(readies(core, 1201).flatMap((r) => r.readsReady)).toEqual([]);
    core.receive(1202, 3, { type: 'BeginQuorumEpochResponse', requestId, error: 'NONE', epoch: 6, leaderId: 1 });
    expect(readies(core, 1202).flatMap((r) => r.readsReady)).toEqual([{ readId: read.ok ? read.readId : -1, offset: 1 }]);
  });

  test('a sole voter answers a read at once, at its high watermark', () => {
    const net = new CoreNet([{ nodeId: 1, voters: [1] }]);
    const core = net.elect();
    net.run(50);
    const read = core.readIndex(net.now);
    const ready = core.takeReady();
    expect(ready.readsReady).toEqual([{ readId: read.ok ? read.readId : -1, offset: 1 }]);
    expect(ready.messages).toEqual([]);
  });

  test('reads that arrive during a round wait for the next one, which starts when the first is confirmed', () => {
    const core = leader();
    sent(core, 1000);
    core.receive(1100, 2, { type: 'FetchRequest', requestId: 1, epoch: 6, replicaId: 2, fetchOffset: 1, lastFetchedEpoch: 6, maxWaitMs: 0, maxBytes: 1000 });
    sent(core, 1100);
    const first = core.readIndex(1200);
    const round1 = sent(core, 1200).filter((s) => s.message.type === 'BeginQuorumEpochRequest');
    const second = core.readIndex(1201);
    expect(sent(core, 1201)).toEqual([]);
    core.receive(1202, 2, { type: 'BeginQuorumEpochResponse', requestId: round1[0]!.message.requestId, error: 'NONE', epoch: 6, leaderId: 1 });
    const ready = readies(core, 1202);
    expect(ready.flatMap((r) => r.readsReady)).toEqual([{ readId: first.ok ? first.readId : -1, offset: 1 }]);
    const round2 = ready.flatMap((r) => r.messages).filter((m) => m.message.type === 'BeginQuorumEpochRequest');
    expect(round2.map((m) => m.to)).toEqual([2, 3]);
    core.receive(1203, 3, { type: 'BeginQuorumEpochResponse', requestId: round2[1]!.message.requestId, error: 'NONE', epoch: 6, leaderId: 1 });
    expect(readies(core, 1203).flatMap((r) => r.readsReady)).toEqual([{ readId: second.ok ? second.readId : -1, offset: 1 }]);
  });

  test('a read round that gets no answers is retried after a third of the check-quorum timeout', () => {
    const core = leader();
    sent(core, 1000);
    core.receive(1000, 2, { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 6, leaderId: 1 });
    core.receive(1000, 3, { type: 'BeginQuorumEpochResponse', requestId: 1, error: 'NONE', epoch: 6, leaderId: 1 });
    const read = core.readIndex(1100);
    expect(read.ok).toBe(true);
    const round = sent(core, 1100).filter((s) => s.message.type === 'BeginQuorumEpochRequest');
    expect(round.map((s) => s.to)).toEqual([2, 3]);
    expect(core.nextDeadline()).toBe(1100 + 1000);
    core.tick(2100);
    expect(sent(core, 2100).filter((s) => s.message.type === 'BeginQuorumEpochRequest').map((s) => s.to)).toEqual([2, 3]);
  });

  test('the high watermark waits for the leader’s own append to be durable', () => {
    const net = new CoreNet([{ nodeId: 1, voters: [1] }]);
    net.heldDisks.add(1);
    const leader = net.elect();
    net.drain();
    expect(leader.status()).toMatchObject({ logEndOffset: 1, highWatermark: 0, flushedEndOffset: 0 });
    net.release(1);
    expect(leader.status()).toMatchObject({ highWatermark: 1, flushedEndOffset: 1 });
    expect(net.committed.get(1)!.map((b) => b.baseOffset)).toEqual([0]);
    // Persists complete in order: acknowledging a later one covers the earlier ones.
    net.propose(leader, 'a');
    net.drain();
    net.propose(leader, 'b');
    net.drain();
    const held = net.readies.get(1)!.slice(-2).map((r) => r.persistId);
    expect(held.every((p) => p !== null)).toBe(true);
    leader.persisted(net.now, held[1]!);
    expect(leader.status()).toMatchObject({ flushedEndOffset: 3, highWatermark: 3 });
  });
});

describe('Ready', () => {
  test('a pure query: hasReady changes nothing, and an empty Ready is never needed', () => {
    const core = leader();
    expect(core.hasReady()).toBe(true);
    expect(core.hasReady()).toBe(true);
    readies(core, 1000);
    expect(core.hasReady()).toBe(false);
    const ready = core.takeReady();
    expect(ready).toMatchObject({ persistId: null, electionState: null, logOps: [], messages: [], messagesAfterPersist: [], committed: [], roleChange: null, voters: null });
  });

  test('with a new election state, every message waits for it to be durable', () => {
    const core = RaftCore.start({ nodeId: 1, voters: [1, 2, 3], random: () => 0 }, { electionState: { epoch: 5, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] }, 0);
    readies(core);
    core.receive(10, 2, { type: 'BeginQuorumEpochRequest', requestId: 4, epoch: 6, leaderId: 2 });
    const ready = core.takeReady();
    expect(ready.electionState).toEqual({ epoch: 6, votedFor: -1, leaderId: 2 });
    expect(ready.persistId).not.toBeNull();
    expect(ready.messages).toEqual([]);
    expect(ready.messagesAfterPersist.map((m) => m.message.type).sort()).toEqual(['BeginQuorumEpochResponse', 'FetchRequest']);
  });
});
