/**
 * The Broker gRPC service over one BrokerApi: decode, call, encode.
 *
 * ```ts
 * const server = new BrokerServer({ api, listen: '0.0.0.0:9092', logger });
 * const port = await server.start();
 * ...
 * await server.stop();
 * ```
 *
 * Every Kafka-level outcome — NOT_LEADER_OR_FOLLOWER with the current leader, OFFSET_OUT_OF_RANGE,
 * NOT_COORDINATOR — travels inside the response message. gRPC statuses say only what is not a Kafka
 * answer: a request that does not decode (INVALID_ARGUMENT + `kz-error-code: INVALID_REQUEST`), a
 * BrokerApi whose promise rejected, meaning the broker itself failed or is stopping (UNAVAILABLE,
 * with the error's message), a response that does not encode (INTERNAL: a bug).
 */
import {
  Metadata,
  Server,
  ServerCredentials,
  status,
  type ServerUnaryCall,
  type sendUnaryData,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { kafkaErrorName } from '@kz/metadata';
import { ListenFailedError, observedRespond, TransportStateError, type RequestObserver } from '@kz/raft';
import pino, { type Logger } from 'pino';
import type { BrokerApi } from '../protocol/broker-api';
import { kafkaErrorOf } from '../server/error-code';
import { decodeBrokerRequest, encodeBrokerResponse } from './broker-codec';
import {
  asBuffer,
  BROKER_METHOD_NAMES,
  BROKER_RPCS,
  BROKER_SERVICE_DEFINITION,
  DEFAULT_MAX_MESSAGE_BYTES,
  ERROR_CODE_KEY,
  KEEPALIVE_TIME_MS,
  KEEPALIVE_TIMEOUT_MS,
  type BrokerMethodName,
  type BrokerRequest,
  type BrokerResponse,
} from './broker-rpc';
import { MalformedBrokerMessageError } from './malformed-broker-message-error';

export interface BrokerServerOptions {
  readonly api: BrokerApi;
  /** `host:port` to serve on; port 0 picks a free port (start() resolves with it). */
  readonly listen: string;
  /** Largest message either way. Default 64 MiB: a fetch of many partitions outgrows gRPC's 4 MiB. */
  readonly maxMessageBytes?: number;
  readonly logger?: Logger;
  /**
   * Told of every call once answered. The outcome counted is the request's own, not its
   * partitions': a call refused or failed over gRPC (INVALID_REQUEST for one that does not decode,
   * the broker's failure — KAFKA_STORAGE_ERROR, UNKNOWN_SERVER_ERROR — for a rejected BrokerApi
   * call), or a response whose request-level error code is set (Fetch's STALE_BROKER_EPOCH,
   * FindCoordinator's and OffsetFetch's NOT_COORDINATOR, ...). A Produce or Fetch answered with
   * NOT_LEADER_OR_FOLLOWER for some partitions counts as answered without error.
   */
  readonly observeRequest?: RequestObserver;
}

/** How long stop() lets in-flight calls (a long-polling fetch, say) finish before cutting them. */
const SHUTDOWN_GRACE_MS = 1000;

type UnaryHandler = (call: ServerUnaryCall<Buffer, Buffer>, respond: sendUnaryData<Buffer>) => void;

export class BrokerServer {
  private readonly api: BrokerApi;
  private readonly listen: string;
  private readonly maxMessageBytes: number;
  private readonly log: Logger;
  private readonly observer: RequestObserver | null;
  private server: Server | undefined;
  private starting: Promise<number> | undefined;
  private stopping: Promise<void> | undefined;
  private boundPort = -1;

  constructor(options: BrokerServerOptions) {
    this.api = options.api;
    this.listen = options.listen;
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.log = (options.logger ?? pino({ level: 'info' })).child({ component: 'broker-service' });
    this.observer = options.observeRequest ?? null;
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
    if (this.stopping !== undefined) return Promise.reject(new TransportStateError('BrokerServer: start() after stop()'));
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
    server.addService(BROKER_SERVICE_DEFINITION, this.implementation());
    try {
      this.boundPort = await new Promise<number>((resolve, reject) =>
        server.bindAsync(this.listen, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
      );
    } catch (error) {
      server.forceShutdown();
      throw new ListenFailedError(this.listen, error);
    }
    this.server = server;
    this.log.info({ listen: this.listen, port: this.boundPort }, 'broker service listening');
    return this.boundPort;
  }

  /** Stops taking calls and lets those in flight answer (for up to a second). The BrokerApi keeps running. */
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
      this.log.info('broker service stopped');
    })();
    return this.stopping;
  }

  private implementation(): UntypedServiceImplementation {
    const handlers: Record<string, UnaryHandler> = {};
    for (const method of BROKER_METHOD_NAMES) handlers[method] = (call, respond) => this.onCall(method, call, respond);
    return handlers;
  }

  private onCall<M extends BrokerMethodName>(method: M, call: ServerUnaryCall<Buffer, Buffer>, send: sendUnaryData<Buffer>): void {
    const respond = observedRespond(method, send, this.observer, this.log);
    let request: BrokerRequest<M>;
    try {
      request = decodeBrokerRequest(method, call.request);
    } catch (error) {
      if (!(error instanceof MalformedBrokerMessageError)) {
        this.log.error({ rpc: method, err: error }, 'broker request decoding failed');
        respond({ code: status.INTERNAL, details: `${method} request could not be read` }, null);
        return;
      }
      this.log.debug({ rpc: method, peer: call.getPeer(), error: error.message }, 'refused a malformed broker request');
      const metadata = new Metadata();
      metadata.set(ERROR_CODE_KEY, error.code);
      respond({ code: status.INVALID_ARGUMENT, details: error.message, metadata }, null);
      return;
    }
    let answer: Promise<BrokerResponse<M>>;
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
          body = asBuffer(encodeBrokerResponse(method, response));
        } catch (error) {
          this.log.error({ rpc: method, err: error }, 'broker response does not encode');
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
  private serve<M extends BrokerMethodName>(method: M, request: BrokerRequest<M>): Promise<BrokerResponse<M>> {
    const name = BROKER_RPCS[method];
    // The codec decoded `request` as this method's, which is the one its BrokerApi method takes.
    const call = this.api[name] as (this: BrokerApi, request: BrokerRequest<M>) => Promise<BrokerResponse<M>>;
    return call.call(this.api, request);
  }
}

/**
 * The Kafka error of a response as a whole: the request-level error code some responses carry
 * (Fetch, FindCoordinator, OffsetFetch), null when there is none or it is 0. Per-partition codes
 * are not the request's outcome.
 */
function requestErrorName(response: object): string | null {
  if (!('errorCode' in response) || typeof response.errorCode !== 'number' || response.errorCode === 0) return null;
  return kafkaErrorName(response.errorCode);
}
