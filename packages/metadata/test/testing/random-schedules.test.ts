import { checkMetadataSchedules, type MetadataCoverage } from '@kz/metadata/testing';
import { explainMetadataFailure, SIM_PATH, SIM_SEED } from './schedule-report';

/**
 * Random fault schedules against whole metadata clusters (3 controllers, 3–4 brokers): crashes and
 * restarts of controllers and brokers, partitions, lossy and slow links, resignations, admin
 * operations with the controller crashing mid-way, zombie requests, controlled shutdowns. Every
 * invariant (Raft's and the metadata ones) is checked after every simulated event; liveness after the
 * final heal. The seed is random per run — SIM_SEED pins it, SIM_PATH replays one schedule — and a
 * failure prints the schedule, the lead-up and the replay command.
 */
const RUNS = 100;

describe('random metadata fault schedules', () => {
  it(`${RUNS} schedules: every invariant after every event, liveness after the heal`, async () => {
    const totals = { activations: 0, renouncedWithPending: 0, sessionFencings: 0, snapshotsInstalled: 0, adminRetried: 0, stale: 0, alterPartitions: 0, staleIsrChanges: 0, eligibleLeaderEntries: 0, eligibleElections: 0 };
    const add = (c: MetadataCoverage): void => {
      totals.activations += c.activations;
      totals.renouncedWithPending += c.renouncedWithPending;
      totals.sessionFencings += c.sessionFencings;
      totals.snapshotsInstalled += c.snapshotsInstalled;
      totals.adminRetried += c.adminRetried;
      totals.stale += c.errorReplies['STALE_BROKER_EPOCH'] ?? 0;
      totals.alterPartitions += c.okReplies['alterPartition'] ?? 0;
      totals.staleIsrChanges += (c.itemErrors['INVALID_UPDATE_VERSION'] ?? 0) + (c.itemErrors['FENCED_LEADER_EPOCH'] ?? 0) + (c.itemErrors['NOT_LEADER_OR_FOLLOWER'] ?? 0);
      totals.eligibleLeaderEntries += c.eligibleLeaderEntries;
      totals.eligibleElections += c.eligibleElections;
    };
    const report = await checkMetadataSchedules({ runs: RUNS, seed: SIM_SEED, path: SIM_PATH, shrinkBudgetMs: 30_000, onRun: (_s, outcome) => add(outcome.coverage) });
    if (report.failure !== null) throw new Error(explainMetadataFailure(report));
    if (SIM_PATH !== undefined) return;
    expect(report.runs).toBe(RUNS);
    // The schedules exercised what they are for: failovers (some with requests waiting), fencing,
    // snapshot transfer, client retries, zombies refused, ISR changes (some refused as out of date),
    // fenced brokers kept as eligible leaders and elected from there (KIP-966).
    expect(totals.activations).toBeGreaterThan(RUNS);
    expect(totals.renouncedWithPending).toBeGreaterThan(0);
    expect(totals.sessionFencings).toBeGreaterThan(0);
    expect(totals.snapshotsInstalled).toBeGreaterThan(0);
    expect(totals.adminRetried).toBeGreaterThan(0);
    expect(totals.stale).toBeGreaterThan(0);
    expect(totals.alterPartitions).toBeGreaterThan(0);
    expect(totals.staleIsrChanges).toBeGreaterThan(0);
    expect(totals.eligibleLeaderEntries).toBeGreaterThan(0);
    expect(totals.eligibleElections).toBeGreaterThan(0);
  }, 600_000);
});
