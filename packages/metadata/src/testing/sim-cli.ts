#!/usr/bin/env node
/**
 * The metadata simulation soak: runs random fault schedules through checkMetadataSchedules and ends
 * with one summary line. On a violation it prints the schedule, what broke, the narrated lead-up and
 * the command that replays it, and exits 1. This is the one file of the package that prints.
 *
 *   node packages/metadata/dist/testing/sim-cli.js --runs 2000
 *   node packages/metadata/dist/testing/sim-cli.js --seed S --path P --trace
 */
import { describeViolation } from '@kz/raft/testing';
import { checkMetadataSchedules, type MetadataCheckFailure } from './check-metadata-schedules';
import { describeMetadataFault } from './metadata-schedule';
import { runMetadataSchedule, SETUP_AT_MS, type MetadataCoverage } from './run-metadata-schedule';
import { METADATA_SIM_USAGE, MetadataSimArgsError, parseMetadataSimArgs, type MetadataSimArgs } from './sim-cli-args';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

interface Totals {
  activations: number;
  renouncedWithPending: number;
  sessionFencings: number;
  snapshotsInstalled: number;
  truncations: number;
  adminOperations: number;
  adminRetried: number;
  eligibleLeaderEntries: number;
  eligibleElections: number;
  readonly ok: Map<string, number>;
  readonly errors: Map<string, number>;
  readonly itemErrors: Map<string, number>;
}

async function main(argv: readonly string[]): Promise<number> {
  let args: MetadataSimArgs;
  try {
    args = parseMetadataSimArgs(argv, Math.floor(Math.random() * 0x7fffffff));
  } catch (error) {
    if (!(error instanceof MetadataSimArgsError)) throw error;
    process.stderr.write(`metadata-sim: ${error.message}\n${METADATA_SIM_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    print(METADATA_SIM_USAGE);
    return 0;
  }
  const replaying = args.path !== undefined;
  const totals: Totals = { activations: 0, renouncedWithPending: 0, sessionFencings: 0, snapshotsInstalled: 0, truncations: 0, adminOperations: 0, adminRetried: 0, eligibleLeaderEntries: 0, eligibleElections: 0, ok: new Map(), errors: new Map(), itemErrors: new Map() };
  const started = Date.now();
  let done = 0;
  const report = await checkMetadataSchedules({
    runs: args.runs,
    seed: args.seed,
    path: args.path,
    controllers: args.controllers,
    maxSteps: args.maxSteps,
    shrink: args.shrink && !replaying,
    traceSink: replaying && args.trace ? (line) => print(`  ${line}`) : undefined,
    onRun: (_schedule, outcome) => {
      add(totals, outcome.coverage);
      done++;
      if (!replaying && process.stdout.isTTY) process.stdout.write(`\rmetadata-sim: ${done}/${args.runs} schedules, ${Math.round((Date.now() - started) / 1000)}s`);
    },
  });
  if (!replaying && process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  if (report.failure !== null) await printFailure(report.runs, report.failure, !args.trace ? 'recent' : replaying ? 'none' : 'narrate');
  const violations = report.failure === null ? 0 : Math.max(1, report.failure.outcome.violations.length);
  print(
    `metadata-sim: coverage: ${totals.activations} controller activations (${totals.renouncedWithPending} renounced with requests waiting), ` +
      `${totals.sessionFencings} session fencings, ${totals.snapshotsInstalled} snapshots installed, ${totals.truncations} truncations, ` +
      `${totals.adminOperations} admin operations (${totals.adminRetried} retried), ` +
      `${totals.eligibleLeaderEntries} eligible-leader entries, ${totals.eligibleElections} elections from eligible leaders`,
  );
  print(`metadata-sim: ok replies: ${formatCounts(totals.ok)}`);
  print(`metadata-sim: error replies: ${formatCounts(totals.errors)}`);
  print(`metadata-sim: per-item errors in replies: ${formatCounts(totals.itemErrors)}`);
  print(
    `metadata-sim: runs=${report.runs} events=${report.events} simulated=${Math.round(report.simulatedMs / 1000)}s ` +
      `wall=${Math.round((Date.now() - started) / 1000)}s violations=${violations} seed=${report.seed}`,
  );
  return violations === 0 ? 0 : 1;
}

function add(totals: Totals, c: MetadataCoverage): void {
  totals.activations += c.activations;
  totals.renouncedWithPending += c.renouncedWithPending;
  totals.sessionFencings += c.sessionFencings;
  totals.snapshotsInstalled += c.snapshotsInstalled;
  totals.truncations += c.truncations;
  totals.adminOperations += c.adminOperations;
  totals.adminRetried += c.adminRetried;
  totals.eligibleLeaderEntries += c.eligibleLeaderEntries;
  totals.eligibleElections += c.eligibleElections;
  for (const [k, v] of Object.entries(c.okReplies)) totals.ok.set(k, (totals.ok.get(k) ?? 0) + v);
  for (const [k, v] of Object.entries(c.errorReplies)) totals.errors.set(k, (totals.errors.get(k) ?? 0) + v);
  for (const [k, v] of Object.entries(c.itemErrors)) totals.itemErrors.set(k, (totals.itemErrors.get(k) ?? 0) + v);
}

function formatCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' ') || 'none';
}

type LeadUp = 'recent' | 'narrate' | 'none';

async function printFailure(runs: number, failure: MetadataCheckFailure, leadUp: LeadUp): Promise<void> {
  const { schedule, outcome } = failure;
  print(
    `metadata-sim: FAILED after ${runs} run(s): ${schedule.controllers} controllers + ${schedule.brokers} brokers, run seed ${schedule.seed}, ` +
      `snapshot every ${schedule.snapshotEveryBytes} bytes, ${schedule.deliveriesPerTurn} deliveries per turn, sync <= ${schedule.syncLatencyMaxMs}ms, NoOp every ${schedule.noOpIntervalMs}ms, ` +
      `AlterPartition chance ${schedule.alterPartitionChance}; schedule:`,
  );
  let at = SETUP_AT_MS;
  print(`metadata-sim:   at ${at}ms create topic-0 and topic-1`);
  for (const step of schedule.steps) {
    at += step.afterMs;
    print(`metadata-sim:   at ${at}ms ${describeMetadataFault(step.fault)}`);
  }
  print(`metadata-sim:   at ${outcome.healedAt}ms heal everything`);
  if (leadUp === 'narrate') {
    print('metadata-sim: narrated run:');
    await runMetadataSchedule(schedule, { traceSink: (line) => print(`  ${line}`) });
  } else if (leadUp === 'recent') {
    print('metadata-sim: last events before the violation:');
    for (const line of outcome.trace.slice(-40)) print(`  ${line}`);
  }
  for (const v of outcome.violations.slice(0, 5)) print(`metadata-sim: ${describeViolation(v)}`);
  print(`metadata-sim: replay with: ${failure.replay}`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`metadata-sim: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
