import { BrokerError } from '../broker-error';

/**
 * A Broker service message that is not valid: its bytes do not decode, or it holds a value its
 * schema cannot mean (acks 2, an int32 out of range, an int64 beyond 2^53, a negative partition).
 * The server refuses such a request with gRPC INVALID_ARGUMENT and the trailer
 * `kz-error-code: INVALID_REQUEST` before the BrokerApi sees it.
 */
export class MalformedBrokerMessageError extends BrokerError {
  override readonly name = 'MalformedBrokerMessageError';
  readonly code = 'INVALID_REQUEST';
  readonly kafkaErrorCode = 42;
}
