/**
 * ListOffsets for a set of partitions: each asked of its leader (one request per leader, in
 * parallel), retried through leader changes and transient errors until the deadline.
 */
import { KafkaErrorCode } from '@kz/kafka-protocol';
import type { Logger } from 'pino';
import { EARLIEST_OFFSET_SPEC, LATEST_OFFSET_SPEC, type ListOffsetsRequest } from '../protocol/list-offsets';
import { BrokerUnreachableError } from '../service/broker-unreachable-error';
import type { ClusterView } from './cluster-view';
import { ERROR_NONE, isRetriableError, isStaleMetadataError, kafkaError, NETWORK_EXCEPTION } from './kafka-error-policy';
import { KzClientError } from './kz-client-error';

export interface OffsetQuery {
  readonly topic: string;
  readonly partition: number;
  /** 'earliest', 'latest', or a timestamp in ms (the first offset whose record is at or after it). */
  readonly timestamp: number | 'earliest' | 'latest';
}

export interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  /** -1 when no record has a timestamp at or after the one asked. */
  readonly offset: number;
  /** -1 unless looked up by timestamp. */
  readonly timestamp: number;
  readonly leaderEpoch: number;
}

export async function lookUpOffsets(
  cluster: ClusterView,
  queries: readonly OffsetQuery[],
  timeoutMs: number,
  retryBackoffMs: number,
  log: Logger,
): Promise<PartitionOffset[]> {
  const deadline = Date.now() + timeoutMs;
  const answers = new Map<OffsetQuery, PartitionOffset>();
  let pending = [...queries];
  let last: Error | undefined;
  if (cluster.want(queries.map((q) => q.topic))) await cluster.refresh().catch(() => undefined);
  for (;;) {
    // One request per leader, except that a partition asked twice (earliest and latest, say) needs
    // a second request: an answer names its partition, not the question.
    const requests: { leaderId: number; list: OffsetQuery[]; keys: Set<string> }[] = [];
    let stale = false;
    for (const q of pending) {
      const leader = cluster.leaderOf(q.topic, q.partition);
      if (leader === undefined) {
        stale = true;
        continue;
      }
      const key = `${q.topic}\u0000${q.partition}`;
      let slot = requests.find((r) => r.leaderId === leader.leaderId && !r.keys.has(key));
      if (slot === undefined) {
        slot = { leaderId: leader.leaderId, list: [], keys: new Set() };
        requests.push(slot);
      }
      slot.list.push(q);
      slot.keys.add(key);
    }
    await Promise.all(
      requests.map(async ({ leaderId, list }) => {
        const connection = cluster.connectionTo(leaderId);
        const topics = new Map<string, ListOffsetsRequest['topics'][number]['partitions'][number][]>();
        for (const q of list) {
          let partitions = topics.get(q.topic);
          if (partitions === undefined) {
            partitions = [];
            topics.set(q.topic, partitions);
          }
          partitions.push({ partition: q.partition, currentLeaderEpoch: cluster.leaderOf(q.topic, q.partition)?.leaderEpoch ?? -1, timestamp: specOf(q.timestamp) });
        }
        try {
          if (connection === undefined) throw new BrokerUnreachableError(`node ${leaderId}`, 'UNAVAILABLE', `no address for broker ${leaderId}`);
          const response = await connection.listOffsets({ topics: [...topics].map(([name, partitions]) => ({ name, partitions })) });
          const byKey = new Map<string, (typeof response.topics)[number]['partitions'][number]>();
          for (const t of response.topics) for (const p of t.partitions) byKey.set(`${t.name}\u0000${p.partition}`, p);
          for (const q of list) {
            const p = byKey.get(`${q.topic}\u0000${q.partition}`);
            const code = p?.errorCode ?? NETWORK_EXCEPTION;
            if (p !== undefined && code === ERROR_NONE) {
              answers.set(q, { topic: q.topic, partition: q.partition, offset: p.offset, timestamp: p.timestamp, leaderEpoch: p.leaderEpoch });
              continue;
            }
            last = kafkaError(code, p?.errorMessage ?? 'no answer for the partition', q.topic, q.partition);
            if (!isRetriableError(code)) throw last;
            if (isStaleMetadataError(code)) stale = true;
          }
        } catch (error) {
          if (!(error instanceof BrokerUnreachableError)) throw error;
          last = error;
          stale = true;
        }
      }),
    );
    pending = pending.filter((q) => !answers.has(q));
    if (pending.length === 0) return queries.map((q) => answers.get(q)!);
    if (Date.now() + retryBackoffMs >= deadline) {
      throw new KzClientError('REQUEST_TIMED_OUT', KafkaErrorCode.REQUEST_TIMED_OUT, `ListOffsets did not succeed within ${timeoutMs} ms: ${last?.message ?? 'no leader'}`, pending[0]?.topic, pending[0]?.partition, {
        cause: last,
      });
    }
    log.debug({ pending: pending.length, err: last?.message }, 'ListOffsets will be retried');
    await new Promise((resolve) => setTimeout(resolve, retryBackoffMs));
    if (stale) await cluster.refresh().catch(() => undefined);
  }
}

function specOf(timestamp: OffsetQuery['timestamp']): number {
  if (timestamp === 'earliest') return EARLIEST_OFFSET_SPEC;
  if (timestamp === 'latest') return LATEST_OFFSET_SPEC;
  return timestamp;
}
