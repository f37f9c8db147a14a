/**
 * The Kafka error a request-path exception answers with. Typed errors (BrokerError, the record
 * errors of @kz/records, ApiError) carry their own name and code; anything else is a bug or a failed
 * disk, answered as KAFKA_STORAGE_ERROR for log I/O and UNKNOWN_SERVER_ERROR otherwise.
 */
import { KAFKA_ERROR_CODES } from '@kz/metadata';

export interface KafkaErrorValue {
  readonly errorCode: number;
  readonly errorName: string;
  readonly errorMessage: string;
}

export function kafkaErrorOf(error: unknown): KafkaErrorValue {
  if (error instanceof Error && 'kafkaErrorCode' in error && typeof error.kafkaErrorCode === 'number') {
    const name = 'code' in error && typeof error.code === 'string' ? error.code : 'UNKNOWN_SERVER_ERROR';
    return { errorCode: error.kafkaErrorCode, errorName: name, errorMessage: error.message };
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code)) {
    // A Node system error (ENOSPC, EIO, ...) from the log's files.
    return { errorCode: KAFKA_ERROR_CODES.KAFKA_STORAGE_ERROR, errorName: 'KAFKA_STORAGE_ERROR', errorMessage: error.message };
  }
  return {
    errorCode: KAFKA_ERROR_CODES.UNKNOWN_SERVER_ERROR,
    errorName: 'UNKNOWN_SERVER_ERROR',
    errorMessage: error instanceof Error ? error.message : String(error),
  };
}

export function kafkaError(name: keyof typeof KAFKA_ERROR_CODES, errorMessage: string): KafkaErrorValue {
  return { errorCode: KAFKA_ERROR_CODES[name], errorName: name, errorMessage };
}

export const NO_ERROR: KafkaErrorValue = { errorCode: 0, errorName: 'NONE', errorMessage: '' };
