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
  type ServerDuplexStream,
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
  FETCH_STREAM_METHOD,
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
type StreamHandler = (call: ServerDuplexStream<Buffer, Buffer>) => void;
/** What a request's answer needs of its call or stream: who sent it. */
type Caller = Pick<ServerUnaryCall<Buffer, Buffer>, 'getPeer' | 'getAuthContext'>;
type GrpcFailure = NonNullable<Parameters<sendUnaryData<Buffer>>[0]>;

/** One request's outcome: a body to send, or the status that refuses or fails it, and the Kafka error it counts as. */
interface Answer {
  readonly failure: GrpcFailure | null;
  readonly body: Buffer | null;
  readonly errorName: string | null;
}

function refusal(failure: GrpcFailure, errorName: string | null = null): Answer {
  return { failure, body: null, errorName };
}

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
  /** Ends each open FetchStream after its answers (stop). */
  private readonly openStreams = new Set<() => void>();
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
      // A FetchStream never ends on its own: ended here once its answers are out, or tryShutdown
      // would always wait out the grace period.
      for (const end of [...this.openStreams]) end();
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
    const handlers: Record<string, UnaryHandler | StreamHandler> = {};
    for (const method of REPLICATION_METHOD_NAMES) handlers[method] = ((call, respond) => this.onCall(method, call, respond)) satisfies UnaryHandler;
    handlers[FETCH_STREAM_METHOD] = ((call) => this.onFetchStream(call)) satisfies StreamHandler;
    return handlers;
  }

  private onCall<M extends ReplicationMethodName>(method: M, call: ServerUnaryCall<Buffer, Buffer>, send: sendUnaryData<Buffer>): void {
    const respond = observedRespond(method, send, this.observer, this.log);
    void this.answer(method, call.request, call).then((answer) => respond(answer.failure, answer.body, answer.errorName));
  }

  /**
   * A follower's fetches on one stream: each request answered in the order it came, as its unary
   * Fetch would be. A request that Fetch would refuse or fail ends the stream with that status (the
   * follower opens another for its next fetch); so does the caller going away.
   */
  private onFetchStream(call: ServerDuplexStream<Buffer, Buffer>): void {
    let open = true;
    // Answers leave in request order even when a later fetch is ready first.
    let previous: Promise<void> = Promise.resolve();
    const endAfterAnswers = (): void => {
      void previous.then(() => {
        if (!open) return;
        open = false;
        this.openStreams.delete(endAfterAnswers);
        call.end();
      });
    };
    const gone = (): void => {
      open = false;
      this.openStreams.delete(endAfterAnswers);
    };
    this.openStreams.add(endAfterAnswers);
    call.on('cancelled', gone);
    call.on('error', gone);
    call.on('close', gone);
    call.on('end', endAfterAnswers);
    const send = (failure: GrpcFailure | null, body?: Buffer | null): void => {
      if (!open) return;
      if (failure === null && body !== undefined && body !== null) {
        call.write(body);
        return;
      }
      gone();
      // A server stream fails with a status by emitting it as an error (grpc-js sends it as the trailers).
      call.emit('error', failure ?? { code: status.INTERNAL, details: 'Fetch answered nothing' });
    };
    call.on('data', (bytes: Buffer) => {
      const respond = observedRespond('Fetch', send, this.observer, this.log);
      const answered = this.answer('Fetch', bytes, call);
      previous = previous.then(async () => {
        const answer = await answered;
        respond(answer.failure, answer.body, answer.errorName);
      });
    });
  }

  /** The answer to one request, as the unary call's respond or the stream's next message takes it. */
  private answer<M extends ReplicationMethodName>(method: M, bytes: Buffer, call: Caller): Promise<Answer> {
    let request: ReplicationRequest<M>;
    try {
      request = decodeReplicationRequest(method, bytes);
    } catch (error) {
      if (!(error instanceof MalformedBrokerMessageError)) {
        this.log.error({ rpc: method, err: error }, 'replication request decoding failed');
        return Promise.resolve(refusal({ code: status.INTERNAL, details: `${method} request could not be read` }));
      }
      this.log.debug({ rpc: method, peer: call.getPeer(), error: error.message }, 'refused a malformed replication request');
      const metadata = new Metadata();
      metadata.set(ERROR_CODE_KEY, error.code);
      return Promise.resolve(refusal({ code: status.INVALID_ARGUMENT, details: error.message, metadata }));
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
        return Promise.resolve(
          refusal({ code: status.PERMISSION_DENIED, details: `replica ${claimed} is not the node the caller's certificate names (${certified ?? 'none'})` }, 'CLUSTER_AUTHORIZATION_FAILED'),
        );
      }
    }
    let served: Promise<ReplicationResponse<M>>;
    try {
      served = this.serve(method, request);
    } catch (error) {
      // A BrokerApi that throws instead of rejecting failed the same way.
      served = Promise.reject(error);
    }
    return served.then(
      (response): Answer => {
        let body: Buffer;
        try {
          body = asBuffer(encodeReplicationResponse(method, response));
        } catch (error) {
          this.log.error({ rpc: method, err: error }, 'replication response does not encode');
          return refusal({ code: status.INTERNAL, details: `${method} response could not be encoded` });
        }
        return { failure: null, body, errorName: requestErrorName(response) };
      },
      (error: unknown): Answer => {
        // The BrokerApi answers every Kafka outcome in its response; a rejection is the broker failing.
        const message = error instanceof Error ? error.message : String(error);
        this.log.warn({ rpc: method, err: error }, 'broker failed a request');
        return refusal({ code: status.UNAVAILABLE, details: message }, kafkaErrorOf(error).errorName);
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
