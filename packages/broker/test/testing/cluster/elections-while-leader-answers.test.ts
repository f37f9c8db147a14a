import { startedCluster, fired } from './calm-cluster';

// The bug: a follower gives up on its leader after a twentieth of fetch.timeout.ms — sooner than the
// leader's fetch answers (long polls) come — and campaigns although the leader keeps answering.
jest.mock('../../../../raft/src/core/election-timing', () => {
  const actual = jest.requireActual<typeof import('../../../../raft/src/core/election-timing')>('../../../../raft/src/core/election-timing');
  return { ...actual, fetchTimeoutWithJitter: (fetchTimeoutMs: number) => Math.max(1, Math.floor(fetchTimeoutMs / 20)) };
});

describe('injected bug, whole cluster: followers that time out on a leader that answers', () => {
  it('fires noElectionWhileLeaderAnswers in a calm cluster', async () => {
    const sim = await startedCluster({ seed: 43, partitions: 1 });
    sim.armCalm(true);
    await sim.runUntil(sim.now + 30_000);
    expect(fired(sim)).toContain('noElectionWhileLeaderAnswers');
  }, 120_000);
});
