/**
 * The broker's Kafka listener: Kafka's binary protocol on a TCP port (9092 by default), so any
 * Kafka client — kcat (librdkafka), kafkajs, the Java clients, and kz's own KzClient — talks to kz
 * unchanged.
 *
 * ```ts
 * const listener = new KafkaListener({ handlers, listen: '127.0.0.1:9092', logger });
 * const port = await listener.start();
 * ...
 * await listener.stop();
 * ```
 *
 * Each connection is a ListenerConnection (framing, decoding, answers in request order); the
 * handlers do the work. The ApiVersions table is the handlers' declared version ranges.
 *
 * Security is Kafka's per listener: PLAINTEXT, SSL (TLS, optionally with client certificates that
 * name the principal), SASL_PLAINTEXT and SASL_SSL (SaslHandshake/SaslAuthenticate first). The TLS
 * certificate is swapped in place when its identity reloads; open connections keep theirs.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import { DEFAULT_MAX_FRAME_SIZE, type ApiVersionRange } from '@kz/kafka-protocol';
import { ListenFailedError, TransportStateError } from '@kz/raft';
import { TLS_MECHANISM, type AuthenticationObserver, type RequestObserver } from '@kz/runtime';
import type { Logger } from 'pino';
import { advertisedVersions } from './api-versions-handler';
import type { KafkaHandlers } from './kafka-handler';
import { ListenerConnection } from './listener-connection';
import { ClientSession } from '../security/client-session';
import { certificatePrincipal } from '../security/certificate-principal';
import { PLAINTEXT_LISTENER, SASL_MECHANISMS, usesSasl, usesTls, type ListenerSecurity } from '../security/listener-security';

export interface KafkaListenerOptions {
  readonly handlers: KafkaHandlers;
  /** `host:port`; port 0 picks a free one (start() resolves with it). */
  readonly listen: string;
  readonly logger: Logger;
  /** Largest request frame (Kafka's socket.request.max.bytes). Default 100 MiB. */
  readonly maxFrameBytes?: number;
  /** Unanswered requests per connection before the listener stops reading it. Default 1000. */
  readonly maxInFlightPerConnection?: number;
  /** Told of every answered request: its API name, duration and request-level error name. */
  readonly observeRequest?: RequestObserver;
  /** The security protocol and its settings; default PLAINTEXT. */
  readonly security?: ListenerSecurity;
  /**
   * Told of every authentication, as service `broker`: each SASL exchange (success or failure), each
   * failed TLS handshake or client certificate, and on an SSL listener each connection's successful
   * handshake (the certificate is its authentication there, as in Kafka).
   */
  readonly observeAuthentication?: AuthenticationObserver;
}

const NO_CREDENTIALS = (): undefined => undefined;

/** How long stop() lets connections finish writing before cutting them. */
const SHUTDOWN_GRACE_MS = 1000;

export class KafkaListener {
  private readonly server: net.Server;
  private readonly security: ListenerSecurity;
  private unwatchTls: (() => void) | null = null;
  private readonly connections = new Set<ListenerConnection>();
  private readonly log: Logger;
  private readonly advertised: readonly ApiVersionRange[];
  private starting: Promise<number> | undefined;
  private stopping: Promise<void> | undefined;
  private boundPort = -1;

  constructor(private readonly options: KafkaListenerOptions) {
    this.log = options.logger.child({ component: 'kafka-listener' });
    this.advertised = advertisedVersions(options.handlers);
    this.security = options.security ?? PLAINTEXT_LISTENER;
    const identity = this.security.tls;
    if (!usesTls(this.security.protocol)) {
      this.server = net.createServer((socket) => this.onSocket(socket, null));
      return;
    }
    if (identity === undefined) throw new TypeError(`KafkaListener: a ${this.security.protocol} listener needs a TLS identity`);
    const clientAuth = this.security.clientAuth ?? 'none';
    // Certificates are checked in onSocket, not by Node (rejectUnauthorized): Node's own refusal
    // destroys the socket before anyone can learn its peer or why (an expired certificate reads as
    // "socket hang up"), and the refusal is to be logged with both. No request is read before then.
    const server = tls.createServer({
      ...identity.contextOptions(),
      requestCert: clientAuth !== 'none',
      rejectUnauthorized: false,
    });
    server.on('secureConnection', (socket: tls.TLSSocket) => this.onSocket(socket, socket));
    // A plaintext client on a TLS port, a client without a TLS version or cipher in common: one line, and the socket is gone.
    server.on('tlsClientError', (error: Error, socket: tls.TLSSocket) => {
      this.log.warn({ peer: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`, err: error.message }, 'TLS handshake failed; connection closed');
      this.authenticated(TLS_MECHANISM, false);
    });
    this.unwatchTls = identity.onReload(() => {
      server.setSecureContext(identity.contextOptions());
      this.log.info({ listen: this.options.listen }, 'Kafka listener reloaded its TLS certificate');
    });
    this.server = server;
  }

  get port(): number {
    return this.boundPort;
  }

  /** Binds and serves; resolves with the bound port (ListenFailedError when it cannot bind). */
  start(): Promise<number> {
    if (this.stopping !== undefined) return Promise.reject(new TransportStateError('KafkaListener: start() after stop()'));
    this.starting ??= this.bind();
    return this.starting;
  }

  private bind(): Promise<number> {
    const at = this.options.listen.lastIndexOf(':');
    const host = this.options.listen.slice(0, at).replace(/^\[|\]$/g, '');
    const port = Number(this.options.listen.slice(at + 1));
    return new Promise<number>((resolve, reject) => {
      const onError = (error: Error): void => reject(new ListenFailedError(this.options.listen, error));
      this.server.once('error', onError);
      this.server.listen({ host, port }, () => {
        this.server.off('error', onError);
        this.server.on('error', (error) => this.log.error({ err: error }, 'Kafka listener error'));
        const address = this.server.address();
        this.boundPort = typeof address === 'object' && address !== null ? address.port : port;
        this.log.info({ listen: this.options.listen, port: this.boundPort, securityProtocol: this.security.protocol, apis: this.advertised.length }, 'Kafka listener serving');
        resolve(this.boundPort);
      });
    });
  }

  private onSocket(socket: net.Socket, secured: tls.TLSSocket | null): void {
    if (this.stopping !== undefined) {
      socket.destroy();
      return;
    }
    let principal: string | null = null;
    if (secured !== null) {
      const certificate = secured.getPeerCertificate();
      const presented = certificate !== null && Object.keys(certificate).length > 0;
      // ssl.client.auth=requested: a certificate is optional, but one that is given must verify;
      // required: one must be given. The reason is Node's verification code (CERT_HAS_EXPIRED, ...).
      const refusal = presented && !secured.authorized ? String(secured.authorizationError) : !presented && this.security.clientAuth === 'required' ? 'no client certificate (ssl.client.auth=required)' : null;
      if (refusal !== null) {
        this.log.warn({ peer: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`, reason: refusal }, 'client certificate refused; connection closed');
        this.authenticated(TLS_MECHANISM, false);
        socket.destroy();
        return;
      }
      if (presented) principal = certificatePrincipal(certificate);
      // On SASL_SSL the SASL exchange is the authentication, counted when it ends.
      if (!usesSasl(this.security.protocol)) this.authenticated(TLS_MECHANISM, true);
    }
    const session = new ClientSession({
      protocol: this.security.protocol,
      host: (socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
      mechanisms: this.security.saslMechanisms ?? SASL_MECHANISMS,
      // On SASL_SSL the principal is the SASL user's; a certificate only encrypts.
      certificatePrincipal: usesSasl(this.security.protocol) ? null : principal,
      maxReauthMs: this.security.maxReauthMs ?? 0,
      credentials: this.security.credentials ?? NO_CREDENTIALS,
      ...(this.security.authorizer === undefined ? {} : { authorizer: this.security.authorizer }),
      onAuthentication: (mechanism, succeeded) => this.authenticated(mechanism, succeeded),
    });
    const connection = new ListenerConnection({
      socket,
      handlers: this.options.handlers,
      advertised: this.advertised,
      maxFrameBytes: this.options.maxFrameBytes ?? DEFAULT_MAX_FRAME_SIZE,
      maxInFlight: this.options.maxInFlightPerConnection ?? 1000,
      logger: this.log,
      observeRequest: this.options.observeRequest ?? null,
      onClose: (c) => this.connections.delete(c),
      session,
    });
    this.connections.add(connection);
  }

  /** Tells the observer, which may not disturb the connection path by throwing. */
  private authenticated(mechanism: string, succeeded: boolean): void {
    const observe = this.options.observeAuthentication;
    if (observe === undefined) return;
    try {
      observe('broker', mechanism, succeeded);
    } catch (error) {
      this.log.warn({ err: error }, 'authentication observer failed');
    }
  }

  /** The number of open client connections. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** Stops accepting, gives connections a moment to finish answering, then closes them. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (this.starting !== undefined) await this.starting.catch(() => undefined);
      const wasListening = this.server.listening;
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      const deadline = Date.now() + SHUTDOWN_GRACE_MS;
      while ([...this.connections].some((c) => c.inFlight > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const connection of this.connections) connection.close();
      if (wasListening) await closed;
      this.unwatchTls?.();
      this.log.info('Kafka listener stopped');
    })();
    return this.stopping;
  }
}
