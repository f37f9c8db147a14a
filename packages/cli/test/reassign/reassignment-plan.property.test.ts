/**
 * The reassignment planner, over random clusters: every plan is valid (replication factors kept,
 * distinct replicas, only target brokers), no broker holds more than its fair share, a plan's
 * own output needs no further moves, and an assignment that is already fair is left alone.
 */
import fc from 'fast-check';
import { changedPartitions, parsePlan, planReassignment, type PartitionAssignment } from '../../src/reassign/reassignment-plan';

const cluster = fc
  .record({ brokers: fc.integer({ min: 1, max: 7 }), partitions: fc.integer({ min: 1, max: 24 }), seed: fc.integer() })
  .chain(({ brokers, partitions }) =>
    fc.record({
      current: fc.array(
        fc.integer({ min: 1, max: brokers }).chain((rf) => fc.shuffledSubarray(Array.from({ length: brokers + 2 }, (_, i) => i + 1), { minLength: rf, maxLength: rf })),
        { minLength: partitions, maxLength: partitions },
      ),
      targets: fc.shuffledSubarray(Array.from({ length: brokers + 2 }, (_, i) => i + 1), { minLength: brokers, maxLength: brokers }),
    }),
  )
  .filter(({ current, targets }) => current.every((r) => r.length <= targets.length));

const assignments = (replicas: number[][]): PartitionAssignment[] => replicas.map((r, partition) => ({ topic: 't', partition, replicas: r }));

describe('planReassignment', () => {
  it('keeps every replication factor, uses only target brokers and no broker above its share', () => {
    fc.assert(
      fc.property(cluster, ({ current, targets }) => {
        const plan = planReassignment(assignments(current), targets);
        const total = current.reduce((sum, r) => sum + r.length, 0);
        const load = new Map<number, number>();
        plan.forEach((p, i) => {
          expect(p.replicas).toHaveLength(current[i]!.length);
          expect(new Set(p.replicas).size).toBe(p.replicas.length);
          for (const b of p.replicas) {
            expect(targets).toContain(b);
            load.set(b, (load.get(b) ?? 0) + 1);
          }
        });
        for (const n of load.values()) expect(n).toBeLessThanOrEqual(Math.ceil(total / targets.length));
      }),
    );
  });

  it('is a fixed point: planning its own output moves nothing', () => {
    fc.assert(
      fc.property(cluster, ({ current, targets }) => {
        const once = planReassignment(assignments(current), targets);
        expect(changedPartitions(once, planReassignment(once, targets))).toEqual([]);
      }),
    );
  });

  it('moves nothing when every replica is already on a target broker within its share', () => {
    fc.assert(
      fc.property(cluster, ({ current, targets }) => {
        const total = current.reduce((sum, r) => sum + r.length, 0);
        const cap = Math.ceil(total / targets.length);
        const load = new Map<number, number>();
        for (const b of current.flat()) load.set(b, (load.get(b) ?? 0) + 1);
        fc.pre(current.flat().every((b) => targets.includes(b)) && [...load.values()].every((n) => n <= cap));
        const plan = planReassignment(assignments(current), targets);
        plan.forEach((p, i) => expect([...p.replicas].sort()).toEqual([...current[i]!].sort()));
      }),
    );
  });

  it('adding a fourth broker to three moves a quarter of the replicas, all to the new broker', () => {
    const current = assignments(Array.from({ length: 12 }, (_, i) => [1 + (i % 3), 1 + ((i + 1) % 3), 1 + ((i + 2) % 3)]));
    const plan = planReassignment(current, [1, 2, 3, 4]);
    const moved = plan.flatMap((p, i) => p.replicas.filter((b) => !current[i]!.replicas.includes(b)));
    expect(moved).toEqual(Array(9).fill(4));
  });

  it('refuses more replicas than target brokers', () => {
    expect(() => planReassignment(assignments([[1, 2, 3]]), [1, 2])).toThrow('t-0 has 3 replicas but only 2 target broker(s)');
  });
});

describe('parsePlan', () => {
  it('reads Kafka’s reassignment JSON', () => {
    expect(parsePlan('{"version":1,"partitions":[{"topic":"a","partition":0,"replicas":[2,3]}]}', 'f')).toEqual({
      version: 1,
      partitions: [{ topic: 'a', partition: 0, replicas: [2, 3] }],
    });
  });

  it.each([
    ['not json', 'f: not JSON'],
    ['{"version":2,"partitions":[]}', 'expected {"version":1'],
    ['{"version":1,"partitions":[{"topic":"a","partition":-1,"replicas":[1]}]}', 'partitions[0] needs'],
    ['{"version":1,"partitions":[{"topic":"a","partition":0,"replicas":[1,1]}]}', 'distinct replica ids'],
    ['{"version":1,"partitions":[{"topic":"a","partition":0,"replicas":[]}]}', 'partitions[0] needs'],
  ])('refuses %s', (text, message) => {
    expect(() => parsePlan(text, 'f')).toThrow(message);
  });
});
