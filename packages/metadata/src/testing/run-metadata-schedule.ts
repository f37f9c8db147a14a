import type { NodeId } from '@kz/raft';
import type { RunCoverage, Violation } from '@kz/raft/testing';
import type { ControllerRequest } from '../controller/controller-requests';
import { adminRequest, describeMetadataFault, leaderlessWithActiveIsr, type MetadataFault, type MetadataSchedule } from './metadata-schedule';
import { BROKERS_UNFENCED_WITHIN_MS, CONTROLLER_ACTIVE_WITHIN_MS, NODES_CAUGHT_UP_WITHIN_MS, PARTITIONS_LED_WITHIN_MS } from './metadata-liveness';
import { MetadataSimulation } from './metadata-simulation';
import { isActive } from '../image/broker-registration';
import { ADMIN_DEFAULTS } from './sim-admin';

/** What a run exercised, beyond Raft's coverage: a run that never fails over proves little about failover. */
export interface MetadataCoverage extends RunCoverage {
  /** Controllers that became active (the first one included). */
  readonly activations: number;
  /** Controllers that renounced with requests still waiting (failed with NOT_CONTROLLER). */
  readonly renouncedWithPending: number;
  /** Brokers fenced by a session timeout. */
  readonly sessionFencings: number;
  readonly adminOperations: number;
  /** Admin operations that needed more than one attempt. */
  readonly adminRetried: number;
  /** Successful controller replies, by request kind. */
  readonly okReplies: Readonly<Record<string, number>>;
  /** Error replies, by Kafka error name. */
  readonly errorReplies: Readonly<Record<string, number>>;
  /** Per-item errors inside successful replies (a partition's AlterPartition refused as stale, say), by name. */
  readonly itemErrors: Readonly<Record<string, number>>;
  /** KIP-966: committed records that made a replica an eligible leader, and leaders elected from the ELR (or as the last known leader). */
  readonly eligibleLeaderEntries: number;
  readonly eligibleElections: number;
}

export interface MetadataScheduleOutcome {
  readonly violations: readonly Violation[];
  readonly events: number;
  readonly simulatedMs: number;
  readonly healedAt: number;
  /** ms from the heal to an active controller; null if none came in time. */
  readonly controllerActiveAfterHealMs: number | null;
  /** ms from then until every live broker was unfenced; null if not in time. */
  readonly brokersUnfencedAfterMs: number | null;
  /** ms from then until every partition with an active ISR member had a leader; null if not in time. */
  readonly partitionsLedAfterMs: number | null;
  readonly coverage: MetadataCoverage;
  /** The last narrated lines, for a failure report. */
  readonly trace: readonly string[];
}

export interface MetadataRunOptions {
  readonly traceSink?: (line: string) => void;
  /** Called with the simulation when the run is over (to look at what it ended with). */
  readonly inspect?: (ms: MetadataSimulation) => void;
}

/** When the setup topics are created (brokers are unfenced by then), and the faults start. */
export const SETUP_AT_MS = 4000;
/** Quiet time after the last fault before the heal. */
const SETTLE_BEFORE_HEAL_MS = 1000;

/** Builds the simulation a schedule describes. */
export function metadataSimulationFor(schedule: MetadataSchedule, options: MetadataRunOptions = {}): MetadataSimulation {
  return new MetadataSimulation({
    seed: schedule.seed,
    controllers: schedule.controllers,
    brokers: schedule.brokers,
    snapshotEveryBytes: schedule.snapshotEveryBytes,
    deliveriesPerTurn: schedule.deliveriesPerTurn,
    syncLatencyMs: { min: 1, max: schedule.syncLatencyMaxMs },
    controller: { noOpIntervalMs: schedule.noOpIntervalMs },
    broker: { alterPartitionChance: schedule.alterPartitionChance },
    ...(options.traceSink === undefined ? {} : { traceSink: options.traceSink }),
  });
}

/**
 * Runs one schedule: boots the quorum and the brokers, creates two topics, plays the faults at their
 * times (every invariant checked after every event), then heals everything — links restored and
 * calm, every node restarted — and checks liveness within the bounds of metadata-liveness.ts: an
 * active controller, every live broker unfenced, every partition with an active ISR member led,
 * every node caught up, and every admin operation answered.
 */
export async function runMetadataSchedule(schedule: MetadataSchedule, options: MetadataRunOptions = {}): Promise<MetadataScheduleOutcome> {
  const ms = metadataSimulationFor(schedule, options);
  await ms.start();
  ms.schedule(SETUP_AT_MS, 'setup topics', () => {
    ms.admin.submit({
      kind: 'createTopics',
      body: {
        topics: [
          { name: 'topic-0', numPartitions: 3, replicationFactor: 3 },
          { name: 'topic-1', numPartitions: 2, replicationFactor: 2 },
        ],
      },
    });
  });
  let at = SETUP_AT_MS;
  for (const step of schedule.steps) {
    at += step.afterMs;
    ms.schedule(at, describeMetadataFault(step.fault), () => {
      ms.trace(`fault: ${describeMetadataFault(step.fault)}`);
      applyMetadataFault(ms, step.fault);
    });
  }
  const healedAt = at + SETTLE_BEFORE_HEAL_MS;
  ms.schedule(healedAt, 'heal everything', () => {
    ms.trace('fault: heal everything');
    ms.healNetwork();
    for (const id of ms.sim.nodeIds) ms.restart(id);
  });
  await ms.runUntil(healedAt);

  let controllerActiveAfterHealMs: number | null = null;
  let brokersUnfencedAfterMs: number | null = null;
  let partitionsLedAfterMs: number | null = null;
  if (!ms.violated) {
    if (!(await ms.runUntilTrue(() => ms.activeController() !== null, healedAt + CONTROLLER_ACTIVE_WITHIN_MS))) {
      if (!ms.violated) ms.reportViolation('livenessControllerActive', `no active controller within ${CONTROLLER_ACTIVE_WITHIN_MS}ms of the heal`);
    } else {
      controllerActiveAfterHealMs = ms.now - healedAt;
      // Every broker: one stopped by a controlled shutdown before the heal comes back (a rolling restart).
      brokersUnfencedAfterMs = await within(ms, () => ms.brokerIds.every((id) => ms.broker(id) !== null) && ms.liveBrokersUnfenced(), BROKERS_UNFENCED_WITHIN_MS, 'livenessBrokersUnfenced', () => `brokers not unfenced: ${describeBrokers(ms)}`);
      if (brokersUnfencedAfterMs !== null) {
        partitionsLedAfterMs = await within(ms, () => leaderless(ms) === 0, PARTITIONS_LED_WITHIN_MS, 'livenessPartitionsLed', () => `${leaderless(ms)} partition(s) with an active ISR member have no leader`);
      }
      if (partitionsLedAfterMs !== null) {
        const target = ms.committed.nextOffset;
        await within(ms, () => ms.sim.nodes.every((n) => !n.up || n.appliedOffset >= target), NODES_CAUGHT_UP_WITHIN_MS, 'livenessNodesCaughtUp', () =>
          `not caught up to ${target}: ${ms.sim.nodes.filter((n) => n.appliedOffset < target).map((n) => `node ${n.id} at ${n.appliedOffset}`).join(', ')}`,
        );
        const adminBound = 2 * (ADMIN_DEFAULTS.requestTimeoutMs + ADMIN_DEFAULTS.retryBackoffMs) + PARTITIONS_LED_WITHIN_MS;
        await within(ms, () => ms.admin.operations.every((op) => op.done), adminBound, 'livenessAdminAnswered', () =>
          `admin operations never answered: ${ms.admin.operations.filter((op) => !op.done).map((op) => `#${op.id} ${op.request.kind}`).join(', ')}`,
        );
      }
    }
  }
  options.inspect?.(ms);
  return {
    violations: ms.violations,
    events: ms.sim.events,
    simulatedMs: ms.now,
    healedAt,
    controllerActiveAfterHealMs,
    brokersUnfencedAfterMs,
    partitionsLedAfterMs,
    coverage: metadataCoverage(ms),
    trace: ms.sim.trace.recent(80),
  };
}

/** Runs until `condition` holds, reporting `invariant` if it does not within `boundMs`; returns how long it took. */
async function within(ms: MetadataSimulation, condition: () => boolean, boundMs: number, invariant: string, explain: () => string): Promise<number | null> {
  const start = ms.now;
  if (await ms.runUntilTrue(condition, start + boundMs)) return ms.now - start;
  if (!ms.violated) ms.reportViolation(invariant, `${explain()} within ${boundMs}ms`);
  return null;
}

function leaderless(ms: MetadataSimulation): number {
  const image = ms.committed.image;
  const active = (id: NodeId): boolean => isActive(image.brokers.get(id)) && ms.broker(id) !== null;
  let count = 0;
  for (const topic of image.topicsById.values()) count += leaderlessWithActiveIsr(topic.partitions, active);
  return count;
}

function describeBrokers(ms: MetadataSimulation): string {
  return ms.brokerIds
    .map((id) => {
      const broker = ms.broker(id);
      const registered = ms.committed.image.brokers.get(id);
      const committed =
        registered === undefined
          ? 'unregistered'
          : `${registered.incarnationId}@${registered.epoch}${registered.fenced ? ' fenced' : ''}${registered.inControlledShutdown ? ' in controlled shutdown' : ''}`;
      return `broker ${id}: ${broker === null ? 'down' : `${broker.incarnationId} ${broker.phase}`} (committed: ${committed})`;
    })
    .join('; ');
}

/** The active controller, or failing that the Raft leader, or null. */
function controllerNow(ms: MetadataSimulation): NodeId | null {
  return ms.activeController() ?? ms.sim.leader();
}

export function applyMetadataFault(ms: MetadataSimulation, fault: MetadataFault): void {
  const nodeIds = ms.sim.nodeIds;
  const id = (index: number): NodeId => nodeIds[index % nodeIds.length]!;
  const brokerId = (index: number): NodeId => ms.brokerIds[index % ms.brokerIds.length]!;
  switch (fault.kind) {
    case 'crash':
      return ms.crash(id(fault.node));
    case 'crashController': {
      const controller = controllerNow(ms);
      if (controller !== null) ms.crash(controller);
      return;
    }
    case 'restart':
      return ms.restart(id(fault.node));
    case 'bounceBroker': {
      const broker = brokerId(fault.broker);
      ms.crash(broker);
      ms.schedule(ms.now + fault.downMs, `restart broker ${broker}`, () => ms.restart(broker));
      return;
    }
    case 'partition': {
      const side = nodeIds.filter((_, i) => (fault.sides >> i) & 1);
      const rest = nodeIds.filter((n) => !side.includes(n));
      if (side.length > 0 && rest.length > 0) ms.partition([side, rest]);
      return;
    }
    case 'isolateController': {
      const controller = controllerNow(ms);
      if (controller !== null) ms.isolate(controller, fault.direction);
      return;
    }
    case 'isolateBroker':
      return ms.isolate(brokerId(fault.broker), fault.direction);
    case 'heal':
      return ms.healNetwork();
    case 'network': {
      const link = fault.link === null ? undefined : { from: id(fault.link.from), to: id(fault.link.to) };
      if (link !== undefined && link.from === link.to) return;
      return ms.setLinkRule(fault.rule, link);
    }
    case 'resignController':
      return ms.sim.resignLeader();
    case 'admin':
      ms.admin.submit(adminRequest(fault.step, adminContext(ms)));
      return;
    case 'adminThenCrash': {
      const controller = controllerNow(ms);
      ms.admin.submit(adminRequest(fault.step, adminContext(ms)), controller ?? undefined);
      if (controller !== null) ms.schedule(ms.now + fault.delayMs, `crash controller ${controller}`, () => ms.crash(controller));
      return;
    }
    case 'zombie': {
      const broker = brokerId(fault.broker);
      const current = ms.committed.image.brokers.get(broker);
      if (current === undefined || current.epoch === 0) return;
      // The newest registration before the current one: the process that came before a restart. A
      // broker registered only once has no such past; it gets an epoch it never had (a stranger's).
      const stale = ms.committed.registrationsOf(broker).filter((r) => r.brokerEpoch < current.epoch);
      const old = stale[stale.length - 1];
      const epoch = old?.brokerEpoch ?? current.epoch - 1;
      const to = controllerNow(ms) ?? ms.controllerIds[0]!;
      ms.trace(`zombie: broker ${broker} (${old === undefined ? 'an epoch it never had' : `old incarnation ${old.incarnationId}`}) sends a ${fault.request} with broker epoch ${epoch}; it is registered at ${current.epoch}`);
      ms.send(broker, to, zombieRequest(ms, broker, epoch, fault.request));
      return;
    }
    case 'allocateProducerIds': {
      const broker = brokerId(fault.broker);
      const epoch = ms.broker(broker)?.brokerEpoch ?? null;
      const to = controllerNow(ms);
      if (epoch === null || to === null) return;
      ms.send(broker, to, { kind: 'allocateProducerIds', body: { brokerId: broker, brokerEpoch: epoch } });
      return;
    }
    case 'controlledShutdown':
      ms.broker(brokerId(fault.broker))?.requestShutDown();
      return;
  }
}

function zombieRequest(ms: MetadataSimulation, broker: NodeId, brokerEpoch: number, kind: 'brokerHeartbeat' | 'alterPartition'): ControllerRequest {
  if (kind === 'brokerHeartbeat') {
    return { kind, body: { brokerId: broker, brokerEpoch, currentMetadataOffset: ms.committed.image.offset, wantFence: false, wantShutDown: false } };
  }
  // The zombie believes it still leads a partition it once led (or any): it asks to shrink the ISR to itself.
  const image = ms.committed.image;
  for (const topic of image.topicsById.values()) {
    for (let partitionId = 0; partitionId < topic.partitions.length; partitionId++) {
      const p = topic.partitions[partitionId]!;
      if (!p.replicas.includes(broker)) continue;
      return {
        kind,
        body: { brokerId: broker, brokerEpoch, partitions: [{ topicId: topic.id, partitionId, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [broker] }] },
      };
    }
  }
  return { kind, body: { brokerId: broker, brokerEpoch, partitions: [] } };
}

function adminContext(ms: MetadataSimulation): { partitions(topic: string): number | undefined; readonly brokers: readonly NodeId[] } {
  const image = ms.committed.image;
  return { partitions: (topic) => image.topic(topic)?.partitions.length, brokers: ms.brokerIds };
}

export function metadataCoverage(ms: MetadataSimulation): MetadataCoverage {
  const count = (kind: string): number => ms.events.filter((e) => e.event.kind === kind).length;
  return {
    ...ms.sim.coverage(),
    activations: count('activated'),
    renouncedWithPending: ms.events.filter((e) => e.event.kind === 'renounced' && e.event.failed > 0).length,
    sessionFencings: count('fenced'),
    adminOperations: ms.admin.operations.length,
    adminRetried: ms.admin.operations.filter((op) => op.attempts.length > 1).length,
    okReplies: Object.fromEntries(ms.replyCounts.ok),
    errorReplies: Object.fromEntries(ms.replyCounts.errors),
    itemErrors: Object.fromEntries(ms.replyCounts.itemErrors),
    eligibleLeaderEntries: ms.memory.walk.eligibleLeaderEntries,
    eligibleElections: ms.memory.walk.eligibleElections,
  };
}
