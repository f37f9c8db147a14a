/**
 * KzClient's SASL login on a new connection (KIP-152), after ApiVersions and before anything
 * else: SaslHandshake names the mechanism, then SaslAuthenticate carries each message of it —
 * PLAIN's one (`\0user\0password`), or SCRAM's two round trips (ScramClient).
 *
 * Failures are Kafka's, as KzClientError, and are not retried (the same password fails again):
 * UNSUPPORTED_SASL_MECHANISM with the mechanisms the broker enables, ILLEGAL_SASL_STATE from a
 * listener without SASL, SASL_AUTHENTICATION_FAILED with the broker's message. The broker closes the
 * connection after a failure; the next call connects and logs in again.
 *
 * KIP-368: a broker with connections.max.reauth.ms closes a connection whose session outlived it;
 * KzClient does not re-authenticate in place but replaces the connection before then (its caller
 * is told the lifetime).
 */
import { ApiKey, type ApiRequestTypes, type ApiResponseTypes, type Complete } from '@kz/kafka-protocol';
import type { SaslMechanism } from '../security/listener-security';
import { KzClientError } from './kz-client-error';
import { ScramClient } from './scram-client';

/** Kafka's client settings sasl.mechanism, sasl.username and sasl.password (librdkafka's names). */
export interface ClientSasl {
  readonly mechanism: SaslMechanism;
  readonly username: string;
  readonly password: string;
}

/** Sends one request on the connection being opened and resolves with its answer. */
export type SaslExchange = <K extends typeof ApiKey.SaslHandshake | typeof ApiKey.SaslAuthenticate>(apiKey: K, body: ApiRequestTypes[K]) => Promise<Complete<ApiResponseTypes[K]>>;

const ERRORS: Readonly<Record<number, string>> = { 33: 'UNSUPPORTED_SASL_MECHANISM', 34: 'ILLEGAL_SASL_STATE', 58: 'SASL_AUTHENTICATION_FAILED' };

function refused(code: number, message: string): KzClientError {
  return new KzClientError(ERRORS[code] ?? 'SASL_AUTHENTICATION_FAILED', code, message);
}

/** Logs in; resolves with the session lifetime the broker told (KIP-368), 0 for none. */
export async function saslLogin(sasl: ClientSasl, address: string, exchange: SaslExchange): Promise<number> {
  const handshake = await exchange(ApiKey.SaslHandshake, { mechanism: sasl.mechanism });
  if (handshake.errorCode === 34) throw refused(34, `${address} does not authenticate with SASL (its listener is PLAINTEXT or SSL): drop the SASL settings`);
  if (handshake.errorCode !== 0) throw refused(handshake.errorCode, `${address} does not enable SASL mechanism ${sasl.mechanism}; it enables ${handshake.mechanisms.join(', ') || 'none'}`);
  let lifetimeMs = 0;
  const authenticate = async (bytes: Uint8Array): Promise<Uint8Array> => {
    const answer = await exchange(ApiKey.SaslAuthenticate, { authBytes: bytes });
    if (answer.errorCode !== 0) throw refused(answer.errorCode, `${sasl.mechanism} login as ${sasl.username} at ${address} failed: ${answer.errorMessage ?? 'no reason given'}`);
    lifetimeMs = Number(answer.sessionLifetimeMs);
    return answer.authBytes;
  };
  if (sasl.mechanism === 'PLAIN') {
    await authenticate(Buffer.from(`\u0000${sasl.username}\u0000${sasl.password}`, 'utf8'));
    return lifetimeMs;
  }
  const scram = new ScramClient(sasl.mechanism, sasl.username, sasl.password);
  let reply: Uint8Array | null = scram.first();
  while (reply !== null) reply = scram.step(await authenticate(reply));
  return lifetimeMs;
}
