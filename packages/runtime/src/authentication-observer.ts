/**
 * Told of every authentication a kz service decided, for monitoring (Kafka's
 * successful-authentication-total and failed-authentication-total, per listener): the service
 * (`broker` for the Kafka listener, `raft`, `replication`), the mechanism (a SASL mechanism name,
 * or `SSL` for a TLS handshake or the identity a certificate proves) and whether it succeeded.
 * The mechanism is never a client-chosen string (an unknown SASL mechanism is `UNSUPPORTED`, a
 * request before any SaslHandshake `NONE`), so the label values stay few. It is called on the connection path: it must be cheap and must not throw.
 */
export type AuthenticationObserver = (service: string, mechanism: string, succeeded: boolean) => void;

/** The mechanism label of a TLS handshake or certificate check. */
export const TLS_MECHANISM = 'SSL';
/** The mechanism label of a SaslHandshake naming a mechanism the listener does not offer. */
export const UNSUPPORTED_MECHANISM = 'UNSUPPORTED';
/** The mechanism label of a client that sent other requests before any SaslHandshake. */
export const NO_MECHANISM = 'NONE';
