import type { ControlContext } from '../../src/controller/control-context';
import { recordEligibleLeaderReplicasFeature, topicsWithMinIsrChanged } from '../../src/controller/eligible-leader-replicas';
import { ELIGIBLE_LEADER_REPLICAS_VERSION } from '../../src/image/feature-levels';
import { MetadataDelta } from '../../src/image/metadata-delta';
import { MetadataImage } from '../../src/image/metadata-image';
import { NO_LEADER, type ConfigRecord, type MetadataRecord } from '../../src/records/metadata-record';
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

describe('recordEligibleLeaderReplicasFeature', () => {
  /** The two members the function uses: a view over an empty image and a write that records and replays. */
  function context(): { ctx: ControlContext; written: MetadataRecord[][] } {
    const view = new MetadataDelta(MetadataImage.EMPTY);
    const written: MetadataRecord[][] = [];
    const ctx = {
      view,
      write(records: readonly MetadataRecord[]) {
        written.push([...records]);
        for (const r of records) view.replay(r, written.length, 1);
        return written.length;
      },
    } as Partial<ControlContext> as ControlContext;
    return { ctx, written };
  }

  it('writes the level the setting calls for, once, and says whether it wrote', () => {
    const { ctx, written } = context();
    expect(recordEligibleLeaderReplicasFeature(ctx, false)).toBe(false); // absent already means off
    expect(recordEligibleLeaderReplicasFeature(ctx, true)).toBe(true);
    expect(recordEligibleLeaderReplicasFeature(ctx, true)).toBe(false);
    expect(recordEligibleLeaderReplicasFeature(ctx, false)).toBe(true);
    expect(written).toEqual([
      [{ type: 'featureLevel', name: ELIGIBLE_LEADER_REPLICAS_VERSION, level: 1 }],
      [{ type: 'featureLevel', name: ELIGIBLE_LEADER_REPLICAS_VERSION, level: 0 }],
    ]);
  });
});

describe('topicsWithMinIsrChanged', () => {
  const config = (resourceType: ConfigRecord['resourceType'], resourceName: string, name: string): ConfigRecord => ({ type: 'config', resourceType, resourceName, name, value: '2' });

  it('names the topics whose min.insync.replicas a record sets', () => {
    expect(topicsWithMinIsrChanged([config('topic', 'a', 'min.insync.replicas'), config('topic', 'b', 'retention.ms'), config('topic', 'c', 'min.insync.replicas')])).toEqual(new Set(['a', 'c']));
  });

  it("is 'all' for the cluster default, whatever else the records hold", () => {
    expect(topicsWithMinIsrChanged([config('topic', 'a', 'min.insync.replicas'), config('broker', '', 'min.insync.replicas')])).toBe('all');
  });

  it('is null when no record touches a topic min.insync.replicas or the cluster default', () => {
    expect(topicsWithMinIsrChanged([])).toBeNull();
    expect(topicsWithMinIsrChanged([config('topic', 'a', 'retention.ms'), config('broker', '', 'retention.ms')])).toBeNull();
    // One broker's own setting is not the cluster default a topic falls back to.
    expect(topicsWithMinIsrChanged([config('broker', '1', 'min.insync.replicas')])).toBeNull();
    expect(topicsWithMinIsrChanged([{ type: 'featureLevel', name: 'min.insync.replicas', level: 1 }])).toBeNull();
  });
});

describe('config changes and Eligible Leader Replicas', () => {
  it('a config change other than min.insync.replicas leaves the ELR alone', () => {
    const { h, keepAlive } = cluster();
    keepAlive([1, 2], 1600);
    keepAlive([1], 3200);
    expect(partition(h)).toMatchObject({ isr: [1], eligibleLeaderReplicas: [2] });
    const result = h.ok('incrementalAlterConfigs', { resources: [{ type: 'topic', name: 't', changes: [{ name: 'retention.ms', op: 'set', value: '5' }] }] });
    expect(result.resources[0]?.error).toBeNull();
    expect(partition(h)).toMatchObject({ isr: [1], eligibleLeaderReplicas: [2] });
  });

  it('the review after a cluster-wide min.insync.replicas change may touch more partitions than one batch holds', () => {
    const h = new ControllerHarness({ sessionTimeoutMs: 1000, maxRecordsPerBatch: 3, recordsPerBatch: 2 });
    h.activate();
    const epochs = h.addBrokers([1, 2, 3]);
    h.ok('incrementalAlterConfigs', { resources: [{ type: 'broker', name: '', changes: [{ name: 'min.insync.replicas', op: 'set', value: '2' }] }] });
    const names = ['a', 'b', 'c', 'd'];
    for (const name of names) h.ok('createTopics', { topics: [{ name, assignments: [[1, 2, 3]] }] });
    for (const [alive, until] of [[[1, 2], 1600], [[1], 3200]] as const) {
      for (let t = h.now + 400; t <= until; t += 400) {
        h.now = t;
        for (const id of alive) h.heartbeat(id, epochs.get(id)!);
        h.tick(t);
      }
    }
    for (const name of names) expect(h.loader.image.topic(name)!.partitions[0]).toMatchObject({ isr: [1], eligibleLeaderReplicas: [2] });
    const result = h.ok('incrementalAlterConfigs', { resources: [{ type: 'broker', name: '', changes: [{ name: 'min.insync.replicas', op: 'set', value: '1' }] }] });
    expect(result.resources[0]?.error).toBeNull();
    for (const name of names) expect(h.loader.image.topic(name)!.partitions[0]).toMatchObject({ isr: [1], eligibleLeaderReplicas: [] });
  });
});
