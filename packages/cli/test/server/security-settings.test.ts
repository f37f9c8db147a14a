/** `kz server`'s security flags, decided without starting anything: defaults stay open; bad combinations are usage errors. */
import { securitySettings } from '../../src/server/security-settings';

describe('securitySettings', () => {
  it('no flags: PLAINTEXT, no TLS, no authorizer, every SASL mechanism on offer', () => {
    expect(securitySettings({})).toEqual({
      protocol: 'PLAINTEXT',
      tls: null,
      clientAuth: 'none',
      saslMechanisms: ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'],
      maxReauthMs: 0,
      authorization: null,
      interNodeTls: false,
    });
  });

  it('a secured node: SASL_SSL, mutual TLS between nodes, the StandardAuthorizer with super users', () => {
    const s = securitySettings({
      securityProtocol: 'SASL_SSL',
      sslKey: 'k.pem',
      sslCert: 'c.pem',
      sslCa: 'ca.pem',
      interNodeTls: true,
      saslEnabledMechanisms: 'SCRAM-SHA-512',
      authorizer: 'standard',
      superUsers: 'User:admin; User:ops',
    });
    expect(s).toMatchObject({
      protocol: 'SASL_SSL',
      tls: { keyFile: 'k.pem', certFile: 'c.pem', caFile: 'ca.pem' },
      saslMechanisms: ['SCRAM-SHA-512'],
      authorization: { superUsers: ['User:admin', 'User:ops'], allowEveryoneIfNoAclFound: false },
      interNodeTls: true,
    });
  });

  it.each([
    ['SSL without a key', { securityProtocol: 'SSL' as const }, 'needs --ssl-key and --ssl-cert'],
    ['a key without a certificate', { sslKey: 'k' }, '--ssl-key and --ssl-cert go together'],
    ['client certificates without a CA', { securityProtocol: 'SSL' as const, sslKey: 'k', sslCert: 'c', sslClientAuth: 'required' as const }, 'needs --ssl-ca'],
    ['client certificates on a plaintext listener', { sslKey: 'k', sslCert: 'c', sslCa: 'a', sslClientAuth: 'requested' as const }, 'needs a TLS listener'],
    ['inter-node TLS without a CA', { sslKey: 'k', sslCert: 'c', interNodeTls: true }, '--inter-node-tls needs'],
    ['an unknown SASL mechanism', { saslEnabledMechanisms: 'PLAIN,GSSAPI' }, 'GSSAPI is not one of'],
    ['a super user that is not a principal', { authorizer: 'standard' as const, superUsers: 'admin' }, 'is not a principal'],
    ['super users without an authorizer', { superUsers: 'User:admin' }, 'need --authorizer standard'],
  ])('%s is a usage error', (_what, flags, message) => {
    expect(() => securitySettings(flags)).toThrow(message);
    try {
      securitySettings(flags);
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(2);
    }
  });
});
