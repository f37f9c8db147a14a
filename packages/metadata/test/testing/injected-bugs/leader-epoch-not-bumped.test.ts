import { fenceTheLeader } from './fence-leader';

// The bug: a PartitionChange that moves the leadership to another broker keeps the leader epoch
// (applyPartitionChange, which every loader and the controller's view replay through).
jest.mock('../../../src/image/partition-registration', () => {
  const actual = jest.requireActual<typeof import('../../../src/image/partition-registration')>('../../../src/image/partition-registration');
  return {
    ...actual,
    applyPartitionChange: (...args: Parameters<typeof actual.applyPartitionChange>) => {
      const [current, change] = args;
      const next = actual.applyPartitionChange(...args);
      return change.leader !== undefined && change.leader !== current.leader ? { ...next, leaderEpoch: current.leaderEpoch } : next;
    },
  };
});

describe('injected bug: a leader change that keeps the leader epoch', () => {
  it('fires leaderChangeBumpsLeaderEpoch', async () => {
    const { fired } = await fenceTheLeader(31);
    expect(fired).toContain('leaderChangeBumpsLeaderEpoch');
  }, 120_000);
});
