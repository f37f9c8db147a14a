/**
 * A follower's client of one leader's Replication service: its fetch, with a deadline.
 *
 * ```ts
 * const leader = new ReplicationConnection({ address: '127.0.0.1:9095' });
 * const { topics } = await leader.fetch({ replicaId: 2, replicaEpoch: 7, maxWaitMs: 500, ... });
 * leader.close();
 * ```
 *
 * Fetches go on one FetchStream (fetch-stream.ts) unless `stream: false` or the leader serves none,
 * then as one unary Fetch call each; either way with the same outcomes.
 *
 * Kafka outcomes come back inside responses, as from the BrokerApi; the promise rejects only when there
 * is no Kafka answer: BrokerUnreachableError when the call did not get through (connection refused
 * or lost, deadline passed, broker stopping or failing), MalformedBrokerMessageError when the
 * request could not be encoded, was refused as malformed, or the response does not decode.
 * Nothing is retried here: the caller knows what is safe to retry.
 */
import { Client, credentials, Metadata, status as grpcStatus, type ChannelOptions, type ServiceError } from '@grpc/grpc-js';
import type { FetchRequest, FetchResponse } from '../protocol/fetch';
import { grpcChannelCredentials, type TlsIdentity } from '@kz/runtime';
import { BrokerUnreachableError } from './broker-unreachable-error';
import { FetchStream, type FetchStreamFailure } from './fetch-stream';
import { decodeReplicationResponse, encodeReplicationRequest } from './replication-codec';
import {
  asBuffer,
  replicationRpcPath,
  DEFAULT_MAX_MESSAGE_BYTES,
  ERROR_CODE_KEY,
  FETCH_STREAM_METHOD,
  FLOW_CONTROL_WINDOW_BYTES,
  KEEPALIVE_TIME_MS,
  KEEPALIVE_TIMEOUT_MS,
  passThrough,
  type ReplicationApi,
  type ReplicationMethodName,
  type ReplicationRequest,
  type ReplicationResponse,
} from './replication-rpc';
import { MalformedBrokerMessageError } from './malformed-broker-message-error';

export interface ReplicationConnectionOptions {
  /** `host:port` of the leader's Replication service. */
  readonly address: string;
  /** Deadline of a call that names none. Default 30 000 ms. */
  readonly requestTimeoutMs?: number;
  /** Largest message either way. Default 64 MiB. */
  readonly maxMessageBytes?: number;
  /** Sent as the user agent, so a broker's logs can tell clients apart. */
  readonly clientId?: string;
  /** Mutual TLS with this node's identity; default plaintext. */
  readonly tls?: TlsIdentity;
  /** Fetch over one long-lived FetchStream (default), or one unary call per fetch. */
  readonly stream?: boolean;
}

/** Per-call options. */
export interface CallOptions {
  /** This call's deadline, from now. Default: the connection's requestTimeoutMs. */
  readonly timeoutMs?: number;
}

export const REPLICATION_CONNECTION_DEFAULTS = {
  requestTimeoutMs: 30_000,
  maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
} as const;


export class ReplicationConnection implements ReplicationApi {
  readonly address: string;
  private readonly requestTimeoutMs: number;
  private readonly client: Client;
  private closed = false;
  /** Null: fetches go unary (asked for, or the leader serves no FetchStream). */
  private fetchStream: FetchStream | null;

  constructor(options: ReplicationConnectionOptions) {
    this.address = options.address;
    this.requestTimeoutMs = options.requestTimeoutMs ?? REPLICATION_CONNECTION_DEFAULTS.requestTimeoutMs;
    if (!(this.requestTimeoutMs > 0)) throw new RangeError(`requestTimeoutMs must be positive, got ${this.requestTimeoutMs}`);
    const maxMessageBytes = options.maxMessageBytes ?? REPLICATION_CONNECTION_DEFAULTS.maxMessageBytes;
    const channelOptions: ChannelOptions = {
      'grpc.max_receive_message_length': maxMessageBytes,
      'grpc.max_send_message_length': maxMessageBytes,
      'grpc.keepalive_time_ms': KEEPALIVE_TIME_MS,
      'grpc.keepalive_timeout_ms': KEEPALIVE_TIMEOUT_MS,
      'grpc-node.flow_control_window': FLOW_CONTROL_WINDOW_BYTES,
      // A restarted broker must be found again within a fraction of a second, not grpc-js's 120 s.
      'grpc.initial_reconnect_backoff_ms': 50,
      'grpc.max_reconnect_backoff_ms': 1000,
      // One call is one attempt: the retry policy belongs to the caller, which knows Kafka's errors.
      'grpc.enable_retries': 0,
      // Each connection gets its own TCP connection, even to an address another one already uses.
      'grpc.use_local_subchannel_pool': 1,
      ...(options.clientId === undefined ? {} : { 'grpc.primary_user_agent': options.clientId }),
    };
    this.client = new Client(this.address, options.tls === undefined ? credentials.createInsecure() : grpcChannelCredentials(options.tls), channelOptions);
    this.fetchStream =
      options.stream === false
        ? null
        : new FetchStream({
            open: () => this.client.makeBidiStreamRequest(replicationRpcPath(FETCH_STREAM_METHOD), passThrough, passThrough, new Metadata()),
            unimplemented: (fetches) => {
              this.fetchStream = null;
              for (const fetch of fetches) this.unary('Fetch', fetch.body, fetch.timeoutMs, fetch.done);
            },
          });
  }

  /** The deadline must outlast the request's maxWaitMs, or a long poll comes back as a failure. */
  fetch(request: FetchRequest, options?: CallOptions): Promise<FetchResponse> {
    return this.call('Fetch', request, options ?? { timeoutMs: this.requestTimeoutMs + request.maxWaitMs });
  }

  /** Closes the connection; calls in flight fail with BrokerUnreachableError (CANCELLED). */
  close(): void {
    this.closed = true;
    this.fetchStream?.close();
    this.client.close();
  }

  private call<M extends ReplicationMethodName>(method: M, request: ReplicationRequest<M>, options: CallOptions | undefined): Promise<ReplicationResponse<M>> {
    if (this.closed) return Promise.reject(new BrokerUnreachableError(this.address, 'CANCELLED', `${method} to ${this.address}: the connection is closed`));
    let body: Buffer;
    try {
      body = asBuffer(encodeReplicationRequest(method, request));
    } catch (error) {
      return Promise.reject(error);
    }
    const timeoutMs = options?.timeoutMs ?? this.requestTimeoutMs;
    return new Promise((resolve, reject) => {
      const done = (failure: FetchStreamFailure | null, response: Buffer | null): void => {
        if (failure !== null) {
          reject(this.fromStatus(method, failure));
          return;
        }
        if (response === null) {
          reject(new MalformedBrokerMessageError(`${method} from ${this.address}: empty response`));
          return;
        }
        try {
          resolve(decodeReplicationResponse(method, response));
        } catch (error) {
          reject(error);
        }
      };
      if (this.fetchStream !== null) this.fetchStream.send({ body, timeoutMs, done });
      else this.unary(method, body, timeoutMs, done);
    });
  }

  private unary(method: ReplicationMethodName, body: Buffer, timeoutMs: number, done: (failure: FetchStreamFailure | null, response: Buffer | null) => void): void {
    this.client.makeUnaryRequest(replicationRpcPath(method), passThrough, passThrough, body, new Metadata(), { deadline: Date.now() + timeoutMs }, (failure: ServiceError | null, response?: Buffer) =>
      done(failure, response ?? null),
    );
  }

  private fromStatus(method: ReplicationMethodName, failure: FetchStreamFailure): Error {
    const name = grpcStatus[failure.code] ?? String(failure.code);
    if (failure.code === grpcStatus.INVALID_ARGUMENT && failure.metadata?.get(ERROR_CODE_KEY)[0] === 'INVALID_REQUEST') {
      return new MalformedBrokerMessageError(`${method} refused by ${this.address}: ${failure.details}`, { cause: failure });
    }
    // Whatever else a call ends with, the broker gave no Kafka answer: to the caller it was not reached.
    return new BrokerUnreachableError(this.address, name, `${method} to ${this.address} failed (${name}): ${failure.details}`, { cause: failure });
  }
}
