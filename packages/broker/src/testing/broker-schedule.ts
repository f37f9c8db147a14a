/**
 * Random fault schedules for the broker simulation, as fast-check arbitraries (so a failing schedule
 * shrinks to a small one): crashes (of a given broker, or of whoever leads a partition then), with a
 * restart some time later or only at the heal; isolation of a broker from everyone, from the cluster
 * or from the controller alone; a cut link between two brokers; a stalled replica fetcher; bursts of
 * loss and delay on every link; an operator's reassignment of a partition's replicas (KIP-455), which
 * adds and removes replicas within one leader epoch; a client deleting a partition's records below an
 * offset (DeleteRecords); disk faults — an fsync failing with EIO (the broker halts and is restarted
 * later), a crash that flips a bit in a flushed batch of a partition's log, and torn writes of the
 * unflushed tail at every crash with the schedule's `tornWriteRate`. Each fault lasts a while and
 * ends on its own; the heal at the end ends whatever is left.
 */
import fc from 'fast-check';
import type { BrokerId } from '@kz/metadata';
import type { IsolationScope } from './broker-simulation';

export type BrokerFault =
  | { readonly kind: 'crash'; readonly broker: BrokerId; readonly restartAfterMs: number | null }
  | { readonly kind: 'crashLeader'; readonly partition: number; readonly restartAfterMs: number | null }
  | { readonly kind: 'isolate'; readonly broker: BrokerId; readonly scope: IsolationScope; readonly forMs: number }
  | { readonly kind: 'isolateLeader'; readonly partition: number; readonly scope: IsolationScope; readonly forMs: number }
  | { readonly kind: 'cutLink'; readonly a: BrokerId; readonly b: BrokerId; readonly forMs: number }
  | { readonly kind: 'stall'; readonly broker: BrokerId; readonly forMs: number }
  | { readonly kind: 'lossy'; readonly dropRate: number; readonly maxDelayMs: number; readonly forMs: number }
  | { readonly kind: 'reassign'; readonly partition: number; readonly replicas: readonly BrokerId[] }
  /**
   * Records deleted below the offset `fraction` of the way along the partition's acknowledged
   * records, `consumerBehindMs` after the partition's consumer stopped reading (so that it has
   * records to skip), the consumer resuming a little after the deletion.
   */
  | { readonly kind: 'deleteRecords'; readonly partition: number; readonly fraction: number; readonly consumerBehindMs: number }
  /** The broker's next fsync fails with EIO: it must halt, acknowledging nothing more; restarted some time later. */
  | { readonly kind: 'failFsync'; readonly broker: BrokerId; readonly restartAfterMs: number | null }
  /**
   * The leader of the partition loses power and its disk returns a flushed batch of the partition's
   * log with a bit flipped (`where`, `at`: which batch and which bit, as fractions) — committed
   * records included — unless no other ISR or ELR member is left to hold them: one disk's damage,
   * never the last copy the controller knows of.
   */
  | { readonly kind: 'crashFlippingBit'; readonly partition: number; readonly where: number; readonly at: number; readonly restartAfterMs: number | null };

export interface TimedBrokerFault {
  /** ms after the previous step (the first: after the producer started). */
  readonly afterMs: number;
  readonly fault: BrokerFault;
}

export interface BrokerSchedule {
  /** Seeds every random choice of the run (message fates, delays, fsync latencies, placement). */
  readonly seed: number;
  readonly partitions: number;
  /** The producer's pause between batches, per partition. */
  readonly produceIntervalMs: number;
  /** Batches in flight per partition (max.in.flight.requests.per.connection). */
  readonly producerInFlight: number;
  /** A flush (fsync) takes up to this long: the window in which a crash loses appended data. */
  readonly fsyncMaxMs: number;
  /** Each broker applies a committed image up to this long after it arrives (brokers disagree meanwhile). */
  readonly metadataDelayMaxMs: number;
  /** At a crash, each log with an unflushed tail kept part of it with this chance, the batch after it torn. */
  readonly tornWriteRate: number;
  readonly steps: readonly TimedBrokerFault[];
}

export interface BrokerScheduleOptions {
  readonly maxSteps?: number;
}

const broker = fc.integer({ min: 1, max: 3 });
const partition = fc.integer({ min: 0, max: 2 });
const scope = fc.constantFrom<IsolationScope>('everyone', 'cluster', 'controller');
const duration = fc.integer({ min: 200, max: 8000 });
const restartAfter = fc.option(fc.integer({ min: 0, max: 6000 }), { nil: null, freq: 4 });

const faultArbitrary: fc.Arbitrary<BrokerFault> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('crash' as const), broker, restartAfterMs: restartAfter }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('crashLeader' as const), partition, restartAfterMs: restartAfter }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('isolate' as const), broker, scope, forMs: duration }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('isolateLeader' as const), partition, scope, forMs: duration }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ a: broker, offset: fc.integer({ min: 1, max: 2 }), forMs: duration })
      .map(({ a, offset, forMs }) => ({ kind: 'cutLink' as const, a, b: ((a - 1 + offset) % 3) + 1, forMs })),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('stall' as const), broker, forMs: fc.integer({ min: 500, max: 8000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lossy' as const), dropRate: fc.constantFrom(0.05, 0.2, 0.5), maxDelayMs: fc.constantFrom(5, 50, 300), forMs: duration }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reassign' as const), partition, replicas: fc.shuffledSubarray([1, 2, 3], { minLength: 2, maxLength: 3 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('deleteRecords' as const), partition, fraction: fc.constantFrom(0.25, 0.5, 1), consumerBehindMs: fc.constantFrom(0, 0, 1000, 3000) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('failFsync' as const), broker, restartAfterMs: restartAfter }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('crashFlippingBit' as const), partition, where: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), restartAfterMs: restartAfter }),
  },
);

const timedFault: fc.Arbitrary<TimedBrokerFault> = fc.record({ afterMs: fc.integer({ min: 0, max: 5000 }), fault: faultArbitrary });

export function brokerScheduleArbitrary(options: BrokerScheduleOptions = {}): fc.Arbitrary<BrokerSchedule> {
  return fc.record({
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    partitions: fc.integer({ min: 1, max: 3 }),
    produceIntervalMs: fc.constantFrom(20, 50, 100, 250),
    producerInFlight: fc.constantFrom(1, 1, 3, 5),
    fsyncMaxMs: fc.constantFrom(1, 5, 30, 100),
    metadataDelayMaxMs: fc.constantFrom(0, 20, 200, 1000),
    tornWriteRate: fc.constantFrom(0, 0.5, 1),
    steps: fc.array(timedFault, { minLength: 1, maxLength: options.maxSteps ?? 8 }),
  });
}

/** A short human-readable form of a fault, for the trace and failure reports. */
export function describeBrokerFault(f: BrokerFault): string {
  const restart = (after: number | null): string => (after === null ? 'restart it at the heal' : `restart it ${after}ms later`);
  switch (f.kind) {
    case 'crash':
      return `crash broker ${f.broker}, ${restart(f.restartAfterMs)}`;
    case 'crashLeader':
      return `crash the leader of partition ${f.partition}, ${restart(f.restartAfterMs)}`;
    case 'isolate':
      return `cut broker ${f.broker} off from ${f.scope} for ${f.forMs}ms`;
    case 'isolateLeader':
      return `cut the leader of partition ${f.partition} off from ${f.scope} for ${f.forMs}ms`;
    case 'cutLink':
      return `cut the link ${f.a} <-> ${f.b} for ${f.forMs}ms`;
    case 'stall':
      return `stall broker ${f.broker}'s replica fetchers for ${f.forMs}ms`;
    case 'lossy':
      return `every link drops ${f.dropRate} and delays up to ${f.maxDelayMs}ms for ${f.forMs}ms`;
    case 'reassign':
      return `reassign partition ${f.partition} to replicas [${f.replicas.join(',')}]`;
    case 'deleteRecords':
      return `delete partition ${f.partition}'s records below ${f.fraction * 100}% of what was acknowledged${f.consumerBehindMs === 0 ? '' : `, its consumer paused ${f.consumerBehindMs}ms before`}`;
    case 'failFsync':
      return `broker ${f.broker}'s next fsync fails with EIO (it halts), ${restart(f.restartAfterMs)}`;
    case 'crashFlippingBit':
      return `crash the leader of partition ${f.partition} with a bit flipped in a flushed batch of its log, ${restart(f.restartAfterMs)}`;
  }
}
