/**
 * ListOffsets (v1-8): the latest offset (-1, the high watermark), the earliest (-2, and -4, the
 * earliest local offset, the same without tiered storage), the record with the largest timestamp
 * (-3, KIP-734, v7+), or the first record at or after a timestamp. Without transactions the
 * last stable offset is the high watermark, so both isolation levels answer alike. v0 (several
 * offsets per partition) went with the old message formats (KIP-896).
 */
import { ApiKey } from '@kz/kafka-protocol';
import { EARLIEST_OFFSET_SPEC } from '../protocol/list-offsets';
import type { KafkaBackend } from './kafka-backend';
import { errorCode } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler';

export const LIST_OFFSETS_VERSIONS = { min: 1, max: 8 } as const;

const MAX_TIMESTAMP = -3;
const EARLIEST_LOCAL_TIMESTAMP = -4;

export function listOffsetsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.ListOffsets> {
  return kafkaHandler(ApiKey.ListOffsets, LIST_OFFSETS_VERSIONS, async (request, { apiVersion, session }) => {
    // Offsets of a topic the client may not DESCRIBE are TOPIC_AUTHORIZATION_FAILED, as Kafka answers.
    const denied = new Set(request.topics.filter((t) => !session.may('DESCRIBE', 'TOPIC', t.name)).map((t) => t.name));
    /** A special timestamp this version does not know is refused, as Kafka refuses it. */
    const unsupported = (t: number): boolean => (t === MAX_TIMESTAMP && apiVersion < 7) || (t === EARLIEST_LOCAL_TIMESTAMP && apiVersion < 8) || t < EARLIEST_LOCAL_TIMESTAMP;
    const answer = await backend.broker.listOffsets({
      topics: request.topics.filter((t) => !denied.has(t.name)).map((t) => ({
        name: t.name,
        partitions: t.partitions
          .filter((p) => !unsupported(p.timestamp))
          .map((p) => ({
            partition: p.partitionIndex,
            currentLeaderEpoch: p.currentLeaderEpoch,
            timestamp: p.timestamp === EARLIEST_LOCAL_TIMESTAMP ? EARLIEST_OFFSET_SPEC : p.timestamp,
          })),
      })),
    });
    const answered = new Map<string, (typeof answer.topics)[number]['partitions'][number]>();
    for (const t of answer.topics) for (const p of t.partitions) answered.set(`${t.name}\u0000${p.partition}`, p);
    return {
      throttleTimeMs: 0,
      topics: request.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => {
          const got = unsupported(p.timestamp) || denied.has(t.name) ? undefined : answered.get(`${t.name}\u0000${p.partitionIndex}`);
          if (got === undefined) {
            const code = denied.has(t.name) ? errorCode('TOPIC_AUTHORIZATION_FAILED') : unsupported(p.timestamp) ? errorCode('UNSUPPORTED_VERSION') : errorCode('UNKNOWN_TOPIC_OR_PARTITION');
            return { partitionIndex: p.partitionIndex, errorCode: code, oldStyleOffsets: [], timestamp: -1, offset: -1, leaderEpoch: -1 };
          }
          return { partitionIndex: p.partitionIndex, errorCode: got.errorCode, oldStyleOffsets: [], timestamp: got.timestamp, offset: got.offset, leaderEpoch: got.leaderEpoch };
        }),
      })),
    };
  });
}
