/**
 * Kafka error codes as the handlers answer them, from a name (typed against Kafka's table) or from
 * the ApiError a controller answered with.
 */
import { KafkaErrorCode, type KafkaErrorName } from '@kz/kafka-protocol';

export const NONE = 0;

export function errorCode(name: KafkaErrorName): number {
  return KafkaErrorCode[name];
}

/** An item's outcome: its code and message (null message when it succeeded, as Kafka sends). */
export interface ItemError {
  readonly errorCode: number;
  readonly errorMessage: string | null;
}

export const NO_ERROR: ItemError = { errorCode: NONE, errorMessage: null };

/** The code and message of an ApiError (or anything carrying kafkaErrorCode), NONE for null. */
export function itemError(error: { readonly kafkaErrorCode: number; readonly message: string } | null | undefined): ItemError {
  if (error === null || error === undefined) return NO_ERROR;
  return { errorCode: error.kafkaErrorCode, errorMessage: error.message };
}

export function namedError(name: KafkaErrorName, message: string): ItemError {
  return { errorCode: KafkaErrorCode[name], errorMessage: message };
}
