import { ControlRecordType, decodeControlRecord, decodeRecordBatch } from '@kz/records';
import { RaftCore } from '../../src/core/raft-core';
import { encodeVotersBatch, newDirectoryId, type Voter } from '../../src/core/voter-set';
import type { FetchRequest } from '../../src/core/messages';
import { SeededRandom } from '../../src/testing/seeded-random';
import { batchAt, logOfEpochs } from './batch-fixtures';
import { CoreNet, encodeValue, readies, sent } from './core-net';

const dir = (seed: number): string => newDirectoryId(new SeededRandom(seed).asFunction());
const voter = (id: number): Voter => ({ id, directoryId: dir(id), endpoints: [{ name: 'CONTROLLER', host: `h${id}`, port: 9000 + id }] });

test('the LeaderChange batch names the leader, the voters and those that granted the vote, sorted', () => {
  const core = RaftCore.start({ nodeId: 2, voters: [3, 1, 2], random: () => 0 }, { electionState: { epoch: 5, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] }, 0);
  readies(core);
  core.tick(1000);
  const pre = sent(core, 1000).find((s) => s.message.type === 'VoteRequest')!.message;
  core.receive(1000, 1, { type: 'VoteResponse', requestId: pre.requestId, error: 'NONE', epoch: 5, leaderId: -1, granted: true, preVote: true });
  const vote = sent(core, 1000).find((s) => s.message.type === 'VoteRequest')!.message;
  core.receive(1234.5, 1, { type: 'VoteResponse', requestId: vote.requestId, error: 'NONE', epoch: 6, leaderId: -1, granted: true, preVote: false });
  expect(core.status().role).toBe('leader');
  const [batch] = core.batches();
  expect(batch).toMatchObject({ baseOffset: 0, lastOffset: 0, epoch: 6 });
  const decoded = decodeRecordBatch(batch!.bytes);
  expect(decoded.header).toMatchObject({ baseOffset: 0, partitionLeaderEpoch: 6, isControl: true, baseTimestamp: 1234 });
  expect(decoded.records.map((r) => decodeControlRecord(r))).toEqual([
    { type: ControlRecordType.LeaderChange, message: { leaderId: 2, voters: [1, 2, 3], grantingVoters: [1, 2] } },
  ]);
});

test('a former leader campaigning again names no leader when refusing a proposal', () => {
  const core = RaftCore.start({ nodeId: 1, voters: [1, 2, 3], random: () => 0 }, { electionState: { epoch: 5, votedFor: 1, leaderId: 1 }, snapshot: null, batches: [] }, 0);
  expect(core.status().role).toBe('resigned');
  core.tick(1000);
  expect(core.status()).toMatchObject({ role: 'prospective', leaderId: 1 });
  expect(core.propose(1000, [encodeValue('x')])).toEqual({ ok: false, error: { code: 'NOT_LEADER_OR_FOLLOWER', leaderId: -1, epoch: 5 } });
});

describe('what a fetch acknowledges', () => {
  test('a static observer’s fetch acknowledges nothing, so it need not wait for its sync', () => {
    const core = RaftCore.start({ nodeId: 9, voters: [1, 2], random: () => 0 }, { electionState: { epoch: 3, votedFor: -1, leaderId: 1 }, snapshot: null, batches: [] }, 0);
    const fetch = sent(core)[0]!.message as FetchRequest;
    expect(fetch.replicaDirectoryId).toBeUndefined();
    core.receive(5, 1, { type: 'FetchResponse', requestId: fetch.requestId, error: 'NONE', epoch: 3, leaderId: 1, highWatermark: 1, logStartOffset: 0, batches: [batchAt(0, 3).bytes] });
    const ready = core.takeReady();
    expect(ready.logOps).toMatchObject([{ op: 'append' }]);
    expect(ready.messages.map((m) => m.message)).toMatchObject([{ type: 'FetchRequest', fetchOffset: 1 }]);
    expect(ready.messagesAfterPersist).toEqual([]);
  });

  test('a truncation caps what a sync still in flight can make durable', () => {
    const core = RaftCore.start({ nodeId: 1, voters: [1, 2, 3], random: () => 0 }, { electionState: { epoch: 3, votedFor: -1, leaderId: 2 }, snapshot: null, batches: logOfEpochs([1]) }, 0);
    const fetch = sent(core)[0]!.message as FetchRequest;
    core.receive(5, 2, { type: 'FetchResponse', requestId: fetch.requestId, error: 'NONE', epoch: 3, leaderId: 2, highWatermark: 0, logStartOffset: 0, batches: [batchAt(1, 2).bytes, batchAt(2, 2).bytes] });
    const appended = core.takeReady();
    // The append's sync has not completed when the leader reports a divergence at 2.
    expect(core.status()).toMatchObject({ logEndOffset: 3, flushedEndOffset: 1 });
    core.receive(6, 2, { type: 'FetchResponse', requestId: (appended.messagesAfterPersist[0]!.message as FetchRequest).requestId, error: 'NONE', epoch: 3, leaderId: 2, highWatermark: 0, logStartOffset: 0, divergingEpoch: { epoch: 2, offset: 2 }, batches: [] });
    expect(core.takeReady().logOps).toEqual([{ op: 'truncate', endOffset: 2 }]);
    expect(core.status()).toMatchObject({ logEndOffset: 2, flushedEndOffset: 1 });
    core.persisted(7, appended.persistId!);
    expect(core.status()).toMatchObject({ logEndOffset: 2, flushedEndOffset: 2 });
  });
});

describe('dynamic voters in the log', () => {
  test('a truncation below a VotersRecord reverts the voter set in force, and tells the driver', () => {
    const voters = [voter(1), voter(2), voter(3)];
    const core = RaftCore.start(
      { nodeId: 1, directoryId: dir(1), bootstrapVoters: voters, random: () => 0 },
      { electionState: { epoch: 3, votedFor: -1, leaderId: 2 }, snapshot: null, batches: [] },
      0,
    );
    const fetch = sent(core)[0]!.message as FetchRequest;
    const change = encodeVotersBatch([voters[0]!, voters[1]!], false, 0);
    const stamped = { ...batchAt(1, 3), bytes: change };
    new DataView(change.buffer, change.byteOffset).setBigInt64(0, 1n);
    new DataView(change.buffer, change.byteOffset).setInt32(12, 3);
    core.receive(5, 2, { type: 'FetchResponse', requestId: fetch.requestId, error: 'NONE', epoch: 3, leaderId: 2, highWatermark: 0, logStartOffset: 0, batches: [batchAt(0, 3).bytes, stamped.bytes] });
    const ready = readies(core, 5);
    expect(ready[0]!.voters?.map((v) => v.id)).toEqual([1, 2]);
    expect(core.status().voters.map((v) => v.id)).toEqual([1, 2]);
    const next = ready.flatMap((r) => [...r.messages, ...r.messagesAfterPersist]).find((m) => m.message.type === 'FetchRequest')!.message as FetchRequest;
    core.receive(6, 2, { type: 'FetchResponse', requestId: next.requestId, error: 'NONE', epoch: 3, leaderId: 2, highWatermark: 0, logStartOffset: 0, divergingEpoch: { epoch: 3, offset: 1 }, batches: [] });
    const after = core.takeReady();
    expect(after.logOps).toEqual([{ op: 'truncate', endOffset: 1 }]);
    expect(after.voters?.map((v) => v.id)).toEqual([1, 2, 3]);
    expect(core.status().voters.map((v) => v.id)).toEqual([1, 2, 3]);
  });

  test('a candidate whose seat goes away with a VotersRecord stops campaigning', () => {
    const { net } = (() => {
      const bootstrap = [voter(1), voter(2), voter(3)];
      return { net: new CoreNet([1, 2, 3].map((nodeId) => ({ nodeId, directoryId: dir(nodeId), bootstrapVoters: bootstrap }))) };
    })();
    const leader = net.elect();
    net.run(300);
    const leaderId = leader.status().nodeId;
    const gone = [1, 2, 3].find((id) => id !== leaderId)!;
    const removed = net.core(gone);
    // The removed voter hears nothing more, times out and campaigns; the others refuse it.
    net.cut = (s) => s.from === gone || s.to === gone;
    expect(leader.removeVoter(net.now, gone, dir(gone)).ok).toBe(true);
    net.run(100);
    expect(removed.status().isVoter).toBe(true);
    net.run(3000);
    expect(['prospective', 'candidate']).toContain(removed.status().role);
    // Reconnected: a vote answer names the leader, it follows, learns the change and is an observer.
    net.cut = () => false;
    net.run(3000);
    expect(removed.status()).toMatchObject({ isVoter: false, leaderId });
    expect(removed.status().role).not.toBe('prospective');
    expect(removed.status().role).not.toBe('candidate');
  });

  test('a leader whose own removal was not committed before it crashed may still campaign', () => {
    const bootstrap = [voter(1), voter(2), voter(3)];
    const net = new CoreNet([1, 2, 3].map((nodeId) => ({ nodeId, directoryId: dir(nodeId), bootstrapVoters: bootstrap })));
    const leader = net.elect();
    net.run(300);
    const leaderId = leader.status().nodeId;
    // The removal reaches no follower before the leader crashes.
    net.cut = (s) => s.from === leaderId || s.to === leaderId;
    expect(leader.removeVoter(net.now, leaderId, dir(leaderId)).ok).toBe(true);
    net.drain();
    const epoch = leader.status().epoch;
    const restarted = new CoreNet([]).add(
      { nodeId: leaderId, directoryId: dir(leaderId), bootstrapVoters: bootstrap, random: () => 0 },
      { electionState: { epoch, votedFor: leaderId, leaderId }, snapshot: null, batches: leader.batches() },
    );
    // Its log says it is not a voter, but the committed set says it is: it campaigns, counting
    // votes in the set in force, where it has none of its own.
    expect(restarted.status()).toMatchObject({ isVoter: false, role: 'resigned' });
    restarted.tick(restarted.nextDeadline());
    expect(restarted.status().role).toBe('prospective');
    const asks = sent(restarted).filter((s) => s.message.type === 'VoteRequest');
    expect(asks.map((s) => s.to).sort()).toEqual([1, 2, 3].filter((id) => id !== leaderId));
    // One grant is not a majority of the two remaining voters: its own vote does not count.
    const [first] = asks;
    restarted.receive(restarted.nextDeadline() - 1, first!.to, { type: 'VoteResponse', requestId: first!.message.requestId, error: 'NONE', epoch, leaderId: -1, granted: true, preVote: true });
    expect(restarted.status().role).toBe('prospective');
    // The other refuses: it lost, and is unattached outside the set in force. It looks for a leader
    // (a fetch, answered by the request timeout, 2000) and still campaigns at its election timeout (1000).
    const lostAt = restarted.nextDeadline() - 1;
    const second = asks[1]!;
    restarted.receive(lostAt, second.to, { type: 'VoteResponse', requestId: second.message.requestId, error: 'NONE', epoch, leaderId: -1, granted: false, preVote: true });
    expect(restarted.status()).toMatchObject({ role: 'unattached', isVoter: false });
    expect(sent(restarted, lostAt).map((s) => s.message.type)).toContain('FetchRequest');
    expect(restarted.nextDeadline()).toBe(lostAt + 1000);
  });
});

test('dynamic: a snapshot handed in without its voters gets the set in force at its end', () => {
  const net = new CoreNet([{ nodeId: 1, directoryId: dir(1), bootstrapVoters: [voter(1)] }]);
  const leader = net.elect();
  net.run(100);
  net.propose(leader, 'a');
  net.run(100);
  const hw = leader.status().highWatermark;
  leader.snapshotCreated(net.now, { id: { offset: hw, epoch: leader.status().epoch }, size: 10 });
  expect(leader.snapshot()).toEqual({ id: { offset: hw, epoch: leader.status().epoch }, size: 10, voters: [voter(1)] });
  // An observer with no voter set knows none to put in a snapshot.
  const observer = new CoreNet([{ nodeId: 5, directoryId: dir(5) }]).core(5);
  expect(observer.snapshotVoters(0)).toEqual([]);
});

test('dynamic: an observer that knows no voter set below a snapshot’s end gives it an empty one', () => {
  const net = new CoreNet([{ nodeId: 1, directoryId: dir(1), bootstrapVoters: [voter(1)] }]);
  const observer = net.add({ nodeId: 5, directoryId: dir(5), bootstrapServers: [1] });
  const leader = net.elect();
  net.run(500);
  const epoch = leader.status().epoch;
  // The leader's log: its LeaderChange at 0, then the batch holding the bootstrap voters at 1.
  expect(observer.status()).toMatchObject({ role: 'follower', votersOffset: 1 });
  expect(observer.status().highWatermark).toBeGreaterThan(1);
  observer.snapshotCreated(net.now, { id: { offset: 1, epoch }, size: 10 });
  expect(observer.snapshot()).toEqual({ id: { offset: 1, epoch }, size: 10, voters: [] });
});
