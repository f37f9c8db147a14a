import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBrokerServerFlags } from '@kz/broker';
import { createDevCertificates } from '@kz/raft/testing';
import { TlsConfigError } from '@kz/runtime';

const BASE = ['--node-id', '1', '--data-dir', '/tmp/kz-flags', '--cluster-id', 'c', '--voters', '1@127.0.0.1:9101', '--admin-listen', '127.0.0.1:9201', '--listen', '127.0.0.1:9092'];

describe('kz-broker-server --tls-key/--tls-cert/--tls-ca', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kz-flags-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is PLAINTEXT without them', () => {
    const command = parseBrokerServerFlags(BASE);
    if (command.kind !== 'run') throw new Error('expected a run');
    expect(command.settings.listenerSecurity).toBeUndefined();
    expect(command.settings.metadata.tls).toBeUndefined();
  });

  it('turns on the SSL listener with required client certificates and mutual TLS between nodes', () => {
    const certs = createDevCertificates(join(dir, 'certs'), { nodes: [1] });
    const own = certs.nodes.get(1)!;
    const command = parseBrokerServerFlags([...BASE, '--tls-key', own.key, '--tls-cert', own.cert, '--tls-ca', certs.ca]);
    if (command.kind !== 'run') throw new Error('expected a run');
    expect(command.settings.listenerSecurity).toMatchObject({ protocol: 'SSL', clientAuth: 'required' });
    expect(command.settings.metadata.tls?.files).toMatchObject({ keyFile: own.key, certFile: own.cert, caFile: certs.ca });
  });

  it('refuses one without the others, and unreadable files', () => {
    expect(() => parseBrokerServerFlags([...BASE, '--tls-key', join(dir, 'k.pem')])).toThrow('--tls-key, --tls-cert and --tls-ca go together');
    expect(() => parseBrokerServerFlags([...BASE, '--tls-key', join(dir, 'no.key'), '--tls-cert', join(dir, 'no.crt'), '--tls-ca', join(dir, 'no-ca.crt')])).toThrow(TlsConfigError);
  });
});
