import { NO_LEADER } from '../../src/records/metadata-record';
import { ControllerHarness, silenceOnlyInSyncReplica } from './controller-harness';
import { previousLeaderSilence } from '../../src/controller/quorum-controller';

function topic(h: ControllerHarness, name: string) {
  const t = h.loader.image.topic(name);
  if (t === undefined) throw new Error(`no topic ${name}`);
  return t;
}

describe('QuorumController: leadership', () => {
  it('refuses requests with NOT_CONTROLLER while it does not lead, naming the leader', () => {
    const h = new ControllerHarness();
    h.loseLeadership(3, 2);
    const result = h.call('createTopics', { topics: [{ name: 't' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NOT_CONTROLLER');
      expect(result.error.leaderId).toBe(2);
    }
  });

  it('becomes active only once its NoOp commits, and queues requests until then', () => {
    const h = new ControllerHarness();
    h.becomeLeader(1);
    expect(h.pendingRecords()).toEqual([{ type: 'noOp' }]);
    expect(h.controller.active).toBe(false);
    const id = h.submit('listPartitionReassignments', {});
    expect(h.replies.has(id)).toBe(false);
    h.commitAll();
    expect(h.controller.active).toBe(true);
    expect(h.replies.get(id)?.result.ok).toBe(true);
  });

  it('answers a write only after its records commit', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3]);
    const id = h.submit('createTopics', { topics: [{ name: 'orders', numPartitions: 2, replicationFactor: 3 }] });
    expect(h.replies.has(id)).toBe(false);
    expect(h.loader.image.topic('orders')).toBeUndefined();
    h.commitAll();
    const reply = h.replies.get(id);
    expect(reply?.result.ok).toBe(true);
    expect(h.loader.image.topic('orders')?.partitions).toHaveLength(2);
  });

  it('a read waits for earlier writes to commit: no future state is shown', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3]);
    h.submit('createTopics', { topics: [{ name: 'orders', numPartitions: 1, replicationFactor: 3 }] });
    const read = h.submit('listPartitionReassignments', {});
    expect(h.replies.has(read)).toBe(false);
    h.commitAll();
    expect(h.replies.has(read)).toBe(true);
  });

  it('on losing leadership fails every waiting request with NOT_CONTROLLER and forgets its writes', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3]);
    const id = h.submit('createTopics', { topics: [{ name: 'orders', numPartitions: 1, replicationFactor: 3 }] });
    h.loseLeadership(2, 2);
    h.truncateUncommitted();
    const reply = h.replies.get(id);
    expect(reply?.result.ok).toBe(false);
    if (reply !== undefined && !reply.result.ok) expect(reply.result.error.code).toBe('NOT_CONTROLLER');
    // Leading again, it rebuilds from committed state: the topic was never created and can be.
    h.activate(3);
    expect(h.ok('createTopics', { topics: [{ name: 'orders', numPartitions: 1, replicationFactor: 3 }] }).topics[0]?.error).toBeNull();
  });
});

describe('QuorumController: brokers', () => {
  it('gives a broker the offset of its registration record as its epoch, and starts it fenced', () => {
    const h = new ControllerHarness();
    h.activate();
    const expected = h.endOffset;
    const { brokerEpoch } = h.ok('registerBroker', { brokerId: 4, clusterId: 'test-cluster', incarnationId: 'a', endpoints: [], rack: null });
    expect(brokerEpoch).toBe(expected);
    expect(h.loader.image.brokers.get(4)).toMatchObject({ epoch: expected, fenced: true });
  });

  it('refuses a broker of another cluster with INCONSISTENT_CLUSTER_ID', () => {
    const h = new ControllerHarness();
    h.activate();
    const result = h.call('registerBroker', { brokerId: 4, clusterId: 'other', incarnationId: 'a', endpoints: [], rack: null });
    expect(!result.ok && result.error.code).toBe('INCONSISTENT_CLUSTER_ID');
  });

  it('refuses a second incarnation while the first has a live session (DUPLICATE_BROKER_REGISTRATION)', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([4]);
    const result = h.call('registerBroker', { brokerId: 4, clusterId: 'test-cluster', incarnationId: 'impostor', endpoints: [], rack: null });
    expect(!result.ok && result.error.code).toBe('DUPLICATE_BROKER_REGISTRATION');
  });

  it('unfences a broker once it has caught up to its own registration, not to the log end (KAFKA-13955)', () => {
    const h = new ControllerHarness();
    h.activate();
    const { brokerEpoch } = h.ok('registerBroker', { brokerId: 4, clusterId: 'test-cluster', incarnationId: 'a', endpoints: [], rack: null });
    const behind = h.heartbeat(4, brokerEpoch, { currentMetadataOffset: brokerEpoch - 1 });
    expect(behind.ok && behind.value).toEqual({ isCaughtUp: false, isFenced: true, shouldShutDown: false });
    // More records arrive after the registration; the broker has not seen them, and still qualifies.
    h.ok('registerBroker', { brokerId: 5, clusterId: 'test-cluster', incarnationId: 'b', endpoints: [], rack: null });
    const caughtUp = h.heartbeat(4, brokerEpoch, { currentMetadataOffset: brokerEpoch });
    expect(caughtUp.ok && caughtUp.value).toEqual({ isCaughtUp: true, isFenced: false, shouldShutDown: false });
    expect(h.loader.image.brokers.get(4)?.fenced).toBe(false);
  });

  it('refuses a zombie: heartbeats and AlterPartition with an old broker epoch get STALE_BROKER_EPOCH', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 1000 });
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]] }] });
    const old = epochs.get(1)!;
    h.tick(5000); // every session expires: all fenced
    const { brokerEpoch } = h.ok('registerBroker', { brokerId: 1, clusterId: 'test-cluster', incarnationId: 'restarted', endpoints: [], rack: null });
    expect(brokerEpoch).not.toBe(old);
    const hb = h.heartbeat(1, old);
    expect(!hb.ok && hb.error.code).toBe('STALE_BROKER_EPOCH');
    const t = topic(h, 't');
    const p = t.partitions[0]!;
    const alter = h.call('alterPartition', { brokerId: 1, brokerEpoch: old, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1] }] });
    expect(!alter.ok && alter.error.code).toBe('STALE_BROKER_EPOCH');
  });

  it('fences a broker whose session expires and moves its leaderships to the ISR', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 9000 });
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3], [2, 3, 1], [3, 1, 2]] }] });
    // Brokers 2 and 3 keep heartbeating; 1 goes silent.
    h.now = 6000;
    h.heartbeat(2, epochs.get(2)!);
    h.heartbeat(3, epochs.get(3)!);
    h.tick(9500);
    const image = h.loader.image;
    expect(image.brokers.get(1)?.fenced).toBe(true);
    const t = topic(h, 't');
    for (const p of t.partitions) {
      expect(p.leader).not.toBe(1);
      expect(p.isr).not.toContain(1);
      expect(p.isr).toContain(p.leader);
    }
    expect(t.partitions[0]!.leader).toBe(2);
    expect(t.partitions[0]!.leaderEpoch).toBe(1);
    expect(h.events.some((e) => e.kind === 'fenced' && e.brokerId === 1)).toBe(true);
  });

  it('a partition whose only in-sync replica dies waits without a leader; with unclean election allowed it elects another', () => {
    for (const [elr, unclean] of [[true, false], [false, false], [true, true], [false, true]] as const) {
      const h = new ControllerHarness({ sessionTimeoutMs: 1000, eligibleLeaderReplicasEnabled: elr });
      h.activate();
      const epochs = h.addBrokers([1, 2]);
      h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]], configs: { 'unclean.leader.election.enable': String(unclean) } }] });
      silenceOnlyInSyncReplica(h, epochs, 't');
      const after = topic(h, 't').partitions[0]!;
      if (unclean) expect(after).toMatchObject({ leader: 2, isr: [2], eligibleLeaderReplicas: [], lastKnownElr: [] });
      // It waits for broker 1: in the ISR as its last member, or (KIP-966) as its one eligible leader.
      else if (elr) expect(after).toMatchObject({ leader: NO_LEADER, isr: [], eligibleLeaderReplicas: [1], lastKnownElr: [1] });
      else expect(after).toMatchObject({ leader: NO_LEADER, isr: [1], eligibleLeaderReplicas: [] });
    }
  });

  it('a new controller seeds heartbeats for every registered broker, so one dying during failover is still fenced (KAFKA-18138)', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 1000 });
    h.activate(1);
    h.addBrokers([1, 2]);
    h.loseLeadership(2, 9);
    h.now = 5000;
    h.activate(3);
    h.tick(5500);
    expect(h.loader.image.brokers.get(1)?.fenced).toBe(false);
    h.tick(6100);
    expect(h.loader.image.brokers.get(1)?.fenced).toBe(true);
    expect(h.loader.image.brokers.get(2)?.fenced).toBe(true);
  });

  it('starts the session of the previous leader’s broker from when that leader was last heard, not from the activation (combined nodes)', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 9000 });
    h.activate(1);
    const epochs = h.addBrokers([1, 2, 3]);
    h.submit('createTopics', { topics: [{ name: 'late', assignments: [[1, 2, 3]] }] }); // written, not yet committed
    h.now = 1000;
    h.loseLeadership(2, 2); // node 2 leads the quorum (and runs broker 2)
    h.now = 3000;
    h.commitAll(); // node 2 commits it: its log advances here, so node 2 was last heard at 3000
    h.now = 5500; // it went silent; this node wins the election
    h.activate(3);
    h.tick(11_900);
    expect(h.loader.image.brokers.get(2)?.fenced).toBe(false);
    h.tick(12_100); // 3000 + 9000: broker 2 fenced, with the controller it ran beside
    expect(h.loader.image.brokers.get(2)?.fenced).toBe(true);
    // Brokers this controller has no evidence about get a whole session from the activation (KRaft).
    h.heartbeat(1, epochs.get(1)!);
    expect(h.loader.image.brokers.get(3)?.fenced).toBe(false);
    h.tick(14_600);
    expect(h.loader.image.brokers.get(3)?.fenced).toBe(true);
  });

  it('gives the previous leader’s broker at least half a session after the activation, and a heartbeat keeps it', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 9000 });
    h.activate(1);
    const epochs = h.addBrokers([1, 2]);
    h.loseLeadership(2, 2);
    h.now = 20_000; // a long election: node 2 was last heard 20 s ago
    h.activate(3);
    h.tick(24_400);
    expect(h.loader.image.brokers.get(2)?.fenced).toBe(false);
    h.now = 24_400;
    h.heartbeat(2, epochs.get(2)!); // alive after all: it found the new controller
    h.tick(25_000);
    expect(h.loader.image.brokers.get(2)?.fenced).toBe(false);
    h.tick(33_500);
    expect(h.loader.image.brokers.get(2)?.fenced).toBe(true);
  });

  it('pure: previousLeaderSilence names only another node, and never later than now or earlier than half a session ago', () => {
    expect(previousLeaderSilence(null, 1, 10_000, 9000)).toBeNull();
    expect(previousLeaderSilence({ leaderId: 1, at: 0 }, 1, 10_000, 9000)).toBeNull();
    expect(previousLeaderSilence({ leaderId: -1, at: 0 }, 1, 10_000, 9000)).toBeNull();
    expect(previousLeaderSilence({ leaderId: 2, at: 8000 }, 1, 10_000, 9000)).toEqual({ brokerId: 2, lastHeardMs: 8000 });
    expect(previousLeaderSilence({ leaderId: 2, at: 0 }, 1, 10_000, 9000)).toEqual({ brokerId: 2, lastHeardMs: 5500 });
    expect(previousLeaderSilence({ leaderId: 2, at: 12_000 }, 1, 10_000, 9000)).toEqual({ brokerId: 2, lastHeardMs: 10_000 });
  });

  it('moves leadership and ISR places off replicas a broker reports it cannot serve (their logs will not open), and counts them', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 'disk', assignments: [[1, 2, 3], [2, 3, 1]] }] });
    const topicId = topic(h, 'disk').id;
    const result = h.heartbeat(1, epochs.get(1)!, { offlineReplicas: [{ topicId, partitionId: 0 }, { topicId, partitionId: 1 }] });
    expect(result).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: false, shouldShutDown: false } });
    const [p0, p1] = topic(h, 'disk').partitions;
    expect(p0!.leader).not.toBe(1);
    expect(p0!.isr).not.toContain(1);
    expect(p1!.leader).toBe(2);
    expect(p1!.isr).not.toContain(1);
    expect(h.controller.offlineReplicaCounts()).toEqual([{ brokerId: 1, count: 2 }]);
    // Reported again, it changes nothing more; once the broker serves them, the count goes.
    const offset = h.loader.image.offset;
    h.heartbeat(1, epochs.get(1)!, { offlineReplicas: [{ topicId, partitionId: 0 }, { topicId, partitionId: 1 }] });
    expect(h.loader.image.offset).toBe(offset);
    h.heartbeat(1, epochs.get(1)!);
    expect(h.controller.offlineReplicaCounts()).toEqual([]);
  });

  it('controlled shutdown moves leaderships away first, then lets the broker go', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3], [1, 3, 2]] }] });
    const first = h.heartbeat(1, epochs.get(1)!, { wantShutDown: true });
    expect(first.ok && first.value.shouldShutDown).toBe(false);
    expect(topic(h, 't').partitions.map((p) => p.leader)).toEqual([2, 3]);
    h.heartbeat(2, epochs.get(2)!);
    h.heartbeat(3, epochs.get(3)!);
    const second = h.heartbeat(1, epochs.get(1)!, { wantShutDown: true });
    expect(second.ok && second.value.shouldShutDown).toBe(true);
  });
});

describe('QuorumController: topics', () => {
  it('creates a topic with balanced, rack-aware placement and ISR = replicas', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3, 4, 5, 6], ['a', 'a', 'b', 'b', 'c', 'c']);
    const { topics } = h.ok('createTopics', { topics: [{ name: 'orders', numPartitions: 12, replicationFactor: 3 }] });
    expect(topics[0]).toMatchObject({ name: 'orders', error: null, numPartitions: 12, replicationFactor: 3 });
    const leaders = new Map<number, number>();
    for (const p of topic(h, 'orders').partitions) {
      const racks = p.replicas.map((id) => h.loader.image.brokers.get(id)?.rack);
      expect(new Set(racks).size).toBe(3);
      expect(p.isr).toEqual(p.replicas);
      expect(p.leader).toBe(p.replicas[0]);
      leaders.set(p.leader, (leaders.get(p.leader) ?? 0) + 1);
    }
    expect([...leaders.values()].every((n) => n === 2)).toBe(true);
  });

  it.each([
    [{ name: 'bad name!' }, 'INVALID_TOPIC_EXCEPTION'],
    [{ name: 'x'.repeat(250) }, 'INVALID_TOPIC_EXCEPTION'],
    [{ name: 'ok', numPartitions: 0 }, 'INVALID_PARTITIONS'],
    [{ name: 'ok', replicationFactor: 4 }, 'INVALID_REPLICATION_FACTOR'],
    [{ name: 'ok', replicationFactor: 0 }, 'INVALID_REPLICATION_FACTOR'],
    [{ name: 'ok', assignments: [[1, 1]] }, 'INVALID_REPLICA_ASSIGNMENT'],
    [{ name: 'ok', assignments: [[1, 9]] }, 'INVALID_REPLICA_ASSIGNMENT'],
    [{ name: 'ok', assignments: [[1, 2], [3]] }, 'INVALID_REPLICA_ASSIGNMENT'],
    [{ name: 'ok', configs: { 'retention.ms': 'soon' } }, 'INVALID_CONFIG'],
    [{ name: 'ok', configs: { 'no.such.config': '1' } }, 'INVALID_CONFIG'],
  ])('refuses %j with %s and writes nothing', (request, code) => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3]);
    const before = h.endOffset;
    const { topics } = h.ok('createTopics', { topics: [request] });
    expect(topics[0]?.error?.code).toBe(code);
    expect(h.endOffset).toBe(before);
  });

  it('refuses an existing topic with TOPIC_ALREADY_EXISTS while creating the others of the request', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 'a' }] });
    const { topics } = h.ok('createTopics', { topics: [{ name: 'a' }, { name: 'b' }] });
    expect(topics.map((t) => t.error?.code ?? null)).toEqual(['TOPIC_ALREADY_EXISTS', null]);
    expect(h.loader.image.topic('b')).toBeDefined();
  });

  it('validateOnly checks without writing', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3]);
    const before = h.endOffset;
    const { topics } = h.ok('createTopics', { topics: [{ name: 'a', numPartitions: 3, replicationFactor: 2 }], validateOnly: true });
    expect(topics[0]).toMatchObject({ error: null, numPartitions: 3, replicationFactor: 2 });
    expect(h.endOffset).toBe(before);
  });

  it('deletes topics and their configs; an unknown one gets UNKNOWN_TOPIC_OR_PARTITION', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 'a', configs: { 'retention.ms': '1000' } }] });
    const { topics } = h.ok('deleteTopics', { names: ['a', 'nope'] });
    expect(topics.map((t) => t.error?.code ?? null)).toEqual([null, 'UNKNOWN_TOPIC_OR_PARTITION']);
    expect(h.loader.image.topic('a')).toBeUndefined();
    expect(h.loader.image.configs.size).toBe(0);
  });

  it('adds partitions with the same replication factor and refuses to shrink', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 'a', numPartitions: 2, replicationFactor: 2 }] });
    const grow = h.ok('createPartitions', { topics: [{ name: 'a', count: 5 }] });
    expect(grow.topics[0]?.error).toBeNull();
    expect(topic(h, 'a').partitions.map((p) => p.replicas.length)).toEqual([2, 2, 2, 2, 2]);
    const shrink = h.ok('createPartitions', { topics: [{ name: 'a', count: 3 }] });
    expect(shrink.topics[0]?.error?.code).toBe('INVALID_PARTITIONS');
  });

  it('refuses a topic too large to write atomically, instead of writing half of it', () => {
    const h = new ControllerHarness({ maxRecordsPerBatch: 100, recordsPerBatch: 100 });
    h.activate();
    h.addBrokers([1, 2, 3]);
    const { topics } = h.ok('createTopics', { topics: [{ name: 'huge', numPartitions: 500, replicationFactor: 1 }] });
    expect(topics[0]?.error?.code).toBe('INVALID_PARTITIONS');
    expect(h.loader.image.topic('huge')).toBeUndefined();
  });
});

describe('QuorumController: AlterPartition', () => {
  function setup() {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]] }] });
    const t = topic(h, 't');
    return { h, epochs, t, p: t.partitions[0]! };
  }

  it('shrinks and expands the ISR, bumping the partition epoch', () => {
    const { h, epochs, t, p } = setup();
    const shrink = h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1, 2] }] });
    expect(shrink.partitions[0]).toMatchObject({ error: null, state: { isr: [1, 2], leader: 1, partitionEpoch: p.partitionEpoch + 1, leaderEpoch: p.leaderEpoch } });
    const expand = h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch + 1, newIsr: [1, 2, 3] }] });
    expect(expand.partitions[0]?.state?.isr).toEqual([1, 2, 3]);
  });

  it.each([
    ['a stale partition epoch', { partitionEpoch: -1 }, 'INVALID_UPDATE_VERSION', 1],
    ['a stale leader epoch', { leaderEpoch: -1 }, 'FENCED_LEADER_EPOCH', 1],
    ['a broker that does not lead', {}, 'NOT_LEADER_OR_FOLLOWER', 2],
    ['an ISR without its leader', { newIsr: [2, 3] }, 'INVALID_REQUEST', 1],
    ['an ISR with a non-replica', { newIsr: [1, 7] }, 'INVALID_REQUEST', 1],
  ])('refuses %s with %s', (_, change, code, brokerId) => {
    const { h, epochs, t, p } = setup();
    const item = { topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [brokerId, 2], ...change };
    if (item.partitionEpoch === -1) item.partitionEpoch = p.partitionEpoch + 5;
    if (item.leaderEpoch === -1) item.leaderEpoch = p.leaderEpoch + 5;
    const result = h.ok('alterPartition', { brokerId, brokerEpoch: epochs.get(brokerId)!, partitions: [item] });
    expect(result.partitions[0]?.error?.code).toBe(code);
    expect(topic(h, 't').partitions[0]).toEqual(p);
  });

  it('refuses to add a fenced broker to the ISR (INELIGIBLE_REPLICA)', () => {
    const { h, epochs, t, p } = setup();
    h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1, 2] }] });
    h.heartbeat(3, epochs.get(3)!, { wantFence: true });
    const q = topic(h, 't').partitions[0]!;
    const result = h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: q.leaderEpoch, partitionEpoch: q.partitionEpoch, newIsr: [1, 2, 3] }] });
    expect(result.partitions[0]?.error).toMatchObject({ code: 'INELIGIBLE_REPLICA', message: expect.stringMatching(/broker 3 is fenced/) });
  });
});

describe('QuorumController: leader balance and reassignment', () => {
  it('preferred-leader election moves leadership back to the first replica', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 1000 });
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]] }] });
    h.heartbeat(1, epochs.get(1)!, { wantFence: true });
    expect(topic(h, 't').partitions[0]!.leader).toBe(2);
    h.heartbeat(1, epochs.get(1)!);
    // Broker 1 is back but out of the ISR: the election is refused until the leader lets it in.
    const refused = h.ok('electLeaders', { type: 'preferred', partitions: [{ topic: 't', partitionId: 0 }] });
    expect(refused.partitions[0]?.error?.code).toBe('PREFERRED_LEADER_NOT_AVAILABLE');
    const t = topic(h, 't');
    const p = t.partitions[0]!;
    h.ok('alterPartition', { brokerId: 2, brokerEpoch: epochs.get(2)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [2, 3, 1] }] });
    const done = h.ok('electLeaders', { type: 'preferred', partitions: [{ topic: 't', partitionId: 0 }] });
    expect(done.partitions[0]?.error).toBeNull();
    expect(topic(h, 't').partitions[0]!.leader).toBe(1);
    const again = h.ok('electLeaders', { type: 'preferred', partitions: [{ topic: 't', partitionId: 0 }] });
    expect(again.partitions[0]?.error?.code).toBe('ELECTION_NOT_NEEDED');
  });

  it('rebalances automatically once a broker leads too few of the partitions it prefers', () => {
    const h = new ControllerHarness({ staticBrokerConfigs: new Map([['leader.imbalance.check.interval.seconds', '10']]) });
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: Array.from({ length: 6 }, (_, i) => [1 + (i % 3), 1 + ((i + 1) % 3), 1 + ((i + 2) % 3)]) }] });
    h.heartbeat(1, epochs.get(1)!, { wantFence: true });
    h.heartbeat(1, epochs.get(1)!);
    for (const [i, p] of topic(h, 't').partitions.entries()) {
      if (p.isr.includes(1)) continue;
      const t = topic(h, 't');
      h.ok('alterPartition', { brokerId: p.leader, brokerEpoch: epochs.get(p.leader)!, partitions: [{ topicId: t.id, partitionId: i, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [...p.isr, 1] }] });
    }
    expect(topic(h, 't').partitions.filter((p) => p.leader === 1)).toHaveLength(0);
    h.now = 10_000;
    for (const [id, epoch] of epochs) h.heartbeat(id, epoch);
    h.tick(10_001);
    expect(topic(h, 't').partitions.filter((p) => p.leader === 1)).toHaveLength(2);
    expect(h.events.some((e) => e.kind === 'rebalanced')).toBe(true);
  });

  it('reassigns: adds the targets, waits for them to be in sync, then switches and drops the rest', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2, 3, 4]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]] }] });
    const started = h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [2, 3, 4] }] });
    expect(started.partitions[0]?.error).toBeNull();
    let p = topic(h, 't').partitions[0]!;
    expect(p).toMatchObject({ replicas: [2, 3, 4, 1], addingReplicas: [4], removingReplicas: [1], isr: [1, 2, 3], leader: 1 });
    expect(h.ok('listPartitionReassignments', {}).reassignments).toHaveLength(1);
    const t = topic(h, 't');
    h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1, 2, 3, 4] }] });
    p = topic(h, 't').partitions[0]!;
    expect(p).toMatchObject({ replicas: [2, 3, 4], addingReplicas: [], removingReplicas: [], isr: [2, 3, 4], leader: 2 });
    expect(h.ok('listPartitionReassignments', {}).reassignments).toHaveLength(0);
  });

  it('cancels a reassignment in progress, and refuses to cancel one that is not', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3, 4]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]] }] });
    h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [2, 3, 4] }] });
    const cancelled = h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: null }] });
    expect(cancelled.partitions[0]?.error).toBeNull();
    const p = topic(h, 't').partitions[0]!;
    expect(p).toMatchObject({ addingReplicas: [], removingReplicas: [], leader: 1 });
    // As in Kafka, the replicas come back as a set; their order during the move was the target's.
    expect([...p.replicas].sort()).toEqual([1, 2, 3]);
    const again = h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: null }] });
    expect(again.partitions[0]?.error?.code).toBe('NO_REASSIGNMENT_IN_PROGRESS');
  });

  it('refuses a reassignment target smaller than min.insync.replicas', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]], configs: { 'min.insync.replicas': '2' } }] });
    const result = h.ok('alterPartitionReassignments', { reassignments: [{ topic: 't', partitionId: 0, replicas: [3] }] });
    expect(result.partitions[0]?.error?.code).toBe('INVALID_REPLICA_ASSIGNMENT');
  });
});

describe('QuorumController: configs and producer ids', () => {
  it('alters and deletes topic and broker configs', () => {
    const h = new ControllerHarness();
    h.activate();
    h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't' }] });
    const result = h.ok('incrementalAlterConfigs', {
      resources: [
        { type: 'topic', name: 't', changes: [{ name: 'retention.ms', op: 'set', value: '1000' }] },
        { type: 'broker', name: '', changes: [{ name: 'auto.leader.rebalance.enable', op: 'set', value: 'false' }] },
        { type: 'topic', name: 'nope', changes: [{ name: 'retention.ms', op: 'set', value: '1' }] },
      ],
    });
    expect(result.resources.map((r) => r.error?.code ?? null)).toEqual([null, null, 'UNKNOWN_TOPIC_OR_PARTITION']);
    expect(h.loader.image.configsOf({ type: 'topic', name: 't' }).get('retention.ms')).toBe('1000');
    h.ok('incrementalAlterConfigs', { resources: [{ type: 'topic', name: 't', changes: [{ name: 'retention.ms', op: 'delete', value: null }] }] });
    expect(h.loader.image.configsOf({ type: 'topic', name: 't' }).has('retention.ms')).toBe(false);
  });

  it('hands out disjoint producer id blocks', () => {
    const h = new ControllerHarness({ producerIdBlockSize: 1000 });
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    const a = h.ok('allocateProducerIds', { brokerId: 1, brokerEpoch: epochs.get(1)! });
    const b = h.ok('allocateProducerIds', { brokerId: 2, brokerEpoch: epochs.get(2)! });
    expect(a).toEqual({ firstProducerId: 0, count: 1000 });
    expect(b).toEqual({ firstProducerId: 1000, count: 1000 });
    expect(h.loader.image.nextProducerId).toBe(2000);
  });
});
