/**
 * SaslHandshake (v1) and SaslAuthenticate (v0-2): KIP-152's SASL exchange framed in Kafka requests.
 * The handshake names a mechanism (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512); each SaslAuthenticate
 * carries one message of it. Credentials are the SCRAM credentials of the broker's metadata image.
 *
 * A failure is answered (UNSUPPORTED_SASL_MECHANISM with the enabled ones, SASL_AUTHENTICATION_FAILED,
 * ILLEGAL_SASL_STATE) and then the connection is closed, as Kafka does; the reason is logged once
 * with the peer. A successful exchange answers with the session lifetime (KIP-368), after which the
 * client must authenticate again on the same connection.
 *
 * On a listener without SASL both answer ILLEGAL_SASL_STATE and the connection goes on (Kafka's
 * KafkaApis answers them so). SaslHandshake v0 — raw SASL tokens outside Kafka framing — is not
 * served: every client that speaks SaslAuthenticate uses v1.
 */
import { ApiKey } from '@kz/kafka-protocol';
import { errorCode, NONE } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler';

export const SASL_HANDSHAKE_VERSIONS = { min: 1, max: 1 } as const;
export const SASL_AUTHENTICATE_VERSIONS = { min: 0, max: 2 } as const;

const NO_BYTES = new Uint8Array(0);

export function saslHandshakeHandler(): KafkaApiHandler<typeof ApiKey.SaslHandshake> {
  return kafkaHandler(ApiKey.SaslHandshake, SASL_HANDSHAKE_VERSIONS, async (request, { session, closeAfterAnswer }) => {
    const mechanisms = session.sasl ? [...session.mechanisms] : [];
    const refused = session.handshake(request.mechanism);
    if (refused === null) return { errorCode: NONE, mechanisms };
    if (session.sasl) closeAfterAnswer(refused === 'UNSUPPORTED_SASL_MECHANISM' ? `SASL mechanism ${request.mechanism} is not enabled` : 'SaslHandshake in the middle of an exchange');
    return { errorCode: errorCode(refused), mechanisms };
  });
}

export function saslAuthenticateHandler(): KafkaApiHandler<typeof ApiKey.SaslAuthenticate> {
  return kafkaHandler(ApiKey.SaslAuthenticate, SASL_AUTHENTICATE_VERSIONS, async (request, { session, closeAfterAnswer }) => {
    const step = session.authenticate(request.authBytes);
    if (step === 'ILLEGAL_SASL_STATE') {
      if (session.sasl) closeAfterAnswer('SaslAuthenticate without a SaslHandshake first');
      return { errorCode: errorCode('ILLEGAL_SASL_STATE'), errorMessage: 'SaslAuthenticate outside a SASL exchange (send SaslHandshake first)', authBytes: NO_BYTES, sessionLifetimeMs: 0 };
    }
    if (step.kind === 'failed') {
      closeAfterAnswer(step.reason);
      return { errorCode: errorCode('SASL_AUTHENTICATION_FAILED'), errorMessage: 'SASL_AUTHENTICATION_FAILED: invalid credentials', authBytes: NO_BYTES, sessionLifetimeMs: 0 };
    }
    return { errorCode: NONE, errorMessage: null, authBytes: step.bytes, sessionLifetimeMs: step.kind === 'authenticated' ? session.sessionLifetimeMs : 0 };
  });
}
