import { KAFKA_ERROR_CODES } from '@kz/metadata';
import pino from 'pino';
import { GroupCoordinator } from '../../src/coordinator/group-coordinator';
import { OFFSETS_TOPIC } from '../../src/coordinator/offsets-topic';
import type { OffsetCommitRequest } from '../../src/protocol/group-offsets';
import { ReplicaCluster } from '../server/replica-cluster';

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
    coordinators = new Map(
      [1, 2, 3].map((id) => [id, new GroupCoordinator({ manager: cluster.manager(id), creator: { createOffsetsTopic: async () => undefined }, logger: pino({ level: 'silent' }) })]),
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
});
