/**
 * Requests about partitions that only each partition's leader answers (ListOffsets, DeleteRecords):
 * one request per leader, in parallel, retried through leader changes and transient errors until
 * the deadline. A non-retriable error for any partition ends the call with that partition's
 * KzClientError; the deadline ends it with REQUEST_TIMED_OUT, the last failure as its cause.
 */
import { KafkaErrorCode } from '@kz/kafka-protocol';
import type { Logger } from 'pino';
import { BrokerUnreachableError } from '../service/broker-unreachable-error';
import type { ClusterView } from './cluster-view';
import type { KafkaBrokerConnection } from './kafka-broker-connection';
import { ERROR_NONE, isRetriableError, isStaleMetadataError, kafkaError, NETWORK_EXCEPTION } from './kafka-error-policy';
import { KzClientError } from './kz-client-error';

export interface PartitionQuery {
  readonly topic: string;
  readonly partition: number;
}

/** A leader's answer for one query: its error code, and the value when the code is NONE. */
export interface LeaderAnswer<A> {
  readonly errorCode: number;
  readonly errorMessage: string;
  readonly value: A | undefined;
}

/**
 * Sends one request for `queries` (all led by the broker behind `connection`) and answers each; a
 * query left out counts as unanswered. `remainingMs` is what is left of the call's deadline.
 */
export type AskLeader<Q, A> = (connection: KafkaBrokerConnection, queries: readonly Q[], remainingMs: number) => Promise<ReadonlyMap<Q, LeaderAnswer<A>>>;

export interface LeaderCallOptions {
  /** The API's name, for the timeout message. */
  readonly what: string;
  readonly timeoutMs: number;
  readonly retryBackoffMs: number;
  readonly log: Logger;
}

/** Each query's value, in the order asked. */
export async function askPartitionLeaders<Q extends PartitionQuery, A>(cluster: ClusterView, queries: readonly Q[], options: LeaderCallOptions, ask: AskLeader<Q, A>): Promise<A[]> {
  const { what, timeoutMs, retryBackoffMs, log } = options;
  const deadline = Date.now() + timeoutMs;
  const answers = new Map<Q, A>();
  let pending = [...queries];
  let last: Error | undefined;
  if (cluster.want(queries.map((q) => q.topic))) await cluster.refresh().catch(() => undefined);
  for (;;) {
    // One request per leader, except that a partition asked twice (earliest and latest, say) needs
    // a second request: an answer names its partition, not the question.
    const requests: { leaderId: number; list: Q[]; keys: Set<string> }[] = [];
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
        try {
          if (connection === undefined) throw new BrokerUnreachableError(`node ${leaderId}`, 'UNAVAILABLE', `no address for broker ${leaderId}`);
          const answered = await ask(connection, list, Math.max(0, deadline - Date.now()));
          for (const q of list) {
            const a = answered.get(q);
            const code = a?.errorCode ?? NETWORK_EXCEPTION;
            if (a !== undefined && code === ERROR_NONE && a.value !== undefined) {
              answers.set(q, a.value);
              continue;
            }
            last = kafkaError(code, a?.errorMessage ?? 'no answer for the partition', q.topic, q.partition);
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
      throw new KzClientError('REQUEST_TIMED_OUT', KafkaErrorCode.REQUEST_TIMED_OUT, `${what} did not succeed within ${timeoutMs} ms: ${last?.message ?? 'no leader'}`, pending[0]?.topic, pending[0]?.partition, {
        cause: last,
      });
    }
    log.debug({ pending: pending.length, err: last?.message }, `${what} will be retried`);
    await new Promise((resolve) => setTimeout(resolve, retryBackoffMs));
    if (stale) await cluster.refresh().catch(() => undefined);
  }
}

/** The answers of a response, keyed by the queries they answer (by topic and partition). */
export function answersByQuery<Q extends PartitionQuery, P extends { readonly partition: number; readonly errorCode: number; readonly errorMessage: string }, A>(
  queries: readonly Q[],
  topics: readonly { readonly name: string; readonly partitions: readonly P[] }[],
  value: (answer: P, query: Q) => A,
): Map<Q, LeaderAnswer<A>> {
  const byKey = new Map<string, P>();
  for (const t of topics) for (const p of t.partitions) byKey.set(`${t.name}\u0000${p.partition}`, p);
  const out = new Map<Q, LeaderAnswer<A>>();
  for (const q of queries) {
    const p = byKey.get(`${q.topic}\u0000${q.partition}`);
    if (p !== undefined) out.set(q, { errorCode: p.errorCode, errorMessage: p.errorMessage, value: p.errorCode === ERROR_NONE ? value(p, q) : undefined });
  }
  return out;
}

/** The queries grouped by topic, in first-asked order, as Kafka requests carry them. */
export function byTopic<Q extends PartitionQuery, P>(queries: readonly Q[], partition: (q: Q) => P): { name: string; partitions: P[] }[] {
  const topics = new Map<string, P[]>();
  for (const q of queries) {
    let partitions = topics.get(q.topic);
    if (partitions === undefined) {
      partitions = [];
      topics.set(q.topic, partitions);
    }
    partitions.push(partition(q));
  }
  return [...topics].map(([name, partitions]) => ({ name, partitions }));
}
