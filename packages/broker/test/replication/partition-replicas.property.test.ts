/**
 * LeaderReplicaState against random follower fetches, leader appends, clock ticks, ISR proposals and
 * controller answers. After every step: the HW never decreases, never exceeds the log end of any
 * member of the (maximal) ISR, the leader included, and does not move while the ISR is below min
 * ISR; a proposed shrink never removes the leader; a proposed expansion only adds followers whose
 * log end is ≥ the HW and ≥ the leader epoch start offset.
 *
 * Followers' log ends only grow (a follower of this leader epoch has already truncated, KIP-279), and
 * an ISR member starts at or above the leader's initial HW, as it does after a clean election.
 * Replay a failure with FC_SEED=<seed printed in the failure>.
 */
import fc from 'fast-check';
import { isrToExpand, isrToShrink, onAlterPartitionResult } from '../../src/replication/isr-change';
import { LeaderReplicaState } from '../../src/replication/partition-replicas';

const LAG = 50;
const ERRORS = ['FENCED_LEADER_EPOCH', 'INVALID_UPDATE_VERSION', 'NEW_LEADER_ELECTED', 'OPERATION_NOT_ATTEMPTED', 'INELIGIBLE_REPLICA', 'REQUEST_TIMED_OUT'];

type Op =
  | { readonly op: 'append'; readonly n: number }
  | { readonly op: 'fetch'; readonly follower: number; readonly step: number }
  | { readonly op: 'tick'; readonly ms: number }
  | { readonly op: 'shrink' }
  | { readonly op: 'expand' }
  | { readonly op: 'answer'; readonly error: number }
  | { readonly op: 'metadata'; readonly applied: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('append' as const), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('fetch' as const), follower: fc.nat(3), step: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ op: fc.constant('fetch' as const), follower: fc.nat(3), step: fc.constant(1_000) }), // all the way
  fc.record({ op: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 80 }) }),
  fc.constant({ op: 'shrink' as const }),
  fc.constant({ op: 'expand' as const }),
  fc.record({ op: fc.constant('answer' as const), error: fc.integer({ min: -3, max: ERRORS.length - 1 }) }), // < 0: success
  fc.record({ op: fc.constant('metadata' as const), applied: fc.boolean() }),
);

const scenarioArb = fc
  .record({
    rf: fc.integer({ min: 1, max: 4 }),
    minIsr: fc.integer({ min: 1, max: 3 }),
    hw: fc.nat(10),
    extra: fc.nat(10),
    inIsr: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    starts: fc.array(fc.nat(1_000), { minLength: 3, maxLength: 3 }),
    ops: fc.array(opArb, { maxLength: 120 }),
  })
  .map((s) => ({ ...s, inIsr: s.inIsr.slice(0, s.rf - 1), starts: s.starts.slice(0, s.rf - 1) }));

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function run(s: Scenario): void {
  const leaderId = 1;
  const followers = s.inIsr.map((_, i) => i + 2);
  const replicas = [leaderId, ...followers];
  const isr = [leaderId, ...followers.filter((_, i) => s.inIsr[i])];
  const leaderEnd0 = s.hw + s.extra;
  let now = 1_000;
  const state = new LeaderReplicaState({
    topicId: 't',
    partitionId: 0,
    leaderId,
    leaderEpoch: 3,
    partitionEpoch: 0,
    replicas,
    isr,
    logEndOffset: leaderEnd0,
    highWatermark: s.hw,
    minInsyncReplicas: s.minIsr,
    now,
  });
  // The followers' true log ends: ISR members hold at least the HW; others anything up to the leader's end.
  const leo = new Map<number, number>();
  followers.forEach((id, i) => {
    const lo = s.inIsr[i] ? s.hw : 0;
    leo.set(id, lo + (s.starts[i]! % (leaderEnd0 - lo + 1)));
  });
  let leaderEnd = leaderEnd0;
  let hw = state.highWatermark();

  const check = (): void => {
    const next = state.highWatermark();
    expect(next).toBeGreaterThanOrEqual(hw);
    expect(next).toBeLessThanOrEqual(leaderEnd);
    // Every member of the committed ISR (a pending shrink's victims too, until the controller
    // agrees) and every follower a pending expansion adds holds the HW.
    const pending = state.isrState;
    const mustHold = [...state.isr, ...(pending.kind === 'pending-expand' ? pending.adding : [])];
    for (const id of mustHold) {
      if (id !== leaderId) expect(next).toBeLessThanOrEqual(leo.get(id)!);
    }
    if (state.isr.length < Math.min(s.minIsr, replicas.length)) expect(next).toBe(hw);
    hw = next;
  };

  for (const o of s.ops) {
    switch (o.op) {
      case 'append':
        leaderEnd += o.n;
        state.onLeaderAppend(leaderEnd);
        break;
      case 'fetch': {
        const id = followers[o.follower % Math.max(1, followers.length)];
        if (id === undefined) break;
        const at = Math.min(leaderEnd, leo.get(id)! + o.step);
        leo.set(id, at);
        expect(state.onFollowerFetch(now, id, at, leaderEnd)).toBeNull();
        break;
      }
      case 'tick':
        now += o.ms;
        break;
      case 'shrink': {
        const p = isrToShrink(state, now, LAG);
        if (p === null) break;
        expect(p.kind).toBe('shrink');
        expect(p.newIsr).toContain(leaderId);
        expect(p.removing).not.toContain(leaderId);
        for (const id of p.removing) expect(state.isr).toContain(id);
        expect(state.beginIsrChange(p)).not.toBeNull();
        break;
      }
      case 'expand': {
        const p = isrToExpand(state);
        if (p === null) break;
        expect(p.kind).toBe('expand');
        for (const id of p.adding) {
          expect(state.isr).not.toContain(id);
          expect(leo.get(id)!).toBeGreaterThanOrEqual(state.highWatermark());
          expect(leo.get(id)!).toBeGreaterThanOrEqual(state.leaderEpochStartOffset);
        }
        expect(state.beginIsrChange(p)).not.toBeNull();
        break;
      }
      case 'answer': {
        const req = state.pendingAlterPartition();
        if (req === null) break;
        const code = ERRORS[o.error];
        onAlterPartitionResult(
          state,
          code === undefined
            ? { error: null, state: { topicId: 't', partitionId: 0, leader: leaderId, leaderEpoch: 3, partitionEpoch: req.partitionEpoch + 1, isr: req.newIsr } }
            : { error: { code }, state: null },
        );
        break;
      }
      case 'metadata': {
        // New metadata settles a pending change: either the controller applied it, or it kept the ISR and bumped the epoch.
        const req = state.pendingAlterPartition();
        if (req === null) break;
        const isrNow = o.applied ? req.newIsr : state.isr;
        expect(state.onPartitionMetadata({ topicId: 't', partitionId: 0, leader: leaderId, leaderEpoch: 3, partitionEpoch: req.partitionEpoch + 1, isr: isrNow }, state.replicas, now)).toBe('updated');
        break;
      }
    }
    check();
    expect(state.isr).toContain(leaderId);
  }
}

describe('LeaderReplicaState under random fetches, appends, time and ISR changes', () => {
  it('keeps the HW and ISR-change invariants', () => {
    const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
    try {
      fc.assert(fc.property(scenarioArb, (s) => run(s)), { seed, numRuns: Number(process.env.FC_RUNS ?? 300) });
    } catch (e) {
      throw new Error(`property failed; replay with FC_SEED=${seed}\n${(e as Error).message}`);
    }
  });
});
