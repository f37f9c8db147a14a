import { checkClusterSchedules } from '@kz/broker/testing';

describe('injected bug in the shipped fetchers, whole cluster: a fetch that does not wait for the flush', () => {
  it('fires acknowledgedOnEveryIsrMember: an acks=all answer went out while an ISR member had not flushed the batch', async () => {
    const report = await checkClusterSchedules({ runs: 20, seed: 77, shrink: false, broker: { flushBeforeEachFetch: false } });
    expect(report.failure).not.toBeNull();
    expect(report.failure!.outcome.violations.map((v) => v.invariant)).toContain('acknowledgedOnEveryIsrMember');
    expect(report.failure!.replay).toContain('--flush-after-answers-only');
  }, 300_000);
});
