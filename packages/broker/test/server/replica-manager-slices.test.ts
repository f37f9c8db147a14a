/**
 * A metadata delta that changes thousands of partitions is reconciled a budget at a time: a broker
 * keeps serving between slices, and until a partition is reached it refuses what needs its new role.
 */
import { MetadataDelta, MetadataImage, type MetadataRecord } from '@kz/metadata';
import type { WorkBudget } from '@kz/runtime';
import { encodeRecordBatch } from '@kz/records';
import pino from 'pino';
import { TooManyOpenFilesError } from '../../src/log/log-errors';
import { ReplicaManager } from '../../src/server/replica-manager';
import { MemoryLogDirectory } from '../../src/testing/memory-log-directory';

/** A budget that allows `n` pieces of work, then is spent. */
function budgetOf(n: number): WorkBudget & { used: number } {
  const b = { used: 0, exhausted: () => ++b.used >= n };
  return b;
}

function image(records: readonly MetadataRecord[], base: MetadataImage = MetadataImage.EMPTY): { image: MetadataImage; changes: ReturnType<MetadataDelta['apply']>['changes'] } {
  const delta = new MetadataDelta(base);
  let offset = base.offset;
  for (const r of records) delta.replay(r, ++offset, 1);
  return delta.apply();
}

const brokers: MetadataRecord[] = [1, 2].map((id) => ({ type: 'registerBroker', brokerId: id, incarnationId: `b${id}`, brokerEpoch: id, endpoints: [], rack: null, fenced: false, inControlledShutdown: false }));

function topicRecords(topicId: string, name: string, partitions: number, leader: number): MetadataRecord[] {
  return [
    { type: 'topic', name, topicId },
    ...Array.from({ length: partitions }, (_, i): MetadataRecord => ({ type: 'partition', topicId, partitionId: i, replicas: [1, 2], isr: [1, 2], removingReplicas: [], addingReplicas: [], leader, leaderEpoch: 0, partitionEpoch: 0 })),
  ];
}

function manager(): ReplicaManager {
  return new ReplicaManager({ brokerId: 1, logs: new MemoryLogDirectory(), logger: pino({ level: 'silent' }) });
}

describe('ReplicaManager: metadata reconciled in slices', () => {
  it('takes a large delta over several budgets, leading each partition once it is reached', async () => {
    const m = manager();
    const first = image([...brokers, ...topicRecords('t-id', 't', 100, 1)]);
    expect(m.applyMetadata(first.image, first.changes, 0, budgetOf(30))).toBe(false);
    expect(m.metadataPending).toBe(true);
    expect(m.hostedPartitions.length).toBe(30);
    // Not yet reached: a produce is refused as by a broker that does not lead (the client retries).
    const refused = await m.produce({ acks: 1, timeoutMs: 100, topics: [{ name: 't', partitions: [{ partition: 99, records: encodeRecordBatch({ records: [{ key: null, value: Buffer.from('x') }] }) }] }] }, 0);
    expect(refused.topics[0]!.partitions[0]!.errorCode).toBe(6); // NOT_LEADER_OR_FOLLOWER
    let slices = 1;
    for (let done = false; !done; slices++) done = m.reconcileMetadata(0, budgetOf(30));
    expect(slices).toBe(4);
    expect(m.metadataPending).toBe(false);
    expect(m.hostedPartitions.filter((p) => p.isLeader)).toHaveLength(100);
  });

  it('folds a newer delta into what is pending: the newest registration of every partition wins', () => {
    const m = manager();
    const first = image([...brokers, ...topicRecords('t-id', 't', 50, 1)]);
    expect(m.applyMetadata(first.image, first.changes, 0, budgetOf(10))).toBe(false);
    // Before the rest is reached, broker 2 takes over partitions 0 and 40.
    const second = image(
      [0, 40].map((p): MetadataRecord => ({ type: 'partitionChange', topicId: 't-id', partitionId: p, leader: 2 })),
      first.image,
    );
    expect(m.applyMetadata(second.image, second.changes, 0)).toBe(true);
    const roles = new Map(m.hostedPartitions.map((p) => [p.partitionId, p.isLeader ? 'leader' : 'follower']));
    expect(roles.size).toBe(50);
    expect(roles.get(0)).toBe('follower');
    expect(roles.get(40)).toBe('follower');
    expect([...roles.values()].filter((r) => r === 'leader')).toHaveLength(48);
  });

  it('removes the replicas of a deleted topic a budget at a time too', () => {
    const m = manager();
    const first = image([...brokers, ...topicRecords('t-id', 't', 40, 1)]);
    m.applyMetadata(first.image, first.changes, 0);
    const removed = image([{ type: 'removeTopic', topicId: 't-id' }], first.image);
    expect(m.applyMetadata(removed.image, removed.changes, 0, budgetOf(15))).toBe(false);
    expect(m.hostedPartitions.length).toBe(25);
    while (!m.reconcileMetadata(0, budgetOf(15))) {
      // The rest of the removals.
    }
    expect(m.hostedPartitions).toEqual([]);
  });
});

describe('ReplicaManager: a replica whose log will not open', () => {
  it('is offline, not a crash: refused with KAFKA_STORAGE_ERROR, reported for the controller, and tried again later', async () => {
    const disk = new MemoryLogDirectory();
    let failing = true;
    const logs = {
      open: (topicId: string, topicName: string, partitionId: number) => {
        if (failing && partitionId === 1) throw new TooManyOpenFilesError(`/data/${topicName}-${partitionId}/00000000000000000000.log`, 'EMFILE', 'open');
        return disk.open(topicId, topicName, partitionId);
      },
      remove: (log: Parameters<MemoryLogDirectory['remove']>[0], topicId: string, partitionId: number) => disk.remove(log, topicId, partitionId),
      readHighWatermarks: () => disk.readHighWatermarks(),
      writeHighWatermarks: (entries: Parameters<MemoryLogDirectory['writeHighWatermarks']>[0]) => disk.writeHighWatermarks(entries),
    };
    const m = new ReplicaManager({ brokerId: 1, logs, logger: pino({ level: 'silent' }) });
    const first = image([...brokers, ...topicRecords('t-id', 't', 3, 1)]);
    expect(m.applyMetadata(first.image, first.changes, 0)).toBe(true);
    expect(m.hostedPartitions.map((p) => p.partitionId).sort()).toEqual([0, 2]);
    expect(m.offlineReplicas).toEqual([{ topicId: 't-id', partitionId: 1 }]);
    const refused = await m.produce({ acks: 1, timeoutMs: 100, topics: [{ name: 't', partitions: [{ partition: 1, records: encodeRecordBatch({ records: [{ key: null, value: Buffer.from('x') }] }) }] }] }, 0);
    expect(refused.topics[0]!.partitions[0]!.errorCode).toBe(56); // KAFKA_STORAGE_ERROR
    // The descriptors are back; the next retry opens it.
    failing = false;
    m.tick(10_000);
    expect(m.offlineReplicas).toEqual([]);
    expect(m.hostedPartitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
  });
});
