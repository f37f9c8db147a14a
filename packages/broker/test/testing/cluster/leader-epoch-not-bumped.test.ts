import { startedCluster, fired } from './calm-cluster';

// The bug: a PartitionChange that moves the leadership to another broker keeps the leader epoch
// (applyPartitionChange: the controller's view, every node's loader and the brokers all use it).
jest.mock('../../../../metadata/src/image/partition-registration', () => {
  const actual = jest.requireActual<typeof import('../../../../metadata/src/image/partition-registration')>('../../../../metadata/src/image/partition-registration');
  return {
    ...actual,
    applyPartitionChange: (...args: Parameters<typeof actual.applyPartitionChange>) => {
      const [current, change] = args;
      const next = actual.applyPartitionChange(...args);
      return change.leader !== undefined && change.leader !== current.leader && change.leader >= 0 ? { ...next, leaderEpoch: current.leaderEpoch } : next;
    },
  };
});

describe('injected bug, whole cluster: a leader change that keeps the leader epoch', () => {
  it('fires oneLeaderPerLeaderEpoch when the leader of a partition dies and another takes over', async () => {
    const sim = await startedCluster({ seed: 41, partitions: 1 });
    await sim.runUntil(sim.now + 1000);
    sim.crashLeaderOf(0, 2000);
    await sim.runUntil(sim.now + 15_000);
    expect(fired(sim)).toContain('oneLeaderPerLeaderEpoch');
  }, 120_000);
});
