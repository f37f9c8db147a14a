import { fenceTheLeader } from './fence-leader';

// The bug: a broker taken out of the ISR always becomes an eligible leader — also while the ISR it
// leaves behind is still at min ISR, when the broker's HW moves on without it.
jest.mock('../../../src/controller/partition-change-builder', () => {
  const actual = jest.requireActual<typeof import('../../../src/controller/partition-change-builder')>('../../../src/controller/partition-change-builder');
  return {
    ...actual,
    buildPartitionChange: (...args: Parameters<typeof actual.buildPartitionChange>) => {
      const [, , current, target] = args;
      const change = actual.buildPartitionChange(...args);
      if (change?.isr === undefined || target.eligibleLeavers === undefined) return change;
      const left = target.eligibleLeavers.filter((id) => current.isr.includes(id) && !change.isr!.includes(id) && id !== change.leader);
      if (left.length === 0) return change;
      const elr = change.eligibleLeaderReplicas ?? current.eligibleLeaderReplicas;
      return { ...change, eligibleLeaderReplicas: [...elr, ...left.filter((id) => !elr.includes(id))] };
    },
  };
});

describe('injected bug: eligible leaders kept while the ISR is at min ISR', () => {
  it('fires elrMembersHoldCommitted', async () => {
    const { fired } = await fenceTheLeader(35);
    expect(fired).toContain('elrMembersHoldCommitted');
  }, 120_000);
});
