import { expectNoViolations, runUntil, statusOf, storyCluster } from './story';

test('a follower far behind catches up through a chunked snapshot', async () => {
  // Snapshots every 4 committed batches; tiny chunks, so the transfer takes many FetchSnapshots.
  const sim = storyCluster({ nodeCount: 3, snapshotEveryBytes: 400, config: { snapshotChunkBytes: 64 } });
  await sim.startAll();
  await runUntil(sim, 'a leader', () => sim.establishedLeader() !== null, 10_000);
  const leader = sim.establishedLeader()!;
  const laggard = sim.voters.find((id) => id !== leader)!;

  sim.crash(laggard);
  const request = sim.propose(40, 2, leader);
  await runUntil(sim, 'the writes to commit without the laggard', () => sim.client.isAcknowledged(request), 30_000);
  // Its log no longer reaches back to offset 0, once the checkpoint is written and synced.
  await runUntil(sim, 'the leader to compact its log onto a snapshot', () => statusOf(sim, leader).logStartOffset > 0, 10_000);

  sim.restart(laggard);
  await runUntil(
    sim,
    'the laggard to catch up',
    () => statusOf(sim, laggard).highWatermark === statusOf(sim, leader).highWatermark && sim.node(laggard).appliedOffset === sim.node(leader).appliedOffset,
    30_000,
  );
  expect(sim.node(laggard).counters.snapshotsInstalled).toBeGreaterThanOrEqual(1);
  expect(sim.node(laggard).appliedIds).toEqual(sim.node(leader).appliedIds);
  expectNoViolations(sim);
});
