import { checkClusterSchedules, describeClusterFault, type ClusterCoverage } from '@kz/broker/testing';
import { describeViolation } from '@kz/raft/testing';
import { SIM_PATH, SIM_SEED } from './schedule-report';

/**
 * Random whole-cluster schedules: three controllers (MetadataNode on Raft), three brokers (BrokerNode
 * on a MetadataNode observer), a producer with acks=all and consumers; controller failovers, broker
 * crashes, isolation, network splits and lossy links during replication. Every invariant after
 * every event, then the healed cluster must settle. SIM_SEED pins the seed, SIM_PATH replays one
 * schedule, SIM_RUNS runs more; a failure prints the replay command.
 */
const RUNS = Number(process.env['CLUSTER_SIM_RUNS'] ?? 12);

describe('random whole-cluster fault schedules', () => {
  it(`${RUNS} schedules: every invariant after every event, a settled cluster after the heal`, async () => {
    const totals: Record<Exclude<keyof ClusterCoverage, 'faults'>, number> = {
      acknowledged: 0,
      consumed: 0,
      controllerFailovers: 0,
      raftElections: 0,
      leaderElections: 0,
      isrShrinks: 0,
      isrExpands: 0,
      truncations: 0,
      brokerFencings: 0,
    };
    const report = await checkClusterSchedules({
      runs: RUNS,
      seed: SIM_SEED,
      path: SIM_PATH,
      shrinkBudgetMs: 20_000,
      onRun: (_s, outcome) => {
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += outcome.coverage[key];
      },
    });
    if (report.failure !== null) {
      const { schedule, outcome, replay } = report.failure;
      throw new Error(
        [
          `seed ${report.seed}: schedule ${schedule.steps.map((s) => `+${s.afterMs}ms ${describeClusterFault(s.fault)}`).join('; ')}`,
          ...outcome.violations.slice(0, 5).map(describeViolation),
          ...outcome.trace.slice(-40),
          `replay: ${replay}`,
        ].join('\n'),
      );
    }
    if (SIM_PATH !== undefined) return;
    expect(report.runs).toBe(RUNS);
    // The schedules exercised what they claim: controller failovers during replication, Raft
    // elections, broker leaderships taken, ISR shrinks and expansions, fencings, acknowledged writes.
    expect(totals.acknowledged).toBeGreaterThan(RUNS * 50);
    expect(totals.controllerFailovers).toBeGreaterThan(0);
    expect(totals.raftElections).toBeGreaterThan(RUNS);
    expect(totals.leaderElections).toBeGreaterThan(RUNS);
    expect(totals.isrShrinks).toBeGreaterThan(0);
    expect(totals.isrExpands).toBeGreaterThan(0);
    expect(totals.brokerFencings).toBeGreaterThan(0);
  }, 300_000);
});
