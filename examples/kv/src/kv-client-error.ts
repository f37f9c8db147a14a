/**
 * The one error type KvClient throws. `code` says what happened; `outcomeUnknown` says whether a
 * write might nevertheless have taken effect, which is what a caller (or a linearizability
 * checker) needs to know to decide between "failed" and "maybe".
 */
import type { KvWireErrorCode } from './kv-wire';

export type KvErrorCode =
  | KvWireErrorCode
  /** No node could be reached, or a call failed in the network (gRPC UNAVAILABLE, CANCELLED, ...). */
  | 'UNAVAILABLE'
  /** close() was called. */
  | 'CLIENT_CLOSED';

export class KvError extends Error {
  override readonly name = 'KvError';

  constructor(
    readonly code: KvErrorCode,
    message: string,
    /**
     * True when the request may have reached a leader and its write may commit (now or later):
     * a timeout, a dropped connection, a server failure mid-write. False when it certainly had no
     * effect (refused, or never sent). Always false for reads: they have no effect to be unsure of.
     */
    readonly outcomeUnknown: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
