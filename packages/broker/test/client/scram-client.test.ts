/**
 * KzClient's SCRAM client against kz's SCRAM server, and against servers that misbehave: a server
 * nonce that does not extend the client's, too few iterations, a server-final with the wrong
 * signature (a server that does not hold the credential) or an error attribute.
 */
import { saltedPassword, scramCredentialOf, type ScramMechanism } from '@kz/metadata';
import { ScramClient } from '../../src/client/scram-client';
import { ScramServer } from '../../src/security/scram-server';

const salt = Buffer.from('pepper-and-salt');
const credential = (mechanism: ScramMechanism, password: string) => scramCredentialOf(mechanism, salt, 4096, saltedPassword(mechanism, password, salt, 4096));
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

test.each(['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const)('%s: the client and kz’s server agree, and the client checks the server’s signature', (mechanism) => {
  const server = new ScramServer(mechanism, (user) => (user === 'al,i=ce' ? credential(mechanism, 'pw') : undefined));
  const c = new ScramClient(mechanism, 'al,i=ce', 'pw', 'clientnonce');
  expect(text(c.first())).toBe('n,,n=al=2Ci=3Dce,r=clientnonce');
  const serverFirst = server.step(c.first());
  expect(serverFirst.kind).toBe('challenge');
  const clientFinal = c.step((serverFirst as { bytes: Uint8Array }).bytes)!;
  const serverFinal = server.step(clientFinal);
  expect(serverFinal).toMatchObject({ kind: 'authenticated', user: 'al,i=ce' });
  expect(c.step((serverFinal as { bytes: Uint8Array }).bytes)).toBeNull();
});

describe('a server the client refuses', () => {
  const client = () => new ScramClient('SCRAM-SHA-256', 'alice', 'pw', 'abc');
  const saltText = salt.toString('base64');

  test.each([
    ['a nonce not extending the client’s', `r=xyz123,s=${saltText},i=4096`, /nonce does not extend/],
    ['the client’s nonce alone', `r=abc,s=${saltText},i=4096`, /nonce does not extend/],
    ['too few iterations', `r=abcdef,s=${saltText},i=1024`, /1024 iterations, fewer than SCRAM's minimum 4096/],
    ['a malformed message', 'hello', /malformed/],
  ])('server-first with %s', (_what, serverFirst, reason) => {
    expect(() => client().step(Buffer.from(serverFirst))).toThrow(reason);
  });

  test('a server-final whose signature is not the credential’s, or an error', () => {
    for (const [final, reason] of [
      ['v=AAAA', /signature does not match/],
      ['e=invalid-proof', /ended the exchange: invalid-proof/],
    ] as const) {
      const c = client();
      c.step(Buffer.from(`r=abcdef,s=${saltText},i=4096`));
      expect(() => c.step(Buffer.from(final))).toThrow(reason);
    }
  });
});
