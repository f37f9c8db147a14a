/**
 * One Kafka API as the listener serves it: the versions it answers and the function that answers
 * a decoded request. The ApiVersions table is built from these declarations, so what a client is
 * told is exactly what has a handler (nothing advertised falls through to "unsupported").
 */
import type { ApiKey, ApiRequestTypes, ApiResponseTypes, Complete, RequestHeader } from '@kz/kafka-protocol';
import type { ClientSession } from '../security/client-session';

/** What a handler knows about the request besides its body. */
export interface RequestContext {
  readonly apiVersion: number;
  readonly header: Complete<RequestHeader>;
  /** `host:port` of the client, for logs. */
  readonly peer: string;
  /** Who the client is (its principal) and where its SASL exchange stands. */
  readonly session: ClientSession;
  /**
   * Ends the connection once this request's answer is written (a failed authentication, as Kafka
   * does); `reason` is logged once with the peer, never told to the client.
   */
  closeAfterAnswer(reason: string): void;
}

/**
 * A handler's answer that closes the connection instead: Kafka's way of telling an acks=0 producer,
 * which reads no answers, that its write failed (it reconnects and refreshes its metadata).
 */
export const CLOSE_CONNECTION = Symbol('close the connection');

export type HandlerResult<K extends ApiKey> = ApiResponseTypes[K] | null | typeof CLOSE_CONNECTION;

export interface KafkaApiHandler<K extends ApiKey = ApiKey> {
  readonly apiKey: K;
  readonly minVersion: number;
  readonly maxVersion: number;
  /**
   * The answer, or null for a request Kafka does not answer (Produce with acks=0). Rejects only
   * when the broker itself failed (it is stopping, its disk failed): the listener then closes the
   * connection, which every Kafka client treats as a retriable network error.
   */
  handle(request: Complete<ApiRequestTypes[K]>, context: RequestContext): Promise<HandlerResult<K>>;
}

/** Builds a handler with its key's request and response types inferred. */
export function kafkaHandler<K extends ApiKey>(
  apiKey: K,
  versions: { readonly min: number; readonly max: number },
  handle: (request: Complete<ApiRequestTypes[K]>, context: RequestContext) => Promise<HandlerResult<K>>,
): KafkaApiHandler<K> {
  return { apiKey, minVersion: versions.min, maxVersion: versions.max, handle };
}

/** The handlers a listener serves, by API key. */
export type KafkaHandlers = ReadonlyMap<number, KafkaApiHandler>;

export function handlerTable(handlers: readonly KafkaApiHandler[]): KafkaHandlers {
  const table = new Map<number, KafkaApiHandler>();
  for (const handler of handlers) {
    if (table.has(handler.apiKey)) throw new Error(`two handlers for API key ${handler.apiKey}`);
    table.set(handler.apiKey, handler);
  }
  return table;
}
