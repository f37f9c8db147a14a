/**
 * One whole-cluster run: set up (controllers elected, brokers unfenced, the topic created and led,
 * clients started), play the schedule's faults at their times, heal everything, let the producer
 * write a while longer, stop it, and require the cluster to settle (settled-checks.ts) — then the
 * end-of-run checks. Every invariant runs after every event throughout.
 */
import type { Violation } from '@kz/raft/testing';
import { ClusterSimulation, type ClusterCoverage } from './cluster-simulation';
import { describeClusterFault, type ClusterFault, type ClusterSchedule } from './cluster-schedule';
import type { BrokerNodeSettings } from './sim-broker-process';
import { checkSettled, unsettled } from './settled-checks';

/** The heal comes this long after the last fault. */
export const CLUSTER_HEAL_AFTER_LAST_FAULT_MS = 3000;
/** The producer goes on this long after the heal, so writes cross the recovery. */
export const CLUSTER_PRODUCE_AFTER_HEAL_MS = 3000;
/** After the producer stops, the cluster must settle within this. */
export const CLUSTER_SETTLE_WITHIN_MS = 60_000;

export interface ClusterScheduleOutcome {
  readonly violations: readonly Violation[];
  readonly events: number;
  readonly simulatedMs: number;
  readonly healedAt: number;
  readonly coverage: ClusterCoverage;
  readonly trace: readonly string[];
}

export interface ClusterRunOptions {
  readonly traceSink?: (line: string) => void;
  /** Broker settings over the defaults (an injected bug, say). */
  readonly broker?: Partial<BrokerNodeSettings>;
  readonly inspect?: (sim: ClusterSimulation) => void;
}

export async function runClusterSchedule(schedule: ClusterSchedule, options: ClusterRunOptions = {}): Promise<ClusterScheduleOutcome> {
  const sim = new ClusterSimulation({
    seed: schedule.seed,
    partitions: schedule.partitions,
    producer: { intervalMs: schedule.produceIntervalMs, maxInFlight: schedule.producerInFlight },
    broker: { fsyncMaxMs: schedule.fsyncMaxMs, ...options.broker },
    tornWriteRate: schedule.tornWriteRate,
    ...(options.traceSink === undefined ? {} : { traceSink: options.traceSink }),
  });
  await sim.setUp();
  let at = sim.now;
  for (const step of schedule.steps) {
    at += step.afterMs;
    if (!(await sim.runUntil(at))) break;
    sim.note(`schedule: ${describeClusterFault(step.fault)}`);
    applyClusterFault(sim, step.fault);
  }
  const healedAt = at + CLUSTER_HEAL_AFTER_LAST_FAULT_MS;
  if (await sim.runUntil(healedAt)) {
    sim.healAll();
    if (await sim.runUntil(healedAt + CLUSTER_PRODUCE_AFTER_HEAL_MS)) {
      sim.producer.stop();
      const stoppedAt = sim.now;
      const settled = await sim.runUntilTrue(() => unsettled(sim).length === 0, stoppedAt + CLUSTER_SETTLE_WITHIN_MS);
      if (settled) for (const v of checkSettled(sim)) sim.reportViolation(v);
      else if (!sim.violated) sim.reportViolation({ invariant: 'settlesAfterHeal', message: `not settled ${CLUSTER_SETTLE_WITHIN_MS}ms after the heal: ${unsettled(sim).join('; ')}` });
    }
  }
  options.inspect?.(sim);
  return { violations: sim.violations, events: sim.ms.sim.events, simulatedMs: sim.now, healedAt, coverage: sim.coverage(), trace: sim.ms.sim.trace.recent() };
}

/** Plays one fault now, resolving "the active controller", "the leader of p" and broker indexes against the run. */
export function applyClusterFault(sim: ClusterSimulation, fault: ClusterFault): void {
  const broker = (index: number): number => sim.brokerIds[index % sim.brokerIds.length]!;
  switch (fault.kind) {
    case 'crashActiveController':
      sim.crashActiveController(fault.restartAfterMs);
      return;
    case 'resignController':
      sim.resignController();
      return;
    case 'crashBroker':
      sim.crash(broker(fault.broker), fault.restartAfterMs);
      return;
    case 'crashLeader':
      sim.crashLeaderOf(fault.partition, fault.restartAfterMs);
      return;
    case 'isolateController': {
      const active = sim.ms.activeController();
      const target = fault.active ? active : sim.controllerIds.find((id) => id !== active);
      if (target !== null && target !== undefined) sim.isolate(target, fault.forMs);
      return;
    }
    case 'isolateBroker':
      sim.isolate(broker(fault.broker), fault.forMs);
      return;
    case 'isolateLeader': {
      const leader = sim.leaderOf(fault.partition);
      if (leader !== null) sim.isolate(leader, fault.forMs);
      return;
    }
    case 'split': {
      // One controller and one broker on one side (which ones: `side`), the rest on the other.
      const controller = sim.controllerIds[fault.side % sim.controllerIds.length]!;
      const brokerId = broker(Math.floor(fault.side / sim.controllerIds.length));
      const all = [...sim.controllerIds, ...sim.brokerIds];
      sim.partitionNetwork([[controller, brokerId], all.filter((id) => id !== controller && id !== brokerId)], fault.forMs);
      return;
    }
    case 'lossy':
      sim.setLinkRule({ dropRate: fault.dropRate, duplicateRate: 0, minDelayMs: 1, maxDelayMs: fault.maxDelayMs }, fault.forMs);
      return;
    case 'failFsync':
      sim.failNextFsync(broker(fault.broker), fault.restartAfterMs);
      return;
  }
}
