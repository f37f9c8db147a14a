/**
 * One step of a SASL exchange on the server (what SaslAuthenticate carries): bytes for the client
 * and either more to come, the authenticated user, or a failure. A failure's reason is for the
 * broker's log only; the client is told SASL_AUTHENTICATION_FAILED and nothing that would help it
 * guess (which user exists, which part of a proof was wrong).
 */
export type SaslStep =
  | { readonly kind: 'challenge'; readonly bytes: Uint8Array }
  | { readonly kind: 'authenticated'; readonly bytes: Uint8Array; readonly user: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** A mechanism's server side for one exchange. */
export interface SaslServer {
  readonly mechanism: string;
  step(message: Uint8Array): SaslStep;
}

export function failed(reason: string): SaslStep {
  return { kind: 'failed', reason };
}
