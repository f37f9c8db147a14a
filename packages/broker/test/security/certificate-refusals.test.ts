/**
 * Certificates refused where kz authenticates by them, and every decision counted for the metrics:
 *  - the Kafka listener on SSL with ssl.client.auth=required: a client certificate from the CA is
 *    served (one successful authentication); none, another CA's, an expired one or one not valid
 *    yet gets no connection, the broker logs the reason (CERT_HAS_EXPIRED, ...) once with the
 *    peer, and a failed authentication is counted;
 *  - the replication service (mutual TLS): an expired client certificate never reaches the broker's
 *    API (the handshake fails); a valid certificate of another node is PERMISSION_DENIED and counted;
 *  - a node's own expired or not-yet-valid certificate is refused when loaded, with its dates
 *    (TlsIdentity), before anything serves or calls with it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { ApiKey, decodeResponse, encodeRequest } from '@kz/kafka-protocol';
import { createDevCertificates, issueDevCertificate, type CertificateFiles, type DevCertificates } from '@kz/raft/testing';
import { TlsConfigError, TlsIdentity } from '@kz/runtime';
import pino from 'pino';
import { kafkaHandlers } from '../../src/kafka/kafka-handlers';
import { KafkaListener } from '../../src/kafka/kafka-listener';
import type { FetchRequest, FetchResponse } from '../../src/protocol/fetch';
import { ReplicationConnection } from '../../src/service/replication-connection';
import { replicationRpcPath, type ReplicationApi } from '../../src/service/replication-rpc';
import { ReplicationServer } from '../../src/service/replication-server';
import { FakeBackend } from '../kafka/support/fake-backend';

const DAY = 24 * 3600 * 1000;

let certs: DevCertificates;
let foreign: DevCertificates;
let expired: CertificateFiles;
let notYetValid: CertificateFiles;
let expiredNode: CertificateFiles;

beforeAll(() => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-cert-refusals-'));
  certs = createDevCertificates(path.join(root, 'ca'), { nodes: [1, 2], users: ['alice'] });
  foreign = createDevCertificates(path.join(root, 'foreign'), { users: ['alice'] });
  const now = Date.now();
  expired = issueDevCertificate(certs, 'user-alice-expired', 'alice', { notBefore: new Date(now - 10 * DAY), notAfter: new Date(now - DAY) });
  notYetValid = issueDevCertificate(certs, 'user-alice-future', 'alice', { notBefore: new Date(now + DAY), notAfter: new Date(now + 10 * DAY) });
  expiredNode = issueDevCertificate(certs, 'node-2-expired', 'kz-node-2', { notBefore: new Date(now - 10 * DAY), notAfter: new Date(now - DAY) });
});

/** Pino lines at warn and above, parsed. */
function recordingLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }) };
}

/** Authentications reported, as `service mechanism outcome`. */
function recordingObserver(): { seen: string[]; observe: (service: string, mechanism: string, succeeded: boolean) => void } {
  const seen: string[] = [];
  return { seen, observe: (service, mechanism, succeeded) => void seen.push(`${service} ${mechanism} ${succeeded ? 'success' : 'failure'}`) };
}

const nodeIdentity = (id: number): TlsIdentity => new TlsIdentity({ keyFile: certs.nodes.get(id)!.key, certFile: certs.nodes.get(id)!.cert, caFile: certs.ca });

describe('the Kafka listener on SSL with client certificates required', () => {
  let listener: KafkaListener;
  let port: number;
  let log: ReturnType<typeof recordingLogger>;
  let observed: ReturnType<typeof recordingObserver>;

  beforeEach(async () => {
    log = recordingLogger();
    observed = recordingObserver();
    listener = new KafkaListener({
      handlers: kafkaHandlers(new FakeBackend()),
      listen: '127.0.0.1:0',
      logger: log.logger,
      security: { protocol: 'SSL', tls: nodeIdentity(1), clientAuth: 'required' },
      observeAuthentication: observed.observe,
    });
    port = await listener.start();
  });

  afterEach(async () => {
    await listener.stop();
  });

  /**
   * Connects with `client` (null: no certificate) and asks ApiVersions: the answer's error code, or
   * the error the connection ended with. Under TLS 1.3 the client finishes its side of the handshake
   * before the broker has checked its certificate, so a refusal shows on the first read.
   */
  function apiVersions(client: CertificateFiles | null, ca = certs.ca): Promise<{ answered: number } | { refused: string }> {
    return new Promise((resolve) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port,
        servername: 'localhost',
        ca: fs.readFileSync(ca),
        ...(client === null ? {} : { key: fs.readFileSync(client.key), cert: fs.readFileSync(client.cert) }),
      });
      let received = Buffer.alloc(0);
      socket.on('secureConnect', () => socket.write(encodeRequest(ApiKey.ApiVersions, 3, 1, 'test', { clientSoftwareName: 'test', clientSoftwareVersion: '1' })));
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        if (received.length >= 4 && received.length >= 4 + received.readInt32BE(0)) {
          socket.destroy();
          resolve({ answered: decodeResponse(ApiKey.ApiVersions, 3, received.subarray(4, 4 + received.readInt32BE(0))).body.errorCode });
        }
      });
      socket.on('error', (error) => resolve({ refused: error.message }));
      socket.on('close', () => resolve({ refused: 'closed' }));
    });
  }

  test('a certificate from the CA is served, and counted as one successful authentication', async () => {
    expect(await apiVersions(certs.users.get('alice')!)).toEqual({ answered: 0 });
    expect(observed.seen).toEqual(['broker SSL success']);
    expect(log.lines).toEqual([]);
  });

  // The client is not told why (the connection closes before any answer); the broker's log says.
  const cases: [string, () => CertificateFiles | null, RegExp][] = [
    ['no certificate', () => null, /^no client certificate \(ssl\.client\.auth=required\)$/],
    ['another CA’s certificate', () => foreign.users.get('alice')!, /^UNABLE_TO_(GET_ISSUER_CERT|VERIFY_LEAF_SIGNATURE)/],
    ['an expired certificate', () => expired, /^CERT_HAS_EXPIRED$/],
    ['a certificate not valid yet', () => notYetValid, /^CERT_NOT_YET_VALID$/],
  ];
  test.each(cases)('%s: no connection, the reason logged once, a failed authentication counted', async (_name, client, logged) => {
    const outcome = await apiVersions(client());
    expect(outcome).toEqual({ refused: expect.stringMatching(/^closed$|ECONNRESET|socket hang up/) });
    // The broker's side of the handshake may end a moment after the client's.
    await waitFor(() => observed.seen.length > 0);
    expect(observed.seen).toEqual(['broker SSL failure']);
    expect(log.lines).toHaveLength(1);
    const warnings = log.lines.filter((l) => l['msg'] === 'client certificate refused; connection closed');
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]!['reason'])).toMatch(logged);
    expect(warnings[0]!['peer']).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});

describe('the replication service over mutual TLS', () => {
  class RecordingLeader implements ReplicationApi {
    readonly fetched: FetchRequest[] = [];
    async fetch(request: FetchRequest): Promise<FetchResponse> {
      this.fetched.push(request);
      return { errorCode: 0, topics: [] };
    }
  }

  let api: RecordingLeader;
  let server: ReplicationServer;
  let port: number;
  let observed: ReturnType<typeof recordingObserver>;

  beforeEach(async () => {
    api = new RecordingLeader();
    observed = recordingObserver();
    server = new ReplicationServer({ api, listen: '127.0.0.1:0', logger: pino({ level: 'silent' }), tls: nodeIdentity(1), observeAuthentication: observed.observe });
    port = await server.start();
  });

  afterEach(async () => {
    await server.stop();
  });

  const fetchAs = (replicaId: number): FetchRequest => ({ replicaId, replicaEpoch: 1, maxWaitMs: 0, minBytes: 1, maxBytes: 1000, topics: [] });

  test('a node fetching with its own certificate is served; with another node’s, PERMISSION_DENIED and counted', async () => {
    const connection = new ReplicationConnection({ address: `localhost:${port}`, requestTimeoutMs: 5000, tls: nodeIdentity(2) });
    try {
      await connection.fetch(fetchAs(2));
      await expect(connection.fetch(fetchAs(3))).rejects.toThrow(/PERMISSION_DENIED.*replica 3 is not the node the caller's certificate names \(2\)/);
    } finally {
      connection.close();
    }
    expect(api.fetched.map((r) => r.replicaId)).toEqual([2]);
    expect(observed.seen).toEqual(['replication SSL failure']);
  });

  test('a caller presenting an expired certificate fails the handshake: nothing reaches the broker', async () => {
    // A bare gRPC call with an empty body: what it ends with says whether TLS let it through.
    const callWith = async (files: CertificateFiles): Promise<ServiceError | null> => {
      const client = new Client(`localhost:${port}`, credentials.createSsl(fs.readFileSync(certs.ca), fs.readFileSync(files.key), fs.readFileSync(files.cert)));
      try {
        return await new Promise<ServiceError | null>((resolve) => {
          client.makeUnaryRequest(replicationRpcPath('Fetch'), (b: Buffer) => b, (b: Buffer) => b, Buffer.alloc(0), new Metadata(), { deadline: new Date(Date.now() + 5000) }, (error) => resolve(error));
        });
      } finally {
        client.close();
      }
    };
    // With node 2's valid certificate the call gets through TLS, to be refused by the service.
    expect((await callWith(certs.nodes.get(2)!))?.code).not.toBe(status.UNAVAILABLE);
    expect((await callWith(expiredNode))?.code).toBe(status.UNAVAILABLE);
    expect(api.fetched).toEqual([]);
  });
});

test('a node’s own expired or not-yet-valid certificate is refused when loaded, with its dates', () => {
  expect(() => new TlsIdentity({ keyFile: expiredNode.key, certFile: expiredNode.cert, caFile: certs.ca })).toThrow(TlsConfigError);
  expect(() => new TlsIdentity({ keyFile: expiredNode.key, certFile: expiredNode.cert, caFile: certs.ca })).toThrow(/node-2-expired\.crt expired on \w{3} +\d+ .*GMT/);
  expect(() => new TlsIdentity({ keyFile: notYetValid.key, certFile: notYetValid.cert, caFile: certs.ca })).toThrow(/user-alice-future\.crt is not valid before/);
});

test('a reload onto an expired certificate keeps the identity in force', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-cert-reload-'));
  const files = { keyFile: path.join(dir, 'node.key'), certFile: path.join(dir, 'node.crt'), caFile: certs.ca };
  fs.copyFileSync(certs.nodes.get(2)!.key, files.keyFile);
  fs.copyFileSync(certs.nodes.get(2)!.cert, files.certFile);
  const identity = new TlsIdentity(files);
  const before = identity.material.cert;
  fs.copyFileSync(expiredNode.key, files.keyFile);
  fs.copyFileSync(expiredNode.cert, files.certFile);
  expect(() => identity.reload()).toThrow(/expired on/);
  expect(identity.material.cert).toEqual(before);
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
