import type { LogBatch } from '@kz/raft';
import { encodeLeaderChangeBatch, encodeRecordBatch } from '@kz/records';
import { toKafkaRecords, type MetadataRecord } from '@kz/metadata';

/** A committed metadata batch of `records` at `baseOffset`, written in `epoch`. */
export function metadataBatch(baseOffset: number, epoch: number, records: readonly MetadataRecord[]): LogBatch {
  const bytes = encodeRecordBatch({ records: toKafkaRecords(records), baseOffset, partitionLeaderEpoch: epoch });
  return { baseOffset, lastOffset: baseOffset + records.length - 1, epoch, bytes };
}

/** A LeaderChange control batch at `baseOffset`. */
export function leaderChangeBatch(baseOffset: number, epoch: number): LogBatch {
  const bytes = encodeLeaderChangeBatch({ leaderId: 1, voters: [1, 2, 3], grantingVoters: [1, 2] }, { baseOffset, partitionLeaderEpoch: epoch });
  return { baseOffset, lastOffset: baseOffset, epoch, bytes };
}

export function register(brokerId: number, brokerEpoch: number, fenced = true): MetadataRecord {
  return { type: 'registerBroker', brokerId, incarnationId: `b${brokerId}-${brokerEpoch}`, brokerEpoch, endpoints: [{ name: 'PLAINTEXT', host: `b${brokerId}`, port: 9092 }], rack: null, fenced, inControlledShutdown: false };
}

export function unfence(brokerId: number, brokerEpoch: number): MetadataRecord {
  return { type: 'brokerRegistrationChange', brokerId, brokerEpoch, fenced: false };
}

export const TOPIC_ID = 'AAAAAAAAAAAAAAAAAAAAAg';

export function topic(name: string, topicId = TOPIC_ID): MetadataRecord {
  return { type: 'topic', name, topicId };
}

export function partitionRecord(partitionId: number, replicas: readonly number[], leader = replicas[0] ?? -1, topicId = TOPIC_ID): MetadataRecord {
  return { type: 'partition', topicId, partitionId, replicas, isr: replicas, removingReplicas: [], addingReplicas: [], leader, leaderEpoch: 0, partitionEpoch: 0 };
}

/**
 * A small valid log: LeaderChange, three brokers registered at their offsets (1, 2, 3) and unfenced,
 * a topic of two partitions, a config, and a NoOp.
 */
export function sampleLog(): LogBatch[] {
  return [
    leaderChangeBatch(0, 1),
    metadataBatch(1, 1, [register(4, 1)]),
    metadataBatch(2, 1, [register(5, 2)]),
    metadataBatch(3, 1, [register(6, 3)]),
    metadataBatch(4, 1, [unfence(4, 1), unfence(5, 2), unfence(6, 3)]),
    metadataBatch(7, 1, [topic('orders'), partitionRecord(0, [4, 5, 6]), partitionRecord(1, [5, 6, 4])]),
    metadataBatch(10, 1, [{ type: 'config', resourceType: 'topic', resourceName: 'orders', name: 'retention.ms', value: '1000' }]),
    metadataBatch(11, 1, [{ type: 'noOp' }]),
  ];
}
