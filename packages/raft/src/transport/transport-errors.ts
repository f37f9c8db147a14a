/**
 * The typed errors of the Raft transport. Each carries a stable `code` (Kafka's error name where
 * Kafka has one) so callers branch on codes, never on messages. `send` never throws these — a
 * RaftTransport drops what it cannot deliver and lets the core retry — they surface from the codec,
 * from `start`, and from the admin client.
 */
/**
 * Bytes that are not a valid message of the expected RPC: they do not decode, lack a required
 * field, or hold an impossible value (a negative offset, an unknown error code, an offset beyond
 * 2^53). Also raised when a peer refused one of our requests as such.
 */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
  readonly code = 'INVALID_REQUEST';
}

/** The peer belongs to another cluster (KRaft checks ClusterId on every request). */
export class InconsistentClusterIdError extends Error {
  override readonly name = 'InconsistentClusterIdError';
  readonly code = 'INCONSISTENT_CLUSTER_ID';
}


/**
 * A call failed in transit or was refused for a reason other than the ones above. `code` is the
 * gRPC status name (UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, RESOURCE_EXHAUSTED, ...).
 */
export class RaftTransportError extends Error {
  override readonly name = 'RaftTransportError';
  constructor(
    readonly code: string,
    message: string,
    /** The numeric gRPC status. */
    readonly grpcStatus: number,
  ) {
    super(message);
  }
}

/** The transport options are unusable (bad address, bad peer id, bad limit). */
export class InvalidTransportConfigError extends Error {
  override readonly name = 'InvalidTransportConfigError';
  readonly code = 'INVALID_CONFIG';
}

/** The server could not bind its listen address (in use, not local, ...). */
export class ListenFailedError extends Error {
  override readonly name = 'ListenFailedError';
  readonly code = 'LISTEN_FAILED';
  constructor(
    readonly address: string,
    cause: unknown,
  ) {
    super(`cannot listen on ${address}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** `start` was called twice, or after `close`. */
export class TransportStateError extends Error {
  override readonly name = 'TransportStateError';
  readonly code = 'ILLEGAL_STATE';
}
