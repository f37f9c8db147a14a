/**
 * Broker registration, heartbeats, controlled shutdown and unregistration through the controller:
 * what each refusal says, what a re-registration does to the partitions of the broker it replaces,
 * and when a broker in controlled shutdown may stop.
 */
import { NO_LEADER } from '../../src/records/metadata-record';
import { ControllerHarness, silenceOnlyInSyncReplica } from './controller-harness';

function topic(h: ControllerHarness, name: string) {
  const t = h.loader.image.topic(name);
  if (t === undefined) throw new Error(`no topic ${name}`);
  return t;
}

function register(h: ControllerHarness, brokerId: number, incarnationId: string, extra: { clusterId?: string; damagedReplicas?: { topicId: string; partitionId: number }[] } = {}) {
  return h.call('registerBroker', { brokerId, clusterId: 'test-cluster', incarnationId, endpoints: [], rack: null, ...extra });
}

describe('RegisterBroker', () => {
  it.each([
    [4, 'a', 'other', 'INCONSISTENT_CLUSTER_ID', 'broker 4 belongs to cluster other, not test-cluster'],
    [-1, 'a', 'test-cluster', 'INVALID_REQUEST', 'broker id -1 is not a non-negative integer'],
    [1.5, 'a', 'test-cluster', 'INVALID_REQUEST', 'broker id 1.5 is not a non-negative integer'],
    [4, '', 'test-cluster', 'INVALID_REQUEST', 'incarnation id is empty'],
  ])('refuses broker %p incarnation %p of cluster %p: %s, writing nothing', (brokerId, incarnationId, clusterId, code, message) => {
    const h = new ControllerHarness();
    h.activate();
    const before = h.endOffset;
    expect(register(h, brokerId, incarnationId, { clusterId })).toEqual({ ok: false, error: expect.objectContaining({ code, message }) });
    expect(h.endOffset).toBe(before);
  });

  it('registers broker 0', () => {
    const h = new ControllerHarness();
    h.activate();
    expect(register(h, 0, 'a').ok).toBe(true);
    expect(h.loader.image.brokers.get(0)).toMatchObject({ fenced: true, incarnationId: 'a' });
  });

  it('the same incarnation again gets its epoch back, writes nothing, and its session counts from then', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 1000 });
    h.activate();
    const first = register(h, 4, 'a');
    if (!first.ok) throw new Error('registration refused');
    h.heartbeat(4, first.value.brokerEpoch);
    h.now = 900;
    const before = h.endOffset;
    expect(register(h, 4, 'a')).toEqual({ ok: true, value: { brokerEpoch: first.value.brokerEpoch } });
    expect(h.endOffset).toBe(before);
    h.tick(1500);
    expect(h.loader.image.brokers.get(4)?.fenced).toBe(false);
    h.tick(2000);
    expect(h.loader.image.brokers.get(4)?.fenced).toBe(true);
  });

  it('refuses a new incarnation while the old one is unfenced with a live session, naming the old one', () => {
    const h = new ControllerHarness();
    h.activate();
    const first = register(h, 4, 'old');
    if (!first.ok) throw new Error('registration refused');
    h.heartbeat(4, first.value.brokerEpoch);
    expect(register(h, 4, 'new')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'DUPLICATE_BROKER_REGISTRATION', message: 'broker 4 is registered by incarnation old, whose session is alive' }),
    });
  });

  it('takes a new incarnation of a fenced broker whose session is still alive', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.heartbeat(2, epochs.get(2)!, { wantFence: true });
    expect(h.loader.image.brokers.get(2)?.fenced).toBe(true);
    expect(register(h, 2, 'restarted').ok).toBe(true);
    expect(h.loader.image.brokers.get(2)).toMatchObject({ incarnationId: 'restarted', fenced: true });
  });

  it('a new incarnation of a broker still unfenced (its session ran out unnoticed) first takes it out of every ISR and leadership', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 1000 });
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]] }] });
    h.now = 1200;
    h.heartbeat(2, epochs.get(2)!);
    h.heartbeat(3, epochs.get(3)!);
    expect(h.loader.image.brokers.get(1)?.fenced).toBe(false);
    const id = h.submit('registerBroker', { brokerId: 1, clusterId: 'test-cluster', incarnationId: 'restarted', endpoints: [], rack: null });
    // The partition change comes before the new registration.
    expect(h.pendingRecords().map((r) => r.type)).toEqual(['partitionChange', 'registerBroker']);
    h.commitAll();
    expect(h.replies.get(id)?.result.ok).toBe(true);
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: 2, isr: [2, 3] });
    expect(h.loader.image.brokers.get(1)).toMatchObject({ incarnationId: 'restarted', fenced: true });
  });

  it('drops each replica reported damaged from its ISR once, before the registration, ignoring partitions the view lacks', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 1000, eligibleLeaderReplicasEnabled: false });
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]] }] });
    silenceOnlyInSyncReplica(h, epochs, 't');
    const t = topic(h, 't');
    // Fenced, broker 1 stays the ISR's last member: the partition waits for it.
    expect(t.partitions[0]).toMatchObject({ leader: NO_LEADER, isr: [1] });
    const damagedReplicas = [
      { topicId: t.id, partitionId: 0 },
      { topicId: t.id, partitionId: 0 },
      { topicId: t.id, partitionId: 7 },
      { topicId: 'AAAAAAAAAAAAAAAAAAAAAB', partitionId: 0 },
    ];
    const id = h.submit('registerBroker', { brokerId: 1, clusterId: 'test-cluster', incarnationId: 'cut', endpoints: [], rack: null, damagedReplicas });
    expect(h.pendingRecords().map((r) => r.type)).toEqual(['partitionChange', 'registerBroker']);
    h.commitAll();
    expect(h.replies.get(id)?.result.ok).toBe(true);
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: NO_LEADER, isr: [] });
  });
});

describe('BrokerHeartbeat', () => {
  it('names the broker and both epochs when it refuses one', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1]);
    expect(h.heartbeat(9, 0)).toEqual({ ok: false, error: expect.objectContaining({ code: 'BROKER_ID_NOT_REGISTERED', message: 'broker 9 is not registered' }) });
    expect(h.heartbeat(1, epochs.get(1)! + 5)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'STALE_BROKER_EPOCH', message: `broker 1 sent epoch ${epochs.get(1)! + 5}; its registration has epoch ${epochs.get(1)!}` }),
    });
  });

  it('a fenced broker asking to shut down is told to, and one asking to stay fenced stays fenced', () => {
    const h = new ControllerHarness();
    h.activate();
    const first = register(h, 4, 'a');
    if (!first.ok) throw new Error('registration refused');
    const epoch = first.value.brokerEpoch;
    expect(h.heartbeat(4, epoch, { wantFence: true })).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: true, shouldShutDown: false } });
    expect(h.heartbeat(4, epoch, { wantShutDown: true })).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: true, shouldShutDown: true } });
    expect(h.heartbeat(4, epoch, { wantShutDown: true, currentMetadataOffset: epoch - 1 })).toEqual({ ok: true, value: { isCaughtUp: false, isFenced: true, shouldShutDown: true } });
    expect(h.loader.image.brokers.get(4)?.fenced).toBe(true);
  });

  it('an unfenced broker asking to be fenced and to shut down is fenced and told to stop', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]] }] });
    expect(h.heartbeat(1, epochs.get(1)!, { wantFence: true, wantShutDown: true })).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: true, shouldShutDown: true } });
    expect(h.loader.image.brokers.get(1)?.fenced).toBe(true);
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: 2, isr: [2] });
  });

  it('a controlled shutdown waits only for the active brokers to see it: not for fenced ones or others shutting down', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2, 3, 4]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]] }] });
    const staleOffset = h.loader.image.offset;
    // 3 is fenced and 4 is shutting down; neither will report a newer offset.
    h.heartbeat(3, epochs.get(3)!, { wantFence: true });
    const four = h.heartbeat(4, epochs.get(4)!, { wantShutDown: true, currentMetadataOffset: staleOffset });
    expect(four.ok && four.value.shouldShutDown).toBe(false);
    expect(h.loader.image.brokers.get(4)).toMatchObject({ fenced: false, inControlledShutdown: true });

    const first = h.heartbeat(1, epochs.get(1)!, { wantShutDown: true });
    expect(first.ok && first.value.shouldShutDown).toBe(false);
    expect(topic(h, 't').partitions[0]!.leader).toBe(2);
    // Broker 2, the only other active broker, has not seen the move yet.
    h.heartbeat(2, epochs.get(2)!, { currentMetadataOffset: staleOffset });
    const second = h.heartbeat(1, epochs.get(1)!, { wantShutDown: true, currentMetadataOffset: h.loader.image.offset });
    expect(second.ok && second.value.shouldShutDown).toBe(false);
    h.heartbeat(2, epochs.get(2)!);
    const third = h.heartbeat(1, epochs.get(1)!, { wantShutDown: true });
    expect(third.ok && third.value).toEqual({ isCaughtUp: true, isFenced: true, shouldShutDown: true });
  });
});

describe('UnregisterBroker', () => {
  it('refuses an unknown broker, naming it', () => {
    const h = new ControllerHarness();
    h.activate();
    expect(h.call('unregisterBroker', { brokerId: 9 })).toEqual({ ok: false, error: expect.objectContaining({ code: 'BROKER_ID_NOT_REGISTERED', message: 'broker 9 is not registered' }) });
  });

  it('takes the broker out of every leadership and ISR, then removes its registration and forgets its session', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 1000 });
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 'led', assignments: [[2, 1, 3]] }, { name: 'follows', assignments: [[1, 2]] }] });
    const id = h.submit('unregisterBroker', { brokerId: 2 });
    expect(h.pendingRecords().map((r) => r.type)).toEqual(['partitionChange', 'partitionChange', 'unregisterBroker']);
    h.commitAll();
    expect(h.replies.get(id)?.result).toEqual({ ok: true, value: {} });
    expect(h.loader.image.brokers.has(2)).toBe(false);
    expect(topic(h, 'led').partitions[0]).toMatchObject({ leader: 1, isr: [1, 3] });
    expect(topic(h, 'follows').partitions[0]).toMatchObject({ leader: 1, isr: [1] });
    h.now = 5000;
    for (const b of [1, 3]) h.heartbeat(b, epochs.get(b)!);
    h.tick(5000);
    expect(h.events.filter((e) => e.kind === 'fenced')).toEqual([]);
  });

  it('takes a fenced broker out of the ELR it waits in', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]], configs: { 'min.insync.replicas': '2' } }] });
    h.heartbeat(3, epochs.get(3)!, { wantFence: true });
    h.heartbeat(2, epochs.get(2)!, { wantFence: true });
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: 1, isr: [1], eligibleLeaderReplicas: [2] });
    h.ok('unregisterBroker', { brokerId: 2 });
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: 1, isr: [1], eligibleLeaderReplicas: [] });
  });
});

/** A CreateTopics large enough to pause between slices (recordsPerSlice 200): work submitted after it waits. */
const SLICED = { recordsPerBatch: 100, recordsPerSlice: 200 };
function submitLargeCreate(h: ControllerHarness): number {
  return h.submit('createTopics', { topics: Array.from({ length: 10 }, (_, i) => ({ name: `big${i}`, numPartitions: 49, replicationFactor: 1 })) });
}

describe('RegisterBroker: damaged replicas of several partitions', () => {
  it('drops the restarted broker from the ELR of every partition it reports damaged, the same topic or not', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2], [2, 1]], configs: { 'min.insync.replicas': '2' } }, { name: 'u', assignments: [[2, 1]], configs: { 'min.insync.replicas': '2' } }] });
    h.heartbeat(1, epochs.get(1)!, { wantFence: true });
    const t = topic(h, 't');
    const u = topic(h, 'u');
    for (const p of [...t.partitions, ...u.partitions]) expect(p).toMatchObject({ leader: 2, isr: [2], eligibleLeaderReplicas: [1] });
    const damagedReplicas = [
      { topicId: t.id, partitionId: 0 },
      { topicId: t.id, partitionId: 1 },
      { topicId: u.id, partitionId: 0 },
    ];
    const id = h.submit('registerBroker', { brokerId: 1, clusterId: 'test-cluster', incarnationId: 'cut', endpoints: [], rack: null, damagedReplicas });
    expect(h.pendingRecords().map((r) => r.type)).toEqual(['partitionChange', 'partitionChange', 'partitionChange', 'registerBroker']);
    h.commitAll();
    expect(h.replies.get(id)?.result.ok).toBe(true);
    for (const p of [...topic(h, 't').partitions, ...topic(h, 'u').partitions]) expect(p).toMatchObject({ leader: 2, isr: [2], eligibleLeaderReplicas: [] });
  });
});

describe('BrokerHeartbeat: offline replicas, stale offsets, repeated requests', () => {
  it('ignores offline replicas of a topic or partition it does not have, and writes nothing', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]] }] });
    const before = h.endOffset;
    const offlineReplicas = [
      { topicId: 'AAAAAAAAAAAAAAAAAAAAAB', partitionId: 0 },
      { topicId: topic(h, 't').id, partitionId: 5 },
    ];
    expect(h.heartbeat(1, epochs.get(1)!, { offlineReplicas })).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: false, shouldShutDown: false } });
    expect(h.endOffset).toBe(before);
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: 1, isr: [1, 2] });
  });

  it('an offline replica it neither leads nor syncs changes nothing: the heartbeat is answered at once, ahead of a paused operation', () => {
    const h = new ControllerHarness(SLICED);
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]] }] });
    const t = topic(h, 't');
    h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: t.partitions[0]!.leaderEpoch, partitionEpoch: t.partitions[0]!.partitionEpoch, newIsr: [1] }] });
    const create = submitLargeCreate(h);
    expect(h.controller.busy).toBe(true);
    const beat = h.submit('brokerHeartbeat', { brokerId: 2, brokerEpoch: epochs.get(2)!, currentMetadataOffset: h.loader.image.offset, wantFence: false, wantShutDown: false, offlineReplicas: [{ topicId: t.id, partitionId: 0 }] });
    expect(h.replies.get(beat)?.result).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: false, shouldShutDown: false } });
    expect(h.replies.has(create)).toBe(false);
    h.runPendingWork();
    h.commitAll();
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: 1, isr: [1] });
  });

  it('an offline replica leaves the ISR without becoming an eligible leader, and the broker is not put in controlled shutdown', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]], configs: { 'min.insync.replicas': '2' } }] });
    const t = topic(h, 't');
    expect(h.heartbeat(2, epochs.get(2)!, { offlineReplicas: [{ topicId: t.id, partitionId: 0 }] })).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: false, shouldShutDown: false } });
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: 1, isr: [1], eligibleLeaderReplicas: [] });
    expect(h.loader.image.brokers.get(2)).toMatchObject({ fenced: false, inControlledShutdown: false });
  });

  it('a second fence request queued behind a paused operation finds the broker fenced and leaves it so', () => {
    const h = new ControllerHarness(SLICED);
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    submitLargeCreate(h);
    const body = { brokerId: 2, brokerEpoch: epochs.get(2)!, currentMetadataOffset: h.loader.image.offset, wantFence: true, wantShutDown: false };
    const first = h.submit('brokerHeartbeat', body);
    const second = h.submit('brokerHeartbeat', body);
    expect(h.replies.has(first)).toBe(false);
    h.runPendingWork();
    h.commitAll();
    expect(h.replies.get(first)?.result).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: true, shouldShutDown: false } });
    expect(h.replies.get(second)?.result).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: true, shouldShutDown: false } });
    expect(h.loader.image.brokers.get(2)?.fenced).toBe(true);
  });

  it('an unfenced broker asking to shut down with an offset below its registration is told it is not caught up', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]] }] });
    const result = h.heartbeat(1, epochs.get(1)!, { wantShutDown: true, currentMetadataOffset: epochs.get(1)! - 1 });
    expect(result).toEqual({ ok: true, value: { isCaughtUp: false, isFenced: false, shouldShutDown: false } });
  });
});

describe('Controlled shutdown: when the broker may stop', () => {
  it('waits for the other active brokers to see the leadership moves, not only the shutdown mark before them', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]] }] });
    const first = h.heartbeat(1, epochs.get(1)!, { wantShutDown: true });
    expect(first).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: false, shouldShutDown: false } });
    // The shutdown mark, then the one leadership move.
    const moved = h.loader.image.offset;
    expect(topic(h, 't').partitions[0]!.leader).toBe(2);
    h.heartbeat(2, epochs.get(2)!, { currentMetadataOffset: moved - 1 });
    expect(h.heartbeat(1, epochs.get(1)!, { wantShutDown: true }).ok && h.loader.image.brokers.get(1)?.fenced).toBe(false);
    h.heartbeat(2, epochs.get(2)!, { currentMetadataOffset: moved });
    expect(h.heartbeat(1, epochs.get(1)!, { wantShutDown: true })).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: true, shouldShutDown: true } });
  });

  it('does not wait for writes after the moves, nor for the shutting-down broker’s own metadata offset', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]] }] });
    const stale = h.loader.image.offset;
    h.heartbeat(1, epochs.get(1)!, { wantShutDown: true, currentMetadataOffset: stale });
    const moved = h.loader.image.offset;
    // Unrelated writes after the moves, which broker 2 has not seen (broker 3 is shutting down too).
    h.ok('createTopics', { topics: [{ name: 'later', assignments: [[2]] }] });
    h.heartbeat(3, epochs.get(3)!, { wantShutDown: true, currentMetadataOffset: stale });
    h.heartbeat(2, epochs.get(2)!, { currentMetadataOffset: moved });
    expect(h.heartbeat(1, epochs.get(1)!, { wantShutDown: true, currentMetadataOffset: stale })).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: true, shouldShutDown: true } });
  });

  it('a partition only it replicates is left leaderless, waiting for it, and the broker may stop', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.ok('createTopics', { topics: [{ name: 'solo', assignments: [[1]] }] });
    h.heartbeat(1, epochs.get(1)!, { wantShutDown: true });
    // Out of the ISR, but its eligible leader (KIP-966): the partition waits for it to come back.
    expect(topic(h, 'solo').partitions[0]).toMatchObject({ leader: NO_LEADER, isr: [], eligibleLeaderReplicas: [1] });
    h.heartbeat(2, epochs.get(2)!);
    expect(h.heartbeat(1, epochs.get(1)!, { wantShutDown: true })).toEqual({ ok: true, value: { isCaughtUp: true, isFenced: true, shouldShutDown: true } });
  });
});

describe('UnregisterBroker: elections', () => {
  it('an unclean election after the last in-sync replica is unregistered never picks that broker', () => {
    const h = new ControllerHarness();
    h.activate();
    const epochs = h.addBrokers([1, 2]);
    h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2]], configs: { 'unclean.leader.election.enable': 'true' } }] });
    const t = topic(h, 't');
    const p = t.partitions[0]!;
    h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1] }] });
    h.ok('unregisterBroker', { brokerId: 1 });
    expect(topic(h, 't').partitions[0]).toMatchObject({ leader: 2, isr: [2] });
  });
});
