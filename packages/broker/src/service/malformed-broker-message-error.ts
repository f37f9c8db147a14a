import { KafkaErrorCode } from '@kz/kafka-protocol';
import { BrokerError } from '../broker-error';

/**
 * A broker message that is not valid: a Replication service message whose bytes do not decode or
 * that holds a value its schema cannot mean (an int32 out of range, an int64 beyond 2^53, a
 * negative partition) — the server refuses such a request with gRPC INVALID_ARGUMENT and the
 * trailer `kz-error-code: INVALID_REQUEST` before the broker sees it — or a Kafka answer that
 * KzClient's connection cannot decode.
 */
export class MalformedBrokerMessageError extends BrokerError {
  override readonly name = 'MalformedBrokerMessageError';
  readonly code = 'INVALID_REQUEST';
  readonly kafkaErrorCode = KafkaErrorCode.INVALID_REQUEST;
}
