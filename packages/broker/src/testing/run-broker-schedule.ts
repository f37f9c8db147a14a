/**
 * Runs one fault schedule: sets the cluster up (topic created, producer and consumers running),
 * plays the faults at their times with every invariant checked after every event, heals everything
 * (links, stalls, crashed brokers restart), keeps producing a little longer, stops the producer, and
 * requires the cluster to settle within SETTLE_WITHIN_MS — then runs the settled checks.
 */
import type { Violation } from '@kz/raft/testing';
import type { BrokerId } from '@kz/metadata';
import { BrokerSimulation } from './broker-simulation';
import type { BrokerNodeSettings } from './sim-broker-process';
import { describeBrokerFault, type BrokerFault, type BrokerSchedule } from './broker-schedule';
import { checkSettled, unsettled } from './settled-checks';

/** After the heal the producer keeps going this long, so that the healed cluster takes writes too. */
export const PRODUCE_AFTER_HEAL_MS = 2000;
/** Quiet time after the last fault's start before the heal. */
export const HEAL_AFTER_LAST_FAULT_MS = 3000;
/** The healed cluster must settle within this (sessions, elections, catch-up, ISR expansion). */
export const SETTLE_WITHIN_MS = 30_000;

export interface BrokerCoverage {
  readonly acknowledged: number;
  readonly consumed: number;
  readonly batchesLostInCrashes: number;
  readonly faults: Readonly<Record<string, number>>;
  /** ReplicaManager log lines by message: leaderships, ISR changes, truncations. */
  readonly managerLogs: Readonly<Record<string, number>>;
  /** AlterPartition items by answer: NONE, or the error code (REQUEST_TIMED_OUT when none came in time). */
  readonly alterPartitionAnswers: Readonly<Record<string, number>>;
  /** Producer retries by reason (Kafka error name, CLIENT_TIMEOUT, NO_KNOWN_LEADER). */
  readonly producerErrors: Readonly<Record<string, number>>;
  /** DeleteRecords answers by Kafka error name, and consumers moved up to a log start. */
  readonly deleteRecordsAnswers: Readonly<Record<string, number>>;
  readonly consumerSkips: number;
}

export interface BrokerScheduleOutcome {
  readonly violations: readonly Violation[];
  readonly events: number;
  readonly simulatedMs: number;
  readonly healedAt: number;
  /** ms from the producer's stop to a settled cluster; null if it did not settle in time. */
  readonly settledAfterMs: number | null;
  readonly coverage: BrokerCoverage;
  readonly trace: readonly string[];
}

export interface BrokerRunOptions {
  readonly traceSink?: (line: string) => void;
  /** Broker settings over the defaults (a different flush discipline, say). */
  readonly broker?: Partial<BrokerNodeSettings>;
  /** Called with the simulation when the run is over. */
  readonly inspect?: (sim: BrokerSimulation) => void;
}

export async function runBrokerSchedule(schedule: BrokerSchedule, options: BrokerRunOptions = {}): Promise<BrokerScheduleOutcome> {
  const sim = new BrokerSimulation({
    seed: schedule.seed,
    partitions: schedule.partitions,
    producer: { intervalMs: schedule.produceIntervalMs, maxInFlight: schedule.producerInFlight },
    broker: { fsyncMaxMs: schedule.fsyncMaxMs, metadataApplyDelayMaxMs: schedule.metadataDelayMaxMs, ...options.broker },
    tornWriteRate: schedule.tornWriteRate,
    ...(options.traceSink === undefined ? {} : { traceSink: options.traceSink }),
  });
  await sim.setUp();
  let at = sim.now;
  for (const step of schedule.steps) {
    at += step.afterMs;
    if (!(await sim.runUntil(at))) break;
    sim.note(`schedule: ${describeBrokerFault(step.fault)}`);
    applyBrokerFault(sim, step.fault);
  }
  const healedAt = at + HEAL_AFTER_LAST_FAULT_MS;
  let settledAfterMs: number | null = null;
  if (await sim.runUntil(healedAt)) {
    sim.healAll();
    if (await sim.runUntil(healedAt + PRODUCE_AFTER_HEAL_MS)) {
      sim.producer.stop();
      const stoppedAt = sim.now;
      const settled = await sim.runUntilTrue(() => unsettled(sim).length === 0, stoppedAt + SETTLE_WITHIN_MS);
      if (settled) {
        settledAfterMs = sim.now - stoppedAt;
        for (const v of checkSettled(sim)) sim.reportViolation(v);
      } else if (!sim.violated) {
        sim.reportViolation({ invariant: 'settlesAfterHeal', message: `not settled ${SETTLE_WITHIN_MS}ms after the heal: ${unsettled(sim).join('; ')}` });
      }
    }
  }
  options.inspect?.(sim);
  return {
    violations: sim.violations,
    events: sim.events,
    simulatedMs: sim.now,
    healedAt,
    settledAfterMs,
    coverage: coverageOf(sim),
    trace: sim.trace.recent(),
  };
}

/** Plays one fault now; "the leader of partition p" is whoever the committed image names. */
export function applyBrokerFault(sim: BrokerSimulation, fault: BrokerFault): void {
  const leaderOf = (partition: number): BrokerId | null => {
    const topicId = sim.topicId;
    const registration = topicId === null ? undefined : sim.image.partition(topicId, partition % sim.partitions);
    return registration === undefined || registration.leader < 0 ? null : registration.leader;
  };
  const crash = (id: BrokerId | null, restartAfterMs: number | null): void => {
    if (id === null || sim.node(id) === null) return;
    sim.crash(id);
    if (restartAfterMs !== null) sim.schedule(sim.now + restartAfterMs, `broker ${id} restarts`, () => sim.restart(id));
  };
  switch (fault.kind) {
    case 'crash':
      crash(fault.broker, fault.restartAfterMs);
      return;
    case 'crashLeader':
      crash(leaderOf(fault.partition), fault.restartAfterMs);
      return;
    case 'isolate':
      sim.isolate(fault.broker, fault.scope, fault.forMs);
      return;
    case 'isolateLeader': {
      const leader = leaderOf(fault.partition);
      if (leader !== null) sim.isolate(leader, fault.scope, fault.forMs);
      return;
    }
    case 'cutLink':
      sim.cutBetween(fault.a, fault.b, fault.forMs);
      return;
    case 'stall':
      sim.stallFetchers(fault.broker, fault.forMs);
      return;
    case 'lossy':
      sim.setLinkRule({ dropRate: fault.dropRate, duplicateRate: 0, minDelayMs: 1, maxDelayMs: fault.maxDelayMs }, fault.forMs);
      return;
    case 'reassign':
      sim.reassign(fault.partition, fault.replicas);
      return;
    case 'deleteRecords': {
      if (fault.consumerBehindMs === 0) {
        sim.deleteRecords(fault.partition, fault.fraction);
        return;
      }
      const at = sim.now + fault.consumerBehindMs;
      sim.consumers.pause(fault.partition % sim.partitions, at + 500);
      sim.schedule(at, 'delete records', () => sim.deleteRecords(fault.partition, fault.fraction));
      return;
    }
    case 'failFsync':
      sim.failNextFsync(fault.broker, fault.restartAfterMs);
      return;
    case 'crashFlippingBit': {
      const crashed = sim.crashFlippingBit(fault.partition, fault.where, fault.at);
      if (crashed !== null && fault.restartAfterMs !== null) sim.schedule(sim.now + fault.restartAfterMs, `broker ${crashed} restarts`, () => sim.restart(crashed));
      return;
    }
  }
}

function coverageOf(sim: BrokerSimulation): BrokerCoverage {
  let lost = 0;
  const topicId = sim.topicId;
  if (topicId !== null) {
    for (const id of sim.brokerIds) for (let p = 0; p < sim.partitions; p++) lost += sim.disk(id).log(topicId, p)?.lostOnCrash ?? 0;
  }
  return {
    acknowledged: sim.records.ackedCount,
    consumed: sim.records.consumedCount,
    batchesLostInCrashes: lost,
    faults: Object.fromEntries(sim.faults),
    managerLogs: Object.fromEntries(sim.managerLogs),
    alterPartitionAnswers: Object.fromEntries(sim.alterPartitionAnswers),
    producerErrors: Object.fromEntries(sim.producer.stats.errors),
    deleteRecordsAnswers: Object.fromEntries(sim.deleteRecordsAnswers),
    consumerSkips: sim.consumers.stats.skips,
  };
}
