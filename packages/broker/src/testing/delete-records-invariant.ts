/**
 * The DeleteRecords invariant of the broker simulation, checked on each answer as it leaves the
 * leader rather than after every event: what it judges is the moment of the answer.
 */
import type { Violation } from '@kz/raft/testing';
import type { BrokerId } from '@kz/metadata';
import type { DeleteRecordsResponse } from '../protocol/delete-records';
import type { ReplicaManager } from '../server/replica-manager';
import type { MemoryLogDirectory } from './memory-log-directory';

/**
 * deleteRecordsAnsweredAfterLowWatermark, checked as a DeleteRecords answer leaves the leader: a
 * success (NONE) for `offset` means every member of the leader's ISR on a broker its metadata holds
 * live (registered and unfenced) has moved its log start to `offset` or past — on its disk, not just
 * in what it reported. Kafka's DelayedDeleteRecords completes on the low watermark for that reason:
 * the client's "deleted" must not leave a live in-sync replica that would serve the records as leader.
 */
export function deleteAnsweredAfterReplicasDeleted(
  leaderId: BrokerId,
  manager: ReplicaManager,
  topic: string,
  partition: number,
  offset: number,
  response: DeleteRecordsResponse,
  disk: (id: BrokerId) => MemoryLogDirectory | undefined,
): Violation[] {
  const answer = response.topics[0]?.partitions.find((a) => a.partition === partition);
  const topicId = manager.metadataImage?.topic(topic)?.id;
  const leader = topicId === undefined ? undefined : manager.partition(topicId, partition)?.leader;
  if (answer === undefined || answer.errorCode !== 0 || topicId === undefined || leader === undefined || leader === null) return [];
  const behind: string[] = [];
  for (const id of leader.isr) {
    if (manager.metadataImage?.brokers.get(id)?.fenced !== false) continue;
    const start = disk(id)?.log(topicId, partition)?.logStartOffset;
    if (start === undefined || start < offset) behind.push(`broker ${id} (log start ${start ?? 'none'})`);
  }
  if (behind.length === 0) return [];
  return [
    {
      invariant: 'deleteRecordsAnsweredAfterLowWatermark',
      message: `broker ${leaderId} answered DeleteRecords of partition ${partition} below ${offset} (low watermark ${answer.lowWatermark}) while ISR members still start below it: ${behind.join(', ')}`,
    },
  ];
}
