import { expectNoViolations, runUntil, statusOf, storyCluster } from './story';

test('a flapping node cannot bump the epoch: pre-vote keeps the healthy leader in place', async () => {
  const sim = storyCluster({ nodeCount: 3 });
  await sim.startAll();
  await runUntil(sim, 'a leader', () => sim.establishedLeader() !== null, 10_000);
  const leader = sim.establishedLeader()!;
  const epoch = statusOf(sim, leader).epoch;
  const flapper = sim.voters.find((id) => id !== leader)!;

  // The flapper loses its network again and again, for longer than the election timeout each time.
  for (let round = 0; round < 5; round++) {
    sim.isolate(flapper, 'both');
    await sim.runUntil(sim.now + 4_000);
    // Alone, it keeps asking for pre-votes — at its current epoch, which it never raises.
    expect(statusOf(sim, flapper).role).toBe('prospective');
    expect(statusOf(sim, flapper).epoch).toBe(epoch);
    sim.healNetwork();
    await sim.runUntil(sim.now + 500);
  }

  // When it comes back the others refuse its pre-votes (they hear from the leader), so the
  // leader never lost its epoch.
  await runUntil(sim, 'the flapper to follow again', () => statusOf(sim, flapper).role === 'follower', 5_000);
  expect(sim.establishedLeader()).toBe(leader);
  expect(sim.voters.map((id) => statusOf(sim, id).epoch)).toEqual([epoch, epoch, epoch]);
  expectNoViolations(sim);
});
