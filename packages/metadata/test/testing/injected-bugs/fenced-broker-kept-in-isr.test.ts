import { fenceTheLeader } from './fence-leader';

// The bug: taking a broker out of the ISRs (what fencing does first) leaves the ISR as it was.
jest.mock('../../../src/controller/partition-change-builder', () => {
  const actual = jest.requireActual<typeof import('../../../src/controller/partition-change-builder')>('../../../src/controller/partition-change-builder');
  return {
    ...actual,
    buildPartitionChange: (...args: Parameters<typeof actual.buildPartitionChange>) => {
      const [topicId, partitionId, current, target, context] = args;
      const shrinks = target.isr !== undefined && target.isr.length < current.isr.length;
      return actual.buildPartitionChange(topicId, partitionId, current, shrinks ? { ...target, isr: current.isr } : target, context);
    },
  };
});

describe('injected bug: a fenced broker kept in the ISRs', () => {
  it('fires noFencedBrokerInIsr', async () => {
    const { fired } = await fenceTheLeader(34);
    expect(fired).toContain('noFencedBrokerInIsr');
  }, 120_000);
});
