import { ZERO_DIRECTORY_ID, newDirectoryId, type Endpoint, type Voter } from '../../src/core/voter-set';
import type { FetchRequest } from '../../src/core/messages';
import type { RaftCore } from '../../src/core/raft-core';
import { SeededRandom } from '../../src/testing/seeded-random';
import { CoreNet } from './core-net';

const dir = (seed: number): string => newDirectoryId(new SeededRandom(seed).asFunction());
const endpoint = (id: number, port = 9000 + id): Endpoint => ({ name: 'CONTROLLER', host: `h${id}`, port });
const voter = (id: number, seed = id): Voter => ({ id, directoryId: dir(seed), endpoints: [endpoint(id)] });

/** Dynamic voters bootstrapped with `ids`; more replicas (observers) may be added with `join`. */
function dynamicCluster(ids: number[]) {
  const bootstrap = ids.map((id) => voter(id));
  const net = new CoreNet(ids.map((nodeId) => ({ nodeId, directoryId: dir(nodeId), bootstrapVoters: bootstrap, endpoints: [endpoint(nodeId)] })));
  const join = (nodeId: number, seed = nodeId): RaftCore => net.add({ nodeId, directoryId: dir(seed), endpoints: [endpoint(nodeId)], bootstrapServers: ids });
  return { net, join, bootstrap };
}

/** Runs until the leader has committed a batch of its epoch (voter changes wait for that). */
function settledLeader(net: CoreNet): RaftCore {
  const leader = net.elect();
  net.run(200);
  expect(leader.status().highWatermark).toBeGreaterThan(leader.status().epochStartOffset);
  return leader;
}

describe('adding a voter (KIP-853 AddRaftVoter)', () => {
  test('a caught-up observer becomes a voter; the change is in force at once and committed in the new set', () => {
    const { net, join } = dynamicCluster([1]);
    const leader = settledLeader(net);
    join(2);
    net.run(500);
    const observer = net.core(2);
    expect(observer.status()).toMatchObject({ role: 'follower', leaderId: 1, isVoter: false });
    const result = leader.addVoter(net.now, voter(2));
    expect(result).toMatchObject({ ok: true, offset: leader.status().logEndOffset - 1, epoch: leader.status().epoch });
    expect(result.ok && result.voters.map((v) => v.id)).toEqual([1, 2]);
    expect(leader.status().voters.map((v) => v.id)).toEqual([1, 2]);
    // Until it commits, another change is refused.
    const second = leader.addVoter(net.now, voter(3));
    expect(second).toMatchObject({ ok: false, error: { code: 'REQUEST_TIMED_OUT', leaderId: 1 } });
    expect(!second.ok && second.error.message).toMatch(/^the voter change at offset \d+ is not committed yet$/);
    net.run(500);
    expect(observer.status()).toMatchObject({ isVoter: true, votersOffset: result.ok ? result.offset : -1 });
    expect(leader.status().committedVoters.map((v) => v.id)).toEqual([1, 2]);
    expect(leader.describeQuorum(net.now)?.voters.map((v) => v.nodeId)).toEqual([1, 2]);
    // Every node was told of the new set.
    expect(net.readies.get(2)!.some((r) => r.voters?.length === 2)).toBe(true);
  });

  test('refusals: a voter already, the zero directory id, a replica that never fetched or fetches as another disk', () => {
    const { net, join } = dynamicCluster([1]);
    const leader = settledLeader(net);
    const refusal = (v: Voter) => {
      const result = leader.addVoter(net.now, v);
      expect(result.ok).toBe(false);
      return result.ok ? null : result.error;
    };
    expect(refusal(voter(1))).toEqual({ code: 'DUPLICATE_VOTER', message: 'node 1 is already a voter', leaderId: 1, epoch: leader.status().epoch });
    expect(refusal({ ...voter(2), directoryId: ZERO_DIRECTORY_ID })).toMatchObject({ code: 'INVALID_REQUEST', message: 'a voter needs a directory id' });
    expect(refusal(voter(2))).toMatchObject({
      code: 'REQUEST_TIMED_OUT',
      message: `replica 2 (directory ${dir(2)}) has not fetched from the leader; start it as an observer first`,
    });
    join(2);
    net.run(500);
    expect(refusal(voter(2, 77))).toMatchObject({ message: `replica 2 (directory ${dir(77)}) fetches with directory id ${dir(2)}; start it as an observer first` });
    // A replica that fell behind is not caught up.
    net.cut = (s) => s.to === 2 || s.from === 2;
    net.propose(leader, 'a');
    net.run(3000);
    expect(refusal(voter(2))).toMatchObject({ message: `replica 2 (directory ${dir(2)}) is not caught up with the leader; start it as an observer first` });
  });

  test('a node that is not the leader refuses with NOT_LEADER_OR_FOLLOWER and names the leader', () => {
    const { net } = dynamicCluster([1, 2, 3]);
    const leader = settledLeader(net);
    const follower = [...net.cores.values()].find((c) => c !== leader)!;
    const leaderId = leader.status().nodeId;
    expect(follower.addVoter(net.now, voter(4))).toEqual({
      ok: false,
      error: { code: 'NOT_LEADER_OR_FOLLOWER', message: 'not the leader', leaderId, epoch: leader.status().epoch },
    });
    expect(follower.removeVoter(net.now, 1, dir(1))).toMatchObject({ ok: false, error: { code: 'NOT_LEADER_OR_FOLLOWER', leaderId } });
    expect(follower.updateVoter(net.now, 1, dir(1), [endpoint(1)])).toMatchObject({ ok: false, error: { code: 'NOT_LEADER_OR_FOLLOWER' } });
  });

  test('a fresh leader refuses changes until it has committed an entry of its epoch', () => {
    const { net } = dynamicCluster([1, 2, 3]);
    // Keep the leader's first entries from being acknowledged.
    net.cut = (s) => s.message.type === 'FetchRequest';
    const leader = net.elect();
    const result = leader.addVoter(net.now, voter(4));
    expect(result).toMatchObject({ ok: false, error: { code: 'REQUEST_TIMED_OUT' } });
    expect(!result.ok && result.error.message).toBe(`the leader has not committed an entry of epoch ${leader.status().epoch} yet`);
  });
});

describe('removing a voter (KIP-853 RemoveRaftVoter)', () => {
  test('removes a voter whose remaining set is live; the removed node stops voting', () => {
    const { net } = dynamicCluster([1, 2, 3]);
    const leader = settledLeader(net);
    const leaderId = leader.status().nodeId;
    const gone = [1, 2, 3].find((id) => id !== leaderId)!;
    const seen = net.readies.get(gone)!.length;
    const result = leader.removeVoter(net.now, gone, dir(gone));
    expect(result.ok).toBe(true);
    expect(result.ok && result.voters.map((v) => v.id)).toEqual([1, 2, 3].filter((id) => id !== gone));
    net.run(500);
    expect(net.core(gone).status()).toMatchObject({ isVoter: false });
    expect(leader.status().committedVoters.map((v) => v.id)).toEqual([1, 2, 3].filter((id) => id !== gone));
    // It went on following the leader as an observer throughout.
    expect(net.core(gone).status()).toMatchObject({ role: 'follower', leaderId });
    expect(net.readies.get(gone)!.slice(seen).filter((r) => r.roleChange !== null)).toEqual([]);
  });

  test('refusals: not a voter (or another disk), the last voter, a remaining set that could not commit', () => {
    const { net } = dynamicCluster([1, 2, 3]);
    const leader = settledLeader(net);
    const leaderId = leader.status().nodeId;
    const [a, b] = [1, 2, 3].filter((id) => id !== leaderId) as [number, number];
    const r1 = leader.removeVoter(net.now, 7, dir(7));
    expect(r1).toMatchObject({ ok: false, error: { code: 'VOTER_NOT_FOUND' } });
    expect(!r1.ok && r1.error.message).toMatch(new RegExp(`^\\(7, ${dir(7)}\\) is not a voter of `));
    expect(leader.removeVoter(net.now, a, dir(99))).toMatchObject({ ok: false, error: { code: 'VOTER_NOT_FOUND' } });
    // With b unreachable, removing a would leave [leader, b] of which only the leader is live.
    net.cut = (s) => s.from === b || s.to === b;
    net.run(3500);
    const r2 = leader.removeVoter(net.now, a, dir(a));
    expect(r2).toMatchObject({ ok: false, error: { code: 'REQUEST_TIMED_OUT' } });
    expect(!r2.ok && r2.error.message).toMatch(new RegExp(`^only \\[${leaderId}\\] of the remaining voters .* are caught up: not a majority$`));
    // Removing b itself is fine: [leader, a] are both live.
    expect(leader.removeVoter(net.now, b, dir(b)).ok).toBe(true);
  });

  test('the last voter cannot be removed', () => {
    const { net } = dynamicCluster([1]);
    const leader = settledLeader(net);
    expect(leader.removeVoter(net.now, 1, dir(1))).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: 'the last voter cannot be removed' } });
  });

  test('a leader that removes itself leads until the removal commits, then resigns', () => {
    const { net } = dynamicCluster([1, 2, 3]);
    const leader = settledLeader(net);
    const leaderId = leader.status().nodeId;
    const result = leader.removeVoter(net.now, leaderId, dir(leaderId));
    expect(result.ok).toBe(true);
    expect(leader.status().role).toBe('leader');
    net.drain();
    net.run(100);
    expect(leader.status()).toMatchObject({ role: 'resigned', isVoter: false });
    const resignedAt = net.sent.length;
    const next = net.elect();
    expect(next.status().nodeId).not.toBe(leaderId);
    // Out of the committed set, it never campaigns again: it becomes an observer of the new leader.
    net.run(3000);
    expect(net.sentOf('VoteRequest', resignedAt).filter((s) => s.from === leaderId)).toEqual([]);
    expect(leader.status()).toMatchObject({ role: 'follower', leaderId: next.status().nodeId, isVoter: false });
  });
});

describe('updating a voter’s endpoints', () => {
  test('the operator’s updateVoter appends the new endpoints, even unchanged ones', () => {
    const { net } = dynamicCluster([1, 2]);
    const leader = settledLeader(net);
    const moved = [{ name: 'CONTROLLER', host: 'elsewhere', port: 1 }];
    const result = leader.updateVoter(net.now, 2, dir(2), moved);
    expect(result.ok && result.voters.find((v) => v.id === 2)!.endpoints).toEqual(moved);
    expect(result.ok && result.voters.find((v) => v.id === 1)!.endpoints).toEqual([endpoint(1)]);
    net.run(200);
    expect(leader.updateVoter(net.now, 2, dir(2), moved).ok).toBe(true);
    net.run(200);
    expect(leader.updateVoter(net.now, 2, dir(3), moved)).toMatchObject({ ok: false, error: { code: 'VOTER_NOT_FOUND' } });
    const empty = leader.updateVoter(net.now, 2, dir(2), []);
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: 'a voter needs at least one endpoint' } });
  });

  test('a follower listed with other endpoints asks the leader to fix them (UpdateRaftVoter), at most once per fetch timeout', () => {
    const { net, bootstrap } = dynamicCluster([1, 2]);
    const leader = settledLeader(net);
    const leaderId = leader.status().nodeId;
    const followerId = leaderId === 1 ? 2 : 1;
    // The follower restarts listening elsewhere.
    const listening = [endpoint(followerId, 7777)];
    const start = net.sent.length;
    net.cores.delete(followerId);
    const restarted = net.add(
      { nodeId: followerId, directoryId: dir(followerId), bootstrapVoters: bootstrap, endpoints: listening },
      { electionState: { epoch: leader.status().epoch, votedFor: -1, leaderId }, snapshot: null, batches: leader.batches() },
    );
    // (The leader answers the old incarnation's parked fetch first; the new one waits out its long poll.)
    net.run(1000);
    const asks = net.sentOf('UpdateVoterRequest', start);
    expect(asks).toHaveLength(1);
    expect(asks[0]).toMatchObject({ from: followerId, to: leaderId, message: { voterId: followerId, voterDirectoryId: dir(followerId), endpoints: listening, epoch: leader.status().epoch } });
    expect(net.sentOf('UpdateVoterResponse', start)).toMatchObject([{ to: followerId, message: { error: 'NONE' } }]);
    net.run(300);
    expect(leader.status().voters.find((v) => v.id === followerId)!.endpoints).toEqual(listening);
    expect(restarted.status().voters.find((v) => v.id === followerId)!.endpoints).toEqual(listening);
    expect(net.sentOf('UpdateVoterRequest', start)).toHaveLength(1);
  });

  test('a follower whose request goes unanswered asks again only after the fetch timeout; one without endpoints never asks', () => {
    const { net, bootstrap } = dynamicCluster([1, 2]);
    const leader = settledLeader(net);
    const leaderId = leader.status().nodeId;
    const followerId = leaderId === 1 ? 2 : 1;
    net.cores.delete(followerId);
    net.add(
      { nodeId: followerId, directoryId: dir(followerId), bootstrapVoters: bootstrap, endpoints: [endpoint(followerId, 7777)] },
      { electionState: { epoch: leader.status().epoch, votedFor: -1, leaderId }, snapshot: null, batches: leader.batches() },
    );
    net.cut = (s) => s.message.type === 'UpdateVoterRequest';
    const start = net.sent.length;
    net.run(1000);
    const first = net.sentOf('UpdateVoterRequest', start);
    expect(first).toHaveLength(1);
    net.run(1500);
    expect(net.sentOf('UpdateVoterRequest', start)).toHaveLength(1);
    net.run(1500);
    expect(net.sentOf('UpdateVoterRequest', start).length).toBeGreaterThanOrEqual(2);

    const quiet = new CoreNet([1, 2].map((nodeId) => ({ nodeId, directoryId: dir(nodeId), bootstrapVoters: bootstrap })));
    quiet.elect();
    quiet.run(1000);
    expect(quiet.sentOf('UpdateVoterRequest')).toEqual([]);
    // Nor does one listening where it is listed, nor one listed under another disk (wiped).
    const same = dynamicCluster([1, 2]);
    const sameLeader = settledLeader(same.net);
    same.net.run(1000);
    expect(same.net.sentOf('UpdateVoterRequest')).toEqual([]);
    const otherId = sameLeader.status().nodeId === 1 ? 2 : 1;
    same.net.cores.delete(otherId);
    same.net.add(
      { nodeId: otherId, directoryId: dir(50), bootstrapServers: [sameLeader.status().nodeId], endpoints: [endpoint(otherId, 7777)] },
      { electionState: { epoch: sameLeader.status().epoch, votedFor: -1, leaderId: sameLeader.status().nodeId }, snapshot: null, batches: sameLeader.batches() },
    );
    const from = same.net.sent.length;
    same.net.run(1000);
    expect(same.net.sentOf('FetchRequest', from).some((s) => s.from === otherId)).toBe(true);
    expect(same.net.sentOf('UpdateVoterRequest', from)).toEqual([]);
  });

  test('the leader checks UpdateRaftVoter: who asks, the epoch, the voter key; unchanged endpoints append nothing', () => {
    const { net } = dynamicCluster([1, 2]);
    const leader = settledLeader(net);
    const leaderId = leader.status().nodeId;
    const other = leaderId === 1 ? 2 : 1;
    const epoch = leader.status().epoch;
    const ask = (from: number, over: Partial<{ voterId: number; epoch: number; voterDirectoryId: string; endpoints: Endpoint[] }>) => {
      const before = leader.status().logEndOffset;
      leader.receive(net.now, from, {
        type: 'UpdateVoterRequest',
        requestId: 5,
        epoch,
        voterId: from,
        voterDirectoryId: dir(from),
        endpoints: [endpoint(from)],
        ...over,
      });
      const ready = leader.takeReady();
      return { answers: ready.messages.map((m) => m.message).filter((m) => m.type === 'UpdateVoterResponse'), appended: leader.status().logEndOffset - before };
    };
    expect(ask(other, { voterId: 9 })).toEqual({ answers: [{ type: 'UpdateVoterResponse', requestId: 5, error: 'INVALID_REQUEST', epoch, leaderId }], appended: 0 });
    expect(ask(other, { epoch: epoch - 1 }).answers).toMatchObject([{ error: 'FENCED_LEADER_EPOCH' }]);
    expect(ask(other, { epoch: epoch + 1 }).answers).toMatchObject([{ error: 'UNKNOWN_LEADER_EPOCH' }]);
    expect(ask(other, { voterDirectoryId: dir(50) }).answers).toMatchObject([{ error: 'VOTER_NOT_FOUND' }]);
    expect(ask(9, {}).answers).toMatchObject([{ error: 'VOTER_NOT_FOUND' }]);
    expect(ask(other, {})).toMatchObject({ answers: [{ error: 'NONE' }], appended: 0 });
    expect(ask(other, { endpoints: [endpoint(other, 1)] })).toMatchObject({ answers: [{ error: 'NONE' }], appended: 1 });
    // Only the asker's endpoints change.
    expect(leader.status().voters.map((v) => [v.id, v.endpoints])).toEqual([[1, 2].map((id) => [id, [endpoint(id, id === other ? 1 : 9000 + id)]])].flat());
    // A second change before the first commits: refused with the change's error.
    expect(ask(other, { endpoints: [endpoint(other, 2)] })).toMatchObject({ answers: [{ error: 'REQUEST_TIMED_OUT' }], appended: 0 });
    // A follower is not the one to ask, even when the endpoints are unchanged.
    const follower = net.core(other);
    follower.receive(net.now, leaderId, { type: 'UpdateVoterRequest', requestId: 6, epoch, voterId: leaderId, voterDirectoryId: dir(leaderId), endpoints: [endpoint(leaderId)] });
    const answers = follower.takeReady().messages.map((m) => m.message).filter((m) => m.type === 'UpdateVoterResponse');
    expect(answers).toEqual([{ type: 'UpdateVoterResponse', requestId: 6, error: 'NOT_LEADER_OR_FOLLOWER', epoch, leaderId }]);
  });
});

describe('dynamic voters and snapshots', () => {
  test('a snapshot carries the voter set in force at its end; a follower installing it takes that set', () => {
    const { net, join } = dynamicCluster([1]);
    const leader = settledLeader(net);
    net.propose(leader, 'a', 'b');
    net.run(100);
    const hw = leader.status().highWatermark;
    const snapshot = net.snapshot(1, hw, leader.status().epoch);
    expect(snapshot.voters?.map((v) => v.id)).toEqual([1]);
    expect(leader.snapshot()?.voters?.map((v) => v.id)).toEqual([1]);
    expect(leader.snapshotVoters(hw)?.map((v) => v.id)).toEqual([1]);
    // An observer joining now can only catch up through the snapshot.
    const observer = join(2);
    net.run(1000);
    expect(observer.status()).toMatchObject({ logStartOffset: hw, highWatermark: hw, role: 'follower' });
    expect(observer.status().voters.map((v) => v.id)).toEqual([1]);
    expect(net.readies.get(2)!.flatMap((r) => r.logOps).find((op) => op.op === 'installSnapshot')).toMatchObject({
      snapshot: { id: { offset: hw }, voters: [{ id: 1 }] },
    });
  });

  test('a restart from a snapshot holding the voters starts from that set', () => {
    const self = voter(1);
    const net = new CoreNet([]);
    const core = net.add(
      { nodeId: 1, directoryId: self.directoryId, bootstrapVoters: [voter(1), voter(2)], endpoints: [endpoint(1)] },
      { electionState: { epoch: 3, votedFor: -1, leaderId: -1 }, snapshot: { id: { offset: 10, epoch: 3 }, size: 1, voters: [self] }, batches: [] },
    );
    expect(core.status()).toMatchObject({ logStartOffset: 10, voters: [self], isVoter: true });
    // The snapshot's set is the one in force: a sole voter, it leads by itself.
    net.run(3000);
    expect(core.status().role).toBe('leader');
  });

  test('a restart takes the voter set from the log over the bootstrap set', () => {
    const { net, join } = dynamicCluster([1]);
    const leader = settledLeader(net);
    join(2);
    net.run(500);
    const added = leader.addVoter(net.now, voter(2));
    expect(added.ok).toBe(true);
    net.run(500);
    const batches = leader.batches();
    const restarted = new CoreNet([]).add(
      { nodeId: 1, directoryId: dir(1), bootstrapVoters: [voter(1)], endpoints: [endpoint(1)] },
      { electionState: { epoch: leader.status().epoch, votedFor: 1, leaderId: -1 }, snapshot: null, batches },
    );
    expect(restarted.status().voters.map((v) => v.id)).toEqual([1, 2]);
    expect(restarted.status().votersOffset).toBe(added.ok ? added.offset : -2);
  });

  test('a snapshot with an empty voter set leaves the bootstrap set in force', () => {
    const core = new CoreNet([]).add(
      { nodeId: 1, directoryId: dir(1), bootstrapVoters: [voter(1)] },
      { electionState: { epoch: 3, votedFor: -1, leaderId: -1 }, snapshot: { id: { offset: 10, epoch: 3 }, size: 1, voters: [] }, batches: [] },
    );
    expect(core.status()).toMatchObject({ voters: [voter(1)], isVoter: true });
  });

  test('a leader whose removal is in its snapshot restarts as an observer, not as a follower of itself', () => {
    const core = new CoreNet([]).add(
      { nodeId: 1, directoryId: dir(1), bootstrapVoters: [voter(1), voter(2), voter(3)] },
      { electionState: { epoch: 4, votedFor: 1, leaderId: 1 }, snapshot: { id: { offset: 10, epoch: 4 }, size: 1, voters: [voter(2), voter(3)] }, batches: [] },
    );
    expect(core.status()).toMatchObject({ role: 'unattached', leaderId: -1, isVoter: false, epoch: 4 });
  });

  test('the fetches of a dynamic replica carry its directory id; its votes name the voter asked', () => {
    const { net } = dynamicCluster([1, 2, 3]);
    net.elect();
    net.run(100);
    const fetches = net.sentOf('FetchRequest') as { from: number; message: FetchRequest }[];
    for (const f of fetches) expect(f.message.replicaDirectoryId).toBe(dir(f.from));
    const votes = net.sentOf('VoteRequest');
    expect(votes.length).toBeGreaterThan(0);
    for (const v of votes) expect(v.message).toMatchObject({ candidateDirectoryId: dir(v.from), voterDirectoryId: dir(v.to) });
    const begins = net.sentOf('BeginQuorumEpochRequest');
    for (const b of begins) expect(b.message.voterDirectoryId).toBe(dir(b.to));
  });

  test('a vote or BeginQuorumEpoch for another disk of this node is refused as INVALID_VOTER_KEY', () => {
    const { net } = dynamicCluster([1, 2, 3]);
    const core = net.core(1);
    net.drain();
    const start = net.sent.length;
    core.receive(1, 2, { type: 'VoteRequest', requestId: 1, epoch: 1, candidateId: 2, lastEpoch: 0, lastOffset: 0, preVote: false, candidateDirectoryId: dir(2), voterDirectoryId: dir(42) });
    core.receive(1, 2, { type: 'BeginQuorumEpochRequest', requestId: 2, epoch: 1, leaderId: 2, voterDirectoryId: dir(42) });
    net.drain();
    const answers = net.sent.slice(start).filter((s) => s.from === 1).map((s) => s.message);
    expect(answers).toMatchObject([
      { type: 'VoteResponse', error: 'INVALID_VOTER_KEY', granted: false },
      { type: 'BeginQuorumEpochResponse', error: 'INVALID_VOTER_KEY' },
    ]);
    expect(core.status()).toMatchObject({ votedFor: -1, leaderId: -1 });
  });
});
