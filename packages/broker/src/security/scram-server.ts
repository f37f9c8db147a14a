/**
 * SCRAM's server side (RFC 5802 §5, RFC 7677), for one exchange of two round trips:
 *
 *   client-first  n,,n=alice,r=<client nonce>
 *   server-first  r=<client nonce><server nonce>,s=<salt>,i=<iterations>
 *   client-final  c=biws,r=<both nonces>,p=<ClientProof>
 *   server-final  v=<ServerSignature>
 *
 * The proof is checked against StoredKey alone: ClientKey = ClientProof XOR HMAC(StoredKey,
 * AuthMessage), and H(ClientKey) must be StoredKey. A replayed client-final fails because the
 * server nonce — and so AuthMessage — is new in every exchange.
 *
 * A user without a credential goes through the same exchange against a made-up one and fails at
 * the proof, as RFC 5802 §9 advises: the first answer does not tell who exists. Channel binding is
 * not offered (gs2 flag `n`, or `y` from a client that could bind but believes we cannot).
 */
import { randomBytes } from 'node:crypto';
import { keysEqual, SCRAM_MIN_ITERATIONS, scramHash, scramHmac, scramKeyLength, xorBytes, type ScramCredential, type ScramMechanism } from '@kz/metadata';
import { failed, type SaslServer, type SaslStep } from './sasl-step';

/** Printable characters except ',' (RFC 5802's "printable" for nonces). */
const NONCE = /^[\x21-\x2b\x2d-\x7e]+$/;

type State =
  | { readonly name: 'first' }
  | {
      readonly name: 'final';
      readonly user: string;
      readonly credential: ScramCredential;
      /** Whether the credential is real: a made-up one never authenticates, whatever the proof. */
      readonly real: boolean;
      readonly gs2Header: string;
      readonly nonce: string;
      readonly clientFirstBare: string;
      readonly serverFirst: string;
    }
  | { readonly name: 'done' };

export class ScramServer implements SaslServer {
  private state: State = { name: 'first' };

  constructor(
    readonly mechanism: ScramMechanism,
    private readonly lookup: (user: string) => ScramCredential | undefined,
    private readonly serverNonce: () => string = () => randomBytes(24).toString('base64'),
  ) {}

  step(message: Uint8Array): SaslStep {
    const text = Buffer.from(message).toString('utf8');
    const state = this.state;
    this.state = { name: 'done' };
    switch (state.name) {
      case 'first':
        return this.clientFirst(text);
      case 'final':
        return this.clientFinal(state, text);
      case 'done':
        return failed('SCRAM message after the exchange ended');
    }
  }

  private clientFirst(text: string): SaslStep {
    // gs2-header = gs2-cbind-flag "," [authzid] ","
    const first = text.indexOf(',');
    const second = first < 0 ? -1 : text.indexOf(',', first + 1);
    if (second < 0) return failed('client-first message has no GS2 header');
    const flag = text.slice(0, first);
    const authzid = text.slice(first + 1, second);
    if (flag !== 'n' && flag !== 'y') return failed(`channel binding ${JSON.stringify(flag)} is not offered`);
    const bare = text.slice(second + 1);
    const attributes = parseAttributes(bare);
    if (attributes === null) return failed('client-first message is malformed');
    const user = attributes.get('n');
    const clientNonce = attributes.get('r');
    if (attributes.has('m')) return failed('client-first message asks for a mandatory extension');
    if (user === undefined || clientNonce === undefined || bare.indexOf('n=') !== 0) return failed('client-first message lacks n= or r=');
    const name = unescapeName(user);
    if (name === null || name === '') return failed('client-first message names no valid user');
    if (authzid !== '' && authzid !== `a=${user}`) return failed('an authorization id other than the user is not supported');
    if (!NONCE.test(clientNonce)) return failed('client nonce is not printable');
    const stored = this.lookup(name);
    const credential = stored ?? this.madeUp(name);
    const nonce = clientNonce + this.serverNonce();
    const serverFirst = `r=${nonce},s=${Buffer.from(credential.salt).toString('base64')},i=${credential.iterations}`;
    this.state = { name: 'final', user: name, credential, real: stored !== undefined, gs2Header: text.slice(0, second + 1), nonce, clientFirstBare: bare, serverFirst };
    return { kind: 'challenge', bytes: Buffer.from(serverFirst, 'utf8') };
  }

  private clientFinal(state: Extract<State, { name: 'final' }>, text: string): SaslStep {
    const proofAt = text.lastIndexOf(',p=');
    if (proofAt < 0) return failed('client-final message has no proof');
    const withoutProof = text.slice(0, proofAt);
    const attributes = parseAttributes(text);
    if (attributes === null) return failed('client-final message is malformed');
    if (attributes.get('c') !== Buffer.from(state.gs2Header, 'utf8').toString('base64')) return failed('channel binding does not match the GS2 header');
    if (attributes.get('r') !== state.nonce) return failed('nonce does not match this exchange (a replayed or foreign message)');
    const proof = Buffer.from(attributes.get('p') ?? '', 'base64');
    const { mechanism, storedKey, serverKey } = state.credential;
    if (proof.length !== scramKeyLength(mechanism)) return failed('proof has the wrong length');
    const authMessage = `${state.clientFirstBare},${state.serverFirst},${withoutProof}`;
    const clientKey = xorBytes(proof, scramHmac(mechanism, storedKey, authMessage));
    if (!keysEqual(scramHash(mechanism, clientKey), storedKey) || !state.real) {
      return failed(state.real ? `wrong password for user ${state.user}` : `unknown user ${state.user}`);
    }
    const signature = scramHmac(mechanism, serverKey, authMessage);
    return { kind: 'authenticated', bytes: Buffer.from(`v=${signature.toString('base64')}`, 'utf8'), user: state.user };
  }

  /** A credential for a user who has none: random, so no proof matches it. */
  private madeUp(name: string): ScramCredential {
    const length = scramKeyLength(this.mechanism);
    // The salt is derived from the name, so asking twice for the same unknown user gets the same one.
    const salt = scramHmac(this.mechanism, FAKE_SALT_KEY, name).subarray(0, length);
    return { mechanism: this.mechanism, salt, iterations: SCRAM_MIN_ITERATIONS, storedKey: randomBytes(length), serverKey: randomBytes(length) };
  }
}

const FAKE_SALT_KEY = randomBytes(32);

/** `a=1,b=2` as a map; null when an attribute is not `letter=value`. */
function parseAttributes(text: string): Map<string, string> | null {
  const map = new Map<string, string>();
  for (const part of text.split(',')) {
    if (!/^[a-zA-Z]=/.test(part)) return null;
    const key = part[0]!;
    if (!map.has(key)) map.set(key, part.slice(2));
  }
  return map;
}

/** saslname: `=2C` is ',' and `=3D` is '='; any other '=' is malformed. */
function unescapeName(name: string): string | null {
  if (/=(?!2C|3D)/.test(name)) return null;
  return name.replace(/=2C/g, ',').replace(/=3D/g, '=');
}
