/**
 * The Replication service flavour of @kz/raft's WireReader: the same range-checked reads, failing with a
 * MalformedBrokerMessageError so the BrokerApi never sees a fraction or a 2^60. The connection runs
 * outgoing requests through it too, because protobufjs would silently truncate a 1.5 or an
 * out-of-range id on the way out.
 *
 * Sub-messages come back as plain WireReaders carrying the same error factory; the class adds no
 * members, so the two types are interchangeable.
 */
import { WireReader } from '@kz/runtime';
import { MalformedBrokerMessageError } from './malformed-broker-message-error';

/** The int32 range, for codecs that bound a field by it explicitly (the reader's default bounds). */
export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

const malformed = (message: string): Error => new MalformedBrokerMessageError(message);

export class BrokerWireReader<P extends object = Record<string, unknown>> extends WireReader<P> {
  /** `where` names the message in error messages: `ProduceRequest.topics[2]`. */
  constructor(raw: P, where: string) {
    super(raw, where, malformed);
  }

  /** A reader of `value` as a message, or a MalformedBrokerMessageError when it is not one. */
  static override of<Q extends object = Record<string, unknown>>(value: unknown, where: string): WireReader<Q> {
    return WireReader.of<Q>(value, where, malformed);
  }
}
