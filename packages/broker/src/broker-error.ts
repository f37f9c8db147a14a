/**
 * The base of every typed broker error: the Kafka error name and numeric code
 * (clients/.../protocol/Errors.java) a broker answers with, like the errors of @kz/records.
 */
export abstract class BrokerError extends Error {
  /** Kafka error name, e.g. 'OFFSET_OUT_OF_RANGE'. */
  abstract readonly code: string;
  /** Kafka numeric error code. */
  abstract readonly kafkaErrorCode: number;
}
