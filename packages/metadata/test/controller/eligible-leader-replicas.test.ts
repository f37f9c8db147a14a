import { ELIGIBLE_LEADER_REPLICAS_VERSION } from '../../src/image/feature-levels';
import { NO_LEADER } from '../../src/records/metadata-record';
import { ControllerHarness } from './controller-harness';

/**
 * KIP-966 in the controller: the feature recorded in the log, eligible leaders kept as brokers are
 * fenced, an election from them, and the review that clears them when min.insync.replicas changes.
 */
function partition(h: ControllerHarness) {
  return h.loader.image.topic('t')!.partitions[0]!;
}

/** Brokers 1–3 with a topic on [1, 2, 3] at min.insync.replicas 2; only `alive` heartbeat from `from` on, until `until`. */
function cluster(): { h: ControllerHarness; epochs: Map<number, number>; keepAlive: (alive: readonly number[], until: number) => void } {
  const h = new ControllerHarness({ sessionTimeoutMs: 1000 });
  h.activate();
  const epochs = h.addBrokers([1, 2, 3]);
  h.ok('createTopics', { topics: [{ name: 't', assignments: [[1, 2, 3]], configs: { 'min.insync.replicas': '2' } }] });
  const keepAlive = (alive: readonly number[], until: number): void => {
    for (let t = h.now + 400; t <= until; t += 400) {
      h.now = t;
      for (const id of alive) h.heartbeat(id, epochs.get(id)!);
      h.tick(t);
    }
  };
  return { h, epochs, keepAlive };
}

describe('Eligible Leader Replicas in the controller', () => {
  it('the active controller records the feature in the log: on by default, and as its config says', () => {
    const on = new ControllerHarness();
    on.activate();
    expect(on.loader.image.features.get(ELIGIBLE_LEADER_REPLICAS_VERSION)).toBe(1);
    const off = new ControllerHarness({ eligibleLeaderReplicasEnabled: false });
    off.activate();
    expect(off.loader.image.features.has(ELIGIBLE_LEADER_REPLICAS_VERSION)).toBe(false);
  });

  it('brokers fenced one by one below min ISR wait as eligible leaders; the first back leads without an unclean election', () => {
    const { h, epochs, keepAlive } = cluster();
    keepAlive([1, 2], 1600); // 3's session expires: the ISR is still at min ISR, 3 is simply out
    expect(partition(h)).toMatchObject({ leader: 1, isr: [1, 2], eligibleLeaderReplicas: [] });
    keepAlive([1], 3200); // 2's expires: below min ISR, 2 holds every committed record
    expect(partition(h)).toMatchObject({ leader: 1, isr: [1], eligibleLeaderReplicas: [2] });
    keepAlive([], 4800); // 1's expires: the ISR empties into the ELR
    expect(partition(h)).toMatchObject({ leader: NO_LEADER, isr: [], eligibleLeaderReplicas: [2, 1], lastKnownElr: [1] });
    const epochBefore = partition(h).leaderEpoch;

    // Broker 3 comes back first: it is no eligible leader, and the topic forbids unclean election.
    h.heartbeat(3, epochs.get(3)!);
    expect(h.loader.image.brokers.get(3)!.fenced).toBe(false);
    expect(partition(h).leader).toBe(NO_LEADER);
    // Broker 2 comes back: it leads, alone in the ISR; broker 1 is still eligible.
    h.heartbeat(2, epochs.get(2)!);
    expect(partition(h)).toMatchObject({ leader: 2, isr: [2], eligibleLeaderReplicas: [1], lastKnownElr: [], leaderEpoch: epochBefore + 1 });
  });

  it('a min.insync.replicas the ISR now meets clears the ELR (the HW moves on without it)', () => {
    const { h, keepAlive } = cluster();
    keepAlive([1, 2], 1600);
    keepAlive([1], 3200);
    expect(partition(h)).toMatchObject({ isr: [1], eligibleLeaderReplicas: [2] });
    h.ok('incrementalAlterConfigs', { resources: [{ type: 'topic', name: 't', changes: [{ name: 'min.insync.replicas', op: 'set', value: '3' }] }] });
    expect(partition(h).eligibleLeaderReplicas).toEqual([2]); // still below min ISR: still eligible
    h.ok('incrementalAlterConfigs', { resources: [{ type: 'broker', name: '', changes: [{ name: 'min.insync.replicas', op: 'set', value: '1' }] }] });
    expect(partition(h).eligibleLeaderReplicas).toEqual([2]); // the topic's own setting (3) still holds
    h.ok('incrementalAlterConfigs', { resources: [{ type: 'topic', name: 't', changes: [{ name: 'min.insync.replicas', op: 'delete', value: null }] }] });
    expect(partition(h)).toMatchObject({ isr: [1], eligibleLeaderReplicas: [] });
  });
});
