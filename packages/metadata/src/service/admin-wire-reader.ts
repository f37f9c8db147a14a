/**
 * The MetadataAdmin flavour of @kz/raft's WireReader: the same range-checked reads, failing with a
 * MalformedAdminMessageError so the server answers INVALID_ARGUMENT and the client knows the
 * controller (or it) sent what the schema cannot mean. The client runs outgoing requests through it
 * too, because protobufjs would silently truncate a 1.5 or an out-of-range id on the way out.
 *
 * Sub-messages come back as plain WireReaders carrying the same error factory; the class adds no
 * members, so the two types are interchangeable.
 */
import { WireReader } from '@kz/runtime';
import { MalformedAdminMessageError } from './admin-errors';

const malformed = (message: string): Error => new MalformedAdminMessageError(message);

export class AdminWireReader<P extends object = Record<string, unknown>> extends WireReader<P> {
  /** `where` names the message in error messages: `CreateTopicsRequest.topics[2]`. */
  constructor(raw: P, where: string) {
    super(raw, where, malformed);
  }

  /** A reader of `value` as a message, or a MalformedAdminMessageError when it is not one. */
  static override of<Q extends object = Record<string, unknown>>(value: unknown, where: string): WireReader<Q> {
    return WireReader.of<Q>(value, where, malformed);
  }
}
