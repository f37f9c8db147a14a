import { KafkaErrorCode } from '@kz/kafka-protocol';
import { KAFKA_ERROR_CODES } from '@kz/metadata';
import pino from 'pino';
import { DEFAULT_GROUP_CONFIG } from '../../src/coordinator/classic-group';
import { GroupCoordinator } from '../../src/coordinator/group-coordinator';
import { OFFSETS_TOPIC } from '../../src/coordinator/offsets-topic';
import type { JoinGroupRequest } from '../../src/protocol/group-membership';
import type { OffsetCommitRequest } from '../../src/protocol/group-offsets';
import { ReplicaCluster, settle } from '../server/replica-cluster';

const OFFSETS_ID = 'offsets-id-00000000000';

function commit(group: string, offset: number, metadata = ''): OffsetCommitRequest {
  return { groupId: group, topics: [{ name: 'orders', partitions: [{ partition: 0, committedOffset: offset, committedLeaderEpoch: 3, metadata }] }] };
}

describe('GroupCoordinator', () => {
  let cluster: ReplicaCluster;
  let coordinators: Map<number, GroupCoordinator>;

  beforeEach(() => {
    cluster = new ReplicaCluster();
    cluster.addTopic(OFFSETS_TOPIC, OFFSETS_ID);
    let ids = 0;
    coordinators = new Map(
      [1, 2, 3].map((id) => [
        id,
        new GroupCoordinator({
          manager: cluster.manager(id),
          creator: { createOffsetsTopic: async () => undefined },
          logger: pino({ level: 'silent' }),
          clock: () => cluster.now,
          // No initial delay: a group's first member completes the first rebalance at once.
          groupConfig: { ...DEFAULT_GROUP_CONFIG, initialRebalanceDelayMs: 0 },
          newMemberId: (prefix) => `${prefix}-${++ids}`,
        }),
      ]),
    );
    for (const c of coordinators.values()) c.onMetadata(cluster.metadata);
  });
  afterEach(() => cluster.close());

  async function committed(broker: number, request: OffsetCommitRequest): Promise<number> {
    const answer = coordinators.get(broker)!.offsetCommit(request, cluster.now);
    cluster.manager(broker).flush(cluster.now);
    await cluster.pump(2);
    return (await answer).topics[0]!.partitions[0]!.errorCode;
  }

  it('answers a commit once the offsets partition’s ISR has it, and serves it back', async () => {
    expect(await committed(1, commit('billing', 42, 'checkpoint'))).toBe(0);
    const fetched = coordinators.get(1)!.offsetFetch({ groupId: 'billing', topics: null });
    expect(fetched).toEqual({ errorCode: 0, topics: [{ name: 'orders', partitions: [{ partition: 0, committedOffset: 42, committedLeaderEpoch: 3, metadata: 'checkpoint', errorCode: 0 }] }] });
    // A group that never committed gets -1, not an error.
    expect(coordinators.get(1)!.offsetFetch({ groupId: 'other', topics: [{ name: 'orders', partitions: [0] }] }).topics[0]!.partitions[0]!.committedOffset).toBe(-1);
  });

  it('sends a group to its coordinator with NOT_COORDINATOR, and the new coordinator replays the log after a failover', async () => {
    expect(await committed(1, commit('billing', 7))).toBe(0);
    expect(await committed(1, commit('billing', 9))).toBe(0);
    expect(coordinators.get(2)!.offsetFetch({ groupId: 'billing', topics: null }).errorCode).toBe(KAFKA_ERROR_CODES.NOT_COORDINATOR);

    cluster.kill(1);
    cluster.change({ leader: 2, isr: [2, 3] }, OFFSETS_ID);
    coordinators.get(2)!.onMetadata(cluster.metadata);
    const fetched = coordinators.get(2)!.offsetFetch({ groupId: 'billing', topics: [{ name: 'orders', partitions: [0] }] });
    expect(fetched.topics[0]!.partitions[0]!.committedOffset).toBe(9);
  });

  it('deletes offsets with tombstones that a new coordinator replays; a later commit comes back', async () => {
    expect(await committed(1, commit('billing', 7))).toBe(0);
    expect(await committed(1, commit('other', 3))).toBe(0);
    const deleting = coordinators.get(1)!.offsetDelete({ groupId: 'billing', topics: [{ name: 'orders', partitions: [0, 5] }] }, cluster.now);
    cluster.manager(1).flush(cluster.now);
    await cluster.pump(2);
    expect(await deleting).toEqual({ errorCode: 0, topics: [{ name: 'orders', partitions: [{ partition: 0, errorCode: 0 }, { partition: 5, errorCode: 0 }] }] });
    expect(coordinators.get(1)!.offsetFetch({ groupId: 'billing', topics: null }).topics).toEqual([]);
    // A group with nothing committed here is not found.
    expect((await coordinators.get(1)!.offsetDelete({ groupId: 'billing', topics: [{ name: 'orders', partitions: [0] }] }, cluster.now)).errorCode).toBe(69);

    cluster.kill(1);
    cluster.change({ leader: 2, isr: [2, 3] }, OFFSETS_ID);
    coordinators.get(2)!.onMetadata(cluster.metadata);
    const replayed = (group: string) => coordinators.get(2)!.offsetFetch({ groupId: group, topics: [{ name: 'orders', partitions: [0] }] }).topics[0]!.partitions[0]!.committedOffset;
    expect(replayed('billing')).toBe(-1);
    expect(replayed('other')).toBe(3);
    expect(await committed(2, commit('billing', 11))).toBe(0);
    expect(replayed('billing')).toBe(11);
  });

  it('refuses an empty group id and oversized commit metadata, committing nothing', async () => {
    expect(await committed(1, commit('', 1))).toBe(KAFKA_ERROR_CODES.INVALID_GROUP_ID);
    expect(await committed(1, commit('billing', 1, 'x'.repeat(5000)))).toBe(KAFKA_ERROR_CODES.OFFSET_METADATA_TOO_LARGE);
    expect(coordinators.get(1)!.offsetFetch({ groupId: 'billing', topics: null }).topics).toEqual([]);
  });

  it('names the leader of the group’s offsets partition as its coordinator', async () => {
    const found = await coordinators.get(3)!.findCoordinator('billing');
    expect(found).toMatchObject({ errorCode: 0, nodeId: 1, host: 'localhost', port: 9001 });
  });

  // ---------------------------------------------------------------- membership

  const SESSION_MS = 10_000;

  function joinRequest(groupId: string, memberId: string): JoinGroupRequest {
    return {
      groupId,
      sessionTimeoutMs: SESSION_MS,
      rebalanceTimeoutMs: 30_000,
      memberId,
      groupInstanceId: null,
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: Buffer.from('orders') }],
      clientId: 'app',
      clientHost: '/127.0.0.1',
      requireKnownMemberId: true,
    };
  }

  /** Replicates what the coordinator appended (acks=all waits for the followers) and lets answers resolve. */
  async function replicate(): Promise<void> {
    cluster.manager(1).flush(cluster.now);
    await cluster.pump(2);
    await settle();
  }

  /** One member through its first rebalance: joined, assignment written and handed back. */
  async function oneMemberGroup(coordinator: GroupCoordinator, groupId: string): Promise<string> {
    const first = await coordinator.joinGroup(joinRequest(groupId, ''), cluster.now);
    expect(first.errorCode).toBe(KafkaErrorCode.MEMBER_ID_REQUIRED);
    const joined = await coordinator.joinGroup(joinRequest(groupId, first.memberId), cluster.now);
    expect(joined).toMatchObject({ errorCode: 0, generationId: 1, leader: first.memberId, protocolName: 'range' });
    let synced: Uint8Array | null = null;
    void coordinator
      .syncGroup({ groupId, generationId: 1, memberId: first.memberId, groupInstanceId: null, protocolType: 'consumer', protocolName: 'range', assignments: [{ memberId: first.memberId, assignment: Buffer.from('orders-0') }] }, cluster.now)
      .then((r) => {
        expect(r.errorCode).toBe(0);
        synced = r.assignment;
      });
    await settle();
    // Not handed out before it is on every ISR member.
    expect(synced).toBeNull();
    await replicate();
    expect(Buffer.from(synced!).toString()).toBe('orders-0');
    return first.memberId;
  }

  it('writes a group’s assignment before handing it out, and the next coordinator knows the group after a failover', async () => {
    const c1 = coordinators.get(1)!;
    const member = await oneMemberGroup(c1, 'billing');
    expect(c1.heartbeat({ groupId: 'billing', generationId: 1, memberId: member, groupInstanceId: null }, cluster.now).errorCode).toBe(0);

    // A second member's join waits for the first to rejoin; then the coordinator moves.
    const second = await c1.joinGroup(joinRequest('billing', ''), cluster.now);
    const waiting = c1.joinGroup(joinRequest('billing', second.memberId), cluster.now);
    cluster.change({ leader: 2, isr: [1, 2, 3] }, OFFSETS_ID);
    c1.onMetadata(cluster.metadata);
    // The waiting member is sent to the new coordinator rather than left to time out.
    expect((await waiting).errorCode).toBe(KafkaErrorCode.NOT_COORDINATOR);

    const c2 = coordinators.get(2)!;
    c2.onMetadata(cluster.metadata);
    expect(c2.heartbeat({ groupId: 'billing', generationId: 1, memberId: member, groupInstanceId: null }, cluster.now).errorCode).toBe(0);
    const [described] = c2.describeGroups({ groupIds: ['billing'] });
    expect(described).toMatchObject({ errorCode: 0, state: 'Stable', protocolType: 'consumer', protocol: 'range', members: [{ memberId: member, clientId: 'app' }] });
    expect(Buffer.from(described!.members[0]!.assignment).toString()).toBe('orders-0');
    expect(c1.describeGroups({ groupIds: ['billing'] })[0]!.errorCode).toBe(KafkaErrorCode.NOT_COORDINATOR);
  });

  it('takes a member’s commit only in its generation, a standalone commit only while the group has no members', async () => {
    const c1 = coordinators.get(1)!;
    const member = await oneMemberGroup(c1, 'billing');
    const asMember = (generationId: number, memberId = member): OffsetCommitRequest => ({ ...commit('billing', 5), generationId, memberId, groupInstanceId: null });
    expect(await committed(1, asMember(1))).toBe(0);
    expect(await committed(1, asMember(0))).toBe(KafkaErrorCode.ILLEGAL_GENERATION);
    expect(await committed(1, asMember(1, 'stranger'))).toBe(KafkaErrorCode.UNKNOWN_MEMBER_ID);
    expect(await committed(1, commit('billing', 6))).toBe(KafkaErrorCode.UNKNOWN_MEMBER_ID);
    // A generation named for a group that does not exist.
    expect(await committed(1, { ...commit('nobody', 1), generationId: 3, memberId: 'm' })).toBe(KafkaErrorCode.ILLEGAL_GENERATION);
    expect(c1.offsetFetch({ groupId: 'billing', topics: null }).topics[0]!.partitions[0]!.committedOffset).toBe(5);
  });

  it('ends a silent member’s session at its deadline; the emptied group is listed and can be deleted, for good', async () => {
    const c1 = coordinators.get(1)!;
    const member = await oneMemberGroup(c1, 'billing');
    expect(await committed(1, { ...commit('billing', 8), generationId: 1, memberId: member })).toBe(0);
    expect(c1.nextDeadline()).toBe(cluster.now + SESSION_MS);
    cluster.now = c1.nextDeadline();
    c1.tick(cluster.now);
    await replicate();
    expect(c1.heartbeat({ groupId: 'billing', generationId: 1, memberId: member, groupInstanceId: null }, cluster.now).errorCode).toBe(KafkaErrorCode.UNKNOWN_MEMBER_ID);
    expect(c1.listGroups({ states: ['Empty'], types: [] }).groups).toEqual([{ groupId: 'billing', protocolType: 'consumer', state: 'Empty' }]);
    expect(c1.listGroups({ states: ['Stable'], types: [] }).groups).toEqual([]);

    const busy = await oneMemberGroup(c1, 'busy');
    expect(busy).not.toBe('');
    const deleting = c1.deleteGroups({ groupIds: ['billing', 'busy', 'nobody'] }, cluster.now);
    await replicate();
    expect((await deleting).results).toEqual([
      { groupId: 'billing', errorCode: 0 },
      { groupId: 'busy', errorCode: KafkaErrorCode.NON_EMPTY_GROUP },
      { groupId: 'nobody', errorCode: KafkaErrorCode.GROUP_ID_NOT_FOUND },
    ]);
    expect(c1.offsetFetch({ groupId: 'billing', topics: null }).topics).toEqual([]);

    // The tombstones are in the log: the next coordinator does not bring the group back.
    cluster.change({ leader: 2, isr: [1, 2, 3] }, OFFSETS_ID);
    const c2 = coordinators.get(2)!;
    c2.onMetadata(cluster.metadata);
    expect(c2.describeGroups({ groupIds: ['billing', 'busy'] }).map((g) => g.state)).toEqual(['Dead', 'Stable']);
    expect(c2.offsetFetch({ groupId: 'billing', topics: null }).topics).toEqual([]);
  });
});
