/**
 * The Kafka listener on SASL_PLAINTEXT, spoken to byte by byte: before authenticating only
 * ApiVersions, SaslHandshake and SaslAuthenticate are served (anything else closes the
 * connection, unanswered); PLAIN logs in and the session lifetime is told (KIP-368); a wrong
 * password is answered SASL_AUTHENTICATION_FAILED and the connection closes; an unknown mechanism
 * gets the enabled ones; re-authenticating as someone else fails. On PLAINTEXT the SASL requests
 * answer ILLEGAL_SASL_STATE and the connection goes on. Each login and each failure is reported to
 * the authentication observer (the metrics' successful/failed authentication counts).
 */
import pino from 'pino';
import { ApiKey, decodeResponse, encodeRequest, KafkaErrorCode } from '@kz/kafka-protocol';
import { saltedPassword, scramCredentialOf, type ScramCredential, type ScramMechanism } from '@kz/metadata';
import { kafkaHandlers } from '../../src/kafka/kafka-handlers';
import { KafkaListener } from '../../src/kafka/kafka-listener';
import type { ListenerSecurity } from '../../src/security/listener-security';
import { FakeBackend } from './support/fake-backend';
import { RawKafkaClient } from './support/raw-kafka-client';

const credential = (password: string): ScramCredential => scramCredentialOf('SCRAM-SHA-512', Buffer.from('salt'), 4096, saltedPassword('SCRAM-SHA-512', password, Buffer.from('salt'), 4096));
const USERS = new Map<string, ReadonlyMap<ScramMechanism, ScramCredential>>([
  ['alice', new Map([['SCRAM-SHA-512' as ScramMechanism, credential('alice-pw')]])],
  ['bob', new Map([['SCRAM-SHA-512' as ScramMechanism, credential('bob-pw')]])],
]);

let listener: KafkaListener;
const clients: RawKafkaClient[] = [];
/** Authentications the listener reported, as `mechanism outcome`. */
let authentications: string[] = [];

async function serve(security: ListenerSecurity): Promise<number> {
  authentications = [];
  listener = new KafkaListener({
    handlers: kafkaHandlers(new FakeBackend()),
    listen: '127.0.0.1:0',
    logger: pino({ level: 'silent' }),
    security,
    observeAuthentication: (service, mechanism, succeeded) => void authentications.push(`${service} ${mechanism} ${succeeded ? 'success' : 'failure'}`),
  });
  return listener.start();
}

async function client(port: number): Promise<RawKafkaClient> {
  const c = await RawKafkaClient.connect(port);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await listener?.stop();
});

const SASL: ListenerSecurity = { protocol: 'SASL_PLAINTEXT', saslMechanisms: ['PLAIN', 'SCRAM-SHA-512'], maxReauthMs: 60_000, credentials: (u) => USERS.get(u) };
const plain = (user: string, password: string) => Buffer.from(`\u0000${user}\u0000${password}`);

test('before authenticating, a Metadata request closes the connection unanswered; ApiVersions is served', async () => {
  const c = await client(await serve(SASL));
  c.write(encodeRequest(ApiKey.ApiVersions, 3, 1, 'test', { clientSoftwareName: 'x', clientSoftwareVersion: '1' }));
  expect(decodeResponse(ApiKey.ApiVersions, 3, (await c.waitFrames(1))[0]!).body.errorCode).toBe(0);
  c.write(encodeRequest(ApiKey.Metadata, 12, 2, 'test', { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }));
  await c.closed;
  expect(c.frames).toHaveLength(1);
  // A failed authentication, as Kafka counts it, under a fixed label (no mechanism was named).
  expect(authentications).toEqual(['broker NONE failure']);
});

test('PLAIN logs in, the session lifetime is told, and requests are served', async () => {
  const c = await client(await serve(SASL));
  c.write(encodeRequest(ApiKey.SaslHandshake, 1, 1, 'test', { mechanism: 'PLAIN' }));
  c.write(encodeRequest(ApiKey.SaslAuthenticate, 2, 2, 'test', { authBytes: plain('alice', 'alice-pw') }));
  c.write(encodeRequest(ApiKey.Metadata, 12, 3, 'test', { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }));
  const [handshake, auth, metadata] = await c.waitFrames(3);
  expect(decodeResponse(ApiKey.SaslHandshake, 1, handshake!).body).toEqual({ errorCode: 0, mechanisms: ['PLAIN', 'SCRAM-SHA-512'] });
  expect(decodeResponse(ApiKey.SaslAuthenticate, 2, auth!).body).toMatchObject({ errorCode: 0, sessionLifetimeMs: 60_000 });
  expect(decodeResponse(ApiKey.Metadata, 12, metadata!).body.clusterId).toBeDefined();
  expect(c.isOpen).toBe(true);
  expect(authentications).toEqual(['broker PLAIN success']);
});

test('a wrong password: SASL_AUTHENTICATION_FAILED, then the connection closes', async () => {
  const c = await client(await serve(SASL));
  c.write(encodeRequest(ApiKey.SaslHandshake, 1, 1, 'test', { mechanism: 'PLAIN' }));
  c.write(encodeRequest(ApiKey.SaslAuthenticate, 2, 2, 'test', { authBytes: plain('alice', 'guess') }));
  const [, auth] = await c.waitFrames(2);
  expect(decodeResponse(ApiKey.SaslAuthenticate, 2, auth!).body.errorCode).toBe(KafkaErrorCode.SASL_AUTHENTICATION_FAILED);
  await c.closed;
  expect(authentications).toEqual(['broker PLAIN failure']);
});

test('an unknown mechanism is answered with the enabled ones, and the connection closes', async () => {
  const c = await client(await serve(SASL));
  c.write(encodeRequest(ApiKey.SaslHandshake, 1, 1, 'test', { mechanism: 'GSSAPI' }));
  const [frame] = await c.waitFrames(1);
  expect(decodeResponse(ApiKey.SaslHandshake, 1, frame!).body).toEqual({ errorCode: KafkaErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: ['PLAIN', 'SCRAM-SHA-512'] });
  await c.closed;
  // Counted under a fixed label, never the client's string.
  expect(authentications).toEqual(['broker UNSUPPORTED failure']);
});

test('re-authentication (KIP-368) as the same user goes on; as another user fails', async () => {
  const c = await client(await serve(SASL));
  const login = (id: number, user: string, password: string) => {
    c.write(encodeRequest(ApiKey.SaslHandshake, 1, id, 'test', { mechanism: 'PLAIN' }));
    c.write(encodeRequest(ApiKey.SaslAuthenticate, 2, id + 1, 'test', { authBytes: plain(user, password) }));
  };
  login(1, 'alice', 'alice-pw');
  login(3, 'alice', 'alice-pw');
  login(5, 'bob', 'bob-pw');
  const frames = await c.waitFrames(6);
  expect([1, 3, 5].map((i) => decodeResponse(ApiKey.SaslAuthenticate, 2, frames[i]!).body.errorCode)).toEqual([0, 0, KafkaErrorCode.SASL_AUTHENTICATION_FAILED]);
  await c.closed;
  expect(authentications).toEqual(['broker PLAIN success', 'broker PLAIN success', 'broker PLAIN failure']);
});

test('on PLAINTEXT the SASL requests answer ILLEGAL_SASL_STATE and the connection goes on', async () => {
  const c = await client(await serve({ protocol: 'PLAINTEXT' }));
  c.write(encodeRequest(ApiKey.SaslHandshake, 1, 1, 'test', { mechanism: 'PLAIN' }));
  c.write(encodeRequest(ApiKey.SaslAuthenticate, 2, 2, 'test', { authBytes: plain('alice', 'alice-pw') }));
  const [handshake, auth] = await c.waitFrames(2);
  expect(decodeResponse(ApiKey.SaslHandshake, 1, handshake!).body.errorCode).toBe(KafkaErrorCode.ILLEGAL_SASL_STATE);
  expect(decodeResponse(ApiKey.SaslAuthenticate, 2, auth!).body.errorCode).toBe(KafkaErrorCode.ILLEGAL_SASL_STATE);
  expect(c.isOpen).toBe(true);
  // PLAINTEXT authenticates nobody: nothing to count.
  expect(authentications).toEqual([]);
});
