/**
 * The SCRAM server against RFC 7677's SCRAM-SHA-256 example exchange (user "user", password
 * "pencil"), byte for byte; against a client written here for SHA-512; and against what an attacker
 * sends: a wrong proof, a replayed client-final, a message cut short, a foreign nonce, an unknown
 * user (which looks the same as a known one until the proof).
 */
import { clientKeyOf, saltedPassword, scramCredentialOf, scramHmac, xorBytes, type ScramCredential, type ScramMechanism } from '@kz/metadata';
import { PlainServer } from '../../src/security/plain-server';
import { ScramServer } from '../../src/security/scram-server';

const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');
const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

function credentialFor(mechanism: ScramMechanism, password: string, salt: Buffer, iterations = 4096): ScramCredential {
  return scramCredentialOf(mechanism, salt, iterations, saltedPassword(mechanism, password, salt, iterations));
}

describe('RFC 7677 §3 example (SCRAM-SHA-256)', () => {
  const salt = Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64');
  const credential = credentialFor('SCRAM-SHA-256', 'pencil', salt);
  const clientFirst = 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO';
  const serverNonce = '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0';
  const clientFinal = 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=';
  const server = () => new ScramServer('SCRAM-SHA-256', (u) => (u === 'user' ? credential : undefined), () => serverNonce);

  it('answers the example’s server-first and server-final messages exactly', () => {
    const s = server();
    const first = s.step(bytes(clientFirst));
    expect(first.kind).toBe('challenge');
    expect(text((first as { bytes: Uint8Array }).bytes)).toBe('r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096');
    const final = s.step(bytes(clientFinal));
    expect(final).toMatchObject({ kind: 'authenticated', user: 'user' });
    expect(text((final as { bytes: Uint8Array }).bytes)).toBe('v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=');
  });

  it('refuses a proof for another password, a flipped proof byte, and a replay into a new exchange', () => {
    const wrong = credentialFor('SCRAM-SHA-256', 'pencil!', salt);
    const other = new ScramServer('SCRAM-SHA-256', () => wrong, () => serverNonce);
    other.step(bytes(clientFirst));
    expect(other.step(bytes(clientFinal))).toMatchObject({ kind: 'failed', reason: 'wrong password for user user' });

    const flipped = server();
    flipped.step(bytes(clientFirst));
    const proof = Buffer.from(clientFinal.slice(clientFinal.indexOf(',p=') + 3), 'base64');
    proof[0] = proof[0]! ^ 1;
    expect(flipped.step(bytes(`${clientFinal.slice(0, clientFinal.indexOf(',p=') + 3)}${proof.toString('base64')}`)).kind).toBe('failed');

    // A fresh exchange has a fresh server nonce: the recorded client-final no longer matches it.
    const fresh = new ScramServer('SCRAM-SHA-256', () => credential);
    fresh.step(bytes(clientFirst));
    expect(fresh.step(bytes(clientFinal))).toMatchObject({ kind: 'failed', reason: expect.stringContaining('nonce') });
  });

  it('refuses malformed and out-of-order messages', () => {
    const cases = ['', 'n,,', 'p=tls-unique,,n=user,r=abc', 'n,,r=abc,n=user', 'n,,n=us=er,r=abc', 'n,a=someone,n=user,r=abc', 'n,,n=user,r=abc,m=ext'];
    for (const message of cases) expect(server().step(bytes(message)).kind).toBe('failed');
    const s = server();
    s.step(bytes(clientFirst));
    expect(s.step(bytes('c=biws,r=x')).kind).toBe('failed');
    // Nothing goes on after a failure or a success.
    expect(s.step(bytes(clientFinal)).kind).toBe('failed');
  });

  it('an unknown user gets a server-first like any other, and fails only at the proof', () => {
    const s = new ScramServer('SCRAM-SHA-256', () => undefined, () => serverNonce);
    const first = s.step(bytes('n,,n=nobody,r=rOprNGfwEbeRWgbNEkqO'));
    expect(first.kind).toBe('challenge');
    expect(text((first as { bytes: Uint8Array }).bytes)).toMatch(/^r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj\)hNlF\$k0,s=[A-Za-z0-9+/=]+,i=4096$/);
    expect(s.step(bytes(clientFinal)).kind).toBe('failed');
  });
});

describe('SCRAM-SHA-512 with a client written from RFC 5802', () => {
  function clientProof(mechanism: ScramMechanism, password: string, serverFirst: string, clientFirstBare: string, finalWithoutProof: string): string {
    const attrs = new Map(serverFirst.split(',').map((a) => [a[0]!, a.slice(2)]));
    const salted = saltedPassword(mechanism, password, Buffer.from(attrs.get('s')!, 'base64'), Number(attrs.get('i')));
    const clientKey = clientKeyOf(mechanism, salted);
    const storedKey = require('node:crypto').createHash('sha512').update(clientKey).digest();
    const signature = scramHmac(mechanism, storedKey, `${clientFirstBare},${serverFirst},${finalWithoutProof}`);
    return xorBytes(clientKey, signature).toString('base64');
  }

  it('authenticates a user whose name needs escaping, and proves the server knows the credential', () => {
    const credential = credentialFor('SCRAM-SHA-512', 'p@ss,word=1', Buffer.from('salt-of-the-earth'));
    const s = new ScramServer('SCRAM-SHA-512', (u) => (u === 'a,b=c' ? credential : undefined));
    const bare = 'n=a=2Cb=3Dc,r=clientnonce123';
    const serverFirst = text((s.step(bytes(`n,,${bare}`)) as { bytes: Uint8Array }).bytes);
    const nonce = serverFirst.split(',')[0]!.slice(2);
    const withoutProof = `c=biws,r=${nonce}`;
    const final = s.step(bytes(`${withoutProof},p=${clientProof('SCRAM-SHA-512', 'p@ss,word=1', serverFirst, bare, withoutProof)}`));
    expect(final).toMatchObject({ kind: 'authenticated', user: 'a,b=c' });
    const expected = scramHmac('SCRAM-SHA-512', credential.serverKey, `${bare},${serverFirst},${withoutProof}`).toString('base64');
    expect(text((final as { bytes: Uint8Array }).bytes)).toBe(`v=${expected}`);
  });
});

describe('PLAIN against SCRAM credentials', () => {
  const credentials = new Map([['alice', new Map([['SCRAM-SHA-256' as ScramMechanism, credentialFor('SCRAM-SHA-256', 'secret', Buffer.from('s1'))]])]]);
  const server = () => new PlainServer((u) => credentials.get(u));

  it.each([
    ['\u0000alice\u0000secret', 'authenticated'],
    ['alice\u0000alice\u0000secret', 'authenticated'],
    ['\u0000alice\u0000Secret', 'failed'],
    ['bob\u0000alice\u0000secret', 'failed'],
    ['\u0000mallory\u0000secret', 'failed'],
    ['alice\u0000secret', 'failed'],
    ['\u0000alice\u0000', 'failed'],
  ])('%j: %s', (message, kind) => {
    expect(server().step(bytes(message)).kind).toBe(kind);
  });
});
