/**
 * Random leader and follower epoch histories that share a prefix and then diverge; the follower
 * fetches from the leader over and over, applying followerFetchDecision to each answer of
 * validateFollowerFetch. It must converge to the leader's log (from the leader's log start on), and
 * no truncation may cut into the shared prefix.
 *
 * Histories respect what leader epochs guarantee (one leader per epoch, so an epoch's records are the
 * same wherever they appear): after the shared prefix, at most one side continues the prefix's last
 * epoch, every later epoch belongs to one side only, and the current leader was elected at an epoch
 * above all of them, registered at its log end. The leader's log may have lost a prefix to retention.
 * Logs are arrays of {offset, epoch} (./epoch-log-model).
 * Replay a failure with FC_SEED=<seed printed in the failure>.
 */
import fc from 'fast-check';
import { validateFollowerFetch } from '../../src/replication/fetch-validation';
import { followerFetchDecision } from '../../src/replication/follower-truncation';
import {
  followerView,
  latestEpoch,
  leaderView,
  logEnd,
  modelLog,
  restartModelAt,
  truncateModel,
  type ModelLog,
} from './epoch-log-model';

interface Run {
  readonly epochGap: number;
  readonly count: number;
  readonly toLeader: boolean;
}

const runArb: fc.Arbitrary<Run> = fc.record({ epochGap: fc.integer({ min: 1, max: 2 }), count: fc.integer({ min: 1, max: 4 }), toLeader: fc.boolean() });

const scenarioArb = fc.record({
  prefix: fc.array(fc.record({ epochGap: fc.integer({ min: 0, max: 2 }), count: fc.integer({ min: 1, max: 4 }) }), { maxLength: 4 }),
  /** Records of the prefix's last epoch one side holds beyond the prefix. */
  continuation: fc.record({ count: fc.nat(3), toLeader: fc.boolean() }),
  tails: fc.array(runArb, { maxLength: 6 }),
  /** Where retention put the leader's log start, as a fraction of its length. */
  leaderStartFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  followerHwFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  /** Records the leader returns per fetch. */
  chunk: fc.integer({ min: 1, max: 5 }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function histories(s: Scenario): { leader: number[]; follower: number[]; prefixLength: number; currentEpoch: number } {
  const prefix: number[] = [];
  let epoch = 0;
  for (const r of s.prefix) {
    epoch += r.epochGap;
    for (let i = 0; i < r.count; i++) prefix.push(epoch);
  }
  const leader = [...prefix];
  const follower = [...prefix];
  if (prefix.length > 0) {
    for (let i = 0; i < s.continuation.count; i++) (s.continuation.toLeader ? leader : follower).push(epoch);
  }
  for (const r of s.tails) {
    epoch += r.epochGap;
    for (let i = 0; i < r.count; i++) (r.toLeader ? leader : follower).push(epoch);
  }
  return { leader, follower, prefixLength: prefix.length, currentEpoch: epoch + 1 };
}

function run(s: Scenario): void {
  const h = histories(s);
  const leaderStart = Math.floor(s.leaderStartFraction * h.leader.length);
  const leader: ModelLog = modelLog(h.leader.slice(leaderStart), leaderStart, h.currentEpoch);
  const follower: ModelLog = modelLog(h.follower);
  let hw = Math.floor(s.followerHwFraction * h.follower.length);
  const view = leaderView(leader, h.currentEpoch);
  const maxSteps = 2 * (h.leader.length + h.follower.length) + 10;

  let done = false;
  for (let step = 0; step < maxSteps && !done; step++) {
    const request = { currentLeaderEpoch: h.currentEpoch, fetchOffset: logEnd(follower), lastFetchedEpoch: latestEpoch(follower) ?? -1 };
    const answer = validateFollowerFetch(view, request);
    const decision = followerFetchDecision(followerView(follower, hw), answer);
    switch (decision.kind) {
      case 'append': {
        if (answer.kind !== 'read') throw new Error(`append without records: ${JSON.stringify(answer)}`);
        const from = answer.fetchOffset - leader.start;
        const got = leader.records.slice(from, from + s.chunk);
        if (got.length === 0) done = true;
        follower.records.push(...got.map((r) => ({ ...r })));
        break;
      }
      case 'truncate':
        if (decision.to < Math.min(h.prefixLength, logEnd(follower))) {
          throw new Error(`truncation to ${decision.to} cuts into the shared prefix of ${h.prefixLength}`);
        }
        if (decision.to >= logEnd(follower) && answer.kind === 'diverging') {
          throw new Error(`a diverging answer must shorten the log, got truncation to ${decision.to} of ${logEnd(follower)}`);
        }
        truncateModel(follower, decision.to);
        hw = Math.min(hw, decision.to);
        break;
      case 'restartAt':
        restartModelAt(follower, decision.offset);
        hw = Math.min(hw, decision.offset);
        break;
      default:
        throw new Error(`unexpected decision ${JSON.stringify(decision)} for ${JSON.stringify(answer)}`);
    }
  }
  if (!done) throw new Error(`no convergence within ${maxSteps} fetches`);
  expect(logEnd(follower)).toBe(logEnd(leader));
  const fromLeaderStart = follower.records.filter((r) => r.offset >= leader.start);
  expect(fromLeaderStart).toEqual(leader.records);
  // With no retention on the leader, the follower is an exact copy.
  if (leaderStart === 0) expect(follower.records).toEqual(leader.records);
}

describe('follower fetch decisions (property)', () => {
  it('converge to the leader log without cutting into the shared prefix', () => {
    const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
    try {
      fc.assert(fc.property(scenarioArb, (s) => run(s)), { seed, numRuns: Number(process.env.FC_RUNS ?? 500) });
    } catch (e) {
      throw new Error(`property failed; replay with FC_SEED=${seed}\n${(e as Error).message}`);
    }
  });
});
