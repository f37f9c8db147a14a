import { expectNoViolations, runUntil, statusOf, storyCluster } from './story';

test('check-quorum: a leader that stops hearing from a majority resigns within 1.5 × fetch timeout', async () => {
  const fetchTimeoutMs = 2_000;
  const sim = storyCluster({ nodeCount: 3, config: { fetchTimeoutMs } });
  await sim.startAll();
  await runUntil(sim, 'a leader', () => sim.establishedLeader() !== null, 10_000);
  const leader = sim.establishedLeader()!;

  // Its followers' fetches stop reaching it; it can still send.
  sim.isolate(leader, 'inbound');
  const cutAt = sim.now;
  await runUntil(sim, 'the leader to resign', () => statusOf(sim, leader).role !== 'leader', 2 * fetchTimeoutMs);
  const resignedAfter = sim.now - cutAt;
  expect(statusOf(sim, leader).role).toBe('resigned');
  // The last fetch that counted may have arrived up to one long poll before the cut.
  expect(resignedAfter).toBeLessThanOrEqual(1.5 * fetchTimeoutMs);
  expect(resignedAfter).toBeGreaterThan(1.5 * fetchTimeoutMs - 600);

  // The followers elect a new leader among themselves.
  await runUntil(sim, 'a new leader', () => (sim.establishedLeader() ?? leader) !== leader, 10_000);
  expectNoViolations(sim);
});
