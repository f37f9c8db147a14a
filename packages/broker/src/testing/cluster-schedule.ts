/**
 * Random fault schedules for the whole-cluster simulation, as fast-check arbitraries (so a failing
 * schedule shrinks): controller failovers (the active controller crashes or resigns), broker crashes
 * (any broker, or a partition's leader), isolating a controller or a broker, splitting the network,
 * loss and delay bursts — all while the producer writes with acks=all and the consumers read. Each
 * network fault heals on its own after a while; the heal at the end ends whatever is left.
 */
import fc from 'fast-check';

/** A node by its role and index: resolved against the run's ids (controllers 1..c, brokers after). */
export type ClusterFault =
  | { readonly kind: 'crashActiveController'; readonly restartAfterMs: number | null }
  | { readonly kind: 'resignController' }
  | { readonly kind: 'crashBroker'; readonly broker: number; readonly restartAfterMs: number | null }
  | { readonly kind: 'crashLeader'; readonly partition: number; readonly restartAfterMs: number | null }
  | { readonly kind: 'isolateController'; readonly active: boolean; readonly forMs: number }
  | { readonly kind: 'isolateBroker'; readonly broker: number; readonly forMs: number }
  | { readonly kind: 'isolateLeader'; readonly partition: number; readonly forMs: number }
  | { readonly kind: 'split'; readonly side: number; readonly forMs: number }
  | { readonly kind: 'lossy'; readonly dropRate: number; readonly maxDelayMs: number; readonly forMs: number }
  /** The broker's next fsync fails with EIO: it halts and its process exits; restarted some time later. */
  | { readonly kind: 'failFsync'; readonly broker: number; readonly restartAfterMs: number | null };

export interface TimedClusterFault {
  /** ms after the previous step (the first: after the clients started). */
  readonly afterMs: number;
  readonly fault: ClusterFault;
}

export interface ClusterSchedule {
  /** Seeds every random choice of the run (message fates, delays, fsync latencies, placement, jitter). */
  readonly seed: number;
  readonly partitions: number;
  readonly produceIntervalMs: number;
  readonly producerInFlight: number;
  readonly fsyncMaxMs: number;
  /** At a crash, each log with an unflushed tail kept part of it with this chance, the batch after it torn. */
  readonly tornWriteRate: number;
  readonly steps: readonly TimedClusterFault[];
}

export interface ClusterScheduleOptions {
  readonly maxSteps?: number;
}

const brokerIndex = fc.integer({ min: 0, max: 2 });
const partition = fc.integer({ min: 0, max: 2 });
const duration = fc.integer({ min: 300, max: 8000 });
const restartAfter = fc.option(fc.integer({ min: 0, max: 6000 }), { nil: null, freq: 4 });

const faultArbitrary: fc.Arbitrary<ClusterFault> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('crashActiveController' as const), restartAfterMs: restartAfter }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resignController' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('crashBroker' as const), broker: brokerIndex, restartAfterMs: restartAfter }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('crashLeader' as const), partition, restartAfterMs: restartAfter }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('isolateController' as const), active: fc.boolean(), forMs: duration }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('isolateBroker' as const), broker: brokerIndex, forMs: duration }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('isolateLeader' as const), partition, forMs: duration }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('split' as const), side: fc.integer({ min: 0, max: 5 }), forMs: duration }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lossy' as const), dropRate: fc.constantFrom(0.05, 0.2, 0.5), maxDelayMs: fc.constantFrom(5, 50, 300), forMs: duration }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('failFsync' as const), broker: brokerIndex, restartAfterMs: restartAfter }) },
);

const timedFault: fc.Arbitrary<TimedClusterFault> = fc.record({ afterMs: fc.integer({ min: 0, max: 5000 }), fault: faultArbitrary });

export function clusterScheduleArbitrary(options: ClusterScheduleOptions = {}): fc.Arbitrary<ClusterSchedule> {
  return fc.record({
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    partitions: fc.integer({ min: 1, max: 3 }),
    produceIntervalMs: fc.constantFrom(50, 100, 250),
    producerInFlight: fc.constantFrom(1, 1, 3),
    fsyncMaxMs: fc.constantFrom(1, 5, 30),
    tornWriteRate: fc.constantFrom(0, 0.5, 1),
    steps: fc.array(timedFault, { minLength: 1, maxLength: options.maxSteps ?? 6 }),
  });
}

/** A short human-readable form of a fault, for the trace and failure reports. */
export function describeClusterFault(f: ClusterFault): string {
  const restart = (after: number | null): string => (after === null ? 'restart it at the heal' : `restart it ${after}ms later`);
  switch (f.kind) {
    case 'crashActiveController':
      return `crash the active controller, ${restart(f.restartAfterMs)}`;
    case 'resignController':
      return 'the active controller resigns';
    case 'crashBroker':
      return `crash broker #${f.broker}, ${restart(f.restartAfterMs)}`;
    case 'crashLeader':
      return `crash the leader of partition ${f.partition}, ${restart(f.restartAfterMs)}`;
    case 'isolateController':
      return `cut ${f.active ? 'the active' : 'a standby'} controller off for ${f.forMs}ms`;
    case 'isolateBroker':
      return `cut broker #${f.broker} off for ${f.forMs}ms`;
    case 'isolateLeader':
      return `cut the leader of partition ${f.partition} off for ${f.forMs}ms`;
    case 'split':
      return `split the network (side ${f.side}) for ${f.forMs}ms`;
    case 'lossy':
      return `every link drops ${f.dropRate} and delays up to ${f.maxDelayMs}ms for ${f.forMs}ms`;
    case 'failFsync':
      return `broker #${f.broker}'s next fsync fails with EIO (it halts), ${restart(f.restartAfterMs)}`;
  }
}
