import { decodeRecordBatch } from '@kz/records';
import { decodeMetadataRecord, type MetadataRecord } from '@kz/metadata';
import type { MetadataSimulation } from '@kz/metadata/testing';
import { SIM_SESSION_TIMEOUT_MS } from '@kz/metadata/testing';
import { createTopic, expectNoViolations, partition, runUntil, settle, storyCluster, unfenced } from './story';

/** The metadata records in a node's Raft log (committed or not). */
function logRecords(ms: MetadataSimulation, node: number): MetadataRecord[] {
  return ms.sim
    .node(node)
    .log()
    .flatMap((batch) => {
      const decoded = decodeRecordBatch(batch.bytes);
      return decoded.header.isControl ? [] : decoded.records.flatMap((r) => (r.value === null ? [] : [decodeMetadataRecord(r.value)]));
    });
}

/**
 * Found by a random schedule (seed 4242, 5 controllers): the controller unfenced a broker and, in a
 * second batch, elected it leader of the partitions that had none; a follower fetched the first batch
 * alone, the controller crashed, and the next one committed the unfencing without the elections. The
 * broker was unfenced, the only member of a partition's ISR, and the partition stayed leaderless.
 * Now a controller elects every leaderless partition it can when it activates, so the elections a
 * failover cut off are made by the next one. (Unfencing and its elections were one batch for a
 * while; an unfencing of thousands of partitions is written in chunks, so they no longer can be.)
 */
describe('a broker unfenced just before the controller fails over', () => {
  it('leads its leaderless partitions again under the next controller', async () => {
    const ms = await storyCluster({ seed: 71 });
    await settle(ms);
    await createTopic(ms, 'solo', [[4, 5]]);
    const t = ms.committed.image.topic('solo')!;
    const p = t.partitions[0]!;
    const shrink = ms.send(4, ms.activeController()!, {
      kind: 'alterPartition',
      body: { brokerId: 4, brokerEpoch: ms.committed.image.brokers.get(4)!.epoch, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [4] }] },
    });
    await runUntil(ms, 'the ISR to shrink to [4]', () => shrink.reply !== null && partition(ms, 'solo').isr.length === 1, 10_000);
    ms.crash(4);
    await runUntil(ms, 'the partition leaderless', () => partition(ms, 'solo').leader === -1, 3 * SIM_SESSION_TIMEOUT_MS);

    ms.restart(4);
    const controller = ms.activeController()!;
    const followers = ms.controllerIds.filter((id) => id !== controller);
    const isUnfence = (r: MetadataRecord): boolean => r.type === 'brokerRegistrationChange' && r.brokerId === 4 && r.fenced === false;
    // The moment a follower holds the unfencing, the controller dies.
    await runUntil(ms, 'a follower to hold the unfencing of broker 4', () => followers.some((f) => logRecords(ms, f).some(isUnfence)), 30_000);
    ms.crash(controller);

    await runUntil(ms, 'broker 4 unfenced under a new controller', () => ms.activeController() !== null && ms.activeController() !== controller && unfenced(ms, 4), 40_000);
    await runUntil(ms, 'broker 4 to lead its partition again', () => partition(ms, 'solo').leader === 4, 10_000);
    expect(partition(ms, 'solo').isr).toEqual([4]);
    expectNoViolations(ms);
  });
});
