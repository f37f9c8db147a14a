/**
 * How a Kafka listener is secured, named as Kafka names it: the security protocol
 * (`listener.security.protocol.map`: PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), the SASL mechanisms
 * it enables (`sasl.enabled.mechanisms`), whether TLS asks for client certificates
 * (`ssl.client.auth`: none, requested, required) and how long an authenticated session lasts before
 * the client must re-authenticate (`connections.max.reauth.ms`, KIP-368; 0: never).
 */
import type { Authorizer } from './authorizer';
import type { CredentialLookup } from './client-session';
import type { TlsIdentity } from '@kz/runtime';

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];

export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

export const SSL_CLIENT_AUTH = ['none', 'requested', 'required'] as const;
export type SslClientAuth = (typeof SSL_CLIENT_AUTH)[number];

export interface ListenerSecurity {
  readonly protocol: SecurityProtocol;
  /** SSL and SASL_SSL: the listener's key and certificate, and the CA that client certificates must chain to. */
  readonly tls?: TlsIdentity;
  /** Default none (Kafka's), except that SSL without SASL asks for certificates when a CA is given. */
  readonly clientAuth?: SslClientAuth;
  /** SASL_PLAINTEXT and SASL_SSL: default all three. */
  readonly saslMechanisms?: readonly SaslMechanism[];
  /** KIP-368: an authenticated session's lifetime, told to the client; 0 (default): no limit. */
  readonly maxReauthMs?: number;
  /** What authenticated principals may do; absent: everything (Kafka without an authorizer). */
  readonly authorizer?: Authorizer;
  /** Users' SCRAM credentials (the metadata log's), which SASL logins are checked against; absent: none. */
  readonly credentials?: CredentialLookup;
}

export const PLAINTEXT_LISTENER: ListenerSecurity = { protocol: 'PLAINTEXT' };

export function usesTls(protocol: SecurityProtocol): boolean {
  return protocol === 'SSL' || protocol === 'SASL_SSL';
}

export function usesSasl(protocol: SecurityProtocol): boolean {
  return protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL';
}
