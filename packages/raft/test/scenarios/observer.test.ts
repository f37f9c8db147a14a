import { expectNoViolations, runUntil, statusOf, storyCluster } from './story';

test('an observer replicates the log but never votes and never counts toward a commit', async () => {
  const sim = storyCluster({ nodeCount: 3, observerCount: 1 });
  const observer = sim.observers[0]!;
  const roles = new Set<string>();
  await sim.startAll();
  await runUntil(sim, 'a leader', () => sim.establishedLeader() !== null, 10_000);
  const request = sim.propose(3, 1);
  await runUntil(sim, 'the observer to apply the commits', () => sim.client.isAcknowledged(request) && sim.node(observer).appliedOffset === sim.node(sim.establishedLeader()!).appliedOffset, 10_000);
  expect(statusOf(sim, observer).isVoter).toBe(false);

  // Leaders come and go; the observer follows each one, and never campaigns.
  for (let round = 0; round < 3; round++) {
    const leader = sim.establishedLeader()!;
    sim.crash(leader);
    await runUntil(sim, 'a new leader', () => { roles.add(statusOf(sim, observer).role); return sim.establishedLeader() !== null; }, 20_000);
    await runUntil(sim, 'the observer to find it', () => { roles.add(statusOf(sim, observer).role); return statusOf(sim, observer).leaderId === sim.establishedLeader(); }, 10_000);
    sim.restart(leader);
  }
  expect([...roles].sort()).toEqual(expect.arrayContaining(['follower']));
  expect(roles.has('prospective') || roles.has('candidate') || roles.has('leader')).toBe(false);

  // With two voters down, the leader and the observer together are no majority: nothing commits.
  const leader = sim.establishedLeader()!;
  const hw = statusOf(sim, leader).highWatermark;
  for (const id of sim.voters) if (id !== leader) sim.crash(id);
  sim.propose(1, 1, leader);
  await sim.runUntil(sim.now + 1_000);
  expect(statusOf(sim, observer).logEndOffset).toBeGreaterThan(hw);
  expect(statusOf(sim, leader).highWatermark).toBe(hw);
  expectNoViolations(sim);
});
