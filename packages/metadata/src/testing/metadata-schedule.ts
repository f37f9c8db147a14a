import type { NodeId } from '@kz/raft';
import { MAX_SYNC_LATENCY_MS, type IsolationDirection, type LinkRule } from '@kz/raft/testing';
import fc from 'fast-check';
import type { ControllerRequest } from '../controller/controller-requests';
import { NO_LEADER } from '../records/metadata-record';

/** Topic names come from a small pool, so creates, deletes and re-creates collide. */
export const TOPIC_POOL = 5;

export function topicName(index: number): string {
  return `topic-${index % TOPIC_POOL}`;
}

/**
 * An admin operation as a schedule names it; it is turned into a request when it fires, against the
 * committed image of that moment (which partitions exist, which brokers are registered).
 */
export type AdminStep =
  | { readonly op: 'createTopic'; readonly topic: number; readonly partitions: number; readonly replicationFactor: number; readonly unclean: boolean }
  | { readonly op: 'deleteTopic'; readonly topic: number }
  | { readonly op: 'createPartitions'; readonly topic: number; readonly add: number }
  | { readonly op: 'electLeaders'; readonly type: 'preferred' | 'unclean'; readonly topic: number | null }
  /** Bit i of `brokers` puts the i-th broker in the target. */
  | { readonly op: 'reassign'; readonly topic: number; readonly partition: number; readonly brokers: number }
  | { readonly op: 'cancelReassignment'; readonly topic: number; readonly partition: number }
  | { readonly op: 'alterConfig'; readonly scope: 'topic' | 'cluster'; readonly topic: number; readonly key: ConfigKey; readonly value: number };

export type ConfigKey = 'unclean.leader.election.enable' | 'min.insync.replicas' | 'auto.leader.rebalance.enable' | 'leader.imbalance.check.interval.seconds';

/**
 * One scripted event. Nodes are named by index (controllers, then brokers) and taken modulo the
 * cluster size, so a schedule shrinks and replays the same whatever the size; "controller" faults
 * pick the active controller when they fire.
 */
export type MetadataFault =
  | { readonly kind: 'crash'; readonly node: number }
  | { readonly kind: 'crashController' }
  | { readonly kind: 'restart'; readonly node: number }
  /** Crash a broker and restart it `downMs` later: it registers again as a new incarnation. */
  | { readonly kind: 'bounceBroker'; readonly broker: number; readonly downMs: number }
  /** Bit i of `sides` puts node i on one side, the rest on the other. */
  | { readonly kind: 'partition'; readonly sides: number }
  | { readonly kind: 'isolateController'; readonly direction: IsolationDirection }
  | { readonly kind: 'isolateBroker'; readonly broker: number; readonly direction: IsolationDirection }
  | { readonly kind: 'heal' }
  | { readonly kind: 'network'; readonly rule: LinkRule; readonly link: { readonly from: number; readonly to: number } | null }
  | { readonly kind: 'resignController' }
  | { readonly kind: 'admin'; readonly step: AdminStep }
  /** An admin operation, then the active controller crashes `delayMs` later: mid-operation. */
  | { readonly kind: 'adminThenCrash'; readonly step: AdminStep; readonly delayMs: number }
  /** A request with an old broker epoch of this broker (a zombie), if it ever had one. */
  | { readonly kind: 'zombie'; readonly broker: number; readonly request: 'brokerHeartbeat' | 'alterPartition' }
  | { readonly kind: 'allocateProducerIds'; readonly broker: number }
  | { readonly kind: 'controlledShutdown'; readonly broker: number };

export interface TimedMetadataFault {
  /** Simulated ms after the previous step (or the start). */
  readonly afterMs: number;
  readonly fault: MetadataFault;
}

export interface MetadataSchedule {
  readonly controllers: 3 | 5;
  readonly brokers: number;
  /** Seeds every random choice inside the run. */
  readonly seed: number;
  /** Nodes snapshot their image once this many bytes were committed since the last snapshot. */
  readonly snapshotEveryBytes: number;
  /** Committed batches a node hands its loader per turn before the rest waits (Infinity: all). */
  readonly deliveriesPerTurn: number;
  readonly syncLatencyMaxMs: number;
  /** metadata.max.idle.interval.ms: how often the active controller writes a NoOp. */
  readonly noOpIntervalMs: number;
  /** The chance a broker leading a partition asks to shrink or expand its ISR at a heartbeat. */
  readonly alterPartitionChance: number;
  readonly steps: readonly TimedMetadataFault[];
}

export interface MetadataScheduleOptions {
  readonly controllers?: 3 | 5 | undefined;
  readonly maxSteps?: number;
}

const nodeIndex = fc.integer({ min: 0, max: 7 });
const brokerIndex = fc.integer({ min: 0, max: 3 });
const topicIndex = fc.integer({ min: 0, max: TOPIC_POOL - 1 });
const direction = fc.constantFrom<IsolationDirection>('both', 'inbound', 'outbound');

const linkRule: fc.Arbitrary<LinkRule> = fc
  .record({
    drop: fc.integer({ min: 0, max: 30 }),
    duplicate: fc.integer({ min: 0, max: 20 }),
    minDelay: fc.integer({ min: 0, max: 20 }),
    spread: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 50 }) },
      { weight: 3, arbitrary: fc.integer({ min: 50, max: 600 }) },
      { weight: 1, arbitrary: fc.integer({ min: 600, max: 2500 }) },
    ),
  })
  .map(({ drop, duplicate, minDelay, spread }) => ({ dropRate: drop / 100, duplicateRate: duplicate / 100, minDelayMs: minDelay, maxDelayMs: minDelay + spread }));

const configKey = fc.constantFrom<ConfigKey>('unclean.leader.election.enable', 'min.insync.replicas', 'auto.leader.rebalance.enable', 'leader.imbalance.check.interval.seconds');

export const adminStepArbitrary: fc.Arbitrary<AdminStep> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('createTopic' as const),
      topic: topicIndex,
      partitions: fc.integer({ min: 1, max: 4 }),
      replicationFactor: fc.integer({ min: 1, max: 3 }),
      unclean: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteTopic' as const), topic: topicIndex }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('createPartitions' as const), topic: topicIndex, add: fc.integer({ min: 1, max: 2 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('electLeaders' as const), type: fc.constantFrom<'preferred' | 'unclean'>('preferred', 'unclean'), topic: fc.option(topicIndex) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('reassign' as const), topic: topicIndex, partition: fc.integer({ min: 0, max: 3 }), brokers: fc.integer({ min: 1, max: 15 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancelReassignment' as const), topic: topicIndex, partition: fc.integer({ min: 0, max: 3 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('alterConfig' as const),
      scope: fc.constantFrom<'topic' | 'cluster'>('topic', 'cluster'),
      topic: topicIndex,
      key: configKey,
      value: fc.integer({ min: 0, max: 1 }),
    }),
  },
);

const faultArbitrary: fc.Arbitrary<MetadataFault> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('admin' as const), step: adminStepArbitrary }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('adminThenCrash' as const), step: adminStepArbitrary, delayMs: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('crash' as const), node: nodeIndex }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('crashController' as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('restart' as const), node: nodeIndex }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bounceBroker' as const), broker: brokerIndex, downMs: fc.integer({ min: 0, max: 8000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('partition' as const), sides: fc.integer({ min: 1, max: 254 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('isolateController' as const), direction }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('isolateBroker' as const), broker: brokerIndex, direction }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('heal' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('network' as const), rule: linkRule, link: fc.option(fc.record({ from: nodeIndex, to: nodeIndex }), { freq: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resignController' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('zombie' as const), broker: brokerIndex, request: fc.constantFrom<'brokerHeartbeat' | 'alterPartition'>('brokerHeartbeat', 'alterPartition') }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('allocateProducerIds' as const), broker: brokerIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('controlledShutdown' as const), broker: brokerIndex }) },
);

const timedFault: fc.Arbitrary<TimedMetadataFault> = fc.record({
  afterMs: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 500 }) }, { weight: 2, arbitrary: fc.integer({ min: 500, max: 4000 }) }),
  fault: faultArbitrary,
});

/** A fast-check arbitrary of whole metadata fault schedules. */
export function metadataScheduleArbitrary(options: MetadataScheduleOptions = {}): fc.Arbitrary<MetadataSchedule> {
  return fc.record({
    controllers: options.controllers !== undefined ? fc.constant(options.controllers) : fc.constant<3 | 5>(3),
    brokers: fc.integer({ min: 3, max: 4 }),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    snapshotEveryBytes: fc.integer({ min: 500, max: 6000 }),
    deliveriesPerTurn: fc.constantFrom(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 2, 8),
    syncLatencyMaxMs: fc.integer({ min: 1, max: MAX_SYNC_LATENCY_MS }),
    noOpIntervalMs: fc.constantFrom(500, 1000, 2000),
    alterPartitionChance: fc.constantFrom(0.1, 0.3, 0.6),
    steps: fc.array(timedFault, { maxLength: options.maxSteps ?? 24, size: 'max' }),
  });
}

/** A short human-readable form of a fault, for the trace and failure reports. */
export function describeMetadataFault(f: MetadataFault): string {
  switch (f.kind) {
    case 'crash':
    case 'restart':
      return `${f.kind} node#${f.node}`;
    case 'partition':
      return `partition sides=${f.sides.toString(2)}`;
    case 'isolateController':
      return `isolate the controller (${f.direction})`;
    case 'isolateBroker':
      return `isolate broker#${f.broker} (${f.direction})`;
    case 'bounceBroker':
      return `crash broker#${f.broker}, restart it ${f.downMs}ms later`;
    case 'network': {
      const where = f.link === null ? 'every link' : `link node#${f.link.from} -> node#${f.link.to}`;
      return `${where}: drop=${f.rule.dropRate} dup=${f.rule.duplicateRate} delay=${f.rule.minDelayMs}-${f.rule.maxDelayMs}ms`;
    }
    case 'admin':
      return `admin ${describeAdminStep(f.step)}`;
    case 'adminThenCrash':
      return `admin ${describeAdminStep(f.step)}, then crash the controller ${f.delayMs}ms later`;
    case 'zombie':
      return `zombie ${f.request} from an old epoch of broker#${f.broker}`;
    case 'allocateProducerIds':
      return `broker#${f.broker} allocates producer ids`;
    case 'controlledShutdown':
      return `controlled shutdown of broker#${f.broker}`;
    default:
      return f.kind;
  }
}

export function describeAdminStep(step: AdminStep): string {
  switch (step.op) {
    case 'createTopic':
      return `create ${topicName(step.topic)} (${step.partitions} partitions, rf ${step.replicationFactor}${step.unclean ? ', unclean' : ''})`;
    case 'deleteTopic':
      return `delete ${topicName(step.topic)}`;
    case 'createPartitions':
      return `add ${step.add} partition(s) to ${topicName(step.topic)}`;
    case 'electLeaders':
      return `elect ${step.type} leaders of ${step.topic === null ? 'everything' : topicName(step.topic)}`;
    case 'reassign':
      return `reassign ${topicName(step.topic)}-${step.partition} to broker set ${step.brokers.toString(2)}`;
    case 'cancelReassignment':
      return `cancel the reassignment of ${topicName(step.topic)}-${step.partition}`;
    case 'alterConfig':
      return `set ${step.key} of ${step.scope === 'topic' ? topicName(step.topic) : 'the cluster default'} (value #${step.value})`;
  }
}

/** What the committed image says a request may refer to when the step fires. */
export interface AdminContext {
  /** Partition count of a topic by name; undefined if it does not exist. */
  partitions(topic: string): number | undefined;
  readonly brokers: readonly NodeId[];
}

const CONFIG_VALUES: Record<ConfigKey, readonly [string, string]> = {
  'unclean.leader.election.enable': ['false', 'true'],
  'min.insync.replicas': ['1', '2'],
  'auto.leader.rebalance.enable': ['false', 'true'],
  'leader.imbalance.check.interval.seconds': ['2', '30'],
};

/** The controller request for an admin step. */
export function adminRequest(step: AdminStep, context: AdminContext): ControllerRequest {
  const name = topicName(step.topic ?? 0);
  switch (step.op) {
    case 'createTopic':
      return {
        kind: 'createTopics',
        body: { topics: [{ name, numPartitions: step.partitions, replicationFactor: step.replicationFactor, configs: step.unclean ? { 'unclean.leader.election.enable': 'true' } : {} }] },
      };
    case 'deleteTopic':
      return { kind: 'deleteTopics', body: { names: [name] } };
    case 'createPartitions':
      return { kind: 'createPartitions', body: { topics: [{ name, count: (context.partitions(name) ?? 1) + step.add }] } };
    case 'electLeaders': {
      if (step.topic === null) return { kind: 'electLeaders', body: { type: step.type, partitions: null } };
      const count = context.partitions(name) ?? 1;
      return { kind: 'electLeaders', body: { type: step.type, partitions: Array.from({ length: count }, (_, partitionId) => ({ topic: name, partitionId })) } };
    }
    case 'reassign': {
      const replicas = context.brokers.filter((_, i) => (step.brokers >> i) & 1);
      const count = context.partitions(name) ?? 1;
      return { kind: 'alterPartitionReassignments', body: { reassignments: [{ topic: name, partitionId: step.partition % count, replicas }] } };
    }
    case 'cancelReassignment': {
      const count = context.partitions(name) ?? 1;
      return { kind: 'alterPartitionReassignments', body: { reassignments: [{ topic: name, partitionId: step.partition % count, replicas: null }] } };
    }
    case 'alterConfig': {
      const value = CONFIG_VALUES[step.key][step.value % 2]!;
      const resourceName = step.scope === 'topic' ? name : '';
      // Broker-only keys on a topic are refused (INVALID_CONFIG): that path is exercised too.
      return { kind: 'incrementalAlterConfigs', body: { resources: [{ type: step.scope === 'topic' ? 'topic' : 'broker', name: resourceName, changes: [{ name: step.key, op: 'set', value }] }] } };
    }
  }
}

/** Used by the liveness check: a partition that has an active ISR member but no leader. */
export function leaderlessWithActiveIsr(
  partitions: Iterable<{ readonly leader: number; readonly isr: readonly number[] }>,
  active: (id: NodeId) => boolean,
): number {
  let count = 0;
  for (const p of partitions) if (p.leader === NO_LEADER && p.isr.some(active)) count++;
  return count;
}
