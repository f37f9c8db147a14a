/**
 * SASL PLAIN's server side (RFC 4616): one message, `authzid NUL authcid NUL password`, checked
 * against the user's SCRAM credential in the metadata log — the strongest mechanism they have — by
 * salting the password the same way. So kz stores no second kind of secret for PLAIN, and a PLAIN
 * login and a SCRAM login accept the same password. PLAIN sends the password itself: only over TLS.
 */
import { passwordMatches, type ScramCredential, type ScramMechanism } from '@kz/metadata';
import { failed, type SaslServer, type SaslStep } from './sasl-step';

export class PlainServer implements SaslServer {
  readonly mechanism = 'PLAIN';
  private done = false;

  constructor(private readonly lookup: (user: string) => ReadonlyMap<ScramMechanism, ScramCredential> | undefined) {}

  step(message: Uint8Array): SaslStep {
    if (this.done) return failed('PLAIN takes one message');
    this.done = true;
    const parts = Buffer.from(message).toString('utf8').split('\u0000');
    if (parts.length !== 3) return failed('PLAIN message is not authzid NUL authcid NUL password');
    const [authzid, user, password] = parts as [string, string, string];
    if (user === '' || password === '') return failed('PLAIN message has an empty user or password');
    if (authzid !== '' && authzid !== user) return failed('an authorization id other than the user is not supported');
    const credentials = this.lookup(user);
    const credential = credentials?.get('SCRAM-SHA-512') ?? credentials?.get('SCRAM-SHA-256');
    if (credential === undefined) return failed(`unknown user ${user}`);
    if (!passwordMatches(credential, password)) return failed(`wrong password for user ${user}`);
    return { kind: 'authenticated', bytes: new Uint8Array(0), user };
  }
}
