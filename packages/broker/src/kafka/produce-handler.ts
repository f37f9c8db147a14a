/**
 * Produce (v3-11): the client's RecordBatch v2 bytes go to the leader's log as they are — CRC
 * checked, base offset and leader epoch stamped, never re-encoded (BrokerApi.produce).
 *
 * acks=0 gets no answer; if a partition failed, the connection is closed instead, as Kafka does, so
 * the producer notices and refreshes its metadata. Versions before 3 carried the old message
 * formats, which kz does not store (Kafka 4.0 dropped them too, KIP-896).
 *
 * A topic the client may not WRITE is refused with TOPIC_AUTHORIZATION_FAILED before its batches
 * reach the log.
 *
 * kz takes one or more batches per partition where Kafka insists on exactly one: KzProducer sends
 * the batches a partition queued meanwhile together, and nothing is lost by accepting them.
 */
import { ApiKey, type ProduceResponseTopicProduceResponse } from '@kz/kafka-protocol';
import type { Acks, ProduceTopicData } from '../protocol/produce';
import type { KafkaBackend } from './kafka-backend';
import { errorCode, NONE } from './kafka-error';
import { CLOSE_CONNECTION, kafkaHandler, type KafkaApiHandler } from './kafka-handler';
import { nodeEndpoints } from './node-endpoints';

export const PRODUCE_VERSIONS = { min: 3, max: 11 } as const;

const EMPTY = new Uint8Array(0);

function isAcks(acks: number): acks is Acks {
  return acks === -1 || acks === 0 || acks === 1;
}

export function produceHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.Produce> {
  return kafkaHandler(ApiKey.Produce, PRODUCE_VERSIONS, async (request, { session }) => {
    const acks = request.acks;
    /** Partitions refused before reaching the log, by topic index then partition index. */
    const refused = new Map<string, { code: number; message: string }>();
    const refuse = (ti: number, pi: number, code: number, message: string): void => void refused.set(`${ti}:${pi}`, { code, message });
    const topics: ProduceTopicData[] = [];
    request.topicData.forEach((topic, ti) => {
      const partitions: { partition: number; records: Uint8Array }[] = [];
      const writable = session.may('WRITE', 'TOPIC', topic.name);
      topic.partitionData.forEach((p, pi) => {
        if (!writable) refuse(ti, pi, errorCode('TOPIC_AUTHORIZATION_FAILED'), `not authorized to write to topic ${topic.name}`);
        else if (!isAcks(acks)) refuse(ti, pi, errorCode('INVALID_REQUIRED_ACKS'), `acks must be -1, 0 or 1, got ${acks}`);
        else if (request.transactionalId !== null) refuse(ti, pi, errorCode('TRANSACTIONAL_ID_AUTHORIZATION_FAILED'), 'kz does not support transactions yet');
        else if (p.records === null || p.records.length === 0) refuse(ti, pi, errorCode('INVALID_RECORD'), 'the produce request holds no record batch');
        else partitions.push({ partition: p.index, records: p.records ?? EMPTY });
      });
      if (partitions.length > 0) topics.push({ name: topic.name, partitions });
    });
    const answer = topics.length === 0 ? { topics: [] } : await backend.broker.produce({ acks: isAcks(acks) ? acks : -1, timeoutMs: request.timeoutMs, topics });
    // Answers come back per topic in the order sent; match them by name and partition.
    const answered = new Map<string, (typeof answer.topics)[number]['partitions'][number]>();
    for (const t of answer.topics) for (const p of t.partitions) answered.set(`${t.name}\u0000${p.partition}`, p);
    const leaders: number[] = [];
    let failed = false;
    const responses: ProduceResponseTopicProduceResponse[] = request.topicData.map((topic, ti) => ({
      name: topic.name,
      partitionResponses: topic.partitionData.map((p, pi) => {
        const early = refused.get(`${ti}:${pi}`);
        const got = early === undefined ? answered.get(`${topic.name}\u0000${p.index}`) : undefined;
        const code = early?.code ?? got?.errorCode ?? NONE;
        if (code !== NONE) failed = true;
        const currentLeader = got?.currentLeader ?? null;
        if (currentLeader !== null) leaders.push(currentLeader.leaderId);
        return {
          index: p.index,
          errorCode: code,
          baseOffset: got !== undefined && code === NONE ? got.baseOffset : -1,
          logAppendTimeMs: -1,
          logStartOffset: got?.logStartOffset ?? -1,
          recordErrors: [],
          errorMessage: code === NONE ? null : (early?.message ?? got?.errorMessage ?? null),
          ...(currentLeader === null ? {} : { currentLeader: { leaderId: currentLeader.leaderId, leaderEpoch: currentLeader.leaderEpoch } }),
        };
      }),
    }));
    if (acks === 0) return failed ? CLOSE_CONNECTION : null;
    return { responses, throttleTimeMs: 0, nodeEndpoints: leaders.length === 0 ? [] : nodeEndpoints(backend.image(), leaders) };
  });
}
