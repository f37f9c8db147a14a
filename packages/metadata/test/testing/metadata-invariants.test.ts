import { MetadataDelta, MetadataImage, type ControllerReply, type ControllerRequest, type MetadataRecord } from '@kz/metadata';
import {
  CommittedMetadata,
  checkMetadataInvariants,
  newMetadataInvariantMemory,
  type MetadataNodeView,
  type SentReply,
} from '@kz/metadata/testing';
import { metadataBatch, partitionRecord, register, sampleLog, TOPIC_ID, topic, unfence } from './batches';

function imageOf(records: readonly MetadataRecord[]): MetadataImage {
  const delta = new MetadataDelta(MetadataImage.EMPTY);
  records.forEach((r, i) => delta.replay(r, i, 1));
  return delta.apply().image;
}

function committedSample(): CommittedMetadata {
  const committed = new CommittedMetadata();
  for (const batch of sampleLog()) committed.observe(batch);
  return committed;
}

function node(id: number, image: MetadataImage | null, nextOffset: number, incarnation = 1): MetadataNodeView {
  return { id, role: id <= 3 ? 'controller' : 'broker', incarnation, image, nextOffset };
}

function sent(request: ControllerRequest, reply: ControllerReply, registeredEpochAtSend: number | null = null): SentReply {
  return { controller: 1, from: 4, request, reply, sentAt: 0, repliedAt: 1, registeredEpochAtSend };
}

function invariantsBroken(nodes: readonly MetadataNodeView[], options: { committed?: CommittedMetadata; replies?: readonly SentReply[]; doubleAnswers?: { requestId: number; controller: number }[] } = {}): string[] {
  const committed = options.committed ?? committedSample();
  return checkMetadataInvariants({ time: 0, nodes, committed, replies: options.replies ?? [], doubleAnswers: options.doubleAnswers ?? [] }, newMetadataInvariantMemory()).map((v) => v.invariant);
}

describe('the metadata invariants', () => {
  it('pass a healthy cluster: every node at a batch boundary of the committed log, with its image', () => {
    const committed = committedSample();
    expect(invariantsBroken([node(1, committed.imageAt(12)!, 12), node(4, committed.imageAt(7)!, 7), node(5, null, 0)], { committed })).toEqual([]);
  });

  it('leaderInIsr: a leader outside the ISR', () => {
    const image = imageOf([register(4, 0, false), topic('t'), { ...(partitionRecord(0, [4, 5]) as Extract<MetadataRecord, { type: 'partition' }>), isr: [5] }]);
    expect(invariantsBroken([node(1, image, 3)])).toContain('leaderInIsr');
  });

  it('fencedBrokerLeadsNothing: a fenced broker leading a partition', () => {
    const image = imageOf([register(4, 0, true), topic('t'), partitionRecord(0, [4])]);
    expect(invariantsBroken([node(1, image, 3)])).toContain('fencedBrokerLeadsNothing');
    const unfenced = imageOf([register(4, 0, true), unfence(4, 0), topic('t'), partitionRecord(0, [4])]);
    expect(invariantsBroken([node(1, unfenced, 4)])).not.toContain('fencedBrokerLeadsNothing');
  });

  it('partitionEpochsRise: a node whose next image has a lower partition epoch, or a change without a new epoch', () => {
    const base: MetadataRecord[] = [register(4, 0, false), register(5, 1, false), topic('t'), partitionRecord(0, [4, 5])];
    const bumped = imageOf([...base, { type: 'partitionChange', topicId: TOPIC_ID, partitionId: 0, isr: [4] }]);
    const original = imageOf(base);
    const memory = newMetadataInvariantMemory();
    const check = (image: MetadataImage, incarnation = 1): string[] =>
      checkMetadataInvariants({ time: 0, nodes: [node(4, image, 0, incarnation)], committed: new CommittedMetadata(), replies: [], doubleAnswers: [] }, memory)
        .map((v) => v.invariant)
        .filter((name) => name === 'partitionEpochsRise');
    expect(check(bumped)).toEqual([]);
    expect(check(original)).toEqual(['partitionEpochsRise', 'partitionEpochsRise']); // image offset and epochs both went back
    // After a restart (a new incarnation) the node may rebuild from an older point.
    expect(check(bumped, 2)).toEqual([]);
    expect(check(original, 3)).toEqual([]);
    const sneaky = imageOf([...base.slice(0, 3), { ...(partitionRecord(0, [4, 5]) as Extract<MetadataRecord, { type: 'partition' }>), isr: [5, 4] }]);
    expect(check(sneaky, 3)).toEqual(['partitionEpochsRise']);
  });

  it('imageMatchesCommittedLog: an image that differs from the rebuilt one at its offset, or sits between batches', () => {
    const committed = committedSample();
    const wrong = imageOf([register(4, 1)]);
    expect(invariantsBroken([node(4, wrong, 12)], { committed })).toContain('imageMatchesCommittedLog');
    expect(invariantsBroken([node(4, committed.imageAt(12)!, 9)], { committed })).toContain('imageMatchesCommittedLog');
  });

  it('acknowledgedRepliesCommitted: a success whose effect is not in the committed log', () => {
    const request: ControllerRequest = { kind: 'createTopics', body: { topics: [{ name: 'ghost', numPartitions: 1, replicationFactor: 1 }] } };
    const reply: ControllerReply = {
      requestId: 9,
      kind: 'createTopics',
      result: { ok: true, value: { topics: [{ name: 'ghost', error: null, topicId: 'AAAAAAAAAAAAAAAAAAAAAw', numPartitions: 1, replicationFactor: 1 }] } },
    };
    expect(invariantsBroken([], { replies: [sent(request, reply)] })).toEqual(['acknowledgedRepliesCommitted']);
    const real: ControllerReply = { requestId: 9, kind: 'createTopics', result: { ok: true, value: { topics: [{ name: 'orders', error: null, topicId: TOPIC_ID, numPartitions: 2, replicationFactor: 3 }] } } };
    expect(invariantsBroken([], { replies: [sent(request, real)] })).toEqual([]);
    const registration: ControllerRequest = { kind: 'registerBroker', body: { brokerId: 5, clusterId: 'c', incarnationId: 'b5-2', endpoints: [], rack: null } };
    expect(invariantsBroken([], { replies: [sent(registration, { requestId: 3, kind: 'registerBroker', result: { ok: true, value: { brokerEpoch: 2 } } })] })).toEqual([]);
    expect(invariantsBroken([], { replies: [sent(registration, { requestId: 3, kind: 'registerBroker', result: { ok: true, value: { brokerEpoch: 3 } } })] })).toEqual(['acknowledgedRepliesCommitted']);
  });

  it('zombieEpochsRefused: a request with an epoch older than the registration when it was sent, accepted', () => {
    const heartbeat: ControllerRequest = { kind: 'brokerHeartbeat', body: { brokerId: 4, brokerEpoch: 1, currentMetadataOffset: 9, wantFence: false, wantShutDown: false } };
    const accepted: ControllerReply = { requestId: 5, kind: 'brokerHeartbeat', result: { ok: true, value: { isCaughtUp: true, isFenced: false, shouldShutDown: false } } };
    expect(invariantsBroken([], { replies: [sent(heartbeat, accepted, 7)] })).toContain('zombieEpochsRefused');
    expect(invariantsBroken([], { replies: [sent(heartbeat, accepted, 1)] })).toEqual([]);
  });

  describe('along the committed log, with Eligible Leader Replicas (min.insync.replicas 2)', () => {
    const change = (fields: Omit<Extract<MetadataRecord, { type: 'partitionChange' }>, 'type' | 'topicId' | 'partitionId'>): MetadataRecord => ({ type: 'partitionChange', topicId: TOPIC_ID, partitionId: 0, ...fields });
    /** The sample log, then min ISR 2 on `orders`, then these changes of partition 0 (ISR [4, 5, 6], leader 4), one batch each. */
    function walked(...changes: MetadataRecord[]): string[] {
      const committed = committedSample();
      committed.observe(metadataBatch(12, 1, [{ type: 'config', resourceType: 'topic', resourceName: 'orders', name: 'min.insync.replicas', value: '2' }]));
      changes.forEach((c, i) => committed.observe(metadataBatch(13 + i, 1, [c])));
      return invariantsBroken([], { committed }).filter((name) => name === 'elrMembersHoldCommitted' || name === 'newLeaderFromPreviousIsr');
    }

    it('pass the KIP-966 story: members fenced below min ISR are eligible, and one of them leads once the ISR is empty', () => {
      expect(walked(change({ isr: [4, 5] }), change({ isr: [4], eligibleLeaderReplicas: [5] }), change({ leader: -1, isr: [], eligibleLeaderReplicas: [5, 4], lastKnownElr: [4] }), change({ leader: 5, isr: [5], eligibleLeaderReplicas: [4], lastKnownElr: [] }))).toEqual([]);
    });

    it('elrMembersHoldCommitted: an eligible leader that left while the ISR was still at min ISR (the HW moved on without it)', () => {
      expect(walked(change({ isr: [4, 5], eligibleLeaderReplicas: [6] }))).toEqual(['elrMembersHoldCommitted']);
      // ... and its election, once the ISR has emptied, is flagged as well.
      expect(walked(change({ isr: [4, 5] }), change({ isr: [4], eligibleLeaderReplicas: [5, 6] }), change({ leader: 6, isr: [6], eligibleLeaderReplicas: [5] }))).toEqual(['elrMembersHoldCommitted', 'elrMembersHoldCommitted']);
    });

    it('elrMembersHoldCommitted: an eligible leader kept after min ISR dropped to what the ISR has', () => {
      const lowered: MetadataRecord = { type: 'config', resourceType: 'topic', resourceName: 'orders', name: 'min.insync.replicas', value: '1' };
      expect(walked(change({ isr: [4, 5] }), change({ isr: [4], eligibleLeaderReplicas: [5] }), lowered, change({ isr: [4, 6] }))).toEqual(['elrMembersHoldCommitted']);
    });

    it('newLeaderFromPreviousIsr: an election from the ELR while the ISR still has a member', () => {
      expect(walked(change({ isr: [4, 5] }), change({ isr: [4], eligibleLeaderReplicas: [5] }), change({ leader: 5, isr: [4, 5], eligibleLeaderReplicas: [] }))).toEqual(['newLeaderFromPreviousIsr']);
    });
  });

  it('answeredAtMostOnce: a request answered twice', () => {
    expect(invariantsBroken([], { doubleAnswers: [{ requestId: 3, controller: 2 }] })).toEqual(['answeredAtMostOnce']);
  });
});
