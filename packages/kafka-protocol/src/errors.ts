/**
 * Typed errors for bad input on the wire. Every decode failure is one of
 * these, never a RangeError from a DataView or a TypeError from a missing
 * field, so a listener can tell "the peer sent garbage" (answer or close)
 * from "kz has a bug" (anything else).
 *
 * Each carries the Kafka error name and code a broker would use. Kafka itself
 * closes the connection on a request it cannot parse (InvalidRequestException,
 * INVALID_REQUEST); the name is there for logs and for the rare answer.
 *
 * Encode-side argument errors (an int64 that is not a safe integer, a bad
 * UUID string) are programmer mistakes and are thrown as plain RangeError.
 */
import { KafkaErrorCode } from '@kz/runtime';

export abstract class ProtocolError extends Error {
  /** Kafka error name, e.g. 'INVALID_REQUEST'. */
  abstract readonly code: 'INVALID_REQUEST' | 'UNSUPPORTED_VERSION';
  /** Kafka numeric error code, e.g. 42. */
  abstract readonly kafkaErrorCode: number;
}

/** The message ends before a field it must contain. */
export class TruncatedMessageError extends ProtocolError {
  override readonly name = 'TruncatedMessageError';
  readonly code = 'INVALID_REQUEST';
  readonly kafkaErrorCode = KafkaErrorCode.INVALID_REQUEST;
  constructor(
    /** What was being read, e.g. 'int32' or 'FetchRequest.topics'. */
    readonly what: string,
    /** Byte position in the message where the read started. */
    readonly at: number,
    readonly needed: number,
    readonly available: number,
  ) {
    super(`${what} at byte ${at} needs ${needed} bytes, ${available} available`);
  }
}

/**
 * Bytes that are present but cannot be a valid encoding: an unsigned varint
 * longer than 5 bytes, a negative length that is not the null marker, null for
 * a non-nullable field, an int64 outside the safe-integer range, a tagged
 * field whose declared size disagrees with its content.
 */
export class MalformedMessageError extends ProtocolError {
  override readonly name = 'MalformedMessageError';
  readonly code = 'INVALID_REQUEST';
  readonly kafkaErrorCode = KafkaErrorCode.INVALID_REQUEST;
  constructor(
    message: string,
    /** Byte position in the message where the bad value starts. */
    readonly at: number,
  ) {
    super(`${message} (at byte ${at})`);
  }
}

/**
 * A frame's 4-byte size prefix is negative or larger than the limit
 * (Kafka: InvalidReceiveException, and the connection is closed). The stream
 * cannot be resynchronised after this: the next frame boundary is unknown.
 */
export class InvalidFrameSizeError extends ProtocolError {
  override readonly name = 'InvalidFrameSizeError';
  readonly code = 'INVALID_REQUEST';
  readonly kafkaErrorCode = KafkaErrorCode.INVALID_REQUEST;
  constructor(
    readonly size: number,
    readonly maxFrameSize: number,
  ) {
    super(
      size < 0
        ? `invalid frame size ${size}`
        : `frame size ${size} is larger than the maximum ${maxFrameSize} (socket.request.max.bytes)`,
    );
  }
}

/**
 * The API key is not one this package knows, or the version is outside the
 * range generated for it. `header` is set when the request header could be
 * read, so the caller can still answer with the right correlation id (and, for
 * ApiVersions, the KIP-511 fallback).
 */
export class UnsupportedVersionError extends ProtocolError {
  override readonly name = 'UnsupportedVersionError';
  readonly code = 'UNSUPPORTED_VERSION';
  readonly kafkaErrorCode = KafkaErrorCode.UNSUPPORTED_VERSION;
  constructor(
    readonly apiKey: number,
    readonly apiVersion: number,
    /** Whether the API key itself is known (false: the key, not just the version, is unsupported). */
    readonly knownApi: boolean,
    readonly header?: {
      readonly requestApiKey: number;
      readonly requestApiVersion: number;
      readonly correlationId: number;
      readonly clientId: string | null;
    },
  ) {
    super(knownApi ? `API ${apiKey} version ${apiVersion} is not supported` : `unknown API key ${apiKey}`);
  }
}
