import { encodeProposal } from '@kz/raft/testing';
import { expectNoViolations, proposalIdsIn, runUntil, statusOf, storyCluster } from './story';

test('a partitioned old leader keeps accepting proposals and never commits them', async () => {
  const sim = storyCluster({ nodeCount: 5 });
  await sim.startAll();
  await runUntil(sim, 'a first leader', () => sim.establishedLeader() !== null, 10_000);
  const oldLeader = sim.establishedLeader()!;
  const oldEpoch = statusOf(sim, oldLeader).epoch;
  const others = sim.voters.filter((id) => id !== oldLeader);
  const buddy = others[0]!;
  const majority = others.slice(1);

  // The old leader and one follower are cut off from the other three.
  sim.partition([[oldLeader, buddy], majority]);
  const highWatermarkAtPartition = statusOf(sim, oldLeader).highWatermark;

  // On its side it still believes it leads for a while, and accepts what clients send it.
  const stranded: number[] = [];
  for (let i = 0; i < 5; i++) {
    const id = 900_000 + i;
    const endBefore = statusOf(sim, oldLeader).logEndOffset;
    // Never committed: once the new leader's log replaces it, RaftNode rejects it (ProposalLostError).
    sim.node(oldLeader).raft!.proposeBatch(encodeProposal(id, 1)).catch(() => undefined);
    expect(statusOf(sim, oldLeader).logEndOffset).toBe(endBefore + 1);
    stranded.push(id);
    await sim.runUntil(sim.now + 100);
  }
  expect(statusOf(sim, oldLeader).highWatermark).toBe(highWatermarkAtPartition);

  // The majority elects a leader of a later epoch and commits new writes.
  await runUntil(sim, 'a leader on the majority side', () => majority.includes(sim.leader() ?? -1), 10_000);
  const request = sim.propose(3, 1, sim.leader()!);
  await runUntil(sim, 'the majority to commit', () => sim.client.isAcknowledged(request), 10_000);
  expect(statusOf(sim, sim.leader()!).epoch).toBeGreaterThan(oldEpoch);

  // Without fetches from a majority, the old leader resigns (check-quorum); its HW never moved.
  await runUntil(sim, 'the old leader to resign', () => statusOf(sim, oldLeader).role !== 'leader', 5_000);
  expect(statusOf(sim, oldLeader).highWatermark).toBe(highWatermarkAtPartition);

  // Healed: the stranded proposals are truncated everywhere; none was ever committed.
  sim.healNetwork();
  const newLeader = sim.establishedLeader()!;
  await runUntil(
    sim,
    'every node to catch up',
    () => sim.voters.every((id) => statusOf(sim, id).logEndOffset === statusOf(sim, newLeader).logEndOffset && statusOf(sim, id).highWatermark === statusOf(sim, newLeader).highWatermark),
    10_000,
  );
  for (const id of sim.voters) {
    expect(proposalIdsIn(sim.node(id).log()).filter((p) => stranded.includes(p))).toEqual([]);
    expect(sim.node(id).appliedIds.filter((p) => stranded.includes(p))).toEqual([]);
  }
  expectNoViolations(sim);
});
