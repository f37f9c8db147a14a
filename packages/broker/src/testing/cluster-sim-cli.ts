#!/usr/bin/env node
/**
 * The whole-cluster simulation soak (`pnpm cluster-sim`): runs random schedules through
 * checkClusterSchedules and ends with coverage lines and `cluster-sim: runs=… events=… violations=…
 * seed=…`. On a violation it prints the schedule, what broke, the lead-up and the replay command,
 * and exits 1. The one file of the whole-cluster simulation that prints.
 *
 *   pnpm cluster-sim --runs 200 --seed 7
 *   pnpm cluster-sim --seed S --path P --trace
 */
import { describeViolation } from '@kz/raft/testing';
import { checkClusterSchedules } from './check-cluster-schedules';
import type { ClusterCoverage } from './cluster-simulation';
import { describeClusterFault } from './cluster-schedule';
import { runClusterSchedule } from './run-cluster-schedule';
import { runStorm } from './storm-scenario';
import { BrokerSimArgsError, parseBrokerSimArgs, type BrokerSimArgs } from './sim-cli-args';
import type { BrokerNodeSettings } from './sim-broker-process';
import { addCounts, formatCounts, leadUpFor, print, printFailure, progressLine } from './sim-cli-output';

export const CLUSTER_SIM_USAGE = `usage: pnpm cluster-sim [--runs N] [--seed S] [--max-steps N] [--path P] [--trace] [--no-shrink]

Runs N random fault schedules against a whole simulated cluster in one process — three controllers
(the MetadataNode that ships, on Raft), three brokers (the BrokerNode that ships: replica fetchers,
lifecycle, ISR changes, over in-memory logs that lose unflushed data on a crash, with torn writes),
a producer (acks=all) and consumers — with controller failovers, broker crashes, fsync failures (the
broker halts), network partitions and lossy links during replication. Every Raft, metadata, replication and cluster invariant is checked after
every simulated event; then the healed cluster must settle with every acknowledged record in place.

  --runs N          schedules to run (default 100)
  --seed S          fast-check seed (default: random; always printed)
  --max-steps N     faults per schedule, at most (default 6)
  --path P          replay the schedule at this fast-check path (printed on a failure)
  --flush-after-answers-only
                    an injected bug: the shipped replica fetchers skip their wait for the flush
                    before each fetch (the simulation must catch it)
  --trace           print the narrated run of a failing or replayed schedule
  --no-shrink       report the first failing schedule without shrinking it
  --storm TxP       instead: issue 18's storm, N runs (seeds S, S+1, ...): one CreateTopics of T topics
                    of P partitions (RF 3) into a running cluster; no broker whose heartbeats kept
                    arriving may be fenced, no Raft election while the leader answers`;

type Counted = Exclude<keyof ClusterCoverage, 'faults'>;
const COUNTED: readonly Counted[] = ['acknowledged', 'consumed', 'controllerFailovers', 'raftElections', 'leaderElections', 'isrShrinks', 'isrExpands', 'truncations', 'brokerFencings'];


async function main(argv: readonly string[]): Promise<number> {
  let args: BrokerSimArgs;
  let storm: { readonly topics: number; readonly partitions: number } | null = null;
  try {
    const at = argv.indexOf('--storm');
    if (at >= 0) {
      const match = /^(\d+)x(\d+)$/.exec(argv[at + 1] ?? '');
      if (match === null) throw new BrokerSimArgsError('--storm takes TOPICSxPARTITIONS, e.g. 20x100');
      storm = { topics: Number(match[1]), partitions: Number(match[2]) };
      argv = [...argv.slice(0, at), ...argv.slice(at + 2)];
    }
    args = parseBrokerSimArgs(argv, Math.floor(Math.random() * 0x7fffffff));
  } catch (error) {
    if (!(error instanceof BrokerSimArgsError)) throw error;
    process.stderr.write(`cluster-sim: ${error.message}\n${CLUSTER_SIM_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    print(CLUSTER_SIM_USAGE);
    return 0;
  }
  if (storm !== null) return storms(args, storm);
  const replaying = args.path !== undefined;
  const broker: Partial<BrokerNodeSettings> | undefined = args.flushAfterAnswersOnly ? { flushBeforeEachFetch: false } : undefined;
  const totals = new Map<string, number>(COUNTED.map((k) => [k, 0]));
  const faults = new Map<string, number>();
  const started = Date.now();
  const progress = progressLine('cluster-sim', args.runs, replaying);
  const report = await checkClusterSchedules({
    runs: args.runs,
    seed: args.seed,
    path: args.path,
    maxSteps: args.maxSteps,
    broker,
    shrink: args.shrink && !replaying,
    traceSink: replaying && args.trace ? (line) => print(`  ${line}`) : undefined,
    onRun: (_schedule, outcome) => {
      for (const key of COUNTED) totals.set(key, (totals.get(key) ?? 0) + outcome.coverage[key]);
      addCounts(faults, outcome.coverage.faults);
      progress.ran();
    },
  });
  progress.clear();
  if (report.failure !== null) {
    const { schedule, outcome, replay } = report.failure;
    await printFailure({
      name: 'cluster-sim',
      runs: report.runs,
      headline: `run seed ${schedule.seed}, ${schedule.partitions} partition(s), a batch every ${schedule.produceIntervalMs}ms (${schedule.producerInFlight} in flight), fsync <= ${schedule.fsyncMaxMs}ms, torn writes at ${schedule.tornWriteRate}`,
      steps: schedule.steps.map((step) => `+${step.afterMs}ms ${describeClusterFault(step.fault)}`),
      outcome,
      replay,
      leadUp: leadUpFor(args.trace, replaying),
      narrate: (traceSink) => runClusterSchedule(schedule, { traceSink, ...(broker === undefined ? {} : { broker }) }),
    });
  }
  const violations = report.failure === null ? 0 : Math.max(1, report.failure.outcome.violations.length);
  print(`cluster-sim: faults: ${formatCounts(faults)}`);
  print(`cluster-sim: coverage: ${COUNTED.map((k) => `${k}=${totals.get(k) ?? 0}`).join(' ')}`);
  print(
    `cluster-sim: runs=${report.runs} events=${report.events} violations=${violations} ` +
      `simulated=${Math.round(report.simulatedMs / 1000)}s wall=${Math.round((Date.now() - started) / 1000)}s seed=${report.seed}`,
  );
  return violations === 0 ? 0 : 1;
}

/** Storm runs on consecutive seeds; one line each, the failures' lead-up, a summary line. */
async function storms(args: BrokerSimArgs, storm: { readonly topics: number; readonly partitions: number }): Promise<number> {
  const started = Date.now();
  let failed = 0;
  for (let run = 0; run < args.runs; run++) {
    const seed = args.seed + run;
    const outcome = await runStorm({ seed, topics: storm.topics, partitionsPerTopic: storm.partitions, cluster: { deliveriesPerTurn: 8 } });
    print(
      `cluster-sim storm: seed=${seed} partitions=${outcome.partitionsCreated} led-after=${outcome.ledAfterMs ?? 'never'}ms ` +
        `quorum-epoch=${outcome.quorumEpochBefore}->${outcome.quorumEpochAfter} fencings=${outcome.coverage.brokerFencings} acked=${outcome.coverage.acknowledged} violations=${outcome.violations.length}`,
    );
    if (outcome.violations.length === 0) continue;
    failed++;
    for (const line of outcome.trace.slice(-40)) print(`  ${line}`);
    for (const v of outcome.violations.slice(0, 5)) print(`cluster-sim storm: ${describeViolation(v)}`);
    print(`cluster-sim storm: replay with: pnpm cluster-sim --storm ${storm.topics}x${storm.partitions} --runs 1 --seed ${seed}`);
  }
  print(`cluster-sim storm: runs=${args.runs} violations=${failed} wall=${Math.round((Date.now() - started) / 1000)}s seed=${args.seed}`);
  return failed === 0 ? 0 : 1;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
