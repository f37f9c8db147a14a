/**
 * The refusals and edges of the controller's requests (AlterPartition, IncrementalAlterConfigs,
 * AllocateProducerIds, ElectLeaders) and of its periodic elections, one rule per example.
 */
import { NO_LEADER } from '../../src/records/metadata-record';
import { ControllerHarness, silenceOnlyInSyncReplica } from './controller-harness';

function topic(h: ControllerHarness, name: string) {
  const t = h.loader.image.topic(name);
  if (t === undefined) throw new Error(`no topic ${name}`);
  return t;
}

/** Brokers 1–3 (1–4 with `four`) and topic t on [1, 2, 3]. */
function cluster(config: ConstructorParameters<typeof ControllerHarness>[0] = {}, four = false) {
  const h = new ControllerHarness(config);
  h.activate();
  const epochs = h.addBrokers(four ? [1, 2, 3, 4] : [1, 2, 3]);
  h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]] }] });
  const t = topic(h, 't');
  return { h, epochs, t, p: t.partitions[0]! };
}

describe('AlterPartition edges', () => {
  it('answers UNKNOWN_TOPIC_OR_PARTITION for an unknown topic or partition, and still serves the rest', () => {
    const { h, epochs, t, p } = cluster();
    const item = { topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1, 2] };
    const result = h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ ...item, topicId: 'nope' }, { ...item, partitionId: 5 }, item] });
    expect(result.partitions[0]).toMatchObject({ topicId: 'nope', partitionId: 0, state: null, error: { code: 'UNKNOWN_TOPIC_OR_PARTITION', message: expect.stringContaining('no partition nope-0') } });
    expect(result.partitions[1]).toMatchObject({ partitionId: 5, state: null, error: { code: 'UNKNOWN_TOPIC_OR_PARTITION' } });
    expect(result.partitions[2]).toMatchObject({ error: null, state: { isr: [1, 2] } });
  });

  it.each([
    ['a broker that does not lead', 2, {}, 'NOT_LEADER_OR_FOLLOWER', /broker 2 does not lead this partition; 1 does/],
    ['a stale leader epoch', 1, { leaderEpoch: 9 }, 'FENCED_LEADER_EPOCH', /leader epoch 9 is not the current 0/],
    ['a stale partition epoch', 1, { partitionEpoch: 9 }, 'INVALID_UPDATE_VERSION', /partition epoch 9 is not the current 0/],
    ['an ISR without its leader', 1, { newIsr: [2, 3] }, 'INVALID_REQUEST', /\[2,3\] leaves out its leader 1/],
    ['an ISR that repeats a broker', 1, { newIsr: [1, 2, 2] }, 'INVALID_REQUEST', /\[1,2,2\] repeats a broker/],
    ['an ISR with a non-replica', 1, { newIsr: [1, 7] }, 'INVALID_REQUEST', /broker 7 is not a replica/],
  ])('refuses %s, saying why', (_what, brokerId, change, code, message) => {
    const { h, epochs, t, p } = cluster();
    expect(p).toMatchObject({ leaderEpoch: 0, partitionEpoch: 0 });
    const item = { topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1, 2], ...change };
    const result = h.ok('alterPartition', { brokerId, brokerEpoch: epochs.get(brokerId)!, partitions: [item] });
    expect(result.partitions[0]).toMatchObject({ error: { code, message: expect.stringMatching(message) }, state: { leader: 1, isr: [1, 2, 3], partitionEpoch: 0 } });
    expect(topic(h, 't').partitions[0]).toEqual(p);
  });

  it('the ISR the partition already has changes nothing and is answered with the current state', () => {
    const { h, epochs, t, p } = cluster();
    const before = h.endOffset;
    const result = h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1, 2, 3] }] });
    expect(result.partitions[0]).toMatchObject({ error: null, state: { leader: 1, isr: [1, 2, 3], partitionEpoch: p.partitionEpoch } });
    expect(h.endOffset).toBe(before);
  });

  it('writes the ISR change and the reassignment it completes in one batch, and tells the old leader a new one was elected', () => {
    const { h, epochs, t } = cluster({ recordsPerBatch: 1 }, true);
    h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [2, 3, 4] }] });
    const p = topic(h, 't').partitions[0]!;
    const id = h.submit('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1, 2, 3, 4] }] });
    h.runPendingWork();
    expect(h.pendingBatchSizes()).toEqual([2]);
    h.commitAll();
    const reply = h.replies.get(id)!.result;
    expect(reply.ok && reply.value).toMatchObject({
      partitions: [{ error: { code: 'NEW_LEADER_ELECTED', message: expect.stringContaining('t-0 is now led by 2') }, state: { leader: 2, isr: [2, 3, 4] } }],
    });
  });
});

describe('IncrementalAlterConfigs edges', () => {
  it('refuses an invalid value without writing, and answers each resource by type and name', () => {
    const { h } = cluster();
    const before = h.endOffset;
    const result = h.ok('incrementalAlterConfigs', {
      resources: [
        { type: 'topic', name: 't', changes: [{ name: 'retention.ms', op: 'set', value: 'soon' }] },
        { type: 'topic', name: 'nope', changes: [{ name: 'retention.ms', op: 'set', value: '1' }] },
      ],
    });
    expect(result.resources[0]).toMatchObject({ type: 'topic', name: 't', error: { code: 'INVALID_CONFIG' } });
    expect(result.resources[1]).toMatchObject({ type: 'topic', name: 'nope', error: { code: 'UNKNOWN_TOPIC_OR_PARTITION', message: expect.stringContaining('topic nope does not exist') } });
    expect(h.endOffset).toBe(before);
    const fine = h.ok('incrementalAlterConfigs', { resources: [{ type: 'topic', name: 't', changes: [{ name: 'retention.ms', op: 'set', value: '5' }] }] });
    expect(fine.resources).toEqual([{ type: 'topic', name: 't', error: null }]);
  });

  it('validateOnly answers as a real change would, and writes nothing', () => {
    const { h } = cluster();
    const before = h.endOffset;
    const result = h.ok('incrementalAlterConfigs', { validateOnly: true, resources: [{ type: 'topic', name: 't', changes: [{ name: 'retention.ms', op: 'set', value: '5' }] }] });
    expect(result.resources).toEqual([{ type: 'topic', name: 't', error: null }]);
    expect(h.endOffset).toBe(before);
    expect(h.loader.image.configsOf({ type: 'topic', name: 't' }).has('retention.ms')).toBe(false);
  });

  it("writes one resource's changes in one batch, whatever the batch size of split writes", () => {
    const { h } = cluster({ recordsPerBatch: 1 });
    h.submit('incrementalAlterConfigs', {
      resources: [{ type: 'topic', name: 't', changes: [{ name: 'retention.ms', op: 'set', value: '5' }, { name: 'segment.ms', op: 'set', value: '60000' }] }],
    });
    h.runPendingWork();
    expect(h.pendingBatchSizes()).toEqual([2]);
  });
});

describe('AllocateProducerIds edges', () => {
  it('refuses a stale broker epoch and hands out nothing', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1]);
    const result = h.call('allocateProducerIds', { brokerId: 1, brokerEpoch: epochs.get(1)! + 1 });
    expect(!result.ok && result.error.code).toBe('STALE_BROKER_EPOCH');
    expect(h.ok('allocateProducerIds', { brokerId: 1, brokerEpoch: epochs.get(1)! }).firstProducerId).toBe(0);
  });
});

describe('ElectLeaders edges', () => {
  it('answers UNKNOWN_TOPIC_OR_PARTITION for an unknown partition, and still elects the rest', () => {
    const { h } = cluster();
    const result = h.ok('electLeaders', { type: 'preferred', partitions: [{ topic: 'nope', partitionId: 0 }, { topic: 't', partitionId: 3 }, { topic: 't', partitionId: 0 }] });
    expect(result.partitions).toEqual([
      { topic: 'nope', partitionId: 0, error: expect.objectContaining({ code: 'UNKNOWN_TOPIC_OR_PARTITION', message: expect.stringContaining('no partition nope-0') }) },
      { topic: 't', partitionId: 3, error: expect.objectContaining({ code: 'UNKNOWN_TOPIC_OR_PARTITION' }) },
      { topic: 't', partitionId: 0, error: expect.objectContaining({ code: 'ELECTION_NOT_NEEDED', message: expect.stringContaining('broker 1 already leads') }) },
    ]);
  });

  it('for every partition, answers only those that needed an election', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3], [2, 3, 1]] }] });
    h.heartbeat(1, epochs.get(1)!, { wantFence: true });
    h.heartbeat(1, epochs.get(1)!);
    // Partition 0 lost its preferred leader 1, which is back but out of the ISR.
    expect(topic(h, 't').partitions.map((p) => p.leader)).toEqual([2, 2]);
    const result = h.ok('electLeaders', { type: 'preferred', partitions: null });
    expect(result.partitions).toEqual([
      { topic: 't', partitionId: 0, error: expect.objectContaining({ code: 'PREFERRED_LEADER_NOT_AVAILABLE', message: expect.stringContaining('preferred leader 1') }) },
    ]);
  });

  it('for every partition, answers a successful election too', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]] }] });
    h.heartbeat(1, epochs.get(1)!, { wantFence: true });
    h.heartbeat(1, epochs.get(1)!);
    const t = topic(h, 't');
    const p = t.partitions[0]!;
    h.ok('alterPartition', { brokerId: p.leader, brokerEpoch: epochs.get(p.leader)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [...p.isr, 1] }] });
    expect(h.ok('electLeaders', { type: 'preferred', partitions: null }).partitions).toEqual([{ topic: 't', partitionId: 0, error: null }]);
    expect(topic(h, 't').partitions[0]!.leader).toBe(1);
  });

  it('unclean: a partition with a leader needs none; a leaderless one gets an active replica, or ELIGIBLE_LEADERS_NOT_AVAILABLE', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 1000, eligibleLeaderReplicasEnabled: false });
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]] }, { name: 'u', assignments: [[3]] }] });
    // 1 (t's only ISR member) and 3 (u's only replica) go silent; t keeps 2 alive but out of its ISR.
    silenceOnlyInSyncReplica(h, epochs, 't');
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: NO_LEADER, isr: [1] });
    expect(topic(h, 'u').partitions[0]).toMatchObject({ leader: NO_LEADER });

    expect(h.ok('electLeaders', { type: 'unclean', partitions: [{ topic: 'u', partitionId: 0 }] }).partitions[0]?.error).toMatchObject({ code: 'ELIGIBLE_LEADERS_NOT_AVAILABLE', message: 'no replica is active' });
    expect(h.ok('electLeaders', { type: 'unclean', partitions: [{ topic: 't', partitionId: 0 }] }).partitions[0]?.error).toBeNull();
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: 2, isr: [2] });
    const again = h.ok('electLeaders', { type: 'unclean', partitions: [{ topic: 't', partitionId: 0 }] });
    expect(again.partitions[0]?.error).toMatchObject({ code: 'ELECTION_NOT_NEEDED', message: expect.stringContaining('broker 2 leads') });
  });
});

describe('periodic elections', () => {
  it('elects a leaderless partition once its topic allows unclean election, at the next check', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 1000, eligibleLeaderReplicasEnabled: false, staticBrokerConfigs: new Map([['leader.imbalance.check.interval.seconds', '10']]) });
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]] }] });
    silenceOnlyInSyncReplica(h, epochs, 't');
    expect(topic(h, 't').partitions[0]!.leader).toBe(NO_LEADER);
    // A check while no replica may lead leaves the partition as it is.
    const beforeCheck = topic(h, 't').partitions[0]!;
    for (let now = 1800; now <= 12_000; now += 700) {
      h.now = now;
      h.heartbeat(2, epochs.get(2)!);
      h.tick(now);
    }
    expect(topic(h, 't').partitions[0]).toEqual(beforeCheck);
    h.ok('incrementalAlterConfigs', { resources: [{ type: 'topic', name: 't', changes: [{ name: 'unclean.leader.election.enable', op: 'set', value: 'true' }] }] });
    expect(topic(h, 't').partitions[0]!.leader).toBe(NO_LEADER);
    for (let now = 12_700; now <= 22_500; now += 700) {
      h.now = now;
      h.heartbeat(2, epochs.get(2)!);
      h.tick(now);
    }
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: 2, isr: [2] });
  });
});

describe('automatic leader rebalance threshold', () => {
  it('moves leaderships back only when the share a broker prefers but does not lead is above leader.imbalance.per.broker.percentage', () => {
    const h = new ControllerHarness({
      staticBrokerConfigs: new Map([
        ['leader.imbalance.check.interval.seconds', '10'],
        ['leader.imbalance.per.broker.percentage', '50'],
      ]),
    });
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3], [1, 2, 3]] }] });
    h.heartbeat(1, epochs.get(1)!, { wantFence: true });
    h.heartbeat(1, epochs.get(1)!);
    for (const [i, p] of topic(h, 't').partitions.entries()) {
      h.ok('alterPartition', { brokerId: p.leader, brokerEpoch: epochs.get(p.leader)!, partitions: [{ topicId: topic(h, 't').id, partitionId: i, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [...p.isr, 1] }] });
    }
    h.ok('electLeaders', { type: 'preferred', partitions: [{ topic: 't', partitionId: 0 }] });
    expect(topic(h, 't').partitions.map((p) => p.leader)).toEqual([1, 2]);

    const checkAt = (now: number): void => {
      h.now = now - 1;
      for (const [id, epoch] of epochs) h.heartbeat(id, epoch);
      h.tick(now);
    };
    checkAt(10_001); // broker 1 leads 1 of the 2 it prefers: 50% is not above 50%
    expect(topic(h, 't').partitions.map((p) => p.leader)).toEqual([1, 2]);
    h.ok('incrementalAlterConfigs', { resources: [{ type: 'broker', name: '', changes: [{ name: 'leader.imbalance.per.broker.percentage', op: 'set', value: '49' }] }] });
    checkAt(20_002);
    expect(topic(h, 't').partitions.map((p) => p.leader)).toEqual([1, 1]);
  });
});

describe('AlterPartitionReassignments edges', () => {
  /** t-0 on [1, 2, 3] moving to [1, 4, 5], with broker 4 caught up (in the ISR) and 5 not yet. */
  function halfwayMove() {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2, 3, 4, 5]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]] }] });
    h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [1, 4, 5] }] });
    const t = topic(h, 't');
    const p = t.partitions[0]!;
    h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1, 2, 3, 4] }] });
    expect(topic(h, 't').partitions[0]).toMatchObject({ replicas: [1, 4, 5, 2, 3], isr: [1, 2, 3, 4], addingReplicas: [4, 5], removingReplicas: [2, 3] });
    return h;
  }

  it('a cancelled move drops the added replicas from the ISR too, even one that caught up', () => {
    const h = halfwayMove();
    h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: null }] });
    expect(topic(h, 't').partitions[0]).toMatchObject({ replicas: [1, 2, 3], isr: [1, 2, 3], addingReplicas: [], removingReplicas: [], leader: 1 });
    expect(h.ok('listPartitionReassignments', {}).reassignments).toEqual([]);
  });

  it('a new target that leaves out a caught-up added replica drops it from the ISR', () => {
    const h = halfwayMove();
    h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [1, 2, 5] }] });
    expect(topic(h, 't').partitions[0]).toMatchObject({ replicas: [1, 2, 5, 3], isr: [1, 2, 3], addingReplicas: [5], removingReplicas: [3] });
  });

  it('the same target again, while it is in progress, is answered and writes nothing', () => {
    const h = halfwayMove();
    const before = h.endOffset;
    expect(h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [1, 4, 5] }] }).partitions[0]?.error).toBeNull();
    expect(h.endOffset).toBe(before);
    expect(h.controller.active).toBe(true);
  });

  it('completing a move that keeps the leader still bumps its leader epoch, fencing the replicas that leave', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2, 3, 4]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]] }] });
    h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [1, 2, 4] }] });
    const t = topic(h, 't');
    const p = t.partitions[0]!;
    h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1, 2, 3, 4] }] });
    expect(topic(h, 't').partitions[0]).toMatchObject({ replicas: [1, 2, 4], isr: [1, 2, 4], addingReplicas: [], removingReplicas: [], leader: 1, leaderEpoch: p.leaderEpoch + 1 });
  });

  it.each([
    ['an empty target', [], /target replica list is empty/],
    ['a target naming a broker twice', [2, 2, 3], /\[2,2,3\] names a broker twice/],
    ['a target with an unregistered broker', [2, 3, 9], /broker 9 is not registered/],
  ])('refuses %s with INVALID_REPLICA_ASSIGNMENT, writing nothing', (_what, replicas, message) => {
    const { h, p } = cluster({}, true);
    const before = h.endOffset;
    const result = h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas }] });
    expect(result.partitions[0]).toEqual({ topic: 't', partitionId: 0, error: expect.objectContaining({ code: 'INVALID_REPLICA_ASSIGNMENT', message: expect.stringMatching(message) }) });
    expect(h.endOffset).toBe(before);
    expect(topic(h, 't').partitions[0]).toEqual(p);
  });

  it('says why a target below min.insync.replicas is refused', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]], configs: { 'min.insync.replicas': '2' } }] });
    const result = h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [3] }] });
    expect(result.partitions[0]?.error?.message).toMatch(/1 target replicas are fewer than min.insync.replicas 2/);
    // A target of exactly min.insync.replicas is fine.
    expect(h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [2, 3] }] }).partitions[0]?.error).toBeNull();
  });

  it('answers UNKNOWN_TOPIC_OR_PARTITION for an unknown partition, and NO_REASSIGNMENT_IN_PROGRESS naming it', () => {
    const { h } = cluster();
    const result = h.ok('alterPartitionReassignments', {
      reassignments: [
        { topic: 'nope', partitionId: 0, replicas: [1] },
        { topic: 't', partitionId: 4, replicas: null },
        { topic: 't', partitionId: 0, replicas: null },
      ],
    });
    expect(result.partitions).toEqual([
      { topic: 'nope', partitionId: 0, error: expect.objectContaining({ code: 'UNKNOWN_TOPIC_OR_PARTITION', message: expect.stringContaining('no partition nope-0') }) },
      { topic: 't', partitionId: 4, error: expect.objectContaining({ code: 'UNKNOWN_TOPIC_OR_PARTITION' }) },
      { topic: 't', partitionId: 0, error: expect.objectContaining({ code: 'NO_REASSIGNMENT_IN_PROGRESS', message: expect.stringContaining('t-0 is not being reassigned') }) },
    ]);
  });

  it('a target the ISR already covers starts and completes in one batch', () => {
    const { h } = cluster({ recordsPerBatch: 1 });
    h.submit('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [2, 3] }] });
    h.runPendingWork();
    expect(h.pendingBatchSizes()).toEqual([2]);
    h.commitAll();
    expect(topic(h, 't').partitions[0]).toMatchObject({ replicas: [2, 3], isr: [2, 3], addingReplicas: [], removingReplicas: [], leader: 2 });
    expect(h.ok('listPartitionReassignments', {}).reassignments).toEqual([]);
  });

  it('a new target replaces one in progress: replicas added for the old one and not wanted now leave', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3, 4, 5]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]] }] });
    h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [2, 3, 4] }] });
    expect(h.ok('listPartitionReassignments', {}).reassignments).toEqual([{ topic: 't', partitionId: 0, replicas: [2, 3, 4, 1], addingReplicas: [4], removingReplicas: [1] }]);
    h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [2, 3, 5] }] });
    expect(topic(h, 't').partitions[0]).toMatchObject({ replicas: [2, 3, 5, 1], addingReplicas: [5], removingReplicas: [1], isr: [1, 2, 3] });
    // Cancelled, it goes back to the replicas it had before any reassignment.
    h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: null }] });
    expect([...topic(h, 't').partitions[0]!.replicas].sort()).toEqual([1, 2, 3]);
    expect(topic(h, 't').partitions[0]!.isr).toEqual([1, 2, 3]);
  });
});
