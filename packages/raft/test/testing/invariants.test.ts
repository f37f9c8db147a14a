import {
  checkInvariants,
  committedPrefixIdentical,
  corruptTailRepaired,
  nodeHaltsOnlyOnDiskFaults,
  readIndexLinearizable,
  votesOncePerEpoch,
  epochNeverDecreases,
  leaderHighWatermarkNeverDecreases,
  leaderHoldsEveryEarlierCommit,
  majorityHoldsBelowHighWatermark,
  newInvariantMemory,
  readyContractHonoured,
  singleLeaderPerEpoch,
  snapshotAtLogStart,
  stateMachinesAgree,
} from '@kz/raft/testing';
import { batch, cluster, log, node } from './fixtures';

const leader = (id: number, epoch: number, extra: Parameters<typeof node>[1] = {}) =>
  node(id, { ...extra, status: { role: 'leader', epoch, leaderId: id, epochStartOffset: 0, ...extra.status } });

describe('a healthy cluster', () => {
  it('passes every invariant', () => {
    const entries = log(0, [1, 1, 1]);
    const view = cluster([
      leader(1, 1, { log: entries, status: { highWatermark: 3 } }),
      node(2, { log: entries, status: { leaderId: 1, highWatermark: 3 } }),
      node(3, { log: entries.slice(0, 2), status: { leaderId: 1, highWatermark: 2 } }),
    ]);
    expect(checkInvariants(view, newInvariantMemory())).toEqual([]);
  });
});

describe('singleLeaderPerEpoch', () => {
  it('fails on two leaders in one epoch at once', () => {
    const v = singleLeaderPerEpoch(cluster([leader(1, 2), leader(2, 2), node(3)]), newInvariantMemory());
    expect(v.map((x) => x.message)).toEqual(['leads epoch 2, whose leader is node 1']);
  });

  it('fails on a second leader of an epoch later on', () => {
    const memory = newInvariantMemory();
    expect(singleLeaderPerEpoch(cluster([leader(1, 2), node(2, { up: false })]), memory)).toEqual([]);
    expect(singleLeaderPerEpoch(cluster([node(1, { up: false }), leader(2, 2)]), memory)).toHaveLength(1);
  });

  it('fails when a follower believes another node leads the epoch', () => {
    const v = singleLeaderPerEpoch(cluster([leader(1, 2), node(2, { status: { epoch: 2, leaderId: 3 } })]), newInvariantMemory());
    expect(v[0]?.message).toBe('believes node 3 leads epoch 2, whose leader is node 1');
  });
});

describe('epochNeverDecreases', () => {
  it('fails when a running node goes back an epoch', () => {
    const memory = newInvariantMemory();
    epochNeverDecreases(cluster([node(1, { status: { epoch: 3 } })]), memory);
    expect(epochNeverDecreases(cluster([node(1, { status: { epoch: 2 } })]), memory)).toHaveLength(2);
  });

  it('allows a restarted node to lose an unsynced epoch bump, but not a synced one', () => {
    const memory = newInvariantMemory();
    const durableAt = (epoch: number) => ({ electionState: { epoch, votedFor: -1, leaderId: -1 }, log: { snapshot: null, batches: [] } });
    epochNeverDecreases(cluster([node(1, { status: { epoch: 3 }, durable: durableAt(2) })]), memory);
    expect(epochNeverDecreases(cluster([node(1, { incarnation: 2, status: { epoch: 2 }, durable: durableAt(2) })]), memory)).toEqual([]);
    const v = epochNeverDecreases(cluster([node(1, { incarnation: 3, status: { epoch: 2 }, durable: durableAt(1) })]), memory);
    expect(v.map((x) => x.message)).toEqual(['durable epoch went from 2 to 1']);
  });
});

describe('leaderHighWatermarkNeverDecreases', () => {
  it('fails when a leader lowers its high watermark', () => {
    const memory = newInvariantMemory();
    leaderHighWatermarkNeverDecreases(cluster([leader(1, 2, { status: { highWatermark: 5 } })]), memory);
    const v = leaderHighWatermarkNeverDecreases(cluster([leader(1, 2, { status: { highWatermark: 4 } })]), memory);
    expect(v[0]?.message).toBe('leader of epoch 2: high watermark went from 5 to 4');
  });

  it('fails when a later leader exposes less than an earlier one did', () => {
    const memory = newInvariantMemory();
    leaderHighWatermarkNeverDecreases(cluster([leader(1, 2, { status: { highWatermark: 9, epochStartOffset: 3 } })]), memory);
    const v = leaderHighWatermarkNeverDecreases(cluster([leader(2, 3, { status: { highWatermark: 7, epochStartOffset: 6 } })]), memory);
    expect(v[0]?.message).toMatch(/exposes high watermark 7, but the leader of epoch 2 exposed 9/);
  });

  it('ignores a new leader that has not committed its epoch start yet', () => {
    const memory = newInvariantMemory();
    leaderHighWatermarkNeverDecreases(cluster([leader(1, 2, { status: { highWatermark: 9, epochStartOffset: 3 } })]), memory);
    expect(leaderHighWatermarkNeverDecreases(cluster([leader(2, 3, { status: { highWatermark: 7, epochStartOffset: 9 } })]), memory)).toEqual([]);
  });
});

describe('committedPrefixIdentical', () => {
  it('fails when two nodes committed different batches at one offset', () => {
    const memory = newInvariantMemory();
    const v = committedPrefixIdentical(
      cluster([
        node(1, { log: log(0, [1, 1]), status: { highWatermark: 2 } }),
        node(2, { log: [batch(0, 1), batch(1, 1, 1, 'other')], status: { highWatermark: 2 } }),
      ]),
      memory,
    );
    expect(v).toHaveLength(1);
    expect(v[0]?.node).toBe(2);
  });

  it('fails when a node later commits something else where a batch was committed', () => {
    const memory = newInvariantMemory();
    committedPrefixIdentical(cluster([node(1, { newlyCommitted: log(0, [1, 1]), status: { highWatermark: 2 } })]), memory);
    const v = committedPrefixIdentical(cluster([node(1, { newlyCommitted: [batch(1, 2)], status: { highWatermark: 2 } })]), memory);
    expect(v[0]?.message).toMatch(/^committed offset 1: holds \[1..1\] epoch 2/);
  });

  it('fails when a node hands over a batch above its own high watermark', () => {
    const v = committedPrefixIdentical(cluster([node(1, { newlyCommitted: [batch(0, 1)], status: { highWatermark: 0 } })]), newInvariantMemory());
    expect(v[0]?.message).toMatch(/above its high watermark 0/);
  });

  it('does not judge what lies above the high watermark', () => {
    const memory = newInvariantMemory();
    const v = committedPrefixIdentical(
      cluster([
        node(1, { log: log(0, [1, 1]), status: { highWatermark: 1 } }),
        node(2, { log: [batch(0, 1), batch(1, 2)], status: { highWatermark: 1 } }),
      ]),
      memory,
    );
    expect(v).toEqual([]);
  });
});

describe('leaderHoldsEveryEarlierCommit', () => {
  it('fails when a new leader lacks a batch committed in an earlier epoch', () => {
    const memory = newInvariantMemory();
    committedPrefixIdentical(cluster([node(1, { log: log(0, [1, 1, 1]), status: { highWatermark: 3 } })]), memory);
    const v = leaderHoldsEveryEarlierCommit(cluster([leader(2, 2, { log: log(0, [1, 1]) })]), memory);
    expect(v[0]?.message).toBe('leader of epoch 2 ends at 2, but offsets up to 3 were committed before its epoch');
  });

  it('fails when a new leader holds a different batch there', () => {
    const memory = newInvariantMemory();
    committedPrefixIdentical(cluster([node(1, { log: log(0, [1, 1]), status: { highWatermark: 2 } })]), memory);
    const v = leaderHoldsEveryEarlierCommit(cluster([leader(2, 2, { log: [batch(0, 1), batch(1, 1, 1, 'forked')] })]), memory);
    expect(v).toHaveLength(1);
  });

  it('does not require a stale leader to hold what later epochs committed', () => {
    const memory = newInvariantMemory();
    committedPrefixIdentical(cluster([node(1, { log: log(0, [1, 3]), status: { epoch: 3, highWatermark: 2 } })]), memory);
    expect(leaderHoldsEveryEarlierCommit(cluster([leader(2, 2, { log: log(0, [1]) })]), memory)).toEqual([]);
  });
});

describe('majorityHoldsBelowHighWatermark', () => {
  it('fails when the high watermark is durable on a minority only', () => {
    const entries = log(0, [1, 1, 1]);
    const v = majorityHoldsBelowHighWatermark(
      cluster([
        leader(1, 1, { log: entries, status: { highWatermark: 3 } }),
        node(2, { log: entries, durableLog: entries.slice(0, 2) }),
        node(3, { log: [] }),
      ]),
      newInvariantMemory(),
    );
    expect(v[0]?.message).toBe('high watermark 3 is durable on only [1] (durable log ends 1:3 2:2 3:0)');
  });

  it('counts what is synced, not what is in memory', () => {
    const entries = log(0, [1, 1]);
    const view = cluster([leader(1, 1, { log: entries, status: { highWatermark: 2 } }), node(2, { log: entries, durableLog: [] }), node(3)]);
    expect(majorityHoldsBelowHighWatermark(view, newInvariantMemory())).toHaveLength(1);
  });

  it('does not count a voter whose durable batch there is a different one', () => {
    const memory = newInvariantMemory();
    const entries = log(0, [1, 1]);
    committedPrefixIdentical(cluster([node(9, { log: entries, status: { highWatermark: 2 } })]), memory);
    const view = cluster([
      leader(1, 1, { log: entries, status: { highWatermark: 2 } }),
      node(2, { log: [batch(0, 1), batch(1, 1, 1, 'forked')] }),
      node(3),
    ]);
    expect(majorityHoldsBelowHighWatermark(view, memory)).toHaveLength(1);
  });

  it('counts a durable snapshot that covers the high watermark', () => {
    const entries = log(0, [1, 1]);
    const snapshotted = { electionState: { epoch: 1, votedFor: -1, leaderId: 1 }, log: { snapshot: { id: { offset: 2, epoch: 1 }, size: 0 }, batches: [] } };
    const view = cluster([leader(1, 1, { log: entries, status: { highWatermark: 2 } }), node(2, { durable: snapshotted }), node(3)]);
    expect(majorityHoldsBelowHighWatermark(view, newInvariantMemory())).toEqual([]);
  });
});

describe('snapshotAtLogStart', () => {
  const snap = { offset: 4, epoch: 1 };
  it('fails when the snapshot does not end where the log starts', () => {
    const bad = node(1, { log: log(4, [1]), status: { logStartOffset: 3, snapshotId: snap } });
    const withSnapshot = { ...bad, live: bad.live === null ? null : { ...bad.live, snapshotId: snap } };
    const messages = snapshotAtLogStart(cluster([withSnapshot]), newInvariantMemory()).map((x) => x.message);
    expect(messages).toEqual(['snapshot at 4 but log start 3', 'first batch at 4 but log start 3']);
  });

  it('fails when the log starts above zero without a snapshot', () => {
    const v = snapshotAtLogStart(cluster([node(1, { log: log(4, [1]), status: { logStartOffset: 4 } })]), newInvariantMemory());
    expect(v[0]?.message).toBe('log starts at 4 without a snapshot');
  });

  it('fails when the durable log does not resume at the durable snapshot', () => {
    const durable = { electionState: { epoch: 1, votedFor: -1, leaderId: -1 }, log: { snapshot: { id: snap, size: 0 }, batches: log(6, [1]) } };
    const v = snapshotAtLogStart(cluster([node(1, { durable, up: false })]), newInvariantMemory());
    expect(v[0]?.message).toBe('durable snapshot ends at 4 but the durable log starts at 6');
  });

  it('passes a snapshot at the log start', () => {
    const ok = node(1, { log: log(4, [1]), status: { logStartOffset: 4, snapshotId: snap } });
    const withSnapshot = { ...ok, live: ok.live === null ? null : { ...ok.live, snapshotId: snap } };
    expect(snapshotAtLogStart(cluster([withSnapshot]), newInvariantMemory())).toEqual([]);
  });
});

describe('stateMachinesAgree', () => {
  it('fails when two replicas at the same offset hold different states', () => {
    const memory = newInvariantMemory();
    stateMachinesAgree(cluster([node(1, { machine: { nextOffset: 5, digest: 1 } })]), memory);
    const v = stateMachinesAgree(cluster([node(1, { machine: { nextOffset: 6, digest: 2 } }), node(2, { machine: { nextOffset: 5, digest: 3 } })]), memory);
    expect(v.map((x) => x.node)).toEqual([2]);
  });
});

describe('readyContractHonoured', () => {
  it('reports what the driver saw go wrong', () => {
    const v = readyContractHonoured(cluster([node(1, { contractErrors: ['leader loaded snapshot 5-1'] })]), newInvariantMemory());
    expect(v).toEqual([{ invariant: 'readyContractHonoured', node: 1, message: 'leader loaded snapshot 5-1' }]);
  });
});

describe('votesOncePerEpoch', () => {
  it('fails when a voter grants its vote in one epoch to two candidates', () => {
    const memory = newInvariantMemory();
    expect(votesOncePerEpoch(cluster([node(1), node(2), node(3)], 0, { votes: [{ voter: 3, candidate: 1, epoch: 4 }] }), memory)).toEqual([]);
    expect(votesOncePerEpoch(cluster([node(1), node(2), node(3)], 0, { votes: [{ voter: 3, candidate: 1, epoch: 4 }] }), memory)).toEqual([]);
    const v = votesOncePerEpoch(cluster([node(1), node(2), node(3)], 0, { votes: [{ voter: 3, candidate: 2, epoch: 4 }] }), memory);
    expect(v).toEqual([{ invariant: 'votesOncePerEpoch', node: 3, message: 'voted for node 1 in epoch 4, then for node 2 (granted on the wire)' }]);
  });

  it('fails when a disk comes to hold another vote for an epoch than it held', () => {
    const memory = newInvariantMemory();
    const votedFor = (candidate: number) => ({ electionState: { epoch: 4, votedFor: candidate, leaderId: -1 }, log: { snapshot: null, batches: [] } });
    votesOncePerEpoch(cluster([node(1, { durable: votedFor(2) })]), memory);
    expect(votesOncePerEpoch(cluster([node(1, { durable: votedFor(3) })]), memory)).toHaveLength(1);
  });

  it('reports the writes a disk refused for changing a vote', () => {
    const v = votesOncePerEpoch(cluster([node(1, { refusedWrites: ['the vote of epoch 4 would change'] })]), newInvariantMemory());
    expect(v[0]?.message).toBe('its disk refused a write: the vote of epoch 4 would change');
  });
});

describe('readIndexLinearizable', () => {
  const read = { node: 1, askedAt: 10, committedAtAsk: 5, readPoint: 6, answeredAt: 20, committedAtAnswer: 7, appliedAtAnswer: 6 };

  it('passes a read point between what was committed when asked and when answered, and applied', () => {
    expect(readIndexLinearizable(cluster([node(1)], 20, { reads: [read] }), newInvariantMemory())).toEqual([]);
  });

  it('fails a stale read, one beyond the commit, and one the node had not applied', () => {
    const reads = [
      { ...read, readPoint: 4, appliedAtAnswer: 9 },
      { ...read, readPoint: 8, appliedAtAnswer: 9 },
      { ...read, appliedAtAnswer: 5 },
    ];
    const v = readIndexLinearizable(cluster([node(1)], 20, { reads }), newInvariantMemory());
    expect(v.map((x) => x.message)).toEqual([
      expect.stringMatching(/below the 5 committed when it was asked: a stale read/),
      expect.stringMatching(/above the 7 committed anywhere/),
      expect.stringMatching(/had applied only up to 5/),
    ]);
  });
});

describe('nodeHaltsOnlyOnDiskFaults', () => {
  it('accepts a halt on an injected disk fault and fails any other', () => {
    const v = nodeHaltsOnlyOnDiskFaults(
      cluster([node(1, { halts: [{ reason: 'StorageWriteError: EIO', injected: true }] }), node(2, { halts: [{ reason: 'RaftSafetyError: no', injected: false }] })]),
      newInvariantMemory(),
    );
    expect(v).toEqual([{ invariant: 'nodeHaltsOnlyOnDiskFaults', node: 2, message: 'halted: RaftSafetyError: no' }]);
  });
});

describe('corruptTailRepaired', () => {
  const recovery = { damaged: [3], snapshotEnd: 0, loadedEnd: 3, repairs: [{ kind: 'truncatedCorruptTail' as const, offset: 3, reason: 'CRC' }] };

  it('passes a recovery that cut the log at the damaged batch and said so', () => {
    expect(corruptTailRepaired(cluster([node(1, { recoveries: [recovery] })]), newInvariantMemory())).toEqual([]);
  });

  it('fails one that loaded the damaged batch, or cut it without a report', () => {
    const v = corruptTailRepaired(cluster([node(1, { recoveries: [{ ...recovery, loadedEnd: 5 }, { ...recovery, repairs: [] }] })]), newInvariantMemory());
    expect(v.map((x) => x.message)).toEqual([expect.stringMatching(/past the damaged batch at 3/), expect.stringMatching(/was not reported/)]);
  });

  it('ignores damage below the snapshot, which recovery drops as stale', () => {
    expect(corruptTailRepaired(cluster([node(1, { recoveries: [{ ...recovery, snapshotEnd: 4, loadedEnd: 9, repairs: [] }] })]), newInvariantMemory())).toEqual([]);
  });
});
