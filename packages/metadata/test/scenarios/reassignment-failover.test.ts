import { decodeRecordBatch } from '@kz/records';
import { decodeMetadataRecord, type MetadataRecord } from '@kz/metadata';
import type { MetadataSimulation } from '@kz/metadata/testing';
import { admin, createTopic, expectNoViolations, partition, resultOf, runUntil, settle, storyCluster } from './story';

/** The metadata records of each batch in a node's Raft log (committed or not). */
function logBatches(ms: MetadataSimulation, node: number): MetadataRecord[][] {
  return ms.sim
    .node(node)
    .log()
    .map((batch) => {
      const decoded = decodeRecordBatch(batch.bytes);
      return decoded.header.isControl ? [] : decoded.records.flatMap((r) => (r.value === null ? [] : [decodeMetadataRecord(r.value)]));
    });
}

/**
 * A reassignment completes when the AlterPartition that brings the last target replica into the ISR
 * commits: the switch to the target replicas belongs to that same change. If the controller fails
 * over right after a follower has the ISR change, the next controller must not find the ISR covering
 * the target with the reassignment still pending and nothing left to complete it.
 */
describe('the controller fails over as a reassignment completes', () => {
  it('the reassignment still completes', async () => {
    const ms = await storyCluster({ seed: 86 });
    await settle(ms);
    await createTopic(ms, 'moving', [[4, 5]]);
    const started = resultOf((await admin(ms, { kind: 'alterPartitionReassignments', body: { reassignments: [{ topic: 'moving', partitionId: 0, replicas: [4, 6] }] } })).reply, 'alterPartitionReassignments');
    expect(started.partitions[0]!.error).toBeNull();
    expect(partition(ms, 'moving')).toMatchObject({ replicas: [4, 6, 5], addingReplicas: [6], removingReplicas: [5] });

    // The leader finds broker 6 caught up and adds it to the ISR: that completes the reassignment.
    const controller = ms.activeController()!;
    const followers = ms.controllerIds.filter((id) => id !== controller);
    const t = ms.committed.image.topic('moving')!;
    const p = partition(ms, 'moving');
    ms.send(4, controller, {
      kind: 'alterPartition',
      body: { brokerId: 4, brokerEpoch: ms.committed.image.brokers.get(4)!.epoch, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [4, 5, 6] }] },
    });
    const expandsIsr = (r: MetadataRecord): boolean => r.type === 'partitionChange' && r.isr !== undefined && r.isr.includes(6);
    const completes = (r: MetadataRecord): boolean => r.type === 'partitionChange' && r.replicas !== undefined && r.replicas.length === 2;
    // The worst moment: a follower has the batch with the ISR change, and no separate one with the completion.
    const worstMoment = (f: number): boolean => {
      const batches = logBatches(ms, f);
      const isrBatch = batches.find((b) => b.some(expandsIsr));
      return isrBatch !== undefined && !batches.some((b) => b !== isrBatch && b.some(completes));
    };
    await runUntil(ms, 'a follower to hold the ISR change', () => followers.some(worstMoment), 10_000);
    ms.crash(controller);

    await runUntil(ms, 'a new controller', () => ms.activeController() !== null && ms.activeController() !== controller, 30_000);
    await runUntil(ms, 'the reassignment to complete', () => partition(ms, 'moving').addingReplicas.length === 0 && partition(ms, 'moving').removingReplicas.length === 0, 20_000);
    expect(partition(ms, 'moving')).toMatchObject({ replicas: [4, 6], isr: [4, 6], leader: 4 });
    expectNoViolations(ms);
  });
});
