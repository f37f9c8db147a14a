import fc from 'fast-check';
import type { IsolationDirection, LinkRule } from './sim-network';
import { MAX_SYNC_LATENCY_MS } from './liveness-bounds';

/**
 * One scripted event of a schedule. Nodes are named by index and taken modulo the number of nodes
 * (voters, then observers), so
 * a schedule shrinks and replays the same whatever the size; "leader" faults pick whoever leads
 * when they fire.
 */
export type Fault =
  /** Power loss; `torn`: the write in progress lands partly, its last batch cut short (see SimDisk). */
  | { readonly kind: 'crash'; readonly node: number; readonly torn: boolean }
  | { readonly kind: 'crashLeader'; readonly torn: boolean }
  | { readonly kind: 'restart'; readonly node: number }
  /** A clean shutdown (RaftNode.stop), and a start again `downMs` later. */
  | { readonly kind: 'stopGracefully'; readonly node: number; readonly downMs: number }
  /** Bit i of `sides` puts node i on one side, the rest on the other. */
  | { readonly kind: 'partition'; readonly sides: number }
  | { readonly kind: 'oneWay'; readonly from: number; readonly to: number }
  | { readonly kind: 'isolateLeader'; readonly direction: IsolationDirection }
  | { readonly kind: 'heal' }
  /** A new rule for every link, or for the one directed link `link` (an asymmetric lossy or slow link). */
  | { readonly kind: 'network'; readonly rule: LinkRule; readonly link: { readonly from: number; readonly to: number } | null }
  | { readonly kind: 'propose'; readonly batches: number; readonly records: number }
  /** `requests` proposals, `spacingMs` apart. */
  | { readonly kind: 'burst'; readonly requests: number; readonly spacingMs: number }
  | { readonly kind: 'resign' }
  /**
   * Propose, then crash the leader or a follower `delayMs` later — inside the window where the
   * batch is appended but not yet synced, so the crash really loses unsynced writes.
   */
  | { readonly kind: 'proposeThenCrash'; readonly victim: 'leader' | 'follower'; readonly delayMs: number; readonly torn: boolean }
  /** `count` linearizable reads (RaftNode.readBarrier) on the node the client believes leads. */
  | { readonly kind: 'read'; readonly count: number }
  /** The node's next fsync fails with EIO: it must halt (a supervisor restarts it). */
  | { readonly kind: 'fsyncError'; readonly node: number }
  /** A bit flips in a batch on the node's disk, then it is power-cycled; `pick` (0-99) chooses the batch. */
  | { readonly kind: 'corruptBatch'; readonly node: number; readonly pick: number }
  // Dynamic voters (KIP-853) only:
  /** The leader is asked to add the node as a voter (refused unless it is a caught-up observer). */
  | { readonly kind: 'addVoter'; readonly node: number }
  /** The leader is asked to remove the node from the voters. */
  | { readonly kind: 'removeVoter'; readonly node: number }
  /** The leader is asked to remove itself: it resigns once that commits. */
  | { readonly kind: 'removeLeader' }
  /** The node's disk is wiped; it starts `downMs` later as a new replica (a new directory id). */
  | { readonly kind: 'wipeDisk'; readonly node: number; readonly downMs: number };

export interface TimedFault {
  /** Simulated ms after the previous step (or the start). */
  readonly afterMs: number;
  readonly fault: Fault;
}

/** A whole run: the cluster, its randomness, and the faults; a final heal phase always follows. */
export interface FaultSchedule {
  readonly nodes: 3 | 5;
  /** Non-voting replicas that follow the log too (KRaft observers, like brokers). */
  readonly observers: number;
  /** Seeds every random choice inside the run (message fates, jitter, sync latency). */
  readonly seed: number;
  /** Nodes snapshot once this many bytes were committed since the last snapshot. */
  readonly snapshotEveryBytes: number;
  /** Committed batches handed to the state machine per turn before the rest waits (Infinity: all). */
  readonly deliveriesPerTurn: number;
  readonly syncLatencyMaxMs: number;
  /** Core settings that change which code paths run (KRaft defaults otherwise). */
  readonly config: ScheduleConfig;
  /** Dynamic voters (KIP-853): `nodes` bootstrap voters, the observers join and may be added. */
  readonly dynamicVoters?: boolean;
  readonly steps: readonly TimedFault[];
}

export interface ScheduleConfig {
  /** Small values split fetch responses into many round trips. */
  readonly fetchMaxBytes: number;
  /** Small values send a snapshot in many FetchSnapshot chunks, racing newer snapshots. */
  readonly snapshotChunkBytes: number;
  /** Above 0, proposals wait to be appended together. */
  readonly appendLingerMs: number;
}

export interface ScheduleArbitraryOptions {
  /** Fix the cluster size; both sizes otherwise. */
  readonly nodes?: 3 | 5 | undefined;
  readonly maxSteps?: number;
  /** Dynamic voters, with membership changes and wiped disks among the faults. */
  readonly membership?: boolean | undefined;
}

const nodeIndex = fc.integer({ min: 0, max: 5 });

const linkRule: fc.Arbitrary<LinkRule> = fc
  .record({
    drop: fc.integer({ min: 0, max: 40 }),
    duplicate: fc.integer({ min: 0, max: 30 }),
    minDelay: fc.integer({ min: 0, max: 20 }),
    // Mostly LAN-like, sometimes slow, rarely slower than a request timeout (stale replies).
    spread: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 50 }) },
      { weight: 3, arbitrary: fc.integer({ min: 50, max: 600 }) },
      { weight: 1, arbitrary: fc.integer({ min: 600, max: 3000 }) },
    ),
  })
  .map(({ drop, duplicate, minDelay, spread }) => ({
    dropRate: drop / 100,
    duplicateRate: duplicate / 100,
    minDelayMs: minDelay,
    maxDelayMs: minDelay + spread,
  }));

const fault: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('propose' as const), batches: fc.integer({ min: 1, max: 3 }), records: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('burst' as const), requests: fc.integer({ min: 2, max: 12 }), spacingMs: fc.integer({ min: 0, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('crash' as const), node: nodeIndex, torn: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('crashLeader' as const), torn: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('restart' as const), node: nodeIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stopGracefully' as const), node: nodeIndex, downMs: fc.integer({ min: 0, max: 2000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('partition' as const), sides: fc.integer({ min: 1, max: 62 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('oneWay' as const), from: nodeIndex, to: nodeIndex }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('isolateLeader' as const), direction: fc.constantFrom<IsolationDirection>('both', 'inbound', 'outbound') }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('heal' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('network' as const),
      rule: linkRule,
      link: fc.option(fc.record({ from: nodeIndex, to: nodeIndex }), { freq: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resign' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('proposeThenCrash' as const),
      victim: fc.constantFrom<'leader' | 'follower'>('leader', 'follower'),
      delayMs: fc.integer({ min: 0, max: 30 }),
      torn: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('read' as const), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fsyncError' as const), node: nodeIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('corruptBatch' as const), node: nodeIndex, pick: fc.integer({ min: 0, max: 99 }) }) },
);

const membershipFault: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('addVoter' as const), node: nodeIndex }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('removeVoter' as const), node: nodeIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeLeader' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wipeDisk' as const), node: nodeIndex, downMs: fc.integer({ min: 0, max: 2000 }) }) },
);

const afterMs = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 400 }) }, { weight: 2, arbitrary: fc.integer({ min: 400, max: 3000 }) });

const timedFault: fc.Arbitrary<TimedFault> = fc.record({ afterMs, fault });

/** Membership schedules: one step in three changes the voters or wipes a disk. */
const timedMembershipFault: fc.Arbitrary<TimedFault> = fc.record({
  afterMs,
  fault: fc.oneof({ weight: 2, arbitrary: fault }, { weight: 1, arbitrary: membershipFault }),
});

/** A fast-check arbitrary of whole fault schedules. */
export function faultScheduleArbitrary(options: ScheduleArbitraryOptions = {}): fc.Arbitrary<FaultSchedule> {
  if (options.membership === true) {
    return fc.record({
      nodes: options.nodes !== undefined ? fc.constant(options.nodes) : fc.constantFrom<3 | 5>(3, 5),
      observers: fc.integer({ min: 1, max: 2 }),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
      snapshotEveryBytes: fc.integer({ min: 150, max: 2500 }),
      deliveriesPerTurn: fc.constantFrom(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 2, 8),
      syncLatencyMaxMs: fc.integer({ min: 1, max: MAX_SYNC_LATENCY_MS }),
      config: fc.record({
        fetchMaxBytes: fc.constantFrom(8 * 1024 * 1024, 4096, 512),
        snapshotChunkBytes: fc.constantFrom(1024 * 1024, 256, 64),
        appendLingerMs: fc.constantFrom(0, 0, 5, 25),
      }),
      dynamicVoters: fc.constant(true),
      steps: fc.array(timedMembershipFault, { maxLength: options.maxSteps ?? 40, size: 'max' }),
    });
  }
  return fc.record({
    nodes: options.nodes !== undefined ? fc.constant(options.nodes) : fc.constantFrom<3 | 5>(3, 5),
    observers: fc.integer({ min: 0, max: 1 }),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    snapshotEveryBytes: fc.integer({ min: 150, max: 2500 }),
    deliveriesPerTurn: fc.constantFrom(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 2, 8),
    syncLatencyMaxMs: fc.integer({ min: 1, max: MAX_SYNC_LATENCY_MS }),
    config: fc.record({
      fetchMaxBytes: fc.constantFrom(8 * 1024 * 1024, 4096, 512),
      snapshotChunkBytes: fc.constantFrom(1024 * 1024, 256, 64),
      appendLingerMs: fc.constantFrom(0, 0, 5, 25),
    }),
    // size 'max': lengths spread over the whole range, not fast-check's small default.
    steps: fc.array(timedFault, { maxLength: options.maxSteps ?? 40, size: 'max' }),
  });
}

/** A short human-readable form of a fault, for the trace. */
export function describeFault(f: Fault): string {
  switch (f.kind) {
    case 'crash':
      return `crash node#${f.node}${f.torn ? ' (torn write)' : ''}`;
    case 'crashLeader':
      return `crash the leader${f.torn ? ' (torn write)' : ''}`;
    case 'restart':
    case 'fsyncError':
      return `${f.kind} node#${f.node}`;
    case 'corruptBatch':
      return `flip a bit in a batch on node#${f.node} (pick ${f.pick}) and power-cycle it`;
    case 'stopGracefully':
      return `stop node#${f.node} cleanly, start it ${f.downMs}ms later`;
    case 'read':
      return `${f.count} linearizable read(s)`;
    case 'partition':
      return `partition sides=${f.sides.toString(2)}`;
    case 'oneWay':
      return `one-way cut node#${f.from} -> node#${f.to}`;
    case 'isolateLeader':
      return `isolate leader (${f.direction})`;
    case 'network': {
      const where = f.link === null ? 'every link' : `link node#${f.link.from} -> node#${f.link.to}`;
      return `${where}: drop=${f.rule.dropRate} dup=${f.rule.duplicateRate} delay=${f.rule.minDelayMs}-${f.rule.maxDelayMs}ms`;
    }
    case 'propose':
      return `propose ${f.batches}x${f.records}`;
    case 'burst':
      return `burst of ${f.requests} every ${f.spacingMs}ms`;
    case 'proposeThenCrash':
      return `propose, then crash a ${f.victim} ${f.delayMs}ms later${f.torn ? ' (torn write)' : ''}`;
    case 'addVoter':
    case 'removeVoter':
      return `${f.kind} node#${f.node}`;
    case 'wipeDisk':
      return `wipe the disk of node#${f.node}, start it ${f.downMs}ms later as a new replica`;
    default:
      return f.kind;
  }
}
