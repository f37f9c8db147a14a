import type { NodeId } from '../core/config';
import { describeFault, type Fault, type FaultSchedule } from './fault-schedule';
import { FOLLOWERS_CAUGHT_UP_WITHIN_MS, LEADER_ELECTED_WITHIN_MS, PROPOSAL_COMMITTED_WITHIN_MS } from './liveness-bounds';
import { Simulation, type RunCoverage, type SimulationOptions } from './simulation';
import type { Violation } from './violation';

export interface ScheduleOutcome {
  readonly violations: readonly Violation[];
  /** Simulated events processed (each followed by a full invariant check). */
  readonly events: number;
  readonly simulatedMs: number;
  readonly healedAt: number;
  /** ms from the heal to an established leader; null if none came in time. */
  readonly leaderAfterHealMs: number | null;
  /** ms from that leader to the acknowledgement of a fresh proposal; null if it did not come. */
  readonly commitAfterLeaderMs: number | null;
  /** ms from that acknowledgement until every node had applied everything committed; null if not in time. */
  readonly caughtUpAfterCommitMs: number | null;
  readonly coverage: RunCoverage;
  /** The last narrated lines, for a failure report. */
  readonly trace: readonly string[];
}

export interface RunOptions {
  /** Receives every narrated line as it happens. */
  readonly traceSink?: (line: string) => void;
  /** Test-only: a deliberately broken storage or transport (see SimulationOptions.tamper). */
  readonly tamper?: SimulationOptions['tamper'];
}

/** Quiet time after the last fault before the heal, so the last fault has a chance to matter. */
const SETTLE_BEFORE_HEAL_MS = 500;

/**
 * Runs one schedule: boots the cluster, plays the faults at their times (with the invariants checked
 * after every event), then heals everything — all links restored and calm, all crashed nodes
 * restarted — and checks liveness within the bounds of liveness-bounds.ts: a leader, a fresh
 * proposal acknowledged, every node caught up; finally that no acknowledged proposal was lost.
 */
export async function runSchedule(schedule: FaultSchedule, options: RunOptions = {}): Promise<ScheduleOutcome> {
  const sim = new Simulation({
    nodeCount: schedule.nodes,
    observerCount: schedule.observers,
    seed: schedule.seed,
    snapshotEveryBytes: schedule.snapshotEveryBytes,
    deliveriesPerTurn: schedule.deliveriesPerTurn,
    syncLatencyMs: { min: 1, max: schedule.syncLatencyMaxMs },
    config: schedule.config,
    ...(schedule.dynamicVoters === true ? { dynamicVoters: true } : {}),
    ...(options.traceSink === undefined ? {} : { traceSink: options.traceSink }),
    ...(options.tamper === undefined ? {} : { tamper: options.tamper }),
  });
  await sim.startAll();

  let at = 0;
  for (const step of schedule.steps) {
    at += step.afterMs;
    sim.schedule(at, describeFault(step.fault), () => applyFault(sim, step.fault));
  }
  const healedAt = at + SETTLE_BEFORE_HEAL_MS;
  sim.schedule(healedAt, 'heal everything', () => {
    sim.healNetwork();
    for (const node of sim.nodes) {
      node.disk.clearFaults();
      sim.restart(node.id);
    }
  });
  await sim.runUntil(healedAt);

  let leaderAfterHealMs: number | null = null;
  let commitAfterLeaderMs: number | null = null;
  let caughtUpAfterCommitMs: number | null = null;
  if (!sim.violated) {
    let leader: NodeId | null = null;
    if (!(await sim.runUntilTrue(() => (leader = sim.establishedLeader()) !== null, healedAt + LEADER_ELECTED_WITHIN_MS)) || leader === null) {
      if (!sim.violated) sim.reportViolation('livenessLeaderElected', `no established leader within ${LEADER_ELECTED_WITHIN_MS}ms of the heal`);
    } else {
      leaderAfterHealMs = sim.now - healedAt;
      commitAfterLeaderMs = await checkProposalCommits(sim, leader);
      if (commitAfterLeaderMs !== null) caughtUpAfterCommitMs = await checkFollowersCatchUp(sim);
      if (!sim.violated) checkNoAcknowledgedWriteLost(sim);
    }
  }
  return {
    violations: sim.violations,
    events: sim.events,
    simulatedMs: sim.now,
    healedAt,
    leaderAfterHealMs,
    commitAfterLeaderMs,
    caughtUpAfterCommitMs,
    coverage: sim.coverage(),
    trace: sim.trace.recent(60),
  };
}

export function applyFault(sim: Simulation, fault: Fault): void {
  const id = (index: number): NodeId => sim.nodeIds[index % sim.nodeIds.length] ?? 1;
  switch (fault.kind) {
    case 'crash':
      return sim.crash(id(fault.node), { torn: fault.torn });
    case 'crashLeader': {
      const leader = sim.leader();
      if (leader !== null) sim.crash(leader, { torn: fault.torn });
      return;
    }
    case 'restart':
      return sim.restart(id(fault.node));
    case 'stopGracefully':
      return sim.stopGracefully(id(fault.node), fault.downMs);
    case 'partition': {
      const side = sim.nodeIds.filter((_, i) => (fault.sides >> i) & 1);
      const rest = sim.nodeIds.filter((v) => !side.includes(v));
      if (side.length > 0 && rest.length > 0) sim.partition([side, rest]);
      return;
    }
    case 'oneWay':
      if (id(fault.from) !== id(fault.to)) sim.cutLink(id(fault.from), id(fault.to));
      return;
    case 'isolateLeader': {
      const leader = sim.leader();
      if (leader !== null) sim.isolate(leader, fault.direction);
      return;
    }
    case 'heal':
      return sim.healNetwork();
    case 'network': {
      const link = fault.link === null ? undefined : { from: id(fault.link.from), to: id(fault.link.to) };
      if (link !== undefined && link.from === link.to) return;
      return sim.setLinkRule(fault.rule, link);
    }
    case 'propose':
      sim.propose(fault.batches, fault.records);
      return;
    case 'burst':
      for (let i = 0; i < fault.requests; i++) sim.schedule(sim.now + i * fault.spacingMs, 'burst proposal', () => sim.propose(1, 1));
      return;
    case 'resign':
      return sim.resignLeader();
    case 'proposeThenCrash': {
      const leader = sim.leader();
      if (leader === null) return;
      sim.propose(1, 2, leader);
      const followers = sim.nodeIds.filter((v) => v !== leader && sim.node(v).up);
      const victim = fault.victim === 'leader' ? leader : followers[fault.delayMs % Math.max(1, followers.length)];
      if (victim !== undefined) sim.schedule(sim.now + fault.delayMs, `crash node ${victim}`, () => sim.crash(victim, { torn: fault.torn }));
      return;
    }
    case 'read':
      for (let i = 0; i < fault.count; i++) sim.read();
      return;
    case 'fsyncError':
      return sim.failNextSync(id(fault.node));
    case 'corruptBatch':
      sim.corruptStoredBatch(id(fault.node), fault.pick / 100);
      return;
    case 'addVoter':
      if (sim.dynamic) void sim.addVoter(id(fault.node));
      return;
    case 'removeVoter':
      if (sim.dynamic) void sim.removeVoter(sim.deadVoterKey() ?? id(fault.node));
      return;
    case 'removeLeader':
      if (!sim.dynamic) return;
      void (sim.deadVoterKey() === null ? sim.removeLeader() : sim.removeVoter(sim.deadVoterKey()!));
      return;
    case 'wipeDisk':
      sim.wipeDisk(id(fault.node), fault.downMs);
      return;
  }
}

/**
 * Liveness 2: a fresh proposal, sent to the established leader, is acknowledged in time. (Sent to
 * the leader, not to whoever the client last believed led: a zombie leader of an older epoch may
 * still accept writes until it hears of the new one, and the client would only find out from its
 * own request timeout, which is the client's latency, not the protocol's.) Returns how long it took.
 */
async function checkProposalCommits(sim: Simulation, leader: NodeId): Promise<number | null> {
  const start = sim.now;
  const request = sim.propose(1, 1, leader);
  if (await sim.runUntilTrue(() => sim.client.isAcknowledged(request), start + PROPOSAL_COMMITTED_WITHIN_MS)) return sim.now - start;
  if (!sim.violated) {
    sim.reportViolation('livenessProposalCommits', `a proposal made at ${start}ms under leader ${sim.leader() ?? 'none'} was not acknowledged within ${PROPOSAL_COMMITTED_WITHIN_MS}ms`);
  }
  return null;
}

/** Liveness 3: every node applies everything committed so far, in time. Returns how long it took, or null. */
async function checkFollowersCatchUp(sim: Simulation): Promise<number | null> {
  const start = sim.now;
  const target = sim.memory.oracle.end;
  const caughtUp = (): boolean => sim.nodes.every((n) => n.appliedOffset >= target);
  if (await sim.runUntilTrue(caughtUp, start + FOLLOWERS_CAUGHT_UP_WITHIN_MS)) return sim.now - start;
  if (!sim.violated) {
    const behind = sim.nodes.filter((n) => n.appliedOffset < target).map((n) => `node ${n.id} at ${n.appliedOffset}`);
    sim.reportViolation('livenessFollowersCatchUp', `not applied up to ${target} within ${FOLLOWERS_CAUGHT_UP_WITHIN_MS}ms: ${behind.join(', ')}`);
  }
  return null;
}

/**
 * No acknowledged proposal is lost: each lies in the committed log, inside the batch of the epoch it
 * was acknowledged with, and is in the state of every node that has applied past it. (The client may
 * still have writes in flight; those acknowledged later are checked against the log only.)
 */
function checkNoAcknowledgedWriteLost(sim: Simulation): void {
  const applied = sim.nodes.map((n) => ({ id: n.id, end: n.appliedOffset, ids: new Set(n.appliedIds) }));
  for (const ack of sim.client.acknowledged) {
    const entry = sim.memory.oracle.batchHolding(ack.baseOffset);
    if (entry === undefined || entry.epoch !== ack.epoch || entry.lastOffset < ack.lastOffset) {
      sim.reportViolation(
        'noAcknowledgedWriteLost',
        `proposal #${ack.id} was acknowledged at offsets ${ack.baseOffset}..${ack.lastOffset} epoch ${ack.epoch}, but the committed log has ` +
          `${entry === undefined ? 'nothing' : `[${entry.baseOffset}..${entry.lastOffset}] of epoch ${entry.epoch}`} there`,
      );
      return;
    }
    const missing = applied.filter((n) => n.end > ack.lastOffset && !n.ids.has(ack.id));
    if (missing.length > 0) {
      sim.reportViolation(
        'noAcknowledgedWriteLost',
        `proposal #${ack.id} (acknowledged at offset ${ack.baseOffset}) is missing from the state of node(s) ${missing.map((n) => n.id).join(', ')}`,
      );
      return;
    }
  }
}
