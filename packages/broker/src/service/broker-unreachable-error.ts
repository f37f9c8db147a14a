import { KafkaErrorCode } from '@kz/kafka-protocol';
import { BrokerError } from '../broker-error';

/**
 * A call to a broker that got no Kafka answer: the connection failed or was closed (a Kafka broker
 * closes it when it fails a request), the deadline passed, or the broker said UNAVAILABLE (it is
 * stopping, or its BrokerApi failed). Kafka's clients call this a
 * NetworkException (13) and treat it as retriable after a metadata refresh; so does KzClient.
 */
export class BrokerUnreachableError extends BrokerError {
  override readonly name = 'BrokerUnreachableError';
  readonly code = 'NETWORK_EXCEPTION';
  readonly kafkaErrorCode = KafkaErrorCode.NETWORK_EXCEPTION;

  constructor(
    /** `host:port` that was called. */
    readonly address: string,
    /** Why, in gRPC's status names: UNAVAILABLE (refused, lost), DEADLINE_EXCEEDED, CANCELLED (closed by us). */
    readonly reason: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The call ran out of time: the broker may still have acted on it. */
  get timedOut(): boolean {
    return this.reason === 'DEADLINE_EXCEEDED';
  }
}
