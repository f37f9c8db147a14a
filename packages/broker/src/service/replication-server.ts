/**
 * The Replication gRPC service over a broker's fetch: decode, call, encode. Followers' replica
 * fetchers are its only clients; clients speak Kafka's protocol on the Kafka listener.
 *
 * ```ts
 * const server = new ReplicationServer({ api, listen: '0.0.0.0:9095', logger });
 * const port = await server.start();
 * ...
 * await server.stop();
 * ```
 *
 * Every Kafka-level outcome — NOT_LEADER_OR_FOLLOWER with the current leader, OFFSET_OUT_OF_RANGE,
 * a diverging epoch — travels inside the response message. gRPC statuses say only what is not a Kafka
 * answer: a request that does not decode (INVALID_ARGUMENT + `kz-error-code: INVALID_REQUEST`), a
 * BrokerApi whose promise rejected, meaning the broker itself failed or is stopping (UNAVAILABLE,
 * with the error's message), a response that does not encode (INTERNAL: a bug).
 */
import {
  Metadata,
  Server,
  status,
  type ServerUnaryCall,
  type sendUnaryData,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { kafkaErrorName } from '@kz/metadata';
import { ListenFailedError, TransportStateError } from '@kz/raft';
import { grpcServerCredentials, observedRespond, peerNodeId, TLS_MECHANISM, type AuthenticationObserver, type RequestObserver, type TlsIdentity } from '@kz/runtime';
import pino, { type Logger } from 'pino';
import { kafkaErrorOf } from '../server/error-code';
import { decodeReplicationRequest, encodeReplicationResponse } from './replication-codec';
import {
  asBuffer,
  DEFAULT_MAX_MESSAGE_BYTES,
  ERROR_CODE_KEY,
  KEEPALIVE_TIME_MS,
  KEEPALIVE_TIMEOUT_MS,
  REPLICATION_METHOD_NAMES,
  REPLICATION_RPCS,
  REPLICATION_SERVICE_DEFINITION,
  type ReplicationApi,
  type ReplicationMethodName,
  type ReplicationRequest,
  type ReplicationResponse,
} from './replication-rpc';
import { MalformedBrokerMessageError } from './malformed-broker-message-error';

export interface ReplicationServerOptions {
  readonly api: ReplicationApi;
  /** `host:port` to serve on; port 0 picks a free port (start() resolves with it). */
  readonly listen: string;
  /** Largest message either way. Default 64 MiB: a fetch of many partitions outgrows gRPC's 4 MiB. */
  readonly maxMessageBytes?: number;
  readonly logger?: Logger;
  /**
   * Told of every call once answered. The outcome counted is the request's own, not its
   * partitions': a call refused or failed over gRPC (INVALID_REQUEST for one that does not decode,
   * the broker's failure — KAFKA_STORAGE_ERROR, UNKNOWN_SERVER_ERROR — for a rejected call), or a
   * response whose request-level error code is set (STALE_BROKER_EPOCH). A Fetch answered with
   * NOT_LEADER_OR_FOLLOWER for some partitions counts as answered without error.
   */
  readonly observeRequest?: RequestObserver;
  /**
   * Mutual TLS: serve with this identity, and refuse (PERMISSION_DENIED) a fetch whose replica id is
   * not the node its caller's certificate names — one broker cannot read as another.
   */
  readonly tls?: TlsIdentity;
  /** Told of each caller refused because its certificate names another node (service `replication`). */
  readonly observeAuthentication?: AuthenticationObserver;
}

/** How long stop() lets in-flight calls (a long-polling fetch, say) finish before cutting them. */
const SHUTDOWN_GRACE_MS = 1000;

type UnaryHandler = (call: ServerUnaryCall<Buffer, Buffer>, respond: sendUnaryData<Buffer>) => void;

export class ReplicationServer {
  private readonly api: ReplicationApi;
  private readonly listen: string;
  private readonly maxMessageBytes: number;
  private readonly log: Logger;
  private readonly observer: RequestObserver | null;
  private readonly tls: TlsIdentity | undefined;
  private readonly observeAuthentication: AuthenticationObserver | undefined;
  /** Refused callers, logged once each. */
  private readonly warned = new Set<string>();
  private server: Server | undefined;
  private starting: Promise<number> | undefined;
  private stopping: Promise<void> | undefined;
  private boundPort = -1;

  constructor(options: ReplicationServerOptions) {
    this.api = options.api;
    this.listen = options.listen;
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.log = (options.logger ?? pino({ level: 'info' })).child({ component: 'replication-service' });
    this.observer = options.observeRequest ?? null;
    this.tls = options.tls;
    this.observeAuthentication = options.observeAuthentication;
  }

  /** The bound port once started; -1 before. */
  get port(): number {
    return this.boundPort;
  }

  /**
   * Binds `listen` and serves; resolves with the bound port (ListenFailedError when it cannot bind).
   * Calling it again returns the same port.
   */
  start(): Promise<number> {
    if (this.stopping !== undefined) return Promise.reject(new TransportStateError('ReplicationServer: start() after stop()'));
    this.starting ??= this.bind();
    return this.starting;
  }

  private async bind(): Promise<number> {
    const server = new Server({
      'grpc.max_receive_message_length': this.maxMessageBytes,
      'grpc.max_send_message_length': this.maxMessageBytes,
      'grpc.keepalive_time_ms': KEEPALIVE_TIME_MS,
      'grpc.keepalive_timeout_ms': KEEPALIVE_TIMEOUT_MS,
    });
    server.addService(REPLICATION_SERVICE_DEFINITION, this.implementation());
    try {
      this.boundPort = await new Promise<number>((resolve, reject) =>
        server.bindAsync(this.listen, grpcServerCredentials(this.tls), (error, bound) => (error ? reject(error) : resolve(bound))),
      );
    } catch (error) {
      server.forceShutdown();
      throw new ListenFailedError(this.listen, error);
    }
    this.server = server;
    this.log.info({ listen: this.listen, port: this.boundPort }, 'replication service listening');
    return this.boundPort;
  }

  /** Stops taking calls and lets those in flight answer (for up to a second). The broker keeps running. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      // A stop() racing start() must still close what start() opens.
      if (this.starting !== undefined) await this.starting.catch(() => undefined);
      const server = this.server;
      if (server === undefined) return;
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, SHUTDOWN_GRACE_MS);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      this.log.info('replication service stopped');
    })();
    return this.stopping;
  }

  private implementation(): UntypedServiceImplementation {
    const handlers: Record<string, UnaryHandler> = {};
    for (const method of REPLICATION_METHOD_NAMES) handlers[method] = (call, respond) => this.onCall(method, call, respond);
    return handlers;
  }

  private onCall<M extends ReplicationMethodName>(method: M, call: ServerUnaryCall<Buffer, Buffer>, send: sendUnaryData<Buffer>): void {
    const respond = observedRespond(method, send, this.observer, this.log);
    let request: ReplicationRequest<M>;
    try {
      request = decodeReplicationRequest(method, call.request);
    } catch (error) {
      if (!(error instanceof MalformedBrokerMessageError)) {
        this.log.error({ rpc: method, err: error }, 'replication request decoding failed');
        respond({ code: status.INTERNAL, details: `${method} request could not be read` }, null);
        return;
      }
      this.log.debug({ rpc: method, peer: call.getPeer(), error: error.message }, 'refused a malformed replication request');
      const metadata = new Metadata();
      metadata.set(ERROR_CODE_KEY, error.code);
      respond({ code: status.INVALID_ARGUMENT, details: error.message, metadata }, null);
      return;
    }
    if (this.tls !== undefined) {
      const certified = peerNodeId(call);
      const claimed = (request as { replicaId?: number }).replicaId;
      if (certified === null || certified !== claimed) {
        // Every refusal is counted; only the first of each kind is logged.
        this.observeAuthentication?.('replication', TLS_MECHANISM, false);
        const key = `${call.getPeer()}|${claimed}|${certified}`;
        if (!this.warned.has(key)) {
          this.warned.add(key);
          this.log.warn({ rpc: method, peer: call.getPeer(), claimed, certified }, 'refused a replica fetch whose certificate names another node');
        }
        respond({ code: status.PERMISSION_DENIED, details: `replica ${claimed} is not the node the caller's certificate names (${certified ?? 'none'})` }, null, 'CLUSTER_AUTHORIZATION_FAILED');
        return;
      }
    }
    let answer: Promise<ReplicationResponse<M>>;
    try {
      answer = this.serve(method, request);
    } catch (error) {
      // A BrokerApi that throws instead of rejecting failed the same way.
      answer = Promise.reject(error);
    }
    answer.then(
      (response) => {
        let body: Buffer;
        try {
          body = asBuffer(encodeReplicationResponse(method, response));
        } catch (error) {
          this.log.error({ rpc: method, err: error }, 'replication response does not encode');
          respond({ code: status.INTERNAL, details: `${method} response could not be encoded` }, null);
          return;
        }
        respond(null, body, requestErrorName(response));
      },
      (error: unknown) => {
        // The BrokerApi answers every Kafka outcome in its response; a rejection is the broker failing.
        const message = error instanceof Error ? error.message : String(error);
        this.log.warn({ rpc: method, err: error }, 'broker failed a request');
        respond({ code: status.UNAVAILABLE, details: message }, null, kafkaErrorOf(error).errorName);
      },
    );
  }

  /** `respond` that also tells the observer (when there is one) how long the call took and how it ended. */
  private serve<M extends ReplicationMethodName>(method: M, request: ReplicationRequest<M>): Promise<ReplicationResponse<M>> {
    const name = REPLICATION_RPCS[method];
    // The codec decoded `request` as this method's, which is the one its BrokerApi method takes.
    const call = this.api[name] as (this: ReplicationApi, request: ReplicationRequest<M>) => Promise<ReplicationResponse<M>>;
    return call.call(this.api, request);
  }
}

/**
 * The Kafka error of a response as a whole: its request-level error code, null when there is none
 * or it is 0. Per-partition codes are not the request's outcome.
 */
function requestErrorName(response: object): string | null {
  if (!('errorCode' in response) || typeof response.errorCode !== 'number' || response.errorCode === 0) return null;
  return kafkaErrorName(response.errorCode);
}
