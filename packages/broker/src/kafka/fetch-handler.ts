/**
 * Fetch (v4-17) for consumers: long poll up to MaxWaitMs until MinBytes are there, per-partition
 * and total byte limits, whole batches below the high watermark (BrokerApi.fetch).
 *
 * - Topics are named before v13 and by id from v13; names are turned into ids through the image.
 * - Isolation level: without transactions the last stable offset is the high watermark, so
 *   read_committed and read_uncommitted read the same records (and no aborted transactions).
 * - Fetch sessions (KIP-227) are answered sessionless: a full fetch (session id 0) gets a full
 *   answer with session id 0, which tells the client no session was made; an incremental fetch
 *   or an unknown session id gets the session error that sends the client back to full fetches.
 * - No preferred read replica (KIP-392): the leader serves every consumer.
 * - A replica id ≥ 0 gets a consumer's answer: followers replicate over the REPLICATION listener.
 *
 * Versions before 4 returned the old message formats; kz stores only RecordBatch v2.
 */
import { ApiKey, type FetchResponseFetchableTopicResponse, type FetchResponsePartitionData } from '@kz/kafka-protocol';
import type { FetchPartitionResponse, FetchTopic } from '../protocol/fetch';
import type { KafkaBackend } from './kafka-backend';
import { errorCode, NONE } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler';
import { nodeEndpoints } from './node-endpoints';

export const FETCH_VERSIONS = { min: 4, max: 17 } as const;

const READ_COMMITTED = 1;
/** KIP-227's epochs: -1 ends (or skips) a session, 0 would open one, above 0 is incremental. */
const FINAL_EPOCH = -1;
const INITIAL_EPOCH = 0;

export function fetchHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.Fetch> {
  return kafkaHandler(ApiKey.Fetch, FETCH_VERSIONS, async (request, { apiVersion, session }) => {
    const byId = apiVersion >= 13;
    const empty = { throttleTimeMs: 0, sessionId: 0, responses: [], nodeEndpoints: [] };
    if (request.sessionId !== 0) return { ...empty, errorCode: errorCode('FETCH_SESSION_ID_NOT_FOUND') };
    if (request.sessionEpoch !== FINAL_EPOCH && request.sessionEpoch !== INITIAL_EPOCH) return { ...empty, errorCode: errorCode('INVALID_FETCH_SESSION_EPOCH') };
    const image = backend.image();
    /** Per asked topic: its id (for BrokerApi), or null when the name is unknown. */
    const ids = request.topics.map((t) => (byId ? t.topicId : (image.topicIdsByName.get(t.topic) ?? null)));
    // Topics the client may not READ are answered TOPIC_AUTHORIZATION_FAILED and not fetched.
    const denied = request.topics.map((t, i) => {
      const name = byId ? image.topicsById.get(ids[i] ?? '')?.name : t.topic;
      return name !== undefined && !session.may('READ', 'TOPIC', name);
    });
    const asked: FetchTopic[] = [];
    request.topics.forEach((t, i) => {
      const topicId = ids[i];
      if (topicId === null || topicId === undefined || denied[i]) return;
      asked.push({
        topicId,
        partitions: t.partitions.map((p) => ({
          partition: p.partition,
          currentLeaderEpoch: p.currentLeaderEpoch,
          fetchOffset: p.fetchOffset,
          lastFetchedEpoch: -1,
          logStartOffset: -1,
          partitionMaxBytes: p.partitionMaxBytes,
        })),
      });
    });
    const answer = await backend.broker.fetch({
      replicaId: -1,
      replicaEpoch: -1,
      // A partition in error is answered at once, as Kafka does: the client must hear of it now.
      maxWaitMs: asked.length < request.topics.length ? 0 : request.maxWaitMs,
      minBytes: request.minBytes,
      maxBytes: request.maxBytes,
      topics: asked,
    });
    if (answer.errorCode !== NONE) return { ...empty, errorCode: answer.errorCode };
    const abortedTransactions = request.isolationLevel === READ_COMMITTED ? [] : null;
    const leaders: number[] = [];
    let next = 0;
    const responses: FetchResponseFetchableTopicResponse[] = request.topics.map((t, i) => {
      const known = ids[i] !== null && ids[i] !== undefined && denied[i] !== true;
      // BrokerApi answers the topics it was asked in the order it was asked them.
      const got = known ? answer.topics[next++] : undefined;
      const byPartition = new Map<number, FetchPartitionResponse>((got?.partitions ?? []).map((p) => [p.partition, p]));
      const missing = errorCode(denied[i] === true ? 'TOPIC_AUTHORIZATION_FAILED' : 'UNKNOWN_TOPIC_OR_PARTITION');
      return {
        topic: t.topic,
        topicId: t.topicId,
        partitions: t.partitions.map((p): FetchResponsePartitionData => {
          const r = byPartition.get(p.partition);
          if (r === undefined) {
            return { partitionIndex: p.partition, errorCode: missing, highWatermark: -1, lastStableOffset: -1, logStartOffset: -1, abortedTransactions, preferredReadReplica: -1, records: null };
          }
          if (r.currentLeader !== null) leaders.push(r.currentLeader.leaderId);
          return {
            partitionIndex: p.partition,
            errorCode: r.errorCode,
            highWatermark: r.highWatermark,
            lastStableOffset: r.highWatermark,
            logStartOffset: r.logStartOffset,
            ...(r.currentLeader === null ? {} : { currentLeader: { leaderId: r.currentLeader.leaderId, leaderEpoch: r.currentLeader.leaderEpoch } }),
            abortedTransactions,
            preferredReadReplica: -1,
            records: r.records,
          };
        }),
      };
    });
    return { throttleTimeMs: 0, errorCode: NONE, sessionId: 0, responses, nodeEndpoints: leaders.length === 0 ? [] : nodeEndpoints(image, leaders) };
  });
}
