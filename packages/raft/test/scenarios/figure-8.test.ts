import { logEndOffset } from '@kz/raft/testing';
import { epochsOf, expectNoViolations, preload, runUntil, statusOf, storyCluster } from './story';

/**
 * The Raft paper's Figure 8: an entry of an old epoch that reaches a majority is still not
 * committed, because a leader with a later epoch's entry can be elected and overwrite it. KRaft's
 * rule: the high watermark only counts once it passes the start of the leader's own epoch.
 *
 * Offsets: 0 holds an entry of epoch 1 everyone has; offset 1 is contested between an entry of
 * epoch 2 (S1 and S2 hold it) and one of epoch 3 (only S5).
 */
test('Figure 8: an old-epoch entry on a majority is not committed, and may be overwritten', async () => {
  // One batch per fetch response, so a follower can hold the old entry without the new epoch's.
  const sim = storyCluster({ nodeCount: 5, config: { fetchMaxBytes: 1 } });
  preload(sim, 1, [1, 2], 3);
  preload(sim, 2, [1, 2], 3);
  preload(sim, 3, [1], 3);
  preload(sim, 4, [1], 3);
  preload(sim, 5, [1, 3], 3);

  // S1, S3 and S4 come up: S1's log is the most up to date among them, so S1 leads epoch 4.
  for (const id of [1, 3, 4]) sim.restart(id);
  await runUntil(sim, 'S1 to lead epoch 4', () => sim.leader() === 1, 10_000);
  expect(statusOf(sim, 1).epoch).toBe(4);
  expect(epochsOf(sim, 1)).toEqual([1, 2, 4]); // the LeaderChange batch of epoch 4 at offset 2
  sim.cutLink(4, 1); // S4 stays behind

  // S3 receives the epoch-2 entry and acknowledges it; S2 comes back and acknowledges it too.
  // Their next responses, which would carry epoch 4's batch, are lost.
  await runUntil(sim, 'S3 to hold offset 1 durably', () => logEndOffset(sim.node(3).disk.durableLog) === 2, 5_000);
  sim.cutLink(1, 3);
  sim.cutLink(1, 2);
  sim.restart(2);
  await runUntil(sim, 'S2 to follow S1', () => sim.node(2).status()?.leaderId === 1, 10_000);

  // The epoch-2 entry is now on a majority (S1, S2, S3) — and must not count as committed.
  // (Briefly: S3 and S4 no longer hear from S1 and would campaign after the fetch timeout.)
  await sim.runUntil(sim.now + 100);
  expect([1, 2, 3].map((id) => epochsOf(sim, id).slice(0, 2))).toEqual([[1, 2], [1, 2], [1, 2]]);
  expect(statusOf(sim, 1).highWatermark).toBeLessThanOrEqual(1);

  // S1 crashes. S5, whose entry at offset 1 is from epoch 3, wins with S3 and S4 (S2 is away)…
  sim.crash(1);
  sim.healNetwork();
  sim.isolate(2, 'both');
  sim.restart(5);
  await runUntil(sim, 'S5 to lead', () => sim.leader() === 5, 20_000);

  // …and its log wins: the epoch-2 entry is truncated everywhere, which is safe only because it
  // was never reported committed.
  sim.healNetwork();
  sim.restart(1);
  const request = sim.propose(1, 1, 5);
  await runUntil(
    sim,
    'every node to hold S5’s log',
    () => sim.client.isAcknowledged(request) && [1, 2, 3, 4].every((id) => epochsOf(sim, id).join() === epochsOf(sim, 5).join()),
    20_000,
  );
  for (const id of sim.voters) expect(epochsOf(sim, id).slice(0, 2)).toEqual([1, 3]);
  expectNoViolations(sim);
});
