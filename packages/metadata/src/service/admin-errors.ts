import { KafkaErrorCode } from '@kz/runtime';

/**
 * A MetadataAdmin message that is not valid: its bytes do not decode, or it holds a value its
 * schema cannot mean (an unknown enum, an int32 out of range, an int64 beyond 2^53, a fraction).
 * The server refuses such a request with gRPC INVALID_ARGUMENT and `kz-error-code: INVALID_REQUEST`;
 * the client reports one it was about to send as ApiError INVALID_REQUEST.
 */
export class MalformedAdminMessageError extends Error {
  override readonly name = 'MalformedAdminMessageError';
  readonly code = 'INVALID_REQUEST';
  readonly kafkaErrorCode = KafkaErrorCode.INVALID_REQUEST;
}
