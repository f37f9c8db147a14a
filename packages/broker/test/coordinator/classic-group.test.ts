import fc from 'fast-check';
import { KafkaErrorCode } from '@kz/kafka-protocol';
import { ClassicGroup, DEFAULT_GROUP_CONFIG, type GroupConfig, type PersistGroup } from '../../src/coordinator/classic-group';
import type { GroupMetadata } from '../../src/coordinator/consumer-offsets-records';
import type { JoinGroupRequest, JoinGroupResponse, SyncGroupResponse } from '../../src/protocol/group-membership';

const DELAY = 3000;
const CONFIG: GroupConfig = { ...DEFAULT_GROUP_CONFIG, initialRebalanceDelayMs: DELAY };
const SESSION = 10_000;
const REBALANCE = 30_000;

/** A group with a persistence that records every write and completes it when told (or at once). */
class Harness {
  readonly writes: GroupMetadata[] = [];
  private readonly unfinished: ((errorCode: number, now: number) => void)[] = [];
  holdWrites = false;
  now = 0;
  private nextId = 1;
  readonly group: ClassicGroup;

  constructor(config: GroupConfig = CONFIG) {
    const persist: PersistGroup = (record, done) => {
      this.writes.push(record);
      if (this.holdWrites) this.unfinished.push(done);
      else done(0, this.now);
    };
    this.group = new ClassicGroup('g', config, persist, (prefix) => `${prefix}-${this.nextId++}`);
  }

  finishWrites(errorCode = 0): void {
    for (const done of this.unfinished.splice(0)) done(errorCode, this.now);
  }

  join(memberId: string, options: Partial<JoinGroupRequest> = {}): { response: JoinGroupResponse | null } {
    const call: { response: JoinGroupResponse | null } = { response: null };
    this.group.join(
      this.now,
      {
        groupId: 'g',
        sessionTimeoutMs: SESSION,
        rebalanceTimeoutMs: REBALANCE,
        memberId,
        groupInstanceId: null,
        protocolType: 'consumer',
        protocols: [{ name: 'range', metadata: Buffer.from(`sub-${memberId}`) }],
        clientId: 'client',
        clientHost: '/127.0.0.1',
        requireKnownMemberId: true,
        ...options,
      },
      (response) => {
        if (call.response !== null) throw new Error(`join of ${memberId} answered twice`);
        call.response = response;
      },
    );
    return call;
  }

  /** KIP-394: the first join gets an id, the second joins with it. */
  joinNew(options: Partial<JoinGroupRequest> = {}): { memberId: string; call: { response: JoinGroupResponse | null } } {
    const first = this.join('', options).response!;
    expect(first.errorCode).toBe(KafkaErrorCode.MEMBER_ID_REQUIRED);
    return { memberId: first.memberId, call: this.join(first.memberId, options) };
  }

  sync(memberId: string, generationId: number, assignments: Record<string, string> = {}): { response: SyncGroupResponse | null } {
    const call: { response: SyncGroupResponse | null } = { response: null };
    this.group.sync(
      this.now,
      {
        groupId: 'g',
        generationId,
        memberId,
        groupInstanceId: null,
        protocolType: null,
        protocolName: null,
        assignments: Object.entries(assignments).map(([id, a]) => ({ memberId: id, assignment: Buffer.from(a) })),
      },
      (response) => {
        if (call.response !== null) throw new Error(`sync of ${memberId} answered twice`);
        call.response = response;
      },
    );
    return call;
  }

  heartbeat(memberId: string, generationId: number, groupInstanceId: string | null = null): number {
    return this.group.heartbeat(this.now, { groupId: 'g', generationId, memberId, groupInstanceId });
  }

  advance(ms: number): void {
    this.now += ms;
    this.group.tick(this.now);
  }
}

/** Two members through their first rebalance into Stable: a leader and a follower. */
function stableGroup(): { h: Harness; a: string; b: string; generation: number } {
  const h = new Harness();
  const a = h.joinNew();
  const b = h.joinNew();
  // A new group waits group.initial.rebalance.delay.ms for more members before its first generation.
  expect(a.call.response).toBeNull();
  h.advance(DELAY);
  expect(a.call.response).toMatchObject({ errorCode: 0, generationId: 1, protocolName: 'range', leader: a.memberId });
  expect(b.call.response).toMatchObject({ errorCode: 0, generationId: 1, leader: a.memberId, members: [] });
  expect(a.call.response!.members.map((m) => m.memberId)).toEqual([a.memberId, b.memberId]);
  const followerSync = h.sync(b.memberId, 1);
  expect(followerSync.response).toBeNull();
  const leaderSync = h.sync(a.memberId, 1, { [a.memberId]: 'A', [b.memberId]: 'B' });
  expect(Buffer.from(leaderSync.response!.assignment).toString()).toBe('A');
  expect(Buffer.from(followerSync.response!.assignment).toString()).toBe('B');
  expect(h.group.state).toBe('Stable');
  return { h, a: a.memberId, b: b.memberId, generation: 1 };
}

describe('ClassicGroup', () => {
  it('hands out member ids first (KIP-394), elects a leader, and gives each member the leader’s assignment once it is durable', () => {
    const h = new Harness();
    h.holdWrites = true;
    const a = h.joinNew();
    const b = h.joinNew();
    h.advance(DELAY);
    const followerSync = h.sync(b.memberId, 1);
    const leaderSync = h.sync(a.memberId, 1, { [a.memberId]: 'A', [b.memberId]: 'B' });
    // Not answered before the record of generation 1 is durable.
    expect(leaderSync.response).toBeNull();
    expect(h.writes).toHaveLength(1);
    expect(h.writes[0]).toMatchObject({ protocolType: 'consumer', generation: 1, protocol: 'range', leader: a.memberId });
    expect(h.writes[0]!.members.map((m) => Buffer.from(m.assignment).toString())).toEqual(['A', 'B']);
    h.finishWrites();
    expect(Buffer.from(followerSync.response!.assignment).toString()).toBe('B');
    expect(h.group.state).toBe('Stable');
  });

  it('rebalances when a member joins: the others learn it from their heartbeats and rejoin into the next generation', () => {
    const { h, a, b } = stableGroup();
    const c = h.joinNew();
    expect(h.group.state).toBe('PreparingRebalance');
    expect(h.heartbeat(a, 1)).toBe(KafkaErrorCode.REBALANCE_IN_PROGRESS);
    expect(c.call.response).toBeNull();
    const ra = h.join(a);
    const rb = h.join(b);
    for (const call of [ra, rb, c.call]) expect(call.response).toMatchObject({ errorCode: 0, generationId: 2, leader: a });
    expect(ra.response!.members).toHaveLength(3);
    // The old generation is over.
    expect(h.heartbeat(b, 1)).toBe(KafkaErrorCode.ILLEGAL_GENERATION);
    expect(h.heartbeat(b, 2)).toBe(0);
  });

  it('removes a member whose session expires, and one that does not rejoin a rebalance in time', () => {
    const { h, a, b } = stableGroup();
    h.advance(SESSION - 1);
    expect(h.heartbeat(a, 1)).toBe(0);
    h.advance(2);
    // b was silent for a whole session: out, and the group rebalances without it.
    expect(h.group.state).toBe('PreparingRebalance');
    const ra = h.join(a);
    expect(ra.response).toMatchObject({ errorCode: 0, generationId: 2, members: [{ memberId: a }] });
    expect(h.heartbeat(b, 2)).toBe(KafkaErrorCode.UNKNOWN_MEMBER_ID);

    // A third member joins; a does not rejoin within the rebalance timeout and is dropped.
    const sa = h.sync(a, 2, { [a]: 'A' });
    expect(sa.response?.errorCode).toBe(0);
    const c = h.joinNew();
    h.advance(SESSION - 1);
    expect(h.heartbeat(a, 2)).toBe(KafkaErrorCode.REBALANCE_IN_PROGRESS);
    h.advance(REBALANCE);
    expect(c.call.response).toMatchObject({ errorCode: 0, generationId: 3, leader: c.memberId, members: [{ memberId: c.memberId }] });
  });

  it('a leaving member starts a rebalance; the last one leaving empties the group and records that', () => {
    const { h, a, b } = stableGroup();
    expect(h.group.leave(h.now, { groupId: 'g', members: [{ memberId: b, groupInstanceId: null }] })).toEqual({ errorCode: 0, members: [{ memberId: b, groupInstanceId: null, errorCode: 0 }] });
    const ra = h.join(a);
    expect(ra.response).toMatchObject({ generationId: 2, members: [{ memberId: a }] });
    h.sync(a, 2, { [a]: 'A' });
    h.group.leave(h.now, { groupId: 'g', members: [{ memberId: a, groupInstanceId: null }] });
    expect(h.group.state).toBe('Empty');
    expect(h.writes[h.writes.length - 1]).toMatchObject({ generation: 3, members: [], protocol: null, leader: null });
    expect(h.group.leave(h.now, { groupId: 'g', members: [{ memberId: 'nobody', groupInstanceId: null }] }).members[0]!.errorCode).toBe(KafkaErrorCode.UNKNOWN_MEMBER_ID);
  });

  it('a static member restarting keeps its assignment without a rebalance, and its old incarnation is fenced (KIP-345)', () => {
    const h = new Harness();
    const a = h.join('', { groupInstanceId: 'consumer-a' });
    const b = h.join('', { groupInstanceId: 'consumer-b' });
    h.advance(DELAY);
    const aId = a.response!.memberId;
    const bId = b.response!.memberId;
    expect(a.response!.generationId).toBe(1);
    h.sync(bId, 1);
    h.sync(aId, 1, { [aId]: 'A', [bId]: 'B' });
    expect(h.group.state).toBe('Stable');

    // b restarts: a new join with its instance id and no member id.
    // Same subscription as before (its metadata is the same bytes).
    const again = h.join('', { groupInstanceId: 'consumer-b' });
    const newId = again.response!.memberId;
    expect(newId).not.toBe(bId);
    expect(again.response).toMatchObject({ errorCode: 0, generationId: 1 });
    expect(h.group.state).toBe('Stable');
    const sync = h.sync(newId, 1);
    expect(Buffer.from(sync.response!.assignment).toString()).toBe('B');
    expect(h.heartbeat(bId, 1, 'consumer-b')).toBe(KafkaErrorCode.FENCED_INSTANCE_ID);
    expect(h.heartbeat(newId, 1, 'consumer-b')).toBe(0);
  });

  it('refuses what does not fit the group: session timeout bounds, an incompatible protocol, a stale generation', () => {
    const { h, a } = stableGroup();
    expect(h.join('', { sessionTimeoutMs: 1 }).response?.errorCode).toBe(KafkaErrorCode.INVALID_SESSION_TIMEOUT);
    expect(h.join('', { protocols: [{ name: 'roundrobin', metadata: Buffer.from('x') }] }).response?.errorCode).toBe(KafkaErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    expect(h.join('', { protocolType: 'connect' }).response?.errorCode).toBe(KafkaErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    expect(h.sync(a, 7).response?.errorCode).toBe(KafkaErrorCode.ILLEGAL_GENERATION);
    expect(h.sync('stranger', 1).response?.errorCode).toBe(KafkaErrorCode.UNKNOWN_MEMBER_ID);
  });

  it('chooses the protocol every member supports that most prefer', () => {
    const h = new Harness();
    const protocols = (...names: string[]) => ({ protocols: names.map((name) => ({ name, metadata: Buffer.from(name) })) });
    const a = h.joinNew(protocols('cooperative-sticky', 'range'));
    const b = h.joinNew(protocols('range', 'cooperative-sticky'));
    h.advance(DELAY);
    // a and b each vote for their first; a tie goes to the first candidate in a's order.
    expect(a.call.response?.protocolName).toBe('cooperative-sticky');
    h.sync(a.memberId, 1, {});
    const c = h.joinNew(protocols('range'));
    h.join(a.memberId, protocols('cooperative-sticky', 'range'));
    h.join(b.memberId, protocols('range', 'cooperative-sticky'));
    expect(c.call.response?.protocolName).toBe('range');
  });

  it('lets a member commit offsets for its generation, a simple consumer only while the group is empty', () => {
    const h = new Harness();
    expect(h.group.validateCommit(h.now, -1, '', null)).toBe(0);
    const a = h.joinNew();
    // Generation 1 does not exist until the join phase ends.
    expect(h.group.validateCommit(h.now, 1, a.memberId, null)).toBe(KafkaErrorCode.ILLEGAL_GENERATION);
    h.advance(DELAY);
    // Its assignment is not known yet.
    expect(h.group.validateCommit(h.now, 1, a.memberId, null)).toBe(KafkaErrorCode.REBALANCE_IN_PROGRESS);
    h.sync(a.memberId, 1, { [a.memberId]: 'A' });
    expect(h.group.validateCommit(h.now, 1, a.memberId, null)).toBe(0);
    expect(h.group.validateCommit(h.now, 0, a.memberId, null)).toBe(KafkaErrorCode.ILLEGAL_GENERATION);
    expect(h.group.validateCommit(h.now, -1, '', null)).toBe(KafkaErrorCode.UNKNOWN_MEMBER_ID);
  });

  it('a record it could not make durable answers the syncs with the error and rebalances', () => {
    const h = new Harness();
    h.holdWrites = true;
    const a = h.joinNew();
    h.advance(DELAY);
    const sync = h.sync(a.memberId, 1, { [a.memberId]: 'A' });
    h.finishWrites(KafkaErrorCode.NOT_COORDINATOR);
    expect(sync.response?.errorCode).toBe(KafkaErrorCode.NOT_COORDINATOR);
    expect(h.group.state).toBe('PreparingRebalance');
  });

  it('waits group.initial.rebalance.delay.ms for more members when a group is new', () => {
    const h = new Harness();
    const a = h.joinNew();
    h.advance(2000);
    const b = h.joinNew();
    expect(a.call.response).toBeNull();
    // Each joiner during the delay extends it.
    h.advance(2000);
    expect(a.call.response).toBeNull();
    h.advance(1000);
    expect(a.call.response?.members).toHaveLength(2);
    expect(b.call.response?.generationId).toBe(1);
  });

  it('comes back from its record as it was: the members, their assignments, the generation', () => {
    const { h, a, b } = stableGroup();
    const record = h.writes[h.writes.length - 1]!;
    const loaded = ClassicGroup.fromMetadata('g', record, 100_000, CONFIG, () => undefined, (p) => `${p}-x`);
    expect(loaded.state).toBe('Stable');
    expect(loaded.heartbeat(100_000, { groupId: 'g', generationId: 1, memberId: b, groupInstanceId: null })).toBe(0);
    const answered: SyncGroupResponse[] = [];
    loaded.sync(100_000, { groupId: 'g', generationId: 1, memberId: a, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] }, (r) => answered.push(r));
    expect(Buffer.from(answered[0]!.assignment).toString()).toBe('A');
  });
});

describe('ClassicGroup under random member behaviour', () => {
  type Step =
    | { readonly kind: 'join'; readonly member: number }
    | { readonly kind: 'sync'; readonly member: number }
    | { readonly kind: 'heartbeat'; readonly member: number }
    | { readonly kind: 'leave'; readonly member: number }
    | { readonly kind: 'wait'; readonly ms: number };
  const member = fc.integer({ min: 0, max: 3 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('join' as const), member }),
    fc.record({ kind: fc.constant('sync' as const), member }),
    fc.record({ kind: fc.constant('heartbeat' as const), member }),
    fc.record({ kind: fc.constant('leave' as const), member }),
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 15_000 }) }),
  );

  it('answers every call once, never goes back a generation, and empties once its members go quiet', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const h = new Harness();
        const ids: (string | null)[] = [null, null, null, null];
        const generations: number[] = [0, 0, 0, 0];
        let last = 0;
        const open: { response: unknown }[] = [];
        const track = <T extends { response: unknown }>(call: T): T => {
          open.push(call);
          return call;
        };
        for (const s of steps) {
          if (s.kind === 'wait') h.advance(s.ms);
          else if (s.kind === 'join') {
            const call = track(h.join(ids[s.member] ?? ''));
            const r = call.response as JoinGroupResponse | null;
            if (r?.errorCode === KafkaErrorCode.MEMBER_ID_REQUIRED) ids[s.member] = r.memberId;
          } else if (s.kind === 'sync' && ids[s.member] !== null) {
            const everyone = Object.fromEntries(ids.filter((id): id is string => id !== null).map((id) => [id, id]));
            track(h.sync(ids[s.member]!, generations[s.member]!, everyone));
          } else if (s.kind === 'heartbeat' && ids[s.member] !== null) {
            h.heartbeat(ids[s.member]!, generations[s.member]!);
          } else if (s.kind === 'leave' && ids[s.member] !== null) {
            h.group.leave(h.now, { groupId: 'g', members: [{ memberId: ids[s.member]!, groupInstanceId: null }] });
            ids[s.member] = null;
          }
          for (const call of open) {
            const r = call.response as (JoinGroupResponse & { memberId?: string }) | null;
            if (r !== null && 'generationId' in r && r.errorCode === 0) {
              const i = ids.indexOf(r.memberId);
              if (i >= 0) generations[i] = r.generationId;
            }
          }
          expect(h.group.generationId).toBeGreaterThanOrEqual(last);
          last = h.group.generationId;
        }
        // Long enough for every session and rebalance to end: nothing is left waiting, nobody is left.
        h.advance(REBALANCE + SESSION + 1);
        h.advance(REBALANCE + SESSION + 1);
        for (const call of open) expect(call.response).not.toBeNull();
        expect(h.group.state).toBe('Empty');
        expect(h.group.describe().members).toEqual([]);
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 200), ...(process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) }) },
    );
  });
});
