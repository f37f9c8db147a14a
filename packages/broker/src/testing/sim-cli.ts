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
import { describeViolation } from '@kz/raft/testing';
import { describeBrokerFault } from './broker-schedule';
import { checkBrokerSchedules, type BrokerCheckFailure } from './check-broker-schedules';
import { runBrokerSchedule, type BrokerCoverage } from './run-broker-schedule';
import type { BrokerNodeSettings } from './sim-broker-process';
import { BROKER_SIM_USAGE, BrokerSimArgsError, parseBrokerSimArgs, type BrokerSimArgs } from './sim-cli-args';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

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
  };
  const broker = Object.keys(injected).length === 0 ? undefined : injected;
  const totals: Totals = { consumed: 0, batchesLostInCrashes: 0, faults: new Map(), managerLogs: new Map(), alterPartitionAnswers: new Map(), producerErrors: new Map(), deleteRecordsAnswers: new Map(), consumerSkips: 0 };
  const started = Date.now();
  let done = 0;
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
      done++;
      if (!replaying && process.stdout.isTTY) process.stdout.write(`\rbroker-sim: ${done}/${args.runs} schedules, ${Math.round((Date.now() - started) / 1000)}s`);
    },
  });
  if (!replaying && process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  if (report.failure !== null) {
    await printFailure(report.runs, report.failure, !args.trace ? 'recent' : replaying ? 'none' : 'narrate', broker);
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
  for (const [k, v] of Object.entries(c.faults)) totals.faults.set(k, (totals.faults.get(k) ?? 0) + v);
  for (const [k, v] of Object.entries(c.managerLogs)) totals.managerLogs.set(k, (totals.managerLogs.get(k) ?? 0) + v);
  for (const [k, v] of Object.entries(c.alterPartitionAnswers)) totals.alterPartitionAnswers.set(k, (totals.alterPartitionAnswers.get(k) ?? 0) + v);
  for (const [k, v] of Object.entries(c.producerErrors)) totals.producerErrors.set(k, (totals.producerErrors.get(k) ?? 0) + v);
  for (const [k, v] of Object.entries(c.deleteRecordsAnswers)) totals.deleteRecordsAnswers.set(k, (totals.deleteRecordsAnswers.get(k) ?? 0) + v);
  totals.consumerSkips += c.consumerSkips;
}

function formatCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' ') || 'none';
}

type LeadUp = 'recent' | 'narrate' | 'none';

async function printFailure(runs: number, failure: BrokerCheckFailure, leadUp: LeadUp, broker: Partial<BrokerNodeSettings> | undefined): Promise<void> {
  const { schedule, outcome } = failure;
  print(`broker-sim: FAILED after ${runs} run(s): run seed ${schedule.seed}, ${schedule.partitions} partition(s), a batch every ${schedule.produceIntervalMs}ms (${schedule.producerInFlight} in flight), fsync <= ${schedule.fsyncMaxMs}ms, metadata applied <= ${schedule.metadataDelayMaxMs}ms late; schedule after setup:`);
  for (const step of schedule.steps) print(`broker-sim:   +${step.afterMs}ms ${describeBrokerFault(step.fault)}`);
  print(`broker-sim:   at ${outcome.healedAt}ms heal everything`);
  if (leadUp === 'narrate') {
    print('broker-sim: narrated run:');
    await runBrokerSchedule(schedule, { traceSink: (line) => print(`  ${line}`), ...(broker === undefined ? {} : { broker }) });
  } else if (leadUp === 'recent') {
    print('broker-sim: last events before the violation:');
    for (const line of outcome.trace.slice(-60)) print(`  ${line}`);
  }
  for (const v of outcome.violations.slice(0, 5)) print(`broker-sim: ${describeViolation(v)}`);
  print(`broker-sim: replay with: ${failure.replay}`);
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
