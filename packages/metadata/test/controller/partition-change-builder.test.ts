import fc from 'fast-check';
import {
  buildPartitionChange,
  electLeader,
  lastIsrMember,
  nextIsr,
  restrictTo,
  sameBrokers,
  type ElectionContext,
  type ElectionMode,
  type PartitionChangeTarget,
} from '../../src/controller/partition-change-builder';
import { applyPartitionChange, type PartitionRegistration } from '../../src/image/partition-registration';
import { NO_LEADER, type BrokerId, type PartitionChangeRecord } from '../../src/records/metadata-record';

/** FC_SEED=<seed printed by a failure> replays that run. */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const runs = (numRuns: number): { numRuns: number; seed?: number } => ({ numRuns, seed });

function partition(fields: Partial<PartitionRegistration> & Pick<PartitionRegistration, 'replicas' | 'isr' | 'leader'>): PartitionRegistration {
  return { removingReplicas: [], addingReplicas: [], leaderEpoch: 7, partitionEpoch: 11, eligibleLeaderReplicas: [], lastKnownElr: [], ...fields };
}

/** Who is active; KIP-966 off unless `elrMinIsr` is given (then on, with that min.insync.replicas). */
function context(active: readonly BrokerId[], uncleanAllowed = false, elrMinIsr?: number): ElectionContext {
  const set = new Set(active);
  return { isActive: (id) => set.has(id), uncleanAllowed, eligibleLeaderReplicas: elrMinIsr !== undefined, minInsyncReplicas: elrMinIsr ?? 1 };
}

function build(current: PartitionRegistration, target: PartitionChangeTarget, ctx: ElectionContext): PartitionChangeRecord | null {
  return buildPartitionChange('topic-a', 3, current, target, ctx);
}

describe('buildPartitionChange: examples', () => {
  const threeReplicas = partition({ replicas: [1, 2, 3], isr: [1, 2, 3], leader: 1 });

  test('fencing the leader: it leaves the ISR and the next ISR member in replica order leads', () => {
    const change = build(threeReplicas, { isr: [2, 3] }, context([2, 3]));
    expect(change).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, leader: 2, isr: [2, 3] });
  });

  test('fencing a follower: only the ISR changes, the leader and its epoch stay', () => {
    const change = build(threeReplicas, { isr: [1, 3] }, context([1, 3]));
    expect(change).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, isr: [1, 3] });
    expect(applyPartitionChange(threeReplicas, change as PartitionChangeRecord).leaderEpoch).toBe(7);
  });

  test('fencing the last ISR member: it stays in the ISR, and the partition goes offline', () => {
    const current = partition({ replicas: [1, 2, 3], isr: [1], leader: 1 });
    const change = build(current, { isr: [] }, context([2, 3]));
    expect(change).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, leader: NO_LEADER });
  });

  test('unfencing the last ISR member brings it back as leader', () => {
    const offline = partition({ replicas: [1, 2, 3], isr: [1], leader: NO_LEADER });
    expect(build(offline, {}, context([1, 2, 3]))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, leader: 1 });
  });

  test('no active ISR member and the topic allows unclean election: the first active replica leads alone', () => {
    const current = partition({ replicas: [1, 2, 3], isr: [1], leader: 1 });
    const change = build(current, { isr: [] }, context([3, 2], true));
    expect(change).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, leader: 2, isr: [2] });
  });

  test("an operator's 'unclean' election elects outside the ISR even when the topic forbids it", () => {
    const offline = partition({ replicas: [1, 2, 3], isr: [1], leader: NO_LEADER });
    expect(build(offline, { election: 'unclean' }, context([3]))).toEqual({
      type: 'partitionChange',
      topicId: 'topic-a',
      partitionId: 3,
      leader: 3,
      isr: [3],
    });
  });

  test("'unclean' keeps a clean choice when the ISR has an active member", () => {
    const current = partition({ replicas: [1, 2, 3], isr: [1, 2], leader: NO_LEADER });
    expect(build(current, { election: 'unclean' }, context([2, 3]))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, leader: 2 });
  });

  test('no active replica at all: even an unclean election finds no leader', () => {
    const current = partition({ replicas: [1, 2], isr: [1], leader: 1 });
    expect(build(current, { election: 'unclean' }, context([], true))).toEqual({
      type: 'partitionChange',
      topicId: 'topic-a',
      partitionId: 3,
      leader: NO_LEADER,
    });
  });

  test('preferred election moves leadership to replicas[0] when it is in the ISR and active', () => {
    const current = partition({ replicas: [1, 2, 3], isr: [1, 2, 3], leader: 2 });
    expect(build(current, { election: 'preferred' }, context([1, 2, 3]))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, leader: 1 });
  });

  test('preferred election changes nothing when replicas[0] is out of the ISR or inactive', () => {
    expect(build(partition({ replicas: [1, 2, 3], isr: [2, 3], leader: 2 }), { election: 'preferred' }, context([1, 2, 3]))).toBeNull();
    expect(build(partition({ replicas: [1, 2, 3], isr: [1, 2, 3], leader: 2 }), { election: 'preferred' }, context([2, 3]))).toBeNull();
  });

  test("'keep' leaves a leader that is not the preferred one where it is", () => {
    expect(build(partition({ replicas: [1, 2, 3], isr: [1, 2, 3], leader: 3 }), {}, context([1, 2, 3]))).toBeNull();
  });

  test('a leader in controlled shutdown hands over to the next active ISR member in replica order', () => {
    const current = partition({ replicas: [3, 1, 2], isr: [2, 1, 3], leader: 3 });
    expect(build(current, { isr: [2, 1] }, context([1, 2]))).toMatchObject({ leader: 1, isr: [2, 1] });
  });

  test('AlterPartition growing the ISR changes only the ISR', () => {
    const current = partition({ replicas: [1, 2, 3], isr: [1], leader: 1 });
    expect(build(current, { isr: [1, 2] }, context([1, 2, 3]))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, isr: [1, 2] });
  });

  test('the ISR keeps the order it was asked in; another order is a change', () => {
    const current = partition({ replicas: [1, 2, 3], isr: [1, 2], leader: 1 });
    expect(build(current, { isr: [1, 2] }, context([1, 2, 3]))).toBeNull();
    expect(build(current, { isr: [2, 1] }, context([1, 2, 3]))).toMatchObject({ isr: [2, 1] });
  });

  test('ISR members that are not replicas, and repeats, are dropped', () => {
    const current = partition({ replicas: [1, 2, 3], isr: [1], leader: 1 });
    expect(build(current, { isr: [1, 9, 2, 1] }, context([1, 2, 3]))).toMatchObject({ isr: [1, 2] });
  });

  test('bumpLeaderEpoch with the same leader writes the leader field, so the epoch moves', () => {
    const change = build(threeReplicas, { bumpLeaderEpoch: true }, context([1, 2, 3]));
    expect(change).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, leader: 1 });
    expect(applyPartitionChange(threeReplicas, change as PartitionChangeRecord)).toMatchObject({ leader: 1, leaderEpoch: 8, partitionEpoch: 12 });
  });

  test('nothing to change gives null', () => {
    expect(build(threeReplicas, {}, context([1, 2, 3]))).toBeNull();
    expect(build(threeReplicas, { isr: [1, 2, 3], replicas: [1, 2, 3], addingReplicas: [], removingReplicas: [] }, context([1, 2, 3]))).toBeNull();
  });

  test('starting a reassignment: replicas and adding change, the leader stays', () => {
    const change = build(threeReplicas, { replicas: [1, 2, 3, 4], addingReplicas: [4] }, context([1, 2, 3, 4]));
    expect(change).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, replicas: [1, 2, 3, 4], addingReplicas: [4] });
  });

  test('completing a reassignment that drops the leader: the ISR and the leader move to the new replicas', () => {
    const current = partition({ replicas: [1, 2, 3, 4], isr: [1, 2, 3, 4], leader: 1, removingReplicas: [1], addingReplicas: [4] });
    const change = build(current, { replicas: [2, 3, 4], removingReplicas: [], addingReplicas: [] }, context([1, 2, 3, 4]));
    expect(change).toEqual({
      type: 'partitionChange',
      topicId: 'topic-a',
      partitionId: 3,
      leader: 2,
      isr: [2, 3, 4],
      replicas: [2, 3, 4],
      removingReplicas: [],
      addingReplicas: [],
    });
  });

  test('adding and removing are restricted to the replicas', () => {
    expect(build(threeReplicas, { addingReplicas: [3, 7] }, context([1, 2, 3]))).toMatchObject({ addingReplicas: [3] });
  });

  test('new replicas without any current ISR member leave the ISR empty and the partition offline', () => {
    const change = build(threeReplicas, { replicas: [4, 5] }, context([4, 5]));
    expect(change).toMatchObject({ leader: NO_LEADER, isr: [], replicas: [4, 5] });
  });
});

describe('the member kept when the ISR would empty', () => {
  const none = (): boolean => false;
  const only =
    (...ids: BrokerId[]) =>
    (id: BrokerId): boolean =>
      ids.includes(id);

  test('with no member active: the current leader when it is in the ISR', () => {
    expect(nextIsr([], partition({ replicas: [1, 2, 3], isr: [2, 3], leader: 3 }), [1, 2, 3], none)).toEqual([3]);
  });

  test('with no member active and no leader among them: the first current ISR member in replica order', () => {
    const current = partition({ replicas: [1, 2, 3], isr: [3, 2], leader: NO_LEADER });
    expect(lastIsrMember(current, [1, 2, 3], none)).toBe(2);
    expect(lastIsrMember(current, [3, 1, 2], none)).toBe(3);
  });

  test('an active member is kept over an inactive leader, so the partition stays online', () => {
    const current = partition({ replicas: [1, 2, 3], isr: [1, 3, 2], leader: 1 });
    expect(lastIsrMember(current, [1, 2, 3], only(3, 2))).toBe(2);
    expect(lastIsrMember(current, [1, 2, 3], only(1, 3))).toBe(1);
    expect(build(current, { isr: [] }, context([2, 3]))).toMatchObject({ leader: 2, isr: [2] });
  });

  test('must still be a replica', () => {
    expect(lastIsrMember(partition({ replicas: [1, 2, 3], isr: [2, 3], leader: 3 }), [1, 2], none)).toBe(2);
    expect(lastIsrMember(partition({ replicas: [1, 2, 3], isr: [2, 3], leader: 3 }), [1], none)).toBeUndefined();
  });
});

describe('electLeader', () => {
  const all = context([1, 2, 3]);

  test('keeps a current leader that is an active ISR member', () => {
    expect(electLeader([1, 2, 3], [1, 2, 3], 2, 'keep', all)).toEqual({ leader: 2, kind: 'isr' });
  });

  test('otherwise elects the first active ISR member in replica order, not ISR order', () => {
    expect(electLeader([3, 1, 2], [1, 2, 3], NO_LEADER, 'keep', all)).toEqual({ leader: 3, kind: 'isr' });
    expect(electLeader([3, 1, 2], [1, 2, 3], NO_LEADER, 'keep', context([1, 2]))).toEqual({ leader: 1, kind: 'isr' });
  });

  test('preferred falls back to the current leader, then to replica order', () => {
    expect(electLeader([1, 2, 3], [2, 3], 3, 'preferred', all)).toEqual({ leader: 3, kind: 'isr' });
    expect(electLeader([1, 2, 3], [2, 3], NO_LEADER, 'preferred', all)).toEqual({ leader: 2, kind: 'isr' });
  });

  test('never elects a current leader that is no longer a replica', () => {
    expect(electLeader([2, 3], [1, 2, 3], 1, 'keep', all)).toEqual({ leader: 2, kind: 'isr' });
  });

  test('reports an election outside the ISR as unclean', () => {
    expect(electLeader([1, 2, 3], [1], 1, 'keep', context([2, 3], true))).toEqual({ leader: 2, kind: 'unclean' });
    expect(electLeader([1, 2, 3], [1], 1, 'keep', context([2, 3], false))).toEqual({ leader: NO_LEADER, kind: 'none' });
  });
});

describe('small helpers', () => {
  test('restrictTo keeps order and drops repeats and strangers', () => {
    expect(restrictTo([3, 9, 1, 3], [1, 2, 3])).toEqual([3, 1]);
  });

  test('sameBrokers compares as lists', () => {
    expect(sameBrokers([1, 2], [1, 2])).toBe(true);
    expect(sameBrokers([1, 2], [2, 1])).toBe(false);
    expect(sameBrokers([1], [1, 2])).toBe(false);
  });
});

// ---- properties -------------------------------------------------------------------------------

const broker = fc.integer({ min: 0, max: 6 });
const brokerList = fc.uniqueArray(broker, { maxLength: 6 });

/** A valid current registration: ISR ⊆ replicas, leader in the ISR or NO_LEADER. */
const registration = fc
  .uniqueArray(broker, { minLength: 1, maxLength: 5 })
  .chain((replicas) =>
    fc.record({
      replicas: fc.constant(replicas),
      isr: fc.shuffledSubarray(replicas),
      adding: fc.subarray(replicas),
      removing: fc.subarray(replicas),
      leaderEpoch: fc.nat(100),
      partitionEpoch: fc.nat(100),
    }),
  )
  .chain((r) =>
    fc.constantFrom(NO_LEADER, ...r.isr).map(
      (leader): PartitionRegistration => ({
        replicas: r.replicas,
        isr: r.isr,
        addingReplicas: r.adding,
        removingReplicas: r.removing,
        leader,
        leaderEpoch: r.leaderEpoch,
        partitionEpoch: r.partitionEpoch,
        eligibleLeaderReplicas: [],
        lastKnownElr: [],
      }),
    ),
  );

const target: fc.Arbitrary<PartitionChangeTarget> = fc.record(
  {
    isr: brokerList,
    replicas: fc.uniqueArray(broker, { minLength: 1, maxLength: 6 }),
    addingReplicas: brokerList,
    removingReplicas: brokerList,
    election: fc.constantFrom<ElectionMode>('keep', 'preferred', 'unclean'),
    bumpLeaderEpoch: fc.boolean(),
  },
  { requiredKeys: [] },
);

const scenario = fc.record({
  current: registration,
  target,
  active: brokerList,
  uncleanAllowed: fc.boolean(),
});

type Scenario = { current: PartitionRegistration; target: PartitionChangeTarget; active: BrokerId[]; uncleanAllowed: boolean };

/** What the scenario asks for, computed here independently of the builder. */
function asked(s: Scenario) {
  const replicas = s.target.replicas ?? s.current.replicas;
  const inReplicas = (list: readonly BrokerId[]) => [...new Set(list)].filter((id) => replicas.includes(id));
  const isr = inReplicas(s.target.isr ?? s.current.isr);
  const survivors = inReplicas(s.current.isr);
  return {
    replicas,
    isr,
    survivors,
    adding: inReplicas(s.target.addingReplicas ?? s.current.addingReplicas),
    removing: inReplicas(s.target.removingReplicas ?? s.current.removingReplicas),
    /** Who may lead cleanly: the asked ISR, or a kept survivor when it asked for none. */
    clean: isr.length > 0 ? isr : survivors,
    unclean: s.uncleanAllowed || s.target.election === 'unclean',
  };
}

function outcome(s: Scenario) {
  const ctx = context(s.active, s.uncleanAllowed);
  const change = build(s.current, s.target, ctx);
  return { ctx, change, next: change === null ? s.current : applyPartitionChange(s.current, change) };
}

describe('buildPartitionChange: properties', () => {
  test('the leader is always an ISR member or NO_LEADER', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { next } = outcome(s);
        if (next.leader !== NO_LEADER) expect(next.isr).toContain(next.leader);
      }),
      runs(2000),
    );
  });

  test('the leader is never an inactive broker', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { next, ctx } = outcome(s);
        if (next.leader !== NO_LEADER) expect(ctx.isActive(next.leader)).toBe(true);
      }),
      runs(2000),
    );
  });

  test('a leader from outside the ISR only when unclean is allowed and no ISR member is active; it then leads alone', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { next, ctx } = outcome(s);
        const a = asked(s);
        if (next.leader === NO_LEADER || a.clean.includes(next.leader)) return;
        expect(a.unclean).toBe(true);
        expect(a.clean.some((id) => ctx.isActive(id))).toBe(false);
        expect(next.isr).toEqual([next.leader]);
      }),
      runs(2000),
    );
  });

  test('the ISR never empties while one of its members is still a replica', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { next } = outcome(s);
        if (asked(s).survivors.length > 0) expect(next.isr.length).toBeGreaterThan(0);
      }),
      runs(2000),
    );
  });

  test('null iff nothing changes; a record carries only fields that change', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { change } = outcome(s);
        const bump = s.target.bumpLeaderEpoch === true;
        if (change === null) {
          expect(bump).toBe(false);
          return;
        }
        if (change.leader !== undefined && !bump) expect(change.leader).not.toBe(s.current.leader);
        if (change.isr !== undefined) expect(sameBrokers(change.isr, s.current.isr)).toBe(false);
        if (change.replicas !== undefined) expect(sameBrokers(change.replicas, s.current.replicas)).toBe(false);
        if (change.addingReplicas !== undefined) expect(sameBrokers(change.addingReplicas, s.current.addingReplicas)).toBe(false);
        if (change.removingReplicas !== undefined) expect(sameBrokers(change.removingReplicas, s.current.removingReplicas)).toBe(false);
        const fields = [change.leader, change.isr, change.replicas, change.addingReplicas, change.removingReplicas];
        expect(fields.some((field) => field !== undefined)).toBe(true);
      }),
      runs(2000),
    );
  });

  test('applying the record gives what was asked', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { change, next } = outcome(s);
        const a = asked(s);
        expect(next.replicas).toEqual(a.replicas);
        expect(next.addingReplicas).toEqual(a.adding);
        expect(next.removingReplicas).toEqual(a.removing);
        if (next.leader !== NO_LEADER && !a.clean.includes(next.leader)) expect(next.isr).toEqual([next.leader]);
        else if (a.isr.length > 0) expect(next.isr).toEqual(a.isr);
        else if (a.survivors.length > 0) expect(next.isr).toHaveLength(1);
        else expect(next.isr).toEqual([]);
        for (const id of next.isr) expect(a.replicas).toContain(id);
        const leaderWritten = next.leader !== s.current.leader || s.target.bumpLeaderEpoch === true;
        expect(next.leaderEpoch).toBe(s.current.leaderEpoch + (leaderWritten ? 1 : 0));
        expect(next.partitionEpoch).toBe(s.current.partitionEpoch + (change === null ? 0 : 1));
      }),
      runs(2000),
    );
  });

  test('a clean election follows replica order, and keeps a leader that may stay', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { next, ctx } = outcome(s);
        const eligible = next.replicas.filter((id) => next.isr.includes(id) && ctx.isActive(id));
        const currentMayStay = next.isr.includes(s.current.leader) && ctx.isActive(s.current.leader);
        const preferred = s.target.election === 'preferred' && eligible.includes(next.replicas[0] ?? NO_LEADER);
        if (preferred) expect(next.leader).toBe(next.replicas[0]);
        else if (currentMayStay) expect(next.leader).toBe(s.current.leader);
        else if (eligible.length > 0) expect(next.leader).toBe(eligible[0]);
      }),
      runs(2000),
    );
  });

  test('the result is a fixed point: asking again for the same thing changes nothing', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { next, ctx } = outcome(s);
        expect(build(next, { ...s.target, bumpLeaderEpoch: false }, ctx)).toBeNull();
      }),
      runs(2000),
    );
  });
});

// ---- KIP-966: Eligible Leader Replicas ---------------------------------------------------------

describe('buildPartitionChange with Eligible Leader Replicas (min ISR 2)', () => {
  const elr = (active: readonly BrokerId[], uncleanAllowed = false): ElectionContext => context(active, uncleanAllowed, 2);
  const step = (current: PartitionRegistration, target: PartitionChangeTarget, ctx: ElectionContext): PartitionRegistration => {
    const change = build(current, target, ctx);
    return change === null ? current : applyPartitionChange(current, change);
  };

  test('two replicas crash, then the last ISR member: the crashed members wait in the ELR, and the first back leads', () => {
    let p = partition({ replicas: [1, 2, 3], isr: [1, 2, 3], leader: 1 });
    // 3 fenced: the ISR is still at min ISR, so the HW moves on without 3 — it is not eligible.
    p = step(p, { isr: [1, 2], eligibleLeavers: [3] }, elr([1, 2]));
    expect(p).toMatchObject({ leader: 1, isr: [1, 2], eligibleLeaderReplicas: [], lastKnownElr: [] });
    // 2 fenced: below min ISR the HW stops, so 2 holds every committed record.
    p = step(p, { isr: [1], eligibleLeavers: [2] }, elr([1]));
    expect(p).toMatchObject({ leader: 1, isr: [1], eligibleLeaderReplicas: [2] });
    // 1, the last ISR member, fenced: the ISR empties into the ELR; 1 is remembered as the last leader.
    p = step(p, { isr: [], eligibleLeavers: [1] }, elr([]));
    expect(p).toMatchObject({ leader: NO_LEADER, isr: [], eligibleLeaderReplicas: [2, 1], lastKnownElr: [1] });
    // 2 comes back: it leads from the ELR, alone in the ISR; 1 stays eligible.
    const before = p.leaderEpoch;
    p = step(p, {}, elr([2]));
    expect(p).toMatchObject({ leader: 2, isr: [2], eligibleLeaderReplicas: [1], lastKnownElr: [], leaderEpoch: before + 1 });
    // 3 catches up and joins: the ISR is at min ISR again, the HW moves, and the ELR is over.
    p = step(p, { isr: [2, 3] }, elr([2, 3]));
    expect(p).toMatchObject({ leader: 2, isr: [2, 3], eligibleLeaderReplicas: [] });
  });

  test('a member a leader drops for falling behind is not eligible, even below min ISR', () => {
    const p = partition({ replicas: [1, 2, 3], isr: [1, 2], leader: 1 });
    expect(build(p, { isr: [1] }, elr([1, 2, 3]))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, isr: [1] });
  });

  test('a last member whose replica went offline stays in the ISR (it may not lead from the ELR)', () => {
    const p = partition({ replicas: [1, 2, 3], isr: [1], leader: 1 });
    expect(build(p, { isr: [] }, elr([2, 3]))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, leader: NO_LEADER });
  });

  test('an ELR member that rejoins the ISR leaves the ELR', () => {
    const p = partition({ replicas: [1, 2, 3], isr: [1], leader: 1, eligibleLeaderReplicas: [2, 3] });
    expect(build(p, { isr: [1, 3] }, context([1, 2, 3], false, 3))).toMatchObject({ isr: [1, 3], eligibleLeaderReplicas: [2] });
  });

  test('a min ISR that drops to the ISR size clears the ELR (the HW may move without it)', () => {
    const p = partition({ replicas: [1, 2, 3], isr: [1], leader: 1, eligibleLeaderReplicas: [2] });
    expect(build(p, {}, context([1, 2, 3], false, 1))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, eligibleLeaderReplicas: [] });
    expect(build(p, {}, elr([1, 2, 3]))).toBeNull();
  });

  test('an ELR election happens only with an empty ISR, in replica order, preferred first when asked', () => {
    const waiting = partition({ replicas: [3, 1, 2], isr: [], leader: NO_LEADER, eligibleLeaderReplicas: [1, 2, 3] });
    expect(build(waiting, {}, elr([1, 2, 3]))).toMatchObject({ leader: 3, isr: [3], eligibleLeaderReplicas: [1, 2] });
    expect(build(waiting, {}, elr([1, 2]))).toMatchObject({ leader: 1, isr: [1], eligibleLeaderReplicas: [2, 3] });
    expect(electLeader([3, 1, 2], [2], NO_LEADER, 'keep', elr([1, 2, 3]), { elr: [1], lastKnownElr: [] })).toEqual({ leader: 2, kind: 'isr' });
    expect(electLeader([3, 1, 2], [], NO_LEADER, 'preferred', elr([1, 2, 3]), { elr: [1, 3], lastKnownElr: [] })).toEqual({ leader: 3, kind: 'elr' });
  });

  test('an unregistered broker leaves the ELR', () => {
    const p = partition({ replicas: [1, 2, 3], isr: [], leader: NO_LEADER, eligibleLeaderReplicas: [1, 2], lastKnownElr: [1] });
    expect(build(p, { ineligible: [2] }, elr([]))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, eligibleLeaderReplicas: [1] });
  });

  test('with the ELR empty too, the last known leader leads again when it returns', () => {
    const p = partition({ replicas: [1, 2, 3], isr: [], leader: NO_LEADER, lastKnownElr: [1] });
    expect(build(p, {}, elr([2, 3]))).toBeNull();
    expect(build(p, {}, elr([1, 2]))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, leader: 1, isr: [1], lastKnownElr: [] });
  });

  test('an unclean election clears the ELR and the last known leader', () => {
    const p = partition({ replicas: [1, 2, 3], isr: [], leader: NO_LEADER, eligibleLeaderReplicas: [1], lastKnownElr: [1] });
    expect(build(p, {}, elr([3], true))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, leader: 3, isr: [3], eligibleLeaderReplicas: [], lastKnownElr: [] });
  });

  test('a reassignment that removes an ELR member takes it out of the ELR', () => {
    const p = partition({ replicas: [1, 2, 3], isr: [1], leader: 1, eligibleLeaderReplicas: [2, 3] });
    expect(build(p, { replicas: [1, 2, 4], addingReplicas: [4] }, context([1, 2, 4], false, 3))).toMatchObject({ eligibleLeaderReplicas: [2] });
  });

  test('with ELR off, an ELR left behind folds back into the ISR as its last member', () => {
    const p = partition({ replicas: [1, 2, 3], isr: [], leader: NO_LEADER, eligibleLeaderReplicas: [2, 1], lastKnownElr: [1] });
    expect(build(p, {}, context([1]))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, leader: 1, isr: [1], eligibleLeaderReplicas: [], lastKnownElr: [] });
    expect(build(p, {}, context([]))).toEqual({ type: 'partitionChange', topicId: 'topic-a', partitionId: 3, isr: [1], eligibleLeaderReplicas: [], lastKnownElr: [] });
  });
});

/** A valid registration under KIP-966: ISR and ELR disjoint within the replicas, the ISR possibly empty. */
const elrRegistration = fc
  .uniqueArray(broker, { minLength: 1, maxLength: 5 })
  .chain((replicas) =>
    fc.record({
      replicas: fc.constant(replicas),
      members: fc.shuffledSubarray(replicas),
      split: fc.nat(5),
      lastKnown: fc.option(fc.constantFrom(...replicas), { nil: undefined }),
    }),
  )
  .chain(({ replicas, members, split, lastKnown }) => {
    const isr = members.slice(0, Math.min(split, members.length));
    const eligible = members.slice(isr.length);
    return fc.constantFrom(NO_LEADER, ...isr).map(
      (leader): PartitionRegistration => ({
        replicas,
        isr,
        addingReplicas: [],
        removingReplicas: [],
        leader,
        leaderEpoch: 3,
        partitionEpoch: 5,
        eligibleLeaderReplicas: eligible,
        lastKnownElr: isr.length === 0 && lastKnown !== undefined ? [lastKnown] : [],
      }),
    );
  });

const elrScenario = fc.record({
  current: elrRegistration,
  target: fc.record(
    {
      isr: brokerList,
      replicas: fc.uniqueArray(broker, { minLength: 1, maxLength: 6 }),
      election: fc.constantFrom<ElectionMode>('keep', 'preferred', 'unclean'),
      eligibleLeavers: brokerList,
      ineligible: brokerList,
    },
    { requiredKeys: [] },
  ),
  active: brokerList,
  uncleanAllowed: fc.boolean(),
  minIsr: fc.integer({ min: 1, max: 4 }),
});

describe('buildPartitionChange with Eligible Leader Replicas: properties', () => {
  const run = (s: { current: PartitionRegistration; target: PartitionChangeTarget; active: BrokerId[]; uncleanAllowed: boolean; minIsr: number }) => {
    const ctx = context(s.active, s.uncleanAllowed, s.minIsr);
    const change = build(s.current, s.target, ctx);
    return { ctx, change, next: change === null ? s.current : applyPartitionChange(s.current, change) };
  };

  test('the ELR stays within the replicas, apart from the ISR, and empty once the ISR is at min ISR', () => {
    fc.assert(
      fc.property(elrScenario, (s) => {
        const { next } = run(s);
        for (const id of next.eligibleLeaderReplicas) {
          expect(next.replicas).toContain(id);
          expect(next.isr).not.toContain(id);
        }
        if (next.isr.length >= Math.min(s.minIsr, next.replicas.length)) expect(next.eligibleLeaderReplicas).toEqual([]);
      }),
      runs(2000),
    );
  });

  test('only eligible leavers join the ELR: nobody the change does not name, nobody ineligible', () => {
    fc.assert(
      fc.property(elrScenario, (s) => {
        const { next } = run(s);
        for (const id of next.eligibleLeaderReplicas) {
          expect(s.target.ineligible ?? []).not.toContain(id);
          if (!s.current.eligibleLeaderReplicas.includes(id)) {
            expect(s.target.eligibleLeavers ?? []).toContain(id);
            expect(s.current.isr).toContain(id);
          }
        }
      }),
      runs(2000),
    );
  });

  test('a new leader comes from the ISR asked for, else from the ELR, else the last known leader — or an unclean election that leads alone', () => {
    fc.assert(
      fc.property(elrScenario, (s) => {
        const { next, ctx } = run(s);
        if (next.leader === NO_LEADER || next.leader === s.current.leader) return;
        expect(ctx.isActive(next.leader)).toBe(true);
        const replicas = s.target.replicas ?? s.current.replicas;
        const asked = restrictTo(s.target.isr ?? s.current.isr, replicas);
        // An ISR asked empty keeps a current member unless it left for the ELR (the pre-KIP-966 rule).
        if ((asked.length > 0 ? asked : restrictTo(s.current.isr, replicas)).includes(next.leader)) return;
        expect(next.isr).toEqual([next.leader]);
        const fromElr = s.current.eligibleLeaderReplicas.includes(next.leader) || (s.target.eligibleLeavers ?? []).includes(next.leader);
        const lastKnown = s.current.lastKnownElr.includes(next.leader);
        if (!fromElr && !lastKnown) {
          expect(s.uncleanAllowed || s.target.election === 'unclean').toBe(true);
          expect(next.eligibleLeaderReplicas).toEqual([]);
        }
      }),
      runs(2000),
    );
  });

  test('a leader always leads; an empty ISR has no leader', () => {
    fc.assert(
      fc.property(elrScenario, (s) => {
        const { next } = run(s);
        if (next.leader !== NO_LEADER) expect(next.isr).toContain(next.leader);
        if (next.isr.length === 0) expect(next.leader).toBe(NO_LEADER);
      }),
      runs(2000),
    );
  });

  test('the result is a fixed point', () => {
    fc.assert(
      fc.property(elrScenario, (s) => {
        const { next, ctx } = run(s);
        expect(build(next, s.target, ctx)).toBeNull();
      }),
      runs(2000),
    );
  });
});
