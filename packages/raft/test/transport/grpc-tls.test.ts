/**
 * The Raft transport over mutual TLS: nodes whose certificates name them exchange requests; a node
 * whose certificate names another node, a node without a certificate, and a node whose certificate
 * comes from another CA are refused before anything reaches the core (the stub core's inbox stays
 * empty), and the refusal of an impostor is logged once with what its certificate names. A reload of
 * the identity (SIGHUP) keeps the node serving. Each impostor refused is reported as a failed
 * authentication (the handshakes grpc-js refuses itself never reach the transport). A peer with an
 * expired certificate fails the TLS handshake, and a node would not load one (TlsIdentity says why).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { VoteRequest } from '../../src/core/messages';
import { nodeIdOfCommonName, TlsConfigError, TlsIdentity } from '@kz/runtime';
import { rpcPath } from '../../src/transport/raft-rpc';
import { createDevCertificates, issueDevCertificate, type DevCertificates } from '../../src/testing/dev-certificates';
import { RaftAdminClient } from '../../src/transport/raft-admin-client';
import { CLUSTER_ID, REQUEST_WAYS, sleep, TestNode, waitFor } from './grpc-harness';

let certs: DevCertificates;
let foreign: DevCertificates;

beforeAll(() => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-raft-tls-'));
  certs = createDevCertificates(path.join(root, 'ca'), { nodes: [1, 2, 3], users: ['alice'] });
  foreign = createDevCertificates(path.join(root, 'foreign'), { nodes: [3] });
});

const nodes: TestNode[] = [];
/** Whether the nodes of the test running carry requests on Streams (describe.each sets it). */
let streams = true;

function identity(set: DevCertificates, id: number): TlsIdentity {
  const files = set.nodes.get(id)!;
  return new TlsIdentity({ keyFile: files.key, certFile: files.cert, caFile: certs.ca });
}

/** Authentications the nodes' transports reported, as `service mechanism outcome`. */
const authentications: string[] = [];
const observeAuthentication = (service: string, mechanism: string, succeeded: boolean): void => void authentications.push(`${service} ${mechanism} ${succeeded ? 'success' : 'failure'}`);

async function node(id: number, tls: TlsIdentity | undefined): Promise<TestNode> {
  const created = new TestNode(id, tls === undefined ? { stream: streams } : { tls, stream: streams, observeAuthentication });
  nodes.push(created);
  return created.start();
}

afterEach(async () => {
  authentications.length = 0;
  await Promise.all(nodes.splice(0).map((n) => n.transport.close()));
});

const vote = (requestId: number, candidateId: number): VoteRequest => ({ type: 'VoteRequest', requestId, epoch: 1, candidateId, lastEpoch: 0, lastOffset: 0, preVote: false });

test('a peer presenting an expired node certificate fails the handshake: nothing reaches the core', async () => {
  const now = Date.now();
  const expired = issueDevCertificate(certs, 'node-2-expired', 'kz-node-2', { notBefore: new Date(now - 10 * 86_400_000), notAfter: new Date(now - 86_400_000) });
  // A kz node would not even load it, and says why.
  expect(() => new TlsIdentity({ keyFile: expired.key, certFile: expired.cert, caFile: certs.ca })).toThrow(TlsConfigError);
  expect(() => new TlsIdentity({ keyFile: expired.key, certFile: expired.cert, caFile: certs.ca })).toThrow(/expired on/);
  const a = await node(1, identity(certs, 1));
  const address = a.transport.listenAddress!.replace('127.0.0.1', 'localhost');
  // A bare gRPC call (no cluster id): what it ends with says whether TLS let it through.
  const callWith = async (files: { key: string; cert: string }): Promise<ServiceError | null> => {
    const client = new Client(address, credentials.createSsl(fs.readFileSync(certs.ca), fs.readFileSync(files.key), fs.readFileSync(files.cert)));
    try {
      return await new Promise<ServiceError | null>((resolve) => {
        client.makeUnaryRequest(rpcPath('Vote'), (b: Buffer) => b, (b: Buffer) => b, Buffer.alloc(0), new Metadata(), { deadline: new Date(Date.now() + 5000) }, (error) => resolve(error));
      });
    } finally {
      client.close();
    }
  };
  // The same call with node 2's valid certificate passes TLS and is refused by the transport itself.
  expect((await callWith(certs.nodes.get(2)!))?.code).not.toBe(status.UNAVAILABLE);
  expect(a.transport.stats().refused).toBe(1);
  // Presenting the expired one anyway: grpc-js's TLS refuses it before any request.
  expect((await callWith(expired))?.code).toBe(status.UNAVAILABLE);
  expect(a.inbox).toEqual([]);
  expect(a.transport.stats().refused).toBe(1);
});

test('node ids come only from kz-node-<id> common names', () => {
  expect(nodeIdOfCommonName('kz-node-7')).toBe(7);
  for (const cn of [null, 'kz-node-', 'kz-node-07', 'kz-node-1x', 'alice', 'kz-node-99999999999']) expect(nodeIdOfCommonName(cn)).toBeNull();
});

describe.each(REQUEST_WAYS)('requests on %s', (_how, stream) => {
  beforeEach(() => {
    streams = stream;
  });

  test('nodes with their own certificates talk; a reload keeps them talking', async () => {
    const a = await node(1, identity(certs, 1));
    const b = await node(2, identity(certs, 2));
    a.transport.setPeerAddress(2, b.transport.listenAddress);
    a.transport.send(2, vote(1, 1));
    await waitFor(() => a.inbox.length === 1, 5000, 'the vote answered');
    expect(b.inbox).toEqual([{ from: 1, message: vote(1, 1) }]);
    (b.transport as unknown as { tls: TlsIdentity }).tls.reload();
    a.transport.send(2, vote(2, 1));
    await waitFor(() => a.inbox.length === 2, 5000, 'the second vote answered');
    expect(authentications).toEqual([]);
  });

  test('a certificate for another node id, none, or another CA’s: refused before the core', async () => {
    const a = await node(1, identity(certs, 1));
    // Node 3 holding node 2's certificate.
    const impostor = await node(3, identity(certs, 2));
    const plain = await node(4, undefined);
    const stranger = await node(5, new TlsIdentity({ keyFile: foreign.nodes.get(3)!.key, certFile: foreign.nodes.get(3)!.cert, caFile: certs.ca }));
    for (const [i, caller] of [impostor, plain, stranger].entries()) {
      caller.transport.setPeerAddress(1, a.transport.listenAddress);
      caller.transport.send(1, vote(10 + i, caller.id));
    }
    await waitFor(() => [impostor, plain, stranger].every((c) => c.transport.stats().dropped.callFailed >= 1), 10_000, 'every call failed');
    expect(a.transport.stats().refused).toBe(1);
    // The impostor is refused again (a stream reopens after a backoff: it may take a few sends); it is logged once.
    let requestId = 20;
    await waitFor(
      () => {
        // One request at a time: each reaches the node (one refusal) or fails fast, never both.
        if (a.transport.stats().refused < 2 && impostor.transport.stats().inflightRequests === 0) impostor.transport.send(1, vote(requestId++, 3));
        return a.transport.stats().refused >= 2;
      },
      10_000,
      'the impostor refused again',
    );
    await sleep(50);
    expect(a.inbox).toEqual([]);
    expect(a.transport.stats()).toMatchObject({ refused: 2, inboundStreams: 0 });
    // Each refusal is a failed authentication for the metrics (the logged one and the silent one).
    expect(authentications).toEqual(['raft SSL failure', 'raft SSL failure']);
    const warnings = a.log.filter((l) => l.level === 'warn' && l.message.includes('certificate names another node'));
    expect(warnings).toHaveLength(1);
    // A stream is refused when it opens, for every request it would carry.
    expect(warnings[0]!.fields).toMatchObject({ from: 3, certified: 2, rpc: stream ? 'Stream' : 'Vote' });
  });
});

test('admin over TLS: a node certificate may change voters; a user certificate may only describe the quorum', async () => {
  const n = await node(1, identity(certs, 1));
  n.description = { leaderId: 1, epoch: 1, highWatermark: 0, voters: [], observers: [] };
  const dir = 'AQIDBAUGBwgJCgsMDQ4PEA';
  const files = certs.users.get('alice')!;
  const asUser = new RaftAdminClient({ address: n.address, clusterId: CLUSTER_ID, tls: new TlsIdentity({ keyFile: files.key, certFile: files.cert, caFile: certs.ca }) });
  const asNode = new RaftAdminClient({ address: n.address, clusterId: CLUSTER_ID, tls: identity(certs, 2) });
  try {
    await expect(asUser.describeQuorum()).resolves.toMatchObject({ leaderId: 1 });
    await expect(asUser.removeVoter(3, dir)).rejects.toMatchObject({ name: 'RaftTransportError', code: 'PERMISSION_DENIED' });
    expect(n.voterChanges).toEqual([]);
    await expect(asNode.removeVoter(3, dir)).resolves.toEqual({ offset: 10, epoch: 1, voters: [] });
    expect(n.voterChanges).toEqual([{ kind: 'remove', id: 3, directoryId: dir }]);
  } finally {
    asUser.close();
    asNode.close();
  }
});
