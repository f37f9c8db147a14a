import type { MetadataRecord } from '../../src/records/metadata-record';
import { MetadataDelta } from '../../src/image/metadata-delta';
import { MetadataImage } from '../../src/image/metadata-image';

/**
 * Turns a list of random choices into a stream of records that all apply: each choice picks an
 * operation and its arguments relative to the state so far (which it tracks with a delta).
 */
export function validRecordStream(choices: readonly number[]): MetadataRecord[] {
  const delta = new MetadataDelta(MetadataImage.EMPTY);
  const out: MetadataRecord[] = [];
  let nextTopic = 0;
  let nextProducerId = 0;
  const emit = (record: MetadataRecord): void => {
    delta.replay(record, out.length, 1);
    out.push(record);
  };
  for (let i = 0; i < choices.length; i++) {
    const c = choices[i]!;
    const brokers = [...delta.allBrokers().values()];
    const topics = [...delta.allTopics().values()];
    switch (c % 8) {
      case 0: {
        const id = c % 5;
        emit({ type: 'registerBroker', brokerId: id, incarnationId: `inc-${i}`, brokerEpoch: out.length, endpoints: [{ name: 'PLAINTEXT', host: 'localhost', port: 9000 + id }], rack: id % 2 === 0 ? 'a' : 'b', fenced: true, inControlledShutdown: false });
        break;
      }
      case 1: {
        const broker = brokers[c % Math.max(1, brokers.length)];
        if (broker !== undefined) emit({ type: 'brokerRegistrationChange', brokerId: broker.id, brokerEpoch: broker.epoch, fenced: !broker.fenced });
        break;
      }
      case 2: {
        const topicId = `topic-id-${String(nextTopic).padStart(13, '0')}`;
        emit({ type: 'topic', name: `t${nextTopic++}`, topicId });
        const partitions = 1 + (c % 4);
        for (let p = 0; p < partitions; p++) {
          emit({ type: 'partition', topicId, partitionId: p, replicas: [1, 2, 3], isr: [1, 2, 3], removingReplicas: [], addingReplicas: [], leader: 1 + ((p + c) % 3), leaderEpoch: 0, partitionEpoch: 0 });
        }
        break;
      }
      case 3:
      case 4: {
        const topic = topics[c % Math.max(1, topics.length)];
        if (topic === undefined || topic.partitions.length === 0) break;
        const p = c % topic.partitions.length;
        const leader = 1 + (c % 3);
        emit({ type: 'partitionChange', topicId: topic.id, partitionId: p, ...(c % 3 === 0 ? {} : { leader }), isr: c % 2 === 0 ? [leader] : [1, 2, 3] });
        break;
      }
      case 5: {
        const topic = topics[c % Math.max(1, topics.length)];
        if (topic !== undefined) emit({ type: 'removeTopic', topicId: topic.id });
        break;
      }
      case 6: {
        const topic = topics[c % Math.max(1, topics.length)];
        const onTopic = topic !== undefined && c % 2 === 0;
        emit({
          type: 'config',
          resourceType: onTopic ? 'topic' : 'broker',
          resourceName: onTopic ? topic.name : c % 3 === 0 ? '' : String(c % 4),
          name: c % 3 === 0 ? 'retention.ms' : 'min.insync.replicas',
          value: c % 5 === 0 ? null : String(c),
        });
        break;
      }
      case 7: {
        nextProducerId += 1000;
        emit({ type: 'producerIds', brokerId: 1, brokerEpoch: 0, nextProducerId });
        break;
      }
    }
  }
  return out;
}
