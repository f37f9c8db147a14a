#!/usr/bin/env node
/**
 * The broker simulation soak: runs random fault schedules through checkBrokerSchedules and ends with
 * one summary line, `broker-sim: runs=… events=… acked=… violations=… seed=…`. On a violation it
 * prints the schedule, what broke, the lead-up and the command that replays it, and exits 1. This is
 * the one file of the simulation that prints.
 *
 *   node packages/broker/dist/testing/sim-cli.js --runs 500
 *   node packages/broker/dist/testing/sim-cli.js --seed S --path P --trace
 */
import { describeBrokerFault } from './broker-schedule';
import { checkBrokerSchedules } from './check-broker-schedules';
import { runBrokerSchedule, type BrokerCoverage } from './run-broker-schedule';
import type { BrokerNodeSettings } from './sim-broker-process';
import { BROKER_SIM_USAGE, BrokerSimArgsError, parseBrokerSimArgs, type BrokerSimArgs } from './sim-cli-args';
import { addCounts, formatCounts, leadUpFor, print, printFailure, progressLine } from './sim-cli-output';

interface Totals {
  consumed: number;
  batchesLostInCrashes: number;
  readonly faults: Map<string, number>;
  readonly managerLogs: Map<string, number>;
  readonly alterPartitionAnswers: Map<string, number>;
  readonly producerErrors: Map<string, number>;
  readonly deleteRecordsAnswers: Map<string, number>;
  consumerSkips: number;
}

async function main(argv: readonly string[]): Promise<number> {
  let args: BrokerSimArgs;
  try {
    args = parseBrokerSimArgs(argv, Math.floor(Math.random() * 0x7fffffff));
  } catch (error) {
    if (!(error instanceof BrokerSimArgsError)) throw error;
    process.stderr.write(`broker-sim: ${error.message}\n${BROKER_SIM_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    print(BROKER_SIM_USAGE);
    return 0;
  }
  const replaying = args.path !== undefined;
  const injected: Partial<BrokerNodeSettings> = {
    ...(args.flushAfterAnswersOnly ? { flushBeforeEachFetch: false } : {}),
    ...(args.ignoreHighWatermarkCheckpoint ? { readHighWatermarkCheckpoint: false } : {}),
    ...(args.deleteWithoutWaiting ? { deleteRecordsWaitsForReplicas: false } : {}),
    ...(args.hideDamagedReplicas ? { reportDamagedReplicas: false } : {}),
  };
  const broker = Object.keys(injected).length === 0 ? undefined : injected;
  const totals: Totals = { consumed: 0, batchesLostInCrashes: 0, faults: new Map(), managerLogs: new Map(), alterPartitionAnswers: new Map(), producerErrors: new Map(), deleteRecordsAnswers: new Map(), consumerSkips: 0 };
  const started = Date.now();
  const progress = progressLine('broker-sim', args.runs, replaying);
  const report = await checkBrokerSchedules({
    runs: args.runs,
    seed: args.seed,
    path: args.path,
    maxSteps: args.maxSteps,
    ...(broker === undefined ? {} : { broker }),
    shrink: args.shrink && !replaying,
    traceSink: replaying && args.trace ? (line) => print(`  ${line}`) : undefined,
    onRun: (_schedule, outcome) => {
      add(totals, outcome.coverage);
      progress.ran();
    },
  });
  progress.clear();
  if (report.failure !== null) {
    const { schedule, outcome, replay } = report.failure;
    await printFailure({
      name: 'broker-sim',
      runs: report.runs,
      headline: `run seed ${schedule.seed}, ${schedule.partitions} partition(s), a batch every ${schedule.produceIntervalMs}ms (${schedule.producerInFlight} in flight), fsync <= ${schedule.fsyncMaxMs}ms, metadata applied <= ${schedule.metadataDelayMaxMs}ms late, torn writes at ${schedule.tornWriteRate}`,
      steps: schedule.steps.map((step) => `+${step.afterMs}ms ${describeBrokerFault(step.fault)}`),
      outcome,
      replay,
      leadUp: leadUpFor(args.trace, replaying),
      narrate: (traceSink) => runBrokerSchedule(schedule, { traceSink, ...(broker === undefined ? {} : { broker }) }),
    });
  }
  const violations = report.failure === null ? 0 : Math.max(1, report.failure.outcome.violations.length);
  print(`broker-sim: faults: ${formatCounts(totals.faults)}`);
  print(`broker-sim: replica managers: ${formatCounts(totals.managerLogs)}`);
  print(`broker-sim: AlterPartition answers: ${formatCounts(totals.alterPartitionAnswers)}`);
  print(`broker-sim: producer retries: ${formatCounts(totals.producerErrors)}`);
  print(`broker-sim: DeleteRecords answers: ${formatCounts(totals.deleteRecordsAnswers)}; consumers moved up to a log start: ${totals.consumerSkips}`);
  print(`broker-sim: consumed=${totals.consumed} batches lost to crashes (unflushed)=${totals.batchesLostInCrashes}`);
  print(
    `broker-sim: runs=${report.runs} events=${report.events} acked=${report.acknowledged} violations=${violations} ` +
      `simulated=${Math.round(report.simulatedMs / 1000)}s wall=${Math.round((Date.now() - started) / 1000)}s seed=${report.seed}`,
  );
  return violations === 0 ? 0 : 1;
}

function add(totals: Totals, c: BrokerCoverage): void {
  totals.consumed += c.consumed;
  totals.batchesLostInCrashes += c.batchesLostInCrashes;
  addCounts(totals.faults, c.faults);
  addCounts(totals.managerLogs, c.managerLogs);
  addCounts(totals.alterPartitionAnswers, c.alterPartitionAnswers);
  addCounts(totals.producerErrors, c.producerErrors);
  addCounts(totals.deleteRecordsAnswers, c.deleteRecordsAnswers);
  totals.consumerSkips += c.consumerSkips;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
