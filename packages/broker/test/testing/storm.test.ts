import { runStorm } from '@kz/broker/testing';
import { describeViolation } from '@kz/raft/testing';

/**
 * Issue 18's storm in the whole-cluster simulation: one CreateTopics of a thousand partitions (RF 3)
 * into a running cluster with a producer; metadata applied in counted slices. No broker whose
 * heartbeats kept arriving is fenced, and the metadata quorum holds no election while its leader
 * keeps answering (see storm-scenario.ts for what the simulation does not model).
 */
describe('a metadata storm in the whole cluster', () => {
  it('1,000 partitions in one request: all led, no fencing, no Raft election, writes go on', async () => {
    const outcome = await runStorm({ seed: 18, topics: 10, partitionsPerTopic: 100, afterMs: 10_000, cluster: { deliveriesPerTurn: 8 } });
    if (outcome.violations.length > 0) throw new Error([...outcome.violations.map(describeViolation), ...outcome.trace.slice(-30)].join('\n'));
    expect(outcome.partitionsCreated).toBe(1000);
    expect(outcome.ledAfterMs).not.toBeNull();
    expect(outcome.quorumEpochAfter).toBe(outcome.quorumEpochBefore);
    expect(outcome.coverage.brokerFencings).toBe(0);
    // Every storm partition's leadership was taken by a broker, and the producer kept being acknowledged.
    expect(outcome.coverage.leaderElections).toBeGreaterThanOrEqual(1000);
    expect(outcome.coverage.acknowledged).toBeGreaterThan(50);
  }, 300_000);
});
