/**
 * SCRAM's client side (RFC 5802 §3, RFC 7677), for KzClient's SASL login: two round trips,
 *
 *   client-first  n,,n=<user>,r=<client nonce>
 *   server-first  r=<client nonce><server nonce>,s=<salt>,i=<iterations>
 *   client-final  c=biws,r=<both nonces>,p=<ClientProof>
 *   server-final  v=<ServerSignature>   (or e=<error>)
 *
 * The client checks the server too: the combined nonce must extend its own (a server replaying an
 * old exchange cannot), the iteration count must be at least the RFC's 4096 (a server may not make
 * the password cheap to guess), and the server-final must carry the signature only a holder of the
 * stored credential can compute. Channel binding is not used (gs2 header `n,,`), as Kafka's clients.
 */
import { randomBytes } from 'node:crypto';
import { clientKeyOf, saltedPassword, SCRAM_MIN_ITERATIONS, scramHash, scramHmac, xorBytes, keysEqual, type ScramMechanism } from '@kz/metadata';
import { KzClientError } from './kz-client-error';

const SASL_AUTHENTICATION_FAILED = 58;
const GS2_HEADER = 'n,,';

/** RFC 5802's saslname: ',' and '=' escaped. */
function saslName(user: string): string {
  return user.replace(/=/g, '=3D').replace(/,/g, '=2C');
}

/** `k=v` attributes of a SCRAM message. */
function attributes(message: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) out.set(part[0]!, part.slice(2));
  }
  return out;
}

type State = { readonly name: 'first' } | { readonly name: 'final'; readonly serverSignature: Buffer } | { readonly name: 'done' };

export class ScramClient {
  private readonly clientFirstBare: string;
  private readonly nonce: string;
  private state: State = { name: 'first' };

  constructor(
    readonly mechanism: ScramMechanism,
    private readonly user: string,
    private readonly password: string,
    nonce: string = randomBytes(24).toString('base64'),
  ) {
    this.nonce = nonce;
    this.clientFirstBare = `n=${saslName(user)},r=${nonce}`;
  }

  /** The client-first message. */
  first(): Uint8Array {
    return Buffer.from(GS2_HEADER + this.clientFirstBare);
  }

  /**
   * The answer to the server's message: the client-final after the server-first; null once the
   * server-final proved the server. KzClientError SASL_AUTHENTICATION_FAILED when the server's
   * message is not what the exchange allows.
   */
  step(serverMessage: Uint8Array): Uint8Array | null {
    const text = Buffer.from(serverMessage).toString('utf8');
    const state = this.state;
    this.state = { name: 'done' };
    if (state.name === 'first') return this.serverFirst(text);
    if (state.name === 'final') {
      const attrs = attributes(text);
      const error = attrs.get('e');
      if (error !== undefined) throw this.failure(`the broker ended the exchange: ${error}`);
      const signature = Buffer.from(attrs.get('v') ?? '', 'base64');
      if (!keysEqual(signature, state.serverSignature)) throw this.failure('the broker’s signature does not match: it does not hold this user’s credential');
      return null;
    }
    throw this.failure('a SCRAM message after the exchange ended');
  }

  private serverFirst(text: string): Uint8Array {
    const attrs = attributes(text);
    const combined = attrs.get('r');
    const salt = attrs.get('s');
    const iterations = Number(attrs.get('i'));
    if (combined === undefined || salt === undefined || !Number.isInteger(iterations)) throw this.failure(`the server-first message is malformed: ${JSON.stringify(text)}`);
    if (!combined.startsWith(this.nonce) || combined.length === this.nonce.length) throw this.failure('the server nonce does not extend the client nonce');
    if (iterations < SCRAM_MIN_ITERATIONS) throw this.failure(`the broker asks for ${iterations} iterations, fewer than SCRAM's minimum ${SCRAM_MIN_ITERATIONS}`);
    const salted = saltedPassword(this.mechanism, this.password, Buffer.from(salt, 'base64'), iterations);
    const clientKey = clientKeyOf(this.mechanism, salted);
    const storedKey = scramHash(this.mechanism, clientKey);
    const finalWithoutProof = `c=${Buffer.from(GS2_HEADER).toString('base64')},r=${combined}`;
    const authMessage = `${this.clientFirstBare},${text},${finalWithoutProof}`;
    const proof = xorBytes(clientKey, scramHmac(this.mechanism, storedKey, authMessage));
    const serverSignature = scramHmac(this.mechanism, scramHmac(this.mechanism, salted, 'Server Key'), authMessage);
    this.state = { name: 'final', serverSignature };
    return Buffer.from(`${finalWithoutProof},p=${proof.toString('base64')}`);
  }

  private failure(why: string): KzClientError {
    return new KzClientError('SASL_AUTHENTICATION_FAILED', SASL_AUTHENTICATION_FAILED, `${this.mechanism} login as ${this.user}: ${why}`);
  }
}
