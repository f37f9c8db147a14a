import { checkBrokerSchedules, type BrokerCoverage } from '@kz/broker/testing';
import { explainBrokerFailure, SIM_PATH, SIM_SEED } from './schedule-report';

/**
 * Random fault schedules against the simulated cluster (one controller, three brokers running the
 * real ReplicaManager, a producer and consumers): crashes that lose unflushed tails, leader crashes,
 * isolation from everyone / the cluster / the controller, cut links, stalled fetchers, loss and delay
 * bursts, records deleted (DeleteRecords) under consumers that are behind, disk faults (an fsync
 * failing with EIO, torn writes at a crash, a flipped bit in a flushed batch). Every invariant is checked after every simulated event, then the healed cluster must
 * settle and pass the settled checks. The seed is random per run — SIM_SEED pins it, SIM_PATH
 * replays one schedule, SIM_RUNS runs more — and a failure prints the seed, the schedule, the lead-up
 * and the replay command.
 */
const RUNS = Number(process.env['SIM_RUNS'] ?? 100);

describe('random broker fault schedules', () => {
  it(`${RUNS} schedules: every invariant after every event, a settled cluster after the heal`, async () => {
    const totals = { acknowledged: 0, consumed: 0, crashes: 0, leaderships: 0, shrinks: 0, expansions: 0, truncations: 0, notEnoughReplicas: 0, recordsDeleted: 0, halts: 0, tornWritesCut: 0 };
    const add = (c: BrokerCoverage): void => {
      totals.acknowledged += c.acknowledged;
      totals.consumed += c.consumed;
      totals.crashes += c.faults['crash'] ?? 0;
      totals.leaderships += c.managerLogs['became leader'] ?? 0;
      totals.shrinks += c.managerLogs['shrinking ISR'] ?? 0;
      totals.expansions += c.managerLogs['expanding ISR'] ?? 0;
      totals.truncations += c.managerLogs['truncated divergent tail'] ?? 0;
      totals.notEnoughReplicas += c.producerErrors['NOT_ENOUGH_REPLICAS'] ?? 0;
      totals.recordsDeleted += c.deleteRecordsAnswers['NONE'] ?? 0;
      totals.halts += c.faults['halt'] ?? 0;
      totals.tornWritesCut += c.faults['torn-write-cut'] ?? 0;
    };
    const report = await checkBrokerSchedules({ runs: RUNS, seed: SIM_SEED, path: SIM_PATH, shrinkBudgetMs: 20_000, onRun: (_s, outcome) => add(outcome.coverage) });
    if (report.failure !== null) throw new Error(explainBrokerFailure(report));
    if (SIM_PATH !== undefined) return;
    expect(report.runs).toBe(RUNS);
    // The schedules exercised what they are for: writes acknowledged and read back, crashes, failovers,
    // ISR shrinks and expansions, divergent tails truncated, writes refused below min ISR, records deleted.
    expect(totals.acknowledged).toBeGreaterThan(RUNS * 10);
    expect(totals.consumed).toBeGreaterThan(0);
    expect(totals.crashes).toBeGreaterThan(0);
    expect(totals.leaderships).toBeGreaterThan(RUNS);
    expect(totals.shrinks).toBeGreaterThan(0);
    expect(totals.expansions).toBeGreaterThan(0);
    expect(totals.truncations).toBeGreaterThan(0);
    expect(totals.notEnoughReplicas).toBeGreaterThan(0);
    expect(totals.recordsDeleted).toBeGreaterThan(0);
    // Disk faults: brokers halted on an fsync EIO, recoveries cut torn writes. (Bit flips need a flushed
    // batch past every acknowledgement, so they are rarer: disk-faults.test.ts makes sure of one.)
    expect(totals.halts).toBeGreaterThan(0);
    expect(totals.tornWritesCut).toBeGreaterThan(0);
  }, 300_000);
});
