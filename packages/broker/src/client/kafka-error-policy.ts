/**
 * What a client does with each Kafka error code it gets back: which ones are worth retrying,
 * and which of those mean its picture of the cluster (who leads what) is stale. Matches Kafka's
 * RetriableException / InvalidMetadataException split (clients/.../common/errors).
 */
import { KafkaErrorCode as KAFKA_ERROR_CODES, kafkaErrorByCode } from '@kz/kafka-protocol';
import { KzClientError } from './kz-client-error';

export const ERROR_NONE = 0;
export const NETWORK_EXCEPTION = KAFKA_ERROR_CODES.NETWORK_EXCEPTION;
const OFFSET_NOT_AVAILABLE = KAFKA_ERROR_CODES.OFFSET_NOT_AVAILABLE;

/** Errors that say the client asked the wrong broker: refresh metadata, then retry. */
const STALE_METADATA = new Set<number>([
  KAFKA_ERROR_CODES.NOT_LEADER_OR_FOLLOWER,
  KAFKA_ERROR_CODES.LEADER_NOT_AVAILABLE,
  KAFKA_ERROR_CODES.UNKNOWN_TOPIC_OR_PARTITION,
  KAFKA_ERROR_CODES.FENCED_LEADER_EPOCH,
  KAFKA_ERROR_CODES.UNKNOWN_LEADER_EPOCH,
  KAFKA_ERROR_CODES.UNKNOWN_TOPIC_ID,
  KAFKA_ERROR_CODES.BROKER_NOT_AVAILABLE,
  NETWORK_EXCEPTION,
]);

/** Transient errors that the same request may get past by waiting. */
const TRANSIENT = new Set<number>([
  KAFKA_ERROR_CODES.REQUEST_TIMED_OUT,
  KAFKA_ERROR_CODES.NOT_ENOUGH_REPLICAS,
  KAFKA_ERROR_CODES.NOT_ENOUGH_REPLICAS_AFTER_APPEND,
  KAFKA_ERROR_CODES.KAFKA_STORAGE_ERROR,
  OFFSET_NOT_AVAILABLE,
]);

/** Group calls: the coordinator moved or is loading. */
const COORDINATOR = new Set<number>([
  KAFKA_ERROR_CODES.COORDINATOR_LOAD_IN_PROGRESS,
  KAFKA_ERROR_CODES.COORDINATOR_NOT_AVAILABLE,
  KAFKA_ERROR_CODES.NOT_COORDINATOR,
]);

export function isStaleMetadataError(code: number): boolean {
  return STALE_METADATA.has(code);
}

export function isRetriableError(code: number): boolean {
  return STALE_METADATA.has(code) || TRANSIENT.has(code);
}

/** NOT_COORDINATOR and COORDINATOR_NOT_AVAILABLE mean finding the coordinator again; LOAD_IN_PROGRESS only waiting. */
export function isCoordinatorError(code: number): boolean {
  return COORDINATOR.has(code);
}

/** Kafka's name for the code (@kz/kafka-protocol's table); a code Kafka does not define is named by its number. */
export function errorNameOf(code: number): string {
  return kafkaErrorByCode(code)?.name ?? `UNKNOWN_ERROR_CODE_${code}`;
}

/** The KzClientError for a Kafka error code in a response. */
export function kafkaError(code: number, message: string, topic?: string, partition?: number): KzClientError {
  const where = topic === undefined ? '' : partition === undefined ? ` (${topic})` : ` (${topic}-${partition})`;
  const name = errorNameOf(code);
  return new KzClientError(name, code, `${name}${where}${message === '' ? '' : `: ${message}`}`, topic, partition);
}
