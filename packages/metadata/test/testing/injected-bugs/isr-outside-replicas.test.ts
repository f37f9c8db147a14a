import { fenceTheLeader } from './fence-leader';

// The bug: every ISR change also adds broker 99, which is no replica of the partition.
jest.mock('../../../src/controller/partition-change-builder', () => {
  const actual = jest.requireActual<typeof import('../../../src/controller/partition-change-builder')>('../../../src/controller/partition-change-builder');
  return {
    ...actual,
    buildPartitionChange: (...args: Parameters<typeof actual.buildPartitionChange>) => {
      const change = actual.buildPartitionChange(...args);
      return change?.isr === undefined ? change : { ...change, isr: [...change.isr, 99] };
    },
  };
});

describe('injected bug: an ISR holding a broker that is not a replica', () => {
  it('fires isrSubsetOfReplicas', async () => {
    const { fired } = await fenceTheLeader(33);
    expect(fired).toContain('isrSubsetOfReplicas');
  }, 120_000);
});
