import { epochsOf, expectNoViolations, preload, runUntil, statusOf, storyCluster } from './story';

/**
 * The Raft paper's Figure 7: when the leader of term 8 comes to power, six followers hold six
 * different logs — some missing entries (a, b), some with extra uncommitted entries (c, d), some
 * both (e, f). Terms are KRaft epochs and index i is offset i - 1.
 */
const LEADER = 1;
const LOGS: Record<number, number[]> = {
  [LEADER]: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6],
  2: [1, 1, 1, 4, 4, 5, 5, 6, 6], // (a) one entry short
  3: [1, 1, 1, 4], // (b) far behind
  4: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6], // (c) one extra entry of epoch 6
  5: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7], // (d) two extra entries of epoch 7
  6: [1, 1, 1, 4, 4, 4, 4], // (e) short, with extra entries of epoch 4
  7: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3], // (f) a whole history of epochs 2 and 3 nobody else has
};

test('Figure 7: the six follower logs converge on the leader of epoch 8', async () => {
  const sim = storyCluster({ nodeCount: 7 });
  for (const [id, epochs] of Object.entries(LOGS)) preload(sim, Number(id), epochs, 7);

  // The leader and (b), (e), (f) come up first: a majority in which the leader's log is the most
  // up to date, so only it can win (d's and c's longer logs would beat it).
  for (const id of [LEADER, 3, 6, 7]) sim.restart(id);
  await runUntil(sim, 'the leader of epoch 8', () => sim.leader() === LEADER, 10_000);
  expect(statusOf(sim, LEADER).epoch).toBe(8);

  // Then the rest arrive, each with its own divergent history.
  for (const id of [2, 4, 5]) sim.restart(id);
  const proposal = sim.propose(2, 1, LEADER);
  const target = [...LOGS[LEADER]!, 8, 8, 8];
  await runUntil(
    sim,
    'every log to equal the leader’s',
    () =>
      sim.client.isAcknowledged(proposal) &&
      sim.voters.every((id) => epochsOf(sim, id).join() === target.join() && statusOf(sim, id).highWatermark === target.length),
    10_000,
  );

  // Every follower now holds exactly the leader's entries: c's and d's extras and f's epochs 2
  // and 3 were truncated, a, b and e were filled in, and the new epoch's batches followed.
  const truncated = sim.voters.filter((id) => sim.node(id).counters.truncations > 0).sort();
  expect(truncated).toEqual([4, 5, 6, 7]);
  expectNoViolations(sim);
});
