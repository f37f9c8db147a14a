/**
 * The idempotent producer's APIs over Kafka's protocol: InitProducerId (v0–5) hands a producer its
 * id; DescribeProducers (v0, KIP-664) shows what a partition's leader knows of each producer.
 */
import { ApiKey } from '@kz/kafka-protocol';
import type { ProducerIdApi } from '../protocol/producer-ids.js';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler.js';

export const INIT_PRODUCER_ID_VERSIONS = { min: 0, max: 5 } as const;
export const DESCRIBE_PRODUCERS_VERSIONS = { min: 0, max: 0 } as const;

export function initProducerIdHandler(producers: ProducerIdApi): KafkaApiHandler<typeof ApiKey.InitProducerId> {
  return kafkaHandler(ApiKey.InitProducerId, INIT_PRODUCER_ID_VERSIONS, async (request) => {
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
  return kafkaHandler(ApiKey.DescribeProducers, DESCRIBE_PRODUCERS_VERSIONS, async (request) => {
    const answer = await producers.describeProducers({ topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes })) });
    return {
      throttleTimeMs: 0,
      topics: answer.topics.map((t) => ({
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
      })),
    };
  });
}
