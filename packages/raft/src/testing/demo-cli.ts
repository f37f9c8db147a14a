#!/usr/bin/env node
/**
 * `pnpm raft-demo`: a narrated simulation of a 3-node cluster for people to read — the first election,
 * a few writes, the leader crashing, failover to a new leader, the old leader coming back and
 * catching up, and at the end the committed log on every node. Everything runs on the simulated
 * clock, so it finishes at once and tells the same story every time. This file and sim-cli.ts are
 * the only ones that print.
 */
import { RAFT_DEFAULTS } from '../core/config';
import { describeBatch } from './describe-batch';
import { Simulation } from './simulation';
import { formatSimTime } from './trace';

/** The story is the same every run; this seed makes the elections come out as narrated. */
const DEMO_SEED = 7;

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function say(sim: Simulation, text: string): void {
  print(`${formatSimTime(sim.now)}  == ${text}`);
}

async function main(): Promise<number> {
  // Snapshots only every megabyte, so the closing listing shows the whole log.
  const sim = new Simulation({ nodeCount: 3, seed: DEMO_SEED, snapshotEveryBytes: 1024 * 1024, traceSink: (line) => print(line) });
  print(
    `kz demo: 3 Raft voters on a simulated clock (election timeout ${RAFT_DEFAULTS.electionTimeoutMs}ms, ` +
      `fetch timeout ${RAFT_DEFAULTS.fetchTimeoutMs}ms, network 1-5ms, disk sync 1-10ms)`,
  );
  await sim.startAll();

  const first = await waitForLeader(sim, 10_000);
  if (first === null) return fail(sim, 'no leader elected');
  say(sim, `node ${first} is the leader of epoch ${sim.node(first).status()?.epoch}`);

  await sim.runUntil(sim.now + 200);
  for (let i = 0; i < 3; i++) {
    const request = sim.propose(1, 2);
    if (!(await sim.runUntilTrue(() => sim.client.isAcknowledged(request), sim.now + 5000))) return fail(sim, 'a write was not acknowledged');
  }
  say(sim, `3 writes acknowledged; crashing the leader, node ${first}`);
  sim.crash(first);

  const crashedAt = sim.now;
  const second = await waitForLeader(sim, 15_000);
  if (second === null) return fail(sim, 'no new leader after the crash');
  say(sim, `failover: node ${second} leads epoch ${sim.node(second).status()?.epoch}, ${sim.now - crashedAt}ms after the crash`);

  for (let i = 0; i < 2; i++) {
    const request = sim.propose(1, 1);
    if (!(await sim.runUntilTrue(() => sim.client.isAcknowledged(request), sim.now + 5000))) return fail(sim, 'a write was not acknowledged');
  }
  say(sim, `2 more writes acknowledged with node ${first} down; restarting it from its disk`);
  sim.schedule(sim.now + 500, 'restart', () => sim.restart(first));
  await sim.runUntil(sim.now + 500);

  const leaderHw = (): number => sim.node(sim.leader() ?? second).status()?.highWatermark ?? 0;
  if (!(await sim.runUntilTrue(() => sim.nodes.every((n) => n.appliedOffset >= leaderHw()), sim.now + 10_000))) {
    return fail(sim, 'the restarted node did not catch up');
  }
  say(sim, `node ${first} caught up; every node has applied up to offset ${leaderHw()}`);
  await sim.runUntil(sim.now + 1000);

  print('');
  print('committed log on every node (offset, epoch, batch; a record "4.1" is record 1 of proposal #4):');
  for (const node of sim.nodes) {
    const status = node.status();
    const hw = status?.highWatermark ?? 0;
    print(`node ${node.id} — ${status?.role ?? 'down'} in epoch ${status?.epoch ?? '?'}, high watermark ${hw}:`);
    for (const batch of node.log()) {
      if (batch.lastOffset >= hw) break;
      print(`  ${String(batch.baseOffset).padStart(3)}  epoch ${batch.epoch}  ${describeBatch(batch)}`);
    }
  }
  if (sim.violated) return fail(sim, 'an invariant was violated');
  print('');
  print(`demo: ${sim.events} simulated events, ${sim.client.acknowledged.length} writes acknowledged, every invariant held after every event`);
  return 0;
}

async function waitForLeader(sim: Simulation, withinMs: number): Promise<number | null> {
  let leader: number | null = null;
  await sim.runUntilTrue(() => (leader = sim.establishedLeader()) !== null, sim.now + withinMs);
  return leader;
}

function fail(sim: Simulation, why: string): number {
  for (const v of sim.violations) print(`VIOLATION [${v.invariant}]: ${v.message}`);
  print(`demo: FAILED: ${why}`);
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`raft-demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
