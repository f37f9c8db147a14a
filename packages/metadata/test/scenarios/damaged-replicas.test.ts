import { buildPartitionChange, type ElectionContext } from '../../src/controller/partition-change-builder';
import type { PartitionRegistration } from '../../src/image/partition-registration';
import { NO_LEADER, type BrokerId } from '../../src/records/metadata-record';
import { ControllerHarness } from '../controller/controller-harness';

/**
 * A broker whose log recovery cut a damaged batch reports the replica when it registers
 * (RegisterBrokerRequest.damagedReplicas): that log may have lost committed records, so the replica
 * leaves the ISR, the ELR and the last known ELR before the new registration is written, and may not
 * lead until it has caught up again. KIP-966 drops every uncleanly shut down broker from the ELR;
 * kz's narrower rule drops only the replicas whose recovery cut something.
 */

const TOPIC_ID_UNKNOWN = 'AAAAAAAAAAAAAAAAAAAAAA';

function partitionOf(h: ControllerHarness): PartitionRegistration {
  return h.loader.image.topic('t')!.partitions[0]!;
}

/** Brokers 1–3, a topic t on [1, 2, 3] at min.insync.replicas 2; `keepAlive` heartbeats only `alive` until `until`. */
function cluster(config: { eligibleLeaderReplicasEnabled?: boolean } = {}) {
  const h = new ControllerHarness({ sessionTimeoutMs: 1000, ...config });
  h.activate();
  const epochs = h.addBrokers([1, 2, 3]);
  h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]], configs: { 'min.insync.replicas': '2' } }] });
  const topicId = h.loader.image.topic('t')!.id;
  const keepAlive = (alive: readonly BrokerId[], until: number): void => {
    for (let t = h.now + 400; t <= until; t += 400) {
      h.now = t;
      for (const id of alive) h.heartbeat(id, epochs.get(id)!);
      h.tick(t);
    }
  };
  /** A new incarnation of `id` registers, reporting partition 0 of t damaged (or not); then heartbeats until unfenced. */
  const restart = (id: BrokerId, damaged: boolean, incarnation = `restart-${id}-${h.now}`): number => {
    const { brokerEpoch } = h.ok('registerBroker', {
      brokerId: id,
      clusterId: 'test-cluster',
      incarnationId: incarnation,
      endpoints: [],
      rack: null,
      ...(damaged ? { damagedReplicas: [{ topicId, partitionId: 0 }] } : {}),
    });
    epochs.set(id, brokerEpoch);
    return brokerEpoch;
  };
  return { h, epochs, topicId, keepAlive, restart };
}

describe('registration with damaged replicas: KIP-966 on', () => {
  it('the last known leader, restarted with its log cut, leaves the ELR and the last known ELR; a holder that returns leads', () => {
    const { h, epochs, keepAlive, restart } = cluster();
    keepAlive([1, 2], 1600);
    keepAlive([1], 3200);
    keepAlive([], 4800);
    expect(partitionOf(h)).toMatchObject({ leader: NO_LEADER, isr: [], eligibleLeaderReplicas: [2, 1], lastKnownElr: [1] });
    const before = partitionOf(h);

    restart(1, true);
    expect(partitionOf(h)).toMatchObject({ leader: NO_LEADER, isr: [], eligibleLeaderReplicas: [2], lastKnownElr: [], leaderEpoch: before.leaderEpoch, partitionEpoch: before.partitionEpoch + 1 });
    // Unfenced, broker 1 still may not lead: nothing says its log holds every committed record.
    h.heartbeat(1, epochs.get(1)!);
    expect(h.loader.image.brokers.get(1)!.fenced).toBe(false);
    expect(partitionOf(h).leader).toBe(NO_LEADER);

    // Broker 2, an eligible leader, comes back and leads.
    h.heartbeat(2, epochs.get(2)!);
    expect(partitionOf(h)).toMatchObject({ leader: 2, isr: [2], eligibleLeaderReplicas: [], leaderEpoch: before.leaderEpoch + 1 });
  });

  it('without the report, the same restart leads again from the ELR (what the report prevents)', () => {
    const { h, epochs, keepAlive, restart } = cluster();
    keepAlive([1, 2], 1600);
    keepAlive([1], 3200);
    keepAlive([], 4800);
    restart(1, false);
    h.heartbeat(1, epochs.get(1)!);
    expect(partitionOf(h)).toMatchObject({ leader: 1, isr: [1] });
  });

  it('a damaged leader restarted before it was fenced loses the leadership and its ISR place; the leader epoch moves', () => {
    const { h, epochs, keepAlive, restart } = cluster();
    keepAlive([1, 2], 1600);
    const before = partitionOf(h);
    expect(before).toMatchObject({ leader: 1, isr: [1, 2] });
    // Broker 1's session has run out, but no tick has fenced it yet when its next incarnation registers.
    h.now = 2800;
    h.heartbeat(2, epochs.get(2)!);
    expect(h.loader.image.brokers.get(1)!.fenced).toBe(false);
    restart(1, true);
    // Taken out below min ISR, it would have waited in the ELR (moveAway); damaged, it does not.
    expect(partitionOf(h)).toMatchObject({ leader: 2, isr: [2], eligibleLeaderReplicas: [], lastKnownElr: [], leaderEpoch: before.leaderEpoch + 1 });
  });

  it('a damaged follower leaves the ISR; the leader stays at its epoch while the partition epoch moves', () => {
    const { h, keepAlive, restart } = cluster();
    keepAlive([1, 2], 1600); // 3 fenced: the ISR [1, 2] is at min ISR, 3 is simply out
    keepAlive([1], 3200); // 2 fenced below min ISR: it waits in the ELR
    const before = partitionOf(h);
    expect(before).toMatchObject({ leader: 1, isr: [1], eligibleLeaderReplicas: [2] });
    restart(2, true);
    expect(partitionOf(h)).toMatchObject({ leader: 1, isr: [1], eligibleLeaderReplicas: [], leaderEpoch: before.leaderEpoch, partitionEpoch: before.partitionEpoch + 1 });
  });

  it('the changes are written before the registration record, so a registered incarnation never still counts as a holder', () => {
    const { h, topicId, keepAlive } = cluster();
    keepAlive([1, 2], 1600);
    keepAlive([1], 3200);
    const id = h.submit('registerBroker', { brokerId: 2, clusterId: 'test-cluster', incarnationId: 'late', endpoints: [], rack: null, damagedReplicas: [{ topicId, partitionId: 0 }] });
    h.runPendingWork();
    const kinds = h.pendingRecords().map((r) => r.type);
    expect(kinds).toEqual(['partitionChange', 'registerBroker']);
    h.commitAll();
    expect(h.replies.get(id)?.result.ok).toBe(true);
  });

  it('the same incarnation asking again changes nothing; refs to unknown partitions are ignored', () => {
    const { h, topicId, keepAlive, restart } = cluster();
    keepAlive([1, 2], 1600);
    keepAlive([1], 3200);
    const epoch = restart(2, true, 'once');
    const after = partitionOf(h);
    const again = h.ok('registerBroker', { brokerId: 2, clusterId: 'test-cluster', incarnationId: 'once', endpoints: [], rack: null, damagedReplicas: [{ topicId, partitionId: 0 }] });
    expect(again.brokerEpoch).toBe(epoch);
    expect(partitionOf(h)).toStrictEqual(after);

    const unknown = h.call('registerBroker', {
      brokerId: 3,
      clusterId: 'test-cluster',
      incarnationId: 'strange',
      endpoints: [],
      rack: null,
      damagedReplicas: [
        { topicId: TOPIC_ID_UNKNOWN, partitionId: 0 },
        { topicId, partitionId: 9 },
      ],
    });
    expect(unknown.ok).toBe(true);
    expect(partitionOf(h)).toStrictEqual(after);
  });
});

describe('registration with damaged replicas: KIP-966 off', () => {
  it('the last ISR member, restarted damaged, empties the ISR: no leader until an unclean election is asked for', () => {
    const { h, epochs, keepAlive, restart } = cluster({ eligibleLeaderReplicasEnabled: false });
    keepAlive([1, 2], 1600);
    keepAlive([1], 3200);
    keepAlive([], 4800);
    // Without ELR the ISR keeps its last member, fenced.
    expect(partitionOf(h)).toMatchObject({ leader: NO_LEADER, isr: [1] });
    restart(1, true);
    expect(partitionOf(h)).toMatchObject({ leader: NO_LEADER, isr: [] });
    for (const id of [1, 2, 3]) h.heartbeat(id, epochs.get(id)!);
    expect(partitionOf(h)).toMatchObject({ leader: NO_LEADER, isr: [] });

    const elected = h.ok('electLeaders', { type: 'unclean', partitions: [{ topic: 't', partitionId: 0 }] });
    expect(elected.partitions[0]!.error).toBeNull();
    expect(partitionOf(h).leader).not.toBe(NO_LEADER);
    expect(partitionOf(h).isr).toEqual([partitionOf(h).leader]);
  });
});

describe('buildPartitionChange: damaged', () => {
  const base: PartitionRegistration = { replicas: [1, 2, 3], isr: [1, 2, 3], leader: 1, removingReplicas: [], addingReplicas: [], leaderEpoch: 7, partitionEpoch: 11, eligibleLeaderReplicas: [], lastKnownElr: [] };
  const ctx = (active: readonly BrokerId[], elr: boolean, uncleanAllowed = false): ElectionContext => ({
    isActive: (id) => active.includes(id),
    uncleanAllowed,
    eligibleLeaderReplicas: elr,
    minInsyncReplicas: 2,
  });

  test('a damaged follower only leaves the ISR', () => {
    expect(buildPartitionChange('t', 0, base, { damaged: [3] }, ctx([1, 2], true))).toEqual({ type: 'partitionChange', topicId: 't', partitionId: 0, isr: [1, 2] });
  });

  test('a damaged member named in the target ISR is still taken out', () => {
    expect(buildPartitionChange('t', 0, base, { isr: [1, 2, 3], damaged: [3] }, ctx([1, 2], true))).toEqual({ type: 'partitionChange', topicId: 't', partitionId: 0, isr: [1, 2] });
  });

  test('a damaged leader leaves; the next ISR member leads', () => {
    expect(buildPartitionChange('t', 0, base, { damaged: [1] }, ctx([2, 3], false))).toEqual({ type: 'partitionChange', topicId: 't', partitionId: 0, leader: 2, isr: [2, 3] });
  });

  test('KIP-966 off: the last ISR member is not kept when damaged (it would be otherwise)', () => {
    const last = { ...base, isr: [1], leader: NO_LEADER };
    expect(buildPartitionChange('t', 0, last, { isr: [] }, ctx([], false))).toBeNull();
    expect(buildPartitionChange('t', 0, last, { damaged: [1] }, ctx([], false))).toEqual({ type: 'partitionChange', topicId: 't', partitionId: 0, isr: [] });
  });

  test('KIP-966 on: out of the ELR and the last known ELR; the ELR still elects', () => {
    const waiting = { ...base, isr: [], leader: NO_LEADER, eligibleLeaderReplicas: [2, 1], lastKnownElr: [1] };
    expect(buildPartitionChange('t', 0, waiting, { damaged: [1] }, ctx([], true))).toEqual({ type: 'partitionChange', topicId: 't', partitionId: 0, eligibleLeaderReplicas: [2], lastKnownElr: [] });
    expect(buildPartitionChange('t', 0, waiting, { damaged: [1] }, ctx([1, 2], true))).toEqual({ type: 'partitionChange', topicId: 't', partitionId: 0, leader: 2, isr: [2], eligibleLeaderReplicas: [], lastKnownElr: [] });
  });

  test('KIP-966 on: a damaged last ISR member empties the ISR without becoming the last known leader', () => {
    const alone = { ...base, isr: [1], leader: 1 };
    expect(buildPartitionChange('t', 0, alone, { damaged: [1] }, ctx([], true))).toEqual({ type: 'partitionChange', topicId: 't', partitionId: 0, leader: NO_LEADER, isr: [] });
  });

  test('an unclean election the topic allows may still pick the damaged replica', () => {
    const alone = { ...base, isr: [1], leader: NO_LEADER };
    expect(buildPartitionChange('t', 0, alone, { damaged: [1] }, ctx([1], true, true))).toEqual({ type: 'partitionChange', topicId: 't', partitionId: 0, leader: 1 });
  });
});
