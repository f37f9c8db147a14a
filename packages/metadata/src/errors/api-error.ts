/**
 * Kafka's protocol errors as values (clients/.../protocol/Errors.java): a name, its numeric code,
 * and a message for people. Controller and admin answers carry these; nothing is thrown across the
 * wire as a string.
 */
import { KafkaErrorCode, kafkaErrorByCode, type KafkaErrorName } from '@kz/runtime';

/** Every Kafka error name and its number, from @kz/runtime's one table (Kafka 3.9's Errors.java). */
export const KAFKA_ERROR_CODES = KafkaErrorCode;

export type { KafkaErrorName };

/** One Kafka error as a value. `leaderId` hints where to retry a NOT_CONTROLLER. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kafkaErrorCode: number;

  constructor(
    readonly code: KafkaErrorName,
    message: string,
    readonly leaderId: number = -1,
  ) {
    super(message);
    this.kafkaErrorCode = KAFKA_ERROR_CODES[code];
  }

  /** Retriable errors that a client resolves by finding the controller again or waiting. */
  get retriable(): boolean {
    return this.code === 'NOT_CONTROLLER' || this.code === 'REQUEST_TIMED_OUT' || this.code === 'LEADER_NOT_AVAILABLE';
  }
}

export function apiError(code: KafkaErrorName, message: string, leaderId = -1): ApiError {
  return new ApiError(code, message, leaderId);
}

/** The name for a numeric code, for errors that arrive over the wire; UNKNOWN_SERVER_ERROR for a code Kafka does not define. */
export function kafkaErrorName(code: number): KafkaErrorName {
  return kafkaErrorByCode(code)?.name ?? 'UNKNOWN_SERVER_ERROR';
}
