import { fenceTheLeader } from './fence-leader';

// The bug: an election may pick a replica outside the previous ISR (and add it to the ISR, so that
// the leader is still "in its ISR" afterwards) — unclean election although the topic forbids it.
jest.mock('../../../src/controller/partition-change-builder', () => {
  const actual = jest.requireActual<typeof import('../../../src/controller/partition-change-builder')>('../../../src/controller/partition-change-builder');
  return {
    ...actual,
    buildPartitionChange: (...args: Parameters<typeof actual.buildPartitionChange>) => {
      const [, , current, , context] = args;
      const change = actual.buildPartitionChange(...args);
      if (change?.leader === undefined || change.leader === current.leader) return change;
      const outsider = current.replicas.find((id) => !current.isr.includes(id) && context.isActive(id));
      if (outsider === undefined) return change;
      return { ...change, leader: outsider, isr: [...(change.isr ?? current.isr).filter((id) => id !== outsider), outsider] };
    },
  };
});

describe('injected bug: an election from outside the ISR with unclean election off', () => {
  it('fires newLeaderFromPreviousIsr', async () => {
    // Broker 6 leaves partition 0's ISR first (cut off long enough for an AlterPartition... here by
    // the story: it is fenced and comes back unfenced but out of sync), then the leader dies.
    const { fired } = await fenceTheLeaderWithAnOutOfSyncReplica();
    expect(fired).toContain('newLeaderFromPreviousIsr');
  }, 120_000);
});

async function fenceTheLeaderWithAnOutOfSyncReplica(): Promise<{ readonly fired: ReadonlySet<string> }> {
  const { ms } = await fenceTheLeader(32);
  // After broker 4's fencing, it restarts: unfenced again but not in partition 0's ISR. Then the
  // leader (5) dies: the broken election picks 4, which was outside the ISR.
  ms.restart(4);
  await ms.runUntilTrue(() => ms.committed.image.brokers.get(4)?.fenced === false || ms.violated, ms.now + 30_000);
  const leader = ms.committed.image.topic('events')!.partitions[0]!.leader;
  ms.crash(leader);
  await ms.runUntil(ms.now + 20_000);
  return { fired: new Set(ms.violations.map((v) => v.invariant)) };
}
