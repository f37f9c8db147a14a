import fc from 'fast-check';
import { ApiError } from '../../src/errors/api-error';
import type { BrokerId } from '../../src/records/metadata-record';
import {
  NO_RACK,
  placeReplicas,
  type BrokerLoad,
  type PlacementBroker,
  type PlacementRequest,
} from '../../src/controller/replica-placement';

/** FC_SEED=<seed printed by a failure> replays that run. */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const runs = (numRuns: number): { numRuns: number; seed?: number } => ({ numRuns, seed });

/** mulberry32: a small seeded source for the placer's tie-breaks. */
function seeded(start: number): () => number {
  let state = start | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function place(request: Omit<PlacementRequest, 'random'> & { readonly seed?: number }): BrokerId[][] {
  const result = placeReplicas({ ...request, random: seeded(request.seed ?? 1) });
  if (result instanceof ApiError) throw new Error(`unexpected ${result.code}: ${result.message}`);
  return result;
}

function placeError(request: Omit<PlacementRequest, 'random'>): ApiError {
  const result = placeReplicas({ ...request, random: seeded(1) });
  if (!(result instanceof ApiError)) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result;
}

/** `racks` racks of `perRack` brokers each; ids 0.., rack names r0.. (or null for a single rack-less cluster). */
function cluster(racks: number, perRack: number, rackless = false): PlacementBroker[] {
  return Array.from({ length: racks * perRack }, (_, id) => ({ id, rack: rackless ? null : `r${id % racks}` }));
}

function counts(assignment: readonly (readonly BrokerId[])[], brokers: readonly PlacementBroker[]) {
  const leaders = new Map<BrokerId, number>(brokers.map((b) => [b.id, 0]));
  const replicas = new Map<BrokerId, number>(brokers.map((b) => [b.id, 0]));
  for (const partition of assignment) {
    partition.forEach((id, index) => {
      replicas.set(id, (replicas.get(id) ?? 0) + 1);
      if (index === 0) leaders.set(id, (leaders.get(id) ?? 0) + 1);
    });
  }
  return { leaders, replicas };
}

function spread(values: Iterable<number>): number {
  const list = [...values];
  return Math.max(...list) - Math.min(...list);
}

function addLoad(load: Map<BrokerId, BrokerLoad>, assignment: readonly (readonly BrokerId[])[]): void {
  for (const partition of assignment) {
    partition.forEach((id, index) => {
      const before = load.get(id) ?? { replicas: 0, leaders: 0 };
      load.set(id, { replicas: before.replicas + 1, leaders: before.leaders + (index === 0 ? 1 : 0) });
    });
  }
}

function rackCounts(partition: readonly BrokerId[], brokers: readonly PlacementBroker[]): Map<string, number> {
  const rackOf = new Map(brokers.map((b) => [b.id, b.rack ?? NO_RACK]));
  const result = new Map<string, number>();
  for (const id of partition) {
    const rack = rackOf.get(id) ?? NO_RACK;
    result.set(rack, (result.get(rack) ?? 0) + 1);
  }
  return result;
}

/** Any brokers: distinct ids, racks from a small set or none. */
const anyBrokers = fc
  .uniqueArray(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 12 })
  .chain((ids) =>
    fc.tuple(...ids.map((id) => fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null }).map((rack) => ({ id, rack })))),
  );

/** A request the brokers can satisfy. */
const anyRequest = anyBrokers.chain((brokers) =>
  fc.record({
    brokers: fc.shuffledSubarray(brokers, { minLength: brokers.length, maxLength: brokers.length }),
    numPartitions: fc.integer({ min: 1, max: 40 }),
    replicationFactor: fc.integer({ min: 1, max: brokers.length }),
    seed: fc.integer(),
  }),
);

/** Racks of equal size. */
const balancedRequest = fc
  .record({ racks: fc.integer({ min: 1, max: 5 }), perRack: fc.integer({ min: 1, max: 5 }), rackless: fc.boolean() })
  .chain(({ racks, perRack, rackless }) =>
    fc.record({
      brokers: fc.constant(cluster(racks, perRack, rackless && racks === 1)),
      numPartitions: fc.integer({ min: 1, max: 3 * racks * perRack + 1 }),
      replicationFactor: fc.integer({ min: 1, max: racks * perRack }),
      seed: fc.integer(),
    }),
  );

describe('placeReplicas: validation', () => {
  test('a replication factor below 1 is INVALID_REPLICATION_FACTOR', () => {
    const error = placeError({ brokers: cluster(1, 3), numPartitions: 1, replicationFactor: 0 });
    expect(error.code).toBe('INVALID_REPLICATION_FACTOR');
    expect(error.kafkaErrorCode).toBe(38);
  });

  test('a replication factor above the usable brokers is INVALID_REPLICATION_FACTOR, saying how many there are', () => {
    const error = placeError({ brokers: cluster(1, 2), numPartitions: 1, replicationFactor: 3 });
    expect(error.code).toBe('INVALID_REPLICATION_FACTOR');
    expect(error.message).toMatch(/only 2 usable broker/);
  });

  test('no usable brokers at all is INVALID_REPLICATION_FACTOR', () => {
    const error = placeError({ brokers: [], numPartitions: 1, replicationFactor: 1 });
    expect(error.code).toBe('INVALID_REPLICATION_FACTOR');
    expect(error.message).toMatch(/only 0 usable broker/);
  });

  test('fewer than 1 partition is INVALID_PARTITIONS', () => {
    expect(placeError({ brokers: cluster(1, 3), numPartitions: 0, replicationFactor: 1 }).code).toBe('INVALID_PARTITIONS');
    expect(placeError({ brokers: cluster(1, 3), numPartitions: -1, replicationFactor: 1 }).code).toBe('INVALID_PARTITIONS');
  });

  test('non-integer counts are refused', () => {
    expect(placeError({ brokers: cluster(1, 3), numPartitions: 1.5, replicationFactor: 1 }).code).toBe('INVALID_PARTITIONS');
    expect(placeError({ brokers: cluster(1, 3), numPartitions: 1, replicationFactor: 1.5 }).code).toBe('INVALID_REPLICATION_FACTOR');
  });

  test('a broker listed twice is INVALID_REQUEST', () => {
    const brokers = [{ id: 1, rack: null }, { id: 1, rack: 'a' }, { id: 2, rack: null }];
    expect(placeError({ brokers, numPartitions: 1, replicationFactor: 2 }).code).toBe('INVALID_REQUEST');
  });
});

describe('placeReplicas: examples', () => {
  test('a replication factor equal to the broker count puts every broker in every partition', () => {
    const brokers = cluster(1, 3, true);
    const assignment = place({ brokers, numPartitions: 4, replicationFactor: 3 });
    for (const partition of assignment) expect([...partition].sort()).toEqual([0, 1, 2]);
  });

  test('three racks and RF 3: every partition has one replica per rack', () => {
    const brokers = cluster(3, 2);
    for (const partition of place({ brokers, numPartitions: 12, replicationFactor: 3 })) {
      expect([...rackCounts(partition, brokers).values()]).toEqual([1, 1, 1]);
    }
  });

  test('two racks and RF 4: two replicas in each rack', () => {
    const brokers = cluster(2, 3);
    for (const partition of place({ brokers, numPartitions: 6, replicationFactor: 4 })) {
      expect([...rackCounts(partition, brokers).values()].sort()).toEqual([2, 2]);
    }
  });

  test('a fresh cluster of 6 brokers in 3 racks: 6 partitions of RF 3 give each broker 1 leadership and 3 replicas', () => {
    const brokers = cluster(3, 2);
    const { leaders, replicas } = counts(place({ brokers, numPartitions: 6, replicationFactor: 3 }), brokers);
    expect([...leaders.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect([...replicas.values()]).toEqual([3, 3, 3, 3, 3, 3]);
  });

  test('rack-less brokers count as one rack "": beside rack "a" they share one replica slot per partition', () => {
    const brokers = [{ id: 1, rack: null }, { id: 2, rack: null }, { id: 3, rack: 'a' }];
    for (const partition of place({ brokers, numPartitions: 5, replicationFactor: 2 })) {
      expect(partition).toContain(3);
      expect(partition.filter((id) => id !== 3)).toHaveLength(1);
    }
  });

  test('unequal racks: the rack rule wins over balance, as in Kafka', () => {
    const brokers = [{ id: 1, rack: 'big' }, { id: 2, rack: 'big' }, { id: 3, rack: 'big' }, { id: 4, rack: 'small' }];
    for (const partition of place({ brokers, numPartitions: 6, replicationFactor: 2 })) expect(partition).toContain(4);
  });

  test('the least loaded broker takes new leaderships first (a broker that just joined catches up)', () => {
    const brokers = cluster(1, 3, true);
    const load = new Map([
      [0, { replicas: 5, leaders: 5 }],
      [1, { replicas: 5, leaders: 5 }],
    ]);
    const assignment = place({ brokers, numPartitions: 7, replicationFactor: 1, load });
    expect(assignment.slice(0, 5).map((p) => p[0])).toEqual([2, 2, 2, 2, 2]);
    addLoad(load, assignment);
    expect(spread(brokers.map((b) => load.get(b.id)?.leaders ?? 0))).toBeLessThanOrEqual(1);
  });

  test('load for brokers that are not usable is ignored', () => {
    const brokers = cluster(1, 2, true);
    const load = new Map([[9, { replicas: 100, leaders: 100 }]]);
    const { leaders } = counts(place({ brokers, numPartitions: 4, replicationFactor: 2, load }), brokers);
    expect([...leaders.values()]).toEqual([2, 2]);
  });

  test('the same random source gives the same placement, whatever the order the brokers are listed in', () => {
    const brokers = cluster(3, 3);
    const first = place({ brokers, numPartitions: 10, replicationFactor: 3, seed: 42 });
    expect(place({ brokers, numPartitions: 10, replicationFactor: 3, seed: 42 })).toEqual(first);
    expect(place({ brokers: [...brokers].reverse(), numPartitions: 10, replicationFactor: 3, seed: 42 })).toEqual(first);
  });

  test('different random sources spread the first leadership around', () => {
    const brokers = cluster(2, 3);
    const firstLeaders = new Set(Array.from({ length: 40 }, (_, s) => place({ brokers, numPartitions: 1, replicationFactor: 1, seed: s })[0]?.[0]));
    expect(firstLeaders.size).toBeGreaterThan(1);
  });
});

describe('placeReplicas: refusals and load', () => {
  test('each refusal says what is wrong', () => {
    const brokers = cluster(1, 2, true);
    expect(placeError({ brokers, numPartitions: 0, replicationFactor: 1 }).message).toBe('Number of partitions must be a positive integer, not 0.');
    expect(placeError({ brokers, numPartitions: 1, replicationFactor: 0 }).message).toBe('Replication factor must be a positive integer, not 0.');
    expect(placeError({ brokers: [...brokers, brokers[0]!], numPartitions: 1, replicationFactor: 1 }).message).toBe('A broker is listed more than once among the usable brokers.');
  });

  test('with two brokers, every seed may put the first leadership on either (the shuffle is uniform)', () => {
    const brokers = cluster(1, 2, true);
    const firstLeaders = new Set(Array.from({ length: 20 }, (_, s) => place({ brokers, numPartitions: 1, replicationFactor: 1, seed: s })[0]?.[0]));
    expect([...firstLeaders].sort()).toEqual([0, 1]);
  });

  test('replicas already carried steer a new partition away from the broker that carries them, whatever the seed', () => {
    const brokers = cluster(1, 3, true);
    const load = new Map([[0, { replicas: 10, leaders: 0 }]]);
    for (let s = 0; s < 10; s++) expect(place({ brokers, numPartitions: 1, replicationFactor: 2, load, seed: s })[0]!.sort()).toEqual([1, 2]);
  });

  test('the load a rack already carries counts: a leader tie goes to the rack leading less, a follower to the rack carrying less', () => {
    const twoRacks: PlacementBroker[] = [
      { id: 0, rack: 'a' },
      { id: 1, rack: 'a' },
      { id: 2, rack: 'b' },
    ];
    // 1 and 2 lead nothing, but rack a leads 2 per 2 brokers already.
    const leaderLoad = new Map([
      [0, { replicas: 2, leaders: 2 }],
      [1, { replicas: 2, leaders: 0 }],
      [2, { replicas: 2, leaders: 0 }],
    ]);
    const threeRacks: PlacementBroker[] = [
      { id: 0, rack: 'a' },
      { id: 1, rack: 'b' },
      { id: 2, rack: 'c' },
    ];
    // 2 leads; of the racks left, a carries more replicas than b.
    const followerLoad = new Map([
      [0, { replicas: 5, leaders: 1 }],
      [1, { replicas: 1, leaders: 1 }],
      [2, { replicas: 0, leaders: 0 }],
    ]);
    for (let s = 0; s < 10; s++) {
      expect(place({ brokers: twoRacks, numPartitions: 1, replicationFactor: 1, load: leaderLoad, seed: s })).toEqual([[2]]);
      expect(place({ brokers: threeRacks, numPartitions: 1, replicationFactor: 2, load: followerLoad, seed: s })).toEqual([[2, 1]]);
    }
  });
});

describe('placeReplicas: properties', () => {
  test('each partition gets replicationFactor distinct usable brokers', () => {
    fc.assert(
      fc.property(anyRequest, (request) => {
        const assignment = place(request);
        const usable = new Set(request.brokers.map((b) => b.id));
        expect(assignment).toHaveLength(request.numPartitions);
        // Plain checks, one expect: jest's expect is too slow to call per replica over hundreds of runs.
        const bad = assignment.filter(
          (partition) =>
            partition.length !== request.replicationFactor ||
            new Set(partition).size !== partition.length ||
            partition.some((id) => !usable.has(id)),
        );
        expect(bad).toEqual([]);
      }),
      runs(300),
    );
  });

  test('replicas of a partition span as many racks as they can, filling racks evenly', () => {
    fc.assert(
      fc.property(anyRequest, (request) => {
        const racks = new Map<string, number>();
        for (const b of request.brokers) racks.set(b.rack ?? NO_RACK, (racks.get(b.rack ?? NO_RACK) ?? 0) + 1);
        const spreadWell = (partition: readonly BrokerId[]): boolean => {
          const used = rackCounts(partition, request.brokers);
          if (used.size !== Math.min(request.replicationFactor, racks.size)) return false;
          // Water-filling: a rack holds 2 more than another only if that other rack is full.
          const most = Math.max(...used.values());
          return [...racks].every(([rack, size]) => (used.get(rack) ?? 0) >= size || most <= (used.get(rack) ?? 0) + 1);
        };
        expect(place(request).filter((partition) => !spreadWell(partition))).toEqual([]);
      }),
      runs(300),
    );
  });

  test('on a fresh cluster, leader counts per broker differ by at most 1 (any racks)', () => {
    fc.assert(
      fc.property(anyRequest, (request) => {
        expect(spread(counts(place(request), request.brokers).leaders.values())).toBeLessThanOrEqual(1);
      }),
      runs(300),
    );
  });

  test('on a fresh cluster with racks of equal size, leader and replica counts per broker differ by at most 1', () => {
    fc.assert(
      fc.property(balancedRequest, (request) => {
        const { leaders, replicas } = counts(place(request), request.brokers);
        expect(spread(leaders.values())).toBeLessThanOrEqual(1);
        expect(spread(replicas.values())).toBeLessThanOrEqual(1);
      }),
      runs(500),
    );
  });

  test('creating topics one after another keeps leader counts within 1 (leaders go to a least-led broker)', () => {
    const topics = fc.array(fc.record({ numPartitions: fc.integer({ min: 1, max: 12 }), rf: fc.integer({ min: 1, max: 4 }) }), {
      minLength: 1,
      maxLength: 15,
    });
    fc.assert(
      fc.property(anyBrokers, topics, fc.integer(), (brokers, creations, start) => {
        const load = new Map<BrokerId, BrokerLoad>();
        creations.forEach(({ numPartitions, rf }, index) => {
          const replicationFactor = Math.min(rf, brokers.length);
          addLoad(load, place({ brokers, numPartitions, replicationFactor, load, seed: start + index }));
          expect(spread(brokers.map((b) => load.get(b.id)?.leaders ?? 0))).toBeLessThanOrEqual(1);
        });
      }),
      runs(200),
    );
  });

  test('from any load, a creation never widens the leader gap beyond max(gap before, 1)', () => {
    const loaded = anyRequest.chain((request) =>
      fc.record({
        request: fc.constant(request),
        load: fc.tuple(...request.brokers.map(() => fc.record({ replicas: fc.nat(30), leaders: fc.nat(10) }))),
      }),
    );
    fc.assert(
      fc.property(loaded, ({ request, load: loads }) => {
        const load = new Map(request.brokers.map((b, i) => [b.id, loads[i] ?? { replicas: 0, leaders: 0 }]));
        const before = spread(request.brokers.map((b) => load.get(b.id)?.leaders ?? 0));
        addLoad(load, place({ ...request, load }));
        expect(spread(request.brokers.map((b) => load.get(b.id)?.leaders ?? 0))).toBeLessThanOrEqual(Math.max(before, 1));
      }),
      runs(300),
    );
  });

  test('the placement is a function of the broker set and the random source', () => {
    fc.assert(
      fc.property(anyRequest, (request) => {
        const reordered = { ...request, brokers: [...request.brokers].reverse() };
        expect(place(reordered)).toEqual(place(request));
      }),
      runs(200),
    );
  });
});
