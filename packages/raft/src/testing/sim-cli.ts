#!/usr/bin/env node
/**
 * `pnpm sim`: runs random fault schedules through the deterministic simulation and ends with one
 * summary line. On a violation it prints what broke, the narrated lead-up, the command that replays
 * it, and exits 1. This file and demo-cli.ts are the only ones that print.
 */
import { checkSchedules, type CheckFailure, type CheckReport } from './check-schedules';
import { describeFault } from './fault-schedule';
import { runSchedule } from './run-schedule';
import { parseSimArgs, SIM_USAGE, SimArgsError, type SimArgs } from './sim-cli-args';
import { describeViolation } from './violation';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(argv: readonly string[]): Promise<number> {
  let args: SimArgs;
  try {
    args = parseSimArgs(argv, Math.floor(Math.random() * 0x7fffffff));
  } catch (error) {
    if (!(error instanceof SimArgsError)) throw error;
    process.stderr.write(`sim: ${error.message}\n${SIM_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    print(SIM_USAGE);
    return 0;
  }
  // Replaying one path: narrate it live if asked, and report it as it is, unshrunk.
  const replaying = args.path !== undefined;
  const report = await checkSchedules({
    runs: args.runs,
    seed: args.seed,
    nodes: args.nodes,
    membership: args.membership,
    path: args.path,
    shrink: args.shrink && !replaying,
    traceSink: replaying && args.trace ? (line) => print(`  ${line}`) : undefined,
  });
  if (report.failure !== null) await printFailure(report.runs, report.failure, !args.trace ? 'recent' : replaying ? 'none' : 'narrate');
  const violations = report.failure === null ? 0 : Math.max(1, report.failure.outcome.violations.length);
  print(`sim: coverage ${describeCoverage(report)}`);
  print(`sim: runs=${report.runs} events=${report.events} violations=${violations} seed=${report.seed}`);
  return violations === 0 ? 0 : 1;
}

function describeCoverage(report: CheckReport): string {
  return Object.entries(report.coverage)
    .map(([name, count]) => `${name}=${count}`)
    .join(' ');
}

/** How to show the lead-up: the last lines, the whole run narrated, or nothing (a replay narrated it live). */
type LeadUp = 'recent' | 'narrate' | 'none';

async function printFailure(runs: number, failure: CheckFailure, leadUp: LeadUp): Promise<void> {
  const { schedule, outcome } = failure;
  print(
    `sim: FAILED after ${runs} run(s): ${schedule.nodes} voters + ${schedule.observers} observer(s)${schedule.dynamicVoters === true ? ' (dynamic voters)' : ''}, run seed ${schedule.seed}, ` +
      `snapshot every ${schedule.snapshotEveryBytes} bytes, ${schedule.deliveriesPerTurn} deliveries per turn, sync <= ${schedule.syncLatencyMaxMs}ms, ` +
      `fetch <= ${schedule.config.fetchMaxBytes}B, snapshot chunks <= ${schedule.config.snapshotChunkBytes}B, ` +
      `linger ${schedule.config.appendLingerMs}ms; schedule:`,
  );
  let at = 0;
  for (const step of schedule.steps) {
    at += step.afterMs;
    print(`sim:   at ${at}ms ${describeFault(step.fault)}`);
  }
  print(`sim:   at ${outcome.healedAt}ms heal everything`);
  if (leadUp === 'narrate') {
    print('sim: narrated run:');
    await runSchedule(schedule, { traceSink: (line) => print(`  ${line}`) });
  } else if (leadUp === 'recent') {
    print('sim: last events before the violation:');
    for (const line of outcome.trace.slice(-25)) print(`  ${line}`);
  }
  for (const v of outcome.violations.slice(0, 5)) print(`sim: ${describeViolation(v)}`);
  print(`sim: replay with: ${failure.replay}`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sim: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
