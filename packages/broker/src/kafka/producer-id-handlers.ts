/**
 * The idempotent producer's APIs over Kafka's protocol: InitProducerId (v0–5) hands a producer its
 * id; DescribeProducers (v0, KIP-664) shows what a partition's leader knows of each producer.
 *
 * Authorization as Kafka's since KIP-679: an idempotent producer needs IDEMPOTENT_WRITE on the
 * cluster or WRITE on some topic — any topic a grant covers, created yet or not, as Kafka's
 * authorizeByResourceType asks (CLUSTER_AUTHORIZATION_FAILED otherwise); DescribeProducers needs
 * READ on the topic.
 */
import { ApiKey } from '@kz/kafka-protocol';
import type { ProducerIdApi } from '../protocol/producer-ids';
import { errorCode } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler';

export const INIT_PRODUCER_ID_VERSIONS = { min: 0, max: 5 } as const;
export const DESCRIBE_PRODUCERS_VERSIONS = { min: 0, max: 0 } as const;

export function initProducerIdHandler(producers: ProducerIdApi): KafkaApiHandler<typeof ApiKey.InitProducerId> {
  return kafkaHandler(ApiKey.InitProducerId, INIT_PRODUCER_ID_VERSIONS, async (request, { session }) => {
    if (request.transactionalId === null && !session.may('IDEMPOTENT_WRITE', 'CLUSTER', 'kafka-cluster') && !session.mayOnSome('WRITE', 'TOPIC')) {
      return { throttleTimeMs: 0, errorCode: errorCode('CLUSTER_AUTHORIZATION_FAILED'), producerId: -1, producerEpoch: -1 };
    }
    const answer = await producers.initProducerId({
      transactionalId: request.transactionalId,
      transactionTimeoutMs: request.transactionTimeoutMs,
      producerId: request.producerId,
      producerEpoch: request.producerEpoch,
    });
    return { throttleTimeMs: 0, errorCode: answer.errorCode, producerId: answer.producerId, producerEpoch: answer.producerEpoch };
  });
}

export function describeProducersHandler(producers: ProducerIdApi): KafkaApiHandler<typeof ApiKey.DescribeProducers> {
  return kafkaHandler(ApiKey.DescribeProducers, DESCRIBE_PRODUCERS_VERSIONS, async (request, { session }) => {
    const denied = request.topics.filter((t) => !session.may('READ', 'TOPIC', t.name));
    const allowed = request.topics.filter((t) => !denied.includes(t));
    const answer = allowed.length === 0 ? { topics: [] } : await producers.describeProducers({ topics: allowed.map((t) => ({ name: t.name, partitions: t.partitionIndexes })) });
    const refused = denied.map((t) => ({
      name: t.name,
      partitions: t.partitionIndexes.map((partitionIndex) => ({ partitionIndex, errorCode: errorCode('TOPIC_AUTHORIZATION_FAILED'), errorMessage: `not authorized to read topic ${t.name}`, activeProducers: [] })),
    }));
    return {
      throttleTimeMs: 0,
      topics: [...answer.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partitionIndex: p.partition,
          errorCode: p.errorCode,
          errorMessage: p.errorMessage,
          activeProducers: p.activeProducers.map((a) => ({
            producerId: a.producerId,
            producerEpoch: a.producerEpoch,
            lastSequence: a.lastSequence,
            lastTimestamp: a.lastTimestamp,
            // No transactions: no coordinator epoch, no open transaction.
            coordinatorEpoch: -1,
            currentTxnStartOffset: -1,
          })),
        })),
      })), ...refused],
    };
  });
}
