/**
 * One client connection's security state: who it is (its principal), how it proved it, and where
 * its SASL exchange stands (KIP-152: SaslHandshake names the mechanism, SaslAuthenticate carries
 * its messages; KIP-368: the same again later, to re-authenticate before the session expires).
 *
 * The principal is Kafka's `User:name`: the SASL user on a SASL listener; on SSL the common name of
 * the client certificate (Kafka's DN with `ssl.principal.mapping.rules=RULE:^CN=([^,]*).*$/$1/`),
 * or ANONYMOUS without one; ANONYMOUS on PLAINTEXT.
 */
import type { AclOperation, AclResourceType, ScramCredential, ScramMechanism } from '@kz/metadata';
import { NO_MECHANISM, UNSUPPORTED_MECHANISM } from '@kz/runtime';
import type { Authorizer } from './authorizer';
import { PlainServer } from './plain-server';
import type { SaslMechanism, SecurityProtocol } from './listener-security';
import { usesSasl } from './listener-security';
import type { SaslServer, SaslStep } from './sasl-step';
import { ScramServer } from './scram-server';

export const ANONYMOUS = 'User:ANONYMOUS';

/** Requests a SASL listener answers before the client has authenticated. */
export const PRE_AUTHENTICATION_APIS: ReadonlySet<number> = new Set([18 /* ApiVersions */, 17 /* SaslHandshake */, 36 /* SaslAuthenticate */]);

type SaslState =
  | { readonly name: 'none' }
  | { readonly name: 'handshaken'; readonly mechanism: SaslMechanism; readonly server: SaslServer }
  | { readonly name: 'exchanging'; readonly mechanism: SaslMechanism; readonly server: SaslServer }
  | { readonly name: 'authenticated' };

export interface ClientSessionOptions {
  readonly protocol: SecurityProtocol;
  /** The client's IP address, as ACL hosts name it. */
  readonly host: string;
  readonly mechanisms: readonly SaslMechanism[];
  /** The principal a verified client certificate names; null without one. */
  readonly certificatePrincipal: string | null;
  readonly maxReauthMs: number;
  /** Users' SCRAM credentials, for SASL logins. */
  readonly credentials: CredentialLookup;
  /** Decides what the principal may do; absent: everything (no authorizer configured). */
  readonly authorizer?: Authorizer;
  /**
   * Told of each SASL authentication's outcome, by mechanism (an unknown mechanism is
   * UNSUPPORTED_MECHANISM): Kafka's successful- and failed-authentication counts.
   */
  readonly onAuthentication?: (mechanism: string, succeeded: boolean) => void;
  readonly clock?: () => number;
}

export class ClientSession {
  readonly protocol: SecurityProtocol;
  readonly host: string;
  private principalValue: string;
  private state: SaslState = { name: 'none' };
  private expiresAt = Number.POSITIVE_INFINITY;
  private authenticatedOnce = false;
  private readonly clock: () => number;

  constructor(private readonly options: ClientSessionOptions) {
    this.protocol = options.protocol;
    this.host = options.host;
    this.principalValue = options.certificatePrincipal ?? ANONYMOUS;
    this.clock = options.clock ?? Date.now;
  }

  get principal(): string {
    return this.principalValue;
  }

  /** Whether this client may do `operation` on the resource (the listener's authorizer decides). */
  may(operation: AclOperation, resourceType: AclResourceType, resourceName: string): boolean {
    const authorizer = this.options.authorizer;
    return authorizer === undefined || authorizer.authorize(this.principalValue, this.host, operation, resourceType, resourceName);
  }

  /** Whether this client may do `operation` on some resource of the type, existing or not. */
  mayOnSome(operation: AclOperation, resourceType: AclResourceType): boolean {
    const authorizer = this.options.authorizer;
    return authorizer === undefined || authorizer.authorizeByResourceType(this.principalValue, this.host, operation, resourceType);
  }


  get sasl(): boolean {
    return usesSasl(this.protocol);
  }

  get mechanisms(): readonly SaslMechanism[] {
    return this.options.mechanisms;
  }

  /** Whether a request of `apiKey` may be served now: on a SASL listener, only the SASL ones until authenticated, and after the session expired. */
  admits(apiKey: number): boolean {
    if (!this.sasl || PRE_AUTHENTICATION_APIS.has(apiKey)) return true;
    return this.state.name === 'authenticated' && this.clock() < this.expiresAt;
  }

  /**
   * A request `admits` refused: a failed authentication when the client had not authenticated
   * (Kafka's SaslServerAuthenticator counts a Kafka request in the middle of a login so); a session
   * that merely expired (KIP-368) had logged in and is not counted again.
   */
  refused(): void {
    if (this.state.name === 'authenticated') return;
    this.options.onAuthentication?.(this.state.name === 'none' ? NO_MECHANISM : this.state.mechanism, false);
  }

  /** Why `admits` said no, for the log. */
  refusalReason(): string {
    return this.state.name === 'authenticated' ? 'the session expired without re-authentication (KIP-368)' : 'the client has not authenticated';
  }

  /**
   * SaslHandshake: null when the mechanism is taken, or the error name to answer. A handshake is
   * allowed first, and again once authenticated (re-authentication).
   */
  handshake(mechanism: string): 'ILLEGAL_SASL_STATE' | 'UNSUPPORTED_SASL_MECHANISM' | null {
    const lookup = this.options.credentials;
    if (!this.sasl || (this.state.name !== 'none' && this.state.name !== 'authenticated')) return 'ILLEGAL_SASL_STATE';
    if (!(this.options.mechanisms as readonly string[]).includes(mechanism)) {
      this.options.onAuthentication?.(UNSUPPORTED_MECHANISM, false);
      return 'UNSUPPORTED_SASL_MECHANISM';
    }
    const server =
      mechanism === 'PLAIN'
        ? new PlainServer((user) => lookup(user))
        : new ScramServer(mechanism as ScramMechanism, (user) => lookup(user)?.get(mechanism as ScramMechanism));
    this.state = { name: 'handshaken', mechanism: mechanism as SaslMechanism, server };
    return null;
  }

  /** SaslAuthenticate: the next step of the exchange; ILLEGAL_SASL_STATE outside one. */
  authenticate(bytes: Uint8Array): SaslStep | 'ILLEGAL_SASL_STATE' {
    const state = this.state;
    if (state.name !== 'handshaken' && state.name !== 'exchanging') return 'ILLEGAL_SASL_STATE';
    const step = state.server.step(bytes);
    switch (step.kind) {
      case 'challenge':
        this.state = { name: 'exchanging', mechanism: state.mechanism, server: state.server };
        return step;
      case 'failed':
        this.state = { name: 'none' };
        this.options.onAuthentication?.(state.mechanism, false);
        return step;
      case 'authenticated': {
        const principal = `User:${step.user}`;
        // KIP-368: re-authentication may not change who the connection is.
        if (this.authenticatedOnce && principal !== this.principalValue) {
          this.state = { name: 'none' };
          this.options.onAuthentication?.(state.mechanism, false);
          return { kind: 'failed', reason: `re-authentication as ${principal} on a connection of ${this.principalValue}` };
        }
        this.authenticatedOnce = true;
        this.principalValue = principal;
        this.state = { name: 'authenticated' };
        this.expiresAt = this.options.maxReauthMs > 0 ? this.clock() + this.options.maxReauthMs : Number.POSITIVE_INFINITY;
        this.options.onAuthentication?.(state.mechanism, true);
        return step;
      }
    }
  }

  /** The session lifetime to tell the client (KIP-368), 0 for none. */
  get sessionLifetimeMs(): number {
    return this.options.maxReauthMs;
  }
}

export type CredentialLookup = (user: string) => ReadonlyMap<ScramMechanism, ScramCredential> | undefined;
