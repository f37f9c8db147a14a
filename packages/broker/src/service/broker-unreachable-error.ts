import { BrokerError } from '../broker-error';

/**
 * A call to a broker that got no Kafka answer: the connection failed, the deadline passed, or the
 * broker said UNAVAILABLE (it is stopping, or its BrokerApi failed). Kafka's clients call this a
 * NetworkException (13) and treat it as retriable after a metadata refresh; so does KzClient.
 */
export class BrokerUnreachableError extends BrokerError {
  override readonly name = 'BrokerUnreachableError';
  readonly code = 'NETWORK_EXCEPTION';
  readonly kafkaErrorCode = 13;

  constructor(
    /** `host:port` that was called. */
    readonly address: string,
    /** The gRPC status name (UNAVAILABLE, DEADLINE_EXCEEDED, ...). */
    readonly grpcStatus: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The call ran out of time: the broker may still have acted on it. */
  get timedOut(): boolean {
    return this.grpcStatus === 'DEADLINE_EXCEEDED';
  }
}
