/**
 * DeleteRecords (v0-2; v2 flexible; KIP-107): each partition's records below an offset (-1: the
 * high watermark) are deleted on its leader, which answers once every live replica has deleted up
 * to there (the low watermark), or REQUEST_TIMED_OUT at the request's timeout. Clients send it to
 * each partition's leader; a broker that does not lead one answers NOT_LEADER_OR_FOLLOWER.
 *
 * As Kafka's KafkaApis and ReplicaManager: DELETE on the topic is required (else
 * TOPIC_AUTHORIZATION_FAILED), and an internal topic's records are not deleted
 * (INVALID_TOPIC_EXCEPTION).
 */
import { ApiKey } from '@kz/kafka-protocol';
import { OFFSETS_TOPIC } from '../coordinator/offsets-topic';
import type { DeleteRecordsPartitionResponse } from '../protocol/delete-records';
import type { KafkaBackend } from './kafka-backend';
import { errorCode } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler';

export const DELETE_RECORDS_VERSIONS = { min: 0, max: 2 } as const;

export function deleteRecordsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.DeleteRecords> {
  return kafkaHandler(ApiKey.DeleteRecords, DELETE_RECORDS_VERSIONS, async (request, { session }) => {
    const refusal = (name: string): number | null => {
      if (!session.may('DELETE', 'TOPIC', name)) return errorCode('TOPIC_AUTHORIZATION_FAILED');
      if (name === OFFSETS_TOPIC) return errorCode('INVALID_TOPIC_EXCEPTION');
      return null;
    };
    const forwarded = request.topics.filter((t) => refusal(t.name) === null);
    const answered = new Map<string, DeleteRecordsPartitionResponse>();
    if (forwarded.length > 0) {
      const answer = await backend.broker.deleteRecords({
        timeoutMs: request.timeoutMs,
        topics: forwarded.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partition: p.partitionIndex, offset: p.offset })) })),
      });
      for (const t of answer.topics) for (const p of t.partitions) answered.set(`${t.name}\u0000${p.partition}`, p);
    }
    return {
      throttleTimeMs: 0,
      topics: request.topics.map((t) => {
        const refused = refusal(t.name);
        return {
          name: t.name,
          partitions: t.partitions.map((p) => {
            const got = refused === null ? answered.get(`${t.name}\u0000${p.partitionIndex}`) : undefined;
            const code = refused ?? got?.errorCode ?? errorCode('UNKNOWN_TOPIC_OR_PARTITION');
            return { partitionIndex: p.partitionIndex, lowWatermark: got?.lowWatermark ?? -1, errorCode: code };
          }),
        };
      }),
    };
  });
}
