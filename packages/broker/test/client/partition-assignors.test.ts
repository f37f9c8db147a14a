/**
 * The eager assignors compute what Kafka's RangeAssignor and RoundRobinAssignor compute (the
 * examples of their documentation), and for any group: every subscribed partition goes to exactly
 * one member subscribed to its topic, and the shares are as even as each assignor promises.
 */
import fc from 'fast-check';
import { decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from '../../src/client/consumer-protocol';
import { rangeAssignor, roundRobinAssignor, type MemberSubscription } from '../../src/client/partition-assignors';

const both = ['t0', 't1'];
const counts = new Map([
  ['t0', 3],
  ['t1', 3],
]);

test('range: per topic, consecutive partitions, the first members taking the remainder', () => {
  const plan = rangeAssignor.assign(
    [
      { memberId: 'C1', topics: both },
      { memberId: 'C0', topics: both },
    ],
    counts,
  );
  expect(plan.get('C0')).toEqual([
    { topic: 't0', partitions: [0, 1] },
    { topic: 't1', partitions: [0, 1] },
  ]);
  expect(plan.get('C1')).toEqual([
    { topic: 't0', partitions: [2] },
    { topic: 't1', partitions: [2] },
  ]);
});

test('roundrobin: all partitions dealt in turn, skipping members not subscribed to the topic', () => {
  expect(
    roundRobinAssignor.assign(
      [
        { memberId: 'C0', topics: both },
        { memberId: 'C1', topics: both },
      ],
      counts,
    ),
  ).toEqual(
    new Map([
      ['C0', [{ topic: 't0', partitions: [0, 2] }, { topic: 't1', partitions: [1] }]],
      ['C1', [{ topic: 't0', partitions: [1] }, { topic: 't1', partitions: [0, 2] }]],
    ]),
  );
  // Kafka's example of unequal subscriptions: C0 t0; C1 t0,t1; C2 t0,t1,t2 with 1, 2, 3 partitions.
  const plan = roundRobinAssignor.assign(
    [
      { memberId: 'C0', topics: ['t0'] },
      { memberId: 'C1', topics: ['t0', 't1'] },
      { memberId: 'C2', topics: ['t0', 't1', 't2'] },
    ],
    new Map([
      ['t0', 1],
      ['t1', 2],
      ['t2', 3],
    ]),
  );
  expect(plan.get('C0')).toEqual([{ topic: 't0', partitions: [0] }]);
  expect(plan.get('C1')).toEqual([{ topic: 't1', partitions: [0] }]);
  expect(plan.get('C2')).toEqual([
    { topic: 't1', partitions: [1] },
    { topic: 't2', partitions: [0, 1, 2] },
  ]);
});

test('a topic with no known partition count is left out; every member still gets an entry', () => {
  const plan = rangeAssignor.assign([{ memberId: 'C0', topics: ['missing'] }], new Map());
  expect(plan).toEqual(new Map([['C0', []]]));
});

const groupArb = fc
  .record({
    topics: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 4 }),
    partitions: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }),
    members: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
    picks: fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ topics, partitions, members, picks }) => {
    const subscriptions: MemberSubscription[] = members.map((memberId, i) => {
      const chosen = topics.filter((_, t) => picks[i]![t]);
      return { memberId, topics: chosen.length > 0 ? chosen : [topics[0]!] };
    });
    return { subscriptions, counts: new Map<string, number>(topics.map((t, i) => [t, partitions[i]!])) };
  });

test.each([rangeAssignor, roundRobinAssignor])('property ($name): each subscribed partition goes to exactly one subscriber of its topic', (assignor) => {
  const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  try {
    fc.assert(
      fc.property(groupArb, ({ subscriptions, counts: sizes }) => {
        const plan = assignor.assign(subscriptions, sizes);
        expect([...plan.keys()].sort()).toEqual(subscriptions.map((m) => m.memberId).sort());
        const owner = new Map<string, string>();
        for (const [memberId, topics] of plan) {
          const subscribed = subscriptions.find((m) => m.memberId === memberId)!.topics;
          for (const { topic, partitions } of topics) {
            expect(subscribed).toContain(topic);
            for (const p of partitions) {
              expect(owner.has(`${topic}-${p}`)).toBe(false);
              owner.set(`${topic}-${p}`, memberId);
            }
          }
        }
        const wanted = new Set(subscriptions.flatMap((m) => m.topics));
        const expected = [...wanted].flatMap((t) => Array.from({ length: sizes.get(t) ?? 0 }, (_, p) => `${t}-${p}`));
        expect([...owner.keys()].sort()).toEqual(expected.sort());
        // Range balances each topic among its subscribers; with equal subscriptions roundrobin balances the total.
        if (assignor === rangeAssignor) {
          for (const topic of wanted) {
            const shares = subscriptions.filter((m) => m.topics.includes(topic)).map((m) => plan.get(m.memberId)!.find((t) => t.topic === topic)?.partitions.length ?? 0);
            expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
          }
        } else if (subscriptions.every((m) => m.topics.join() === subscriptions[0]!.topics.join())) {
          const totals = subscriptions.map((m) => plan.get(m.memberId)!.reduce((n, t) => n + t.partitions.length, 0));
          expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
        }
      }),
      { seed, numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  } catch (e) {
    throw new Error(`property failed; replay with FC_SEED=${seed}\n${(e as Error).message}`);
  }
});

test('subscriptions and assignments travel in the consumer protocol; garbage is INCONSISTENT_GROUP_PROTOCOL', () => {
  expect(decodeSubscription(encodeSubscription(['b', 'a']), 'm').topics).toEqual(['a', 'b']);
  const assigned = [{ topic: 'orders', partitions: [0, 3] }];
  expect(decodeAssignment(encodeAssignment(assigned))).toEqual(assigned);
  expect(decodeAssignment(new Uint8Array(0))).toEqual([]);
  expect(() => decodeSubscription(new Uint8Array([0, 0, 0, 0, 0, 9]), 'm')).toThrow(expect.objectContaining({ code: 'INCONSISTENT_GROUP_PROTOCOL' }));
  expect(() => decodeAssignment(new Uint8Array([7]))).toThrow(expect.objectContaining({ code: 'INCONSISTENT_GROUP_PROTOCOL' }));
});
