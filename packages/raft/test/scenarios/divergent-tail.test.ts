import { epochsOf, expectNoViolations, preload, runUntil, statusOf, storyCluster } from './story';

test('a follower with a divergent tail truncates to the leader’s log, never below its high watermark', async () => {
  const sim = storyCluster({ nodeCount: 3 });
  // Node 3 was the leader of epoch 1 and appended three batches nobody else received; nodes 1
  // and 2 moved on to epoch 2 without them.
  preload(sim, 1, [1, 1, 2, 2], 2);
  preload(sim, 2, [1, 1, 2, 2], 2);
  preload(sim, 3, [1, 1, 1, 1, 1], 1);

  sim.restart(1);
  sim.restart(2);
  await runUntil(sim, 'a leader of epoch 3', () => sim.establishedLeader() !== null, 10_000);
  const leader = sim.establishedLeader()!;
  const request = sim.propose(1, 1, leader);
  await runUntil(sim, 'a commit', () => sim.client.isAcknowledged(request), 5_000);

  sim.restart(3);
  const target = epochsOf(sim, leader);
  await runUntil(sim, 'node 3 to match the leader', () => epochsOf(sim, 3).join() === target.join() && statusOf(sim, 3).highWatermark === target.length, 10_000);

  // Node 3 kept the two entries it shares with the leader and dropped its own epoch-1 tail.
  expect(epochsOf(sim, 3).slice(0, 4)).toEqual([1, 1, 2, 2]);
  expect(sim.node(3).counters.truncations).toBe(1);
  expectNoViolations(sim);
});
