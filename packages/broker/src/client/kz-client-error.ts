import { BrokerError } from '../broker-error';

/**
 * A failed client operation, named as Kafka names it: the broker's error (MESSAGE_TOO_LARGE,
 * CORRUPT_MESSAGE, ...) with its numeric code, or REQUEST_TIMED_OUT when a retriable failure
 * outlived the delivery timeout (the last failure is then the `cause`). Client-side states with
 * no Kafka code (a closed producer, a consumer without a group) use Kafka's client exception
 * names and code -1.
 */
export class KzClientError extends BrokerError {
  override readonly name = 'KzClientError';

  constructor(
    /** Kafka's error name. */
    readonly code: string,
    /** Kafka's numeric error code; -1 for client-side errors Kafka gives no number. */
    readonly kafkaErrorCode: number,
    message: string,
    /** The partition the error is about, when it is about one. */
    readonly topic?: string,
    readonly partition?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
