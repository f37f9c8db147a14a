/**
 * KzClient logging in with SASL to a real Kafka listener that requires it: PLAIN, SCRAM-SHA-256
 * and SCRAM-SHA-512 against the users' SCRAM credentials, on SASL_PLAINTEXT and on SASL_SSL; each
 * new connection logs in (the consumer's own ones too). A wrong password or an unknown user is
 * SASL_AUTHENTICATION_FAILED at once (not retried to a timeout), a mechanism the listener does not
 * enable is UNSUPPORTED_SASL_MECHANISM naming the enabled ones, and SASL settings against a
 * PLAINTEXT listener are ILLEGAL_SASL_STATE. With a session lifetime (KIP-368) the connection is
 * replaced, logging in again, before the broker would cut it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newSalt, saltedPassword, scramCredentialOf, SCRAM_MECHANISMS, type ScramCredential, type ScramMechanism } from '@kz/metadata';
import { createDevCertificates } from '@kz/raft/testing';
import { TlsIdentity } from '@kz/runtime';
import pino from 'pino';
import { KafkaBrokerConnection } from '../../src/client/kafka-broker-connection';
import { KzClient } from '../../src/client/kz-client';
import { KzClientError } from '../../src/client/kz-client-error';
import type { ClientSasl } from '../../src/client/sasl-login';
import { kafkaHandlers } from '../../src/kafka/kafka-handlers';
import { KafkaListener } from '../../src/kafka/kafka-listener';
import type { ListenerSecurity, SaslMechanism } from '../../src/security/listener-security';
import { FakeBackend } from '../kafka/support/fake-backend';

function credentialsFor(password: string): ReadonlyMap<ScramMechanism, ScramCredential> {
  return new Map(
    SCRAM_MECHANISMS.map((m) => {
      const salt = newSalt(m);
      return [m, scramCredentialOf(m, salt, 4096, saltedPassword(m, password, salt, 4096))] as const;
    }),
  );
}
const USERS = new Map([['alice', credentialsFor('alice-secret')]]);

let listener: KafkaListener | undefined;
const clients: KzClient[] = [];
/** Logins the listener saw, as `mechanism outcome`. */
let logins: string[] = [];

async function serve(security: ListenerSecurity): Promise<string> {
  logins = [];
  listener = new KafkaListener({
    handlers: kafkaHandlers(new FakeBackend()),
    listen: '127.0.0.1:0',
    logger: pino({ level: 'silent' }),
    security: { credentials: (user) => USERS.get(user), ...security },
    observeAuthentication: (_service, mechanism, succeeded) => void logins.push(`${mechanism} ${succeeded ? 'success' : 'failure'}`),
  });
  return `127.0.0.1:${await listener.start()}`;
}

function client(address: string, sasl: ClientSasl, extra: { tls?: { ca: Buffer } } = {}): KzClient {
  const created = new KzClient({ bootstrap: [address], requestTimeoutMs: 5000, sasl, ...extra });
  clients.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await listener?.stop();
  listener = undefined;
});

const SASL_PLAINTEXT: ListenerSecurity = { protocol: 'SASL_PLAINTEXT', saslMechanisms: ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] };

test.each(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const)('%s: logs in, and its requests are served', async (mechanism: SaslMechanism) => {
  const address = await serve(SASL_PLAINTEXT);
  const metadata = await client(address, { mechanism, username: 'alice', password: 'alice-secret' }).metadata();
  expect(metadata.clusterId).toBe('fake-cluster');
  expect(logins).toEqual([`${mechanism} success`]);
});

test('SASL_SSL with SCRAM-SHA-512: TLS to the CA, then the login', async () => {
  const certs = createDevCertificates(fs.mkdtempSync(path.join(os.tmpdir(), 'kz-client-sasl-')), { nodes: [1] });
  const tls = new TlsIdentity({ keyFile: certs.nodes.get(1)!.key, certFile: certs.nodes.get(1)!.cert, caFile: certs.ca });
  const address = await serve({ protocol: 'SASL_SSL', tls, saslMechanisms: ['SCRAM-SHA-512'] });
  const c = client(address.replace('127.0.0.1', 'localhost'), { mechanism: 'SCRAM-SHA-512', username: 'alice', password: 'alice-secret' }, { tls: { ca: fs.readFileSync(certs.ca) } });
  expect((await c.metadata()).brokers).toHaveLength(1);
  expect(logins).toEqual(['SCRAM-SHA-512 success']);
});

test.each([
  ['a wrong password', 'alice', 'guess'],
  ['an unknown user', 'mallory', 'alice-secret'],
] as const)('%s: SASL_AUTHENTICATION_FAILED at once, for every mechanism', async (_what, username, password) => {
  const address = await serve(SASL_PLAINTEXT);
  for (const mechanism of ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
    const failure = await client(address, { mechanism, username, password })
      .metadata()
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(KzClientError);
    expect(failure).toMatchObject({ code: 'SASL_AUTHENTICATION_FAILED', kafkaErrorCode: 58, message: expect.stringContaining(`${mechanism} login as ${username}`) });
  }
  expect(logins).toEqual(['PLAIN failure', 'SCRAM-SHA-256 failure', 'SCRAM-SHA-512 failure']);
});

test('a mechanism the listener does not enable: UNSUPPORTED_SASL_MECHANISM, naming the ones it does', async () => {
  const address = await serve({ protocol: 'SASL_PLAINTEXT', saslMechanisms: ['SCRAM-SHA-512'] });
  await expect(client(address, { mechanism: 'PLAIN', username: 'alice', password: 'alice-secret' }).metadata()).rejects.toMatchObject({
    code: 'UNSUPPORTED_SASL_MECHANISM',
    message: expect.stringContaining('it enables SCRAM-SHA-512'),
  });
});

test('SASL settings against a PLAINTEXT listener: ILLEGAL_SASL_STATE', async () => {
  const address = await serve({ protocol: 'PLAINTEXT' });
  await expect(client(address, { mechanism: 'SCRAM-SHA-256', username: 'alice', password: 'alice-secret' }).metadata()).rejects.toMatchObject({
    code: 'ILLEGAL_SASL_STATE',
    message: expect.stringContaining('does not authenticate with SASL'),
  });
});

test('KIP-368: once most of the session lifetime is spent, the next request goes on a new connection that logs in again', async () => {
  const address = await serve({ ...SASL_PLAINTEXT, maxReauthMs: 200 });
  const connection = new KafkaBrokerConnection({ address, requestTimeoutMs: 5000, sasl: { mechanism: 'SCRAM-SHA-256', username: 'alice', password: 'alice-secret' } });
  try {
    expect((await connection.metadata({ topics: null })).clusterId).toBe('fake-cluster');
    expect(logins).toEqual(['SCRAM-SHA-256 success']);
    // Past the whole lifetime: the broker would close the old connection, unanswered, on this request.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await connection.metadata({ topics: null })).clusterId).toBe('fake-cluster');
    expect(logins).toEqual(['SCRAM-SHA-256 success', 'SCRAM-SHA-256 success']);
  } finally {
    connection.close();
  }
});
